"""Leaderboards: which attempt counts (kept in counted_result, checked against the former
query as an oracle), late attempts, fair totals with missing work, shared positions, hidden
students."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import (
    Assignment,
    Attempt,
    Classroom,
    ClassStay,
    CountedResult,
    Membership,
    Question,
    Quiz,
    User,
)
from quiz.services.attempts import AttemptLimit, attempt_limits
from quiz.services.classes import (
    JOIN_CODE_ALPHABET,
    ClassError,
    assign_quiz,
    create_class,
    join_class,
    new_join_code,
    remove_member,
    set_hidden_from_board,
    unassign_quiz,
)
from quiz.services.leaderboard import (
    Standing,
    class_leaderboard,
    made_in_class,
    rank_standings,
    recount,
    recount_submission,
)
from tests.services.counting_oracle import counted_attempts
from tests.support import SEED_QUIZ

pytestmark = pytest.mark.usefixtures("demo_quizzes")
T0 = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def attempt(user_id: int, quiz: Quiz, score: int, minutes: int, total: int | None = None
            ) -> int:
    """A submitted attempt at a chosen moment, counted as submit_attempt() counts it."""
    with write_transaction():
        row = Attempt(user_id=user_id, quiz_id=quiz.id, revision_id=quiz.current_revision_id,
                      status="submitted", score=score, total=total or points(quiz),
                      started_at=at(minutes - 5), submitted_at=at(minutes))
        db.session.add(row)
        db.session.flush()
        recount_submission(user_id, quiz.id)
    return row.id


def assign(room: Classroom, quiz: Quiz, *args, **kwargs) -> Assignment:
    """assign_quiz, the assignment given a day before T0: the attempts of these tests, dated
    from T0 on, are work for it (an attempt made before a quiz is assigned does not count)."""
    assignment = assign_quiz(room, quiz, *args, **kwargs)
    with write_transaction():
        assignment.created_at = T0 - dt.timedelta(days=1)
        db.session.flush()
        recount(classroom_ids=[room.id], assignment_ids=[assignment.id])
    return assignment


def points(quiz: Quiz) -> int:
    """The quiz's points: its current questions (none is outdated in the demo files)."""
    return db.session.scalar(sa.select(sa.func.count(Question.id)).where(
        Question.revision_id == quiz.current_revision_id)) or 0


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
    with write_transaction():  # joined before the attempts of these tests (dated from T0 on)
        db.session.execute(sa.update(Membership).where(Membership.classroom_id == room.id)
                           .values(joined_at=T0 - dt.timedelta(days=2)))
    return room, ids


@pytest.fixture
def classroom(app: Flask, users):
    with app.app_context():
        yield class_of(users, "prof", "4e B", [("ana", "Ana"), ("ben", "Ben"), ("cleo", "Cléo")])


def seed(app: Flask) -> Quiz:
    return db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))


def board(classroom, assignment=None, **flags) -> list[tuple[int | None, str, int]]:
    """(position, name, score) of each line."""
    return [(s.position, s.display_name, s.score)
            for s in class_leaderboard(classroom, assignment, **flags)]


def velo() -> Quiz:
    return db.session.scalar(sa.select(Quiz).where(Quiz.slug == "exemple-velo-ecole"))


def test_join_codes_avoid_look_alike_characters() -> None:
    for _ in range(200):
        code = new_join_code()
        assert len(code) == 6 and set(code) <= set(JOIN_CODE_ALPHABET)
    assert not set("0O1IL") & set(JOIN_CODE_ALPHABET)


def test_best_attempt_counts_and_late_ones_do_not(app: Flask, classroom) -> None:
    room, ids = classroom
    quiz = seed(app)
    assignment = assign(room, quiz, None, at(60), "best")
    attempt(ids["ana"], quiz, 7, 10)
    attempt(ids["ana"], quiz, 9, 20)
    attempt(ids["ana"], quiz, 12, 90)  # late: kept, not counted
    attempt(ids["ben"], quiz, 9, 15)
    # Equal scores share the first place (by name within it); Cléo has not done the quiz.
    assert board(room, assignment) == [(1, "Ana", 9), (1, "Ben", 9), (None, "Cléo", 0)]


