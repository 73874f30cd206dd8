"""Starting and submitting attempts: one transaction per use case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from ..database import write_transaction
from ..extensions import db
from ..models import (
    Answer,
    Assignment,
    Attempt,
    Membership,
    Question,
    Quiz,
    QuizRevision,
    SavedAnswer,
    User,
    UTCDateTime,
    utcnow,
)
from .content import counterparts, revision_content
from .grading import grade_attempt
from .leaderboard import made_in_class, recount_submission
from .visibility import access


class AttemptError(Exception):
    """Base of what can go wrong with an attempt."""


class AttemptAlreadySubmitted(AttemptError):
    """The attempt was graded already; ``attempt`` holds the stored result."""

    def __init__(self, attempt: Attempt):
        super().__init__(f"attempt {attempt.id} is already submitted")
        self.attempt = attempt


class InvalidChoice(AttemptError):
    """A submitted value is not one of the question's choices (a tampered or stale form)."""

    def __init__(self, position: int, value: object):
        super().__init__(f"question {position}: {value!r} is not one of its choices")
        self.position = position
        self.value = value


class QuizNotAvailable(AttemptError):
    """The quiz is not published (or has no content), or not shown to this student
    (quiz/services/visibility.py), so no attempt can start."""


class QuizNotOpenYet(AttemptError):
    """The student sees the quiz only through an assignment that opens at ``opens_at``."""

    def __init__(self, opens_at: dt.datetime):
        super().__init__(f"the quiz opens at {opens_at.isoformat()}")
        self.opens_at = opens_at


class AttemptLimitReached(AttemptError):
    """The student has made every attempt a class's assignment of the quiz allows."""

    def __init__(self, limit: int):
        super().__init__(f"the {limit} attempts allowed are used")
        self.limit = limit


class AnswerAlreadyGiven(AttemptError):
    """Practice mode: this question was answered (and explained) already."""


class AttemptMoved(AttemptError):
    """The attempt moved to a newer version of the quiz since the page was loaded (the quiz
    was edited): the answers sent are for questions it no longer asks."""


def load_questions(revision_id: int, *, include_outdated: bool = True) -> list[Question]:
    """The questions of a revision with their choices, in order, in two queries.

    Outdated questions are left out with ``include_outdated=False``: what an attempt asks.
    """
    query = (sa.select(Question).where(Question.revision_id == revision_id)
             .order_by(Question.position).options(selectinload(Question.choices)))
    if not include_outdated:
        query = query.where(Question.outdated_note.is_(None))
    return list(db.session.scalars(query))


def start_attempt(user: User, quiz: Quiz, *, practice: bool = False) -> Attempt:
    """Return the user's attempt in progress on ``quiz`` (in the mode it was started in), or
    start one on its current revision, in practice mode when ``practice`` or when one of the
    student's classes was given the quiz in practice mode.

    Raises QuizNotAvailable when the quiz is not published or not shown to the user,
    QuizNotOpenYet when the user's only way to it is an assignment not open yet.
    """
    try:
        with write_transaction():
            if not quiz.is_published or quiz.current_revision is None:
                raise QuizNotAvailable(quiz.slug)
            allowed = access(user, quiz)
            if not allowed.seen:
                raise QuizNotAvailable(quiz.slug)
            if allowed.opens_at is not None:
                raise QuizNotOpenYet(allowed.opens_at)
            revision: QuizRevision = quiz.current_revision
            total = quiz.question_count
            # Locked as a save or a submission locks it: moving it follows them, never meets
            # them half-way (the attempt's row first, then its saved answers).
            existing = _attempt_in_progress(user.id, quiz.id, lock=True)
            if existing is not None:
                if existing.revision_id != revision.id:
                    # The quiz was edited since: the attempt moves to the current questions
                    # (and answer key), with the saved answers that still fit them.
                    _move_saved_answers(existing.id, existing.revision_id, revision.id)
                    existing.revision_id, existing.total = revision.id, total
                return existing
            # Submitted ones only: an attempt in progress was returned above, and one that
            # another request is starting right now (not visible yet) wins the insert below.
            # Counting it too would refuse a start that is a resume (PostgreSQL sees it once
            # committed, in the middle of this transaction).
            limit = attempt_limits(user.id, [quiz.id]).get(quiz.id)
            if limit is not None and limit.used_up:
                raise AttemptLimitReached(limit.allowed)
            # At most one attempt in progress per student and quiz (a unique index): of many
            # simultaneous starts on the last attempt allowed, one inserts, the others resume it.
            practice = practice or bool(practice_quiz_ids(user.id, quiz.id))
            attempt = Attempt(user_id=user.id, quiz_id=quiz.id, revision_id=revision.id,
                              total=total, practice=practice)
            db.session.add(attempt)
        return attempt
    except IntegrityError:
        # Another request of the same user started one at the same moment: use that one.
        existing = _attempt_in_progress(user.id, quiz.id)
        if existing is None:
            raise
        return existing


