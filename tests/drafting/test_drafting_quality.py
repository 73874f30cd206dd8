"""Issue 22: drafts a teacher keeps — wh-questions from the parse, distractors of the
answer's role, numbers in no series and within bounds, the set as a whole, explanations that
restate the fact. Each test is a small article of our own."""

from __future__ import annotations

import re

import pytest

from quiz.drafting import Draft, draft_questions
from quiz.drafting.draft import (
    Candidate,
    _compatible,
    _persons_taken_for_organisations,
    surname,
)
from quiz.drafting.facts import Fact, find_facts, split_sentences
from quiz.questionfile import QuizFile, parse_question_file, write_question_file


def article(language: str, date: str, *paragraphs: str) -> QuizFile:
    body = "\n\n".join(paragraphs)
    return parse_question_file(f"# Test\n\nLanguage: {language}\nDate: {date}\n\n## Article\n\n"
                               f"{body}\n\n## Questions\n")


SUDAN = article(
    "en", "2017-01-13",
    "In 1997, President Bill Clinton imposed a comprehensive trade embargo against Sudan and "
    "blocked the assets of its government.",
    "In retaliation, Mr. Clinton ordered a cruise missile strike against a pharmaceutical "
    "factory in Khartoum.",
    "Osama bin Laden lived in Khartoum as a guest of the government for several years in the "
    "nineties.",
    "“The sanctions did not work and the country suffered for twenty years,” said Eric Reeves, "
    "a professor at Smith College.",
    "The initiative, from Tony Abbott's office, is evidence that the government has been "
    "alarmed by the criticism.",
    "The embargo was first discussed in 2015 by the members of the Security Council in New "
    "York.",
)
SUISSE = article(
    "fr", "2020-02-19",
    "En 2010, le Conseil fédéral a mis en place un programme d'examen des produits "
    "phytosanitaires anciens.",
    "333 constats d'infraction ont été donnés par la police de Montréal pour le non-respect du "
    "code de la route.",
    "Le ministre Olivier Véran a annoncé mardi un nouveau plan pour les hôpitaux de la région "
    "parisienne.",
    "L'appareil, affrété par Airbus, était arrivé à Katmandou mercredi matin avec 55 médecins "
    "et infirmiers.",
    "Près de 45 tonnes de chlorothalonil ont été utilisées en 2017 en Suisse, selon l'Office "
    "fédéral de l'agriculture.",
)


@pytest.fixture(scope="module")
def sudan() -> list[Draft]:
    return list(draft_questions(SUDAN, 20).drafts)


@pytest.fixture(scope="module")
def suisse() -> list[Draft]:
    return list(draft_questions(SUISSE, 20).drafts)


def by_prompt(drafts: list[Draft], start: str) -> Draft:
    found = [d for d in drafts if d.question.prompt.startswith(start)]
    assert found, [d.question.prompt for d in drafts]
    return found[0]


def right(draft: Draft) -> str:
    return next(c.text for c in draft.question.choices if c.correct)


def test_who_questions_ask_the_subject_and_the_speaker(sudan: list[Draft]) -> None:
    clinton = by_prompt(sudan, "In 1997, who imposed a comprehensive trade embargo")
    assert right(clinton) == "Bill Clinton"
    assert clinton.question.prompt.endswith("government?")
    bin_laden = by_prompt(sudan, "Who lived in Khartoum as a guest")
    assert right(bin_laden) == "Osama bin Laden"
    reeves = by_prompt(sudan, "Who said “The sanctions did not work")
    assert right(reeves) == "Eric Reeves"
    assert "professor" not in reeves.question.prompt  # the apposition would tell


def test_french_wh_questions_year_and_quantity(suisse: list[Draft]) -> None:
    year = by_prompt(suisse, "En quelle année est-ce que le Conseil fédéral a mis en place")
    assert right(year) == "2010"
    assert year.question.prompt.endswith("anciens\u00a0?")
    count = by_prompt(suisse, "Combien de constats d'infraction ont été donnés")
    assert right(count) == "333"


