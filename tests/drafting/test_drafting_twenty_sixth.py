"""Issue 22, twenty-sixth round: what the judge of the twenty-third held-out set rejected or
edited (docs/drafting.md, "Twenty-sixth round"), each test on a sentence of our own modelled on
one of those pages."""

from __future__ import annotations

import re

import pytest

from quiz.questionfile import Question

from .test_drafting_twentieth import every_draft, texts


def mcqs(questions: list[Question]) -> list[Question]:
    return [q for q in questions if q.kind == "mcq"]


def test_a_hyphenated_word_is_never_cut_by_the_question_word(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """"After a refor how many years was -trial …": the parse took "-trial …" for the subject
    and the question word went into "re-trial"."""
    questions = every_draft(
        monkeypatch, "en",
        "After a re-trial the judge was sent to prison for 8 years.",
        "His brother was jailed for 5 years in 2015 and released after 3 years.",
        "A third man was given 11 years.")
    for question in questions:
        assert not re.search(r"(?<![\w-])-\w|\w-(?![\w-])", question.prompt), question.prompt
        assert "re-trial" in question.prompt or "trial" not in question.prompt, question.prompt
