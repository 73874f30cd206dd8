#!/usr/bin/env python3
"""Load and fault test: does every acknowledged submission end up stored exactly once?

Starts the app under gunicorn (several sync workers) on 127.0.0.1 against a fresh database,
its output captured to a file (gunicorn's log and the workers' stderr, where the app's errors
and their tracebacks go, as under systemd), then runs these scenarios, each checking what the
clients were told against the rows in the database:

1. same       5 students each press Start 8 times at once, then submit their attempt 8 times
              at once, every copy with other answers → one attempt each, graded once: the
              stored answers and score are those of the one request told it graded them (the
              others are told "already submitted").
2. class      N students submit at the same instant (a barrier) → 0 lost, 0 duplicated,
              0 5xx, 0 lock errors; p50/p95 latency.
3. kill       the same while gunicorn workers are SIGKILLed, each while it serves a request
              it has not begun to answer (its client connection seen with ss and /proc, the
              worker stopped and seen again before the kill) and others are in flight: 2
              kills, up to 4 until 2 requests are cut. A student whose submit failed retries (3
              times, 0.5 s apart) → nothing acknowledged lost, nothing graded twice or half
              stored, every student acknowledged in the end.
4. autosave   N students each save their 12 answers one request at a time (every answer
              saved, then saved again unchanged, then half of them changed), all students at
              once, then all submit at once → every last choice stored once before the
              submit, each grade equal to the grade of the last choices, no saved copy left,
              0 5xx, 0 lock errors.
5. pg-restart (PostgreSQL only) PostgreSQL restarted under a steady load → only requests in
              flight fail, the app recovers by itself within 10 s, the failed ones succeed
              when retried, nothing acknowledged is lost.

    python bench/load.py --quick          SQLite, 50 students (20 saving), scenarios 1-4
    python bench/load.py                  SQLite, 200 students, scenarios 1-4
    python bench/load.py --postgres       PostgreSQL (a throw-away cluster on 127.0.0.1:5434,
                                          needs root and Debian's postgresql), scenarios 1-5

Columns (per scenario; an attempt counts at most once in each of lost, dup, half, fault):
  acked     attempts acknowledged: a submit answered 302 to the attempt's page
  lost      acknowledged but not submitted in the database, or stored with answers that no
            request sent; autosave: saved choices that are not the last ones clicked
  dup       graded more than once: more than one request told it graded the attempt (a 302
            without the "already submitted" notice), more answer rows than questions, a score
            other than the number of right answers stored, the stored answers those of another
            copy than the first one told it graded them; plus each attempt beyond one per
            student
  half      submitted without an answer to every question or without a score; answers stored
            beside an attempt in progress; a saved copy left beside a graded attempt
  5xx/err   requests answered neither as expected nor as the injected fault explains: 5xx,
            other statuses, failed connections beyond one per killed worker, failures after
            PostgreSQL recovered
  locked    lock errors ("database is locked", deadlock, lock timeout) the server logged during
            the scenario, one per error (a traceback chain counts once), plus each 5xx page
            that says so itself and is not one of those
  inflight  requests sent and not yet answered at each kill, summed (pg-restart: the submits
            that overlapped the restart)
  retried   attempts whose submit failed and a retry acknowledged
  fault     (fault scenarios) attempts still wrong after the retries: never acknowledged, lost,
            dup or half

The last line is ``lost=N duplicated=N errors=N locked=N fault=N`` over all scenarios (lost
includes half); the exit status is 1 unless all are 0. Kills that cut no request, or a restart
that meets none, count as an error: the fault was not tested. ``--app`` serves
another WSGI app, e.g. tests/broken_app.py's deliberately broken builds, with which
tests/test_load_checks.py shows that each check can fail. All traffic goes to 127.0.0.1; every
loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
PASSWORD = "bench password"
REQUEST_TIMEOUT = 60
SEED_QUIZ = "russie-coree-du-nord-traite"
# What a lock error says: SQLite's, and PostgreSQL's deadlock and lock timeouts.
LOCK_ERROR = re.compile(r"database is locked|database table is locked|deadlock detected|"
                        r"could not obtain lock|lock timeout", re.IGNORECASE)
RETRIES, RETRY_PAUSE = 3, 0.5  # a student whose submit failed presses it again, at most 3 times


# -- a minimal HTTP client with a cookie, one connection per request ----------------------------

@dataclass
class Reply:
    status: int
    location: str
    body: str
    seconds: float
    finished: float  # time.perf_counter() when it was read
    cookies: dict[str, str]  # the ones this response set


class InFlight:
    """How many requests are sent and not yet answered, over every client."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.count = 0

    def __enter__(self) -> None:
        with self.lock:
            self.count += 1

    def __exit__(self, *_exc: object) -> None:
        with self.lock:
            self.count -= 1


IN_FLIGHT = InFlight()


