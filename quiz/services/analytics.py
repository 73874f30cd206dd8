"""What a class got wrong: per question, per paragraph, per student. SQL aggregates only."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    Answer,
    Assignment,
    Attempt,
    Choice,
    Classroom,
    CountedResult,
    LiveParticipant,
    LiveSession,
    Membership,
    Question,
    Quiz,
    QuizRevision,
    SavedAnswer,
    User,
)
from .content import revision_content
from .leaderboard import made_in_class, name_order

SelectT = TypeVar("SelectT", bound=sa.Select)  # type: ignore[type-arg]


@dataclass(frozen=True)
class QuestionInsight:
    key: str
    position: int
    prompt: str
    passage: str
    block: int
    answers: int
    correct: int
    top_wrong: tuple[str, ...]  # the wrong answers chosen most, each as often (a tie: all)
    top_wrong_count: int

    @property
    def percent_correct(self) -> int:
        return round(100 * self.correct / self.answers) if self.answers else 0


@dataclass(frozen=True)
class ParagraphInsight:
    block: int
    questions: int
    answers: int
    missed: int

    @property
    def percent_missed(self) -> int:
        return round(100 * self.missed / self.answers) if self.answers else 0

    @property
    def heat(self) -> int:
        """0 (nobody missed) to 5 (everybody missed), for the article's shading."""
        return min(5, (self.percent_missed + 19) // 20) if self.answers else 0


def question_insights(assignment: Assignment) -> list[QuestionInsight]:
    """Per question of the quiz's current version: how the class's counted attempts answered.

    Questions are matched across versions by their stable id (key). Most-missed first.
    """
    counted = (sa.select(CountedResult.attempt_id)
               .where(CountedResult.assignment_id == assignment.id).subquery())
    # Grouped by question id first, then each id's key looked up: joining every answer to the
    # question table made PostgreSQL scan that whole table (bench/scale.py: 70 ms at L). One
    # pass over the answers gives both the totals and the wrong choices (a class of 900: 9,000
    # answers read once, not twice).
    grouped = db.session.execute(
        sa.select(Answer.question_id, Answer.choice_id, Answer.is_correct,
                  sa.func.count(Answer.id))
        .join(counted, counted.c.attempt_id == Answer.attempt_id)
        .group_by(Answer.question_id, Answer.choice_id, Answer.is_correct)
    ).all()
    per_question = [(question_id, n, n if is_correct else 0)
                    for question_id, _choice_id, is_correct, n in grouped]
    wrong_rows = [(question_id, choice_id, n)
                  for question_id, choice_id, is_correct, n in grouped if not is_correct]
    question_ids = {row[0] for row in per_question}
    choice_ids = {row[1] for row in wrong_rows}
    key_of = dict(db.session.execute(
        sa.select(Question.id, Question.key).where(Question.id.in_(question_ids))).all()
        if question_ids else [])
    text_of = dict(db.session.execute(
        sa.select(Choice.id, Choice.text).where(Choice.id.in_(choice_ids))).all()
        if choice_ids else [])
    totals: dict[str, tuple[int, int]] = {}
    for question_id, n, right in per_question:
        key = key_of[question_id]
        before = totals.get(key, (0, 0))
        totals[key] = (before[0] + int(n), before[1] + int(right or 0))
    wrong_counts: dict[tuple[str, str], int] = defaultdict(int)
    for question_id, choice_id, n in wrong_rows:
        wrong_counts[key_of[question_id], text_of[choice_id]] += int(n)
    top_wrong: dict[str, tuple[tuple[str, ...], int]] = {}
    for (key, text), count in sorted(wrong_counts.items(), key=lambda kv: (-kv[1], kv[0][1])):
        texts, most = top_wrong.get(key, ((), count))
        if count == most:
            top_wrong[key] = ((*texts, text), count)
    content = revision_content(db.session.get_one(Quiz, assignment.quiz_id).revision.id)
    insights = []
    for position, question in enumerate(content.all_questions, start=1):
        answers, correct = totals.get(question.key, (0, 0))
        block = content.article[question.passage_block]["text"]
        wrong, wrong_count = top_wrong.get(question.key, ((), 0))
        insights.append(QuestionInsight(
            question.key, position, question.prompt,
            block[question.passage_start:question.passage_end], question.passage_block,
            answers, correct, wrong, wrong_count))
    return sorted(insights, key=lambda i: (i.answers == 0, i.percent_correct, i.position))


@dataclass(frozen=True)
class MissedBy:
    """A student whose counted attempt answered a question wrong, and the answer chosen."""

    user_id: int
    display_name: str
    chosen: str


def missed_by(assignment: Assignment, key: str) -> list[MissedBy]:
    """The class's students whose counted attempt for the assignment (the insight page's)
    answered question `key` wrong, in whichever version they answered it, by name: whom to
    go over it with."""
    rows = db.session.execute(
        sa.select(CountedResult.user_id, User.display_name, Choice.text)
        .join(Answer, Answer.attempt_id == CountedResult.attempt_id)
        .join(Question, Question.id == Answer.question_id)
        .join(Choice, Choice.id == Answer.choice_id)
        .join(User, User.id == CountedResult.user_id)
        .where(CountedResult.assignment_id == assignment.id, Question.key == key,
               Answer.is_correct.is_(False))).all()
    return sorted((MissedBy(*row) for row in rows),
                  key=lambda m: (name_order(m.display_name), m.user_id))


def counted_attempt_ids(classroom: Classroom, user_id: int) -> set[int]:
    """The student's attempts that count for one of the class's assignments (its boards and
    gradebook): at most one per assignment."""
    return set(db.session.scalars(sa.select(CountedResult.attempt_id).where(
        CountedResult.classroom_id == classroom.id, CountedResult.user_id == user_id)))


def late_attempt_count(assignment: Assignment) -> int:
    """How many attempts the class's students handed in after the assignment's due date
    (made in the class): kept, not on this class's board — the insight page says it leaves
    them out."""
    if assignment.due_at is None:
        return 0
    return db.session.scalar(
        sa.select(sa.func.count(Attempt.id))
        .join(Membership, (Membership.user_id == Attempt.user_id)
              & (Membership.classroom_id == assignment.classroom_id))
        .where(Attempt.quiz_id == assignment.quiz_id, Attempt.status == "submitted",
               Attempt.submitted_at > assignment.due_at,
               made_in_class(assignment.classroom_id, Attempt.user_id,
                             membership_joined=True))) or 0


def paragraph_insights(insights: list[QuestionInsight]) -> dict[int, ParagraphInsight]:
    """Per article block: the share of answers to its questions that were wrong."""
    grouped: dict[int, list[QuestionInsight]] = defaultdict(list)
    for insight in insights:
        grouped[insight.block].append(insight)
    return {block: ParagraphInsight(block, len(items), sum(i.answers for i in items),
                                    sum(i.answers - i.correct for i in items))
            for block, items in grouped.items()}


@dataclass(frozen=True)
class AttemptLine:
    attempt_id: int
    quiz_title: str
    language: str
    submitted_at: dt.datetime
    score: int
    total: int
    seconds: int
    late: bool
    live: bool = False  # stored by a live quiz played with the class
    # Made before the assignment counted attempts (``Assignment.counts_from``): "opening"
    # before its opening date, "assignment" before it was given; "" when it is work for it.
    early: str = ""
    regraded: bool = False  # marked again by a teacher's regrade (quiz/services/regrade.py)


@dataclass(frozen=True)
class UnsubmittedAttempt:
    quiz_title: str
    language: str
    started_at: dt.datetime
    answered: int  # answers saved so far
    total: int
    due_at: dt.datetime | None


def unsubmitted_attempts(classroom: Classroom, user_id: int) -> list[UnsubmittedAttempt]:
    """The student's attempts at the class's assigned quizzes started in the class and not
    submitted, oldest first: saved answers are not handed in (nothing is graded, no board
    counts them), and a student who pressed "Save for later" may believe they were. The
    teacher sees how far they got, not what they chose."""
    answered = (sa.select(sa.func.count()).select_from(SavedAnswer)
                .where(SavedAnswer.attempt_id == Attempt.id).scalar_subquery())
    rows = db.session.execute(
        sa.select(QuizRevision.title, QuizRevision.language, Attempt.started_at, answered,
                  Attempt.total, Assignment.due_at)
        .join(Assignment, (Assignment.quiz_id == Attempt.quiz_id)
              & (Assignment.classroom_id == classroom.id))
        .join(QuizRevision, QuizRevision.id == Attempt.revision_id)
        .where(Attempt.user_id == user_id, Attempt.status == "in_progress",
               made_in_class(classroom.id, user_id))
        .order_by(Attempt.started_at, Attempt.id))
    return [UnsubmittedAttempt(*row) for row in rows]


def student_progress(classroom: Classroom, user_id: int, *, newest: int | None = None,
                     skip: int = 0) -> list[AttemptLine]:
    """The student's submitted attempts on the class's assigned quizzes and in its live
    quizzes (``_on_class_quizzes``), oldest first; with
    `newest`, only that many of the newest (after skipping the `skip` newest)."""
    query = (
        _on_class_quizzes(classroom, user_id, sa.select(
            Attempt.id, QuizRevision.title, QuizRevision.language, Attempt.submitted_at,
            Attempt.started_at, Attempt.score, Attempt.total, Assignment.due_at, Attempt.live,
            Assignment.opens_at, Assignment.counts_from, Attempt.regraded_at))
        .join(QuizRevision, QuizRevision.id == Attempt.revision_id)
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc())
        .limit(newest).offset(skip))
    rows = db.session.execute(query).all()[::-1]
    return [AttemptLine(attempt_id, title, language, submitted, score, total,
                        int((submitted - started).total_seconds()),
                        due is not None and submitted > due, live,
                        _early(submitted, opens, counts_from), regraded is not None)
            for (attempt_id, title, language, submitted, started, score, total, due, live,
                 opens, counts_from, regraded) in rows
            # Always true of a submitted attempt (the table's "state" check), said for mypy.
            if submitted is not None and score is not None]


