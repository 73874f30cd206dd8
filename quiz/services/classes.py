"""Classes: creation, join codes, members, assignments. One transaction per use case."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import secrets
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from anyascii import anyascii
from sqlalchemy.exc import IntegrityError

from ..articles.build import ascii_words
from ..database import write_transaction
from ..extensions import db
from ..models import (
    Assignment,
    Attempt,
    Classroom,
    ClassStay,
    CountedResult,
    DeletedAccount,
    LiveAnswer,
    LiveParticipant,
    LiveSession,
    Membership,
    Quiz,
    QuizRevision,
    Removal,
    User,
    utcnow,
)
from ..questionfile.messages import N_, Message
from ..questionfile.text import first_control_character
from .accounts import (
    AccountError,
    clean_display_name,
    dotted_username,
    end_other_sessions,
    name_key,
    taken_name_class,
    temporary_password,
    with_dots,
)
from .editing import set_status
from .leaderboard import lock_results, lock_student, recount

SelectT = TypeVar("SelectT", bound=sa.Select)  # type: ignore[type-arg]

# No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 6


class ClassError(Exception):
    """A class use case that cannot be done; the message says why, for the user.

    ``message`` is the English text with ``%(name)s`` placeholders filled from ``params``;
    pages show ``_(error.message, **error.params)`` in the reader's language.
    """

    def __init__(self, message: str, *, name_taken: bool = False, already_in: bool = False,
                 **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params
        self.name_taken = name_taken  # joining: the student's display name is taken there
        self.already_in = already_in  # joining: the student is in the class already


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalize_join_code(code: str) -> str:
    """What a student typed, as stored: upper case, no spaces or dashes."""
    return "".join(code.split()).replace("-", "").upper()


def _with_unique_code(make: Callable[[str], Classroom]) -> Classroom:
    """Run `make(code)` in a write transaction; on the (rare) clash of codes, with another."""
    for _ in range(10):
        try:
            with write_transaction():
                classroom = make(new_join_code())
            return classroom
        except IntegrityError:
            continue
    raise ClassError(N_("Could not find a free join code: try again."))


_TWO_YEARS = re.compile(r"(\d{4}|\d{2})\s*[-/\u2010\u2011–—]\s*(\d{4}|\d{2})")


def school_year_backwards(typed: str) -> bool:
    """Two years that are no school year (« 2027-2026 », « 2026-2028 »): a slip, refused."""
    both = _TWO_YEARS.fullmatch(typed.strip())
    return both is not None and not _one_after_the_other(*both.groups())


def school_year_of(day: dt.date) -> str:
    """The school year under way on `day`, as the class form offers it: from August to July
    (« 2026-2027 » from 1 August 2026), as in Europe and North America; a school on another
    calendar types its own."""
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


def school_year_as_written(typed: str) -> str:
    """« 2026/2027 », « 2026 - 2027 », « 2026-27 », « 26-27 » written as 2026-2027: one school
    year, one spelling (the classes of a year are listed, and told apart, by it). Anything
    else as typed, spaces around it removed (« 2026 »: a school year of one calendar year,
    as in the southern hemisphere). (Migration 0026 wrote the years stored before so.)"""
    typed = typed.strip()
    both = _TWO_YEARS.fullmatch(typed)
    if both and _one_after_the_other(*both.groups()):
        year = _full_year(both.group(1))
        return f"{year}-{year + 1}"
    return typed


def _full_year(written: str) -> int:
    return int(written) if len(written) == 4 else 2000 + int(written)


def _one_after_the_other(first: str, second: str) -> bool:
    """« 2026 » and « 2027 » (or « 27 »): a school year's two years."""
    return second == str(_full_year(first) + 1)[-len(second):]


def _check_class_text(name: str, school_year: str) -> None:
    """ClassError for a name or year with control characters, or with invisible ones (a
    zero-width space pasted in « 4e B » makes a second class that reads the same)."""
    if any(first_control_character(text) is not None for text in (name, school_year)):
        raise ClassError(N_("Remove the invisible control characters from this field."))
    if any(unicodedata.category(c) == "Cf" for c in name + school_year):
        raise ClassError(N_("Remove the invisible characters from the name or the school "
                            "year (pasted with it, they would make a class that reads as "
                            "another)."))


