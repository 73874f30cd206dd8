"""Issue 22, fourteenth round: the cloze drafts, the largest block of rejects over the
eleventh to thirteenth ratings (52 of 80 rejected) — side details asked, distractors of
another kind, wrong number distractors — and the wh-questions and statements that need the
sentence before (docs/drafting.md, "Fourteenth round")."""

from __future__ import annotations

import random

import pytest

from quiz.drafting import draft as drafting
from quiz.drafting import draft_questions
from quiz.drafting.draft import Draft
from quiz.drafting.facts import Fact, find_facts, split_sentences
from quiz.drafting.negation import negated
from quiz.questionfile import parse_question_file
from tests.drafting.test_drafting_seventh import article, rejection_of


def every_draft(monkeypatch: pytest.MonkeyPatch, language: str, title: str,
                *paragraphs: str) -> list[Draft]:
    """Each sentence's best draft, before the set is chosen (one a sentence at most)."""
    monkeypatch.setattr(drafting, "_select", lambda drafts, *_args, **_kw: drafts)
    return draft_questions(article(language, title, *paragraphs), 40).drafts


def asked_figures(drafts: list[Draft]) -> set[str]:
    return {d.fact.name for d in drafts if d.fact.kind == "number"}


def test_side_figures_are_not_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """BusinessWeek's, CNET's and HuffPost's pages (twelfth set): "renting TV shows for
    _____¢", "rented for between $2 to _____", "Output increased _____ percent" (2.61), "in
    the past _____ years" — each rejected as a side detail. A figure of the story (the boxes
    sold) is still asked."""
    drafts = every_draft(
        monkeypatch, "en", "Apple's television plans",
        "Apple has sold 4 million set-top boxes since the launch of the device in 2007, "
        "according to its annual report.",
        "In August, Apple stopped renting TV shows for 99¢ on the gadget, claiming that "
        "consumers prefer to buy them.",
        "Standard-definition and high-definition movies can be bought or rented for between "
        "$2 to $18 on the service.",
        "Output increased 2.61 percent after the recession of 1991, the economists at the "
        "bank found in their study.",
        "The TV industry is changing more than at any time in the past 50 years, analysts at "
        "the bank wrote in March.")
    asked = asked_figures(drafts)
    assert not asked & {"99", "$2", "$18", "2.61", "50"}, asked
    assert "4 million" in asked, asked


def test_an_age_in_apposition_is_not_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """L'Internaute's Marseille page (thirteenth set): « Antoinietta Vacaaro, _____ ans,
    vivait au premier étage », « Jacques, _____ ans et Anne-Marie, 74, … » — a resident's age,
    rejected as trivial (the other victims' ages as choices). The count of the dead is
    asked."""
    drafts = every_draft(
        monkeypatch, "fr", "Effondrement à Marseille",
        "L'effondrement de trois immeubles a fait 8 morts dans la nuit de samedi à dimanche à "
        "Marseille, selon la préfecture.",
        "Enfin, Antoinietta Vacaaro, 89 ans, vivait au premier étage de l'immeuble effondré.",
        "Jacques, 73 ans et Anne-Marie, 74, disposaient d'un grand duplex au troisième étage.")
    asked = asked_figures(drafts)
    assert not asked & {"89", "73"}, asked
    assert "8" in asked, asked


