"""Issue 22, eighteenth round: what the judge of the sixteenth held-out set rejected or edited
(docs/drafting.md, "Eighteenth round"), each test on the shape of a real sentence of those
pages."""

from __future__ import annotations

import random

from quiz.drafting import draft_questions
from quiz.drafting.draft import Candidate, _entity_distractors, _numeric_distractors
from quiz.drafting.facts import find_facts, rejection, split_sentences, strip_connective
from quiz.drafting.wh import wh_prompt

from .test_drafting_sixth import article, first_sentence, sentences_and_pool


def test_a_name_ending_in_s_after_an_apostrophe_is_blanked_whole() -> None:
    """Le Monde: « L'agence de notation Moody's a abaissé … » gave « _____s » with the answer
    « Moody' »: the model cut the name at its apostrophe."""
    quiz = article(
        "fr",
        "L'agence de notation Moody's a abaissé mardi 5 juillet de quatre crans la note "
        "souveraine du Portugal, de Baa1 à Ba2.",
        "Le Fonds monétaire international (FMI) et l'Union européenne ont prêté 78 milliards "
        "d'euros au Portugal en mai.")
    sentence = split_sentences(quiz)[0]
    names = [fact.name for fact in find_facts(sentence, "fr")]
    assert "Moody's" in names and "Moody'" not in names, names
    for draft in draft_questions(quiz, 10).drafts:
        assert "_____s" not in draft.question.prompt, draft.question.prompt
        assert all(not choice.text.endswith(("'", "’")) for choice in draft.question.choices)


def test_and_then_a_word_pointing_back_needs_the_sentence_before() -> None:
    """La Dépêche: « Et ça, c'est le travail de l'association LCS Nature Évasion créée à
    Gavaudun … » was kept as a true statement: ça, what?"""
    for language, text in (
            ("fr", "Et ça, c'est le travail de l'association LCS Nature Évasion créée à "
                   "Gavaudun par Guy Morala et quelques amis en 1989."),
            ("en", "And this, too, was the work of the Gavaudun association founded by Guy "
                   "Morala and a few friends in 1989.")):
        sentence = split_sentences(article(language, text))[0]
        sentence.facts = find_facts(sentence, language)
        assert rejection(sentence, language) == "needs context", text
    plain = "Et alors, le conseil municipal de Gavaudun a voté la création du parc en 1989."
    sentence = split_sentences(article("fr", plain))[0]
    sentence.facts = find_facts(sentence, "fr")
    assert rejection(sentence, "fr") == ""


def test_a_wh_question_carries_no_opener_no_dash_clause_no_stray_abbreviation() -> None:
    """CNA: "For example, how many points will applicants … score …?"; Variety: "Not everyone
    who lives at Trilith works in entertainment — about 30% of … and what share of apartment
    dwellers …?"; Electrek: "How many gigawatts will the new facility produce (GW) of solar
    modules …?"."""
    asked = 0
    for text, figure in (
            ("For example, applicants with a salary that meets the 65th to 90th percentile of "
             "local PMET salaries in the sector will score 10 points under the “Salary” "
             "attribute.", "10"),
            ("Not everyone who lives at Trilith works in entertainment — about 30% of "
             "single-family home residents and about 70% of apartment dwellers have some "
             "association with the productions at Trilith Studios, according to the "
             "developer.", "70%"),
            ("The new facility will produce 1.4 gigawatts (GW) of solar modules per year made "
             "with Q Cells’ next-gen PV cells, a high-efficiency tunnel oxide passivated contact "
             "technology better known as TOPCon.", "1.4")):
        sentence = split_sentences(article("en", text))[0]
        sentence.facts = find_facts(sentence, "en")
        fact = next(f for f in sentence.facts if text[f.start:f.end] == figure)
        prompt = wh_prompt(sentence, fact, strip_connective(text, "en")[0], "en")
        if prompt is not None:
            asked += 1
            assert not prompt.startswith("For example"), prompt
            assert " — " not in prompt and "(GW)" not in prompt, prompt
    assert asked >= 2  # the opener and the abbreviation are cut, not the question