def _check_class_name_free(teacher_id: int, name: str, school_year: str,
                           other_than: int | None = None) -> None:
    """ClassError when the teacher has a class of this name for this school year (other than
    `other_than`): two « 4e B » of one year, with two codes, split a class between two boards.
    In the writers' transaction, the teacher's row held: a double-click's second request reads
    the class the first one made (or renamed)."""
    db.session.execute(sa.select(User.id).where(User.id == teacher_id).with_for_update())
    same_year = db.session.scalars(sa.select(Classroom.name).where(
        Classroom.teacher_id == teacher_id, Classroom.school_year == school_year,
        Classroom.id != (other_than or 0)))
    if any(name_key(other) == name_key(name) for other in same_year):
        raise ClassError(N_("You have a class %(name)s for %(year)s already: open it from "
                            "your classes, or give this one another name (e.g. %(name)s "
                            "group 2)."), name=name, year=school_year)


def create_class(teacher: User, name: str, school_year: str) -> Classroom:
    """A new class of the teacher's, with a join code. Raises ClassError for a name or a school
    year with control characters (the forms refuse them first; this holds for every caller),
    or a name the teacher has for a class of that school year already: two « 4e B » of one
    year, with two codes, split a class between two boards."""
    _check_class_text(name, school_year)
    school_year = school_year_as_written(school_year)
    teacher_id = teacher.id

    def make(code: str) -> Classroom:
        _check_class_name_free(teacher_id, name, school_year)
        classroom = Classroom(teacher_id=teacher_id, name=name, school_year=school_year,
                              join_code=code)
        db.session.add(classroom)
        return classroom

    return _with_unique_code(make)


def rename_class(classroom: Classroom, name: str, school_year: str) -> Classroom:
    """Give the class another name or school year (a typo, « 4ème B » for « 4e B »), by the
    rules of a new class: no control characters, the year written as one, not the name of
    another of the teacher's classes of that year. Its code, students and work stay."""
    _check_class_text(name, school_year)
    school_year = school_year_as_written(school_year)
    with write_transaction():
        _check_class_name_free(classroom.teacher_id, name, school_year, other_than=classroom.id)
        classroom.name, classroom.school_year = name, school_year
    return classroom


def deleted_accounts(classroom_id: int) -> tuple[int, dt.datetime | None]:
    """How many of the class's students had their account deleted, and the last time."""
    count, last = db.session.execute(
        sa.select(sa.func.count(DeletedAccount.id), sa.func.max(DeletedAccount.deleted_at))
        .where(DeletedAccount.classroom_id == classroom_id)).one()
    return count, last


def ever_had_students(classroom_id: int) -> bool:
    """Whether a student is in the class, or was (taken out since): what they did in it is
    their teacher's to see, so such a class is never deleted."""
    return db.session.scalar(sa.select(
        sa.exists().where(Membership.classroom_id == classroom_id)
        | sa.exists().where(Removal.classroom_id == classroom_id)
        | sa.exists().where(ClassStay.classroom_id == classroom_id))) or False


def delete_class(classroom: Classroom) -> None:
    """Delete a class no student was ever in (made by mistake, twice, or to try the app): the
    quizzes it was given (not the quizzes) and its live quizzes, guests' answers included, go
    with it. Raises ClassError when a student is or was in it — checked with its row locked,
    so that a student joining at that moment either is refused (the class gone) or stops it."""
    with write_transaction():
        db.session.execute(sa.select(Classroom.id).where(Classroom.id == classroom.id)
                           .with_for_update())
        if ever_had_students(classroom.id):
            raise ClassError(N_("Students are or were in this class: it cannot be deleted "
                                "(their work stays yours to see)."))
        sessions = sa.select(LiveSession.id).where(LiveSession.classroom_id == classroom.id)
        db.session.execute(sa.delete(LiveAnswer).where(LiveAnswer.session_id.in_(sessions)))
        db.session.execute(sa.delete(LiveParticipant).where(
            LiveParticipant.session_id.in_(sessions)))
        db.session.execute(sa.delete(LiveSession).where(
            LiveSession.classroom_id == classroom.id))
        db.session.execute(sa.delete(CountedResult).where(
            CountedResult.classroom_id == classroom.id))
        db.session.execute(sa.delete(Assignment).where(Assignment.classroom_id == classroom.id))
        db.session.execute(sa.delete(DeletedAccount).where(
            DeletedAccount.classroom_id == classroom.id))
        db.session.execute(sa.delete(Classroom).where(Classroom.id == classroom.id))


