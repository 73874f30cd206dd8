"""Issue 22, twenty-ninth round: what the judge of the twenty-seventh held-out set rejected or
edited (docs/drafting.md, "Twenty-ninth round"), each test on the shape of a real sentence of
those pages."""

from __future__ import annotations

import pytest

from quiz.drafting import draft as drafting
from quiz.drafting.facts import strip_connective

from .test_drafting_twentieth import every_draft, false_statements


def test_a_number_word_inside_a_name_is_no_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Yahoo News Australia: "… according to Nine News." became the false statement "…
    according to Eleven News" (no such channel). A capitalised number word inside the
    sentence is part of a name; one that opens the sentence is still a count."""
    questions = every_draft(
        monkeypatch, "en",
        "Photos showed large crowds in Melbourne, with foot traffic in the CBD returning to "
        "80 per cent of its pre-Covid levels, according to Nine News.",
        "Three men were arrested in Melbourne on Tuesday after the protest, police said.")
    prompts = [q.prompt for q in questions]
    assert not [p for p in prompts if "Eleven" in p or "Nine News" in p and "_____ News" in p]
    assert not [p for p in false_statements(questions) if "News" in p and "80 per" in p]
    counted = [q for q in questions if "_____ men were arrested" in q.prompt]
    assert counted and "Three" in [c.text for c in counted[0].choices]


def test_however_before_a_name_is_a_linking_word_without_its_comma(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Yahoo News Australia: "However Prof Lewin said Victoria's response was driven by the
    science" became "However who said …?": "however" is only ever an adverb, so before a
    capital it links the sentence to the one before, comma or not. Before an adjective it
    is no linking word ("However hard …"), and "Besides", a preposition too, needs its
    comma."""
    assert strip_connective("However Prof Lewin said Victoria's response was driven by the "
                            "science.", "en")[1].startswith("Prof Lewin said")
    assert strip_connective("Meanwhile Mr Andrews kept the lockdown in place for 112 days.",
                            "en")[1].startswith("Mr Andrews kept")
    for kept in ("However hard Victoria tried, 112 days of lockdown were needed.",
                 "Besides Melbourne, Sydney kept its restaurants open for 112 days."):
        assert strip_connective(kept, "en") == (0, kept)
    asked = [q.prompt for q in every_draft(
        monkeypatch, "en",
        "However Prof Lewin said Victoria's hard line response was driven by the science "
        "during the lockdown.",
        "Dr Anthony Fauci told a webinar hosted by The University of Melbourne on Wednesday "
        "he would be in serious trouble if he were to call for a lockdown.",
        "Premier Daniel Andrews deployed a lockdown over the last three months across "
        "Melbourne.",
        "Professor Jodie McVernon said masks were needed in Sydney for 112 days.")]
    assert "Who said Victoria's hard line response was driven by the science during the " \
        "lockdown?" in asked
    assert not [prompt for prompt in asked if "However" in prompt]


def test_the_year_of_a_study_cited_by_the_way_is_not_asked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Vice: "… they would completely alter the landscape, a 2014 study warned." was a cloze
    on the study's year, a side detail (the warning is what matters). A year between "a" and
    the noun it dates is not asked; the same year said of the event is."""
    aside = ("Drought and deforestation could make fires so common in the Amazon that they "
             "would completely alter the landscape, a 2014 study warned.")
    event = "The National Institute for Space Research published the study in 2014 in Brazil."
    prompts = [q.prompt for q in every_draft(monkeypatch, "en", aside, event,
                                             "Brazil recorded 72,843 fires in 2019.")]
    assert not [p for p in prompts if "_____ study" in p or "a 2015 study" in p]
    assert [p for p in prompts if "publish" in p and ("_____" in p or "year" in p)]


def test_a_swapped_figure_or_name_takes_the_article_it_is_read_with() -> None:
    """The twenty-sixth set's "a 86-hour" (the article's "a 72-hour"): the article's "a"
    before the wrong figure gave the swap away. "a"/"an" goes with the sound the figure or
    name swapped in starts with; other words before it are left alone."""
    cases = {("was given a ", "86"): "was given an ", ("was given an ", "72"): "was given a ",
             ("a ", "11"): "an ", ("a ", "110"): "a ", ("a ", "18,000"): "an ",
             ("a ", "1,800"): "a ", ("A ", "80"): "An ", ("an ", "Ukrainian"): "a ",
             ("a ", "Irish"): "an ", ("a ", "European"): "a ", ("a ", "FBI"): "an ",
             ("an ", "CIA"): "a ", ("the ", "86"): "the ", ("Data ", "86"): "Data "}
    for (before, wrong), expected in cases.items():
        assert drafting._article_for(before, wrong, "en") == expected, (before, wrong)
    assert drafting._article_for("une ", "86", "fr") == "une "


def test_the_age_of_someone_named_or_of_a_relative_is_not_asked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The twenty-eighth set's judge rejected « Carlos Ghosn, âgé de _____ ans » (under
    Ghosn's own headline) and « la mère de sa fille de _____ ans » as side figures, the
    twenty-fifth's « Ann-Kathrin Stracke, journaliste de _____ ans ». The age of an unnamed
    person — how the article tells who they are — is still asked."""
    side = [("fr", "Au sujet de sa fuite, Carlos Ghosn, âgé de 66 ans, a indiqué avoir lui-même "
                   "élaboré son plan d'évasion depuis Tokyo.", "66"),
            ("fr", "Ann-Kathrin Stracke, journaliste de 37 ans à la télévision allemande WDR, "
                   "avait écrit le 10 mars au parquet de Paris.", "37"),
            ("fr", "Roxie Washington, la mère de sa fille de six ans à Houston, l'a décrit comme "
                   "un père dévoué.", "six"),
            ("en", "One witness described hiding under a table and cowering with her 11-year-old "
                   "granddaughter in the church in Charleston.", "11"),
            ("en", "Roof said he had been inspired by the killing of 17-year-old Trayvon Martin "
                   "in Florida in 2012.", "17")]
    for language, text, age in side:
        prompts = [q.prompt for q in every_draft(monkeypatch, language, text)]
        assert not [p for p in prompts if "_____" in p and text.replace(age, "_____") in p], \
            text
    asked = [("en", "At a time when there is little awareness of coronavirus in Odisha, a "
                    "25-year-old youth in Kandhamal district is spreading information on it.",
              "25"),
             ("fr", "Un homme de 30 ans a été interpellé samedi soir à Marseille après une "
                    "course-poursuite avec la police.", "30")]
    for language, text, age in asked:
        prompts = [q.prompt for q in every_draft(monkeypatch, language, text)]
        assert [p for p in prompts if text.replace(age, "_____", 1) in p], text
