#!/usr/bin/env python3
"""Live mode under a class of phones: does every phone follow the teacher, and is every answer
counted once?

Serves the app on 127.0.0.1 against a fresh SQLite database — with the default server
(`flask run`, what `manage.py serve` starts) and under gunicorn (2 gthread workers, each with
a thread per phone: a phone's request for the state is held until the session moves) — then
plays a live quiz. The teacher (one client) opens each question with *Next*, waits until every
phone has answered (or 10 s), reveals it, leaves 3 s to read it, and goes on. N simulated
phones (a thread each) log in, join with the code, load the page once, then do what
static/js/live.js does: ask `state.json?after=<version>`, which the server holds until the
session moves on and which carries the question; after a reader's time (1-3 s, ``--think``)
tap a choice, a request of its own on a second connection (both kept alive, as a phone's
browser keeps them); ask again 0.5-1.5 s after each move. After answering the second question
every phone drops its connections and rejoins at once (a reconnect storm: the join form again,
then the page), and must find its answer there. At the end the teacher ends the session and
the database is read:

  p95_switch_ms  time from the teacher's Next (sent) to the new question received by a phone
                 (its state, which the script writes in place), 95th percentile over every
                 Next and phone
  lost           answers acknowledged to a phone (its page shows it) that the database does
                 not hold as chosen, plus phones that did not find their answer after the
                 storm, plus stored attempts whose answers differ from the live ones
  duplicated     answers stored more than once for a phone and question, attempts beyond one
                 per student
  errors         5xx responses, failed connections, unexpected statuses, phones that never
                 saw a question

It also prints the CPU time the bench's own process (the phones and the teacher) and the
server's processes used during the play: the phones share the machine's cores with the server.

    python bench/live.py --quick       30 phones, 3 questions
    python bench/live.py               200 phones, 4 questions
    python bench/live.py --phones 5 --questions 2 --server flask    (tests/test_bench_live.py)

One line per server, the last lines of the output:
``live: phones=200 p95_switch_ms=… lost=0 duplicated=0 errors=0 server=flask``; the exit status
is 1 unless lost, duplicated and errors are all 0. All traffic goes to 127.0.0.1; every loop is
bounded in count and time.
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
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench.load import IN_FLIGHT, Browser, Reply, free_port, progress  # noqa: E402
from quiz.extensions import db  # noqa: E402
from quiz.models import (  # noqa: E402
    Answer,
    Attempt,
    LiveAnswer,
    LiveParticipant,
    Quiz,
)

PASSWORD = "bench password"
SEED_QUIZ = "russie-coree-du-nord-traite"
VERSION = re.compile(r'data-version="(\d+)"')
PHASE = re.compile(r'data-phase="(\w+)"')
QUESTION = re.compile(r'name="question" value="(\d+)"')
CHOICE = re.compile(r'name="choice" value="(\d+)"')
# The page's empty parts for its script (static/js/live.js): not what the page shows.
PARTS = re.compile(r'<template id="live-parts">.*?</template>', re.S)
ANSWERED = 'id="live-answered"'  # the phone's page after its answer: « Your answer: … »
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
WAIT_ANSWERS = 10.0  # seconds the teacher waits for every phone before revealing anyway
# Seconds between a reveal and the next question (the class reads the explanation; a real
# teacher talks longer): more than a phone waits before asking for the next move.
READ_REVEAL = 3.0


@dataclass
class Phone:
    username: str
    user_id: int
    browser: Browser | None = None  # the connection its state is asked on (held)
    tapper: Browser | None = None  # another one, for its taps and pages
    version: int = 0
    token: str = ""
    chosen: dict[int, int] = field(default_factory=dict)  # question → choice, acknowledged
    seen: dict[int, float] = field(default_factory=dict)  # version → time its page loaded
    lost: int = 0


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    errors: list[str] = field(default_factory=list)
    seconds: dict[str, list[float]] = field(default_factory=dict)  # per kind of request

    def took(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.seconds.setdefault(kind, []).append(seconds)

    def medians_ms(self) -> str:
        with self.lock:
            return ", ".join(f"{kind} {1000 * sorted(times)[len(times) // 2]:.0f}"
                             for kind, times in sorted(self.seconds.items()))

    def error(self, what: str) -> None:
        with self.lock:
            self.errors.append(what)


class Served:
    """The app on a free port of 127.0.0.1, a fresh SQLite database, a class of `phones`."""

    def __init__(self, kind: str, folder: Path, phones: int, worker: str = "gthread"):
        self.kind, self.folder, self.port = kind, folder, free_port()
        self.url = f"sqlite:///{folder / 'live.sqlite'}"
        self.env = {**os.environ, "DATABASE_URL": self.url, "SECRET_KEY": secrets.token_hex(16),
                    "NEWS_QUIZ_INSTANCE": str(folder), "FLASK_DEBUG": "0",
                    "NEWS_QUIZ_LOGIN_LIMIT_PER_ADDRESS": "100000 per hour"}
        self.app, self.class_id, self.phones = self._prepare(phones)
        bin_folder = Path(sys.executable).parent
        if kind == "flask":
            command = [str(bin_folder / "flask"), "--app", "app", "run", "--port",
                       str(self.port)]
        else:
            gunicorn = shutil.which("gunicorn", path=str(bin_folder)) or "gunicorn"
            # A phone's request for the state is held until the session moves: a thread
            # each, and either worker may get them all; twice, for the reconnect storm (a
            # phone that drops leaves its request waiting until LIVE_HOLD ends: docs/deploy.md).
            # (--worker sync: one request at a time, so nothing held: the phones poll.)
            command = [gunicorn, "--workers", "2", "--worker-class", worker, "--threads",
                       str(2 * phones + 16 if worker == "gthread" else 1), "--bind",
                       f"127.0.0.1:{self.port}", "--timeout", "60", "app:app"]
        self.log = folder / f"{kind}.log"
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env,
                                            stdin=subprocess.DEVNULL, stdout=output,
                                            stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                if Browser(self.port).request("GET", "/login").status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{kind} did not start: {self.log.read_text()[-2000:]}")

    def _prepare(self, count: int):
        os.environ["SECRET_KEY"] = self.env["SECRET_KEY"]
        from flask_migrate import upgrade
        from werkzeug.security import generate_password_hash

        from quiz import create_app
        from quiz.database import write_transaction
        from quiz.extensions import db
        from quiz.models import Membership, User
        from quiz.services.classes import create_class
        from quiz.services.importer import import_items, prepare_import

        app = create_app({"SQLALCHEMY_DATABASE_URI": self.url})
        hashed = generate_password_hash(PASSWORD, "pbkdf2:sha256:1000")  # logins stay cheap
        with app.app_context():
            upgrade()
            import_items(prepare_import([ROOT / "questions"]))
            with write_transaction():
                teacher = User(username="prof", display_name="Prof", password_hash=hashed,
                               role="teacher")
                students = [User(username=f"phone{n:03d}", display_name=f"Phone {n:03d}",
                                 password_hash=hashed) for n in range(count)]
                db.session.add_all([teacher, *students])
            room = create_class(teacher, "Live bench", "2026-2027")
            with write_transaction():
                db.session.add_all(Membership(classroom_id=room.id, user_id=s.id)
                                   for s in students)
            phones = [Phone(s.username, s.id) for s in students]
            class_id = room.id
            db.session.remove()
        return app, class_id, phones

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def form_token(reply: Reply) -> str:
    match = TOKEN.search(reply.body)
    return match.group(1) if match else ""


class KeptBrowser(Browser):
    """A phone's browser: one connection kept alive across requests (as a phone's browser
    keeps it), opened again when the server closed it."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None):
        super().__init__(port, cookies)
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, form: dict[str, str] | None = None,
                accept: str = "text/html") -> Reply:
        headers, body = self.prepare(form)
        headers["Accept"] = accept
        started = time.perf_counter()
        for retry in (False, True):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                with IN_FLIGHT:
                    self.connection.request(method, path, body=body, headers=headers)
                    response = self.connection.getresponse()
                    text = response.read().decode("utf-8", "replace")
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()  # closed by the server while idle: once more, on a new one
                if retry:
                    raise
        if response.will_close:
            self.close()
        return self.reply(response, text, started)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def hang_up(self) -> None:
        """End a request under way in another thread (its read fails at once)."""
        connection = self.connection
        if connection is not None and connection.sock is not None:
            try:
                connection.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by process `pid` and its children alive now."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):  # fields[1]: the parent
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def play(served: Served, questions: int, poll: float, think: float) -> dict[str, object]:
    """One live quiz; the figures."""
    tally = Tally()
    teacher = Browser(served.port)
    teacher.log_in("prof")
    class_page = f"/teacher/classes/{served.class_id}"
    token = teacher.token(class_page)
    with served.app.app_context():
        quiz_id, quiz_questions = db.session.execute(
            sa.select(Quiz.id, Quiz.question_count).where(Quiz.slug == SEED_QUIZ)).one()
        db.session.remove()
    reply = teacher.request("POST", f"{class_page}/live", {"csrf_token": token,
                                                          "live-quiz": str(quiz_id)})
    session_id = int(reply.location.rsplit("/", 1)[1])
    control = f"/teacher/live/{session_id}"
    code = re.search(r'class="live-code">([A-Z0-9]+)<', teacher.request("GET", control).body)
    assert code, "no session code on the teacher's page"
    phone_page, state_url = f"/live/{session_id}", f"/live/{session_id}/state.json"
    stop = threading.Event()
    storm = threading.Barrier(len(served.phones) + 1)
    rejoined = threading.Semaphore(0)  # one release per phone back after the storm

    def request(phone: Phone, method: str, path: str, form: dict[str, str] | None = None,
                accept: str = "text/html", held: bool = False) -> Reply | None:
        browser = phone.browser if held else phone.tapper
        assert isinstance(browser, KeptBrowser)
        try:
            reply = browser.request(method, path, form, accept)
        except OSError as error:
            if not stop.is_set():  # not the bench hanging up at the end
                tally.error(f"{phone.username} {method} {path}: {error!r}")
            browser.close()
            return None
        if reply.status == 409:  # a tap refused (too late, say): said to the phone
            tally.took("refused", reply.seconds)
        elif reply.status >= 500 or reply.status not in (200, 302):
            tally.error(f"{phone.username} {method} {path}: {reply.status}")
        kind = "state" if ".json" in path else "answer" if method == "POST" else "page"
        tally.took(kind, reply.seconds)
        return reply

    def load_page(phone: Phone) -> None:
        """The page, as a phone opens it: its version and the form's token; a question open
        on it (the teacher was quicker than this phone) seen then, and tapped."""
        page = request(phone, "GET", phone_page)
        if page is None:
            return
        phone.token = form_token(page) or phone.token
        found = VERSION.search(page.body)
        phone.version = int(found.group(1)) if found else phone.version
        shown = PARTS.sub("", page.body)
        phase = PHASE.search(page.body)
        question, choices = QUESTION.search(shown), CHOICE.findall(shown)
        if phase and phase.group(1) == "open":
            phone.seen.setdefault(phone.version, page.finished)
            if question and choices and ANSWERED not in shown:
                state = {"shown": {"id": int(question.group(1)),
                                   "choices": [{"id": int(c)} for c in choices]}}
                threading.Thread(target=tap, args=(phone, state), daemon=True).start()

    def tap(phone: Phone, state: dict) -> None:
        """What the phone's script does with a question not answered yet: after a reader's
        time, the tap, as a request of its own; the answer acknowledged by the JSON."""
        shown = state["shown"]
        time.sleep(random.uniform(min(1.0, think), think))
        chosen = random.choice([c["id"] for c in shown["choices"]])
        sent = request(phone, "POST", phone_page, {
            "csrf_token": phone.token, "question": str(shown["id"]), "choice": str(chosen)},
            accept="application/json")
        if sent is not None and sent.status == 200 and json.loads(sent.body)["choice"] == chosen:
            phone.chosen[shown["id"]] = chosen

    def connect(phone: Phone, cookies: dict[str, str]) -> None:
        """The phone's two connections (a browser opens another one for a request while one
        is held), sharing its cookies."""
        phone.browser, phone.tapper = KeptBrowser(served.port), KeptBrowser(served.port)
        phone.browser.cookies = phone.tapper.cookies = cookies

    def run_phone(phone: Phone) -> None:
        connect(phone, {})
        assert isinstance(phone.tapper, KeptBrowser)
        try:
            phone.tapper.log_in(phone.username)
            token = phone.tapper.token("/live")
        except (OSError, RuntimeError) as error:
            tally.error(f"{phone.username} login: {error!r}")
            return
        joined = request(phone, "POST", "/live", {"csrf_token": token, "code": code.group(1)})
        if joined is None or joined.status != 302:
            tally.error(f"{phone.username} could not join")
            return
        load_page(phone)
        stormed = False
        while not stop.is_set():
            reply = request(phone, "GET", f"{state_url}?after={phone.version}",
                            accept="application/json", held=True)
            if reply is None or reply.status != 200:
                time.sleep(poll)
                continue
            state = json.loads(reply.body)
            if state["version"] == phone.version:  # held to the end: ask again
                time.sleep(poll)
                continue
            phone.version = state["version"]
            shown = state["shown"]
            if state["phase"] == "open" and shown:
                phone.seen.setdefault(phone.version, reply.finished)
                tapping = threading.Thread(target=tap, args=(phone, state), daemon=True)
                if state["mine"] is None and not state["paused"]:
                    tapping.start()
                if not stormed and state["question"] == 2:
                    stormed = True
                    if tapping.is_alive():
                        tapping.join(30)
                    rejoin(phone, shown["id"])
                    continue
            # As the script: the next question a moment later (0.5-1.5 s: a class's requests
            # for it spread rather than all at once).
            time.sleep(poll * random.uniform(1.0, 3.0))

    def rejoin(phone: Phone, question_id: int) -> None:
        """Wi-Fi lost after the answer to question 2: all phones come back at once, through
        the join form, and must find their answer to the open question on their page."""
        try:
            storm.wait(60)
        except threading.BrokenBarrierError:
            tally.error(f"{phone.username}: the storm's barrier broke")
        assert isinstance(phone.browser, KeptBrowser) and isinstance(phone.tapper, KeptBrowser)
        phone.browser.close()
        phone.tapper.close()
        connect(phone, phone.browser.cookies)  # new connections
        form = request(phone, "GET", "/live")
        if form is None:
            return
        request(phone, "POST", "/live", {"csrf_token": form_token(form), "code": code.group(1)})
        page = request(phone, "GET", phone_page)
        if page is not None:
            phone.token = form_token(page) or phone.token
            if question_id in phone.chosen and ANSWERED not in PARTS.sub("", page.body):
                phone.lost += 1
        rejoined.release()

    cpu_before = (time.process_time(), cpu_seconds(served.process.pid), time.perf_counter())
    threads = [threading.Thread(target=run_phone, args=(phone,), daemon=True)
               for phone in served.phones]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # everyone joined
        if f"{len(served.phones)} students joined" in teacher.request(
                "GET", f"/teacher/live/{session_id}/projector").body:
            break
        time.sleep(0.5)
    else:
        tally.error("not every phone joined within 60 s")
    nexts: dict[int, float] = {}
    for number in range(1, questions + 1):
        token = form_token(teacher.request("GET", control))
        sent = time.perf_counter()
        reply = teacher.request("POST", control, {"csrf_token": token, "action": "next"})
        if reply.status != 302:
            tally.error(f"Next {number}: {reply.status}")
        version = int(VERSION.search(teacher.request("GET", control).body).group(1))
        nexts[version] = sent
        waited = time.monotonic() + WAIT_ANSWERS
        while time.monotonic() < waited:
            state = teacher.request("GET", f"/teacher/live/{session_id}/state.json").body
            if f'"answered":{len(served.phones)}' in state.replace(" ", ""):
                break
            time.sleep(0.2)
        if number == 2:  # the reconnect storm, the question still open
            try:
                storm.wait(60)
            except threading.BrokenBarrierError:
                tally.error("the storm's barrier broke")
            back = time.monotonic() + 120  # the question stays open until all are back
            for _phone in served.phones:
                if not rejoined.acquire(timeout=max(0.0, back - time.monotonic())):
                    tally.error("not every phone was back within 120 s of the storm")
                    break
        token = form_token(teacher.request("GET", control))
        teacher.request("POST", control, {"csrf_token": token, "action": "reveal"})
        time.sleep(READ_REVEAL)
    # The rest of the quiz opened and revealed at once, unanswered, and the last Next ends it:
    # only a session played to its last question stores each phone's answers as an attempt,
    # which check_stored compares with the live ones.
    for _rest in range(questions, quiz_questions):
        for action in ("next", "reveal"):
            token = form_token(teacher.request("GET", control))
            teacher.request("POST", control, {"csrf_token": token, "action": action})
    token = form_token(teacher.request("GET", control))
    teacher.request("POST", control, {"csrf_token": token, "action": "next"})
    time.sleep(max(1.0, 2 * poll))
    stop.set()
    cpu_after = (time.process_time(), cpu_seconds(served.process.pid), time.perf_counter())
    for phone in served.phones:  # a phone held in a request: hung up
        for browser in (phone.browser, phone.tapper):
            if isinstance(browser, KeptBrowser):
                browser.hang_up()
    for thread in threads:
        thread.join(30)

    switches = sorted(1000 * (phone.seen[v] - sent) for v, sent in nexts.items()
                      for phone in served.phones if v in phone.seen)
    missed = sum(1 for v in nexts for phone in served.phones if v not in phone.seen)
    if missed:
        which = sorted({n for n, v in enumerate(nexts, start=1) for phone in served.phones
                        if v not in phone.seen})
        tally.error(f"{missed} questions never reached a phone (of the Next number {which})")
    lost, duplicated = check_stored(served, session_id)
    lost += sum(phone.lost for phone in served.phones)
    p95 = switches[max(0, int(0.95 * len(switches)) - 1)] if switches else float("nan")
    progress(f"median ms of the phones' requests: {tally.medians_ms()}")
    client, server, wall = (after - before for after, before in zip(cpu_after, cpu_before,
                                                                    strict=True))
    progress(f"CPU during the play ({wall:.1f} s): the bench's phones and teacher {client:.1f} s, "
             f"the server {server:.1f} s")
    return {"p95": p95, "lost": lost, "duplicated": duplicated, "errors": tally.errors}


