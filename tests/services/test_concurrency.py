"""Concurrent submissions: each graded once, none lost, none failing on a locked database."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import (
    Answer,
    Attempt,
    Classroom,
    CountedResult,
    Membership,
    Quiz,
    User,
    utcnow,
)
from quiz.services import live
from quiz.services.attempts import (
    AnswerAlreadyGiven,
    AttemptAlreadySubmitted,
    load_questions,
    save_answers,
    saved_answers,
    start_attempt,
    submit_attempt,
)
from quiz.services.classes import (
    assign_quiz,
    classes_of_teacher,
    create_class,
    join_class,
    publish_and_assign,
)
from quiz.services.personal_data import erase_students
from tests.support import SEED_QUIZ

pytestmark = pytest.mark.usefixtures("demo_quizzes")


def start_for(app: Flask, user_id: int) -> tuple[int, dict[int, int]]:
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        attempt = start_attempt(db.session.get_one(User, user_id), quiz)
        chosen = {q.id: next(c.id for c in q.choices if c.is_correct)
                  for q in load_questions(attempt.revision_id)}
        return attempt.id, chosen


def at_once(count: int, work) -> Counter[str]:  # noqa: ANN001 - work(n) -> outcome
    """Run work(0) … work(count - 1) from threads of their own, all released together."""
    barrier = threading.Barrier(count)
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    def run(n: int) -> None:
        barrier.wait()
        try:
            outcome = work(n)
        except Exception as error:  # noqa: BLE001 - the test reports any other failure
            outcome = f"error: {type(error).__name__}: {error}"
        with lock:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def run_at_once(app: Flask, jobs: list[tuple[int, dict[int, int]]]) -> Counter[str]:
    """Submit every (attempt id, choices) job from its own thread, all released together."""

    def submit(n: int) -> str:
        attempt_id, chosen = jobs[n]
        with app.app_context():
            try:
                submit_attempt(db.session.get_one(Attempt, attempt_id), chosen)
                return "graded"
            except AttemptAlreadySubmitted:
                return "already"
            finally:
                db.session.remove()

    return at_once(len(jobs), submit)


def submitted_beside(app: Flask, jobs: list[tuple[int, dict[int, int]]],
                     other: Callable[[], str]) -> Counter[str]:
    """Submit every (attempt id, choices) job, each from its own thread, while ``other`` (a
    teacher's change; it returns its outcome) runs in one more, all released together."""
    def work(n: int) -> str:
        with app.app_context():
            try:
                if n < len(jobs):
                    submit_attempt(db.session.get_one(Attempt, jobs[n][0]), jobs[n][1])
                    return "graded"
                return other()
            finally:
                db.session.remove()

    return at_once(len(jobs) + 1, work)


def a_class_given_the_quiz(app: Flask, users, count: int) -> tuple[list[int], int]:
    """A teacher's class of `count` students given the seed quiz (best attempt counts): the
    students' ids and the class's."""
    ids = [users.make(f"eleve{n}") for n in range(count)]
    teacher_id = users.make("prof", role="teacher")
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        room = create_class(db.session.get_one(User, teacher_id), "4e B", "2026-2027")
        for user_id in ids:
            join_class(db.session.get_one(User, user_id), room.join_code)
        assign_quiz(room, quiz, None, None, "best")
        return ids, room.id


def erased_graded_beside(app: Flask, leavers: list[int], jobs: list[tuple[int, dict[int, int]]],
                         other: Callable[[], str]) -> Counter[str]:
    """Erase each of `leavers`' accounts, submit each (attempt id, choices) job, and run
    ``other`` (a teacher's change; it returns its outcome), each from its own thread, all
    released together."""
    def work(n: int) -> str:
        with app.app_context():
            try:
                if n < len(leavers):
                    erase_students([leavers[n]])
                    return "erased"
                if n < len(leavers) + len(jobs):
                    attempt_id, chosen = jobs[n - len(leavers)]
                    submit_attempt(db.session.get_one(Attempt, attempt_id), chosen)
                    return "graded"
                return other()
            finally:
                db.session.remove()

    return at_once(len(leavers) + len(jobs) + 1, work)


def test_identical_submits_at_the_same_instant_grade_once(app: Flask, users) -> None:
    job = start_for(app, users.make("lea"))
    outcomes = run_at_once(app, [job] * 10)
    assert outcomes == Counter({"graded": 1, "already": 9})
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 12
        assert db.session.scalar(sa.select(Attempt.score)) == 12


def test_a_class_submitting_at_the_same_instant_loses_nothing(app: Flask, users) -> None:
    jobs = [start_for(app, users.make(f"eleve{n}")) for n in range(20)]
    outcomes = run_at_once(app, jobs)
    assert outcomes == Counter({"graded": 20})
    with app.app_context():
        scores = db.session.scalars(sa.select(Attempt.score)).all()
        assert scores == [12] * 20
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 20 * 12


def test_submissions_in_two_classes_and_a_teacher_changing_the_rule_keep_every_result(
        app: Flask, users) -> None:
    """Each submission recounts the student's result in every class given the quiz, while the
    teacher changes one class's counting rule: the classes' rows are locked in one order, so
    nothing deadlocks, and every kept result is the one the rule gives."""
    ids = [users.make(f"eleve{n}") for n in range(12)]
    teacher_id = users.make("prof", role="teacher")
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        teacher = db.session.get_one(User, teacher_id)
        rooms = [create_class(teacher, name, "2026-2027") for name in ("4e A", "4e B")]
        for room in rooms:
            for user_id in ids:
                join_class(db.session.get_one(User, user_id), room.join_code)
            assign_quiz(room, quiz, None, None, "best")
        room_ids = [room.id for room in rooms]
    jobs = [start_for(app, user_id) for user_id in ids]
    barrier = threading.Barrier(2)
    failures: list[BaseException] = []

    def change_rule() -> None:
        with app.app_context():
            room = db.session.get_one(Classroom, room_ids[0])
            quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
            db.session.commit()
            barrier.wait()
            try:
                for rule in ("first", "latest", "best") * 3:
                    assign_quiz(room, quiz, None, None, rule)
            except BaseException as error:  # noqa: BLE001 - reported below
                failures.append(error)
            finally:
                db.session.remove()

    teacher_thread = threading.Thread(target=change_rule)
    teacher_thread.start()
    barrier.wait()
    outcomes = run_at_once(app, jobs)
    teacher_thread.join(timeout=60)
    assert outcomes == Counter({"graded": 12}) and not failures
    with app.app_context():
        kept = db.session.execute(sa.select(CountedResult.classroom_id, CountedResult.score)).all()
        assert Counter(room for room, score in kept if score == 12) == Counter(
            dict.fromkeys(room_ids, 12))


def test_a_class_joining_while_the_quiz_is_assigned_and_submitted_keeps_every_result(
        app: Flask, users) -> None:
    """Students join a class at the same moment as classmates submit and the teacher assigns
    the quiz for the first time (on PostgreSQL two joins used to deadlock on the class's row,
    and a submission could miss an assignment made meanwhile)."""
    joiners = [users.make(f"new{n}") for n in range(8)]
    takers = [users.make(f"eleve{n}") for n in range(8)]
    teacher_id = users.make("prof", role="teacher")
    with app.app_context():
        room = create_class(db.session.get_one(User, teacher_id), "4e B", "2026-2027")
        for user_id in takers:
            join_class(db.session.get_one(User, user_id), room.join_code)
        room_id, code = room.id, room.join_code
    jobs = [start_for(app, user_id) for user_id in takers]
    barrier = threading.Barrier(len(joiners) + len(jobs) + 1)
    failures: list[str] = []

    def run(work) -> None:  # noqa: ANN001
        with app.app_context():
            db.session.commit()
            barrier.wait()
            try:
                work()
            except Exception as error:  # noqa: BLE001 - reported below
                failures.append(repr(error))
            finally:
                db.session.remove()

    def join(user_id: int) -> None:
        join_class(db.session.get_one(User, user_id), code)

    def submit(attempt_id: int, chosen: dict[int, int]) -> None:
        submit_attempt(db.session.get_one(Attempt, attempt_id), chosen)

    def assign() -> None:
        # Opened an hour ago (a catch-up): every submission of the race is work for it, which
        # it would not be if it landed before the moment the quiz is given.
        assign_quiz(db.session.get_one(Classroom, room_id),
                    db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)),
                    utcnow() - dt.timedelta(hours=1), None, "best")

    threads = ([threading.Thread(target=run, args=(lambda u=u: join(u),)) for u in joiners]
               + [threading.Thread(target=run, args=(lambda j=j: submit(*j),)) for j in jobs]
               + [threading.Thread(target=run, args=(assign,))])
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Membership).where(
            Membership.classroom_id == room_id)) == 16
        kept = db.session.execute(sa.select(CountedResult.user_id, CountedResult.score)).all()
        assert sorted(kept) == sorted((user_id, 12) for user_id in takers)


