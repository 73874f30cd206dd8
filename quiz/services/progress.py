"""A student's scores: history and best score per quiz."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..models import Attempt, Question, Quiz, QuizRevision
from .analytics import AttemptLine


@dataclass(frozen=True)
class QuizSummary:
    slug: str
    title: str
    language: str
    published_on: str
    questions: int
    best: Attempt | None
    in_progress: bool


def best_attempts(attempts: list[Attempt]) -> dict[int, Attempt]:
    """The best submitted attempt per quiz id: highest share of right answers, then earliest."""
    best: dict[int, Attempt] = {}
    for attempt in attempts:
        if not attempt.is_submitted or not attempt.total:
            continue
        current = best.get(attempt.quiz_id)
        if current is None or _best_first(attempt) < _best_first(current):
            best[attempt.quiz_id] = attempt
    return best


def _best_first(attempt: Attempt) -> tuple[float, dt.datetime, int]:
    """Sort key of submitted attempts (which have a score and a time, by the table's "state"
    check): the highest share of right answers first, then the earliest."""
    return (-(attempt.score or 0) / attempt.total, attempt.submitted_at or attempt.started_at,
            attempt.id)


def user_attempts(user_id: int) -> list[Attempt]:
    """Every attempt of the user, newest first, with the revision it was taken on."""
    return list(db.session.scalars(
        sa.select(Attempt)
        .where(Attempt.user_id == user_id)
        .order_by(sa.func.coalesce(Attempt.submitted_at, Attempt.started_at).desc(),
                  Attempt.id.desc())
        # The title and language of the revision, not its article and source text.
        .options(sa.orm.joinedload(Attempt.revision).load_only(
                     QuizRevision.title, QuizRevision.language, QuizRevision.published_on),
                 sa.orm.joinedload(Attempt.quiz))
    ))


def recent_scores(attempts: list[Attempt], limit: int = 20) -> list[AttemptLine]:
    """The last `limit` submitted attempts of ``user_attempts``, oldest first (a chart's dots).

    Not tied to an assignment here, so none is late."""
    submitted = [a for a in attempts if a.is_submitted and a.total][:limit][::-1]
    return [AttemptLine(a.revision.title, a.revision.language, a.submitted_at, a.score,
                        a.total, int((a.submitted_at - a.started_at).total_seconds()), False)
            for a in submitted if a.submitted_at is not None and a.score is not None]


def published_quizzes(user_id: int, attempts: list[Attempt] | None = None) -> list[QuizSummary]:
    """The published quizzes, newest article first, with the user's best score on each.

    ``attempts``: the user's ``user_attempts``, when the caller has them already.
    """
    question_count = (
        sa.select(sa.func.count(Question.id))
        .where(Question.revision_id == QuizRevision.id)
        .correlate(QuizRevision)
        .scalar_subquery()
    )
    rows = db.session.execute(
        sa.select(Quiz.id, Quiz.slug, QuizRevision.title, QuizRevision.language,
                  QuizRevision.published_on, question_count)
        .join(QuizRevision, Quiz.current_revision_id == QuizRevision.id)
        .where(Quiz.status == "published")
        .order_by(QuizRevision.published_on.desc(), QuizRevision.title)
    ).all()
    attempts = user_attempts(user_id) if attempts is None else attempts
    best = best_attempts(attempts)
    open_quizzes = {a.quiz_id for a in attempts if not a.is_submitted}
    return [QuizSummary(slug, title, language, published_on, count, best.get(quiz_id),
                        quiz_id in open_quizzes)
            for quiz_id, slug, title, language, published_on, count in rows]


def attempt_duration(attempt: Attempt) -> dt.timedelta | None:
    if attempt.submitted_at is None:
        return None
    return attempt.submitted_at - attempt.started_at
