"""Which students see a quiz, and when they may start it (issue 20).

The one rule, for students (teachers manage the whole bank and see every published quiz):

- a published quiz shared with *everyone* (``Quiz.visibility == "everyone"``) is seen and can
  be started by every student of the server;
- a published quiz for *the classes it is assigned to* (``"classes"``) is seen by the students
  of those classes only; they may start it once one of their assignments of it is open (no
  opening date, or the date has passed). Before that, its page and lists say when it opens,
  and nothing more;
- anyone else gets a 404 for it, as for a quiz that does not exist (no hint that it does).

An attempt already made stays the student's to read and finish, whatever becomes of the quiz.
The lists ask this in SQL (``seen_by``), for a whole page at once (``opening_times``), so a
page of 20 quizzes costs the same few queries as a page of one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..models import EVERYONE, Assignment, Membership, Quiz, User, utcnow
from .classes import assigned_quiz_ids


def seen_by(user_id: int) -> sa.ColumnElement[bool]:
    """A condition on ``Quiz``: shared with everyone, or assigned to one of the student's
    classes (opened or not), or any quiz for a teacher. Published or not: the caller keeps
    the statuses it lists."""
    return sa.or_(Quiz.visibility == EVERYONE, Quiz.id.in_(assigned_quiz_ids(user_id)),
                  sa.exists().where(User.id == user_id, User.role == "teacher"))


def seen_quizzes(user_id: int, quizzes: Iterable[Quiz]) -> set[int]:
    """The ids of those of `quizzes` that are published and seen by the user (a list's links
    to quiz pages): a query only when some are for the classes."""
    published = [quiz for quiz in quizzes if quiz.is_published]
    seen = {quiz.id for quiz in published if quiz.visibility == EVERYONE}
    ids = sorted({quiz.id for quiz in published} - seen)
    if ids:
        seen.update(db.session.scalars(sa.select(Quiz.id).where(Quiz.id.in_(ids),
                                                                seen_by(user_id))))
    return seen


def opening_times(user_id: int, quiz_ids: Iterable[int],
                  now: dt.datetime | None = None) -> dict[int, dt.datetime]:
    """Quiz id → when it opens, for those of `quiz_ids` the student may not start yet: not
    shared with everyone, and every assignment of it to the student's classes opens later
    (the earliest of their opening dates). One query for any number of quizzes."""
    ids = sorted(set(quiz_ids))
    if not ids:
        return {}
    now = now or utcnow()
    is_open = sa.or_(Assignment.opens_at.is_(None), Assignment.opens_at <= now)
    query = (sa.select(Assignment.quiz_id, sa.func.min(Assignment.opens_at))
             .join(Membership, Membership.classroom_id == Assignment.classroom_id)
             .join(Quiz, Quiz.id == Assignment.quiz_id)
             .where(Membership.user_id == user_id, Assignment.quiz_id.in_(ids),
                    Quiz.visibility != EVERYONE)
             .group_by(Assignment.quiz_id)
             .having(sa.func.sum(sa.case((is_open, 1), else_=0)) == 0))
    # Every assignment counted here opens later, so the earliest date is never NULL.
    return {quiz_id: opens_at for quiz_id, opens_at in db.session.execute(query)
            if opens_at is not None}


@dataclass(frozen=True)
class Access:
    """What a user may do with a published quiz: see it (its page), and from when start it
    (``opens_at`` None: now)."""

    seen: bool
    opens_at: dt.datetime | None = None

    @property
    def can_start(self) -> bool:
        return self.seen and self.opens_at is None


def access(user: User, quiz: Quiz, now: dt.datetime | None = None) -> Access:
    """`user`'s access to `quiz` by the rule above (an unpublished quiz is seen by no one)."""
    if not quiz.is_published:
        return Access(False)
    if user.is_teacher or quiz.visibility == EVERYONE:
        return Access(True)
    assigned = db.session.scalar(
        sa.select(sa.func.count(Assignment.id))
        .join(Membership, Membership.classroom_id == Assignment.classroom_id)
        .where(Membership.user_id == user.id, Assignment.quiz_id == quiz.id))
    if not assigned:
        return Access(False)
    return Access(True, opening_times(user.id, [quiz.id], now).get(quiz.id))

