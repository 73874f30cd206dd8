"""Leaderboards: which attempt counts, late attempts, ties, hidden students, overall totals."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Assignment, Attempt, Classroom, Quiz, User
from quiz.services.classes import (
    JOIN_CODE_ALPHABET,
    ClassError,
    assign_quiz,
    create_class,
    join_class,
    new_join_code,
    set_hidden_from_board,
)
from quiz.services.leaderboard import class_leaderboard, counted_attempts, rank_standings
from tests.support import SEED_QUIZ

pytestmark = pytest.mark.usefixtures("demo_quizzes")
T0 = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def attempt(user_id: int, quiz: Quiz, score: int, minutes: int) -> None:
    db.session.add(Attempt(user_id=user_id, quiz_id=quiz.id,
                           revision_id=quiz.current_revision_id, status="submitted",
                           score=score, total=12, started_at=at(minutes - 5),
                           submitted_at=at(minutes)))
    db.session.commit()


def class_of(users, teacher: str, name: str, students: list[tuple[str, str]]
             ) -> tuple[Classroom, dict[str, int]]:
    """A teacher's class whose students (username, display name) joined with its code; to be
    called inside an app context, after users.make's own contexts have committed them."""
    teacher_id = users.make(teacher, teacher.title(), role="teacher")
    ids = {username: users.make(username, display) for username, display in students}
    db.session.commit()  # end any read begun before those users were stored
    room = create_class(db.session.get_one(User, teacher_id), name, "2026-2027")
    for user_id in ids.values():
        join_class(db.session.get_one(User, user_id), room.join_code.lower())
    return room, ids


@pytest.fixture
def classroom(app: Flask, users):
    with app.app_context():
        yield class_of(users, "prof", "4e B", [("ana", "Ana"), ("ben", "Ben"), ("cleo", "Cléo")])


def seed(app: Flask) -> Quiz:
    return db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))


def board(classroom, assignment=None, **flags) -> list[tuple[str, int]]:
    return [(s.display_name, s.score) for s in class_leaderboard(classroom, assignment, **flags)]


def test_join_codes_avoid_look_alike_characters() -> None:
    for _ in range(200):
        code = new_join_code()
        assert len(code) == 6 and set(code) <= set(JOIN_CODE_ALPHABET)
    assert not set("0O1IL") & set(JOIN_CODE_ALPHABET)


def test_best_attempt_counts_and_late_ones_do_not(app: Flask, classroom) -> None:
    room, ids = classroom
    quiz = seed(app)
    assignment = assign_quiz(room, quiz, None, at(60), "best")
    attempt(ids["ana"], quiz, 7, 10)
    attempt(ids["ana"], quiz, 9, 20)
    attempt(ids["ana"], quiz, 12, 90)  # late: kept, not counted
    attempt(ids["ben"], quiz, 9, 15)
    assert board(room, assignment) == [("Ben", 9), ("Ana", 9), ("Cléo", 0)]


@pytest.mark.parametrize(("rule", "expected"), [("best", 10), ("first", 6), ("latest", 8)])
def test_which_attempt_counts(app: Flask, classroom, rule: str, expected: int) -> None:
    room, ids = classroom
    quiz = seed(app)
    assignment = assign_quiz(room, quiz, None, None, rule)
    for score, minute in [(6, 1), (10, 2), (8, 3)]:
        attempt(ids["cleo"], quiz, score, minute)
    assert board(room, assignment)[0] == ("Cléo", expected)


def test_equal_scores_and_times_fall_back_to_the_user_id() -> None:
    rows = [(3, "C", 5, 12, at(1), False), (1, "A", 5, 12, at(1), False),
            (2, "B", 7, 12, at(9), False), (4, "D", 5, 12, None, False)]
    assert [s.display_name for s in rank_standings(rows)] == ["B", "A", "C", "D"]
    assert [s.position for s in rank_standings(rows)] == [1, 2, 3, 4]