class Browser:
    def __init__(self, port: int, cookies: dict[str, str] | None = None):
        self.port = port
        self.cookies: dict[str, str] = dict(cookies or {})

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Reply:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        headers, body = self.prepare(form)
        started = time.perf_counter()
        try:
            with IN_FLIGHT:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        return self.reply(response, text, started)

    def prepare(self, form: dict[str, str] | None) -> tuple[dict[str, str], str | None]:
        """A request's headers (this browser's cookies) and body (the form, encoded)."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if form is None:
            return headers, None
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return headers, urllib.parse.urlencode(form)

    def reply(self, response: http.client.HTTPResponse, text: str, started: float) -> Reply:
        """The response as a Reply; the cookies it sets kept for the next requests."""
        set_here = {}
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            set_here[name] = rest.split(";", 1)[0]
        self.cookies.update(set_here)
        finished = time.perf_counter()
        return Reply(response.status, response.headers.get("Location", ""), text,
                     finished - started, finished, set_here)

    def token(self, path: str) -> str:
        reply = self.request("GET", path)
        match = CSRF.search(reply.body)
        if not match:
            raise RuntimeError(f"no CSRF token on {path} ({reply.status})")
        return match.group(1)

    def log_in(self, username: str) -> None:
        token = self.token("/login")
        reply = self.request("POST", "/login", {"csrf_token": token, "username": username,
                                               "password": PASSWORD})
        if reply.status != 302:
            raise RuntimeError(f"login of {username} failed: {reply.status}")


# -- the server and its database ----------------------------------------------------------------

def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Postgres:
    """A throw-away PostgreSQL cluster (root only: the server runs as the postgres user)."""

    def __init__(self, folder: Path, port: int = 5434):
        self.folder = folder
        folder.parent.chmod(0o755)  # the postgres user must reach its data folder
        self.url = subprocess.run(
            ["bash", str(ROOT / ".ci" / "start-postgres"), str(folder), str(port)],
            check=True, capture_output=True, text=True).stdout.strip()
        self.pg_ctl = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1]

    def _ctl(self, *args: str) -> None:
        command = " ".join([str(self.pg_ctl), "-D", str(self.folder / "db"), *args])
        # No pipes: a server started by pg_ctl would hold them open for ever.
        subprocess.run(["su", "postgres", "-c", command], check=True, timeout=60,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)

    def restart(self) -> None:
        self._ctl("-m", "fast", "-w", "-l", str(self.folder / "server.log"), "restart")

    def stop(self) -> None:
        self._ctl("-m", "fast", "-w", "stop")


@dataclass
class Student:
    username: str
    attempt_id: int
    answers: dict[str, str]
    browser: Browser | None = None
    token: str = ""


@dataclass
class Stored:
    """An attempt as the database holds it."""
    status: str
    score: int | None
    total: int
    answers: dict[str, str]  # form field (q<question id>) → choice id
    rows: int  # answer rows (more than `answers` if a question was answered twice)
    right: int  # right answers among the rows


class Server:
    warned_no_ss = False  # said once that kills may miss (no ss)

    def __init__(self, database_url: str, workers: int, folder: Path, app: str = "app:app"):
        self.database_url = database_url
        self.port = free_port()
        # gunicorn's own log and the workers' stderr: the app logs its errors (with their
        # tracebacks) through Python's logging, which writes to stderr when nothing else is
        # configured, as in production.
        self.log = folder / "server.log"
        env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": secrets.token_hex(16)}
        self.env = env
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
        # Started first: its workers boot while the schema and the questions go in (the app
        # reads the database only to serve a request).
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                [gunicorn, "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}",
                 "--timeout", "60", "--graceful-timeout", "5", "--error-logfile", "-",
                 "--chdir", str(ROOT), app],
                env=env, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
        try:
            self.app = self._app()
        except BaseException:
            self.stop()
            raise
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if Browser(self.port).request("GET", "/login").status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start: {self.log_text(0)[-3000:]}")

    def _app(self):
        os.environ["SECRET_KEY"] = self.env["SECRET_KEY"]
        from flask_migrate import upgrade

        from quiz import create_app
        from quiz.extensions import db
        from quiz.services.importer import import_items, prepare_import

        app = create_app({"SQLALCHEMY_DATABASE_URI": self.database_url})
        with app.app_context():
            upgrade()
            import_items(prepare_import([ROOT / "questions"]))
            db.session.remove()
        return app

    def log_offset(self) -> int:
        return self.log.stat().st_size

    def log_text(self, start: int) -> str:
        with self.log.open("rb") as output:
            output.seek(start)
            return output.read().decode("utf-8", "replace")

    def workers(self) -> list[int]:
        out = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True,
                             text=True).stdout
        return [int(pid) for pid in out.split()]

    def busy_workers(self) -> list[int]:
        """The workers serving a request that they have not begun to answer: those holding an
        established client connection of our port on which nothing was sent yet (a sync
        worker holds one from its accept until it closes it, after its response, its access
        log line and the app's teardown; a worker killed once its response is sent cuts
        nothing)."""
        held = {}
        for pid in self.workers():
            try:
                folder = f"/proc/{pid}/fd"
                held[pid] = {os.readlink(f"{folder}/{fd}") for fd in os.listdir(folder)}
            except OSError:
                continue  # gone meanwhile
        connections = self._unanswered_connections()
        return [pid for pid, links in held.items() if links & connections]

    def _unanswered_connections(self) -> set[str]:
        """The sockets ("socket:[inode]") of the established connections to our port on which
        the server sent nothing yet: from ss (netlink, a few ms; its tcp_info shows
        bytes_sent once a byte was sent), else from /proc/net/tcp (slow when it lists
        thousands of connections in TIME_WAIT, and blind to what was sent: every established
        connection)."""
        try:
            out = subprocess.run(
                ["ss", "-tnHie", "state", "established", f"( sport = :{self.port} )"],
                capture_output=True, text=True, timeout=10, check=True).stdout
            # One connection per line, its tcp_info on the indented line after it.
            connections = re.split(r"\n(?=\S)", out.strip())
            return {f"socket:[{inode.group(1)}]" for connection in connections
                    if (inode := re.search(r"\bino:([1-9][0-9]*)", connection))
                    and "bytes_sent:" not in connection}
        except (OSError, subprocess.SubprocessError):
            if not self.warned_no_ss:
                self.warned_no_ss = True
                progress("  no ss (iproute2): every established connection counts as a request "
                         "not answered yet, and a kill may cut nothing")
        found = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                lines = Path(table).read_text().splitlines()[1:]
            except OSError:
                continue
            for line in lines:
                fields = line.split()
                if (int(fields[1].rsplit(":", 1)[1], 16) == self.port and fields[3] == "01"
                        and fields[9] != "0"):
                    found.add(f"socket:[{fields[9]}]")
        return found

    def kill_busy_worker(self, within: float = 5.0) -> tuple[int | None, int]:
        """SIGKILL a worker while it serves a request it has not begun to answer and other
        requests are in flight: (its pid, the requests in flight then); (None, in flight) if
        none was found in time. The worker is stopped (SIGSTOP) and seen still holding such a
        request before the kill, so that it cannot answer between the look and the kill;
        else it goes on (SIGCONT) and another is looked for."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            busy = self.busy_workers()
            in_flight = IN_FLIGHT.count
            if busy and in_flight:
                pid = busy[0]
                try:
                    os.kill(pid, signal.SIGSTOP)
                except ProcessLookupError:
                    continue
                try:
                    if pid in self.busy_workers():
                        os.kill(pid, signal.SIGKILL)
                        return pid, in_flight
                except BaseException:
                    os.kill(pid, signal.SIGCONT)  # never left stopped
                    raise
                os.kill(pid, signal.SIGCONT)
            time.sleep(0.002)
        return None, IN_FLIGHT.count

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)

    def graded_here(self, reply: Reply) -> bool:
        """Did this acknowledged submit grade the attempt? Its redirect carries no "already
        submitted" notice (a flash of category info in the session cookie it sets)."""
        cookie = reply.cookies.get(self.app.config["SESSION_COOKIE_NAME"])
        if not cookie:
            return True
        serializer = self.app.session_interface.get_signing_serializer(self.app)
        flashes = serializer.loads(cookie).get("_flashes", [])
        return not any(category == "info" for category, _message in flashes)

    def students(self, prefix: str, count: int, start: bool = True) -> list[Student]:
        """Create `count` students, each with an attempt in progress on the seed quiz (none
        with start=False) and answers to send."""
        import sqlalchemy as sa
        from werkzeug.security import generate_password_hash

        from quiz.extensions import db
        from quiz.models import Quiz, User
        from quiz.services.attempts import start_attempt

        # A cheap hash: logins are not what this load is about (the default scrypt costs about
        # 0.1 s of CPU per login, seconds per scenario on a small machine).
        password_hash = generate_password_hash(PASSWORD, "pbkdf2:sha256:1000")
        fields = self.fields()
        answers = {name: choices[n % len(choices)]
                   for n, (name, choices) in enumerate(fields.items())}
        made = []
        with self.app.app_context():
            quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
            assert quiz is not None
            users = [User(username=f"{prefix}{n}", display_name=f"{prefix}{n}",
                          password_hash=password_hash) for n in range(count)]
            db.session.add_all(users)
            db.session.commit()
            for user in users:
                attempt_id = start_attempt(user, quiz).id if start else 0
                made.append(Student(user.username, attempt_id, dict(answers)))
            db.session.remove()
        return made

    def fields(self) -> dict[str, list[str]]:
        """The seed quiz's form fields (q<question id>, in order) → their choices' ids."""
        import sqlalchemy as sa

        from quiz.extensions import db
        from quiz.models import Quiz
        from quiz.services.attempts import load_questions

        with self.app.app_context():
            quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
            assert quiz is not None
            questions = load_questions(quiz.revision.id, include_outdated=False)
            out = {f"q{q.id}": [str(c.id) for c in q.choices] for q in questions}
            db.session.remove()
        return out

    def graded(self, attempt_ids: list[int]) -> dict[int, Stored]:
        import sqlalchemy as sa

        from quiz.extensions import db
        from quiz.models import Answer, Attempt, Choice

        out: dict[int, Stored] = {}
        with self.app.app_context():
            for attempt_id, status, score, total in db.session.execute(
                    sa.select(Attempt.id, Attempt.status, Attempt.score, Attempt.total)
                    .where(Attempt.id.in_(attempt_ids))):
                out[attempt_id] = Stored(status, score, total, {}, 0, 0)
            for attempt_id, question_id, choice_id, right in db.session.execute(
                    sa.select(Answer.attempt_id, Answer.question_id, Answer.choice_id,
                              Choice.is_correct)
                    .join(Choice, Choice.id == Answer.choice_id)
                    .where(Answer.attempt_id.in_(attempt_ids))):
                stored = out[attempt_id]
                stored.answers[f"q{question_id}"] = str(choice_id)
                stored.rows += 1
                stored.right += int(right)
            db.session.remove()
        return out

    def saved(self, attempt_ids: list[int]) -> dict[int, dict[str, str]]:
        """attempt id → its saved (autosaved) answers, as form fields."""
        import sqlalchemy as sa

        from quiz.extensions import db
        from quiz.models import SavedAnswer

        saved: dict[int, dict[str, str]] = {i: {} for i in attempt_ids}
        with self.app.app_context():
            for attempt_id, question_id, choice_id in db.session.execute(
                    sa.select(SavedAnswer.attempt_id, SavedAnswer.question_id,
                              SavedAnswer.choice_id)
                    .where(SavedAnswer.attempt_id.in_(attempt_ids))):
                saved[attempt_id][f"q{question_id}"] = str(choice_id)
            db.session.remove()
        return saved

    def extra_attempts(self, prefix: str) -> int:
        """Attempts beyond one per student of `prefix` (none of them starts a second one)."""
        import sqlalchemy as sa

        from quiz.extensions import db
        from quiz.models import Attempt, User

        with self.app.app_context():
            counts = db.session.scalars(
                sa.select(sa.func.count(Attempt.id)).join(User)
                .where(User.username.like(f"{prefix}%")).group_by(Attempt.user_id)).all()
            db.session.remove()
        return sum(count - 1 for count in counts)


