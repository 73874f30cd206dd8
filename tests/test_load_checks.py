"""bench/load.py's checks can fail: each deliberately broken build of tests/broken_app.py makes
its column non-zero (tests/test_load_quick.py has them all at 0 on the real app). One short
scenario each, on SQLite; the server-output parser alone, without a server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bench.load import Outcome, Server, count_locked, log_events
from tests.support import sqlite_pass_only

ROOT = Path(__file__).resolve().parent.parent


def run_broken(tmp_path: Path, mode: str, *args: str) -> tuple[dict[str, Any], str]:
    """bench/load.py serving the broken build `mode`: its one outcome, and what it printed."""
    figures = tmp_path / "load.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--app", "tests.broken_app:app",
         "--json", str(figures), *args],
        capture_output=True, text=True, timeout=240, cwd=ROOT,
        env={**os.environ, "NEWS_QUIZ_BROKEN": mode})
    shown = result.stdout + result.stderr
    assert result.returncode == 1, shown  # a check failed
    (outcome,) = json.loads(figures.read_text())["outcomes"]
    return outcome, shown


@sqlite_pass_only
def test_grading_twice_shows_as_dup(tmp_path: Path) -> None:
    """Submits of one attempt each graded (no guard, answers replaced): the copies' answers
    differ, so the students told their answers were graded see another copy's stored."""
    same, shown = run_broken(tmp_path, "regrade", "--scenarios", "same")
    assert same["name"] == "same (5x8)"
    assert same["dup"] > 0, shown
    assert any("requests told they graded it" in note for note in same["notes"]), shown
    assert (same["lost"], same["half"], same["errors"], same["locked"]) == (0, 0, 0, 0), shown


@sqlite_pass_only
def test_lock_errors_in_the_workers_output_show_as_locked(tmp_path: Path) -> None:
    """Submissions that do not wait for SQLite's write lock: every 500 is a "database is
    locked" the app logged to the worker's stderr, counted once (not once per traceback of
    its chain)."""
    crowd, shown = run_broken(tmp_path, "locked", "--scenarios", "class", "--students", "20")
    assert crowd["statuses"].get("500", 0) > 0, shown
    assert crowd["locked"] == crowd["statuses"]["500"] == crowd["errors"], shown
    assert (crowd["lost"], crowd["dup"], crowd["half"]) == (0, 0, 0), shown


@sqlite_pass_only
def test_a_kill_between_two_transactions_shows_as_fault(tmp_path: Path) -> None:
    """The attempt marked submitted, its answers stored in a second transaction: a worker
    killed in between leaves it half stored, and the student's retry, told it was already
    submitted, cannot mend it."""
    kill, shown = run_broken(tmp_path, "split", "--scenarios", "kill", "--students", "20")
    assert kill["in_flight"] > 0 and kill["retried"] > 0, shown
    assert kill["half"] > 0 and kill["fault"] >= kill["half"], shown
    assert (kill["dup"], kill["errors"], kill["locked"]) == (0, 0, 0), shown


CHAINED_LOCK = """\
[2026-12-01 09:59:38 +0000] [30068] [INFO] Booting worker with pid: 30068
unexpected error 9d2e506ba181 on POST /attempts/36
Traceback (most recent call last):
  File "/x/sqlalchemy/engine/base.py", line 1155, in _begin_impl
    self.dispatch.begin(self)
sqlite3.OperationalError: database is locked

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/x/flask/app.py", line 917, in full_dispatch_request
    rv = self.dispatch_request()
sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked
[SQL: BEGIN IMMEDIATE]
(Background on this error at: https://sqlalche.me/e/20/e3q8)
unexpected error 0123456789ab on POST /attempts/37
Traceback (most recent call last):
  File "/x/quiz/student/routes.py", line 249, in attempt
    submit_attempt(attempt, form.chosen())
ValueError: something else
[2026-12-01 09:59:40 +0000] [30067] [ERROR] Worker (pid:30069) was sent SIGKILL!
canceling statement due to lock timeout
"""


def test_log_events_count_a_chain_of_tracebacks_once() -> None:
    events = log_events(CHAINED_LOCK)
    assert [e.splitlines()[0] for e in events] == [
        "[2026-12-01 09:59:38 +0000] [30068] [INFO] Booting worker with pid: 30068",
        "unexpected error 9d2e506ba181 on POST /attempts/36",
        "unexpected error 0123456789ab on POST /attempts/37",
        "[2026-12-01 09:59:40 +0000] [30067] [ERROR] Worker (pid:30069) was sent SIGKILL!",
        "canceling statement due to lock timeout",
    ]
    assert events[1].endswith("(Background on this error at: https://sqlalche.me/e/20/e3q8)")


def test_locked_counts_logged_errors_and_pages_that_say_so_once() -> None:
    outcome = Outcome("x", error_pages=[
        "<p>give your teacher this error number: 9d2e506ba181</p>",  # logged: counted there
        "<pre>OperationalError: database is locked</pre>",  # says so itself, not logged
        "<p>error number: 0123456789ab</p>",  # logged, not a lock error
    ])
    count_locked(outcome, CHAINED_LOCK)
    assert outcome.locked == 3  # the chain, the lock timeout line, the second page


@pytest.mark.skipif(shutil.which("ss") is None, reason="needs ss (iproute2), as CI has")
def test_a_connection_is_a_kill_target_only_until_the_server_sends_on_it() -> None:
    """A worker that has sent its answer, and not yet closed the connection (its access log,
    the app's teardown), cuts nothing when killed: the retries go untested (CI runs failed
    on it). The kill scenario's targets are the connections on which nothing was sent yet,
    told apart among several."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        server = object.__new__(Server)
        server.port = listener.getsockname()[1]
        with socket.create_connection(("127.0.0.1", server.port)) as client, \
                socket.create_connection(("127.0.0.1", server.port)) as answered_client:
            accepted, _address = listener.accept()
            answered, _address = listener.accept()
            with accepted, answered:
                for one in (client, answered_client):
                    one.sendall(b"POST /attempts/1 HTTP/1.1\r\nHost: x\r\n\r\n")
                accepted.recv(100)
                answered.recv(100)
                answered.sendall(b"HTTP/1.1 302 FOUND\r\nContent-Length: 0\r\n\r\n")
                assert answered_client.recv(100).startswith(b"HTTP/1.1 302")
                held, done = (os.readlink(f"/proc/self/fd/{s.fileno()}")
                              for s in (accepted, answered))
                targets = server._unanswered_connections()
                assert held in targets and done not in targets, (held, done, targets)
                accepted.sendall(b"HTTP/1.1 302 FOUND\r\nContent-Length: 0\r\n\r\n")
                assert client.recv(100).startswith(b"HTTP/1.1 302")
                assert held not in server._unanswered_connections()
