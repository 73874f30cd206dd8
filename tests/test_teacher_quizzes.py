"""Teachers upload, preview, publish, archive and download quizzes in the browser."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale, gettext
from markupsafe import escape

from quiz.caching import clear_caches
from quiz.drafting import REVIEW_NOTE
from quiz.extensions import db
from quiz.models import Attempt, Quiz, QuizRevision
from quiz.questionfile import Problem, QuestionFileError
from quiz.questionfile.messages import N_
from quiz.services.importer import import_items
from tests.support import QUESTIONS, SEED_QUIZ, csrf_token, form_fields

VELO = (QUESTIONS / "exemple-velo-ecole.md").read_text(encoding="utf-8")
MARK_START = ('<mark class="passage-mark"><span class="visually-hidden" lang="en">'
              "Start of the passage: </span>")


def upload(client: FlaskClient, data: dict):
    token = csrf_token(client.get("/teacher/quizzes/upload").get_data(as_text=True))
    return client.post("/teacher/quizzes/upload", data={"csrf_token": token, **data},
                       content_type="multipart/form-data")


def seed_quiz() -> Quiz:
    return db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count(model.id)))


def test_an_invalid_file_lists_each_error_with_its_line_and_saves_nothing(
        app: Flask, teacher: FlaskClient) -> None:
    broken = VELO.replace("Answer: vrai", "Answer: no").replace(
        "Passage: Les parents interrogés citent d’abord la sécurité",
        "Passage: Les parents citent la sécurité")
    lines = broken.split("\n")
    answer_line = lines.index("Answer: no") + 1
    passage_line = lines.index("Passage: Les parents citent la sécurité") + 1
    response = upload(teacher, {"file": (io.BytesIO(broken.encode()), "velo.md")})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "The file has 2 errors; nothing was saved." in html
    assert f"<strong>Line {answer_line}:</strong> &#39;no&#39; is not an answer" in html
    assert f"<strong>Line {passage_line}:</strong> the passage is not in the article" in html
    with app.app_context():
        assert count(Quiz) == 0 and count(QuizRevision) == 0


def test_upload_errors_in_french_put_the_french_keywords_first_and_quote_cleanly(
        teacher: FlaskClient) -> None:
    broken = VELO.replace("Answer: vrai", "Answer: peut-être").replace(
        "Passage: Les parents interrogés citent d’abord la sécurité",
        "Passage: Les parents interrogés disent la sécurité")
    token = csrf_token(teacher.get("/teacher/quizzes/upload").get_data(as_text=True))
    response = teacher.post("/teacher/quizzes/upload", headers={"Accept-Language": "fr"},
                            data={"csrf_token": token,
                                  "file": (io.BytesIO(broken.encode()), "velo.md")},
                            content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "écrivez vrai ou faux (ou true ou false)" in html
    # What the article has, quoted without the space that ended it.
    assert "l’article contient «\u00a0Les parents interrogés\u00a0» mais pas la suite" in html
    english = upload(teacher, {"file": (io.BytesIO(broken.encode()), "velo.md")}).text
    assert "write true or false (or vrai or faux)" in english
    assert "the article has &#39;Les parents interrogés&#39; but not what follows" in english


def editor_rows(html: str) -> list[str]:
    """The rows drawn beside the upload page's editor, line 1 first."""
    rows = html.split('<div class="line-rows" aria-hidden="true">')[1].split("</div></div>")[0]
    return rows.split('<div class="line-row')[1:]


def test_an_unknown_fields_line_is_selected_whole_in_the_editor(
        app: Flask, teacher: FlaskClient) -> None:
    """« Auteur: … »: the field's name is the mistake; the editor is told to select the whole
    line (static/js/line-editor.js selects a field's value otherwise), from the summary's link
    too."""
    broken = VELO.replace("Language: fr\n", "Language: fr\nAuteur: Mme Durand\n", 1)
    assert broken != VELO
    line = broken.split("\n").index("Auteur: Mme Durand") + 1
    html = upload(teacher, {"file": (io.BytesIO(broken.encode()), "velo.md")}).text
    assert f'<a href="#text" data-line="{line}" data-whole-line>' in html
    textarea = re.search(r'<textarea([^>]*)>', html)
    assert textarea and f'data-first-line="{line}"' in textarea.group(1)
    assert "data-first-whole" in textarea.group(1)


def test_an_uploaded_file_with_errors_opens_in_the_editor_each_error_beside_its_line(
        app: Flask, teacher: FlaskClient) -> None:
    """The file is not thrown away: its text fills the paste box, each error is drawn on its
    line's row, the summary links each to its line, and sending the corrected text saves it."""
    broken = VELO.replace("Answer: vrai", "Answer: no")
    lines = broken.split("\n")
    answer_line = lines.index("Answer: no") + 1
    response = upload(teacher, {"file": (io.BytesIO(broken.encode()), "velo.md")})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    textarea = re.search(r'<textarea([^>]*)>(.*?)</textarea>', html, re.S)
    assert textarea is not None
    assert textarea.group(2).lstrip("\r\n") == str(escape(broken))
    assert 'wrap="off"' in textarea.group(1) and 'aria-invalid="true"' in textarea.group(1)
    assert 'aria-describedby="text-hint problems"' in textarea.group(1)  # errors linked
    assert f'data-first-line="{answer_line}"' in textarea.group(1)
    assert re.search(r'<input[^>]*id="slug"[^>]*value="velo"', html)  # for sending it again
    rows = editor_rows(html)
    assert len(rows) == len(lines)
    assert rows[answer_line - 1].startswith(' has-note"><span class="line-text">Answer: no</span>'
                                            '<span class="line-note">&#39;no&#39; is not an '
                                            "answer")
    assert sum("line-note" in row for row in rows) == 1
    assert f'<a href="#text" data-line="{answer_line}"><strong>Line {answer_line}:</strong>' \
        in html
    assert "data-first-whole" not in textarea.group(1)  # the value is wrong: it is selected
    assert "flask" not in html and "quiz check" not in html  # no command named to teachers
    assert "js/line-editor.js" in html
    # Corrected in the box and sent again as pasted text: saved.
    token = csrf_token(html)
    fixed = teacher.post("/teacher/quizzes/upload", data={
        "csrf_token": token, "text": broken.replace("Answer: no", "Answer: vrai"),
        "slug": "velo"})
    assert fixed.status_code == 302
    with app.app_context():
        assert count(Quiz) == 1


def test_a_pasted_text_with_errors_stays_in_the_editor_in_french(teacher: FlaskClient) -> None:
    french = {"Accept-Language": "fr"}
    token = csrf_token(teacher.get("/teacher/quizzes/upload", headers=french).text)
    broken = VELO.replace("Answer: vrai", "Answer: no")
    html = teacher.post("/teacher/quizzes/upload", headers=french,
                        data={"csrf_token": token, "text": broken, "slug": "velo"}).text
    assert ("Son texte est dans la zone ci-dessous, chaque erreur à côté de sa ligne\u00a0: "
            "corrigez-le là") in html
    assert "Chaque erreur est affichée à côté de sa ligne, en rouge." in html
    assert len(editor_rows(html)) == len(broken.split("\n"))


@pytest.mark.parametrize(("content", "name", "words"), [
    (rb"{\rtf1\ansi\ansicpg1252" + b"\n# Titre}", "quiz.rtf", "this is an RTF file"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20, "quiz.docx", "word-processor document"),
    (bytes(range(256)) * 4, "quiz.md", "")])
def test_a_file_that_is_not_text_keeps_its_message_and_opens_no_editor(
        teacher: FlaskClient, content: bytes, name: str, words: str) -> None:
    response = upload(teacher, {"file": (io.BytesIO(content), name)})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "nothing was saved" in html and words in html
    assert 'id="line-editor"' not in html and "js/line-editor.js" not in html
    assert re.search(r"<textarea[^>]*>\s*</textarea>", html)  # nothing of the bytes pasted


