"""Regrading: the attempts made on earlier versions of a quiz, marked again with the current
version's right answers once a teacher has corrected one.

An attempt is graded once, against the version it answered (quiz/services/attempts.py), and
keeps that grade through later edits. When a right answer was wrong, a teacher regrades: each
submitted attempt on an earlier version whose marks the current right answers change moves
onto the current version — each answer to the same question there and the choice of the same
text (`content.counterparts`) — and is marked again. Its score is then its number of right
answers; its total stays (the questions it asked: a question added since is not one it
answered). The counted results of every class given the quiz are stored again in the same
transaction, so boards, gradebooks and exports follow; the attempt keeps when it was
regraded, which its results page says.

An attempt one of whose answers has no counterpart (its question removed since, or the choice
it chose rewritten) cannot move: it keeps its grade, and the plan counts it (``left``).
Live quizzes' standings (quiz/services/live.py) are a game's moment and are not redone; the
attempts a live quiz stored are regraded like the others.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import sqlalchemy as sa

from ..database import write_transaction
from ..extensions import db
from ..models import Answer, Assignment, Attempt, Quiz, utcnow
from ..questionfile.text import same_choice
from .content import QuestionContent, RevisionContent, counterparts, revision_content
from .leaderboard import lock_results, recount


@dataclass(frozen=True)
class KeyChange:
    """A question of the current version whose right answer was another in earlier versions
    that have submitted attempts."""

    position: int  # in the current version, from 1
    key: str  # its id in the file
    prompt: str
    now: str  # the right answer's text now
    before: tuple[tuple[int, str], ...]  # (version number, its right answer's text)


@dataclass(frozen=True)
class AttemptRegrade:
    """One attempt and what regrading does to it."""

    attempt_id: int
    revision_id: int  # the version it answered (the guard of its UPDATE)
    score_before: int
    score_after: int
    answers: tuple[tuple[int, int, int, bool], ...]  # answer id, question id, choice id, right
    marks_change: bool  # else it only moves onto the current version, marked as it was


@dataclass(frozen=True)
class RegradePlan:
    changes: tuple[KeyChange, ...]
    attempts: tuple[AttemptRegrade, ...]  # every one that moves
    left: int  # whose marks would change, but an answer of theirs has no counterpart

    @property
    def regraded(self) -> int:
        """How many attempts' marks change."""
        return sum(a.marks_change for a in self.attempts)

    @property
    def up(self) -> int:
        return sum(a.score_after > a.score_before for a in self.attempts)

    @property
    def down(self) -> int:
        return sum(a.score_after < a.score_before for a in self.attempts)


def _right(question: QuestionContent) -> str:
    return next(c.text for c in question.choices if c.is_correct)


def _earlier_versions(quiz: Quiz) -> list[RevisionContent]:
    """The earlier versions of the quiz that have submitted attempts, oldest first."""
    ids = db.session.scalars(
        sa.select(Attempt.revision_id).distinct()
        .where(Attempt.quiz_id == quiz.id, Attempt.status == "submitted",
               Attempt.revision_id != quiz.current_revision_id))
    return sorted((revision_content(revision_id) for revision_id in ids),
                  key=lambda content: content.number)


def key_changes(quiz: Quiz) -> tuple[KeyChange, ...]:
    """The questions of the current version whose right answer differs (capitals and spaces
    aside) in an earlier version with submitted attempts: what a regrade would correct. Read
    from the versions' kept content, one query: the quiz page asks it on every visit."""
    return _key_changes(revision_content(quiz.revision.id), _earlier_versions(quiz))


def _key_changes(current: RevisionContent,
                 earlier: list[RevisionContent]) -> tuple[KeyChange, ...]:
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for version in earlier:
        then = {q.key: _right(q) for q in version.all_questions}
        for question in current.all_questions:
            if (question.key in then
                    and same_choice(then[question.key]) != same_choice(_right(question))):
                found[question.key].append((version.number, then[question.key]))
    return tuple(KeyChange(position, question.key, question.prompt, _right(question),
                           tuple(found[question.key]))
                 for position, question in enumerate(current.all_questions, start=1)
                 if question.key in found)


