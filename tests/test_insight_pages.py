"""What the class got wrong, a student's progress, and the CSV export of scores."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import Quiz, User
from quiz.services.attempts import load_questions, start_attempt, submit_attempt
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.leaderboard import recount
from tests.support import SEED_QUIZ

pytestmark = pytest.mark.usefixtures("demo_quizzes")


@pytest.fixture
def class_with_answers(app: Flask, users, auth) -> tuple[FlaskClient, int, dict[str, int]]:
    """Class 4e B: Ana misses questions 1 and 2, Ben misses question 1 (the same wrong
    choice), Cléo gets everything right; Ben then retakes late, all right."""
    users.make("prof", "Mme Martin", role="teacher")
    ids = {name: users.make(name, display) for name, display in
           [("ana", "Ana"), ("ben", "Ben"), ("cleo", "Cléo")]}
    with app.app_context():
        teacher = db.session.scalar(sa.select(User).where(User.username == "prof"))
        room = create_class(teacher, "4e B", "2026-2027")
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        due = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
        assign_quiz(room, quiz, None, due, "first")
        for name, wrong in [("ana", {0, 1}), ("ben", {0}), ("cleo", set())]:
            user = db.session.get_one(User, ids[name])
            join_class(user, room.join_code)
            attempt = start_attempt(user, quiz)
            questions = load_questions(attempt.revision_id)
            submit_attempt(attempt, {
                q.id: [c for c in q.choices if c.is_correct != (n in wrong)][0].id
                for n, q in enumerate(questions)})
        # Ben's late retake: kept, marked late, not counted.
        ben = db.session.get_one(User, ids["ben"])
        attempt = start_attempt(ben, quiz)
        submit_attempt(attempt, {q.id: next(c.id for c in q.choices if c.is_correct)
                                 for q in load_questions(attempt.revision_id)})
        attempt.submitted_at = due + dt.timedelta(days=1)
        db.session.commit()
        with write_transaction():  # the kept counted results follow the moved time
            recount(classroom_ids=[room.id])
        class_id = room.id
    client = app.test_client()
    auth.log_in("prof", client=client)
    return client, class_id, ids


def test_most_missed_questions_come_first_with_the_most_chosen_wrong_answer(
        class_with_answers) -> None:
    client, class_id, _ids = class_with_answers
    html = client.get(f"/teacher/classes/{class_id}/quizzes/{SEED_QUIZ}/insight").get_data(
        as_text=True)
    rows = html.split('id="insight"')[1].split("</table>")[0].split("<tr>")[2:]
    assert "Question 1" in rows[0] and "33&nbsp;%" in rows[0] and "(1/3)" in rows[0]
    assert "Un traité de libre-échange" in rows[0] and "(×2)" in rows[0]
    assert "Question 2" in rows[1] and "67&nbsp;%" in rows[1]
    assert "100&nbsp;%" in rows[2]
    assert 'href="#block-0"' in rows[0]
    # Paragraph 1 holds question 1's passage: 2 of its 3 answers were wrong.
    assert re.search(r'id="block-0" class=" heat-4"><span class="heat-label">67 % missed',
                     html)


def test_student_page_lists_attempts_time_taken_late_and_a_chart(
        class_with_answers) -> None:
    client, class_id, ids = class_with_answers
    html = client.get(f"/teacher/classes/{class_id}/students/{ids['ben']}").get_data(
        as_text=True)
    table = html.split('id="attempts"')[1]
    assert table.count("<tr>") == 3  # header + 2 attempts
    assert "12&nbsp;/&nbsp;12" in table and "11&nbsp;/&nbsp;12" in table
    assert '<span class="tag">late</span>' in table and " min " in table
    # The late attempt is a square, the other a circle: not told by colour only (issue 19.9).
    assert html.count("<circle") == 1 and html.count('<rect class="late"') == 1
    assert "<polyline" in html and "late (after the due date)" in html


def test_scores_csv_opens_in_a_french_spreadsheet(class_with_answers) -> None:
    client, class_id, _ids = class_with_answers
    response = client.get(f"/teacher/classes/{class_id}/scores.csv?sep=semicolon")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 4
    assert {r["student"] for r in rows} == {"Ana", "Ben", "Cléo"}
    assert rows[0]["title"] == "Russie et Corée du Nord ratifient un traité de défense mutuelle"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", rows[0]["submitted"])
    ben = [r for r in rows if r["student"] == "Ben"]
    assert sorted((r["score"], r["counted"], r["late"]) for r in ben) == [
        ("11", "yes", "no"), ("12", "no", "yes")]
    comma = client.get(f"/teacher/classes/{class_id}/scores.csv").get_data(as_text=True)
    assert comma.lstrip("\ufeff").startswith("student,username,quiz,")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_scores_csv_keeps_formula_like_names_as_text(app: Flask, class_with_answers,
                                                     start: str) -> None:
    """A display name or a quiz title beginning like a formula is not run by a spreadsheet."""
    client, class_id, ids = class_with_answers
    name = f'{start}HYPERLINK("http://example.org","Clique ici")'
    with app.app_context():
        db.session.get_one(User, ids["ana"]).display_name = name
        db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)).revision.title = (
            f"{start}1+1")
        db.session.commit()
    raw = client.get(f"/teacher/classes/{class_id}/scores.csv").get_data()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["student"] for r in rows if "HYPERLINK" in r["student"]] == [f"'{name}"]
    assert {r["title"] for r in rows} == {f"'{start}1+1"}
    assert {r["student"] for r in rows} - {f"'{name}"} == {"Ben", "Cléo"}
