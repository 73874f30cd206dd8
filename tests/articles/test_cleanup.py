"""Import on real-shaped pages: what a news site puts around and inside the article goes.

The fixtures (tests/data/articles/en-cluttered.html, fr-encombre.html, es-sin-idioma.html,
en-menu-only.html) are small pages written for these tests in the shape of real ones: a
WordPress blog with a Yoast title, a British daily with embeds and boxes, a section front page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner

from quiz.articles import ArticleError, check_draftable, import_source, read_source
from quiz.articles.boilerplate import article_blocks, is_boilerplate, without_site_name
from quiz.articles.build import import_article
from quiz.questionfile import parse_question_file, write_question_file
from tests.support import ARTICLES


def _imported(name: str) -> str:
    return import_source((ARTICLES / name).read_bytes(), name).text


def test_an_english_page_keeps_the_article_without_embeds_prompts_and_boxes() -> None:
    imported = import_source((ARTICLES / "en-cluttered.html").read_bytes(), "en-cluttered.html")
    quiz, text = imported.quiz, imported.text
    assert quiz.title == "Flooding closes forty schools across the Calder valley"
    assert (quiz.language, quiz.published, quiz.source) == ("en", "2025-02-11",
                                                            "The Northern Ledger")
    for gone in ("Read more", "By Hannah Whitaker",  # a link's label, byline
                 "Photo: Ian Forsyth",  # photo credit
                 "VIDEO:", "Drone footage",  # promotion link
                 "pic.twitter.com", "@calderweather", "Water is over the bridge",  # tweet
                 "A post shared by",  # Instagram
                 "Sign up here", "morning briefing",  # newsletter prompts
                 "homes flooded since Saturday\n",  # statistic box (its label)
                 "116 123", "helpline",  # helpline box
                 "Support our journalism", "donation"):  # donation box
        assert gone not in text, gone
    paragraphs = [block.text for block in quiz.article]
    assert all(block.kind == "paragraph" for block in quiz.article)
    # The standfirst stays, as the first paragraph (a heading was never drafted from).
    assert paragraphs[0] == ("Parents were told before dawn as the river rose for the third "
                             "time this winter")
    assert paragraphs[1].startswith("Forty schools in the Calder valley stayed shut")
    # The standfirst and the five paragraphs of the article, kept although their container is
    # named like a box (<div id="read-more">, as on the Herald Sun): boxes are short.
    assert len(paragraphs) == 6
    assert "1,200 homes had been flooded" in paragraphs[2]  # the figure in a sentence stays
    assert imported.warnings == ()


def test_a_french_blog_page_loses_its_site_suffix_credits_and_boxes_and_gets_no_date() -> None:
    imported = import_article(read_source((ARTICLES / "fr-encombre.html").read_bytes(),
                                          "fr-encombre.html"), today=dt.date(2026, 1, 5))
    quiz, text = imported.quiz, imported.text
    # Without the « - Bondy Blog » of its og:title.
    assert quiz.title == "À Bobigny, une cantine scolaire passe au bio et au local"
    assert quiz.language == "fr" and quiz.source == "Bondy Blog"
    for gone in ("Par Yasmine Benali", "Crédit photo", "À lire aussi", "inflation",
                 "Inscrivez-vous", "newsletter", "des produits servis sont bio", "40 %\n",
                 "@Departement93", "bravo aux équipes", "3020", "Soutenez-nous", "faites un don"):
        assert gone not in text, gone
    assert quiz.article[0].kind == "paragraph"
    assert quiz.article[0].text.startswith("Depuis la rentrée, les 600 élèves")
    assert len(quiz.article) == 5
    # « © 2024 » in the footer, the tweet's « 12 octobre 2024 » and « à la fin de 2025 » in
    # the text are not the article's date: the page gives none, and the teacher is told.
    assert quiz.published == "2026-01-05"
    assert [str(warning) for warning in imported.warnings] == [
        "the article gives no date, so today's (2026-01-05) was written; if the article is "
        "older, correct the “Date:” line of its question file"]


def test_a_page_of_links_without_an_article_is_refused() -> None:
    with pytest.raises(ArticleError, match="no article text was found in this page"):
        read_source((ARTICLES / "en-menu-only.html").read_bytes(), "en-menu-only.html")


def test_a_spanish_page_without_lang_is_not_taken_for_english() -> None:
    data = (ARTICLES / "es-sin-idioma.html").read_bytes()
    with pytest.raises(ArticleError, match="language was not recognised") as caught:
        import_source(data, "es-sin-idioma.html")
    assert caught.value.hint is not None and "--language" in str(caught.value.hint)
    # Told its language, it is imported (questions written by hand), but never drafted.
    quiz = import_source(data, "es-sin-idioma.html", language="es").quiz
    assert quiz.language == "es"
    with pytest.raises(ArticleError, match="French or English, not in Spanish"):
        check_draftable(quiz)
    # Written down as English by mistake, it is not drafted either.
    as_english = import_source(data, "es-sin-idioma.html", language="en").quiz
    with pytest.raises(ArticleError, match="does not read as English"):
        check_draftable(as_english)


def test_french_and_english_articles_can_be_drafted() -> None:
    for name in ("fr-tramway.html", "en-library.html", "en-cluttered.html"):
        check_draftable(import_source((ARTICLES / name).read_bytes(), name).quiz)


@pytest.mark.parametrize(("title", "site", "expected"), [
    ("Flooding closes schools | The Northern Ledger", "The Northern Ledger",
     "Flooding closes schools"),
    ("La réforme des retraites adoptée – Le Monde", "Le Monde", "La réforme des retraites adoptée"),
    ("La réforme des retraites adoptée - Le Monde", None, "La réforme des retraites adoptée"),
    ("Jean-Moulin - un collège qui change", "Bondy Blog", "Jean-Moulin - un collège qui change"),
    ("Mont-Blanc: the glacier retreats", None, "Mont-Blanc: the glacier retreats"),
])
def test_site_suffixes_leave_titles(title: str, site: str | None, expected: str) -> None:
    assert without_site_name(title, site) == expected


@pytest.mark.parametrize("text", [
    "By Hannah Whitaker", "Par Yasmine Benali, à Bobigny", "Photo: AFP", "Crédit photo : DR",
    "© Reuters", "VIDEO: the storm in pictures", "À lire aussi : le budget", "LIVE – the vote",
    "Sign up to our newsletter", "Abonnez-vous à notre lettre d’information",
    "If you need help, call Samaritans free on 116 123.",
])
def test_boxes_read_as_boilerplate(text: str) -> None:
    assert is_boilerplate(text)


@pytest.mark.parametrize("text", [
    "The charity received a donation of £1m from a local firm, its director said on Monday.",
    "By Monday, the river had fallen by a metre.",
    "Par ailleurs, la mairie a ouvert un gymnase pour les familles évacuées.",
    "Photographers were kept away from the site until the police had finished.",
    "The helpline received 3,000 calls in the first week, the council said.",
])
def test_sentences_of_an_article_are_kept(text: str) -> None:
    assert not is_boilerplate(text)


def test_cli_draft_refuses_an_article_in_another_language(runner: FlaskCliRunner,
                                                          tmp_path: Path) -> None:
    target = tmp_path / "escuela.md"
    target.write_text(import_source((ARTICLES / "es-sin-idioma.html").read_bytes(),
                                    "es-sin-idioma.html", language="en").text, encoding="utf-8")
    before = target.read_text(encoding="utf-8")
    result = runner.invoke(args=["quiz", "draft", str(target)])
    assert result.exit_code == 1
    assert f"cannot draft questions from {target}: the article does not read as English" in \
        result.output
    assert target.read_text(encoding="utf-8") == before


def test_cli_draft_exits_non_zero_when_it_drafts_nothing(runner: FlaskCliRunner,
                                                         tmp_path: Path) -> None:
    """Every sentence leans on another or asks a question: nothing to draft, status 1."""
    imported = import_source(
        "Nothing here to ask\n\n" + " ".join(
            ["Why would anyone do that again and again?", "Is it really so?",
             "They said it was the same as before, and this was what they had told us."] * 6),
        "pasted.txt", language="en")
    target = tmp_path / "nothing.md"
    target.write_text(write_question_file(imported.quiz), encoding="utf-8")
    before = target.read_text(encoding="utf-8")
    result = runner.invoke(args=["quiz", "draft", str(target)])
    assert result.exit_code == 1, result.output
    assert f"no draft written to {target}" in result.output
    assert "Write its questions by hand." in result.output
    assert target.read_text(encoding="utf-8") == before
    assert parse_question_file(before).questions == ()


def test_bylines_datelines_and_author_notes_inside_the_text_go() -> None:
    """Page junk trafilatura keeps inside the article: a byline or a dateline glued to the
    first sentence, a name in capitals before it, the author's note under the article, and
    the teasers of other articles under their heading. The sentence itself stays whole."""
    blocks = [
        ("paragraph", "By Jane Doe | WASHINGTON (Reuters) — The Senate voted on Tuesday to "
                      "extend the programme for two more years."),
        ("paragraph", "PARIS (AFP) - Le Sénat a adopté mardi le projet de loi sur la santé au "
                      "travail."),
        ("paragraph", "SUSIE O'BRIEN THE good thing about the new library is that it stays open "
                      "late."),
        ("paragraph", "NEW YORK CITY officials said the plan would cost more than expected "
                      "this year."),
        ("paragraph", "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR"),
        ("paragraph", "Yasmine Benali est journaliste au Monde."),
        ("heading", "Other Opinion Columns"),
        ("heading", "Malcolm Fraser"),  # a teaser's title, a link of the page
        ("paragraph", "MALCOLM Fraser was an effective prime minister, controversially "
                      "installed."),
        ("heading", "More than 100 schools closed"),
        ("paragraph", "Bill Shorten is the leader of the opposition in the federal parliament."),
    ]
    assert article_blocks(blocks, ["Malcolm Fraser"]) == [
        ("paragraph", "The Senate voted on Tuesday to extend the programme for two more years."),
        ("paragraph", "Le Sénat a adopté mardi le projet de loi sur la santé au travail."),
        ("paragraph", "THE good thing about the new library is that it stays open late."),
        # Capitals that are the sentence's own words, a heading of the article, a sentence
        # about a politician: kept.
        ("paragraph", "NEW YORK CITY officials said the plan would cost more than expected "
                      "this year."),
        ("heading", "More than 100 schools closed"),
        ("paragraph", "Bill Shorten is the leader of the opposition in the federal parliament."),
    ]


@pytest.mark.parametrize("text", [
    # A caption ending in its credit (al.com), a button to follow the author (National
    # Geographic): their names were offered as wrong answers.
    "Cash and cards seized during the arrest of two suspects in Baldwin County on Wednesday. "
    "(Mike Cason/mcason@al.com)",
    "Le maire pendant l'inauguration du tramway, samedi. (Photo AFP/Jean Dupont)",
    "Follow Wendy Koch on Twitter",
    "Suivez-nous sur Facebook",
])
def test_captions_with_their_credit_and_follow_buttons_are_boilerplate(text: str) -> None:
    assert is_boilerplate(text)


@pytest.mark.parametrize("text", [
    "Follow-up tests showed that the water was safe to drink, the council said on Monday.",
    "The speed limit was lowered to 30 km/h in the town centre (about 19 mph) in March.",
])
def test_sentences_with_a_slash_or_follow_are_kept(text: str) -> None:
    assert not is_boilerplate(text)


def test_a_dateline_with_a_state_abbreviation_goes() -> None:
    """ABC7: « NAPA COUNTY, Calif. (KGO) -- » stayed in the first sentence."""
    blocks = [("paragraph", "NAPA COUNTY, Calif. (KGO) -- A plan to bring a Margaritaville "
                            "Resort to the Bay Area is one step closer.")]
    assert article_blocks(blocks) == [
        ("paragraph", "A plan to bring a Margaritaville Resort to the Bay Area is one step "
                      "closer.")]


def test_a_refused_language_is_named_in_words_in_the_readers_language(app: Flask) -> None:
    """« pas en « es » » named the language by its code: now « pas en espagnol », "not in
    Spanish"; the code only where Babel has no name."""
    from quiz.questionfile.messages import LanguageCode
    from quiz.templating import translate

    quiz = import_source((ARTICLES / "es-sin-idioma.html").read_bytes(), "es-sin-idioma.html",
                         language="es").quiz
    with pytest.raises(ArticleError) as caught:
        check_draftable(quiz)
    assert str(caught.value.message) == ("questions can be drafted for articles in French or "
                                         "English, not in Spanish")
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        assert translate(caught.value.message) == (
            "les questions peuvent être générées pour des articles en français ou en anglais, "
            "pas en espagnol")
    assert LanguageCode("qq").name("fr") == "qq"  # no name: the code