@pytest.mark.parametrize(("rule", "expected"), [("best", 10), ("first", 6), ("latest", 8)])
def test_which_attempt_counts(app: Flask, classroom, rule: str, expected: int) -> None:
    room, ids = classroom
    quiz = seed(app)
    assignment = assign(room, quiz, None, None, rule)
    for score, minute in [(6, 1), (10, 2), (8, 3)]:
        attempt(ids["cleo"], quiz, score, minute)
    assert board(room, assignment)[0] == (1, "Cléo", expected)


def line(position: int | None, name: str, score: int, done: int = 1, user_id: int = 0
         ) -> Standing:
    return Standing(position, user_id, name, score, 12, done, 1, False)


def test_equal_points_share_a_position_and_the_next_counts_everyone_above() -> None:
    ranked = rank_standings([line(None, "Dan", 3, user_id=4), line(None, "béa", 5, user_id=2),
                             line(None, "Alice", 5, user_id=3), line(None, "Carl", 7, user_id=1),
                             line(None, "Eve", 0, done=0, user_id=5)])
    assert [(s.position, s.display_name, s.tied) for s in ranked] == [
        (1, "Carl", False), (2, "Alice", True), (2, "béa", True), (4, "Dan", False),
        (None, "Eve", False)]  # nothing done yet: no position (not « 5th » in front of all)


def test_a_quiz_board_lists_who_has_not_done_it_last_without_a_position() -> None:
    ranked = rank_standings([line(None, "Ann", 0, done=0, user_id=1),
                             line(None, "Bob", 0, user_id=2), line(None, "Cy", 4, user_id=3)])
    assert [(s.position, s.display_name) for s in ranked] == [(1, "Cy"), (2, "Bob"), (None, "Ann")]


def test_overall_counts_missing_work_as_zero_out_of_every_opened_quiz(app: Flask,
                                                                      classroom) -> None:
    room, ids = classroom
    quiz, bike = seed(app), velo()
    assign(room, quiz, None, None, "best")
    assign(room, bike, at(0), None, "best")
    attempt(ids["ana"], quiz, 8, 10)
    attempt(ids["ana"], bike, 5, 11)
    attempt(ids["ben"], quiz, 12, 12)
    attempt(ids["ben"], bike, 1, -30)  # before the opening date: not counted
    everything = points(quiz) + points(bike)
    assert [(s.position, s.display_name, s.score, s.out_of, s.done, s.of)
            for s in class_leaderboard(room)] == [
        (1, "Ana", 13, everything, 2, 2), (2, "Ben", 12, everything, 1, 2),
        (None, "Cléo", 0, everything, 0, 2)]  # no quiz done yet: listed, not ranked


def test_doing_one_quiz_of_two_does_not_rank_above_doing_both(app: Flask, classroom) -> None:
    """The case the class met: 12/12 on one quiz of two ranked above 13 points over both."""
    room, ids = classroom
    quiz, bike = seed(app), velo()
    assign(room, quiz, None, None, "best")
    assign(room, bike, None, None, "best")
    attempt(ids["ana"], quiz, points(quiz), 10)  # everything right, one quiz only
    attempt(ids["ben"], quiz, points(quiz) - 2, 11)
    attempt(ids["ben"], bike, 3, 12)  # 3 more points than Ana in all
    standings = class_leaderboard(room)
    assert [(s.display_name, s.score, s.done) for s in standings[:2]] == [
        ("Ben", points(quiz) + 1, 2), ("Ana", points(quiz), 1)]


def test_a_quiz_not_yet_open_is_left_out_of_the_overall_board(app: Flask, classroom) -> None:
    room, ids = classroom
    quiz, bike = seed(app), velo()
    assign(room, quiz, None, None, "best")
    assign(room, bike, at(60 * 24 * 365 * 5), None, "best")  # opens in five years
    attempt(ids["ana"], quiz, 4, 10)
    ana = class_leaderboard(room, now=at(60))[0]
    assert (ana.display_name, ana.score, ana.out_of, ana.of) == ("Ana", 4, points(quiz), 1)
    later = class_leaderboard(room, now=at(60 * 24 * 365 * 6))[0]
    assert (later.out_of, later.of) == (points(quiz) + points(bike), 2)


