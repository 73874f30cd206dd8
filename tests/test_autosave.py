"""Autosave: every answer stored as it is chosen, back after a reload or on another device,
graded exactly once at submit, seen by nobody else; every bad save refused and changing
nothing."""

from __future__ import annotations

import re
import threading
import time

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.extensions import db
from quiz.models import Answer, Attempt, Quiz, SavedAnswer, User
from quiz.services.attempts import (
    AttemptAlreadySubmitted,
    AttemptMoved,
    InvalidChoice,
    save_answers,
    saved_answers,
    start_attempt,
)
from quiz.services.importer import import_items, prepare_text
from tests.support import SEED_QUIZ, csrf_token
from tests.test_student_pages import answers, questions_of, start, submit

pytestmark = pytest.mark.usefixtures("demo_quizzes")
JSON = {"Accept": "application/json"}


def save(client: FlaskClient, url: str, data: dict[str, str], *, as_json: bool = True):
    token = csrf_token(client.get(url).get_data(as_text=True))
    return client.post(f"{url}/answers", data={"csrf_token": token, **data},
                       headers=JSON if as_json else {})


def chosen_values(html: str) -> set[str]:
    return {m for m in re.findall(r'<input[^>]*value="(\d+)"[^>]*checked', html)} | {
        m for m in re.findall(r'<input[^>]*checked[^>]*value="(\d+)"', html)}


def test_answers_saved_come_back_after_a_reload_and_on_another_device(
        client: FlaskClient, student: int, app: Flask, auth) -> None:
    url = start(client)
    right = answers(questions_of(app, url))
    first_three = dict(list(right.items())[:3])
    save(client, url, dict(list(right.items())[:1]))
    french = client.get(url, headers={"Accept-Language": "fr"}).text  # one: the singular
    assert "1 réponse sur 12 enregistrée\u00a0: vous pouvez continuer" in french
    response = save(client, url, first_three)
    assert response.status_code == 200
    assert response.get_json() == {"answered": 3, "total": 12}
    html = client.get(url).get_data(as_text=True)  # a reload
    assert chosen_values(html) == set(first_three.values())
    assert "3 of 12 answers saved" in html
    french = client.get(url, headers={"Accept-Language": "fr"}).text
    assert "3 réponses sur 12 enregistrées\u00a0:" in french
    phone = app.test_client()  # the same student on a phone: Resume
    auth.log_in("lea", client=phone)
    assert chosen_values(phone.get(url).get_data(as_text=True)) == set(first_three.values())
    # A change of mind replaces the earlier choice of that question, and only it.
    question, value = next(iter(first_three.items()))
    other = next(c.id for q in questions_of(app, url) if f"q{q.id}" == question
                 for c in q.choices if str(c.id) != value)
    assert save(client, url, {question: str(other)}).get_json()["answered"] == 3
    html = client.get(url).get_data(as_text=True)
    assert str(other) in chosen_values(html) and value not in chosen_values(html)


