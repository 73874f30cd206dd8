"""Teachers' classes and the class leaderboards through the test client."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

import quiz.boards.routes as boards_routes
from quiz.extensions import db
from quiz.models import Assignment, Attempt, Classroom, Membership, Quiz, User
from quiz.services.classes import remove_member
from tests.support import PASSWORD, SEED_QUIZ, csrf_token, form_fields

pytestmark = pytest.mark.usefixtures("demo_quizzes")


def post(client: FlaskClient, url: str, data: dict | None = None, page: str | None = None):
    token = csrf_token(client.get(page or url, follow_redirects=True).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **(data or {})})


def create_class(teacher: FlaskClient, name: str = "4e B") -> tuple[int, str]:
    response = post(teacher, "/teacher/", {"name": name, "school_year": "2026-2027"})
    assert response.status_code == 302
    # A new class opens at its students, where its join code is.
    assert re.fullmatch(r"/teacher/classes/\d+/students", response.headers["Location"])
    class_id = int(response.headers["Location"].split("/")[3])
    html = teacher.get(response.headers["Location"]).get_data(as_text=True)
    code = re.search(r'id="join-code">([A-Z0-9]+)<', html).group(1)
    return class_id, code


def submit_seed(app: Flask, client: FlaskClient, wrong: int) -> None:
    token = csrf_token(client.get("/").get_data(as_text=True))
    url = client.post(f"/quizzes/{SEED_QUIZ}/start", data={"csrf_token": token}).headers[
        "Location"]
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        data = {}
        for n, q in enumerate(attempt.revision.questions):
            pick = [c for c in q.choices if c.is_correct != (n < wrong)][0]
            data[f"q{q.id}"] = str(pick.id)
    client.post(url, data={"csrf_token": token, **data})


def test_teacher_creates_a_class_and_students_join_with_its_code(
        app: Flask, teacher: FlaskClient, auth) -> None:
    class_id, code = create_class(teacher)
    assert len(code) == 6
    student = app.test_client()
    response = auth.register("lea", "Léa M.", f" {code[:3].lower()} {code[3:].lower()} ",
                             client=student)
    assert response.status_code == 302
    html = student.get("/").get_data(as_text=True)
    assert "You joined the class 4e B." in html
    # The welcome first, then the class.
    assert html.index("Welcome, Léa M.!") < html.index("You joined the class 4e B.")
    # Her classes on the home: each name the link to its board, the line says so.
    line = html.split('<p class="my-classes">')[1].split("</p>")[0]
    assert line.startswith("Leaderboards of my classes:")
    assert f'href="/classes/{class_id}/board">4e B</a>' in line and "(leaderboards)" not in line
    roster = teacher.get(f"/teacher/classes/{class_id}/students").get_data(as_text=True)
    assert "Léa M." in roster and "Students (1)" in roster
    assert re.search(r'<td data-label="Joined">\w+ \d+, 20\d\d</td>', roster)  # when


def test_the_teachers_home_counts_each_classs_students(app: Flask, teacher: FlaskClient,
                                                       auth) -> None:
    _class_id, code = create_class(teacher, "4e B")
    create_class(teacher, "3e A")
    for name in ("lea", "tom"):
        auth.register(name, name.title(), code, client=app.test_client())
    html = teacher.get("/teacher/").get_data(as_text=True)
    cards = {re.search(r'">([^<]+)</a></h2>', card).group(1): card
             for card in html.split('<li class="card">')[1:]}
    assert "2026-2027 · 2 students" in cards["4e B"] and "0 students" in cards["3e A"]


def test_a_wrong_code_at_registration_creates_no_account(app: Flask,
                                                         teacher: FlaskClient, auth) -> None:
    response = auth.register("lea", "Léa", "WRONG1", client=app.test_client())
    assert response.status_code == 200
    assert "No open class has this code" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(User).where(User.username == "lea")) is None


def test_join_page_errors_and_closed_classes(app: Flask, teacher: FlaskClient, users, auth) -> None:
    class_id, code = create_class(teacher)
    users.make("lea", "Léa")
    student = app.test_client()
    auth.log_in("lea", client=student)
    html = post(student, "/classes/join", {"code": "AAAAAA"}).get_data(as_text=True)
    assert "No open class has this code: check it with your teacher." in html
    post(teacher, f"/teacher/classes/{class_id}/joining", page=f"/teacher/classes/{class_id}")
    html = post(student, "/classes/join", {"code": code}).get_data(as_text=True)
    assert "No open class has this code" in html
    post(teacher, f"/teacher/classes/{class_id}/joining", page=f"/teacher/classes/{class_id}")
    assert post(student, "/classes/join", {"code": code}).status_code == 302
    # Joined already: said as information, on the quizzes (it was a form error to correct).
    again = post(student, "/classes/join", {"code": code})
    assert again.status_code == 302 and again.headers["Location"] == "/"
    html = student.get("/").get_data(as_text=True)
    assert ('<p class="flash flash-info" role="status">You are already in the class 4e B.</p>'
            in html)
    assert "error-summary" not in html


def test_unknown_and_closed_codes_get_the_same_answer(app: Flask, teacher: FlaskClient,
                                                      users, auth) -> None:
    class_id, code = create_class(teacher)
    post(teacher, f"/teacher/classes/{class_id}/joining", page=f"/teacher/classes/{class_id}")
    users.make("lea", "Léa")
    student = app.test_client()
    auth.log_in("lea", client=student)

    def message(code: str) -> str:
        html = post(student, "/classes/join", {"code": code}).get_data(as_text=True)
        return html.split('id="code-errors">')[1].split("</ul>")[0]

    assert message(code) == message("ZZZZZZ")  # closed, unknown: nothing to tell them apart


def test_a_teacher_cannot_join_a_class_as_a_student(app: Flask, teacher: FlaskClient,
                                                    users, auth) -> None:
    class_id, code = create_class(teacher)
    users.make("prof2", "M. Autre", role="teacher")
    other = app.test_client()
    auth.log_in("prof2", client=other)
    html = post(other, "/classes/join", {"code": code}).get_data(as_text=True)
    assert "A teacher cannot join a class as a student" in html
    assert other.get(f"/classes/{class_id}/board").status_code == 404
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Membership.id))) == 0


def test_a_removed_student_rejoins_only_when_let_back_in_or_with_a_new_code(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    class_id, code = create_class(teacher)
    lea = users.make("lea", "Léa")
    student = app.test_client()
    auth.log_in("lea", client=student)
    page = f"/teacher/classes/{class_id}/students"
    assert post(student, "/classes/join", {"code": code}).status_code == 302
    post(teacher, f"/teacher/classes/{class_id}/members/{lea}/remove", page=page)
    refused = post(student, "/classes/join", {"code": code}).get_data(as_text=True)
    assert "Your teacher took you out of the class 4e B: ask them to let you back in." in refused
    roster = teacher.get(page).get_data(as_text=True)
    assert "Taken out of the class" in roster and "Léa" in roster.split('id="removed"')[1]
    # Put back in the class by the teacher (a student whose account the teacher made has no
    # code to type): a member again at once, said by name.
    back = post(teacher, f"/teacher/classes/{class_id}/removals/{lea}", page=page)
    shown = teacher.get(back.headers["Location"]).get_data(as_text=True)
    assert "Léa is back in the class." in shown and 'id="removed"' not in shown
    assert student.get(f"/classes/{class_id}/board").status_code == 200
    assert "You are already in the class 4e B." in student.get(post(
        student, "/classes/join", {"code": code}).headers["Location"]).get_data(as_text=True)
    # Removed again; a new code (the teacher's new invitation to everyone) lets them back.
    post(teacher, f"/teacher/classes/{class_id}/members/{lea}/remove", page=page)
    assert "took you out" in post(student, "/classes/join", {"code": code}).get_data(
        as_text=True)
    # "New code" asks once more, saying what it does, before the button that replaces it.
    confirm = teacher.get(page).get_data(as_text=True)
    step = confirm[confirm.index('<details class="confirm-step">'):]
    step = step[:step.index("</details>")]
    assert '<summary class="button">New code</summary>' in step
    assert "The current code will stop working at once" in step
    assert f'action="/teacher/classes/{class_id}/code"' in step
    assert ">Replace the code</button>" in step
    replaced = post(teacher, f"/teacher/classes/{class_id}/code", page=page)
    assert replaced.headers["Location"] == page  # back at the join code
    with app.app_context():
        new = db.session.get_one(Classroom, class_id).join_code
    assert post(student, "/classes/join", {"code": new}).status_code == 302


def test_joining_is_limited_per_account(app: Flask, teacher: FlaskClient, users,
                                        auth) -> None:
    _class_id, code = create_class(teacher)
    app.config["JOIN_LIMIT_PER_ACCOUNT"] = "5 per hour"
    users.make("guesser", "Guess")
    users.make("lea", "Léa")
    guesser, lea = app.test_client(), app.test_client()
    auth.log_in("guesser", client=guesser)
    auth.log_in("lea", client=lea)
    for n in range(5):
        assert post(guesser, "/classes/join", {"code": f"AAAA{n}A"}).status_code == 200
    assert post(guesser, "/classes/join", {"code": "AAAA9A"}).status_code == 429
    assert post(guesser, "/classes/join", {"code": code}).status_code == 429  # even the right one
    assert post(lea, "/classes/join", {"code": code}).status_code == 302  # another account


def test_joining_is_limited_per_address(app: Flask, teacher: FlaskClient, users,
                                        auth) -> None:
    app.config["JOIN_LIMIT_PER_ADDRESS"] = "4 per hour"
    clients = []
    for name in ("ana", "ben"):
        users.make(name)
        clients.append(app.test_client())
        auth.log_in(name, client=clients[-1])
    for n in range(4):  # two accounts, one address: counted together
        assert post(clients[n % 2], "/classes/join", {"code": "AAAAAA"}).status_code == 200
    assert post(clients[0], "/classes/join", {"code": "AAAAAA"}).status_code == 429
    assert post(clients[1], "/classes/join", {"code": "AAAAAA"}).status_code == 429


def test_codes_tried_on_the_registration_form_count_as_joins_from_the_address(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    """The registration form said whether a code was a class's, its other fields wrong, with
    no limit (140 guesses a second). It now checks the code once the other fields are right,
    and counts it as a code tried from the address, with the join page and the joins of a
    live quiz (a student's, a guest's); a form without a code, or with a password mistyped,
    counts nothing."""
    app.config["JOIN_LIMIT_PER_ADDRESS"] = "5 per hour"
    _, code = create_class(teacher)
    users.make("ana")
    student = app.test_client()
    auth.log_in("ana", client=student)
    visitor = app.test_client()

    def register(join_code: str, password2: str = PASSWORD) -> str:
        response = post(visitor, "/register", {
            "display_name": "Zoé", "username": "zoe.b", "password": PASSWORD,
            "password2": password2, "join_code": join_code})
        return str(response.status_code) if response.status_code != 200 else \
            ("said" if "No open class has this code" in response.text else "not said")

    for _ in range(3):
        assert register("AAAAAA", password2="autre chose") == "not said"  # counts nothing
    assert register("AAAAAA") == "said"
    assert post(student, "/classes/join", {"code": "AAAAAA"}).status_code == 200
    assert post(student, "/live", {"code": "ZZZZZZ"}).status_code == 422
    assert post(visitor, "/live/guest", {"code": "ZZZZZZ", "nickname": "Invité"}
                ).status_code == 422
    assert register("AAAAAB") == "said"  # the fifth
    assert register("AAAAAC") == "429"
    assert post(student, "/classes/join", {"code": code}).status_code == 429
    for _ in range(3):
        assert register("") != "429"  # no code: not limited by codes tried


def test_a_new_code_replaces_the_old_one(app: Flask, teacher: FlaskClient, users, auth) -> None:
    class_id, old = create_class(teacher)
    post(teacher, f"/teacher/classes/{class_id}/code", page=f"/teacher/classes/{class_id}")
    with app.app_context():
        new = db.session.get_one(Classroom, class_id).join_code
    assert new != old
    users.make("lea")
    student = app.test_client()
    auth.log_in("lea", client=student)
    assert "No open class has this code" in post(student, "/classes/join", {"code": old}).get_data(
        as_text=True)


def test_assigning_a_quiz_with_a_due_date_in_the_school_time_zone(
        app: Flask, teacher: FlaskClient, auth) -> None:
    class_id, code = create_class(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    response = post(teacher, f"/teacher/classes/{class_id}",
                    {"quiz": str(quiz_id), "due_at": "2030-03-02T08:30", "counting": "first"})
    assert response.status_code == 302
    with app.app_context():
        assignment = db.session.scalar(sa.select(Assignment))
        # Paris (CET), to the end of the minute typed (a due time includes its minute)
        assert assignment.due_at == dt.datetime(2030, 3, 2, 7, 30, 59, 999999, tzinfo=dt.UTC)
        assert assignment.counting == "first"
    bad = post(teacher, f"/teacher/classes/{class_id}",
               {"quiz": str(quiz_id), "opens_at": "2030-03-02T08:30",
                "due_at": "2030-03-01T08:30", "counting": "best"})
    assert "The due date must come after the opening date." in bad.get_data(as_text=True)
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    html = student.get("/").get_data(as_text=True)
    assigned, others = html.split("Assigned to you")[1].split("Other quizzes")
    assert "Russie et Corée du Nord" in assigned and "due Mar 2, 2030, 8:30" in assigned
    assert "Russie et Corée du Nord" not in others and "Une ville ouvre" in others


def _school_time(delta: dt.timedelta) -> str:
    """Now plus `delta` as the assign form's field reads it (the school's time zone)."""
    moment = dt.datetime.now(ZoneInfo("Europe/Paris")) + delta
    return moment.strftime("%Y-%m-%dT%H:%M")


def test_a_due_date_in_the_past_is_kept_with_a_warning(app: Flask, teacher: FlaskClient) -> None:
    """A catch-up or work done on paper may be due already: kept, but the teacher is told
    what it does, naming the field."""
    class_id, _code = create_class(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    warning = "“Due on” is in the past"
    past = post(teacher, f"/teacher/classes/{class_id}",
                {"quiz": str(quiz_id), "due_at": _school_time(-dt.timedelta(days=1)),
                 "counting": "best"})
    assert past.status_code == 302
    html = teacher.get(past.headers["Location"]).get_data(as_text=True)
    assert "Quiz assigned to 4e B." in html
    assert re.search(warning + r" \([^)]*\d:\d\d[^)]*\): every attempt will be marked late",
                     html)
    with app.app_context():
        assert db.session.scalar(sa.select(Assignment.due_at)) < dt.datetime.now(dt.UTC)
    future = post(teacher, f"/teacher/quizzes/{SEED_QUIZ}/assign",
                  {"classes": str(class_id), "due_at": _school_time(dt.timedelta(days=1)),
                   "counting": "best"})
    html = teacher.get(future.headers["Location"]).get_data(as_text=True)
    assert "Its settings changed in 4e B." in html and warning not in html
    # Past its due date, another setting changed: no mark changes, nothing to warn of.
    with app.app_context():
        db.session.execute(sa.update(Assignment).values(  # as the form stores it
            due_at=(dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)).replace(
                second=59, microsecond=999999)))
        db.session.commit()
    settings = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}/assign?class={class_id}").text
    fields = form_fields(settings, "assign-form")
    again = post(teacher, f"/teacher/quizzes/{SEED_QUIZ}/assign",
                 {**fields, "classes": str(class_id), "max_attempts": "3"})
    html = teacher.get(again.headers["Location"]).get_data(as_text=True)
    assert "Its settings changed in 4e B." in html and warning not in html


def test_a_due_time_includes_its_minute_and_the_form_names_the_time_zone(
        app: Flask, teacher: FlaskClient) -> None:
    """Due at 10:00 (school time): work handed in at 10:00:30 is on time — pages show times to
    the minute, and « due 10:00 », « handed in 10:00, late » read as a contradiction."""
    class_id, _code = create_class(teacher)
    page = teacher.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    assert "Times are in the school's time zone: Europe/Paris." in page
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    post(teacher, f"/teacher/classes/{class_id}",
         {"quiz": str(quiz_id), "due_at": "2030-03-02T10:00", "counting": "best"})
    typed = dt.datetime(2030, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
    with app.app_context():
        due = db.session.scalar(sa.select(Assignment.due_at))
    assert typed + dt.timedelta(seconds=30) < due < typed + dt.timedelta(minutes=1)
    # Typed by hand (no date picker): the ISO form with a space is read; another is refused
    # with the format to use.
    typed_by_hand = post(teacher, f"/teacher/quizzes/{SEED_QUIZ}/assign?class={class_id}", {
        "classes": str(class_id), "due_at": "2030-03-02 10:00", "counting": "best"})
    assert typed_by_hand.status_code == 302
    wrong = post(teacher, f"/teacher/quizzes/{SEED_QUIZ}/assign?class={class_id}", {
        "classes": str(class_id), "due_at": "02/03/2030 10:00", "counting": "best"})
    assert wrong.status_code == 422
    assert ("Type the date and time as year-month-day hours:minutes, e.g. 2026-12-18 17:00."
            in wrong.get_data(as_text=True))
    # Shown back to the minute, and saved again unchanged.
    settings = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}/assign?class={class_id}").text
    assert form_fields(settings, "assign-form")["due_at"] == "2030-03-02T10:00"


def test_an_assignment_not_open_yet_shows_when_it_opens_and_nothing_more(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """The student took the quiz before (from the list of quizzes); the class is given it
    from next week: no start or retake button, no old score, only the opening date."""
    class_id, code = create_class(teacher)
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    submit_seed(app, student, wrong=2)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    post(teacher, f"/teacher/classes/{class_id}",
         {"quiz": str(quiz_id), "opens_at": _school_time(dt.timedelta(days=7)),
          "counting": "best"})
    html = student.get("/").get_data(as_text=True)
    card = html.split("Assigned to you")[1].split("Other quizzes")[0]
    assert "Russie et Corée du Nord" in card
    assert re.search(r'id="opens-\d+">Opens [^<]*\d:\d\d', card)
    for shown in ("Take it again", "Start", "Resume", "Your best score", "10&nbsp;/&nbsp;12",
                  "Not taken yet"):
        assert shown not in card, shown
    # Once open, the same card has the old score and the retake.
    with app.app_context():
        assignment = db.session.scalar(sa.select(Assignment))
        assignment.opens_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
        db.session.commit()
    card = student.get("/").get_data(as_text=True).split("Assigned to you")[1]
    assert "Take it again" in card and "Your best score" in card and 'id="opens-' not in card


def class_given_seed(app: Flask, teacher: FlaskClient) -> tuple[int, str]:
    """4e B, given the seed quiz (each student's best attempt counts): its id and code."""
    class_id, code = create_class(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    post(teacher, f"/teacher/classes/{class_id}", {"quiz": str(quiz_id), "counting": "best"})
    return class_id, code


def seed_done_by_lea(app: Flask, teacher: FlaskClient, auth
                     ) -> tuple[int, FlaskClient, FlaskClient]:
    """4e B given the seed quiz (best attempt counts); Léa M. did it with 2 answers wrong, Tom
    R. nothing yet: the class's id, Léa's and Tom's browsers."""
    class_id, code = class_given_seed(app, teacher)
    lea, tom = app.test_client(), app.test_client()
    auth.register("lea", "Léa M.", code, client=lea)
    auth.register("tom", "Tom R.", code, client=tom)
    submit_seed(app, lea, 2)
    return class_id, lea, tom


def later(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Move the clock that class boards are kept by `seconds` (plus a little) ahead."""
    clock = boards_routes._now
    monkeypatch.setattr(boards_routes, "_now", lambda: clock() + seconds + 0.01)


def test_the_class_page_lists_assigned_quizzes_without_reading_articles(
        app: Flask, teacher: FlaskClient) -> None:
    class_id, _code = class_given_seed(app, teacher)
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        statements.append(statement)

    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        html = teacher.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    finally:
        with app.app_context():
            sa.event.remove(db.engine, "before_cursor_execute", record)
    assigned = html.split("<tbody>")[1].split("</tbody>")[0]
    assert (f'href="/classes/{class_id}/board/{SEED_QUIZ}" id="assignment-1" lang="fr">'
            'Russie et Corée du Nord') in assigned
    assert not [s for s in statements if "source_text" in s or ".article" in s]


def test_the_class_page_says_how_many_students_have_done_each_quiz(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """« 2 of 3 » beside each assigned quiz: the students of the class now whose work counts
    for it (a teacher opened the board to know). A student taken out of the class leaves the
    count; one who has not submitted is not in it."""
    class_id, code = class_given_seed(app, teacher)
    for username, name in [("lea", "Léa M."), ("tom", "Tom R."), ("zoe", "Zoé"),
                           ("noe", "Noé")]:
        student = app.test_client()
        auth.register(username, name, code, client=student)
        if username != "zoe":
            submit_seed(app, student, 1)

    def done() -> str:
        html = teacher.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
        return re.findall(r'<td data-label="Done" class="done">([^<]*)</td>', html)

    assert done() == ["3 of 4"]
    with app.app_context():
        noe = db.session.scalar(sa.select(User).where(User.username == "noe"))
        remove_member(db.session.get_one(Classroom, class_id), noe.id)
    assert done() == ["2 of 3"]


def test_board_shows_display_names_scores_and_hides_on_request(
        app: Flask, teacher: FlaskClient, monkeypatch: pytest.MonkeyPatch, auth) -> None:
    class_id, code = class_given_seed(app, teacher)
    students = {}
    for username, name, wrong in [("lea", "Léa M.", 2), ("tom", "Tom R.", 0), ("zoe", "Zoé", 5)]:
        students[username] = app.test_client()
        auth.register(username, name, code, client=students[username])
        submit_seed(app, students[username], wrong)
    html = students["lea"].get(f"/classes/{class_id}/board").get_data(as_text=True)
    board = html.split('id="board"')[1]
    assert re.findall(r'<th scope="row">([^<]+?)(?: <span|</th>)', board) == [
        "Tom R.", "Léa M.", "Zoé"]
    assert "12&nbsp;/&nbsp;12" in board and "10&nbsp;/&nbsp;12" in board
    assert "lea" not in board and "tom" not in board  # display names only
    per_quiz = students["lea"].get(f"/classes/{class_id}/board/{SEED_QUIZ}").get_data(
        as_text=True)
    assert "Counts each student's best attempt" in per_quiz
    data = students["zoe"].get(f"/classes/{class_id}/board.json").get_json()
    assert [(s["name"], s["score"]) for s in data["standings"]] == [
        ("Tom R.", 12), ("Léa M.", 10), ("Zoé", 7)]

    with app.app_context():
        zoe = db.session.scalar(sa.select(User.id).where(User.username == "zoe"))
    hidden = post(teacher, f"/teacher/classes/{class_id}/members/{zoe}/hide",
                  page=f"/teacher/classes/{class_id}")
    # Said where the page reopens, at the list (the tag may be out of sight on a phone).
    assert hidden.headers["Location"] == f"/teacher/classes/{class_id}/students#members"
    assert "Zoé is hidden from the class&#39;s boards; their scores are kept." in teacher.get(
        hidden.headers["Location"]).text
    later(monkeypatch, app.config["BOARD_MAX_AGE"])  # the boards others saw are out of date
    assert "Zoé" not in students["lea"].get(f"/classes/{class_id}/board").get_data(as_text=True)
    assert "Zoé" not in students["lea"].get(f"/classes/{class_id}/projector").get_data(
        as_text=True)
    teacher_view = teacher.get(f"/classes/{class_id}/board").get_data(as_text=True)
    # The teacher's board: each name a link to the student's page; the class's, none.
    assert (f'<a href="/teacher/classes/{class_id}/students/{zoe}">Zoé</a> '
            '<span class="tag">hidden from the class</span>') in teacher_view
    assert teacher_view.count(f'href="/teacher/classes/{class_id}/students/') == 3
    assert "/teacher/classes/" not in students["lea"].get(
        f"/classes/{class_id}/board").get_data(as_text=True).split('id="board"')[1]
    # Zoé, no row of her own: told why, where her results are (the others are not told).
    zoe_view = students["zoe"].get(f"/classes/{class_id}/board").get_data(as_text=True)
    assert "Your teacher has left your name off this board: your results still count" \
        in zoe_view and 'href="/history">My history</a>' in zoe_view
    assert "left your name off" not in students["lea"].get(
        f"/classes/{class_id}/board").get_data(as_text=True)
    assert "left your name off" not in teacher_view


def test_a_board_is_kept_a_moment_but_each_viewer_sees_their_own_change_at_once(
        app: Flask, teacher: FlaskClient, monkeypatch: pytest.MonkeyPatch, auth) -> None:
    """A whole class opens the board at once: one computation serves them for BOARD_MAX_AGE
    seconds; who just submitted sees their score on it straight away, and is marked "you"."""
    class_id, lea, tom = seed_done_by_lea(app, teacher, auth)
    board = f"/classes/{class_id}/board"

    def rows(client: FlaskClient) -> list[str]:
        table = client.get(board).get_data(as_text=True).split('id="board"')[1]
        return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row).replace("&nbsp;", " ")).strip()
                for row in re.findall(r"<tr.*?</tr>", table, re.DOTALL)[1:]]

    # Tom has done nothing yet: listed, with no position (not « 2nd » in front of the class).
    assert rows(lea) == ["1 Léa M. you 10 / 12 1 of 1", "— Tom R. 0 / 12 0 of 1"]
    assert rows(tom) == ["1 Léa M. 10 / 12 1 of 1", "— Tom R. you 0 / 12 0 of 1"]  # his row
    submit_seed(app, tom, 0)
    assert rows(tom) == ["1 Tom R. you 12 / 12 1 of 1", "2 Léa M. 10 / 12 1 of 1"]  # at once
    later(monkeypatch, app.config["BOARD_MAX_AGE"])
    assert rows(lea) == ["1 Tom R. 12 / 12 1 of 1", "2 Léa M. you 10 / 12 1 of 1"]  # others'
    submit_seed(app, lea, 0)  # equal points: a shared first place, by name within it
    later(monkeypatch, 2 * app.config["BOARD_MAX_AGE"])  # (the boards' clock runs ahead now)
    assert rows(lea) == ["1 tied Léa M. you 12 / 12 1 of 1", "1 tied Tom R. 12 / 12 1 of 1"]
    assert "\x00" not in lea.get(board).get_data(as_text=True)
    # In French the tag never breaks inside « ex æquo » (a phone's narrow Place column did).
    french = lea.get(board, headers={"Accept-Language": "fr"}).text
    assert french.count('<span class="tag tie">ex\u00a0æquo</span>') == 2
    for forged in ("abc", "nan", "1e999", "-1"):  # the cookie is the browser's: any value
        lea.set_cookie("wrote", forged)
        assert rows(lea) == ["1 tied Léa M. you 12 / 12 1 of 1", "1 tied Tom R. 12 / 12 1 of 1"]
    assert lea.get(f"/classes/{class_id}/board.json").get_json()["standings"] == [
        {"position": 1, "tied": True, "name": "Léa M.", "score": 12, "out_of": 12, "done": 1,
         "of": 1, "points": "12\u00a0/\u00a012", "detail": "done: 1 of 1"},
        {"position": 1, "tied": True, "name": "Tom R.", "score": 12, "out_of": 12, "done": 1,
         "of": 1, "points": "12\u00a0/\u00a012", "detail": "done: 1 of 1"}]


def test_removing_a_student_keeps_their_attempts(app: Flask, teacher: FlaskClient, auth) -> None:
    class_id, code = class_given_seed(app, teacher)
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    submit_seed(app, student, 1)
    with app.app_context():
        lea = db.session.scalar(sa.select(User.id).where(User.username == "lea"))
    page = teacher.get(f"/teacher/classes/{class_id}/students").get_data(as_text=True)
    # One more step before the student leaves the board and the gradebook.
    step = page.split('class="confirm-step remove-step"')[1].split("</details>")[0]
    assert "They leave the class: the board, the gradebook" in step
    assert "their page stays open from “Taken out of the class”" in step
    assert f'action="/teacher/classes/{class_id}/members/{lea}/remove"' in step
    response = teacher.post(f"/teacher/classes/{class_id}/members/{lea}/remove",
                            data={"csrf_token": csrf_token(page)},
                            headers={"Accept-Language": "fr"})
    assert response.status_code == 302
    french = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "Léa ne fait plus partie de la classe" in french  # whoever it is: no « il »
    assert student.get(f"/classes/{class_id}/board").status_code == 404
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Membership.id))) == 0
        assert db.session.scalar(sa.select(Attempt.score)) == 11
    # Her work is still the teacher's to see (a term's report), from « Taken out of the
    # class »: her attempts, not her account.
    page = teacher.get(f"/teacher/classes/{class_id}/students").get_data(as_text=True)
    removed = page.split('id="removed"')[1]
    link = f'href="/teacher/classes/{class_id}/students/{lea}"'
    assert link in removed
    shown = teacher.get(f"/teacher/classes/{class_id}/students/{lea}").get_data(as_text=True)
    assert "Taken out of the class on" in shown and "11\u00a0/\u00a012" in shown.replace(
        "&nbsp;", "\u00a0")
    # Back to where she is listed: under « Taken out of the class », not the class's list.
    assert f'<a href="/teacher/classes/{class_id}/students#removed">← 4e B</a>' in shown
    assert "Give a temporary password" not in shown
    with app.app_context():
        attempt_id = db.session.scalar(sa.select(Attempt.id))
    assert teacher.get(f"/teacher/classes/{class_id}/students/{lea}/attempts/{attempt_id}"
                       ).status_code == 200
    # What she does once out of the class is not the teacher's to see (found by a data
    # protection review): her page keeps the attempt of her time in the class only.
    submit_seed(app, student, 4)
    with app.app_context():
        since = db.session.scalar(sa.select(sa.func.max(Attempt.id)))
    shown = teacher.get(f"/teacher/classes/{class_id}/students/{lea}").get_data(as_text=True)
    assert f"/attempts/{attempt_id}" in shown and f"/attempts/{since}" not in shown
    assert teacher.get(f"/teacher/classes/{class_id}/students/{lea}/attempts/{since}"
                       ).status_code == 404
    scores = teacher.get(f"/teacher/classes/{class_id}/scores.csv").get_data(as_text=True)
    assert "Léa" not in scores  # out of the class: not in its list of attempts
    other = app.test_client()
    auth.register("tom", "Tom", client=other)  # never in the class
    with app.app_context():
        tom = db.session.scalar(sa.select(User.id).where(User.username == "tom"))
    assert teacher.get(f"/teacher/classes/{class_id}/students/{tom}").status_code == 404


def test_projector_shows_the_join_code_top_ten_and_the_rest(
        app: Flask, teacher: FlaskClient, auth) -> None:
    class_id, code = create_class(teacher)
    for n in range(13):
        auth.register(f"eleve{n}", f"Élève {n:02d}", code, client=app.test_client())
    html = teacher.get(f"/classes/{class_id}/projector").get_data(as_text=True)
    assert f"<strong>{code}</strong>" in html
    top = html.split('id="projector-top"')[1].split("</ol>")[0]
    rest = html.split('id="projector-rest-list"')[1].split("</ol>")[0]
    assert top.count("<li>") == 10 and rest.count("<li>") == 3  # no quiz yet: nobody ranked
    assert '<span class="pos">—</span>' in top and "podium" not in top
    assert 'src="/static/js/projector.js"' in html and "<script>" not in html
    # Read from the back of the room: which board it is, and what its numbers are.
    assert '<h1>4e B <span class="projector-what">· Overall leaderboard</span></h1>' in html
    assert '<span class="done">done: 0 of 0</span>' in top
    french = teacher.get(f"/classes/{class_id}/projector",
                         headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "· Classement général</span>" in french and "faits\u00a0: 0 sur 0" in french


def test_a_class_is_three_pages_its_tabs_quizzes_students_and_live(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """One page was 4,700 px long at 1280 px (a class of 60 students under its quizzes'
    forms): the class's quizzes, its students and its live quiz are now three pages, named
    by tabs under its name, each with what the tabs count; the quizzes page links to its
    parts; until a student joins, it says the join code."""
    class_id, code = create_class(teacher)
    base = f"/teacher/classes/{class_id}"
    empty = teacher.get(base).text
    assert (f"No student in the class yet: give them its join code, {code}, or make their "
            "accounts.") in empty
    auth.register("lea", "Léa M.", code, client=app.test_client())
    french = {"Accept-Language": "fr"}
    for url, current in ((base, "Quiz à faire (0)"), (f"{base}/students", "Élèves (1)"),
                         (f"{base}/live", "Quiz en direct")):
        html = teacher.get(url, headers=french).text
        tabs = html.split('<nav class="tabs class-tabs" aria-label="La classe">')[1]
        tabs = tabs.split("</nav>")[0]
        assert re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', tabs) == [
            (base, "Quiz à faire (0)"), (f"{base}/students", "Élèves (1)"),
            (f"{base}/live", "Quiz en direct")]
        assert re.findall(r'aria-current="page">([^<]+)<', tabs) == [current]
        assert "<h1>4e B" in html
    quizzes = teacher.get(base, headers=french).text
    assert "No student in the class yet" not in teacher.get(base).text
    nav = quizzes.split('<nav class="on-this-page" aria-label="Sur cette page">')[1]
    links = re.findall(r'<a href="#([a-z-]+)">([^<]+)</a>', nav.split("</nav>")[0])
    assert links == [("assigned", "Quiz à faire"), ("assign", "Donner un quiz à faire"),
                     ("gradebook-heading", "Carnet de notes")]
    assert all(f'id="{anchor}"' in quizzes for anchor, _text in links)
    students = teacher.get(f"{base}/students").text
    assert f'id="join-code">{code}<' in students and "Léa M." in students
    assert 'id="live-quiz"' in teacher.get(f"{base}/live").text
    assert "Léa M." not in quizzes and 'id="live-quiz"' not in quizzes
    # Closed and still empty: the quizzes page does not hand out a code that admits nobody.
    other, _code = create_class(teacher, "4e C")
    post(teacher, f"/teacher/classes/{other}/joining", page=f"/teacher/classes/{other}")
    closed = teacher.get(f"/teacher/classes/{other}").text
    assert "No student in the class yet, and it is closed to new students: open it, or " \
           "make their accounts." in closed and _code not in closed
    # The live tab sent back with an error keeps the other classes at the live tab; the year
    # in that line never breaks at its hyphen.
    refused = post(teacher, f"{base}/live", {"live-quiz": ""}, page=f"{base}/live")
    assert refused.status_code == 422
    line = refused.text.split('id="other-classes">')[1].split("</p>")[0]
    assert line.startswith('Other classes of <span class="school-year">2026-2027</span>:')
    assert f'href="/teacher/classes/{other}/live"' in line


def test_a_quizs_projector_shows_its_scores_and_who_has_not_done_it(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """Right after the class did a quiz, its own board on the screen: each score, its share of
    right answers, no rank for who has not done it; in French too; refreshed from board.json
    with the same texts. The quiz's board links to it."""
    class_id, lea, tom = seed_done_by_lea(app, teacher, auth)
    url = f"/classes/{class_id}/projector/{SEED_QUIZ}"
    html = teacher.get(url).get_data(as_text=True)
    top = html.split('id="projector-top"')[1].split("</ol>")[0]
    items = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item).replace("&nbsp;", " ")).strip()
             for item in re.findall(r"<li.*?</li>", top, re.DOTALL)]
    assert items == ["1 Léa M. 10 / 12 83%", "— Tom R. not done yet"]
    assert '<h1>4e B <span class="projector-what projector-quiz" lang="fr">' in html
    assert f'data-source="/classes/{class_id}/board.json?quiz={SEED_QUIZ}"' in html
    assert "Counts each student's best attempt. No rank until it is done." in html
    data = tom.get(f"/classes/{class_id}/board.json?quiz={SEED_QUIZ}").get_json()
    assert [(s["position"], s["name"], s["points"], s["detail"]) for s in data["standings"]] == [
        (1, "Léa M.", "10\u00a0/\u00a012", "83%"), (None, "Tom R.", "", "not done yet")]
    french = tom.get(url, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "83\u00a0%" in french and "pas encore fait" in french
    board = lea.get(f"/classes/{class_id}/board/{SEED_QUIZ}").get_data(as_text=True)
    assert f'<a href="{url}">Projector view</a>' in board
    assert teacher.get(f"/classes/{class_id}/projector/not-assigned").status_code == 404
    assert teacher.get(f"/classes/{class_id}/board.json?quiz=not-assigned").status_code == 404


def test_class_names_are_shown_as_text(app: Flask, teacher: FlaskClient, auth) -> None:
    class_id, code = create_class(teacher, '<script>alert(1)</script>')
    student = app.test_client()
    auth.register("lea", '<img src=x onerror=alert(1)>', code, client=student)
    pages = [teacher.get("/teacher/"), teacher.get(f"/teacher/classes/{class_id}"),
             student.get("/"), student.get(f"/classes/{class_id}/board"),
             student.get(f"/classes/{class_id}/projector")]
    for response in pages:
        html = response.get_data(as_text=True)
        assert "<script>alert(1)" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_students_cannot_use_teacher_pages(app: Flask, client: FlaskClient, users, auth) -> None:
    users.make("lea")
    auth.log_in("lea")
    assert client.get("/teacher/").status_code == 403


def test_a_board_shows_the_newest_quiz_tabs_and_every_quizs_board_is_one_link_away(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    from quiz.services.classes import assign_quiz
    from tests.test_lists import add_quizzes, quiz

    class_id, code = create_class(teacher)
    with app.app_context():
        slugs = add_quizzes(40)
        room = db.session.get_one(Classroom, class_id)
        for slug in slugs:
            assign_quiz(room, quiz(slug), None, None, "best")
    board = teacher.get(f"/classes/{class_id}/board").get_data(as_text=True)
    tabs = board.split('class="tabs"')[1].split("</nav>")[0]
    assert tabs.count("/board/quiz-") == 8 and "/board/quiz-39" in tabs
    assert "/board/quiz-31\"" not in tabs and "Every quiz's board (40)" in tabs
    # The board of an older quiz keeps its own tab.
    old = teacher.get(f"/classes/{class_id}/board/quiz-3").get_data(as_text=True)
    assert 'href="/classes/1/board/quiz-3" lang="fr" aria-current="page"' in old
    # It names its quiz: in the page's title and its heading (and its table's caption).
    assert "<title>Élections municipales 3 · Leaderboard · " in old
    assert re.search(r"<h1>Leaderboard · [^<]+ · <span lang=\"fr\">Élections municipales 3</span>"
                     r"</h1>", old)
    every = teacher.get(f"/classes/{class_id}/boards").get_data(as_text=True)
    assert every.count("/board/quiz-") == 30 and "Page 1 of 2" in every
    second = teacher.get(f"/classes/{class_id}/boards?page=2").get_data(as_text=True)
    assert second.count("/board/quiz-") == 10


def test_pages_with_several_forms_repeat_no_id(app: Flask, teacher: FlaskClient, users,
                                               auth) -> None:
    """Each form's CSRF input used to carry id="csrf_token" (issue 19.11)."""
    class_id, code = create_class(teacher)
    for name in ("ana", "ben"):
        auth.register(name, name.title(), code, client=app.test_client())
    with app.app_context():
        ana = db.session.scalar(sa.select(User.id).where(User.username == "ana"))
    for page in (f"/teacher/classes/{class_id}", "/teacher/quizzes/upload", "/account",
                 f"/teacher/classes/{class_id}/students/{ana}"):
        html = teacher.get(page).get_data(as_text=True)
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert html.count('name="csrf_token"') >= 2 or page == "/teacher/quizzes/upload"
        assert len(ids) == len(set(ids)), (page, sorted({i for i in ids if ids.count(i) > 1}))


def test_a_big_class_board_comes_in_pages_and_tells_a_student_where_their_row_is(
        app: Flask, teacher: FlaskClient, auth, monkeypatch: pytest.MonkeyPatch) -> None:
    """A board shows BOARD_PAGE rows a page (here 2 of 5 students), ranked across pages; a
    student whose row is on another page is told their position and given a link to it."""
    monkeypatch.setattr(boards_routes, "BOARD_PAGE", 2)
    class_id, code = class_given_seed(app, teacher)
    students = {}
    for n, wrong in enumerate([0, 1, 2, 3, 4]):  # Élève 0 first … Élève 4 last
        students[n] = app.test_client()
        auth.register(f"eleve{n}", f"Élève {n}", code, client=students[n])
        submit_seed(app, students[n], wrong)

    def names(html: str) -> list[str]:
        return re.findall(r'<th scope="row">([^<]+?)(?: <span|</th>)', html)

    last = students[4]
    first_page = last.get(f"/classes/{class_id}/board").get_data(as_text=True)
    assert names(first_page) == ["Élève 0", "Élève 1"]
    assert "Page 1 of 3" in first_page
    assert "Your position: 5, on page 3." in first_page
    assert f'href="/classes/{class_id}/board?page=3#me"' in first_page
    third = last.get(f"/classes/{class_id}/board?page=3").get_data(as_text=True)
    assert names(third) == ["Élève 4"] and 'class="me" id="me"' in third
    assert "Your position" not in third  # the row is on the page
    assert names(last.get(f"/classes/{class_id}/board?page=2").get_data(as_text=True)) == [
        "Élève 2", "Élève 3"]
    assert names(last.get(f"/classes/{class_id}/board?page=99").get_data(as_text=True)) == [
        "Élève 4"]  # past the end: the last page
    quiz_board = last.get(f"/classes/{class_id}/board/{SEED_QUIZ}").get_data(as_text=True)
    assert names(quiz_board) == ["Élève 0", "Élève 1"]
    assert f'href="/classes/{class_id}/board/{SEED_QUIZ}?page=3#me"' in quiz_board
    # The teacher is on no board: no position line.
    assert "Your position" not in teacher.get(f"/classes/{class_id}/board").get_data(
        as_text=True)


def test_the_projector_lists_at_most_projector_shown_and_says_where_the_others_are(
        app: Flask, teacher: FlaskClient, auth, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boards_routes, "PROJECTOR_TOP", 2)
    monkeypatch.setattr(boards_routes, "PROJECTOR_SHOWN", 3)
    class_id, code = create_class(teacher)
    for n in range(5):
        auth.register(f"eleve{n}", f"Élève {n}", code, client=app.test_client())
    html = teacher.get(f"/classes/{class_id}/projector").get_data(as_text=True)
    top = html.split('id="projector-top"')[1].split("</ol>")[0]
    rest = html.split('id="projector-rest-list"')[1].split("</ol>")[0]
    assert top.count("<li>") == 2 and rest.count("<li>") == 1
    assert 'id="projector-rest-count">3<' in html  # everyone but the top two
    assert 'id="projector-more">' in html  # not hidden: two students are on the board only
    data = teacher.get(f"/classes/{class_id}/board.json").get_json()
    assert data["count"] == 5 and len(data["standings"]) == 3 and data["top"] == 2


VELO = "exemple-velo-ecole"


def test_publish_and_assign_a_draft_to_several_classes_at_once(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """The quiz page's *Publish and assign*: the class page's rules, for several classes, and
    the quiz published in the same step; a student of one class sees the assignment."""
    first, code = create_class(teacher, "4e B")
    second, _code = create_class(teacher, "3e A")
    post(teacher, f"/teacher/quizzes/{VELO}/status", {"status": "draft"},
         page=f"/teacher/quizzes/{VELO}")
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    assert "Une ville ouvre" not in student.get("/").get_data(as_text=True)

    url = f"/teacher/quizzes/{VELO}/assign"
    quiz_page = teacher.get(f"/teacher/quizzes/{VELO}").get_data(as_text=True)
    assert f'href="{url}" id="publish-assign">Publish and assign</a>' in quiz_page
    page = teacher.get(url).get_data(as_text=True)
    assert "<h1>Publish and assign</h1>" in page and "checked" not in page  # two to choose from
    response = post(teacher, url, {"classes": [str(first), str(second)],
                                   "due_at": "2030-03-02T08:30", "counting": "latest",
                                   "max_attempts": "2", "review_answers": "never",
                                   "practice": "y"})
    assert response.headers["Location"] == f"/teacher/quizzes/{VELO}"
    html = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "Published and assigned to 3e A, 4e B." in html
    assert re.search(r'Assigned to your classes: <a href="/teacher/classes/\d+">3e A</a> '
                     r'\(due Mar 2, 2030, 8:30[^)]*\), <a[^>]*>4e B</a>', html)
    assert 'id="publish-assign">Assign</a>' in html
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == VELO))
        assert quiz.status == "published"
        rules = {(a.classroom_id, a.due_at, a.counting, a.max_attempts, a.review_answers,
                  a.practice) for a in db.session.scalars(sa.select(Assignment))}
    due = dt.datetime(2030, 3, 2, 7, 30, 59, 999999, tzinfo=dt.UTC)  # Paris time (CET)
    assert rules == {(room, due, "latest", 2, "never", True) for room in (first, second)}
    home = student.get("/").get_data(as_text=True)
    assert "Une ville ouvre" in home.split("Assigned to you")[1].split("Other quizzes")[0]

    # Again for one class: "Assign" (published already), its settings changed.
    page = teacher.get(url).get_data(as_text=True)
    assert "<h1>Assign</h1>" in page
    assert page.count("(already assigned: saving changes its settings)") == 2
    # Each class with its school year (last year's 4e B is not this year's).
    assert "4e B · 2026-2027 (already assigned: saving changes its settings)" in page
    response = post(teacher, url, {"classes": [str(first)], "counting": "best"})
    assert "Its settings changed in 4e B." in teacher.get(response.headers["Location"]).get_data(
        as_text=True)
    with app.app_context():
        due_dates = dict(db.session.execute(sa.select(Assignment.classroom_id,
                                                      Assignment.due_at)).all())
        assert due_dates == {first: None, second: due}

    # Nothing chosen, dates the wrong way round: the form again, nothing changed.
    nothing = post(teacher, url, {"counting": "best"})
    assert nothing.status_code == 422 and "Choose at least one class." in nothing.get_data(
        as_text=True)
    wrong = post(teacher, url, {"classes": [str(first)], "opens_at": "2030-03-02T08:30",
                                "due_at": "2030-03-01T08:30", "counting": "first"})
    assert wrong.status_code == 422
    assert "The due date must come after the opening date." in wrong.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(Assignment.counting).where(
            Assignment.classroom_id == first)) == "best"


