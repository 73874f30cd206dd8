"""Database models (SQLAlchemy 2.0 typed).

A quiz's content is versioned: every import or edit that changes a question file adds a
``QuizRevision`` with its own questions and choices, and the quiz points at its current one.
An attempt belongs to the revision the student saw, so an edited file never changes what an old
attempt shows: prompt, choices, the student's answer and the passage stay as they were.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask_login import UserMixin
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import Model


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(sa.types.TypeDecorator[dt.datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite forgets zones)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


ROLES = ("student", "teacher")


class User(UserMixin, Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(40), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(60))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[str] = mapped_column(sa.String(16), default="student")
    # Part of the login cookie; changing it logs out every session of this user.
    session_token: Mapped[str] = mapped_column(
        sa.String(43), default=lambda: secrets.token_urlsafe(32))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Interface language chosen with the switch in the header ('fr', 'en'); None: the browser's.
    language: Mapped[str | None] = mapped_column(sa.String(8))
    # A temporary password (reset by a teacher or the command line): replaced at next login.
    must_change_password: Mapped[bool] = mapped_column(default=False,
                                                       server_default=sa.false())

    attempts: Mapped[list[Attempt]] = relationship(back_populates="user")

    __table_args__ = (sa.CheckConstraint(f"role IN {ROLES}", name="role"),)

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(
            password, method=current_app.config["PASSWORD_HASH_METHOD"])

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        """What Flask-Login keeps in the session and the remember-me cookie at login: the id,
        the session token, the login time (checked by quiz/auth/routes.py load_user)."""
        return f"{self.id}:{self.session_token}:{int(time.time())}"

    @property
    def is_teacher(self) -> bool:
        return self.role == "teacher"


QUIZ_STATUSES = ("draft", "published", "archived")
# Which students see a published quiz (quiz/services/visibility.py): those of the classes it
# is assigned to, or every student of the server.
CLASSES, EVERYONE = "classes", "everyone"
QUIZ_VISIBILITIES = (CLASSES, EVERYONE)


class Quiz(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(120), unique=True)
    status: Mapped[str] = mapped_column(sa.String(16), default="published")
    # Set when the quiz is created (the importer's caller chooses), changed by its teachers.
    visibility: Mapped[str] = mapped_column(sa.String(16), default=EVERYONE,
                                            server_default=EVERYONE)
    current_revision_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("quiz_revision.id", use_alter=True))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The current revision's title and the slug as the lists' search matches them (no case,
    # no accents: quiz.questionfile.text.folded), set with current_revision_id: a search is a
    # LIKE over this narrow table, not over revisions that hold whole articles (on SQLite,
    # reading a column after those costs 12 ms for 1,500 quizzes) nor a pass in Python.
    search_text: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    # How many questions of the current revision an attempt has (those not outdated): the
    # quiz's points on boards and gradebooks, its size in lists. Set with current_revision_id,
    # so that a board of a class given 600 quizzes reads 600 numbers, not 8,000 questions.
    question_count: Mapped[int] = mapped_column(default=0, server_default="0")
    # A draft because `quiz import` found its file not ready (no question, or some marked
    # Review), not by a teacher's choice: the import that brings the file ready publishes it
    # again. Unpublishing on the quiz's page (or any status a teacher sets) clears it.
    held_for_its_file: Mapped[bool] = mapped_column(default=False, server_default=sa.false())

    current_revision: Mapped[QuizRevision | None] = relationship(
        foreign_keys=[current_revision_id], post_update=True)
    revisions: Mapped[list[QuizRevision]] = relationship(
        back_populates="quiz", foreign_keys="QuizRevision.quiz_id",
        order_by="QuizRevision.number")

    __table_args__ = (
        sa.CheckConstraint(f"status IN {QUIZ_STATUSES}", name="status"),
        sa.CheckConstraint(f"visibility IN {QUIZ_VISIBILITIES}", name="visibility"),
    )

    @property
    def is_published(self) -> bool:
        return self.status == "published"

    @property
    def revision(self) -> QuizRevision:
        """The current revision. Every imported quiz has one (the column may be NULL only
        because a quiz and its revisions point at each other)."""
        if self.current_revision is None:
            raise LookupError(f"the quiz {self.slug!r} has no revision")
        return self.current_revision


class QuizRevision(Model):
    """One version of a quiz's content: the article and its questions, as one question file."""

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id"), index=True)
    number: Mapped[int]
    title: Mapped[str] = mapped_column(sa.String(200))
    language: Mapped[str] = mapped_column(sa.String(2))
    published_on: Mapped[str] = mapped_column(sa.String(10))  # YYYY-MM-DD or YYYY-MM
    source_name: Mapped[str | None] = mapped_column(sa.String(200))
    source_url: Mapped[str | None] = mapped_column(sa.String(2000))
    credit: Mapped[str | None] = mapped_column(sa.String(200))
    facts_as_of: Mapped[str | None] = mapped_column(sa.String(10))
    # [{"kind": "paragraph" | "heading", "text": "…"}, …] in reading order
    article: Mapped[list[dict[str, str]]] = mapped_column(sa.JSON)
    source_text: Mapped[str] = mapped_column(sa.Text)  # the question file as imported
    content_hash: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))

    quiz: Mapped[Quiz] = relationship(back_populates="revisions", foreign_keys=[quiz_id])
    questions: Mapped[list[Question]] = relationship(
        back_populates="revision", order_by="Question.position", cascade="all, delete-orphan")

    __table_args__ = (sa.UniqueConstraint("quiz_id", "number"),)


