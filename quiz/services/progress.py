"""A student's scores: history and best score per quiz."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    EVERYONE,
    Assignment,
    Attempt,
    Classroom,
    CountedResult,
    Membership,
    Quiz,
    QuizRevision,
)
from .analytics import AttemptLine
from .catalogue import CatalogueEntry, ListPage, existing_page
from .review import is_shown
from .visibility import opening_times, seen_by


@dataclass(frozen=True)
class QuizSummary:
    """A quiz as the student's lists show it, with the student's own results on it."""

    id: int
    slug: str
    title: str
    language: str
    published_on: str
    questions: int
    best: Attempt | None
    in_progress: bool
    # Assigned to the student's class, opening later, not shared with everyone: when it opens
    # (the lists show that and nothing more). None: the student may start it now.
    opens_at: dt.datetime | None = None


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


def _newest_first(query: sa.Select[Attempt]) -> sa.Select[Attempt]:
    return _with_titles(query.order_by(
        sa.func.coalesce(Attempt.submitted_at, Attempt.started_at).desc(), Attempt.id.desc()))


def _with_titles(query: sa.Select[Attempt]) -> sa.Select[Attempt]:
    # The title and language of the revision, not its article and source text.
    return query.options(sa.orm.joinedload(Attempt.revision).load_only(
                             QuizRevision.title, QuizRevision.language,
                             QuizRevision.published_on),
                         sa.orm.joinedload(Attempt.quiz))


def attempts_at(user_id: int, quiz_ids: Iterable[int]) -> list[Attempt]:
    """The user's attempts at these quizzes, newest first, with the revision taken."""
    ids = sorted(set(quiz_ids))
    if not ids:
        return []
    return list(db.session.scalars(_newest_first(
        sa.select(Attempt).where(Attempt.user_id == user_id, Attempt.quiz_id.in_(ids)))))


def unfinished_attempts(user_id: int) -> list[Attempt]:
    """Attempts in progress on quizzes the student can no longer start (unpublished since, or
    no longer shown to them): still theirs to finish."""
    return list(db.session.scalars(_newest_first(
        sa.select(Attempt).join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.user_id == user_id, Attempt.status == "in_progress",
               sa.or_(Quiz.status != "published", ~seen_by(user_id))))))


def recent_attempts(user_id: int, limit: int) -> list[Attempt]:
    """The user's last `limit` submitted attempts, newest first."""
    # Ordered by the submission time itself (submitted attempts have one), not the
    # coalesce of _newest_first: the index (user_id, submitted_at) then hands over the
    # newest rows without sorting the user's 1,000 attempts.
    return list(db.session.scalars(_with_titles(
        sa.select(Attempt).where(Attempt.user_id == user_id, Attempt.status == "submitted")
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc())
        .limit(limit))))


def recent_scores(attempts: list[Attempt], limit: int = 20) -> list[AttemptLine]:
    """The last `limit` submitted attempts of `attempts` (newest first), oldest first: a
    chart's dots. Not tied to an assignment here, so none is late."""
    submitted = [a for a in attempts if a.is_submitted and a.total][:limit][::-1]
    return [AttemptLine(a.id, a.revision.title, a.revision.language, a.submitted_at, a.score,
                        a.total, int((a.submitted_at - a.started_at).total_seconds()), False)
            for a in submitted if a.submitted_at is not None and a.score is not None]


def quiz_summaries(user_id: int, entries: Sequence[CatalogueEntry]) -> list[QuizSummary]:
    """The listed quizzes with the user's best score, attempt in progress and attempts made
    on each: queries for these quizzes only, however many the user took."""
    ids = [entry.id for entry in entries]
    attempts = attempts_at(user_id, ids)
    best = best_attempts(attempts)
    open_quizzes = {a.quiz_id for a in attempts if not a.is_submitted}
    # Only a quiz for the classes can wait for its opening: none listed, no query.
    opening = opening_times(user_id, [e.id for e in entries if e.visibility != EVERYONE])
    return [QuizSummary(e.id, e.slug, e.title, e.language, e.published_on,
                        e.questions, best.get(e.id), e.id in open_quizzes,
                        opening.get(e.id))
            for e in entries]


@dataclass(frozen=True)
class QuizHistory:
    """One quiz of the student's history: every attempt at it (newest first) and the best."""

    quiz: Quiz
    attempts: list[Attempt]
    best: Attempt | None

    @property
    def revision(self) -> QuizRevision:
        """The revision of the newest attempt: the title the student last saw."""
        return self.attempts[0].revision


def history_page(user_id: int, page: int, per_page: int = 20) -> ListPage[QuizHistory]:
    """The quizzes the user took, the most recently taken first, `per_page` at a time."""
    last = sa.func.max(sa.func.coalesce(Attempt.submitted_at, Attempt.started_at))
    taken = (sa.select(Attempt.quiz_id).where(Attempt.user_id == user_id)
             .group_by(Attempt.quiz_id))
    total = db.session.scalar(sa.select(sa.func.count()).select_from(taken.subquery())) or 0
    page = existing_page(page, total, per_page)
    quiz_ids = list(db.session.scalars(
        taken.order_by(last.desc(), Attempt.quiz_id.desc())
        .limit(per_page).offset((page - 1) * per_page)))
    attempts = attempts_at(user_id, quiz_ids)
    best = best_attempts(attempts)
    by_quiz: dict[int, list[Attempt]] = {quiz_id: [] for quiz_id in quiz_ids}
    for attempt in attempts:
        by_quiz[attempt.quiz_id].append(attempt)
    return ListPage([QuizHistory(found[0].quiz, found, best.get(quiz_id))
                     for quiz_id, found in by_quiz.items() if found], page, per_page, total)