@dataclass(frozen=True)
class AttemptLimit:
    """A student's attempts at a quiz against an assignment's limit: ``made`` of ``allowed``,
    the submitted ones (not live) since the assignment counts them (``counts_from``), handed
    in while in the class (``leaderboard.made_in_class``: not those handed in before joining
    it)."""

    made: int
    allowed: int

    @property
    def used_up(self) -> bool:
        return self.made >= self.allowed


def attempt_limits(user_id: int, quiz_ids: Iterable[int]) -> dict[int, AttemptLimit]:
    """Quiz id → the limit that holds for the student, for these quizzes (those without one
    are not keys): of the assignments of the quiz to their classes that have a limit, the one
    with the fewest attempts left (each counts from its own opening)."""
    made = sa.func.count(Attempt.id)
    query = (sa.select(Assignment.quiz_id, Assignment.max_attempts, made)
             .join(Membership, (Membership.classroom_id == Assignment.classroom_id)
                   & (Membership.user_id == user_id))
             .outerjoin(Attempt, (Attempt.quiz_id == Assignment.quiz_id)
                        & (Attempt.user_id == user_id) & (Attempt.status == "submitted")
                        & Attempt.live.is_(False)
                        & (Attempt.submitted_at >= Assignment.counts_from)
                        & made_in_class(Assignment.classroom_id, user_id, membership_joined=True,
                                        handed_in=True))
             .where(Assignment.max_attempts.is_not(None),
                    Assignment.quiz_id.in_(sorted(set(quiz_ids))))
             .group_by(Assignment.id, Assignment.quiz_id, Assignment.max_attempts))
    limits: dict[int, AttemptLimit] = {}
    for quiz, allowed, count in db.session.execute(query):
        found = AttemptLimit(int(count), int(allowed or 0))  # never None: the query's where
        held = limits.get(quiz)
        if held is None or (found.allowed - found.made, found.allowed) < (
                held.allowed - held.made, held.allowed):
            limits[quiz] = found
    return limits


def practice_quiz_ids(user_id: int, quiz_id: int | None = None) -> set[int]:
    """The quizzes the student takes in practice mode whichever button they press: those
    assigned in practice mode to one of their classes."""
    query = (sa.select(Assignment.quiz_id).distinct()
             .join(Membership, Membership.classroom_id == Assignment.classroom_id)
             .where(Membership.user_id == user_id, Assignment.practice.is_(True)))
    if quiz_id is not None:
        query = query.where(Assignment.quiz_id == quiz_id)
    return set(db.session.scalars(query))


