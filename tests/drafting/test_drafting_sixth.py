"""Issue 22, sixth round: what an independent judge rejected or edited on the fifth held-out set
(docs/drafting.md, "A fifth held-out set"). Each test is built on the shape of a real sentence
of those pages: sentences that lean on the one before, choices of another kind (a day, a storm,
page furniture, an initial, a relative, a club, fillers from outside the article), figures after
"more than", years on one side of another, bare negations, aliases, the set giving itself away.
"""

from __future__ import annotations

import re
from typing import Any

from quiz.drafting import Draft, draft_questions
from quiz.drafting.draft import (
    _candidates,
    _entity_distractors,
    _numeric_distractors,
    bound,
    is_alias,
    without_also,
)
from quiz.drafting.facts import (
    Sentence,
    find_facts,
    not_a_name,
    rejection,
    split_sentences,
    strip_connective,
)
from quiz.drafting.negation import negated
from quiz.questionfile import QuizFile, parse_question_file


def article(language: str, *paragraphs: str) -> QuizFile:
    body = "\n\n".join(paragraphs)
    return parse_question_file(f"# Test\n\nLanguage: {language}\nDate: 2025-02-03\n\n"
                               f"## Article\n\n{body}\n\n## Questions\n")


def first_sentence(language: str, *paragraphs: str) -> Sentence:
    """The article's first sentence, with its facts."""
    sentence = split_sentences(article(language, *paragraphs))[0]
    sentence.facts = find_facts(sentence, language)
    return sentence


def sentences_and_pool(quiz: QuizFile, language: str) -> tuple[list[Sentence], dict[str, Any]]:
    """The article's sentences with their facts, and the names a wrong answer is drawn from."""
    sentences = split_sentences(quiz)
    for sentence in sentences:
        sentence.facts = find_facts(sentence, language)
    return sentences, _candidates(sentences, language)


def choices(draft: Draft) -> list[str]:
    return [c.text for c in draft.question.choices]


def causes(language: str, *paragraphs: str) -> list[str]:
    quiz = article(language, *paragraphs)
    sentences = split_sentences(quiz)
    for sentence in sentences:
        sentence.facts = find_facts(sentence, language)
    return [rejection(sentence, language) for sentence in sentences]


def test_a_sentence_that_leans_on_the_one_before_is_not_drafted() -> None:
    """L'Express « Avant cela, c'était Harvey Barnes … », Le Point « C'est aussi … » and « Les
    faits ont été signalés … », « Les deux associations recevront … », Le Parisien « Neuf sont
    situées … », i "The production opened in December …"; a cleft and a count with its noun
    stand alone."""
    assert causes(
        "fr",
        "Avant cela, c'était Harvey Barnes qui avait déjà remis les équipes à égalité d'une "
        "frappe parfaite de 20 mètres.",
        "C'est aussi « l'un des textes fondateurs du Hamas », rappelle en préambule le "
        "président du tribunal, Denis Weisbuch.",
        "Les faits ont été signalés à la justice par le préfet du Gard.",
        "Les deux associations recevront, chacune, 1 000 euros de dommages et intérêts.",
        "Neuf sont situées dans le département du Finistère, en première ligne lors de "
        "l'arrivée de la dépression.",
        "En particulier sur le banc d'Arguin, une partie des parcs se retrouve ensablée après "
        "son passage.",
    ) == ["needs context"] * 6
    assert causes(
        "fr",
        "C'est à Brest que le tribunal correctionnel a rendu son jugement mardi dernier.",
        "Neuf des dix-neuf villes aux records sont situées dans le département du Finistère.",
    ) == ["", ""]
    assert causes(
        "en",
        "The production opened in December and will run until February 1 at the theatre.",
        "After that, the government announced a new plan for the coal miners of the region.",
        "Two were arrested in Leeds after the protest at the theatre on Monday night.",
        "Eight of the 10 questions posed by the leaders of the five parties were directed at "
        "Ishiba.",
    ) == ["needs context", "needs context", "needs context", ""]


