"""Live mode: a quiz the teacher paces on the projector while the class answers on phones.

A session moves joining → question 1 open → question 1 revealed → question 2 open → … → ended
(``next``, ``reveal``; ``pause`` freezes it, ``end`` stops it at any point). Its whole state is
in the database (``LiveSession``), written here in one transaction per change with the
session's row locked, so that several app servers, a reloaded teacher's page and a phone that
slept all read the same session. Every change raises ``version``: the pages poll it.

Answers: one per participant and question, enforced by a unique constraint (two taps, a retry
or two servers store it once); refused once the question is revealed, paused or out of time.
Scores count revealed questions only, so nothing said before the reveal tells who was right.
At the end of a session played to its last question every participant's answers become a
submitted attempt (marked ``live``: it does not use up an assignment's attempts), graded by
``grade_attempt`` and counted like any other (``recount_submission``: the assignment's rules);
a session ended before its last question stores none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..database import write_transaction
from ..extensions import db
from ..models import (
    Answer,
    Attempt,
    Classroom,
    LiveAnswer,
    LiveParticipant,
    LiveSession,
    Membership,
    Quiz,
    QuizRevision,
    User,
    utcnow,
)
from ..questionfile.messages import N_
from .accounts import AccountError, clean_display_name, name_key, taken_name_class
from .classes import JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalize_join_code
from .content import QuestionContent, RevisionContent, revision_content
from .grading import grade_attempt
from .leaderboard import lock_results, recount_submission

ACTIONS = ("next", "reveal", "pause", "resume", "end")
COUNTDOWN_MIN, COUNTDOWN_MAX = 5, 600


class LiveError(Exception):
    """A live use case that cannot be done; ``message`` (English, with ``%(name)s``
    placeholders filled from ``params``) is shown in the reader's language by the pages;
    ``field``: the form field it is about, when it is about one (a guest's ``nickname``)."""

    def __init__(self, message: str, *, field: str | None = None, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.field = field
        self.params = params


# A code of no session, or of another class's: said alike (a code reveals nothing).
NO_SESSION_HERE = N_("No live quiz of your classes has this code: check the code on the "
                     "projector, and that you have joined the class.")

# What a phone reads once a question's countdown is over: its page says it in place of the
# choices (templates/student/live.html), so a late tap's refusal is not said a second time.
TIME_IS_UP = N_("Too late: the time for this question is up.")


def _new_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


# Older, a session is not "live now": a teacher who never pressed End leaves it open.
LIVE_NOW_HOURS = 6


def session_going_on(classroom_id: int) -> LiveSession | None:
    """The class's live quiz going on (not ended, started in the last LIVE_NOW_HOURS), if
    any: a class plays one at a time."""
    return db.session.scalar(
        sa.select(LiveSession).where(
            LiveSession.classroom_id == classroom_id, LiveSession.phase != "ended",
            LiveSession.created_at >= utcnow() - dt.timedelta(hours=LIVE_NOW_HOURS))
        .order_by(LiveSession.id.desc()).limit(1))


def start_session(teacher: User, classroom: Classroom, quiz: Quiz, *,
                  countdown: int | None = None, speed_breaks_ties: bool = False,
                  guests_allowed: bool = False) -> LiveSession:
    """A new live session of `quiz` (its current revision) for the teacher's `classroom`;
    with `guests_allowed`, people without an account may join it with a nickname.

    Raises LiveError when the quiz is not published or has no question, when the class is not
    the teacher's, for a countdown outside COUNTDOWN_MIN–COUNTDOWN_MAX seconds, or while
    another live quiz of the class goes on (not ended, started in the last LIVE_NOW_HOURS: an
    older one was left open).
    """
    if classroom.teacher_id != teacher.id:
        raise LiveError(N_("This class is not yours."))
    if not quiz.is_published or quiz.current_revision_id is None:
        raise LiveError(N_("This quiz is not published: choose another one."))
    if countdown is not None and not COUNTDOWN_MIN <= countdown <= COUNTDOWN_MAX:
        raise LiveError(N_("Type a countdown from %(low)s to %(high)s seconds, or leave it "
                           "empty."), low=COUNTDOWN_MIN, high=COUNTDOWN_MAX)
    if not revision_content(quiz.current_revision_id).questions:
        raise LiveError(N_("This quiz has no question to ask."))
    forget_guests(utcnow())
    for _ in range(10):
        try:
            with write_transaction():
                # Two at once split the class between two codes, and its home names both:
                # checked with the class's row locked (two taps of Start wait in turn).
                db.session.execute(sa.select(Classroom.id).where(Classroom.id == classroom.id)
                                   .with_for_update(key_share=True))  # FOR NO KEY UPDATE
                going_on = session_going_on(classroom.id)
                if going_on is not None:
                    raise LiveError(N_("The class's live quiz %(code)s is still going on: open "
                                       "it from the list above and end it, then start this "
                                       "one."), code=going_on.code)
                session = LiveSession(
                    code=_new_code(), classroom_id=classroom.id, teacher_id=teacher.id,
                    quiz_id=quiz.id, revision_id=quiz.current_revision_id, countdown=countdown,
                    speed_breaks_ties=speed_breaks_ties, guests_allowed=guests_allowed)
                db.session.add(session)
            return session
        except IntegrityError:  # the (rare) clash of codes: another one
            continue
    raise LiveError(N_("Could not find a free session code: try again."))


# A guest's nickname and answers are the session's only: forgotten a day after it ended (its
# final standings shown and gone), or two days after it began when nobody ended it.
GUESTS_KEPT = dt.timedelta(days=1)


def forget_guests(now: dt.datetime) -> None:
    """Delete the guests (their nickname, token hash and answers) of the sessions past
    GUESTS_KEPT. Called when a session starts: a school's server runs no timer of its own."""
    old = sa.select(LiveSession.id).where(sa.or_(
        LiveSession.ended_at < now - GUESTS_KEPT,
        LiveSession.ended_at.is_(None) & (LiveSession.created_at < now - 2 * GUESTS_KEPT)))
    guests = sa.select(LiveParticipant.id).where(LiveParticipant.session_id.in_(old),
                                                 LiveParticipant.user_id.is_(None))
    with write_transaction():
        db.session.execute(sa.delete(LiveAnswer).where(LiveAnswer.participant_id.in_(guests)),
                           execution_options={"synchronize_session": False})
        db.session.execute(sa.delete(LiveParticipant).where(
            LiveParticipant.session_id.in_(old), LiveParticipant.user_id.is_(None)),
            execution_options={"synchronize_session": False})


def find_session(code: str) -> LiveSession | None:
    """The session that is not over whose code is `code` (as a student typed it)."""
    return db.session.scalar(sa.select(LiveSession).where(
        LiveSession.code == normalize_join_code(code)[:12], LiveSession.phase != "ended"))


def join(session: LiveSession, user: User) -> LiveParticipant:
    """The student's place in the session, made on their first join (joining again, from a
    reloaded or another phone, gives the same one with its answers).

    Raises LiveError for a teacher, for a student who is not in the session's class, and for
    a session that is over (a participant already in it keeps their place, to read the end).
    """
    existing = participant(session.id, user.id)
    if existing is not None:
        return existing
    if user.is_teacher:
        raise LiveError(N_("Teachers cannot join a live quiz as students."))
    if session.phase == "ended":
        raise LiveError(N_("This live quiz is over."))
    member = db.session.scalar(sa.select(Membership.id).where(
        Membership.classroom_id == session.classroom_id, Membership.user_id == user.id))
    if member is None:
        raise LiveError(NO_SESSION_HERE)
    try:
        with write_transaction():
            joined = LiveParticipant(session_id=session.id, user_id=user.id)
            db.session.add(joined)
        return joined
    except IntegrityError:  # joined at the same moment from another tab
        found = participant(session.id, user.id)
        if found is None:
            raise
        return found


def participant(session_id: int, user_id: int | None, guest_key: str | None = None
                ) -> LiveParticipant | None:
    """The place of a student (`user_id`), or of a guest (`user_id` None: by `guest_key`)."""
    if user_id is not None:
        found = LiveParticipant.user_id == user_id
    elif guest_key:
        found = LiveParticipant.guest_key == guest_key
    else:
        return None
    return db.session.scalar(sa.select(LiveParticipant).where(
        LiveParticipant.session_id == session_id, found))


def guest_key(token: str) -> str:
    """What the database keeps of a guest's token (its SHA-256): the token itself stays in
    the guest's browser (the signed session cookie)."""
    return hashlib.sha256(token.encode()).hexdigest()


def join_as_guest(session: LiveSession, raw_nickname: str, token: str) -> LiveParticipant:
    """A guest's place in the session, under a nickname (the display-name rules, and not the
    name of anyone else in the session or its class); joining again with the same `token` (a
    reloaded or sleeping phone) gives the same place, whatever the nickname typed.

    Raises LiveError when the session takes no guests or is over, for a nickname the rules
    refuse or someone has already.
    """
    key = guest_key(token)
    existing = participant(session.id, None, key)
    if existing is not None:
        return existing
    if not session.guests_allowed:
        raise LiveError(N_("This live quiz takes no guests: log in with your account to "
                           "join."))
    if session.phase == "ended":
        raise LiveError(N_("This live quiz is over."))
    try:
        nickname = clean_display_name(raw_nickname)
    except AccountError as error:
        raise LiveError(error.message, field="nickname", **error.params) from None
    # A player's name, or a student's of the class (playing or not: a guest may not pass for
    # them); said alike, so that trying names tells nobody who is in the class.
    taken = LiveError(N_("This name is already taken: choose another one (add a letter or a "
                         "number, for example)."), field="nickname")
    if taken_name_class(None, nickname, [session.classroom_id]) is not None:
        raise taken
    try:
        with write_transaction():
            joined = LiveParticipant(session_id=session.id, nickname=nickname,
                                     nickname_key=name_key(nickname)[:40], guest_key=key)
            db.session.add(joined)
        return joined
    except IntegrityError:  # the name taken at the same moment (or the same token, twice)
        found = participant(session.id, None, key)
        if found is None:
            raise taken from None
        return found


def questions(session: LiveSession) -> tuple[QuestionContent, ...]:
    """The questions the session asks, in order (outdated ones left out)."""
    return revision_content(session.revision_id).questions


def content(session: LiveSession) -> RevisionContent:
    return revision_content(session.revision_id)


def current_question(session: LiveSession) -> QuestionContent | None:
    """The question on screen (open or revealed); None while joining and once ended."""
    if session.phase not in ("open", "revealed"):
        return None
    return questions(session)[session.question - 1]


def control(session_id: int, teacher_id: int, action: str) -> LiveSession:
    """Move the teacher's session on: ``next`` (open the next question; after the last one,
    end), ``reveal`` (close the question open and show its answer), ``pause`` and ``resume``
    (answers wait; a countdown stops), ``end``. One transaction, the session's row locked:
    two devices of the teacher pressing at once make two changes in turn, never a mix.

    Raises LookupError for a session that is not the teacher's, LiveError for an action that
    does not apply now (e.g. reveal while joining, anything after the end).
    """
    if action not in ACTIONS:
        raise LiveError(N_("Unknown action."))
    with write_transaction():
        session = db.session.scalar(sa.select(LiveSession).where(
            LiveSession.id == session_id, LiveSession.teacher_id == teacher_id)
            .with_for_update())
        if session is None:
            raise LookupError(session_id)
        now = utcnow()
        if session.phase == "ended":
            raise LiveError(N_("This live quiz is over."))
        if action == "next":
            if session.phase == "open":
                raise LiveError(N_("Reveal the answer before the next question."))
            if session.question >= len(questions(session)):
                _end(session, now)
            else:
                session.question += 1
                session.phase = "open"
                session.paused = False
                session.opened_at = now
                session.remaining_ms = None
                session.deadline = (None if session.countdown is None
                                    else now + dt.timedelta(seconds=session.countdown))
        elif action == "reveal":
            if session.phase != "open":
                raise LiveError(N_("There is no open question to reveal."))
            session.phase = "revealed"
            session.paused = False
            session.deadline = session.remaining_ms = None
        elif action == "pause":
            if session.paused:
                raise LiveError(N_("The live quiz is paused already."))
            session.paused = True
            if session.deadline is not None:
                left = session.deadline - now
                session.remaining_ms = max(0, int(left.total_seconds() * 1000))
                session.deadline = None
        elif action == "resume":
            if not session.paused:
                raise LiveError(N_("The live quiz is not paused."))
            session.paused = False
            if session.remaining_ms is not None:
                session.deadline = now + dt.timedelta(milliseconds=session.remaining_ms)
                session.remaining_ms = None
        else:
            _end(session, now)
        session.version += 1
    return session


def _end(session: LiveSession, now: dt.datetime) -> None:
    """End the session and, when it was played to its last question, store each
    participant's answers as a submitted attempt."""
    session.phase = "ended"
    session.paused = False
    session.deadline = session.remaining_ms = None
    session.ended_at = now
    asked = questions(session)
    if session.question < len(asked):
        # Ended before its last question: the answers stay this session's (its standings),
        # no attempt is stored — a quiz cut short is not one a student took.
        return
    answer_key = {q.id: q.correct_choice_id for q in asked}
    by_participant: dict[int, dict[int, int]] = {}
    for participant_id, question_id, choice_id in db.session.execute(
            sa.select(LiveAnswer.participant_id, LiveAnswer.question_id, LiveAnswer.choice_id)
            .where(LiveAnswer.session_id == session.id)):
        by_participant.setdefault(participant_id, {})[question_id] = choice_id
    people = db.session.execute(
        sa.select(LiveParticipant.id, LiveParticipant.user_id, LiveParticipant.joined_at)
        .where(LiveParticipant.session_id == session.id,
               LiveParticipant.attempt_id.is_(None),
               LiveParticipant.user_id.is_not(None))  # guests: no account, no attempt
        .order_by(LiveParticipant.user_id)).all()
    # Every student's row locked, in id order, then all their classes at once in id order
    # (each recount then finds its classes held): the order of every change of counted
    # results, so that a student's erasure or a submission meanwhile never waits in a circle
    # with this end. A student whose account was deleted meanwhile is no longer there.
    there = set(db.session.scalars(
        sa.select(User.id).where(User.id.in_([person.user_id for person in people]))
        .order_by(User.id).with_for_update(key_share=True)))
    people = [person for person in people if person.user_id in there]
    lock_results(db.session.scalars(sa.select(Membership.classroom_id).distinct().where(
        Membership.user_id.in_(sorted(there)))))
    for person in people:
        chosen = by_participant.get(person.id)
        if not chosen:
            continue  # joined and answered nothing: no attempt to store
        # Questions not answered (or not reached) are wrong, as on a paper handed in.
        grade = grade_attempt({q: answer_key[q] for q in chosen}, chosen)
        attempt = Attempt(user_id=person.user_id, quiz_id=session.quiz_id,
                          revision_id=session.revision_id, status="submitted",
                          started_at=person.joined_at, submitted_at=now, score=grade.score,
                          total=len(asked), live=True)
        db.session.add(attempt)
        db.session.flush()
        db.session.execute(sa.insert(Answer), [
            {"attempt_id": attempt.id, "question_id": a.question_id, "choice_id": a.choice_id,
             "is_correct": a.is_correct} for a in grade.answers])
        db.session.execute(sa.update(LiveParticipant).where(LiveParticipant.id == person.id)
                           .values(attempt_id=attempt.id))
        recount_submission(person.user_id, session.quiz_id)


def answer(session_id: int, user_id: int | None, question_id: int, choice_id: int, *,
           guest: str | None = None) -> LiveAnswer:
    """Store the student's answer (or the guest's, `user_id` None: by their `guest` key) to
    the open question, once.

    Raises LiveError (nothing stored) when the student has not joined, when the question is
    not the open one or its answer was revealed, while paused, after the countdown, for a
    choice that is not the question's, and when the student answered it already (the first
    answer stays: ``already`` in the params).
    """
    with write_transaction():
        # Shared lock: answers go in side by side; the teacher's reveal waits for them and
        # they for it, so an answer is either stored before the reveal or refused.
        session = db.session.scalar(sa.select(LiveSession).where(LiveSession.id == session_id)
                                    .with_for_update(read=True))
        if session is None:
            raise LookupError(session_id)
        person = participant(session_id, user_id, guest)
        if person is None:
            raise LiveError(N_("Join the live quiz first."))
        question = current_question(session)
        if question is None or question.id != question_id:
            raise LiveError(N_("This question is not open any more: follow the projector."))
        if session.phase != "open":
            raise LiveError(N_("Too late: the answer has been revealed."))
        if session.paused:
            raise LiveError(N_("The live quiz is paused: answer when it goes on."))
        now = utcnow()
        if session.deadline is not None and now > session.deadline:
            raise LiveError(TIME_IS_UP)
        choice = next((c for c in question.choices if c.id == choice_id), None)
        if choice is None:
            raise LiveError(N_("Choose one of the question's answers."))
        opened = session.opened_at or now
        stored = LiveAnswer(session_id=session_id, participant_id=person.id,
                            question_id=question_id, choice_id=choice_id,
                            is_correct=choice.is_correct, answered_at=now,
                            elapsed_ms=max(0, int((now - opened).total_seconds() * 1000)))
        db.session.add(stored)
        try:
            db.session.flush()
        except IntegrityError:
            raise LiveError(N_("Your answer to this question is stored already."),
                            already=True) from None
    return stored


# ---------------------------------------------------------------------------------------------
# What the pages show


@dataclass(frozen=True)
class LiveState:
    """What the pages poll: no answer, no score, nothing that tells who was right."""

    version: int
    phase: str
    question: int
    questions: int
    paused: bool
    joined: int
    answered: int  # answers to the question on screen
    remaining_ms: int | None  # countdown left, None without one

    @property
    def questions_left(self) -> bool:
        """Questions not shown yet: ended now, the session stores no attempt (`_end`)."""
        return self.question < self.questions

    def as_json(self) -> dict[str, object]:
        return {"version": self.version, "phase": self.phase, "question": self.question,
                "questions": self.questions, "paused": self.paused, "joined": self.joined,
                "answered": self.answered, "remaining_ms": self.remaining_ms}


def state(session: LiveSession, now: dt.datetime | None = None) -> LiveState:
    """The session's state as polled, in one query for the counts."""
    question = current_question(session)
    joined, answered = db.session.execute(sa.select(
        sa.select(sa.func.count(LiveParticipant.id))
        .where(LiveParticipant.session_id == session.id).scalar_subquery(),
        sa.select(sa.func.count(LiveAnswer.id))
        .where(LiveAnswer.session_id == session.id,
               LiveAnswer.question_id == (question.id if question else -1))
        .scalar_subquery())).one()
    now = now or utcnow()
    if session.remaining_ms is not None:
        remaining: int | None = session.remaining_ms
    elif session.deadline is not None:
        remaining = max(0, int((session.deadline - now).total_seconds() * 1000))
    else:
        remaining = None
    return LiveState(session.version, session.phase, session.question,
                     len(questions(session)), session.paused, joined or 0, answered or 0,
                     remaining)


def choice_counts(session: LiveSession, question_id: int) -> dict[int, int]:
    """Choice id → how many chose it (for the reveal)."""
    return {choice_id: count for choice_id, count in db.session.execute(
        sa.select(LiveAnswer.choice_id, sa.func.count(LiveAnswer.id))
        .where(LiveAnswer.session_id == session.id, LiveAnswer.question_id == question_id)
        .group_by(LiveAnswer.choice_id))}


def my_answers(session_id: int, participant_id: int) -> dict[int, LiveAnswer]:
    """Question id → the participant's answer: what a reloaded phone finds again."""
    return {a.question_id: a for a in db.session.scalars(
        sa.select(LiveAnswer).where(LiveAnswer.session_id == session_id,
                                    LiveAnswer.participant_id == participant_id))}


@dataclass(frozen=True)
class LiveStanding:
    position: int
    participant_id: int
    user_id: int | None  # None for a guest
    display_name: str
    score: int
    time_ms: int  # time taken by the right answers (ties, when speed breaks them)
    tied: bool


def standings(session: LiveSession) -> list[LiveStanding]:
    """Every participant's points over the revealed questions, best first — but the students
    the teacher hid from the class's boards, who are on no board, the projector's included.

    Guests are ranked with the students, under their nickname. The rule: more right answers
    first. Equal points share a position (1, 2, 2, 4), by name;
    with ``speed_breaks_ties`` the one whose right answers took less time in all goes first
    (still sharing only when that is equal too). The question open now counts only once
    revealed, so the ranking says nothing before the reveal.
    """
    asked = questions(session)
    last = session.question if session.phase in ("revealed", "ended") else session.question - 1
    counted = [q.id for q in asked[:max(0, last)]]
    right = sa.case((LiveAnswer.is_correct.is_(True), 1), else_=0)
    # Each participant's points summed over the session's answers first, read in the order of
    # the unique index (session, participant, question), then joined to the participants: a
    # join grouped by participant and name sorted every answer (a class of 900 at 15
    # questions: 10 ms on SQLite, against 5).
    points = (
        sa.select(LiveAnswer.participant_id.label("participant_id"),
                  sa.func.sum(right).label("score"),
                  sa.func.sum(sa.case((LiveAnswer.is_correct.is_(True), LiveAnswer.elapsed_ms),
                                      else_=0)).label("time_ms"))
        .where(LiveAnswer.session_id == session.id, LiveAnswer.question_id.in_(counted))
        .group_by(LiveAnswer.participant_id)
        .subquery())
    query = (
        sa.select(LiveParticipant.id, LiveParticipant.user_id,
                  sa.func.coalesce(User.display_name, LiveParticipant.nickname),
                  sa.func.coalesce(points.c.score, 0), sa.func.coalesce(points.c.time_ms, 0))
        .outerjoin(User, User.id == LiveParticipant.user_id)
        .outerjoin(points, points.c.participant_id == LiveParticipant.id)
        .where(LiveParticipant.session_id == session.id,
               # The class's hidden students: a few at most, looked up once (not a join per
               # participant: 1.5 ms more for a class of 900).
               sa.or_(LiveParticipant.user_id.is_(None),
                      LiveParticipant.user_id.not_in(_hidden_in_class(session)))))
    rows = [(int(participant_id), user_id, str(shown), int(score), int(time_ms))
            for participant_id, user_id, shown, score, time_ms in db.session.execute(query)]
    speed = session.speed_breaks_ties

    def rank_key(row: tuple[int, int | None, str, int, int]) -> tuple[int, int]:
        return (-row[3], row[4] if speed else 0)

    rows.sort(key=lambda r: (*rank_key(r), r[2].casefold(), r[0]))
    sharing = Counter(rank_key(r) for r in rows)
    out: list[LiveStanding] = []
    position = 0
    for n, row in enumerate(rows, start=1):
        if n == 1 or rank_key(row) != rank_key(rows[n - 2]):
            position = n
        out.append(LiveStanding(position, *row, sharing[rank_key(row)] > 1))
    return out


def hidden_players(session: LiveSession) -> int:
    """How many of the session's players the teacher hid from the class's boards: on no
    ranking (``standings``), said to the teacher by their number only (a control page is
    often the one on the projector)."""
    return db.session.scalar(
        sa.select(sa.func.count(LiveParticipant.id))
        .where(LiveParticipant.session_id == session.id,
               LiveParticipant.user_id.in_(_hidden_in_class(session)))) or 0


def _hidden_in_class(session: LiveSession) -> sa.Select[int]:
    """The students of the session's class whom the teacher hid from its boards."""
    return sa.select(Membership.user_id).where(Membership.classroom_id == session.classroom_id,
                                               Membership.hidden_from_board.is_(True))


def teacher_session_or_none(session_id: int, teacher_id: int) -> LiveSession | None:
    return db.session.scalar(sa.select(LiveSession).where(
        LiveSession.id == session_id, LiveSession.teacher_id == teacher_id))


def sessions_of_class(classroom_id: int, limit: int = 10) -> list[LiveSession]:
    """The class's live sessions, newest first, each with its quiz's title and language
    (the current version's: loaded with them, not one query a session)."""
    return list(db.session.scalars(
        sa.select(LiveSession).where(LiveSession.classroom_id == classroom_id)
        .options(sa.orm.selectinload(LiveSession.quiz).joinedload(Quiz.current_revision)
                 .load_only(QuizRevision.title, QuizRevision.language))
        .order_by(LiveSession.id.desc()).limit(limit)))


@dataclass(frozen=True)
class LiveNow:
    """A live quiz going on in one of a student's classes, as their pages name it."""

    title: str
    language: str
    classroom: str
    code: str  # its join code: a class member joins from their pages with it, one tap


def sessions_for_student(user_id: int, now: dt.datetime | None = None) -> list[LiveNow]:
    """The live quizzes not over, started in the last LIVE_NOW_HOURS, of the student's
    classes, newest first (the home page and the join page name them)."""
    since = (now or utcnow()) - dt.timedelta(hours=LIVE_NOW_HOURS)
    rows = db.session.execute(
        sa.select(QuizRevision.title, QuizRevision.language, Classroom.name, LiveSession.code)
        .select_from(LiveSession)
        .join(Membership, Membership.classroom_id == LiveSession.classroom_id)
        .join(QuizRevision, QuizRevision.id == LiveSession.revision_id)
        .join(Classroom, Classroom.id == LiveSession.classroom_id)
        .where(Membership.user_id == user_id, LiveSession.phase != "ended",
               LiveSession.created_at >= since)
        .order_by(LiveSession.id.desc()))
    return [LiveNow(*row) for row in rows]
