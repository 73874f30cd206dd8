"""The security checklist, one test per point, enumerated from the URL map where it applies."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import Attempt, Classroom, LiveSession, Quiz, User
from quiz.services import live
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.importer import import_items, prepare_import
from quiz.student.routes import needs_login
from tests.support import PASSWORD, SEED_QUIZ, csrf_token

# A sample value for every URL variable of every route; a route with a new variable name
# fails test_every_route_is_in_the_matrix until it gets one here.
URL_VALUES = {"slug": SEED_QUIZ, "attempt_id": 1, "key": "aucune-attaque",
              "filename": "css/app.css", "class_id": 1, "user_id": 1, "assignment_id": 1,
              "fmt": "gift", "number": 1, "session_id": 1}

ROLES = ("anonymous", "owner", "other_student", "teacher", "other_teacher")
LOGIN = "login"  # a redirect to the login page
USERNAMES = {"owner": "owner", "other_student": "other", "teacher": "prof",
             "other_teacher": "prof2"}

# (endpoint, method) → expected status per role. The attempt in URL_VALUES belongs to "owner",
# a student who has submitted it; every other role must not see it. Class 1 is "teacher"'s,
# with "owner" as its member and the seed quiz assigned; "other_student" is in class 2, of
# "other_teacher": a student of another class.
STUDENTS_403 = {"anonymous": LOGIN, "owner": 403, "other_student": 403}
CLASS_1_ONLY = {"anonymous": LOGIN, "owner": 200, "other_student": 404, "teacher": 200,
                "other_teacher": 404}
MATRIX: dict[tuple[str, str], dict[str, int | str]] = {
    ("static", "GET"): dict.fromkeys(ROLES, 200),
    ("auth.register", "GET"): {"anonymous": 200, **dict.fromkeys(ROLES[1:], 302)},
    ("auth.register", "POST"): {"anonymous": 200, **dict.fromkeys(ROLES[1:], 302)},
    ("auth.login", "GET"): {"anonymous": 200, **dict.fromkeys(ROLES[1:], 302)},
    ("auth.login", "POST"): {"anonymous": 200, **dict.fromkeys(ROLES[1:], 302)},
    ("auth.logout", "POST"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 302)},
    # Open to all; the matrix posts no language, which is refused.
    ("auth.choose_language", "POST"): dict.fromkeys(ROLES, 400),
    # The account pages: each user's own (no id in the address); an empty form is re-shown.
    ("auth.accessibility", "GET"): dict.fromkeys(ROLES, 200),
    ("auth.site_map", "GET"): dict.fromkeys(ROLES, 200),
    ("auth.account", "GET"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)},
    ("auth.account_name", "POST"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 422)},
    ("auth.password", "GET"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 302)},
    ("auth.password", "POST"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 422)},
    ("auth.account_data", "GET"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)},
    # A fresh form token for the quiz page's script: a 401 it can show, not the login page.
    ("auth.form_token", "GET"): {"anonymous": 401, **dict.fromkeys(ROLES[1:], 200)},
    # A student's empty form is re-shown; a teacher's account is not deleted here.
    ("auth.delete_account", "POST"): {"anonymous": LOGIN, "owner": 422, "other_student": 422,
                                      "teacher": 403, "other_teacher": 403},
    ("student.index", "GET"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)},
    ("student.history", "GET"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)},
    ("student.catalogue", "GET"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)},
    ("student.quiz_overview", "GET"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)},
    ("student.start", "POST"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 302)},
    ("student.attempt", "GET"): {"anonymous": LOGIN, "owner": 200, "other_student": 404,
                                 "teacher": 404, "other_teacher": 404},
    ("student.attempt", "POST"): {"anonymous": LOGIN, "owner": 302, "other_student": 404,
                                  "teacher": 404, "other_teacher": 404},
    # The owner's attempt is submitted: the save is refused, said on the attempt's page.
    ("student.save", "POST"): {"anonymous": LOGIN, "owner": 302, "other_student": 404,
                               "teacher": 404, "other_teacher": 404},
    # The owner's attempt is submitted: its results (a practice answer adds nothing).
    ("student.practice_answer", "POST"): {"anonymous": LOGIN, "owner": 302,
                                          "other_student": 404, "teacher": 404,
                                          "other_teacher": 404},
    ("student.retry", "GET"): {"anonymous": LOGIN, "owner": 200, "other_student": 404,
                               "teacher": 404, "other_teacher": 404},
    ("student.retry", "POST"): {"anonymous": LOGIN, "owner": 400, "other_student": 404,
                                "teacher": 404, "other_teacher": 404},
    ("student.passage", "GET"): {"anonymous": LOGIN, "owner": 200, "other_student": 404,
                                 "teacher": 404, "other_teacher": 404},
    ("student.join", "GET"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)},
    ("student.join", "POST"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)},
    ("teacher.index", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.index", "POST"): {**STUDENTS_403, "teacher": 422, "other_teacher": 422},
    ("teacher.classroom", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    ("teacher.classroom", "POST"): {**STUDENTS_403, "teacher": 422, "other_teacher": 404},
    ("teacher.class_students", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    ("teacher.class_live", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    ("teacher.regenerate_code", "POST"): {**STUDENTS_403, "teacher": 302, "other_teacher": 404},
    ("teacher.toggle_joining", "POST"): {**STUDENTS_403, "teacher": 302, "other_teacher": 404},
    ("teacher.toggle_hidden", "POST"): {**STUDENTS_403, "teacher": 302, "other_teacher": 404},
    ("teacher.remove_member", "POST"): {**STUDENTS_403, "teacher": 302, "other_teacher": 404},
    # A member, not taken out: back already, said (a second tap); tests/test_access_owners.py
    # puts back a student who was taken out.
    ("teacher.put_back", "POST"): {**STUDENTS_403, "teacher": 302, "other_teacher": 404},
    ("teacher.rename_member", "POST"): {**STUDENTS_403, "teacher": 422, "other_teacher": 404},
    ("teacher.reset_member_password", "POST"): {**STUDENTS_403, "teacher": 200,
                                                "other_teacher": 404},
    ("teacher.unassign", "POST"): {**STUDENTS_403, "teacher": 302, "other_teacher": 404},
    ("teacher.insight", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    ("teacher.insight_question", "GET"): {**STUDENTS_403, "teacher": 200,
                                          "other_teacher": 404},
    ("teacher.student", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    ("teacher.rename_class", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    ("teacher.rename_class", "POST"): {**STUDENTS_403, "teacher": 422, "other_teacher": 404},
    # (Its students keep it: refused, said on the rename page.)
    ("teacher.delete_class", "POST"): {**STUDENTS_403, "teacher": 302, "other_teacher": 404},
    ("teacher.new_students", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    # No names sent: the form comes back with its error.
    ("teacher.new_students", "POST"): {**STUDENTS_403, "teacher": 422, "other_teacher": 404},
    ("teacher.student_attempt", "GET"): {**STUDENTS_403, "teacher": 200,
                                         "other_teacher": 404},
    ("teacher.scores_csv", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    ("teacher.gradebook_csv", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    ("teacher.gradebook_xlsx", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    # The quiz bank is shared by the school's teachers.
    ("teacher.quizzes", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.upload", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.quiz_file_guide", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.upload", "POST"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.quiz_preview", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.quiz_download", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.quiz_handout", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.quiz_version", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.quiz_regrade", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    # No version sent (the page always sends the one it showed): a bad request.
    ("teacher.quiz_regrade", "POST"): {**STUDENTS_403, "teacher": 400, "other_teacher": 400},
    ("teacher.quiz_student_view", "GET"): {**STUDENTS_403, "teacher": 200,
                                           "other_teacher": 200},
    ("teacher.quiz_export", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.question_outdated", "POST"): {**STUDENTS_403, "teacher": 302,
                                            "other_teacher": 302},
    ("teacher.question_edit", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.question_edit", "POST"): {**STUDENTS_403, "teacher": 422, "other_teacher": 422},
    ("teacher.question_move", "POST"): {**STUDENTS_403, "teacher": 400, "other_teacher": 400},
    ("teacher.question_confirm", "POST"): {**STUDENTS_403, "teacher": 302,
                                           "other_teacher": 302},
    ("teacher.quiz_status", "POST"): {**STUDENTS_403, "teacher": 400, "other_teacher": 400},
    # Who sees the quiz: the matrix posts no choice, which is refused.
    ("teacher.quiz_visibility", "POST"): {**STUDENTS_403, "teacher": 400, "other_teacher": 400},
    # Article import and drafting (issue 7): shared by the school's teachers like the quizzes.
    # A POST with no source re-shows the form (422); the seed question is no draft, so reject
    # changes nothing and comes back with a message; the drafts page's one form without the
    # version it was shown on is refused (400).
    ("teacher.article_import", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.article_import", "POST"): {**STUDENTS_403, "teacher": 422, "other_teacher": 422},
    ("teacher.quiz_drafts", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.quiz_drafts", "POST"): {**STUDENTS_403, "teacher": 400, "other_teacher": 400},
    # Publish and assign (issue 20): any quiz of the bank, to the teacher's own classes only
    # (tests/test_access_owners.py); no class chosen re-shows the form.
    ("teacher.quiz_assign", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 200},
    ("teacher.quiz_assign", "POST"): {**STUDENTS_403, "teacher": 422, "other_teacher": 422},
    ("teacher.quiz_draft", "POST"): {**STUDENTS_403, "teacher": 302, "other_teacher": 302},
    # The drafting job's status (JSON, polled by the drafts page): none for the seed quiz.
    ("teacher.quiz_drafting_status", "GET"): {**STUDENTS_403, "teacher": 200,
                                              "other_teacher": 200},
    ("teacher.question_reject", "POST"): {**STUDENTS_403, "teacher": 302,
                                          "other_teacher": 302},
    # Live mode (issue 23): session 1 is "teacher"'s, with class 1; "owner" has joined it.
    # An empty start form goes back to the class page with its message; no action: 400.
    ("teacher.live_start", "POST"): {**STUDENTS_403, "teacher": 422, "other_teacher": 404},
    ("teacher.live_control", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    ("teacher.live_control", "POST"): {**STUDENTS_403, "teacher": 400, "other_teacher": 404},
    ("teacher.live_projector", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    ("teacher.live_state", "GET"): {**STUDENTS_403, "teacher": 200, "other_teacher": 404},
    # Joining by code is open to every account (the code decides); an empty code: 422.
    ("student.live_join", "GET"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 200)},
    ("student.live_join", "POST"): {"anonymous": LOGIN, **dict.fromkeys(ROLES[1:], 422)},
    # A guest's join form (issue 23): for who has no account; an empty form is re-shown, and
    # someone logged in is sent to the join form of their account.
    ("student.live_guest", "GET"): {"anonymous": 200, **dict.fromkeys(ROLES[1:], 302)},
    ("student.live_guest", "POST"): {"anonymous": 422, **dict.fromkeys(ROLES[1:], 302)},
    # The phone's page and state: the participants only (an empty answer: its message).
    ("student.live_phone", "GET"): {"anonymous": LOGIN, "owner": 200, "other_student": 404,
                                    "teacher": 404, "other_teacher": 404},
    ("student.live_phone", "POST"): {"anonymous": LOGIN, "owner": 302, "other_student": 404,
                                     "teacher": 404, "other_teacher": 404},
    ("student.live_state", "GET"): {"anonymous": LOGIN, "owner": 200, "other_student": 404,
                                    "teacher": 404, "other_teacher": 404},
    ("boards.board", "GET"): CLASS_1_ONLY,
    ("boards.quiz_board", "GET"): CLASS_1_ONLY,
    ("boards.projector", "GET"): CLASS_1_ONLY,
    ("boards.quiz_projector", "GET"): CLASS_1_ONLY,
    ("boards.quiz_boards", "GET"): CLASS_1_ONLY,
    ("boards.board_json", "GET"): CLASS_1_ONLY,
}
# Routes that change what the others see: checked last.
DESTRUCTIVE = {"teacher.remove_member", "teacher.unassign", "auth.logout",
               "teacher.quiz_draft"}  # drafts unpublish the quiz until reviewed


def routes(app: Flask) -> list[tuple[str, str, str]]:
    """(endpoint, method, URL with sample values) for every route of the app."""
    found: list[tuple[str, str, str]] = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            missing = set(rule.arguments) - set(URL_VALUES)
            assert not missing, f"add a sample value for {missing} of {rule.rule} to URL_VALUES"
            url = app.url_for(rule.endpoint, **{a: URL_VALUES[a] for a in rule.arguments})
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                found.append((rule.endpoint, method, url))
    return sorted(found, key=lambda route: route[0] in DESTRUCTIVE)


@pytest.fixture
def clients(app: Flask, demo_quizzes: None, users, auth) -> dict[str, FlaskClient]:
    """A client per role; the owner has submitted attempt 1 on the seed quiz."""
    users.make("owner")
    users.make("other")
    users.make("prof", role="teacher")
    users.make("prof2", role="teacher")
    by_role = {"anonymous": app.test_client()}
    for role, username in USERNAMES.items():
        by_role[role] = app.test_client()
        auth.log_in(username, client=by_role[role])
    owner = by_role["owner"]
    with app.app_context():
        by_name = {u.username: u for u in db.session.scalars(sa.select(User))}
        assert by_name["owner"].id == URL_VALUES["user_id"]
        first = create_class(by_name["prof"], "4e B", "2026-2027")
        second = create_class(by_name["prof2"], "3e A", "2026-2027")
        join_class(by_name["owner"], first.join_code)
        join_class(by_name["other"], second.join_code)
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        assign_quiz(first, quiz, None, None, "best")
        assert (first.id, second.id) == (1, 2)
    # The attempt made in the class, for its assignment (its teacher sees it).
    token = csrf_token(owner.get("/").get_data(as_text=True))
    attempt_url = owner.post(f"/quizzes/{SEED_QUIZ}/start",
                             data={"csrf_token": token}).headers["Location"]
    assert attempt_url == "/attempts/1"
    with app.app_context():
        attempt = db.session.get_one(Attempt, 1)
        answers = {f"q{q.id}": str(q.choices[0].id) for q in attempt.revision.questions}
    owner.post(attempt_url, data={"csrf_token": token, **answers})
    with app.app_context():
        by_name = {u.username: u for u in db.session.scalars(sa.select(User))}
        first = db.session.get_one(Classroom, 1)
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        session = live.start_session(by_name["prof"], first, quiz)
        live.join(session, by_name["owner"])
        assert session.id == URL_VALUES["session_id"]
    return by_role



def sent_to_login(location: str, url: str, method: str = "GET", endpoint: str = "") -> bool:
    """`url` answered with the login page, and the page to come back to (the home page, the
    front door, without; a student's form sent from no page, without too: quiz/student/
    routes.py to_login)."""
    if url == "/" or (method != "GET" and endpoint.startswith("student.")):
        return location == "/login"
    return location.startswith("/login?next=")

def test_a_guest_reaches_their_sessions_phone_and_nothing_else(
        app: Flask, clients: dict[str, FlaskClient]) -> None:
    """A live quiz's guest (no account: a token in their session) gets what anyone without an
    account gets everywhere, but their own session's phone page and state; another session's
    are as closed to them as to anyone."""
    with app.app_context():
        first = db.session.get_one(LiveSession, URL_VALUES["session_id"])
        with write_transaction():
            first.guests_allowed = True
            # Left open since the morning: the class may start another (one at a time).
            first.created_at -= dt.timedelta(hours=live.LIVE_NOW_HOURS + 1)
        code = first.code
        other = live.start_session(first.classroom.teacher, first.classroom, first.quiz,
                                   guests_allowed=True)
        other_id = other.id
    guest = app.test_client()
    page = guest.get(f"/live/guest?code={code}")
    assert page.status_code == 200
    response = guest.post("/live/guest", data={
        "csrf_token": csrf_token(page.get_data(as_text=True)), "code": code,
        "nickname": "Invité 1"})
    assert response.headers["Location"] == f"/live/{URL_VALUES['session_id']}"
    theirs = {("student.live_phone", "GET"): 200, ("student.live_phone", "POST"): 302,
              ("student.live_state", "GET"): 200}
    failures = []
    for endpoint, method, url in routes(app):
        if endpoint in DESTRUCTIVE:
            continue
        expected = theirs.get((endpoint, method), MATRIX[(endpoint, method)]["anonymous"])
        token = csrf_token(guest.get("/login").get_data(as_text=True))
        response = guest.open(url, method=method, data={"csrf_token": token})
        got: int | str = response.status_code
        response.close()
        if got == 302 and sent_to_login(response.headers["Location"], url, method, endpoint):
            got = LOGIN
        if got != expected:
            failures.append(f"{method} {url} as a guest: {got}, expected {expected}")
    for url in (f"/live/{other_id}", f"/live/{other_id}/state.json"):
        got = guest.get(url).status_code
        if got != 404:
            failures.append(f"GET {url} (another session) as a guest: {got}, expected 404")
    assert not failures, "\n".join(failures)


def test_every_route_is_in_the_matrix(app: Flask) -> None:
    unlisted = {(e, m) for e, m, _url in routes(app)} - set(MATRIX)
    assert not unlisted, f"routes without an access-control entry in MATRIX: {unlisted}"


def test_access_control_matrix(app: Flask, clients: dict[str, FlaskClient], auth) -> None:
    failures = []
    for endpoint, method, url in routes(app):
        for role, client in clients.items():
            expected = MATRIX[(endpoint, method)][role]
            token_page = "/" if role != "anonymous" else "/login"
            token = csrf_token(client.get(token_page, follow_redirects=True).get_data(
                as_text=True))
            response = client.open(url, method=method, data={"csrf_token": token})
            got: int | str = response.status_code
            response.close()  # static files are streamed
            if got == 302 and sent_to_login(response.headers["Location"], url, method,
                                            endpoint):
                got = LOGIN
            if got != expected:
                failures.append(f"{method} {url} as {role}: {got}, expected {expected}")
            if endpoint == "auth.logout" and role in USERNAMES:
                # Stay logged in for the rest of the matrix.
                auth.log_in(USERNAMES[role], client=client)
            if endpoint == "teacher.reset_member_password" and got == 200:
                # The owner got a temporary password and was logged out: back as before.
                with app.app_context(), write_transaction():
                    owner = db.session.get_one(User, URL_VALUES["user_id"])
                    owner.set_password(PASSWORD)
                    owner.must_change_password = False
                auth.log_in("owner", client=clients["owner"])
    assert not failures, "\n".join(failures)


def test_every_post_route_without_a_csrf_token_is_refused(
        app: Flask, clients: dict[str, FlaskClient]) -> None:
    posts = [(endpoint, url) for endpoint, method, url in routes(app) if method == "POST"]
    assert len(posts) >= 5
    for endpoint, url in posts:
        for role in ("anonymous", "owner"):
            response = clients[role].post(url, data={"username": "owner", "password": PASSWORD})
            if role == "anonymous" and needs_login(endpoint):
                # A student's page with no session: refused as logged out (the login form),
                # which is what a student whose session ended must be told.
                assert response.status_code == 302, f"{endpoint} as {role}"
                assert response.headers["Location"] == "/login", endpoint  # no page sent it
            else:
                assert response.status_code == 400, f"{endpoint} as {role}"


def test_login_starts_a_new_session(client: FlaskClient, app: Flask, users) -> None:
    users.make("lea")
    token_before = csrf_token(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"csrf_token": token_before, "username": "lea",
                                "password": PASSWORD})
    # The token of the anonymous session does not work in the logged-in one.
    response = client.post("/logout", data={"csrf_token": token_before})
    assert response.status_code == 400
    assert client.get("/").status_code == 200


def test_a_form_from_another_address_is_refused_and_the_log_says_why(
        app: Flask, users, caplog: pytest.LogCaptureFixture) -> None:
    """Over HTTPS, Flask-WTF refuses a form whose Referer is another host, port included (a
    proxy that passed the host without its port refused every form, the login too): the
    user reads « expired or not sent from this site », the log gives the administrator
    Flask-WTF's reason (it logged nothing before: a bare "POST /login 400")."""
    users.make("lea")
    client = app.test_client()
    page = client.get("/login", base_url="https://quiz.example-school.fr:8443")
    with caplog.at_level(logging.WARNING, logger="quiz"):
        refused = client.post(
            "/login", base_url="https://quiz.example-school.fr",
            headers={"Referer": "https://quiz.example-school.fr:8443/login"},
            data={"csrf_token": csrf_token(page.get_data(as_text=True)), "username": "lea",
                  "password": PASSWORD})
    assert refused.status_code == 400
    assert "This form has expired or was not sent from this site" in refused.get_data(
        as_text=True)
    assert [r.getMessage() for r in caplog.records if r.name == "quiz"] == [
        "form refused on POST '/login': The referrer does not match the host."]