def test_a_connective_is_cut_only_where_it_links_and_even_so_is_one() -> None:
    """Voice of America: "Even so, …" (the judge's edit: drop it); The Japan News: "In addition
    to the CDPJ, …" was cut to "To the CDPJ, …"; « De plus en plus » is no « De plus, »."""
    assert strip_connective("Even so, Smith earns too much to qualify for help.", "en")[1] == \
        "Smith earns too much to qualify for help."
    text = "In addition to the CDPJ, the JIP and Komeito also want Japan to participate."
    assert strip_connective(text, "en") == (0, text)
    text = "De plus en plus de familles quittent la ville de Gaza vers le sud."
    assert strip_connective(text, "fr") == (0, text)
    assert strip_connective("De plus, les familles quittent la ville.", "fr")[1] == \
        "Les familles quittent la ville."


def test_days_furniture_initials_and_storms_are_no_names() -> None:
    """L'Express « Samedi » among players; Le Point « LIRE AUSSI Antisémitisme » and « E » (of
    « Yassin E. ») among persons; 20 Minutes « Tempête Ciaran » among towns."""
    assert not_a_name("Samedi")
    assert not_a_name("LIRE AUSSI Antisémitisme")
    assert not_a_name("E")
    assert not_a_name("Tempête Ciaran")
    assert not_a_name("Ciaran", "Dans le sillage de la tempête ")
    assert not_a_name("Ciarán", "as Storm ")
    assert not not_a_name("Bruno Fernandes")
    assert not not_a_name("Marseille", "à ")


def test_no_day_storm_relative_or_club_among_the_choices() -> None:
    """The same pages: « Samedi » (a day) and « Aston Villa » (a club) among Arsenal's players,
    « Ciaran » (the storm) among towns, « Soha » (his wife) among places."""
    quiz = article(
        "fr",
        "Samedi, Willian et David Luiz sont restés à l'isolement par mesure de précaution.",
        "La défaite de Chelsea fait le bonheur d'Aston Villa qui avait battu plus tôt Crystal "
        "Palace 3-0 en championnat.",
        "Le penalty a été obtenu avec malice par Kieran Tierney pour une faute de James Reece.",
        "Alexandre Lacazette a transformé le penalty sans trembler à la 35e minute du match.",
        "Bruno Fernandes a inscrit le but du 2-1 sur une passe d'Edison Cavani en fin de match.",
        "Dans le sillage de la tempête Ciaran, des rafales sont attendues à Biarritz et à Brest.",
        "Pour les autres villes de France, Ciaran n'est pas encore entré dans les annales.",
        "Marié à Soha, qui est dentiste, Zakaria Shehab a vécu à Jabalia puis à Montpellier.",
        "Paul Nardi a repoussé la frappe de Memphis Depay face à l'Olympique Lyonnais samedi.",
        "Le vent a soufflé à 107 km/h à Lorient et à 97 km/h à Roissy pendant la nuit.")
    for draft in draft_questions(quiz, 10).drafts:
        shown = set(choices(draft)) | {draft.fact.name}
        assert not {"Samedi", "Aston Villa", "Ciaran", "Tempête Ciaran", "Soha",
                    "Olympique Lyonnais"} & shown, shown


def test_places_get_the_articles_places_never_fillers() -> None:
    """Metro: "experiences with _____" offered Japan, Brazil, Ukraine for Russia; "from
    occupied _____" Ukraine and Iran for Norway."""
    quiz = article(
        "en",
        "Finland and Sweden have had very different experiences with Russia over the centuries.",
        "German soldiers travelled through Sweden to the border from occupied Norway.",
        "Denmark has also published a new war pamphlet for its citizens this year.")
    sentences, pool = sentences_and_pool(quiz, "en")
    import random

    for sentence in sentences:
        for fact in sentence.facts:
            if fact.kind != "place":
                continue
            found = _entity_distractors(fact, sentence, pool, "en", random.Random(0))
            assert all(source != "list" for _shown, source in found), found
            assert not {"Japan", "Brazil", "Iran", "China"} & {s for s, _ in found}, found


