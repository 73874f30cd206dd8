"""Live mode through its pages: the teacher's controls, the projector and the phones."""

from __future__ import annotations

import datetime as dt
import html
import re
import threading

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import (
    Attempt,
    Classroom,
    CountedResult,
    LiveAnswer,
    LiveSession,
    Membership,
    Quiz,
    User,
)
from quiz.services import live
from quiz.services.attempts import start_attempt, submit_attempt
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.content import revision_content
from quiz.templating import typography
from tests.support import SEED_QUIZ, csrf_token, sqlite_pass_only, without_live_parts


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


NUMBERS = {"version", "phase", "question", "questions", "paused", "joined", "answered",
           "remaining_ms"}


def _words(text: str) -> str:
    """Text as the typography filter and HTML escaping leave it, for comparing: tags out,
    entities read, every kind of space one space."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def _post(client: FlaskClient, url: str, page: str, **data: str):
    token = csrf_token(client.get(page).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data})


def _start(room: dict[str, object], *, reveal_anyway: bool = False) -> tuple[int, str]:
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    live_page = f"/teacher/classes/{room['class_id']}/live"  # the class's live tab
    assert 'id="live-quiz"' in teacher.get(live_page).get_data(as_text=True)
    agreed = {"live-reveal_anyway": "y"} if reveal_anyway else {}
    response = _post(teacher, live_page, live_page,
                     **{"live-quiz": str(room["quiz_id"])}, **agreed)
    assert response.status_code == 302
    session_id = int(response.headers["Location"].rsplit("/", 1)[1])
    html = teacher.get(f"/teacher/live/{session_id}/projector").get_data(as_text=True)
    code = re.search(r'class="live-code">([A-Z0-9]{6})<', html).group(1)
    return session_id, code


def test_a_live_quiz_refused_at_its_start_says_why_beside_the_field_and_keeps_the_choice(
        app: Flask, room: dict[str, object]) -> None:
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    live_page = f"/teacher/classes/{room['class_id']}/live"  # the class's live tab
    quiz_id = str(room["quiz_id"])
    refused = _post(teacher, live_page, live_page,
                    **{"live-quiz": quiz_id, "live-countdown": "3"})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    # The error by its field and in the summary that takes the focus; the page's title says it.
    assert re.search(r'id="live-countdown-errors"><li>Type a countdown from 5 to 600 seconds',
                     html)
    assert '<a href="#live-countdown">' in html and "<title>Error: 1 thing to correct" in html
    live_select = html[html.index('id="live-quiz"'):]
    assert f'<option selected value="{quiz_id}">' in live_select[:live_select.index("</select>")]
    assert 'value="3"' in html[html.index('id="live-countdown"') - 200:][:400]
    refused = _post(teacher, live_page, live_page, **{"live-quiz": ""})
    assert refused.status_code == 422
    assert 'id="live-quiz-errors"><li>Choose a quiz.' in refused.get_data(as_text=True)
    with app.app_context():
        with write_transaction():
            db.session.get_one(Quiz, room["quiz_id"]).status = "draft"
    refused = _post(teacher, live_page, live_page, **{"live-quiz": quiz_id})
    assert 'id="live-quiz-errors"><li>This quiz is not published: choose another one.' in (
        refused.get_data(as_text=True))
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(LiveSession.id))) == 0


def _control(room: dict[str, object], session_id: int, action: str) -> str:
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    url = f"/teacher/live/{session_id}"
    response = _post(teacher, url, url, action=action)
    assert response.status_code == 302
    return teacher.get(url).get_data(as_text=True)


def _play_to_the_end(room: dict[str, object], session_id: int, app: Flask) -> str:
    """From a revealed question: open and reveal each one left, then End (the teacher's page
    after it)."""
    with app.app_context():
        count = len(live.questions(db.session.get_one(LiveSession, session_id)))
    page = ""
    while f"Question {count} of {count}" not in page:
        _control(room, session_id, "next")
        page = _control(room, session_id, "reveal")
    # At the last question nothing is lost by ending: End in one click, no step.
    assert 'id="live-end">End the live quiz</button>' in page and "live-end-step" not in page
    return _control(room, session_id, "end")


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
        html = without_live_parts(response.get_data(as_text=True))
        assert response.status_code == 200, name
        assert _words(question.explanation)[:30] not in _words(html), name
        assert "Right" not in html and "✓" not in html, name
    assert set(before["teacher state"].get_json()) == NUMBERS
    state = before["state"].get_json()
    assert set(state) == NUMBERS | {"shown", "mine", "place"}
    # The phone's state: the question as it shows it, never which answer is right.
    assert set(state["shown"]) == {"id", "language", "prompt", "choices"}
    assert [set(c) for c in state["shown"]["choices"]] == [{"id", "text"}] * len(
        question.choices)
    assert (state["mine"], state["place"]) == (None, None)
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

    # Before the last question, the teacher reads beside End that ending stores nothing.
    assert "Ended before its last question, the live quiz stores no attempt" in control
    control = _play_to_the_end(room, session_id, app)
    assert "Final standings" in control and "stores no attempt" not in control
    assert "answers are stored as an attempt" in control
    podium_page = teacher.get(f"/teacher/live/{session_id}/projector").get_data(as_text=True)
    assert '<h1 class="live-podium-title">Podium</h1>' in podium_page
    assert 'class="live-podium-quiz" lang="fr">Russie et Corée du Nord' in podium_page
    # Léa scored a point; Tom none: he is in the standings, not on the podium.
    podium = podium_page.split('<ol class="live-podium">')[1].split("</ol>")[0]
    assert podium.count("<li") == 1 and "Lea" in podium and "Tom" not in podium
    assert "faster answers" not in podium_page  # speed does not break ties in this one
    with app.app_context():
        attempt = db.session.scalar(sa.select(Attempt).join(User).where(User.username == "lea"))
        assert attempt.score == 1 and attempt.is_submitted
        total = len(revision_content(attempt.revision_id).questions)
        assert attempt.total == total
    # The quiz is not assigned to the class: the teacher finds the attempt on Léa's page
    # (where the end of the live quiz sends them), and opens it.
    lea_page = f"/teacher/classes/{room['class_id']}/students/{attempt.user_id}"
    listed = teacher.get(lea_page).get_data(as_text=True)
    assert f'href="{lea_page}/attempts/{attempt.id}"' in listed and "live quiz" in listed
    opened = teacher.get(f"{lea_page}/attempts/{attempt.id}")
    opened_html = opened.get_data(as_text=True)
    assert opened.status_code == 200 and 'id="score">1\u00a0/\u00a0' in opened_html
    assert '<span class="tag">live quiz</span>' in opened_html
    with app.app_context():  # Léa's other class of the same teacher played no live quiz
        other = create_class(db.session.scalar(sa.select(User).where(User.username == "prof")),
                             "Atelier presse", "2026-2027")
        join_class(db.session.get_one(User, attempt.user_id), other.join_code)
        other_page = f"/teacher/classes/{other.id}/students/{attempt.user_id}"
    assert f"/attempts/{attempt.id}" not in teacher.get(other_page).get_data(as_text=True)
    assert teacher.get(f"{other_page}/attempts/{attempt.id}").status_code == 404
    ended = lea.get(phone_page).get_data(as_text=True)
    assert f'href="/attempts/{attempt.id}"' in ended
    assert ended.count("The live quiz is over.") == 1  # said once, not in the status line too
    ended = lea.get(phone_page, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert ended.count("Le quiz en direct est terminé.") == 1
    # Her history and the quiz's page label the attempt as the live quiz's.
    assert f'id="attempt-{attempt.id}"' in (history := lea.get("/history").get_data(as_text=True))
    assert re.search(rf'id="attempt-{attempt.id}".*?</a>\S* <span class="tag">live quiz</span>',
                     history, re.S)
    overview = lea.get(f"/quizzes/{SEED_QUIZ}", headers={"Accept-Language": "fr"}).get_data(
        as_text=True)
    assert re.search(rf'id="attempt-{attempt.id}">[^<]*<span class="tag">quiz en direct</span>',
                     overview)


def _lea_right_at_the_first_question(app: Flask, room: dict[str, object], *,
                                     reveal_anyway: bool = False):
    """A session started, Lea's phone joined, the first question answered right, revealed:
    the session's id, Lea's phone and the question."""
    session_id, code = _start(room, reveal_anyway=reveal_anyway)
    lea: FlaskClient = room["phones"]["lea"]  # type: ignore[index]
    _post(lea, "/live", "/live", code=code)
    _control(room, session_id, "next")
    question = _question(app, session_id)
    phone_page = f"/live/{session_id}"
    _post(lea, phone_page, phone_page, question=str(question.id),
          choice=str(question.correct_choice_id))
    _control(room, session_id, "reveal")
    return session_id, lea, question


def test_a_live_quiz_ended_early_tells_the_teacher_and_the_phones_no_attempt_is_stored(
        app: Flask, room: dict[str, object]) -> None:
    session_id, lea, question = _lea_right_at_the_first_question(app, room)
    phone_page = f"/live/{session_id}"
    # End takes one more step while questions are left (a slip beside Pause loses them all).
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    before = teacher.get(f"/teacher/live/{session_id}").get_data(as_text=True)
    step = before.split('id="live-end-step">End the live quiz</summary>')[1].split(
        "</details>")[0]
    assert "Ended now, before its last question, it stores no attempt" in step
    assert 'value="end"><button type="submit" class="button danger big" id="live-end">' \
        'End it now</button>' in step
    control = _control(room, session_id, "end")
    assert html_text(control, "no-attempts") == (
        "The live quiz ended before its last question: no attempt was stored.")
    assert "Final standings" in control
    ended = lea.get(phone_page).get_data(as_text=True)
    assert "1 point · position 1 of 1" in _words(ended)
    assert html_text(ended, "no-attempt").startswith(
        "Your teacher ended the live quiz before its last question: it is not stored")
    assert "See my answers" not in ended
    french = lea.get(phone_page, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Votre enseignant a terminé le quiz en direct avant sa dernière question" in _words(
        french)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 0


def html_text(html: str, element_id: str) -> str:
    """The words of the element with this id (no nested tags)."""
    match = re.search(rf'id="{element_id}"[^>]*>([^<]*)<', html)
    assert match, f"no element {element_id!r}"
    return _words(match.group(1))


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
    assert "No live quiz of your classes has this code: check the code on the projector" \
        in response.get_data(as_text=True)
    assert stranger.get(f"/live/{session_id}").status_code == 404
    assert stranger.get(f"/live/{session_id}/state.json").status_code == 404
    # An unknown code gets the same answer as another class's session.
    response = _post(stranger, "/live", "/live", code="ZZZZZZ")
    assert "No live quiz of your classes has this code: check the code on the projector" \
        in response.get_data(as_text=True)


def _question(app: Flask, session_id: int):
    with app.app_context():
        question = live.current_question(db.session.get_one(LiveSession, session_id))
        assert question is not None
        return question


def test_a_phone_follows_through_its_state_and_answers_in_place(
        app: Flask, room: dict[str, object]) -> None:
    """What static/js/live.js writes in place of a reload: the question from the state, the
    tap as JSON, the reveal with the phone's own right or wrong and its place."""
    session_id, code = _start(room)
    lea, tom = (room["phones"][name] for name in ("lea", "tom"))  # type: ignore[index]
    phone_page, state_url = f"/live/{session_id}", f"/live/{session_id}/state.json"
    for phone in (lea, tom):
        _post(phone, "/live", "/live", code=code)
    page = lea.get(phone_page).get_data(as_text=True)
    version = int(re.search(r'data-version="(\d+)"', page).group(1))
    _control(room, session_id, "next")
    question = _question(app, session_id)
    state = lea.get(f"{state_url}?after={version}").get_json()  # moved on: no wait
    assert state["version"] == version + 1 and state["phase"] == "open"
    # Texts as the pages write them (French typography: no-break spaces).
    language = state["shown"]["language"]
    assert state["shown"]["prompt"] == typography(question.prompt, language)
    assert [c["text"] for c in state["shown"]["choices"]] == [
        typography(c.text, language) for c in question.choices]
    assert "right_choice" not in state["shown"] and state["mine"] is None
    # The tap as the script sends it: JSON back, the answer stored once.
    wrong = next(c.id for c in question.choices if not c.is_correct)
    token = csrf_token(lea.get(phone_page).get_data(as_text=True))
    json_headers = {"Accept": "application/json"}
    sent = lea.post(phone_page, data={"csrf_token": token, "question": str(question.id),
                                      "choice": str(wrong)}, headers=json_headers)
    assert (sent.status_code, sent.get_json()) == (200, {"choice": wrong})
    again = lea.post(phone_page, data={"csrf_token": token, "question": str(question.id),
                                       "choice": str(question.correct_choice_id)},
                     headers=json_headers)
    assert again.status_code == 409
    assert "Your answer to this question is stored already." in lea.get(
        phone_page).get_data(as_text=True)
    # Before the reveal, the phone's own answer says nothing of right or wrong.
    assert lea.get(state_url).get_json()["mine"] == {"choice": wrong}
    tom_token = csrf_token(tom.get(phone_page).get_data(as_text=True))
    tom.post(phone_page, data={"csrf_token": tom_token, "question": str(question.id),
                               "choice": str(question.correct_choice_id)}, headers=json_headers)
    _control(room, session_id, "reveal")
    state = lea.get(state_url).get_json()
    shown = state["shown"]
    assert shown["right_choice"] == question.correct_choice_id
    assert shown["explanation"] == typography(question.explanation, language)
    assert shown["passage"][1] == typography(question.passage, language)
    assert state["mine"] == {"choice": wrong, "right": False}
    assert state["place"] == {"position": 2, "points": 0, "of": 2}
    assert tom.get(state_url).get_json()["place"] == {"position": 1, "points": 1, "of": 2}


