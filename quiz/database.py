"""Database engine behaviour: SQLite pragmas and write transactions that wait instead of failing.

SQLite in WAL mode lets readers and one writer work at once. A transaction that starts as a
read (SQLite's default, "deferred") and then writes fails at once with "database is locked" when
another connection wrote in between: SQLite cannot wait for a lock there without risking a
deadlock. Use cases that write therefore call :func:`begin_write` first, which starts their
transaction with ``BEGIN IMMEDIATE``: it takes the write lock up front and waits for it (up to
the busy timeout) instead of failing. On PostgreSQL it is a no-op: row locks and constraints do
that job there.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import sqlalchemy as sa

from .extensions import db

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
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def begin_write() -> None:
    """Start the session's next transaction as a write transaction (see the module's docstring).

    Ends the current read-only transaction if there is one (e.g. the one that loaded the
    logged-in user), so call it before the use case's first read.
    """
    if db.engine.dialect.name != "sqlite":
        return
    if db.session().in_transaction():
        db.session.commit()
    db.session.connection(execution_options={_IMMEDIATE: True})