def test_writers_queue_on_a_lock_beside_the_database_and_release_it(app: Flask) -> None:
    """write_transaction() takes the writers' lock; its commit, or its rollback when the block
    raises, gives it back."""
    import fcntl
    import os

    from quiz.database import _writers_lock, write_transaction

    class Stop(Exception):
        pass

    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite only")
        lock = _writers_lock(db.engine.url.database)
        assert lock is not None
        for fails in (False, True):
            other = os.open(lock.path, os.O_RDWR)
            try:
                try:
                    with write_transaction():
                        assert lock.held.value is True
                        with pytest.raises(BlockingIOError):  # another process would wait here
                            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        if fails:
                            raise Stop
                except Stop:
                    pass
                assert lock.held.value is False
                fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free again
                fcntl.flock(other, fcntl.LOCK_UN)
            finally:
                os.close(other)


def test_a_practice_answer_tapped_ten_times_at_once_is_stored_once(app: Flask, users) -> None:
    """Practice mode explains each answer when it is given: a phone sending the same question
    ten times at once (double taps, a retried request), each time with another choice, keeps
    the first one stored and refuses the others — never two answers, never a 500."""
    attempt_id, right = start_for(app, users.make("lea"))
    with app.app_context():
        question = load_questions(db.session.get_one(Attempt, attempt_id).revision_id)[0]
        choices = [c.id for c in question.choices]
    stored: list[int] = []

    def tap(n: int) -> str:
        choice = choices[n % len(choices)]
        with app.app_context():
            try:
                save_answers(db.session.get_one(Attempt, attempt_id), {question.id: choice},
                             once=True)
                stored.append(choice)
                return "saved"
            except AnswerAlreadyGiven:
                return "already"
            finally:
                db.session.remove()

    assert at_once(10, tap) == Counter({"saved": 1, "already": 9})
    with app.app_context():
        assert saved_answers(attempt_id) == {question.id: stored[0]}