def _held(client: FlaskClient, url: str) -> tuple[threading.Thread, dict[str, object]]:
    """A phone's held request, in a thread of its own (as the server gives it)."""
    got: dict[str, object] = {}

    def run() -> None:  # as a threaded server (flask run, gunicorn's gthread) serves it
        got["state"] = client.get(url, environ_overrides={"wsgi.multithread": True}).get_json()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, got


@pytest.mark.parametrize("where", ["this process", "another process"])
def test_a_held_request_answers_as_soon_as_the_session_moves(
        app: Flask, room: dict[str, object], where: str) -> None:
    """``state.json?after=<version>`` is held while the session stays at that version, and
    answers with the next one: woken by the teacher's POST in this process, or by the
    periodic read for a change made elsewhere (here: the service, as another server would)."""
    app.config.update(LIVE_HOLD=60.0, LIVE_CHECK=0.05)
    session_id, code = _start(room)
    lea: FlaskClient = room["phones"]["lea"]  # type: ignore[index]
    _post(lea, "/live", "/live", code=code)
    before = lea.get(f"/live/{session_id}/state.json").get_json()["version"]
    thread, got = _held(lea, f"/live/{session_id}/state.json?after={before}")
    thread.join(0.3)
    assert thread.is_alive() and not got  # held: nothing new to say
    if where == "this process":
        _control(room, session_id, "next")
    else:
        with app.app_context():
            teacher_id = db.session.get_one(LiveSession, session_id).teacher_id
            live.control(session_id, teacher_id, "next")
    thread.join(30)
    assert not thread.is_alive()
    state = got["state"]
    assert isinstance(state, dict)
    assert state["version"] == before + 1 and state["shown"]["prompt"]