def _move_saved_answers(attempt_id: int, old_revision_id: int, new_revision_id: int) -> None:
    """Saved answers follow their question to a new revision when the question (same id in
    the file) is still asked and has a choice of the same text (`counterparts`); the others
    are dropped."""
    found = counterparts(revision_content(old_revision_id),
                         revision_content(new_revision_id).questions)
    moved = []
    for (choice_id,) in db.session.execute(
            sa.select(SavedAnswer.choice_id).where(SavedAnswer.attempt_id == attempt_id)):
        if choice_id in found:
            question, choice = found[choice_id]
            moved.append({"attempt_id": attempt_id, "question_id": question.id,
                          "choice_id": choice.id, "saved_at": utcnow()})
    db.session.execute(sa.delete(SavedAnswer).where(SavedAnswer.attempt_id == attempt_id))
    if moved:
        db.session.execute(sa.insert(SavedAnswer), moved)


def saved_answers(attempt_id: int) -> dict[int, int]:
    """Question id → choice id of what the student chose so far (an attempt in progress)."""
    rows = db.session.execute(sa.select(SavedAnswer.question_id, SavedAnswer.choice_id)
                              .where(SavedAnswer.attempt_id == attempt_id))
    return {question_id: choice_id for question_id, choice_id in rows}


@dataclass(frozen=True)
class SaveOrder:
    """Where a save comes from: the quiz page that sent it (``page``, an id its script draws
    at random) and the number of the change there it carries the state of (``change``).

    A page's saves may reach the server out of order: a save the script gave up on (no
    reply in time) can still arrive after the one it sent next. A question saved by the same
    page with a higher change number is then kept. Saves of other pages (another device,
    another tab) and of the page without its script replace it as they come — so a late save
    of page X after page Y wrote the question replaces Y's answer (which question X wrote
    since is not kept once another page wrote it)."""

    page: str
    change: int


def save_answers(attempt: Attempt, chosen: Mapping[int, int], *,
                 once: bool = False, order: SaveOrder | None = None) -> int:
    """Store ``chosen`` (question id → choice id) as the attempt's answers so far, replacing
    earlier choices of those questions; the number of questions answered so far.

    Raises InvalidChoice (nothing stored) when a question is not one the attempt asks or a
    choice is not one of its question's; AttemptAlreadySubmitted once the attempt is graded
    (a stale tab saving after another submitted); AttemptMoved when the quiz was edited since
    the page was loaded. The attempt's row is read for update: a save and a submission of the
    same attempt follow each other, so nothing is saved to a graded attempt.

    ``once`` (practice mode, where each answer is explained when given): an answer given
    already is not replaced; AnswerAlreadyGiven is raised instead (nothing stored).
    ``order``: a question the same page saved from a later change keeps that answer
    (SaveOrder).
    """
    attempt_id, revision_id = attempt.id, attempt.revision_id
    content = revision_content(revision_id)
    asked = {q.id: (n, {c.id for c in q.choices})
             for n, q in enumerate(content.questions, start=1)}
    for question_id, choice_id in chosen.items():
        position, choices = asked.get(question_id, (0, set()))
        if choice_id not in choices:
            raise InvalidChoice(position, choice_id)
    with write_transaction():
        state = db.session.execute(
            sa.select(Attempt.status, Attempt.revision_id).where(Attempt.id == attempt_id)
            .with_for_update(key_share=True)).one()
        if state.status != "in_progress":
            raise AttemptAlreadySubmitted(attempt)
        if state.revision_id != revision_id:
            raise AttemptMoved(f"attempt {attempt_id} moved to revision {state.revision_id}")
        if once and chosen and db.session.scalar(
                sa.select(sa.func.count()).select_from(SavedAnswer).where(
                    SavedAnswer.attempt_id == attempt_id,
                    SavedAnswer.question_id.in_(sorted(chosen)))):
            raise AnswerAlreadyGiven(f"attempt {attempt_id}: answered already")
        if chosen and order is not None:
            newer = set(db.session.scalars(sa.select(SavedAnswer.question_id).where(
                SavedAnswer.attempt_id == attempt_id,
                SavedAnswer.question_id.in_(sorted(chosen)),
                SavedAnswer.page == order.page, SavedAnswer.change > order.change)))
            chosen = {q: c for q, c in chosen.items() if q not in newer}
        if chosen:
            db.session.execute(sa.delete(SavedAnswer).where(
                SavedAnswer.attempt_id == attempt_id,
                SavedAnswer.question_id.in_(sorted(chosen))))
            now = utcnow()
            page, change = (order.page, order.change) if order else (None, None)
            db.session.execute(sa.insert(SavedAnswer), [
                {"attempt_id": attempt_id, "question_id": question_id, "choice_id": choice_id,
                 "saved_at": now, "page": page, "change": change}
                for question_id, choice_id in chosen.items()])
        answered = db.session.scalar(sa.select(sa.func.count()).select_from(SavedAnswer)
                                     .where(SavedAnswer.attempt_id == attempt_id)) or 0
    return answered


