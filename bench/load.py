#!/usr/bin/env python3
"""Load and fault test: does every acknowledged submission end up stored exactly once?

Starts the app under gunicorn (several sync workers) on 127.0.0.1 against a fresh database,
then runs these scenarios, each checking the acknowledged submissions (302 to the results page)
against the rows in the database:

1. identical  20 identical submits of one attempt at the same instant → graded once.
2. class      N students submit at the same instant (a barrier) → 0 lost, 0 duplicated,
              0 5xx, 0 "database is locked"; p50/p95 latency.
3. kill       the same while gunicorn workers are SIGKILLed (two, 50 and 300 ms in) → what was
              acknowledged is stored once, nothing is half stored, and retries return the
              stored result.
4. autosave   N students each save their 12 answers one request at a time (every answer
              saved, then saved again unchanged, then half of them changed), all students at
              once, then all submit at once → every last choice stored once before the
              submit, each grade equal to the grade of the last choices, no saved copy left,
              0 5xx, 0 "database is locked".
5. pg-restart (PostgreSQL only) PostgreSQL restarted under a steady load → only requests in
              flight fail, the app recovers by itself within 10 s, nothing acknowledged is lost.

    python bench/load.py --quick          SQLite, 50 students (20 saving), scenarios 1-4
    python bench/load.py                  SQLite, 200 students, scenarios 1-4
    python bench/load.py --postgres       PostgreSQL (a throw-away cluster on 127.0.0.1:5434,
                                          needs root and Debian's postgresql), scenarios 1-5

The last line is ``lost=N duplicated=N errors=N locked=N`` over all scenarios (errors counts
5xx and failed connections that are not explained by an injected fault).
All traffic goes to 127.0.0.1; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import http.client
import os
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
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
PASSWORD = "bench password"
REQUEST_TIMEOUT = 60


# -- a minimal HTTP client with a cookie, one connection per request ----------------------------

@dataclass
class Reply:
    status: int
    location: str
    body: str
    seconds: float


class Browser:
    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> Reply:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return Reply(response.status, response.headers.get("Location", ""), text,
                     time.perf_counter() - started)

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


class Server:
    def __init__(self, database_url: str, workers: int, folder: Path):
        self.database_url = database_url
        self.port = free_port()
        self.log = folder / "gunicorn.log"
        env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": secrets.token_hex(16)}
        self.env = env
        self.app = self._app()
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
        self.process = subprocess.Popen(
            [gunicorn, "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}",
             "--timeout", "60", "--graceful-timeout", "5", "--error-logfile", str(self.log),
             "--chdir", str(ROOT), "app:app"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if Browser(self.port).request("GET", "/login").status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start; see {self.log}")

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

    def workers(self) -> list[int]:
        out = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True,
                             text=True).stdout
        return [int(pid) for pid in out.split()]

    def locked_in_log(self) -> int:
        return self.log.read_text(errors="replace").count("database is locked") if \
            self.log.exists() else 0

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def students(self, prefix: str, count: int) -> list[Student]:
        """Create `count` students, each with an attempt in progress on the seed quiz."""
        import sqlalchemy as sa
        from werkzeug.security import generate_password_hash

        from quiz.extensions import db
        from quiz.models import Quiz, User
        from quiz.services.attempts import load_questions, start_attempt

        password_hash = generate_password_hash(PASSWORD)
        made = []
        with self.app.app_context():
            quiz = db.session.scalar(
                sa.select(Quiz).where(Quiz.slug == "russie-coree-du-nord-traite"))
            users = [User(username=f"{prefix}{n}", display_name=f"{prefix}{n}",
                          password_hash=password_hash) for n in range(count)]
            db.session.add_all(users)
            db.session.commit()
            for user in users:
                attempt = start_attempt(user, quiz)
                questions = load_questions(attempt.revision_id)
                answers = {f"q{q.id}": str(q.choices[n % len(q.choices)].id)
                           for n, q in enumerate(questions)}
                made.append(Student(user.username, attempt.id, answers))
            db.session.remove()
        return made

    def choice_ids(self, students: list[Student]) -> dict[str, list[str]]:
        """Form field (q<question id>) → its choices' ids, in order."""
        import sqlalchemy as sa

        from quiz.extensions import db
        from quiz.models import Choice

        fields = {name for student in students for name in student.answers}
        ids = sorted(int(name[1:]) for name in fields)
        out: dict[str, list[str]] = {name: [] for name in fields}
        with self.app.app_context():
            for question_id, choice_id in db.session.execute(
                    sa.select(Choice.question_id, Choice.id).where(Choice.question_id.in_(ids))
                    .order_by(Choice.question_id, Choice.position)):
                out[f"q{question_id}"].append(str(choice_id))
            db.session.remove()
        return out

    def stored(self, attempt_ids: list[int]) -> dict[int, tuple[str, int | None, int, int]]:
        """attempt id → (status, score, total, answers stored)."""
        import sqlalchemy as sa

        from quiz.extensions import db
        from quiz.models import Answer, Attempt

        with self.app.app_context():
            rows = db.session.execute(
                sa.select(Attempt.id, Attempt.status, Attempt.score, Attempt.total,
                          sa.func.count(Answer.id))
                .outerjoin(Answer, Answer.attempt_id == Attempt.id)
                .where(Attempt.id.in_(attempt_ids))
                .group_by(Attempt.id)
            ).all()
            db.session.remove()
        return {row[0]: (row[1], row[2], row[3], row[4]) for row in rows}

    def saved_and_graded(self, attempt_ids: list[int]
                         ) -> tuple[dict[int, dict[str, str]], dict[int, tuple[str, int | None,
                                                                               dict[str, str],
                                                                               int]]]:
        """attempt id → its saved answers (as form fields); attempt id → (status, score,
        the graded answers as form fields, how many of them are right)."""
        import sqlalchemy as sa

        from quiz.extensions import db
        from quiz.models import Answer, Attempt, Choice, SavedAnswer

        saved: dict[int, dict[str, str]] = {i: {} for i in attempt_ids}
        graded: dict[int, tuple[str, int | None, dict[str, str], int]] = {}
        with self.app.app_context():
            for attempt_id, question_id, choice_id in db.session.execute(
                    sa.select(SavedAnswer.attempt_id, SavedAnswer.question_id,
                              SavedAnswer.choice_id)
                    .where(SavedAnswer.attempt_id.in_(attempt_ids))):
                saved[attempt_id][f"q{question_id}"] = str(choice_id)
            for attempt_id, status, score in db.session.execute(
                    sa.select(Attempt.id, Attempt.status, Attempt.score)
                    .where(Attempt.id.in_(attempt_ids))):
                graded[attempt_id] = (status, score, {}, 0)
            for attempt_id, question_id, choice_id, right in db.session.execute(
                    sa.select(Answer.attempt_id, Answer.question_id, Answer.choice_id,
                              Choice.is_correct)
                    .join(Choice, Choice.id == Answer.choice_id)
                    .where(Answer.attempt_id.in_(attempt_ids))):
                status, score, fields, correct = graded[attempt_id]
                fields[f"q{question_id}"] = str(choice_id)
                graded[attempt_id] = (status, score, fields, correct + int(right))
            db.session.remove()
        return saved, graded

    def attempts_per_user(self, prefix: str) -> int:
        import sqlalchemy as sa

        from quiz.extensions import db
        from quiz.models import Attempt, User

        with self.app.app_context():
            most = db.session.scalar(
                sa.select(sa.func.count(Attempt.id)).join(User)
                .where(User.username.like(f"{prefix}%"))
                .group_by(Attempt.user_id).order_by(sa.func.count(Attempt.id).desc()).limit(1))
            db.session.remove()
        return most or 0