def test_cookies_are_httponly_samesite_and_secure_over_https(app: Flask, users) -> None:
    users.make("lea")
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"csrf_token": token, "username": "lea",
                                           "password": PASSWORD, "remember": "y"})
    cookies = {c.split("=", 1)[0]: c for c in response.headers.getlist("Set-Cookie")}
    for name in ("session", "remember_token", "device"):
        assert "HttpOnly" in cookies[name] and "SameSite=Lax" in cookies[name], cookies[name]
        assert "Secure" not in cookies[name]
    assert app.config["PERMANENT_SESSION_LIFETIME"] <= 12 * 3600
    assert app.config["REMEMBER_COOKIE_DURATION"] <= 7 * 24 * 3600

    app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)
    secure = app.test_client()
    token = csrf_token(secure.get("/login").get_data(as_text=True))
    response = secure.post("/login", data={"csrf_token": token, "username": "lea",
                                           "password": PASSWORD, "remember": "y"})
    assert all("Secure" in c for c in response.headers.getlist("Set-Cookie"))


HOSTILE = '<script>alert("x")</script>"><img src=x onerror=alert(1)>'


def test_hostile_text_is_shown_as_text_everywhere(app: Flask, tmp_path: Path, users, auth) -> None:
    text = f"""# Titre {HOSTILE}

Language: fr
Date: 2024-11
Source: Journal {HOSTILE}

## Article

Un paragraphe {HOSTILE} avec du texte.

### Sous-titre {HOSTILE}

Un autre paragraphe.

## Questions

### q1
Type: mcq
Prompt: Question {HOSTILE} ?
- [x] Choix {HOSTILE}
- [ ] Autre choix
Passage: Un paragraphe {HOSTILE} avec
Explanation: Parce que {HOSTILE}.
"""
    (tmp_path / "hostile.md").write_text(text, encoding="utf-8")
    with app.app_context():
        import_items(prepare_import([tmp_path]))
    users.make("mallory", display_name='<script>alert("x")</script>')
    client = app.test_client()
    auth.log_in("mallory", client=client)
    token = csrf_token(client.get("/").get_data(as_text=True))
    url = client.post("/quizzes/hostile/start", data={"csrf_token": token}).headers["Location"]
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "hostile"))
        question = quiz.current_revision.questions[0]
        right = next(c.id for c in question.choices if c.is_correct)
    pages = {"list": client.get("/"), "overview": client.get("/quizzes/hostile"),
             "attempt": client.get(url)}
    client.post(url, data={"csrf_token": token, f"q{question.id}": str(right)})
    pages |= {"results": client.get(url), "passage": client.get(f"{url}/passages/q1"),
              "history": client.get("/history")}
    for name, response in pages.items():
        html = response.get_data(as_text=True)
        assert response.status_code == 200, name
        assert "<script>alert" not in html and "<img src=x" not in html, name
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html, name