def test_a_french_teacher_reads_each_error_by_its_line_in_plain_words(
        app: Flask, teacher: FlaskClient, runner) -> None:
    """« Ligne 33 : » (the colon inside the message, after a no-break space), « mettez en
    retrait » rather than « indentez », and a count of one in the singular (issue 21)."""
    french = {"Accept-Language": "fr"}
    token = csrf_token(teacher.get("/teacher/quizzes/upload", headers=french).text)
    broken = VELO.replace("### places-velo\n", "### places-velo\n  suite\n")
    line = broken.split("\n").index("  suite") + 1
    html = teacher.post("/teacher/quizzes/upload", headers=french,
                        data={"csrf_token": token, "text": broken, "slug": "velo"}).text
    assert (f"<strong>Ligne {line}\u00a0:</strong> une ligne en retrait qui ne prolonge rien — "
            "ne mettez en retrait que les lignes qui prolongent") in html
    assert "indent" not in html
    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    aiken = ("Où le traité a-t-il été ratifié ?\nA. À la Douma\nANSWER: A\n\n"
             "Qui a signé ?\nA. Moscou\nB. Pyongyang\nC. Washington\nANSWER: B\n")
    response = teacher.post("/teacher/quizzes/upload", headers=french, data={
        "csrf_token": token, "article": SEED_QUIZ,
        "file": (io.BytesIO(aiken.encode()), "aiken.txt")}, content_type="multipart/form-data")
    html = teacher.get(response.headers["Location"], headers=french).text
    assert "aiken.txt, ligne 1\u00a0: 1 option" in html and "1 options" not in html
    # The quiz page: the app generates the questions; a question overtaken by the news is
    # « obsolète » (« dépassée » reads as a missed deadline).
    assert "Générer des questions" in html and "Rédiger" not in html
    assert "Marquer comme obsolète" in html and "dépassée" not in html


def test_a_latin1_file_is_refused_with_a_clear_message(app: Flask, teacher: FlaskClient) -> None:
    response = upload(teacher, {"file": (io.BytesIO(VELO.encode("cp1252")), "velo.md")})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert ("<strong>Line 1:</strong> the file is saved in an older encoding than UTF-8 "
            "(Windows&#39; “ANSI” or Latin-1: &#39;ville ouvre des « rues aux écoles&#39; on "
            "this line)") in html  # the words as the teacher's editor shows them
    assert "Encoding: UTF-8" in html and "paste it in the box" in html


def fake_french(text: str, **params: object) -> str:
    """Stands for the French catalogue: shows that a message went through translation."""
    return "[fr] " + (text % params if params else text)


def test_file_problems_are_shown_in_the_readers_language(
        app: Flask, teacher: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = VELO.replace("Answer: vrai", "Answer: no")
    line = broken.split("\n").index("Answer: no") + 1
    french = {"Accept-Language": "fr"}

    def upload_in_french() -> str:
        page = teacher.get("/teacher/quizzes/upload", headers=french).get_data(as_text=True)
        response = teacher.post("/teacher/quizzes/upload", headers=french,
                                content_type="multipart/form-data",
                                data={"csrf_token": csrf_token(page),
                                      "file": (io.BytesIO(broken.encode()), "velo.md")})
        assert response.status_code == 422
        return response.get_data(as_text=True)

    html = upload_in_french()
    assert 'lang="fr"' in html
    with app.test_request_context(), force_locale("fr"):
        message = gettext("'%(value)s' is not an answer to a true/false question", value="no")
        hint = gettext("write true or false (or vrai or faux)")
    assert f"<strong>Ligne {line}\u00a0:</strong> {escape(message)} — {escape(hint)}" in html
    # Whatever the catalogue holds yet, the message and its hint go through translation.
    monkeypatch.setattr("quiz.templating.gettext", fake_french)
    assert ("[fr] &#39;no&#39; is not an answer to a true/false question — "
            "[fr] write true or false (or vrai or faux)") in upload_in_french()


def test_pasted_text_needs_an_address(teacher: FlaskClient) -> None:
    html = upload(teacher, {"text": VELO}).get_data(as_text=True)
    assert "Give the pasted quiz an address." in html


def test_an_address_typed_as_words_is_made_an_address_as_a_files_name_is(
        teacher: FlaskClient) -> None:
    """« Taxe Trottinettes Été 2026 » was refused (while a file of that name was taken), and
    the file's own errors waited for a second try. One that gives no letter a to z is still
    refused, with the rule."""
    response = upload(teacher, {"text": VELO, "slug": " Vélo : L’École (2026) "})
    assert response.headers["Location"] == "/teacher/quizzes/velo-l-ecole-2026"
    assert upload(teacher, {"text": VELO, "slug": "Le cœur de Straße"}).headers[
        "Location"] == "/teacher/quizzes/le-coeur-de-strasse"  # œ and ß kept, as oe and ss
    refused = upload(teacher, {"text": VELO, "slug": "……"}).get_data(as_text=True)
    assert "Use lowercase letters without accents (a to z), digits" in refused


def test_paste_preview_publish_archive_and_download(app: Flask, teacher: FlaskClient, users,
                                                    auth) -> None:
    response = upload(teacher, {"text": VELO.replace("\n", "\r\n"), "slug": "velo"})
    assert response.status_code == 302 and response.headers["Location"] == "/teacher/quizzes/velo"
    preview = teacher.get("/teacher/quizzes/velo").get_data(as_text=True)
    assert "Saved as a new draft: check it, then publish it." in preview
    assert 'id="status">draft</span>' in preview
    assert "✓</span> <strong>Trente minutes</strong>" in preview
    # Highlighted, its start and end said in words for screen readers (issue 19.2).
    assert f"{MARK_START}Pendant trente minutes, seuls les piétons" in preview
    assert "Mme Martin" in preview.split('id="revisions"')[1]

    users.make("lea", "Léa")
    student = app.test_client()
    auth.log_in("lea", client=student)
    assert "Une ville ouvre" not in student.get("/").get_data(as_text=True)

    token = csrf_token(preview)
    # Shared with every student of the server (a quiz made in the browser is for the
    # teacher's classes unless chosen so: tests/test_visibility.py).
    teacher.post("/teacher/quizzes/velo/status", data={"csrf_token": token,
                                                       "status": "published",
                                                       "visibility": "everyone"})
    assert "Une ville ouvre" in student.get("/").get_data(as_text=True)
    token_s = csrf_token(student.get("/").get_data(as_text=True))
    assert student.post("/quizzes/velo/start", data={"csrf_token": token_s}).status_code == 302

    teacher.post("/teacher/quizzes/velo/status", data={"csrf_token": token, "status": "archived"})
    home = student.get("/").get_data(as_text=True)
    # Not offered any more; only the attempt already started, under "To finish".
    assert "Une ville ouvre" not in home.replace(home.split("To finish</h2>")[1].split("</ul>")[0],
                                                 "")
    assert "/quizzes/velo/start" not in home
    assert student.post("/quizzes/velo/start", data={"csrf_token": token_s}).status_code == 404
    with app.app_context():
        assert count(Attempt) == 1  # archiving keeps attempts

    download = teacher.get("/teacher/quizzes/velo/download")
    assert download.headers["Content-Disposition"] == 'attachment; filename="velo.md"'
    assert download.get_data(as_text=True) == VELO


@pytest.mark.usefixtures("demo_quizzes")
def test_the_quiz_list_shows_each_quiz_without_reading_articles(app: Flask,
                                                               teacher: FlaskClient) -> None:
    upload(teacher, {"text": VELO, "slug": "velo"})
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        statements.append(statement)

    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", record)
    try:
        html = teacher.get("/teacher/quizzes").get_data(as_text=True)
    finally:
        with app.app_context():
            sa.event.remove(db.engine, "before_cursor_execute", record)
    slug = re.compile(r'<span class="muted" id="slug-[a-z0-9-]+">([a-z0-9-]+)</span>')
    rows = {slug.search(row).group(1): row
            for row in html.split('id="quizzes"')[1].split("<tr>")[2:]}
    assert "status-draft" in rows["velo"]
    assert '<td data-label="Questions">5</td>\n    <td data-label="Version">1</td>' in rows["velo"]
    assert "status-published" in rows[SEED_QUIZ] and ">12</td>" in rows[SEED_QUIZ]
    assert "Russie et Corée du Nord" in rows[SEED_QUIZ]
    assert not [s for s in statements if "source_text" in s or ".article" in s]


def test_a_new_version_is_listed_with_who_saved_it(app: Flask, teacher: FlaskClient,
                                                   runner) -> None:
    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    edited = (QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8").replace(
        "Prompt: Selon l’article, qu’a promis Donald Trump",
        "Prompt: D’après l’article, qu’a promis Donald Trump")
    response = upload(teacher, {"file": (io.BytesIO(edited.encode()), f"{SEED_QUIZ}.md")})
    assert response.status_code == 302
    html = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert "Saved as revision 2." in html
    revisions = html.split('id="revisions"')[1]
    assert revisions.index("Mme Martin") < revisions.index("import from the command line")
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        assert quiz.status == "published" and quiz.current_revision.number == 2


def test_students_cannot_manage_quizzes(app: Flask, client: FlaskClient, users, auth) -> None:
    users.make("lea")
    auth.log_in("lea")
    assert client.get("/teacher/quizzes").status_code == 403
    assert client.get("/teacher/quizzes/upload").status_code == 403


def test_printable_handout_has_the_questions_and_no_answer(app: Flask, teacher: FlaskClient,
                                                           runner) -> None:
    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    # The quiz's page tells the handout (for the students) from the answer key (itself).
    actions = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert "Printable handout, without the answers</a>" in actions
    assert "The answer key: this page, printed." in actions
    html = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}/handout").get_data(as_text=True)
    assert "Selon l’article, quel traité Vladimir Poutine évoque-t-il" in html
    assert html.count("☐") == 8 * 4 + 4 * 2
    assert "<mark" not in html and "Explanation" not in html and "✓" not in html
    # A French quiz's sheet is in French, printed from the English interface too; the page
    # around it (menus, the note on printing) stays in the teacher's language.
    sheet = html.split('<div class="handout-sheet" lang="fr">', 1)[1]
    assert "Nom\u00a0:" in sheet and "Name:" not in html
    assert '<html lang="en">' in html and "Log out" in html and "Print command" in html
    velo = teacher.get("/teacher/quizzes/exemple-velo-ecole/handout").get_data(as_text=True)
    assert "Vrai ou faux\u00a0?" in velo and "True or false?" not in velo
    # An English quiz printed from the French interface: an English sheet in a French page (its
    # header was English: « Skip to content », « Log out »).
    english = teacher.get("/teacher/quizzes/sample-plastic-free-school-meals/handout",
                          headers={"Accept-Language": "fr"}).get_data(as_text=True)
    page, sheet = english.split('<div class="handout-sheet" lang="en">', 1)
    assert '<html lang="fr">' in page and "Aller au contenu" in page and "Log out" not in page
    assert "commande Imprimer" in page
    assert "Name:" in sheet and "Nom\u00a0:" not in english
    # The quiz's text keeps its language inside the sheet (a German quiz's on an English one).
    with app.app_context():
        db.session.scalar(sa.select(Quiz).where(Quiz.slug == "exemple-velo-ecole")
                          ).current_revision.language = "de"
        db.session.commit()
        clear_caches()  # a revision's content never changes in the app: kept by each process
    german = teacher.get("/teacher/quizzes/exemple-velo-ecole/handout").get_data(as_text=True)
    assert '<div class="handout-sheet" lang="en">' in german
    assert '<ol class="handout-questions" lang="de">' in german
    assert '<span lang="en">True or false?</span>' in german