def regenerate_join_code(classroom: Classroom) -> Classroom:
    def make(code: str) -> Classroom:
        classroom.join_code = code
        return classroom

    return _with_unique_code(make)


def set_join_open(classroom: Classroom, is_open: bool) -> None:
    with write_transaction():
        classroom.join_open = is_open


def find_open_class(code: str) -> Classroom | None:
    return db.session.scalar(sa.select(Classroom).where(
        Classroom.join_code == normalize_join_code(code), Classroom.join_open.is_(True)))


def join_class(user: User, code: str) -> Classroom:
    """Add the user to the class whose join code is `code`.

    Raises ClassError when no open class has that code, the user is a teacher, was taken out of
    the class (and its code has not changed since), has a display name taken there, or is in
    it already.
    """
    try:
        with write_transaction():
            classroom = db.session.scalar(
                sa.select(Classroom).where(Classroom.join_code == normalize_join_code(code)))
            # One message for an unknown code and a closed class: it tells a guesser nothing.
            if classroom is None or not classroom.join_open:
                raise ClassError(N_("No open class has this code: check it with your teacher."))
            if classroom.teacher_id == user.id:
                raise ClassError(N_("This is your own class."))
            if user.is_teacher:
                raise ClassError(N_("A teacher cannot join a class as a student: ask its "
                                    "teacher to share its board with you on the projector."))
            name = classroom.name
            lock_student(user.id)
            lock_results([classroom.id])
            removal = db.session.get(Removal, (classroom.id, user.id))
            if removal is not None and removal.join_code == classroom.join_code:
                raise ClassError(N_("Your teacher took you out of the class %(name)s: ask them "
                                    "to let you back in."), name=name)
            if removal is not None:  # a new code since: the teacher's new invitation
                db.session.delete(removal)
            if taken_name_class(user.id, user.display_name, [classroom.id]) is not None:
                raise ClassError(N_("Someone in this class already has the name %(display)s: "
                                    "choose another name for yourself, then join."),
                                 display=user.display_name, name_taken=True)
            db.session.add(Membership(classroom_id=classroom.id, user_id=user.id))
            db.session.flush()
            # Counted from their work handed in while in the class (an earlier stay, if put
            # back; an attempt begun before joining once handed in): none before joining.
            recount(classroom_ids=[classroom.id], user_ids=[user.id])
    except IntegrityError:
        raise ClassError(N_("You are already in the class %(name)s."), name=name,
                         already_in=True) from None
    return classroom


def membership(classroom_id: int, user_id: int) -> Membership | None:
    return db.session.scalar(sa.select(Membership).where(
        Membership.classroom_id == classroom_id, Membership.user_id == user_id))


def remove_member(classroom: Classroom, user_id: int) -> None:
    """Take a student out of a class; their attempts stay, and so does their stay in it
    (what they did meanwhile stays the teacher's to see)."""
    with write_transaction():
        lock_student(user_id)
        lock_results([classroom.id])
        db.session.execute(sa.delete(CountedResult).where(
            CountedResult.classroom_id == classroom.id, CountedResult.user_id == user_id))
        member = membership(classroom.id, user_id)
        if member is not None:
            now = utcnow()
            db.session.add(ClassStay(classroom_id=classroom.id, user_id=user_id,
                                     joined_at=member.joined_at, left_at=now))
            db.session.delete(member)
            db.session.merge(Removal(classroom_id=classroom.id, user_id=user_id,
                                     join_code=classroom.join_code, removed_at=now))


