"""Who sees a quiz (issue 20.2) and an assignment not open yet (issue 20.7).

The access matrix with two teachers' classes is in tests/test_access_owners.py; here, what a
teacher chooses and what each student's lists, pages and start buttons then show.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.extensions import db
from quiz.models import Assignment, Attempt, Classroom, Quiz, User
from quiz.services.classes import assign_quiz, create_class, join_class
from tests.support import QUESTIONS, SEED_QUIZ, csrf_token

SEED_TITLE = "Russie et Corée du Nord ratifient"
VELO = (QUESTIONS / "exemple-velo-ecole.md").read_text(encoding="utf-8")


def visibility_of(app: Flask, slug: str) -> str:
    with app.app_context():
        return db.session.scalars(sa.select(Quiz.visibility).where(Quiz.slug == slug)).one()


def post(client: FlaskClient, url: str, data: dict[str, str] | None = None):
    token = csrf_token(client.get("/").get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **(data or {})})


def student_in_class(app: Flask, users, auth, username: str, teacher_name: str,
                     class_name: str) -> tuple[FlaskClient, int]:
    """A logged-in student in a class of their own teacher's; (client, class id)."""
    student_id = users.make(username)
    teacher_id = users.make(teacher_name, role="teacher")
    with app.app_context():
        room = create_class(db.session.get_one(User, teacher_id), class_name, "2026-2027")
        join_class(db.session.get_one(User, student_id), room.join_code)
        class_id = room.id
    client = app.test_client()
    auth.log_in(username, client=client)
    return client, class_id


def assign(app: Flask, class_id: int, slug: str, opens_at: dt.datetime | None = None) -> None:
    with app.app_context():
        assign_quiz(db.session.get_one(Classroom, class_id),
                    db.session.scalars(sa.select(Quiz).where(Quiz.slug == slug)).one(),
                    opens_at, None, "best")


def test_the_school_bank_is_for_everyone_and_a_quiz_made_in_the_browser_for_the_classes(
        app: Flask, runner, teacher: FlaskClient) -> None:
    """`quiz import` (and the demo loader) share questions/ with every student; an upload is
    for the classes it is assigned to, chosen again at Publish; a re-import of the bank
    leaves what a teacher chose."""
    assert runner.invoke(args=["quiz", "import", str(QUESTIONS)]).exit_code == 0
    assert visibility_of(app, SEED_QUIZ) == "everyone"
    page = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert "Seen by: <strong>every student of this server</strong>" in page
    token = csrf_token(page)
    teacher.post("/teacher/quizzes/upload", content_type="multipart/form-data", data={
        "csrf_token": token, "file": (io.BytesIO(VELO.encode()), "velo.md")})
    assert visibility_of(app, "velo") == "classes"
    draft = teacher.get("/teacher/quizzes/velo").get_data(as_text=True)
    # The choice sits beside Publish, set to what the quiz has.
    assert 'id="seen-by"' not in draft and "Change who sees it" not in draft
    publish_form = draft.split('name="status" value="published"')[1].split("</form>")[0]
    assert '<option selected value="classes">The classes it is assigned to</option>' in publish_form
    assert 'value="everyone">Everyone on this server</option>' in publish_form
    response = teacher.post("/teacher/quizzes/velo/status", data={
        "csrf_token": token, "status": "published", "visibility": "classes"})
    flashed = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "Published for your classes: the students of the classes it is assigned to" in flashed
    # A teacher makes a bank quiz classes-only; the next start of the app re-imports it.
    teacher.post(f"/teacher/quizzes/{SEED_QUIZ}/visibility",
                 data={"csrf_token": token, "visibility": "classes"})
    assert runner.invoke(args=["quiz", "import", str(QUESTIONS)]).exit_code == 0
    assert visibility_of(app, SEED_QUIZ) == "classes"