def test_an_outdated_question_leaves_new_attempts_and_old_results_show_the_note(
        app: Flask, teacher: FlaskClient, runner, users, auth) -> None:
    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    users.make("lea", "Léa")
    student = app.test_client()
    auth.log_in("lea", client=student)
    token_s = csrf_token(student.get("/").get_data(as_text=True))
    old_url = student.post(f"/quizzes/{SEED_QUIZ}/start",
                           data={"csrf_token": token_s}).headers["Location"]
    with app.app_context():
        old = db.session.get_one(Attempt, 1)
        answers = {f"q{q.id}": str(q.choices[0].id) for q in old.revision.questions}
    student.post(old_url, data={"csrf_token": token_s, **answers})

    preview = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    missing_note = teacher.post(f"/teacher/quizzes/{SEED_QUIZ}/questions/aucune-attaque/outdated",
                                data={"csrf_token": csrf_token(preview), "note": ""})
    assert missing_note.status_code == 302
    with app.app_context():
        assert seed_quiz().current_revision.number == 1
    teacher.post(f"/teacher/quizzes/{SEED_QUIZ}/questions/aucune-attaque/outdated",
                 data={"csrf_token": csrf_token(preview),
                       "note": "Depuis, l’Ukraine a mené une incursion en Russie : voir août."})
    html = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert "is outdated: new attempts leave it out" in html
    # The note in the quiz's language and typography (its « : » wrapped alone to a line).
    assert '<span lang="fr">Depuis, l’Ukraine a mené une incursion en Russie\u00a0: voir' in html
    assert "Outdated: Depuis, l’Ukraine a mené une incursion en Russie : voir août." in \
        teacher.get(f"/teacher/quizzes/{SEED_QUIZ}/download").get_data(as_text=True)

    results = student.get(old_url).get_data(as_text=True)
    assert "The news has moved on:</strong> <span lang=\"fr\">Depuis, l’Ukraine" in results
    assert 'id="score">' in results
    new_url = student.post(f"/quizzes/{SEED_QUIZ}/start",
                           data={"csrf_token": token_s}).headers["Location"]
    page = student.get(new_url).get_data(as_text=True)
    assert "Question 11 of 11" in page and "aucun des deux pays n’a été attaqué" not in page
    with app.app_context():
        assert db.session.get_one(Attempt, 2).total == 11
    # Every page counts and prints the 11 asked, not the outdated one.
    assert "aucun des deux pays n’a été attaqué" not in teacher.get(
        f"/teacher/quizzes/{SEED_QUIZ}/handout").get_data(as_text=True)
    assert "11 questions, multiple choice or true/false, on the article." in student.get(
        f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert "11 questions." in teacher.get(f"/teacher/quizzes/{SEED_QUIZ}/assign").get_data(
        as_text=True)

    teacher.post(f"/teacher/quizzes/{SEED_QUIZ}/questions/aucune-attaque/outdated",
                 data={"csrf_token": csrf_token(preview), "restore": "y"})
    with app.app_context():
        revision = seed_quiz().current_revision
        assert revision.number == 3
        assert all(q.outdated_note is None for q in revision.questions)


def edit_data(**changes: str) -> dict[str, str]:
    data = {"key": "nouvelle", "kind": "mcq", "prompt": "Combien de places pour vélos ?",
            "choice_0": "120", "choice_1": "240", "choice_2": "", "choice_3": "",
            "choice_4": "", "choice_5": "", "correct": "1", "answer": "true",
            "passage": "240 nouvelles places de stationnement pour vélos",
            "explanation": "Le deuxième paragraphe le dit."}
    return {**data, **changes}


@pytest.fixture
def velo(teacher: FlaskClient) -> FlaskClient:
    upload(teacher, {"text": VELO, "slug": "velo"})
    return teacher


def test_add_a_question_in_the_browser(app: Flask, velo: FlaskClient) -> None:
    page = velo.get("/teacher/quizzes/velo/questions/new").get_data(as_text=True)
    response = velo.post("/teacher/quizzes/velo/questions/new",
                         data={"csrf_token": csrf_token(page), **edit_data()})
    assert response.status_code == 302
    text = velo.get("/teacher/quizzes/velo/download").get_data(as_text=True)
    assert text.endswith("### nouvelle\nType: mcq\nPrompt: Combien de places pour vélos ?\n"
                         "- [ ] 120\n- [x] 240\nPassage: 240 nouvelles places de "
                         "stationnement pour vélos\nExplanation: Le deuxième paragraphe le dit.\n")
    with app.app_context():
        assert db.session.scalar(sa.select(Quiz)).current_revision.number == 2


def test_lines_typed_in_the_prompt_and_the_explanation_are_joined(
        velo: FlaskClient) -> None:
    """Enter in « Question or statement » or « Explanation » (boxes of several lines) was
    refused twice, once as « invisible control characters »: the lines are joined, as the file
    writes the field on one line."""
    page = velo.get("/teacher/quizzes/velo/questions/new").text
    saved = velo.post("/teacher/quizzes/velo/questions/new", data={
        "csrf_token": csrf_token(page),
        **edit_data(prompt="Combien de places\r\npour vélos ?",
                    explanation="Le deuxième paragraphe\r\n\r\nle dit.")})
    assert saved.status_code == 302, saved.text
    text = velo.get("/teacher/quizzes/velo/download").text
    assert "Prompt: Combien de places pour vélos ?\n" in text
    assert "Explanation: Le deuxième paragraphe le dit.\n" in text


def test_a_question_changed_since_the_page_opened_is_not_saved_over(
        app: Flask, velo: FlaskClient) -> None:
    """Two tabs on one question: A saves a new explanation, then B (opened before) saves a new
    prompt — B put A's explanation back, unsaid. B is refused, its text kept, and saved when
    sent again."""
    velo.post("/teacher/quizzes/velo/questions/new", data={
        "csrf_token": csrf_token(velo.get("/teacher/quizzes/velo/questions/new").text),
        **edit_data()})
    url = "/teacher/quizzes/velo/questions/nouvelle/edit"
    tab_a, tab_b = velo.get(url).text, velo.get(url).text
    seen_b = form_fields(tab_b, "question-form")["seen"]
    saved_a = velo.post(url, data={
        "csrf_token": csrf_token(tab_a), "seen": form_fields(tab_a, "question-form")["seen"],
        **edit_data(explanation="L’explication de l’onglet A.")})
    assert saved_a.status_code == 302
    refused = velo.post(url, data={"csrf_token": csrf_token(tab_b), "seen": seen_b,
                                   **edit_data(prompt="Combien de places, selon B ?")})
    assert refused.status_code == 409
    assert ("Nothing was saved: this question was changed since you opened this page "
            "(version 3).") in refused.text
    assert "Combien de places, selon B ?" in refused.text  # kept in the form
    with app.app_context():
        assert db.session.scalar(sa.select(Quiz)).current_revision.number == 3
    again = velo.post(url, data={"csrf_token": csrf_token(refused.text),
                                 "seen": form_fields(refused.text, "question-form")["seen"],
                                 **edit_data(prompt="Combien de places, selon B ?")})
    assert again.status_code == 302
    text = velo.get("/teacher/quizzes/velo/download").text
    assert "Prompt: Combien de places, selon B ?" in text
    assert "L’explication de l’onglet A." not in text  # replaced knowingly


def test_the_edit_page_says_a_new_right_answer_does_not_grade_again_unasked(
        app: Flask, teacher: FlaskClient, runner, auth) -> None:
    """Two students took the quiz: editing its first question says, by the right answer's
    fields, that changing it regrades none of their attempts unless asked (the board would
    mix two keys unsaid); a quiz nobody took says nothing."""
    from tests.test_classes_pages import submit_seed

    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    for name in ("lea", "tom"):
        student = app.test_client()
        auth.register(name, name.title(), client=student)
        submit_seed(app, student, 1)
    with app.app_context():
        first = seed_quiz().revision.questions[0].key
    page = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}/questions/{first}/edit").text
    assert ('id="answered-note">2 attempts have answered this question: each keeps the marks '
            "of the version it answered until you regrade them (the quiz's page offers it "
            "once its right answer is changed).</p>") in page
    assert re.search(r'<select[^>]*aria-describedby="[^"]*answered-note[^"]*"[^>]*id="correct"',
                     page) or re.search(r'<select[^>]*id="correct"[^>]*aria-describedby="'
                                        r'[^"]*answered-note', page)
    untouched = teacher.get("/teacher/quizzes/exemple-velo-ecole/questions/places-velo/edit")
    assert "answered-note" not in untouched.text


