"""Importing question files: all or nothing, updates in place, past attempts untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Attempt, Question, Quiz, QuizRevision, User
from quiz.questionfile import QuestionFileError
from quiz.services.attempts import load_questions, start_attempt, submit_attempt
from quiz.services.catalogue import find_quizzes
from quiz.services.importer import import_items, prepare_import
from tests.support import QUESTIONS, SEED_QUIZ


def copy_questions(tmp_path: Path) -> Path:
    folder = tmp_path / "questions"
    shutil.copytree(QUESTIONS, folder)
    return folder


def quiz_count() -> int:
    return db.session.scalar(sa.select(sa.func.count(Quiz.id)))


def test_import_creates_every_demo_quiz_published(app: Flask) -> None:
    with app.app_context():
        results = import_items(prepare_import([QUESTIONS]))
        assert {r.outcome for r in results} == {"created"}
        quizzes = db.session.scalars(sa.select(Quiz)).all()
        assert len(quizzes) == len(results) >= 3
        assert all(q.is_published and q.current_revision.number == 1 for q in quizzes)
        seed = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        true_false = [q for q in seed.current_revision.questions if q.kind == "true_false"]
        assert [c.text for c in true_false[0].choices] == ["Vrai", "Faux"]


def test_reimporting_an_unchanged_file_changes_nothing(app: Flask) -> None:
    with app.app_context():
        import_items(prepare_import([QUESTIONS]))
        results = import_items(prepare_import([QUESTIONS]))
        assert {r.outcome for r in results} == {"unchanged"}
        assert db.session.scalar(sa.select(sa.func.count(QuizRevision.id))) == len(results)


def test_reimporting_unchanged_files_costs_the_same_queries_for_one_file_or_all(
        app: Flask) -> None:
    """A folder re-imported on every deploy: its unchanged files are found in one query."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        statements.append(statement)

    with app.app_context():
        every_file = prepare_import([QUESTIONS])
        assert len(every_file) >= 3
        import_items(every_file)
        sa.event.listen(db.engine, "before_cursor_execute", count)
        try:
            import_items(every_file[:1])
            for_one = len(statements)
            statements.clear()
            results = import_items(every_file)
            assert len(statements) == for_one, statements
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", count)
        assert {r.outcome for r in results} == {"unchanged"}
        seed = next(r for r in results if r.slug == SEED_QUIZ)
        assert seed.revision == 1 and seed.title.startswith("Russie et Corée du Nord")


def test_edited_file_updates_the_quiz_and_old_attempts_keep_what_the_student_saw(
        app: Flask, tmp_path: Path, users) -> None:
    folder = copy_questions(tmp_path)
    user_id = users.make("lea")
    with app.app_context():
        import_items(prepare_import([folder]))
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        attempt = start_attempt(db.session.get_one(User, user_id), quiz)
        questions = load_questions(attempt.revision_id)
        submit_attempt(attempt, {q.id: next(c.id for c in q.choices if c.is_correct)
                                 for q in questions})
        old_prompt = questions[0].prompt

    seed_file = folder / f"{SEED_QUIZ}.md"
    text = seed_file.read_text(encoding="utf-8")
    start = text.index("Prompt: ", text.index("### nom-du-traite"))  # the prompt spans 2 lines
    end = text.index("\n- [", start)
    seed_file.write_text(text[:start] + "Prompt: Quel traité le président russe invoque-t-il ?"
                         + text[end:], encoding="utf-8")
    with app.app_context():
        results = {r.slug: r.outcome for r in import_items(prepare_import([folder]))}
        assert results[SEED_QUIZ] == "updated"
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        assert quiz.current_revision.number == 2
        assert quiz.current_revision.questions[0].prompt == (
            "Quel traité le président russe invoque-t-il ?")
        old = db.session.scalar(sa.select(Attempt))
        assert old.revision.number == 1
        assert old.answers[0].question.prompt == old_prompt
        assert old.score == old.total == 12


def test_one_invalid_file_imports_nothing_and_keeps_what_is_stored(
        app: Flask, tmp_path: Path) -> None:
    folder = copy_questions(tmp_path)
    with app.app_context():
        import_items(prepare_import([folder]))
        before = db.session.scalar(sa.select(sa.func.count(QuizRevision.id)))
    seed_file = folder / f"{SEED_QUIZ}.md"
    seed_file.write_text(seed_file.read_text(encoding="utf-8").replace("Answer: faux",
                                                                       "Answer: peut-être"),
                         encoding="utf-8")
    (folder / "new-quiz.md").write_text((folder / "exemple-velo-ecole.md").read_text(
        encoding="utf-8"), encoding="utf-8")
    with app.app_context():
        with pytest.raises(QuestionFileError) as caught:
            prepare_import([folder])
        assert [p.path.endswith(f"{SEED_QUIZ}.md") for p in caught.value.problems] == [True]
        assert "'peut-être' is not an answer" in str(caught.value)
        assert db.session.scalar(sa.select(sa.func.count(QuizRevision.id))) == before
        assert db.session.scalar(sa.select(Quiz).where(Quiz.slug == "new-quiz")) is None