def test_a_server_of_one_request_at_a_time_does_not_hold(
        app: Flask, room: dict[str, object]) -> None:
    """gunicorn's sync workers (wsgi.multithread false): the state at once, whatever
    ``after`` says (the phones then poll every LIVE_POLL); LIVE_HOLD 0: no holding anywhere,
    and the page tells its script so."""
    app.config["LIVE_HOLD"] = 60.0
    session_id, code = _start(room)
    lea: FlaskClient = room["phones"]["lea"]  # type: ignore[index]
    _post(lea, "/live", "/live", code=code)
    state_url = f"/live/{session_id}/state.json"
    version = lea.get(state_url).get_json()["version"]
    single = {"wsgi.multithread": False}
    assert lea.get(f"{state_url}?after={version}", environ_overrides=single).get_json()[
        "version"] == version
    app.config["LIVE_HOLD"] = 0
    assert lea.get(f"{state_url}?after={version}",
                   environ_overrides={"wsgi.multithread": True}).get_json()["version"] == version
    assert "data-hold" not in lea.get(f"/live/{session_id}").get_data(as_text=True)


def test_a_guest_joins_with_a_nickname_plays_and_stores_no_attempt(
        app: Flask, room: dict[str, object]) -> None:
    """With guests allowed: the QR code opens the guest's form; a nickname the rules take and
    no one in the session has; the phone's page, kept by the guest's browser; standings under
    the nickname; at the end no attempt, and the page says so."""
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    live_page = f"/teacher/classes/{room['class_id']}/live"  # the class's live tab
    response = _post(teacher, live_page, live_page,
                     **{"live-quiz": str(room["quiz_id"]), "live-guests_allowed": "y"})
    session_id = int(response.headers["Location"].rsplit("/", 1)[1])
    projector = teacher.get(f"/teacher/live/{session_id}/projector").get_data(as_text=True)
    code = re.search(r'class="live-code">([A-Z0-9]{6})<', projector).group(1)
    assert f"http://localhost/live/guest?code={code}" in projector
    guest = app.test_client()
    form = guest.get(f"/live/guest?code={code}").get_data(as_text=True)
    assert f'value="{code}"' in form and "no attempt is stored" in form
    token = csrf_token(form)
    taken = guest.post("/live/guest", data={"csrf_token": token, "code": code,
                                            "nickname": "LEA"})  # a student of the class
    assert taken.status_code == 422
    # Under the nickname, the field to change (not under the code).
    assert re.search(r'id="nickname-errors"><li>This name is already taken',
                     taken.get_data(as_text=True))
    blank = guest.post("/live/guest", data={"csrf_token": token, "code": code,
                                            "nickname": "- -"})
    assert blank.status_code == 422
    assert re.search(r'id="nickname-errors"><li>Use at least one letter or digit',
                     blank.get_data(as_text=True))
    joined = guest.post("/live/guest", data={"csrf_token": token, "code": code,
                                             "nickname": "Invité Malin"})
    assert joined.headers["Location"] == f"/live/{session_id}"
    assert "You play as a guest (Invité Malin)" in guest.get(joined.headers["Location"]
                                                              ).get_data(as_text=True)
    lea: FlaskClient = room["phones"]["lea"]  # type: ignore[index]
    _post(lea, "/live", "/live", code=code)
    # Someone logged in who opens the guest's form joins as themselves.
    assert lea.get(f"/live/guest?code={code}").headers["Location"] == f"/live?code={code}"
    _control(room, session_id, "next")
    question = _question(app, session_id)
    phone_page = f"/live/{session_id}"
    _post(guest, phone_page, phone_page, question=str(question.id),
          choice=str(question.correct_choice_id))
    assert "Wait for the reveal" in guest.get(phone_page).get_data(as_text=True)
    _control(room, session_id, "reveal")
    assert guest.get(f"{phone_page}/state.json").get_json()["place"] == {
        "position": 1, "points": 1, "of": 2}
    assert "Invité Malin" in teacher.get(f"/teacher/live/{session_id}/projector").get_data(
        as_text=True)
    _control(room, session_id, "end")
    ended = guest.get(phone_page).get_data(as_text=True)
    assert "You played as a guest: no attempt is stored for you." in ended
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 0  # Lea: no answer
    # Anyone else without an account: not in.
    assert app.test_client().get(phone_page).status_code == 302  # to the login page