# -- scenarios ----------------------------------------------------------------------------------

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
    fault_failures: int = 0
    retried_ok: int = 0
    locked: int = 0
    recovery_s: float | None = None
    seconds: float = 0.0

    def p(self, q: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def prepare(server: Server, students: list[Student]) -> None:
    """Log every student in and open their quiz page (for its CSRF token), in parallel."""
    def one(student: Student) -> None:
        student.browser = Browser(server.port)
        student.browser.log_in(student.username)
        student.token = student.browser.token(f"/attempts/{student.attempt_id}")

    progress(f"  logging {len(students)} students in")
    run_threads([lambda s=s: one(s) for s in students])


def run_threads(jobs: list, timeout: float = 120) -> None:
    threads = [threading.Thread(target=job, daemon=True) for job in jobs]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))


def submit(student: Student) -> Reply:
    assert student.browser is not None
    return student.browser.request("POST", f"/attempts/{student.attempt_id}",
                                   {"csrf_token": student.token, **student.answers})


def acknowledged(reply: Reply, student: Student) -> bool:
    return reply.status == 302 and reply.location.endswith(f"/attempts/{student.attempt_id}")


def simultaneous(server: Server, outcome: Outcome, jobs: list[Student],
                 during=None) -> dict[int, list[Reply | Exception]]:
    """Release every job's submit at once (a barrier); `during` runs right after the release."""
    barrier = threading.Barrier(len(jobs) + (1 if during else 0))
    replies: dict[int, list[Reply | Exception]] = {}
    lock = threading.Lock()

    def one(index: int, student: Student) -> None:
        barrier.wait()
        try:
            result: Reply | Exception = submit(student)
        except Exception as error:  # noqa: BLE001 - a reset connection is an outcome here
            result = error
        with lock:
            replies.setdefault(index, []).append(result)

    jobs_ = [lambda i=i, s=s: one(i, s) for i, s in enumerate(jobs)]
    if during:
        def fault() -> None:
            barrier.wait()
            during()
        jobs_.append(fault)
    started = time.perf_counter()
    run_threads(jobs_)
    outcome.seconds = time.perf_counter() - started
    return replies


