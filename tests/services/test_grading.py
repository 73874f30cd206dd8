"""Grading as a plain function."""

import pytest

from quiz.services.grading import IncompleteAttempt, grade_attempt

KEY = {1: 11, 2: 21, 3: 31}


def test_all_right() -> None:
    grade = grade_attempt(KEY, {1: 11, 2: 21, 3: 31})
    assert (grade.score, grade.total) == (3, 3)
    assert all(answer.is_correct for answer in grade.answers)


def test_some_wrong() -> None:
    grade = grade_attempt(KEY, {1: 11, 2: 22, 3: 33})
    assert (grade.score, grade.total) == (1, 3)
    assert [a.is_correct for a in grade.answers] == [True, False, False]


def test_missing_answers_are_listed_in_order() -> None:
    with pytest.raises(IncompleteAttempt) as caught:
        grade_attempt(KEY, {2: 21})
    assert caught.value.missing == [1, 3]


def test_answer_to_a_question_not_in_the_quiz() -> None:
    with pytest.raises(ValueError, match="not in this quiz"):
        grade_attempt(KEY, {1: 11, 2: 21, 3: 31, 9: 91})
