"""The README's start command, run as a user would: `python3 manage.py serve`.

It runs with the virtual environment already installed (this test's own, through
NEWS_QUIZ_VENV) and an instance folder of its own (NEWS_QUIZ_INSTANCE), so that it creates its
secret key, database and demo quizzes there and leaves the checkout's instance/ alone.
"""

from __future__ import annotations

import http.client
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support import free_port, sqlite_pass_only

ROOT = Path(__file__).resolve().parent.parent
in_a_venv = pytest.mark.skipif(sys.prefix == sys.base_prefix,
                               reason="manage.py installs into a virtual environment; these "
                                      "tests run from one (python3 manage.py test)")


class Served:
    """`python3 manage.py serve ARGS` in the background, its output read line by line."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        env = {k: v for k, v in os.environ.items()
               if k not in ("SECRET_KEY", "DATABASE_URL", "TEST_DATABASE_URL")}
        env.update(NEWS_QUIZ_VENV=sys.prefix, NEWS_QUIZ_INSTANCE=str(tmp_path / "instance"))
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "serve", *args], cwd=ROOT, env=env,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, start_new_session=True, preexec_fn=_ctrl_c_as_in_a_terminal)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.output: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def wait_for(self, pattern: str, seconds: float) -> re.Match[str]:
        """The first line matching `pattern`; fails with the whole output if none comes."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if line is None:
                break
            self.output.append(line)
            found = re.search(pattern, line)
            if found:
                return found
        pytest.fail(f"no line matching {pattern!r}; output:\n{''.join(self.output)}")

    def all_output(self) -> str:
        """Everything printed, once the process has ended (after stop())."""
        while True:
            try:
                line = self.lines.get_nowait()
            except queue.Empty:
                return "".join(self.output)
            if line is not None:
                self.output.append(line)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # Ctrl+C, as the banner says
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.reader.join(timeout=10)  # it reads to the end of the output, then stops
        assert self.process.stdout is not None
        self.process.stdout.close()


def _ctrl_c_as_in_a_terminal() -> None:
    """Ctrl+C stops the server, as in a terminal, even when the tests run in the background
    (a shell's background job ignores SIGINT, and its children inherit that: each stop then
    waited 15 s for the kill)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def start(*args: str) -> Served:
        started.append(Served(tmp_path, *args))
        return started[-1]

    yield start
    for served in started:
        served.stop()


def get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def answers(port: int, seconds: float) -> int:
    """The home page's status once the server answers."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return get(port, "/")[0]
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)



def hold_port(port: int) -> socket.socket | None:
    """Listen on 127.0.0.1:port as another program would; None if one already does."""
    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", port))
    except OSError:
        holder.close()
        return None
    holder.listen()
    return holder


def check_started(port: int, tmp_path: Path) -> None:
    assert answers(port, 60) in (200, 302)
    status, page = get(port, "/login")
    assert status == 200 and 'name="password"' in page
    # What the first run made is in the instance folder it was given.
    assert (tmp_path / "instance" / "secret_key").is_file()
    assert (tmp_path / "instance" / "quiz.sqlite").is_file()


@sqlite_pass_only
@in_a_venv
def test_serve_on_a_chosen_port(serve, tmp_path: Path) -> None:
    port = free_port()
    served = serve("--port", str(port))
    served.wait_for(r"Imported 3 file\(s\): 3 created", 600)  # installs first if it must
    served.wait_for(r"starting the drafting worker", 60)
    banner = served.wait_for(r"serving News Quiz on (http://\S+)", 60)
    assert banner.group(1) == f"http://127.0.0.1:{port}"
    check_started(port, tmp_path)
    queue_file = tmp_path / "instance" / "jobs.sqlite"
    served.wait_for(f"Drafting worker: running the jobs queued in {re.escape(str(queue_file))}",
                    120)
    # Ctrl+C stops the web server and the drafting worker beside it.
    served.stop()
    assert "Drafting worker stopped." in served.all_output()
    with pytest.raises(ProcessLookupError):
        os.killpg(served.process.pid, 0)  # no process of the command is left


@sqlite_pass_only
@in_a_venv
def test_serve_while_another_program_holds_port_5000(serve, tmp_path: Path) -> None:
    holder = hold_port(5000)  # None: another program already holds it, as on macOS
    try:
        served = serve()
        instead = served.wait_for(r"port 5000 is in use \(by another program, or News Quiz "
                                  r"already running\): using (\d+) "
                                  r"instead", 60)
        served.wait_for(r"Imported 3 file\(s\): 3 created", 600)
        banner = served.wait_for(r"serving News Quiz on http://127\.0\.0\.1:(\d+) ", 60)
        port = int(banner.group(1))
        assert port == int(instead.group(1)) != 5000
        check_started(port, tmp_path)
    finally:
        if holder is not None:
            holder.close()


def test_serve_on_a_port_in_use_says_so_in_one_line(tmp_path: Path) -> None:
    holder = hold_port(port := free_port())
    assert holder is not None
    # The next port taken as well: the one suggested is free (it suggested the next, taken).
    next_holder = hold_port(port + 1)
    try:
        result = subprocess.run([sys.executable, "manage.py", "serve", "--port", str(port)],
                                cwd=ROOT, capture_output=True, text=True, timeout=60,
                                env={**os.environ, "NEWS_QUIZ_VENV": str(tmp_path / "venv")})
    finally:
        holder.close()
        if next_holder is not None:
            next_holder.close()
    assert result.returncode == 1
    assert result.stdout == ""
    suggested = int(result.stderr.rsplit("--port ", 1)[1].split("`")[0])
    assert result.stderr == (f"Port {port} is in use (by another program, or News Quiz already "
                             f"running): choose another, e.g. "
                             f"`python3 manage.py serve --port {suggested}`.\n")
    assert suggested > port + 1  # port + 1 is taken (held here, or by another program)
    assert not (tmp_path / "venv").exists()  # nothing installed before saying so
