"""Issue 22, importer: what the judge of the thirty-seventh set found in the imported text
(docs/drafting.md, "Thirty-seventh round"), on a small page modelled on the real one."""

from __future__ import annotations

from typing import Any

import pytest
import trafilatura

from tests.articles.bridge_page import LEAD, REST, imported, page

CREDIT = "Photo: Jane Doe/Instagram"
PEOPLE = page(f"<h2>The council's plan passed five votes to two</h2><p>{CREDIT}</p>" +
              "".join(f"<p>{p}</p>" for p in (LEAD, *REST)))


def falling_back(monkeypatch: pytest.MonkeyPatch, recall_parts: bool = True) -> None:
    """trafilatura as it read People's page: no paragraphs found, the container's whole text
    as one block (headline, subheading and photo credit in it) — unless it favours recall
    (``recall_parts``: then it finds the paragraphs; else only three of them)."""
    extract = trafilatura.extract

    def one_block(page: Any, **options: Any) -> str | None:
        xml = extract(page, **options)
        if xml is None or options.get("favor_recall") and recall_parts:
            return xml
        found = REST[:3] if options.get("favor_recall") else [" ".join([
            TITLE_WORDS, "The council's plan passed five votes to two", CREDIT, LEAD, *REST])]
        paragraphs = "".join(f"<p>{text}</p>" for text in found)
        return xml[:xml.index("<main>")] + f"<main>{paragraphs}</main></doc>"

    monkeypatch.setattr(trafilatura, "extract", one_block)


TITLE_WORDS = "Old bridge to close for repairs"


def test_a_page_read_as_one_block_is_read_again_for_its_paragraphs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # People: the whole article one block, its subheading and photo credits inside; a draft
    # glued them into one "sentence".
    # Read again, its subheading is the standfirst, kept as text before the lead.
    falling_back(monkeypatch)
    blocks = imported(PEOPLE)
    assert blocks == ["The council's plan passed five votes to two", LEAD, *REST], blocks[:3]
    assert not any(CREDIT in block for block in blocks)


def test_one_block_stays_when_reading_again_finds_less_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Three paragraphs of eight read again: the block, whole, loses nothing.
    falling_back(monkeypatch, recall_parts=False)
    blocks = imported(PEOPLE)
    assert any(LEAD in block and REST[-1] in block for block in blocks), blocks


def test_a_page_with_prefixed_elements_is_read_again_as_it_was_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # (review) Le Soir's <cci:p>: read first with the prefixes off; read again, the same way
    # (the page as sent would make trafilatura write XML it cannot read back).
    from quiz.articles import article_from_html

    from .test_prefixed_elements import PAGE, PARAGRAPH

    extract = trafilatura.extract

    def one_block(page: Any, **options: Any) -> str | None:
        xml = extract(page, **options)
        if xml is None or options.get("favor_recall"):
            return xml
        return xml[:xml.index("<main>")] + f"<main><p>{PARAGRAPH * 6}</p></main></doc>"

    monkeypatch.setattr(trafilatura, "extract", one_block)
    blocks = [text for _kind, text in article_from_html(PAGE).blocks]
    assert len(blocks) == 3 and blocks[1].startswith("La ministre de l'Intérieur"), blocks
