"""Teachers import an article in the browser, draft questions, and review each draft."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from quiz.extensions import db
from quiz.jobs import job_queue
from quiz.models import Quiz
from quiz.templating import school_today
from tests.support import ARTICLES, ROOT, csrf_token, form_fields, sqlite_pass_only

TEXT = (ARTICLES / "en-text.txt").read_text(encoding="utf-8")


def post_article(client: FlaskClient, data: dict):
    token = csrf_token(client.get("/teacher/quizzes/article").get_data(as_text=True))
    return client.post("/teacher/quizzes/article", data={"csrf_token": token, **data},
                       content_type="multipart/form-data")


def quiz(slug: str) -> Quiz:
    return db.session.scalar(sa.select(Quiz).where(Quiz.slug == slug))


def draft_keys(html: str) -> list[str]:
    return re.findall(r'<li class="result draft" id="q-(draft-\d+)">', html)


def test_import_a_saved_page_then_draft_and_review(app: Flask, teacher: FlaskClient) -> None:
    page = (ARTICLES / "fr-tramway.html").read_bytes()
    response = post_article(teacher, {"file": (io.BytesIO(page), "tramway.html")})
    slug = "grenoble-inaugure-sa-nouvelle-ligne-de-tramway"
    assert response.status_code == 302
    assert response.headers["Location"] == f"/teacher/quizzes/{slug}"
    html = teacher.get(f"/teacher/quizzes/{slug}").get_data(as_text=True)
    assert "The article is saved as a new draft quiz, without questions yet: add questions, " \
        "or draft them from the article." in html
    # Nothing to publish: both buttons say so, and why.
    assert html.count('disabled aria-describedby="publish-blocked"') == 2
    assert "A quiz without questions cannot be published" in html
    assert 'id="status">draft</span>' in html and "Draft questions" in html
    with app.app_context():
        assert quiz(slug).status == "draft" and not quiz(slug).current_revision.questions

    token = csrf_token(html)
    response = teacher.post(f"/teacher/quizzes/{slug}/draft",
                            data={"csrf_token": token, "count": "6"})
    assert response.headers["Location"] == f"/teacher/quizzes/{slug}/drafts"
    # The request only queued the job: the page says it waits, and reloads by itself.
    pending = teacher.get(f"/teacher/quizzes/{slug}/drafts").get_data(as_text=True)
    assert "Waiting for the drafting worker" in pending and not draft_keys(pending)
    assert f'data-status-url="/teacher/quizzes/{slug}/drafting"' in pending
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in pending
    assert "No draft left to review." not in pending
    # No draft shown yet: no "each question below…" above nothing.
    assert "Each question below was written automatically" not in pending
    status = teacher.get(f"/teacher/quizzes/{slug}/drafting").get_json()
    assert (status["state"], status["active"]) == ("queued", True)
    with app.app_context():
        assert len(quiz(slug).current_revision.questions) == 0

    assert job_queue(app).run_pending() == 1  # the worker's part, in this process
    status = teacher.get(f"/teacher/quizzes/{slug}/drafting").get_json()
    assert (status["state"], status["active"], status["drafts"]) == ("done", False, 6)
    review = teacher.get(f"/teacher/quizzes/{slug}/drafts").get_data(as_text=True)
    assert "6 draft questions added (version 2)" in review
    assert "data-status-url" not in review and "noscript" not in review
    keys = draft_keys(review)
    assert len(keys) == 6 and "6 drafts to review." in review
    assert "Each question below was written automatically" in review
    # Each passage highlighted in its paragraph.
    assert review.count('<mark class="passage-mark">') == 6

    # Publishing is refused while drafts remain, and the quiz page shows it before a click:
    # both Publish buttons disabled, with the reason (not a list of draft keys).
    quiz_page = teacher.get(f"/teacher/quizzes/{slug}").get_data(as_text=True)
    assert html_text(quiz_page, "publish-blocked") == (
        "6 drafted questions are still to review: accept, edit or reject them before "
        "publishing.")
    assert quiz_page.count('disabled aria-describedby="publish-blocked"') == 2
    assert "Review 6 drafts" in quiz_page and "draft-1," not in quiz_page
    teacher.post(f"/teacher/quizzes/{slug}/status", data={"csrf_token": token,
                                                          "status": "published"})
    with app.app_context():
        assert quiz(slug).status == "draft"

    # One page, one save: accept the first as it is, edit the second, reject the others.
    accept, edited, *rejected = keys
    data = form_fields(review, "review-form")
    assert data[f"{accept}-decision"] == "accept" and data["version"] == "2"
    with app.app_context():
        before = {q.key: q for q in quiz(slug).current_revision.questions}
    data[f"{edited}-prompt"] = before[edited].prompt + " (edited)"
    for key in rejected:
        data[f"{key}-decision"] = "reject"
    response = teacher.post(f"/teacher/quizzes/{slug}/drafts", data=data)
    assert response.headers["Location"] == f"/teacher/quizzes/{slug}"
    html = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "Review saved (version 3): 2 accepted, 4 rejected." in html
    assert "publish-blocked" not in html and 'id="publish-assign">Publish and assign' in html
    with app.app_context():
        revision = quiz(slug).current_revision
        assert revision.number == 3  # one new version for the whole review
        after = {q.key: q for q in revision.questions}
        assert list(after) == [accept, edited]
        assert after[edited].prompt == before[edited].prompt + " (edited)"
        assert (after[accept].prompt, after[accept].passage, after[accept].explanation) == (
            before[accept].prompt, before[accept].passage, before[accept].explanation)
        assert all(q.review_note is None for q in after.values())
    review = teacher.get(f"/teacher/quizzes/{slug}/drafts").get_data(as_text=True)
    assert "No draft left to review." in review
    teacher.post(f"/teacher/quizzes/{slug}/status", data={"csrf_token": token,
                                                          "status": "published"})
    with app.app_context():
        assert quiz(slug).status == "published"


def html_text(html: str, element_id: str) -> str:
    """The text of the element with this id (no nested tags), spaces joined."""
    match = re.search(rf'id="{element_id}"[^>]*>([^<]*)<', html)
    assert match, f"no element {element_id!r}"
    return " ".join(match.group(1).split())


def test_paste_text_and_draft_at_once(app: Flask, teacher: FlaskClient) -> None:
    response = post_article(teacher, {"text": TEXT, "slug": "orchard", "language": "en",
                                      "draft": "y"})
    assert response.headers["Location"] == "/teacher/quizzes/orchard/drafts"
    html = teacher.get("/teacher/quizzes/orchard/drafts").get_data(as_text=True)
    with app.app_context():
        today = school_today()  # the school's (Paris), not the server's: they differ at 23:30 UTC
    said = (f"Check: the article gives no date, so today&#39;s ({today:%B} {today.day}, "
            f"{today.year}) was written; if the article is older, correct the “Date:” line of "
            "its question file.")
    assert said in html and 'class="flash article-checks"' in html
    assert "Waiting for the drafting worker" in html
    job_queue(app).run_pending()
    # The page reloads itself when drafting ends: what to check is still there, beside the
    # drafts, until they are reviewed.
    html = teacher.get("/teacher/quizzes/orchard/drafts").get_data(as_text=True)
    assert re.search(r"\d+ draft questions? added", html)
    assert said in html
    with app.app_context():
        revision = quiz("orchard").current_revision
        assert revision.language == "en" and revision.questions
        assert all(q.review_note.startswith("draft") for q in revision.questions)
    review = form_fields(html, "review-form")
    review.update({name: "reject" for name in review if name.endswith("-decision")})
    response = teacher.post("/teacher/quizzes/orchard/drafts", data=review)
    assert response.status_code == 302
    assert 'id="article-checks"' not in teacher.get("/teacher/quizzes/orchard/drafts").get_data(
        as_text=True)


def test_what_to_check_follows_the_language_and_stays_with_its_own_quiz(
        app: Flask, teacher: FlaskClient, demo_quizzes: None) -> None:
    """Kept untranslated: the teacher who switches to French reads it in French. Each quiz
    keeps its own: a second import does not take the first one's away, nor show it."""
    post_article(teacher, {"text": TEXT, "slug": "orchard", "language": "en", "draft": "y"})
    post_article(teacher, {"text": TEXT.replace("orchard", "garden"), "slug": "garden",
                           "language": "en", "draft": "y"})
    html = teacher.get("/teacher/quizzes/orchard/drafts",
                       headers={"Accept-Language": "fr"}).get_data(as_text=True)
    with app.app_context():
        today = school_today()
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]
    day = "1er" if today.day == 1 else str(today.day)
    assert (f"À vérifier\u00a0: l’article ne donne pas de date, celle d’aujourd’hui ({day}\u00a0"
            f"{months[today.month - 1]} {today.year}) a donc été indiquée") in html
    assert html.count('id="article-checks"') == 1
    assert 'id="article-checks"' in teacher.get("/teacher/quizzes/garden/drafts").get_data(
        as_text=True)
    assert 'id="article-checks"' not in teacher.get(  # a quiz with nothing to check
        "/teacher/quizzes/exemple-velo-ecole/drafts").get_data(as_text=True)