def test_publish_and_assign_is_refused_while_drafts_remain_and_changes_nothing(
        app: Flask, teacher: FlaskClient) -> None:
    from quiz.database import write_transaction
    from quiz.models import Question
    from quiz.services.classes import ClassError, publish_and_assign
    from quiz.services.editing import StatusRefused

    room, _code = create_class(teacher, "4e B")
    url = f"/teacher/quizzes/{VELO}/assign"
    page = teacher.get(url).get_data(as_text=True)
    assert re.search(r'<input checked id="classes-0" name="classes" type="checkbox" '
                     rf'value="{room}">', page)  # the only class: chosen already
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == VELO))
        revision_id = quiz.current_revision_id
    with app.app_context(), write_transaction():
        db.session.execute(sa.update(Question).where(Question.revision_id == revision_id)
                           .values(review_note="draft: check it"))
        db.session.execute(sa.update(Quiz).where(Quiz.slug == VELO).values(status="draft"))
    response = post(teacher, url, {"classes": [str(room)], "counting": "best"}, page=url)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "drafted questions are still to review: accept, edit or reject them" in html
    assert 'name="classes"' not in html  # no form to fill while it cannot be done
    with app.app_context():
        assert db.session.scalar(sa.select(Quiz.status).where(Quiz.slug == VELO)) == "draft"
        assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0
        # The service: all or nothing, whoever calls it.
        classroom = db.session.get_one(Classroom, room)
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == VELO))
        with pytest.raises(StatusRefused):
            publish_and_assign(quiz, [classroom], None, None, "best")
    with app.app_context(), write_transaction():
        db.session.execute(sa.update(Question).where(Question.revision_id == revision_id)
                           .values(review_note=None))
    with app.app_context():
        classroom = db.session.get_one(Classroom, room)
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == VELO))
        with pytest.raises(ClassError):  # published, then the assignment refused: undone
            publish_and_assign(quiz, [classroom], None, None, "best", 0)
        assert db.session.scalar(sa.select(Quiz.status).where(Quiz.slug == VELO)) == "draft"
        assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0


