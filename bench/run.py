#!/usr/bin/env python3
"""Benchmark suite: the app under gunicorn against a bare-Flask app served the same way.

    python bench/run.py              full (about 2 minutes on 2 cores)
    python bench/run.py --quick      fewer rounds and less data (under 60 s)
    python bench/run.py --quick --seconds 1   shorter still (the test of the benchmark)
    python bench/run.py --postgres   the same against a throw-away PostgreSQL cluster on
                                     127.0.0.1 (needs root and Debian's postgresql)

Prints a table and writes bench/results.json (not committed; --output FILE writes elsewhere):
for each figure its name, value, unit and, for served pages, ``ratio`` = its requests/s ÷ the
bare-Flask "hello" requests/s measured in the same run under the same gunicorn configuration —
the faster of the runs just before and just after that figure's own (numbers on shared
machines drift; the ratio much less). The figures:

- served by gunicorn (2 sync workers; the quiz page and the submission again with 2 gthread
  workers × 4 threads), loaded by wrk (bench/wrk.lua) with 8 connections from 127.0.0.1:
  ``quiz_page`` (a logged-in student's 12-question seed quiz with its article),
  ``submission`` (a full graded submission per POST: every request submits its own attempt in
  progress, with its student's session cookie and CSRF token; afterwards every acknowledged
  submission is checked in the database: ``lost`` counts the missing or half-stored ones; when
  the prepared submissions (--pool) run out before the end, the load stops there and the rate
  is measured up to that moment, the few still in flight then left uncounted),
  ``results_page``, ``history_page`` and ``leaderboard_page`` (a class of 30, 10 quizzes);
  ``logged_in_floor``: the app with a page that shows nothing (bench/floor.py), the most a
  logged-in page can reach with this stack;
- ``leaderboard_query``: the class's overall board computed by SQL over 100,000 attempts and
  1,000,000 answers (10,000 / 100,000 with --quick), median ms, in-process;
- ``quiz_check`` / ``quiz_import``: the CLI commands on 1,000 generated question files
  (200 with --quick, N with --files N): seconds for the whole command, and files/s over the
  time the command reports for its own work (without the start of Python and the app);
- ``worker_rss``: resident memory of the largest app worker after the served runs.

Without wrk (Debian: apt-get install wrk) the served figures are left out. Every figure has
its target (issue 8) beside it. All traffic goes to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from floor import FLOOR_PATH  # noqa: E402  (bench/floor.py: the logged-in floor)
from load import (  # noqa: E402  (bench/load.py: the cluster helper, the log's lock errors)
    LOCK_ERROR,
    Postgres,
    free_port,
    log_events,
)

QUIZZES, QUESTIONS, STUDENTS = 10, 10, 30


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def question_file(number: int) -> str:
    sentences = [f"La phrase numéro {n} du texte {number} dit que la valeur vaut {n * 7}."
                 for n in range(QUESTIONS)]
    questions = "".join(
        f"\n### q{n}\nType: mcq\nPrompt: Que vaut la valeur {n} ?\n- [x] {n * 7}\n"
        f"- [ ] {n * 7 + 1}\n- [ ] {n * 7 + 2}\nPassage: {sentences[n]}\nExplanation: Voir le "
        f"texte.\n" for n in range(QUESTIONS))
    return (f"# Texte de mesure {number}\n\nLanguage: fr\nDate: 2026-11\n\n## Article\n\n"
            + "\n\n".join(sentences) + "\n\n## Questions\n" + questions)


def build(app, attempts: int) -> tuple[int, int]:
    """A class of 30 with 10 assigned quizzes and `attempts` attempts × 10 answers."""
    import sqlalchemy as sa
    from werkzeug.security import generate_password_hash

    from quiz.database import write_transaction
    from quiz.extensions import db
    from quiz.models import Answer, Attempt, Choice, Question, Quiz, User
    from quiz.services.classes import assign_quiz, create_class, join_class
    from quiz.services.importer import import_items, prepare_import
    from quiz.services.leaderboard import recount

    folder = Path(tempfile.mkdtemp(prefix="news-quiz-bench-files-"))
    for n in range(QUIZZES):
        (folder / f"mesure-{n}.md").write_text(question_file(n), encoding="utf-8")
    with app.app_context():
        db.create_all()
        try:
            import_items(prepare_import([folder]))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        password = generate_password_hash("bench password")
        teacher = User(username="prof", display_name="Prof", password_hash=password,
                       role="teacher")
        students = [User(username=f"eleve{n}", display_name=f"Élève {n}",
                         password_hash=password) for n in range(STUDENTS)]
        db.session.add_all([teacher, *students])
        db.session.commit()
        room = create_class(teacher, "Classe de mesure", "2026-2027")
        for student in students:
            join_class(student, room.join_code)
        quizzes = list(db.session.scalars(sa.select(Quiz).order_by(Quiz.id)))
        for quiz in quizzes:
            assign_quiz(room, quiz, None, None, "best")
        keys = {}
        for quiz in quizzes:
            rows = db.session.execute(
                sa.select(Question.id, Choice.id, Choice.is_correct)
                .join(Choice).where(Question.revision_id == quiz.current_revision_id)
                .order_by(Question.position, Choice.position)).all()
            by_question: dict[int, list[tuple[int, bool]]] = {}
            for question_id, choice_id, correct in rows:
                by_question.setdefault(question_id, []).append((choice_id, correct))
            keys[quiz.id] = (quiz.current_revision_id, by_question)
        student_ids = [s.id for s in students]
        room_id, viewer = room.id, student_ids[0]

        rng = random.Random(20261127)
        start = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
        attempt_rows, answer_rows = [], []
        for attempt_id in range(1, attempts + 1):
            quiz = quizzes[attempt_id % QUIZZES]
            revision_id, by_question = keys[quiz.id]
            score = 0
            for question_id, choices in by_question.items():
                choice_id, correct = rng.choice(choices)
                score += correct
                answer_rows.append({"attempt_id": attempt_id, "question_id": question_id,
                                    "choice_id": choice_id, "is_correct": correct})
            submitted = start + dt.timedelta(seconds=attempt_id * 37)
            attempt_rows.append({
                "id": attempt_id, "user_id": rng.choice(student_ids), "quiz_id": quiz.id,
                "revision_id": revision_id, "status": "submitted", "score": score,
                "total": QUESTIONS, "started_at": submitted - dt.timedelta(minutes=6),
                "submitted_at": submitted})
        db.session.execute(sa.insert(Attempt), attempt_rows)
        for begin in range(0, len(answer_rows), 100_000):
            db.session.execute(sa.insert(Answer), answer_rows[begin:begin + 100_000])
        db.session.commit()
        with write_transaction():  # what submit_attempt() keeps for the boards, all at once
            recount(classroom_ids=[room.id])
        with db.engine.begin() as connection:
            if connection.dialect.name == "postgresql":  # ids were given: move the sequences on
                for table in ("attempt", "answer"):
                    connection.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))")
            connection.exec_driver_sql("ANALYZE")
    return room_id, viewer


def median_ms(run, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


# -- databases ----------------------------------------------------------------------------------

class Databases:
    """Fresh empty databases: SQLite files in a folder, or databases of one PostgreSQL cluster."""

    def __init__(self, folder: Path, postgres: Postgres | None):
        self.folder, self.postgres = folder, postgres

    def new(self, name: str) -> str:
        if self.postgres is None:
            return f"sqlite:///{self.folder / (name + '.sqlite')}"
        import sqlalchemy as sa

        base = self.postgres.url.replace("postgresql://", "postgresql+psycopg://", 1)
        engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE bench_{name}")
        engine.dispose()
        return base.rsplit("/", 1)[0] + f"/bench_{name}"


def make_app(url: str, secret: str = "bench"):
    from quiz import create_app

    return create_app({"SECRET_KEY": secret, "SQLALCHEMY_DATABASE_URI": url})


# -- the served database: a class of 30, the seed quizzes, students with attempts in progress ---

SEED_SLUG = "russie-coree-du-nord-traite"  # 12 questions and its article


@dataclass
class Prepared:
    """Requests ready for wrk: one line per request (see bench/wrk.lua)."""

    quiz_page: str
    results_page: str
    history_page: str
    leaderboard_page: str
    questions: int
    pools: dict[str, list[str]]  # server variant → one POST line per attempt in progress
    attempt_ids: dict[str, list[int]]


def line(method: str, path: str, cookie: str = "", body: str = "") -> str:
    return f"{method}\t{path}\t{cookie}\t{body}"


class Sessions:
    """Session cookies and CSRF tokens made in-process, exactly as a login would make them.

    Logging in 10,000 students over HTTP would mostly measure password hashing (deliberately
    slow); signing their cookies with the app's own session interface gives the same cookie.
    """

    def __init__(self, app):
        self.app = app
        self.name = app.config["SESSION_COOKIE_NAME"]
        self.serializer = app.session_interface.get_signing_serializer(app)

    def __call__(self, user) -> tuple[str, str]:
        from flask import session
        from flask_login import login_user
        from flask_wtf.csrf import generate_csrf

        # A fresh app context: generate_csrf() keeps its token in `g` for the context's life.
        # No User-Agent, as wrk sends none, so that Flask-Login's session protection (basic)
        # finds the same identifier and leaves the session unchanged.
        with self.app.app_context(), self.app.test_request_context(
                "/", environ_base={"REMOTE_ADDR": "127.0.0.1"}):
            login_user(user)
            token = generate_csrf()
            cookie = f"{self.name}={self.serializer.dumps(dict(session))}"
        return cookie, token


def prepare_served(app, pool_sizes: dict[str, int]) -> Prepared:
    import sqlalchemy as sa
    from werkzeug.security import generate_password_hash

    from quiz.extensions import db
    from quiz.models import Attempt, Question, Quiz, User, utcnow
    from quiz.services.attempts import load_questions, start_attempt, submit_attempt
    from quiz.services.importer import import_items, prepare_import

    room_id, viewer_id = build(app, 20 * STUDENTS)  # about 20 attempts per student
    sessions = Sessions(app)
    with app.app_context():
        import_items(prepare_import([ROOT / "questions"]))
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_SLUG))
        viewer = db.session.get_one(User, viewer_id)
        questions = load_questions(quiz.current_revision_id, include_outdated=False)
        answers = {q.id: q.choices[n % len(q.choices)].id for n, q in enumerate(questions)}
        done = submit_attempt(start_attempt(viewer, quiz), answers)
        taking = start_attempt(viewer, quiz)
        cookie, _token = sessions(viewer)
        prepared = Prepared(
            quiz_page=line("GET", f"/attempts/{taking.id}", cookie),
            results_page=line("GET", f"/attempts/{done.id}", cookie),
            history_page=line("GET", "/history", cookie),
            leaderboard_page=line("GET", f"/classes/{room_id}/board", cookie),
            questions=len(questions), pools={}, attempt_ids={})

        # Students with an attempt in progress each: one submission per request.
        password = generate_password_hash("bench password")
        total = len(questions)
        now = utcnow()
        for variant, size in pool_sizes.items():
            db.session.execute(sa.insert(User), [
                {"username": f"{variant}{n}", "display_name": f"{variant} {n}",
                 "password_hash": password, "role": "student",
                 "session_token": secrets.token_urlsafe(32), "created_at": now}
                for n in range(size)])
            users = list(db.session.scalars(
                sa.select(User).where(User.username.like(f"{variant}%")).order_by(User.id)))
            db.session.execute(sa.insert(Attempt), [
                {"user_id": u.id, "quiz_id": quiz.id, "revision_id": quiz.current_revision_id,
                 "status": "in_progress", "total": total, "started_at": now} for u in users])
            db.session.commit()
            attempt_of = dict(db.session.execute(
                sa.select(Attempt.user_id, Attempt.id).join(User)
                .where(User.username.like(f"{variant}%"))).all())
            lines, ids = [], []
            for n, user in enumerate(users):
                cookie, token = sessions(user)
                form = {"csrf_token": token}
                form.update({f"q{q.id}": str(q.choices[(n + i) % len(q.choices)].id)
                             for i, q in enumerate(questions)})
                attempt_id = attempt_of[user.id]
                lines.append(line("POST", f"/attempts/{attempt_id}", cookie,
                                  urllib.parse.urlencode(form)))
                ids.append(attempt_id)
            prepared.pools[variant], prepared.attempt_ids[variant] = lines, ids
        assert db.session.scalar(sa.select(sa.func.count(Question.id))) > 0
        db.session.remove()
    return prepared


def check_stored(app, attempt_ids: list[int], acknowledged: set[int]) -> tuple[int, int, int]:
    """(stored, lost, half stored): lost = acknowledged but not stored whole."""
    import sqlalchemy as sa

    from quiz.extensions import db
    from quiz.models import Answer, Attempt

    with app.app_context():
        rows = db.session.execute(
            sa.select(Attempt.id, Attempt.status, Attempt.total, sa.func.count(Answer.id))
            .outerjoin(Answer, Answer.attempt_id == Attempt.id)
            .where(Attempt.id.in_(attempt_ids)).group_by(Attempt.id)).all()
        db.session.remove()
    whole = {i for i, status, total, answers in rows if status == "submitted" and answers == total}
    half = sum(1 for i, status, total, answers in rows
               if (status == "submitted") != (answers == total) or answers > total)
    return len(whole), len(acknowledged - whole), half


# -- gunicorn and wrk ---------------------------------------------------------------------------

class Gunicorn:
    """gunicorn on 127.0.0.1 with the configuration every served figure shares."""

    def __init__(self, target: str, chdir: Path, env: dict[str, str], worker_class: str,
                 log: Path):
        self.port = free_port()
        ready = Path(tempfile.mkdtemp(prefix="ready-", dir=log.parent))
        env = {**env, "NEWS_QUIZ_BENCH_READY": str(ready)}
        gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
        command = [gunicorn, "-c", str(BENCH / "gunicorn_ready.py"),
                   "--workers", "2", "--worker-class", worker_class,
                   "--bind", f"127.0.0.1:{self.port}", "--timeout", "60",
                   "--graceful-timeout", "5", "--chdir", str(chdir)]
        if worker_class == "gthread":
            command += ["--threads", "4"]
        # gunicorn's log and the workers' own stderr (where the app logs its errors) in one
        # file: the submission figure counts the lock errors in it.
        with log.open("ab") as output:
            self.process = subprocess.Popen([*command, target], env=env,
                                            stdout=subprocess.DEVNULL, stderr=output)
        self.ready, self.log = ready, log

    def wait_ready(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # both workers have loaded the app
            if len(list(self.ready.iterdir())) >= 2 and self.get("/", "")[0]:
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start; see {self.log}")

    def get(self, path: str, cookie: str) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
            response = connection.getresponse()
            return response.status, response.read()
        except OSError:
            return 0, b""
        finally:
            connection.close()

    def warm(self, request_line: str, expected: int = 200) -> bytes:
        """A few requests first, so that each worker has its templates and connections."""
        _method, path, cookie, _body = request_line.split("\t")
        for _ in range(20):
            status, body = self.get(path, cookie)
            if status != expected:
                raise RuntimeError(f"GET {path} answered {status}, not {expected}")
        return body

    def worker_rss_mb(self) -> float:
        out = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True,
                             text=True).stdout
        sizes = []
        for pid in out.split():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
        return max(sizes)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


@dataclass
class Load:
    rate: float  # good responses per second
    p50_ms: float
    p99_ms: float
    errors: int  # unexpected statuses, socket errors and timeouts
    good: int
    exhausted: bool  # the prepared requests ran out (cycle=False): measured until then
    seconds: float  # how long the load was measured over


def wrk(port: int, lines: list[str], seconds: int, folder: Path, *, expected: int = 200,
        cycle: bool = True, ack: Path | None = None) -> Load:
    requests = folder / f"requests-{time.monotonic_ns()}.txt"
    requests.write_text("\n".join(lines) + "\n", encoding="utf-8")
    threads = 1
    result = subprocess.run(
        ["wrk", "-t", str(threads), "-c", "8", "-d", f"{seconds}s", "--timeout", "10s",
         "-s", str(BENCH / "wrk.lua"), f"http://127.0.0.1:{port}", "--", str(requests),
         str(expected), "1" if cycle else "0", str(ack or ""), str(threads)],
        capture_output=True, text=True, timeout=seconds + 60)
    found = re.search(r"^BENCH (\{.*\})$", result.stdout, re.M)
    if result.returncode != 0 or not found:
        raise RuntimeError(f"wrk failed: {result.stdout}\n{result.stderr}")
    data = json.loads(found.group(1))
    # `ran_us` is wrk's duration, or, when every thread ran out of prepared submissions, the
    # time until then (bench/wrk.lua): the rate is never diluted by idle time.
    seconds_run = max(data["ran_us"], 1) / 1e6
    return Load(rate=data["good"] / seconds_run, p50_ms=data["p50_us"] / 1000,
                p99_ms=data["p99_us"] / 1000,
                errors=data["bad"] + data["socket_errors"] + data["timeouts"],
                good=data["good"], exhausted=data["exhausted"] > 0, seconds=seconds_run)


def acknowledged(ack: Path) -> set[int]:
    ids: set[int] = set()
    for part in ack.parent.glob(ack.name + "-*"):
        ids.update(int(x) for x in part.read_text().split())
    return ids


# -- the figures --------------------------------------------------------------------------------

# name → (what the figure is compared on, comparison, target) (issue 8)
TARGETS = {
    "quiz_page": ("ratio", ">=", 0.40),
    "submission": ("ratio", ">=", 0.12),
    "leaderboard_query": ("value", "<", 20.0),
    "leaderboard_page": ("ratio", ">=", 0.25),
    "quiz_check_rate": ("value", ">=", 500.0),
    "quiz_import_rate": ("value", ">=", 100.0),
    "worker_rss": ("value", "<", 150.0),
}


def judge(figure: dict) -> None:
    target = TARGETS.get(figure["name"])
    if target is None:
        return
    key, op, limit = target
    met = figure[key] >= limit if op == ">=" else figure[key] < limit
    if figure["name"] == "submission":
        met = met and figure["errors"] == 0 and figure["lost"] == 0
        figure["target"] = f"ratio >= {limit}, 0 errors, 0 lost"
    else:
        figure["target"] = f"{key} {op} {limit:g}"
    figure["met"] = met


def served_figures(urls: dict[str, str], folder: Path, seconds: int, pool: int) -> list[dict]:
    secret = secrets.token_hex(16)
    url = urls["served"]
    app = make_app(url, secret)
    progress("preparing the served database (class of 30, seed quizzes, students with "
             "attempts in progress)")
    prepared = prepare_served(app, {"sync": pool, "gthread": pool})
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": secret}
    env.pop("NEWS_QUIZ_PROXIES", None)
    figures: list[dict] = []
    bare_seconds = max(1, seconds * 3 // 5)

    def served(name: str, load: Load, detail: str, **extra) -> dict:
        return {"name": name, "value": round(load.rate, 1), "unit": "req/s",
                "p50_ms": round(load.p50_ms, 2), "p99_ms": round(load.p99_ms, 2),
                "errors": load.errors, **extra, "detail": detail}

    rss = 0.0
    for variant in ("sync", "gthread"):
        label = "2 sync workers" if variant == "sync" else "2 gthread workers x 4 threads"
        suffix = "" if variant == "sync" else "_gthread"
        progress(f"bare Flask and the app under gunicorn ({label})")
        hello = Gunicorn("hello:app", BENCH, env, variant, folder / f"hello-{variant}.log")
        server = None
        try:
            server = Gunicorn("app:app", ROOT, env, variant, folder / f"app-{variant}.log")
            hello.wait_ready()
            server.wait_ready()
            hello.warm(line("GET", "/"))
            # Bare Flask just before and just after each of the app's runs: each figure's
            # ratio is to the faster of the two around it, so a machine whose speed drifts
            # during the run shifts both sides of each ratio alike, and a passing dip in a
            # bare run never flatters the app.
            bare_runs: list[Load] = []
            around: dict[int, int] = {}  # figure's index → index of the bare run before it

            # (The two helpers are called within this iteration only: B023 does not apply.)
            def bare() -> None:
                bare_runs.append(wrk(hello.port, [line("GET", "/")], bare_seconds,  # noqa: B023
                                     folder))

            def measured(figure: dict) -> None:
                around[len(figures)] = len(bare_runs) - 1  # noqa: B023
                figures.append(figure)
                bare()

            bare()
            first = len(figures)
            figures.append({})  # the bare figure, filled in below
            pages = [("quiz_page", prepared.quiz_page, "the seed quiz (12 questions, article)")]
            if variant == "sync":
                pages += [("results_page", prepared.results_page, "a submitted seed quiz"),
                          ("history_page", prepared.history_page, "a student's ~20 attempts"),
                          ("leaderboard_page", prepared.leaderboard_page,
                           "class of 30, 10 quizzes, overall board")]
                measured(served_floor(prepared, env, folder, seconds, label))
            for name, request_line, what in pages:
                body = server.warm(request_line)
                if (name == "quiz_page" and body.count(b'<fieldset class="question')
                        != prepared.questions):
                    raise RuntimeError("the quiz page does not show every question")
                load = wrk(server.port, [request_line], seconds, folder)
                measured(served(name + suffix, load, f"{what}; {label}"))
            ack = folder / f"ack-{variant}"
            sub = wrk(server.port, prepared.pools[variant], seconds, folder, expected=302,
                      cycle=False, ack=ack)
            ids = prepared.attempt_ids[variant]
            acked = acknowledged(ack)
            stored, lost, half = check_stored(app, ids, acked)
            log = folder / f"app-{variant}.log"
            locked = sum(1 for event in log_events(log.read_text(errors="replace"))
                         if LOCK_ERROR.search(event)) if log.exists() else 0
            # The pool of prepared submissions may run out on a fast machine: the load then
            # stops there and the rate is measured over the time until then (bench/wrk.lua).
            ran = (f"the {len(ids):,} prepared ran out after {sub.seconds:.2f} s"
                   if sub.exhausted else f"{sub.seconds:.1f} s")
            figure = served("submission" + suffix, sub,
                            f"one graded submission per POST ({ran}): {len(acked)} "
                            f"acknowledged, {stored} stored whole, {half} half stored, {locked} "
                            f"'database is locked'; {label}", unit_note="submissions/s",
                            lost=lost + half, pool_ran_out=sub.exhausted)
            figure["errors"] = sub.errors + locked
            measured(figure)
            if variant == "sync":
                rss = server.worker_rss_mb()
        finally:
            hello.stop()
            if server is not None:
                server.stop()
        rates = [run.rate for run in bare_runs]
        figures[first] = {
            "name": f"bare_flask{suffix}", "value": round(statistics.mean(rates), 1),
            "unit": "req/s", "ratio": 1.0, "p50_ms": round(bare_runs[0].p50_ms, 2),
            "p99_ms": round(bare_runs[0].p99_ms, 2),
            "errors": sum(run.errors for run in bare_runs),
            "detail": f"the hello app, {label}; mean of {len(rates)} runs of {bare_seconds} s, "
                      f"one before and one after each of the app's ({min(rates):.0f}–"
                      f"{max(rates):.0f})"}
        for index, before in around.items():
            bare_rate = max(rates[before:before + 2])
            figures[index]["ratio"] = round(figures[index]["value"] / bare_rate, 4)
    figures.append({"name": "worker_rss", "value": round(rss, 1), "unit": "MB",
                    "detail": "VmRSS of the largest sync worker after the served runs"})
    return figures


def served_floor(prepared: Prepared, env: dict[str, str], folder: Path, seconds: int,
                 label: str) -> dict:
    """The logged-in floor (bench/floor.py): the app's stack with a page that shows nothing."""
    _method, _path, cookie, _body = prepared.quiz_page.split("\t")
    request_line = line("GET", FLOOR_PATH, cookie)
    server = Gunicorn("bench.floor:create()", ROOT, env, "sync", folder / "floor.log")
    try:
        server.wait_ready()
        server.warm(request_line)
        load = wrk(server.port, [request_line], seconds, folder)
    finally:
        server.stop()
    return {"name": "logged_in_floor", "value": round(load.rate, 1), "unit": "req/s",
            "p50_ms": round(load.p50_ms, 2), "p99_ms": round(load.p99_ms, 2),
            "errors": load.errors,
            "detail": f"the app with a page that shows nothing, as the logged-in student "
                      f"(bench/floor.py): the most a logged-in page can reach; {label}"}


