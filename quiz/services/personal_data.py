"""A person's data: what the app keeps of a student, handed to them as a file, and erased
with their account (the RGPD's rights of access and erasure), by themselves or by the
site's administrator when the school no longer needs it.

What a student leaves here: their account (username, display name, password hash, chosen
language), their classes (joined, hidden from the board, taken out), their attempts with
every answer (saved while in progress, graded once submitted), what they answered in live
quizzes, the counted result of each assignment, and the login and class-code counters named
by their account. Erasing a student deletes all of it in one transaction; their classes'
boards and gradebooks no longer show them. A teacher's account is not erased here: its
classes, quizzes and versions name it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..caching import cache
from ..database import SQLITE_BUSY_TIMEOUT_MS, write_transaction
from ..extensions import db
from ..models import (
    Answer,
    Attempt,
    Choice,
    Classroom,
    ClassStay,
    CountedResult,
    DeletedAccount,
    LiveAnswer,
    LiveParticipant,
    LiveSession,
    Membership,
    Question,
    QuizRevision,
    RateLimit,
    Removal,
    SavedAnswer,
    User,
    utcnow,
)
from ..questionfile.messages import N_
from ..ratelimit import counters_of_account
from .review import review_rules

# Rows deleted per statement when many accounts go at once (a list of ids per IN).
_ERASE_CHUNK = 500


class ErasureError(Exception):
    """An account that cannot be erased here; ``message`` (English, marked for translation)
    with ``params`` says why."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params


