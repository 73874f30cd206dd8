"""Attempt limits per assignment: set by the teacher, shown to the student, held when a whole
class (or one student's twenty taps) starts at once."""

from __future__ import annotations

import re
import threading
from collections import Counter

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.extensions import db
from quiz.models import Assignment, Attempt, Classroom, Quiz, User
from quiz.services.attempts import (
    AttemptLimitReached,
    load_questions,
    start_attempt,
    submit_attempt,
)
from quiz.services.classes import assign_quiz, create_class, join_class
from tests.support import SEED_QUIZ
from tests.test_classes_pages import create_class as create_class_page
from tests.test_classes_pages import post, submit_seed

pytestmark = pytest.mark.usefixtures("demo_quizzes")


def seed() -> Quiz:
    return db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))


def take(user: User) -> None:
    attempt = start_attempt(user, seed())
    submit_attempt(attempt, {q.id: q.choices[0].id for q in load_questions(attempt.revision_id)})


def a_class_with_limits(app: Flask, users, limits: list[int | None]) -> int:
    """A student (its id) in one class per limit, each given the seed quiz with that limit."""
    lea_id = users.make("lea")
    teacher_id = users.make("prof", role="teacher")
    with app.app_context():
        for n, limit in enumerate(limits):
            room = create_class(db.session.get_one(User, teacher_id), f"Classe {n}", "2026-2027")
            join_class(db.session.get_one(User, lea_id), room.join_code)
            assign_quiz(room, seed(), None, None, "best", limit)
    return lea_id


def test_the_smallest_limit_of_the_students_classes_holds_practice_included(
        app: Flask, users) -> None:
    lea_id = a_class_with_limits(app, users, [3, 2, None])
    with app.app_context():
        lea = db.session.get_one(User, lea_id)
        take(lea)  # practice or not: every attempt at the quiz counts
        started = start_attempt(lea, seed())
        assert start_attempt(lea, seed()).id == started.id  # resuming is always allowed
        submit_attempt(started, {q.id: q.choices[0].id
                                 for q in load_questions(started.revision_id)})
        with pytest.raises(AttemptLimitReached) as refused:
            start_attempt(lea, seed())
        assert refused.value.limit == 2
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 2


def test_a_limit_counts_each_students_own_attempts_only(app: Flask, users) -> None:
    """One attempt each: Léa's does not use up Tom's (a count of the whole class's attempts
    would refuse everyone after the first student), nor does her attempt at another quiz."""
    lea_id = a_class_with_limits(app, users, [1])
    tom_id = users.make("tom")
    with app.app_context():
        room_id = db.session.scalar(sa.select(Assignment.classroom_id))
        join_class(db.session.get_one(User, tom_id),
                   db.session.get_one(Classroom, room_id).join_code)
        lea, tom = db.session.get_one(User, lea_id), db.session.get_one(User, tom_id)
        other = start_attempt(lea, db.session.scalar(
            sa.select(Quiz).where(Quiz.slug != SEED_QUIZ, Quiz.status == "published")))
        submit_attempt(other, {q.id: q.choices[0].id
                               for q in load_questions(other.revision_id)})
        take(lea)
        take(tom)
        for student in (lea, tom):
            with pytest.raises(AttemptLimitReached):
                start_attempt(student, seed())
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 3


def test_a_limit_is_only_for_the_classes_it_was_set_in(app: Flask, users) -> None:
    """Léa's class allows one attempt; Tom's class was given the quiz without a limit: Tom
    takes it as often as he likes."""
    from quiz.services.attempts import attempt_limits

    a_class_with_limits(app, users, [1])
    tom_id = users.make("tom")
    with app.app_context():
        prof = db.session.scalar(sa.select(User).where(User.username == "prof"))
        room = create_class(prof, "Classe de Tom", "2026-2027")
        tom = db.session.get_one(User, tom_id)
        join_class(tom, room.join_code)
        assign_quiz(room, seed(), None, None, "best")
        assert attempt_limits(tom_id, [seed().id]) == {}
        take(tom)
        take(tom)  # a second attempt: no limit for Tom
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id)).where(
            Attempt.user_id == tom_id)) == 2


def test_twenty_simultaneous_starts_on_the_last_attempt_allowed_give_one_attempt(
        app: Flask, users) -> None:
    lea_id = a_class_with_limits(app, users, [2])
    with app.app_context():
        take(db.session.get_one(User, lea_id))
    barrier = threading.Barrier(20)
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    def tap() -> None:
        with app.app_context():
            lea = db.session.get_one(User, lea_id)
            db.session.commit()
            barrier.wait()
            try:
                outcome = f"attempt {start_attempt(lea, seed()).id}"
            except AttemptLimitReached:
                outcome = "refused"
            except Exception as error:  # noqa: BLE001 - the test reports any other failure
                outcome = f"error: {error!r}"
            finally:
                db.session.remove()
        with lock:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=tap) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == 1 and next(iter(outcomes)).startswith("attempt "), outcomes
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 2