# -- what was sent, what the database holds -----------------------------------------------------

@dataclass
class Outcome:
    name: str
    requests: int = 0
    acknowledged: set[int] = field(default_factory=set)
    statuses: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    lost: int = 0
    duplicated: int = 0
    half_stored: int = 0
    errors: int = 0
    locked: int = 0
    in_flight: int | None = None  # fault scenarios only
    retried: int = 0
    fault: int = 0
    recovery_s: float | None = None
    seconds: float = 0.0
    error_pages: list[str] = field(default_factory=list)  # bodies of 5xx responses
    notes: list[str] = field(default_factory=list)

    def p(self, q: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


@dataclass
class Sent:
    """The submits of one attempt: the answers of each copy sent, and what came back."""
    forms: list[dict[str, str]]
    acked: bool = False  # some request was acknowledged
    # (when answered, copy) of each request told it graded the attempt
    graded_by: list[tuple[float, int]] = field(default_factory=list)


def prepare(server: Server, students: list[Student], page: Callable[[Student], str] | None = None
            ) -> None:
    """Log every student in and open their quiz page (for its CSRF token), in parallel."""
    def one(student: Student) -> None:
        student.browser = Browser(server.port)
        student.browser.log_in(student.username)
        student.token = student.browser.token(
            page(student) if page else f"/attempts/{student.attempt_id}")

    progress(f"  logging {len(students)} students in")
    run_threads([lambda s=s: one(s) for s in students])
    unready = [s.username for s in students if not s.token]
    if unready:
        raise RuntimeError(f"{len(unready)} students could not log in: {unready[:5]}")


def run_threads(jobs: list, timeout: float = 120) -> None:
    threads = [threading.Thread(target=job, daemon=True) for job in jobs]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))