def test_no_blank_on_the_owner_of_a_common_noun(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Los Angeles Times' school shutdown (thirteenth set): "Once the decision to close
    _____'s schools was made" (L.A., the article's setting); Business Insider's "Just as
    _____'s investors threw Jobs out" (Apple): any town has schools, any company investors,
    the noun narrows nothing. Both rejected. L.A. is still asked where the sentence says
    something of it."""
    drafts = every_draft(
        monkeypatch, "en", "A threat closes schools",
        "Schools in L.A. closed on Tuesday after an emailed threat, and officials said they "
        "would reopen on Wednesday.",
        "Once the decision to close L.A.'s schools was made, the process of shutting down the "
        "nation's second-largest school system unfolded with remarkable calm.",
        "Officials in New York City received the same threat on Tuesday and kept their "
        "schools open.",
        "In San Bernardino, a mass shooting killed 14 people in December.")
    prompts = [d.question.prompt for d in drafts]
    assert not [p for p in prompts if "_____'s" in p or "_____’s" in p], prompts
    assert any(d.fact.name == "L.A." and d.question.kind == "mcq" for d in drafts), prompts


def test_the_publisher_named_by_its_address_is_not_asked(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """"_____ has pieced together additional details through interviews with key players."
    (The Times, on latimes.com, whose Source: line is the headline): the newspaper's own
    reporting, rejected as trivial. Nor is it offered for the FBI ("LAPD's major crimes unit
    and _____ were involved": the Times among the choices)."""
    quiz = parse_question_file(
        "# Report on L.A. school shutdown\n\nLanguage: en\nDate: 2016-12-16\n"
        "URL: https://www.latimes.com/local/education/la-me-edu-report-20161216-story.html\n\n"
        "## Article\n\nThe Times has pieced together additional details through interviews "
        "with key players in the district.\n\nBy 10:41 p.m., the LAPD's major crimes unit and "
        "the FBI were involved in the inquiry.\n\nThe FBI said on Wednesday that the threat "
        "had been sent from Frankfurt.\n\nThe Times asked the district for its records on "
        "Thursday.\n\n## Questions\n")
    monkeypatch.setattr(drafting, "_select", lambda drafts, *_args, **_kw: drafts)
    drafts = draft_questions(quiz, 40).drafts
    assert not [d for d in drafts if d.fact.name == "Times"], [d.question.prompt for d in drafts]
    offered = {c.text for d in drafts if d.question.kind == "mcq" for c in d.question.choices}
    assert not {"the Times", "The Times", "Times"} & offered, offered


def test_a_quotation_from_no_one_named_is_not_drafted() -> None:
    """Politico's vice-presidential debate page (thirteenth set): "“_____ is the relatable
    neighbor next door,” an Iowa Republican added." and "“Having known Tim for almost 20
    years, he is just whip-smart…,” said a Virginia Democrat." — an anonymous panellist's
    quip, rejected as trivial as a cloze and as a statement. A named speaker's quotation
    stands."""
    assert rejection_of("en", "The debate", "“Tim Kaine is the relatable neighbor next "
                        "door,” an Iowa Republican added.") == "anonymous quotation"
    assert rejection_of("en", "The debate", "“Having known Tim for almost 20 years, he is just "
                        "whip-smart, great on his feet, very sincere,” said a Virginia "
                        "Democrat.") == "anonymous quotation"
    assert rejection_of("fr", "Le débat", "« Les trois immeubles ne sont pas visés par des "
                        "arrêtés de péril », a confié un proche du dossier.") == \
        "anonymous quotation"
    assert rejection_of("en", "The debate", "“Tim Kaine is the relatable neighbor next "
                        "door,” Senator Chuck Grassley said.") == ""
    assert rejection_of("fr", "Le débat", "« Les trois immeubles ne sont pas visés par des "
                        "arrêtés de péril », a déclaré la procureure Dominique Laurens.") == ""


@pytest.mark.parametrize(("language", "text"), [
    # The Los Angeles Times (thirteenth set): later than what? differently from what?
    ("en", "The district notified the Los Angeles Police Department 11 minutes later, "
           "according to the report."),
    ("en", "In New York, the situation unfolded differently after the threat arrived by "
           "email."),
    # CNN's Thanksgiving page (eleventh set): "two other people hurt in a similar incident"
    ("en", "Two other people were hurt in a similar incident involving the M&Ms balloon in "
           "2005."),
    # L'Internaute's bac and Marseille pages (thirteenth set): « eux non plus », « ainsi »
    ("fr", "Les lycées d'appartenance de chaque candidat ne sont plus, eux non plus, rendus "
           "publics par le ministère depuis 2012."),
    ("fr", "L'élu socialiste tente ainsi d'éviter toute comparaison avec la catastrophe de "
           "la rue d'Aubagne survenue en novembre 2018."),
])
def test_a_sentence_measured_against_the_one_before_needs_context(language: str, text: str
                                                                   ) -> None:
    """Each was rejected as needing context, as a wh-question or as a statement."""
    assert rejection_of(language, "Title", text) == "needs context"


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The district notified the police at 10:52 p.m., 11 minutes after the email "
           "arrived."),
    ("fr", "Le maire de Lyon ainsi que le préfet ont visité le chantier de la gare lundi "
           "matin."),
    # The Los Angeles Times (thirteenth set, edited by the judge, not rejected): an aside
    ("en", "Ramon Cortines was on the verge of retirement and had turned over day-to-day "
           "control to his second-in-command, Michelle King (who, about a month later, would "
           "be named his successor)."),
])
def test_a_sentence_with_its_own_term_of_comparison_stands(language: str, text: str) -> None:
    assert rejection_of(language, "Title", text) == ""


