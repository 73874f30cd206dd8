"""What the tests share that is not a fixture: paths, the seed quiz, the test password, a marker
and pure helpers, imported by test modules and conftest files alike. The fixtures (app, client,
users, auth, page_server, ...) are in tests/conftest.py, which no module imports."""

from __future__ import annotations

import os
import re
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.security import generate_password_hash
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "questions"
# Saved news pages (and a few that are not news), served by the page_server fixture.
ARTICLES = ROOT / "tests" / "data" / "articles"
# Screenshots of the browser tests, to look at (not committed).
ARTIFACTS = ROOT / "test-artifacts"
SEED_QUIZ = "russie-coree-du-nord-traite"
PASSWORD = "correct horse battery"
# A SECRET_KEY given through the environment: long enough (config.weak_secret_key).
SECRET_KEY = "test-only-" + "0123456789abcdef" * 2
# The tests' apps hash passwords cheaply (PASSWORD_HASH_METHOD): scrypt, the app's default,
# costs about 0.15 s of CPU per login, and the suite logs in about a thousand times. What the
# default is, and that a login checks it, is tested apart (tests/test_auth.py).
CHEAP_PASSWORD_HASH = "pbkdf2:sha256:1000"
# Hashing once keeps the seeds fast; the hash is what registration stores.
PASSWORD_HASH = generate_password_hash(PASSWORD, method=CHEAP_PASSWORD_HASH)

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


# Each browser test in one pass, as the audit above: what a browser shows and does is the same on
# both databases, and the database under each flow is tested on both by the tests without a
# browser. The flows whose writes and waits meet the database most (live mode's polls, autosave,
# grading, publishing, the boards) run on PostgreSQL, the pages' layout and keyboard use on
# SQLite; the two halves take about the same time. A new file of tests/e2e/ must be listed.
BROWSER_TESTS_IN_POSTGRESQL_PASS = {
    "test_live.py": True, "test_autosave.py": True, "test_take_quiz.py": True,
    "test_publish_flow.py": True, "test_projector.py": True, "test_drafts_review.py": True,
    "test_french_upload.py": True,
    "test_layout.py": False, "test_keyboard.py": False, "test_accessibility.py": False,
    "test_drafting_progress.py": False, "test_passage_picker.py": False,
    "test_upload_editor.py": False, "test_upload_replace.py": False,
    "test_archive_assigned.py": False,
    "test_pages.py": None,  # shared by its parameters (one interface language in each pass)
}


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _ClosingGate:
    """The served app behind a gate that `close()` shuts: `close()` waits for the requests in
    the app, and one that comes later gets a 503 without reaching it.

    `server.shutdown()` only stops the loop that accepts connections: a request under way
    (a live phone's poll, held until the session moves) went on in its own thread after the
    test, after the app fixture closed the pool, and opened a database connection that was
    never closed (PostgreSQL's then garbage-collected as a ResourceWarning failing whatever
    test ran then: CI's failure of session 15)."""

    def __init__(self, app: Flask) -> None:
        self._app = app
        self._state = threading.Condition()
        self._running = 0
        self._closed = False

    def __call__(self, environ, start_response):  # noqa: ANN001, ANN204 - WSGI
        with self._state:
            if self._closed:
                start_response("503 Service Unavailable",
                               [("Content-Type", "text/plain"), ("Connection", "close")])
                return [b"The test server has stopped."]
            self._running += 1
        try:
            body = self._app(environ, start_response)
        except BaseException:
            self._leave()
            raise
        return self._until_closed(body)

    def _until_closed(self, body):  # noqa: ANN001, ANN202
        try:
            yield from body
        finally:
            close = getattr(body, "close", None)
            try:
                if close is not None:
                    close()  # a streamed response's app context ends here
            finally:
                self._leave()

    def _leave(self) -> None:
        with self._state:
            self._running -= 1
            self._state.notify_all()

    def close(self, seconds: float = 10.0) -> None:
        """Shut the gate; fail if a request is still in the app `seconds` later."""
        with self._state:
            self._closed = True
            self._state.wait_for(lambda: self._running == 0, timeout=seconds)
            running = self._running
        assert not running, f"{running} request(s) still running {seconds:.0f} s after the test"


@contextmanager
def served(app: Flask) -> Iterator[str]:
    """The app on 127.0.0.1 behind `flask run`'s threaded server (`manage.py serve`): its
    address, until the server stops on leaving, after the requests still in the app
    (`_ClosingGate`)."""
    gate = _ClosingGate(app)
    server = make_server("127.0.0.1", 0, gate, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        try:
            gate.close()
        finally:  # the server stops even when a request outlived the test
            server.shutdown()
            thread.join(timeout=5)
            server.server_close()


CSRF_INPUT = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


LIVE_PARTS = re.compile(r'<template id="live-parts">(.*?)</template>', re.S)


def without_live_parts(html: str) -> str:
    """A live phone's page without its <template> of empty parts (static/js/live.js fills a
    copy): labels only ("Correct answer", "Right"), never a question's text — checked here."""
    parts = LIVE_PARTS.search(html)
    if parts is None:
        return html
    assert not re.search(r'data-slot="[a-z]+"[^>]*>\s*[^<\s]', parts.group(1)), "a filled slot"
    return html.replace(parts.group(0), "")


def csrf_token(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


# NEWS_QUIZ_SCREENSHOTS=0 (.ci/run: nobody looks at CI's) skips them: the every-page audit
# alone takes about 500 full-page screenshots, a third of its time.
SCREENSHOTS = os.environ.get("NEWS_QUIZ_SCREENSHOTS", "1") != "0"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot of a browser page under test-artifacts/ (`name` may hold
    folders) to look at, unless NEWS_QUIZ_SCREENSHOTS=0."""
    path = ARTIFACTS / f"{name}.png"
    if SCREENSHOTS:
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)
    return path


class _FormReader(HTMLParser):
    """What a browser sends for the form with id `form_id`, unchanged: see `form_fields`."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, {}
        self.textarea: str | None = None
        self.select: str | None = None
        self.first_option: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.inside = found.get("id") == self.form_id
        if not self.inside or "name" not in found and tag not in ("option",):
            return
        name = found.get("name", "")
        if tag == "input" and found.get("type") in ("checkbox", "radio"):
            if "checked" in found:
                self.fields[name] = found.get("value", "on")
        elif tag == "input" and found.get("type") not in ("submit", "button", "file"):
            self.fields[name] = found.get("value", "")
        elif tag == "textarea":
            self.textarea, self.fields[name] = name, ""
        elif tag == "select":
            self.select, self.first_option = name, None
        elif tag == "option" and self.select is not None:
            if self.first_option is None:
                self.first_option = found.get("value", "")
                self.fields.setdefault(self.select, self.first_option)
            if "selected" in found:
                self.fields[self.select] = found.get("value", "")

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea" and self.textarea is not None:
            # The one newline after <textarea> is not part of its value (WTForms writes it as
            # "\r\n", which a browser reads as one newline).
            value = self.fields[self.textarea]
            self.fields[self.textarea] = value.removeprefix("\r\n") \
                if value.startswith("\r\n") else value.removeprefix("\n")
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def form_fields(html: str, form_id: str) -> dict[str, str]:
    """The fields of the page's form `form_id` as a browser sends them untouched (text and
    hidden inputs, text areas, each select's chosen option, the checked boxes and radios; one
    value per name), for a test to change some and post."""
    reader = _FormReader(form_id)
    reader.feed(html)
    assert reader.fields, f"the page has no form {form_id!r} with fields"
    return reader.fields