NO_REPLY = TimeoutError("no reply")


def at_once(calls: list[Callable[[], Reply]],
            during: Callable[[list[Reply | Exception]], None] | None = None
            ) -> tuple[list[Reply | Exception], float]:
    """Release every call at once (a barrier); `during` runs right after the release, with the
    results as they come. The results in order (an exception for a failed connection,
    NO_REPLY for a call still running after 120 s), and the seconds it all took."""
    barrier = threading.Barrier(len(calls) + (1 if during else 0))
    results: list[Reply | Exception] = [NO_REPLY] * len(calls)

    def one(index: int) -> None:
        barrier.wait()
        try:
            results[index] = calls[index]()
        except Exception as error:  # noqa: BLE001 - a reset connection is an outcome here
            results[index] = error

    jobs: list[Callable[[], None]] = [lambda i=i: one(i) for i in range(len(calls))]
    if during:
        def fault() -> None:
            barrier.wait()
            during(results)
        jobs.append(fault)
    started = time.perf_counter()
    run_threads(jobs)
    return results, time.perf_counter() - started


def submit(student: Student) -> Reply:
    assert student.browser is not None
    return student.browser.request("POST", f"/attempts/{student.attempt_id}",
                                   {"csrf_token": student.token, **student.answers})


def acknowledged(reply: Reply | Exception, attempt_id: int) -> bool:
    return (isinstance(reply, Reply) and reply.status == 302
            and reply.location.endswith(f"/attempts/{attempt_id}"))


def tally(outcome: Outcome, result: Reply | Exception, prefix: str = "") -> None:
    outcome.requests += 1
    if isinstance(result, Exception):
        outcome.statuses[prefix + type(result).__name__] += 1
        return
    outcome.statuses[prefix + str(result.status)] += 1
    if result.status >= 500:
        outcome.error_pages.append(result.body)


def record(server: Server, outcome: Outcome, sent: Sent, copy: int, attempt_id: int,
           result: Reply | Exception, retry: bool = False) -> bool:
    """Count a submit's result; True if acknowledged."""
    tally(outcome, result, "retry " if retry else "")
    if not acknowledged(result, attempt_id):
        return False
    assert isinstance(result, Reply)
    sent.acked = True
    outcome.acknowledged.add(attempt_id)
    if not retry:
        outcome.latencies.append(result.seconds)
    if server.graded_here(result):
        sent.graded_by.append((result.finished, copy))
    return True


