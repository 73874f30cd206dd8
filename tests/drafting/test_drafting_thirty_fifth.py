"""Issue 22, thirty-fifth round (docs/drafting.md, "Thirty-fifth round"): a sentence the rest
of the article does not take up tells a side detail — no blank, no swap is drafted from it."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from quiz.drafting import draft as drafting
from quiz.drafting.centrality import centrality_ranks
from quiz.drafting.draft import Draft
from quiz.drafting.facts import split_sentences

from .test_drafting_sixth import article
from .test_drafting_twentieth import every_draft

# A report of a flood, in the shape of the held-out sets' long articles (300 words and more):
# the river, the warnings, the defences and the residents come back from sentence to sentence;
# the bakery's bread is told once, in words no other sentence uses.
FLOOD = (
    "Floods forced 1,200 residents of Carlisle to leave their homes on Tuesday after the River "
    "Eden burst its banks following three days of heavy rain across Cumbria.",
    "The river rose to 7.9 metres at its highest point, the Environment Agency said, a level "
    "not seen in Carlisle since the floods of 2005 destroyed hundreds of homes.",
    "Rescue teams used boats to reach residents trapped in the flooded streets of Carlisle, and "
    "the council opened four shelters for families whose homes were under water.",
    "The Environment Agency issued 45 flood warnings across Cumbria and said the rain would "
    "continue until Thursday, with rivers expected to rise again overnight.",
    "Residents said the water rose so fast in the night that many had no time to move their "
    "belongings upstairs before the river reached their homes.",
    "The council said the flood defences built after 2005 had held along most of the river, "
    "but water had come over the walls in the north of Carlisle.",
    "Engineers from the Environment Agency were inspecting the flood defences on Wednesday to "
    "see whether the walls had been damaged by the river.",
    "A bakery on Castle Lane, which opened in 1952, gave away 300 loaves of bread to "
    "passers-by.",
    "The government said it would send 150 soldiers to Cumbria to help the council and the "
    "rescue teams move residents away from the flooded streets.",
    "The rain is expected to move east on Friday, and the Environment Agency said the flood "
    "warnings in Cumbria could be lifted at the weekend if the river falls.",
    "Schools in the north of Carlisle stayed closed on Wednesday while the council checked "
    "whether the flooded streets around them were safe for children to walk to school.",
    "Insurers estimated that the floods had damaged more than 2,000 homes and businesses in "
    "Carlisle and the villages along the river.",
)


def test_the_sentence_told_in_words_no_other_takes_up_is_the_least_central() -> None:
    sentences = split_sentences(article("en", *FLOOD))
    ranks = centrality_ranks([sentence.doc for sentence in sentences])
    by_rank = sorted(zip(ranks, (s.text for s in sentences), strict=True))
    assert by_rank[-1][1].startswith("A bakery on Castle Lane"), by_rank
    assert by_rank[0][1].startswith(("The river rose", "Engineers")), by_rank
    assert sorted(ranks) == [place / len(ranks) for place in range(len(ranks))]


def test_no_sentence_no_rank() -> None:
    assert centrality_ranks([]) == []


def words(*lemmas: str) -> list[SimpleNamespace]:
    """A parsed sentence as centrality_ranks reads it: content words with their lemmas."""
    return [SimpleNamespace(lemma_=lemma, is_alpha=True, is_stop=False, text=lemma)
            for lemma in lemmas]


def test_sentences_alike_share_a_place_whatever_their_order() -> None:
    """Two sentences sharing no word with any other are alike: neither is less central for
    coming later (the first version ranked the earlier first, and a long article's later
    sentences fell among the least central for their place alone)."""
    ranks = centrality_ranks([
        words("bakery", "bread"), words("river", "flood", "rain"), words("flood", "river"),
        words("rain", "flood", "warning"), words("football", "match")])
    assert ranks[0] == ranks[4] > max(ranks[1:4])


def drafted(monkeypatch: pytest.MonkeyPatch, language: str, *paragraphs: str) -> list[Draft]:
    """Every draft the sentences give, before the set is chosen (without their twins)."""
    monkeypatch.setattr(drafting, "_select", lambda drafts, *args, **kwargs: drafts)
    monkeypatch.setattr(drafting, "_balance", lambda chosen, drafts=None: chosen)
    return list(drafting.draft_questions(article(language, *paragraphs), 100).drafts)


def test_a_side_detail_of_a_long_article_is_only_copied_as_true(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The bakery's 300 loaves: blanked (« _____ loaves of bread ») or swapped in a false
    statement it asks trivia; the judges rejected most such drafts. It may still be copied as
    a true statement; the flood's own figures are still blanked."""
    drafts = drafted(monkeypatch, "en", *FLOOD)
    bakery = [d.question for d in drafts if "loaves" in d.question.prompt]
    assert bakery, [d.question.prompt for d in drafts]
    for question in bakery:
        assert question.kind == "true_false" and question.answer is True, question.prompt
        assert "300 loaves" in question.prompt
    assert any("_____" in d.question.prompt and "flood warnings" in d.question.prompt
               for d in drafts)


