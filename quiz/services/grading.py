"""Grading: plain values in, plain values out (no database, no request)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


class IncompleteAttempt(ValueError):
    """Some questions have no answer; ``missing`` lists their ids in the answer key's order."""

    def __init__(self, missing: list[int]):
        super().__init__(f"{len(missing)} question(s) without an answer")
        self.missing = missing


@dataclass(frozen=True)
class GradedAnswer:
    question_id: int
    choice_id: int
    is_correct: bool


@dataclass(frozen=True)
class Grade:
    score: int
    total: int
    answers: tuple[GradedAnswer, ...]


def grade_attempt(answer_key: Mapping[int, int], chosen: Mapping[int, int]) -> Grade:
    """Grade the choices of one attempt: one point per question whose chosen choice is correct.

    ``answer_key`` maps each question id to its correct choice id, ``chosen`` maps question ids
    to the chosen choice id. Raises IncompleteAttempt when a question has no choice, and
    ValueError when ``chosen`` names a question that is not in the key.
    """
    unknown = set(chosen) - set(answer_key)
    if unknown:
        raise ValueError(f"answers to questions not in this quiz: {sorted(unknown)}")
    missing = [question_id for question_id in answer_key if question_id not in chosen]
    if missing:
        raise IncompleteAttempt(missing)
    answers = tuple(
        GradedAnswer(question_id, chosen[question_id], chosen[question_id] == correct)
        for question_id, correct in answer_key.items()
    )
    return Grade(sum(answer.is_correct for answer in answers), len(answers), answers)