def verify(server: Server, outcome: Outcome, sent: dict[int, Sent], prefix: str) -> set[int]:
    """Compare what the clients were told with what the database holds (the `lost`, `dup` and
    `half` columns, each attempt counted once in each); the attempts found wrong."""
    stored = server.graded(list(sent))
    found: dict[str, dict[int, list[str]]] = {"lost": {}, "dup": {}, "half": {}}
    for attempt_id, what in sent.items():
        row = stored[attempt_id]
        submitted = row.status == "submitted"
        reasons: dict[str, list[str]] = {"lost": [], "dup": [], "half": []}
        if what.acked and not submitted:
            reasons["lost"].append("acknowledged, not submitted")
        if submitted and (len(row.answers) < row.total or row.score is None):
            reasons["half"].append(f"submitted with {len(row.answers)} of {row.total} answers"
                                   f", score {row.score}")
        if not submitted and row.rows:
            reasons["half"].append(f"{row.rows} answers stored, not submitted")
        told = [copy for _when, copy in sorted(what.graded_by)]
        if len(told) > 1:
            reasons["dup"].append(f"{len(told)} requests told they graded it")
        if row.rows > max(row.total, len(row.answers)):
            reasons["dup"].append(f"{row.rows} answer rows for {row.total} questions")
        if submitted and not reasons["half"]:
            if row.score != row.right:
                reasons["dup"].append(f"score {row.score}, {row.right} right answers stored")
            if row.answers not in what.forms:
                if what.acked:
                    reasons["lost"].append("stored answers that no request sent")
            elif told and what.forms[told[0]] != row.answers:
                # The student saw the grade of their answers; another copy's grading
                # replaced it.
                reasons["dup"].append(f"stored the answers of copy "
                                      f"{what.forms.index(row.answers)}, not of copy {told[0]} "
                                      "(the first told it graded them)")
        for name, why in reasons.items():
            if why:
                found[name][attempt_id] = why
    extra = server.extra_attempts(prefix)
    outcome.lost += len(found["lost"])
    outcome.duplicated += len(found["dup"]) + extra
    outcome.half_stored += len(found["half"])
    for name, attempts in found.items():
        for attempt_id, why in sorted(attempts.items())[:5]:
            outcome.notes.append(f"{name}: attempt {attempt_id}: {'; '.join(why)}")
        if len(attempts) > 5:
            outcome.notes.append(f"{name}: {len(attempts) - 5} more attempts")
    if extra:
        outcome.notes.append(f"dup: {extra} attempts beyond one per student")
    return {i for attempts in found.values() for i in attempts}


def retry_failed(server: Server, outcome: Outcome, failed: list[Student],
                 sent: dict[int, Sent]) -> None:
    """The client's retry policy: a student whose submit failed presses it again, up to
    RETRIES times, RETRY_PAUSE apart (all students at once)."""
    def one(student: Student) -> None:
        what = sent[student.attempt_id]
        for _try in range(RETRIES):
            time.sleep(RETRY_PAUSE)
            try:
                result: Reply | Exception = submit(student)
            except Exception as error:  # noqa: BLE001
                result = error
            with lock:
                if record(server, outcome, what, 0, student.attempt_id, result, retry=True):
                    outcome.retried += 1
                    return

    lock = threading.Lock()
    run_threads([lambda s=s: one(s) for s in failed])


def count_locked(outcome: Outcome, log: str) -> None:
    """The `locked` column: each error the server logged (a line, or a traceback chain with
    the line before it) that names a lock error, plus each 5xx page that says so itself and
    is not one of those (a logged error's id appears on its 500 page)."""
    events = [e for e in log_events(log) if LOCK_ERROR.search(e)]
    ids = {i for e in events for i in re.findall(r"\b[0-9a-f]{12}\b", e.split("\n", 1)[0])}
    pages = sum(1 for page in outcome.error_pages
                if LOCK_ERROR.search(page) and not any(i in page for i in ids))
    outcome.locked = len(events) + pages
    if events:
        last = [line for line in events[0].splitlines() if LOCK_ERROR.search(line)][-1]
        outcome.notes.append(f"locked: {len(events)} logged, e.g. {last.strip()[:120]}")


TRACEBACK = "Traceback (most recent call last):"
CHAINED = ("The above exception was the direct cause", "During handling of the above exception")
GUNICORN_LINE = re.compile(r"\[\d{4}-\d\d-\d\d ")


def log_events(text: str) -> list[str]:
    """The server's output cut into events: a line alone, or a line followed by a traceback
    (all of a chain of tracebacks, with the exception's message and its continuation lines)."""
    lines = text.splitlines()
    events: list[list[str]] = []
    in_traceback = awaiting = False  # awaiting: a header line whose traceback comes next
    for n, line in enumerate(lines):
        following = lines[n + 1] if n + 1 < len(lines) else ""
        if line.startswith(TRACEBACK):
            previous = next((x for x in reversed(events[-1]) if x.strip()), "") if events \
                else ""
            if not (awaiting or (in_traceback and previous.startswith(CHAINED))):
                events.append([])
            events[-1].append(line)
            in_traceback, awaiting = True, False
        elif events and (not line.strip() or line[0].isspace() or line.startswith(CHAINED)):
            events[-1].append(line)
        elif (not events or not in_traceback or GUNICORN_LINE.match(line)
              or following.startswith(TRACEBACK)):
            events.append([line])
            in_traceback, awaiting = False, following.startswith(TRACEBACK)
        else:
            events[-1].append(line)  # the exception's message after a traceback
    return ["\n".join(e) for e in events if any(x.strip() for x in e)]


# -- scenarios ----------------------------------------------------------------------------------