def test_a_job_left_waiting_says_the_worker_may_not_be_running(
        app: Flask, teacher: FlaskClient, monkeypatch) -> None:
    """No worker took the job (none started): after half a minute the page says so, and how
    a worker is started, instead of counting the seconds alone."""
    import time

    from quiz.teacher import draft_routes

    post_article(teacher, {"text": TEXT, "slug": "orchard", "language": "en", "draft": "y"})
    status = "/teacher/quizzes/orchard/drafts"
    html = teacher.get(status).get_data(as_text=True)
    assert "Waiting for the drafting worker" in html and "may not be running" not in html
    later = time.time() + draft_routes.QUEUE_PATIENCE + 1
    monkeypatch.setattr(draft_routes.time, "time", lambda: later)
    html = teacher.get(status).get_data(as_text=True)
    assert "A running worker takes a job within seconds: it may not be running" in html
    assert "python3 manage.py serve" in html
    job_queue(app).run_pending()  # a worker at last: the drafts come
    assert re.search(r"\d+ draft questions? added", teacher.get(status).get_data(as_text=True))


def test_without_drafting_what_to_check_is_shown_once_in_amber(teacher: FlaskClient) -> None:
    response = post_article(teacher, {"text": TEXT, "slug": "orchard", "language": "en"})
    html = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert re.search(r'<p class="flash flash-warning" role="status">Check: the article gives '
                     r'no date, so', html)
    assert "Check: the article gives" not in teacher.get(response.headers["Location"]).get_data(
        as_text=True)