def test_a_class_practising_at_once_has_every_answer_and_each_attempt_graded_once(
        app: Flask, users) -> None:
    """20 students answer their 12 questions one at a time, all at the same moment, then the
    last answer of each grades the attempt (twice at once, as a double tap would)."""
    jobs = [start_for(app, users.make(f"eleve{n}")) for n in range(20)]

    def practise(n: int) -> str:
        attempt_id, right = jobs[n]
        with app.app_context():
            try:
                for question_id, choice_id in right.items():
                    save_answers(db.session.get_one(Attempt, attempt_id),
                                 {question_id: choice_id}, once=True)
                    db.session.remove()
                return "answered"
            finally:
                db.session.remove()

    assert at_once(20, practise) == Counter({"answered": 20})

    with app.app_context():
        finishing = [(attempt_id, saved_answers(attempt_id)) for attempt_id, _right in jobs]
    assert run_at_once(app, finishing * 2) == Counter({"graded": 20, "already": 20})
    with app.app_context():
        assert db.session.scalars(sa.select(Attempt.score)).all() == [12] * 20
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 20 * 12


def test_students_deleting_their_accounts_while_the_class_works_lose_nothing_else(
        app: Flask, users) -> None:
    """Half the class deletes its accounts while the other half submits and the teacher
    changes the counting rule again and again: the locks are taken in one order (attempts,
    students, classes), so nothing deadlocks; the leavers leave no row, the others' results
    are all there."""
    ids, room_id = a_class_given_the_quiz(app, users, 12)
    leavers, stayers = ids[:6], ids[6:]
    for user_id in leavers:  # their work done and counted, then they leave
        run_at_once(app, [start_for(app, user_id)])
    jobs = [start_for(app, user_id) for user_id in stayers]

    def change_rule() -> str:
        room = db.session.get_one(Classroom, room_id)
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        for rule in ("first", "latest", "best") * 2:
            assign_quiz(room, quiz, None, None, rule)
        return "rule changed"

    outcomes = erased_graded_beside(app, leavers, jobs, change_rule)
    assert outcomes == Counter({"erased": 6, "graded": 6, "rule changed": 1})
    with app.app_context():
        assert set(db.session.scalars(sa.select(Membership.user_id))) == set(stayers)
        assert set(db.session.scalars(sa.select(Attempt.user_id))) == set(stayers)
        assert sorted(db.session.scalars(sa.select(CountedResult.user_id))) == sorted(stayers)


