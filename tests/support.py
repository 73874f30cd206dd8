"""What the tests share that is not a fixture: paths, the seed quiz, the test password, a marker
and pure helpers, imported by test modules and conftest files alike. The fixtures (app, client,
users, auth, page_server, ...) are in tests/conftest.py, which no module imports."""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path

import pytest
from werkzeug.security import generate_password_hash

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "questions"
# Saved news pages (and a few that are not news), served by the page_server fixture.
ARTICLES = ROOT / "tests" / "data" / "articles"
# Screenshots of the browser tests, to look at (not committed).
ARTIFACTS = ROOT / "test-artifacts"
SEED_QUIZ = "russie-coree-du-nord-traite"
PASSWORD = "correct horse battery"
# Hashing once keeps the seeds fast; the hash is what registration stores.
PASSWORD_HASH = generate_password_hash(PASSWORD)

# Tests of whole programs that run on SQLite (benchmarks, the start command): in the SQLite pass.
sqlite_pass_only = pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                                      reason="it runs on SQLite; it runs in the SQLite pass")


# `manage.py test` with TEST_DATABASE_URL runs the PostgreSQL pass beside the SQLite pass and
# tells the SQLite pass so (NEWS_QUIZ_POSTGRESQL_PASS=1): the longest browser audit is then
# shared, one interface language in each pass (what a browser shows does not depend on the
# database). With the SQLite pass alone, it has both.
def shared_between_passes(in_postgresql_pass: bool) -> pytest.MarkDecorator:
    """Skip where the other pass runs it: in the PostgreSQL pass unless `in_postgresql_pass`,
    and in the SQLite pass only when a PostgreSQL pass runs beside it and `in_postgresql_pass`."""
    postgresql = bool(os.environ.get("TEST_DATABASE_URL"))
    beside = bool(os.environ.get("NEWS_QUIZ_POSTGRESQL_PASS"))
    skip = (not in_postgresql_pass) if postgresql else (beside and in_postgresql_pass)
    return pytest.mark.skipif(skip, reason="the other pass of manage.py test runs it")


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_token(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot of a browser page under test-artifacts/ to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
