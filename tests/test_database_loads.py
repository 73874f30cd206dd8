"""get_by_id: the hot paths' load by primary key behaves as session.get() does."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from quiz.database import get_by_id
from quiz.extensions import db
from quiz.models import Classroom, User


def test_the_object_is_the_row_and_its_changes_are_saved(app: Flask, users) -> None:
    user_id = users.make("lea", display_name="Léa M.")
    with app.app_context():
        user = get_by_id(User, user_id)
        assert (user.username, user.display_name, user.role) == ("lea", "Léa M.", "student")
        assert user.created_at.tzinfo is not None  # column types applied, as the ORM would
        assert get_by_id(User, user_id) is user  # one object per row in a session
        user.language = "fr"
        db.session.commit()  # an UPDATE, not an INSERT of a second user
        db.session.remove()
        assert db.session.scalar(sa.select(User.language).where(User.id == user_id)) == "fr"
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 1


def test_relationships_load_and_a_missing_row_is_none(app: Flask, users) -> None:
    teacher_id = users.make("mme", role="teacher")
    with app.app_context():
        db.session.add(Classroom(teacher_id=teacher_id, name="4e B", school_year="2026-2027",
                                 join_code="K7MPQ4"))
        db.session.commit()
        db.session.remove()
        room = db.session.scalar(sa.select(Classroom.id))
        assert get_by_id(Classroom, room).teacher.username == "mme"
        assert get_by_id(User, 10_000) is None


def test_the_sessions_own_object_is_returned_when_it_has_one(app: Flask, users) -> None:
    user_id = users.make("tom")
    with app.app_context():
        loaded = db.session.get(User, user_id)
        loaded.display_name = "Tom R."  # not flushed yet
        assert get_by_id(User, user_id) is loaded