def test_a_live_quiz_ending_while_students_of_two_classes_submit_does_not_deadlock(
        app: Flask, users) -> None:
    """Lea is in classes C and X, Tom in C and Y (Y's id before X's), eight others in X and
    Y. C's live quiz ends (Lea's and Tom's answers stored and counted in their classes) while
    the eight submit the quiz: every class is locked in id order by all, so nobody waits in a
    circle (the end locked C and X for Lea, then Y for Tom, while a submission held Y and
    waited for X: a deadlock on PostgreSQL, found by the review)."""
    teacher_id = users.make("prof", role="teacher")
    lea, tom = users.make("lea"), users.make("tom")
    others = [users.make(f"eleve{n}") for n in range(8)]
    with app.app_context():
        prof = db.session.get_one(User, teacher_id)
        c, y, x = (create_class(prof, name, "2026-2027") for name in ("C", "Y", "X"))
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        for room, members in ((c, [lea, tom]), (x, [lea, *others]), (y, [tom, *others])):
            for user_id in members:
                join_class(db.session.get_one(User, user_id), room.join_code)
        session = live.start_session(prof, c, quiz)
        session_id = session.id
        for user_id in (lea, tom):
            live.join(session, db.session.get_one(User, user_id))
        for _question in live.questions(session):
            session = live.control(session_id, teacher_id, "next")
            question = live.current_question(session)
            assert question is not None
            for user_id in (lea, tom):
                live.answer(session_id, user_id, question.id, question.correct_choice_id)
            live.control(session_id, teacher_id, "reveal")
        db.session.remove()
    jobs = [start_for(app, user_id) for user_id in others]

    def end() -> str:
        live.control(session_id, teacher_id, "end")
        return "ended"

    assert submitted_beside(app, jobs, end) == Counter({"graded": 8, "ended": 1})


def test_publish_and_assign_to_two_classes_while_their_students_submit_does_not_deadlock(
        app: Flask, users) -> None:
    """The teacher's list puts 4e A (the newer class, the higher id) before 4e B: Publish and
    assign to both takes them in id order, as the students' submissions do, so nobody waits
    in a circle (it took them in the list's order: a deadlock on PostgreSQL, found by the
    review)."""
    teacher_id = users.make("prof", role="teacher")
    ids = [users.make(f"eleve{n}") for n in range(10)]
    with app.app_context():
        prof = db.session.get_one(User, teacher_id)
        rooms = [create_class(prof, name, "2026-2027") for name in ("4e B", "4e A")]
        for user_id in ids:
            for room in rooms:
                join_class(db.session.get_one(User, user_id), room.join_code)
        assert [room.name for room in classes_of_teacher(teacher_id)] == ["4e A", "4e B"]
    jobs = [start_for(app, user_id) for user_id in ids]

    def assign() -> str:
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        for rule in ("first", "latest", "best") * 3:
            publish_and_assign(quiz, classes_of_teacher(teacher_id), None, None, rule)
        return "assigned"

    assert submitted_beside(app, jobs, assign) == Counter({"graded": 10, "assigned": 1})


def test_a_list_adding_last_years_students_while_they_type_the_code_does_not_deadlock(
        app: Flask, users) -> None:
    """The first day of a school year: Mme Martin pastes last year's names into 3e A while
    those students type its code. Both lock the student, then the class (the list took the
    class first: a deadlock on PostgreSQL, found by the review); one of the two adds each
    student, the other says they are in already."""
    from quiz.services.classes import ClassError, RosterError, create_students
    teacher_id = users.make("prof", role="teacher")
    names = [f"Élève {letter}" for letter in "ABCDEF"]
    with app.app_context():
        prof = db.session.get_one(User, teacher_id)
        last_year = create_class(prof, "4e B", "2025-2026")
        create_students(last_year, "\n".join(names))
        new = create_class(prof, "3e A", "2026-2027")
        code, new_id = new.join_code, new.id
        student_ids = [db.session.scalar(sa.select(User.id).where(User.display_name == name))
                       for name in names]

    def work(n: int) -> str:
        with app.app_context():
            try:
                if n < len(student_ids):
                    join_class(db.session.get_one(User, student_ids[n]), code)
                    return "joined"
                create_students(db.session.get_one(Classroom, new_id), "\n".join(names))
                return "listed"
            except (ClassError, RosterError):
                return "in already"
            finally:
                db.session.remove()

    outcomes = at_once(len(student_ids) + 1, work)
    assert not [o for o in outcomes if o.startswith("error")], outcomes
    assert sum(outcomes.values()) == len(student_ids) + 1 and outcomes["listed"] <= 1
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Membership.id)).where(
            Membership.classroom_id == new_id)) == len(student_ids)
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == len(names) + 1