def year_choices(language: str, published: str, target: str, *paragraphs: str,
                 latest_year: int) -> list[str]:
    """The wrong answers drafting finds for the figure ``target`` of the last paragraph."""
    quiz = article(language, "Title", *paragraphs)
    sentences = split_sentences(quiz)
    for sentence in sentences:
        sentence.facts = find_facts(sentence, language)
    last = sentences[-1]
    fact = next(f for f in last.facts if last.text[f.start:f.end] == target)
    return [shown for shown, _source in drafting._numeric_distractors(
        fact, last, sentences, language, latest_year, random.Random(published))]


def test_a_projection_gets_no_past_year() -> None:
    """CNBC's coal page (thirteenth set, 2016): "the EIA projects the United States will
    retire 32 more gigawatts … by _____" (2030) offered 2015, 1980 and 2014 — past years for
    a projection, false on their face."""
    choices = year_choices(
        "en", "2016", "2030",
        "Deregulation in 1980 led to lower rail rates for the coal of Wyoming.",
        "Wyoming produced 375.8 million tons of coal in 2015, down from 2014.",
        "If the plan is enforced, the agency projects the United States will retire 32 more "
        "gigawatts of coal-fired capacity by 2030.", latest_year=2016)
    assert len(choices) >= 2 and all(int(year) > 2016 for year in choices), choices


def test_one_date_in_two_cases_is_one_choice() -> None:
    """L'Internaute's SNCF strike (thirteenth set): « la précédente journée du _____ » offered
    « 13 avril » and « 13 AVRIL » (a kicker in capitals) — one date twice."""
    choices = year_choices(
        "fr", "2023", "6 avril",
        "GRÈVE DU 13 AVRIL : la SNCF annonce un trafic perturbé sur les lignes TGV.",
        "La grève du 13 avril touchera aussi les lignes Intercités selon la direction.",
        "Reste à voir si la grève sera plus suivie à la SNCF que lors de la précédente "
        "journée du 6 avril.", latest_year=2023)
    folded = [choice.casefold() for choice in choices]
    assert len(folded) == len(set(folded)), choices


def test_no_victim_offered_for_an_official(monkeypatch: pytest.MonkeyPatch) -> None:
    """L'Internaute's Marseille page (thirteenth set): « communiqué par _____ » (the
    prosecutor) offered three victims named with their ages, and « le maire de Marseille,
    _____ » two victims and the prosecutor: rejected, distractors of another kind. A private
    person named with an age is no wrong answer for an official, nor an official for her."""
    drafts = every_draft(
        monkeypatch, "fr", "Effondrement à Marseille",
        "La procureure de la République de Marseille, Dominique Laurens, a annoncé dimanche "
        "l'ouverture d'une enquête sur l'effondrement de trois immeubles.",
        "Anne-Marie Praxy, 82 ans, et Jacky Parxy, 86 ans, habitaient au rez-de-chaussée de "
        "l'immeuble.",
        "Nicole Gacon, 88 ans, vivait seule au deuxième étage depuis trente ans.",
        "Le maire de Marseille, Benoît Payan, a visité les lieux samedi avec les pompiers.",
        "L'identité de quatre victimes vient d'être communiquée par Dominique Laurens.",
        "Benoît Payan a promis un relogement aux habitants des immeubles voisins.")
    officials = {"Dominique Laurens", "Benoît Payan"}
    private = {"Anne-Marie Praxy", "Jacky Parxy", "Nicole Gacon"}
    for draft in drafts:
        if draft.question.kind != "mcq":
            continue
        offered = set(choices_of(draft))
        if draft.fact.name in officials:
            assert not offered & private, (draft.question.prompt, offered)
        if draft.fact.name in private:
            assert not offered & officials, (draft.question.prompt, offered)