def test_a_right_answer_corrected_in_the_editor_is_regraded_from_the_quiz_page(
        app: Flask, teacher: FlaskClient, runner, auth) -> None:
    """Léa chose the first wrong choice of question 1, Tom the right one. The teacher makes
    Léa's choice the right answer in the editor; the quiz page says two attempts were marked
    with another right answer; the regrade page shows the change and what it does; regraded,
    Léa has every answer right, Tom one wrong, and Léa's results say so."""
    from tests.test_classes_pages import create_class, submit_seed

    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    class_id, code = create_class(teacher)
    with app.app_context():
        from quiz.models import Classroom
        from quiz.services.classes import assign_quiz
        assign_quiz(db.session.get_one(Classroom, class_id), seed_quiz(), None, None, "best")
    students = {}
    for name, wrong in (("lea", 1), ("tom", 0)):
        students[name] = app.test_client()
        # Léa is in the teacher's class, Tom in none.
        auth.register(name, name.title(), code if name == "lea" else None,
                      client=students[name])
        submit_seed(app, students[name], wrong)
    with app.app_context():
        question = seed_quiz().revision.questions[0]
        key, total = question.key, len(seed_quiz().revision.questions)
        texts = [c.text for c in question.choices]
        was = next(c.text for c in question.choices if c.is_correct)
        lea_choice = next(n for n, c in enumerate(question.choices) if not c.is_correct)
    quiz_url = f"/teacher/quizzes/{SEED_QUIZ}"
    assert "regrade-notice" not in teacher.get(quiz_url).text
    edit = teacher.get(f"{quiz_url}/questions/{key}/edit").text
    fields = form_fields(edit, "question-form")
    saved = teacher.post(f"{quiz_url}/questions/{key}/edit",
                         data={**fields, "correct": str(lea_choice)}, follow_redirects=True)
    assert saved.status_code == 200 and "Question saved (version 2)." in saved.text
    # Said once saved, not only on the regrade page (a teacher's walkthrough).
    assert ("Its right answer is another now: check that its explanation and passage fit the "
            "new one.") in saved.text

    notice = teacher.get(quiz_url).text
    assert ('id="regrade-notice">2 attempts made on earlier versions were marked with other '
            "right answers than this version's.") in notice
    page = teacher.get(f"{quiz_url}/regrade").text
    row = page.split('id="key-changes"')[1].split("</table>")[0]
    assert f"{escape(was)}</span> <span class=\"muted\">(version 1)" in row
    assert f"<strong>{escape(texts[lea_choice])}</strong>" in row
    assert "<li>1 score goes up</li>" in page and "<li>1 score goes down</li>" in page
    assert ">Regrade 2 attempts</button>" in page
    # The teacher's own student by name, the other counted.
    table = page.split('id="regraded-students"')[1].split("</table>")[0]
    assert re.findall(r'<th scope="row">([^<]*)</th>\s*<td[^>]*>([^<]*)</td>\s*<td[^>]*>'
                      r'[^<]*\d:\d\d\W*[AP]M</td>\s*<td[^>]*>'
                      r'(\d+)&nbsp;/&nbsp;\d+ → <strong>(\d+)', table) == [
        ("Lea", "4e B", str(total - 1), str(total))]
    assert "1 other attempt changes too" in page

    # A version saved since the page was read: refused, nothing regraded.
    stale = {**form_fields(page, "regrade-form"), "version": "1"}
    refused = teacher.post(f"{quiz_url}/regrade", data=stale)
    assert refused.status_code == 409
    assert "nothing was regraded" in refused.text
    with app.app_context():
        assert sorted(db.session.scalars(sa.select(Attempt.score))) == [total - 1, total]

    done = teacher.post(f"{quiz_url}/regrade", data=form_fields(page, "regrade-form"),
                        follow_redirects=True)
    assert "2 attempts regraded with the right answers of version 2" in done.text
    assert "regrade-notice" not in done.text
    with app.app_context():
        scores = dict((a.user.username, a.score) for a in db.session.scalars(sa.select(Attempt)))
        lea_attempt = db.session.scalar(sa.select(Attempt.id).join(Attempt.user).where(
            sa.literal_column("username") == "lea"))
    assert scores == {"lea": total, "tom": total - 1}
    results = students["lea"].get(f"/attempts/{lea_attempt}").text
    assert 'id="regraded-note">Regraded on ' in results
    assert f'id="score">{total}\u00a0/\u00a0{total}<' in results
    assert "Nothing to regrade" in teacher.get(f"{quiz_url}/regrade").text
    # The teacher's page of Léa and the class's list of attempts say it too.
    with app.app_context():
        lea_id = db.session.scalar(sa.select(Attempt.user_id).where(Attempt.id == lea_attempt))
    row = teacher.get(f"/teacher/classes/{class_id}/students/{lea_id}").text.split(
        f"/attempts/{lea_attempt}")[0].rsplit("<tr", 1)[1]
    assert '<span class="tag">regraded</span>' in row
    header, line = teacher.get(f"/teacher/classes/{class_id}/scores.csv").text.split("\r\n")[:2]
    assert header.endswith(",Live quiz,Regraded") and re.search(r",no,20\d\d-\d\d-\d\d [\d:]+$",
                                                                line)

    # Tom's choice (the right answer of version 1) in other words: another answer, which his
    # attempt cannot follow — said once saved. Its capitals alone: the same answer, unsaid.
    tom_choice = f"choice_{texts.index(was)}"
    for typed, said in ((was.upper(), False), (f"{was} (modifié)", True)):
        fields = form_fields(teacher.get(f"{quiz_url}/questions/{key}/edit").text,
                             "question-form")
        saved = teacher.post(f"{quiz_url}/questions/{key}/edit",
                             data={**fields, tom_choice: typed}, follow_redirects=True)
        assert "Question saved" in saved.text and "right answer is another" not in saved.text
        warning = (f"“{escape(fields[tom_choice])}” was chosen in 1 attempt and is no longer a "
                   "choice (reworded, it is another answer): that attempt cannot be regraded. "
                   "To keep it, write the choice back as it was.")
        assert (warning in saved.text) is said