def removed_students(classroom: Classroom) -> list[Removal]:
    """Who was taken out of the class and cannot join it again with its current code."""
    return list(db.session.scalars(
        sa.select(Removal).where(Removal.classroom_id == classroom.id,
                                 Removal.join_code == classroom.join_code)
        .options(sa.orm.joinedload(Removal.user)).order_by(Removal.removed_at)))


def put_back(classroom: Classroom, user_id: int) -> None:
    """Put a student the teacher took out back in the class, from now (their earlier stay is
    kept: what they did in it stays the teacher's to see). A student whose account the
    teacher made has no join code to type: this is their only way back.

    Raises ClassError when someone in the class has their name meanwhile; nothing changes
    when they are not taken out of it (put back already, by a second tap)."""
    with write_transaction():
        lock_student(user_id)
        lock_results([classroom.id])
        removal = db.session.get(Removal, (classroom.id, user_id))
        if removal is None or membership(classroom.id, user_id) is not None:
            return
        name = db.session.get_one(User, user_id).display_name
        if taken_name_class(user_id, name, [classroom.id]) is not None:
            raise ClassError(N_("Someone in the class now has the name %(display)s: rename "
                                "one of them first (on the student's page)."), display=name)
        db.session.delete(removal)
        db.session.add(Membership(classroom_id=classroom.id, user_id=user_id))
        db.session.flush()
        recount(classroom_ids=[classroom.id], user_ids=[user_id])


def set_hidden_from_board(classroom: Classroom, user_id: int, hidden: bool) -> None:
    with write_transaction():
        db.session.execute(sa.update(Membership).where(
            Membership.classroom_id == classroom.id, Membership.user_id == user_id
        ).values(hidden_from_board=hidden))


def assign_quiz(classroom: Classroom, quiz: Quiz, opens_at: dt.datetime | None,
                due_at: dt.datetime | None, counting: str,
                max_attempts: int | None = None, *, review_score: str = "now",
                review_marks: str = "now", review_answers: str = "after_due",
                practice: bool = False) -> Assignment:
    """Give a quiz to a class (or change the dates, rule, attempt limit and review options of
    an existing assignment). ``max_attempts``: how many attempts a student may make (None: no
    limit). ``review_*``: when students see their score, which answers were right, and the
    right answers with explanations and passages ("now", "after_due", "never";
    quiz/services/review.py). ``practice``: students take it one question at a time, each
    answer explained as far as the review options show it."""
    if max_attempts is not None and max_attempts < 1:
        raise ClassError(N_("A student needs at least one attempt."))
    if opens_at and due_at and opens_at >= due_at:
        raise ClassError(N_("The due date must come after the opening date."))
    with write_transaction():
        lock_results([classroom.id])
        assignment = db.session.scalar(sa.select(Assignment).where(
            Assignment.classroom_id == classroom.id, Assignment.quiz_id == quiz.id))
        if assignment is None:
            assignment = Assignment(classroom_id=classroom.id, quiz_id=quiz.id)
            db.session.add(assignment)
        assignment.opens_at, assignment.due_at, assignment.counting = opens_at, due_at, counting
        assignment.max_attempts = max_attempts
        assignment.review_score, assignment.review_marks, assignment.review_answers = (
            review_score, review_marks, review_answers)
        assignment.practice = practice
        db.session.flush()
        recount(classroom_ids=[classroom.id], assignment_ids=[assignment.id])
    return assignment


def publish_and_assign(quiz: Quiz, classrooms: Sequence[Classroom], opens_at: dt.datetime | None,
                       due_at: dt.datetime | None, counting: str,
                       max_attempts: int | None = None, **review: Any) -> list[Assignment]:
    """Publish the quiz (unless it is already) and assign it to each of ``classrooms`` with the
    same rules (``assign_quiz``'s arguments), all or nothing: one use case, one transaction.

    Raises StatusRefused (quiz/services/editing.py) when the quiz cannot be published (drafts
    to review, no questions), ClassError as ``assign_quiz`` does.
    """
    with write_transaction():
        if quiz.status != "published":
            set_status(quiz, "published")
        # Each assignment locks its class: in id order, as every change of counted results
        # does (the teacher's list comes by school year and name: a student of two of these
        # classes submitting meanwhile deadlocked with it on PostgreSQL).
        made = {room.id: assign_quiz(room, quiz, opens_at, due_at, counting, max_attempts,
                                     **review)
                for room in sorted(classrooms, key=lambda room: room.id)}
        return [made[room.id] for room in classrooms]