def test_guest_joins_are_limited_per_address(app: Flask, room: dict[str, object]) -> None:
    app.config["JOIN_LIMIT_PER_ADDRESS"] = "3 per hour"
    guest = app.test_client()
    token = csrf_token(guest.get("/live/guest").get_data(as_text=True))
    statuses = [guest.post("/live/guest", data={"csrf_token": token, "code": "ZZZZZZ",
                                                "nickname": f"Invité {n}"}).status_code
                for n in range(4)]
    assert statuses == [422, 422, 422, 429]


def test_a_live_quiz_goes_past_the_attempt_limit_and_the_review_options(
        app: Flask, room: dict[str, object]) -> None:
    """The decision (README, Live mode): the teacher chose to play the quiz with the class.
    Lea's one attempt allowed is used and the assignment never shows the answers; live, her
    phone's reveal still shows the right answer (the projector shows it to the room), and her
    answers are stored as one more attempt, counted under the assignment's rule (best)."""
    with app.app_context():
        lea = db.session.scalar(sa.select(User).where(User.username == "lea"))
        quiz = db.session.get_one(Quiz, room["quiz_id"])
        assignment = assign_quiz(db.session.get_one(Classroom, room["class_id"]), quiz, None,
                                 None, "best", 1, review_answers="never")
        first = start_attempt(lea, quiz)
        submit_attempt(first, {q.id: next(c.id for c in q.choices if not c.is_correct)
                               for q in first.revision.questions})  # 0 points
        assignment_id, lea_id = assignment.id, lea.id
    # The teacher is told the class never sees the answers, and plays it anyway.
    session_id, phone, question = _lea_right_at_the_first_question(app, room,
                                                                   reveal_anyway=True)
    phone_page = f"/live/{session_id}"
    state = phone.get(f"{phone_page}/state.json").get_json()
    assert state["shown"]["right_choice"] == question.correct_choice_id
    assert state["mine"] == {"choice": question.correct_choice_id, "right": True}
    _play_to_the_end(room, session_id, app)
    with app.app_context():
        scores = sorted(a.score for a in db.session.scalars(
            sa.select(Attempt).where(Attempt.user_id == lea_id)))
        counted = db.session.scalar(sa.select(CountedResult.score).where(
            CountedResult.assignment_id == assignment_id, CountedResult.user_id == lea_id))
    assert (scores, counted) == ([0, 1], 1)
    # The teacher's page of the student: the live attempt labelled, the first one not.
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    page = teacher.get(f"/teacher/classes/{room['class_id']}/students/{lea_id}").get_data(
        as_text=True)
    assert page.count('<span class="tag">live quiz</span>') == 1


