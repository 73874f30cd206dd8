"""Starting and submitting attempts, with two students, two quizzes, and a quiz edited meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Answer, Attempt, Question, Quiz, User
from quiz.services import attempts as attempts_module
from quiz.services.attempts import (
    AttemptAlreadySubmitted,
    InvalidChoice,
    QuizNotAvailable,
    load_questions,
    start_attempt,
    submit_attempt,
)
from quiz.services.catalogue import find_quizzes
from quiz.services.importer import import_items, prepare_import
from tests.support import SEED_QUIZ

OTHER_QUIZ = "exemple-velo-ecole"


def quiz(slug: str = SEED_QUIZ) -> Quiz:
    return db.session.scalar(sa.select(Quiz).where(Quiz.slug == slug))


def user(users, name: str) -> User:
    user_id = users.make(name)  # committed by its own session
    db.session.commit()  # end this session's read, which could not see it yet
    return db.session.get_one(User, user_id)


def right_answers(revision_id: int) -> dict[int, int]:
    return {q.id: next(c.id for c in q.choices if c.is_correct)
            for q in load_questions(revision_id, include_outdated=False)}


def edit_seed_quiz(folder: Path) -> None:
    """A new revision of the seed quiz: its last question taken out (11 questions left)."""
    path = folder / f"{SEED_QUIZ}.md"
    path.write_text(path.read_text(encoding="utf-8").split("### promesse-de-trump")[0],
                    encoding="utf-8")
    import_items(prepare_import([folder]))


def stored(attempt_id: int) -> tuple[str, int | None, int, int]:
    """(status, score, revision id, answers), as committed."""
    db.session.rollback()
    status, score, revision = db.session.execute(
        sa.select(Attempt.status, Attempt.score, Attempt.revision_id)
        .where(Attempt.id == attempt_id)).one()
    answers = db.session.scalar(
        sa.select(sa.func.count(Answer.id)).where(Answer.attempt_id == attempt_id))
    return status, score, revision, answers


def test_start_on_another_quiz_starts_there_and_leaves_the_first_alone(
        app: Flask, folder: Path, users) -> None:
    with app.app_context():
        lea, tom = user(users, "lea"), user(users, "tom")
        on_seed = start_attempt(lea, quiz())
        seed_id, seed_revision = on_seed.id, on_seed.revision_id
        on_other = start_attempt(lea, quiz(OTHER_QUIZ))
        assert on_other.id != seed_id and on_other.quiz_id == quiz(OTHER_QUIZ).id
        assert on_other.revision_id == quiz(OTHER_QUIZ).current_revision_id
        assert stored(seed_id)[2] == seed_revision  # not moved onto the other quiz
        # Another student's Start begins their own attempt, and Léa's Start resumes hers.
        assert start_attempt(tom, quiz()).id not in (seed_id, on_other.id)
        assert start_attempt(lea, quiz()).id == seed_id


def test_a_quiz_not_published_cannot_be_started(app: Flask, folder: Path, users) -> None:
    with app.app_context():
        lea = user(users, "lea")
        for status in ("draft", "archived"):
            seed = quiz()
            seed.status = status
            db.session.commit()
            with pytest.raises(QuizNotAvailable):
                start_attempt(lea, seed)
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 0


def test_a_quiz_for_other_classes_cannot_be_started_even_by_a_direct_call(
        app: Flask, folder: Path, users) -> None:
    """The service checks who sees the quiz itself, not only the routes before it: a quiz
    shown to the classes it is assigned to is refused to a student of none of them, and
    started by a teacher (who sees every published quiz)."""
    with app.app_context():
        lea = user(users, "lea")
        seed = quiz()
        seed.visibility = "classes"
        db.session.commit()
        with pytest.raises(QuizNotAvailable):
            start_attempt(lea, seed)
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 0
        teacher_id = users.make("mme-roux", role="teacher")
        db.session.commit()  # end this session's read, which could not see it yet
        teacher = db.session.get_one(User, teacher_id)
        assert start_attempt(teacher, seed).user_id == teacher.id


def test_a_published_quiz_without_content_cannot_be_started(app: Flask, folder: Path,
                                                            users) -> None:
    with app.app_context():
        lea = user(users, "lea")
        seed = quiz()
        seed.current_revision_id = None
        db.session.commit()
        with pytest.raises(QuizNotAvailable):
            start_attempt(lea, seed)


def test_resuming_after_an_edit_stores_the_move(app: Flask, folder: Path, users) -> None:
    with app.app_context():
        lea = user(users, "lea")
        attempt_id = start_attempt(lea, quiz()).id
        edit_seed_quiz(folder)
        resumed = start_attempt(lea, quiz())
        assert resumed.id == attempt_id
        assert stored(attempt_id) == ("in_progress", None, quiz().current_revision_id, 0)
        assert db.session.get_one(Attempt, attempt_id).total == 11


def test_saved_answers_follow_a_choice_whose_typo_was_mended(
        app: Flask, folder: Path, users) -> None:
    """Léa saved answers to the first two questions; the teacher then writes the first one's
    choice in capitals and ends the second's with a full stop: the same words, so resumed,
    both answers are still hers, on the new version's choices."""
    with app.app_context():
        lea = user(users, "lea")
        attempt = start_attempt(lea, quiz())
        first, second = load_questions(attempt.revision_id)[:2]
        picked = {first.id: first.choices[0].id, second.id: second.choices[0].id}
        texts = (first.choices[0].text, second.choices[0].text)
        attempts_module.save_answers(attempt, picked)
        path = folder / f"{SEED_QUIZ}.md"
        text = path.read_text(encoding="utf-8")
        assert text.count(f"] {texts[0]}\n") == 1 and text.count(f"] {texts[1]}\n") == 1
        path.write_text(text.replace(f"] {texts[0]}\n", f"] {texts[0].upper()}\n")
                        .replace(f"] {texts[1]}\n", f"] {texts[1]}.\n"),
                        encoding="utf-8")
        import_items(prepare_import([folder]))
        resumed = start_attempt(lea, quiz())
        now = {q.id: q for q in load_questions(resumed.revision_id)}
        saved = attempts_module.saved_answers(resumed.id)
        assert sorted(next(c.text for c in now[q].choices if c.id == choice)
                      for q, choice in saved.items()) == sorted(
            [texts[0].upper(), f"{texts[1]}."])


