"""What the pages of a live session poll, cheap enough for a class of phones.

A live session's state is in the database (quiz/services/live.py), so any process of any app
server can answer for it. A class of phones asks for it all the time; this module keeps, per
process, what they ask, and holds their requests until there is something new:

- ``shared(session_id)``: what every page of the session is shown now (``Shared``): the
  version, the phase, the counts and, for phones, the question on screen as a phone shows it —
  before the reveal its prompt and choices, never which one is right; after it also the right
  choice, the explanation and the passage in its paragraph, and every participant's points and
  place, and who answered what to the question on screen (each phone is sent its own). Read
  from the database at most once every LIVE_CHECK seconds per process and session (the
  question's texts and the standings once per version), and again at once after a change this
  process made (``changed``, called by the routes that change a session: a move, a join, an
  answer).
- ``wait(session_id, after, hold)``: a phone's long poll (``state.json?after=<version>``). The
  request's thread waits, without a database connection, until the session's version is not
  ``after`` any more or ``hold`` seconds went by. A change made in this process (the teacher's
  POST) wakes it at once; a change made by another process or app server is seen by the
  LIVE_CHECK read, the one database read per process that every waiting phone shares.
- ``participant_id(session_id, user_id, …)``: a participant leaves a session only when their
  account is deleted (or, a guest, a day after it ended), so a place once found is kept
  (quiz/caching.py), by the account's id and creation time (an id SQLite gives again must not
  find one: an erasure empties this process's cache, not the others'), and an answer looks
  its participant up anew (live.answer).

Under gunicorn each held request keeps a thread: use the gthread worker with more threads than
phones (docs/deploy.md). A server that serves one request at a time per process (gunicorn's
sync workers: ``wsgi.multithread`` false) is not asked to hold: the state comes at once and
the phones poll every LIVE_POLL seconds (quiz/student/live_routes.py).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from flask import current_app

from .caching import cache
from .extensions import db
from .models import LiveAnswer, LiveSession, utcnow
from .services import live
from .templating import typography


@dataclass(frozen=True)
class Shared:
    """A live session as all its pages see it at one moment (no one's own answer)."""

    session_id: int
    version: int
    phase: str
    question: int
    questions: int
    paused: bool
    deadline: dt.datetime | None
    paused_remaining_ms: int | None
    joined: int
    answered: int
    question_id: int | None  # the question on screen
    # Shared by every request: read, never changed.
    shown: Mapping[str, Any] | None  # the question as a phone shows it (JSON)
    places: Mapping[int, tuple[int, int]]  # participant id → (position, points), once revealed
    # participant id → (choice id, right) on the question on screen: one read for the class
    answers: Mapping[int, tuple[int, bool]]
    read_at: float  # time.monotonic() of the database read

    def state(self, now: dt.datetime | None = None) -> live.LiveState:
        """The numbers every page polls (live.LiveState), the countdown as of `now`."""
        remaining = self.paused_remaining_ms
        if remaining is None and self.deadline is not None:
            left = self.deadline - (now or utcnow())
            remaining = max(0, int(left.total_seconds() * 1000))
        return live.LiveState(self.version, self.phase, self.question, self.questions,
                              self.paused, self.joined, self.answered, remaining)


class _Waiting:
    """This process's waiting phones: one condition, and a generation that every change of a
    session's version moves on (a waiter that saw the generation before its read knows it
    missed nothing)."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.generation = 0
        self.reading: dict[int, threading.Lock] = {}
        self.watchers: dict[int, object] = {}  # session id → the waiting request that reads

    def reading_lock(self, session_id: int) -> threading.Lock:
        with self.condition:
            lock = self.reading.get(session_id)
            if lock is None:
                if len(self.reading) > 256:
                    self.reading.clear()  # old sessions' locks (a lock in use is held elsewhere)
                lock = self.reading[session_id] = threading.Lock()
            return lock

    def wake(self) -> None:
        with self.condition:
            self.generation += 1
            self.condition.notify_all()


_EXTENSION = "news_quiz_live_waiting"


def _waiting() -> _Waiting:
    found: _Waiting | None = current_app.extensions.get(_EXTENSION)
    if found is None:
        found = current_app.extensions.setdefault(_EXTENSION, _Waiting())
    return found


def changed(session_id: int, *, moved: bool) -> None:
    """This process changed the session: its next read is from the database; when the session
    `moved` (a new version: Next, Reveal, Pause, End), the phones waiting here are woken."""
    cache("live_states").discard(session_id)
    if moved:
        _waiting().wake()


def shared(session_id: int) -> Shared | None:
    """The session as its pages see it now, read from the database when the kept one is older
    than LIVE_CHECK seconds; None for a session that does not exist.

    A read ends the request's read transaction first (so that it sees the latest commit: an
    SQLite reader keeps its snapshot until then): call it where the request uses no database
    object afterwards (the state routes)."""
    kept_states = cache("live_states")
    check = current_app.config["LIVE_CHECK"]
    kept: Shared | None = kept_states.get(session_id)
    if kept is not None and time.monotonic() - kept.read_at < check:
        return kept
    # No connection held while waiting for the reader, who needs one: 200 phones waiting
    # with one each would empty the pool (15 a process) and leave the reader without.
    db.session.rollback()
    with _waiting().reading_lock(session_id):  # one read at a time; the others use it
        again: Shared | None = kept_states.get(session_id)
        if again is not None and time.monotonic() - again.read_at < check:
            return again
        fresh = _read(session_id, again or kept)
        if fresh is None:
            return None
        kept_states.put(session_id, fresh)
    if kept is not None and fresh.version != kept.version:
        _waiting().wake()  # moved by another process or server
    return fresh


def wait(session_id: int, after: int, hold: float) -> Shared | None:
    """The session once its version is not `after`, or as it is after `hold` seconds.

    One of the requests waiting for a session in this process is its watcher: it reads the
    session again every LIVE_CHECK seconds (a change made elsewhere wakes them all); the
    others sleep until woken, so that 200 waiting phones cost one read, not 200 wake-ups,
    every LIVE_CHECK. A watcher that leaves hands the watch on."""
    waiting = _waiting()
    end = time.monotonic() + hold
    check = current_app.config["LIVE_CHECK"]
    me = object()
    try:
        while True:
            with waiting.condition:
                generation = waiting.generation
            now = shared(session_id)
            left = end - time.monotonic()
            if now is None or now.version != after or left <= 0:
                return now
            db.session.rollback()  # no transaction nor connection held while waiting
            with waiting.condition:
                if waiting.generation != generation:
                    continue
                watcher = waiting.watchers.setdefault(session_id, me)
                waiting.condition.wait(min(left, check) if watcher is me else left)
    finally:
        with waiting.condition:
            if waiting.watchers.get(session_id) is me:
                del waiting.watchers[session_id]
                waiting.generation += 1  # the others: one of them watches now
                waiting.condition.notify_all()


def participant_id(session_id: int, user_id: int | None, guest_key: str | None = None,
                   account_made: dt.datetime | None = None) -> int | None:
    """The place of the user (or of the guest, by their key) in the session, kept once
    found; None if they have not joined. `account_made`: the user's account's creation,
    kept with its id — SQLite gives the id of the newest account deleted to the next one,
    and another process's cache of the deleted account's place must not serve it."""
    places = cache("live_participants")
    key = (session_id, user_id, guest_key, account_made)
    found: int | None = places.get(key)
    if found is None:
        person = live.participant(session_id, user_id, guest_key)
        if person is None:
            return None
        found = person.id
        places.put(key, found)
    return found


def phone_state(session_id: int, participant: int, after: int | None) -> dict[str, Any] | None:
    """What a phone polls, as JSON: the numbers, the question as ``Shared.shown``, the phone's
    own answer to it (``right`` only once revealed) and its place (once a question was
    revealed). With `after`, held until the version is another one (LIVE_HOLD seconds at
    most)."""
    hold = current_app.config["LIVE_HOLD"]
    if after is not None and hold > 0:
        now = wait(session_id, after, hold)
    else:
        db.session.rollback()  # read what is committed now
        now = shared(session_id)
    if now is None:
        return None
    data: dict[str, Any] = now.state().as_json()
    data["shown"] = now.shown
    data["mine"] = None
    mine = now.answers.get(participant) if now.shown is not None else None
    if mine is not None:
        data["mine"] = ({"choice": mine[0], "right": mine[1]} if now.phase == "revealed"
                        else {"choice": mine[0]})
    place = now.places.get(participant)
    data["place"] = (None if place is None else
                     {"position": place[0], "points": place[1], "of": len(now.places)})
    return data


def _read(session_id: int, kept: Shared | None) -> Shared | None:
    db.session.rollback()  # a new read transaction: what is committed now
    session = db.session.get(LiveSession, session_id, populate_existing=True)
    if session is None:
        return None
    state = live.state(session)
    question = live.current_question(session)
    if kept is not None and kept.version == session.version:
        shown, places = kept.shown, kept.places
    else:
        shown = _shown(session)
        places = ({s.participant_id: (s.position, s.score) for s in live.standings(session)}
                  if session.phase in ("revealed", "ended") else {})
    answers = {} if question is None else {
        participant: (choice, bool(right)) for participant, choice, right in db.session.execute(
            sa.select(LiveAnswer.participant_id, LiveAnswer.choice_id, LiveAnswer.is_correct)
            .where(LiveAnswer.session_id == session.id, LiveAnswer.question_id == question.id))}
    return Shared(session.id, session.version, session.phase, session.question,
                  state.questions, session.paused, session.deadline, session.remaining_ms,
                  state.joined, state.answered, question.id if question else None, shown,
                  places, answers, time.monotonic())


def _shown(session: LiveSession) -> Mapping[str, Any] | None:
    """The question on screen as a phone shows it: its prompt and choices (never which one is
    right) while open; also the right choice, the explanation and the passage in its
    paragraph (before, passage, after) once revealed. Texts as the pages write them (French
    typography); the phone's script writes them as text, never as markup."""
    question = live.current_question(session)
    if question is None:
        return None
    content = live.content(session)
    language = content.language

    def text(value: str) -> str:
        return typography(value, language)

    shown: dict[str, Any] = {
        "id": question.id, "language": language, "prompt": text(question.prompt),
        "choices": [{"id": c.id, "text": text(c.text)} for c in question.choices]}
    if session.phase == "revealed":
        block = content.article[question.passage_block]["text"]
        start, end = question.passage_start, question.passage_end
        shown.update(right_choice=question.correct_choice_id,
                     explanation=text(question.explanation),
                     passage=[text(block[:start]), text(block[start:end]), text(block[end:])])
    return shown