def test_the_regrade_page_names_no_attempt_the_teachers_class_pages_do_not_show(
        app: Flask, teacher: FlaskClient, runner, auth) -> None:
    """Léa took the quiz on her own, then joined the teacher's class, which was never given
    it: her attempt is none of the class's business (its pages do not show it), so the
    regrade page counts it without her name; pressed twice, the second press says nothing
    was left."""
    from tests.test_classes_pages import create_class, submit_seed

    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    _class_id, code = create_class(teacher)
    lea = app.test_client()
    auth.register("lea", "Léa Secret", client=lea)
    submit_seed(app, lea, 1)
    with app.app_context():
        from quiz.models import User
        from quiz.services.classes import join_class
        join_class(db.session.scalars(sa.select(User).where(User.username == "lea")).one(),
                   code)
        question = seed_quiz().revision.questions[0]
        key = question.key
        wrong = next(n for n, c in enumerate(question.choices) if not c.is_correct)
    url = f"/teacher/quizzes/{SEED_QUIZ}"
    fields = form_fields(teacher.get(f"{url}/questions/{key}/edit").text, "question-form")
    teacher.post(f"{url}/questions/{key}/edit", data={**fields, "correct": str(wrong)})
    page = teacher.get(f"{url}/regrade").text
    assert "Léa" not in page and "regraded-students" not in page
    assert "None of them is one of your students" in page
    form = form_fields(page, "regrade-form")
    assert "1 attempt regraded" in teacher.post(f"{url}/regrade", data=form,
                                                follow_redirects=True).text
    again = teacher.post(f"{url}/regrade", data=form, follow_redirects=True).text
    assert "Nothing was regraded: no attempt of an earlier version could move" in again


def test_the_right_answer_list_names_each_choice_by_its_text(
        app: Flask, velo: FlaskClient) -> None:
    """« Choice 2 » alone made a teacher count the choices (two walkthroughs): the list says
    each one's text, the empty ones by number; in French with the colon's space."""
    page = velo.get("/teacher/quizzes/velo/questions/raison-parents/edit").text
    select = page.split('id="correct"')[1].split("</select>")[0]
    assert re.findall(r"<option[^>]*>([^<]*)</option>", select) == [
        "Choice 1: Le prix de l’essence", "Choice 2: La sécurité des enfants",
        "Choice 3: La santé des enfants", "Choice 4: Le gain de temps", "Choice 5",
        "Choice 6"]
    assert 'data-choice-format="%(choice)s: %(text)s"' in page
    assert "/static/js/choice-labels.js" in page
    sent = velo.post("/teacher/quizzes/velo/questions/raison-parents/edit",
                     data={**form_fields(page, "question-form"), "choice_1": "La sécurité",
                           "explanation": ""})
    assert sent.status_code == 422
    assert ">Choice 2: La sécurité</option>" in sent.text  # what was typed, sent back
    french = velo.get("/teacher/quizzes/velo/questions/raison-parents/edit",
                      headers={"Accept-Language": "fr"}).text
    assert ">Choix 2\u00a0: La sécurité des enfants</option>" in french


def test_edit_a_question_with_a_passage_typed_with_straight_quotes(
        app: Flask, velo: FlaskClient) -> None:
    url = "/teacher/quizzes/velo/questions/raison-parents/edit"
    page = velo.get(url).get_data(as_text=True)
    assert 'name="key" readonly required type="text" value="raison-parents"' in page
    data = edit_data(key="ignored", prompt="Que citent d'abord les parents ?",
                     choice_0="La sécurité", choice_1="Le prix", correct="0",
                     passage="Les parents interrogés citent d'abord la sécurité")
    response = velo.post(url, data={"csrf_token": csrf_token(page), **data})
    assert response.status_code == 302
    preview = velo.get("/teacher/quizzes/velo").get_data(as_text=True)
    assert "Que citent d&#39;abord les parents\u00a0?" in preview  # the prompt as typed
    assert f"{MARK_START}Les parents interrogés citent d’abord la sécurité<span" in preview
    with app.app_context():
        keys = [q.key for q in db.session.scalar(sa.select(Quiz)).current_revision.questions]
        assert "raison-parents" in keys and "ignored" not in keys


@pytest.mark.parametrize(("changes", "field_error"), [
    ({"passage": "une phrase qui n’y est pas"}, "This passage is not in the article"),
    ({"passage": "vélo"}, "appears"),
    # The words are there, a capital changed: said (« not in the article » beside them).
    ({"passage": "les parents interrogés citent d’abord la sécurité"},
     "The article writes it “Les parents interrogés citent d’abord la sécurité”: copy its "
     "capitals as they are."),
    ({"choice_2": "trente  Minutes", "choice_0": "Trente minutes"},
     '<ul class="errors" id="choice_2-errors"><li>Two choices are the same.</li></ul>'),
    ({"choice_1": ""}, "The correct choice is empty."),
    ({"choice_0": "", "choice_1": "240"}, "Give at least two choices."),
    ({"key": "places-velo"}, "Another question has this id"),
    # Beside the choice that repeats one above it (not always beside Choice 2).
    ({"choice_2": "90", "choice_3": "120"},
     '<ul class="errors" id="choice_3-errors"><li>Two choices are the same.</li></ul>'),
    ({"key": "Nouvelle Question"}, "Use lowercase letters without accents (a to z), digits, "
                                   "hyphens and underscores only."),
])
def test_a_bad_question_is_refused_with_the_field_named(app: Flask, velo: FlaskClient,
                                                        changes: dict, field_error: str) -> None:
    page = velo.get("/teacher/quizzes/velo/questions/new").get_data(as_text=True)
    response = velo.post("/teacher/quizzes/velo/questions/new",
                         data={"csrf_token": csrf_token(page), **edit_data(**changes)})
    assert response.status_code == 422
    assert field_error in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(Quiz)).current_revision.number == 1


