"""Database engine behaviour: SQLite pragmas, and the one way to write, :func:`write_transaction`.

Every use case that writes does it inside ``with write_transaction():``, which begins the
transaction, commits it when the block ends and rolls it back if the block raises; the tests
fail when a statement of the app's session writes outside one (tests/write_guard.py).

Why one entry: SQLite in WAL mode lets readers and one writer work at once. A transaction that
starts as a read (SQLite's default, "deferred") and then writes fails at once with "database is
locked" when another connection wrote in between: SQLite cannot wait for a lock there without
risking a deadlock. So a write transaction starts with ``BEGIN IMMEDIATE``: it takes the write
lock up front and waits for it (up to the busy timeout) instead of failing. On PostgreSQL row
locks and constraints do that job, and the transaction begins as usual.

SQLite waits for a lock by sleeping and retrying (1, 2, 5, 10, … 100 ms): under a burst of
submissions a writer often sleeps long after the lock came free. So writers of one SQLite file
also queue on an operating-system lock beside it (``<database>-writers``, flock): the kernel
wakes the next writer the moment the previous one commits. The lock is released when the write
transaction ends, however it ends, and by the kernel when a process dies.
"""

from __future__ import annotations

import fcntl
import functools
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import make_transient_to_detached

from .extensions import Base, db

Model = TypeVar("Model", bound=Base)

SQLITE_BUSY_TIMEOUT_MS = 30_000
_IMMEDIATE = "news_quiz_begin_immediate"


@sa.event.listens_for(sa.engine.Engine, "connect")
def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    # Let SQLAlchemy's "begin" event below emit BEGIN, instead of the driver's own guesswork.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no commit's order
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


@sa.event.listens_for(sa.engine.Engine, "begin")
def _on_begin(connection: sa.engine.Connection) -> None:
    if connection.dialect.name == "sqlite":
        immediate = connection.get_execution_options().get(_IMMEDIATE, False)
        # Straight to the driver: BEGIN returns nothing, and every request starts one.
        connection.connection.driver_connection.execute(  # type: ignore[union-attr]
            "BEGIN IMMEDIATE" if immediate else "BEGIN")


# Set in the session's info while a write transaction is open.
WRITING = "news_quiz_writing"


@contextmanager
def write_transaction() -> Iterator[None]:
    """The session's writes in one transaction: begun here (BEGIN IMMEDIATE on SQLite, after
    the writers before it), committed when the block ends, rolled back if it raises.

    Enter it before the use case's first read: the read-only transaction under way (e.g. the
    one that loaded the logged-in user) ends first, so what the block reads is current. Inside
    another write transaction it joins that one (the outer block commits). An error of the
    commit itself (e.g. IntegrityError) comes out of the ``with`` statement, after the rollback.
    """
    session = db.session()
    if session.info.get(WRITING):
        yield
        return
    _begin_write()
    session.info[WRITING] = True
    try:
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info.pop(WRITING, None)


def _begin_write() -> None:
    if db.engine.dialect.name != "sqlite":
        return
    if db.session().in_transaction():
        db.session.commit()
    writers = _writers_lock(db.engine.url.database)
    if writers is not None:
        writers.acquire()
    try:
        db.session.connection(execution_options={_IMMEDIATE: True})
    except BaseException:
        if writers is not None:
            writers.release()
        raise


class _WritersLock:
    """One SQLite file's writers, in a queue: threads by a lock, processes by flock."""

    def __init__(self, path: str):
        self.path = path
        self.threads = threading.Lock()
        self.fd: int | None = None
        self.held = threading.local()

    def acquire(self) -> None:
        if getattr(self.held, "value", False):
            return
        if not self.threads.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000):
            return  # SQLite's own busy timeout still applies
        try:
            if self.fd is None:
                self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            self._flock_within(self.fd, SQLITE_BUSY_TIMEOUT_MS / 1000)
        except (OSError, TimeoutError):
            self.threads.release()  # a folder we cannot write to: SQLite alone
            return
        self.held.value = True
        _held.locks = [*getattr(_held, "locks", []), self]

    def _flock_within(self, fd: int, seconds: float) -> None:
        """flock the file, waiting at most `seconds` (a stuck writer elsewhere: SQLite decides)."""
        deadline = time.monotonic() + seconds
        pause = 0.0005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise TimeoutError(self.path) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.002)

    def release(self) -> None:
        if not getattr(self.held, "value", False):
            return
        self.held.value = False
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        self.threads.release()


_writers: dict[str, _WritersLock] = {}
_writers_guard = threading.Lock()
_held = threading.local()  # the locks this thread holds


def _writers_lock(database: str | None) -> _WritersLock | None:
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = os.path.abspath(database) + "-writers"
    with _writers_guard:
        if path not in _writers:
            _writers[path] = _WritersLock(path)
        return _writers[path]


def _release_held() -> None:
    for lock in getattr(_held, "locks", []):
        lock.release()
    _held.locks = []


@sa.event.listens_for(sa.orm.Session, "after_transaction_end")
def _on_transaction_end(_session: sa.orm.Session, transaction: sa.orm.SessionTransaction) -> None:
    # The outermost transaction ended (commit, rollback or close): so did the write.
    if transaction.parent is None:
        _release_held()


# -- the hot paths' loads by primary key -------------------------------------------------------

def get_by_id(model: type[Model], ident: int) -> Model | None:
    """``db.session.get(model, ident)`` for the lookups every request makes (the logged-in user,
    the attempt of the page): the row by a cached Core statement, made into an object of the
    session as if the ORM had loaded it (changes to it are saved, relationships load when
    used). Saves ~80 µs a load over session.get(), whose ORM machinery costs more than the
    query it runs (docs/performance.md)."""
    known = _in_session(model, ident)
    if known is not None:
        return known
    row = db.session.execute(_by_id(model), {"ident": ident}).first()
    return None if row is None else attach_loaded(model, dict(row._mapping))


def attach_loaded(model: type[Model], values: Mapping[str, Any]) -> Model:
    """An object of `model` from a row read with Core (every column, labelled by attribute
    name: see loaded_columns), put in the session as persistent: what the ORM would have
    returned — the session's own object if it has one for that row already."""
    mapper = sa.inspect(model)
    (key,) = mapper.primary_key
    known = _in_session(model, values[mapper.get_property_by_column(key).key])
    if known is not None:
        return known
    obj = model(**values)
    make_transient_to_detached(obj)
    db.session.add(obj)
    return obj


def _in_session(model: type[Model], ident: Any) -> Model | None:
    key = sa.inspect(model).identity_key_from_primary_key((ident,))
    return db.session.identity_map.get(key)  # type: ignore[return-value]


def loaded_columns(model: type[Base]) -> list[sa.Label[Any]]:
    """Every column of `model`, labelled by its attribute name, for attach_loaded(); table
    columns only, so that a statement of them takes Core's execution path, not the ORM's."""
    return [prop.columns[0].label(prop.key) for prop in sa.inspect(model).column_attrs]


@functools.cache
def _by_id(model: type[Base]) -> sa.Select[Any]:
    (key,) = sa.inspect(model).primary_key
    return sa.select(*loaded_columns(model)).where(key == sa.bindparam("ident"))
