"""What a student sees of their submitted attempts at a quiz, and from when (review options).

Each assignment says, for three things, "now", "after_due" or "never": the score; whether each
answer was right (the marks); the right answers with their explanations and passages. A student
in several classes given the same quiz sees a thing only when every one of those assignments
shows it. "After the due date" is at once for an assignment without one.

A quiz taken outside any assignment (practice on a quiz shared with everyone) shows the score
at once, and its answer key (the marks and the answers) as the quiz's assignments to any class
would: while one of them keeps it from its students, nobody outside gets it either — else a
second account, or a friend in another class, would hand it to the class before its due date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

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


def _shown(settings: list[tuple[str, dt.datetime | None]], now: dt.datetime) -> Shown:
    """Shown when every assignment shows it; else from the latest due date still to come,
    or never."""
    later: list[dt.datetime] = []
    for when, due_at in settings:
        if when == "never":
            return Shown(False)
        if not is_shown(when, due_at, now) and due_at is not None:
            later.append(due_at)
    return Shown(True) if not later else Shown(False, max(later))


def review_rules(user_id: int, quiz_ids: Iterable[int],
                 now: dt.datetime | None = None) -> dict[int, ReviewRule]:
    """Quiz id → what the student sees of their attempts at it, in one query."""
    now = now or utcnow()
    ids = sorted(set(quiz_ids))
    rules = dict.fromkeys(ids, EVERYTHING)
    if not ids:
        return rules
    # Quiz id → per thing (score, marks, answers): each assignment's (setting, due date), the
    # student's own (in one of their classes), and the others that hold something back.
    own: dict[int, tuple[list[tuple[str, dt.datetime | None]], ...]] = {}
    others: dict[int, tuple[list[tuple[str, dt.datetime | None]], ...]] = {}
    mine = Membership.id.is_not(None)
    for quiz_id, score, marks, answers, due_at, is_mine in db.session.execute(
            sa.select(Assignment.quiz_id, Assignment.review_score, Assignment.review_marks,
                      Assignment.review_answers, Assignment.due_at, mine)
            .outerjoin(Membership, (Membership.classroom_id == Assignment.classroom_id)
                       & (Membership.user_id == user_id))
            .where(Assignment.quiz_id.in_(ids),
                   mine | (Assignment.review_marks != "now")
                   | (Assignment.review_answers != "now"))):
        for things, when in zip((own if is_mine else others).setdefault(quiz_id, ([], [], [])),
                                (score, marks, answers), strict=True):
            things.append((when, due_at))
    for quiz_id in ids:
        if quiz_id in own:
            score_s, marks_s, answers_s = own[quiz_id]
            rules[quiz_id] = ReviewRule(_shown(score_s, now), _shown(marks_s, now),
                                        _shown(answers_s, now))
        elif quiz_id in others:
            _score, marks_s, answers_s = others[quiz_id]
            rules[quiz_id] = ReviewRule(Shown(True), _for_classes(_shown(marks_s, now)),
                                        _for_classes(_shown(answers_s, now)))
    return rules


def _for_classes(shown: Shown) -> Shown:
    return shown if shown.now else Shown(False, shown.from_, for_classes=True)


def review_rule(user_id: int, quiz_id: int, now: dt.datetime | None = None) -> ReviewRule:
    return review_rules(user_id, [quiz_id], now)[quiz_id]


def answers_kept_from_class(classroom_id: int, quiz_id: int,
                            now: dt.datetime | None = None) -> Assignment | None:
    """The class's assignment of the quiz while it keeps the right answers from its students
    (until a due date still to come, or never); None when there is none or it shows them. A
    live quiz's reveals show them to the class: the teacher is asked first."""
    assignment = db.session.scalar(sa.select(Assignment).where(
        Assignment.classroom_id == classroom_id, Assignment.quiz_id == quiz_id))
    if assignment is None or is_shown(assignment.review_answers, assignment.due_at,
                                      now or utcnow()):
        return None
    return assignment
