"""Class use cases, each checked on what it must change and on everything it must leave alone.

Two teachers, each with a class; students in both; two quizzes assigned to each class. Every
change is read back after a rollback, so that a use case that forgot to commit fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from flask import Flask

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import Assignment, Classroom, Membership, Quiz, User
from quiz.services.attempts import start_attempt, submit_attempt
from quiz.services.classes import (
    ClassError,
    assign_quiz,
    assignment_count,
    assignments_for_student,
    classes_of_teacher,
    create_class,
    find_open_class,
    join_class,
    membership,
    regenerate_join_code,
    remove_member,
    set_hidden_from_board,
    set_join_open,
    unassign_quiz,
)

from .test_attempts import right_answers

pytestmark = pytest.mark.usefixtures("demo_quizzes")
T0 = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)


@dataclass
class School:
    """Mme Prof's 4e B (ana, ben, cleo, dan) and M. Autre's 3e A (ana, ben, eve)."""

    mine: Classroom
    other: Classroom
    students: dict[str, int]
    teachers: dict[str, int]
    quizzes: list[Quiz]


@pytest.fixture
def school(app: Flask, users):
    teachers = {"prof": users.make("prof", "Mme Prof", role="teacher"),
                "autre": users.make("autre", "M. Autre", role="teacher")}
    students = {name: users.make(name) for name in ("ana", "ben", "cleo", "dan", "eve")}
    with app.app_context():
        mine = create_class(db.session.get_one(User, teachers["prof"]), "4e B", "2026-2027")
        other = create_class(db.session.get_one(User, teachers["autre"]), "3e A", "2026-2027")
        for name in ("ana", "ben", "cleo", "dan"):
            join_class(db.session.get_one(User, students[name]), mine.join_code)
        for name in ("ana", "ben", "eve"):
            join_class(db.session.get_one(User, students[name]), other.join_code)
        quizzes = list(db.session.scalars(sa.select(Quiz).order_by(Quiz.slug)))[:2]
        for classroom in (mine, other):
            for quiz in quizzes:
                assign_quiz(classroom, quiz, None, None, "best")
        yield School(mine, other, students, teachers, quizzes)


def stored_members(classroom_id: int) -> dict[int, bool]:
    """user id → hidden from the board, as committed."""
    db.session.rollback()
    return dict(db.session.execute(
        sa.select(Membership.user_id, Membership.hidden_from_board)
        .where(Membership.classroom_id == classroom_id)).all())


def stored_assignments(classroom_id: int) -> list[int]:
    db.session.rollback()
    return sorted(db.session.scalars(
        sa.select(Assignment.quiz_id).where(Assignment.classroom_id == classroom_id)))


def test_removing_one_student_keeps_the_others_and_their_other_classes(school: School) -> None:
    s = school.students
    remove_member(school.mine, s["ben"])
    assert set(stored_members(school.mine.id)) == {s["ana"], s["cleo"], s["dan"]}
    assert set(stored_members(school.other.id)) == {s["ana"], s["ben"], s["eve"]}


def test_hiding_one_student_hides_no_one_else(school: School) -> None:
    s = school.students
    set_hidden_from_board(school.mine, s["cleo"], True)
    assert stored_members(school.mine.id) == {s["ana"]: False, s["ben"]: False,
                                              s["cleo"]: True, s["dan"]: False}
    set_hidden_from_board(school.mine, s["ana"], True)
    set_hidden_from_board(school.mine, s["cleo"], False)
    assert stored_members(school.mine.id) == {s["ana"]: True, s["ben"]: False,
                                              s["cleo"]: False, s["dan"]: False}
    # Ana is hidden in Mme Prof's class only.
    assert stored_members(school.other.id) == {s["ana"]: False, s["ben"]: False,
                                               s["eve"]: False}


def test_unassigning_one_quiz_keeps_the_others_and_the_other_class(school: School) -> None:
    first, second = (q.id for q in school.quizzes)
    mine = {a.quiz_id: a.id for a in school.mine.assignments}
    unassign_quiz(school.mine, mine[first])
    assert stored_assignments(school.mine.id) == [second]
    assert stored_assignments(school.other.id) == sorted([first, second])


def test_a_teacher_cannot_unassign_another_class_quiz(school: School) -> None:
    theirs = school.other.assignments[0].id
    unassign_quiz(school.mine, theirs)  # the other class's assignment, through my class
    assert len(stored_assignments(school.other.id)) == 2
    assert len(stored_assignments(school.mine.id)) == 2


def test_assigning_with_an_opening_before_the_due_date(school: School) -> None:
    quiz = school.quizzes[0]
    assignment = assign_quiz(school.mine, quiz, T0, T0 + dt.timedelta(days=2), "first")
    db.session.rollback()
    stored = db.session.get_one(Assignment, assignment.id)
    assert (stored.opens_at, stored.due_at, stored.counting) == (
        T0, T0 + dt.timedelta(days=2), "first")
    # Changing the dates of an existing assignment changes that one, adds none.
    assert len(stored_assignments(school.mine.id)) == 2
    with pytest.raises(ClassError, match="after the opening date"):
        assign_quiz(school.mine, quiz, T0, T0, "best")  # due at the very moment it opens
    with pytest.raises(ClassError, match="after the opening date"):
        assign_quiz(school.mine, quiz, T0 + dt.timedelta(hours=1), T0, "best")


def test_only_an_open_class_with_that_exact_code_is_found(school: School) -> None:
    assert find_open_class(school.mine.join_code.lower()) == school.mine
    assert find_open_class(school.other.join_code) == school.other
    wrong = "".join("A" if c != "A" else "C" for c in school.mine.join_code)
    assert find_open_class(wrong) is None
    set_join_open(school.mine, False)
    assert find_open_class(school.mine.join_code) is None
    assert find_open_class(school.other.join_code) == school.other


def test_joining_a_closed_class_or_ones_own_class_is_refused(app: Flask, school: School) -> None:
    eve = db.session.get_one(User, school.students["eve"])
    set_join_open(school.mine, False)
    with pytest.raises(ClassError, match="No open class has this code"):
        join_class(eve, school.mine.join_code)
    set_join_open(school.mine, True)
    with pytest.raises(ClassError, match="your own class"):
        join_class(db.session.get_one(User, school.teachers["prof"]), school.mine.join_code)
    join_class(eve, school.mine.join_code)
    assert school.students["eve"] in stored_members(school.mine.id)
    assert school.teachers["prof"] not in stored_members(school.mine.id)


def test_membership_is_of_that_student_in_that_class(school: School) -> None:
    s = school.students
    assert membership(school.mine.id, s["cleo"]).user_id == s["cleo"]
    assert membership(school.mine.id, s["eve"]) is None  # in the other class only
    assert membership(school.other.id, s["cleo"]) is None
    assert membership(school.other.id, s["eve"]).classroom_id == school.other.id



def test_a_join_code_already_taken_is_drawn_again(school: School, monkeypatch) -> None:
    from quiz.services import classes as classes_module

    taken = school.other.join_code
    draws = iter([taken, taken, "MNPQRT"])
    monkeypatch.setattr(classes_module, "new_join_code", lambda: next(draws))
    teacher = db.session.get_one(User, school.teachers["prof"])
    created = create_class(teacher, "5e D", "2026-2027")
    db.session.rollback()
    assert db.session.get_one(Classroom, created.id).join_code == "MNPQRT"
    assert db.session.get_one(Classroom, school.other.id).join_code == taken


def test_when_every_code_drawn_is_taken_the_teacher_is_told(school: School, monkeypatch) -> None:
    from quiz.services import classes as classes_module

    monkeypatch.setattr(classes_module, "new_join_code", lambda: school.other.join_code)
    teacher = db.session.get_one(User, school.teachers["prof"])
    with pytest.raises(ClassError, match="Could not find a free join code"):
        create_class(teacher, "5e D", "2026-2027")
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(Classroom.id))) == 2


def test_a_new_join_code_replaces_the_old_one(school: School) -> None:
    old = school.mine.join_code
    renewed = regenerate_join_code(school.mine)
    assert renewed.id == school.mine.id and renewed.join_code != old
    db.session.rollback()
    assert find_open_class(old) is None
    assert find_open_class(renewed.join_code).id == school.mine.id
    assert find_open_class(school.other.join_code).id == school.other.id


def test_a_teacher_sees_this_year_first_then_classes_by_name(app: Flask, school: School) -> None:
    teacher = db.session.get_one(User, school.teachers["prof"])
    create_class(teacher, "2nde A", "2025-2026")  # first by name, but last year's
    create_class(teacher, "3e Z", "2026-2027")
    create_class(teacher, "5e C", "2026-2027")
    assert [(c.name, c.school_year) for c in classes_of_teacher(teacher.id)] == [
        ("3e Z", "2026-2027"), ("4e B", "2026-2027"), ("5e C", "2026-2027"),
        ("2nde A", "2025-2026")]
    assert [c.name for c in classes_of_teacher(school.teachers["autre"])] == ["3e A"]


def test_a_student_sees_the_published_quizzes_of_their_classes_to_do_first_soonest_due_first(
        app: Flask, school: School) -> None:
    s = school.students
    first, second = school.quizzes
    third = db.session.scalar(sa.select(Quiz).where(Quiz.id.not_in([first.id, second.id])))
    assign_quiz(school.mine, first, None, T0 + dt.timedelta(days=3), "best")
    assign_quiz(school.mine, second, None, None, "best")  # no due date: last
    assign_quiz(school.mine, third, None, T0 + dt.timedelta(days=1), "best")
    assign_quiz(school.other, first, None, T0 + dt.timedelta(days=2), "best")

    def listed(name: str, now: dt.datetime = T0, limit: int | None = None) -> list[tuple]:
        return [(a.classroom_id, a.quiz_id)
                for a in assignments_for_student(s[name], now=now, limit=limit)]

    assert listed("cleo") == [
        (school.mine.id, third.id), (school.mine.id, first.id), (school.mine.id, second.id)]
    # Ana is in both classes: each class's assignment, soonest due first.
    assert listed("ana") == [
        (school.mine.id, third.id), (school.other.id, first.id), (school.mine.id, first.id),
        (school.mine.id, second.id), (school.other.id, second.id)]
    assert listed("ana", limit=2) == [(school.mine.id, third.id), (school.other.id, first.id)]
    assert assignment_count(s["ana"]) == 5
    # Two days later the third quiz is overdue: after those still to do.
    assert listed("cleo", T0 + dt.timedelta(days=2)) == [
        (school.mine.id, first.id), (school.mine.id, second.id), (school.mine.id, third.id)]
    # Done (an attempt submitted): after those still to do too; those after, newest first.
    cleo = db.session.get_one(User, s["cleo"])
    with write_transaction():
        attempt = start_attempt(cleo, first)
    submit_attempt(attempt, right_answers(attempt.revision_id))
    assert listed("cleo") == [
        (school.mine.id, third.id), (school.mine.id, second.id), (school.mine.id, first.id)]
    assert listed("cleo", T0 + dt.timedelta(days=2)) == [
        (school.mine.id, second.id), (school.mine.id, third.id), (school.mine.id, first.id)]
    third.status = "draft"  # unpublished: no longer listed
    db.session.commit()
    assert [a.quiz_id for a in assignments_for_student(s["cleo"], now=T0)] == [
        second.id, first.id]
    assert [a.quiz_id for a in assignments_for_student(s["eve"], now=T0)] == [
        first.id, second.id]
    assert assignment_count(s["cleo"]) == 2