def test_another_integrity_error_when_starting_is_not_hidden(
        app: Flask, folder: Path, monkeypatch, users) -> None:
    with app.app_context():
        lea = user(users, "lea")
        start_attempt(lea, quiz())
        # The lookup finds nothing (a bug elsewhere), so the insert breaks the rule of one
        # attempt in progress: the error must reach the caller, not turn into "no attempt".
        monkeypatch.setattr(attempts_module, "_attempt_in_progress", lambda *_, **_lock: None)
        with pytest.raises(sa.exc.IntegrityError):
            start_attempt(lea, quiz())


def test_an_outdated_question_is_not_asked(app: Flask, folder: Path, users) -> None:
    """A question marked Outdated in the file's new version leaves new attempts: they have
    one question less, and the lists say so."""
    seed_file = folder / f"{SEED_QUIZ}.md"
    text = seed_file.read_text(encoding="utf-8")
    seed_file.write_text(text.replace("### nom-du-traite\n",
                                      "### nom-du-traite\nOutdated: Les faits ont changé.\n", 1),
                         encoding="utf-8")
    with app.app_context():
        questions = load_questions(quiz().current_revision_id)
        import_items(prepare_import([folder]))
        seed = quiz()
        edited = load_questions(seed.current_revision_id)
        assert [q.key for q in edited] == [q.key for q in questions]
        assert edited[0].key == "nom-du-traite" and edited[0].outdated_note
        asked = load_questions(seed.current_revision_id, include_outdated=False)
        assert [q.key for q in asked] == [q.key for q in questions[1:]]
        attempt = start_attempt(user(users, "lea"), seed)
        assert attempt.total == len(questions) - 1
        assert [e.questions for e in find_quizzes() if e.id == seed.id] == [len(questions) - 1]


def test_a_choice_of_another_question_names_the_question(app: Flask, folder: Path, users) -> None:
    with app.app_context():
        attempt = start_attempt(user(users, "lea"), quiz())
        chosen = right_answers(attempt.revision_id)
        first, second = list(chosen)[:2]
        chosen[second] = chosen[first]  # question 2 answered with a choice of question 1
        with pytest.raises(InvalidChoice) as caught:
            submit_attempt(attempt, chosen)
        assert (caught.value.position, caught.value.value) == (2, chosen[first])
        assert str(caught.value) == f"question 2: {chosen[first]!r} is not one of its choices"
        assert stored(attempt.id)[:2] == ("in_progress", None)


