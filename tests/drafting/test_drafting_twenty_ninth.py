"""Issue 22, twenty-ninth round: what the judges of the twenty-seventh and twenty-eighth
held-out sets rejected or edited (docs/drafting.md, "Twenty-ninth round"), each test on the
shape of a real sentence of those pages."""

from __future__ import annotations

import re

import pytest

from quiz.drafting import draft as drafting
from quiz.drafting.facts import Fact, find_facts, rejection, strip_connective

from .test_drafting_sixth import first_sentence
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
    """The twenty-fifth set's "a 86-hour" (the article's "a 72-hour"): the article's "a"
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
        prompts = [q.prompt.replace("a(n) _____", "a _____")  # (choices such as 18 and 25:
                   for q in every_draft(monkeypatch, language, text)]  # thirty-eighth round)
        assert [p for p in prompts if text.replace(age, "_____", 1) in p], text


def test_a_speaker_told_by_a_pronoun_after_the_verb_needs_the_sentence_before() -> None:
    """Orange (George Floyd): « "Il était en train de changer sa vie", … a-t-il expliqué. »
    was copied as a true statement: who explained? The judge asked for the speaker's name.
    A speaker named in the sentence before the inverted pronoun is enough."""
    unnamed = ('"Il était en train de changer sa vie", déménageant au Minnesota pour le travail '
               'afin de subvenir aux besoins de ses enfants, a-t-il expliqué.')
    assert rejection(first_sentence("fr", unnamed), "fr") == "needs context"
    named = ("Stephen Jackson a grandi à Houston avec George Floyd dans le quartier de Third "
             "Ward, a-t-il expliqué au Washington Post.")
    assert rejection(first_sentence("fr", named), "fr") == ""


def test_a_banknote_s_wrong_values_are_notes_that_exist(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Orange (George Floyd): « un faux billet de 20 dollars » became « … de 15 dollars », false
    on its face (no such note). A banknote's wrong values, in a cloze or a false statement,
    are notes that exist."""
    for language, text in (
            ("fr", "La police le soupçonnait d'avoir utilisé un faux billet de 20 dollars pour "
                   "acheter des cigarettes dans une épicerie de Minneapolis."),
            ("en", "Police suspected George Floyd had used a counterfeit $20 bill to buy "
                   "cigarettes at a store in Minneapolis on Monday.")):
        questions = every_draft(monkeypatch, language, text)
        choices = [c.text.lstrip("$") for q in questions if q.kind == "mcq"
                   for c in q.choices]
        assert choices and set(choices) <= {"1", "2", "5", "10", "20", "50", "100"}, choices
        for statement in false_statements(questions):
            assert re.search(r"(?:billet de |\$)(?:1|2|5|10|50|100) ", statement), statement


def test_a_figure_after_up_from_lies_below_the_figure_before_it() -> None:
    """Houston Chronicle: "… was $39,014, up from _____ a year ago" offered $41,640, out on
    its face ("up from" a higher price). The figure before "up from" / "down from" bounds the
    blank after it, as the one after bounds a blank before it."""
    text = ("The average price of a new car in Houston was $39,014 in October, up from $38,373 "
            "a year ago, according to the Houston Automobile Dealers Association.")
    sentence = first_sentence("en", text)
    sentence.facts = find_facts(sentence, "en")
    later = next(f for f in sentence.facts if text[f.start:f.end] == "$38,373")
    assert drafting._compared_with(later, text, sentence.facts) == 39014
    shown = [choice for choice, _source in drafting._numeric_distractors(
        later, sentence, [sentence], "en")]
    assert shown and all(float(c.strip("$").replace(",", "")) < 39014 for c in shown), shown


FLOYD = ("Luz Maria Gonzalez a été interrogée par la chaîne CNN à Minneapolis samedi.",
         "Derek Chauvin a été inculpé de meurtre à Minneapolis vendredi.",
         "Roxie Washington a décrit George Floyd comme un père dévoué à Houston.",
         "Tou Thao a été renvoyé de la police de Minneapolis mardi.",
         "Courteney Ross a été entendue par les enquêteurs de Minneapolis lundi.")