def test_a_quiz_whose_answers_the_class_waits_for_is_played_live_only_once_agreed(
        app: Flask, room: dict[str, object]) -> None:
    """Assigned with its answers shown after a due date still to come (the default), or never:
    each reveal would show them, and the live attempt counts for the assignment. The class
    page says so and starts nothing until the teacher ticks « Play it anyway »."""
    import datetime as dt

    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    live_page = f"/teacher/classes/{room['class_id']}/live"  # the class's live tab
    quiz_id = str(room["quiz_id"])
    due = dt.datetime(2099, 12, 12, 16, 0, tzinfo=dt.UTC)
    with app.app_context():
        assign_quiz(db.session.get_one(Classroom, room["class_id"]),
                    db.session.get_one(Quiz, room["quiz_id"]), None, due, "best")
    asked = _post(teacher, live_page, live_page, **{"live-quiz": quiz_id})
    html = asked.get_data(as_text=True)
    assert asked.status_code == 422
    assert ("The class does not see this quiz&#39;s right answers until its due date "
            "(Dec 12, 2099, 5:00\u202fPM): each reveal of a live quiz shows them.") in html
    assert 'id="live-reveal_anyway"' in html
    assert 'id="live-reveal_anyway"' not in teacher.get(live_page).get_data(as_text=True)
    with app.app_context():  # the answers never shown: said so
        assign_quiz(db.session.get_one(Classroom, room["class_id"]),
                    db.session.get_one(Quiz, room["quiz_id"]), None, None, "best",
                    review_answers="never")
    never = _post(teacher, live_page, live_page, **{"live-quiz": quiz_id})
    assert never.status_code == 422 and ("The class is never shown this quiz&#39;s right "
                                         "answers") in never.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(LiveSession.id))) == 0
    agreed = _post(teacher, live_page, live_page,
                   **{"live-quiz": quiz_id, "live-reveal_anyway": "y"})
    assert agreed.status_code == 302 and "/teacher/live/" in agreed.headers["Location"]