def test_a_building_gets_buildings_of_its_sort_and_no_year_of_its_digits() -> None:
    """USA Today: "Travelers at _____ express concerns …" (Hartsfield-Jackson Atlanta
    International Airport) with Safeway Cargo and the Associated Press; Electrek: 2032 offered
    for 2023, the answer's digits swapped."""
    quiz = article(
        "en",
        "Travelers at Hartsfield-Jackson Atlanta International Airport express concerns about "
        "the screening measures in place to prevent fellow passengers from bringing additional "
        "cases of Ebola into the United States.",
        "Thomas Eric Duncan worked as a driver for the general manager of Safeway Cargo, a "
        "FedEx contractor in Liberia, until early September.",
        "Duncan flew from Monrovia to Brussels, then to Washington Dulles International "
        "Airport, before landing in Dallas on Sept. 20, officials said.",
        "The Associated Press reported that Safeway Cargo had fired Duncan in early September.",
        "The company built its first factory in Dalton in 2023.")
    sentences, pool = sentences_and_pool(quiz, "en")
    airport = next(fact for fact in sentences[0].facts if fact.name.endswith("Airport"))
    offered = [text for text, _source in _entity_distractors(
        airport, sentences[0], pool, "en", random.Random(0))]
    assert all(text.endswith("Airport") for text in offered), offered
    year = next(fact for fact in sentences[-1].facts if fact.kind == "year")
    for seed in range(40):  # an article of no known date: years on both sides (seeds 5 and 12
        # offered 2032)
        offered = [text for text, _source in _numeric_distractors(
            year, sentences[-1], sentences, "en", 9999, random.Random(seed))]
        assert len(offered) >= 2 and not {"2032", "2203", "2302"} & set(offered), offered


def test_no_example_among_others_is_blanked_and_no_company_is_offered_for_a_person() -> None:
    """Variety: "Galligan likes remembering shooting films like “_____” and “Guardians of the
    Galaxy” …" with "Avengers: Infinity War", which the article says she shot too (two right
    answers); "… says _____" (Parker) with "Trilith": the model took the company Trilith
    Development for a person, shown by its first word, beside Trilith Studios."""
    films = article(
        "en",
        "The studios south of Atlanta shot “Black Panther” in 2017 and “WandaVision” in 2020.",
        "Crews remember shooting films like “Thor: Ragnarok” and “Guardians of the Galaxy” on "
        "the stages across the lake.",
        "“Avengers: Infinity War” was shot on the same stages as “Black Panther”.",
        "The town was built beside the stages where “WandaVision” was later shot.")
    drafts = draft_questions(films, 10).drafts
    assert drafts
    for draft in drafts:
        assert not (draft.question.kind == "mcq" and "like “_____”" in draft.question.prompt), \
            draft.question.prompt
        assert "in 2020?" not in draft.question.prompt, draft.question.prompt  # "In what year
        # did the studios shoot “Black Panther” and “WandaVision” in 2020?"
    says = first_sentence(
        "en",
        "“There’s about a dozen different looks” for shooting in the town, says Rob Parker, who "
        "points out that Wakanda was built in the open area down the road.")
    parker = next(fact for fact in says.facts if fact.name == "Rob Parker")
    pool = {"person": [Candidate("person", name, "", short=short) for name, short in (
                ("Rob Parker", "Parker"), ("Shauna Galligan", "Galligan"),
                ("Coby Lefkowitz", "Lefkowitz"), ("Trilith Development", "Trilith"),
                ("Lew Oliver", "Oliver"))],
            "org": [Candidate("org", name, "") for name in ("Trilith Studios",
                                                               "Lew Oliver Inc")]}
    offered = [text for text, _source in _entity_distractors(
        parker, says, pool, "en", random.Random(0))]
    assert "Trilith" not in offered and "Trilith Development" not in offered, offered
    assert "Rob Parker" not in offered and len(offered) >= 2, offered
