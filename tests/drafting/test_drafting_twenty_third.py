"""Issue 22, twenty-third round: what the judge of the twentieth held-out set rejected or
edited (docs/drafting.md, "Twenty-third round"), each test on the shape of a real sentence of
those pages."""

from __future__ import annotations

import pytest

from quiz.drafting.draft import _where_named
from quiz.drafting.facts import find_facts, split_sentences
from quiz.questionfile import Question

from .test_drafting_sixth import article
from .test_drafting_twentieth import every_draft, texts


def key(question: Question) -> str:
    return next(choice.text for choice in question.choices if choice.correct)


def blanked(questions: list[Question], answer: str) -> list[Question]:
    """The clozes and wh-questions whose right answer is ``answer``."""
    return [q for q in questions if q.kind == "mcq" and key(q) == answer]


def test_a_figure_after_from_x_to_gets_wrong_answers_on_its_side_of_x(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Times Herald-Record: "increased from nine to _____" offered 7 (an increase ends above
    nine); L'Avenir: « du 20 au _____ septembre » offered the 6 and the 15 (a span ends after
    its start)."""
    questions = every_draft(
        monkeypatch, "en",
        "The total number of coronavirus cases in Rockland County increased from nine to 13 "
        "from Friday into Saturday, health officials said.",
        "On Sunday the total in Rockland County rose to 15, and seven people were in hospital.",
        "Earlier, 11 residents had been tested and 23 were waiting.")
    asked = blanked(questions, "13")
    assert asked
    for question in asked:
        wrong = [float(t) for t in texts(question) if t != "13"]
        assert len(wrong) >= 2 and all(value > 9 for value in wrong), texts(question)
    questions = every_draft(
        monkeypatch, "fr",
        "Tia Hellebaut s'occupera déjà des European Company Games, une compétition sportive "
        "pour entreprises du 20 au 22 septembre à Anvers, organisée par Bob Verbeeck.",
        "Elle a été championne olympique le 15 septembre, puis assistante le 6 septembre de "
        "Wilfried Meert.")
    asked = blanked(questions, "22 septembre")
    assert asked
    for question in asked:
        days = [int(t.split()[0]) for t in texts(question)]
        assert all(day > 20 for day in days), texts(question)


def test_another_figure_is_matched_whole_never_inside_a_decimal() -> None:
    """The Business Times: "8 is another figure of the article" quoted "declined 9.8 per
    cent"."""
    quiz = article("en", "SPH had in August shed about 140 jobs, or 5 per cent of its staff.",
                   "Operating revenue for the year declined 9.8 per cent to S$865.7 million.",
                   "Its property arm's costs rose 8 per cent.")
    sentences = split_sentences(quiz)
    for sentence in sentences:
        sentence.facts = find_facts(sentence, "en")
    where = _where_named("8", sentences, sentences[0])
    assert "9.8" not in where and "rose 8 per cent" in where, where
    assert _where_named("865", sentences, sentences[0]) == ""