def assigned_classes(teacher_id: int, quiz_id: int) -> dict[int, Assignment]:
    """The teacher's classes to which the quiz is assigned: class id → its assignment."""
    return {a.classroom_id: a for a in db.session.scalars(
        sa.select(Assignment).join(Classroom, Classroom.id == Assignment.classroom_id)
        .where(Classroom.teacher_id == teacher_id, Assignment.quiz_id == quiz_id)
        .options(sa.orm.contains_eager(Assignment.classroom)))}


def other_teachers_assignments(teacher_id: int, quiz_id: int) -> int:
    """How many classes of other teachers the quiz is assigned to (a quiz seen by everyone can
    be): archiving or unpublishing it takes it from their students too."""
    return db.session.scalar(
        sa.select(sa.func.count(Assignment.id))
        .join(Classroom, Classroom.id == Assignment.classroom_id)
        .where(Classroom.teacher_id != teacher_id, Assignment.quiz_id == quiz_id)) or 0


def unassign_quiz(classroom: Classroom, assignment_id: int) -> None:
    """Take a quiz back from a class; attempts stay, it just leaves the boards."""
    with write_transaction():
        lock_results([classroom.id])
        db.session.execute(sa.delete(CountedResult).where(
            CountedResult.assignment_id == assignment_id,
            CountedResult.classroom_id == classroom.id))
        db.session.execute(sa.delete(Assignment).where(
            Assignment.id == assignment_id, Assignment.classroom_id == classroom.id))


def classes_of_student(user_id: int) -> list[Classroom]:
    return list(db.session.scalars(
        sa.select(Classroom).join(Membership).where(Membership.user_id == user_id)
        .order_by(Classroom.name)))


def classes_of_teacher(user_id: int) -> list[Classroom]:
    return list(db.session.scalars(
        sa.select(Classroom).where(Classroom.teacher_id == user_id)
        .order_by(Classroom.school_year.desc(), Classroom.name)))


def member_counts(class_ids: list[int]) -> dict[int, int]:
    """Class id → number of members, in one query (every class of `class_ids` is a key)."""
    counts = dict.fromkeys(class_ids, 0)
    if class_ids:
        for class_id, members in db.session.execute(
                sa.select(Membership.classroom_id, sa.func.count(Membership.id))
                .where(Membership.classroom_id.in_(class_ids))
                .group_by(Membership.classroom_id)):
            counts[class_id] = members
    return counts


def assignments_for_student(user_id: int, *, limit: int | None = None,
                            now: dt.datetime | None = None) -> list[Assignment]:
    """The published quizzes assigned to the student's classes: first those still to do (not
    submitted yet, not overdue), soonest due first; then the others, newest assignment first.

    limit: at most this many (a class doing the news quiz daily passes 500 assignments).
    """
    now = now or utcnow()
    # The ids first, by two plain queries rather than one ordered by a condition (SQLite
    # evaluates an ORDER BY condition once per sort key, four times per assignment), then
    # only the rows shown with their class and quiz: a class given 600 quizzes costs 1.5 ms
    # instead of 4.
    done = Assignment.quiz_id.in_(
        sa.select(Attempt.quiz_id).where(Attempt.user_id == user_id,
                                         Attempt.status == "submitted"))
    to_do = sa.and_(~done, sa.or_(Assignment.due_at.is_(None), Assignment.due_at >= now))
    ids = _assigned_to(user_id, sa.select(Assignment.id))
    chosen = list(db.session.scalars(
        ids.where(to_do).order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.id)
        .limit(limit)))
    # Always three queries (a page's query count must not depend on the data).
    chosen += db.session.scalars(
        ids.where(~to_do).order_by(Assignment.id.desc())
        .limit(None if limit is None else limit - len(chosen)))
    loaded = {assignment.id: assignment for assignment in db.session.scalars(
        sa.select(Assignment).where(Assignment.id.in_(chosen))
        # Each quiz's title and language, not its article and question file.
        .options(sa.orm.joinedload(Assignment.classroom),
                 sa.orm.joinedload(Assignment.quiz).joinedload(Quiz.current_revision)
                 .load_only(QuizRevision.title, QuizRevision.language,
                            QuizRevision.published_on, QuizRevision.number)))}
    return [loaded[assignment_id] for assignment_id in chosen]