def test_a_quiz_taken_back_to_draft_leaves_the_overall_board(app: Flask, classroom) -> None:
    """Nobody can do it any more: it is not missing work."""
    room, ids = classroom
    quiz, bike = seed(app), velo()
    assign(room, quiz, None, None, "best")
    assign(room, bike, None, None, "best")
    attempt(ids["ana"], quiz, 4, 10)
    with write_transaction():
        bike.status = "draft"
    ana = class_leaderboard(room)[0]
    assert (ana.display_name, ana.out_of, ana.of) == ("Ana", points(quiz), 1)


def test_hidden_students_leave_the_board_but_keep_their_scores(app: Flask, classroom) -> None:
    room, ids = classroom
    quiz = seed(app)
    assignment = assign(room, quiz, None, None, "best")
    attempt(ids["ana"], quiz, 11, 1)
    set_hidden_from_board(room, ids["ana"], True)
    assert [name for _p, name, _s in board(room, assignment)] == ["Ben", "Cléo"]
    teacher_view = class_leaderboard(room, assignment, include_hidden=True)
    assert [(s.display_name, s.score, s.hidden) for s in teacher_view][0] == ("Ana", 11, True)


def test_join_errors(app: Flask, classroom) -> None:
    room, ids = classroom
    with pytest.raises(ClassError, match="already in the class 4e B"):
        join_class(db.session.get_one(User, ids["ana"]), room.join_code)
    with pytest.raises(ClassError, match="No open class has this code"):
        join_class(db.session.get_one(User, ids["ana"]), "ZZZZZZ")


def test_due_date_must_follow_opening(app: Flask, classroom) -> None:
    room, _ids = classroom
    with pytest.raises(ClassError, match="after the opening date"):
        assign(room, seed(app), at(10), at(5), "best")
    assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0


# -- the counted results follow every change ------------------------------------------------------

def counted(assignment: Assignment) -> dict[int, int]:
    """user id → counted attempt id, as the table keeps them."""
    rows = db.session.execute(sa.select(CountedResult.user_id, CountedResult.attempt_id)
                              .where(CountedResult.assignment_id == assignment.id))
    return {user_id: attempt_id for user_id, attempt_id in rows}


def test_an_attempt_made_before_joining_does_not_count_once_joined(app: Flask, classroom,
                                                                   users) -> None:
    """Dora takes the shared quiz on her own, as often as she likes, then joins the class that
    has it to do: none of that is work for the class (its best counted on the board and
    against the limit, unseen by the teacher); what she does once in the class counts."""
    room, ids = classroom
    quiz = seed(app)
    assignment = assign(room, quiz, None, None, "best", 1)
    dora = users.make("dora", "Dora")
    attempt(dora, quiz, 2, 5)  # before she was in the class
    attempt(dora, quiz, 12, 6)
    assert dora not in counted(assignment)
    join_class(db.session.get_one(User, dora), room.join_code)
    with write_transaction():
        db.session.execute(sa.update(Membership).where(Membership.user_id == dora)
                           .values(joined_at=at(10)))
        recount(classroom_ids=[room.id], user_ids=[dora])
    assert dora not in counted(assignment)
    assert (None, "Dora", 0) in board(room, assignment)
    assert attempt_limits(dora, [quiz.id])[quiz.id] == AttemptLimit(made=0, allowed=1)
    in_class = attempt(dora, quiz, 7, 20)
    assert counted(assignment)[dora] == in_class
    assert attempt_limits(dora, [quiz.id])[quiz.id] == AttemptLimit(made=1, allowed=1)
    remove_member(room, dora)
    assert dora not in counted(assignment)