def test_problems_of_an_edited_question_are_translated(
        velo: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """The form checks come first; what the file's own check finds is listed, translated, by
    its line (« Ligne 12 : », not the file's path and line as `velo.md:12:`)."""
    problem = Problem.of("velo.md", 12, N_("the passage is not in the article"),
                         N_("the article has '%(start)s' but not what follows it; copy the "
                            "passage from the article word for word, within one paragraph"),
                         start="Pendant")

    def refuse(*_args: object) -> None:
        raise QuestionFileError([problem])

    monkeypatch.setattr("quiz.teacher.quiz_routes.save_edited", refuse)
    french = {"Accept-Language": "fr"}
    page = velo.get("/teacher/quizzes/velo/questions/new", headers=french).get_data(as_text=True)
    response = velo.post("/teacher/quizzes/velo/questions/new", headers=french,
                         data={"csrf_token": csrf_token(page), **edit_data()})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert ("<li><strong>Ligne 12\u00a0:</strong> le passage n’est pas dans l’article — "
            "l’article contient «\u00a0Pendant\u00a0» mais pas la suite") in html
    assert "velo.md" not in html


def test_reorder_questions(app: Flask, velo: FlaskClient) -> None:
    token = csrf_token(velo.get("/teacher/quizzes/velo").get_data(as_text=True))
    velo.post("/teacher/quizzes/velo/questions/places-velo/move",
              data={"csrf_token": token, "direction": "up"})
    with app.app_context():
        keys = [q.key for q in db.session.scalar(sa.select(Quiz)).current_revision.questions]
    assert keys[:2] == ["places-velo", "duree-fermeture"]
    assert velo.post("/teacher/quizzes/velo/questions/places-velo/move",
                     data={"csrf_token": token, "direction": "sideways"}).status_code == 400


def test_interface_words_on_a_french_quiz_are_read_in_the_interfaces_language(
        teacher: FlaskClient, runner) -> None:
    """On the teacher's page of a French quiz, in English: « (correct) » and « Explanation: »
    are marked English (inside the quiz's French, a screen reader read them with a French
    voice); the quiz's own text stays French. The assign form's notes on time zones and on
    the attempt that counts are read with their fields."""
    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    page = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert '<span class="visually-hidden" lang="en">(correct)</span>' in page
    assert '<p class="explanation"><span class="label">Explanation:</span> <span lang="fr">' \
        in page
    from tests.test_classes_pages import create_class as create_class_page

    class_id, _code = create_class_page(teacher)
    assign = teacher.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    for name, note in (("opens_at", "time-zone"), ("due_at", "time-zone"),
                       ("counting", "counting-rule")):
        tag = re.search(rf'<(?:input|select)[^>]*id="{name}"[^>]*>', assign).group(0)
        assert note in re.search(r'aria-describedby="([^"]*)"', tag).group(1).split(), tag
    assert assign.count('id="time-zone"') == assign.count('id="counting-rule"') == 1


def test_export_downloads(app: Flask, teacher: FlaskClient, runner) -> None:
    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    page = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert "The article is not exported" in page
    gift = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}/export/gift")
    assert gift.headers["Content-Disposition"].endswith('.gift.txt"')
    assert "$CATEGORY: News Quiz/" + SEED_QUIZ in gift.get_data(as_text=True)
    # The French quiz's file warns in French, whatever the teacher's interface.
    assert ("// Attention\u00a0: L’article n’est pas exporté" in gift.get_data(as_text=True))
    xml = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}/export/xml")
    assert xml.mimetype == "application/xml" and b"<quiz>" in xml.get_data()
    assert "News Quiz: L’article n’est pas exporté" in xml.get_data(as_text=True)
    assert teacher.get(f"/teacher/quizzes/{SEED_QUIZ}/export/pdf").status_code == 404


def test_questions_to_review_block_publishing_until_confirmed(app: Flask,
                                                             teacher: FlaskClient) -> None:
    text = VELO.replace("Answer: vrai\n",
                        "Answer: vrai\n"
                        "Review: passage suggested by matching (80%): check it\n")
    upload(teacher, {"text": text, "slug": "velo"})
    page = teacher.get("/teacher/quizzes/velo").get_data(as_text=True)
    assert "To check:</strong> passage suggested by matching (80%)" in page
    reason = ("1 question is still to check (its passage or explanation): confirm or fix it "
              "before publishing.")
    # Shown before any click: both Publish buttons disabled, with the reason.
    assert f'id="publish-blocked">{reason}</p>' in page
    assert page.count('disabled aria-describedby="publish-blocked"') == 2
    # The list of quizzes leads to that reason, not to a « Publish and assign » page that
    # has no form to fill.
    listed = teacher.get("/teacher/quizzes").get_data(as_text=True)
    assert ('href="/teacher/quizzes/velo#publish-blocked" id="check-velo"' in listed
            and "To check before publishing" in listed and 'id="assign-velo"' not in listed)
    assert teacher.get("/teacher/quizzes/velo/assign").get_data(as_text=True).count(reason) == 1
    token = csrf_token(page)
    teacher.post("/teacher/quizzes/velo/status", data={"csrf_token": token,
                                                       "status": "published"})
    page = teacher.get("/teacher/quizzes/velo").get_data(as_text=True)
    assert reason in page and 'id="status">draft' in page
    teacher.post("/teacher/quizzes/velo/questions/places-velo/confirm",
                 data={"csrf_token": token})
    teacher.post("/teacher/quizzes/velo/status", data={"csrf_token": token,
                                                       "status": "published"})
    page = teacher.get("/teacher/quizzes/velo").get_data(as_text=True)
    assert 'id="status">published' in page and "To check:" not in page
    assert "publish-blocked" not in page and 'id="publish-assign">Assign</a>' in page
    assert 'id="assign-velo"' in teacher.get("/teacher/quizzes").get_data(as_text=True)
    assert "Review:" not in teacher.get("/teacher/quizzes/velo/download").get_data(as_text=True)