def test_overall_adds_the_counted_scores_of_every_assignment(app: Flask, classroom) -> None:
    room, ids = classroom
    quiz = seed(app)
    velo = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "exemple-velo-ecole"))
    assign_quiz(room, quiz, None, None, "best")
    assign_quiz(room, velo, at(0), None, "best")
    attempt(ids["ana"], quiz, 8, 10)
    attempt(ids["ana"], velo, 5, 11)
    attempt(ids["ben"], quiz, 12, 12)
    attempt(ids["ben"], velo, 1, -30)  # before the opening date: not counted
    standings = class_leaderboard(room)
    assert [(s.display_name, s.score, s.out_of) for s in standings] == [
        ("Ana", 13, 24), ("Ben", 12, 12), ("Cléo", 0, 0)]


def test_hidden_students_leave_the_board_but_keep_their_scores(app: Flask, classroom) -> None:
    room, ids = classroom
    quiz = seed(app)
    assignment = assign_quiz(room, quiz, None, None, "best")
    attempt(ids["ana"], quiz, 11, 1)
    set_hidden_from_board(room, ids["ana"], True)
    assert ("Ana", 11) not in board(room, assignment)
    teacher_view = class_leaderboard(room, assignment, include_hidden=True)
    assert [(s.display_name, s.score, s.hidden) for s in teacher_view][0] == ("Ana", 11, True)


def test_join_errors(app: Flask, classroom) -> None:
    room, ids = classroom
    with pytest.raises(ClassError, match="already in the class 4e B"):
        join_class(db.session.get_one(User, ids["ana"]), room.join_code)
    with pytest.raises(ClassError, match="No class has this code"):
        join_class(db.session.get_one(User, ids["ana"]), "ZZZZZZ")


def test_due_date_must_follow_opening(app: Flask, classroom) -> None:
    room, _ids = classroom
    with pytest.raises(ClassError, match="after the opening date"):
        assign_quiz(room, seed(app), at(10), at(5), "best")
    assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0


# -- two assignments, equal scores, boundary times, attempts in progress ------------------------
# Display names sort against the ids (Zoé was created first), so no order comes out right by
# accident of the ids.

@pytest.fixture
def two_quizzes(app: Flask, users):
    with app.app_context():
        room, students = class_of(users, "prof2", "3e C", [("zoe", "Zoé"), ("yann", "Yann"),
                                                           ("xavier", "Xavier")])
        quizzes = (seed(app), db.session.scalar(
            sa.select(Quiz).where(Quiz.slug == "exemple-velo-ecole")))
        yield room, students, quizzes


def in_progress(user_id: int, quiz: Quiz, minutes: int) -> None:
    db.session.add(Attempt(user_id=user_id, quiz_id=quiz.id,
                           revision_id=quiz.current_revision_id, status="in_progress",
                           total=12, started_at=at(minutes)))
    db.session.commit()


def test_a_per_quiz_board_shows_that_quiz_only(app: Flask, two_quizzes) -> None:
    room, ids, (first, second) = two_quizzes
    on_first = assign_quiz(room, first, None, None, "best")
    on_second = assign_quiz(room, second, None, None, "best")
    attempt(ids["zoe"], first, 4, 1)
    attempt(ids["zoe"], second, 10, 2)
    attempt(ids["yann"], first, 7, 3)
    attempt(ids["xavier"], second, 5, 4)
    assert board(room, on_first) == [("Yann", 7), ("Zoé", 4), ("Xavier", 0)]
    assert board(room, on_second) == [("Zoé", 10), ("Xavier", 5), ("Yann", 0)]
    assert board(room) == [("Zoé", 14), ("Yann", 7), ("Xavier", 5)]


@pytest.mark.parametrize("rule", ["best", "first", "latest"])
def test_an_unfinished_retake_never_counts(app: Flask, two_quizzes, rule: str) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign_quiz(room, quiz, None, None, rule)
    attempt(ids["yann"], quiz, 8, 10)
    in_progress(ids["yann"], quiz, 20)  # the retake he started, not yet submitted
    in_progress(ids["xavier"], quiz, 5)
    standings = class_leaderboard(room, assignment)
    assert [(s.display_name, s.score, s.out_of) for s in standings] == [
        ("Yann", 8, 12), ("Zoé", 0, 0), ("Xavier", 0, 0)]  # no score: the earlier account first
    assert standings[0].completed_at == at(10)