def tally(outcome: Outcome, student: Student, result: Reply | Exception) -> bool:
    outcome.requests += 1
    if isinstance(result, Exception):
        outcome.statuses[type(result).__name__] += 1
        return False
    outcome.statuses[str(result.status)] += 1
    if acknowledged(result, student):
        outcome.acknowledged.add(student.attempt_id)
        outcome.latencies.append(result.seconds)
        return True
    return False


def verify(server: Server, outcome: Outcome, students: list[Student], prefix: str) -> None:
    """Compare what was acknowledged with what the database holds."""
    ids = [s.attempt_id for s in students]
    stored = server.stored(ids)
    submitted = {i for i, (status, *_rest) in stored.items() if status == "submitted"}
    outcome.lost = len(outcome.acknowledged - submitted)
    outcome.half_stored = sum(
        1 for status, score, total, answers in stored.values()
        if (status == "submitted" and (answers != total or score is None))
        or (status != "submitted" and answers))
    outcome.duplicated = sum(1 for *_r, total, answers in stored.values() if answers > total)
    outcome.duplicated += max(0, server.attempts_per_user(prefix) - 1)


def scenario_identical(server: Server) -> Outcome:
    outcome = Outcome("identical")
    (student,) = server.students("same", 1)
    prepare(server, [student])
    clones = []
    for _ in range(20):  # the same student, the same form, 20 times at once
        clone = Student(student.username, student.attempt_id, student.answers,
                        Browser(server.port), student.token)
        assert student.browser is not None and clone.browser is not None
        clone.browser.cookies = dict(student.browser.cookies)
        clones.append(clone)
    replies = simultaneous(server, outcome, clones)
    for index, results in replies.items():
        for result in results:
            tally(outcome, clones[index], result)
    outcome.errors = outcome.requests - sum(outcome.statuses[s] for s in ("302",))
    verify(server, outcome, [student], "same")
    stored = server.stored([student.attempt_id])[student.attempt_id]
    if stored[0] != "submitted":
        outcome.lost += 1
    return outcome


