"""The upload page with the files teachers really have: French word-processor text, RTF,
names with several dots (quiz.md.txt, questions.gift.txt), Moodle XML question banks."""

from __future__ import annotations

import io
from pathlib import Path

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from quiz.extensions import db
from quiz.models import Quiz
from tests.support import QUESTIONS, SEED_QUIZ, csrf_token

DATA = Path(__file__).parent / "data"
VELO = (QUESTIONS / "exemple-velo-ecole.md").read_text(encoding="utf-8")


def upload(client: FlaskClient, data: dict, headers: dict | None = None):
    page = client.get("/teacher/quizzes/upload", headers=headers).get_data(as_text=True)
    return client.post("/teacher/quizzes/upload", headers=headers,
                       data={"csrf_token": csrf_token(page), **data},
                       content_type="multipart/form-data")


def quiz(slug: str) -> Quiz | None:
    return db.session.scalar(sa.select(Quiz).where(Quiz.slug == slug))


def test_pasted_libreoffice_text_in_french_is_saved(app: Flask, teacher: FlaskClient) -> None:
    text = (DATA / "libreoffice-fr.md").read_text(encoding="utf-8")
    response = upload(teacher, {"text": text, "slug": "budget-velo"})
    assert response.status_code == 302
    with app.app_context():
        saved = quiz("budget-velo")
        assert saved is not None and len(saved.current_revision.questions) == 5


def test_a_md_txt_file_is_saved_under_its_name_with_a_notice(app: Flask,
                                                             teacher: FlaskClient) -> None:
    response = upload(teacher, {"file": (io.BytesIO(VELO.encode()), "velo.md.txt")})
    assert response.status_code == 302 and response.headers["Location"].endswith("/velo")
    page = teacher.get("/teacher/quizzes/velo").get_data(as_text=True)
    assert escape("'velo.md.txt' was read as a question file") in page
    assert "velo.md" in page