def test_equal_best_scores_count_the_earliest_and_rank_by_it(app: Flask, two_quizzes) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign_quiz(room, quiz, None, None, "best")
    attempt(ids["zoe"], quiz, 10, 5)
    attempt(ids["zoe"], quiz, 10, 50)  # the same best score again, later
    attempt(ids["yann"], quiz, 10, 20)
    standings = class_leaderboard(room, assignment)
    assert [(s.display_name, s.score) for s in standings] == [
        ("Zoé", 10), ("Yann", 10), ("Xavier", 0)]
    assert [s.completed_at for s in standings[:2]] == [at(5), at(20)]


def test_overall_ties_go_to_whoever_completed_their_last_counted_quiz_first(
        app: Flask, two_quizzes) -> None:
    room, ids, (first, second) = two_quizzes
    assign_quiz(room, first, None, None, "best")
    assign_quiz(room, second, None, None, "best")
    attempt(ids["zoe"], first, 6, 10)
    attempt(ids["zoe"], second, 6, 60)  # finished everything at minute 60
    attempt(ids["yann"], first, 6, 30)
    attempt(ids["yann"], second, 6, 40)  # at minute 40: before Zoé
    standings = class_leaderboard(room)
    assert [(s.display_name, s.score, s.completed_at) for s in standings] == [
        ("Yann", 12, at(40)), ("Zoé", 12, at(60)), ("Xavier", 0, None)]


def test_attempts_at_the_very_opening_and_due_moments_count(app: Flask, two_quizzes) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign_quiz(room, quiz, at(0), at(60), "best")
    attempt(ids["zoe"], quiz, 9, 0)  # submitted at the opening moment
    attempt(ids["yann"], quiz, 8, 60)  # at the due moment
    attempt(ids["xavier"], quiz, 12, 61)  # a minute late
    attempt(ids["xavier"], quiz, 11, -1)  # a minute before it opened
    assert board(room, assignment) == [("Zoé", 9), ("Yann", 8), ("Xavier", 0)]


def test_counted_attempts_leave_late_ones_out(app: Flask, two_quizzes) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign_quiz(room, quiz, None, at(60), "latest")
    attempt(ids["zoe"], quiz, 5, 30)
    attempt(ids["zoe"], quiz, 12, 90)  # late: the latest, yet not the one that counts
    attempt(ids["yann"], quiz, 7, 120)  # only late
    rows = db.session.execute(counted_attempts(assignment)).all()
    assert [(row.user_id, row.score) for row in rows] == [(ids["zoe"], 5)]


def test_hiding_one_student_keeps_every_other_on_the_board(app: Flask, two_quizzes) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign_quiz(room, quiz, None, None, "best")
    attempt(ids["zoe"], quiz, 3, 1)
    attempt(ids["yann"], quiz, 2, 2)
    attempt(ids["xavier"], quiz, 1, 3)
    set_hidden_from_board(room, ids["yann"], True)
    assert board(room, assignment) == [("Zoé", 3), ("Xavier", 1)]
    assert [(s.display_name, s.hidden) for s in class_leaderboard(
        room, assignment, include_hidden=True)] == [
        ("Zoé", False), ("Yann", True), ("Xavier", False)]


@pytest.mark.parametrize(("rule", "expected"), [("first", 4), ("latest", 9)])
def test_two_attempts_stored_at_the_same_moment_count_in_the_order_stored(
        app: Flask, two_quizzes, rule: str, expected: int) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign_quiz(room, quiz, None, None, rule)
    attempt(ids["yann"], quiz, 4, 10)
    attempt(ids["yann"], quiz, 9, 10)  # the same second (times kept to the second or less)
    assert board(room, assignment)[0] == ("Yann", expected)


def test_a_class_without_assignments_shows_everyone_at_zero(app: Flask, two_quizzes) -> None:
    room, ids, (quiz, _other) = two_quizzes
    attempt(ids["yann"], quiz, 9, 10)  # not assigned: counts on no board of the class
    standings = class_leaderboard(room)
    assert [(s.display_name, s.score, s.out_of, s.completed_at) for s in standings] == [
        ("Zoé", 0, 0, None), ("Yann", 0, 0, None), ("Xavier", 0, 0, None)]
