"""A person's data (the RGPD's rights of access and erasure): a student downloads everything
the app keeps of them, deletes their account with all of it, and the site's administrator
deletes the accounts a school no longer needs — all or nothing."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

import quiz.auth.routes as auth_routes
from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import (
    Answer,
    Assignment,
    Attempt,
    Classroom,
    ClassStay,
    CountedResult,
    DeletedAccount,
    LiveAnswer,
    LiveParticipant,
    Membership,
    Quiz,
    RateLimit,
    Removal,
    SavedAnswer,
    User,
)
from quiz.services import live
from quiz.services.attempts import load_questions
from quiz.services.classes import assign_quiz, create_class, join_class, remove_member
from quiz.services.personal_data import (
    ErasureError,
    erase_students,
    inactive_students,
    personal_data,
)
from tests.support import PASSWORD, SEED_QUIZ, csrf_token
from tests.test_classes_pages import submit_seed

pytestmark = pytest.mark.usefixtures("demo_quizzes")
WRONG = 3  # the student answers the first 3 questions of the seed quiz wrong


@pytest.fixture
def school(app: Flask, users) -> dict[str, int]:
    """Mme Martin's class 4e B, given the seed quiz (score and marks held until a due date
    three days ahead), with Léa and Max in it."""
    ids = {"prof": users.make("prof", "Mme Martin", role="teacher"),
           "lea": users.make("lea", "Léa M."), "max": users.make("max", "Max D.")}
    with app.app_context():
        prof = db.session.get_one(User, ids["prof"])
        room = create_class(prof, "4e B", "2026-2027")
        for name in ("lea", "max"):
            join_class(db.session.get_one(User, ids[name]), room.join_code)
        quiz = db.session.scalars(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)).one()
        assign_quiz(room, quiz, None, dt.datetime.now(dt.UTC) + dt.timedelta(days=3), "best",
                    review_score="after_due", review_marks="after_due")
        ids["class"] = room.id
    return ids


def logged_in(app: Flask, auth, username: str) -> FlaskClient:
    client = app.test_client()
    auth.log_in(username, client=client)
    return client


def db_id(app: Flask, username: str) -> int:
    with app.app_context():
        return db.session.scalar(sa.select(User.id).where(User.username == username))


def rows_of(user_id: int) -> dict[str, int]:
    """How many rows of each kind name the student (call in an app context)."""
    theirs = sa.select(Attempt.id).where(Attempt.user_id == user_id)
    count = sa.func.count
    return {
        "user": db.session.scalar(sa.select(count()).where(User.id == user_id)),
        "attempts": db.session.scalar(sa.select(count()).select_from(theirs.subquery())),
        "answers": db.session.scalar(sa.select(count()).where(Answer.attempt_id.in_(theirs))),
        "saved": db.session.scalar(sa.select(count()).where(
            SavedAnswer.attempt_id.in_(theirs))),
        "memberships": db.session.scalar(sa.select(count()).where(
            Membership.user_id == user_id)),
        "counted": db.session.scalar(sa.select(count()).where(
            CountedResult.user_id == user_id)),
        "live": db.session.scalar(sa.select(count()).where(
            LiveParticipant.user_id == user_id)),
    }


def test_a_student_downloads_everything_kept_of_them_and_no_held_back_result(
        app: Flask, school: dict[str, int], auth) -> None:
    lea = logged_in(app, auth, "lea")
    submit_seed(app, lea, WRONG)
    with app.app_context():
        attempt = db.session.scalars(sa.select(Attempt)).one()
        questions = load_questions(attempt.revision_id)
        missed = [next(c.text for c in q.choices if c.is_correct) for q in questions[:WRONG]]
        chosen = [next(c.text for c in q.choices if not c.is_correct) for q in questions[:1]]
    page = lea.get("/account").get_data(as_text=True)
    assert "Download my data (JSON)" in page and "Delete my account" in page
    response = lea.get("/account/data.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="news-quiz-lea.json"')
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["username"] == "lea" and data["account"]["display_name"] == "Léa M."
    assert [(c["class"], c["teacher"]) for c in data["classes"]] == [("4e B", "Mme Martin")]
    [taken] = data["attempts"]
    assert taken["status"] == "submitted" and taken["total"] == len(questions)
    assert len(taken["answers"]) == len(questions)
    assert taken["answers"][0] == {"question": questions[0].prompt, "chosen": chosen[0],
                                   "right": None, "mark_held_back": True}
    # The teacher shows the score and the marks after the due date: not in the file before.
    assert taken["score"] is None and taken["score_held_back"] is True
    # Which attempt the class's assignment counts: not said while its score is held back
    # (with the best counting it would tell which attempt scored higher).
    assert data["counted_for_assignments"] == [
        {"class": "4e B", "quiz": taken["quiz"], "attempt_started_at": None}]
    text = response.get_data(as_text=True)
    for right in missed:
        assert json.dumps(right, ensure_ascii=False) not in text
    # Once the due date is past, the file has what the results page shows.
    with app.app_context(), write_transaction():
        db.session.execute(sa.update(Assignment).values(
            due_at=dt.datetime(2026, 1, 5, 12, tzinfo=dt.UTC)))
    data = lea.get("/account/data.json").get_json()
    [taken] = data["attempts"]
    assert taken["score"] == len(questions) - WRONG
    assert data["counted_for_assignments"][0]["attempt_started_at"] == taken["started_at"]
    assert [a["right"] for a in taken["answers"]] == [False] * WRONG + [True] * (
        len(questions) - WRONG)
    assert taken["regraded_at"] is None
    # Regraded by a teacher (a right answer corrected): when, as its results page says.
    with app.app_context(), write_transaction():
        db.session.execute(sa.update(Attempt).values(
            regraded_at=dt.datetime(2026, 1, 6, 9, tzinfo=dt.UTC)))
    [taken] = lea.get("/account/data.json").get_json()["attempts"]
    assert taken["regraded_at"] == "2026-01-06T09:00:00Z"


def test_the_file_holds_an_attempt_in_progress_and_live_answers(
        app: Flask, school: dict[str, int], auth) -> None:
    max_ = logged_in(app, auth, "max")
    token = csrf_token(max_.get("/").get_data(as_text=True))
    url = max_.post(f"/quizzes/{SEED_QUIZ}/start", data={"csrf_token": token}).headers[
        "Location"]
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        first = load_questions(attempt.revision_id)[0]
        question, prompt = first.id, first.prompt
        picked, text = first.choices[1].id, first.choices[1].text
        with write_transaction():
            db.session.add(SavedAnswer(attempt_id=attempt.id, question_id=question,
                                       choice_id=picked))
        room = db.session.get_one(Classroom, school["class"])
        quiz = db.session.scalars(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)).one()
        session = live.start_session(room.teacher, room, quiz)
        live.join(session, db.session.get_one(User, school["max"]))
        live.control(session.id, school["prof"], "next")
        live.answer(session.id, school["max"], question, picked)
    data = max_.get("/account/data.json").get_json()
    [started] = data["attempts"]
    assert started["status"] == "in_progress" and "score" not in started
    [saved] = started["answers"]
    assert (saved["question"], saved["chosen"]) == (prompt, text)
    assert saved["saved_at"].endswith("Z")
    [given] = data["live_answers"]
    assert (given["question"], given["chosen"]) == (prompt, text)
    assert "right" not in given and given["seconds_to_answer"] >= 0
    assert [(j["quiz"], j["class"]) for j in data["live_quizzes_joined"]] == [
        (given["quiz"], "4e B")]


def test_a_student_deletes_their_account_and_everything_in_it(
        app: Flask, school: dict[str, int], auth) -> None:
    lea = logged_in(app, auth, "lea")
    max_ = logged_in(app, auth, "max")
    submit_seed(app, lea, WRONG)
    submit_seed(app, max_, 0)
    with app.app_context():
        assert rows_of(school["lea"])["answers"] > 0 and rows_of(school["lea"])["counted"] == 1
        kept = rows_of(school["max"])
    token = csrf_token(lea.get("/account").get_data(as_text=True))

    def delete(**fields: str):
        return lea.post("/account/delete", data={"csrf_token": token, **fields})

    wrong = delete(confirm_password="pas le bon", understood="y")
    assert wrong.status_code == 422 and "This is not your password." in wrong.get_data(
        as_text=True)
    unticked = delete(confirm_password=PASSWORD)
    assert unticked.status_code == 422
    assert "Tick the box to say you understand what is deleted." in unticked.get_data(
        as_text=True)
    with app.app_context():
        assert rows_of(school["lea"])["user"] == 1  # nothing deleted yet
    deleted = delete(confirm_password=PASSWORD, understood="y")
    assert deleted.status_code == 302 and deleted.headers["Location"] == "/login"
    assert "Your account lea is deleted" in lea.get("/login").get_data(as_text=True)
    assert lea.get("/").status_code == 302  # logged out
    with app.app_context():
        assert set(rows_of(school["lea"]).values()) == {0}
        assert rows_of(school["max"]) == kept  # the classmate's results untouched
    prof = logged_in(app, auth, "prof")
    board = prof.get(f"/classes/{school['class']}/board").get_data(as_text=True)
    assert "Max D." in board and "Léa M." not in board
    gradebook = prof.get(f"/teacher/classes/{school['class']}/gradebook.csv").get_data(
        as_text=True)
    assert "Max D." in gradebook and "Léa M." not in gradebook
    # The class's students page counts it, and when, and nothing of whom (a student who
    # deletes her account and registers again starts afresh, attempt limits included: the
    # teacher sees why results vanished and when the new account joined).
    students = prof.get(f"/teacher/classes/{school['class']}/students").get_data(as_text=True)
    today = students.split('id="deleted-accounts">')[1].split("</p>")[0]
    assert re.fullmatch(r"1 student of this class had their account deleted \(on "
                        r"\w+ \d+, 20\d\d\): their attempts went with it\. One who registers "
                        r"again starts afresh, attempt limits included\.", today), today
    assert "Léa" not in students
    # The username is free again: a new account, with nothing of the old one.
    again = app.test_client()
    assert auth.register("lea", "Léa Nouvelle", client=again).status_code == 302
    assert again.get("/account/data.json").get_json()["attempts"] == []


def test_a_teacher_keeps_their_account(app: Flask, school: dict[str, int], auth) -> None:
    prof = logged_in(app, auth, "prof")
    page = prof.get("/account").get_data(as_text=True)
    assert "Ask the site's administrator." in page and "delete-account-submit" not in page
    taught = prof.get("/account/data.json").get_json()
    assert taught["classes_taught"][0]["class"] == "4e B"
    assert taught["quiz_versions_written"] == [] and taught["live_quizzes_run"] == []
    token = csrf_token(page)
    assert prof.post("/account/delete", data={"csrf_token": token, "confirm_password": PASSWORD,
                                              "understood": "y"}).status_code == 403
    with app.app_context():
        assert db.session.get(User, school["prof"]) is not None
        with pytest.raises(ErasureError, match="teacher"):
            erase_students([school["lea"], school["prof"]])
        assert db.session.get(User, school["lea"]) is not None  # all or nothing


def test_deleting_an_account_guesses_its_password_no_faster_than_the_login(
        app: Flask, school: dict[str, int], auth) -> None:
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "2 per hour"
    lea = logged_in(app, auth, "lea")
    token = csrf_token(lea.get("/account").get_data(as_text=True))
    statuses = [lea.post("/account/delete", data={"csrf_token": token, "confirm_password": guess,
                                                   "understood": "y"}).status_code
                for guess in ("essai 1", "essai 2", PASSWORD)]
    assert statuses == [422, 422, 429]
    with app.app_context():
        assert db.session.get(User, school["lea"]) is not None


def test_a_live_participant_is_erased_with_their_answers(
        app: Flask, school: dict[str, int]) -> None:
    with app.app_context():
        room = db.session.get_one(Classroom, school["class"])
        quiz = db.session.scalars(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)).one()
        session = live.start_session(room.teacher, room, quiz)
        for name in ("lea", "max"):
            live.join(session, db.session.get_one(User, school[name]))
        first = load_questions(quiz.current_revision_id)[0]
        question, choice = first.id, first.choices[0].id
        live.control(session.id, school["prof"], "next")
        for name in ("lea", "max"):
            live.answer(session.id, school[name], question, choice)
        erased = erase_students([school["lea"]])
        assert (erased.accounts, erased.attempts) == (1, 0)
        assert db.session.scalar(sa.select(sa.func.count(LiveAnswer.id))) == 1
        assert [p.user_id for p in db.session.scalars(sa.select(LiveParticipant))] == [
            school["max"]]


def test_the_administrator_lists_then_deletes_the_students_inactive_since_a_date(
        app: Flask, runner: FlaskCliRunner, school: dict[str, int], users, auth) -> None:
    old = users.make("ancien", "Ancien Élève")
    users.make("vieux.prof", "Vieux Prof", role="teacher")
    with app.app_context(), write_transaction():
        long_ago = dt.datetime(2023, 9, 1, 8, tzinfo=dt.UTC)
        db.session.execute(sa.update(User).values(created_at=long_ago))
        db.session.execute(sa.update(Membership).values(joined_at=long_ago))
    # Léa did a quiz this year: active. Max and the old student did nothing since 2024.
    submit_seed(app, logged_in(app, auth, "lea"), 0)
    with app.app_context():
        found = [s.username for s in inactive_students(dt.datetime(2024, 9, 1, tzinfo=dt.UTC))]
    assert found == ["max", "ancien"] or found == ["ancien", "max"]
    listed = runner.invoke(args=["quiz", "delete-students", "--inactive-since", "2024-09-01"])
    assert listed.exit_code == 0, listed.output
    assert "2 student account(s) found:" in listed.output
    assert "  max (Max D.), last active 2023-09-01" in listed.output
    assert "Nothing deleted: run the same command with --yes" in listed.output
    with app.app_context():
        assert db.session.get(User, old) is not None
    # A teacher named with them: nothing goes.
    refused = runner.invoke(args=["quiz", "delete-students", "--inactive-since", "2024-09-01",
                                  "vieux.prof", "--yes"])
    assert refused.exit_code == 1 and "is a teacher's account" in refused.output
    unknown = runner.invoke(args=["quiz", "delete-students", "personne", "--yes"])
    assert unknown.exit_code == 1 and "no account has the username 'personne'" in unknown.output
    with app.app_context():
        assert db.session.get(User, old) is not None
    # Max's failed logins and a wrong class code: counters named by his username and id.
    max_id = db_id(app, "max")
    guesser = app.test_client()
    page = guesser.get("/login").get_data(as_text=True)
    guesser.post("/login", data={"csrf_token": csrf_token(page), "username": "max",
                                 "password": "pas le bon"})
    max_client = logged_in(app, auth, "max")
    page = max_client.get("/classes/join").get_data(as_text=True)
    max_client.post("/classes/join", data={"csrf_token": csrf_token(page), "code": "ZZZZZZ"})
    with app.app_context():
        keys = list(db.session.scalars(sa.select(RateLimit.key)))
    assert any("/login-account/max/" in key for key in keys), keys
    assert any(f"join-account:{max_id}/" in key for key in keys), keys
    done = runner.invoke(args=["quiz", "delete-students", "--inactive-since", "2024-09-01",
                               "--yes"])
    assert done.exit_code == 0, done.output
    assert "Deleted 2 account(s) and their 0 attempt(s)" in done.output
    with app.app_context():
        left = set(db.session.scalars(sa.select(User.username)))
    assert left == {"prof", "vieux.prof", "lea"}
    with app.app_context():
        keys = list(db.session.scalars(sa.select(RateLimit.key)))
    assert not [key for key in keys if "/login-account/max/" in key
                or f"join-account:{max_id}/" in key], keys
    tomorrow = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).strftime("%Y-%m-%d")
    future = runner.invoke(args=["quiz", "delete-students", "--inactive-since", tomorrow])
    assert future.exit_code == 2 and "a day to come would list every student" in future.output
    nothing = runner.invoke(args=["quiz", "delete-students"])
    assert nothing.exit_code == 2 and "--inactive-since" in nothing.output


def test_answers_saved_or_given_live_since_the_date_are_activity(
        app: Flask, school: dict[str, int], auth) -> None:
    """Max started the quiz long ago and saves answers in it today; Léa joined a live quiz
    today: neither is inactive. Only what a login alone does is not seen."""
    max_ = logged_in(app, auth, "max")
    token = csrf_token(max_.get("/").get_data(as_text=True))
    url = max_.post(f"/quizzes/{SEED_QUIZ}/start", data={"csrf_token": token}).headers[
        "Location"]
    long_ago = dt.datetime(2023, 9, 1, 8, tzinfo=dt.UTC)
    with app.app_context():
        with write_transaction():
            db.session.execute(sa.update(User).values(created_at=long_ago))
            db.session.execute(sa.update(Membership).values(joined_at=long_ago))
            db.session.execute(sa.update(Attempt).values(started_at=long_ago))
        since = dt.datetime(2024, 9, 1, tzinfo=dt.UTC)
        assert {s.username for s in inactive_students(since)} == {"lea", "max"}
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        first = load_questions(attempt.revision_id)[0]
        with write_transaction():
            db.session.add(SavedAnswer(attempt_id=attempt.id, question_id=first.id,
                                       choice_id=first.choices[0].id))
        room = db.session.get_one(Classroom, school["class"])
        quiz = db.session.scalars(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)).one()
        live.join(live.start_session(room.teacher, room, quiz),
                  db.session.get_one(User, school["lea"]))
        assert inactive_students(since) == []


def test_on_sqlite_a_deleted_account_leaves_no_trace_in_the_files(
        app: Flask, school: dict[str, int], auth) -> None:
    """The database file and its write-ahead log hold the deleted student's name no more
    (SQLite keeps deleted rows' bytes in free pages and in the log unless told)."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        pytest.skip("PostgreSQL frees deleted rows at its vacuum (docs/deploy.md)")
    lea = logged_in(app, auth, "lea")
    submit_seed(app, lea, WRONG)
    path = Path(app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///"))
    files = [path, path.with_name(path.name + "-wal")]
    assert any("Léa M.".encode() in f.read_bytes() for f in files if f.exists())
    token = csrf_token(lea.get("/account").get_data(as_text=True))
    assert lea.post("/account/delete", data={"csrf_token": token, "confirm_password": PASSWORD,
                                             "understood": "y"}).status_code == 302
    for found in files:
        if found.exists():
            assert "Léa M.".encode() not in found.read_bytes(), found.name


def test_a_student_taken_out_of_a_class_leaves_no_row_there(
        app: Flask, school: dict[str, int]) -> None:
    with app.app_context():
        joined = db.session.scalar(sa.select(Membership.joined_at).where(
            Membership.user_id == school["lea"]))
        remove_member(db.session.get_one(Classroom, school["class"]), school["lea"])
        lea = db.session.get_one(User, school["lea"])
        stays = personal_data(lea)["earlier_stays_in_classes"]
        assert [s["class"] for s in stays] == ["4e B"]
        assert stays[0]["joined_at"] == f"{joined.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%S}Z"
        assert stays[0]["left_at"] >= stays[0]["joined_at"]
        for table in (Removal, ClassStay):
            assert db.session.scalar(sa.select(sa.func.count()).select_from(table)) == 1
        erase_students([school["lea"]])
        for table in (Removal, ClassStay):
            assert db.session.scalar(sa.select(sa.func.count()).select_from(table)) == 0
        # Listed under « Taken out of the class » until then: counted there as deleted.
        assert db.session.scalars(sa.select(DeletedAccount.classroom_id)).all() == [
            school["class"]]


def test_the_browser_forgets_the_account_and_a_second_tap_is_no_error(
        app: Flask, school: dict[str, int], auth, monkeypatch: pytest.MonkeyPatch) -> None:
    lea = logged_in(app, auth, "lea")
    assert lea.get_cookie("device") is not None
    token = csrf_token(lea.get("/account").get_data(as_text=True))
    fields = {"csrf_token": token, "confirm_password": PASSWORD, "understood": "y"}
    assert lea.post("/account/delete", data=fields).status_code == 302
    assert lea.get_cookie("device") is None  # its account is gone: nothing to count for it
    # Two taps at once: the second finds the account deleted by the first one meanwhile.
    max_ = logged_in(app, auth, "max")
    token = csrf_token(max_.get("/account").get_data(as_text=True))

    def deleted_meanwhile(user_ids: list[int]) -> None:
        raise ErasureError("No account has the id %(id)s.", id=user_ids[0])

    monkeypatch.setattr(auth_routes, "erase_students", deleted_meanwhile)
    second = max_.post("/account/delete", data={**fields, "csrf_token": token})
    assert second.status_code == 302 and second.headers["Location"] == "/login"