def _moment(value: dt.datetime | None) -> str | None:
    """An instant as ISO 8601 in UTC (``2026-12-05T09:30:00Z``)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.isoformat(timespec="seconds") + "Z"


def personal_data(user: User, now: dt.datetime | None = None) -> dict[str, Any]:
    """Everything the app keeps of `user`, as plain values for a JSON file.

    A submitted attempt's score and which answers were right are given as the attempt's
    results page shows them now (the review options of the student's classes): a score or a
    mark still held back by a teacher is ``null`` with ``score_held_back`` or
    ``mark_held_back`` true, not a way round them (nor is which attempt counts, while its
    score is held). The right answers themselves are not the student's data and are never
    in it."""
    now = now or utcnow()
    classes = [
        {"class": name, "school_year": year, "teacher": teacher, "joined_at": _moment(joined),
         "hidden_from_board": hidden}
        for name, year, teacher, joined, hidden in db.session.execute(
            sa.select(Classroom.name, Classroom.school_year, User.display_name,
                      Membership.joined_at, Membership.hidden_from_board)
            .join(Classroom, Classroom.id == Membership.classroom_id)
            .join(User, User.id == Classroom.teacher_id)
            .where(Membership.user_id == user.id)
            .order_by(Membership.joined_at, Classroom.id))]
    taken_out = [
        {"class": name, "school_year": year, "removed_at": _moment(removed)}
        for name, year, removed in db.session.execute(
            sa.select(Classroom.name, Classroom.school_year, Removal.removed_at)
            .join(Classroom, Classroom.id == Removal.classroom_id)
            .where(Removal.user_id == user.id).order_by(Removal.removed_at))]
    # Ended stays: what they did meanwhile stays the class's teacher's to see.
    stays = [
        {"class": name, "school_year": year, "joined_at": _moment(joined),
         "left_at": _moment(left)}
        for name, year, joined, left in db.session.execute(
            sa.select(Classroom.name, Classroom.school_year, ClassStay.joined_at,
                      ClassStay.left_at)
            .join(Classroom, Classroom.id == ClassStay.classroom_id)
            .where(ClassStay.user_id == user.id)
            .order_by(ClassStay.joined_at, ClassStay.id))]
    attempts = db.session.execute(
        sa.select(Attempt.id, Attempt.quiz_id, QuizRevision.title, QuizRevision.language,
                  QuizRevision.number, Attempt.status, Attempt.practice, Attempt.live,
                  Attempt.started_at, Attempt.submitted_at, Attempt.score, Attempt.total,
                  Attempt.regraded_at)
        .join(QuizRevision, QuizRevision.id == Attempt.revision_id)
        .where(Attempt.user_id == user.id)
        .order_by(Attempt.started_at, Attempt.id)).all()
    rules = review_rules(user.id, {row.quiz_id for row in attempts}, now)
    graded = _answers(sa.select(Answer.attempt_id, Question.position, Question.prompt,
                                Choice.text, Answer.is_correct, sa.null())
                      .join(Attempt, Attempt.id == Answer.attempt_id)
                      .join(Question, Question.id == Answer.question_id)
                      .join(Choice, Choice.id == Answer.choice_id)
                      .where(Attempt.user_id == user.id)
                      .order_by(Answer.attempt_id, Question.position))
    saved = _answers(sa.select(SavedAnswer.attempt_id, Question.position, Question.prompt,
                               Choice.text, sa.null(), SavedAnswer.saved_at)
                     .join(Attempt, Attempt.id == SavedAnswer.attempt_id)
                     .join(Question, Question.id == SavedAnswer.question_id)
                     .join(Choice, Choice.id == SavedAnswer.choice_id)
                     .where(Attempt.user_id == user.id)
                     .order_by(SavedAnswer.attempt_id, Question.position))
    listed = []
    for row in attempts:
        rule = rules[row.quiz_id]
        submitted = row.status == "submitted"
        item: dict[str, Any] = {
            "quiz": row.title, "language": row.language, "version": row.number,
            "status": row.status, "practice": row.practice, "live": row.live,
            "started_at": _moment(row.started_at), "submitted_at": _moment(row.submitted_at),
            "total": row.total}
        if submitted:
            item["regraded_at"] = _moment(row.regraded_at)
            item["score"] = row.score if rule.score.now else None
            item["score_held_back"] = not rule.score.now
        answers = []
        for prompt, chosen, right, saved_at in (graded if submitted else saved).get(row.id, []):
            answer: dict[str, Any] = {"question": prompt, "chosen": chosen}
            if submitted:
                answer["right"] = right if rule.marks.now else None
                answer["mark_held_back"] = not rule.marks.now
            else:
                answer["saved_at"] = _moment(saved_at)
            answers.append(answer)
        item["answers"] = answers
        listed.append(item)
    # Which answers were right in a live quiz: in the attempt it stored at its end, under the
    # review options (above); a quiz cut short stored none, and its reveals said them.
    live = [
        {"quiz": title, "session_started_at": _moment(started), "question": prompt,
         "chosen": chosen, "answered_at": _moment(answered), "seconds_to_answer": ms / 1000}
        for title, started, prompt, chosen, answered, ms in db.session.execute(
            sa.select(QuizRevision.title, LiveSession.created_at, Question.prompt, Choice.text,
                      LiveAnswer.answered_at, LiveAnswer.elapsed_ms)
            .join(LiveParticipant, LiveParticipant.id == LiveAnswer.participant_id)
            .join(LiveSession, LiveSession.id == LiveAnswer.session_id)
            .join(QuizRevision, QuizRevision.id == LiveSession.revision_id)
            .join(Question, Question.id == LiveAnswer.question_id)
            .join(Choice, Choice.id == LiveAnswer.choice_id)
            .where(LiveParticipant.user_id == user.id)
            .order_by(LiveAnswer.answered_at, LiveAnswer.id))]
    live_joined = [
        {"quiz": title, "class": name, "joined_at": _moment(joined)}
        for title, name, joined in db.session.execute(
            sa.select(QuizRevision.title, Classroom.name, LiveParticipant.joined_at)
            .select_from(LiveParticipant)
            .join(LiveSession, LiveSession.id == LiveParticipant.session_id)
            .join(QuizRevision, QuizRevision.id == LiveSession.revision_id)
            .join(Classroom, Classroom.id == LiveSession.classroom_id)
            .where(LiveParticipant.user_id == user.id)
            .order_by(LiveParticipant.joined_at, LiveParticipant.id))]
    # Which attempt each assignment counts (the boards' and the gradebook's): its score is
    # the attempt's, above, as far as it is shown.
    # Which attempt, not when a score held back is: with the best counting, that would tell
    # which of the student's attempts scored higher.
    counted = [
        {"class": name, "quiz": title,
         "attempt_started_at": _moment(started) if rules[quiz_id].score.now else None}
        for name, title, started, quiz_id in db.session.execute(
            sa.select(Classroom.name, QuizRevision.title, Attempt.started_at, Attempt.quiz_id)
            .select_from(CountedResult)
            .join(Classroom, Classroom.id == CountedResult.classroom_id)
            .join(Attempt, Attempt.id == CountedResult.attempt_id)
            .join(QuizRevision, QuizRevision.id == Attempt.revision_id)
            .where(CountedResult.user_id == user.id)
            # Not by the attempt: the order would tell which one counts, held back or not.
            .order_by(Classroom.name, QuizRevision.title, Classroom.id))]
    data: dict[str, Any] = {
        "exported_at": _moment(now),
        "account": {"username": user.username, "display_name": user.display_name,
                    "role": user.role, "created_at": _moment(user.created_at),
                    "language": user.language,
                    "must_change_password": user.must_change_password},
        "classes": classes,
        "taken_out_of": taken_out,
        "earlier_stays_in_classes": stays,
        "attempts": listed,
        "counted_for_assignments": counted,
        "live_quizzes_joined": live_joined,
        "live_answers": live,
    }
    if user.is_teacher:
        data["classes_taught"] = [
            {"class": name, "school_year": year, "created_at": _moment(created)}
            for name, year, created in db.session.execute(
                sa.select(Classroom.name, Classroom.school_year, Classroom.created_at)
                .where(Classroom.teacher_id == user.id)
                .order_by(Classroom.created_at, Classroom.id))]
        data["quiz_versions_written"] = [
            {"quiz": title, "version": number, "created_at": _moment(created)}
            for title, number, created in db.session.execute(
                sa.select(QuizRevision.title, QuizRevision.number, QuizRevision.created_at)
                .where(QuizRevision.created_by_id == user.id)
                .order_by(QuizRevision.created_at, QuizRevision.id))]
        data["live_quizzes_run"] = [
            {"quiz": title, "class": name, "started_at": _moment(started)}
            for title, name, started in db.session.execute(
                sa.select(QuizRevision.title, Classroom.name, LiveSession.created_at)
                .select_from(LiveSession)
                .join(QuizRevision, QuizRevision.id == LiveSession.revision_id)
                .join(Classroom, Classroom.id == LiveSession.classroom_id)
                .where(LiveSession.teacher_id == user.id)
                .order_by(LiveSession.created_at, LiveSession.id))]
    return data


Answered = tuple[str, str, bool | None, dt.datetime | None]


def _answers(query: sa.Executable) -> dict[int, list[Answered]]:
    """Attempt id → its (prompt, chosen text, right, saved at), in the order `query` gives."""
    found: dict[int, list[Answered]] = {}
    for attempt_id, _position, prompt, chosen, right, saved_at in db.session.execute(query):
        found.setdefault(attempt_id, []).append((prompt, chosen, right, saved_at))
    return found


@dataclass(frozen=True)
class Erased:
    """What an erasure deleted: accounts, and their attempts (with their answers)."""

    accounts: int
    attempts: int


def erase_students(user_ids: Sequence[int]) -> Erased:
    """Delete these students' accounts and everything the app keeps of them (see the
    module's docstring), all in one transaction: nothing is deleted if one of them is a
    teacher or no longer exists (ErasureError)."""
    ids = sorted(set(user_ids))
    sqlite = db.engine.dialect.name == "sqlite"
    with write_transaction(), _deleted_bytes_overwritten(sqlite):
        # The locking order of every change of counted results (leaderboard.lock_student):
        # the attempts, the students, then their classes in id order — first FOR NO KEY
        # UPDATE, as the others take them (a counted result inserted meanwhile checks its
        # attempt and student with a KEY SHARE lock, which FOR UPDATE would wait for while
        # holding the class: a deadlock with a teacher saving an assignment); FOR UPDATE,
        # which deleting needs, once the classes are held.
        attempts = 0
        for chunk in _chunks(ids):
            attempts += len(db.session.scalars(
                sa.select(Attempt.id).where(Attempt.user_id.in_(chunk)).order_by(Attempt.id)
                .with_for_update(key_share=True)).all())
        found: dict[int, str] = {}
        names: dict[int, str] = {}
        for chunk in _chunks(ids):
            for user_id, role, username in db.session.execute(
                    sa.select(User.id, User.role, User.username).where(User.id.in_(chunk))
                    .order_by(User.id).with_for_update(key_share=True)):
                found[user_id], names[user_id] = role, username
        missing = [user_id for user_id in ids if user_id not in found]
        if missing:
            raise ErasureError(N_("No account has the id %(id)s."), id=missing[0])
        teachers = [user_id for user_id in ids if found[user_id] != "student"]
        if teachers:
            raise ErasureError(N_("A teacher's account cannot be deleted: its classes and "
                                  "quizzes name it."))
        memberships: list[int] = []  # a class's id for each of its students erased
        for chunk in _chunks(ids):
            memberships.extend(db.session.scalars(
                sa.select(Membership.classroom_id).where(Membership.user_id.in_(chunk))))
        classes = set(memberships)
        for chunk in _chunks(ids):  # taken out of a class, listed there: counted there too
            memberships.extend(db.session.scalars(
                sa.select(Removal.classroom_id).where(Removal.user_id.in_(chunk))))
        db.session.execute(sa.select(Classroom.id).where(Classroom.id.in_(sorted(classes)))
                           .order_by(Classroom.id).with_for_update(key_share=True))
        for chunk in _chunks(ids):
            db.session.execute(sa.select(Attempt.id).where(Attempt.user_id.in_(chunk))
                               .order_by(Attempt.id).with_for_update())
            db.session.execute(sa.select(User.id).where(User.id.in_(chunk))
                               .order_by(User.id).with_for_update())
        for chunk in _chunks(ids):
            theirs = sa.select(Attempt.id).where(Attempt.user_id.in_(chunk))
            participants = sa.select(LiveParticipant.id).where(
                LiveParticipant.user_id.in_(chunk))
            for statement in (
                    sa.delete(LiveAnswer).where(LiveAnswer.participant_id.in_(participants)),
                    sa.delete(LiveParticipant).where(LiveParticipant.user_id.in_(chunk)),
                    sa.delete(CountedResult).where(CountedResult.user_id.in_(chunk)),
                    sa.delete(SavedAnswer).where(SavedAnswer.attempt_id.in_(theirs)),
                    sa.delete(Answer).where(Answer.attempt_id.in_(theirs)),
                    sa.delete(Attempt).where(Attempt.user_id.in_(chunk)),
                    sa.delete(Membership).where(Membership.user_id.in_(chunk)),
                    sa.delete(Removal).where(Removal.user_id.in_(chunk)),
                    sa.delete(ClassStay).where(ClassStay.user_id.in_(chunk)),
                    sa.delete(User).where(User.id.in_(chunk))):
                db.session.execute(statement, execution_options={"synchronize_session": False})
        # Each class counts its members erased, and when (DeletedAccount): nothing of whom.
        if memberships:
            moment = utcnow()
            db.session.execute(sa.insert(DeletedAccount), [
                {"classroom_id": classroom_id, "deleted_at": moment}
                for classroom_id in memberships])
        # The rate limits' counters named by the account (its username, its id): in this
        # transaction, not through the limiter's own connection (SQLite's one writer is this).
        for user_id, username in names.items():
            db.session.execute(sa.delete(RateLimit).where(sa.or_(*(
                RateLimit.key.startswith(prefix, autoescape=True)
                for prefix in counters_of_account(username, user_id)))))
    db.session.expire_all()
    # Their places in live quizzes, kept by this process: an id SQLite may give again (no
    # AUTOINCREMENT) must not find one.
    cache("live_participants").clear()
    if sqlite:
        _checkpoint()
    return Erased(len(ids), attempts)


@contextmanager
def _deleted_bytes_overwritten(sqlite: bool) -> Iterator[None]:
    """SQLite: the rows deleted in the block have their bytes overwritten in the file, not
    left in free pages — on the transaction's own connection, set back whatever happens (a
    pooled connection keeps its pragmas)."""
    if not sqlite:
        yield
        return
    db.session.execute(sa.text("PRAGMA secure_delete = ON"))
    try:
        yield
    finally:
        db.session.execute(sa.text("PRAGMA secure_delete = OFF"))


def _checkpoint() -> None:
    """SQLite: the write-ahead log, which still holds the rows as they were, copied into the
    file (now overwritten there) and emptied — when no request is reading it; else it is
    left to SQLite's own checkpoints. Never waited for: TRUNCATE waits for the readers while
    keeping writers out, and a login reading then writing its counter would wait for it in
    turn until the busy timeout (30 s each). PostgreSQL frees the dead rows at its next
    vacuum (docs/deploy.md)."""
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA busy_timeout = 0")
        try:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start:start + _ERASE_CHUNK] for start in range(0, len(ids), _ERASE_CHUNK)]


@dataclass(frozen=True)
class InactiveStudent:
    id: int
    username: str
    display_name: str
    last_active: dt.datetime


def inactive_students(since: dt.datetime) -> list[InactiveStudent]:
    """The students with nothing done from `since` on: account made before, and since then no
    attempt started or submitted, no answer saved, no class or live quiz joined, no live
    answer (a login alone is not kept, so not counted). Oldest activity first."""
    moments = sa.union_all(
        sa.select(User.id.label("user_id"), User.created_at.label("at")),
        sa.select(Attempt.user_id, Attempt.started_at),
        sa.select(Attempt.user_id, Attempt.submitted_at).where(
            Attempt.submitted_at.is_not(None)),
        sa.select(Attempt.user_id, SavedAnswer.saved_at)
        .join(Attempt, Attempt.id == SavedAnswer.attempt_id),
        sa.select(Membership.user_id, Membership.joined_at),
        sa.select(LiveParticipant.user_id, LiveParticipant.joined_at).where(
            LiveParticipant.user_id.is_not(None)),
        sa.select(LiveParticipant.user_id, LiveAnswer.answered_at)
        .join(LiveParticipant, LiveParticipant.id == LiveAnswer.participant_id)
        .where(LiveParticipant.user_id.is_not(None))).subquery()
    last = (sa.select(moments.c.user_id, sa.func.max(moments.c.at).label("at"))
            .group_by(moments.c.user_id).subquery())
    rows = db.session.execute(
        sa.select(User.id, User.username, User.display_name, last.c.at)
        .join(last, last.c.user_id == User.id)
        .where(User.role == "student", last.c.at < since)).all()
    # max() keeps the column's type (UTCDateTime): aware moments in UTC on both databases.
    found = [InactiveStudent(user_id, username, name, moment)
             for user_id, username, name, moment in rows]
    return sorted(found, key=lambda student: (student.last_active, student.id))
