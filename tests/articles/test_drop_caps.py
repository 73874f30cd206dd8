"""A drop cap set apart from its word (The New York Times: ``<span class="g-drop">T</span>
<span class="g-upper">he Smithsonian’s</span>`` was imported « T he Smithsonian’s » and
drafted so)."""

from __future__ import annotations

from quiz.articles import import_source
from quiz.articles.boilerplate import without_drop_cap

REST = ("The museum was built on the last open site of the National Mall, after a campaign of "
        "more than a decade by its founding director and thousands of donors. About 2,600 "
        "artifacts will be on display in the opening exhibitions, many of them treasures "
        "donated by ordinary families who kept them for generations.")


def test_a_drop_cap_is_joined_to_its_word() -> None:
    html = ('<!doctype html><html lang="en"><head><title>A museum opens</title>'
            '<meta property="article:published_time" content="2016-09-15"></head><body>'
            '<article><h1>A museum opens</h1><p><span class="g-drop">T</span> '
            '<span class="g-upper">he Smithsonian’s</span> National Museum of African '
            'American History and Culture opens on Sept. 24 in Washington.</p>'
            f'<p>{REST}</p></article></body></html>').encode()
    text = import_source(html, "museum.html").text
    assert "The Smithsonian’s National Museum" in text and "T he" not in text


def test_a_letter_that_is_a_word_stays() -> None:
    assert without_drop_cap("W ASHINGTON — The Senate voted.") == "WASHINGTON — The Senate voted."
    assert without_drop_cap("« L a ville a voté. »") == "« La ville a voté. »"
    for text in ("A new law was voted.", "I said it was over.", "À Paris, il pleut.",
                 "Y a-t-il un vote ?", "O Canada was sung.", "B. Smith said it."):
        assert without_drop_cap(text) == text