def _early(submitted: dt.datetime, opens: dt.datetime | None,
           counts_from: dt.datetime | None) -> str:
    """AttemptLine.early of an attempt; an assignment's times are None for a live quiz of the
    class at a quiz not assigned to it."""
    if counts_from is None or submitted >= counts_from:
        return ""
    return "opening" if opens is not None else "assignment"


def student_attempt_count(classroom: Classroom, user_id: int) -> int:
    """How many attempts ``student_progress`` lists without a limit."""
    return db.session.scalar(
        _on_class_quizzes(classroom, user_id, sa.select(sa.func.count(Attempt.id)))) or 0


def class_attempt(classroom: Classroom, user_id: int,
                  attempt_id: int) -> tuple[Attempt, Assignment | None] | None:
    """One of the attempts ``student_progress`` lists, with its assignment (None for a live
    quiz of the class at a quiz not assigned to it); None for any other id."""
    row = db.session.execute(
        _on_class_quizzes(classroom, user_id, sa.select(Attempt, Assignment))
        .where(Attempt.id == attempt_id)).first()
    return None if row is None else (row[0], row[1])


def _on_class_quizzes(classroom: Classroom, user_id: int, query: SelectT) -> SelectT:
    """`query` (of Attempt, with its assignment if any) kept to the student's submitted
    attempts at the class's assigned quizzes made while they were in the class (or counted
    for it), and those a live quiz of the class stored (at a quiz it may not be assigned):
    what ``student_progress`` lists and ``student_attempt_count`` counts.

    While in the class: started in one of their stays (``leaderboard.made_in_class``). What
    they did before joining (for another class, on their own), between stays or after
    leaving is not the teacher's to see — unless a board of the class counts it."""
    live_here = (sa.select(LiveParticipant.attempt_id)
                 .join(LiveSession, LiveSession.id == LiveParticipant.session_id)
                 .where(LiveSession.classroom_id == classroom.id,
                        LiveParticipant.user_id == user_id,
                        LiveParticipant.attempt_id.is_not(None)))
    return (query.outerjoin(Assignment, sa.and_(Assignment.quiz_id == Attempt.quiz_id,
                                                Assignment.classroom_id == classroom.id))
            .where(Attempt.user_id == user_id, Attempt.status == "submitted",
                   sa.or_(Assignment.id.is_not(None) & while_in_class(classroom.id, user_id),
                          Attempt.id.in_(live_here))))