def scenario_same(server: Server, students: int = 5, copies: int = 8) -> Outcome:
    """Each student presses Start `copies` times at once, then submits `copies` times at once,
    every copy with other answers: the student's tabs or a double tap on a slow network."""
    outcome = Outcome(f"same ({students}x{copies})")
    people = server.students("same", students, start=False)
    prepare(server, people, lambda _s: f"/quizzes/{SEED_QUIZ}")
    tabs = [(s, Browser(server.port, s.browser.cookies))  # type: ignore[union-attr]
            for s in people for _copy in range(copies)]
    results, seconds = at_once([
        lambda s=s, b=b: b.request("POST", f"/quizzes/{SEED_QUIZ}/start",
                                   {"csrf_token": s.token}) for s, b in tabs])
    started: dict[str, set[int]] = {s.username: set() for s in people}
    for (student, _browser), result in zip(tabs, results, strict=True):
        tally(outcome, result)
        found = isinstance(result, Reply) and re.search(r"/attempts/([0-9]+)$", result.location)
        if found:
            started[student.username].add(int(found.group(1)))
        else:
            outcome.errors += 1
    for student in people:
        ids = started[student.username]
        if len(ids) > 1:
            outcome.notes.append(f"dup: {student.username} was sent to attempts {sorted(ids)}")
        if not ids:
            raise RuntimeError(f"{student.username} could not start the quiz")
        student.attempt_id = min(ids)
        assert student.browser is not None
        student.token = student.browser.token(f"/attempts/{student.attempt_id}")
    fields = server.fields()
    sent: dict[int, Sent] = {}
    jobs = []
    for n, student in enumerate(people):
        rng = random.Random(n)
        forms: list[dict[str, str]] = []
        while len(forms) < copies:  # copies with answers that differ, so does their grade
            form = {name: rng.choice(choices) for name, choices in fields.items()}
            if form not in forms:
                forms.append(form)
        sent[student.attempt_id] = Sent(forms)
        for copy, form in enumerate(forms):
            tab = Student(student.username, student.attempt_id, form,
                          Browser(server.port, student.browser.cookies),  # type: ignore[union-attr]
                          student.token)
            jobs.append((student, copy, tab))
    results, outcome.seconds = at_once([lambda t=t: submit(t) for _s, _c, t in jobs])
    outcome.seconds += seconds
    for (student, copy, _tab), result in zip(jobs, results, strict=True):
        if not record(server, outcome, sent[student.attempt_id], copy, student.attempt_id,
                      result):
            outcome.errors += 1
    verify(server, outcome, sent, "same")
    for attempt_id, what in sent.items():
        if not what.acked:
            outcome.notes.append(f"attempt {attempt_id}: no copy acknowledged")
    return outcome


def scenario_class(server: Server, count: int, kill: bool = False) -> Outcome:
    prefix = "kill" if kill else "class"
    outcome = Outcome(f"{prefix} ({count})")
    students = server.students(prefix, count)
    prepare(server, students)
    sent = {s.attempt_id: Sent([s.answers]) for s in students}
    kills: list[tuple[int | None, int]] = []
    during = None
    if kill:
        def during(results: list[Reply | Exception]) -> None:
            # Workers killed while they serve a request they have not answered: one as soon
            # as there is one, one when half of the requests then in flight are answered,
            # and up to two more if these cut fewer than two requests (none was found).
            kills.append(server.kill_busy_worker())
            half = kills[0][1] // 2
            for _more in range(3):
                deadline = time.monotonic() + 30
                while IN_FLIGHT.count > half and time.monotonic() < deadline:
                    time.sleep(0.002)
                time.sleep(0.05)  # a cut connection fails at once
                cut = sum(1 for r in results if isinstance(r, Exception) and r is not NO_REPLY)
                if len(kills) >= 2 and cut >= 2 or not IN_FLIGHT.count:
                    return
                kills.append(server.kill_busy_worker())
    results, outcome.seconds = at_once([lambda s=s: submit(s) for s in students], during)
    failed = [s for s, result in zip(students, results, strict=True)
              if not record(server, outcome, sent[s.attempt_id], 0, s.attempt_id, result)]
    outcome.errors = len(failed)
    if kill:
        outcome.in_flight = sum(n for pid, n in kills if pid is not None)
        hit = sum(1 for pid, _n in kills if pid is not None)
        cut = sum(1 for r in results if isinstance(r, Exception) and r is not NO_REPLY)
        outcome.errors -= min(cut, hit)  # a killed sync worker cuts its one request
        if not cut:
            outcome.errors += 1  # the kills cut no request: the retries were not tested
        outcome.notes.append(
            "kills: " + "; ".join(f"worker {pid} serving a request, {n} requests in flight"
                                  if pid else f"no worker was serving a request ({n} in flight)"
                                  for pid, n in kills) + f"; {cut} connections cut")
        time.sleep(0.5)  # gunicorn starts new workers
        retry_failed(server, outcome, failed, sent)
    wrong = verify(server, outcome, sent, prefix)
    if kill:
        never = {s.attempt_id for s in failed if not sent[s.attempt_id].acked}
        outcome.fault = len(wrong | never)
    return outcome


