"""What a browser's form never sends, sent anyway: a file part where text is expected, text
where a file is expected, a JSON body. A form error or a 4xx, never a 500, nothing stored."""

from __future__ import annotations

import io
import re

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.extensions import db
from quiz.models import Classroom, QuizRevision, User
from tests.support import PASSWORD, SEED_QUIZ, csrf_token

pytestmark = pytest.mark.usefixtures("demo_quizzes")

# (who, page with a form, the form's address, its fields, the text field sent as a file)
FORMS = [
    ("nobody", "/login", "/login", {"username": "lea", "password": PASSWORD}, "username"),
    ("nobody", "/register", "/register", {"username": "zoe", "display_name": "Zoé",
                                          "password": PASSWORD, "password2": PASSWORD},
     "display_name"),
    ("student", "/classes/join", "/classes/join", {"code": "ABC123"}, "code"),
    ("teacher", "/teacher/", "/teacher/", {"name": "4e B", "school_year": "2026-2027"},
     "name"),
    ("teacher", "/teacher/quizzes/article", "/teacher/quizzes/article",
     {"url": "https://example.org/a"}, "url"),
    ("teacher", "/teacher/quizzes/upload", "/teacher/quizzes/upload",
     {"text": "# Titre\n", "slug": "un-quiz"}, "slug"),
    ("teacher", f"/teacher/quizzes/{SEED_QUIZ}",
     f"/teacher/quizzes/{SEED_QUIZ}/questions/aucune-attaque/outdated",
     {"note": "Les faits ont changé."}, "note"),
]


@pytest.fixture
def as_who(app: Flask, client: FlaskClient, users, auth):
    users.make("lea")
    users.make("prof", "Mme Martin", role="teacher")

    def log_in(who: str) -> FlaskClient:
        if who != "nobody":
            auth.log_in({"student": "lea", "teacher": "prof"}[who])
        return client
    return log_in


def stored(app: Flask) -> tuple[int, ...]:
    with app.app_context():
        return tuple(db.session.scalar(sa.select(sa.func.count(model.id)))
                     for model in (User, Classroom, QuizRevision))


@pytest.mark.parametrize(("who", "page", "action", "fields", "as_file"), FORMS,
                         ids=[f"{action}:{as_file}" for _w, _p, action, _f, as_file in FORMS])
def test_a_file_part_for_a_text_field_is_a_form_error(
        app: Flask, as_who, who: str, page: str, action: str, fields: dict[str, str],
        as_file: str) -> None:
    client = as_who(who)
    before = stored(app)
    token = csrf_token(client.get(page).get_data(as_text=True))
    data: dict[str, object] = {"csrf_token": token, **fields,
                               as_file: (io.BytesIO(fields[as_file].encode()), "part.txt")}
    response = client.post(action, data=data, content_type="multipart/form-data")
    assert response.status_code < 500
    assert stored(app) == before  # no account, class or quiz version made
    if response.status_code == 302:  # back to the page, with the error said there
        assert "error" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_text_for_the_upload_file_is_a_form_error(app: Flask, as_who) -> None:
    client = as_who("teacher")
    token = csrf_token(client.get("/teacher/quizzes/upload").get_data(as_text=True))
    response = client.post("/teacher/quizzes/upload", data={
        "csrf_token": token, "file": "# Titre\n", "slug": "un-quiz"},
        content_type="multipart/form-data")
    assert response.status_code in (200, 400, 422)
    assert "un-quiz" not in client.get("/teacher/quizzes").get_data(as_text=True)


def test_a_json_login_is_not_read(app: Flask, as_who) -> None:
    """The login form reads HTML forms only: a JSON body checks no password and logs no one
    in (its failures used to count under an empty username, apart from the account's)."""
    client = as_who("nobody")
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post("/login", json={"csrf_token": token, "username": "lea",
                                           "password": PASSWORD})
    assert response.status_code in (200, 400)
    assert "Log out" not in client.get("/login").get_data(as_text=True)


def test_a_date_out_of_range_is_a_form_error(app: Flask, as_who) -> None:
    """0001-01-01 in the school's time zone is before year 1 in UTC: it was a 500."""
    client = as_who("teacher")
    page = client.get("/teacher/").get_data(as_text=True)
    response = client.post("/teacher/", data={"csrf_token": csrf_token(page), "name": "4e B",
                                              "school_year": "2026-2027"})
    class_page = response.headers["Location"].removesuffix("/students")  # its quizzes
    html = client.get(class_page).get_data(as_text=True)
    quiz_id = re.search(r'<option value="(\d+)"', html).group(1)
    for field in ("due_at", "opens_at"):
        response = client.post(class_page, data={
            "csrf_token": csrf_token(html), "quiz": quiz_id, "counting": "best",
            field: "0001-01-01T00:00"})
        assert response.status_code == 422
        assert "Choose a date between the years 2000 and 2099." in response.get_data(
            as_text=True)
    assert "Unassign" not in client.get(class_page).get_data(as_text=True)