def plan_regrade(quiz: Quiz) -> RegradePlan:
    """What regrading the quiz's attempts would change, nothing written: the questions whose
    right answer changed; the attempts of the versions that had another one, each moving onto
    the current version (marked again: some marks change, others not; all move, so that once
    done no attempt that can follow is left on a version with another right answer); how many
    attempts whose marks would change cannot move."""
    current = revision_content(quiz.revision.id)
    earlier = [version for version in _earlier_versions(quiz)
               if _key_changes(current, [version])]
    changes = _key_changes(current, earlier)
    if not changes:
        return RegradePlan((), (), 0)
    changed_keys = {change.key for change in changes}
    found = {version.id: counterparts(version, current.all_questions) for version in earlier}
    key_of = {choice.id: question.key for version in earlier
              for question in version.all_questions for choice in question.choices}
    rows: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)
    graded: dict[int, tuple[int, int]] = {}
    for answer_id, attempt_id, choice_id, is_correct, revision_id, score in db.session.execute(
            sa.select(Answer.id, Answer.attempt_id, Answer.choice_id, Answer.is_correct,
                      Attempt.revision_id, Attempt.score)
            .join(Attempt, Attempt.id == Answer.attempt_id)
            .where(Attempt.quiz_id == quiz.id, Attempt.status == "submitted",
                   Attempt.revision_id.in_(sorted(found)))
            .order_by(Answer.attempt_id, Answer.id)):
        rows[attempt_id].append((answer_id, choice_id, bool(is_correct)))
        graded[attempt_id] = (revision_id, score or 0)
    attempts, left = [], 0
    for attempt_id, answers in rows.items():
        revision_id, score = graded[attempt_id]
        there = found[revision_id]
        moved = [(answer_id, *there[choice_id], is_correct) for answer_id, choice_id, is_correct
                 in answers if choice_id in there]
        changed = any(choice.is_correct != was for _a, _q, choice, was in moved)
        if len(moved) < len(answers):
            # Some answer cannot follow: the attempt keeps its grade. Counted when a regrade
            # would have changed it (a mark of the others, or an answer to a corrected question).
            left += changed or any(key_of.get(choice_id) in changed_keys
                                   for _a, choice_id, _r in answers if choice_id not in there)
        else:
            attempts.append(AttemptRegrade(
                attempt_id, revision_id, score, sum(choice.is_correct for *_x, choice, _w in moved),
                tuple((answer_id, question.id, choice.id, choice.is_correct)
                      for answer_id, question, choice, _was in moved), changed))
    return RegradePlan(changes, tuple(attempts), left)


def regrade(quiz: Quiz, now: dt.datetime | None = None) -> RegradePlan:
    """Regrade the quiz's attempts as `plan_regrade` says, in one transaction with the counted
    results of every class given the quiz; the plan carried out (an attempt deleted meanwhile,
    or regraded by another teacher at the same moment, is left out)."""
    now = now or utcnow()
    with write_transaction():
        # The quiz's row first: a version saved meanwhile (the importer holds the row) comes
        # before or after the regrade, never between its plan and its writes.
        db.session.execute(sa.select(Quiz.id).where(Quiz.id == quiz.id)
                           .with_for_update(key_share=True))
        db.session.refresh(quiz)
        current_id = quiz.revision.id
        plan = plan_regrade(quiz)
        if not plan.attempts:
            return plan
        # Then the locking order of every change of counted results
        # (leaderboard.lock_student): the attempts, then the classes in id order.
        ids = sorted(a.attempt_id for a in plan.attempts)
        db.session.execute(sa.select(Attempt.id).where(Attempt.id.in_(ids))
                           .order_by(Attempt.id).with_for_update(key_share=True))
        given = db.session.execute(sa.select(Assignment.id, Assignment.classroom_id)
                                   .where(Assignment.quiz_id == quiz.id)).all()
        lock_results(classroom_id for _a, classroom_id in given)
        done = []
        answer = Answer.__table__
        # Core on the session's connection (the ORM's bulk UPDATE takes no WHERE besides the
        # key): the guard first, then the attempt's answers in one executemany.
        for attempt in plan.attempts:
            moved = db.session.connection().execute(
                sa.update(Attempt.__table__)
                .where(Attempt.__table__.c.id == attempt.attempt_id,
                       Attempt.__table__.c.status == "submitted",
                       Attempt.__table__.c.revision_id == attempt.revision_id)
                .values(revision_id=current_id, score=attempt.score_after,
                        regraded_at=now if attempt.marks_change
                        else Attempt.__table__.c.regraded_at)).rowcount
            if moved == 1:
                db.session.connection().execute(
                    sa.update(answer).where(answer.c.id == sa.bindparam("b_id"))
                    .values(question_id=sa.bindparam("b_question"),
                            choice_id=sa.bindparam("b_choice"),
                            is_correct=sa.bindparam("b_right")),
                    [{"b_id": answer_id, "b_question": question_id, "b_choice": choice_id,
                      "b_right": right}
                     for answer_id, question_id, choice_id, right in attempt.answers])
                done.append(attempt)
        recount(classroom_ids={classroom_id for _a, classroom_id in given},
                assignment_ids=[assignment_id for assignment_id, _c in given])
    return RegradePlan(plan.changes, tuple(done), plan.left)