def scenario_autosave(server: Server, count: int) -> Outcome:
    """Every student saves answer by answer (the page's autosave: one POST per choice), all
    students at once; then all submit at once."""
    outcome = Outcome(f"autosave ({count})")
    students = server.students("save", count)
    prepare(server, students)
    choices = server.fields()
    finals: dict[int, dict[str, str]] = {}
    for student in students:
        final = {}
        for n, field_name in enumerate(student.answers):
            options = choices[field_name]
            final[field_name] = options[1 if n % 2 == 0 and len(options) > 1 else 0]
        finals[student.attempt_id] = final
        student.answers = final

    def saves(student: Student) -> None:
        assert student.browser is not None
        fields = list(student.answers)
        steps = ([(f, choices[f][0]) for f in fields]  # each answer chosen
                 + [(f, choices[f][0]) for f in fields]  # the same again (a double tap)
                 + [(f, student.answers[f]) for f in fields
                    if student.answers[f] != choices[f][0]])  # minds changed
        for field_name, value in steps:
            try:
                reply: Reply | Exception = student.browser.request(
                    "POST", f"/attempts/{student.attempt_id}/answers",
                    {"csrf_token": student.token, field_name: value})
            except Exception as error:  # noqa: BLE001 - counted as an error
                reply = error
            with lock:
                tally(outcome, reply)
                if isinstance(reply, Reply) and reply.status == 302:
                    outcome.latencies.append(reply.seconds)

    lock = threading.Lock()
    started = time.perf_counter()
    run_threads([lambda s=s: saves(s) for s in students], timeout=300)
    outcome.seconds = time.perf_counter() - started
    saved = server.saved(list(finals))
    # Before the submit: what is saved is exactly each student's last choices.
    outcome.lost = sum(1 for i, final in finals.items() if saved[i] != final)
    saves_done = outcome.statuses["302"]
    sent = {s.attempt_id: Sent([s.answers]) for s in students}
    results, _seconds = at_once([lambda s=s: submit(s) for s in students])
    for student, result in zip(students, results, strict=True):
        record(server, outcome, sent[student.attempt_id], 0, student.attempt_id, result)
    outcome.errors = outcome.requests - outcome.statuses["302"]
    verify(server, outcome, sent, "save")
    saved = server.saved(list(finals))
    outcome.half_stored += sum(1 for i in finals if saved[i])  # a saved copy left behind
    progress(f"  {saves_done} saves and {len(outcome.acknowledged)} submissions acknowledged")
    return outcome


