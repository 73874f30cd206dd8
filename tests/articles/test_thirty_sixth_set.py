"""Issue 22, importer: what the judge of the thirty-sixth set found in the imported text
(docs/drafting.md, "Thirty-sixth round"), on a small page modelled on the real one."""

from __future__ import annotations

from tests.articles.bridge_page import LEAD, REST, imported, page


def test_a_staff_credit_before_the_article_is_not_its_first_paragraph() -> None:
    # The Tribune (Bahamas): "Tribune Staff Reporter" printed as the story's first paragraph.
    said = "The council's staff reporter said the bridge would reopen in the spring."
    blocks = imported(page("".join(f"<p>{p}</p>" for p in (
        "Tribune Staff Reporter", LEAD, *REST, said))))
    assert blocks[0].startswith(LEAD[:40]), blocks[:2]
    assert not any("Tribune Staff Reporter" in block for block in blocks)
    assert any(said in block for block in blocks)  # a sentence about a staff reporter stays