def test_distractors_of_a_surname_are_surnames_with_their_particle(sudan: list[Draft]
                                                                   ) -> None:
    # Clinton is asked once a page, by his full name in the Sudan article: asked here alone.
    alone = article(
        "en", "2019-02-21",
        "In retaliation, Mr. Clinton ordered a cruise missile strike against a pharmaceutical "
        "factory in Khartoum.",
        "Osama bin Laden lived in Khartoum as a guest of the government for several years.",
        "Eric Reeves, a researcher at Smith College, said the sanctions did not work at all.",
        "Prime Minister Tony Abbott travelled to Jakarta in March for the regional summit.")
    strike = by_prompt(list(draft_questions(alone, 10).drafts), "In retaliation, who ordered")
    assert right(strike) == "Clinton"
    choices = [c.text for c in strike.question.choices]
    assert all(" " not in c or c == "bin Laden" for c in choices), choices
    assert "Laden" not in choices
    assert surname("Osama bin Laden") == "bin Laden" and surname("Bill Clinton") == "Clinton"


def test_a_possessive_is_not_part_of_the_name(sudan: list[Draft]) -> None:
    for draft in sudan:
        assert not any(c.text.endswith(("'s", "’s")) for c in draft.question.choices), \
            draft.question.choices
    office = [d for d in sudan if d.fact.name == "Tony Abbott"]
    assert office and "_____'s office" in office[0].question.prompt


def test_numbers_are_near_the_answer_in_no_series_and_within_bounds() -> None:
    quiz = article(
        "en", "2019-05-02",
        "Officials said that 120 tonnes of grain were delivered to the port of the city in "
        "December.",
        "About 80 % of the grain was sent to the camps near the border, officials said on "
        "Tuesday evening.",
        "The programme was first discussed in 2018 by the members of the council in the "
        "capital.")
    for seed in range(4):
        for draft in draft_questions(quiz, 10, seed=seed).drafts:
            if draft.question.kind != "mcq" or draft.fact.kind not in ("number", "year"):
                continue
            answer = draft.fact.value or 0
            values = [float(re.sub(r"[^\d.]", "", c.text)) for c in draft.question.choices]
            wrong = [v for v in values if v != answer]
            assert len(wrong) >= 2
            # No series the answer anchors: never ×½, ×2, ×3, ×4 of it.
            assert not any(v / answer in (0.25, 0.5, 2, 3, 4) for v in wrong), values
            if draft.fact.unit == "%":
                assert max(values) <= 100, values
            if draft.fact.kind == "year":
                assert max(values) <= 2019, values  # never after the article


def test_places_never_stand_beside_a_continent_that_contains_them() -> None:
    quiz = article(
        "fr", "2020-01-10",
        "L'information a été une exception en France, où elle a été relayée par le ministre "
        "de la Santé.",
        "La rumeur a ensuite circulé en Europe pendant plusieurs semaines, selon les "
        "chercheurs de l'université.",
        "Les chercheurs ont aussi étudié la diffusion de la rumeur en Italie et au Japon "
        "pendant le printemps.")
    for seed in range(3):
        for draft in draft_questions(quiz, 10, seed=seed).drafts:
            if draft.fact.kind != "place":
                continue
            texts = {c.text for c in draft.question.choices} | {draft.question.prompt}
            if draft.fact.name == "France":
                assert not any("Europe" in t for t in texts), texts


def test_explanations_restate_the_fact_and_why_the_tempting_choice_is_wrong(
        sudan: list[Draft]) -> None:
    clinton = by_prompt(sudan, "In 1997, who imposed")
    explanation = clinton.question.explanation
    assert "imposed a comprehensive trade embargo against Sudan" in explanation
    assert "in this passage" not in explanation
    assert "is in the article too, but elsewhere: “" in explanation  # and what it says there


def test_the_set_one_draft_per_sentence_two_per_person_mostly_wh(sudan: list[Draft]) -> None:
    drafts = draft_questions(SUDAN, 10).drafts
    sentences = [d.sentence.order for d in drafts]
    assert len(sentences) == len(set(sentences))  # two drafts of a sentence give each other away
    clinton = [d for d in drafts if d.fact.name in ("Clinton", "Bill Clinton")]
    assert len(clinton) <= 2
    wh = [d for d in drafts if "_____" not in d.question.prompt and d.question.kind == "mcq"]
    assert len(wh) >= 4, [d.question.prompt for d in drafts]


