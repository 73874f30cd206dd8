"""The drafting job queue (quiz/jobs.py) on each storage it supports: SQLite (the default, a
file) and Redis (several app servers). Jobs are queued, run, fail with their reason, and are
retried; a real worker process (`flask quiz worker`) runs them too.

Redis: TEST_REDIS_URL (which .ci/run sets), else a redis-server of this machine started for
the test session; without either, the Redis cases are skipped with a message saying so.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from quiz import jobs
from quiz.articles import import_source
from quiz.extensions import db
from quiz.jobs import DONE, FAILED, QUEUED, STALE_AFTER, JobQueue, job_queue
from quiz.models import Quiz, User
from quiz.services.importer import import_items, prepare_text
from tests.support import ARTICLES, SECRET_KEY, free_port, sqlite_pass_only

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Redis URL: TEST_REDIS_URL, or a redis-server started here (its data in memory)."""
    if os.environ.get("TEST_REDIS_URL"):
        yield os.environ["TEST_REDIS_URL"]
        return
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("no Redis: install Debian's redis-server (.ci/run does) or set "
                    "TEST_REDIS_URL")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                                "--save", "", "--appendonly", "no", "--dir", str(folder)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    import redis

    client = redis.Redis(port=port)
    deadline = time.monotonic() + 30
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(params=["sqlite", "redis"])
def queue(request: pytest.FixtureRequest, app: Flask, tmp_path: Path) -> Iterator[JobQueue]:
    """The app's queue on SQLite (the test's folder) or Redis (a name of its own)."""
    if request.param == "redis":
        app.config["JOB_QUEUE_URL"] = request.getfixturevalue("redis_server")
        app.config["JOB_QUEUE_NAME"] = f"test-{uuid.uuid4().hex}"
    queue = job_queue(app)
    yield queue
    if request.param == "redis":
        queue.huey.storage.flush_all()


def make_quiz(app: Flask, slug: str = "tramway", page: str = "fr-tramway.html",
              language: str | None = None) -> tuple[int, int]:
    """A teacher and a quiz imported from a saved page: their ids."""
    text = import_source((ARTICLES / page).read_bytes(), page, language=language).text
    with app.app_context():
        teacher = User(username=f"t-{slug}", display_name=f"Teacher {slug}",
                       password_hash="x", role="teacher")
        db.session.add(teacher)
        db.session.commit()
        import_items([prepare_text(slug, text, f"{slug}.md")], teacher, publish_new=False)
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == slug))
        return quiz_id, teacher.id


def start(app: Flask, queue: JobQueue, quiz_id: int, user_id: int, count: int = 4):
    with app.app_context():
        return queue.start_drafting(db.session.get(Quiz, quiz_id), db.session.get(User, user_id),
                                    count)


def questions(app: Flask, quiz_id: int) -> list[tuple[str, str | None]]:
    with app.app_context():
        revision = db.session.get(Quiz, quiz_id).current_revision
        return [(q.key, q.review_note) for q in revision.questions]


def test_a_job_is_queued_then_run_and_its_drafts_saved(app: Flask, queue: JobQueue) -> None:
    quiz_id, user_id = make_quiz(app)
    status = start(app, queue, quiz_id, user_id)
    assert (status.state, status.count, status.active) == (QUEUED, 4, True)
    assert queue.pending() == 1 and questions(app, quiz_id) == []  # nothing drafted yet
    # Asked again while it waits: the same job, not a second one.
    assert start(app, queue, quiz_id, user_id).job_id == status.job_id
    assert queue.pending() == 1

    assert queue.run_pending() == 1
    done = queue.status(quiz_id)
    assert done is not None and done.job_id == status.job_id
    assert (done.state, done.drafts, done.revision, done.active) == (DONE, 4, 2, False)
    drafted = questions(app, quiz_id)
    assert [key for key, _note in drafted] == ["draft-1", "draft-2", "draft-3", "draft-4"]
    assert all(note and note.startswith("draft") for _key, note in drafted)
    assert queue.pending() == 0


