"""Live mode through its pages: the teacher's controls, the projector and the phones."""

from __future__ import annotations

import html
import re

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.extensions import db
from quiz.models import Attempt, LiveAnswer, LiveSession, Quiz, User
from quiz.services import live
from quiz.services.classes import create_class, join_class
from quiz.services.content import revision_content
from tests.support import SEED_QUIZ, csrf_token


@pytest.fixture
def room(app: Flask, demo_quizzes: None, users, auth, teacher: FlaskClient
         ) -> dict[str, object]:
    """prof's class with lea and tom (each with a phone: a client), and the seed quiz's id."""
    phones = {}
    ids = {name: users.make(name) for name in ("lea", "tom")}
    with app.app_context():
        prof = db.session.scalar(sa.select(User).where(User.username == "prof"))
        first = create_class(prof, "4e B", "2026-2027")
        for user_id in ids.values():
            join_class(db.session.get_one(User, user_id), first.join_code)
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
        class_id = first.id
    for name in ids:
        phones[name] = app.test_client()
        auth.log_in(name, client=phones[name])
    return {"class_id": class_id, "quiz_id": quiz_id, "phones": phones, "teacher": teacher}


def _words(text: str) -> str:
    """Text as the typography filter and HTML escaping leave it, for comparing: tags out,
    entities read, every kind of space one space."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def _post(client: FlaskClient, url: str, page: str, **data: str):
    token = csrf_token(client.get(page).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data})


def _start(room: dict[str, object]) -> tuple[int, str]:
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    class_page = f"/teacher/classes/{room['class_id']}"
    assert 'id="live-quiz"' in teacher.get(class_page).get_data(as_text=True)
    response = _post(teacher, f"{class_page}/live", class_page,
                     **{"live-quiz": str(room["quiz_id"])})
    assert response.status_code == 302
    session_id = int(response.headers["Location"].rsplit("/", 1)[1])
    html = teacher.get(f"/teacher/live/{session_id}/projector").get_data(as_text=True)
    code = re.search(r'class="live-code">([A-Z0-9]{6})<', html).group(1)
    return session_id, code


def _control(room: dict[str, object], session_id: int, action: str) -> str:
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    url = f"/teacher/live/{session_id}"
    response = _post(teacher, url, url, action=action)
    assert response.status_code == 302
    return teacher.get(url).get_data(as_text=True)


def test_a_whole_live_quiz_through_the_pages(app: Flask, room: dict[str, object]) -> None:
    session_id, code = _start(room)
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    phones: dict[str, FlaskClient] = room["phones"]  # type: ignore[assignment]
    projector = teacher.get(f"/teacher/live/{session_id}/projector").get_data(as_text=True)
    # The join screen: the code, the join address and its QR code as inline SVG.
    assert f"http://localhost/live?code={code}" in projector and "<svg" in projector
    # The QR code's link opens the join form with the code filled in.
    lea, tom = phones["lea"], phones["tom"]
    assert f'value="{code}"' in lea.get(f"/live?code={code}").get_data(as_text=True)
    for phone in (lea, tom):
        response = _post(phone, "/live", "/live", code=code.lower())
        assert response.headers["Location"] == f"/live/{session_id}"
    assert "2 students joined" in teacher.get(
        f"/teacher/live/{session_id}/projector").get_data(as_text=True)

    _control(room, session_id, "next")
    with app.app_context():
        session = db.session.get_one(LiveSession, session_id)
        question = live.current_question(session)
        right = question.correct_choice_id
        wrong = next(c.id for c in question.choices if not c.is_correct)
        right_text = next(c.text for c in question.choices if c.is_correct)
    # No page and no state tells the right answer before the reveal.
    before = {
        "projector": teacher.get(f"/teacher/live/{session_id}/projector"),
        "control": teacher.get(f"/teacher/live/{session_id}"),
        "phone": lea.get(f"/live/{session_id}"),
        "state": lea.get(f"/live/{session_id}/state.json"),
        "teacher state": teacher.get(f"/teacher/live/{session_id}/state.json")}
    for name, response in before.items():
        html = response.get_data(as_text=True)
        assert response.status_code == 200, name
        assert _words(question.explanation)[:30] not in _words(html), name
        assert "Right" not in html and "✓" not in html, name
    assert set(before["state"].get_json()) == {"version", "phase", "question", "questions",
                                               "paused", "joined", "answered", "remaining_ms"}
    assert question.prompt[:30] in before["phone"].get_data(as_text=True)
    phone_page = f"/live/{session_id}"
    _post(lea, phone_page, phone_page, question=str(question.id), choice=str(right))
    _post(tom, phone_page, phone_page, question=str(question.id), choice=str(wrong))
    # A second tap changes nothing, and says so.
    response = _post(tom, phone_page, phone_page, question=str(question.id), choice=str(right))
    assert "Your answer to this question is stored already." in tom.get(
        phone_page).get_data(as_text=True)
    assert response.status_code == 302
    assert lea.get(f"/live/{session_id}/state.json").get_json()["answered"] == 2
    # A reloaded phone (a new client: another device, same account) finds its answer.
    assert "Wait for the reveal" in lea.get(phone_page).get_data(as_text=True)

    control = _control(room, session_id, "reveal")
    assert "Top 5" in control
    projector = teacher.get(f"/teacher/live/{session_id}/projector").get_data(as_text=True)
    assert "50%" in projector and 'class="passage-mark"' in projector
    assert _words(question.explanation)[:30] in _words(projector)
    lea_page = lea.get(phone_page).get_data(as_text=True)
    tom_page = tom.get(phone_page).get_data(as_text=True)
    assert "✓</span> Right" in lea_page and "position 1 of 2" in lea_page
    assert "✗</span> Wrong" in tom_page
    assert _words(right_text) in _words(re.search(
        r'<dd class="correct-answer"[^>]*>(.*?)</dd>', tom_page).group(1))
    assert 'class="passage-mark"' in tom_page
    # Too late: refused with a message, nothing stored.
    _post(tom, phone_page, phone_page, question=str(question.id), choice=str(right))
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(LiveAnswer.id))) == 2

    control = _control(room, session_id, "end")
    assert "Final standings" in control
    assert "Podium" in teacher.get(f"/teacher/live/{session_id}/projector").get_data(
        as_text=True)
    with app.app_context():
        attempt = db.session.scalar(sa.select(Attempt).join(User).where(User.username == "lea"))
        assert attempt.score == 1 and attempt.is_submitted
        total = len(revision_content(attempt.revision_id).questions)
        assert attempt.total == total
    ended = lea.get(phone_page).get_data(as_text=True)
    assert f'href="/attempts/{attempt.id}"' in ended and "The live quiz is over." in ended


def test_other_teachers_and_other_classes_are_kept_out(
        app: Flask, room: dict[str, object], users, auth) -> None:
    session_id, code = _start(room)
    users.make("prof2", role="teacher")
    users.make("max")
    other_teacher, stranger = app.test_client(), app.test_client()
    auth.log_in("prof2", client=other_teacher)
    auth.log_in("max", client=stranger)
    for url in (f"/teacher/live/{session_id}", f"/teacher/live/{session_id}/projector",
                f"/teacher/live/{session_id}/state.json"):
        assert other_teacher.get(url).status_code == 404, url
    response = _post(other_teacher, f"/teacher/live/{session_id}", "/teacher/", action="end")
    assert response.status_code == 404
    response = _post(stranger, "/live", "/live", code=code)
    assert response.status_code == 422
    assert "This live quiz is for another class" in response.get_data(as_text=True)
    assert stranger.get(f"/live/{session_id}").status_code == 404
    assert stranger.get(f"/live/{session_id}/state.json").status_code == 404
    # An unknown code gets the same answer as another class's session.
    response = _post(stranger, "/live", "/live", code="ZZZZZZ")
    assert "This live quiz is for another class" in response.get_data(as_text=True)
