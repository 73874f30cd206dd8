"""An upload at an address already taken by another article asks before replacing that quiz.

A teacher who pasted another article under the address of a published quiz used to replace it
at once: its students then saw their scores beside a quiz they never took. A new version of
the same article (corrected questions) is still saved at once.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import encode_multipart

from quiz.extensions import db
from quiz.models import Attempt, Quiz, QuizRevision, User
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.importer import import_items, prepare_text
from tests.support import QUESTIONS, SEED_QUIZ, csrf_token, form_fields
from tests.test_attempt_limits import take
from tests.test_teacher_quizzes import edit_data, upload

VELO = (QUESTIONS / "exemple-velo-ecole.md").read_text(encoding="utf-8")
SEED_TITLE = "Russie et Corée du Nord ratifient un traité de défense mutuelle"
VELO_TITLE = "Une ville ouvre des « rues aux écoles » pour aller en classe à vélo"


def versions(app: Flask, slug: str = SEED_QUIZ) -> list[tuple[int, str]]:
    with app.app_context():
        return [tuple(row) for row in db.session.execute(
            sa.select(QuizRevision.number, QuizRevision.title)
            .join(Quiz, Quiz.id == QuizRevision.quiz_id)
            .where(Quiz.slug == slug).order_by(QuizRevision.number))]


def agree(client: FlaskClient, page: str):
    """Send the page's own form again, as the teacher's click on *Replace … with this file*
    (its value is the agreement)."""
    fields = form_fields(page, "upload-form")
    fields["replaces"] = re.search(r'<button type="submit" name="replaces" value="([^"]*)"',
                                   page)[1]
    return client.post("/teacher/quizzes/upload", data=fields,
                       content_type="multipart/form-data")


def test_another_article_at_a_taken_address_is_saved_only_once_the_teacher_agrees(
        app: Flask, teacher: FlaskClient, users, demo_quizzes) -> None:
    lea_id = users.make("lea", "Léa")
    with app.app_context():
        prof = db.session.scalar(sa.select(User).where(User.username == "prof"))
        room = create_class(prof, "4e B", "2026-2027")
        join_class(db.session.get_one(User, lea_id), room.join_code)
        assign_quiz(room, db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)),
                    None, None, "best")
        take(db.session.get_one(User, lea_id))

    response = upload(teacher, {"text": VELO, "slug": SEED_QUIZ})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert (f"Nothing is saved yet: the address {SEED_QUIZ} is already the quiz "
            f"“{SEED_TITLE}” (version 1, published).") in page
    assert "it replaces that quiz for everyone as its version 2." in page
    assert "It is assigned to 1 class." in page
    assert "It was taken 1 time: that attempt keeps the version its student saw" in page
    assert f"Replace “{SEED_TITLE}” with this file" in page
    assert versions(app) == [(1, SEED_TITLE)]  # nothing saved yet
    fields = form_fields(page, "upload-form")
    assert fields["slug"] == SEED_QUIZ and fields["text"].startswith("# Une ville ouvre")

    saved = agree(teacher, page)
    assert saved.status_code == 302
    assert saved.headers["Location"] == f"/teacher/quizzes/{SEED_QUIZ}"
    assert versions(app) == [(1, SEED_TITLE), (2, VELO_TITLE)]
    with app.app_context():  # Léa's attempt keeps the version she took
        taken = db.session.scalar(sa.select(Attempt).where(Attempt.user_id == lea_id))
        assert db.session.get_one(QuizRevision, taken.revision_id).number == 1


def test_the_panel_reads_in_french(app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    french = {"Accept-Language": "fr"}
    token = csrf_token(teacher.get("/teacher/quizzes/upload", headers=french)
                       .get_data(as_text=True))
    page = teacher.post("/teacher/quizzes/upload", headers=french,
                        data={"csrf_token": token, "text": VELO, "slug": SEED_QUIZ},
                        content_type="multipart/form-data").get_data(as_text=True)
    assert (f"l’adresse {SEED_QUIZ} est déjà celle du quiz “{SEED_TITLE}” (version 1, "
            "publié)") in page
    assert f"Remplacer “{SEED_TITLE}” par ce fichier" in page
    assert "Il a été fait" not in page  # nobody took it: no sentence about attempts


def test_a_new_version_of_the_same_article_is_saved_at_once(
        app: Flask, teacher: FlaskClient) -> None:
    assert upload(teacher, {"text": VELO, "slug": "velo"}).status_code == 302
    corrected = VELO.replace("L’article précise que", "L’article dit que", 1)
    response = upload(teacher, {"text": corrected, "slug": "velo"})
    assert response.status_code == 302
    assert "Saved as revision 2." in teacher.get("/teacher/quizzes/velo").get_data(as_text=True)
    assert versions(app, "velo") == [(1, VELO_TITLE), (2, VELO_TITLE)]


def test_a_confirmation_for_an_older_version_or_a_forged_one_saves_nothing(
        app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    page = upload(teacher, {"text": VELO, "slug": SEED_QUIZ}).get_data(as_text=True)
    forged = form_fields(page, "upload-form") | {"replaces": "999999"}
    again = teacher.post("/teacher/quizzes/upload", data=forged,
                         content_type="multipart/form-data")
    assert again.status_code == 200 and "Nothing is saved yet" in again.get_data(as_text=True)
    assert "changed meanwhile" not in again.get_data(as_text=True)
    assert versions(app) == [(1, SEED_TITLE)]
    page = again.get_data(as_text=True)  # asked again, with the version's own id

    # Another teacher saves a corrected version of the seed quiz in the meantime.
    with app.app_context():
        text = (QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8")
        changed = re.sub(r"(?m)^(Explanation: )", r"\1Selon l’article, ", text, count=1)
        import_items([prepare_text(SEED_QUIZ, changed, f"{SEED_QUIZ}.md")])
    stale = agree(teacher, page)
    assert stale.status_code == 409
    html = stale.get_data(as_text=True)
    assert "The quiz at this address was changed meanwhile: nothing was saved." in html
    assert "(version 2, published)" in html  # asked again, about the quiz as it is now
    assert versions(app) == [(1, SEED_TITLE), (2, SEED_TITLE)]
    assert agree(teacher, html).status_code == 302
    assert versions(app)[-1] == (3, VELO_TITLE)
    assert csrf_token(html)  # the page asked again is a form like any other


def test_a_version_saved_between_the_check_and_the_write_saves_nothing(
        app: Flask, teacher: FlaskClient, demo_quizzes, monkeypatch) -> None:
    """Another teacher's version lands after the page checked the address, before it saved:
    the import refuses (its based-on version is gone) and the page asks again, text kept."""
    from quiz.teacher import quiz_routes

    page = upload(teacher, {"text": VELO, "slug": SEED_QUIZ}).get_data(as_text=True)
    checked = quiz_routes.quiz_at_address

    def then_another_version(item):
        found = checked(item)
        if found is not None and found.number == 1:
            with app.app_context():  # a connection of its own, as another request's
                text = (QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8")
                import_items([prepare_text(SEED_QUIZ, text.replace(
                    "Explanation: ", "Explanation: Selon l’article, ", 1), "other.md")])
                db.session.remove()
        return found

    monkeypatch.setattr(quiz_routes, "quiz_at_address", then_another_version)
    raced = agree(teacher, page)
    assert raced.status_code == 409
    html = raced.get_data(as_text=True)
    assert "The quiz at this address was changed meanwhile: nothing was saved." in html
    assert "(version 2, published)" in html
    assert form_fields(html, "upload-form")["text"] == VELO
    assert versions(app) == [(1, SEED_TITLE), (2, SEED_TITLE)]


def test_another_title_alone_or_another_article_alone_asks_too(
        app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    text = (QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8")
    retitled = text.replace(f"# {SEED_TITLE}", "# Un autre titre", 1)
    first_paragraph = text.split("## Article\n\n", 1)[1].split("\n\n", 1)[0]
    rewritten = text.replace(first_paragraph, first_paragraph + " Une phrase de plus.", 1)
    for changed in (retitled, rewritten):
        page = upload(teacher, {"text": changed, "slug": SEED_QUIZ}).get_data(as_text=True)
        assert "Nothing is saved yet" in page, changed[:80]
    assert versions(app) == [(1, SEED_TITLE)]


def post_multipart(client: FlaskClient, fields: dict[str, str]):
    """The upload form sent as a browser sends it (multipart), its body built here in memory:
    the test client spools a body this long to a file it never closes."""
    boundary, body = encode_multipart(fields)
    return client.post("/teacher/quizzes/upload", data=body,
                       content_type=f"multipart/form-data; boundary={boundary}")


def test_a_long_file_can_be_agreed_to_as_well(app: Flask, teacher: FlaskClient,
                                              demo_quizzes) -> None:
    """A file of 600 KB (the limit is 1 MB) comes back in the paste box and is sent again:
    Werkzeug's own limit on a form field (500 KB) answered 413 to the teacher's agreement."""
    paragraph = ("Le conseil municipal de Montval a débattu longuement du projet, quartier par "
                 "quartier, avec les parents et les enseignants des huit écoles. ") * 20
    long = VELO.replace("## Article\n\n", "## Article\n\n" + (paragraph + "\n\n") * 200, 1)
    assert 500_000 < len(long.encode()) < 1_000_000
    token = csrf_token(teacher.get("/teacher/quizzes/upload").get_data(as_text=True))
    page = post_multipart(teacher, {"csrf_token": token, "text": long, "slug": SEED_QUIZ})
    assert page.status_code == 200 and "Nothing is saved yet" in page.get_data(as_text=True)
    html = page.get_data(as_text=True)
    fields = form_fields(html, "upload-form")
    fields["replaces"] = re.search(r'name="replaces" value="([^"]*)"', html)[1]  # the button
    saved = post_multipart(teacher, fields)
    assert saved.status_code == 302
    assert versions(app)[-1] == (2, VELO_TITLE)


def test_another_address_typed_on_the_question_page_is_asked_about_afresh(
        app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    """Asked about the seed quiz, the teacher types the address of another quiz: the page asks
    about that one (nothing changed meanwhile), or saves at a free address at once."""
    page = upload(teacher, {"text": VELO, "slug": SEED_QUIZ}).get_data(as_text=True)
    fields = form_fields(page, "upload-form")
    other = teacher.post("/teacher/quizzes/upload", content_type="multipart/form-data",
                         data=fields | {"slug": "sample-plastic-free-school-meals"})
    html = other.get_data(as_text=True)
    assert other.status_code == 200 and "changed meanwhile" not in html
    assert "the address sample-plastic-free-school-meals is already the quiz" in html
    free = teacher.post("/teacher/quizzes/upload", content_type="multipart/form-data",
                        data=fields | {"slug": "velo"})
    assert free.status_code == 302 and versions(app, "velo") == [(1, VELO_TITLE)]
    assert versions(app) == [(1, SEED_TITLE)]


def test_a_new_version_racing_another_saves_nothing_and_says_so(
        app: Flask, teacher: FlaskClient, monkeypatch) -> None:
    """The same article with corrected questions is saved without a question, but over the
    version the page checked: another version landing in between makes it say so and save
    nothing, the text kept for a second try."""
    from quiz.teacher import quiz_routes

    assert upload(teacher, {"text": VELO, "slug": "velo"}).status_code == 302
    checked = quiz_routes.quiz_at_address

    def then_another_version(item):
        found = checked(item)
        if found is not None and found.number == 1:
            with app.app_context():
                import_items([prepare_text("velo", VELO.replace(
                    "L’article précise que", "Selon l’article,", 1), "other.md")])
                db.session.remove()
        return found

    monkeypatch.setattr(quiz_routes, "quiz_at_address", then_another_version)
    corrected = VELO.replace("L’article précise que", "L’article dit que", 1)
    raced = upload(teacher, {"text": corrected, "slug": "velo"})
    assert raced.status_code == 409
    html = raced.get_data(as_text=True)
    assert "The quiz at this address was changed meanwhile: nothing was saved." in html
    assert "Nothing is saved yet" not in html  # the same article: no question to answer
    assert versions(app, "velo") == [(1, VELO_TITLE), (2, VELO_TITLE)]
    again = teacher.post("/teacher/quizzes/upload", content_type="multipart/form-data",
                         data=form_fields(html, "upload-form"))
    assert again.status_code == 302 and versions(app, "velo")[-1] == (3, VELO_TITLE)


def test_a_version_that_would_unpublish_the_quiz_is_saved_only_once_the_teacher_agrees(
        app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    """A new version of a published quiz with a question marked Review would make it a draft
    again (its students could no longer start it): nothing is saved before the teacher agrees;
    the file waits in the box, where deleting the Review line saves it at once."""
    seed = (QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8")
    first = seed.index("\nType:")
    to_check = seed[:first] + "\nReview: check the date" + seed[first:]
    response = upload(teacher, {"text": to_check, "slug": SEED_QUIZ})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert ("Saved, it takes the quiz away from students: 1 question is marked to check "
            "(a “Review” line: nom-du-traite), so the quiz becomes a draft again") in page
    assert "Save it and unpublish the quiz" in page
    assert "Your file gives it another title or article" not in page
    assert versions(app) == [(1, SEED_TITLE)]
    assert form_fields(page, "upload-form")["text"] == to_check

    saved = agree(teacher, page)
    assert saved.status_code == 302
    assert versions(app) == [(1, SEED_TITLE), (2, SEED_TITLE)]
    with app.app_context():
        assert db.session.scalar(sa.select(Quiz.status).where(Quiz.slug == SEED_QUIZ)) == "draft"


def test_the_review_line_deleted_in_the_box_is_saved_with_the_plain_button(
        app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    """Asked before unpublishing, the teacher checks the question, deletes its Review line
    in the box and presses *Check and save* (not the red button, which alone carries the
    agreement): saved at once, still published."""
    seed = (QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8")
    first = seed.index("\nType:")
    page = upload(teacher, {"text": seed[:first] + "\nReview: check it" + seed[first:],
                            "slug": SEED_QUIZ}).get_data(as_text=True)
    assert "Check and save" in page and "Save it and unpublish the quiz" in page
    fields = form_fields(page, "upload-form")  # no agreement: the plain button
    edited = seed.replace("Explanation:", "Explanation: Vérifié.", 1)
    saved = teacher.post("/teacher/quizzes/upload", content_type="multipart/form-data",
                         data={**fields, "text": edited})
    assert saved.status_code == 302
    assert versions(app) == [(1, SEED_TITLE), (2, SEED_TITLE)]
    with app.app_context():
        assert db.session.scalar(sa.select(Quiz.status).where(Quiz.slug == SEED_QUIZ)) == \
            "published"


def test_a_version_of_a_draft_with_questions_to_check_is_saved_at_once(
        app: Flask, teacher: FlaskClient) -> None:
    first = VELO.index("\nType:")
    to_check = VELO[:first] + "\nReview: check it" + VELO[first:]
    assert upload(teacher, {"text": VELO, "slug": "velo"}).status_code == 302  # a new draft
    assert upload(teacher, {"text": to_check, "slug": "velo"}).status_code == 302
    assert versions(app, "velo") == [(1, VELO_TITLE), (2, VELO_TITLE)]


def test_another_file_chosen_on_a_page_that_asked_is_asked_about_afresh(
        app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    """The page asked before putting the vélo text at the seed quiz's address; the teacher
    then chooses a file instead of agreeing: it goes to its own name's address (not the one
    the page filled for the text) and nothing is replaced on the earlier agreement."""
    import io

    page = upload(teacher, {"text": VELO, "slug": SEED_QUIZ}).get_data(as_text=True)
    fields = form_fields(page, "upload-form")
    fields["replaces"] = re.search(r'name="replaces" value="([^"]*)"', page)[1]
    assert fields["replaces"].startswith(f"{SEED_QUIZ}:")
    article_only = VELO.split("## Questions")[0]
    sent = teacher.post("/teacher/quizzes/upload", content_type="multipart/form-data",
                        data={**fields, "file": (io.BytesIO(article_only.encode()),
                                                 "article-velo.md")})
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/article-velo")
    assert versions(app) == [(1, SEED_TITLE)]  # the seed quiz untouched
    with app.app_context():
        assert db.session.scalar(sa.select(Quiz.status).where(Quiz.slug == SEED_QUIZ)) == \
            "published"


def test_an_agreed_text_edited_before_saving_is_asked_about_again(
        app: Flask, teacher: FlaskClient, demo_quizzes) -> None:
    """Agreeing covers the text the page showed: the teacher who then adds a Review line in
    the box (which would also unpublish the quiz) is told so before anything is saved."""
    page = upload(teacher, {"text": VELO, "slug": SEED_QUIZ}).get_data(as_text=True)
    fields = form_fields(page, "upload-form")
    first = VELO.index("\nType:")
    edited = VELO[:first] + "\nReview: check it" + VELO[first:]
    again = teacher.post("/teacher/quizzes/upload", content_type="multipart/form-data",
                         data={**fields, "text": edited})
    assert again.status_code == 200
    html = again.get_data(as_text=True)
    assert "Saved, it takes the quiz away from students: 1 question is marked" in html
    assert "changed meanwhile" not in html
    assert versions(app) == [(1, SEED_TITLE)]
    assert agree(teacher, html).status_code == 302
    assert versions(app) == [(1, SEED_TITLE), (2, VELO_TITLE)]


def test_an_old_copy_uploaded_over_browser_edits_is_saved_only_once_the_teacher_agrees(
        app: Flask, teacher: FlaskClient) -> None:
    """A teacher corrects a question in the browser, then uploads their file again — the copy
    they had before: the upload names the change it would take back and saves nothing until
    they agree. (It was saved at once as « revision 3 », the correction gone unseen.)"""
    assert upload(teacher, {"text": VELO, "slug": "velo"}).status_code == 302
    url = "/teacher/quizzes/velo/questions/nouvelle/edit"
    page = teacher.get("/teacher/quizzes/velo/questions/new").get_data(as_text=True)
    assert teacher.post("/teacher/quizzes/velo/questions/new",
                        data={"csrf_token": csrf_token(page), **edit_data()}).status_code == 302
    page = teacher.get(url).get_data(as_text=True)
    assert teacher.post(url, data={"csrf_token": csrf_token(page), **edit_data(
        explanation="Corrigée dans le navigateur.")}).status_code == 302
    assert [number for number, _title in versions(app, "velo")] == [1, 2, 3]

    # Their own copy, a word of the first explanation changed: still a copy of version 1.
    mine = VELO.replace("L’article précise que", "L’article dit que", 1)
    response = upload(teacher, {"text": mine, "slug": "velo"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert ("Nothing is saved yet: your file would take back changes made to the quiz "
            f"“{VELO_TITLE}” since the version it copies (it is now at version 3, draft).") \
        in html.replace("\u00a0", " ")
    assert "Saved, the text below would take back these changes, made since version 1 in " \
           "the browser or by another file:" in html
    assert "a question added since, not in your file:" in html
    assert "Combien de places pour vélos\u00a0?" in html
    assert 'href="/teacher/quizzes/velo/versions/2">Version 2</a>' in html
    assert 'href="/teacher/quizzes/velo/versions/3">Version 3</a>' in html
    assert 'href="/teacher/quizzes/velo/download"' in html
    assert "Save my file and take back those changes" in html
    assert len(versions(app, "velo")) == 3  # nothing saved yet
    assert form_fields(html, "upload-form")["text"] == mine  # waiting in the box

    # The box edited after the warning, then the red button: asked again, and told why.
    edited = html.replace("L’article dit que", "L’article écrit que", 1)
    again = agree(teacher, edited)
    assert again.status_code == 200
    assert "The text was changed after you were asked: nothing was saved. Check what it " \
           "does now." in again.get_data(as_text=True)
    assert len(versions(app, "velo")) == 3

    assert agree(teacher, html).status_code == 302
    assert len(versions(app, "velo")) == 4
    text = teacher.get("/teacher/quizzes/velo/download").get_data(as_text=True)
    assert "L’article dit que" in text and "### nouvelle" not in text


def test_a_copy_of_the_current_version_edited_is_saved_at_once(
        app: Flask, teacher: FlaskClient) -> None:
    assert upload(teacher, {"text": VELO, "slug": "velo"}).status_code == 302
    v2 = VELO.replace("L’article précise que", "L’article dit que", 1)
    assert upload(teacher, {"text": v2, "slug": "velo"}).status_code == 302
    v3 = v2.replace("c’est bien\n  plus de 200.", "soit plus de 200.")
    assert v3 != v2
    assert upload(teacher, {"text": v3, "slug": "velo"}).status_code == 302
    assert len(versions(app, "velo")) == 3


def test_a_version_put_back_from_its_page_says_what_it_takes_back_first(
        app: Flask, teacher: FlaskClient) -> None:
    assert upload(teacher, {"text": VELO, "slug": "velo"}).status_code == 302
    v2 = VELO.replace("L’article précise que", "L’article dit que", 1)
    assert upload(teacher, {"text": v2, "slug": "velo"}).status_code == 302
    current = teacher.get("/teacher/quizzes/velo/versions/2").get_data(as_text=True)
    assert "Put this version back" not in current  # the current one
    page = teacher.get("/teacher/quizzes/velo/versions/1").get_data(as_text=True)
    # The first version: every line is new, none left out before them (no « … » at the top).
    assert "The first version: every line is new." in page
    assert '<pre class="diff" lang="fr"><span class="add">+# Une ville' in page
    link = re.search(r'<a href="([^"]+)" id="restore-version">Put this version back</a>', page)
    assert link and link[1] == "/teacher/quizzes/upload?quiz=velo&amp;version=1"

    restoring = teacher.get("/teacher/quizzes/upload?quiz=velo&version=1")
    html = restoring.get_data(as_text=True)
    assert "The question file of version 1 of “Une ville ouvre des" in html
    fields = form_fields(html, "upload-form")
    assert fields["text"] == VELO and fields["slug"] == "velo"
    assert len(versions(app, "velo")) == 2  # opening it saves nothing

    asked = teacher.post("/teacher/quizzes/upload", data=fields,
                         content_type="multipart/form-data").get_data(as_text=True)
    assert "The text below has the questions and article of version 1, word for word." in asked
    assert "a question changed since (explanation):" in asked
    assert agree(teacher, asked).status_code == 302
    assert len(versions(app, "velo")) == 3
    assert teacher.get("/teacher/quizzes/velo/download").get_data(as_text=True) == VELO

    for bad in ("?quiz=velo&version=9", "?quiz=nothing-here&version=1", "?quiz=velo&version=x",
                "?quiz=../x&version=1", "?quiz=velo&version=99999999999999999999",
                "?quiz=velo&version=-1"):
        assert teacher.get(f"/teacher/quizzes/upload{bad}").status_code == 404


def test_a_version_far_back_put_back_is_still_asked_about(app: Flask, teacher: FlaskClient
                                                          ) -> None:
    """Version 1 of 13: the versions compared were the last ten, and it was saved at once."""
    assert upload(teacher, {"text": VELO, "slug": "velo"}).status_code == 302
    for n in range(2, 14):
        text = VELO.replace("L’article précise que", f"L’article précise ({n}) que", 1)
        assert upload(teacher, {"text": text, "slug": "velo"}).status_code == 302
    assert len(versions(app, "velo")) == 13
    page = teacher.get("/teacher/quizzes/upload?quiz=velo&version=1").get_data(as_text=True)
    asked = teacher.post("/teacher/quizzes/upload", data=form_fields(page, "upload-form"),
                         content_type="multipart/form-data")
    assert asked.status_code == 200
    assert "The text below has the questions and article of version 1, word for word." \
        in asked.text
    assert len(versions(app, "velo")) == 13


def test_an_old_copy_with_the_title_before_a_correction_is_not_another_article(
        app: Flask, teacher: FlaskClient) -> None:
    """The title corrected since (version 2): the old copy's title is not another article's,
    it is a change taken back — said as such, not « give your file another address »."""
    assert upload(teacher, {"text": VELO, "slug": "velo"}).status_code == 302
    retitled = VELO.replace(VELO_TITLE, "Montval ouvre des rues aux écoles")
    asked = upload(teacher, {"text": retitled, "slug": "velo"}).get_data(as_text=True)
    assert agree(teacher, asked).status_code == 302  # another title: asked, agreed
    again = upload(teacher, {"text": VELO, "slug": "velo"}).get_data(as_text=True)
    assert "gives it another title or article" not in again
    assert "give your file another address" not in again
    assert "<li>the article's details: title</li>" in again
    assert "Save my file and take back those changes" in again
    assert len(versions(app, "velo")) == 2