def cli_figures(urls: dict[str, str], folder: Path, count: int) -> list[dict]:
    files = folder / "question-files"
    files.mkdir()
    for n in range(count):
        (files / f"fichier-{n:04d}.md").write_text(question_file(n), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": urls["import"], "SECRET_KEY": secrets.token_hex(32)}
    flask = [sys.executable, "-m", "flask", "--app", "app"]

    def timed(*args: str) -> tuple[float, str]:
        started = time.perf_counter()
        result = subprocess.run([*flask, *args], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=600)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(f"flask {' '.join(args)} failed:\n{result.stderr[-2000:]}")
        return elapsed, result.stdout

    def own_time(output: str, pattern: str) -> float:
        found = re.search(pattern, output)
        if not found:
            raise RuntimeError(f"no time in the command's output: {output[-500:]}")
        return float(found.group(1))

    progress(f"quiz check and quiz import of {count:,} question files")
    timed("db", "upgrade")
    check_s, out = timed("quiz", "check", str(files))
    check_work = own_time(out, r"checked in ([\d.]+) s")
    import_s, out = timed("quiz", "import", str(files))
    import_work = own_time(out, r"Import took ([\d.]+) s")
    assert f"Imported {count} file(s): {count} created" in out
    detail = f"{count:,} files × {QUESTIONS} questions, the whole command"
    return [
        {"name": "quiz_check", "value": round(check_s, 2), "unit": "s",
         "detail": detail + " (start of Python and the app included)"},
        {"name": "quiz_check_rate", "value": round(count / check_work, 1), "unit": "files/s",
         "detail": f"files ÷ the {check_work:.2f} s the command reports (reading, checking)"},
        {"name": "quiz_import", "value": round(import_s, 2), "unit": "s",
         "detail": detail + " (start included), into an empty database"},
        {"name": "quiz_import_rate", "value": round(count / import_work, 1), "unit": "files/s",
         "detail": f"files ÷ the {import_work:.2f} s the command reports (checking, storing)"},
    ]


def machine() -> dict:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1).strip() if found else ""
    memory = ""
    if Path("/proc/meminfo").exists():
        found = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        memory = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB" if found else ""
    return {"cores": os.cpu_count(), "cpu": cpu, "memory": memory,
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version}