def scenario_class(server: Server, count: int, kill: bool = False) -> Outcome:
    prefix = "kill" if kill else "class"
    outcome = Outcome(f"{prefix} ({count})")
    students = server.students(prefix, count)
    prepare(server, students)
    during = None
    if kill:
        def during() -> None:
            # Two kills, early and in the thick of it, so that some request is in flight.
            for delay in (0.05, 0.25):
                time.sleep(delay)
                workers = server.workers()
                if workers:
                    os.kill(workers[0], signal.SIGKILL)
    replies = simultaneous(server, outcome, students, during)
    failed = []
    for index, student in enumerate(students):
        results = replies.get(index) or [TimeoutError("no reply")]
        if not any(tally(outcome, student, r) for r in results):
            failed.append(student)
    if kill:
        # What the killed worker was handling failed; the student presses submit again.
        outcome.fault_failures = len(failed)
        time.sleep(1.0)  # gunicorn starts a new worker
        for student in failed:
            reply = submit(student)
            if acknowledged(reply, student):
                outcome.acknowledged.add(student.attempt_id)
                outcome.retried_ok += 1
        outcome.errors = len(failed) - outcome.retried_ok
    else:
        outcome.errors = len(failed)
    verify(server, outcome, students, prefix)
    return outcome


def scenario_autosave(server: Server, count: int) -> Outcome:
    """Every student saves answer by answer (the page's autosave: one POST per choice), all
    students at once; then all submit at once."""
    outcome = Outcome(f"autosave ({count})")
    students = server.students("save", count)
    prepare(server, students)
    choices = server.choice_ids(students)
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
                reply = student.browser.request(
                    "POST", f"/attempts/{student.attempt_id}/answers",
                    {"csrf_token": student.token, field_name: value})
            except Exception as error:  # noqa: BLE001 - counted as an error
                with lock:
                    outcome.requests += 1
                    outcome.statuses[type(error).__name__] += 1
                continue
            with lock:
                outcome.requests += 1
                outcome.statuses[str(reply.status)] += 1
                if reply.status == 302:
                    outcome.latencies.append(reply.seconds)

    lock = threading.Lock()
    started = time.perf_counter()
    run_threads([lambda s=s: saves(s) for s in students], timeout=300)
    outcome.seconds = time.perf_counter() - started
    saved, _graded = server.saved_and_graded(list(finals))
    # Before the submit: what is saved is exactly each student's last choices.
    outcome.lost = sum(1 for i, final in finals.items() if saved[i] != final)
    saves_done = outcome.statuses["302"]
    replies = simultaneous(server, Outcome("submit"), students)
    for index, student in enumerate(students):
        for result in replies.get(index) or [TimeoutError("no reply")]:
            tally(outcome, student, result)
    outcome.errors = outcome.requests - outcome.statuses["302"]
    saved, graded = server.saved_and_graded(list(finals))
    for attempt_id, final in finals.items():
        status, score, fields, right = graded[attempt_id]
        if status != "submitted" or fields != final or score != right:
            outcome.lost += 1  # not graded, or graded on other choices than the last ones
        if saved[attempt_id]:
            outcome.half_stored += 1  # a saved copy left beside the graded answers
    progress(f"  {saves_done} saves and {len(outcome.acknowledged)} submissions acknowledged")
    return outcome


def scenario_pg_restart(server: Server, postgres: Postgres, count: int,
                        duration: float = 8.0, restart_at: float = 2.0) -> Outcome:
    """Submits spread evenly over `duration` seconds; PostgreSQL restarts at `restart_at`.

    A probe reads a database-backed page every 0.1 s from the end of the restart on: the
    recovery time is how long it takes to answer 200 again. A submit that fails is an
    in-flight failure if it started before the app had recovered, an error otherwise; every
    failed one is then retried, as a student would.
    """
    outcome = Outcome(f"pg-restart ({count})")
    students = server.students("pgr", count)
    prepare(server, students)
    probe = Browser(server.port)
    probe.cookies = dict(students[0].browser.cookies)  # type: ignore[union-attr]
    lock = threading.Lock()
    schedule = list(enumerate(students))
    failures: list[tuple[float, Student]] = []
    marks: dict[str, float] = {}
    started = time.monotonic()

    def submitter() -> None:
        while True:
            with lock:
                if not schedule:
                    return
                index, student = schedule.pop(0)
            time.sleep(max(0.0, started + index * duration / count - time.monotonic()))
            sent = time.monotonic()
            try:
                result: Reply | Exception = submit(student)
            except Exception as error:  # noqa: BLE001
                result = error
            with lock:
                if not tally(outcome, student, result):
                    failures.append((sent, student))

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
    in_flight_until = recovered if recovered is not None else float("inf")
    outcome.fault_failures = sum(1 for sent, _s in failures if sent <= in_flight_until)
    late_failures = len(failures) - outcome.fault_failures
    for _sent, student in failures:
        if acknowledged(submit(student), student):
            outcome.acknowledged.add(student.attempt_id)
            outcome.retried_ok += 1
    outcome.errors = late_failures + (len(failures) - outcome.retried_ok)
    verify(server, outcome, students, "pgr")
    return outcome