def test_without_javascript_the_save_button_stores_and_says_so(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    html = client.get(url).get_data(as_text=True)
    assert f'formaction="{url}/answers"' in html and "Save for later, without submitting" in html
    two = dict(list(answers(questions_of(app, url)).items())[:2])
    response = save(client, url, two, as_json=False)
    assert response.status_code == 302 and response.headers["Location"] == url
    html = client.get(url).get_data(as_text=True)
    # Saved is not handed in: said first (a student took it for a submission).
    assert ("Saved, not submitted yet (2 of 12 answers): nothing is graded until you press "
            "“Submit my answers”.") in html
    line = html.split('id="save-status"')[1].split("</p>")[0]
    assert line.endswith("2 of 12 answers saved: you can carry on here or on another device.")
    assert chosen_values(html) == set(two.values())


def test_save_for_later_sent_once_every_change_is_stored_keeps_the_saved_answers(
        client: FlaskClient, student: int, app: Flask) -> None:
    """The quiz page's script stores each change, then sends « Save for later » with
    all_saved: the page's older answers (question 1 right, changed to wrong on a phone since)
    are not stored over the saved ones; the page says what is saved."""
    url = start(client)
    questions = questions_of(app, url)
    right = answers(questions)
    on_phone = answers(questions, wrong={1})
    save(client, url, {name: on_phone[name] for name in list(on_phone)[:2]})
    stale = {name: right[name] for name in list(right)[:2]}
    response = save(client, url, {**stale, "all_saved": "1"}, as_json=False)
    assert response.status_code == 302 and response.headers["Location"] == url
    html = client.get(url).get_data(as_text=True)
    assert "Saved, not submitted yet (2 of 12 answers)" in html
    assert chosen_values(html) == {on_phone[name] for name in list(on_phone)[:2]}


def test_saving_before_choosing_anything_says_none_is_saved(
        client: FlaskClient, student: int, app: Flask) -> None:
    """The Save button pressed before any choice (or a page's first autosave): nothing
    stored, and the count says 0, not 1."""
    url = start(client)
    assert save(client, url, {}).get_json() == {"answered": 0, "total": 12}
    save(client, url, {}, as_json=False)
    assert "Saved, not submitted yet (0 of 12 answers)" in client.get(url).get_data(as_text=True)
    with app.app_context():
        assert saved_answers(int(url.rsplit("/", 1)[1])) == {}


def test_submitting_grades_the_last_choices_once_and_keeps_no_saved_copy(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    questions = questions_of(app, url)
    save(client, url, answers(questions, wrong={1, 2, 3}))  # saved: 9 right
    response = submit(client, url, answers(questions, wrong={1}))  # the last choices: 11
    assert response.status_code == 302
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        assert (attempt.status, attempt.score) == ("submitted", 11)
        assert db.session.scalar(sa.select(sa.func.count()).select_from(SavedAnswer)) == 0
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 12
    # A stale tab saving afterwards changes nothing and says why.
    late = save(client, url, answers(questions))
    assert late.status_code == 409
    assert "already submitted" in late.get_json()["error"]
    assert late.get_json()["url"] == url  # the page's script links to its result
    with app.app_context():
        assert db.session.get_one(Attempt, int(url.rsplit("/", 1)[1])).score == 11
        assert db.session.scalar(sa.select(sa.func.count()).select_from(SavedAnswer)) == 0


def test_submitting_one_quiz_keeps_the_answers_saved_in_another(
        client: FlaskClient, student: int, app: Flask) -> None:
    """Two quizzes open in two tabs: handing in one clears its own saved copy only."""
    treaty = start(client)
    meals = start(client, "sample-plastic-free-school-meals")
    three = dict(list(answers(questions_of(app, meals)).items())[:3])
    save(client, meals, three)
    assert submit(client, treaty, answers(questions_of(app, treaty))).status_code == 302
    html = client.get(meals).get_data(as_text=True)
    assert chosen_values(html) == set(three.values())
    assert "3 of 5 answers saved" in html


def test_a_submit_with_questions_missing_keeps_the_others_saved(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    five = dict(list(answers(questions_of(app, url)).items())[:5])
    assert submit(client, url, five).status_code == 422
    assert chosen_values(client.get(url).get_data(as_text=True)) == set(five.values())


def test_a_submit_from_an_older_tab_takes_the_answers_saved_in_another(
        client: FlaskClient, student: int, app: Flask) -> None:
    """Tab A answered questions 1–2; tab B, opened later, answered 3–12 (saved). Sending tab
    A hands in all twelve: what it sends for its two, what was saved for the others (it said
    that 3–12 had no answer, while tab B said every answer was saved)."""
    url = start(client)
    questions = questions_of(app, url)
    in_tab_b = answers(questions, wrong={1, 3})
    save(client, url, in_tab_b)  # question 1 wrong there, right in tab A: tab A's counts
    in_tab_a = dict(list(answers(questions).items())[:2])
    response = submit(client, url, in_tab_a)
    assert response.status_code == 302
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        assert (attempt.status, attempt.score) == ("submitted", 11)  # question 3 wrong


def test_a_tab_of_an_edited_quiz_version_hands_nothing_in(
        client: FlaskClient, student: int, app: Flask) -> None:
    """Every answer saved (all wrong); the teacher edits the quiz and Resume moves the attempt
    to the new version; a tab still showing the old version sends every answer right: none
    of its questions is the attempt's now, so nothing is handed in for it from what was saved
    (the page comes back with the current questions)."""
    url = start(client)
    old = questions_of(app, url)
    save(client, url, answers(old, wrong=set(range(1, 13))))
    token = csrf_token(client.get(url).get_data(as_text=True))
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        text = quiz.revision.source_text
        # A new version whose questions keep their choices: every saved answer moves with it.
        title = text.splitlines()[0]
        import_items([prepare_text(SEED_QUIZ, text.replace(title, title + " (mis à jour)", 1),
                                   f"{SEED_QUIZ}.md")])
    assert start(client) == url  # Resume: the attempt moves to the new version
    assert questions_of(app, url)[0].id != old[0].id
    with app.app_context():
        assert len(saved_answers(int(url.rsplit("/", 1)[1]))) == 12
    response = client.post(url, data={"csrf_token": token, **answers(old)})
    assert response.status_code == 422
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        assert (attempt.status, attempt.score) == ("in_progress", None)


@pytest.mark.parametrize("bad", ["another question's choice", "a question of another quiz",
                                 "not a number", "a digit that is not ASCII"])
def test_bad_saves_are_refused_and_change_nothing(client: FlaskClient, student: int,
                                                  app: Flask, bad: str) -> None:
    url = start(client)
    questions = questions_of(app, url)
    save(client, url, {f"q{questions[0].id}": str(questions[0].choices[0].id)})
    data = {
        "another question's choice": {f"q{questions[1].id}": str(questions[0].choices[1].id)},
        "a question of another quiz": {"q999999": "1"},
        "not a number": {f"q{questions[1].id}": "1 OR 1=1"},
        "a digit that is not ASCII": {f"q{questions[1].id}": "²"},  # str.isdigit() says yes
    }[bad]
    response = save(client, url, data)
    assert response.status_code == 400
    assert "Reload the quiz page" in response.get_json()["error"] or "reload the quiz page" in (
        response.get_json()["error"])
    if bad == "another question's choice":
        assert response.get_json()["error"].startswith("Question 2:")
    with app.app_context():
        assert saved_answers(int(url.rsplit("/", 1)[1])) == {
            questions[0].id: questions[0].choices[0].id}


def test_a_save_without_its_token_or_to_someone_elses_attempt_is_refused(
        client: FlaskClient, student: int, app: Flask, users, auth) -> None:
    url = start(client)
    questions = questions_of(app, url)
    one = {f"q{questions[0].id}": str(questions[0].choices[0].id)}
    no_token = client.post(f"{url}/answers", data=one, headers=JSON)
    assert no_token.status_code == 400 and "reload the page" in no_token.get_json()["error"]
    users.make("tom")
    tom = app.test_client()
    auth.log_in("tom", client=tom)
    token = csrf_token(tom.get("/").get_data(as_text=True))
    assert tom.post(f"{url}/answers", data={"csrf_token": token, **one},
                    headers=JSON).status_code == 404
    with app.app_context():
        assert saved_answers(int(url.rsplit("/", 1)[1])) == {}


def test_saved_answers_are_seen_by_nobody_else_and_count_nowhere(
        client: FlaskClient, student: int, app: Flask, teacher: FlaskClient) -> None:
    url = start(client)
    questions = questions_of(app, url)
    save(client, url, answers(questions))
    # The teacher's pages of the quiz (its results and what classes got wrong count graded
    # answers only): nothing of an attempt in progress.
    assert teacher.get(url).status_code == 404
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0
        assert db.session.scalar(sa.select(Attempt.score)) is None


def test_saved_answers_follow_their_questions_when_the_quiz_is_edited(
        app: Flask, users) -> None:
    """Resume after the teacher edited the quiz: answers to unchanged questions stay; a
    question whose choices changed loses its saved answer (its choices are not the same), and
    so does a question taken out of the quiz."""
    lea_id = users.make("lea")
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        lea = db.session.get_one(User, lea_id)
        attempt = start_attempt(lea, quiz)
        content = questions_of(app, f"/attempts/{attempt.id}")
        first, second, third = content[0], content[1], content[2]
        save_answers(attempt, {first.id: first.choices[0].id, second.id: second.choices[1].id,
                               third.id: third.choices[0].id})
        text = quiz.revision.source_text
        changed_choice = second.choices[1].text
        edited = re.sub(rf"### {third.key}\n.*?(?=\n### )", "", text, count=1, flags=re.S)
        assert third.key not in edited
        import_items([prepare_text(SEED_QUIZ, edited.replace(
            changed_choice, changed_choice + " (corrigé)", 1), f"{SEED_QUIZ}.md")])
        moved = start_attempt(lea, db.session.scalar(sa.select(Quiz).where(
            Quiz.slug == SEED_QUIZ)))
        assert moved.id == attempt.id and moved.revision_id != first.revision_id
        kept = saved_answers(moved.id)
        new_questions = questions_of(app, f"/attempts/{moved.id}")
        assert kept == {new_questions[0].id: new_questions[0].choices[0].id}


def test_a_save_racing_an_edit_of_the_quiz_stores_nothing(app: Flask, users) -> None:
    """The save was checked against the version its page showed; the teacher's edit moved the
    attempt to the next version before the save was written: refused, nothing stored against
    the old version's questions."""
    lea_id = users.make("lea")
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        lea = db.session.get_one(User, lea_id)
        attempt = start_attempt(lea, quiz)
        first = questions_of(app, f"/attempts/{attempt.id}")[0]
        db.session.expunge(attempt)  # as the save request read it, on the first version
        text = quiz.revision.source_text
        import_items([prepare_text(SEED_QUIZ, text.replace(
            first.choices[1].text, first.choices[1].text + " (corrigé)", 1), f"{SEED_QUIZ}.md")])
        moved = start_attempt(lea, db.session.scalar(sa.select(Quiz).where(
            Quiz.slug == SEED_QUIZ)))
        assert moved.id == attempt.id and moved.revision_id != attempt.revision_id
        with pytest.raises(AttemptMoved):
            save_answers(attempt, {first.id: first.choices[0].id})
        assert saved_answers(attempt.id) == {}


def test_a_save_under_way_when_the_attempt_moves_is_moved_with_it(
        app: Flask, users, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save holds the attempt's row while the quiz's new version arrives: the start that
    moves the attempt waits for it, then moves its answer too. (On PostgreSQL the move reads
    the attempt with a row lock: without it, the move read the saved answers before the save
    committed, and the answer stayed on the old version's question, shown nowhere. SQLite
    serialises the two writes whole.)"""
    from quiz.services import attempts as attempts_module

    lea_id = users.make("lea")
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        attempt = start_attempt(db.session.get_one(User, lea_id), quiz)
        attempt_id = attempt.id
        first = questions_of(app, f"/attempts/{attempt_id}")[0]
        second = questions_of(app, f"/attempts/{attempt_id}")[1]
        text = quiz.revision.source_text
        import_items([prepare_text(SEED_QUIZ, text.replace(
            second.choices[1].text, second.choices[1].text + " (corrigé)", 1),
            f"{SEED_QUIZ}.md")])
    locked, go = threading.Event(), threading.Event()
    real_utcnow = attempts_module.utcnow

    def utcnow_holding_the_save():  # noqa: ANN202
        if threading.current_thread().name == "save":  # the save's rows are locked by now
            locked.set()
            go.wait(10)
        return real_utcnow()

    monkeypatch.setattr(attempts_module, "utcnow", utcnow_holding_the_save)
    failures: list[BaseException] = []

    def run(work) -> None:  # noqa: ANN001
        with app.app_context():
            try:
                work()
            except BaseException as error:  # noqa: BLE001 - reported below
                failures.append(error)
            finally:
                db.session.remove()

    saving = threading.Thread(name="save", target=run, args=(lambda: save_answers(
        db.session.get_one(Attempt, attempt_id), {first.id: first.choices[0].id}),))
    moving = threading.Thread(name="move", target=run, args=(lambda: start_attempt(
        db.session.get_one(User, lea_id),
        db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))),))
    saving.start()
    assert locked.wait(10)
    moving.start()
    time.sleep(0.5)  # the move reaches the attempt's row (and waits, or not)
    go.set()
    saving.join(20)
    moving.join(20)
    assert not failures
    with app.app_context():
        new_first = questions_of(app, f"/attempts/{attempt_id}")[0]
        assert new_first.id != first.id  # the attempt is on the new version
        assert saved_answers(attempt_id) == {new_first.id: new_first.choices[0].id}

def test_the_service_refuses_a_choice_of_another_attempts_quiz(app: Flask, users) -> None:
    lea_id = users.make("lea")
    with app.app_context():
        lea = db.session.get_one(User, lea_id)
        seed = start_attempt(lea, db.session.scalar(sa.select(Quiz).where(
            Quiz.slug == SEED_QUIZ)))
        other = start_attempt(lea, db.session.scalar(sa.select(Quiz).where(
            Quiz.slug == "exemple-velo-ecole")))
        foreign = questions_of(app, f"/attempts/{other.id}")[0]
        mine = questions_of(app, f"/attempts/{seed.id}")[0]
        with pytest.raises(InvalidChoice):
            save_answers(seed, {mine.id: foreign.choices[0].id})
        with pytest.raises(InvalidChoice):
            save_answers(seed, {foreign.id: foreign.choices[0].id})
        assert saved_answers(seed.id) == {}
        db.session.execute(sa.update(Attempt).where(Attempt.id == seed.id).values(
            status="submitted", score=0, submitted_at=seed.started_at))
        db.session.commit()
        with pytest.raises(AttemptAlreadySubmitted):
            save_answers(db.session.get_one(Attempt, seed.id), {mine.id: mine.choices[0].id})


def test_a_script_saving_after_logout_is_told_so(client: FlaskClient, student: int,
                                                 app: Flask) -> None:
    """Not the login page (which a script would take for a success): a 401 it can show."""
    url = start(client)
    questions = questions_of(app, url)
    token = csrf_token(client.get(url).get_data(as_text=True))
    client.post("/logout", data={"csrf_token": token})
    response = client.post(f"{url}/answers", headers=JSON, data={
        "csrf_token": token, f"q{questions[0].id}": str(questions[0].choices[0].id)})
    assert response.status_code == 401
    assert "you are logged out" in response.get_json()["error"]
    assert client.get(url).status_code == 302  # a page still goes to the login form


def test_a_script_saving_after_its_session_cookie_is_lost_is_told_it_is_logged_out(
        client: FlaskClient, student: int, app: Flask) -> None:
    """The cookie gone (cleared, or a phone's browser dropping it): the form token cannot be
    checked, and what the student is told is that they are logged out, not that the form
    expired; the page's submission goes to the login form, which comes back to the quiz."""
    url = start(client)
    questions = questions_of(app, url)
    token = csrf_token(client.get(url).get_data(as_text=True))
    client.delete_cookie("session", domain="localhost")
    one = {"csrf_token": token, f"q{questions[0].id}": str(questions[0].choices[0].id)}
    response = client.post(f"{url}/answers", headers=JSON, data=one)
    assert response.status_code == 401
    assert response.get_json() == {"error": response.get_json()["error"], "logged_out": True}
    assert "you are logged out" in response.get_json()["error"]
    # The page's submission (and the no-script save, an address that takes only forms):
    # the login form, then back to the quiz page it was sent from, not to a 405.
    for posted in (url, f"{url}/answers"):
        page = client.post(posted, data=one, headers={"Referer": f"http://localhost{url}"})
        assert page.status_code == 302
        assert page.headers["Location"] == f"/login?next={url}"


def test_a_page_open_since_an_ended_session_gets_a_new_token_and_saves(
        client: FlaskClient, student: int, app: Flask, auth) -> None:
    """Logged out and in again (in another tab): the quiz page's token is of the old session;
    its script is told so, asks for this session's token and saves with it."""
    url = start(client)
    questions = questions_of(app, url)
    token = csrf_token(client.get(url).get_data(as_text=True))
    client.post("/logout", data={"csrf_token": token})
    auth.log_in("lea")
    one = {f"q{questions[0].id}": str(questions[0].choices[0].id)}
    stale = client.post(f"{url}/answers", headers=JSON, data={"csrf_token": token, **one})
    assert stale.status_code == 400 and stale.get_json()["csrf"] is True
    renewed = client.get("/account/token", headers=JSON)
    assert renewed.status_code == 200 and renewed.headers["Cache-Control"] == "no-store"
    saved = client.post(f"{url}/answers", headers=JSON,
                        data={"csrf_token": renewed.get_json()["csrf_token"], **one})
    assert saved.get_json() == {"answered": 1, "total": 12}
    anonymous = app.test_client().get("/account/token", headers=JSON)
    assert anonymous.status_code == 401 and anonymous.get_json()["logged_out"] is True


def test_a_tab_whose_changes_were_all_stored_hands_in_the_latest_saved_answers(
        client: FlaskClient, student: int, app: Flask) -> None:
    """The laptop's tab shows question 1 right; the phone changed it to a wrong answer since
    (saved). The laptop's script stored each of its own changes before submitting
    (all_saved): the saved answers are the latest, and question 1 is graded as the phone
    left it. Without that word (no script), what the tab sends wins (test above)."""
    url = start(client)
    questions = questions_of(app, url)
    save(client, url, answers(questions, wrong={1}))  # the phone's answers, saved last
    response = submit(client, url, {**answers(questions), "all_saved": "1"})
    assert response.status_code == 302
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        assert (attempt.status, attempt.score) == ("submitted", 11)


def test_a_late_save_of_a_page_never_undoes_its_newer_one(
        client: FlaskClient, student: int, app: Flask) -> None:
    """Léa chose A, the save was slow (her script gave up on it and sent her next choice, B);
    the slow one reaches the server after B was stored: B stays. What it also carried
    (another question) is stored; another device's later save wins as before."""
    url = start(client)
    questions = questions_of(app, url)
    first, second = questions[0], questions[1]
    a, b, c = (str(choice.id) for choice in first.choices[:3])
    page = "f3a9c2d1e4b5a6c7"
    assert save(client, url, {f"q{first.id}": b, "page": page, "change": "5"}
                ).status_code == 200
    late = save(client, url, {f"q{first.id}": a, f"q{second.id}": str(second.choices[0].id),
                              "page": page, "change": "4"})
    assert late.status_code == 200 and late.get_json()["answered"] == 2
    with app.app_context():
        saved = saved_answers(int(url.rsplit("/", 1)[1]))
    assert saved == {first.id: int(b), second.id: second.choices[0].id}
    assert save(client, url, {f"q{first.id}": c, "page": "0a1b2c3d4e5f6a7b", "change": "1"}
                ).status_code == 200  # her phone, later
    assert save(client, url, {f"q{first.id}": a}).status_code == 200  # no script: stored
    with app.app_context():
        assert saved_answers(int(url.rsplit("/", 1)[1]))[first.id] == int(a)


@pytest.mark.parametrize("fields", [{"page": "x" * 65, "change": "1"},
                                    {"page": "f3a9c2d1", "change": "-1"},
                                    {"page": "f3a9c2d1", "change": "soon"},
                                    {"change": "3"}])
def test_a_tampered_page_or_change_number_is_refused_and_stores_nothing(
        client: FlaskClient, student: int, app: Flask, fields: dict[str, str]) -> None:
    url = start(client)
    question = questions_of(app, url)[0]
    refused = save(client, url, {f"q{question.id}": str(question.choices[0].id), **fields})
    assert refused.status_code == 400
    assert "reload the quiz page" in refused.get_json()["error"].lower()
    with app.app_context():
        assert saved_answers(int(url.rsplit("/", 1)[1])) == {}