def test_an_attempt_begun_before_joining_and_handed_in_after_counts(app: Flask, classroom,
                                                                     users) -> None:
    """Told in class to join and take the quiz, Eve had begun it already from her home: handed
    in once she is in the class, it is her work for it (and her one attempt)."""
    room, _ids = classroom
    quiz = seed(app)
    assignment = assign(room, quiz, None, None, "best", 1)
    eve = users.make("eve", "Eve")
    join_class(db.session.get_one(User, eve), room.join_code)
    with write_transaction():
        db.session.execute(sa.update(Membership).where(Membership.user_id == eve)
                           .values(joined_at=at(10)))
    handed_in = attempt(eve, quiz, 8, 12)  # begun at 7, before joining at 10
    assert counted(assignment)[eve] == handed_in
    assert attempt_limits(eve, [quiz.id])[quiz.id] == AttemptLimit(made=1, allowed=1)


def test_changing_the_due_date_or_rule_counts_again(app: Flask, classroom) -> None:
    room, ids = classroom
    quiz = seed(app)
    assignment = assign(room, quiz, None, at(60), "best")
    on_time = attempt(ids["ana"], quiz, 5, 30)
    late = attempt(ids["ana"], quiz, 9, 90)
    assert counted(assignment) == {ids["ana"]: on_time}
    assign(room, quiz, None, at(120), "best")  # the teacher gives more time
    assert counted(assignment) == {ids["ana"]: late}
    assign(room, quiz, None, at(120), "first")
    assert counted(assignment) == {ids["ana"]: on_time}
    unassign_quiz(room, assignment.id)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CountedResult)) == 0


def test_a_class_with_six_hundred_assignments_shows_its_board(app: Flask, classroom) -> None:
    """Three years of a quiz each school day (the old query had a term per assignment and
    stopped at 500 on SQLite)."""
    room, ids = classroom
    quiz = seed(app)
    with write_transaction():
        db.session.execute(sa.insert(Quiz), [{"slug": f"q{n}", "status": "published"}
                                             for n in range(600)])
        extra = db.session.scalars(sa.select(Quiz.id).where(Quiz.slug.like("q%"))).all()
        db.session.execute(sa.insert(Assignment), [
            {"classroom_id": room.id, "quiz_id": quiz_id, "counting": "best"}
            for quiz_id in extra])
    assign(room, quiz, None, None, "best")
    attempt(ids["ben"], quiz, 7, 10)
    standings = class_leaderboard(room)
    assert [(s.display_name, s.score, s.done, s.of) for s in standings] == [
        ("Ben", 7, 1, 601), ("Ana", 0, 0, 601), ("Cléo", 0, 0, 601)]


# -- two assignments, equal scores, boundary times, attempts in progress ------------------------
# Display names sort against the ids (Zoé was created first), so no order comes out right by
# accident of the ids.

@pytest.fixture
def two_quizzes(app: Flask, users):
    with app.app_context():
        room, students = class_of(users, "prof2", "3e C", [("zoe", "Zoé"), ("yann", "Yann"),
                                                           ("xavier", "Xavier")])
        yield room, students, (seed(app), velo())


def in_progress(user_id: int, quiz: Quiz, minutes: int) -> None:
    db.session.add(Attempt(user_id=user_id, quiz_id=quiz.id,
                           revision_id=quiz.current_revision_id, status="in_progress",
                           total=12, started_at=at(minutes)))
    db.session.commit()


def test_a_per_quiz_board_shows_that_quiz_only(app: Flask, two_quizzes) -> None:
    room, ids, (first, second) = two_quizzes
    on_first = assign(room, first, None, None, "best")
    on_second = assign(room, second, None, None, "best")
    attempt(ids["zoe"], first, 4, 1)
    attempt(ids["zoe"], second, 4, 2)
    attempt(ids["yann"], first, 7, 3)
    attempt(ids["xavier"], second, 3, 4)
    assert board(room, on_first) == [(1, "Yann", 7), (2, "Zoé", 4), (None, "Xavier", 0)]
    assert board(room, on_second) == [(1, "Zoé", 4), (2, "Xavier", 3), (None, "Yann", 0)]
    assert board(room) == [(1, "Zoé", 8), (2, "Yann", 7), (3, "Xavier", 3)]
    zoe = class_leaderboard(room, on_second)[0]
    assert (zoe.out_of, zoe.percent) == (points(second), round(400 / points(second)))