def test_the_class_page_leads_to_the_teachers_other_classes_of_the_year(
        teacher: FlaskClient) -> None:
    first, _ = create_class(teacher, "4e B")
    second, _ = create_class(teacher, "3e A")
    response = post(teacher, "/teacher/", {"name": "4e B", "school_year": "2025-2026"})
    last_year = int(response.headers["Location"].split("/")[3])
    html = teacher.get(f"/teacher/classes/{first}").get_data(as_text=True)
    line = html.split('id="other-classes">')[1].split("</p>")[0]
    assert line.startswith('Other classes of <span class="school-year">2026-2027</span>:</span>')
    assert f'href="/teacher/classes/{second}" aria-describedby="other-classes">3e A</a>' in line
    assert f"/teacher/classes/{last_year}\"" not in line and f"/classes/{first}\"" not in line
    alone = teacher.get(f"/teacher/classes/{last_year}").get_data(as_text=True)
    assert 'id="other-classes"' not in alone  # the only class of its year
    # From one class's students to the next class's students (the same tab).
    for tab in ("students", "live"):
        line = teacher.get(f"/teacher/classes/{first}/{tab}").text.split(
            'id="other-classes">')[1].split("</p>")[0]
        assert f'href="/teacher/classes/{second}/{tab}" aria-describedby' in line