def test_guests_let_in_ask_first_when_another_class_waits_for_the_answers(
        app: Flask, room: dict[str, object], users) -> None:
    """Another teacher's class has the quiz to do, its answers kept until its due date: a
    live quiz of this class open to guests would show them to anyone with its code (a
    student of that class, logged out). Asked first, the other class not named; without
    guests, nothing is asked."""
    import datetime as dt

    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    live_page = f"/teacher/classes/{room['class_id']}/live"
    quiz_id = str(room["quiz_id"])
    other_teacher = users.make("autre", "M. Autre", role="teacher")
    with app.app_context():
        other = create_class(db.session.get_one(User, other_teacher), "3e Secret", "2026-2027")
        assign_quiz(other, db.session.get_one(Quiz, room["quiz_id"]), None,
                    dt.datetime(2099, 12, 12, 16, 0, tzinfo=dt.UTC), "best")
    asked = _post(teacher, live_page, live_page,
                  **{"live-quiz": quiz_id, "live-guests_allowed": "y"})
    html = asked.get_data(as_text=True)
    assert asked.status_code == 422
    assert ("Another class does not see this quiz&#39;s right answers yet: guests join with "
            "the code from anywhere, and each reveal shows them.") in html
    assert "3e Secret" not in html and 'id="live-reveal_anyway"' in html
    agreed = _post(teacher, live_page, live_page, **{
        "live-quiz": quiz_id, "live-guests_allowed": "y", "live-reveal_anyway": "y"})
    assert agreed.status_code == 302
    _control(room, int(agreed.headers["Location"].rsplit("/", 1)[1]), "end")
    without_guests = _post(teacher, live_page, live_page, **{"live-quiz": quiz_id})
    assert without_guests.status_code == 302


def test_answers_the_class_already_sees_ask_nothing(app: Flask, room: dict[str, object]
                                                    ) -> None:
    import datetime as dt

    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    live_page = f"/teacher/classes/{room['class_id']}/live"  # the class's live tab
    with app.app_context():
        assign_quiz(db.session.get_one(Classroom, room["class_id"]),
                    db.session.get_one(Quiz, room["quiz_id"]), None,
                    dt.datetime(2020, 1, 1, tzinfo=dt.UTC), "best")  # due date past
    started = _post(teacher, live_page, live_page,
                    **{"live-quiz": str(room["quiz_id"])})
    assert started.status_code == 302


