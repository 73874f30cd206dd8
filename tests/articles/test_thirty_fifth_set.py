"""Issue 22, importer: what the judge of the thirty-fifth set found in the imported text
(docs/drafting.md, "Thirty-fifth round"), each test on a small page modelled on the real one."""

from __future__ import annotations

from tests.articles.bridge_page import LEAD, REST, imported, page


def body(*inserted: str, at: int = 3) -> str:
    paragraphs = [LEAD, *REST]
    return "".join(f"<p>{p}</p>" for p in [*paragraphs[:at], *inserted, *paragraphs[at:]])


def test_a_subscription_s_selling_points_are_not_the_article() -> None:
    # Daily Express: three lines of a subscription offer in the middle of an inquest's report.
    offer = ("Advert-free experience without interruptions.", "Rocket-fast speedy loading pages.",
             "Exclusive &amp; Unlimited access to all our content.")
    kept = "The bridge's owner offers unlimited access to the towpath for walkers and cyclists."
    blocks = imported(page(body(*offer, kept)))
    text = " ".join(blocks)
    assert "Advert-free" not in text and "Rocket-fast" not in text
    assert "Unlimited access to all our content" not in text
    assert any(kept in block for block in blocks)  # the article's own "unlimited access"
    assert any(REST[2] in block for block in blocks)


def test_a_related_coverage_heading_goes_and_the_text_after_it_stays() -> None:
    # NBC News: the heading of a box of links whose links were left out, kept as a heading.
    blocks = imported(page(body("</p><h2>Related coverage</h2><p>" + REST[0])))
    assert not any("Related coverage" in block for block in blocks)
    assert sum(REST[0] in block for block in blocks) >= 1
    assert any(REST[-1] in block for block in blocks)


def test_a_pull_quote_whose_opening_a_paragraph_quotes_is_left_out() -> None:
    # The Intercept: the pull quote « “It is not enough for one day in a hospital. They just
    # want to help us with burial …” » printed as a paragraph of its own; a later paragraph
    # quotes its opening and tells the rest in its own words.
    pull = ("“It is not enough for one day on the bridge. They just want to help us with "
            "signs and not with the repairs we need.”")
    told = ("Asked about the money the county sent, the mayor sighed. “It is not enough for one "
            "day on the bridge,” he said. Half of it went on signs, he said.")
    blocks = imported(page(body(pull, at=2) + f"<p>{told}</p>"))
    assert not any(block.startswith("“It is not enough") for block in blocks), blocks
    assert any(told in block for block in blocks)


def test_a_quotation_that_a_shorter_paragraph_repeats_stays() -> None:
    # The St Kitts Nevis Observer: the governor's statement quoted whole, then its first two
    # sentences again lower down (a box the import leaves out): the statement is the article's.
    statement = ("“I realise this will be shocking news for people in the Territory. And I "
                 "would call for calm at this time. The deputy will remain acting premier, and "
                 "I will provide a further update in due course.”")
    again = ("I realise this will be shocking news for people in the Territory. And I would "
             "call for calm at this time.")
    blocks = imported(page(body(statement, at=2) + f"<p>{again}</p>"))
    assert any(statement in block for block in blocks), blocks