def test_extra_form_fields_are_ignored(client: FlaskClient, app: Flask, demo_quizzes: None,
                                       auth) -> None:
    auth.register("eve", "Eve", role="teacher", is_teacher="1", id="99")
    with app.app_context():
        eve = db.session.scalar(sa.select(User).where(User.username == "eve"))
        assert eve.role == "student" and eve.id == 1
    token = csrf_token(client.get("/").get_data(as_text=True))
    url = client.post(f"/quizzes/{SEED_QUIZ}/start", data={"csrf_token": token}).headers[
        "Location"]
    with app.app_context():
        questions = db.session.get_one(Attempt, 1).revision.questions
        wrong = {f"q{q.id}": str(next(c.id for c in q.choices if not c.is_correct))
                 for q in questions}
    client.post(url, data={"csrf_token": token, **wrong, "score": "12", "status": "submitted"})
    with app.app_context():
        assert db.session.get_one(Attempt, 1).score == 0


def test_a_too_large_request_gets_413_with_a_clear_page(client: FlaskClient) -> None:
    response = client.post("/login", data={"username": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "What you sent is too large (the limit is 2 MB)." in response.get_data(as_text=True)


def test_an_unexpected_error_shows_a_generic_page_with_an_id_and_logs_the_details(
        app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    @app.route("/boom")
    def boom() -> str:
        raise RuntimeError("secret detail: SELECT * FROM user")

    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/boom")
    html = response.get_data(as_text=True)
    assert response.status_code == 500
    error_id = re.search(r"error number: ([0-9a-f]{12})", html).group(1)
    assert "secret detail" not in html and "Traceback" not in html and "SELECT" not in html
    assert error_id in caplog.text and "secret detail" in caplog.text
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "give your teacher this error number" in html


def test_a_teachers_error_page_names_whoever_runs_the_server(app: Flask, users, auth) -> None:
    @app.route("/boom")
    def boom() -> str:
        raise RuntimeError("secret detail")

    users.make("prof", "Mme Martin", role="teacher")
    teacher = app.test_client()
    auth.log_in("prof", client=teacher)
    html = teacher.get("/boom").get_data(as_text=True)
    assert "give whoever runs the server this error number:" in html
    assert "your teacher" not in html
