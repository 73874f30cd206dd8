"""Regrading: the attempts made on earlier versions of a quiz, marked again with the current
version's right answers once a teacher has corrected one.

An attempt is graded once, against the version it answered (quiz/services/attempts.py), and
keeps that grade through later edits. When a right answer was wrong, a teacher regrades: each
submitted attempt on an earlier version whose right answer for a question is another choice
than the current one moves onto the current version — each answer to the same question there
and the same choice (`content.counterparts`: the same text, capitals, spaces, quotes and a
closing full stop aside) — and is marked again. Its score is then its number of right
answers; its total stays (the questions it asked: a question added since is not one it
answered). The counted results of every class given the quiz are stored again in the same
transaction, so boards, gradebooks and exports follow; an attempt that answered a corrected
question keeps when it was regraded, which its results page says.

An attempt one of whose answers cannot follow (its question removed since, or the choice it
chose gone) cannot move: it keeps its marks, and the plan counts it (``left``) with the
reasons. Live quizzes' standings (quiz/services/live.py) are a game's moment and are not
redone; the attempts a live quiz stored are regraded like the others.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace

import sqlalchemy as sa

from ..database import write_transaction
from ..extensions import db
from ..models import Answer, Assignment, Attempt, Quiz, utcnow
from .content import (
    ChoiceContent,
    QuestionContent,
    RevisionContent,
    counterparts,
    revision_content,
    right_answer_follows,
)
from .leaderboard import lock_results, recount


class QuizChanged(Exception):
    """Another version was saved since the page that asked for the regrade was read."""


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
    user_id: int
    submitted_at: dt.datetime
    practice: bool
    live: bool
    revision_id: int  # the version it answered (the guard of its UPDATE)
    score_before: int
    score_after: int
    total: int
    answers: tuple[tuple[int, int, int, bool], ...]  # answer id, question id, choice id, right
    marks_change: bool  # else it moves onto the current version with the marks it had
    corrected: bool  # it answered a question whose right answer changed: its results say so


@dataclass(frozen=True)
class RegradePlan:
    quiz_id: int
    changes: tuple[KeyChange, ...]
    attempts: tuple[AttemptRegrade, ...]  # every one that moves
    left: int  # whose marks would change, but an answer of theirs cannot follow
    removed: tuple[str, ...] = ()  # why: the prompts of questions removed since…
    # …and the choices no longer there: (the question's position now, from 1; its key; the
    # choice's text), the question to edit named (a wording fix to a wrong choice of another
    # question held back a regrade, unsaid which)
    rewritten: tuple[tuple[int, str, str], ...] = ()
    left_ids: tuple[int, ...] = ()  # those attempts

    @property
    def regraded(self) -> tuple[AttemptRegrade, ...]:
        """The attempts whose marks change."""
        return tuple(a for a in self.attempts if a.marks_change)

    @property
    def up(self) -> int:
        return sum(a.score_after > a.score_before for a in self.attempts)

    @property
    def down(self) -> int:
        return sum(a.score_after < a.score_before for a in self.attempts)


def _earlier_versions(quiz: Quiz) -> list[RevisionContent]:
    """The earlier versions of the quiz that have submitted attempts, oldest first (none,
    without a query, for a quiz never edited: most of them)."""
    if quiz.revision.number == 1:
        return []
    ids = db.session.scalars(
        sa.select(Attempt.revision_id).distinct()
        .where(Attempt.quiz_id == quiz.id, Attempt.status == "submitted",
               Attempt.revision_id != quiz.current_revision_id))
    return sorted((revision_content(revision_id) for revision_id in ids),
                  key=lambda content: content.number)


def _changed_keys(version: RevisionContent, current: RevisionContent,
                  found: dict[int, tuple[QuestionContent, ChoiceContent]]) -> dict[str, str]:
    """Key → the version's right answer, for its questions whose right answer is not the
    current one's (the question still in the current version); `found`: the version's
    choices' counterparts in the current one. A right answer only reworded is the same
    choice (`content.counterparts`)."""
    keys = {q.key for q in current.all_questions}
    return {question.key: next(c.text for c in question.choices if c.is_correct)
            for question in version.all_questions
            if question.key in keys and not right_answer_follows(question, found)}


def _key_changes(current: RevisionContent,
                 versions: dict[int, tuple[RevisionContent, dict[str, str]]]
                 ) -> tuple[KeyChange, ...]:
    before: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for version, changed in versions.values():
        for key, text in changed.items():
            before[key].append((version.number, text))
    return tuple(KeyChange(position, question.key, question.prompt,
                           next(c.text for c in question.choices if c.is_correct),
                           tuple(before[question.key]))
                 for position, question in enumerate(current.all_questions, start=1)
                 if question.key in before)


def plan_regrade(quiz: Quiz) -> RegradePlan:
    """What regrading the quiz's attempts would change, nothing written: the questions whose
    right answer changed; the attempts of the versions that had another one, each moving onto
    the current version and marked again (some marks change, others not: all move, so that
    once done no attempt that can follow is left on a version with another right answer);
    how many attempts whose marks would change cannot follow, and why."""
    current = revision_content(quiz.revision.id)
    earlier = _earlier_versions(quiz)
    found = {v.id: counterparts(v, current.all_questions) for v in earlier}
    versions = {v.id: (v, changed) for v in earlier
                if (changed := _changed_keys(v, current, found[v.id]))}
    changes = _key_changes(current, versions)
    if not changes:
        return RegradePlan(quiz.id, (), (), 0)
    question_of = {choice.id: question for version, _c in versions.values()
                   for question in version.all_questions for choice in question.choices}
    rows: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)
    attempts_read: dict[int, tuple[int, int, dt.datetime, bool, bool, int, int]] = {}
    for answer_id, attempt_id, choice_id, is_correct, revision_id, user_id, submitted_at, \
            practice, live, score, total in db.session.execute(
            sa.select(Answer.id, Answer.attempt_id, Answer.choice_id, Answer.is_correct,
                      Attempt.revision_id, Attempt.user_id, Attempt.submitted_at,
                      Attempt.practice, Attempt.live, Attempt.score, Attempt.total)
            .join(Attempt, Attempt.id == Answer.attempt_id)
            .where(Attempt.quiz_id == quiz.id, Attempt.status == "submitted",
                   Attempt.revision_id.in_(sorted(versions)))
            .order_by(Answer.attempt_id, Answer.id)):
        rows[attempt_id].append((answer_id, choice_id, bool(is_correct)))
        # A submitted attempt has its moment and score (the table's check), said for mypy.
        attempts_read[attempt_id] = (revision_id, user_id, submitted_at or utcnow(),
                                     bool(practice), bool(live), score or 0, total)
    attempts: list[AttemptRegrade] = []
    left_ids, removed = list[int](), set[str]()
    rewritten = set[tuple[int, str, str]]()
    positions = {q.key: n for n, q in enumerate(current.all_questions, start=1)}
    for attempt_id, answers in rows.items():
        revision_id, user_id, submitted_at, practice, live, score, total = \
            attempts_read[attempt_id]
        there, changed = found[revision_id], versions[revision_id][1]
        moved = [(answer_id, *there[choice_id], was) for answer_id, choice_id, was in answers
                 if choice_id in there]
        marks_change = any(choice.is_correct != was for _a, _q, choice, was in moved)
        if len(moved) < len(answers):
            # An answer cannot follow: the attempt keeps its marks. Counted when a regrade
            # would change them (a mark of the others), or when the answer that cannot
            # follow is to a corrected question: its choice reworded into the new right
            # answer, say — the teacher is told which, and can write it back.
            stuck = [(question_of[choice_id], was) for _a, choice_id, was in answers
                     if choice_id not in there]
            if marks_change or any(q.key in changed for q, _was in stuck):
                left_ids.append(attempt_id)
                chosen = {choice for _a, choice, _w in answers}
                for question, _was in stuck:
                    if question.key not in positions:
                        removed.add(question.prompt)
                    else:
                        rewritten.update((positions[question.key], question.key, c.text)
                                         for c in question.choices
                                         if c.id in chosen and c.id not in there)
            continue
        attempts.append(AttemptRegrade(
            attempt_id, user_id, submitted_at, practice, live, revision_id, score,
            sum(choice.is_correct for *_x, choice, _w in moved), total,
            tuple((answer_id, question.id, choice.id, choice.is_correct)
                  for answer_id, question, choice, _was in moved),
            marks_change, any(question.key in changed for _a, question, _c, _w in moved)))
    return RegradePlan(quiz.id, changes, tuple(attempts), len(left_ids), tuple(sorted(removed)),
                       tuple(sorted(rewritten)), tuple(left_ids))


def regrade(quiz: Quiz, revision_id: int, now: dt.datetime | None = None) -> RegradePlan:
    """Regrade the quiz's attempts as `plan_regrade` says, in one transaction with the counted
    results of every class given the quiz; the plan carried out (an attempt deleted meanwhile,
    or regraded by another teacher at the same moment, is left out).

    `revision_id`: the version whose right answers the teacher was shown. Raises QuizChanged
    (nothing written) when another is current once the quiz is locked."""
    now = now or utcnow()
    with write_transaction():
        # The quiz's row first: a version saved meanwhile (the importer holds the row) comes
        # before or after the regrade, never between its plan and its writes.
        db.session.execute(sa.select(Quiz.id).where(Quiz.id == quiz.id)
                           .with_for_update(key_share=True))
        db.session.refresh(quiz)
        current_id = quiz.revision.id
        if current_id != revision_id:
            raise QuizChanged(quiz.slug)
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
        attempt, answer = Attempt.__table__, Answer.__table__
        # Core on the session's connection (the ORM's bulk UPDATE takes no WHERE besides the
        # key): the guard first, then the attempt's answers in one executemany.
        for regraded in plan.attempts:
            moved = db.session.connection().execute(
                sa.update(attempt)
                .where(attempt.c.id == regraded.attempt_id, attempt.c.status == "submitted",
                       attempt.c.revision_id == regraded.revision_id)
                .values(revision_id=current_id, score=regraded.score_after,
                        regraded_at=now if regraded.corrected else attempt.c.regraded_at)
            ).rowcount
            if moved == 1:
                db.session.connection().execute(
                    sa.update(answer).where(answer.c.id == sa.bindparam("b_id"))
                    .values(question_id=sa.bindparam("b_question"),
                            choice_id=sa.bindparam("b_choice"),
                            is_correct=sa.bindparam("b_right")),
                    [{"b_id": answer_id, "b_question": question_id, "b_choice": choice_id,
                      "b_right": right}
                     for answer_id, question_id, choice_id, right in regraded.answers])
                done.append(regraded)
        recount(classroom_ids={classroom_id for _a, classroom_id in given},
                assignment_ids=[assignment_id for assignment_id, _c in given])
    return replace(plan, attempts=tuple(done))