@pytest.mark.usefixtures("demo_quizzes")
def test_the_teacher_changes_who_sees_a_published_quiz(app: Flask, teacher: FlaskClient) -> None:
    url = f"/teacher/quizzes/{SEED_QUIZ}"
    page = teacher.get(url).get_data(as_text=True)
    change = page.split("Change who sees it")[1].split("</form>")[0]
    assert '<option selected value="everyone">' in change
    response = post(teacher, f"{url}/visibility", {"visibility": "classes"})
    assert response.status_code == 302 and response.headers["Location"] == url
    page = teacher.get(url).get_data(as_text=True)
    assert "Published for your classes" in page
    assert "Seen by: <strong>the students of the classes it is assigned to</strong>" in page
    assert post(teacher, f"{url}/visibility", {"visibility": "nobody"}).status_code == 400
    assert visibility_of(app, SEED_QUIZ) == "classes"
    french = teacher.get(url, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Visible par\u00a0: <strong>les élèves des classes à qui il est donné</strong>" \
        in french
    assert "Changer qui le voit" in french and "Les classes à qui il est donné à faire" in french


@pytest.mark.usefixtures("demo_quizzes")
def test_students_list_what_is_assigned_to_them_and_what_is_shared(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    """Home, the catalogue, its search and its count: a quiz for the classes shows to the
    students of a class it is assigned to only."""
    post(teacher, f"/teacher/quizzes/{SEED_QUIZ}/visibility", {"visibility": "classes"})
    given, given_class = student_in_class(app, users, auth, "lea", "prof-a", "4e A")
    other, _other_class = student_in_class(app, users, auth, "tom", "prof-b", "4e B")
    assign(app, given_class, SEED_QUIZ)
    for client, sees in ((given, True), (other, False)):
        home = client.get("/").get_data(as_text=True)
        listed = client.get("/quizzes").get_data(as_text=True)
        found = client.get("/quizzes?q=russie").get_data(as_text=True)
        assert (SEED_TITLE in home) is sees
        assert (SEED_TITLE in listed) is sees
        assert (SEED_TITLE in found) is sees
        # The quizzes shared with everyone are listed for both.
        assert "A town bans single-use plastic" in listed
        assert (f"/quizzes/{SEED_QUIZ}/start" in listed) is sees
    assert "No quiz matches this search" in other.get("/quizzes?q=russie").get_data(as_text=True)
    assert SEED_TITLE in given.get("/quizzes?assigned=y").get_data(as_text=True)


@pytest.mark.usefixtures("demo_quizzes")
def test_an_assignment_not_open_yet_cannot_be_started_from_the_quiz_page_or_the_list(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    """Seen only through an assignment that opens next week: the quiz page and the list say
    when it opens, and nothing more (no start, no practice, no old score); a start sent
    anyway is refused with that date and makes no attempt. Once open, it starts."""
    post(teacher, f"/teacher/quizzes/{SEED_QUIZ}/visibility", {"visibility": "classes"})
    client, class_id = student_in_class(app, users, auth, "lea", "prof-a", "4e A")
    assign(app, class_id, SEED_QUIZ, dt.datetime.now(dt.UTC) + dt.timedelta(days=7))
    page = client.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert SEED_TITLE in page and 'id="opens"><strong>Opens ' in page
    for hidden in ("/start", "Start the quiz", "Practise", "Your attempts", "questions,"):
        assert hidden not in page, hidden
    card = client.get("/quizzes").get_data(as_text=True).split(f'id="quiz-{SEED_QUIZ}"')[1]
    card = card.split("</li>")[0]
    assert f'id="opens-{SEED_QUIZ}">Opens ' in card
    for hidden in ("/start", "Practise", "Not taken yet", "Your best score"):
        assert hidden not in card, hidden
    for mode in ({}, {"mode": "practice"}):
        response = post(client, f"/quizzes/{SEED_QUIZ}/start", mode)
        assert response.status_code == 302
        assert response.headers["Location"] == f"/quizzes/{SEED_QUIZ}"
        assert "This quiz opens " in client.get(response.headers["Location"]).get_data(
            as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 0
        db.session.scalars(sa.select(Assignment)).one().opens_at = (
            dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
        db.session.commit()
    assert "Start the quiz" in client.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    response = post(client, f"/quizzes/{SEED_QUIZ}/start")
    assert response.headers["Location"].startswith("/attempts/")


@pytest.mark.usefixtures("demo_quizzes")
def test_a_quiz_also_shared_or_open_in_another_class_starts_now(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    """The opening date holds only where the assignment is the student's only way to it."""
    post(teacher, f"/teacher/quizzes/{SEED_QUIZ}/visibility", {"visibility": "classes"})
    client, class_id = student_in_class(app, users, auth, "lea", "prof-a", "4e A")
    assign(app, class_id, SEED_QUIZ, dt.datetime.now(dt.UTC) + dt.timedelta(days=7))
    assert post(client, f"/quizzes/{SEED_QUIZ}/start").headers["Location"] == \
        f"/quizzes/{SEED_QUIZ}"
    # Another class of hers has it open now.
    with app.app_context():
        room = create_class(db.session.scalars(sa.select(User).where(
            User.username == "prof-a")).one(), "Option presse", "2026-2027")
        join_class(db.session.scalars(sa.select(User).where(User.username == "lea")).one(),
                   room.join_code)
        second = room.id
    assign(app, second, SEED_QUIZ)
    assert post(client, f"/quizzes/{SEED_QUIZ}/start").headers["Location"].startswith(
        "/attempts/")
    # Shared with everyone: the opening date of her class's assignment stays on its card only.
    post(teacher, f"/teacher/quizzes/{SEED_QUIZ}/visibility", {"visibility": "everyone"})
    with app.app_context():
        db.session.execute(sa.delete(Assignment).where(Assignment.classroom_id == second))
        db.session.commit()
    assert "Resume" in client.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)


@pytest.mark.usefixtures("demo_quizzes")
def test_attempts_stay_the_students_when_the_quiz_is_no_longer_shown_to_them(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    """A submitted attempt stays readable; one in progress is listed under To finish and can
    still be submitted; the quiz itself is a 404, and its results offer no new attempt."""
    client = app.test_client()
    users.make("lea")
    auth.log_in("lea", client=client)
    done = post(client, f"/quizzes/{SEED_QUIZ}/start").headers["Location"]
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(done.rsplit("/", 1)[1]))
        answers = {f"q{q.id}": str(q.choices[0].id) for q in attempt.revision.questions}
    assert post(client, done, answers).status_code == 302
    started = post(client, f"/quizzes/{SEED_QUIZ}/start").headers["Location"]
    for page in (done, "/history"):  # while shown: both link to the quiz's page
        assert f'href="/quizzes/{SEED_QUIZ}"' in client.get(page).get_data(as_text=True)
    post(teacher, f"/teacher/quizzes/{SEED_QUIZ}/visibility", {"visibility": "classes"})
    assert client.get(f"/quizzes/{SEED_QUIZ}").status_code == 404
    results = client.get(done)
    assert results.status_code == 200 and SEED_TITLE in results.get_data(as_text=True)
    assert f"/quizzes/{SEED_QUIZ}/start" not in results.get_data(as_text=True)
    # No link to the quiz's page (a 404 now): not on the results, not in the history.
    assert f'href="/quizzes/{SEED_QUIZ}"' not in results.get_data(as_text=True)
    history = client.get("/history").get_data(as_text=True)
    assert SEED_TITLE in history and f'href="/quizzes/{SEED_QUIZ}"' not in history
    assert f'href="{done}"' in history
    home = client.get("/").get_data(as_text=True)
    assert f'href="{started}"' in home.split("To finish</h2>")[1].split("</ul>")[0]
    assert client.get(started).status_code == 200
    assert post(client, started, answers).status_code == 302
    with app.app_context():
        assert db.session.get_one(Attempt, int(started.rsplit("/", 1)[1])).is_submitted