def test_changing_one_setting_of_an_assignment_keeps_the_others(
        app: Flask, teacher: FlaskClient) -> None:
    """The class page's « Change its settings » opens the quiz's form filled with the
    assignment's rules: a teacher who raises the attempts allowed keeps the due date and the
    attempt that counts (the form showed the defaults, and saving reset them)."""
    from lxml import html as lxml_html

    class_id, _code = create_class(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == VELO))
    page = f"/teacher/classes/{class_id}"
    post(teacher, page, {"quiz": str(quiz_id), "due_at": "2030-12-11T18:00", "counting": "first",
                         "max_attempts": "2", "review_answers": "never"})
    link = re.search(r'<a href="([^"]+)" id="settings-\d+"[^>]*>Change its settings</a>',
                     teacher.get(page).get_data(as_text=True)).group(1)
    form = next(f for f in lxml_html.fromstring(teacher.get(link.replace("&amp;", "&")).text)
                .forms if "/assign" in f.action)
    values = dict(form.form_values())
    # What « the best » with no limit lets a student do, said beside the choice.
    assert "a student can take it again until every answer is right" in lxml_html.tostring(
        form, encoding="unicode")
    assert (values["due_at"], values["counting"], values["max_attempts"], values["classes"],
            values["review_answers"]) == ("2030-12-11T18:00", "first", "2", str(class_id),
                                          "never")
    values["max_attempts"] = "3"  # the one change
    assert "<h1>Change its settings</h1>" in lxml_html.tostring(
        form.getroottree(), encoding="unicode")
    response = teacher.post(form.action, data=values)
    assert response.headers["Location"] == f"/teacher/classes/{class_id}#assigned"  # back
    assert "Its settings changed in 4e B." in teacher.get(
        response.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        (kept,) = db.session.scalars(sa.select(Assignment)).all()
        assert (kept.due_at, kept.counting, kept.max_attempts, kept.review_answers) == (
            dt.datetime(2030, 12, 11, 17, 0, 59, 999999, tzinfo=dt.UTC), "first", 3, "never")
    # Choosing it again on the class page changes nothing there: it opens these settings.
    again = post(teacher, page, {"quiz": str(quiz_id), "counting": "best"})
    assert again.headers["Location"] == f"/teacher/quizzes/{VELO}/assign?class={class_id}"
    shown = teacher.get(again.headers["Location"]).get_data(as_text=True)
    assert "is assigned to 4e B already: here are its settings." in shown
    assert 'value="2030-12-11T18:00"' in shown
    with app.app_context():
        assert db.session.scalar(sa.select(Assignment.counting)) == "first"


def test_a_student_is_told_before_and_after_that_late_work_does_not_count(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """Éloïse was absent: the quiz was due yesterday. Her home and the quiz's page say that an
    attempt now will not count, and her results say it was handed in late; Léo, in a class
    whose due date is tomorrow, is told nothing of the kind."""
    late_class, late_code = create_class(teacher, "4e B")
    on_time_class, on_time_code = create_class(teacher, "4e C")
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    for class_id, due in ((late_class, -1), (on_time_class, 1)):
        post(teacher, f"/teacher/classes/{class_id}",
             {"quiz": str(quiz_id), "due_at": _school_time(dt.timedelta(days=due)),
              "counting": "best"})
    eloise, leo = app.test_client(), app.test_client()
    auth.register("eloise", "Éloïse", late_code, client=eloise)
    auth.register("leo", "Léo", on_time_code, client=leo)
    home = eloise.get("/").get_data(as_text=True)
    assert "(an attempt now is late and does not count)" in home
    overview = eloise.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert 'id="late-warning"' in overview and "does not count on the leaderboard" in overview
    # The quiz page too, where she answers (it said nothing of the due date): the notice shown;
    # Léo's, due tomorrow, says when, the notice kept for the moment it passes (due-line.js).
    for student, late in ((eloise, True), (leo, False)):
        token = csrf_token(student.get("/").get_data(as_text=True))
        page = student.get(student.post(f"/quizzes/{SEED_QUIZ}/start", data={
            "csrf_token": token}).headers["Location"]).get_data(as_text=True)
        assert ('<p class="flash flash-info" id="late-warning">' in page) is late
        assert ('<p class="flash flash-info" id="late-warning" hidden>' in page) is not late
        assert ('<p class="meta" id="due-line"' in page and "Due " in page) is True
        assert ("js/due-line.js" in page) is not late
    submit_seed(app, eloise, 0)
    with app.app_context():
        attempt_id = db.session.scalar(sa.select(Attempt.id).order_by(Attempt.id))  # hers
    results = eloise.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "Handed in after the due date (" in results
    board = eloise.get(f"/classes/{late_class}/board/{SEED_QUIZ}").get_data(as_text=True)
    row = board.split('id="me"')[1].split("</tr>")[0]
    assert "handed in late: does not count" in row and "not done yet" not in row
    assert "late" not in leo.get("/").get_data(as_text=True).split("Assigned to you")[1][:600]
    assert 'id="late-warning"' not in leo.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    submit_seed(app, leo, 0)
    with app.app_context():
        leos = db.session.scalar(sa.select(Attempt.id).order_by(Attempt.id.desc()))
    assert "Handed in after" not in leo.get(f"/attempts/{leos}").get_data(as_text=True)
    # Inès is in both classes: late for 4e B only. Her results say it, beside what counts for
    # 4e C (only « what counts for 4e C » was said).
    ines = app.test_client()
    auth.register("ines", "Inès", on_time_code, client=ines)
    post(ines, "/classes/join", {"code": late_code})
    submit_seed(app, ines, 0)
    with app.app_context():
        hers = db.session.scalar(sa.select(Attempt.id).order_by(Attempt.id.desc()))
    assert ("Handed in after the due date of 4e B: it does not count there."
            in ines.get(f"/attempts/{hers}").get_data(as_text=True))


def test_a_teacher_creates_accounts_for_a_class_that_cannot_register(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    """Mme Durand types her pupils' names: each gets an account in the class with a username
    and a temporary password, shown once; a pupil logs in with hers and chooses her own. A
    list with a problem names its lines and creates nobody."""
    class_id, code = create_class(teacher)
    auth.register("lea", "Léa M.", code, client=app.test_client())  # registered herself
    url = f"/teacher/classes/{class_id}/students/new"
    assert f'href="{url}"' in teacher.get(f"/teacher/classes/{class_id}/students").text
    refused = post(teacher, url, {"names": "Zoé Martin\n\nléa m.\nZoé Martin\nA\u202eB\n"})
    assert refused.status_code == 422
    errors = refused.get_data(as_text=True)
    assert "No account was created: correct or remove these lines, then send the list" in errors
    assert "Line 4: the same name as line 1" in errors
    assert "Line 5: " in errors  # every line said at once, the name taken in the class too
    assert ("Line 3: léa m. is in this class already: their account exists (for a new "
            "password, open their page from the class&#39;s list); for another pupil of that name, "
            "add an initial") in errors
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 2  # prof and Léa
    refused = post(teacher, url, {"names": "Zoé Martin\nLéa M.\n"})
    assert "Line 2: Léa M. is in this class already" in refused.get_data(as_text=True)
    # A name too long says by how much.
    long = post(teacher, url, {"names": "Anne-Sophie de La Rochefoucauld-Montmorency"}).text
    assert ("Line 1: Use at most 40 characters for the name (this one has 43): shorten it, "
            "with an initial for example.") in long
    # Pasted from a spreadsheet: its two columns (tabs) are the words of one name.
    made = post(teacher, url, {"names": "Zoé Martin\nÉloïse Petitjean\nМаша\nDURAND\tHugo\n"})
    assert made.status_code == 200 and made.headers["Cache-Control"] == "no-store"
    html = made.get_data(as_text=True)
    # The printed sheet says where and how to log in (a class that never saw the site).
    assert ("To log in, go to http://localhost/login and type your username and your password: "
            "a temporary one is then replaced by one you choose.") in html
    # On paper each row is a slip to cut out, with the address (the screen shows it once).
    assert html.count('<td class="print-only" data-label="Where to log in">'
                      'http://localhost/login</td>') == 4
    rows = re.findall(r'<th scope="row">([^<]+)</th>\s*<td[^>]*><code>([^<]+)</code></td>\s*'
                      r'<td[^>]*><code>([^<]+)</code></td>', html)
    assert [(name, username) for name, username, _password in rows] == [
        ("Zoé Martin", "zoe.martin"), ("Éloïse Petitjean", "eloise.petitjean"),
        ("Маша", "masha"), ("DURAND Hugo", "durand.hugo")]
    with app.app_context():
        room = db.session.get_one(Classroom, class_id)
        assert sorted(m.user.display_name for m in room.memberships) == [
            "DURAND Hugo", "Léa M.", "Zoé Martin", "Éloïse Petitjean", "Маша"]
    # Zoé logs in with her slip, and must choose her own password first.
    zoe = app.test_client()
    page = zoe.get("/login").get_data(as_text=True)
    response = zoe.post("/login", data={"csrf_token": csrf_token(page), "username": "zoe.martin",
                                        "password": rows[0][2]})
    assert response.status_code == 302
    assert "/account/password" in zoe.get("/").headers.get("Location", "")
    chosen = zoe.post("/account/password", follow_redirects=True, data={
        "csrf_token": csrf_token(zoe.get("/account/password").text),
        "password": "velo-rouge-du-lundi", "password2": "velo-rouge-du-lundi"}).text
    # Her first password of her own: no word of other devices logged out (she had none).
    assert "Your own password is set: log in with it from now on." in chosen
    assert "logged out" not in chosen
    # Next year's class (or another subject's group) of the same teacher: Zoé keeps her
    # account, added to it; only Noé, new, gets one.
    other, _code = create_class(teacher, "3e B")
    again = post(teacher, f"/teacher/classes/{other}/students/new",
                 {"names": "Zoé Martin\nNoé Petit"}).get_data(as_text=True)
    assert "2 students added to 3e B" in again
    assert ("1 of them already had an account in another of your classes: added to this one "
            "with it (same username, results kept)") in again
    assert "<code>zoe.martin</code>" in again
    # She logged in with her slip and chose her password: it is hers, unchanged.
    assert "unchanged: the password they chose (account from 4e B · 2026-2027)" in again
    assert "<code>noe.petit</code>" in again
    with app.app_context():
        zoe_id = db.session.scalar(sa.select(User.id).where(User.username == "zoe.martin"))
        assert {m.classroom_id for m in db.session.scalars(
            sa.select(Membership).where(Membership.user_id == zoe_id))} == {class_id, other}
        assert db.session.scalar(sa.select(sa.func.count(User.id)).where(
            User.display_name == "Zoé Martin")) == 1
    # Noé never logged in with the slip of 3e B: the club's sheet gives him a password that
    # works (the other one stops), and says so.
    first = re.search(r"<code>noe.petit</code></td>\s*<td[^>]*><code>([^<]+)</code>", again)
    club, _code = create_class(teacher, "Club presse")
    sheet = post(teacher, f"/teacher/classes/{club}/students/new",
                 {"names": "Noé Petit"}).get_data(as_text=True)
    second = re.search(r"<code>noe.petit</code></td>\s*<td[^>]*><code>([^<]+)</code>", sheet)
    assert first and second and first.group(1) != second.group(1)
    assert "(new: the one given in 3e B · 2026-2027 no longer works)" in sheet
    noe = app.test_client()
    for password, works in ((first.group(1), False), (second.group(1), True)):
        response = noe.post("/login", data={"csrf_token": csrf_token(noe.get("/login").text),
                                            "username": "noe.petit", "password": password})
        assert (response.status_code == 302) is works
    # Another teacher's Zoé Martin is another child: another account, another username.
    users.make("prof2", "M. Bernard", role="teacher")
    bernard = app.test_client()
    auth.log_in("prof2", client=bernard)
    theirs, _code = create_class(bernard, "5e A")
    made = post(bernard, f"/teacher/classes/{theirs}/students/new", {"names": "Zoé Martin"})
    assert "<code>zoe.martin2</code>" in made.get_data(as_text=True)


def test_saving_other_settings_keeps_the_stored_due_moment(
        app: Flask, teacher: FlaskClient) -> None:
    """The form shows the due date to the minute, in the school's time: sent back unchanged,
    it keeps the moment stored — the second 02:30 of the night the clocks go back (typed again
    it would be the first, an hour earlier), or a due date stored on the minute."""
    class_id, _code = class_given_seed(app, teacher)
    settings = f"/teacher/quizzes/{SEED_QUIZ}/assign?class={class_id}"
    for stored in (dt.datetime(2027, 10, 31, 1, 30, 59, 999999, tzinfo=dt.UTC),  # 02:30 CET
                   dt.datetime(2030, 3, 2, 9, 0, tzinfo=dt.UTC)):
        with app.app_context():
            db.session.execute(sa.update(Assignment).values(due_at=stored, max_attempts=None))
            db.session.commit()
        fields = form_fields(teacher.get(settings).text, "assign-form")
        saved = post(teacher, settings, {**fields, "classes": str(class_id), "max_attempts": "2"})
        assert saved.status_code == 302
        with app.app_context():
            kept = db.session.scalar(sa.select(Assignment))
            assert (kept.due_at, kept.max_attempts) == (stored, 2)


def test_a_teacher_sees_the_work_done_in_their_class_not_before_it(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """Léa practised the quiz on her own before joining (the quiz shared with everyone): that
    work is not her teacher's to see — neither on her page nor in the list of attempts —
    while what she does in the class is."""
    class_id, code = create_class(teacher)
    student = app.test_client()
    auth.register("lea", "Léa", client=student)
    submit_seed(app, student, 5)  # on her own, before the class gave it
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
        before = db.session.scalar(sa.select(Attempt.id))
    post(teacher, f"/teacher/classes/{class_id}", {"quiz": str(quiz_id), "counting": "best"})
    post(student, "/classes/join", {"code": code})
    submit_seed(app, student, 1)
    with app.app_context():
        lea = db.session.scalar(sa.select(User.id).where(User.username == "lea"))
        after = db.session.scalar(sa.select(sa.func.max(Attempt.id)))
    shown = teacher.get(f"/teacher/classes/{class_id}/students/{lea}").get_data(as_text=True)
    assert f"/attempts/{after}" in shown and f"/attempts/{before}" not in shown
    assert teacher.get(f"/teacher/classes/{class_id}/students/{lea}/attempts/{before}"
                       ).status_code == 404
    scores = teacher.get(f"/teacher/classes/{class_id}/scores.csv").get_data(as_text=True)
    assert scores.count("Léa") == 1  # her attempt in the class only



def test_late_work_done_before_joining_is_not_the_classes_to_see(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """The quiz was due yesterday; Léa did it today on her own, then joins the class: its
    gradebook and boards say nothing of that attempt (made before she was in it); her late
    attempt in the class is marked late as any other."""
    class_id, code = create_class(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    post(teacher, f"/teacher/classes/{class_id}",
         {"quiz": str(quiz_id), "due_at": _school_time(-dt.timedelta(days=1)),
          "counting": "best"})
    student = app.test_client()
    auth.register("lea", "Léa", client=student)
    submit_seed(app, student, 3)  # alone, after the due date
    post(student, "/classes/join", {"code": code})
    gradebook = teacher.get(f"/teacher/classes/{class_id}/gradebook.csv").get_data(as_text=True)
    assert "late" not in gradebook.split("Léa")[1].splitlines()[0]
    board = teacher.get(f"/classes/{class_id}/board/{SEED_QUIZ}").get_data(as_text=True)
    assert "handed in late" not in board
    submit_seed(app, student, 2)  # in the class, after the due date: late
    gradebook = teacher.get(f"/teacher/classes/{class_id}/gradebook.csv").get_data(as_text=True)
    assert "late: 10" in gradebook.split("Léa")[1].splitlines()[0]


def test_a_teacher_sees_each_stay_in_the_class_not_what_came_before_or_between(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """Léa practised on her own, joined, did the quiz in the class, was taken out, practised
    alone, was put back in: her page shows the two attempts made in the
    class (the first stay's too, after she came back), never what she did alone before
    joining or while out of the class — also while she is out of it."""
    class_id, code = create_class(teacher)
    page = f"/teacher/classes/{class_id}"
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    post(teacher, page, {"quiz": str(quiz_id), "counting": "latest"})
    student = app.test_client()
    auth.register("lea", "Léa", client=student)

    def newest() -> int:
        with app.app_context():
            return db.session.scalar(sa.select(sa.func.max(Attempt.id)))

    submit_seed(app, student, 5)  # alone, before joining
    alone_before = newest()
    post(student, "/classes/join", {"code": code})
    submit_seed(app, student, 2)  # in the class
    first_stay = newest()
    with app.app_context():
        lea = db.session.scalar(sa.select(User.id).where(User.username == "lea"))
    post(teacher, f"{page}/members/{lea}/remove", page=page)
    submit_seed(app, student, 4)  # alone, out of the class
    while_out = newest()
    student_page = f"{page}/students/{lea}"

    def shown() -> tuple[set[int], set[int]]:
        text = teacher.get(student_page).get_data(as_text=True)
        listed = {a for a in (alone_before, first_stay, while_out) if f"/attempts/{a}\"" in text}
        opened = {a for a in (alone_before, first_stay, while_out)
                  if teacher.get(f"{student_page}/attempts/{a}").status_code == 200}
        return listed, opened

    assert shown() == ({first_stay}, {first_stay})  # out of the class: her stay only
    post(teacher, f"{page}/removals/{lea}", page=page)  # put back in the class
    submit_seed(app, student, 1)  # in the class again
    second_stay = newest()
    listed, opened = shown()
    assert listed == opened == {first_stay}
    text = teacher.get(student_page).get_data(as_text=True)
    assert f"/attempts/{second_stay}\"" in text
    scores = teacher.get(f"{page}/scores.csv").get_data(as_text=True)
    assert scores.count("Léa") == 2  # one line per attempt made in the class


def test_a_time_the_clocks_skip_in_spring_is_refused_with_one_that_exists(
        app: Flask, teacher: FlaskClient) -> None:
    """In Paris the clocks go from 02:00 to 03:00 on the last Sunday of March: « due 02:30 »
    that night names no moment (it was moved an hour without a word). The form says so and
    stores nothing; the autumn's 02:30, shown twice, is taken as its first."""
    class_id, _code = create_class(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    refused = post(teacher, f"/teacher/classes/{class_id}",
                   {"quiz": str(quiz_id), "due_at": "2030-03-31T02:30", "counting": "best"})
    assert refused.status_code == 422
    assert ("02:30 does not exist in Europe/Paris on March 31, 2030: the clocks go forward that "
            "night. Choose a time after the change, e.g. 03:30.") in refused.text
    url = f"/teacher/quizzes/{SEED_QUIZ}/assign?class={class_id}"
    french = teacher.post(url, headers={"Accept-Language": "fr"}, data={
        "csrf_token": csrf_token(teacher.get(url).text), "classes": str(class_id),
        "opens_at": "2030-03-31 02:00", "counting": "best"})
    assert french.status_code == 422
    assert "02:00 n’existe pas le 31\u00a0mars 2030 dans le fuseau Europe/Paris" in french.text
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0
    post(teacher, f"/teacher/classes/{class_id}",
         {"quiz": str(quiz_id), "due_at": "2030-10-27T02:30", "counting": "best"})
    with app.app_context():
        due = db.session.scalar(sa.select(Assignment.due_at))
    assert due == dt.datetime(2030, 10, 27, 0, 30, 59, 999999, tzinfo=dt.UTC)  # summer time


def test_the_teacher_sees_work_saved_but_not_submitted(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """Inès answered every question and pressed « Save for later », believing she had handed
    it in: the page says it is not, and her teacher's page of her says she started it and
    how far she got (not what she chose) — until she submits."""
    from tests.test_student_pages import answers, questions_of, start, submit
    class_id, code = class_given_seed(app, teacher)
    student = app.test_client()
    auth.register("ines", "Inès", code, client=student)
    url = start(student)
    chosen = answers(questions_of(app, url), wrong={2})
    token = csrf_token(student.get(url).text)
    saved = student.post(f"{url}/answers", data={"csrf_token": token, **chosen},
                         follow_redirects=True).text
    assert ("Saved, not submitted yet (12 of 12 answers): nothing is graded until you press "
            "“Submit my answers”.") in saved
    assert ("12 of 12 answers saved: you can carry on here or on another device. Not submitted "
            "yet: press “Submit my answers”.") in saved  # the line above the quiz, too
    with app.app_context():
        ines = db.session.scalar(sa.select(User.id).where(User.username == "ines"))
    page = teacher.get(f"/teacher/classes/{class_id}/students/{ines}").text
    shown = page.split('id="unsubmitted"')[1].split("</section>")[0]
    assert "Started, not submitted" in shown and "12 of 12 answers saved" in shown
    assert "Russie et Corée du Nord" in shown
    assert not any(f'value="{choice}"' in page for choice in chosen.values())
    french = teacher.get(f"/teacher/classes/{class_id}/students/{ines}",
                         headers={"Accept-Language": "fr"}).text
    assert "Commencé, pas envoyé" in french and "12 réponses sur 12 enregistrées" in french
    submit(student, url, chosen)
    assert 'id="unsubmitted"' not in teacher.get(
        f"/teacher/classes/{class_id}/students/{ines}").text


def test_putting_back_a_student_whose_name_was_taken_meanwhile_says_what_to_do(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    class_id, code = create_class(teacher)
    page = f"/teacher/classes/{class_id}"
    lea = users.make("lea", "Léa")
    student = app.test_client()
    auth.log_in("lea", client=student)
    post(student, "/classes/join", {"code": code})
    post(teacher, f"{page}/members/{lea}/remove", page=page)
    auth.register("lea2", "Léa", code, client=app.test_client())  # another Léa, meanwhile
    refused = post(teacher, f"{page}/removals/{lea}", page=page)
    shown = teacher.get(refused.headers["Location"]).get_data(as_text=True)
    assert ("Someone in the class now has the name Léa: rename one of them first (on the "
            "student&#39;s page).") in shown
    assert "Léa" in shown.split('id="removed"')[1]  # still taken out, nothing changed
    assert student.get(f"/classes/{class_id}/board").status_code == 404


def test_a_second_class_of_the_same_name_and_year_is_refused(
        app: Flask, teacher: FlaskClient) -> None:
    """Two « 4e B » of 2026-2027, with two codes, would split the class between two boards:
    the form says there is one, and makes nothing; another year's 4e B is a new class."""
    create_class(teacher, "4e B")
    refused = post(teacher, "/teacher/", {"name": " 4E b ", "school_year": "2026-2027"})
    assert refused.status_code == 422
    assert ("You have a class 4E b for 2026-2027 already: open it from your classes, or give "
            "this one another name (e.g. 4E b group 2).") in refused.text
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Classroom.id))) == 1
    # The same year written otherwise is the same year.
    for written in ("2026/2027", "2026 - 2027", "2026-27", "2026–2027"):
        again = post(teacher, "/teacher/", {"name": "4e B", "school_year": written})
        assert again.status_code == 422 and "for 2026-2027 already" in again.text
    # Two years that make no school year: a slip, refused (« 2027-2026 » made a year of its
    # own, beside the class's real one).
    for slip in ("2027-2026", "2026-2028", "26/25"):
        backwards = post(teacher, "/teacher/", {"name": "4e D", "school_year": slip})
        assert backwards.status_code == 422
        assert ("A school year runs from one year to the next: write it as "
                "2026\u20112027.") in backwards.text
    # Copied from that message (its hyphen no line breaks at), the year is read as any other.
    copied = post(teacher, "/teacher/", {"name": "4e D", "school_year": "2026\u20112027"})
    assert copied.status_code == 302

    made = post(teacher, "/teacher/", {"name": "4e B", "school_year": "2027/28"})
    assert made.status_code == 302
    with app.app_context():
        assert set(db.session.scalars(sa.select(Classroom.school_year))) == {
            "2026-2027", "2027-2028"}


def test_the_class_form_offers_the_school_year_under_way(
        app: Flask, teacher: FlaskClient, monkeypatch) -> None:
    """« Année scolaire » was required and empty (a walkthrough): it is filled in with the year
    under way in the school's time zone — from August to July —, and a form sent back keeps
    what the teacher typed."""
    import quiz.teacher.routes as routes
    from quiz.services.classes import school_year_of

    assert [school_year_of(dt.date(2026, 7, 31)), school_year_of(dt.date(2026, 8, 1)),
            school_year_of(dt.date(2027, 1, 15))] == ["2025-2026", "2026-2027", "2026-2027"]
    monkeypatch.setattr(routes, "school_today", lambda: dt.date(2027, 3, 2))
    page = teacher.get("/teacher/").text
    assert re.search(r'id="school_year"[^>]*value="2026-2027"|value="2026-2027"[^>]*'
                     r'id="school_year"', page)
    sent = post(teacher, "/teacher/", {"name": "", "school_year": "2027"})
    assert sent.status_code == 422 and 'value="2027"' in sent.text


def test_a_class_with_a_typo_is_renamed_and_keeps_its_code_students_and_work(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """« 4ème B » for « 26-27 »: renamed 4e B for 2026-2027 from its page, its code, students
    and work kept; a name the teacher has for that year is refused, saying which, and nothing
    changes; as a new class's, « 26-27 » is written 2026-2027."""
    other, _code = create_class(teacher, "4e C")
    response = post(teacher, "/teacher/", {"name": "4ème B", "school_year": "26-27"})
    class_id = int(response.headers["Location"].split("/")[3])
    page = teacher.get(f"/teacher/classes/{class_id}/students").text
    assert "4ème B <span class=\"muted school-year\">· 2026-2027</span>" in page
    code = re.search(r'id="join-code">([A-Z0-9]+)<', page).group(1)
    assert f'href="/teacher/classes/{class_id}/name" id="rename-class">Rename the class' in page
    auth.register("lea", "Léa M.", code, client=app.test_client())
    url = f"/teacher/classes/{class_id}/name"
    form = teacher.get(url).text
    assert 'value="4ème B"' in form and 'value="2026-2027"' in form
    refused = post(teacher, url, {"name": "4E C ", "school_year": "2026/2027"})
    assert refused.status_code == 422
    assert ("You have a class 4E C for 2026-2027 already" in refused.text
            and 'aria-invalid="true"' in refused.text)
    # A zero-width space pasted in makes a class that reads as another: refused.
    invisible = post(teacher, url, {"name": "4e\u200b C", "school_year": "2026-2027"})
    assert invisible.status_code == 422 and "Remove the invisible characters" in invisible.text
    renamed = post(teacher, url, {"name": "4e B", "school_year": "2026-27"})
    assert renamed.headers["Location"] == f"/teacher/classes/{class_id}"
    page = teacher.get(f"/teacher/classes/{class_id}").text
    assert "The class is now 4e B · 2026-2027." in page
    students = teacher.get(f"/teacher/classes/{class_id}/students").text
    assert f'id="join-code">{code}<' in students and "Léa M." in students
    assert other != class_id
    with app.app_context():
        room = db.session.get_one(Classroom, class_id)
        assert (room.name, room.school_year, len(room.memberships)) == ("4e B", "2026-2027", 1)


def test_a_name_two_of_the_teachers_students_share_is_not_guessed(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    """Two Hugo Blanc in two of Mme Martin's classes: which one the new list means, the app
    cannot tell; the line says so, and nothing is made. A name alone never pulls an account
    in: Xavier renamed himself « Chloé Nguyen », and the new Chloé gets her own account."""
    class_id, _code = create_class(teacher, "4e B")
    post(teacher, f"/teacher/classes/{class_id}/students/new", {"names": "Hugo Blanc"})
    _other, _code = create_class(teacher, "4e C")  # another Hugo Blanc joined this one
    auth.register("hugo.blanc2", "Hugo Blanc", _code, client=app.test_client())
    users.make("xavier", "Chloé Nguyen")  # his own choice of display name
    xavier = app.test_client()
    auth.log_in("xavier", client=xavier)
    post(xavier, "/classes/join", {"code": _code})
    new, _new_code = create_class(teacher, "3e A")
    refused = post(teacher, f"/teacher/classes/{new}/students/new",
                   {"names": "Hugo Blanc\nInès Roy"})
    assert refused.status_code == 422
    assert ("Line 1: 2 of your students in other classes have this name (hugo.blanc, "
            "hugo.blanc2): add an initial to tell them apart, or let the right one join with "
            "the class&#39;s code") in refused.text
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Membership.id)).where(
            Membership.classroom_id == new)) == 0
        assert db.session.scalar(sa.select(User.id).where(User.display_name == "Inès Roy")) is None
    made = post(teacher, f"/teacher/classes/{new}/students/new", {"names": "Chloé Nguyen"}).text
    assert "<code>chloe.nguyen</code>" in made and "already had an account" not in made
    assert xavier.get(f"/classes/{new}/board").status_code == 404  # not pulled in


def test_names_in_any_script_make_usernames_and_older_ones_are_still_found(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """A UPE2A class: « Олена Шевченко » gets olena.shevchenko, « 张伟 » zhangwei (not
    student, student2…). Accounts lists made before that rule (student for Олена, ukasz.nowak
    for Łukasz) are still found as those students' by next year's list."""
    last_year, code = create_class(teacher, "UPE2A")
    auth.register("student", "Олена Шевченко", code, client=app.test_client())
    auth.register("ukasz.nowak", "Łukasz Nowak", code, client=app.test_client())
    new, _code = create_class(teacher, "4e B")
    made = post(teacher, f"/teacher/classes/{new}/students/new",
                {"names": "Олена Шевченко\nŁukasz Nowak\n张伟\nДмитро Коваль"}).text
    rows = re.findall(r'<th scope="row">([^<]+)</th>\s*<td[^>]*><code>([^<]+)</code>', made)
    assert rows == [("Олена Шевченко", "student"), ("Łukasz Nowak", "ukasz.nowak"),
                    ("张伟", "zhangwei"), ("Дмитро Коваль", "dmitro.koval")]
    assert "2 of them already had an account in another of your classes" in made
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(User.id)).where(
            User.display_name.in_(["Олена Шевченко", "Łukasz Nowak"]))) == 2
        assert db.session.scalar(sa.select(sa.func.count(Membership.id)).where(
            Membership.classroom_id == last_year)) == 2


def test_a_list_gives_no_username_a_registered_student_would_type_the_same(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """jean-baptiste.roux registered himself; the list's « Jean-Baptiste Roux » (another child,
    in another teacher's school) gets jean.baptiste.roux2, not the dotted twin that the first
    one's typed name would log in to."""
    auth.register("jean-baptiste.roux", "J-B R.", client=app.test_client())
    class_id, _code = create_class(teacher)
    made = post(teacher, f"/teacher/classes/{class_id}/students/new",
                {"names": "Jean-Baptiste Roux"}).text
    assert "<code>jean.baptiste.roux2</code>" in made


def test_a_student_taken_out_comes_back_by_put_back_not_by_a_list(
        app: Flask, teacher: FlaskClient) -> None:
    class_id, _code = create_class(teacher)
    page = f"/teacher/classes/{class_id}"
    post(teacher, f"{page}/students/new", {"names": "Léa Martin"})
    with app.app_context():
        lea = db.session.scalar(sa.select(User.id).where(User.username == "lea.martin"))
    post(teacher, f"{page}/members/{lea}/remove", page=page)
    refused = post(teacher, f"{page}/students/new", {"names": "Léa Martin"})
    assert refused.status_code == 422
    assert ("Line 1: Léa Martin was taken out of this class: to have them back, use “Put back "
            "in the class” in its list of students") in refused.text
    back = post(teacher, f"/teacher/classes/{class_id}/removals/{lea}", page=page)
    again = post(teacher, f"{page}/removals/{lea}", page=page)  # a second tap
    assert back.status_code == again.status_code == 302
    assert "Léa Martin is back in the class." in teacher.get(again.headers["Location"]).text
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 2  # the teacher, Léa
        assert db.session.scalar(sa.select(sa.func.count(Membership.id))) == 1


def test_a_class_no_student_was_ever_in_can_be_deleted(app: Flask, teacher: FlaskClient,
                                                       auth) -> None:
    """A class made twice by mistake: its rename page deletes it, one more step saying what
    goes (its assigned quizzes, its live quizzes; not the quizzes), and the teacher's classes
    no longer list it. A class a student joined, even one taken out since, cannot be: its
    page says why, and a forged request is refused, nothing deleted."""
    from quiz.models import Assignment, LiveSession, Quiz, Removal
    from quiz.services import live
    from quiz.services.classes import assign_quiz

    spare, _code = create_class(teacher, "4e B bis")
    with app.app_context():
        room = db.session.get_one(Classroom, spare)
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        assign_quiz(room, quiz, None, None, "best")
        live.start_session(room.teacher, room, quiz, guests_allowed=True)
    page = teacher.get(f"/teacher/classes/{spare}/name").text
    assert 'id="delete-class-step">Delete the class</summary>' in page
    assert "No student was ever in it: the quizzes it was given" in page
    deleted = post(teacher, f"/teacher/classes/{spare}/delete",
                   page=f"/teacher/classes/{spare}/name")
    assert deleted.status_code == 302 and deleted.headers["Location"] == "/teacher/"
    home = teacher.get("/teacher/").text
    assert "The class 4e B bis · 2026-2027 was deleted." in home and "4e B bis</a>" not in home
    assert teacher.get(f"/teacher/classes/{spare}").status_code == 404
    with app.app_context():
        assert db.session.get(Classroom, spare) is None
        assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0
        assert db.session.scalar(sa.select(sa.func.count(LiveSession.id))) == 0
        assert db.session.scalar(sa.select(sa.func.count(Quiz.id))) >= 1  # the quiz stays

    kept, code = create_class(teacher, "4e C")
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    with app.app_context():
        lea = db.session.scalar(sa.select(User.id).where(User.username == "lea"))
    post(teacher, f"/teacher/classes/{kept}/members/{lea}/remove",
         page=f"/teacher/classes/{kept}/students")
    with app.app_context():
        assert db.session.get(Removal, (kept, lea)) is not None  # taken out: still was in it
    page = teacher.get(f"/teacher/classes/{kept}/name").text
    assert "delete-class-step" not in page
    assert ('id="not-deletable">Students are or were in this class: it cannot be deleted '
            "(their work stays yours to see).</p>") in page
    refused = post(teacher, f"/teacher/classes/{kept}/delete",
                   page=f"/teacher/classes/{kept}/name")
    assert refused.status_code == 302 and refused.headers["Location"].endswith("/name")
    with app.app_context():
        assert db.session.get(Classroom, kept) is not None