def test_a_failed_job_says_why_and_is_retried(app: Flask, queue: JobQueue,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    quiz_id, user_id = make_quiz(app)
    from quiz import drafting

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("the model crashed")

    with monkeypatch.context() as patched:
        patched.setattr(drafting, "draft_questions", broken)
        first = start(app, queue, quiz_id, user_id)
        queue.run_pending()  # the job's error is caught: the worker goes on
    failed = queue.status(quiz_id)
    assert failed is not None and failed.state == FAILED and not failed.active
    assert failed.reason is not None and failed.reason.params == {"error": "RuntimeError"}
    assert str(failed.reason).startswith("an unexpected error stopped the drafting "
                                         "(RuntimeError); try again")
    assert questions(app, quiz_id) == []  # nothing half saved

    again = start(app, queue, quiz_id, user_id)  # the retry is a new job
    assert again.job_id != first.job_id and again.state == QUEUED
    assert queue.run_pending() == 1
    retried = queue.status(quiz_id)
    assert retried is not None and (retried.state, retried.drafts) == (DONE, 4)
    assert retried.reason is None


def test_an_article_that_cannot_be_drafted_fails_with_the_reason(app: Flask,
                                                                 queue: JobQueue) -> None:
    quiz_id, user_id = make_quiz(app, "escuela", "es-sin-idioma.html", language="es")
    start(app, queue, quiz_id, user_id)
    queue.run_pending()
    failed = queue.status(quiz_id)
    assert failed is not None and failed.state == FAILED and failed.reason is not None
    assert "questions can be drafted for articles in French or English, not in Spanish" in str(
        failed.reason)


def test_a_job_the_worker_never_finished_can_be_started_again(
        app: Flask, queue: JobQueue, monkeypatch: pytest.MonkeyPatch) -> None:
    quiz_id, user_id = make_quiz(app)
    lost = start(app, queue, quiz_id, user_id)
    queue.huey.dequeue()  # taken by a worker that then stopped
    later = time.time() + STALE_AFTER + 1
    monkeypatch.setattr(jobs.time, "time", lambda: later)
    status = queue.status(quiz_id)
    assert status is not None and status.stale and not status.active
    again = start(app, queue, quiz_id, user_id)
    assert again.job_id != lost.job_id
    assert queue.run_pending() == 1
    assert queue.status(quiz_id).state == DONE  # type: ignore[union-attr]


def test_a_version_saved_while_drafting_is_kept(app: Flask, queue: JobQueue,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A teacher saves a version while the worker drafts: the drafts are made again from it,
    so that version is not overwritten."""
    quiz_id, user_id = make_quiz(app)
    from quiz import drafting
    from quiz.services.editing import current_file, save_edited

    real = drafting.draft_questions
    calls = []

    def meanwhile(quiz_file, count):  # type: ignore[no-untyped-def]
        calls.append(quiz_file.title)
        if len(calls) == 1:  # the teacher renames the quiz while the first drafting runs
            with app.app_context():
                quiz = db.session.get(Quiz, quiz_id)
                from dataclasses import replace
                save_edited(quiz, replace(current_file(quiz), title="Renamed"),
                            db.session.get(User, user_id))
        return real(quiz_file, count)

    monkeypatch.setattr(drafting, "draft_questions", meanwhile)
    start(app, queue, quiz_id, user_id)
    queue.run_pending()
    status = queue.status(quiz_id)
    assert status is not None and (status.state, status.revision) == (DONE, 3)
    assert calls[1] == "Renamed"
    with app.app_context():
        assert db.session.get(Quiz, quiz_id).current_revision.title == "Renamed"


@sqlite_pass_only
def test_the_worker_command_runs_jobs_and_stops_on_ctrl_c(app: Flask, tmp_path: Path) -> None:
    """`flask quiz worker` as `manage.py serve` starts it: a job queued by the app is drafted
    there (the model loaded in that process), then Ctrl+C stops it."""
    quiz_id, user_id = make_quiz(app)
    queue = job_queue(app)
    start(app, queue, quiz_id, user_id, count=3)
    env = {**os.environ, "SECRET_KEY": SECRET_KEY, "PYTHONUNBUFFERED": "1",
           "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "NEWS_QUIZ_JOB_QUEUE": app.config["JOB_QUEUE_URL"],
           "NEWS_QUIZ_INSTANCE": str(tmp_path / "instance")}
    worker = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "app", "quiz", "worker"], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 300  # loading the model on a busy machine
        while (status := queue.status(quiz_id)) is not None and status.active and \
                worker.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGINT)
        output, _ = worker.communicate(timeout=60)
    assert status is not None and (status.state, status.drafts) == (DONE, 3), output
    assert "Drafting worker: running the jobs queued in" in output
    assert output.rstrip().endswith("Drafting worker stopped.") and worker.returncode == 0
    assert len(questions(app, quiz_id)) == 3
