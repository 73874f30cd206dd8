"""Fixtures: an app with its own fresh database per test, a client, a CLI runner, seeds, and
factories in the style of Flask's tutorial (flaskr's AuthActions): `users` makes accounts, `auth`
registers and logs in through the forms. The local web server `page_server` comes from the plugin
tests/page_server.py. Values and pure helpers are in tests/support.py (never import a conftest)."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from werkzeug.test import TestResponse

from quiz import create_app
from quiz.extensions import db
from quiz.models import User
from quiz.services.importer import import_items, prepare_import
from tests.support import (
    BROWSER_TESTS_IN_POSTGRESQL_PASS,
    CHEAP_PASSWORD_HASH,
    PASSWORD,
    PASSWORD_HASH,
    QUESTIONS,
    csrf_token,
    shared_between_passes,
)
from tests.write_guard import WriteGuard

pytest_plugins = ["tests.page_server"]

# Tests of the pure packages (no request, no database) and the drafting benchmark: the
# PostgreSQL pass leaves them to the SQLite pass, unless they use the `app` fixture.
DATABASE_FREE = ("tests/articles/", "tests/drafting/", "tests/questionfile/",
                 "tests/test_bench_draft.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        path = item.nodeid.split("::")[0]
        if path.startswith("tests/e2e/test_"):
            name = path.removeprefix("tests/e2e/")
            if name not in BROWSER_TESTS_IN_POSTGRESQL_PASS:
                raise pytest.UsageError(f"{path}: say which pass runs it in tests/support.py's "
                                        "BROWSER_TESTS_IN_POSTGRESQL_PASS")
            in_postgresql_pass = BROWSER_TESTS_IN_POSTGRESQL_PASS[name]
            if in_postgresql_pass is not None:
                item.add_marker(shared_between_passes(in_postgresql_pass))
    if not os.environ.get("TEST_DATABASE_URL"):
        return
    for item in items:
        path = item.nodeid.split("::")[0]
        if path.startswith(DATABASE_FREE) and "app" not in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.skip(
                reason="it needs no database: it runs in the SQLite pass (DATABASE_FREE)"))


def _database_url(tmp_path: Path) -> str:
    """SQLite in the test's own folder, or TEST_DATABASE_URL (PostgreSQL) when set."""
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture(scope="session")
def empty_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file holding the models' tables and nothing else, made once per run: each
    test's database is a copy of it (1 ms; create_all takes 20–30 ms)."""
    path = tmp_path_factory.mktemp("schema") / "empty.sqlite"
    engine = sa.create_engine(f"sqlite:///{path}")
    db.metadata.create_all(engine)
    engine.dispose()  # the last connection closed: the WAL is written back into the file
    return path


@pytest.fixture
def app(tmp_path: Path, empty_sqlite: Path) -> Iterator[Flask]:
    if not os.environ.get("TEST_DATABASE_URL"):
        shutil.copyfile(empty_sqlite, tmp_path / "test.sqlite")
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": _database_url(tmp_path),
        "QUESTIONS_DIR": str(QUESTIONS),
        "PASSWORD_HASH_METHOD": CHEAP_PASSWORD_HASH,
        # The default school zone, whatever NEWS_QUIZ_TIMEZONE the developer's shell sets.
        "BABEL_DEFAULT_TIMEZONE": "Europe/Paris",
        # The drafting queue in the test's folder; jobs run in the test (job_queue(app)).
        "JOB_QUEUE_URL": f"sqlite:///{tmp_path / 'jobs.sqlite'}",
    })
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            _fresh_postgresql_schema()
        guard = app.extensions["write_guard"] = WriteGuard(db.engine)
    guard.install()
    try:
        yield app
    finally:
        guard.remove()
        with app.app_context():  # an SQLite file goes away with tmp_path; PostgreSQL's on next use
            db.session.remove()
            try:
                _connections_given_back(db.engine)
            finally:
                db.engine.dispose()
    assert not guard.outside, ("the app wrote outside write_transaction():\n"
                               + "\n".join(guard.outside))


def _connections_given_back(engine: sa.Engine, seconds: float = 10.0) -> None:
    """Wait until no thread holds a connection of `engine`: a request a browser left running
    at the end of its test (a served app's thread) gives its connection back within moments.

    ``dispose()`` closes only the connections in the pool: one given back after it was kept
    open, and PostgreSQL's was then garbage-collected open later, as a ResourceWarning failing
    whatever test ran then (the CI's intermittent failure of session 12). A connection still
    out after `seconds` fails the test that left it."""
    deadline = time.monotonic() + seconds
    while engine.pool.checkedout() and time.monotonic() < deadline:  # type: ignore[attr-defined]
        time.sleep(0.01)
    out = engine.pool.checkedout()  # type: ignore[attr-defined]
    assert not out, f"{out} database connection(s) still held {seconds:.0f} s after the test"