def test_an_rtf_file_says_what_it_is_in_the_teachers_language(app: Flask,
                                                              teacher: FlaskClient) -> None:
    rtf = b"{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\n{\\fonttbl\\f0 Helvetica;}\n# Titre}"
    response = upload(teacher, {"file": (io.BytesIO(rtf), "quiz.rtf")},
                      headers={"Accept-Language": "fr"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "c’est un fichier RTF (texte enrichi" in html
    assert "Convertir au format texte" in html
    with app.app_context():
        assert quiz("quiz") is None


def test_a_gift_file_named_with_dots_is_saved_under_its_first_name(
        app: Flask, teacher: FlaskClient, runner) -> None:
    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    gift = (DATA / "moodle-shapes.gift").read_bytes()
    response = upload(teacher, {"file": (io.BytesIO(gift), "questions.gift.txt"),
                                "article": SEED_QUIZ})
    assert response.status_code == 302 and response.headers["Location"].endswith("/questions")
    page = teacher.get("/teacher/quizzes/questions").get_data(as_text=True)
    assert "1 question was left out: questions.gift.txt, line " in page
    assert "was read as a question file" not in page  # it was read as GIFT
    with app.app_context():
        assert len(quiz("questions").current_revision.questions) == 6


def test_a_moodle_xml_bank_is_read_with_its_image_warning(app: Flask, teacher: FlaskClient,
                                                          runner) -> None:
    runner.invoke(args=["quiz", "import", str(QUESTIONS)])
    xml = (DATA / "moodle-bank.xml").read_bytes()
    response = upload(teacher, {"file": (io.BytesIO(xml), "banque.xml"), "article": SEED_QUIZ})
    assert response.status_code == 302 and response.headers["Location"].endswith("/banque")
    page = teacher.get("/teacher/quizzes/banque").get_data(as_text=True)
    assert "3 questions were left out: banque.xml, line " in page
    assert "banque.xml, line 41: images and attached files left out of this question: 1" in page
    # The seed quiz's article, so its title too: said, as a copy would be.
    assert (f"Another quiz has this title: {SEED_QUIZ}. If this one is a copy, archive the one "
            "you do not want: students would see both.") in page
    with app.app_context():
        saved = quiz("banque")
        assert saved.status == "draft"
        assert [q.kind for q in saved.current_revision.questions] == ["mcq", "true_false"]


def test_convert_a_moodle_xml_bank_on_the_command_line(runner, tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text((QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8").split(
        "## Questions")[0], encoding="utf-8")
    target = tmp_path / "banque.md"
    result = runner.invoke(args=["quiz", "convert", str(DATA / "moodle-bank.xml"), str(target),
                                 "--article", str(article)])
    assert result.exit_code == 0, result.output
    assert "as Moodle XML: 2 question(s) written" in result.output
    assert "3 left out" in result.output
    assert "warning: " in result.output
    assert "images and attached files left out of this question: 1" in result.output
    assert runner.invoke(args=["quiz", "check", str(target)]).exit_code == 0


def test_the_french_upload_page_links_to_the_french_guide(teacher: FlaskClient) -> None:
    french = {"Accept-Language": "fr"}
    upload_page = teacher.get("/teacher/quizzes/upload", headers=french).get_data(as_text=True)
    assert '<a href="/teacher/guide">Comment écrire un fichier de questions' in upload_page
    guide = teacher.get("/teacher/guide", headers=french).get_data(as_text=True)
    assert '<div class="guide" lang="fr">' in guide
    assert '<h2 id="glossaire">Glossaire</h2>' in guide and 'href="#glossaire"' in guide
    assert "<strong>«\u00a0Importer un fichier de questions\u00a0»</strong>" in guide
    assert "errors:start" not in guide
    # The error table is a table of the app; the template's text is escaped, not markup.
    assert '<table class="table"><caption' in guide
    assert '<th scope="row">le passage n’est pas dans l’article' in guide
    assert 'href="?lang=en"' in guide  # the link to the English guide
    english = teacher.get("/teacher/guide?lang=en", headers=french).get_data(as_text=True)
    assert '<div class="guide" lang="en">' in english and "Question files (format v1)" in english
    assert teacher.get("/teacher/guide").get_data(as_text=True).count('lang="en"') >= 1


def test_a_quiz_exported_to_moodle_comes_back_unchanged_and_stays_published(
        app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    """The app's own GIFT and Moodle XML exports uploaded again at the quiz's address: each
    question gets its own passage back (not a suggested one marked Review) and its explanation
    without the « — Passage : … » the export added, so the quiz stays published for its
    students and a second round trip changes nothing."""
    with app.app_context():
        before = [(q.key, q.passage, q.explanation)
                  for q in quiz(SEED_QUIZ).current_revision.questions]
    for fmt, name in (("gift", f"{SEED_QUIZ}.gift.txt"), ("xml", f"{SEED_QUIZ}.moodle.xml")):
        exported = teacher.get(f"/teacher/quizzes/{SEED_QUIZ}/export/{fmt}").data
        response = upload(teacher, {"file": (io.BytesIO(exported), name),
                                    "article": SEED_QUIZ})
        assert response.status_code == 302, response.get_data(as_text=True)
        assert response.headers["Location"].endswith(f"/{SEED_QUIZ}")
        with app.app_context():
            saved = quiz(SEED_QUIZ)
            assert saved.status == "published"
            assert [(q.key, q.passage, q.explanation)
                    for q in saved.current_revision.questions] == before
            assert not any(q.review_note for q in saved.current_revision.questions)


def test_a_file_without_its_title_line_is_told_so_not_taken_for_moodle(
        app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    """A question file whose first line is not '# Title' ('#Title', or no title at all) gets
    the question file's own error at line 1 in the editor — even with an article chosen in
    the list for Moodle files, nothing is converted or saved."""
    for text in (VELO.replace("# ", "#", 1), VELO.split("\n", 1)[1].lstrip("\n")):
        response = upload(teacher, {"file": (io.BytesIO(text.encode()), "velo.md"),
                                    "article": SEED_QUIZ})
        assert response.status_code == 422
        html = response.get_data(as_text=True)
        assert "Line 1:</strong> the file must start with the quiz title" in html
        assert "This is not a question file" not in html
        if text.startswith("#"):  # '#Une ville…': one error, saying what is missing
            assert "put a space after &#39;#&#39;: &#39;# Une ville" in html
            assert "<title>Error: 1 thing to correct" in html
        with app.app_context():
            assert quiz("velo") is None
    empty = upload(teacher, {"file": (io.BytesIO(b"\n"), "vide.md")})
    assert empty.status_code == 422 and "the file is empty" in empty.get_data(as_text=True)


def test_a_moodle_file_of_questions_news_quiz_cannot_take_saves_nothing(
        app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    gift = "::Essay:: Explain the treaty. {}\n\n::Sum:: 2 + 2? {#4}\n"
    response = upload(teacher, {"file": (io.BytesIO(gift.encode()), "essais.gift"),
                                "article": SEED_QUIZ})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "No question of this file could be converted: nothing was saved." in html
    assert "2 questions were left out" in html
    with app.app_context():
        assert quiz("essais") is None


def test_a_corrected_file_chosen_after_an_error_is_the_one_sent(
        app: Flask, teacher: FlaskClient) -> None:
    """A file with an error opens in the box; the teacher corrects the file on their computer
    and chooses it: the box still holds the page's own text, so the file is sent (it was
    refused as « one of the two »). Text the teacher changed in the box is not dropped: they
    are asked which to send."""
    from tests.support import form_fields

    broken = VELO.replace("Type: mcq", "Type: qcmx", 1)
    page = upload(teacher, {"file": (io.BytesIO(broken.encode()), "velo.md")})
    assert page.status_code == 422
    fields = form_fields(page.get_data(as_text=True), "upload-form")
    assert fields["text"] == broken and fields["shown"]
    sent = teacher.post("/teacher/quizzes/upload", content_type="multipart/form-data",
                        data={**fields, "text": broken.replace("\n", "\r\n"),
                              "file": (io.BytesIO(VELO.encode()), "velo.md")})
    assert sent.status_code == 302
    with app.app_context():
        assert quiz("velo") is not None
    changed = teacher.post("/teacher/quizzes/upload", content_type="multipart/form-data",
                           data={**fields, "text": broken + "\nEdited.",
                                 "file": (io.BytesIO(VELO.encode()), "velo-2.md")})
    assert changed.status_code == 200
    assert "You chose a file and the box holds text you changed" in changed.get_data(
        as_text=True)
    with app.app_context():
        assert quiz("velo-2") is None


def test_a_file_name_without_latin_letters_asks_for_an_address(
        app: Flask, teacher: FlaskClient) -> None:
    """« Вопросы.md » gives no address: the address field says so (it was « '' cannot name a
    quiz » beside line 1 of a correct file); a very long name is cut between words."""
    response = upload(teacher, {"file": (io.BytesIO(VELO.encode()), "Вопросы.md")})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "The file&#39;s name gives no address" in html and "Line 1" not in html
    long_name = "Une ville ouvre des rues aux écoles " * 5 + ".md"
    saved = upload(teacher, {"file": (io.BytesIO(VELO.encode()), long_name)})
    assert saved.status_code == 302
    address = saved.headers["Location"].rsplit("/", 1)[1]
    assert len(address) <= 80 and address.startswith("une-ville-ouvre") and \
        not address.endswith("-")


def test_a_file_too_large_says_its_size_as_the_teachers_language_writes_it(
        teacher: FlaskClient) -> None:
    from werkzeug.datastructures import FileStorage
    from werkzeug.test import encode_multipart

    big = VELO + "\n" + ("Un paragraphe de plus pour grossir le fichier. " * 30_000)
    french = {"Accept-Language": "fr"}
    token = csrf_token(teacher.get("/teacher/quizzes/upload", headers=french).text)
    # The body built here, in memory: the test client spools a long one to a file it never
    # closes (tests/test_upload_replace.py's post_multipart).
    boundary, body = encode_multipart({"csrf_token": token, "file": FileStorage(
        io.BytesIO(big.encode()), filename="gros.md")})
    response = teacher.post("/teacher/quizzes/upload", data=body, headers=french,
                            content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 422
    assert "trop volumineux (1,4 Mo)" in response.get_data(as_text=True)  # not « 1.4 »