def test_a_bound_is_never_blanked_nor_swapped() -> None:
    """The Portugal News: "more than _____" with $200, $220, $160 for $300 (all true too);
    higher ones only made the least the key, and "more than $400" is not false by the article
    (the fifteenth judge: « plus de _____ années-lumière »). Le Parisien: « plus de 195 km/h »
    swapped for « plus de 150 ». A year "compared to 2023": 2024 was the only choice after
    it."""
    for text, figure, language, expected in (
            ("A ski pass can cost more than $300", "300", "en", 1),
            ("des pics à plus de 150 km/h", "150", "fr", 1),
            ("priced up to 30 million", "30", "en", -1),
            ("priced at 30 million", "30", "en", 0)):
        assert bound(text, text.index(figure), language) == expected, text
    quiz = article(
        "en",
        "A day ski pass at major North American resorts can cost more than $300, while in "
        "France a day pass rarely exceeds 70 euros.",
        "In 2024, Athena Advisers recorded a sales volume of 140 million euros in the French "
        "Alps, a growth of 110% compared to 2023.",
        "At a pre-budget briefing, the commissioner said he would hire up to 1,700 debt "
        "collectors to chase billions owed to the revenue service.",
        "Sociologist Elizabeth Sweet analyzed more than 7,300 toys in Sears catalogs from the "
        "20th century.")
    drafts = draft_questions(quiz, 10).drafts
    assert drafts, "the sentences give other drafts"
    for draft in drafts:
        prompt = draft.question.prompt
        for bounded in ("more than _____", "up to _____", "more than $_____"):
            assert bounded not in prompt, prompt
        if draft.question.kind == "true_false":
            for figure in re.findall(r"(?:more than \$?|up to )([\d,]*\d)", prompt):
                assert figure in ("300", "1,700", "7,300"), prompt
    ski, sales = split_sentences(quiz)[:2]
    for sentence in (ski, sales):
        sentence.facts = find_facts(sentence, "en")
    year = next(f for f in sales.facts if f.kind == "year" and f.value == 2024)
    assert all(int(shown) > 2023 for shown, _s in
               _numeric_distractors(year, sales, [ski, sales], "en", 2025))
    french = article(
        "fr",
        "Plusieurs rafales records ont déjà été mesurées dans le département du Finistère, avec "
        "des pics à plus de 150 km/h.",
        "À la pointe Saint-Mathieu, le vent a soufflé à 193 km/h mercredi soir.",
        "Sur l'île de Batz, une rafale de 195 km/h a été enregistrée dans la nuit.")
    for draft in draft_questions(french, 10).drafts:
        assert "plus de _____" not in draft.question.prompt, draft.question.prompt
        if draft.question.kind == "true_false":
            assert "plus de 195" not in draft.question.prompt, draft.question.prompt
            assert "plus de 193" not in draft.question.prompt, draft.question.prompt


def test_no_figure_the_sentence_already_writes_in_words() -> None:
    """The Japan News: "Eight of the 8 questions" (10 swapped for 8, written « Eight »)."""
    sentence = first_sentence(
        "en",
        "Eight of the 10 questions posed by the leaders of the five opposition parties were "
        "directed at Ishiba, and 12 of the 14 answers were short.")
    ten = next(f for f in sentence.facts if f.value == 10)
    shown = [s for s, _ in _numeric_distractors(ten, sentence, [sentence], "en", 2025)]
    assert "8" not in shown and "5" not in shown, shown


def test_only_a_simple_main_clause_is_negated() -> None:
    """Metro "have not recently also published"; The Portugal News "did not rise …, a
    substantial growth that demonstrates …"; Ouest-France « avant qu'Israël ne demande pas »;
    The West "will not reveal Australia is projected …"."""
    quiz = article(
        "en",
        "Norway and Denmark have recently also published new war pamphlets.",
        "The average price per unit rose from €2.2 million to €3.6 million, a substantial "
        "growth that demonstrates a trend towards higher value investments.",
        "Mr Bowen's annual climate statement on Thursday will reveal Australia is projected to "
        "cut emissions.",
        "The prime minister indicated a positive stance on legalizing a system of surnames.")
    recent, growth, reveal, simple = split_sentences(quiz)
    assert negated(recent, 0, "en") is None
    previously = article("en", "Godongwana had previously allocated R3.5bn to Sars during the "
                               "medium budget policy statement in November.")
    assert negated(split_sentences(previously)[0], 0, "en") is None  # "had not previously"
    assert negated(growth, 0, "en") is None
    assert negated(reveal, 0, "en") is None
    assert negated(simple, 0, "en") == \
        "The prime minister did not indicate a positive stance on legalizing a system of surnames."
    french = article("fr", "C'était avant qu'Israël demande à tout le monde d'aller au sud de "
                           "la bande de Gaza.")
    assert negated(split_sentences(french)[0], 0, "fr") is None


