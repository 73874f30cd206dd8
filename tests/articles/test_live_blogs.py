"""Issue 22, fifth round: a live blog is no article, and teasers of other stories are no text.

Les Echos's page on car sales was a live blog (« 9h05 - La Bourse de Paris ouvre dans le vert »,
« 8h47 - ABB voit ses commandes fléchir… »): 7 of its 10 drafts were on the CAC 40, TSMC or
Airbnb. The Taipei Times page ended with teasers of other stories ("RISK REMAINS: An official
said…", "FIVE-YEAR WINDOW? A defense institute CEO said…"), three drafts came from them. The
pages here are small, written for these tests in the shape of those two."""

from __future__ import annotations

import pytest

from quiz.articles import ArticleError, import_source
from quiz.articles.boilerplate import timed_entries, without_byline, without_teasers


def page(body: str, language: str = "fr") -> bytes:
    return (f'<!doctype html><html lang="{language}"><head><title>Les ventes de voitures '
            f'progressent</title><meta property="article:published_time" '
            f'content="2024-07-18"></head><body><article><h1>Les ventes de voitures '
            f'progressent</h1>{body}</article></body></html>').encode()


ENTRIES = [
    ("9h05 - La Bourse de Paris ouvre dans le vert",
     "Lors des premiers échanges, le CAC 40 gagne 0,55 % à 7.612,52 points, porté par les "
     "valeurs du luxe et les banques, après une séance hésitante la veille à Wall Street."),
    ("8h47 - ABB voit ses commandes fléchir au deuxième trimestre",
     "Le conglomérat industriel a vu ses commandes se contracter de 3 %, à 8,4 milliards de "
     "dollars, en deçà des prévisions des analystes interrogés par l'agence Bloomberg."),
    ("8h16 - Semiconducteurs : TSMC voit son bénéfice net bondir",
     "Le géant taïwanais des semi-conducteurs publie un bénéfice net en hausse de 36 % au "
     "deuxième trimestre sur un an, grâce à la demande de puces pour l'intelligence "
     "artificielle."),
    ("7h31 - Les ventes de Renault progressent au premier semestre",
     "Le constructeur automobile a vu ses ventes mondiales augmenter de 1,9 % au premier "
     "semestre, à 1.154.700 unités, contre 1.133.478 unités il y a un an."),
]


def test_a_live_blog_is_refused_with_a_message_saying_why() -> None:
    body = ("<p>Suite des législatives, actualités internationales, vie des entreprises, "
            "Bourse… Toutes les infos de ce jeudi 18 juillet sont à suivre ici.</p>" +
            "".join(f"<p>{time}</p><p>{text}</p>" for time, text in ENTRIES))
    with pytest.raises(ArticleError) as raised:
        import_source(page(body), "live.html")
    assert "this page is a live blog, 4 entries at different times" in str(raised.value)
    assert "paste the text of the entry you want" in str(raised.value)


def test_an_article_quoting_two_times_is_no_live_blog() -> None:
    """A report may open two paragraphs on an hour ("10:30 — the first shots"): three distinct
    timed entries at least make a live blog."""
    blocks = [("paragraph", "10:30 — The first shots were heard near the station."),
              ("paragraph", "The police arrived at the scene within minutes of the call."),
              ("paragraph", "11:15 — The suspect was arrested in a nearby street.")]
    assert timed_entries(blocks) == 2
    body = "".join(f"<p>{text}</p>" for _kind, text in blocks) + (
        "<p>Two officers were slightly hurt during the arrest, a spokesman for the police said "
        "on Tuesday evening, and the station reopened to passengers later that night.</p>")
    imported = import_source(page(body, "en"), "report.html")
    assert "The suspect was arrested" in imported.text


def test_teasers_of_other_stories_at_the_end_are_not_article_text() -> None:
    article = [("paragraph", "Thousands of US and Filipino troops yesterday launched joint "
                             "exercises in the northern and western Philippines."),
               ("paragraph", "He said the Datu Cabaylo was the third vessel damaged this year.")]
    teasers = [("paragraph", "RISK REMAINS: An official said that with the US elections so "
                             "close, it is unclear if China would hold war games."),
               ("paragraph", "FIVE-YEAR WINDOW? A defense institute CEO said a timeline for a "
                             "potential invasion was based on expected measures."),
               ("paragraph", "REACTION TO LAI: A former US official said William Lai took a "
                             "step toward stability with his National Day speech.")]
    assert without_teasers(article + teasers) == article
    # One paragraph opening on a label is the article's own ("UPDATE: …"): it stays.
    update = [("paragraph", "UPDATE: The exercises were extended by two days, the army said.")]
    assert without_teasers(article + update) == article + update


def test_a_dateline_with_its_day_leaves_the_first_paragraph() -> None:
    """Malay Mail: "PUTRAJAYA, Nov 22 — Private companies did not pay …" was kept whole, and
    the drafter asked "Who said that PUTRAJAYA, Nov 22 — Private companies …?"."""
    text = ("PUTRAJAYA, Nov 22 — Private companies did not pay for Prime Minister Anwar "
            "Ibrahim's recent travels abroad, Communications Minister Fahmi Fadzil said today.")
    assert without_byline(text).startswith("Private companies did not pay")
    # A sentence opening on a name in capitals and a dash of its own stays as it is.
    kept = "NATO — the alliance of 32 countries — met in Brussels on Tuesday for two days."
    assert without_byline(kept) == kept