def test_every_new_kind_of_draft_passes_the_validator(sudan: list[Draft],
                                                      suisse: list[Draft]) -> None:
    for quiz in (SUDAN, SUISSE):
        report = draft_questions(quiz, 20)
        parse_question_file(write_question_file(report.quiz))


def test_reported_speech_asks_who_said_it() -> None:
    quiz = article(
        "en", "2019-02-21",
        "Digging by hand is also a challenge in frozen ground, so many repairs are put off, "
        "Mr. Michaels said.",
        "Potholes form when water and salt seep into cracks and freeze in the cold, Mr. "
        "Carbone said.",
        "The utility switched most of its covers to vented ones last year, Mr. McHugh said on "
        "Monday.")
    drafts = draft_questions(quiz, 10).drafts
    # ("also" is left out of the question: it points to the sentence before)
    michaels = by_prompt(list(drafts), "Who said that digging by hand is a challenge")
    assert right(michaels) == "Michaels"
    assert michaels.question.prompt.endswith("put off?")


def test_a_name_after_its_title_is_asked_with_qui() -> None:
    quiz = article(
        "fr", "2020-03-10",
        "Le ministre Olivier Véran a annoncé mardi un nouveau plan pour les hôpitaux de la "
        "région parisienne.",
        "Le président Emmanuel Macron a reçu jeudi les représentants des syndicats à l'Élysée "
        "pour parler des retraites.",
        "Le député Jean Dupont a inauguré samedi une nouvelle piste cyclable le long de la "
        "Seine à Paris.")
    drafts = list(draft_questions(quiz, 10).drafts)
    veran = by_prompt(drafts, "Qui a annoncé mardi un nouveau plan")
    assert right(veran) == "Olivier Véran"


def test_a_woman_named_after_wife_gets_no_man_as_a_wrong_answer() -> None:
    quiz = article(
        "en", "2017-11-16",
        "President Robert Mugabe, his wife Grace and two ministers are under house arrest at "
        "the compound in Harare.")
    sentence = split_sentences(quiz)[0]
    grace = next(f for f in find_facts(sentence, "en") if f.name == "Grace")
    assert grace.gender == "f"  # "wife" tells, whatever "his" says
    # A name of unknown sex is no wrong answer for her: it may be a man's.
    assert not _compatible(Candidate("person", "Kasukuwere", ""), grace, "en")
    assert _compatible(Candidate("person", "Sally", "", "f"), grace, "en")


def test_a_possessive_or_a_demonstrative_at_the_start_needs_context() -> None:
    quiz = article(
        "fr", "2020-09-14",
        "Selon leur étude, la popularité du sujet a explosé le 14 mars en France, passant à "
        "60.000 messages en une journée.",
        "La popularité du sujet a explosé suite à ce tweet le 14 mars, passant de 0 à 60.000 "
        "messages en une journée.")
    report = draft_questions(quiz, 10)
    assert report.drafts == ()
    assert report.rejected.get("needs context") == 2


def test_a_piece_of_an_organisations_name_is_no_person() -> None:
    quiz = article(
        "en", "2019-02-21",
        "Some pipes hold up because they were built with thicker iron, according to "
        "Environmental Protection Department officials.",
        "Environmental Protection inspects the old pipes every year before the winter, the "
        "officials said on Tuesday.")
    sentences = split_sentences(quiz)
    # As the model tags them on the New York page: both organisations, the short one once.
    long_name, short_name = "Environmental Protection Department", "Environmental Protection"
    first, second = sentences
    first.facts = [Fact(first.text.index(long_name), first.text.index(long_name) +
                        len(long_name), "org", long_name, before="to")]
    second.facts = [Fact(0, len(short_name), "org", short_name)]
    _persons_taken_for_organisations(sentences)
    kinds = {f.name: f.kind for s in sentences for f in s.facts}
    assert "person" not in {kinds.get("Environmental Protection"),
                            kinds.get("Environmental Protection Department")}, kinds


