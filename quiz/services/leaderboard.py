"""Class leaderboards, computed by SQL over the per-attempt score column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..models import Assignment, Attempt, Classroom, Membership, User

# Which attempt of a student counts for an assignment, as an ORDER BY: the first row counts.
_COUNTING_ORDER = {
    "best": (Attempt.score.desc(), Attempt.submitted_at, Attempt.id),
    "first": (Attempt.submitted_at, Attempt.id),
    "latest": (Attempt.submitted_at.desc(), Attempt.id.desc()),
}


@dataclass(frozen=True)
class Standing:
    position: int
    user_id: int
    display_name: str
    score: int
    out_of: int
    completed_at: dt.datetime | None
    hidden: bool


def counted_attempts(assignment: Assignment) -> sa.Select:
    """One row per member of the class who has one: the attempt that counts for `assignment`.

    Only attempts submitted between the opening and the due date count (late ones are kept
    but never counted); among those, ``assignment.counting`` picks the best (highest score,
    then earliest), the first or the latest. Each member's attempt is found by one lookup in
    an index of (quiz, user, score, time), not by reading all of the quiz's attempts.
    """
    member = sa.orm.aliased(Membership)
    conditions = [Attempt.quiz_id == assignment.quiz_id, Attempt.user_id == member.user_id,
                  Attempt.status == "submitted"]
    if assignment.opens_at is not None:
        conditions.append(Attempt.submitted_at >= assignment.opens_at)
    if assignment.due_at is not None:
        conditions.append(Attempt.submitted_at <= assignment.due_at)
    chosen = (sa.select(Attempt.id).where(*conditions)
              .order_by(*_COUNTING_ORDER[assignment.counting]).limit(1)
              .correlate(member).scalar_subquery())
    return (
        sa.select(Attempt.id.label("attempt_id"), Attempt.user_id, Attempt.score,
                  Attempt.total, Attempt.submitted_at)
        .select_from(member)
        .join(Attempt, Attempt.id == chosen)
        .where(member.classroom_id == assignment.classroom_id)
    )


def rank_standings(rows: list[tuple[int, str, int, int, dt.datetime | None, bool]]
                   ) -> list[Standing]:
    """Number the rows in leaderboard order.

    The rule: a higher score first; at equal scores, whoever completed earlier (the moment
    their last counted attempt was submitted; nothing submitted comes last); at equal times,
    the smaller user id. The last key is there because databases keep times at different
    precisions: two times equal on one database may differ on another, and the board must not
    flicker between two orders. Every student gets a position of their own.
    """
    far_future = dt.datetime.max.replace(tzinfo=dt.UTC)
    ordered = sorted(rows, key=lambda r: (-r[2], r[4] or far_future, r[0]))
    return [Standing(n, *row) for n, row in enumerate(ordered, start=1)]


def class_leaderboard(classroom: Classroom, assignment: Assignment | None = None, *,
                      include_hidden: bool = False) -> list[Standing]:
    """The class's board for one assignment, or overall (every assignment's counted scores
    added up) when `assignment` is None. Hidden students are left out unless
    `include_hidden` (the teacher's view, which marks them)."""
    assignments = [assignment] if assignment is not None else list(db.session.scalars(
        sa.select(Assignment).where(Assignment.classroom_id == classroom.id)))
    members = sa.select(Membership.user_id, Membership.hidden_from_board).where(
        Membership.classroom_id == classroom.id)
    if not include_hidden:
        members = members.where(Membership.hidden_from_board.is_(False))
    members_sq = members.subquery()
    if assignments:
        counted = sa.union_all(*(counted_attempts(a) for a in assignments)).subquery()
        totals = (
            sa.select(counted.c.user_id,
                      sa.func.sum(counted.c.score).label("score"),
                      sa.func.sum(counted.c.total).label("out_of"),
                      sa.func.max(counted.c.submitted_at).label("completed_at"))
            .group_by(counted.c.user_id)
            .subquery()
        )
        query = (
            sa.select(User.id, User.display_name, sa.func.coalesce(totals.c.score, 0),
                      sa.func.coalesce(totals.c.out_of, 0), totals.c.completed_at,
                      members_sq.c.hidden_from_board)
            .join(members_sq, members_sq.c.user_id == User.id)
            .outerjoin(totals, totals.c.user_id == User.id)
        )
    else:
        query = (sa.select(User.id, User.display_name, sa.literal(0), sa.literal(0),
                           sa.null(), members_sq.c.hidden_from_board)
                 .join(members_sq, members_sq.c.user_id == User.id))
    rows = [(uid, name, int(score), int(out_of), _aware(completed), bool(hidden))
            for uid, name, score, out_of, completed, hidden in db.session.execute(query)]
    return rank_standings(rows)


def _aware(value: dt.datetime | str | None) -> dt.datetime | None:
    """MAX() over a timestamp comes back as text on SQLite and naive on some drivers."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
