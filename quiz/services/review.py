"""What a student sees of their submitted attempts at a quiz, and from when (review options).

Each assignment says, for three things, "now", "after_due" or "never": the score; whether each
answer was right (the marks); the right answers with their explanations and passages. A student
in several classes given the same quiz sees a thing only when every one of those assignments
shows it. "After the due date" is at once for an assignment without one.

A quiz taken outside any assignment (practice on a quiz shared with everyone) shows its answer
key (the answers, and the marks and the score as long as the answers: right or wrong in
practice, or the score going up or down as one answer changes between attempts, rebuilds the
key in a few tries) as the quiz's assignments to any class would: while one of them keeps it
from its students, nobody outside gets it either — else a second account, or a friend in
another class, would hand it to the class before its due date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..extensions import db
from ..models import Assignment, Membership, utcnow


@dataclass(frozen=True)
class Shown:
    """One thing's visibility: shown now, or from a moment (None: never). ``for_classes``:
    held back for a class's assignment of the quiz, not the student's own."""

    now: bool
    from_: dt.datetime | None = None
    for_classes: bool = False


@dataclass(frozen=True)
class ReviewRule:
    score: Shown
    marks: Shown
    answers: Shown


EVERYTHING = ReviewRule(Shown(True), Shown(True), Shown(True))


def is_shown(when: str, due_at: dt.datetime | None, now: dt.datetime) -> bool:
    """One assignment's setting ("now", "after_due", "never") at the moment `now`."""
    return when == "now" or (when == "after_due" and (due_at is None or now > due_at))


def review_rules(user_id: int, quiz_ids: Iterable[int],
                 now: dt.datetime | None = None) -> dict[int, ReviewRule]:
    """Quiz id → what the student sees of their attempts at it, in one query.

    Per quiz, the assignments in the student's classes and, apart, those of other classes
    (the key's rule for a quiz outside any of theirs): for each thing, whether one of them
    says never, and the latest due date still to come of those showing it after it."""
    now = now or utcnow()
    ids = sorted(set(quiz_ids))
    rules = dict.fromkeys(ids, EVERYTHING)
    if not ids:
        return rules
    mine = Membership.id.is_not(None)

    def held(setting: sa.orm.InstrumentedAttribute[str]) -> tuple[sa.ColumnElement[int],
                                                                   sa.ColumnElement[Any]]:
        return (sa.func.max(sa.case((setting == "never", 1), else_=0)),
                sa.func.max(sa.case(((setting == "after_due") & (Assignment.due_at > now),
                                     Assignment.due_at))))

    rows = db.session.execute(
        sa.select(Assignment.quiz_id, mine, *held(Assignment.review_score),
                  *held(Assignment.review_marks), *held(Assignment.review_answers))
        .outerjoin(Membership, (Membership.classroom_id == Assignment.classroom_id)
                   & (Membership.user_id == user_id))
        .where(Assignment.quiz_id.in_(ids),
               mine | (Assignment.review_marks != "now") | (Assignment.review_answers != "now"))
        .group_by(Assignment.quiz_id, mine)).all()
    theirs = {row[0] for row in rows if row[1]}
    for quiz_id, is_mine, *held_back in rows:
        score, marks, answers = (_shown(bool(held_back[n]), held_back[n + 1])
                                 for n in (0, 2, 4))
        if is_mine:
            rules[quiz_id] = ReviewRule(score, marks, answers)
        elif quiz_id not in theirs:
            # Which answers were right, in practice with no limit of attempts, is the key too
            # in a few tries: held as long as the answers are; and so is the score (one
            # answer changed from one attempt to the next, the score says if it was right).
            outsiders_marks = _for_classes(answers if marks.now else marks)
            rules[quiz_id] = ReviewRule(outsiders_marks, outsiders_marks,
                                        _for_classes(answers))
    return rules


def _shown(never: bool, until: dt.datetime | None) -> Shown:
    """Shown when every assignment shows it; else from the latest due date still to come,
    or never."""
    if never:
        return Shown(False)
    return Shown(True) if until is None else Shown(False, until)


def _for_classes(shown: Shown) -> Shown:
    return shown if shown.now else Shown(False, shown.from_, for_classes=True)


def review_rule(user_id: int, quiz_id: int, now: dt.datetime | None = None) -> ReviewRule:
    return review_rules(user_id, [quiz_id], now)[quiz_id]


def answers_kept_from_class(classroom_id: int, quiz_id: int, now: dt.datetime | None = None,
                            *, other_classes: bool = False) -> Assignment | None:
    """The class's assignment of the quiz while it keeps the right answers from its students
    (until a due date still to come, or never); None when there is none or it shows them. A
    live quiz's reveals show them to the class: the teacher is asked first.

    ``other_classes``: any class's such assignment (the class's own first) — a live quiz open
    to guests shows them to whoever has its code, a student of another class included."""
    now = now or utcnow()
    query = sa.select(Assignment).where(Assignment.quiz_id == quiz_id)
    if not other_classes:
        query = query.where(Assignment.classroom_id == classroom_id)
    for assignment in db.session.scalars(
            query.order_by(Assignment.classroom_id != classroom_id, Assignment.id)):
        if not is_shown(assignment.review_answers, assignment.due_at, now):
            return assignment
    return None


@dataclass(frozen=True)
class HeldElsewhere:
    """Other classes (with students) that keep a quiz's right answers from their students
    longer than some classes show them to theirs: until ``until`` at least (the latest due
    date of those that show them after it), or for good (``never``)."""

    until: dt.datetime | None
    never: bool


def held_longer_elsewhere(quiz_id: int, classroom_ids: Iterable[int], review_answers: str,
                          due_at: dt.datetime | None,
                          now: dt.datetime | None = None) -> HeldElsewhere | None:
    """None unless the classes `classroom_ids`, given the quiz with these settings, show its
    right answers (at once, or after `due_at`) before another class's assignment of it does:
    their students could pass them on to that class before its own due date. Any teacher's
    class with students counts (none is named, nor counted)."""
    now = now or utcnow()
    if review_answers == "never":
        return None
    shown_from = due_at if review_answers == "after_due" and due_at is not None \
        and due_at > now else now
    has_students = sa.exists().where(Membership.classroom_id == Assignment.classroom_id)
    later = [other for other in db.session.scalars(
        sa.select(Assignment).where(Assignment.quiz_id == quiz_id, has_students,
                                    Assignment.classroom_id.not_in(list(classroom_ids))))
        if not is_shown(other.review_answers, other.due_at, shown_from)]
    if not later:
        return None
    dues = [other.due_at for other in later
            if other.review_answers == "after_due" and other.due_at is not None]
    return HeldElsewhere(max(dues) if dues else None,
                         any(other.review_answers == "never" for other in later))
