"""Class leaderboards, computed by SQL over the per-attempt score column."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..extensions import db
from ..models import Assignment, Attempt, Classroom, Membership, User, UTCDateTime

if TYPE_CHECKING:
    AnySelect = sa.Select[*tuple[Any, ...]]

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


# One alias for every query: building a new alias per call costs more than running the query
# (SQLAlchemy adapts every column anew for each alias object).
_member = sa.orm.aliased(Membership, name="member")


def counted_attempts(assignment: Assignment) -> AnySelect:
    """One row per member of the class who has one: the attempt that counts for `assignment`.

    Only attempts submitted between the opening and the due date count (late ones are kept
    but never counted); among those, ``assignment.counting`` picks the best (highest score,
    then earliest), the first or the latest. Each member's attempt is found by one lookup in
    an index of (quiz, user, score, time), not by reading all of the quiz's attempts.
    """
    return _counted(assignment.counting, assignment.opens_at is not None,
                    assignment.due_at is not None, "").params(_values(assignment, ""))


def _values(assignment: Assignment, suffix: str) -> dict[str, object]:
    return {f"classroom{suffix}": assignment.classroom_id, f"quiz{suffix}": assignment.quiz_id,
            f"opens{suffix}": assignment.opens_at, f"due{suffix}": assignment.due_at}


def _counted(counting: str, has_opening: bool, has_due_date: bool, suffix: str) -> AnySelect:
    """counted_attempts() with bound parameters named ``quiz<suffix>`` and so on."""
    member = _member
    conditions = [Attempt.quiz_id == sa.bindparam(f"quiz{suffix}"),
                  Attempt.user_id == member.user_id, Attempt.status == "submitted"]
    if has_opening:
        conditions.append(Attempt.submitted_at >= sa.bindparam(f"opens{suffix}",
                                                                type_=UTCDateTime))
    if has_due_date:
        conditions.append(Attempt.submitted_at <= sa.bindparam(f"due{suffix}",
                                                               type_=UTCDateTime))
    if db.engine.dialect.name == "postgresql":
        # LATERAL: PostgreSQL would hash the whole attempt table to join it on a subquery's
        # result (350 ms at 100,000 attempts); this looks each member's attempt up in the index.
        counted = (sa.select(Attempt.id.label("attempt_id"), Attempt.user_id, Attempt.score,
                             Attempt.total, Attempt.submitted_at)
                   .where(*conditions).order_by(*_COUNTING_ORDER[counting]).limit(1)
                   .lateral())
        return (
            sa.select(counted.c.attempt_id, counted.c.user_id, counted.c.score,
                      counted.c.total, counted.c.submitted_at)
            .select_from(member)
            .join(counted, sa.true())
            .where(member.classroom_id == sa.bindparam(f"classroom{suffix}"))
        )
    chosen = (sa.select(Attempt.id).where(*conditions)
              .order_by(*_COUNTING_ORDER[counting]).limit(1)
              .correlate(member).scalar_subquery())
    return (
        sa.select(Attempt.id.label("attempt_id"), Attempt.user_id, Attempt.score,
                  Attempt.total, Attempt.submitted_at)
        .select_from(member)
        .join(Attempt, Attempt.id == chosen)
        .where(member.classroom_id == sa.bindparam(f"classroom{suffix}"))
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
                      include_hidden: bool = False,
                      assignments: list[Assignment] | None = None) -> list[Standing]:
    """The class's board for one assignment, or overall (every assignment's counted scores
    added up) when `assignment` is None. Hidden students are left out unless
    `include_hidden` (the teacher's view, which marks them). `assignments`: the class's
    assignments when the caller has loaded them already."""
    if assignment is not None:
        assignments = [assignment]
    elif assignments is None:
        assignments = list(db.session.scalars(
            sa.select(Assignment).where(Assignment.classroom_id == classroom.id)))
    assignments = sorted(assignments, key=lambda a: a.id)
    shape = tuple((a.counting, a.opens_at is not None, a.due_at is not None)
                  for a in assignments)
    values: dict[str, object] = {"board_classroom": classroom.id}
    for n, a in enumerate(assignments):
        values.update(_values(a, f"_{n}"))
    # completed_at keeps the column's type through MAX(): read back timezone-aware (UTC).
    rows = [(uid, name, int(score), int(out_of), completed, bool(hidden))
            for uid, name, score, out_of, completed, hidden
            in db.session.execute(
                _board_statement(shape, include_hidden, db.engine.dialect.name), values)]
    return rank_standings(rows)


@functools.lru_cache(maxsize=256)
def _board_statement(shape: tuple[tuple[str, bool, bool], ...], include_hidden: bool,
                     _dialect: str) -> AnySelect:
    """The board's query for assignments of this shape (counting rule, opening, due date),
    built once: building it costs more than running it. Values are bound parameters."""
    members = sa.select(Membership.user_id, Membership.hidden_from_board).where(
        Membership.classroom_id == sa.bindparam("board_classroom"))
    if not include_hidden:
        members = members.where(Membership.hidden_from_board.is_(False))
    members_sq = members.subquery()
    if shape:
        counted = sa.union_all(*(_counted(*rule, f"_{n}")
                                 for n, rule in enumerate(shape))).subquery()
        totals = (
            sa.select(counted.c.user_id,
                      sa.func.sum(counted.c.score).label("score"),
                      sa.func.sum(counted.c.total).label("out_of"),
                      sa.func.max(counted.c.submitted_at).label("completed_at"))
            .group_by(counted.c.user_id)
            .subquery()
        )
        return (
            sa.select(User.id, User.display_name, sa.func.coalesce(totals.c.score, 0),
                      sa.func.coalesce(totals.c.out_of, 0), totals.c.completed_at,
                      members_sq.c.hidden_from_board)
            .join(members_sq, members_sq.c.user_id == User.id)
            .outerjoin(totals, totals.c.user_id == User.id)
        )
    return (sa.select(User.id, User.display_name, sa.literal(0), sa.literal(0),
                      sa.null(), members_sq.c.hidden_from_board)
            .join(members_sq, members_sq.c.user_id == User.id))