def attempt_duration(attempt: Attempt) -> dt.timedelta | None:
    if attempt.submitted_at is None:
        return None
    return attempt.submitted_at - attempt.started_at


# ---------------------------------------------------------------------------------------------
# What the results page says about a score

# The results page's message by share of right answers: (lowest percent, band), best first.
SCORE_BANDS = ((100, "perfect"), (80, "great"), (50, "good"), (0, "start"))
CLASS_AVERAGE_MIN = 3  # classmates' results before an average is shown (fewer would tell one)


def score_percent(score: int, total: int) -> int:
    return round(100 * score / total) if total else 0


def score_band(percent: int) -> str:
    """perfect (100 %), great (80 % and more), good (50 %), start: the message the results
    page shows with the percentage."""
    return next(band for lowest, band in SCORE_BANDS if percent >= lowest)


def previous_attempt(attempt: Attempt) -> Attempt | None:
    """The student's submitted attempt at the same quiz just before `attempt`."""
    if attempt.submitted_at is None:
        return None
    return db.session.scalars(
        sa.select(Attempt)
        .where(Attempt.user_id == attempt.user_id, Attempt.quiz_id == attempt.quiz_id,
               Attempt.status == "submitted", Attempt.id != attempt.id,
               Attempt.submitted_at <= attempt.submitted_at)
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc()).limit(1)).first()


@dataclass(frozen=True)
class ClassAverage:
    class_name: str
    percent: int
    students: int  # whose counted attempt makes the average


def class_averages(user_id: int, quiz_id: int, now: dt.datetime) -> list[ClassAverage]:
    """For each of the student's classes given this quiz whose scores the class sees by now
    (the assignment's review options, as on its board): the average share of right answers of
    the counted attempts, when at least CLASS_AVERAGE_MIN students have one."""
    rows = db.session.execute(
        sa.select(Classroom.name, Assignment.review_score, Assignment.due_at,
                  sa.func.count(CountedResult.user_id),
                  sa.func.sum(CountedResult.score), sa.func.sum(CountedResult.total))
        .join(Assignment, Assignment.classroom_id == Classroom.id)
        .join(Membership, (Membership.classroom_id == Classroom.id)
              & (Membership.user_id == user_id))
        .join(CountedResult, CountedResult.assignment_id == Assignment.id)
        .where(Assignment.quiz_id == quiz_id)
        .group_by(Assignment.id, Classroom.name, Assignment.review_score, Assignment.due_at)
        .order_by(Classroom.name))
    return [ClassAverage(name, score_percent(int(score), int(total)), int(students))
            for name, review_score, due_at, students, score, total in rows
            if students >= CLASS_AVERAGE_MIN and total and is_shown(review_score, due_at, now)]


def week_streak(moments: Iterable[dt.datetime], today: dt.date, zone: dt.tzinfo) -> int:
    """How many weeks in a row (Monday to Sunday, in the school's time zone `zone`) have at
    least one of `moments` (submissions, naive UTC or aware, **newest first**), counting back
    from this week — or from last week while this one has none yet: the streak is kept until
    a whole week goes by. Reads `moments` only as far as the first week without any.

    `zone` as zoneinfo gives it (a datetime made with ``tzinfo=zone`` is right; pytz's are
    not). Each moment is compared with the instants the weeks begin (one time-zone
    conversion per week, not per moment: a student of three years has a thousand)."""
    def start(monday: dt.date) -> dt.datetime:
        return dt.datetime.combine(monday, dt.time(), tzinfo=zone).astimezone(dt.UTC)

    week = dt.timedelta(weeks=1)
    this_week = _monday(today)
    wanted = this_week  # the week that continues the streak
    counted_from = start(this_week + week)  # moments from here on are in a week counted
    wanted_from = start(wanted)
    streak = 0
    for moment in moments:
        if moment.tzinfo is None:  # a UTC moment as the database hands it back
            moment = moment.replace(tzinfo=dt.UTC)
        if moment >= counted_from:  # another submission in a week already counted
            continue
        if moment < wanted_from:
            if streak or moment < start(this_week - week):
                break  # a week without any: the streak ends here
            wanted = this_week - week  # none yet this week: the streak holds from last week
        streak += 1
        counted_from = start(wanted)
        wanted -= week
        wanted_from = start(wanted)
    return streak


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def student_week_streak(user_id: int, today: dt.date, zone: dt.tzinfo) -> int:
    """week_streak of the user's submissions, newest first."""
    # Read as a plain DateTime: UTCDateTime's conversion of each row cost more than the walk
    # itself (a student of three years in a row: 1,342 submissions, 10 ms → 4.5 on SQLite).
    # SQLite gives naive UTC; PostgreSQL an aware moment, maybe in another zone: both right.
    # All in one read, not streamed: streaming (yield_per) is a server-side cursor on
    # PostgreSQL, a round trip per hundred rows (16 for that student, 8.3 ms against 5.5),
    # and a student of three years has read all of them in 2-5 ms on either database.
    moments = db.session.scalars(
        sa.select(sa.type_coerce(Attempt.submitted_at, sa.DateTime()))
        .where(Attempt.user_id == user_id, Attempt.status == "submitted")
        .order_by(Attempt.submitted_at.desc())).all()
    return week_streak((moment for moment in moments if moment is not None), today, zone)
