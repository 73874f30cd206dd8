"""Issue 22, the seventeenth held-out set's import faults: what its pages kept as article text.

The Gateway Pundit's title kept "| The Gateway Pundit | by Cristina Laila" (its markup names the
site in og:site_name, its motto as the site's name), its pictures' captions (each in the
picture's own paragraph) and "More from NBC's TODAY:" over an embedded video; the Daily Mail's
summary in bullet points and its captions (`<p class="imageCaption">`) said the text's
sentences twice; 20 Minutes kept its `<h1>` (the title is its <title>, another), a dateline
fragment « A l'Allianz Riviera (Nice), » and its « >> » crossheads; La Libre its « AFP » and
« Mis en ligne le … »; La DH its sign-off « Rédaction en ligne (avec BELGA et AFP) ». Each
shape here as the page printed it, in a small page written for these tests, and the articles'
own sentences that look alike, kept."""

from __future__ import annotations

import pytest

from quiz.articles import import_source
from quiz.articles.boilerplate import article_blocks, is_boilerplate
from tests.articles.bridge_page import LEAD, REST, page


def imported(html: bytes) -> tuple[str, list[str]]:
    quiz = import_source(html, "page.html").quiz
    return quiz.title, [block.text for block in quiz.article]


PICTURE = '<img src="/a.jpg" width="900" height="500" alt="">'


def test_captions_in_the_pictures_paragraph_go() -> None:
    body = (f"<p>{PICTURE}<br><em>The old bridge seen from the east bank</em></p><p>{LEAD}</p>"
            f"<p>{PICTURE}<br><em>Council leader Ann Lee (R)</em></p>"
            + "".join(f"<p>{s}</p>" for s in REST))
    assert imported(page(body))[1] == [LEAD, *REST]


def test_a_sentence_beside_a_picture_stays() -> None:
    # A paragraph that ends as a sentence ends, or an emoji in it, is the text's.
    said = f"<p>{PICTURE} The council said the bridge was 120 years old.</p>"
    smiley = ('<p>The mayor said she was pleased <img class="emoji" src="/e.png" alt=""> with '
              "the plan</p>")
    body = f"<p>{LEAD}</p>{said}{smiley}" + "".join(f"<p>{s}</p>" for s in REST)
    texts = imported(page(body))[1]
    assert "The council said the bridge was 120 years old." in texts
    assert any(t.startswith("The mayor said she was pleased") for t in texts)


def test_a_caption_class_in_any_case_goes() -> None:
    caption = f'<div class="mol-img-group"><p class="imageCaption">{REST[0][:-1]}</p></div>'
    body = f"<p>{LEAD}</p>{caption}" + "".join(f"<p>{s}</p>" for s in REST)
    assert imported(page(body))[1] == [LEAD, *REST]


def test_a_summary_in_bullet_points_over_the_text_goes() -> None:
    bullets = ("<ul><li>The county council voted to close the old bridge over the river for "
               "repairs</li><li>Engineers found cracks in two of its piers during an "
               "inspection</li></ul>")
    body = bullets + f"<p>{LEAD}</p>" + "".join(f"<p>{s}</p>" for s in REST)
    assert imported(page(body))[1] == [LEAD, *REST]


def test_a_list_the_text_does_not_repeat_stays() -> None:
    items = ("<ul><li>Harbour Street will be one way from Monday</li><li>Parking on Mill Lane "
             "is suspended until June</li></ul>")
    body = items + f"<p>{LEAD}</p>" + "".join(f"<p>{s}</p>" for s in REST)
    texts = imported(page(body))[1]
    assert texts[:2] == ["Harbour Street will be one way from Monday",
                         "Parking on Mill Lane is suspended until June"]


def test_the_author_after_the_site_name_in_the_title_goes() -> None:
    head = ('<meta property="og:site_name" content="The County Post"><meta property='
            '"og:title" content="Old bridge to close for repairs | The County Post | by '
            'Cristina Laila">')
    html = page(f"<p>{LEAD}</p>" + "".join(f"<p>{s}</p>" for s in REST), head,
                "Old bridge to close for repairs | The County Post | by Cristina Laila", h1="")
    assert imported(html)[0] == "Old bridge to close for repairs"


def test_the_pages_headline_over_the_text_goes_when_the_title_is_another() -> None:
    html = (b'<!doctype html><html lang="fr"><head><title>Pont : fermeture travaux</title>'
            b'<meta property="og:title" content="Pont : fermeture travaux">'
            b'<meta property="article:published_time" content="2023-05-09"></head><body>'
            b'<article><header><h1>VIDEO. Le vieux pont ferme pour des travaux</h1></header>'
            + "".join(f"<p>{s}</p>" for s in [LEAD, *REST]).encode()
            + b"</article></body></html>")
    assert imported(html)[1] == [LEAD, *REST]


@pytest.mark.parametrize("junk", [
    "More from NBC’s TODAY:",
    "A l’Allianz Riviera (Nice),",
    "À Bruxelles,",
    "AFP",
    "AFP/Belga",
    "Mis en ligne le 29/12/2012",
    "Rédaction en ligne (avec BELGA et AFP)",
    "(avec AFP)",
    "Twitter content",
    "This content can also be viewed on the site it originates from.",
])
def test_junk_of_the_seventeenth_set_is_not_article_text(junk: str) -> None:
    assert is_boilerplate(junk), junk


@pytest.mark.parametrize("sentence", [
    "More from the minister: she said the bridge would reopen in June.",
    "At the council meeting on Tuesday, the mayor spoke first.",
    "AFP reported that the bridge would reopen in June.",
    "Mis en ligne le 29 décembre, le site a reçu 3 000 visites.",
    "La rédaction en ligne du journal compte douze journalistes.",
])
def test_sentences_that_look_alike_stay(sentence: str) -> None:
    assert not is_boilerplate(sentence), sentence


def test_crossheads_after_a_pointer_are_headings() -> None:
    blocks = article_blocks([("paragraph", LEAD), ("paragraph", ">> Mamma mia, quelle attaque !"),
                             ("paragraph", REST[0])])
    assert blocks == [("paragraph", LEAD), ("heading", "Mamma mia, quelle attaque !"),
                      ("paragraph", REST[0])]