def choices_of(draft: Draft) -> list[str]:
    return [choice.text for choice in draft.question.choices]


def test_the_speaker_after_said_is_not_swapped() -> None:
    """HuffPost's Alabama page (twelfth set): "…the impact will increase, said Bill Caton,
    executive vice president of …" was made false with another association's head (Russell
    Davis): who said it is no fact to swap — the other may say it too. "According to X" and
    "X said" were already kept; now "said X" and « a déclaré X » too."""
    text = ("Once the economy picks up, the impact will increase, said Bill Caton, executive "
            "vice president of the Home Builders Association of Alabama.")
    start = text.index("Bill Caton")
    fact = Fact(start, start + len("Bill Caton"), "person", "Bill Caton")
    assert drafting._source_of_a_claim(text, fact, "en")
    french = "Les immeubles n'étaient pas insalubres, a déclaré la procureure Dominique Laurens."
    start = french.index("Dominique")
    fact = Fact(start, len(french) - 1, "person", "Dominique Laurens")
    assert drafting._source_of_a_claim(french, fact, "fr")
    told = "The company told Bill Caton that the work would resume in the spring."
    start = told.index("Bill Caton")
    assert not drafting._source_of_a_claim(
        told, Fact(start, start + len("Bill Caton"), "person", "Bill Caton"), "en")


def test_what_just_happened_is_not_negated() -> None:
    """L'Internaute's Marseille page (thirteenth set): « La mairie de Marseille ne vient pas
    de mettre à disposition des recueils de condoléances … » — rejected (a negated piece of
    news reads as no claim)."""
    quiz = article("fr", "Marseille", "La mairie de Marseille vient de mettre à disposition "
                   "des recueils de condoléances dans sa mairie centrale.")
    sentence = split_sentences(quiz)[0]
    assert negated(sentence, 0, "fr") is None
    plain = article("fr", "Marseille", "La mairie de Marseille a mis à disposition des "
                    "recueils de condoléances dans sa mairie centrale.")
    assert negated(split_sentences(plain)[0], 0, "fr") is not None


def test_concerned_by_what_needs_context() -> None:
    """L'Internaute's Ramadan page (thirteenth set): « Dans le monde, c'est plus de 1,5
    milliard de personnes qui sont concernées. » — by what (the ramadan, in the sentence
    before)? Rejected as needing context."""
    assert rejection_of("fr", "Ramadan", "Dans le monde, c'est plus de 1,5 milliard de "
                        "personnes qui sont concernées.") == "needs context"


def test_a_french_question_keeps_no_object_pronoun() -> None:
    """InternetActu (eleventh set): « Qui pour The Atlantic l'a récemment rencontré à une
    soirée … ? » — whom? (Tristan Harris, in the sentence before): rejected."""
    assert drafting._pronoun_left("Qui pour The Atlantic l'a récemment rencontré à une "
                                  "soirée de désintoxication numérique ?", "fr")
    assert not drafting._pronoun_left("Qui a rencontré l'avocat de la famille à Paris ?", "fr")


