"""The per-process caches behind the fast quiz page: same HTML, the student's own token, no key."""

from __future__ import annotations

import re

import pytest
from flask import Flask, render_template
from flask.testing import FlaskClient

import quiz.student.routes as student_routes
from quiz.extensions import db
from quiz.models import Attempt
from quiz.services.content import revision_content
from tests.support import SEED_QUIZ, csrf_token

pytestmark = pytest.mark.usefixtures("demo_quizzes")

TOKEN = re.compile(r'(name="csrf_token" type="hidden" value=")[^"]+(")')


def start(client: FlaskClient) -> str:
    token = csrf_token(client.get("/").get_data(as_text=True))
    response = client.post(f"/quizzes/{SEED_QUIZ}/start", data={"csrf_token": token})
    assert response.status_code == 302
    return response.headers["Location"]


def another_user_taking_the_quiz(app: Flask, users, auth, username: str,
                                 **user: str) -> tuple[FlaskClient, str]:
    """A second user, logged in on their own client, with their attempt's page opened once."""
    users.make(username, **user)
    other = app.test_client()
    auth.log_in(username, client=other)
    other_url = start(other)
    other.get(other_url)
    return other, other_url


def test_the_cached_quiz_page_is_the_page_a_full_render_gives(
        client: FlaskClient, student: int, monkeypatch: pytest.MonkeyPatch) -> None:
    url = start(client)
    first = client.get(url).get_data(as_text=True)  # renders and keeps the page's blocks
    cached = client.get(url).get_data(as_text=True)  # from the kept blocks
    monkeypatch.setattr(student_routes, "render_shared_blocks",
                        lambda name, _key, context: render_template(name, **context()))
    full = client.get(url).get_data(as_text=True)
    assert TOKEN.sub(r"\1T\2", cached) == TOKEN.sub(r"\1T\2", full) == TOKEN.sub(r"\1T\2", first)


def test_each_student_gets_their_own_csrf_token_from_the_cached_page(
        app: Flask, client: FlaskClient, student: int, users, auth) -> None:
    url = start(client)
    client.get(url)
    other, other_url = another_user_taking_the_quiz(app, users, auth, "sam")
    mine, theirs = (csrf_token(c.get(u).get_data(as_text=True))
                    for c, u in ((client, url), (other, other_url)))
    assert mine != theirs
    # Each token is accepted with its own session only.
    assert other.post(other_url, data={"csrf_token": mine}).status_code == 400
    response = other.post(other_url, data={"csrf_token": theirs})
    assert response.status_code == 422  # accepted token; the answers are missing


def test_cached_content_has_the_key_for_grading_but_the_page_does_not(
        app: Flask, client: FlaskClient, student: int) -> None:
    url = start(client)
    html = client.get(url).get_data(as_text=True)
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        content = revision_content(attempt.revision_id)
        assert revision_content(attempt.revision_id) is content  # kept
        key = content.answer_key()
        assert len(key) == len(content.questions) == 12
    for question in content.questions:
        assert question.explanation not in html
        assert f'value="{question.correct_choice_id}" checked' not in html
    assert "is_correct" not in html


def test_a_quiz_page_block_that_used_the_attempt_would_fail_loudly(
        app: Flask, client: FlaskClient, student: int, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """The kept blocks are the same for every student: they must not show one attempt."""
    url = start(client)
    source = app.jinja_env.loader.get_source(app.jinja_env, "student/attempt.html")[0]
    leaky = source.replace("{% block content %}", "{% block content %}{{ attempt.id }}", 1)
    app.jinja_env.cache.clear()
    monkeypatch.setattr(app.jinja_env.loader, "get_source",
                        lambda env, name, _orig=app.jinja_env.loader.get_source: (
                            (leaky, None, lambda: False) if name == "student/attempt.html"
                            else _orig(env, name)))
    assert client.get(url).status_code == 500
    assert "kept for every student" in caplog.text


def test_the_kept_quiz_page_shows_each_student_their_own_name_escaped(
        app: Flask, client: FlaskClient, student: int, users, auth) -> None:
    """The whole page is kept (navigation included): the name, token and return path of the
    language switch are each student's own, and a name is text, never markup."""
    url = start(client)
    client.get(url)
    other, other_url = another_user_taking_the_quiz(app, users, auth, "sam",
                                                    display_name='<b>Sam & "Zoé"</b>')
    mine, theirs = client.get(url).get_data(as_text=True), other.get(other_url).get_data(
        as_text=True)
    assert '<li class="who">&lt;b&gt;Sam &amp; &#34;Zoé&#34;&lt;/b&gt;</li>' in theirs
    assert "<b>Sam" not in theirs and "Sam &amp;" not in mine
    assert f'name="next" value="{other_url}"' in theirs
    assert f'name="next" value="{url}"' in mine
    assert "\x00" not in mine + theirs


def test_a_message_waiting_for_the_student_shows_on_the_kept_quiz_page(
        client: FlaskClient, student: int) -> None:
    url = start(client)
    client.get(url)
    with client.session_transaction() as session:
        session["_flashes"] = [("info", "Un message pour vous")]
    html = client.get(url).get_data(as_text=True)
    assert '<p class="flash flash-info" role="status">Un message pour vous</p>' in html
    assert "Un message pour vous" not in client.get(url).get_data(as_text=True)  # shown once


def test_a_teacher_taking_a_quiz_gets_the_teachers_navigation_on_the_kept_page(
        app: Flask, client: FlaskClient, student: int, users, auth) -> None:
    url = start(client)
    client.get(url)
    teacher, teacher_url = another_user_taking_the_quiz(app, users, auth, "mme",
                                                        role="teacher")
    assert "Manage quizzes" in teacher.get(teacher_url).get_data(as_text=True)
    assert "Manage quizzes" not in client.get(url).get_data(as_text=True)
