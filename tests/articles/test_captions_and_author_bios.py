"""Issue 22, eighth round: photo captions and the notes on the page's author are not article
text (the judge of the seventh set rejected three drafts made of Durban Local's captions,
"Pictured right, is reader …", and one of TechRadar's note on its author)."""

from __future__ import annotations

from quiz.articles.boilerplate import article_blocks, is_author_bio, is_boilerplate


def test_photo_captions_are_boilerplate() -> None:
    assert is_boilerplate(
        "Pictured right, is reader Nicole Bresler, from Burgundy Estate in Durbanville, speaking "
        "to romance novelist Shameez Patel Papathanasiou, from Goodwood, at Exclusive Books (EB) "
        "Waterfront.")
    assert is_boilerplate(
        "Pictured from left, are romance novelists Therese Beharrie, Shameez Patel Papathanasiou, "
        "from Goodwood, Kelly L. Clarke, from Vredehoek, and Dominique Wolf, from Johannesburg.")
    assert is_boilerplate("De gauche à droite : Marie Dupont, Paul Martin et Léa Petit, lors "
                          "de la remise des prix à Lyon.")
    assert is_boilerplate("The mayor and her deputy at the opening of the bridge on Monday. "
                          "(Photo: Jane Smith)")


def test_the_articles_sentences_about_pictures_stay() -> None:
    assert not is_boilerplate(
        "The photographs, taken by a passer-by, were shared thousands of times before the "
        "police asked for them to be taken down.")
    assert not is_boilerplate("Le cliché, pris par un passant, a été partagé des milliers de "
                              "fois avant que la police ne demande son retrait.")


def test_notes_on_the_pages_author_are_left_out() -> None:
    author = "Lance Ulanoff"
    assert is_author_bio(
        "Lance Ulanoff makes frequent appearances on national, international, and local news "
        "programs including Live with Kelly and Mark, the Today Show, Good Morning America, "
        "CNBC, CNN, and the BBC.", author)
    assert is_author_bio(
        "A 38-year industry veteran and award-winning journalist, Lance has covered technology "
        "since PCs were the size of suitcases and “on line” meant “waiting.” He’s a former "
        "Lifewire Editor-in-Chief, Mashable Editor-in-Chief, and, before that, Editor in Chief "
        "of PCMag.com.", author)
    blocks = [("paragraph", "Google says AI Mode will reach every user in the US this week, "
                            "Liz Reid, head of Search, told reporters."),
              ("paragraph", "Lance Ulanoff makes frequent appearances on national news "
                            "programs including the Today Show.")]
    assert article_blocks(blocks, (), author) == blocks[:1]


def test_the_news_about_a_person_who_is_not_the_author_stays() -> None:
    assert not is_author_bio("Liz Reid makes frequent changes to the way Search ranks pages, "
                             "the company said.", "Lance Ulanoff")
    assert not is_author_bio("Lance Ulanoff makes frequent appearances on the news.", None)