def seen_in_teachers_classes(teacher_id: int, attempt_ids: Iterable[int]
                             ) -> dict[int, tuple[str, list[str]]]:
    """Attempt id → (its student's name, the teacher's classes whose pages show it) for those
    of `attempt_ids` a page of one of the teacher's classes shows (``_on_class_quizzes``'s
    rule, for a current member: at a quiz assigned to the class and made while in it or
    counted for it, or stored by a live quiz of the class). One query."""
    ids = sorted(set(attempt_ids))
    if not ids:
        return {}
    counted = (sa.select(CountedResult.attempt_id)
               .where(CountedResult.classroom_id == Classroom.id,
                      CountedResult.user_id == Attempt.user_id))
    live_here = (sa.select(LiveParticipant.attempt_id)
                 .join(LiveSession, LiveSession.id == LiveParticipant.session_id)
                 .where(LiveSession.classroom_id == Classroom.id,
                        LiveParticipant.attempt_id.is_not(None)))
    found: dict[int, tuple[str, list[str]]] = {}
    for attempt_id, name, room in db.session.execute(
            sa.select(Attempt.id, User.display_name, Classroom.name)
            .join(User, User.id == Attempt.user_id)
            .join(Membership, Membership.user_id == Attempt.user_id)
            .join(Classroom, Classroom.id == Membership.classroom_id)
            .outerjoin(Assignment, sa.and_(Assignment.quiz_id == Attempt.quiz_id,
                                           Assignment.classroom_id == Classroom.id))
            .where(Classroom.teacher_id == teacher_id, Attempt.id.in_(ids),
                   sa.or_(Assignment.id.is_not(None)
                          & sa.or_(made_in_class(Classroom.id, Attempt.user_id),
                                   Attempt.id.in_(counted)),
                          Attempt.id.in_(live_here)))
            .order_by(Classroom.name)):
        found.setdefault(attempt_id, (name, []))[1].append(room)
    return found