def postgres_version(url: str) -> str:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.connect() as connection:
        version = connection.exec_driver_sql("SHOW server_version").scalar_one()
    engine.dispose()
    return str(version).split()[0]


def print_table(figures: list[dict]) -> None:
    header = (f"{'figure':24} {'value':>9} {'unit':8} {'ratio':>6} {'p50 ms':>7} "
              f"{'p99 ms':>7} {'err':>4} {'lost':>4}  {'target':30} detail")
    print("\n" + header)
    print("-" * len(header))
    for f in figures:
        ratio = f"{f['ratio']:.3f}" if "ratio" in f else ""
        unit = f.get("unit_note", f["unit"])[:8]
        target = ""
        if "met" in f:
            target = ("ok   " if f["met"] else "MISS ") + f["target"]
        cells = [f"{f[k]:.2f}" if isinstance(f.get(k), float) else str(f.get(k, ""))
                 for k in ("p50_ms", "p99_ms")]
        print(f"{f['name']:24} {f['value']:9.2f} {unit:8} {ratio:>6} {cells[0]:>7} "
              f"{cells[1]:>7} {str(f.get('errors', '')):>4} {str(f.get('lost', '')):>4}  "
              f"{target:30} {f['detail']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="less data and shorter runs (under 60 s)")
    parser.add_argument("--postgres", action="store_true",
                        help="use a throw-away PostgreSQL cluster on 127.0.0.1")
    parser.add_argument("--pool", type=int, metavar="N",
                        help="submissions prepared per server variant (default: 600 a second "
                             "of load with --quick, else 1,000); the load stops when they run "
                             "out")
    parser.add_argument("--seconds", type=int, metavar="N",
                        help="seconds of load per served figure (default: 2 with --quick, "
                             "else 5; tests/test_bench_quick.py runs 1)")
    parser.add_argument("--files", type=int, metavar="N",
                        help="question files checked and imported (default: 200 with --quick, "
                             "else 1,000; tests/test_bench_quick.py checks 40)")
    parser.add_argument("--output", type=Path, default=BENCH / "results.json",
                        help="where to write the figures as JSON (default: %(default)s)")
    args = parser.parse_args()
    attempts = 10_000 if args.quick else 100_000
    seconds = args.seconds or (2 if args.quick else 5)
    files = args.files or (200 if args.quick else 1_000)
    # Submissions prepared per server variant: more than 2 workers took in `seconds` on the
    # development machine; on a faster one the load stops when they run out (bench/wrk.lua).
    pool = args.pool or seconds * (600 if args.quick else 1_000)

    started, load_before = time.monotonic(), os.getloadavg()[0]
    folder = Path(tempfile.mkdtemp(prefix="news-quiz-bench-"))
    postgres = None
    if args.postgres:
        progress("starting a throw-away PostgreSQL cluster")
        postgres = Postgres(folder / "pg", port=free_port())
    figures: list[dict] = []
    info = machine()
    try:
        databases = Databases(folder, postgres)
        urls = {name: databases.new(name) for name in ("board", "served", "import")}
        if postgres:
            info["postgresql"] = postgres_version(urls["board"])
        figures += leaderboard_figures(urls["board"], attempts)
        if shutil.which("wrk"):
            figures += served_figures(urls, folder, seconds, pool)
        else:
            progress("wrk is not installed (apt-get install wrk): served figures left out")
        figures += cli_figures(urls, folder, files)
    finally:
        if postgres:
            postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)
    for figure in figures:
        judge(figure)
    info.update(load_average_before=round(load_before, 2),
                load_average_after=round(os.getloadavg()[0], 2),
                seconds=round(time.monotonic() - started, 1))
    database = (f"PostgreSQL {info['postgresql']}" if postgres
                else f"SQLite {info['sqlite']} (WAL)")
    print(f"\nMachine: {info['cores']} cores, {info['cpu']}, {info['memory']}; Python "
          f"{info['python']}; database: {database}; {'quick' if args.quick else 'full'} run "
          f"in {info['seconds']:.0f} s; load average (1 min) before {load_before:.2f}, after "
          f"{info['load_average_after']:.2f} (other processes share the cores when it is "
          f"above 0)")
    print_table(figures)
    missed = [f["name"] for f in figures if f.get("met") is False]
    print(f"\ntargets: {sum(f.get('met') is True for f in figures)} met, "
          f"{len(missed)} missed{': ' + ', '.join(missed) if missed else ''}")
    args.output.write_text(json.dumps(
        {"machine": info, "database": "postgresql" if postgres else "sqlite", "quick": args.quick,
         "figures": figures}, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"written: {args.output}")
    return 0


def leaderboard_figures(url: str, attempts: int) -> list[dict]:
    from quiz.extensions import db
    from quiz.models import Classroom
    from quiz.services.leaderboard import class_leaderboard

    app = make_app(url)
    progress(f"building {attempts:,} attempts and {attempts * QUESTIONS:,} answers")
    started = time.perf_counter()
    room_id, _viewer = build(app, attempts)
    progress(f"built in {time.perf_counter() - started:.1f} s; measuring the leaderboard query")
    with app.app_context():
        room = db.session.get_one(Classroom, room_id)
        standings = class_leaderboard(room)
        assert len(standings) == STUDENTS
        query_ms = median_ms(lambda: class_leaderboard(room), 15)
        db.session.remove()
    return [{"name": "leaderboard_query", "value": round(query_ms, 2), "unit": "ms",
             "detail": f"median of 15, {attempts:,} attempts / {attempts * QUESTIONS:,} answers, "
                       f"{STUDENTS} students, {QUIZZES} quizzes, in-process"}]


if __name__ == "__main__":
    sys.exit(main())