def test_two_taps_of_start_live_quiz_at_once_start_one(app: Flask, users) -> None:
    """Start pressed twice at the same instant (a double tap, two tabs): each checked that no
    live quiz of the class goes on before either was stored, and the class had two. The class's
    row is locked first: one starts, the other is told about it."""
    teacher_id = users.make("prof", role="teacher")
    with app.app_context():
        prof = db.session.get_one(User, teacher_id)
        room_id = create_class(prof, "4e B", "2026-2027").id
        db.session.remove()

    def start(_n: int) -> str:
        with app.app_context():
            try:
                live.start_session(db.session.get_one(User, teacher_id),
                                   db.session.get_one(Classroom, room_id),
                                   db.session.scalar(sa.select(Quiz).where(
                                       Quiz.slug == SEED_QUIZ)))
            except live.LiveError as error:
                return "refused" if "still going on" in error.message else error.message
            finally:
                db.session.remove()
            return "started"

    assert at_once(4, start) == Counter({"started": 1, "refused": 3})


def test_a_regrade_while_students_submit_and_others_leave_does_not_deadlock(
        app: Flask, users) -> None:
    """Six students did the quiz (all right); version 2 makes another choice of question 1
    right. Then at once: three of them delete their accounts, six classmates submit on
    version 2, and the teacher regrades. The locks follow one order (the quiz, attempts,
    students, classes): nothing deadlocks; the three who stayed are regraded (question 1 now
    wrong), and every counted result is its attempt's score."""
    from quiz.services.importer import import_items, prepare_text
    from quiz.services.regrade import regrade

    ids, _room = a_class_given_the_quiz(app, users, 12)
    with app.app_context():
        text = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)).revision.source_text
    first, later = ids[:6], ids[6:]
    for user_id in first:
        run_at_once(app, [start_for(app, user_id)])
    with app.app_context():
        question = load_questions(db.session.scalar(
            sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)).current_revision_id)[0]
        right = next(c.text for c in question.choices if c.is_correct)
        other = next(c.text for c in question.choices if not c.is_correct)
        corrected = text.replace(f"- [x] {right}\n", f"- [ ] {right}\n", 1).replace(
            f"- [ ] {other}\n", f"- [x] {other}\n", 1)
        assert corrected != text
        import_items([prepare_text(SEED_QUIZ, corrected, f"{SEED_QUIZ}.md")])
        current = db.session.scalar(sa.select(Quiz.current_revision_id)
                                    .where(Quiz.slug == SEED_QUIZ))
    jobs = [start_for(app, user_id) for user_id in later]  # on version 2
    leavers = first[:3]

    def regrade_quiz() -> str:
        regrade(db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)), current)
        return "regraded"

    outcomes = erased_graded_beside(app, leavers, jobs, regrade_quiz)
    assert outcomes == Counter({"erased": 3, "graded": 6, "regraded": 1})
    with app.app_context():
        rows = db.session.execute(sa.select(Attempt.user_id, Attempt.revision_id,
                                            Attempt.score, Attempt.total)).all()
        assert {user_id for user_id, *_ in rows} == set(first[3:]) | set(later)
        assert all(revision == current for _u, revision, _s, _t in rows)
        assert sorted(score - total for user_id, _r, score, total in rows
                      if user_id in first) == [-1, -1, -1]
        counted = dict((user_id, score) for user_id, score in db.session.execute(
            sa.select(CountedResult.user_id, CountedResult.score)).all())
        assert counted == {user_id: score for user_id, _r, score, _t in rows}