# What the schema is: tables, columns, defaults, indexes, constraints, triggers, functions.
_SCHEMA_FINGERPRINT = sa.text("""
SELECT md5(coalesce(string_agg(part, '|' ORDER BY part), '')) FROM (
  SELECT c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod) || ':'
         || a.attnotnull || ':' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS part
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL SELECT tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
) parts""")
# What empties the schema db.create_all() made, by its fingerprint and database URL (this
# process's): the links made after both rows (use_alter, as a quiz's current revision) set to
# NULL, one DELETE per table, the children's first, and each sequence restarted.
_emptying: dict[str, tuple[str, str]] = {}


def _fresh_postgresql_schema() -> None:
    """The models' tables, empty, whatever an earlier (maybe interrupted) test left behind.

    When the schema is the one made by create_all (its fingerprint unchanged), emptying the
    tables is enough: DELETE from each and the sequences restarted (ids start at 1 again), in
    one statement, costs about 10 ms; TRUNCATE … RESTART IDENTITY 70 ms, dropping and creating
    the schema 0.3–0.4 s. A test that changed the schema (the migration tests, a dropped
    table) changes the fingerprint, and the schema is made anew."""
    url = db.engine.url.render_as_string(hide_password=False)
    with db.engine.begin() as connection:
        fingerprint, emptying = _emptying.get(url, ("", ""))
        if fingerprint == connection.execute(_SCHEMA_FINGERPRINT).scalar():
            connection.exec_driver_sql(emptying)
            return
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    db.create_all()
    with db.engine.begin() as connection:
        quote = connection.dialect.identifier_preparer.quote
        sequences = connection.execute(sa.text(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'")).scalars()
        tables = db.metadata.sorted_tables
        emptying = "; ".join(
            [f"UPDATE {quote(table.name)} SET "
             + ", ".join(f"{quote(column)} = NULL" for column in key.column_keys)
             for table in tables for key in table.foreign_key_constraints if key.use_alter]
            + [f"DELETE FROM {quote(table.name)}" for table in reversed(tables)]
            + [f"ALTER SEQUENCE {quote(name)} RESTART" for name in sequences])
        _emptying[url] = (connection.execute(_SCHEMA_FINGERPRINT).scalar(), emptying)


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


class UserFactory:
    """`users.make(...)`: an account stored at once (committed in a session of its own), with
    the test password."""

    def __init__(self, app: Flask) -> None:
        self._app = app

    def make(self, username: str, display_name: str | None = None,
             role: str = "student") -> int:
        """Store a user (display name: the username, capitalised, unless given); its id."""
        with self._app.app_context():
            user = User(username=username, display_name=display_name or username.title(),
                        password_hash=PASSWORD_HASH, role=role)
            db.session.add(user)
            db.session.commit()
            return user.id


@pytest.fixture
def users(app: Flask) -> UserFactory:
    return UserFactory(app)


class AuthActions:
    """`auth.log_in(...)`, `auth.register(...)` through the forms, with the `client` fixture or
    the client given as `client=`."""

    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def log_in(self, username: str, password: str = PASSWORD, *,
               client: FlaskClient | None = None) -> None:
        """Log in (the login form must redirect: the test stops otherwise)."""
        client = client if client is not None else self._client
        token = csrf_token(client.get("/login").get_data(as_text=True))
        response = client.post("/login", data={"csrf_token": token, "username": username,
                                               "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)

    def register(self, username: str = "Lea.M", display_name: str = "Léa Martin",
                 join_code: str | None = None, *, client: FlaskClient | None = None,
                 **fields: str) -> TestResponse:
        """Post the registration form, password "un mot de passe" twice unless `fields` (any
        other form field, e.g. password, password2) say otherwise; the response."""
        client = client if client is not None else self._client
        data = {"display_name": display_name, "username": username,
                "password": "un mot de passe", "password2": "un mot de passe", **fields}
        if join_code is not None:
            data["join_code"] = join_code
        token = csrf_token(client.get("/register").get_data(as_text=True))
        return client.post("/register", data={"csrf_token": token, **data})


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    return AuthActions(client)


@pytest.fixture
def student(users: UserFactory, auth: AuthActions) -> int:
    """A student, logged in with `client`."""
    user_id = users.make("lea", "Léa M.")
    auth.log_in("lea")
    return user_id


@pytest.fixture
def teacher(app: Flask, users: UserFactory, auth: AuthActions) -> FlaskClient:
    """A teacher, Mme Martin (username prof), logged in with a client of their own."""
    users.make("prof", "Mme Martin", role="teacher")
    client = app.test_client()
    auth.log_in("prof", client=client)
    return client