def test_a_placeholder_explanation_is_never_published(app: Flask, teacher: FlaskClient) -> None:
    """A converted question without an explanation gets « À compléter. » and a Review line:
    « It is right: confirm » is refused until the explanation is written (it removed the
    line, and the quiz was published reading « À compléter. »), and a file that keeps the
    placeholder without its Review line is refused at the line, like any error."""
    placeholder = ("Explanation: À compléter.\n"
                   "Review: passage suggested by matching (80%): check it, or pick the right "
                   "one; write the explanation\n")
    text = VELO.replace("Explanation: La mairie a installé 240 nouvelles places de "
                        "stationnement pour vélos : c’est bien\n  plus de 200.\n", placeholder)
    assert text != VELO
    upload(teacher, {"text": text, "slug": "velo"})
    token = csrf_token(teacher.get("/teacher/quizzes/velo").get_data(as_text=True))
    refused = teacher.post("/teacher/quizzes/velo/questions/places-velo/confirm",
                           data={"csrf_token": token})
    assert refused.headers["Location"] == (
        "/teacher/quizzes/velo/questions/places-velo/edit#explanation")  # the field, at once
    edit = teacher.get(refused.headers["Location"]).get_data(as_text=True)
    assert ("Question places-velo still needs its explanation: write it, then save the "
            "question (its check goes with it).") in edit
    # Saved as it is, the form says so beside the field, in its own words (no file's line).
    fields = {name: value for name, value in form_fields(edit, "question-form").items()
              if name != "cancel"}
    kept = teacher.post("/teacher/quizzes/velo/questions/places-velo/edit", data=fields)
    assert kept.status_code == 422
    assert ('Write the explanation: what the passage shows, and why the other answers are '
            'wrong (it still reads “À compléter.”).') in kept.text and "Line " not in kept.text
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "velo"))
        assert quiz.current_revision.number == 1 and "Review:" in quiz.current_revision.source_text
    # A version saved before that rule (confirmed, its Review line gone) still opens: its
    # page, and the edit page where the explanation gets written.
    from quiz.questionfile import parse_question_file
    from quiz.services.importer import ImportItem

    bare = text.replace(placeholder, "Explanation: À compléter.\n")
    with app.app_context():
        import_items([ImportItem("velo", parse_question_file(bare, stored=True), bare)],
                     publish_new=False)
    assert teacher.get("/teacher/quizzes/velo").status_code == 200
    assert teacher.get("/teacher/quizzes/velo/questions/places-velo/edit").status_code == 200
    # Without its Review line, a file sent is refused where the placeholder is.
    line = bare.splitlines().index("Explanation: À compléter.") + 1
    response = upload(teacher, {"text": bare, "slug": "velo"})
    assert response.status_code == 422
    assert (f"<strong>Line {line}:</strong> the explanation is still &#39;À compléter.&#39; — "
            "write it: what the passage shows, and why the other answers are wrong (or keep a "
            "&#39;Review:&#39; line until then: the quiz stays unpublished)") in response.text


def test_review_notes_are_shown_in_the_readers_language(teacher: FlaskClient) -> None:
    """The notes the app writes (a draft's, a converted question's) are stored in English but
    read in French by a French teacher; a note the teacher typed is shown as typed."""
    text = VELO.replace("Answer: vrai\n",
                        "Answer: vrai\n"
                        "Review: passage suggested by matching (80%): check it, or pick the "
                        "right one; write the explanation\n")
    assert text != VELO
    text = text.replace("### raison-parents\n", f"### raison-parents\nReview: {REVIEW_NOTE}\n")
    text = text.replace("### duree-fermeture\n", "### duree-fermeture\nReview: voir avec Paul\n")
    upload(teacher, {"text": text, "slug": "velo"})
    french = teacher.get("/teacher/quizzes/velo",
                         headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert ("À vérifier\u00a0:</strong> extrait proposé par rapprochement (80\u00a0%)\u00a0: "
            "vérifiez-le, ou choisissez le bon\u00a0; écrivez l’explication</p>") in french
    assert ("À vérifier\u00a0:</strong> brouillon — généré automatiquement, à vérifier</p>"
            in french)
    assert "À vérifier\u00a0:</strong> voir avec Paul</p>" in french
    assert "passage suggested" not in french and REVIEW_NOTE not in french
    english = teacher.get("/teacher/quizzes/velo",
                          headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert ("To check:</strong> passage suggested by matching (80%): check it, or pick the "
            "right one; write the explanation</p>") in english
    assert f"To check:</strong> {REVIEW_NOTE}</p>" in english


def test_upload_a_gift_file_with_the_article_of_a_quiz(app: Flask, teacher: FlaskClient,
                                                       runner) -> None:
    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    gift = (Path(__file__).parent / "data" / "constructs.gift").read_bytes()
    without = upload(teacher, {"file": (io.BytesIO(gift), "moodle.gift")})
    assert without.status_code == 422
    assert "choose the quiz whose article it is about" in without.get_data(as_text=True)
    # The file's text waits in the box (a browser does not send a file twice): its article's
    # quiz chosen, the page sent again as it is converts it.
    fields = form_fields(without.text, "upload-form")
    assert fields["text"].strip() == gift.decode("utf-8").strip() and fields["slug"] == "moodle"
    again = teacher.post("/teacher/quizzes/upload", data={**fields, "article": SEED_QUIZ},
                         content_type="multipart/form-data")
    assert again.status_code == 302 and again.headers["Location"].endswith("/moodle")
    assert "7 questions were left out" in teacher.get("/teacher/quizzes/moodle").text
    response = upload(teacher, {"file": (io.BytesIO(gift), "moodle.gift"),
                                "article": SEED_QUIZ})
    assert response.status_code == 302 and response.headers["Location"].endswith("/moodle")
    page = teacher.get("/teacher/quizzes/moodle").get_data(as_text=True)
    assert "7 questions were left out: moodle.gift, line " in page
    assert "essay questions are not supported" in page
    assert page.count("To check:</strong> passage suggested by matching") == 8
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "moodle"))
        assert quiz.status == "draft" and len(quiz.current_revision.questions) == 8
        assert quiz.current_revision.article[0]["text"].startswith("Depuis plusieurs semaines")
        title = quiz.current_revision.title
    # Two quizzes of one article share its title: the pickers tell them apart by address.
    picker = teacher.get("/teacher/quizzes/upload").text
    assert f">{title} (moodle)</option>" in picker
    assert f">{title} ({SEED_QUIZ})</option>" in picker


def test_a_version_shows_what_changed(app: Flask, teacher: FlaskClient) -> None:
    upload(teacher, {"text": VELO, "slug": "velo"})
    upload(teacher, {"text": VELO.replace("Prompt: Selon l’adjointe chargée des mobilités, quel "
                                          "est l’objectif de la ville d’ici deux ans ?",
                                          "Prompt: Quel objectif la mairie vise-t-elle ?"),
                     "slug": "velo"})
    html = teacher.get("/teacher/quizzes/velo/versions/2").get_data(as_text=True)
    assert "Saved" in html and "by Mme Martin" in html
    assert ('<span class="del">-Prompt: Selon l’adjointe chargée des mobilités, quel est '
            'l’objectif de la ville d’ici deux ans ?</span>') \
        in html
    assert '<span class="add">+Prompt: Quel objectif la mairie vise-t-elle ?</span>' in html
    assert teacher.get("/teacher/quizzes/velo/versions/3").status_code == 404


def test_see_the_quiz_as_a_student_before_publishing(teacher: FlaskClient) -> None:
    upload(teacher, {"text": VELO, "slug": "velo"})
    html = teacher.get("/teacher/quizzes/velo/student-view").get_data(as_text=True)
    assert "Preview: this is the page students see" in html
    assert "Question 5 of 5" in html and html.count('type="radio"') == 3 * 4 + 2 * 2
    assert "Submit my answers" not in html and "C’est exactement" not in html


@pytest.mark.parametrize(("path", "current"), [
    ("/teacher/", "My classes"), ("/teacher/quizzes", "Manage quizzes"),
    ("/teacher/quizzes/upload", "Manage quizzes"),
    ("/teacher/quizzes/velo/questions/places-velo/edit", "Manage quizzes")])
def test_the_menu_marks_the_current_section(teacher: FlaskClient, path: str,
                                            current: str) -> None:
    upload(teacher, {"text": VELO, "slug": "velo"})
    html = teacher.get(path).get_data(as_text=True)
    assert re.findall(r'aria-current="page">([^<]+)<', html) == [current]


