"""The one way to write (quiz.database.write_transaction) and the guard that enforces it."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import User
from tests.write_guard import QUIZ, WriteGuard


def usernames() -> list[str]:
    """The usernames as stored (a new transaction: what another request would see)."""
    db.session.rollback()
    return list(db.session.scalars(sa.select(User.username).order_by(User.username)))


def add_user(username: str) -> None:
    db.session.add(User(username=username, display_name=username.title(), password_hash="x"))


def test_what_the_block_writes_is_committed_when_it_ends(app: Flask) -> None:
    with app.app_context():
        with write_transaction():
            add_user("lea")
            add_user("tom")
        assert usernames() == ["lea", "tom"]


def test_nothing_is_stored_when_the_block_raises(app: Flask) -> None:
    with app.app_context():
        with write_transaction():
            add_user("lea")
        with pytest.raises(ZeroDivisionError), write_transaction():
            add_user("tom")
            db.session.flush()  # sent to the database, then rolled back
            1 / 0  # noqa: B018
        assert usernames() == ["lea"]


def test_an_error_of_the_commit_comes_out_rolled_back(app: Flask) -> None:
    with app.app_context():
        with write_transaction():
            add_user("lea")
        with pytest.raises(sa.exc.IntegrityError), write_transaction():
            add_user("tom")
            add_user("lea")  # taken: the commit fails, and Tom is not stored either
        assert usernames() == ["lea"]
        with write_transaction():  # the session goes on
            add_user("tom")
        assert usernames() == ["lea", "tom"]


def test_a_block_inside_another_is_part_of_it(app: Flask) -> None:
    with app.app_context():
        with pytest.raises(ZeroDivisionError), write_transaction():
            with write_transaction():
                add_user("lea")
            add_user("tom")
            1 / 0  # noqa: B018
        assert usernames() == []  # the inner block did not commit on its own


def test_what_the_block_reads_is_current(app: Flask) -> None:
    with app.app_context():
        with write_transaction():
            add_user("lea")
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1  # a read under way
        with app.app_context():  # another request adds one meanwhile
            with write_transaction():
                add_user("tom")
        with write_transaction():
            assert db.session.scalar(sa.select(sa.func.count(User.id))) == 2


def run_as_app_code(source: str, namespace: dict[str, object]) -> None:
    """Run `source` as if it were a module of quiz/ (the guard judges by the caller's file)."""
    exec(compile(source, str(Path(QUIZ) / "pretend_module.py"), "exec"), namespace)  # noqa: S102


def test_the_guard_reports_an_app_write_outside_a_write_transaction(app: Flask) -> None:
    guard: WriteGuard = app.extensions["write_guard"]  # the one every test's app has
    with app.app_context():
        namespace = {"db": db, "add_user": add_user, "write_transaction": write_transaction}
        run_as_app_code("add_user('lea')\ndb.session.commit()", namespace)
        assert len(guard.outside) == 1
        assert guard.outside[0].replace('"', "").startswith(  # PostgreSQL quotes "user"
            "quiz/pretend_module.py:2: INSERT INTO user")
        run_as_app_code("with write_transaction():\n    add_user('tom')", namespace)
        add_user("zoe")  # a test's own set-up: not the app's
        db.session.commit()
        assert len(guard.outside) == 1
        assert usernames() == ["lea", "tom", "zoe"]
    guard.outside.clear()  # seen: the test's teardown would fail on it otherwise
