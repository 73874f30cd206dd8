"""A whole class logging in at the same moment, on the server `manage.py serve` runs
(Werkzeug's threaded server: one thread per request, as many as there are requests)."""

from __future__ import annotations

import http.cookiejar
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from flask import Flask

from quiz import models
from quiz.auth import routes as auth_routes
from quiz.extensions import db
from tests.support import PASSWORD, SECRET_KEY, csrf_token, free_port, served

CLASS_SIZE = 20


@pytest.fixture
def threaded_server(app: Flask) -> Iterator[str]:
    """The app on 127.0.0.1 behind the threaded server of `flask run` (`manage.py serve`)."""
    with served(app) as url:
        yield url


@pytest.fixture
def gunicorn_gthread(app: Flask, tmp_path) -> Iterator[str]:  # noqa: ANN001
    """The same app and database under gunicorn: 2 gthread workers of 8 threads each."""
    with app.app_context():
        url = db.engine.url.render_as_string(hide_password=False)
    port = free_port()
    gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable))
    assert gunicorn, "gunicorn is in the test extra (pyproject.toml)"
    log = tmp_path / "gunicorn.log"
    process = subprocess.Popen(
        [gunicorn, "--worker-class", "gthread", "--workers", "2", "--threads", "8",
         "--bind", f"127.0.0.1:{port}", "--error-logfile", str(log), "app:app"],
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
        env={**os.environ, "DATABASE_URL": url, "SECRET_KEY": SECRET_KEY},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/login", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"gunicorn did not start: {log.read_text()}") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def log_in_at_once(base: str, usernames: list[str],
                   password: str = PASSWORD) -> list[int | str]:
    """Each user opens the login page, then all press "Log in" together: the status of each
    POST (302 when logged in), or the error, in the order of `usernames`."""
    barrier = threading.Barrier(len(usernames))
    outcome: list[int | str] = ["not done"] * len(usernames)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *_args: object, **_kwargs: object) -> None:
            return None

    def student(number: int, username: str) -> None:
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
        try:
            page = opener.open(f"{base}/login", timeout=120).read().decode()
            form = urllib.parse.urlencode({"csrf_token": csrf_token(page),
                                           "username": username, "password": password})
            barrier.wait(timeout=60)
            try:
                outcome[number] = opener.open(f"{base}/login", form.encode(),
                                              timeout=120).status
            except urllib.error.HTTPError as answer:  # 3xx (not followed), 4xx, 5xx
                outcome[number] = answer.code
        except Exception as error:  # noqa: BLE001 (reported by the assertion)
            outcome[number] = repr(error)

    threads = [threading.Thread(target=student, args=pair) for pair in enumerate(usernames)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    return outcome


def passwords_checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The passwords the app checks from now on, each as it is checked (the list grows)."""
    checks: list[str] = []
    real = models.check_password_hash

    def counted(hashed: str, password: str) -> bool:
        checks.append(password)
        return real(hashed, password)

    monkeypatch.setattr(models, "check_password_hash", counted)
    monkeypatch.setattr(auth_routes, "check_password_hash", counted)
    return checks


@pytest.mark.parametrize("server", ["threaded_server", "gunicorn_gthread"])
def test_a_class_of_20_logs_in_at_the_same_moment(request: pytest.FixtureRequest, users,
                                                  server: str) -> None:
    """Each login holds a database connection through its password check and the per-account
    limit is counted after it: when the counters shared the requests' pool, 16 at once on the
    threaded server all failed with 500 after 30 s."""
    names = [f"eleve{n:02}" for n in range(CLASS_SIZE)]
    for name in names:
        users.make(name)
    assert log_in_at_once(request.getfixturevalue(server), names) == [302] * CLASS_SIZE


def test_bad_passwords_sent_at_once_check_no_more_than_the_limit(
        app: Flask, threaded_server: str, users, monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-account limit holds when the guesses come together: each is counted before its
    password is checked (counted after, 12 at once let 107 in through a limit of 100). Here a
    limit of 10 and 30 guesses at once, the same race in less time."""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "10 per hour"
    users.make("lea")
    checks = passwords_checked(monkeypatch)
    outcome = log_in_at_once(threaded_server, ["lea"] * 30, password="not the password")
    assert sorted(outcome, key=str) == [200] * 10 + [429] * 20
    assert len(checks) == 10


def test_wrong_passwords_sent_at_once_from_one_address_check_no_more_than_its_limit(
        app: Flask, threaded_server: str, users, monkeypatch: pytest.MonkeyPatch) -> None:
    """The per-address limit (failed password checks) holds when they come together, each
    counted before its check and given back only when it succeeds: 30 wrong logins to 30
    accounts at once from one address, a limit of 5, check 5 passwords (counted after the
    request, Flask-Limiter's deduct_when checked 5 to 29)."""
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "5 per hour"
    names = [f"eleve{n:02}" for n in range(30)]
    for name in names:
        users.make(name)
    checks = passwords_checked(monkeypatch)
    outcome = log_in_at_once(threaded_server, names, password="not the password")
    assert sorted(outcome, key=str) == [200] * 5 + [429] * 25
    assert len(checks) == 5


def test_the_test_server_stops_after_the_requests_in_the_app(app: Flask) -> None:
    """The tests' served app (tests/support.py): leaving `served()` waits for a request still
    in the app (a live phone's held poll reads the database when it wakes: read after the test
    closed the pool, it opened a connection never closed, CI's failure of session 15)."""
    started, finished = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        time.sleep(2)  # longer than the server's shutdown takes (its poll is 0.5 s)
        finished.set()
        return "done"

    app.add_url_rule("/slow", view_func=slow)
    with served(app) as url:
        thread = threading.Thread(target=lambda: urllib.request.urlopen(f"{url}/slow").read())
        thread.start()
        assert started.wait(10)
    assert finished.is_set()
    thread.join(10)
