"""A paragraph the page cut around an image (USA Today: "… the Times reports. She re" |
photo | "turned home that evening, hours before she died.") is one paragraph again."""

from __future__ import annotations

from quiz.articles import import_source

BEFORE = ("Williams, who was seven months pregnant, was turned away at the hospital because of "
          "lack of space in the Ebola ward, the Times reports, quoting her family.")
AFTER = ("It is not clear whether Duncan knew of the woman's diagnosis at the time he left the "
         "country, officials in Liberia said on Wednesday.")


def page(cut: str, rest: str) -> bytes:
    return ('<!doctype html><html lang="en"><head><title>Ebola in Dallas</title>'
            '<meta property="article:published_time" content="2014-10-02"></head><body>'
            f'<article><h1>Ebola in Dallas</h1><p>{BEFORE} {cut}</p>'
            '<figure><img src="a.jpg" alt=""></figure>'
            f'<p>{rest}</p><p>{AFTER}</p></article></body></html>').encode()


def test_a_paragraph_cut_around_an_image_is_joined_inside_its_word_or_between_words() -> None:
    text = import_source(page("She re", "turned home that evening, hours before she died."),
                         "ebola.html").text
    assert "the Times reports, quoting her family. She returned home that evening, hours " \
        "before she died." in text
    text = import_source(page("She", "returned home that evening, hours before she died."),
                         "ebola.html").text
    assert "quoting her family. She returned home that evening" in text
    assert "\n\nIt is not clear whether Duncan" in text  # a new sentence stays a paragraph
