"""Live mode's rules (quiz/services/live.py), without a request."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from flask import Flask
from sqlalchemy.exc import IntegrityError

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import (
    Answer,
    Attempt,
    Classroom,
    CountedResult,
    LiveAnswer,
    LiveParticipant,
    LiveSession,
    Membership,
    Quiz,
    User,
    utcnow,
)
from quiz.services import live
from quiz.services.classes import assign_quiz, create_class, join_class
from tests.support import SEED_QUIZ


@pytest.fixture
def room(app: Flask, demo_quizzes: None, users) -> dict[str, int]:
    """Class 4e B of prof with lea, tom and zoe; a class of prof2 with max."""
    ids = {name: users.make(name) for name in ("lea", "tom", "zoe", "max")}
    ids["prof"] = users.make("prof", "Mme Martin", role="teacher")
    ids["prof2"] = users.make("prof2", role="teacher")
    with app.app_context():
        prof, prof2 = db.session.get_one(User, ids["prof"]), db.session.get_one(User, ids["prof2"])
        first = create_class(prof, "4e B", "2026-2027")
        other = create_class(prof2, "3e A", "2026-2027")
        for name in ("lea", "tom", "zoe"):
            join_class(db.session.get_one(User, ids[name]), first.join_code)
        join_class(db.session.get_one(User, ids["max"]), other.join_code)
        ids["class"], ids["other_class"] = first.id, other.id
    return ids


def _start(ids: dict[str, int], **options: object) -> LiveSession:
    quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
    return live.start_session(db.session.get_one(User, ids["prof"]),
                              db.session.get(Classroom, ids["class"]), quiz,
                              **options)  # type: ignore[arg-type]


def _join(session: LiveSession, *names_ids: int) -> None:
    for user_id in names_ids:
        live.join(session, db.session.get_one(User, user_id))


def _play_to_the_end(session: LiveSession, teacher_id: int) -> LiveSession:
    """Reveal the open question, then open and reveal each one left, and end: a session played
    to its last question (its answers then stored as attempts)."""
    if session.phase == "open":
        session = live.control(session.id, teacher_id, "reveal")
    while session.question < len(live.questions(session)):
        session = live.control(session.id, teacher_id, "next")
        session = live.control(session.id, teacher_id, "reveal")
    return live.control(session.id, teacher_id, "next")  # the last "next": the end


def _right_and_wrong(session: LiveSession) -> tuple[int, int, int]:
    question = live.current_question(session)
    assert question is not None
    wrong = next(c.id for c in question.choices if not c.is_correct)
    return question.id, question.correct_choice_id, wrong


def _lea_right_at_the_first_then_played_out(room: dict[str, int]) -> None:
    """Lea joins and answers the first question right; the quiz is played to its end."""
    session = _start(room)
    _join(session, room["lea"])
    session = live.control(session.id, room["prof"], "next")
    qid, right, _wrong = _right_and_wrong(session)
    live.answer(session.id, room["lea"], qid, right)
    _play_to_the_end(session, room["prof"])


def test_a_session_goes_question_by_question_and_ends_with_attempts(
        app: Flask, room: dict[str, int]) -> None:
    with app.app_context():
        session = _start(room)
        assert (session.phase, session.question) == ("joining", 0)
        assert len(session.code) == 6
        _join(session, room["lea"], room["tom"], room["zoe"])
        count = len(live.questions(session))
        session = live.control(session.id, room["prof"], "next")
        assert (session.phase, session.question, session.version) == ("open", 1, 2)
        qid, right, wrong = _right_and_wrong(session)
        live.answer(session.id, room["lea"], qid, right)
        live.answer(session.id, room["tom"], qid, wrong)
        # Before the reveal the standings count nothing of the open question.
        assert all(s.score == 0 for s in live.standings(session))
        state = live.state(session)
        assert (state.joined, state.answered) == (3, 2)
        session = live.control(session.id, room["prof"], "reveal")
        assert live.choice_counts(session, qid) == {right: 1, wrong: 1}
        top = live.standings(session)
        assert [(s.display_name, s.position, s.score) for s in top][0] == ("Lea", 1, 1)
        assert {(s.display_name, s.position, s.tied) for s in top[1:]} == {
            ("Tom", 2, True), ("Zoe", 2, True)}
        session = live.control(session.id, room["prof"], "next")
        qid2, right2, _wrong2 = _right_and_wrong(session)
        live.answer(session.id, room["tom"], qid2, right2)
        session = _play_to_the_end(session, room["prof"])
        assert session.phase == "ended"
        attempts = {a.user_id: a for a in db.session.scalars(sa.select(Attempt))}
        # Zoe answered nothing: no attempt; the others' answers graded, out of every question
        # (those they left unanswered are wrong, as on a paper handed in).
        assert set(attempts) == {room["lea"], room["tom"]}
        assert (attempts[room["lea"]].score, attempts[room["lea"]].total) == (1, count)
        assert attempts[room["tom"]].score == 1 and attempts[room["tom"]].is_submitted
        assert all(a.live for a in attempts.values())
        assert {(a.question_id, a.is_correct) for a in db.session.scalars(
            sa.select(Answer).where(Answer.attempt_id == attempts[room["tom"]].id))} == {
            (qid, False), (qid2, True)}
        assert db.session.scalar(sa.select(LiveParticipant.attempt_id).where(
            LiveParticipant.user_id == room["lea"])) == attempts[room["lea"]].id


def test_a_session_ended_before_its_last_question_stores_no_attempt(
        app: Flask, room: dict[str, int]) -> None:
    """Cut short (the bell rang at question 2 of 12): the standings stay the session's, and
    no student gets an attempt of 1 out of 12 nor uses up one of their attempts."""
    with app.app_context():
        session = _start(room)
        _join(session, room["lea"], room["tom"])
        session = live.control(session.id, room["prof"], "next")
        qid, right, wrong = _right_and_wrong(session)
        live.answer(session.id, room["lea"], qid, right)
        live.answer(session.id, room["tom"], qid, wrong)
        session = live.control(session.id, room["prof"], "reveal")
        session = live.control(session.id, room["prof"], "next")
        session = live.control(session.id, room["prof"], "end")
        assert (session.phase, session.question) == ("ended", 2)
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 0
        assert db.session.scalars(sa.select(LiveParticipant.attempt_id)).all() == [None, None]
        assert [(s.display_name, s.score) for s in live.standings(session)] == [
            ("Lea", 1), ("Tom", 0)]


def test_a_live_attempt_does_not_use_up_the_attempts_a_student_starts_alone(
        app: Flask, room: dict[str, int]) -> None:
    """The assignment allows one attempt: Lea plays the live quiz to its end (an attempt,
    counted on the board), and may still take her one attempt alone."""
    from quiz.services.attempts import (
        AttemptLimit,
        AttemptLimitReached,
        attempt_limits,
        start_attempt,
        submit_attempt,
    )

    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        assign_quiz(db.session.get(Classroom, room["class"]), quiz, None, None, "best", 1)
        _lea_right_at_the_first_then_played_out(room)
        lea = db.session.get_one(User, room["lea"])
        assert attempt_limits(lea.id, [quiz.id]) == {quiz.id: AttemptLimit(made=0, allowed=1)}
        alone = start_attempt(lea, quiz)
        assert not alone.live
        submit_attempt(alone, {q.id: q.choices[0].id for q in alone.revision.questions})
        assert attempt_limits(lea.id, [quiz.id]) == {quiz.id: AttemptLimit(made=1, allowed=1)}
        with pytest.raises(AttemptLimitReached):
            start_attempt(lea, quiz)
        assert sorted(a.live for a in db.session.scalars(sa.select(Attempt))) == [False, True]
        # The teacher's list of every attempt tells the live one apart (its last column).
        from quiz.services.analytics import scores_csv
        from tests.test_lists import ENGLISH_ATTEMPT_LABELS

        rows = [line.split(",") for line in "".join(scores_csv(
            db.session.get_one(Classroom, room["class"]), ENGLISH_ATTEMPT_LABELS,
            dt.UTC)).removeprefix("\ufeff").splitlines()]
        assert rows[0][-2:] == ["Live quiz", "Regraded"]
        assert sorted(row[-2] for row in rows[1:]) == ["no", "yes"]


def test_the_attempts_count_under_the_assignments_rules(app: Flask,
                                                        room: dict[str, int]) -> None:
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        assignment = assign_quiz(db.session.get(Classroom, room["class"]), quiz, None,
                                 None, "best")
        _lea_right_at_the_first_then_played_out(room)
        counted = db.session.scalars(sa.select(CountedResult)).all()
        assert [(c.assignment_id, c.user_id, c.score) for c in counted] == [
            (assignment.id, room["lea"], 1)]


def test_each_answer_is_stored_once_and_refused_after_the_reveal(
        app: Flask, room: dict[str, int]) -> None:
    with app.app_context():
        session = _start(room)
        _join(session, room["lea"])
        session = live.control(session.id, room["prof"], "next")
        qid, right, wrong = _right_and_wrong(session)
        live.answer(session.id, room["lea"], qid, wrong)
        with pytest.raises(live.LiveError) as again:
            live.answer(session.id, room["lea"], qid, right)
        assert again.value.params == {"already": True}
        # The database holds the rule, whoever writes.
        person = live.participant(session.id, room["lea"])
        with pytest.raises(IntegrityError), write_transaction():
            db.session.add(LiveAnswer(session_id=session.id, participant_id=person.id,
                                      question_id=qid, choice_id=right, is_correct=True,
                                      elapsed_ms=1))
        live.join(session, db.session.get_one(User, room["tom"]))
        live.control(session.id, room["prof"], "reveal")
        with pytest.raises(live.LiveError, match="revealed"):
            live.answer(session.id, room["tom"], qid, right)
        assert db.session.scalar(sa.select(sa.func.count(LiveAnswer.id))) == 1
        assert live.my_answers(session.id, person.id)[qid].choice_id == wrong


def test_pause_countdown_and_wrong_steps(app: Flask, room: dict[str, int]) -> None:
    with app.app_context():
        session = _start(room, countdown=30)
        _join(session, room["lea"], room["tom"])
        with pytest.raises(live.LiveError, match="no open question"):
            live.control(session.id, room["prof"], "reveal")
        session = live.control(session.id, room["prof"], "next")
        with pytest.raises(live.LiveError, match="Reveal the answer"):
            live.control(session.id, room["prof"], "next")
        assert 29_000 < (live.state(session).remaining_ms or 0) <= 30_000
        qid, right, _wrong = _right_and_wrong(session)
        session = live.control(session.id, room["prof"], "pause")
        assert session.deadline is None and session.remaining_ms is not None
        with pytest.raises(live.LiveError, match="paused"):
            live.answer(session.id, room["lea"], qid, right)
        session = live.control(session.id, room["prof"], "resume")
        live.answer(session.id, room["lea"], qid, right)
        with write_transaction():  # the countdown ran out
            session.deadline = session.deadline - dt.timedelta(seconds=31)  # type: ignore[operator]
        with pytest.raises(live.LiveError, match="time for this question is up"):
            live.answer(session.id, room["tom"], qid, right)
        with pytest.raises(LookupError):  # another teacher cannot drive it
            live.control(session.id, room["prof2"], "end")
        with pytest.raises(live.LiveError, match="countdown"):
            _start(room, countdown=2)


def test_who_may_join(app: Flask, room: dict[str, int]) -> None:
    with app.app_context():
        session = _start(room)
        assert live.find_session(session.code.lower()) is not None
        with pytest.raises(live.LiveError, match="No live quiz of your classes has this code"):
            live.join(session, db.session.get_one(User, room["max"]))
        with pytest.raises(live.LiveError, match="Teachers"):
            live.join(session, db.session.get_one(User, room["prof2"]))
        first = live.join(session, db.session.get_one(User, room["lea"]))
        assert live.join(session, db.session.get_one(User, room["lea"])).id == first.id
        live.control(session.id, room["prof"], "end")
        assert live.find_session(session.code) is None
        with pytest.raises(live.LiveError, match="over"):
            live.join(session, db.session.get_one(User, room["tom"]))


def test_speed_breaks_ties_only_when_set(app: Flask, room: dict[str, int]) -> None:
    with app.app_context():
        for speed in (False, True):
            session = _start(room, speed_breaks_ties=speed)
            _join(session, room["lea"], room["tom"])
            session = live.control(session.id, room["prof"], "next")
            qid, right, _wrong = _right_and_wrong(session)
            live.answer(session.id, room["tom"], qid, right)
            live.answer(session.id, room["lea"], qid, right)
            with write_transaction():  # Tom took 9 s, Lea 2 s
                for user, ms in ((room["tom"], 9000), (room["lea"], 2000)):
                    db.session.execute(sa.update(LiveAnswer).where(
                        LiveAnswer.session_id == session.id,
                        LiveAnswer.participant_id == live.participant(session.id, user).id
                    ).values(elapsed_ms=ms))
            session = live.control(session.id, room["prof"], "reveal")
            ranked = [(s.display_name, s.position, s.tied) for s in live.standings(session)]
            assert ranked == ([("Lea", 1, False), ("Tom", 2, False)] if speed
                              else [("Lea", 1, True), ("Tom", 1, True)])
            live.control(session.id, room["prof"], "end")


def test_a_student_hidden_from_the_boards_is_on_no_live_ranking(
        app: Flask, room: dict[str, int]) -> None:
    """The teacher hid Tom from the class's boards: the projector's top, the podium and the
    other phones' places leave him out as the class board does (found by a data-protection
    review: he was first on the projector)."""
    with app.app_context():
        with write_transaction():
            db.session.execute(sa.update(Membership).where(
                Membership.user_id == room["tom"]).values(hidden_from_board=True))
        session = _start(room)
        _join(session, room["lea"], room["tom"])
        session = live.control(session.id, room["prof"], "next")
        qid, right, wrong = _right_and_wrong(session)
        live.answer(session.id, room["tom"], qid, right)
        live.answer(session.id, room["lea"], qid, wrong)
        session = live.control(session.id, room["prof"], "reveal")
        assert [(s.display_name, s.position, s.score) for s in live.standings(session)] == [
            ("Lea", 1, 0)]
        assert live.hidden_players(session) == 1  # said to the teacher by their number


def test_guests_are_forgotten_a_day_after_their_session(
        app: Flask, room: dict[str, int]) -> None:
    """A guest's nickname and answers belong to their session: a day after it ended (or two
    after it began, never ended), the next session's start deletes them; the students'
    places and answers stay (found by a data-protection review: kept for ever)."""
    with app.app_context():
        def played(session: LiveSession) -> LiveSession:
            _join(session, room["lea"])
            live.join_as_guest(session, "Invité", "token-1" * 8)
            session = live.control(session.id, room["prof"], "next")
            qid, right, _wrong = _right_and_wrong(session)
            live.answer(session.id, room["lea"], qid, right)
            live.answer(session.id, None, qid, right, guest=live.guest_key("token-1" * 8))
            return session

        # One after the other: a class has one live quiz at a time (the one never ended
        # began two days ago).
        now = utcnow()
        ended = played(_start(room, guests_allowed=True))
        live.control(ended.id, room["prof"], "end")
        forgotten = played(_start(room, guests_allowed=True))  # never ended
        with write_transaction():
            db.session.execute(sa.update(LiveSession).where(LiveSession.id == forgotten.id)
                               .values(created_at=now - dt.timedelta(hours=49)))
        recent = played(_start(room, guests_allowed=True))
        live.control(recent.id, room["prof"], "end")
        with write_transaction():
            db.session.execute(sa.update(LiveSession).where(LiveSession.id == ended.id)
                               .values(ended_at=now - dt.timedelta(hours=25)))
        _start(room)

        def guests(session_id: int) -> tuple[int, int]:
            guest = sa.select(LiveParticipant.id).where(LiveParticipant.session_id == session_id,
                                                        LiveParticipant.user_id.is_(None))
            return (db.session.scalar(sa.select(sa.func.count()).select_from(guest.subquery())),
                    db.session.scalar(sa.select(sa.func.count(LiveAnswer.id)).where(
                        LiveAnswer.participant_id.in_(guest))))

        assert [guests(s.id) for s in (ended, forgotten, recent)] == [(0, 0), (0, 0), (1, 1)]
        assert db.session.scalar(sa.select(sa.func.count(LiveAnswer.id)).join(
            LiveParticipant, LiveParticipant.id == LiveAnswer.participant_id).where(
            LiveParticipant.user_id == room["lea"])) == 3


def test_the_last_next_ends_the_session(app: Flask, room: dict[str, int]) -> None:
    with app.app_context():
        session = _start(room)
        for _n in live.questions(session):
            session = live.control(session.id, room["prof"], "next")
            session = live.control(session.id, room["prof"], "reveal")
        session = live.control(session.id, room["prof"], "next")
        assert session.phase == "ended" and session.ended_at is not None
        with pytest.raises(live.LiveError, match="over"):
            live.control(session.id, room["prof"], "next")


def test_guests_join_with_a_nickname_when_allowed_and_leave_no_attempt(
        app: Flask, room: dict[str, int]) -> None:
    with app.app_context():
        closed = _start(room)
        with pytest.raises(live.LiveError, match="no guests"):
            live.join_as_guest(closed, "Invité", "token-1" * 8)
        live.control(closed.id, room["prof"], "end")
        session = _start(room, guests_allowed=True)
        _join(session, room["lea"])
        # The display-name rules, and no one's name in the session or its class, in any case.
        with pytest.raises(live.LiveError, match="characters"):
            live.join_as_guest(session, "x", "token-1" * 8)
        with pytest.raises(live.LiveError, match="This name is already taken"):
            live.join_as_guest(session, "  ZOE ", "token-1" * 8)  # Zoe is in the class
        guest = live.join_as_guest(session, "Invité  Un", "token-1" * 8)
        assert (guest.user_id, guest.nickname) == (None, "Invité Un")
        with pytest.raises(live.LiveError, match="This name is already taken"):
            live.join_as_guest(session, "invité un", "token-2" * 8)
        # Nor with a punctuation mark more or less: « Invité-Un. » reads as Invité Un.
        with pytest.raises(live.LiveError, match="This name is already taken"):
            live.join_as_guest(session, "Invité-Un.", "token-2" * 8)
        # The same browser (its token) again: the same place, whatever it types.
        assert live.join_as_guest(session, "Autre", "token-1" * 8).id == guest.id
        assert live.guest_key("token-1" * 8) == guest.guest_key != "token-1" * 8
        session = live.control(session.id, room["prof"], "next")
        qid, right, wrong = _right_and_wrong(session)
        live.answer(session.id, None, qid, right, guest=guest.guest_key)
        live.answer(session.id, room["lea"], qid, wrong)
        with pytest.raises(live.LiveError) as again:
            live.answer(session.id, None, qid, wrong, guest=guest.guest_key)
        assert again.value.params == {"already": True}
        with pytest.raises(live.LiveError, match="Join the live quiz first"):
            live.answer(session.id, None, qid, right, guest=live.guest_key("someone else"))
        session = live.control(session.id, room["prof"], "reveal")
        assert [(s.display_name, s.position, s.user_id) for s in live.standings(session)] == [
            ("Invité Un", 1, None), ("Lea", 2, room["lea"])]
        _play_to_the_end(session, room["prof"])
        # Lea's answers are an attempt; the guest has no account: nothing stored for them.
        assert [a.user_id for a in db.session.scalars(sa.select(Attempt))] == [room["lea"]]
        assert db.session.get_one(LiveParticipant, guest.id).attempt_id is None
        with pytest.raises(IntegrityError), write_transaction():  # the database says so too
            db.session.execute(sa.update(LiveParticipant).where(
                LiveParticipant.id == guest.id).values(attempt_id=db.session.scalar(
                    sa.select(Attempt.id))))


def test_a_class_plays_one_live_quiz_at_a_time(app: Flask, room: dict[str, int]) -> None:
    """A second live quiz started while the first goes on split the class between two codes
    (its home named both): refused, naming the one going on; once it is ended — or was left
    open since a morning (older than LIVE_NOW_HOURS) — another starts."""
    with app.app_context():
        first = _start(room)
        with pytest.raises(live.LiveError, match=f"live quiz {first.code} is still going on"):
            _start(room)
        live.control(first.id, room["prof"], "end")
        left_open = _start(room)
        with write_transaction():
            db.session.execute(sa.update(LiveSession).where(LiveSession.id == left_open.id)
                               .values(created_at=utcnow() - dt.timedelta(
                                   hours=live.LIVE_NOW_HOURS, minutes=1)))
        assert _start(room).phase == "joining"
