"""Fixtures: an app with its own fresh database per test, a client, a CLI runner, seeds."""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from werkzeug.security import generate_password_hash

from quiz import create_app
from quiz.extensions import db
from quiz.models import User
from quiz.services.importer import import_items, prepare_import
from tests.write_guard import WriteGuard

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "questions"
SEED_QUIZ = "russie-coree-du-nord-traite"
PASSWORD = "correct horse battery"
# Hashing once keeps the seeds fast; the hash is what registration stores.
PASSWORD_HASH = generate_password_hash(PASSWORD)

# Tests of whole programs that run on SQLite (benchmarks, the start command): in the SQLite pass.
sqlite_pass_only = pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                                      reason="it runs on SQLite; it runs in the SQLite pass")


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url(tmp_path: Path) -> str:
    """SQLite in the test's own folder, or TEST_DATABASE_URL (PostgreSQL) when set."""
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": _database_url(tmp_path),
        "QUESTIONS_DIR": str(QUESTIONS),
    })
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            _empty_postgresql_schema()
        db.create_all()
        guard = app.extensions["write_guard"] = WriteGuard(db.engine)
    guard.install()
    try:
        yield app
    finally:
        guard.remove()
        with app.app_context():  # an SQLite file goes away with tmp_path; PostgreSQL's on next use
            db.session.remove()
            db.engine.dispose()
    assert not guard.outside, ("the app wrote outside write_transaction():\n"
                               + "\n".join(guard.outside))


def _empty_postgresql_schema() -> None:
    """Start from nothing, whatever an earlier (maybe interrupted) test left behind."""
    with db.engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def demo_quizzes(app: Flask) -> None:
    """The three demo quizzes of questions/, imported."""
    with app.app_context():
        import_items(prepare_import([QUESTIONS]))


def make_user(app: Flask, username: str, display_name: str | None = None,
              role: str = "student") -> int:
    with app.app_context():
        user = User(username=username, display_name=display_name or username.title(),
                    password_hash=PASSWORD_HASH, role=role)
        db.session.add(user)
        db.session.commit()
        return user.id


CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_token(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def log_in(client: FlaskClient, username: str, password: str = PASSWORD) -> None:
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"csrf_token": token, "username": username,
                                           "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)


@pytest.fixture
def student(app: Flask, client: FlaskClient) -> int:
    """A student, logged in with `client`."""
    user_id = make_user(app, "lea", "Léa M.")
    log_in(client, "lea")
    return user_id


@pytest.fixture
def teacher(app: Flask) -> FlaskClient:
    """A teacher, Mme Martin (username prof), logged in with a client of their own."""
    make_user(app, "prof", "Mme Martin", role="teacher")
    client = app.test_client()
    log_in(client, "prof")
    return client