def _due_dates(user_id: int, quiz_id: int) -> list[tuple[str, dt.datetime | None]]:
    """(class name, due date or None) of the quiz's assignments to the student's classes."""
    return [(name, due) for name, due in db.session.execute(
        sa.select(Classroom.name, Assignment.due_at)
        .join(Assignment, Assignment.classroom_id == Classroom.id)
        .join(Membership, Membership.classroom_id == Classroom.id)
        .where(Membership.user_id == user_id, Assignment.quiz_id == quiz_id))]


def _latest_of_all(dues: list[dt.datetime | None]) -> dt.datetime | None:
    if not dues or any(due is None for due in dues):
        return None
    return max(due for due in dues if due is not None)


def last_due_date(user_id: int, quiz_id: int) -> dt.datetime | None:
    """The latest due date of the quiz's assignments to the student's classes when every one
    of them has one: an attempt submitted after it is late for all, and counts nowhere. None
    when the quiz is not assigned to them, or one of its assignments has no due date."""
    return _latest_of_all([due for _name, due in _due_dates(user_id, quiz_id)])


def lateness(user_id: int, quiz_id: int,
             submitted_at: dt.datetime) -> tuple[dt.datetime | None, list[str]]:
    """For an attempt handed in at `submitted_at`: the last due date when it was late for all
    the student's classes given the quiz (else None), and the names of those whose due date
    had passed — it counts in none of them (a student of two classes, late for one, was told
    only where it counts). One query."""
    dues = _due_dates(user_id, quiz_id)
    last = _latest_of_all([due for _name, due in dues])
    return (last if last is not None and submitted_at > last else None,
            sorted(name for name, due in dues if due is not None and due < submitted_at))


def assignment_count(user_id: int) -> int:
    """How many assignments ``assignments_for_student`` lists without a limit."""
    return db.session.scalar(
        _assigned_to(user_id, sa.select(sa.func.count(Assignment.id)))) or 0


def assigned_quiz_ids(user_id: int) -> sa.Select[int]:
    """A query of the ids of the quizzes assigned to the student's classes (published or
    not), for a list to keep or leave out."""
    return (sa.select(Assignment.quiz_id)
            .join(Membership, Membership.classroom_id == Assignment.classroom_id)
            .where(Membership.user_id == user_id))


def _assigned_to(user_id: int, query: SelectT) -> SelectT:
    """`query` (of Assignment) kept to the published quizzes assigned to the student's
    classes: what ``assignments_for_student`` lists and ``assignment_count`` counts."""
    return (query.join(Membership, Membership.classroom_id == Assignment.classroom_id)
            .join(Quiz, Quiz.id == Assignment.quiz_id)
            .where(Membership.user_id == user_id, Quiz.status == "published"))


# ---------------------------------------------------------------------------------------------
# Accounts made by the teacher for a class whose students have no e-mail or cannot register

ROSTER_MAX = 60  # names a form creates at once: a class, or two


@dataclass(frozen=True)
class NewAccount:
    """A student account the teacher made: what to hand the student, shown once. Or, with
    ``from_class`` (« 4e B · 2026-2027 »), the account the student already has in another of
    the teacher's classes, added to this one: no second account — with no password when
    they chose their own, with a new temporary one when they never did."""

    display_name: str
    username: str
    temporary_password: str | None
    from_class: str | None = None


class RosterError(Exception):
    """Names the teacher typed that cannot all be made accounts: (line, message) each, the
    message English with ``%(…)s`` placeholders filled from its params (Message)."""

    def __init__(self, problems: list[tuple[int, Message]]) -> None:
        super().__init__("; ".join(f"line {line}: {message}" for line, message in problems))
        self.problems = problems


