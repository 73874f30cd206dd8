"""An operator's foreseeable mistakes get one clear line and exit status 1, never a traceback.

Each runs the real command in a subprocess, as an operator would type it (`flask --app app …`),
with an environment of its own: no SECRET_KEY or DATABASE_URL from the test run, and the
instance folder (NEWS_QUIZ_INSTANCE) in the test's temporary folder.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskCliRunner
from flask_migrate import upgrade

from tests.support import SECRET_KEY, free_port, shared_between_passes

ROOT = Path(__file__).resolve().parent.parent
# The commands get databases of their own (never TEST_DATABASE_URL): the same in both passes of
# manage.py test, so they run once (each command costs a Python start, about 2 s of CPU).
once = shared_between_passes(in_postgresql_pass=True)


def flask(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("SECRET_KEY", "DATABASE_URL", "TEST_DATABASE_URL",
                          "NEWS_QUIZ_INSTANCE")}
    clean.setdefault("NEWS_QUIZ_INSTANCE", str(tmp_path / "instance"))
    return subprocess.run([sys.executable, "-m", "flask", "--app", "app", *args],
                          cwd=ROOT, env={**clean, **env}, capture_output=True, text=True,
                          timeout=120, input="")


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single line the command printed on failure (exit status 1, no traceback)."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), lines
    return lines[0]



@once
def test_a_database_without_tables_says_to_run_db_upgrade(tmp_path: Path) -> None:
    database = tmp_path / "never-upgraded.sqlite"
    url = f"sqlite:///{database}"
    for command in (["quiz", "import", "questions"], ["quiz", "list"],
                    ["quiz", "create-teacher", "prof", "--password", "long enough"]):
        line = one_line_error(flask(tmp_path, *command, DATABASE_URL=url, SECRET_KEY=SECRET_KEY))
        assert "has no News Quiz tables yet" in line, line
        assert "flask --app app db upgrade" in line, line
    # Nothing was made in it: the operator runs the upgrade, then the same import works.
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT name FROM sqlite_master").fetchall() == []
    assert flask(tmp_path, "db", "upgrade", DATABASE_URL=url, SECRET_KEY=SECRET_KEY).returncode == 0
    imported = flask(tmp_path, "quiz", "import", "questions", DATABASE_URL=url,
                     SECRET_KEY=SECRET_KEY)
    assert imported.returncode == 0 and "Imported 3 file(s): 3 created" in imported.stdout


def test_an_outdated_schema_says_to_run_db_upgrade(app: Flask, runner: FlaskCliRunner) -> None:
    with app.app_context():
        from quiz.extensions import db

        db.drop_all()
        upgrade(revision="0004")  # one migration behind
    result = runner.invoke(args=["quiz", "list"])
    assert result.exit_code == 1
    assert "schema is at revision 0004" in result.output
    assert "flask --app app db upgrade" in result.output


def test_a_database_upgraded_by_a_newer_version_says_so(app: Flask,
                                                        runner: FlaskCliRunner) -> None:
    """Gone back to older code without restoring the database: `db upgrade` cannot help, and
    the line does not say to run it."""
    with app.app_context():
        from quiz.extensions import db

        db.drop_all()
        upgrade()
        with db.engine.begin() as connection:
            connection.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
    result = runner.invoke(args=["quiz", "list"])
    assert result.exit_code == 1
    assert "schema is at revision 0099, newer than this version of News Quiz knows" in \
        result.output
    assert "restore the copy taken before the upgrade" in result.output
    assert "db upgrade" not in result.output


def test_a_web_server_on_an_outdated_schema_answers_503_and_logs_what_to_run(
        app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    """New code served before `db upgrade`: every page says the site is being updated (503),
    not a 500 at the first login, and the log says what to run; once upgraded, it serves."""
    from quiz.extensions import db

    with app.app_context():
        db.drop_all()
        upgrade(revision="0004")
    # Alembic's logging set-up (migrations/env.py) replaced the root logger's handlers, the
    # test's capture among them: put it back.
    logging.getLogger().addHandler(caplog.handler)
    client = app.test_client()
    with client.session_transaction() as session:  # a student logged in before the deploy
        session["_user_id"], session["_fresh"] = "1:token", True
    for method, path in (("GET", "/login"), ("GET", "/"), ("POST", "/login"),
                         ("GET", "/history")):
        response = client.open(path, method=method)
        assert response.status_code == 503, (method, path)
        assert "News Quiz is being updated: try again in a few minutes." in response.text
    style = client.get("/static/css/app.css")  # the page keeps its look
    assert style.status_code == 200
    style.close()
    assert "not serving: the database's schema is at revision 0004" in caplog.text
    assert "flask --app app db upgrade" in caplog.text
    with app.app_context():
        upgrade()
    assert client.get("/login").status_code == 200


def test_a_web_server_whose_database_does_not_answer_answers_503(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """PostgreSQL down (or not there yet): pages say the site is being updated (503) and the
    log names the database without its password."""
    from quiz import create_app

    port = free_port()
    app = create_app({"TESTING": True, "SECRET_KEY": "k",
                      "SQLALCHEMY_DATABASE_URI":
                          f"postgresql+psycopg://quiz:s3cret@127.0.0.1:{port}/news_quiz"})
    client = app.test_client()
    assert client.get("/login").status_code == 503
    with client.session_transaction() as session:  # logged in: no account is read either
        session["_user_id"], session["_fresh"] = "1:token", True
    for method, path in (("GET", "/"), ("POST", "/login")):
        response = client.open(path, method=method)
        assert response.status_code == 503, (method, path)
        assert "News Quiz is being updated" in response.text
    assert f"not serving: cannot reach the database postgresql://quiz:***@127.0.0.1:{port}" \
        in caplog.text
    assert "s3cret" not in caplog.text


@once
def test_a_missing_secret_key(tmp_path: Path) -> None:
    line = one_line_error(flask(tmp_path, "quiz", "list"))
    assert "SECRET_KEY is not set" in line and "python3 manage.py serve" in line


@once
def test_an_instance_folder_that_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    line = one_line_error(flask(tmp_path, "quiz", "list", SECRET_KEY=SECRET_KEY,
                                NEWS_QUIZ_INSTANCE=str(tmp_path / "a-file" / "instance")))
    assert f"cannot create the instance folder {tmp_path / 'a-file' / 'instance'}" in line
    assert "NEWS_QUIZ_INSTANCE" in line


@once
def test_an_instance_folder_given_as_a_relative_path(tmp_path: Path) -> None:
    line = one_line_error(flask(tmp_path, "quiz", "list", SECRET_KEY=SECRET_KEY,
                                NEWS_QUIZ_INSTANCE="relative/dir"))
    assert line == ("Error: NEWS_QUIZ_INSTANCE='relative/dir': use an absolute path (e.g. "
                    "/var/lib/news-quiz): a service's working folder is not yours.")


def test_an_instance_folder_this_user_cannot_write_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """/etc as the instance folder: it exists, so nothing failed until the worker's traceback.
    (The test runs as root, whom permissions do not stop: the folder's answer is simulated.)"""
    from quiz import ConfigurationError, create_app

    monkeypatch.setenv("NEWS_QUIZ_INSTANCE", str(tmp_path))
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if Path(path) == tmp_path
                        else real_access(path, mode))
    with pytest.raises(ConfigurationError) as caught:
        create_app({"SECRET_KEY": "k"})
    assert caught.value.message == (
        f"cannot write in the instance folder {tmp_path}: make it writable by this user, or "
        "set NEWS_QUIZ_INSTANCE to a folder this user may write in.")