def scenario_pg_restart(server: Server, postgres: Postgres, count: int,
                        duration: float = 8.0, restart_at: float = 2.0) -> Outcome:
    """Submits spread evenly over `duration` seconds; PostgreSQL restarts at `restart_at`.

    A probe reads a database-backed page every 0.1 s from the end of the restart on: the
    recovery time is how long it takes to answer 200 again. A submit that fails is explained
    by the restart if it started before the app had recovered, an error otherwise; every
    failed one is then retried, as a student would.
    """
    outcome = Outcome(f"pg-restart ({count})")
    students = server.students("pgr", count)
    prepare(server, students)
    sent = {s.attempt_id: Sent([s.answers]) for s in students}
    probe = Browser(server.port, students[0].browser.cookies)  # type: ignore[union-attr]
    lock = threading.Lock()
    schedule = list(enumerate(students))
    failures: list[tuple[float, Student]] = []
    spans: list[tuple[float, float]] = []  # each submit's sending and answer
    marks: dict[str, float] = {}
    started = time.monotonic()

    def submitter() -> None:
        while True:
            with lock:
                if not schedule:
                    return
                index, student = schedule.pop(0)
            time.sleep(max(0.0, started + index * duration / count - time.monotonic()))
            sent_at = time.monotonic()
            try:
                result: Reply | Exception = submit(student)
            except Exception as error:  # noqa: BLE001
                result = error
            with lock:
                spans.append((sent_at, time.monotonic()))
                if not record(server, outcome, sent[student.attempt_id], 0, student.attempt_id,
                              result):
                    failures.append((sent_at, student))

    def restarter() -> None:
        time.sleep(restart_at)
        marks["began"] = time.monotonic()
        postgres.restart()
        marks["done"] = time.monotonic()
        deadline = marks["done"] + 30
        while time.monotonic() < deadline:
            try:
                if probe.request("GET", "/history").status == 200:
                    marks["recovered"] = time.monotonic()
                    return
            except OSError:
                pass
            time.sleep(0.1)

    threads = [threading.Thread(target=submitter, daemon=True) for _ in range(16)]
    threads.append(threading.Thread(target=restarter, daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    outcome.seconds = time.monotonic() - started
    recovered = marks.get("recovered")
    outcome.recovery_s = None if recovered is None else recovered - marks["done"]
    explained_until = recovered if recovered is not None else float("inf")
    outcome.errors = sum(1 for sent_at, _s in failures if sent_at > explained_until)
    # In flight: the submits sent before the restart ended and answered after it began.
    outcome.in_flight = sum(1 for sent_at, answered in spans
                            if sent_at < marks.get("done", 0) and answered > marks["began"])
    if not outcome.in_flight:
        outcome.errors += 1  # the restart met no request: it tested nothing
        outcome.notes.append("no submit was in flight while PostgreSQL restarted")
    retry_failed(server, outcome, [s for _t, s in failures], sent)
    wrong = verify(server, outcome, sent, "pgr")
    never = {s.attempt_id for _t, s in failures if not sent[s.attempt_id].acked}
    outcome.fault = len(wrong | never)
    return outcome


# -- main ---------------------------------------------------------------------------------------

SCENARIOS = ("same", "class", "kill", "autosave", "pg-restart")


def report(outcomes: list[Outcome], database: str, workers: int, app: str) -> None:
    served = "" if app == "app:app" else f" serving {app}"
    print(f"\nDatabase: {database}; gunicorn: {workers} sync workers on 127.0.0.1{served}")
    header = (f"{'scenario':18} {'requests':>8} {'acked':>6} {'lost':>4} {'dup':>4} "
              f"{'half':>4} {'5xx/err':>7} {'locked':>6} {'inflight':>8} {'retried':>7} "
              f"{'fault':>5} {'p50 ms':>7} {'p95 ms':>7} {'secs':>6} {'recovery s':>10}")
    print(header)
    print("-" * len(header))
    for o in outcomes:
        recovery = "" if o.recovery_s is None else f"{o.recovery_s:.2f}"
        in_flight = "" if o.in_flight is None else str(o.in_flight)
        print(f"{o.name:18} {o.requests:8} {len(o.acknowledged):6} {o.lost:4} {o.duplicated:4} "
              f"{o.half_stored:4} {o.errors:7} {o.locked:6} {in_flight:>8} {o.retried:7} "
              f"{o.fault:5} {o.p(0.5):7.0f} {o.p(0.95):7.0f} {o.seconds:6.2f} {recovery:>10}")
        print(f"{'':18} responses: {dict(sorted(o.statuses.items()))}")
        for note in o.notes:
            print(f"{'':18} {note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="SQLite, 50 students (20 saving answer by answer)")
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--postgres", action="store_true",
                        help="run against a throw-away PostgreSQL on 127.0.0.1:5434")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS),
                        help=f"which to run, comma-separated (default: all of {SCENARIOS}; "
                             "pg-restart with --postgres only)")
    parser.add_argument("--app", default="app:app",
                        help="the WSGI app gunicorn serves (default app:app; e.g. "
                             "tests.broken_app:app with NEWS_QUIZ_BROKEN set)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--server-log", type=Path,
                        help="keep the server's output here (it is kept anyway when a check "
                             "fails, and its path printed)")
    args = parser.parse_args()
    chosen = {name.strip() for name in args.scenarios.split(",") if name.strip()}
    if chosen - set(SCENARIOS):
        parser.error(f"unknown scenarios: {sorted(chosen - set(SCENARIOS))}")
    if args.quick:
        args.students, args.postgres = 50, False
    folder = Path(tempfile.mkdtemp(prefix="news-quiz-load-"))
    progress("starting PostgreSQL" if args.postgres else "using SQLite")
    postgres = Postgres(folder / "pg") if args.postgres else None
    progress(f"starting gunicorn ({args.workers} workers, {args.app})")
    database_url = postgres.url if postgres else f"sqlite:///{folder / 'load.sqlite'}"
    outcomes: list[Outcome] = []
    server: Server | None = None
    finished = False

    def keep_log(path: Path | None) -> None:
        if (folder / "server.log").exists():
            path = path or Path(tempfile.gettempdir()) / f"{folder.name}-server.log"
            shutil.copyfile(folder / "server.log", path)
            print(f"server output: {path}")

    try:
        server = Server(database_url, args.workers, folder, args.app)
        runs: list[tuple[str, Callable[[], Outcome]]] = [
            ("same", lambda: scenario_same(server)),
            ("class", lambda: scenario_class(server, args.students)),
            ("kill", lambda: scenario_class(server, args.students, kill=True)),
            ("autosave", lambda: scenario_autosave(server, 20 if args.quick else args.students)),
        ]
        if postgres:
            runs.append(("pg-restart", lambda: scenario_pg_restart(server, postgres,
                                                                   args.students)))
        for name, run in runs:
            if name not in chosen:
                continue
            progress(f"scenario {name}")
            start = server.log_offset()
            outcome = run()
            time.sleep(0.2)  # the last error's traceback written
            count_locked(outcome, server.log_text(start))
            outcomes.append(outcome)
        finished = True
    finally:
        if server is not None:
            server.stop()
        if postgres:
            postgres.stop()
        if not finished:
            keep_log(args.server_log)
            shutil.rmtree(folder, ignore_errors=True)
    report(outcomes, "PostgreSQL" if postgres else "SQLite (WAL)", args.workers, args.app)
    totals = {"lost": sum(o.lost + o.half_stored for o in outcomes),
              "duplicated": sum(o.duplicated for o in outcomes),
              "errors": sum(o.errors for o in outcomes),
              "locked": sum(o.locked for o in outcomes),
              "fault": sum(o.fault for o in outcomes)}
    recovery = [o.recovery_s for o in outcomes if o.name.startswith("pg-restart")]
    if recovery and (recovery[0] is None or recovery[0] > 10):
        totals["errors"] += 1
        print("PostgreSQL restart: the app did not recover within 10 s")
    if any(totals.values()) or args.server_log:
        keep_log(args.server_log)
    shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps({
            "outcomes": [{"name": o.name, "requests": o.requests, "acked": len(o.acknowledged),
                          "lost": o.lost, "dup": o.duplicated, "half": o.half_stored,
                          "errors": o.errors, "locked": o.locked, "in_flight": o.in_flight,
                          "retried": o.retried, "fault": o.fault, "recovery_s": o.recovery_s,
                          "seconds": o.seconds, "statuses": dict(o.statuses),
                          "notes": o.notes} for o in outcomes],
            "totals": totals}, indent=1))
    print(" ".join(f"{k}={v}" for k, v in totals.items()))
    return 0 if not any(totals.values()) else 1

if __name__ == "__main__":
    sys.exit(main())