@pytest.mark.parametrize("rule", ["best", "first", "latest"])
def test_an_unfinished_retake_never_counts(app: Flask, two_quizzes, rule: str) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign(room, quiz, None, None, rule)
    first = attempt(ids["yann"], quiz, 8, 10)
    in_progress(ids["yann"], quiz, 20)  # the retake he started, not yet submitted
    in_progress(ids["xavier"], quiz, 5)
    with write_transaction():  # whatever recounts, an attempt in progress never counts
        recount(classroom_ids=[room.id])
    assert counted(assignment) == {ids["yann"]: first}
    assert [(s.display_name, s.score, s.done) for s in class_leaderboard(room, assignment)] == [
        ("Yann", 8, 1), ("Xavier", 0, 0), ("Zoé", 0, 0)]


def test_equal_best_scores_count_the_earliest(app: Flask, two_quizzes) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign(room, quiz, None, None, "best")
    earliest = attempt(ids["zoe"], quiz, 10, 5)
    attempt(ids["zoe"], quiz, 10, 50)  # the same best score again, later
    attempt(ids["zoe"], quiz, 9, 2)
    assert counted(assignment) == {ids["zoe"]: earliest}


def test_equal_overall_totals_share_a_position(app: Flask, two_quizzes) -> None:
    room, ids, (first, second) = two_quizzes
    assign(room, first, None, None, "best")
    assign(room, second, None, None, "best")
    attempt(ids["zoe"], first, 6, 10)
    attempt(ids["zoe"], second, 3, 60)
    attempt(ids["yann"], first, 6, 30)
    attempt(ids["yann"], second, 3, 40)  # the same total, finished earlier: no matter
    assert [(s.position, s.display_name, s.score, s.tied) for s in class_leaderboard(room)] == [
        (1, "Yann", 9, True), (1, "Zoé", 9, True), (None, "Xavier", 0, False)]


def test_attempts_at_the_very_opening_and_due_moments_count(app: Flask, two_quizzes) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign(room, quiz, at(0), at(60), "best")
    attempt(ids["zoe"], quiz, 9, 0)  # submitted at the opening moment
    attempt(ids["yann"], quiz, 8, 60)  # at the due moment
    attempt(ids["xavier"], quiz, 12, 61)  # a minute late
    attempt(ids["xavier"], quiz, 11, -1)  # a minute before it opened
    assert board(room, assignment) == [(1, "Zoé", 9), (2, "Yann", 8), (None, "Xavier", 0)]


def test_late_attempts_are_never_counted(app: Flask, two_quizzes) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign(room, quiz, None, at(60), "latest")
    on_time = attempt(ids["zoe"], quiz, 5, 30)
    attempt(ids["zoe"], quiz, 12, 90)  # late: the latest, yet not the one that counts
    attempt(ids["yann"], quiz, 7, 120)  # only late
    assert counted(assignment) == {ids["zoe"]: on_time}


def test_hiding_one_student_keeps_every_other_on_the_board(app: Flask, two_quizzes) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign(room, quiz, None, None, "best")
    attempt(ids["zoe"], quiz, 3, 1)
    attempt(ids["yann"], quiz, 2, 2)
    attempt(ids["xavier"], quiz, 1, 3)
    set_hidden_from_board(room, ids["yann"], True)
    assert board(room, assignment) == [(1, "Zoé", 3), (2, "Xavier", 1)]
    assert [(s.display_name, s.hidden) for s in class_leaderboard(
        room, assignment, include_hidden=True)] == [
        ("Zoé", False), ("Yann", True), ("Xavier", False)]


@pytest.mark.parametrize(("rule", "expected"), [("first", 4), ("latest", 9)])
def test_two_attempts_stored_at_the_same_moment_count_in_the_order_stored(
        app: Flask, two_quizzes, rule: str, expected: int) -> None:
    room, ids, (quiz, _other) = two_quizzes
    assignment = assign(room, quiz, None, None, rule)
    attempt(ids["yann"], quiz, 4, 10)
    attempt(ids["yann"], quiz, 9, 10)  # the same second (times kept to the second or less)
    assert board(room, assignment)[0] == (1, "Yann", expected)