def _attempt_in_progress(user_id: int, quiz_id: int, *, lock: bool = False) -> Attempt | None:
    query = sa.select(Attempt).where(
        Attempt.user_id == user_id, Attempt.quiz_id == quiz_id, Attempt.status == "in_progress")
    return db.session.scalar(query.with_for_update(key_share=True) if lock else query)


# Built once (building it costs about as much as running it); values are bound parameters.
_attempt = Attempt.__table__
# Core, not the ORM's bulk UPDATE path: the attempt object is expired after the commit anyway.
_SUBMIT = (
    sa.update(_attempt)
    .where(_attempt.c.id == sa.bindparam("b_attempt_id"), _attempt.c.status == "in_progress",
           _attempt.c.revision_id == sa.bindparam("b_revision_id"))
    .values(status="submitted", score=sa.bindparam("b_score"),
            submitted_at=sa.bindparam("b_submitted_at", type_=UTCDateTime))
)


def submit_attempt(attempt: Attempt, chosen: Mapping[int, int]) -> Attempt:
    """Grade ``attempt`` with ``chosen`` (question id → choice id) and store it, once.

    Raises InvalidChoice when a choice is not one of its question's, IncompleteAttempt when a
    question has no answer, and AttemptAlreadySubmitted (carrying the stored attempt) when the
    attempt was graded already — by an earlier request or a concurrent one.

    Grading happens before the write transaction, which then holds SQLite's single write lock
    only for one UPDATE and one INSERT: the UPDATE is the guard (only one request can move the
    attempt out of progress, and only on the revision it was graded against).
    """
    for _try in range(2):
        if attempt.is_submitted:
            raise AttemptAlreadySubmitted(attempt)
        attempt_id, revision_id = attempt.id, attempt.revision_id
        content = revision_content(revision_id)
        for position, question in enumerate(content.questions, start=1):
            if (question.id in chosen
                    and chosen[question.id] not in {c.id for c in question.choices}):
                raise InvalidChoice(position, chosen[question.id])
        grade = grade_attempt(content.answer_key(), chosen)
        with write_transaction():
            moved = db.session.connection().execute(_SUBMIT, {
                "b_attempt_id": attempt_id, "b_revision_id": revision_id,
                "b_score": grade.score, "b_submitted_at": utcnow()}).rowcount
            if moved == 1:
                # One multi-row INSERT, in Core (not one ORM object per answer, nor the ORM's
                # bulk path). Only this request moved the attempt out of progress.
                db.session.connection().execute(Answer.__table__.insert(), [
                    {"attempt_id": attempt_id, "question_id": a.question_id,
                     "choice_id": a.choice_id, "is_correct": a.is_correct}
                    for a in grade.answers])
                # What was saved on the way is now graded: kept nowhere else.
                db.session.execute(sa.delete(SavedAnswer).where(
                    SavedAnswer.attempt_id == attempt_id))
                recount_submission(attempt.user_id, attempt.quiz_id)
        # Committed: the attempt is expired, its stored values load on first use.
        if moved == 1:
            return attempt
        # Submitted meanwhile, or moved to a new revision of the quiz: read again, grade again.
    # Moved to another revision twice while this request graded it: give up, store nothing.
    raise AttemptAlreadySubmitted(attempt)