def test_aliases_are_one_answer() -> None:
    """Le Point: Mahomet and Mohammed offered together; The Japan News: "Constitutional
    Democratic Party" offered for "the CDPJ"."""
    assert is_alias("Mahomet", "Mohammed", "fr")
    assert is_alias("CDPJ", "Constitutional Democratic Party", "en", person=False)
    assert not is_alias("NATO", "UNESCO", "en", person=False)


def test_a_country_ending_a_firms_name_is_no_place_to_ask() -> None:
    """The Portugal News: "Managing Director of Athena Advisers _____" with Turkey, Ukraine,
    France."""
    quiz = article(
        "en",
        "Lisbon's prosperity is redefining real estate in Europe, comments David Moura-George, "
        "Managing Director of Athena Advisers Portugal.",
        "Portuguese investors bought chalets in France and in Switzerland last year.",
        "Many buyers from Portugal and Spain now look at the Alps in Italy as well.")
    for draft in draft_questions(quiz, 10).drafts:
        assert "Athena Advisers _____" not in draft.question.prompt, draft.question.prompt


def test_no_draft_prints_anothers_answer() -> None:
    """Ouest-France: « Zakaria Shehab, _____ ans » beside « Zakaria Shehab, 37 ans, habite à
    _____ »; L'Express: « Le nul doit beaucoup à _____ » (Bruno Fernandes) beside « Fernandes a
    aussi inscrit … »."""
    quiz = article(
        "fr",
        "Zakaria Shehab, 37 ans, est professeur de français à l'université Al-Azhar de Gaza.",
        "Zakaria Shehab, 37 ans, habite à Jabalia, une localité qui jouxte la ville de Gaza.",
        "Zakaria Shehab a séjourné en France de 2013 à 2017, notamment à Montpellier.",
        "Le nul de Manchester United à Newcastle doit beaucoup à Bruno Fernandes, encore "
        "décisif.",
        "Bruno Fernandes a inscrit le but du 2-1, bien lancé par Edison Cavani à la 78e minute.",
        "Le défenseur Gabriel sera absent pour 10 jours au moins, selon Mikel Arteta.")
    drafts = draft_questions(quiz, 10).drafts
    assert drafts
    for one in drafts:
        answer = one.sentence.text[one.fact.start:one.fact.end]
        for other in drafts:
            if other is one or (one.question.kind == "true_false" and one.question.answer):
                continue
            printed = other.question.prompt
            if other.question.kind == "true_false" and not other.question.answer:
                # a false statement shows its sentence but for what it changed
                printed = other.sentence.text[:other.fact.start] + \
                    other.sentence.text[other.fact.end:]
            if one.fact.kind == "number":
                assert f"{answer} ans" not in printed, (answer, printed)
            elif len(answer) >= 3:
                assert answer not in printed, (answer, printed)


