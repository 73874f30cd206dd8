"""The quiz page's kept parts (quiz/quiz_page.py): the same HTML, each student's own token and
navigation, no answer key."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from flask import Flask, render_template_string, template_rendered
from flask.testing import FlaskClient
from flask_login import login_user
from jinja2 import ChoiceLoader, DictLoader, Template, TemplateRuntimeError, meta

from quiz.caching import clear_caches
from quiz.extensions import db
from quiz.models import Attempt, QuizRevision, User
from quiz.services.content import revision_content
from quiz.templating import render_fragment
from tests.support import SEED_QUIZ, csrf_token

NBSP = "\u00a0"

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
        app: Flask, client: FlaskClient, student: int) -> None:
    url = start(client)
    first = client.get(url).get_data(as_text=True)  # renders and keeps the article, questions
    cached = client.get(url).get_data(as_text=True)  # from what was kept
    with app.app_context():
        clear_caches()
    full = client.get(url).get_data(as_text=True)  # everything rendered anew
    assert TOKEN.sub(r"\1T\2", cached) == TOKEN.sub(r"\1T\2", full) == TOKEN.sub(r"\1T\2", first)
    assert 'class="question' in cached and "Question 12 of 12" in cached


def test_the_questions_are_rendered_once_per_revision_and_language(
        app: Flask, client: FlaskClient, student: int, users, auth) -> None:
    rendered: list[str] = []

    def count(_app: Flask, template: Template, context: dict[str, object]) -> None:
        if template.name == "student/_quiz_questions.html":
            rendered.append(str(context["revision"].language))

    url = start(client)
    with template_rendered.connected_to(count, app):
        client.get(url)
        other, other_url = another_user_taking_the_quiz(app, users, auth, "sam")
        other.get(other_url)
        client.get(url)
        assert len(rendered) == 1  # one render for both students and three pages
        french = client.get(url, headers={"Accept-Language": "fr"}).get_data(as_text=True)
        assert len(rendered) == 2 and "Question 1 sur 12" in french
        english = client.get(url).get_data(as_text=True)
        assert len(rendered) == 2 and "Question 1 of 12" in english


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


@pytest.mark.parametrize(("name", "allowed"), [
    ("student/_quiz_article.html", {"revision"}),
    ("student/_quiz_questions.html", {"revision", "form", "preview"}),
    ("_nav_links.html", {"kind", "section", "url_for"}),
    ("boards/_board_head.html", {"room", "is_teacher", "assignment", "quiz_title", "tabs",
                                 "all_tabs", "url_for"}),
    ("boards/_row.html", set()),
])
def test_what_is_kept_can_show_nothing_of_the_viewer(app: Flask, name: str,
                                                     allowed: set[str]) -> None:
    """Every kept piece of page (quiz/caching.py) is the same for all its viewers: its
    template sees the values it is given, url_for and gettext, and nothing of the user, the
    request, the session or the CSRF token (render_fragment does not give them either)."""
    source = app.jinja_env.loader.get_source(app.jinja_env, name)[0]
    used = meta.find_undeclared_variables(app.jinja_env.parse(source))
    assert used <= allowed | {"_"}, used - allowed


def test_the_kept_quiz_page_shows_each_student_their_own_name_escaped(
        app: Flask, client: FlaskClient, student: int, users, auth) -> None:
    """The navigation around the kept parts is each student's own: the name, token and return
    path of the language switch, and a name is text, never markup."""
    url = start(client)
    client.get(url)
    other, other_url = another_user_taking_the_quiz(app, users, auth, "sam",
                                                    display_name='<b>Sam & "Zoé"</b>')
    mine, theirs = client.get(url).get_data(as_text=True), other.get(other_url).get_data(
        as_text=True)
    assert ('>&lt;b&gt;Sam &amp; &#34;Zoé&#34;&lt;/b&gt;<span class="visually-hidden"> '
            "(my account)</span></a></li>") in theirs
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


@pytest.mark.parametrize(("path", "current"), [
    ("/", "Quizzes"), ("/history", "My history"), ("/classes/join", "Join a class")])
def test_the_kept_header_marks_the_students_current_page(
        client: FlaskClient, student: int, path: str, current: str) -> None:
    client.get("/")  # keeps one copy of the links: each page still gets its own mark
    html = client.get(path).get_data(as_text=True)
    assert re.findall(r'aria-current="page">([^<]+)<', html) == [current]
    assert "Léa M." in html and "My classes" not in html


def test_a_visitor_gets_the_visitors_header_in_their_language(client: FlaskClient) -> None:
    english = client.get("/login").get_data(as_text=True)
    assert re.findall(r'aria-current="page">([^<]+)<', english) == ["Log in"]
    french = client.get("/register", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert re.findall(r'aria-current="page">([^<]+)<', french) == ["Créer un compte"]
    assert "Quizzes" not in english and "Log out" not in english


def test_a_fragment_is_rendered_without_the_viewer(app: Flask, client: FlaskClient,
                                                   student: int) -> None:
    """render_fragment() gives a template its values only: a kept piece of page that named the
    user, the request or the CSRF token by mistake fails to render, instead of showing the
    first viewer's name or token to everyone."""
    app.jinja_env.loader = ChoiceLoader([DictLoader({
        "_name.html": "[{{ current_user.display_name }}]", "_path.html": "[{{ request.path }}]",
        "_token.html": "[{{ csrf_token() }}]", "_if.html": "{% if current_user %}x{% endif %}",
        "_plain.html": "[{{ shown }}]"}), app.jinja_env.loader])
    with app.test_request_context("/"):
        login_user(db.session.get(User, student))
        assert render_template_string("{{ current_user.display_name }}") == "Léa M."
        for name in ("_name.html", "_path.html", "_token.html", "_if.html"):
            with pytest.raises(TemplateRuntimeError, match="is per viewer"):
                render_fragment(name)
        assert render_fragment("_plain.html", shown="x") == "[x]"


def test_a_revision_made_again_under_the_same_id_is_never_served_from_the_cache(
        app: Flask, client: FlaskClient, student: int) -> None:
    """A database restored from a dump gives the same ids again to the next imports: what
    this process kept for the old row is neither shown nor graded for the new one."""
    url = start(client)
    first = client.get(url).get_data(as_text=True)  # keeps the content, form, questions' HTML
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        revision = db.session.get_one(QuizRevision, attempt.revision_id)
        question = min(revision.questions, key=lambda q: q.position)
        old_prompt = question.prompt[:40]  # (the page puts no-break spaces before "?")
        right = next(c for c in question.choices if c.is_correct)
        wrong = next(c for c in question.choices if not c.is_correct)
        # Another row under the same ids, as a restore followed by new imports leaves it.
        question.prompt = "Une autre question sous le meme numero"
        right.is_correct = False
        db.session.commit()
        wrong.is_correct = True
        revision.created_at = revision.created_at + dt.timedelta(seconds=1)
        db.session.commit()
        key = {f"q{q.id}": str(next(c.id for c in q.choices if c.is_correct))
               for q in revision.questions if q.outdated_note is None}
    assert old_prompt in first
    page = client.get(url).get_data(as_text=True)
    assert "Une autre question sous le meme numero" in page and old_prompt not in page
    response = client.post(url, data={"csrf_token": csrf_token(page), **key})
    assert response.status_code == 302
    assert f'id="score">12{NBSP}/{NBSP}12</strong>' in client.get(url).get_data(as_text=True)
