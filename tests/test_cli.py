"""The `flask quiz …` commands."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskCliRunner

from quiz.extensions import db
from quiz.models import Quiz, User
from tests.support import QUESTIONS, SEED_QUIZ, form_fields


def test_check_the_demo_questions_passes(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["quiz", "check", str(QUESTIONS)])
    assert result.exit_code == 0, result.output
    assert "3 file(s) checked" in result.output and "3 valid, 0 with errors" in result.output


def test_check_defaults_to_the_questions_folder(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["quiz", "check"])
    assert result.exit_code == 0 and "3 valid" in result.output


def test_check_names_file_and_line_of_a_passage_not_in_the_article(
        runner: FlaskCliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    text = (QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8")
    passage = ("Passage: la Corée du Nord aurait envoyé, selon les renseignements américains et "
               "ukrainiens")
    bad.write_text(text.replace(passage, "Passage: selon les services secrets"), encoding="utf-8")
    line = text.split("\n").index(passage) + 1
    result = runner.invoke(args=["quiz", "check", str(bad), str(QUESTIONS)])
    assert result.exit_code == 1
    assert f"{bad}:{line}: the passage is not in the article" in result.output
    assert "4 file(s) checked" in result.output and "3 valid, 1 with errors" in result.output


def test_check_refuses_a_name_that_import_refuses(runner: FlaskCliRunner,
                                                  tmp_path: Path) -> None:
    """`quiz check` passing a file means `quiz import` takes it: a file named Windows' way
    (quiz-velo.md.txt) is refused by both, with how to rename it."""
    named = tmp_path / "quiz-velo.md.txt"
    shutil.copy(QUESTIONS / "exemple-velo-ecole.md", named)
    checked = runner.invoke(args=["quiz", "check", str(named)])
    imported = runner.invoke(args=["quiz", "import", str(named)])
    assert checked.exit_code == imported.exit_code == 1
    refusal = f"{named}:1: 'quiz-velo.md.txt' cannot name a quiz — rename the file"
    assert refusal in checked.output and refusal in imported.output
    assert "1 file(s) checked" in checked.output and "0 valid, 1 with errors" in checked.output


def test_check_says_a_moodle_file_is_one_and_how_to_convert_it(
        runner: FlaskCliRunner, tmp_path: Path) -> None:
    """A GIFT bank given to `quiz check` (or `quiz import`): one error saying what it is and
    the command that converts it — each of its lines was one more error (29 for 10 lines)."""
    bank = tmp_path / "banque.md"
    bank.write_text("// Exported from Moodle\n$CATEGORY: $course$/Actualité\n\n"
                    "::q1:: Qui a signé le traité ? {=Les deux pays ~La Chine ~L'ONU}\n\n"
                    "::q2:: Le traité est ratifié. {T}\n", encoding="utf-8")
    result = runner.invoke(args=["quiz", "check", str(bank)])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith(str(bank))]
    assert errors == [f"{bank}:1: this is a GIFT, Moodle XML or Aiken file, not a question file "
                      "— convert it with the article it is about: flask --app app quiz convert "
                      "FILE OUT.md --article ARTICLE.md (or upload it on the upload page, "
                      "choosing that article's quiz)"], result.output


def test_check_a_missing_path(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["quiz", "check", "nowhere"])
    assert result.exit_code == 1 and "nowhere:1: no such file or folder" in result.output


def test_import_of_a_file_this_user_may_not_reach_is_one_line(
        runner: FlaskCliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """An administrator's `quiz import /root/lessons/x.md` as the service's user: the folder
    cannot be opened (a 40-line traceback ending in PermissionError before). Root may read
    anything, so the refusal is made here as the system makes it."""
    unreachable = "/root/lessons/vote.md"
    stat = Path.stat

    def refused(path: Path, **options: bool) -> os.stat_result:
        if str(path) == unreachable:
            raise PermissionError(13, "Permission denied", unreachable)
        return stat(path, **options)

    monkeypatch.setattr(Path, "stat", refused)
    result = runner.invoke(args=["quiz", "import", unreachable, str(QUESTIONS)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{unreachable}:1: cannot read the file (Permission denied) — check that the user "
        "running the command may read it and every folder above it",
        "Nothing imported: 1 error(s) in 1 file(s)."]


def test_import_then_list(runner: FlaskCliRunner, app: Flask) -> None:
    result = runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    assert result.exit_code == 0, result.output
    assert "Imported 3 file(s): 3 created, 0 updated, 0 unchanged." in result.output
    again = runner.invoke(args=["quiz", "import"])
    assert "0 created, 0 updated, 3 unchanged" in again.output

    listing = json.loads(runner.invoke(args=["quiz", "list", "--json"]).output)
    seed = next(q for q in listing if q["slug"] == SEED_QUIZ)
    assert seed == {"slug": SEED_QUIZ,
                    "title": "Russie et Corée du Nord ratifient un traité de défense mutuelle",
                    "language": "fr", "published": True, "status": "published", "revision": 1,
                    "questions": {"mcq": 8, "true_false": 4}}
    table = runner.invoke(args=["quiz", "list"]).output
    assert f"{SEED_QUIZ}" in table and "mcq=8" in table and "true_false=4" in table


def test_import_says_new_quizzes_are_published_warns_of_copies_and_can_keep_drafts(
        runner: FlaskCliRunner, app: Flask, tmp_path: Path) -> None:
    """A teacher imported a copy of her uploaded quiz under another file name: published for
    every student at once (answers shown in practice, days before her class's due date), the
    command saying only « published ». It now says what published means, names the quiz with
    the same title, and `--draft` keeps new quizzes unpublished."""
    result = runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    assert ("3 new quizzes published: every student sees and can take them now (quiz import "
            "--draft keeps new quizzes as drafts, to publish from their page).") in result.output
    copy = tmp_path / "traite-copie.md"
    copy.write_text((QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8"),
                    encoding="utf-8")
    result = runner.invoke(args=["quiz", "import", "--draft", str(copy)])
    assert result.exit_code == 0, result.output
    assert "created   traite-copie (revision 1, 12 questions, draft)" in result.output
    assert (f"warning: traite-copie has the title of {SEED_QUIZ}, in the same language: a copy "
            "under another file name?") in result.output
    assert "published: every student" not in result.output
    with app.app_context():
        assert db.session.scalar(sa.select(Quiz.status).where(Quiz.slug == "traite-copie")) \
            == "draft"
    # A title beginning with an accented capital (SQLite's lower() changes A to Z only).
    seed = (QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8")
    for name in ("elections", "elections-copie"):
        (tmp_path / f"{name}.md").write_text(re.sub(r"^# .*$", "# Élections à Paris", seed,
                                                    count=1, flags=re.M), encoding="utf-8")
        result = runner.invoke(args=["quiz", "import", "--draft", str(tmp_path / f"{name}.md")])
    assert "warning: elections-copie has the title of elections, in the same" in result.output


def test_import_of_an_invalid_folder_imports_nothing(
        runner: FlaskCliRunner, app: Flask, tmp_path: Path) -> None:
    folder = tmp_path / "questions"
    shutil.copytree(QUESTIONS, folder)
    (folder / "broken.md").write_text("# Titre\n\nLanguage: fr\n", encoding="utf-8")
    result = runner.invoke(args=["quiz", "import", str(folder)])
    assert result.exit_code == 1
    assert f"{folder / 'broken.md'}:1: the header has no 'Date'" in result.output
    assert "Nothing imported: 2 error(s) in 1 file(s)." in result.output
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Quiz.id))) == 0


def test_list_when_empty(runner: FlaskCliRunner) -> None:
    assert "No quizzes yet" in runner.invoke(args=["quiz", "list"]).output


def test_create_teacher(runner: FlaskCliRunner, app: Flask) -> None:
    result = runner.invoke(args=["quiz", "create-teacher", "M.Dupont", "--display-name",
                                 "M. Dupont"], input="un long secret\nun long secret\n")
    assert result.exit_code == 0, result.output
    assert "Teacher 'm.dupont' created." in result.output
    with app.app_context():
        teacher = db.session.scalar(sa.select(User))
        assert teacher.role == "teacher" and teacher.check_password("un long secret")
    again = runner.invoke(args=["quiz", "create-teacher", "m.dupont"],
                          input="un long secret\nun long secret\n")
    assert again.exit_code == 1 and "the username 'm.dupont' is taken" in again.output


def test_create_teacher_rejects_a_short_password(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["quiz", "create-teacher", "prof"], input="court\ncourt\n")
    assert result.exit_code == 2 and "use at least 8 characters" in result.output


def test_create_teacher_and_reset_password_refuse_a_password_tried_first(
        runner: FlaskCliRunner, users) -> None:
    """A teacher's account guards a class's marks: « aaaaaaaa » or « password1 » refused."""
    for weak in ("aaaaaaaa", "password1"):
        result = runner.invoke(args=["quiz", "create-teacher", "prof"],
                               input=f"{weak}\n{weak}\n")
        assert result.exit_code == 2 and "among the first an attacker tries" in result.output
    users.make("lea")
    reset = runner.invoke(args=["quiz", "reset-password", "lea", "--password", "12345678"])
    assert reset.exit_code != 0 and "among the first an attacker tries" in reset.output


def test_convert_to_gift_and_moodle_xml(runner: FlaskCliRunner, tmp_path: Path) -> None:
    source = QUESTIONS / f"{SEED_QUIZ}.md"
    result = runner.invoke(args=["quiz", "convert", str(source), str(tmp_path / "q.gift")])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output and "warning: The article is not exported" in result.output
    written = (tmp_path / "q.gift").read_text(encoding="utf-8")
    assert "::nom-du-traite::" in written
    assert "// Attention\u00a0: L’article n’est pas exporté" in written  # the quiz's language
    result = runner.invoke(args=["quiz", "convert", str(source), str(tmp_path / "q.xml")])
    assert result.exit_code == 0 and "<quiz>" in (tmp_path / "q.xml").read_text(encoding="utf-8")
    bad = runner.invoke(args=["quiz", "convert", str(source), str(tmp_path / "q.pdf")])
    assert bad.exit_code == 2 and "end TARGET in .gift, .txt or .xml" in bad.output


def test_convert_gift_with_an_article_then_review_before_publishing(
        runner: FlaskCliRunner, app: Flask, tmp_path: Path) -> None:
    data = Path(__file__).parent / "data"
    article = tmp_path / "article.md"
    article.write_text((QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8").split(
        "## Questions")[0], encoding="utf-8")
    target = tmp_path / "depuis-moodle.md"
    missing = runner.invoke(args=["quiz", "convert", str(data / "constructs.gift"), str(target)])
    assert missing.exit_code == 2 and "--article ARTICLE.md" in missing.output
    result = runner.invoke(args=["quiz", "convert", str(data / "constructs.gift"), str(target),
                                 "--article", str(article)])
    assert result.exit_code == 0, result.output
    assert "as GIFT: 8 question(s) written" in result.output and "7 left out" in result.output
    assert "8 to check (their 'Review:' lines say what) before the quiz" in result.output
    assert "left out: " in result.output and "essay questions are not supported" in result.output
    text = target.read_text(encoding="utf-8")
    assert text.count("\nReview: passage suggested by matching") == 8
    assert runner.invoke(args=["quiz", "check", str(target)]).exit_code == 0

    imported = runner.invoke(args=["quiz", "import", str(target)])
    assert imported.exit_code == 0, imported.output
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "depuis-moodle"))
        assert quiz.status == "draft"  # questions to review: not published

    aiken = runner.invoke(args=["quiz", "convert", str(data / "aiken.txt"),
                                str(tmp_path / "aiken.md"), "--article", str(article)])
    assert "as Aiken: 2 question(s) written" in aiken.output
    assert "this question has no 'ANSWER:' line" in aiken.output
    assert "Explanation: À compléter." in (tmp_path / "aiken.md").read_text(encoding="utf-8")
    # News Quiz's own export read back: nothing to check, and it is said so (not « confirm
    # the 'Review:' lines », of which there are none).
    exported = tmp_path / "export.gift"
    assert runner.invoke(args=["quiz", "convert", str(QUESTIONS / f"{SEED_QUIZ}.md"),
                               str(exported)]).exit_code == 0
    back = runner.invoke(args=["quiz", "convert", str(exported), str(tmp_path / "back.md"),
                               "--article", str(article)])
    assert back.exit_code == 0, back.output
    assert "None needs checking: the quiz can be published as it is." in back.output
    assert "Review:" not in (tmp_path / "back.md").read_text(encoding="utf-8")


def test_an_import_leaves_alone_a_file_the_browser_has_moved_on_from(
        runner: FlaskCliRunner, app: Flask, teacher, tmp_path: Path) -> None:
    """`manage.py serve` imports questions/ at every start: a demo quiz corrected in the
    browser was taken back to its file at each restart (a new revision, the edit gone)."""
    folder = tmp_path / "questions"
    shutil.copytree(QUESTIONS, folder)
    assert runner.invoke(args=["quiz", "import", str(folder)]).exit_code == 0
    velo = "exemple-velo-ecole"
    url = f"/teacher/quizzes/{velo}/questions/raison-parents/edit"
    page = teacher.get(url).get_data(as_text=True)
    edited = {name: value for name, value in form_fields(page, "question-form").items()
              if name != "cancel"} | {"explanation": "Corrigée dans le navigateur."}
    assert teacher.post(url, data=edited).status_code == 302

    restarted = runner.invoke(args=["quiz", "import", str(folder)])
    assert restarted.exit_code == 0, restarted.output
    assert (f"kept      {velo} (revision 2): {velo}.md is its revision 1 word for word, "
            "changed since in the browser; not imported again.") in restarted.output
    assert "Imported 3 file(s): 0 created, 0 updated, 2 unchanged, 1 left at a newer " \
           "revision." in restarted.output
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == velo))
        assert quiz.current_revision.number == 2
        assert "Corrigée dans le navigateur." in quiz.current_revision.source_text

    # The file edited since (a colleague's correction of another question): imported, with a
    # warning that it takes back the browser's change.
    path = folder / f"{velo}.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "L’article précise que", "L’article dit que", 1), encoding="utf-8")
    edited_file = runner.invoke(args=["quiz", "import", str(folder)])
    assert edited_file.exit_code == 0, edited_file.output
    assert f"updated   {velo} (revision 3" in edited_file.output
    assert (f"warning: {velo}.md reads as a copy of revision 1: it took back 1 change(s) "
            "saved since (revision 2, made in the browser at least in part).") \
        in edited_file.output
    # Said in the browser too, on the version's page (the terminal's warning is gone).
    page = teacher.get(f"/teacher/quizzes/{velo}/versions/3").text
    assert "This version took back what version 2 changed (marked below)." in page
    assert page.count('<span class="tag taken-back">taken back</span>') == 1  # question 4
    assert 'id="took-back"' not in teacher.get(f"/teacher/quizzes/{velo}/versions/2").text


def test_a_file_put_back_to_an_older_version_after_file_only_changes_is_imported(
        runner: FlaskCliRunner, app: Flask, tmp_path: Path) -> None:
    """git checkout of an older file: no teacher changed the quiz in the browser since, so
    the file is the quiz again (a new revision), not « kept »."""
    folder = tmp_path / "questions"
    shutil.copytree(QUESTIONS, folder)
    path = folder / "exemple-velo-ecole.md"
    original = path.read_text(encoding="utf-8")
    assert runner.invoke(args=["quiz", "import", str(folder)]).exit_code == 0
    path.write_text(original.replace("L’article précise que", "L’article dit que", 1),
                    encoding="utf-8")
    assert "updated   exemple-velo-ecole (revision 2" in runner.invoke(
        args=["quiz", "import", str(folder)]).output
    path.write_text(original, encoding="utf-8")  # put back
    back = runner.invoke(args=["quiz", "import", str(folder)])
    assert "updated   exemple-velo-ecole (revision 3" in back.output, back.output
    assert "kept" not in back.output and "warning" not in back.output