def test_a_name_parsed_as_two_subjects_is_asked_whole_or_not_at_all(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Orange (George Floyd), redrafted: « Luz Maria Gonzalez a été interrogée … » is parsed
    with « Luz » and « Maria » both subjects, and the wh-question replaced « Luz » alone: « Qui
    Maria Gonzalez a été interrogée … ? » (« Qui Thao a été renvoyé … ? » likewise). The
    question word stands for the whole name."""
    prompts = [q.prompt for q in every_draft(monkeypatch, "fr", *FLOYD)]
    assert not [p for p in prompts if re.match(r"Qui (?:Maria Gonzalez|Gonzalez|Thao) ", p)], \
        prompts
    assert [p for p in prompts if re.fullmatch(r"Qui a été inculpé de meurtre à Minneapolis "
                                                r"vendredi\s\?", p)], prompts


def test_a_participle_tells_the_subject_s_gender_after_etre_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """« Luz Maria Gonzalez a été interrogée » says she is a woman: she is no wrong answer to
    « Qui a été inculpé … ? ». « Roxie Washington a décrit » says nothing (a participle after
    « avoir » agrees with no subject): men and women are wrong answers beside her."""
    questions = every_draft(monkeypatch, "fr", *FLOYD)
    charged = next(q for q in questions if q.prompt.startswith("Qui a été inculpé"))
    assert "Luz Maria Gonzalez" not in [c.text for c in charged.choices]
    described = next(q for q in questions if q.prompt.startswith("Qui a décrit"))
    assert {"Derek Chauvin", "Tou Thao", "Luz Maria Gonzalez"} <= {
        c.text for c in described.choices}


def test_a_count_of_what_the_sentence_lists_is_not_asked() -> None:
    """The twenty-ninth set: « … dans l'Hérault et le Gard, _____ départements classés … » and
    "… in _____ countries, including United States, Canada, … and Finland" were rejected as
    answered by the question itself. A count whose things are listed just before it, or after
    it (now in digits as in words), is no fact; a count with nothing listed is."""
    def figures(language: str, text: str) -> list[str]:
        sentence = first_sentence(language, text)
        return [text[f.start:f.end] for f in find_facts(sentence, language)
                if f.kind == "number"]

    assert "deux" not in figures(
        "fr", "Plusieurs incendies étaient en cours vendredi dans l'Hérault et le Gard, deux "
              "départements classés en risque extrême cette semaine.")
    assert not [f for f in figures(
        "en", "The Stadia Founder's Edition launches tomorrow in 14 countries, including the "
              "United States, Canada, the United Kingdom, Ireland, France, Germany, Italy, "
              "Spain, the Netherlands, Belgium, Denmark, Sweden, Norway, and Finland.")
        if f.startswith("14")]
    assert [f for f in figures(
        "en", "The Stadia Founder's Edition launches tomorrow in 14 countries across Europe "
              "and North America, Google said.") if f.startswith("14")]
    assert "deux" in figures("fr", "Les pompiers ont lutté vendredi contre deux incendies dans "
                                   "le Gard, selon la préfecture.")


def test_the_age_of_someone_told_of_already_is_not_asked() -> None:
    """The twenty-ninth set: « Le dirigeant de _____ ans a été libéré » (needs context, and a
    side detail) and "_____-year-old admirer Gustav Lloyd Agerblad" (a side detail). An age
    after a definite role noun (« le dirigeant de », "the _____-year-old") or before a role
    word and a name is a side figure; a prison term after « la peine de » is not an age, and
    an unnamed newcomer's age ("a _____-year-old man") is still the news."""
    def side(text: str) -> bool:
        at = text.index("#")
        text = text.replace("#", "51")
        return drafting.side_figure(text, Fact(at, at + 2, "number", "51", value=51.0,
                                               style="digits|fr|0"))

    assert side("Le dirigeant de # ans a été libéré un an plus tard.")
    assert side("But on Monday, #-year-old admirer Gustav Lloyd Agerblad had a portrait of "
                "Tegnell inked on his arm.")
    assert side("Police said the #-year-old driver was arrested on Monday.")
    assert not side("Il a été condamné à la peine de # ans de réclusion criminelle.")
    assert not side("Police said a #-year-old man was arrested on Monday.")
    assert not side("A #-year-old man Monday pleaded guilty to the attack.")
