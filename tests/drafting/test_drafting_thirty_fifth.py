"""Issue 22, thirty-fifth round (docs/drafting.md, "Thirty-fifth round"): a sentence the rest
of the article does not take up tells a side detail — no blank, no swap is drafted from it."""

from __future__ import annotations

import pytest

from quiz.drafting.centrality import centrality_ranks
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


def test_a_side_detail_of_a_long_article_is_only_copied_as_true(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The bakery's 300 loaves: blanked (« _____ loaves of bread ») or swapped in a false
    statement it asks trivia; the judges rejected most such drafts. It may still be copied as
    a true statement; the flood's own figures are still blanked."""
    questions = every_draft(monkeypatch, "en", *FLOOD)
    bakery = [q for q in questions if "loaves" in q.prompt]
    assert bakery, [q.prompt for q in questions]
    for question in bakery:
        assert question.kind == "true_false" and question.answer is True, question.prompt
        assert "300 loaves" in question.prompt
    assert any("_____" in q.prompt and "flood warnings" in q.prompt for q in questions)


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