QUESTION_KINDS = ("mcq", "true_false")


class Question(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz_revision.id"))
    key: Mapped[str] = mapped_column(sa.String(64))  # the stable id written in the file
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(sa.String(16))
    prompt: Mapped[str] = mapped_column(sa.Text)
    explanation: Mapped[str] = mapped_column(sa.Text)
    passage: Mapped[str] = mapped_column(sa.Text)  # as quoted in the file
    # Where the passage stands in the article: block index and offsets in that block's text.
    passage_block: Mapped[int]
    passage_start: Mapped[int]
    passage_end: Mapped[int]
    # A note when the facts changed: not in new attempts, shown on old results.
    outdated_note: Mapped[str | None] = mapped_column(sa.Text)
    # What a person must check before the quiz can be published (None: nothing).
    review_note: Mapped[str | None] = mapped_column(sa.Text)

    revision: Mapped[QuizRevision] = relationship(back_populates="questions")
    choices: Mapped[list[Choice]] = relationship(
        back_populates="question", order_by="Choice.position", cascade="all, delete-orphan")

    __table_args__ = (
        sa.UniqueConstraint("revision_id", "key"),
        sa.UniqueConstraint("revision_id", "position"),
        sa.CheckConstraint(f"kind IN {QUESTION_KINDS}", name="kind"),
        sa.CheckConstraint("passage_start >= 0 AND passage_end > passage_start",
                           name="passage_span"),
    )


class Choice(Model):
    """A choice of a question; a true/false question has two (true first, then false)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"))
    position: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)
    is_correct: Mapped[bool] = mapped_column(default=False)

    question: Mapped[Question] = relationship(back_populates="choices")

    __table_args__ = (sa.UniqueConstraint("question_id", "position"),)


ATTEMPT_STATUSES = ("in_progress", "submitted")


class Attempt(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id"))
    revision_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz_revision.id"))
    status: Mapped[str] = mapped_column(sa.String(16), default="in_progress")
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    score: Mapped[int | None]
    total: Mapped[int]
    # Practice mode: one question at a time, each answer graded and explained when given
    # (and then kept: it cannot be changed). Else every question, then one submission.
    practice: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # Stored by a live quiz played to its end (quiz/services/live.py): not one of the
    # attempts an assignment's limit counts, which are those a student starts alone.
    live: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # When a teacher last regraded it with a newer version's right answers
    # (quiz/services/regrade.py): its results page says so.
    regraded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(back_populates="attempts")
    quiz: Mapped[Quiz] = relationship()
    revision: Mapped[QuizRevision] = relationship()
    answers: Mapped[list[Answer]] = relationship(back_populates="attempt")

    __table_args__ = (
        sa.CheckConstraint(f"status IN {ATTEMPT_STATUSES}", name="status"),
        sa.CheckConstraint(
            "(status = 'in_progress' AND score IS NULL AND submitted_at IS NULL)"
            " OR (status = 'submitted' AND score IS NOT NULL AND submitted_at IS NOT NULL"
            " AND score >= 0 AND score <= total)",
            name="state",
        ),
        # At most one attempt in progress per student and quiz.
        sa.Index("uq_attempt_in_progress", "user_id", "quiz_id", unique=True,
                 sqlite_where=sa.text("status = 'in_progress'"),
                 postgresql_where=sa.text("status = 'in_progress'")),
        sa.Index("ix_attempt_user_submitted", "user_id", "submitted_at"),
        sa.Index("ix_attempt_quiz_score", "quiz_id", "score"),
        # Leaderboards: a student's attempts at a quiz in time order, and best score first.
        sa.Index("ix_attempt_quiz_user_submitted", "quiz_id", "user_id", "submitted_at"),
        sa.Index("ix_attempt_quiz_user_score", "quiz_id", "user_id", "score", "submitted_at"),
    )

    @property
    def is_submitted(self) -> bool:
        return self.status == "submitted"


class SavedAnswer(Model):
    """A choice of an attempt in progress, stored as the student makes it (autosave), so that
    a reload, another device or a lost connection loses nothing. Shown to its student only,
    counted nowhere; deleted when the attempt is submitted (its answers are then ``Answer``
    rows, graded)."""

    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("attempt.id"), primary_key=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"), primary_key=True)
    choice_id: Mapped[int] = mapped_column(sa.ForeignKey("choice.id"))
    saved_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Which page stored it (a random id the quiz page's script draws), and the number of the
    # change there: a late save of that page never replaces its newer one (attempts.SaveOrder).
    page: Mapped[str | None] = mapped_column(sa.String(64))
    change: Mapped[int | None]


class Classroom(Model):
    """A teacher's class; students join it with its join code."""

    id: Mapped[int] = mapped_column(primary_key=True)
    teacher_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    school_year: Mapped[str] = mapped_column(sa.String(20))
    join_code: Mapped[str] = mapped_column(sa.String(12), unique=True)
    join_open: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    teacher: Mapped[User] = relationship()
    memberships: Mapped[list[Membership]] = relationship(back_populates="classroom",
                                                         cascade="all, delete-orphan")
    assignments: Mapped[list[Assignment]] = relationship(back_populates="classroom",
                                                         cascade="all, delete-orphan")


class Membership(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(sa.ForeignKey("classroom.id"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    # Hidden from the class's leaderboards (e.g. on request); scores are untouched.
    hidden_from_board: Mapped[bool] = mapped_column(default=False)
    joined_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship()

    __table_args__ = (sa.UniqueConstraint("classroom_id", "user_id"),)


class Removal(Model):
    """A student the teacher took out of a class: they cannot join it again with the join code
    they had (``join_code``), until the teacher lets them back in (the row is deleted) or gives
    the class a new code."""

    classroom_id: Mapped[int] = mapped_column(sa.ForeignKey("classroom.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), primary_key=True)
    join_code: Mapped[str] = mapped_column(sa.String(12))
    removed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship()


class ClassStay(Model):
    """A time a student was in a class and is no more (taken out of it): from their joining
    to their removal. What they did meanwhile stays their teacher's to see (the current stay
    is the Membership's); what they did before, between stays or after, is not."""

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(sa.ForeignKey("classroom.id"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    joined_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    left_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)

    __table_args__ = (sa.Index("ix_class_stay_classroom_id_user_id", "classroom_id", "user_id"),)


class DeletedAccount(Model):
    """A student of the class whose account was deleted (by themselves, or by an
    administrator): when, and nothing of whom — their data went with it. The class's page
    counts them, so that a teacher who sees results vanish, or an account of the same name
    join again (with attempts to make afresh), knows why."""

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(sa.ForeignKey("classroom.id"), index=True)
    deleted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


COUNTING_RULES = ("best", "first", "latest")
REVIEW_TIMES = ("now", "after_due", "never")


class Assignment(Model):
    """A quiz given to a class, maybe with an opening and a due date.

    ``counting`` says which attempt of a student counts: the best (default), the first or the
    latest submitted before the due date. Later attempts are kept, shown as late, not counted.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(sa.ForeignKey("classroom.id"))
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id"), index=True)
    opens_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    counting: Mapped[str] = mapped_column(sa.String(8), default="best")
    # How many attempts a student of the class may make at the quiz (None: as many as they
    # like). Every attempt at the quiz counts, practice ones included.
    max_attempts: Mapped[int | None]
    # What a student sees of a submitted attempt, and from when (quiz/services/review.py):
    # "now", "after_due" (at once when there is no due date) or "never".
    review_score: Mapped[str] = mapped_column(sa.String(10), default="now")
    review_marks: Mapped[str] = mapped_column(sa.String(10), default="now")
    review_answers: Mapped[str] = mapped_column(sa.String(10), default="after_due")
    # Students take it in practice mode (one question at a time, each answer explained as far
    # as the review options show it) rather than every question, then one submission.
    practice: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship(back_populates="assignments")
    quiz: Mapped[Quiz] = relationship()

    @hybrid_property
    def counts_from(self) -> dt.datetime:
        """From when attempts are work for it (counted on the boards, and against its attempt
        limit): its opening, or the moment it was given. An attempt made before — on the
        shared quiz, maybe with its answers shown — is not."""
        return self.opens_at or self.created_at

    @counts_from.inplace.expression
    @classmethod
    def _counts_from_expression(cls) -> sa.ColumnElement[dt.datetime]:
        return sa.func.coalesce(cls.opens_at, cls.created_at)

    __table_args__ = (
        sa.UniqueConstraint("classroom_id", "quiz_id"),
        sa.CheckConstraint(f"counting IN {COUNTING_RULES}", name="counting"),
        sa.CheckConstraint("opens_at IS NULL OR due_at IS NULL OR opens_at < due_at",
                           name="dates"),
        sa.CheckConstraint("max_attempts IS NULL OR max_attempts >= 1", name="max_attempts"),
        *(sa.CheckConstraint(f"{column} IN {REVIEW_TIMES}", name=column)
          for column in ("review_score", "review_marks", "review_answers")),
    )


class CountedResult(Model):
    """The attempt that counts for a student and an assignment, kept as attempts are submitted.

    Derived data: ``quiz.services.leaderboard.recount`` writes it from the attempts and the
    assignment's counting rule, in the transaction of every change that can move it (a
    submission, an assignment given or changed, a student joining). A board then reads one row
    per student and assignment instead of searching the attempts. No row: nothing counts yet.
    """

    assignment_id: Mapped[int] = mapped_column(sa.ForeignKey("assignment.id"), primary_key=True)
    # Indexed alone too: deleting a student's account finds their rows (and the database
    # checks that none is left) without reading the whole table.
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), primary_key=True, index=True)
    classroom_id: Mapped[int] = mapped_column(sa.ForeignKey("classroom.id"))
    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("attempt.id"), index=True)
    score: Mapped[int]
    total: Mapped[int]

    # A board reads a class's rows grouped by student from this index alone (its columns are
    # all a board needs): 16,600 rows of a class given 600 quizzes in 21 ms instead of 31 on
    # SQLite (docs/performance.md).
    __table_args__ = (sa.Index("ix_counted_result_board", "classroom_id", "user_id",
                               "assignment_id", "score", "total"),)


class RateLimit(Model):
    """A fixed-window rate-limit counter (see quiz/ratelimit.py)."""

    key: Mapped[str] = mapped_column(sa.String(255), primary_key=True)
    hits: Mapped[int]
    expires_at: Mapped[float] = mapped_column(sa.Double)  # seconds since the epoch


class Answer(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(sa.ForeignKey("attempt.id"))
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"), index=True)
    choice_id: Mapped[int] = mapped_column(sa.ForeignKey("choice.id"))
    is_correct: Mapped[bool]

    attempt: Mapped[Attempt] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()
    choice: Mapped[Choice] = relationship()

    __table_args__ = (sa.UniqueConstraint("attempt_id", "question_id"),)


LIVE_PHASES = ("joining", "open", "revealed", "ended")


class LiveSession(Model):
    """A quiz played live (quiz/services/live.py): the teacher paces it question by question
    on the projector, the class answers on phones. Its state is here, in the database, so that
    several app servers (and a reloaded or moved teacher's page) see one session.

    ``question`` is the position (from 1) among the revision's questions asked, 0 while
    students join; ``version`` goes up with every change the pages must follow (they poll it).
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(12), unique=True)
    classroom_id: Mapped[int] = mapped_column(sa.ForeignKey("classroom.id"), index=True)
    teacher_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz.id"))
    revision_id: Mapped[int] = mapped_column(sa.ForeignKey("quiz_revision.id"))
    phase: Mapped[str] = mapped_column(sa.String(10), default="joining")
    question: Mapped[int] = mapped_column(default=0)
    paused: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    # Optional countdown per question: answers are refused once it is over.
    countdown: Mapped[int | None]
    deadline: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    remaining_ms: Mapped[int | None]  # the countdown left when paused
    opened_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # current question
    # Accuracy first: the time to answer counts only to break ties, and only when set.
    speed_breaks_ties: Mapped[bool] = mapped_column(default=False)
    # Guests without an account may join with a nickname (nothing is stored for them after).
    guests_allowed: Mapped[bool] = mapped_column(default=False,
                                                 server_default=sa.false())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    classroom: Mapped[Classroom] = relationship()
    quiz: Mapped[Quiz] = relationship()

    __table_args__ = (
        sa.CheckConstraint(f"phase IN {LIVE_PHASES}", name="phase"),
        sa.CheckConstraint("question >= 0", name="question"),
        sa.CheckConstraint("countdown IS NULL OR countdown >= 5", name="countdown"),
    )


class LiveParticipant(Model):
    """A student who joined a live session, ``attempt_id`` once their answers are stored; or a
    guest (no account: ``user_id`` empty) known by a nickname, unique in the session in any
    case (``nickname_key``), and by the hash of a random token kept in their browser's
    session (``guest_key``). No attempt is ever stored for a guest."""

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("live_session.id"))
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"), index=True)
    nickname: Mapped[str | None] = mapped_column(sa.String(40))
    nickname_key: Mapped[str | None] = mapped_column(sa.String(40))
    guest_key: Mapped[str | None] = mapped_column(sa.String(64))
    joined_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Indexed: deleting attempts (an account's) checks no participant names them.
    attempt_id: Mapped[int | None] = mapped_column(sa.ForeignKey("attempt.id"), index=True)

    user: Mapped[User | None] = relationship()

    __table_args__ = (
        sa.UniqueConstraint("session_id", "user_id"),
        sa.UniqueConstraint("session_id", "nickname_key"),
        sa.UniqueConstraint("session_id", "guest_key"),
        sa.CheckConstraint(
            "(user_id IS NOT NULL AND nickname IS NULL AND nickname_key IS NULL "
            "AND guest_key IS NULL) OR (user_id IS NULL AND nickname IS NOT NULL "
            "AND nickname_key IS NOT NULL AND guest_key IS NOT NULL AND attempt_id IS NULL)",
            name="student_or_guest"),
    )


class LiveAnswer(Model):
    """A participant's answer to one question of a live session: one per question, enforced
    here (two taps, two servers or a retried request store it once)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(sa.ForeignKey("live_session.id"))
    # Indexed: deleting a participant (an account, a guest forgotten) finds their answers.
    participant_id: Mapped[int] = mapped_column(sa.ForeignKey("live_participant.id"),
                                                index=True)
    question_id: Mapped[int] = mapped_column(sa.ForeignKey("question.id"))
    choice_id: Mapped[int] = mapped_column(sa.ForeignKey("choice.id"))
    is_correct: Mapped[bool]
    elapsed_ms: Mapped[int]  # from the question's opening (speed breaks ties, when set)
    answered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        sa.UniqueConstraint("session_id", "participant_id", "question_id"),
        sa.Index("ix_live_answer_session_question", "session_id", "question_id"),
    )