def test_a_quiz_edited_during_a_submission_is_not_graded_on_the_old_questions(
        app: Flask, folder: Path, users) -> None:
    with app.app_context():
        attempt = start_attempt(user(users, "lea"), quiz())
        edit_seed_quiz(folder)
        old_revision, new_revision = attempt.revision_id, quiz().current_revision_id
        old_answers = right_answers(old_revision)
        # Léa's other tab resumes the attempt (it moves to the new revision) while this
        # request, which loaded the attempt on the old one, submits the old questions' answers.
        with db.engine.begin() as other_request:
            other_request.execute(sa.update(Attempt).where(Attempt.id == attempt.id)
                                  .values(revision_id=new_revision, total=11))
        with pytest.raises(ValueError, match="not in this quiz"):
            submit_attempt(attempt, old_answers)
        # Nothing graded against questions the attempt no longer has, nothing stored.
        assert stored(attempt.id) == ("in_progress", None, new_revision, 0)
        # The new questions answered: graded once, on the new revision.
        submitted = submit_attempt(attempt, right_answers(new_revision))
        assert (submitted.id, submitted.score, submitted.total) == (attempt.id, 11, 11)
        assert stored(attempt.id) == ("submitted", 11, new_revision, 11)
        with pytest.raises(AttemptAlreadySubmitted) as caught:
            submit_attempt(attempt, right_answers(new_revision))
        assert caught.value.attempt.id == attempt.id and caught.value.attempt.score == 11
        assert str(caught.value) == f"attempt {attempt.id} is already submitted"


def test_a_quiz_edited_twice_during_one_submission_stores_nothing(
        app: Flask, folder: Path, monkeypatch, users) -> None:
    with app.app_context():
        attempt = start_attempt(user(users, "lea"), quiz())
        edit_seed_quiz(folder)
        first, second = attempt.revision_id, quiz().current_revision_id
        answers = right_answers(first)
        real_content = attempts_module.revision_content

        def content_then_moved(revision_id: int):
            # While this request grades, another moves the attempt to the other revision
            # (the teacher edits, a second tab resumes), each time.
            with db.engine.begin() as other_request:
                other_request.execute(sa.update(Attempt).where(Attempt.id == attempt.id).values(
                    revision_id=second if revision_id == first else first))
            return real_content(first)

        monkeypatch.setattr(attempts_module, "revision_content", content_then_moved)
        with pytest.raises(AttemptAlreadySubmitted):
            submit_attempt(attempt, answers)
        # Two tries, both refused by the guarded UPDATE: nothing graded, nothing stored.
        assert stored(attempt.id) == ("in_progress", None, first, 0)


def test_two_starts_at_the_same_moment_give_one_attempt(
        app: Flask, folder: Path, monkeypatch, users) -> None:
    with app.app_context():
        lea = user(users, "lea")
        first = start_attempt(lea, quiz())
        real_lookup = attempts_module._attempt_in_progress
        calls = {"n": 0}

        def not_there_yet(user_id: int, quiz_id: int, *, lock: bool = False):
            # The other request's attempt is committed just after this one looked.
            calls["n"] += 1
            return None if calls["n"] == 1 else real_lookup(user_id, quiz_id, lock=lock)

        monkeypatch.setattr(attempts_module, "_attempt_in_progress", not_there_yet)
        second = start_attempt(lea, quiz())
        assert second.id == first.id and calls["n"] == 2
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 1


def test_questions_load_in_their_order_with_their_choices(app: Flask, folder: Path) -> None:
    with app.app_context():
        seed = quiz()
        questions = load_questions(seed.current_revision_id)
        positions = [q.position for q in questions]
        assert positions == sorted(positions) and len(questions) == 12
        assert all(q.revision_id == seed.current_revision_id for q in questions)
        other = load_questions(quiz(OTHER_QUIZ).current_revision_id)
        assert not {q.id for q in other} & {q.id for q in questions}
        assert db.session.scalar(sa.select(sa.func.count(Question.id))) > len(questions)