def test_an_edit_of_a_version_replaced_meanwhile_is_refused_and_loses_nothing(
        app: Flask, teacher: FlaskClient, monkeypatch) -> None:
    """Two teachers (or two clicks) change the same version: the second change is not saved."""
    import quiz.services.editing as editing

    text = VELO.replace("Answer: vrai\n",
                        "Answer: vrai\n"
                        "Review: passage suggested by matching (80%): check it\n")
    upload(teacher, {"text": text, "slug": "velo"})
    token = csrf_token(teacher.get("/teacher/quizzes/velo").get_data(as_text=True))
    real_prepare_text = editing.prepare_text

    def another_teacher_saves_first(slug, source, path):
        # While this request works on version 1, someone else saves version 2.
        monkeypatch.setattr(editing, "prepare_text", real_prepare_text)
        import_items([real_prepare_text(slug, text.replace("Une ville", "Une commune", 1),
                                        path)], publish_new=False)
        return real_prepare_text(slug, source, path)

    monkeypatch.setattr(editing, "prepare_text", another_teacher_saves_first)
    response = teacher.post("/teacher/quizzes/velo/questions/places-velo/confirm",
                            data={"csrf_token": token}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "The quiz was changed meanwhile" in page
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "velo"))
        assert quiz.current_revision.number == 2  # the other teacher's version, kept
        assert "Une commune" in quiz.current_revision.source_text
        assert "Review:" in quiz.current_revision.source_text  # the stale confirm: not saved


@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b"])
def test_control_characters_are_refused_on_every_way_in_and_store_nothing(
        app: Flask, velo: FlaskClient, runner, tmp_path: Path, bad: str) -> None:
    """One rule (quiz/questionfile/text.py) at the service boundary: pasted text, the question
    editor and the command line all refuse it with the line, and nothing is stored (a NUL is
    not even storable in PostgreSQL)."""
    pasted = upload(velo, {"text": VELO.replace("Pendant trente", f"Pendant{bad} trente"),
                           "slug": "velo"})
    assert pasted.status_code == 422
    html = pasted.get_data(as_text=True)
    assert f"an invisible control character (U+{ord(bad):04X}) is in this line" in html
    line = next(n for n, text in enumerate(VELO.split("\n"), 1) if "Pendant trente" in text)
    assert f"Line {line}" in html
    page = velo.get("/teacher/quizzes/velo/questions/new").get_data(as_text=True)
    edited = velo.post("/teacher/quizzes/velo/questions/new",
                       data={"csrf_token": csrf_token(page),
                             **edit_data(prompt=f"Une question{bad} piégée ?")})
    assert edited.status_code == 422
    folder = tmp_path / "questions"
    folder.mkdir()
    (folder / "velo.md").write_text(VELO.replace("Pendant trente", f"Pendant{bad} trente"),
                                    encoding="utf-8")
    result = runner.invoke(args=["quiz", "import", str(folder)])
    assert result.exit_code != 0 and f"velo.md:{line}:" in result.output
    with app.app_context():
        assert db.session.scalar(sa.select(Quiz)).current_revision.number == 1


@pytest.mark.usefixtures("demo_quizzes")
def test_archiving_an_assigned_quiz_says_first_what_it_does_to_its_classes(
        app: Flask, teacher: FlaskClient, users) -> None:
    """A walkthrough found an assigned quiz archived in one click, still on the board as work
    nobody could do any more, with nothing said on the class page."""
    from quiz.models import User
    from quiz.services.classes import assign_quiz, create_class
    users.make("autre", "M. Autre", role="teacher")
    with app.app_context():
        mine = create_class(db.session.scalar(sa.select(User).where(User.username == "prof")),
                            "4e B", "2026-2027")
        other = create_class(db.session.scalar(sa.select(User).where(User.username == "autre")),
                             "3e A", "2026-2027")
        for room in (mine, other):
            assign_quiz(room, seed_quiz(), None, None, "best")
        class_id = mine.id
    page = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    step = page.split('id="status-archived">Archive</summary>')[1].split("</details>")[0]
    assert "It is assigned to 4e B. It is assigned to 1 class of another teacher." in step
    assert "no longer be able to start it, and it stays on those classes' boards" in step
    assert ">Archive it anyway</button>" in step
    assert 'id="status-draft">Unpublish</summary>' in page
    # Unpublished, it leaves the overall boards (a draft counts on none); archived, it stays.
    draft_step = page.split('id="status-draft">Unpublish</summary>')[1].split("</details>")[0]
    assert "it leaves those classes' overall boards until you publish it again" in draft_step
    assert "stays on those classes' boards" not in draft_step

    teacher.post(f"/teacher/quizzes/{SEED_QUIZ}/status",
                 data={"csrf_token": csrf_token(page), "status": "archived"})
    row = teacher.get(f"/teacher/classes/{class_id}").get_data(as_text=True).split(
        'class="table stack assignments"')[1].split("</tr>")[1]
    assert ('<span class="tag status-archived">archived</span> '
            '<span class="hint">Students can no longer start it.</span>') in row
    # Archived, Publish is one click again; a quiz nobody was given is archived in one click.
    page = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert "status-step" not in page
    upload(teacher, {"text": VELO, "slug": "velo"})
    teacher.post("/teacher/quizzes/velo/status",
                 data={"csrf_token": csrf_token(page), "status": "published"})
    page = teacher.get("/teacher/quizzes/velo").get_data(as_text=True)
    assert "status-step" not in page and '<button type="submit" class="button">Archive' in page


def test_a_version_saved_from_the_editor_shows_the_one_question_changed(
        app: Flask, velo: FlaskClient) -> None:
    """The editor writes the whole file again in its own layout: the line-by-line difference
    shows every question, the version's page says the one that changed."""
    from tests.support import form_fields
    url = "/teacher/quizzes/velo/questions/places-velo/edit"
    page = velo.get(url).get_data(as_text=True)
    data = form_fields(page, "question-form")
    data["explanation"] = "Une explication plus claire."
    assert velo.post(url, data=data).status_code == 302
    html = velo.get("/teacher/quizzes/velo/versions/2").get_data(as_text=True)
    changes = html.split("<h2>What changed</h2>")[1].split("</ul>")[0]
    assert changes.count("<li") == 1
    assert ('<strong>Question 2</strong> · changed\n    <q class="version-prompt" lang="fr">'
            'Selon l’article, les familles de Montval trouvent') in changes
    assert "<dt>Explanation</dt>" in changes
    assert ('<ins><span class="visually-hidden" lang="en">After: </span>'
            'Une explication plus claire.</ins>') in changes
    assert "4 questions unchanged." in html
    # The whole file, line by line, one step away: the other questions' lines are in it.
    diff = html.split('<details class="file-diff"><summary>The question file, line by line'
                      '</summary>')[1]
    assert 'class="del">-' in diff and "raison-parents" in diff


def test_a_version_that_only_rewrapped_the_file_says_so(velo: FlaskClient) -> None:
    from quiz.questionfile import parse_question_file, write_question_file
    upload(velo, {"text": write_question_file(parse_question_file(VELO)), "slug": "velo"})
    html = velo.get("/teacher/quizzes/velo/versions/2").get_data(as_text=True)
    assert ('id="no-change">Nothing the students see: only the layout of the question file '
            'changed.') in html
    assert "5 questions unchanged." in html and 'class="del">-Explanation:' in html


def test_the_upload_pages_quiz_search_points_up_to_the_list_it_fills(
        teacher: FlaskClient) -> None:
    """The search is under the upload form (forms do not nest), its list of articles above."""
    html = teacher.get("/teacher/quizzes/upload").get_data(as_text=True)
    assert ('id="find-article-fieldset-hint">The list above shows the quizzes saved or '
            'published last.') in html
    html = teacher.get("/teacher/quizzes/upload?find=velo").get_data(as_text=True)
    assert 'id="find-article-fieldset-hint">The list above shows the quizzes found.' in html


def test_a_removed_question_is_named_by_its_place_in_the_version_before(
        velo: FlaskClient) -> None:
    last = VELO.index("### colleges-concernes")
    upload(velo, {"text": VELO[:last].rstrip() + "\n", "slug": "velo"})
    html = velo.get("/teacher/quizzes/velo/versions/2").get_data(as_text=True)
    change = html.split('id="change-colleges-concernes">')[1].split("</li>")[0]
    assert change.startswith("<strong>Removed</strong> · was question 5")
    assert "4 questions unchanged." in html