def test_a_name_a_paper_is_published_in_is_a_publication() -> None:
    """TIME's climate page (eleventh set): "a controversial new peer-reviewed paper published
    in _____" (Oxford Open Climate Change) offered Congress and COP — a journal's blank with
    bodies as choices. The name takes the sort of a publication, which only other
    publications stand beside."""
    quiz = article("en", "Climate", "Today, in a controversial new peer-reviewed paper "
                   "published in Oxford Open Climate Change, he brings a new warning.")
    sentence = split_sentences(quiz)[0]
    sorts = {f.name: f.level for f in find_facts(sentence, "en") if f.kind == "org"}
    assert sorts.get("Oxford Open Climate Change") == "publication", sorts


def test_a_titled_person_with_an_age_is_no_private_person(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """CNN's Supreme Court page (eleventh set): "Associate Justice Samuel Alito, 73," is
    named with his age and a title — still a justice beside the Chief Justice: a first
    version of the rule above took John Roberts out of "Who is the tip of the spear …?"."""
    drafts = every_draft(
        monkeypatch, "en", "The justice and the solicitor general",
        "Associate Justice Samuel Alito, 73, and Solicitor General Elizabeth Prelogar, 43, "
        "have sparred in a dozen cases since 2021.",
        "Chief Justice John Roberts wrote for the majority in the case about the agency.",
        "Justice Samuel Alito is the tip of the spear for conservatives challenging the "
        "administration during oral arguments at the Supreme Court.")
    draft = next(d for d in drafts if d.fact.name == "Samuel Alito" and
                 d.question.kind == "mcq")
    assert "John Roberts" in choices_of(draft), choices_of(draft)


@pytest.mark.parametrize("text", [
    # Al Jazeera (development): a span after a place and a comma is no one's age
    "Roughly 13,000 US troops remain in Afghanistan, 18 years after Washington invaded the "
    "country.",
    # CP24's fare page (development): a fare in dollars and cents, a change in cents
    "An adult single Presto fare will increase by 10 cents to $3.20 on January 1.",
])
def test_figures_of_the_story_are_no_side_figures(text: str) -> None:
    """Guards written after a first version of the side-figure rule: it took these figures,
    central to their articles, for an age, a price in cents and two decimals."""
    quiz = article("en", "Title", text)
    sentence = split_sentences(quiz)[0]
    figures = [f for f in find_facts(sentence, "en") if f.kind == "number"]
    assert figures and not [f.name for f in figures if drafting.side_figure(text, f)], figures


def test_a_plan_for_next_year_still_gets_later_years() -> None:
    """The Detroit News (development, 2019): "recommendations on increasing salaries by the
    end of _____" (2020): with no past year allowed and none after the answer's, a first
    version of the projection rule had no choice left and dropped the draft."""
    choices = year_choices(
        "en", "2019", "2020",
        "The state raised teacher pay in 2016 and again in 2002, the governor said.",
        "The governor said he was waiting for a commission to make recommendations on "
        "increasing salaries by the end of 2020.", latest_year=2019)
    assert len(choices) >= 2 and all(int(year) > 2019 for year in choices), choices


def test_if_so_needs_context() -> None:
    """The Los Angeles Times (thirteenth set, a copied statement drafted after this round's
    first changes): "If so, the strategy apparently worked …" — if what?"""
    assert rejection_of("en", "Title", "If so, the strategy apparently worked because the FBI "
                        "still has made no arrests.") == "needs context"


def test_shares_listed_together_leave_room_for_each_other() -> None:
    """L'Internaute's bac page (thirteenth set): « _____ ont obtenu un bac général, 15,6% un
    bac technologique et 20,4% un bac professionnel » (43,2%) offered 91,1%: with the two
    other shares, more than 100 (the judge's edit)."""
    for published in ("2023", "2022", "2021"):
        choices = year_choices(
            "fr", published, "43,2%",
            "Le taux de réussite du bac est de 91,1% cette année selon le ministère.",
            "Parmi les bacheliers de l'édition en question, 43,2% ont obtenu un bac général, "
            "15,6% un bac technologique et 20,4% un bac professionnel.", latest_year=2023)
        values = [float(c.rstrip("%").replace(",", ".")) for c in choices]
        assert len(values) >= 2 and all(v + 15.6 + 20.4 <= 100 for v in values), choices