def check_stored(served: Served, session_id: int) -> tuple[int, int]:
    """Against the database: every acknowledged answer stored as chosen, once; one attempt
    per student who answered, whose answers are the live ones."""
    lost = duplicated = 0
    with served.app.app_context():
        rows = db.session.execute(
            sa.select(LiveParticipant.user_id, LiveAnswer.question_id, LiveAnswer.choice_id)
            .join(LiveParticipant, LiveParticipant.id == LiveAnswer.participant_id)
            .where(LiveAnswer.session_id == session_id)).all()
        stored: dict[tuple[int, int], list[int]] = {}
        for user_id, question_id, choice_id in rows:
            stored.setdefault((user_id, question_id), []).append(choice_id)
        duplicated += sum(len(choices) - 1 for choices in stored.values())
        for phone in served.phones:
            for question_id, choice_id in phone.chosen.items():
                if stored.get((phone.user_id, question_id), [None])[0] != choice_id:
                    lost += 1
        attempts = db.session.execute(sa.select(Attempt.user_id, Attempt.id)).all()
        per_user: dict[int, list[int]] = {}
        for user_id, attempt_id in attempts:
            per_user.setdefault(user_id, []).append(attempt_id)
        duplicated += sum(len(ids) - 1 for ids in per_user.values())
        lost += sum(1 for phone in served.phones if phone.chosen and phone.user_id not in per_user)
        for user_id, ids in per_user.items():
            graded = {(q, c) for q, c in db.session.execute(
                sa.select(Answer.question_id, Answer.choice_id)
                .where(Answer.attempt_id == ids[0]))}
            live_ones = {(q, c[0]) for (u, q), c in stored.items() if u == user_id}
            if graded != live_ones:
                lost += 1
        db.session.remove()
    return lost, duplicated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="30 phones, 3 questions")
    parser.add_argument("--phones", type=int, help="simulated phones (default 200)")
    parser.add_argument("--questions", type=int, help="questions played (default 4)")
    parser.add_argument("--server", choices=("flask", "gunicorn", "both"), default="both")
    parser.add_argument("--worker", choices=("gthread", "sync"), default="gthread",
                        help="gunicorn's worker class (sync: the phones poll, nothing held)")
    parser.add_argument("--think", type=float, default=3.0,
                        help="a phone taps its answer 1 to THINK seconds after the question "
                             "reached it (default 3; 0: at once)")
    options = parser.parse_args(argv)
    phones = options.phones or (30 if options.quick else 200)
    questions = options.questions or (3 if options.quick else 4)
    questions = max(2, questions)  # the storm is during the second
    from quiz.config import Config

    poll = Config.LIVE_POLL
    kinds = ["flask", "gunicorn"] if options.server == "both" else [options.server]
    lines, failed = [], False
    for kind in kinds:
        with tempfile.TemporaryDirectory(prefix="live-bench-") as folder:
            progress(f"{kind}: {phones} phones, {questions} questions, polling every {poll} s")
            served = Served(kind, Path(folder), phones, options.worker)
            try:
                figures = play(served, questions, poll, options.think)
            finally:
                served.stop()
            errors = figures["errors"]
            assert isinstance(errors, list)
            for error in errors[:10]:
                progress(f"{kind}: error: {error}")
            line = (f"live: phones={phones} p95_switch_ms={figures['p95']:.0f} "
                    f"lost={figures['lost']} duplicated={figures['duplicated']} "
                    f"errors={len(errors)} server={kind}"
                    + (" worker=sync" if kind == "gunicorn" and options.worker == "sync" else ""))
            failed = failed or bool(figures["lost"] or figures["duplicated"] or errors)
            lines.append(line)
            progress(line)
    print("\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
