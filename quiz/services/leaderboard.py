"""Class leaderboards: which attempt counts (kept in ``counted_result``) and how a class ranks.

The counting rule (``recount``) and the ranking rule (``rank_standings``) each stand here
once; the README's "Leaderboards" section says the same in words.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    Assignment,
    Attempt,
    Classroom,
    ClassStay,
    CountedResult,
    Membership,
    Quiz,
    User,
    utcnow,
)
from ..questionfile.text import folded


@dataclass(frozen=True)
class Standing:
    """A student's line on a board.

    ``score`` out of ``out_of`` points over the ``of`` quizzes the board covers, ``done`` of
    them with a counted attempt. ``position`` is shared by equal results (``tied``); None on a
    quiz's board for a student who has not done it.
    """

    position: int | None
    user_id: int
    display_name: str
    score: int
    out_of: int
    done: int
    of: int
    hidden: bool
    tied: bool = False
    # On a quiz's board, no attempt counted but one handed in after the due date: shown as
    # late, not as "not done yet".
    late: bool = False

    @property
    def percent(self) -> int | None:
        return round(100 * self.score / self.out_of) if self.out_of else None


# ---------------------------------------------------------------------------------------------
# Which attempt counts

def _counting_order() -> tuple[sa.ColumnExpressionArgument[object], ...]:
    """The counting rule as an ORDER BY over (assignment, attempt): the first row counts.

    best: the highest score, then the earliest; first: the earliest; latest: the latest.
    """
    latest = Assignment.counting == "latest"
    return (sa.case((Assignment.counting == "best", Attempt.score)).desc(),
            sa.case((latest, Attempt.submitted_at)).desc(),
            sa.case((latest, Attempt.id)).desc(),
            Attempt.submitted_at, Attempt.id)


def lock_student(user_id: int) -> None:
    """Lock the student's row (PostgreSQL; SQLite has one writer at a time anyway) before
    reading which of their classes a change concerns: a submission and the student joining or
    leaving a class then follow each other, and neither misses the other's row.

    The locking order of every change of counted results: the attempt (submission), the
    student, then classes in id order. ``FOR NO KEY UPDATE`` does not block the foreign-key
    checks of rows inserted meanwhile (a membership, an assignment), so two students joining
    one class never deadlock on it."""
    db.session.execute(sa.select(User.id).where(User.id == user_id)
                       .with_for_update(key_share=True))


def lock_results(classroom_ids: Iterable[int]) -> None:
    """Lock the classes' rows (see lock_student), in id order, before changing their counted
    results or their assignments and members."""
    db.session.execute(sa.select(Classroom.id).where(Classroom.id.in_(sorted(classroom_ids)))
                       .order_by(Classroom.id).with_for_update(key_share=True))


def recount(*, classroom_ids: Iterable[int], assignment_ids: Iterable[int] | None = None,
            user_ids: Iterable[int] | None = None) -> None:
    """Store again the counted attempt of these members for these assignments (None: all of
    the classes' members or assignments). Call it inside the write transaction of the change.

    Only attempts submitted between the assignment's opening (or, with none, the moment it was
    given: ``Assignment.counts_from``) and its due date count (late ones are kept, never
    counted); among those the assignment's counting rule picks one.

    The classes' rows are locked first (``lock_results``): two changes of one class's results
    (two submissions, a submission and a new assignment, a student joining) then follow each
    other, and each recounts from what the other committed.
    """
    classroom_ids = sorted(set(classroom_ids))
    if classroom_ids:
        lock_results(classroom_ids)
        _write_counted(classroom_ids, assignment_ids, user_ids)


def _write_counted(classroom_ids: list[int], assignment_ids: Iterable[int] | None,
                   user_ids: Iterable[int] | None) -> None:
    """recount() once the classes are locked."""
    scope = [Assignment.classroom_id.in_(classroom_ids)]
    kept = [CountedResult.classroom_id.in_(classroom_ids)]
    if assignment_ids is not None:
        chosen = sorted(set(assignment_ids))
        scope.append(Assignment.id.in_(chosen))
        kept.append(CountedResult.assignment_id.in_(chosen))
    if user_ids is not None:
        users = sorted(set(user_ids))
        scope.append(Membership.user_id.in_(users))
        kept.append(CountedResult.user_id.in_(users))
    db.session.execute(sa.delete(CountedResult).where(*kept))
    ranked = (
        sa.select(Assignment.id.label("assignment_id"), Attempt.user_id,
                  Assignment.classroom_id, Attempt.id.label("attempt_id"), Attempt.score,
                  Attempt.total,
                  sa.func.row_number().over(partition_by=(Assignment.id, Attempt.user_id),
                                            order_by=_counting_order()).label("place"))
        .join(Membership, Membership.classroom_id == Assignment.classroom_id)
        .join(Attempt, (Attempt.quiz_id == Assignment.quiz_id)
              & (Attempt.user_id == Membership.user_id))
        .where(*scope, Attempt.status == "submitted",
               Attempt.submitted_at >= Assignment.counts_from,
               (Assignment.due_at.is_(None)) | (Attempt.submitted_at <= Assignment.due_at),
               # Work for the class is made in it: taken before joining (on their own, as
               # often as they liked), an attempt is no answer to the class's assignment.
               made_in_class(Assignment.classroom_id, Attempt.user_id, membership_joined=True,
                             handed_in=True))
        .subquery())
    columns = ["assignment_id", "user_id", "classroom_id", "attempt_id", "score", "total"]
    db.session.execute(sa.insert(CountedResult).from_select(
        columns, sa.select(*(ranked.c[name] for name in columns)).where(ranked.c.place == 1)))


def counted_for(user_id: int, assignment_ids: Iterable[int]) -> dict[int, CountedResult]:
    """Assignment id → the student's counted result for it (the boards' and the gradebook's),
    for those that have one: one query."""
    ids = sorted(set(assignment_ids))
    if not ids:
        return {}
    return {row.assignment_id: row for row in db.session.scalars(
        sa.select(CountedResult).where(CountedResult.user_id == user_id,
                                       CountedResult.assignment_id.in_(ids)))}


def done_counts(classroom_id: int, assignment_ids: Iterable[int]) -> dict[int, int]:
    """Assignment id → how many of the class's students have work that counts for it (a
    counted result: the board's « done »; a student taken out of the class takes theirs
    along), for those where some have; one grouped query."""
    ids = sorted(set(assignment_ids))
    if not ids:
        return {}
    rows = db.session.execute(
        sa.select(CountedResult.assignment_id, sa.func.count())
        .where(CountedResult.classroom_id == classroom_id,
               CountedResult.assignment_id.in_(ids))
        .group_by(CountedResult.assignment_id))
    return {assignment_id: count for assignment_id, count in rows}


@dataclass(frozen=True)
class CountedInstead:
    """Another of the student's attempts is the one that counts for a class's assignment."""

    class_name: str
    counting: str  # the assignment's rule: "best", "first" or "latest"
    score: int
    total: int


def counted_instead(attempt: Attempt) -> list[CountedInstead]:
    """For each class given the attempt's quiz where another of the student's attempts counts
    (the first one, a better one…): that one, by class name. The results page says so, beside
    a score that is not the one on the board."""
    rows = db.session.execute(
        sa.select(Classroom.name, Assignment.counting, CountedResult.score, CountedResult.total)
        .join(Assignment, Assignment.id == CountedResult.assignment_id)
        .join(Classroom, Classroom.id == CountedResult.classroom_id)
        .where(CountedResult.user_id == attempt.user_id,
               Assignment.quiz_id == attempt.quiz_id,
               CountedResult.attempt_id != attempt.id)
        .order_by(Classroom.name, Classroom.id))
    return [CountedInstead(*row) for row in rows]


def first_attempt_counts(attempt: Attempt) -> list[str]:
    """The classes (by name) whose assignment of the attempt's quiz counts the first attempt,
    and this one is it: another attempt there is for practice (the results page says so
    beside its button)."""
    return list(db.session.scalars(
        sa.select(Classroom.name)
        .join(CountedResult, CountedResult.classroom_id == Classroom.id)
        .join(Assignment, Assignment.id == CountedResult.assignment_id)
        .where(CountedResult.user_id == attempt.user_id, CountedResult.attempt_id == attempt.id,
               Assignment.counting == "first")
        .order_by(Classroom.name, Classroom.id)))


def first_counts_in(user_id: int, quiz_id: int) -> list[tuple[str, bool]]:
    """The student's classes (by name) given the quiz with its first attempt counting, each
    with whether that attempt was made (a counted result): the quiz's page says, by its
    Start, that the first attempt is the one that counts, or that another is practice."""
    return [(name, counted) for name, counted in db.session.execute(
        sa.select(Classroom.name, CountedResult.attempt_id.is_not(None))
        .select_from(Assignment)
        .join(Membership, Membership.classroom_id == Assignment.classroom_id)
        .join(Classroom, Classroom.id == Assignment.classroom_id)
        .outerjoin(CountedResult, (CountedResult.assignment_id == Assignment.id)
                   & (CountedResult.user_id == user_id))
        .where(Membership.user_id == user_id, Assignment.quiz_id == quiz_id,
               Assignment.counting == "first", Assignment.practice.is_(False))
        .order_by(Classroom.name, Classroom.id))]


def recount_submission(user_id: int, quiz_id: int) -> None:
    """After a submission: the student's counted attempt in each class that was given the
    quiz. The student's row and all their classes are locked first (lock_student): a class
    joined or a quiz assigned at the same moment is then either seen here or sees this
    submission."""
    lock_student(user_id)
    lock_results(db.session.scalars(sa.select(Membership.classroom_id)
                                    .where(Membership.user_id == user_id)))
    found = db.session.execute(
        sa.select(Assignment.id, Assignment.classroom_id)
        .join(Membership, Membership.classroom_id == Assignment.classroom_id)
        .where(Assignment.quiz_id == quiz_id, Membership.user_id == user_id)).all()
    if found:  # their classes are locked already
        _write_counted(sorted({c for _a, c in found}), [a for a, _c in found], [user_id])


def made_in_class(classroom_id: int | sa.ColumnExpressionArgument[int],
                  user_id: int | sa.ColumnExpressionArgument[int], *,
                  membership_joined: bool = False,
                  handed_in: bool = False) -> sa.ColumnElement[bool]:
    """For a query over Attempt: the attempt of ``user_id`` was started while they were in
    the class — since their joining, or within one of their earlier stays (``ClassStay``:
    taken out, maybe put back since). What they did before joining, between two stays or
    after leaving — alone or for another class — is not the class's: its teacher does not see
    it.

    ``handed_in``: submitted (not started) while in the class — what the boards count and the
    limits of attempts count: an attempt begun just before joining and handed in after is
    work for the class (one at most: a student has one attempt in progress per quiz), the
    attempts handed in before joining, as often as the student liked, are not.

    ``membership_joined``: the query joins the student's Membership of the class already; its
    ``joined_at`` is read there (an EXISTS less, run for each row: scores.csv of a class of
    900 took 6× longer on PostgreSQL with it)."""
    moment = Attempt.submitted_at if handed_in else Attempt.started_at
    member = (Membership.joined_at <= moment if membership_joined else
              sa.exists().where(Membership.classroom_id == classroom_id,
                                Membership.user_id == user_id,
                                Membership.joined_at <= moment
                                ).correlate_except(Membership))
    stayed = sa.exists().where(ClassStay.classroom_id == classroom_id,
                               ClassStay.user_id == user_id,
                               ClassStay.joined_at <= moment,
                               ClassStay.left_at >= moment
                               ).correlate_except(ClassStay)
    return sa.or_(member, stayed)


# ---------------------------------------------------------------------------------------------
# Ranking

def name_order(name: str) -> tuple[str, str]:
    """Where a name goes in a list by name (a tie on a board, a class's students, the
    gradebook): as a reader orders them, accents, case and apostrophes aside (« Éloïse » with
    the E, « Léa » before « Louis », « N’Diaye » before « Noé »), then as written."""
    return folded(name).replace("'", "").replace("’", ""), name


def rank_standings(standings: Iterable[Standing]) -> list[Standing]:
    """The board's order and positions.

    The rule: more points first; equal points share a position, and the next position counts
    everyone above (1, 2, 2, 4); within equal points, by name. On the overall board missing
    work counts as 0 points (``score`` adds up what was done). Whoever has done no quiz of
    the board (on a quiz's board: that quiz) comes after everyone ranked, by name, with no
    position — the projector's first week showed « 5, tied, 0 » beside every name not
    started on the quiz due Friday; nor has anyone on a board that covers no quiz yet.
    """
    ranked: list[Standing] = []
    unranked: list[Standing] = []
    for standing in standings:
        (ranked if standing.done else unranked).append(standing)
    ranked.sort(key=lambda s: (-s.score, name_order(s.display_name), s.user_id))
    unranked.sort(key=lambda s: (name_order(s.display_name), s.user_id))
    sharing = Counter(s.score for s in ranked)
    out: list[Standing] = []
    position = 0
    for n, standing in enumerate(ranked, start=1):
        if n == 1 or standing.score != ranked[n - 2].score:
            position = n
        out.append(_placed(standing, position, sharing[standing.score] > 1))
    return out + [_placed(s, None, False) for s in unranked]


def _placed(s: Standing, position: int | None, tied: bool) -> Standing:
    """`s` at `position`: dataclasses.replace written out, which ranks a class of 900 in a
    quarter of the time (its field introspection cost 20 of 25 ms)."""
    return Standing(position, s.user_id, s.display_name, s.score, s.out_of, s.done, s.of,
                    s.hidden, tied, s.late)


def class_leaderboard(classroom: Classroom, assignment: Assignment | None = None, *,
                      include_hidden: bool = False, now: dt.datetime | None = None,
                      leave_out: Collection[int] = ()) -> list[Standing]:
    """The class's board for one assignment, or overall when `assignment` is None.

    Overall covers every assignment that has opened (no opening date, or one in the past) and
    whose quiz is not back in draft (taken back: nobody can do it): each student's counted
    scores added up, out of the points of all those quizzes, missing work as 0. A quiz's points
    are those of the counted attempt when there is one, else of the quiz's current questions.
    Hidden students are left out unless `include_hidden` (the teacher's view, which marks
    them). `leave_out`: assignments whose scores the class does not see yet (review options).
    Two queries, whatever the number of assignments (three on the board of a quiz due by a
    date: who handed it in late only).
    """
    if assignment is not None:
        in_scope = Assignment.id == assignment.id
    else:
        opened_by = now or utcnow()
        in_scope = (Assignment.classroom_id == classroom.id) & (
            Assignment.opens_at.is_(None) | (Assignment.opens_at <= opened_by)) & (
            Quiz.status != "draft")
        if leave_out:
            in_scope = in_scope & Assignment.id.not_in(sorted(leave_out))
    points_select = (
        sa.select(Assignment.id.label("assignment_id"), Quiz.question_count.label("points"))
        .join(Quiz, Quiz.id == Assignment.quiz_id)
        .where(in_scope))
    points_each = db.session.execute(points_select).all()
    of, all_points = len(points_each), sum(points for _id, points in points_each)
    points = points_select.subquery()
    counted = (
        sa.select(CountedResult.user_id,
                  sa.func.count().label("done"),
                  sa.func.sum(CountedResult.score).label("score"),
                  sa.func.sum(CountedResult.total - points.c.points).label("extra"))
        .join(points, points.c.assignment_id == CountedResult.assignment_id)
        .where(CountedResult.classroom_id == classroom.id)
        .group_by(CountedResult.user_id)
        .subquery())
    members = (
        sa.select(User.id, User.display_name, Membership.hidden_from_board,
                  sa.func.coalesce(counted.c.done, 0), sa.func.coalesce(counted.c.score, 0),
                  sa.func.coalesce(counted.c.extra, 0))
        .join(Membership, Membership.user_id == User.id)
        .outerjoin(counted, counted.c.user_id == User.id)
        .where(Membership.classroom_id == classroom.id))
    if not include_hidden:
        members = members.where(Membership.hidden_from_board.is_(False))
    late: set[int] = set()
    if assignment is not None and assignment.due_at is not None:
        late = set(db.session.scalars(
            sa.select(Attempt.user_id).distinct()
            .join(Membership, (Membership.user_id == Attempt.user_id)
                  & (Membership.classroom_id == classroom.id))
            .where(Attempt.quiz_id == assignment.quiz_id, Attempt.status == "submitted",
                   Attempt.submitted_at > assignment.due_at,
                   made_in_class(classroom.id, Attempt.user_id, membership_joined=True))))
    standings = [
        Standing(None, user_id, name, int(score), int(all_points) + int(extra), int(done),
                 int(of), bool(hidden), late=not done and user_id in late)
        for user_id, name, hidden, done, score, extra in db.session.execute(members)]
    return rank_standings(standings)