def test_a_failure_while_writing_rolls_back_every_file(app: Flask, monkeypatch) -> None:
    from quiz.services import importer

    items = prepare_import([QUESTIONS])
    real = importer._import_one
    calls = []

    def fail_on_second(item, *args):
        calls.append(item.slug)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(item, *args)

    monkeypatch.setattr(importer, "_import_one", fail_on_second)
    with app.app_context():
        with pytest.raises(RuntimeError):
            import_items(items)
        assert quiz_count() == 0
        assert db.session.scalar(sa.select(sa.func.count(Question.id))) == 0


def test_file_name_must_be_a_slug(tmp_path: Path) -> None:
    bad = tmp_path / "Quiz Été.md"
    shutil.copy(QUESTIONS / "exemple-velo-ecole.md", bad)
    with pytest.raises(QuestionFileError, match=r"Quiz Été.md:1: 'Quiz Été.md' cannot name a quiz"):
        prepare_import([bad])


def test_a_draft_without_questions_is_published_once_it_has_some(app: Flask,
                                                                 tmp_path: Path) -> None:
    folder = copy_questions(tmp_path)
    velo = folder / "exemple-velo-ecole.md"
    full = velo.read_text(encoding="utf-8")
    velo.write_text(full.split("## Questions")[0], encoding="utf-8")
    with app.app_context():
        import_items(prepare_import([velo]))
        assert db.session.scalar(sa.select(Quiz.status)) == "draft"
    velo.write_text(full, encoding="utf-8")
    with app.app_context():
        assert [r.outcome for r in import_items(prepare_import([velo]))] == ["updated"]
        assert db.session.scalar(sa.select(Quiz.status)) == "published"


def test_a_reimport_keeps_a_quiz_a_teacher_unpublished(app: Flask, tmp_path: Path) -> None:
    """Unpublished on its page, a quiz stays a draft whatever its file goes through (edited,
    a question marked Review then checked); a quiz the import drafted for its file's sake (a
    question marked Review) is published by the import that brings the file ready."""
    from quiz.services.editing import set_status

    folder = copy_questions(tmp_path)
    velo = folder / "exemple-velo-ecole.md"
    full = velo.read_text(encoding="utf-8")
    first_key = full.index("\nType:")
    marked = full[:first_key] + "\nReview: check it" + full[first_key:]

    def imported(text: str) -> str:
        velo.write_text(text, encoding="utf-8")
        with app.app_context():
            (result,) = import_items(prepare_import([velo]))
            assert result.status == db.session.scalar(sa.select(Quiz.status))
            return result.status

    assert imported(full) == "published"
    assert imported(marked) == "draft"  # drafted by the import: a question to check
    assert imported(full) == "published"  # checked in the file: published again
    with app.app_context():
        set_status(db.session.scalar(sa.select(Quiz)), "draft")  # Unpublish, on its page
    assert imported(full.replace("Explanation:", "Explanation: Edited.", 1)) == "draft"
    assert imported(marked) == "draft"
    assert imported(full) == "draft"  # still the teacher's choice


def test_an_attempt_in_progress_moves_to_the_edited_quiz(app: Flask, tmp_path: Path, users) -> None:
    folder = copy_questions(tmp_path)
    user_id = users.make("lea")
    with app.app_context():
        import_items(prepare_import([folder]))
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        first = start_attempt(db.session.get_one(User, user_id), quiz)
        first_id, first_revision = first.id, first.revision_id
    seed_file = folder / f"{SEED_QUIZ}.md"
    text = seed_file.read_text(encoding="utf-8")
    seed_file.write_text(text.split("### promesse-de-trump")[0], encoding="utf-8")
    with app.app_context():
        import_items(prepare_import([folder]))
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        again = start_attempt(db.session.get_one(User, user_id), quiz)
        assert again.id == first_id and again.revision_id != first_revision
        assert again.revision_id == quiz.current_revision_id and again.total == 11


def test_the_search_finds_a_quiz_by_its_current_title_only(app: Flask, tmp_path: Path) -> None:
    """The lists search the title of the quiz's current version: after an edit changes the
    title, the new words find it and the old ones no longer do."""
    folder = copy_questions(tmp_path)
    with app.app_context():
        import_items(prepare_import([folder]))
        assert [e.slug for e in find_quizzes(text="ratifient TRAITE")] == [SEED_QUIZ]
    seed_file = folder / f"{SEED_QUIZ}.md"
    text = seed_file.read_text(encoding="utf-8")
    seed_file.write_text(text.replace("ratifient un traité de défense mutuelle",
                                      "signent un accord à Pyongyang", 1), encoding="utf-8")
    with app.app_context():
        assert {r.slug: r.outcome for r in import_items(prepare_import([folder]))}[
            SEED_QUIZ] == "updated"
        assert [e.slug for e in find_quizzes(text="pyongyang")] == [SEED_QUIZ]
        assert find_quizzes(text="ratifient") == []
        assert [e.slug for e in find_quizzes(text="coree-du-nord")] == [SEED_QUIZ]  # address
