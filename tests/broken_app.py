"""Deliberately broken builds of News Quiz, to show that bench/load.py's checks can fail
(tests/test_load_checks.py). Nothing under quiz/ changes: gunicorn serves this module's
``app`` (``bench/load.py --app tests.broken_app:app``), which is the real app with one fault
put in when each worker imports it, chosen by ``NEWS_QUIZ_BROKEN``:

``regrade``  A submission of an attempt that is already submitted grades it again: the
             UPDATE has no guard on the attempt's status and the answers are replaced. Of
             simultaneous submits of one attempt, each that read it in progress (grading
             takes 0.1 s here, as on a busy server) tells the student it graded their
             answers, and the last one wins.
``locked``   A submission's write transaction does not wait for SQLite's write lock (busy
             timeout 0, no writers' queue): a submit that finds another writer at work fails
             with "database is locked" (a 500; the traceback goes to the worker's stderr).
``split``    The attempt is marked submitted in one transaction and its answers stored in a
             second one, 0.5 s later: a worker killed in between leaves the attempt graded
             without answers, and a retry is told it was already submitted.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

import quiz.database
import quiz.student.routes
from quiz import create_app
from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import Answer, Attempt, SavedAnswer, utcnow
from quiz.services.attempts import AttemptAlreadySubmitted, submit_attempt
from quiz.services.content import revision_content
from quiz.services.grading import Grade, grade_attempt
from quiz.services.leaderboard import recount_submission

MODES = ("regrade", "locked", "split")
_attempts = Attempt.__table__


def _grade(attempt: Attempt, chosen: Mapping[int, int]) -> Grade:
    return grade_attempt(revision_content(attempt.revision_id).answer_key(), chosen)


def _store_answers(attempt_id: int, grade: Grade) -> None:
    db.session.execute(sa.insert(Answer), [
        {"attempt_id": attempt_id, "question_id": a.question_id, "choice_id": a.choice_id,
         "is_correct": a.is_correct} for a in grade.answers])
    db.session.execute(sa.delete(SavedAnswer).where(SavedAnswer.attempt_id == attempt_id))


def regrade_submit(attempt: Attempt, chosen: Mapping[int, int]) -> Attempt:
    """Grades and stores whatever the attempt's state (the route's own check aside), after
    0.1 s (a busy server): simultaneous copies all find the attempt in progress."""
    grade = _grade(attempt, chosen)
    time.sleep(0.1)
    attempt_id, user_id, quiz_id = attempt.id, attempt.user_id, attempt.quiz_id
    with write_transaction():
        db.session.execute(
            sa.update(_attempts).where(_attempts.c.id == attempt_id)
            .values(status="submitted", score=grade.score, submitted_at=utcnow()))
        db.session.execute(sa.delete(Answer).where(Answer.attempt_id == attempt_id))
        _store_answers(attempt_id, grade)
        recount_submission(user_id, quiz_id)
    return attempt


_no_wait = False  # set while a submission of the "locked" build runs (a sync worker: one)


def _busy_timeout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        timeout = 0 if _no_wait else quiz.database.SQLITE_BUSY_TIMEOUT_MS
        dbapi_connection.execute(f"PRAGMA busy_timeout = {timeout}")


def locked_submit(attempt: Attempt, chosen: Mapping[int, int]) -> Attempt:
    """The real submission, its write transaction on a connection that does not wait for the
    write lock (the connection is taken from the pool when the write transaction begins)."""
    global _no_wait
    _no_wait = True
    try:
        return submit_attempt(attempt, chosen)
    finally:
        _no_wait = False


def split_submit(attempt: Attempt, chosen: Mapping[int, int]) -> Attempt:
    """Marked submitted, committed; the answers stored in a second transaction."""
    grade = _grade(attempt, chosen)
    attempt_id, user_id, quiz_id = attempt.id, attempt.user_id, attempt.quiz_id
    with write_transaction():
        moved = db.session.execute(
            sa.update(_attempts)
            .where(_attempts.c.id == attempt_id, _attempts.c.status == "in_progress")
            .values(status="submitted", score=grade.score, submitted_at=utcnow())).rowcount
    if moved != 1:
        raise AttemptAlreadySubmitted(attempt)
    time.sleep(0.5)
    with write_transaction():
        _store_answers(attempt_id, grade)
        recount_submission(user_id, quiz_id)
    return attempt


def break_app(mode: str) -> None:
    if mode == "regrade":
        quiz.student.routes.submit_attempt = regrade_submit
    elif mode == "locked":
        quiz.database._writers_lock = lambda _database: None  # no queue before SQLite's lock
        sa.event.listen(sa.pool.Pool, "checkout", _busy_timeout)
        quiz.student.routes.submit_attempt = locked_submit
    elif mode == "split":
        quiz.student.routes.submit_attempt = split_submit
    else:
        raise SystemExit(f"NEWS_QUIZ_BROKEN={mode!r}: choose one of {', '.join(MODES)}")


break_app(os.environ.get("NEWS_QUIZ_BROKEN", ""))
app = create_app()