# -- main ---------------------------------------------------------------------------------------

def report(outcomes: list[Outcome], database: str, workers: int) -> None:
    print(f"\nDatabase: {database}; gunicorn: {workers} sync workers on 127.0.0.1")
    header = (f"{'scenario':18} {'requests':>8} {'acked':>6} {'lost':>4} {'dup':>4} "
              f"{'half':>4} {'5xx/err':>7} {'fault':>5} {'retried':>7} {'locked':>6} "
              f"{'p50 ms':>7} {'p95 ms':>7} {'secs':>6} {'recovery s':>10}")
    print(header)
    print("-" * len(header))
    for o in outcomes:
        recovery = "" if o.recovery_s is None else f"{o.recovery_s:.2f}"
        print(f"{o.name:18} {o.requests:8} {len(o.acknowledged):6} {o.lost:4} {o.duplicated:4} "
              f"{o.half_stored:4} {o.errors:7} {o.fault_failures:5} {o.retried_ok:7} "
              f"{o.locked:6} {o.p(0.5):7.0f} {o.p(0.95):7.0f} {o.seconds:6.2f} {recovery:>10}")
        print(f"{'':18} responses: {dict(sorted(o.statuses.items()))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="SQLite, 50 students (20 saving answer by answer)")
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--postgres", action="store_true",
                        help="run against a throw-away PostgreSQL on 127.0.0.1:5434")
    args = parser.parse_args()
    if args.quick:
        args.students, args.postgres = 50, False
    folder = Path(tempfile.mkdtemp(prefix="news-quiz-load-"))
    progress("starting PostgreSQL" if args.postgres else "using SQLite")
    postgres = Postgres(folder / "pg") if args.postgres else None
    progress(f"starting gunicorn ({args.workers} workers)")
    database_url = postgres.url if postgres else f"sqlite:///{folder / 'load.sqlite'}"
    server = Server(database_url, args.workers, folder)
    outcomes: list[Outcome] = []
    try:
        for name, run in (("identical", lambda: scenario_identical(server)),
                          ("class", lambda: scenario_class(server, args.students)),
                          ("kill", lambda: scenario_class(server, args.students, kill=True)),
                          ("autosave", lambda: scenario_autosave(
                              server, 20 if args.quick else args.students))):
            progress(f"scenario {name}")
            before = server.locked_in_log()
            outcome = run()
            outcome.locked = server.locked_in_log() - before
            outcomes.append(outcome)
        if postgres:
            progress("scenario pg-restart")
            outcomes.append(scenario_pg_restart(server, postgres, args.students))
    finally:
        server.stop()
        if postgres:
            postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)
    report(outcomes, "PostgreSQL" if postgres else "SQLite (WAL)", args.workers)
    totals = {"lost": sum(o.lost + o.half_stored for o in outcomes),
              "duplicated": sum(o.duplicated for o in outcomes),
              "errors": sum(o.errors for o in outcomes),
              "locked": sum(o.locked for o in outcomes)}
    recovery = [o.recovery_s for o in outcomes if o.name.startswith("pg-restart")]
    if recovery and (recovery[0] is None or recovery[0] > 10):
        totals["errors"] += 1
        print("PostgreSQL restart: the app did not recover within 10 s")
    print(" ".join(f"{k}={v}" for k, v in totals.items()))
    return 0 if not any(totals.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
