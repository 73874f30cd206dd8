"""Issue 22, the twenty-fifth and twenty-sixth held-out sets' import faults (their judges' notes
on the pages as imported): WickedLocal's text full of U+FFFD marks (its curly apostrophes,
quotation marks, dashes and no-break spaces lost when the page was written), Orange
Actualités' crossheads in capitals glued to the paragraph after them, and a wire's copyright
line closing the text. Each shape here as the page printed it, in a small page written for
these tests, and what looks alike and stays."""

from __future__ import annotations

from quiz.articles import import_source
from quiz.articles.build import without_marks
from tests.articles.bridge_page import CHAPEAU, LEAD, REST, SUITE, TITRE, imported, kinds, page

M = "\ufffd"


def test_marks_are_put_back_as_what_they_most_likely_were() -> None:
    assert without_marks(f"the most recent of which{M}totaled about $300 billion") == \
        "the most recent of which totaled about $300 billion"
    assert without_marks(f"Americans haven{M}t seen it, the ball{M}s in her court, we{M}re "
                         f"here") == "Americans haven’t seen it, the ball’s in her court, we’re here"
    assert without_marks(f"coronavirus relief {M} an issue where") == \
        "coronavirus relief – an issue where"
    assert without_marks(f"WASHINGTON{M}{M}{M}The slim chances") == "WASHINGTON – The slim chances"
    assert without_marks(f"{M}Both parties see it,{M} Wright said, {M}astounded{M} to hear.{M}") \
        == "“Both parties see it,” Wright said, “astounded” to hear."
    assert without_marks(f"the stimulus debate.{M}{M}We don{M}t have") == \
        "the stimulus debate. “We don’t have"
    assert without_marks("nothing lost here") == "nothing lost here"


def test_a_page_with_marks_imports_without_them_and_says_so() -> None:
    body = (f"<p>{LEAD.replace(' ', M, 3)}</p>"
            + "".join(f"<p>{p.replace(', ', f',{M} ', 1)}</p>" for p in REST)
            + f"<p>The council{M}s engineers said the work wouldn{M}t wait {M} not a day.</p>")
    result = import_source(page(body, head='<meta charset="utf-8">'), "page.html")
    texts = [block.text for block in result.quiz.article]
    assert not any(M in text for text in texts)
    assert texts[0] == LEAD
    assert texts[-1] == "The council’s engineers said the work wouldn’t wait – not a day."
    assert any("damaged characters" in warning.text for warning in result.warnings)


def test_a_page_without_marks_has_no_such_warning() -> None:
    body = f"<p>{LEAD}</p>" + "".join(f"<p>{p}</p>" for p in REST)
    result = import_source(page(body, head='<meta charset="utf-8">'), "page.html")
    assert not any("damaged characters" in warning.text for warning in result.warnings)


def french_page(body: str) -> bytes:
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{TITRE}</title>'
            f'<meta property="article:published_time" content="2020-05-09"></head><body>'
            f'<article><h1>{TITRE}</h1><div itemprop="articleBody">{body}</div></article>'
            f"</body></html>").encode()


def test_a_line_in_capitals_over_a_paragraph_is_a_crosshead() -> None:
    # Orange Actualités' « …religieuse".<br/><br/>HOFER, PRÉTENDANT SÉRIEUX<br/><br/>Le FPÖ… »
    for crosshead in ("HOFER, PRÉTENDANT SÉRIEUX", '"UNE GRANDE FORCE POLITIQUE D\'OPPOSITION"',
                      'DES "PÈLERINAGES" QUI DÉRANGENT'):
        body = (f"<p>{CHAPEAU}<br/><br/>\n{SUITE[0]}<br/><br/>\n{crosshead}<br/><br/>\n"
                f"{SUITE[1]}<br/><br/>\n{SUITE[2]}</p>" + "".join(f"<p>{s}</p>" for s in SUITE[3:]))
        assert kinds(french_page(body.encode().decode())) == [
            ("paragraph", CHAPEAU), ("paragraph", SUITE[0]), ("heading", crosshead),
            ("paragraph", SUITE[1]), ("paragraph", SUITE[2])] + [
            ("paragraph", s) for s in SUITE[3:]]


def test_a_dateline_or_an_acronym_alone_on_its_line_is_no_crosshead() -> None:
    for line in ("PARIS (AFP) -", "AFP", "BRUXELLES —"):
        body = (f"<p>{line}<br/><br/>\n{CHAPEAU}<br/><br/>\n{SUITE[0]}</p>"
                + "".join(f"<p>{s}</p>" for s in SUITE[1:]))
        assert ("heading", line) not in kinds(french_page(body))