def test_drafting_is_not_offered_for_an_article_in_another_language(
        app: Flask, teacher: FlaskClient) -> None:
    response = post_article(teacher, {"text": TEXT, "slug": "huerto", "language": "es",
                                      "draft": "y"})
    assert response.status_code == 422
    assert ("Questions can be drafted from French or English articles only: untick this box, "
            "or choose French or English.") in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(Quiz).where(Quiz.slug == "huerto")) is None
    response = post_article(teacher, {"text": TEXT, "slug": "huerto", "language": "es"})
    assert response.status_code == 302  # imported, to write its questions by hand


def test_pasted_markdown_is_read_as_markdown(app: Flask, teacher: FlaskClient) -> None:
    """A text pasted with its '# Title' is Markdown: no '**' nor link syntax in the article."""
    paragraphs = TEXT.strip().split("\n\n")
    pasted = "\n\n".join([f"# {paragraphs[0]}", "## A subheading",
                           f"**{paragraphs[1]}** [More](https://example.org/more)",
                           *paragraphs[2:]])
    response = post_article(teacher, {"text": pasted, "slug": "orchard-md", "language": "en"})
    assert response.status_code == 302
    with app.app_context():
        revision = quiz("orchard-md").current_revision
        text = " ".join(block["text"] for block in revision.article)
    assert revision.title == paragraphs[0]
    assert "**" not in text and "](" not in text and "More" in text
    assert {"kind": "heading", "text": "A subheading"} in [
        {"kind": block["kind"], "text": block["text"]} for block in revision.article]