def test_the_teacher_sets_a_limit_and_the_student_sees_it_used_up(
        app: Flask, teacher: FlaskClient, auth) -> None:
    class_id, code = create_class_page(teacher)
    with app.app_context():
        quiz_id = seed().id
    page = f"/teacher/classes/{class_id}"
    refused = post(teacher, page, {"quiz": str(quiz_id), "counting": "best",
                                   "max_attempts": "0"})
    assert "Type a number of attempts from 1 to 99" in refused.get_data(as_text=True)
    post(teacher, page, {"quiz": str(quiz_id), "counting": "best", "max_attempts": "1"})
    assert '<td data-label="Attempts">1</td>' in teacher.get(page).get_data(as_text=True)
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    assert "Attempts made: 0 of 1" in student.get("/").get_data(as_text=True)
    submit_seed(app, student, 0)
    home = student.get("/").get_data(as_text=True)
    assert "Attempts made: 1 of 1" in home and "No attempt left" in home
    overview = student.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert "No attempt left" in overview and "Take it again" not in overview
    again = post(student, f"/quizzes/{SEED_QUIZ}/start", page="/")
    assert again.status_code == 302 and again.headers["Location"] == f"/quizzes/{SEED_QUIZ}"
    assert "the only attempt your teacher allows" in student.get(
        f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 1
    # Without a limit again (its settings, from the class page's link): a new attempt starts.
    post(teacher, f"/teacher/quizzes/{SEED_QUIZ}/assign?class={class_id}",
         {"classes": str(class_id), "counting": "best", "max_attempts": ""})
    assert "no limit" in teacher.get(page).get_data(as_text=True)
    assert post(student, f"/quizzes/{SEED_QUIZ}/start", page="/").headers[
        "Location"].startswith("/attempts/")


@pytest.mark.parametrize(("counting", "said"), [
    ("first", "What counts (your first attempt): <strong>{first}"),
    ("latest", None),  # her latest is her best: nothing more to say
])
def test_the_home_says_what_counts_when_the_rule_is_not_the_best_attempt(
        app: Flask, teacher: FlaskClient, auth, counting: str, said: str | None) -> None:
    """The quiz counts each student's first attempt: Léa did 9/12, then 12/12. Her home shows
    her best and what counts, and says at her next try that it is practice; the board keeps
    her first."""
    class_id, code = create_class_page(teacher)
    with app.app_context():
        quiz_id, points = seed().id, seed().question_count
    post(teacher, f"/teacher/classes/{class_id}", {"quiz": str(quiz_id), "counting": counting})
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    # Before her first attempt: told it is the one that counts (a first go is no trial run).
    before = student.get("/").get_data(as_text=True)
    assert ("only your first attempt counts: take your time" in before) == (counting == "first")
    about = student.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert ("For 4e B, only your first attempt counts: take your time." in about) \
        == (counting == "first")
    submit_seed(app, student, 3)
    if counting == "first":  # its results, by the button for another: that one is practice
        with app.app_context():
            first = db.session.scalar(sa.select(Attempt.id).order_by(Attempt.id.desc()))
        assert "for practice: this attempt is the one that counts for 4e B" in student.get(
            f"/attempts/{first}").get_data(as_text=True)
    submit_seed(app, student, 0)
    home = student.get("/").get_data(as_text=True)
    assert f"Your best score: <strong>{points}\u00a0/\u00a0{points}</strong>" in home
    assert "only your first attempt counts" not in home
    about = student.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert ("For 4e B, your first attempt is the one that counts: another is for practice."
            in about) == (counting == "first")
    practice_note = "for practice: your first attempt is the one that counts"
    # The second attempt's results (full marks) say which counts where it is another.
    with app.app_context():
        latest = db.session.scalar(sa.select(Attempt.id).order_by(Attempt.id.desc()))
    results = student.get(f"/attempts/{latest}").get_data(as_text=True)
    assert "this attempt is the one that counts" not in results  # the first one is
    if said is None:
        assert "What counts" not in home and practice_note not in home
        assert "What counts" not in results  # this one counts
        return
    assert (f"What counts for 4e B: your first attempt, {points - 3}\u00a0/\u00a0{points}."
            in results)
    assert said.format(first=f"{points - 3}\u00a0/\u00a0{points}") in home
    assert practice_note in home and 'aria-describedby="first-counts-' in home
    (line,) = teacher.get(f"/classes/{class_id}/board.json").get_json()["standings"]
    assert line["score"] == points - 3
    french = student.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Ce qui compte (votre première tentative)\u00a0:" in french


def test_what_a_student_did_before_joining_the_class_is_not_work_for_it(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """The class has the quiz to do, one attempt allowed, the best counting: Max, not in it
    yet, takes the shared quiz three times on his own (full marks the third), then joins.
    None of it counts (his 12/12 went on the board, and « Attempts made: 3 of 1 »): he has his
    one attempt, his home says why the 12/12 does not count, the board has what he does in
    the class."""
    class_id, code = create_class_page(teacher)
    with app.app_context():
        quiz_id = seed().id
        points = seed().question_count
    post(teacher, f"/teacher/classes/{class_id}",
         {"quiz": str(quiz_id), "counting": "best", "max_attempts": "1"})
    student = app.test_client()
    auth.register("max", "Max", client=student)
    for wrong in (5, 3, 0):
        submit_seed(app, student, wrong)
    post(student, "/classes/join", {"code": code})
    home = student.get("/").get_data(as_text=True)
    assert "Attempts made: 0 of 1" in home
    assert "done before you joined the class: does not count" in home
    (line,) = teacher.get(f"/classes/{class_id}/board.json").get_json()["standings"]
    assert (line["name"], line["done"], line["score"]) == ("Max", 0, 0)
    submit_seed(app, student, 4)  # his attempt for the class
    (line,) = student.get(f"/classes/{class_id}/board.json").get_json()["standings"]
    assert (line["done"], line["score"]) == (1, points - 4)
    home = student.get("/").get_data(as_text=True)
    assert "Attempts made: 1 of 1" in home
    assert "done before you joined the class: does not count" in home  # the 12/12
    assert f"What counts: <strong>{points - 4}\u00a0/\u00a0{points}</strong>" in home
    # The teacher's page of Max: his attempt in the class, tagged as the one that counts
    # (his three before joining are his own).
    with app.app_context():
        max_id = db.session.scalar(sa.select(User.id).where(User.username == "max"))
    shown = teacher.get(f"/teacher/classes/{class_id}/students/{max_id}").text
    assert shown.count('<span class="tag counts">counts on the board</span>') == 1
    assert f"<td data-label=\"Score\">{points - 4}&nbsp;/&nbsp;{points}</td>" in shown
    assert f"{points}&nbsp;/&nbsp;{points}<" not in shown


def test_what_a_student_did_before_the_quiz_was_assigned_is_not_work_for_it(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """Léa took the shared quiz twice on her own, the answers shown; then her teacher assigns
    it, one attempt allowed: she still has her one attempt, and only it goes on the board."""
    class_id, code = create_class_page(teacher)
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    submit_seed(app, student, 3)
    submit_seed(app, student, 0)  # every answer right, learnt from the first
    with app.app_context():
        quiz_id = seed().id
    page = f"/teacher/classes/{class_id}"
    post(teacher, page, {"quiz": str(quiz_id), "counting": "best", "max_attempts": "1"})
    assert "Attempts made: 0 of 1" in student.get("/").get_data(as_text=True)
    board = teacher.get(f"/classes/{class_id}/board.json").get_json()
    (line,) = board["standings"]
    assert (line["name"], line["done"], line["score"]) == ("Léa", 0, 0)
    submit_seed(app, student, 2)  # the attempt for the assignment
    home = student.get("/").get_data(as_text=True)
    assert "Attempts made: 1 of 1" in home and "No attempt left" in home
    # Léa's own view: whoever has just submitted sees their score at once (the teacher's is
    # the board kept a few seconds).
    (line,) = student.get(f"/classes/{class_id}/board.json").get_json()["standings"]
    with app.app_context():
        points = seed().question_count
    assert (line["done"], line["score"]) == (1, points - 2)  # not her earlier full marks
    assert "done before it was assigned: does not count" in home  # her best, 12/12, is not work
    assert f"What counts: <strong>{points - 2}\u00a0/\u00a0{points}</strong>" in home
    with app.app_context():
        lea_id = db.session.scalar(sa.select(User.id).where(User.username == "lea"))
    shown = teacher.get(f"{page}/students/{lea_id}").get_data(as_text=True)
    assert shown.count("before it was assigned") == 2  # the two attempts of her own
    # Each attempt's own page says the same, not "(on time)".
    details = [teacher.get(link).get_data(as_text=True) for link in re.findall(
        rf'href="({page}/students/{lea_id}/attempts/\d+)"', shown)]
    assert sorted("done before it was assigned: does not count" in html
                  for html in details) == [False, True, True]


def test_practise_says_it_uses_an_attempt_before_it_is_used(app: Flask, teacher: FlaskClient,
                                                            auth) -> None:
    """One attempt allowed, the answers shown at once: the quiz's page offers Practise beside
    Start, and says first that practising uses that attempt and counts (a student practised,
    then found « No attempt left » and a practice score on the board)."""
    class_id, code = create_class_page(teacher)
    with app.app_context():
        quiz_id = seed().id
    post(teacher, f"/teacher/classes/{class_id}",
         {"quiz": str(quiz_id), "counting": "best", "max_attempts": "1", "review_score": "now",
          "review_marks": "now", "review_answers": "now"})
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    page = student.get(f"/quizzes/{SEED_QUIZ}").text
    assert 'id="practise"' in page and 'aria-describedby="practise-counts"' in page
    assert ('id="practise-counts"><strong>Practising uses one of your attempts (1 left): it '
            "counts like any other.</strong>") in page
    french = student.get(f"/quizzes/{SEED_QUIZ}", headers={"Accept-Language": "fr"}).text
    assert "S’entraîner utilise une de vos tentatives (il en reste 1)" in french