def test_a_class_without_assignments_ranks_nobody(app: Flask, two_quizzes) -> None:
    room, ids, (quiz, _other) = two_quizzes
    attempt(ids["yann"], quiz, 9, 10)  # not assigned: counts on no board of the class
    assert [(s.position, s.display_name, s.score, s.out_of, s.of, s.tied)
            for s in class_leaderboard(room)] == [
        (None, "Xavier", 0, 0, 0, False), (None, "Yann", 0, 0, 0, False),
        (None, "Zoé", 0, 0, 0, False)]


# -- the kept results against the former query -----------------------------------------------------

MOMENTS = st.integers(min_value=-3, max_value=8)  # minutes: a few before opening, some late
ATTEMPTS = st.lists(st.tuples(st.sampled_from(["zoe", "yann", "xavier"]), st.booleans(),
                              st.integers(min_value=0, max_value=3), MOMENTS),
                    max_size=14)
RULES = st.tuples(st.sampled_from(["best", "first", "latest"]),
                  st.none() | st.integers(min_value=-1, max_value=2),
                  st.none() | st.integers(min_value=3, max_value=6))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(attempts=ATTEMPTS, first_rule=RULES, second_rule=RULES)
def test_kept_results_are_what_the_former_query_counts(app: Flask, two_quizzes, attempts,
                                                       first_rule, second_rule) -> None:
    """Random attempts (scores with ties, equal moments, before the opening, late) on two
    assignments with random rules and dates: the table holds, for every member, the attempt
    the former per-request query chose."""
    room, ids, quizzes = two_quizzes
    with write_transaction():  # a fresh start for each example
        db.session.execute(sa.delete(CountedResult))
        db.session.execute(sa.delete(Attempt))
        db.session.execute(sa.delete(Assignment))
    assignments = []
    for quiz, (rule, opens, due) in zip(quizzes, (first_rule, second_rule), strict=True):
        assignments.append(assign(room, quiz, None if opens is None else at(opens),
                                       None if due is None else at(due), rule))
    for who, on_second, score, minute in attempts:
        attempt(ids[who], quizzes[on_second], score, minute, total=12)
    for assignment in assignments:
        assert counted(assignment) == counted_attempts(assignment)
    # And a recount from nothing (what the migration does) gives the same.
    with write_transaction():
        db.session.execute(sa.delete(CountedResult))
        recount(classroom_ids=[room.id])
    for assignment in assignments:
        assert counted(assignment) == counted_attempts(assignment)


def test_an_attempt_made_before_the_quiz_was_assigned_does_not_count(
        app: Flask, classroom) -> None:
    """Ana took the shared quiz (at T0, a month ago) before her class was given it today:
    that attempt is not work for the assignment. An opening date set in the past (a catch-up)
    counts from that date instead."""
    room, ids = classroom
    quiz = seed(app)
    attempt(ids["ana"], quiz, 12, 0)
    assignment = assign_quiz(room, quiz, None, None, "best")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CountedResult)) == 0
    assert [s.done for s in class_leaderboard(room, assignment)] == [0, 0, 0]
    with write_transaction():  # Ana's attempt for it, after it was given
        done = assignment.created_at + dt.timedelta(minutes=5)
        db.session.add(Attempt(user_id=ids["ana"], quiz_id=quiz.id,
                               revision_id=quiz.current_revision_id, status="submitted",
                               score=7, total=points(quiz), started_at=done, submitted_at=done))
        db.session.flush()
        recount_submission(ids["ana"], quiz.id)
    assert board(room, assignment)[0] == (1, "Ana", 7)
    assign_quiz(room, quiz, at(-60), None, "best")  # opened an hour before T0
    assert board(room, assignment)[0] == (1, "Ana", 12)