def test_a_text_too_short_is_refused_as_too_short_and_a_file_must_be_chosen_again(
        teacher: FlaskClient) -> None:
    """A pasted text of two lines is no page without an article: the message says what is
    wrong with it. A form sent back with errors asks for its file again (a browser never
    keeps one)."""
    response = post_article(teacher, {"text": "Réforme : l’Assemblée débat\n\nLes députés "
                                              "ont voté jeudi une réforme.", "language": "fr"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert ("the text is too short to make a quiz from (7 words after its title) — give the "
            "whole article") in html
    assert "no article text was found" not in html and 'id="file-again"' not in html
    response = post_article(teacher, {"slug": "……", "file": (io.BytesIO(
        (ARTICLES / "en-library.html").read_bytes()), "library.html")})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert ("Use lowercase letters without accents (a to z), digits, hyphens and underscores "
            "only.") in html
    assert "Choose the file again: a browser does not send it back with the page." in html
    file_input = re.search(r'<input[^>]*id="file"[^>]*>', html).group(0)
    assert 'aria-describedby="file-again"' in file_input and "aria-invalid" not in file_input


def test_import_from_an_address(app: Flask, teacher: FlaskClient, page_server: str) -> None:
    url = f"{page_server}/en-library.html"
    response = post_article(teacher, {"url": url})
    assert response.status_code == 422  # 127.0.0.1 is a private address: refused by default
    html = response.get_data(as_text=True)
    assert "The article could not be imported:" in html and "private network" in html

    app.config["ARTICLE_FETCH_ALLOW_PRIVATE"] = True
    response = post_article(teacher, {"url": url, "slug": "library"})
    assert response.headers["Location"] == "/teacher/quizzes/library"
    with app.app_context():
        assert quiz("library").current_revision.source_url == url

    app.config["ARTICLE_FETCH_TIMEOUT"] = 0.5
    html = post_article(teacher, {"url": f"{page_server}/slow"}).get_data(as_text=True)
    assert "did not answer within 0.5 seconds" in html
    again = post_article(teacher, {"url": url, "slug": "library"})
    assert again.status_code == 422
    assert "A quiz already has this address" in again.get_data(as_text=True)


def test_the_form_wants_one_source(teacher: FlaskClient) -> None:
    response = post_article(teacher, {})
    assert response.status_code == 422
    assert "one of the three" in response.get_data(as_text=True)
    response = post_article(teacher, {"file": (io.BytesIO((ARTICLES / "no-article.html")
                                                          .read_bytes()), "home.html")})
    assert response.status_code == 422
    assert "no article text was found in this page" in response.get_data(as_text=True)


def test_drafting_on_a_published_quiz_unpublishes_it_until_reviewed(
        app: Flask, teacher: FlaskClient, tmp_path) -> None:
    from quiz.services.importer import import_items, prepare_import

    (tmp_path / "tramway.md").write_text(
        __import__("quiz.articles", fromlist=["import_source"]).import_source(
            (ARTICLES / "fr-tramway.html").read_bytes(), "t.html").text
        .replace("## Questions\n", "## Questions\n\n### q1\nType: true_false\nPrompt: Oui.\n"
                 "Answer: vrai\nPassage: La ville de Grenoble a inauguré vendredi la ligne F\n"
                 "Explanation: Oui.\n"), encoding="utf-8")
    with app.app_context():
        import_items(prepare_import([tmp_path]))
        assert quiz("tramway").status == "published"
    token = csrf_token(teacher.get("/teacher/quizzes/tramway").get_data(as_text=True))
    teacher.post("/teacher/quizzes/tramway/draft", data={"csrf_token": token})
    job_queue(app).run_pending()
    html = teacher.get("/teacher/quizzes/tramway/drafts").get_data(as_text=True)
    assert "The quiz is unpublished until its drafts are accepted or rejected." in html
    with app.app_context():
        assert quiz("tramway").status == "draft"


def test_without_models_the_job_fails_says_why_and_can_be_retried(
        app: Flask, teacher: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.drafting import models
    from quiz.teacher import draft_routes

    page = (ARTICLES / "fr-tramway.html").read_bytes()
    post_article(teacher, {"file": (io.BytesIO(page), "tramway.html"), "slug": "tramway"})
    drafts = "/teacher/quizzes/tramway/drafts"
    with monkeypatch.context() as patched:
        patched.setattr(models, "models_installed", lambda language=None: False)
        patched.setattr(draft_routes, "models_installed", lambda language=None: False)
        token = csrf_token(teacher.get("/teacher/quizzes/tramway").get_data(as_text=True))
        teacher.post("/teacher/quizzes/tramway/draft", data={"csrf_token": token, "count": "3"})
        job_queue(app).run_pending()
        html = teacher.get(drafts).get_data(as_text=True)
        assert "The drafting failed: the language model for" in html
        assert "requirements-drafting.txt" in html
        assert 'data-state="failed"' in html and "Try again" in html
        assert '<input type="hidden" name="count" value="3">' in html
        assert teacher.get("/teacher/quizzes/tramway/drafting").get_json()["state"] == "failed"
        form = teacher.get("/teacher/quizzes/article").get_data(as_text=True)
        assert 'id="no-drafting"' in form
    # Once the models are there, « Try again » drafts.
    teacher.post("/teacher/quizzes/tramway/draft", data={"csrf_token": token, "count": "3"})
    assert job_queue(app).run_pending() == 1
    html = teacher.get(drafts).get_data(as_text=True)
    assert "The drafting failed" not in html and 'data-state="done"' in html
    assert "3 draft questions added (version 2)" in html and len(draft_keys(html)) == 3


def test_an_article_with_nothing_to_draft_fails_with_the_reason(
        app: Flask, teacher: FlaskClient, demo_quizzes: None) -> None:
    """Every sentence of the demo quiz already has its question: nothing is drafted."""
    token = csrf_token(teacher.get("/teacher/quizzes/exemple-velo-ecole").get_data(
        as_text=True))
    teacher.post("/teacher/quizzes/exemple-velo-ecole/draft", data={"csrf_token": token})
    job_queue(app).run_pending()
    html = teacher.get("/teacher/quizzes/exemple-velo-ecole/drafts").get_data(as_text=True)
    assert ("The drafting failed: no sentence of the article could be turned into a question; "
            "write the questions yourself (“Add a question” on the quiz&#39;s page).") in html
    # Nothing was drafted: no "no draft left", no "draft more" beside "Try again", which would
    # fail the same way: the quiz's page, to write questions, comes first.
    assert '<button type="submit" class="button">Try again</button>' in html
    assert 'class="button primary" href="/teacher/quizzes/exemple-velo-ecole"' in html
    assert "No draft left to review." not in html and "Draft more questions" not in html
    assert "Each question below was written automatically" not in html
    with app.app_context():
        assert quiz("exemple-velo-ecole").current_revision.number == 1  # nothing saved


def test_only_questions_waiting_for_review_can_be_rejected(
        app: Flask, teacher: FlaskClient, demo_quizzes: None) -> None:
    token = csrf_token(teacher.get("/teacher/quizzes").get_data(as_text=True))
    url = "/teacher/quizzes/exemple-velo-ecole/questions"
    with app.app_context():
        key = quiz("exemple-velo-ecole").current_revision.questions[0].key
    teacher.post(f"{url}/{key}/reject", data={"csrf_token": token})
    with app.app_context():
        assert key in {q.key for q in quiz("exemple-velo-ecole").current_revision.questions}
    assert teacher.post(f"{url}/nope/reject", data={"csrf_token": token}).status_code == 404
    # The review page of a quiz without drafts: nothing to save.
    drafts = "/teacher/quizzes/exemple-velo-ecole/drafts"
    response = teacher.post(drafts, data={"csrf_token": token, "version": "1"})
    assert response.headers["Location"] == "/teacher/quizzes/exemple-velo-ecole"
    assert "No draft left to review." in teacher.get(response.headers["Location"]).get_data(
        as_text=True)
    assert teacher.post(drafts, data={"csrf_token": token}).status_code == 400  # no version
    with app.app_context():
        assert quiz("exemple-velo-ecole").current_revision.number == 1


def test_a_review_with_a_wrong_draft_or_on_an_old_version_saves_nothing(
        app: Flask, teacher: FlaskClient) -> None:
    from quiz.articles import import_source
    from quiz.drafting import draft_questions
    from quiz.questionfile import write_question_file
    from quiz.services.importer import import_items, prepare_text

    article = import_source((ARTICLES / "fr-tramway.html").read_bytes(), "tramway.html").quiz
    with app.app_context():
        import_items([prepare_text("tramway", write_question_file(
            draft_questions(article, 3).quiz), "tramway.md")], publish_new=False)
    url = "/teacher/quizzes/tramway/drafts"
    page = teacher.get(url).get_data(as_text=True)
    data = form_fields(page, "review-form")
    first, second, third = draft_keys(page)
    data[f"{first}-passage"] = "words that are nowhere in the article"
    data[f"{second}-prompt"] = ""
    data[f"{third}-decision"] = "reject"
    response = teacher.post(url, data=data)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "This passage is not in the article" in html and "Write the question." in html
    # The wrong drafts open their fields; every draft is still there, with what was typed.
    assert html.count('<details class="draft-edit" open>') == 2
    assert "words that are nowhere in the article" in html
    assert form_fields(html, "review-form")[f"{third}-decision"] == "reject"
    with app.app_context():
        assert quiz("tramway").current_revision.number == 1

    # Saved on a version that is no longer the quiz's: refused, nothing saved.
    data = form_fields(page, "review-form")
    data["version"] = "0"
    response = teacher.post(url, data=data)
    assert "The quiz was changed meanwhile" in teacher.get(
        response.headers["Location"]).get_data(as_text=True)
    data["version"], data[f"{first}-decision"] = "1", "maybe"
    assert teacher.post(url, data=data).status_code == 422
    with app.app_context():
        assert quiz("tramway").current_revision.number == 1


def test_the_drafts_page_says_how_to_give_a_passage_there_and_reports_all_errors_at_once(
        app: Flask, teacher: FlaskClient) -> None:
    """The drafts page has no article beside its fields and no "Use the selected text": its
    hint and errors say to copy the words from the paragraph it shows; a draft with an empty
    question and a wrong passage gets both errors from one save."""
    from quiz.articles import import_source
    from quiz.drafting import draft_questions
    from quiz.questionfile import write_question_file
    from quiz.services.importer import import_items, prepare_text

    article = import_source((ARTICLES / "fr-tramway.html").read_bytes(), "tramway.html").quiz
    with app.app_context():
        import_items([prepare_text("tramway", write_question_file(
            draft_questions(article, 2).quiz), "tramway.md")], publish_new=False)
    url = "/teacher/quizzes/tramway/drafts"
    for language, hint, required, missing in (
            ("en", "Copy the words exactly from the paragraph shown above",
             "Write the question.", "This passage is not in the article: copy the words "
             "exactly from the paragraph shown above."),
            ("fr", "Recopiez les mots exactement comme dans le paragraphe affiché au-dessus",
             "Rédigez la question.", "Ce passage ne figure pas dans l’article\u00a0: "
             "recopiez les mots exactement comme dans le paragraphe affiché au-dessus.")):
        headers = {"Accept-Language": language}
        page = teacher.get(url, headers=headers).get_data(as_text=True)
        assert hint in page and "Use the selected text" not in page
        assert "Utiliser le texte sélectionné" not in page
        data = form_fields(page, "review-form")
        first = draft_keys(page)[0]
        data[f"{first}-prompt"] = ""
        data[f"{first}-passage"] = "des mots qui ne sont nulle part"
        response = teacher.post(url, data=data, headers=headers)
        html = response.get_data(as_text=True)
        assert response.status_code == 422
        summary = html.split('id="error-summary"')[1].split("</div>")[0]
        assert required in summary and missing in summary
    with app.app_context():
        assert quiz("tramway").current_revision.number == 1


def test_each_drafts_right_answer_list_names_its_choices_by_their_text(
        app: Flask, teacher: FlaskClient) -> None:
    """As in the question editor: « Choix 2 : Trente minutes », not « Choix 2 » to match by
    counting; a page sent back shows what was typed."""
    from quiz.articles import import_source
    from quiz.drafting import draft_questions
    from quiz.questionfile import write_question_file
    from quiz.services.importer import import_items, prepare_text

    drafted = draft_questions(import_source((ARTICLES / "fr-tramway.html").read_bytes(),
                                            "tramway.html").quiz, 5).quiz
    with app.app_context():
        import_items([prepare_text("tramway", write_question_file(drafted), "tramway.md")],
                     publish_new=False)
    question = next(q for q in drafted.questions if q.kind == "mcq")
    url = "/teacher/quizzes/tramway/drafts"
    page = teacher.get(url, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    key = next(k for k in draft_keys(page)
               if f'name="{k}-prompt"' in page and f'id="{k}-correct"' in page
               and question.prompt.split()[0] in page.split(f'id="{k}-prompt"')[1][:400])
    listed = page.split(f'id="{key}-correct"')[1].split("</select>")[0]
    for n, choice in enumerate(question.choices, 1):
        assert f">Choix {n}\u00a0: {escape(choice.text)}</option>" in listed
    data = form_fields(page, "review-form")
    data[f"{key}-choice_0"] = "Une autre réponse"
    data[f"{key}-prompt"] = ""  # refused: the page comes back with what was typed
    sent = teacher.post(url, data=data).get_data(as_text=True)
    assert ">Choice 1: Une autre réponse</option>" in sent.split(f'id="{key}-correct"')[1]


def test_many_drafts_are_reviewed_a_batch_at_a_time_without_losing_the_others(
        app: Flask, teacher: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past DRAFTS_PER_REVIEW (10; 4 here) the page shows the first ones; saving them keeps
    the others as drafts, shown next, and the quiz stays unpublishable until the last."""
    from quiz.articles import import_source
    from quiz.drafting import draft_questions
    from quiz.questionfile import write_question_file
    from quiz.services.importer import import_items, prepare_text
    from quiz.teacher import draft_routes

    monkeypatch.setattr(draft_routes, "DRAFTS_PER_REVIEW", 4)
    article = import_source((ARTICLES / "fr-tramway.html").read_bytes(), "tramway.html").quiz
    with app.app_context():
        import_items([prepare_text("tramway", write_question_file(
            draft_questions(article, 6).quiz), "tramway.md")], publish_new=False)
        all_keys = [q.key for q in quiz("tramway").current_revision.questions]
    assert len(all_keys) == 6
    url = "/teacher/quizzes/tramway/drafts"
    page = teacher.get(url).get_data(as_text=True)
    assert draft_keys(page) == all_keys[:4]
    assert html_text(page, "draft-count").startswith(
        "6 drafts to review. The first 4 are below; the next ones come once you save these.")
    data = form_fields(page, "review-form")
    data[f"{all_keys[1]}-decision"] = "reject"
    response = teacher.post(url, data=data)
    assert response.headers["Location"] == url  # the next ones
    page = teacher.get(url).get_data(as_text=True)
    assert "Review saved (version 2): 3 accepted, 1 rejected." in page
    assert draft_keys(page) == all_keys[4:]
    assert html_text(page, "draft-count").startswith("2 drafts to review. Each is accepted")
    with app.app_context():
        questions = quiz("tramway").current_revision.questions
        assert [q.key for q in questions] == [all_keys[0], *all_keys[2:]]
        assert [q.key for q in questions if q.review_note] == all_keys[4:]
    response = teacher.post(url, data=form_fields(page, "review-form"))
    assert response.headers["Location"] == "/teacher/quizzes/tramway"
    with app.app_context():
        assert not any(q.review_note for q in quiz("tramway").current_revision.questions)


def fake_french(text: str, **params: object) -> str:
    """Stands for the French catalogue: shows that a message went through translation."""
    return "[fr] " + (text % params if params else text)


def test_an_unrecognised_language_is_chosen_in_the_form_not_with_an_option(
        teacher: FlaskClient) -> None:
    """The web page names the form's field; the command line's hint names --language."""
    page = (ARTICLES / "es-sin-idioma.html").read_bytes()
    for language, hint in (
            ("en", "choose its language in “Language of the article” below, then import it "
                   "again; questions can be drafted for articles in French or English only"),
            ("fr", "choisissez sa langue dans «\u00a0Langue de l’article\u00a0» ci-dessous, "
                   "puis importez-le de nouveau\u00a0; les questions peuvent être générées "
                   "pour des articles en français ou en anglais seulement")):
        headers = {"Accept-Language": language}
        token = csrf_token(teacher.get("/teacher/quizzes/article", headers=headers).text)
        response = teacher.post("/teacher/quizzes/article", headers=headers,
                                data={"csrf_token": token,
                                      "file": (io.BytesIO(page), "es-sin-idioma.html")},
                                content_type="multipart/form-data")
        html = response.get_data(as_text=True)
        assert response.status_code == 422
        assert hint in html and "--language" not in html and "command line" not in html


def test_import_errors_and_warnings_are_shown_in_the_readers_language(
        app: Flask, teacher: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:

    from quiz.questionfile.messages import N_, Message
    from quiz.templating import translate

    french = {"Accept-Language": "fr"}

    def post_in_french(data: dict):
        token = csrf_token(teacher.get("/teacher/quizzes/article", headers=french)
                           .get_data(as_text=True))
        return teacher.post("/teacher/quizzes/article", headers=french,
                            data={"csrf_token": token, **data},
                            content_type="multipart/form-data")

    monkeypatch.setattr("quiz.templating.gettext", fake_french)
    response = post_in_french({"file": (io.BytesIO(b""), "empty.txt")})
    assert response.status_code == 422
    assert escape("[fr] the text is empty — [fr] paste the article's title and paragraphs") \
        in response.get_data(as_text=True)

    response = post_in_french({"text": TEXT, "slug": "orchard-fr", "language": "en"})
    assert response.status_code == 302
    html = teacher.get(response.headers["Location"], headers=french).get_data(as_text=True)
    assert "[fr] the article gives no date, so " in html

    # A message among another's values (a question file's problem) is translated too.
    with app.test_request_context(headers=french):
        nested = Message(N_("the article cannot be written as a question file: %(problem)s"),
                         {"problem": Message(N_("the title is missing"))})
        assert translate(nested) == ("[fr] the article cannot be written as a question file: "
                                "[fr] the title is missing")


NO_SPACY_IN_THE_WEB = """
import io, json, sys
from pathlib import Path
from quiz import create_app
from quiz.extensions import db
from quiz.models import User
from tests.support import ARTICLES, PASSWORD, PASSWORD_HASH

folder = Path(sys.argv[1])
app = create_app({"TESTING": True, "SECRET_KEY": "x", "WTF_CSRF_ENABLED": False,
                  "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'web.sqlite'}",
                  "JOB_QUEUE_URL": f"sqlite:///{folder / 'jobs.sqlite'}"})
with app.app_context():
    db.create_all()
    db.session.add(User(username="prof", display_name="Prof", password_hash=PASSWORD_HASH,
                        role="teacher"))
    db.session.commit()
client = app.test_client()
assert client.post("/login", data={"username": "prof", "password": PASSWORD}).status_code == 302
page = (ARTICLES / "fr-tramway.html").read_bytes()
statuses = [client.post("/teacher/quizzes/article", content_type="multipart/form-data",
                        data={"file": (io.BytesIO(page), "t.html"), "slug": "t",
                              "draft": "y"}).status_code]
statuses += [client.get(path).status_code for path in (
    "/teacher/quizzes/t/drafts", "/teacher/quizzes/t/drafting", "/teacher/quizzes/t",
    "/teacher/quizzes/article")]
statuses.append(client.post("/teacher/quizzes/t/draft", data={"count": "3"}).status_code)
print(json.dumps({"statuses": statuses, "spacy": sorted(
    name for name in sys.modules if name.split(".")[0] in ("spacy", "thinc"))}))
"""


@sqlite_pass_only
def test_no_web_request_loads_spacy(tmp_path: Path) -> None:
    """Importing an article with « draft automatically », the drafts page, its status and
    « Draft questions » (in a fresh process, as a web worker): spaCy is never imported; the
    job waits for the worker."""
    result = subprocess.run([sys.executable, "-c", NO_SPACY_IN_THE_WEB, str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"statuses": [302, 200, 200, 200, 200, 302], "spacy": []}


def test_the_article_import_page_is_under_manage_quizzes_in_the_menu(
        teacher: FlaskClient) -> None:
    html = teacher.get("/teacher/quizzes/article").get_data(as_text=True)
    assert re.findall(r'aria-current="page">([^<]+)<', html) == ["Manage quizzes"]