def test_a_tap_after_the_countdown_is_refused_and_said_once(
        app: Flask, room: dict[str, object]) -> None:
    """The phone's page says « Too late » in place of the choices once the countdown is over:
    a late tap (a phone without its script) is refused and not told so a second time."""
    session_id, code = _start(room)
    lea = room["phones"]["lea"]  # type: ignore[index]
    _post(lea, "/live", "/live", code=code)
    _control(room, session_id, "next")
    question = _question(app, session_id)
    with app.app_context(), write_transaction():
        session = db.session.get_one(LiveSession, session_id)
        session.deadline = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    page = f"/live/{session_id}"
    response = _post(lea, page, page, question=str(question.id),
                     choice=str(question.choices[0].id))
    assert response.status_code == 302
    html = lea.get(page).get_data(as_text=True)
    assert html.count("Too late: the time for this question is up.") == 1 + 1  # + <template>
    assert 'class="flash' not in html
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(LiveAnswer.id))) == 0


def test_a_podium_decided_by_speed_says_so(app: Flask, room: dict[str, object]) -> None:
    """Léa and Tom both right: Léa answered first, so she is first, not tied; the projector's
    podium and the teacher's standings say that speed decided."""
    with app.app_context():
        prof = db.session.scalar(sa.select(User).where(User.username == "prof"))
        session = live.start_session(prof, db.session.get_one(Classroom, room["class_id"]),
                                     db.session.get_one(Quiz, room["quiz_id"]),
                                     speed_breaks_ties=True)
        session_id = session.id
        users = {u.username: u for u in db.session.scalars(sa.select(User))}
        for name in ("lea", "tom"):
            live.join(session, users[name])
        session = live.control(session_id, prof.id, "next")
        question = live.current_question(session)
        for name in ("lea", "tom"):
            live.answer(session_id, users[name].id, question.id, question.correct_choice_id)
        live.control(session_id, prof.id, "reveal")
    _play_to_the_end(room, session_id, app)
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    podium_page = teacher.get(f"/teacher/live/{session_id}/projector").get_data(as_text=True)
    podium = podium_page.split('<ol class="live-podium">')[1].split("</ol>")[0]
    assert podium.index("Lea") < podium.index("Tom") and "tied" not in podium
    assert ('<p class="live-podium-note">Equal points: the faster answers come first.</p>'
            in podium_page)
    assert "Equal points: the faster answers come first." in teacher.get(
        f"/teacher/live/{session_id}").get_data(as_text=True)


def test_a_phone_opened_during_a_pause_runs_no_countdown(
        app: Flask, room: dict[str, object]) -> None:
    """Paused with seconds left: the phone's page gives its script no countdown to run (it
    would reach 0 and say « Too late » while the question waits to go on)."""
    with app.app_context():
        prof = db.session.scalar(sa.select(User).where(User.username == "prof"))
        session = live.start_session(prof, db.session.get_one(Classroom, room["class_id"]),
                                     db.session.get_one(Quiz, room["quiz_id"]), countdown=30)
        session_id, prof_id = session.id, prof.id
        live.join(session, db.session.scalar(sa.select(User).where(User.username == "lea")))
        live.control(session_id, prof_id, "next")
    lea = room["phones"]["lea"]  # type: ignore[index]
    running = lea.get(f"/live/{session_id}").get_data(as_text=True)
    assert 'data-live="countdown" data-ms="' in running
    with app.app_context():
        live.control(session_id, prof_id, "pause")
    paused = lea.get(f"/live/{session_id}").get_data(as_text=True)
    assert "data-ms=" not in paused and "Paused: answer when the quiz goes on." in paused
    assert 'button type="submit" name="choice"' in paused  # the choices, not « Too late »