def test_a_decade_is_no_year_to_swap() -> None:
    quiz = article(
        "fr", "2019-12-12",
        "Le chlorothalonil est utilisé comme fongicide depuis les années 1970 dans l'agriculture "
        "en Suisse.",
        "Près de 45 tonnes de chlorothalonil ont été utilisées en 2017 en Suisse, selon "
        "l'office fédéral.")
    facts = [f for s in split_sentences(quiz) for f in find_facts(s, "fr")]
    assert "1970" not in {f.name for f in facts if f.kind == "year"}
    assert "2017" in {f.name for f in facts if f.kind == "year"}


def test_how_many_asks_a_quantity_of_the_object_in_both_languages() -> None:
    english = article(
        "en", "2021-06-07",
        "Police arrested 12 people after the march through the city centre on Sunday.")
    question = by_prompt(list(draft_questions(english, 10).drafts), "How many")
    assert question.question.prompt == ("How many people did police arrest after the march "
                                        "through the city centre on Sunday?")
    assert right(question) == "12"
    french = article(
        "fr", "2021-06-07",
        "Samedi, la police a arrêté 35 individus lors de la manifestation à Lyon.",
        "Le syndicat réclame 300 postes supplémentaires dans les hôpitaux publics de la ville.")
    drafts = list(draft_questions(french, 10).drafts)
    # A compound tense keeps the object after the participle (which then agrees with
    # nothing); a simple tense puts « Combien de … » first.
    arrested = by_prompt(drafts, "Samedi, combien")
    assert arrested.question.prompt == ("Samedi, combien est-ce que la police a arrêté "
                                        "d'individus lors de la manifestation à Lyon\u00a0?")
    assert right(arrested) == "35"
    posts = by_prompt(drafts, "Combien de postes")
    assert posts.question.prompt == ("Combien de postes supplémentaires est-ce que le syndicat "
                                     "réclame dans les hôpitaux publics de la ville\u00a0?")
    assert right(posts) == "300"
    # « ne … que » before the count: no question (it would keep « n'a plus que »).
    lyon = article("fr", "2021-06-07", "Lyon n'a plus que 20 minutes pour sortir de sa torpeur "
                                       "et renverser Lorient.")
    assert not [d for d in draft_questions(lyon, 10).drafts
                if d.question.prompt.startswith("Combien")]


def test_a_plain_assertion_is_negated_and_copied_as_true_where_no_swap_exists() -> None:
    """``negated`` negates a plain assertion grammatically: do-support in English, « ne … pas »
    around the clitics in French, « un/des » → « de » after it; it tells which sentences are
    plain assertions, the ones copied as true where no swap exists."""
    from quiz.drafting.facts import strip_connective
    from quiz.drafting.negation import negated

    def negate(language: str, text: str) -> str | None:
        quiz = article(language, "2021-06-07", text)
        sentence = split_sentences(quiz)[0]
        return negated(sentence, strip_connective(sentence.text, language)[0], language)

    assert negate("en", "The council approved the plan for the new bridge in March.") == \
        "The council did not approve the plan for the new bridge in March."
    assert negate("en", "However, the company has sold 400 cars in France.") == \
        "The company has not sold 400 cars in France."
    assert negate("fr", "Le conseil municipal s'est prononcé contre le projet en 2019.") == \
        "Le conseil municipal ne s'est pas prononcé contre le projet en 2019."
    assert negate("fr", "Le ministre a annoncé un plan pour les hôpitaux de la région.") == \
        "Le ministre n'a pas annoncé de plan pour les hôpitaux de la région."
    # Not what the article asserts, or no sure grammar: no negation.
    for language, text in (
            ("en", "The plan may cost more than the council expected last year."),
            ("en", "The council did not approve the plan for the new bridge."),
            ("en", "Police arrested 12 people and seized two cars after the march."),
            ("fr", "La ville pourrait perdre des habitants d'ici à 2030 selon l'étude."),
            ("fr", "La mairie a installé des bornes électriques dans le quartier en 2020."),
            ("fr", "Le ministre a déclaré que le plan serait prêt au mois de juin."),
            ("fr", "Un troisième Français a été tué samedi au Népal, a déclaré jeudi le "
                   "ministre des Affaires étrangères.")):
        assert negate(language, text) is None, text
    # In a draft: a name with no wrong answer of its sort in the article gives no swap; the
    # plain assertion is copied as a true statement — never negated since the twenty-eighth
    # round (the judges of sets 24 to 27 rejected 6 of the 8 negations they rated).
    quiz = article("en", "2021-06-07",
                   "Mayor Linda Okafor opened the new library in the old market hall on Saturday.")
    statement = next(d for d in draft_questions(quiz, 10).drafts
                     if d.question.kind == "true_false")
    assert statement.question.prompt == ("Mayor Linda Okafor opened the new library in the old "
                                         "market hall on Saturday.")
    assert statement.question.answer is True
    assert statement.question.explanation == "True: this is what the article says."


