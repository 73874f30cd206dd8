"""A test fails when the app's code writes outside quiz.database.write_transaction().

Installed on every test's app (tests/conftest.py): each INSERT, UPDATE or DELETE that the app's
session sends is checked. If the session is not inside a write transaction and the nearest
caller that is ours is a module of quiz/ (not a test setting up its data), the statement and
that caller are recorded, and the test fails at teardown. On SQLite such a write would take
the write lock in the middle of a read transaction, and fail with "database is locked" only
when another request writes at the same moment: this makes it fail every time instead.
"""

from __future__ import annotations

import sys
import weakref
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask_sqlalchemy.session import Session as AppSession

from quiz.database import WRITING

QUIZ = str(Path(__file__).resolve().parents[1] / "quiz") + "/"
TESTS = str(Path(__file__).resolve().parent) + "/"
WRITES = ("INSERT", "UPDATE", "DELETE")


class WriteGuard:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.outside: list[str] = []
        self._sessions: weakref.WeakKeyDictionary[sa.Connection, AppSession] = (
            weakref.WeakKeyDictionary())

    def install(self) -> None:
        sa.event.listen(AppSession, "after_begin", self._after_begin)
        sa.event.listen(self.engine, "before_cursor_execute", self._before_execute)

    def remove(self) -> None:
        sa.event.remove(AppSession, "after_begin", self._after_begin)
        sa.event.remove(self.engine, "before_cursor_execute", self._before_execute)

    def _after_begin(self, session: AppSession, _transaction: Any,
                     connection: sa.Connection) -> None:
        self._sessions[connection] = session

    def _before_execute(self, connection: sa.Connection, _cursor: Any, statement: str,
                        *_args: Any) -> None:
        session = self._sessions.get(connection)
        if session is None or session.info.get(WRITING):
            return
        if statement.lstrip().split(None, 1)[0].upper() not in WRITES:
            return
        caller = _our_nearest_caller()
        if caller is not None and caller.startswith(QUIZ):
            self.outside.append(f"{caller[len(QUIZ) - 5:]}: {' '.join(statement.split())[:100]}")


def _our_nearest_caller() -> str | None:
    """'path:line' of the innermost frame in quiz/ or tests/ (None: neither is on the stack)."""
    frame = sys._getframe(2)
    while frame is not None:
        path = frame.f_code.co_filename
        if path.startswith((QUIZ, TESTS)) and not path.endswith("write_guard.py"):
            return f"{path}:{frame.f_lineno}"
        frame = frame.f_back
    return None