def test_a_students_home_says_a_live_quiz_is_on_in_their_class(
        app: Flask, room: dict[str, object], users, auth) -> None:
    """While the class plays live, its students' home pages say so and lead to the join page;
    not once it is over, nor for a session left open since yesterday, nor to another class."""
    lea = room["phones"]["lea"]  # type: ignore[index]
    outsider = app.test_client()
    users.make("noah")
    auth.log_in("noah", client=outsider)
    assert "Live now in" not in lea.get("/").get_data(as_text=True)
    session_id, _code = _start(room)
    home = lea.get("/").get_data(as_text=True)
    banner = home.split('class="flash flash-info live-now-banner"')[1].split("</div>")[0]
    assert "Live now in 4e B:" in banner and "Russie et Corée du Nord" in banner
    # One tap joins: the code is sent for her (she need not see the projector).
    assert f'<input type="hidden" name="code" value="{_code}">' in banner
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', banner))
    joined = lea.post("/live", data=fields)
    assert joined.status_code == 302 and joined.headers["Location"] == f"/live/{session_id}"
    join_page = lea.get("/live").get_data(as_text=True)
    assert "Russie et Corée du Nord" in join_page
    assert f'name="code" value="{_code}"><button type="submit" class="button primary">Join' \
        in join_page
    assert "Live now in" not in outsider.get("/").get_data(as_text=True)
    with app.app_context(), write_transaction():  # left open since yesterday
        db.session.get_one(LiveSession, session_id).created_at -= dt.timedelta(hours=7)
    assert "Live now in" not in lea.get("/").get_data(as_text=True)
    with app.app_context(), write_transaction():
        db.session.get_one(LiveSession, session_id).created_at += dt.timedelta(hours=7)
    _control(room, session_id, "end")
    assert "Live now in" not in lea.get("/").get_data(as_text=True)
    _session, going_on = _start(room)
    # A second one while it goes on: said on the live tab before the form, and refused,
    # naming the one going on.
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    live_page = f"/teacher/classes/{room['class_id']}/live"
    notice = teacher.get(live_page).text.split('id="going-on">')[1].split("</p>")[0]
    assert f"The live quiz {going_on}, “Russie et Corée du Nord" in notice
    assert f'<a href="/teacher/live/{_session}">Open it</a>' in notice
    second = _post(teacher, live_page, live_page, **{"live-quiz": str(room["quiz_id"])})
    assert second.status_code == 422
    assert (f"The class&#39;s live quiz {going_on} is still going on: open it from the list "
            "above and end it, then start this one.") in second.text
    # Two left open (started before that rule): one notice on the home.
    with app.app_context(), write_transaction():
        db.session.get_one(LiveSession, _session).created_at -= dt.timedelta(hours=7)
    newest, _code = _start(room)
    # The live tab lists the one left open as such: only the newest is « in progress ».
    listed = teacher.get(live_page).text.split('class="live-sessions"')[1].split("</ul>")[0]
    rows = {int(n): row for n, row in re.findall(r'/teacher/live/(\d+)">(.*?)</li>', listed)}
    assert rows[newest].endswith("in progress") and rows[_session].endswith(
        "left open, never ended") and rows[session_id].endswith("over")
    with app.app_context(), write_transaction():
        db.session.get_one(LiveSession, _session).created_at += dt.timedelta(hours=7)
    assert lea.get("/").get_data(as_text=True).count("Live now in 4e B:") == 1


def test_a_student_hidden_from_the_boards_is_counted_not_named_on_the_teachers_page(
        app: Flask, room: dict[str, object]) -> None:
    """Lea, hidden from the class's boards, plays: the projector and the teacher's standings
    leave her out (the teacher's page is often the one on the projector), and the teacher's
    page says one hidden student took part."""
    with app.app_context():
        db.session.execute(sa.update(Membership).where(Membership.user_id == db.session.scalar(
            sa.select(User.id).where(User.username == "lea"))).values(hidden_from_board=True))
        db.session.commit()
    session_id, _lea, _question = _lea_right_at_the_first_question(app, room)
    teacher: FlaskClient = room["teacher"]  # type: ignore[assignment]
    control = teacher.get(f"/teacher/live/{session_id}").get_data(as_text=True)
    assert html_text(control, "hidden-players") == (
        "1 student you hid from the class's boards took part: left out of the standings, as "
        "on every board.")
    projector = teacher.get(f"/teacher/live/{session_id}/projector").get_data(as_text=True)
    assert "Lea" not in projector


@sqlite_pass_only  # PostgreSQL's sequences never give an id again
def test_an_account_made_with_a_deleted_ones_id_does_not_get_its_live_place(
        app: Flask, room: dict[str, object], auth) -> None:
    """SQLite gives the id of the newest account deleted to the next one. An erasure empties
    its own process's cache of live places; another process (gunicorn) kept Tom's place under
    his id, and the next account made, with that id, was served Tom's phone state. The place
    is kept by the account's id and creation time."""
    from quiz.caching import cache
    from quiz.services.personal_data import erase_students

    session_id, code = _start(room)
    tom: FlaskClient = room["phones"]["tom"]  # type: ignore[index]
    _post(tom, "/live", "/live", code=code)
    assert tom.get(f"/live/{session_id}/state.json").status_code == 200
    with app.app_context():
        places = cache("live_participants")
        tom_id = db.session.scalar(sa.select(User.id).where(User.username == "tom"))
        kept = {key: places.get(key) for key in list(places._values)  # this process's
                if key[1] == tom_id}
        assert kept
        erase_students([tom_id])
        for key, place in kept.items():  # as another process still has them
            places.put(key, place)
    newcomer = app.test_client()
    assert auth.register("zoe", "Zoé", client=newcomer).status_code == 302
    with app.app_context():
        assert db.session.scalar(sa.select(User.id).where(User.username == "zoe")) == tom_id
    assert newcomer.get(f"/live/{session_id}/state.json").status_code == 404