def test_names_are_in_the_order_a_french_reader_expects() -> None:
    """Within a tie, and for whoever has not done the quiz: accents and case aside (« Élodie »
    with the E, not after « Zoé »; « Léa » before « Louis »)."""
    tied = [Standing(None, n, name, 5, 10, 1, 1, False) for n, name in
            enumerate(["Zoé", "Louis", "Léa", "Élodie", "maëlys", "Marie-Adélaïde"])]
    assert [s.display_name for s in rank_standings(tied)] == [
        "Élodie", "Léa", "Louis", "maëlys", "Marie-Adélaïde", "Zoé"]
    missing = [Standing(None, n, name, 0, 10, 0, 1, False) for n, name in
               enumerate(["Zoé", "Éloïse", "Emma"])]
    assert [s.display_name for s in rank_standings(missing)] == [
        "Éloïse", "Emma", "Zoé"]
    # An apostrophe is passed over, as in a French register (« N’Diaye » came after « Noé »).
    names = [Standing(None, n, name, 0, 10, 0, 1, False) for n, name in
             enumerate(["Noé", "N’Diaye Aïssatou", "O'Brien", "Nadia"])]
    assert [s.display_name for s in rank_standings(names)] == [
        "Nadia", "N’Diaye Aïssatou", "Noé", "O'Brien"]


def test_work_made_in_the_class_is_each_stay_to_the_moment_and_only_the_students_own(
        app: Flask, classroom, two_quizzes) -> None:
    """made_in_class at its edges: an attempt started at the very moment of joining, or of
    leaving, is the class's; a microsecond before joining or after leaving is not. Another
    student's membership or stay, and the student's own stay in another class, say nothing
    of theirs."""
    room, ids = classroom
    other_room = two_quizzes[0]
    quiz = seed(app)
    us = dt.timedelta(microseconds=1)
    with write_transaction():
        # Ana: in 4e B from T0+10 min to T0+20, and since T0+40.
        db.session.execute(sa.update(Membership).where(Membership.user_id == ids["ana"])
                           .values(joined_at=at(40)))
        db.session.add(ClassStay(classroom_id=room.id, user_id=ids["ana"], joined_at=at(10),
                                 left_at=at(20)))
        # Ben in 4e B since before everything, and a stay of Cléo's covering the gap: not Ana's.
        db.session.execute(sa.update(Membership).where(Membership.user_id == ids["ben"])
                           .values(joined_at=at(-100)))
        db.session.add(ClassStay(classroom_id=room.id, user_id=ids["cleo"], joined_at=at(-100),
                                 left_at=at(100)))
        # Ana's own stay in another class, and her membership of a third, cover the gap too.
        db.session.add(ClassStay(classroom_id=other_room.id, user_id=ids["ana"],
                                 joined_at=at(-100), left_at=at(100)))
        third = Classroom(teacher_id=other_room.teacher_id, name="Club", school_year="2026",
                          join_code="QQQQQQ")
        db.session.add(third)
        db.session.flush()
        db.session.add(Membership(classroom_id=third.id, user_id=ids["ana"],
                                  joined_at=at(-100)))
    moments = {"before joining": at(10) - us, "joining": at(10), "leaving": at(20),
               "after leaving": at(20) + us, "between": at(30), "joining again": at(40),
               "since": at(50), "just before": at(40) - us}
    with write_transaction():
        started = {}
        for label, moment in moments.items():
            row = Attempt(user_id=ids["ana"], quiz_id=quiz.id,
                          revision_id=quiz.current_revision_id, status="submitted", score=1,
                          total=12, started_at=moment, submitted_at=moment + us)
            db.session.add(row)
            db.session.flush()
            started[row.id] = label
    in_class = {started[attempt_id] for attempt_id in db.session.scalars(
        sa.select(Attempt.id).where(Attempt.user_id == ids["ana"],
                                    made_in_class(room.id, ids["ana"])))}
    assert in_class == {"joining", "leaving", "joining again", "since"}
    # The same, read from a query that joins her membership already.
    joined = {started[attempt_id] for attempt_id in db.session.scalars(
        sa.select(Attempt.id)
        .join(Membership, (Membership.user_id == Attempt.user_id)
              & (Membership.classroom_id == room.id))
        .where(Attempt.user_id == ids["ana"],
               made_in_class(room.id, Attempt.user_id, membership_joined=True)))}
    assert joined == in_class