def test_an_explanation_says_where_the_tempting_wrong_choice_stands_in_the_article() -> None:
    quiz = article(
        "en", "2021-06-07",
        "Mayor Linda Okafor opened the new library in the old market hall on Saturday.",
        "The building was designed by Tom Reyes, an architect who grew up in the town.",
        "Tom Reyes also designed the bus station that opened in the town two years ago.",
        "The shelves were built by Sara Lind, a carpenter from the next village.")
    drafts = list(draft_questions(quiz, 10).drafts)
    okafor = next(d for d in drafts if d.question.kind == "mcq" and right(d) == "Linda Okafor")
    assert "Tom Reyes" in [c.text for c in okafor.question.choices]
    explanation = okafor.question.explanation
    assert explanation.startswith("Linda Okafor: the article says “Mayor Linda Okafor opened "
                                  "the new library")
    # Why the tempting wrong one is wrong: what the article says of him.
    assert explanation.endswith("Tom Reyes is in the article too, but elsewhere: “The "
                                "building was designed by Tom Reyes, an architect who grew up "
                                "in the town.”")


def test_no_wh_question_drags_a_second_clause_or_a_second_verb_along() -> None:
    """From the development pages: "Who gave in, but his government soon collapsed?" and
    "In what year did President Bill Clinton impose … and blocked …?" are no questions."""
    from quiz.drafting.facts import strip_connective
    from quiz.drafting.wh import wh_prompt

    def prompts(language: str, text: str) -> dict[str, str | None]:
        sentence = split_sentences(article(language, "2021-06-07", text))[0]
        offset = strip_connective(sentence.text, language)[0]
        return {f.name: wh_prompt(sentence, f, offset, language)
                for f in find_facts(sentence, language)}

    shamir = prompts("en", "Prime Minister Yitzhak Shamir gave in, but his government soon "
                           "collapsed.")
    assert "Yitzhak Shamir" in shamir and shamir["Yitzhak Shamir"] is None
    sudan = prompts("en", "In 1997, President Bill Clinton imposed a comprehensive trade "
                          "embargo against Sudan and blocked the assets of its government.")
    assert sudan["1997"] is None
    assert sudan["Bill Clinton"] == ("In 1997, who imposed a comprehensive trade embargo "
                                     "against Sudan and blocked the assets of its government?")
    ocde = prompts("fr", "L'OCDE édicte les directives, la liste des tests à pratiquer, et il "
                         "faut respecter les bonnes pratiques de laboratoire.")
    assert "OCDE" in ocde and ocde["OCDE"] is None


def test_a_sentence_ending_in_a_quotation_gets_no_second_full_stop() -> None:
    """Seen in the explanations of the fresh held-out set (not counted in its rating)."""
    from quiz.drafting.draft import _sentence

    assert _sentence("Roof said, “They weren't criminals or anything.”") == \
        "Roof said, “They weren't criminals or anything.”"
    assert _sentence("Il ajoute qu'il «aggrave les symptômes.»") == \
        "Il ajoute qu'il «aggrave les symptômes.»"
    assert _sentence("The council approved the plan") == "The council approved the plan."
    assert _sentence("Le conseil a voté le plan. ") == "Le conseil a voté le plan."