def test_also_is_left_out_of_a_prompt_where_it_points_back() -> None:
    """The Japan News "Who also advocated revising the agreement …?", 20 Minutes « À La
    Teste-de-Buch aussi, … » (the judge's edit: drop it); never inside a quotation, nor where
    it compares or adds (« aussi grand que », « mais aussi »)."""
    assert without_also("Who also advocated revising the agreement?", "en") == \
        "Who advocated revising the agreement?"
    assert without_also("A la Teste-de-Buch aussi, les plages sont interdites.", "fr") == \
        "A la Teste-de-Buch, les plages sont interdites."
    for kept, language in (("Not only prices but also wages rose.", "en"),
                           ("Il est aussi grand que son frère.", "fr"),
                           ("Les salaires mais aussi les prix montent.", "fr"),
                           ("Christine Lagarde a elle aussi jugé la baisse impérative.", "fr"),
                           ("« Nous sommes aussi inquiets », dit-il.", "fr")):
        assert without_also(kept, language) == kept
    quiz = article(
        "en",
        "Prime Minister Ishiba also advocated revising the agreement during last month's "
        "presidential election.",
        "Opposition leader Yoshihiko Noda asked about the funds during the Saturday debate.",
        "Yuichiro Tamaki urged the prime minister to pledge that the party will not use funds.")
    drafts = draft_questions(quiz, 10).drafts
    assert any("Ishiba" in d.question.prompt or d.fact.name == "Ishiba" for d in drafts)
    for draft in drafts:  # (a cloze, "the sentence from the article", keeps every word of
        # it since the fifteenth round: the fourteenth judge found "also" and « aussi »
        # dropped from sentences the prompt calls the article's)
        if "_____" not in draft.question.prompt:
            assert " also " not in draft.question.prompt, draft.question.prompt
    cloze = article("fr", "L'aloe vera ou le pollen peuvent aussi être des alliés selon le "
                          "naturopathe Jean Dupont, installé à Lyon depuis 2010.")
    cloze_drafts = draft_questions(cloze, 10).drafts
    assert cloze_drafts
    for draft in cloze_drafts:
        if "_____" in draft.question.prompt:
            assert " aussi " in draft.question.prompt, draft.question.prompt
        else:
            assert " aussi " not in draft.question.prompt, draft.question.prompt


def test_which_organisation_is_not_asked_of_one_unknown_word() -> None:
    """TimesLive: "Which organisation had previously allocated R3.5bn to Sars …?" — the answer,
    Godongwana, is the finance minister."""
    quiz = article(
        "en",
        "Godongwana had previously allocated R3.5bn to Sars during the medium budget policy "
        "statement in November last year.",
        "The SANDF troops will leave the Democratic Republic of the Congo by the end of March.",
        "The Bargaining Council and the PSCBC met the unions in Pretoria on Monday morning.")
    for draft in draft_questions(quiz, 10).drafts:
        assert "which organisation" not in draft.question.prompt.lower(), draft.question.prompt


def test_a_sentence_short_of_its_object_but_for_a_score_is_a_fragment() -> None:
    """L'Express: « Sans états d'âme, qui a transformé (1-0, 35e) ? » — transformed what?"""
    assert causes("fr", "Sans états d'âme, Alexandre Lacazette a transformé (1-0, 35e).") == \
        ["fragment"]


def test_no_negation_of_a_state_since_or_until_a_date() -> None:
    """20 Minutes: « Le sentier … n'est pas fermé au public … depuis le mercredi 10 novembre
    2021 » reads as "open since" as much as "not closed since"."""
    quiz = article("fr", "Le sentier de la Corniche est fermé au public par arrêté préfectoral "
                         "depuis le mercredi 10 novembre 2021.")
    assert negated(split_sentences(quiz)[0], 0, "fr") is None


def test_generated_figures_are_no_even_series() -> None:
    """The Portugal News: 1112, 1240, 1368 billion (a step of 128) beside 855."""
    import random

    from quiz.drafting.draft import _near

    for seed in range(30):
        values = sorted([855.0, *_near(855, 0, random.Random(seed))[:3]])
        steps = {round(b - a) for a, b in zip(values[1:], values[2:], strict=False)}
        assert len(values) < 4 or len(steps) > 1, values


def test_a_town_tagged_as_an_organisation_is_no_wrong_answer_for_one() -> None:
    """Gothamist: "Which organisation says it has donated the goods …?" offered Annapolis and
    Westchester (towns, "in Westchester") beside the Army Corps of Engineers for the DOT."""
    quiz = article(
        "en",
        "The DOT says it has donated the goods to a civil defense museum in Annapolis.",
        "Another shelter in Westchester was inspected by the Army Corps of Engineers in May.",
        "The FDNY and the NYPD both said they had no record of the shelters in their files.")
    for draft in draft_questions(quiz, 10).drafts:
        if draft.fact.kind == "org":
            assert not {"Annapolis", "Westchester"} & set(choices(draft)), choices(draft)