def test_a_page_of_side_details_still_has_a_false_statement(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Copied statements only, from the least central sentences: a student answers "true"
    to all without reading. Their false twins are kept for this: the page's set states one
    of them false (the review found 24 pages of 278 all true, against 4 before the rule)."""
    balance = drafting._balance
    drafts = drafted(monkeypatch, "en", *FLOOD)
    side = [d for d in drafts if d.question.kind == "true_false" and d.sentence.centrality >= 0.6
            and d.sentence.block != 0]
    assert len(side) >= 2 and all(d.question.answer for d in side), \
        [d.question.prompt for d in side]
    balanced = balance(side)
    assert {d.question.answer for d in balanced} == {True, False}, \
        [d.question.prompt for d in balanced]

def test_a_brief_has_no_side_detail(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under 300 words every sentence tells the brief's story: the bakery's figure is asked
    like the others."""
    brief = (FLOOD[0], FLOOD[1], FLOOD[3], FLOOD[7])
    questions = every_draft(monkeypatch, "en", *brief)
    assert any("_____ loaves" in q.prompt for q in questions), [q.prompt for q in questions]


def test_the_lead_is_asked_even_in_words_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lead tells what the article is about, often in words the later sentences do not
    repeat (here it ranks among the least central): it is blanked all the same."""
    lead = ("The River Eden burst its banks on Tuesday after three days of heavy rain, forcing "
            "1,200 residents of Carlisle to leave their homes.")
    paragraphs = (lead, *FLOOD[1:])
    sentences = split_sentences(article("en", *paragraphs))
    assert centrality_ranks([s.doc for s in sentences])[0] >= 0.6
    questions = every_draft(monkeypatch, "en", *paragraphs)
    assert any("_____" in q.prompt and "River Eden burst" in q.prompt for q in questions), \
        [q.prompt for q in questions]


# From the thirty-fifth judge (the set's ratings read).

HEAT = ("Au Royaume-Uni, la température pourrait atteindre 36 degrés samedi dans le sud-est de "
        "l'Angleterre, selon les services météorologiques britanniques.",
        "En Belgique, les températures ont dépassé les 35 degrés et des milliers de personnes "
        "ont afflué vers les plages de la mer du Nord.")


def test_a_temperature_s_wrong_answers_stay_in_its_weather(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """« pourrait atteindre _____ degrés … dans le sud-est de l'Angleterre » (36) offered 47:
    false on its face for England. A temperature's wrong answers lie within a quarter of it."""
    questions = every_draft(monkeypatch, "fr", *HEAT)
    asked = [q for q in questions if q.kind == "mcq" and "atteindre _____ degrés" in q.prompt]
    assert asked, [q.prompt for q in questions]
    for question in asked:
        values = [float(choice.text) for choice in question.choices]
        assert all(27 <= value <= 45 for value in values), values


@pytest.mark.parametrize(("language", "paragraphs"), [
    ("fr", (HEAT[1], HEAT[0])),
    ("fr", ("Le thermomètre a franchi la barre des 40 degrés mardi à Séville, où les autorités "
            "ont fermé les écoles.",
            "A Cordoue, la température a atteint 43 degrés mercredi, selon l'agence "
            "météorologique.")),
    ("en", ("Temperatures exceeded 35 degrees in Seville on Saturday as thousands of people "
            "flocked to the beaches.",
            "In Cordoba, the temperature reached 41 degrees on Sunday afternoon, the weather "
            "service said.")),
    ("en", ("Sales of the new console topped 5 million units in its first month on sale.",
            "Sony's previous console sold 3 million units in its first month in 2013, according "
            "to analysts at Niko Partners.")),
])
def test_a_threshold_passed_is_a_bound_not_an_answer(
        monkeypatch: pytest.MonkeyPatch, language: str, paragraphs: tuple[str, str]) -> None:
    """« Les températures ont dépassé les _____ degrés » (35) had 30 and 20 as wrong answers:
    both true — passing 35 is passing 30. A verb of passing a threshold (« dépasser »,
    « franchir la barre des », "exceed", "top") bounds the figure like « plus de »: it is
    neither blanked nor asked ("How many degrees did temperatures exceed …?"), nor swapped in
    a false statement ("topped 3 million units" is true of 5 million); the other sentence's
    figure still is."""
    figure = re.search(r"\d+", paragraphs[0])
    assert figure is not None
    questions = every_draft(monkeypatch, language, *paragraphs)
    first = [q for q in questions if q.passage == paragraphs[0]]
    assert not [q.prompt for q in first if q.kind == "mcq" and figure.group(0) not in q.prompt]
    assert not [q.prompt for q in first if q.kind == "true_false" and not q.answer and
                figure.group(0) not in q.prompt]
    assert any(q.passage == paragraphs[1] and q.kind == "mcq" for q in questions)


def test_a_threshold_named_without_passing_it_is_no_bound(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """« La livre libanaise a frôlé jeudi le seuil des 5.000 livres » (nearly reached it): the
    thirty-second set's judge kept its cloze as usable; only a verb of passing makes « le seuil
    des » a bound."""
    questions = every_draft(
        monkeypatch, "fr",
        "La livre libanaise a frôlé jeudi le seuil des 5.000 livres pour un dollar dans les "
        "bureaux de change, une dégringolade qui a provoqué des manifestations.",
        "Avant la crise, le dollar s'échangeait contre 1.507 livres, et 3.000 livres au "
        "printemps dernier.")
    assert any("seuil des _____ livres" in q.prompt for q in questions), \
        [q.prompt for q in questions]


# NBC News on the third Republican debate, shortened.
DEBATE = (
    "Donald Trump said he would skip the third debate to hold a rally in Florida.",
    "Nikki Haley said she would not attack the former president on the debate stage.",
    "Vivek Ramaswamy said he was the youngest candidate on the stage in Miami.",
    "Kristen Welker said she asked the candidates about abortion and the war in Ukraine.",
    "Ron DeSantis said he would talk about the economy and the southern border.",
    "Ronna McDaniel, whom Ramaswamy called on to resign as head of the RNC from the debate "
    "stage, said she wasn't bothered by the lack of discussion of Trump — who first installed "
    "her at the RNC.")


def test_a_pronoun_is_the_subject_s_when_the_others_are_of_the_other_sex(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """"_____, whom Ramaswamy called on to resign …, said she wasn't bothered by … Trump — who
    first installed her" offered DeSantis and Christie: « she » could not be told McDaniel's
    while the sentence names two other persons. The article shows both of them men: the
    pronoun is hers, and her wrong answers are women; and she is no wrong answer to "Who said
    he …?"."""
    questions = every_draft(monkeypatch, "en", *DEBATE)
    blanked = [q for q in questions if q.kind == "mcq" and "whom Ramaswamy" in q.prompt]
    assert blanked, [q.prompt for q in questions]
    for question in blanked:
        assert {c.text for c in question.choices} <= {
            "Ronna McDaniel", "McDaniel", "Nikki Haley", "Haley", "Kristen Welker", "Welker"}, \
            [c.text for c in question.choices]
    for question in questions:
        if question.kind == "mcq" and question.prompt.startswith("Who said he"):
            assert not any("McDaniel" in c.text for c in question.choices), question.prompt


@pytest.mark.parametrize(("language", "paragraphs"), [
    ("en", ("For the third time in three debates, Trump skipped the stage on Wednesday.",
            "Five candidates took part in the debate in Miami, and seven in the first one.")),
    ("fr", ("Pour la troisième fois en 3 semaines, la ville de Nîmes a été inondée lundi.",
            "Les pompiers du Gard ont effectué 120 interventions dans la nuit de dimanche à "
            "lundi.")),
])
def test_a_count_beside_its_ordinal_is_not_asked(
        monkeypatch: pytest.MonkeyPatch, language: str, paragraphs: tuple[str, str]) -> None:
    """"For the third time in _____ debates" (three): the ordinal tells the count."""
    questions = every_draft(monkeypatch, language, *paragraphs)
    first = [q for q in questions if q.passage == paragraphs[0]]
    assert not [q.prompt for q in first if q.kind == "mcq" and "_____" in q.prompt]
    assert not [q.prompt for q in first if q.kind == "true_false" and not q.answer]
    assert any(q.passage == paragraphs[1] and q.kind == "mcq" for q in questions), \
        [q.prompt for q in questions]
