"""The counting rule as it was computed before the boards kept their counted results
(quiz/services/leaderboard.py until December 2026): a lookup per member in the attempts, one
query per assignment. It stays here as the oracle that ``recount`` is checked against."""

from __future__ import annotations

import sqlalchemy as sa

from quiz.extensions import db
from quiz.models import Assignment, Attempt, ClassStay, Membership

_ORDER = {
    "best": (Attempt.score.desc(), Attempt.submitted_at, Attempt.id),
    "first": (Attempt.submitted_at, Attempt.id),
    "latest": (Attempt.submitted_at.desc(), Attempt.id.desc()),
}


def counted_attempts(assignment: Assignment) -> dict[int, int]:
    """Member's user id → the id of the attempt that counts for `assignment`."""
    conditions = [Attempt.quiz_id == assignment.quiz_id, Attempt.user_id == Membership.user_id,
                  Attempt.status == "submitted"]
    # From the assignment's opening, or the moment it was given (December 2026).
    conditions.append(Attempt.submitted_at >= assignment.counts_from)
    if assignment.due_at is not None:
        conditions.append(Attempt.submitted_at <= assignment.due_at)
    # Handed in while in the class: since joining it, or in an earlier stay (December 2026).
    in_a_stay = sa.select(ClassStay.id).where(
        ClassStay.classroom_id == assignment.classroom_id,
        ClassStay.user_id == Membership.user_id, ClassStay.joined_at <= Attempt.submitted_at,
        ClassStay.left_at >= Attempt.submitted_at).exists()
    conditions.append((Membership.joined_at <= Attempt.submitted_at) | in_a_stay)
    chosen = (sa.select(Attempt.id).where(*conditions).order_by(*_ORDER[assignment.counting])
              .limit(1).correlate(Membership).scalar_subquery())
    rows = db.session.execute(
        sa.select(Membership.user_id, Attempt.id).join(Attempt, Attempt.id == chosen)
        .where(Membership.classroom_id == assignment.classroom_id))
    return {user_id: attempt_id for user_id, attempt_id in rows}