@once
def test_a_job_queue_that_does_not_answer(tmp_path: Path) -> None:
    """The drafting worker on a Redis that is not there (or refuses its password): one line
    naming the queue without its password, not sixty lines of traceback every 5 s."""
    port = free_port()
    line = one_line_error(flask(tmp_path, "quiz", "worker", SECRET_KEY=SECRET_KEY,
                                NEWS_QUIZ_JOB_QUEUE=f"redis://:s3cret@127.0.0.1:{port}/0"))
    assert line.startswith(f"Error: cannot reach the job queue redis://:***@127.0.0.1:{port}/0 ("
                           ), line
    assert line.endswith("is Redis running there, and is NEWS_QUIZ_JOB_QUEUE (with its "
                         "password) right?")
    assert "s3cret" not in line


@once
def test_an_sqlite_file_in_a_missing_folder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'no-such-folder' / 'quiz.sqlite'}"
    line = one_line_error(flask(tmp_path, "quiz", "list", SECRET_KEY=SECRET_KEY, DATABASE_URL=url))
    assert f"folder {tmp_path / 'no-such-folder'} does not exist" in line


@once
@pytest.mark.parametrize("url, expected", [
    ("mysql://admin:s3cret@db.school/quiz", "not mysql"),
    ("mongodb://db.school/quiz", "not mongodb"),
    ("quiz.sqlite", "is not a database URL"),
])
def test_an_unknown_database_url(tmp_path: Path, url: str, expected: str) -> None:
    line = one_line_error(flask(tmp_path, "quiz", "list", SECRET_KEY=SECRET_KEY, DATABASE_URL=url))
    assert expected in line and "postgresql://" in line, line
    assert "s3cret" not in line


@once
def test_postgresql_not_answering(tmp_path: Path) -> None:
    url = f"postgresql://quiz:s3cret@127.0.0.1:{free_port()}/quiz"
    for command in (["quiz", "list"], ["db", "upgrade"]):
        line = one_line_error(flask(tmp_path, *command, SECRET_KEY=SECRET_KEY, DATABASE_URL=url))
        assert "cannot reach the database postgresql://quiz:***@127.0.0.1" in line, line
        assert "is PostgreSQL running there" in line
        assert "s3cret" not in line