def while_in_class(classroom_id: int, user_id: int | sa.ColumnElement[int]
                   ) -> sa.ColumnElement[bool]:
    """An attempt of `user_id` the class's teacher may see: made in the class (in one of
    their stays, ``leaderboard.made_in_class``), or counted for it (a board shows it)."""
    counted = (sa.select(CountedResult.attempt_id)
               .where(CountedResult.classroom_id == classroom_id,
                      CountedResult.user_id == user_id))
    return sa.or_(made_in_class(classroom_id, user_id), Attempt.id.in_(counted))


def progress_points(lines: list[AttemptLine], width: int = 600, height: int = 160,
                    margin: int = 24) -> list[tuple[float, float, AttemptLine]]:
    """Where each attempt stands on a score-over-time chart (x: order, y: % right)."""
    if not lines:
        return []
    step = (width - 2 * margin) / max(1, len(lines) - 1)
    return [(margin + n * step if len(lines) > 1 else width / 2,
             height - margin - (height - 2 * margin) * (line.score / line.total if line.total
                                                        else 0), line)
            for n, line in enumerate(lines)]


@dataclass(frozen=True)
class AttemptLabels:
    """The reader's words for ``scores_csv``: its twelve column headers, yes and no."""

    header: tuple[str, str, str, str, str, str, str, str, str, str, str, str]
    yes: str
    no: str


def scores_csv(classroom: Classroom, labels: AttemptLabels, zone: dt.tzinfo,
               separator: str = ",", *, batch: int = 500) -> Iterator[str]:
    """Every submitted attempt of the class's members on its assigned quizzes, as CSV text in
    pieces of `batch` rows: one query, read as it is sent (a 900-member class's three years
    are tens of megabytes, never held whole).

    Starts with a byte-order mark so that spreadsheets open it as UTF-8; times in `zone` (the
    school's), written "2026-12-01 16:05:09" as spreadsheets read dates; text that a
    spreadsheet would take for a formula is kept as text (as_text_cell).
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow([as_text_cell(text) for text in labels.header])
    yield "\ufeff" + out.getvalue()
    rows = db.session.execute(
        sa.select(User.display_name, User.username, Quiz.slug, QuizRevision.title,
                  Attempt.started_at, Attempt.submitted_at, Attempt.score,
                  Attempt.total, Assignment.due_at, CountedResult.attempt_id.is_not(None),
                  Attempt.live, Attempt.regraded_at)
        .join(Membership, sa.and_(Membership.user_id == User.id,
                                  Membership.classroom_id == classroom.id))
        .join(Attempt, Attempt.user_id == User.id)
        .join(Assignment, sa.and_(Assignment.quiz_id == Attempt.quiz_id,
                                  Assignment.classroom_id == classroom.id))
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .join(QuizRevision, QuizRevision.id == Attempt.revision_id)
        .outerjoin(CountedResult, sa.and_(CountedResult.assignment_id == Assignment.id,
                                          CountedResult.attempt_id == Attempt.id))
        # Made in the class, or counted for it (not their work for another class before).
        .where(Attempt.status == "submitted",
               sa.or_(made_in_class(classroom.id, User.id, membership_joined=True),
                      CountedResult.attempt_id.is_not(None)))
        .order_by(User.display_name, Quiz.slug, Attempt.submitted_at, Attempt.id)
        .execution_options(yield_per=batch))
    for part in rows.partitions():
        out.seek(0)
        out.truncate()
        for (name, username, slug, title, started, submitted, score, total, due, counted,
             live, regraded) in part:
            late = due is not None and submitted is not None and submitted > due
            writer.writerow([as_text_cell(name), as_text_cell(username), as_text_cell(slug),
                             as_text_cell(title), _local(started, zone),
                             _local(submitted, zone), score, total,
                             labels.yes if counted else labels.no,
                             labels.yes if late else labels.no,
                             labels.yes if live else labels.no, _local(regraded, zone)])
        yield out.getvalue()


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value: str) -> str:
    """A text cell that no spreadsheet runs: one beginning like a formula gets a leading
    apostrophe, which spreadsheets show as text (a display name "=HYPERLINK(…)", a quiz
    title taken from a web page)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _local(moment: dt.datetime | None, zone: dt.tzinfo) -> str:
    return "" if moment is None else moment.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")