def create_students(classroom: Classroom, text: str) -> list[NewAccount]:
    """An account for each student named in `text` (a name a line, blank lines skipped), in
    the class, with a temporary password the student replaces at their first login.

    Each name follows the display-name rules and must be free in the class and in the list;
    the username is the name in plain Latin letters (« Léa Martin » → lea.martin, « Олена
    Шевченко » → olena.shevchenko, a number added when taken: _username_bases). A student
    already in another of the teacher's classes (the list of a new school year) is added
    with their account, not given a second one. All or nothing: RosterError names every line
    that cannot be made, and nothing is stored.
    """
    problems: list[tuple[int, Message]] = []
    names: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            # A list copied from a spreadsheet (MARTIN ⇥ Léa): its columns, words of the name.
            name = clean_display_name(raw.replace("\t", " "))
        except AccountError as error:
            problems.append((number, Message(error.message, error.params)))
            continue
        key = name_key(name)
        if key in seen:
            problems.append((number, Message(N_("the same name as line %(line)s: add an initial "
                                                "to one of them"), {"line": seen[key]})))
            continue
        seen[key] = number
        names.append((number, name))
    if len(names) > ROSTER_MAX:
        problems.append((names[ROSTER_MAX][0], Message(
            N_("at most %(num)s students at a time: create the others in a second list"),
            {"num": ROSTER_MAX})))
    if not names and not problems:
        problems.append((1, Message(N_("type the students' names, one a line"))))
    problems += _taken_in_class(classroom, names)  # every line said at once
    problems += _students_known_elsewhere(classroom, names)[1]
    if problems:
        raise RosterError(sorted(problems, key=lambda problem: problem[0]))
    made: list[NewAccount] = []
    with write_transaction():
        # Read again in the writers' transaction (a student who joined, or was renamed,
        # meanwhile); the students locked before the class, as every writer does
        # (leaderboard.lock_student): the other order deadlocks with a join.
        known, ambiguous = _students_known_elsewhere(classroom, names)
        for user_id in sorted(user_id for user_id, _username, _class in known.values()):
            lock_student(user_id)
        lock_results([classroom.id])
        problems = _taken_in_class(classroom, names) + ambiguous
        if problems:
            raise RosterError(sorted(problems, key=lambda problem: problem[0]))
        for number, name in names:
            if number in known:  # their account, from last year's class: in this one too
                user_id, username, from_class = known[number]
                db.session.add(Membership(classroom_id=classroom.id, user_id=user_id))
                db.session.flush()
                recount(classroom_ids=[classroom.id], user_ids=[user_id])
                student = db.session.get_one(User, user_id)
                password = None
                if student.must_change_password:
                    # Never logged in with the slip of that class: this sheet is theirs now,
                    # with a password that works (the other slip's stops).
                    password = temporary_password()
                    student.set_password(password)
                    end_other_sessions(student)
                made.append(NewAccount(name, username, password, from_class))
                continue
            username = _free_username(name)
            password = temporary_password()
            user = User(username=username, display_name=name, must_change_password=True)
            user.set_password(password)
            db.session.add(user)
            db.session.flush()
            db.session.add(Membership(classroom_id=classroom.id, user_id=user.id))
            made.append(NewAccount(name, username, password))
    return made


def _students_known_elsewhere(classroom: Classroom, names: list[tuple[int, str]]
                              ) -> tuple[dict[int, tuple[int, str, str]],
                                         list[tuple[int, Message]]]:
    """The names of students already in another of the teacher's classes (last year's, the
    group of another subject): line → (their account's id, username, « class · year »), so
    that the list of a new year gives them no second account. A name two of those students
    share is a problem line: which child is meant, the app cannot tell.

    Only an account whose username is the one a list makes of that name (« Léa Martin »:
    lea.martin, lea.martin2…): a display name alone is the student's to change, and a
    student renamed « Chloé Nguyen » would be pulled into the class of the new Chloé."""
    wanted = {name_key(name): (number, _username_bases(name)) for number, name in names}
    found: dict[int, dict[int, tuple[str, str]]] = {}
    rows = db.session.execute(
        sa.select(User.id, User.username, User.display_name, Classroom.name,
                  Classroom.school_year)
        .join(Membership, Membership.user_id == User.id)
        .join(Classroom, Classroom.id == Membership.classroom_id)
        .where(Classroom.teacher_id == classroom.teacher_id, Classroom.id != classroom.id,
               User.role == "student")
        .order_by(Classroom.school_year.desc(), Classroom.id))
    for user_id, username, display_name, class_name, year in rows:
        number, bases = wanted.get(name_key(display_name), (None, ()))
        if number is not None and any(re.fullmatch(re.escape(base) + r"[0-9]*", username)
                                      for base in bases):
            found.setdefault(number, {}).setdefault(
                user_id, (username, f"{class_name} · {year}"))
    known: dict[int, tuple[int, str, str]] = {}
    ambiguous: list[tuple[int, Message]] = []
    for number, accounts in found.items():
        if len(accounts) == 1:
            (user_id, (username, from_class)), = accounts.items()
            known[number] = (user_id, username, from_class)
        else:
            ambiguous.append((number, Message(N_(
                "%(num)s of your students in other classes have this name (%(usernames)s): "
                "add an initial to tell them apart, or let the right one join with the "
                "class's code"), {"num": len(accounts), "usernames": ", ".join(
                    sorted(username for username, _class in accounts.values()))})))
    return known, ambiguous


def _taken_in_class(classroom: Classroom, names: list[tuple[int, str]]
                    ) -> list[tuple[int, Message]]:
    """The lines naming someone in the class, or a student the teacher took out of it (who
    comes back with « Put back in the class », not through a list)."""
    return _in_class(classroom, names) + _taken_out_of(classroom, names)


def _taken_out_of(classroom: Classroom, names: list[tuple[int, str]]
                  ) -> list[tuple[int, Message]]:
    out = {name_key(display_name) for display_name in db.session.scalars(
        sa.select(User.display_name).join(Removal, Removal.user_id == User.id)
        .where(Removal.classroom_id == classroom.id))}
    return [(number, Message(N_("%(name)s was taken out of this class: to have them back, "
                                "use “Put back in the class” in its list of students"),
                             {"name": name}))
            for number, name in names if name_key(name) in out]


def _in_class(classroom: Classroom, names: list[tuple[int, str]]
              ) -> list[tuple[int, Message]]:
    # Often the same list sent again (Back from the passwords' page, a reload): their account
    # exists, and a second one for the same child is the mistake to avoid.
    return [(number, Message(N_("%(name)s is in this class already: their account exists (for "
                                "a new password, open their page from the class's list); "
                                "for another pupil of that name, add an initial"),
                             {"name": name}))
            for number, name in names if taken_name_class(None, name, [classroom.id])]


def _username_bases(name: str) -> tuple[str, ...]:
    """The username a list makes of a name, before a number is added: its letters written in
    Latin ones (anyascii) — « Léa Martin » → lea.martin, « Олена Шевченко » →
    olena.shevchenko, « 张伟 » → zhangwei, « Łukasz » → lukasz; « student » when nothing is
    left. Then, when it differs, the one lists made before 2026-12-05, which dropped every
    letter outside the Latin alphabet (ukasz.nowak; student for Олена): an account made then
    is still found as that student's (_students_known_elsewhere)."""
    made = with_dots(ascii_words(anyascii(name), 30, whole_words=False)) or "student"
    before = with_dots(ascii_words(name, 30, whole_words=False)) or "student"
    return (made,) if made == before else (made, before)


def _free_username(name: str) -> str:
    """lea.martin, or lea.martin2… when taken (read in the writers' transaction: free when
    stored); student, student2… when a name gives no letter at all."""
    base = _username_bases(name)[0]
    # Taken as a student types it: jean-baptiste.dubois (chosen at registration) is the
    # jean.baptiste.dubois a list would make (accounts.with_dots).
    dotted = dotted_username()
    taken = set(db.session.scalars(sa.select(dotted).where(dotted.like(f"{base}%"))))
    if base not in taken:
        return base
    return next(f"{base}{n}" for n in itertools.count(2) if f"{base}{n}" not in taken)
