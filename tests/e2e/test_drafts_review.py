"""A teacher reviews drafted questions in the browser (and a screenshot to look at)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from quiz.articles import import_source
from quiz.drafting import draft_questions
from quiz.extensions import db
from quiz.models import Quiz
from quiz.questionfile import write_question_file
from quiz.services.importer import import_items, prepare_text
from tests.support import ARTICLES, screenshot


def test_teacher_accepts_and_rejects_drafts(live_server: str, page, app: Flask, users,
                                            browser_auth) -> None:
    users.make("prof", "Mme Martin", role="teacher")
    article = import_source((ARTICLES / "fr-tramway.html").read_bytes(), "tramway.html").quiz
    text = write_question_file(draft_questions(article, 5).quiz)
    with app.app_context():
        import_items([prepare_text("tramway", text, "tramway.md")], publish_new=False)
    browser_auth.log_in("prof")
    page.goto(f"{live_server}/teacher/quizzes/tramway")
    page.get_by_role("link", name="Review 5 drafts").click()
    assert page.locator("#draft-count").inner_text() == "5 drafts to review."
    assert page.locator("li.draft mark").count() == 5
    screenshot(page, "drafts-review-1280")

    first = page.locator("li.draft").first
    first_id = first.get_attribute("id")
    first.get_by_role("button", name="Accept").click()
    page.get_by_text("accepted.").wait_for()
    assert page.locator("#draft-count").inner_text() == "4 drafts to review."
    page.locator("li.draft").first.get_by_role("button", name="Reject").click()
    page.get_by_text("rejected: it is no longer in the quiz.").wait_for()
    assert page.locator("li.draft").count() == 3
    page.set_viewport_size({"width": 390, "height": 800})
    screenshot(page, "drafts-review-390")
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "tramway"))
        questions = {q.key: q.review_note for q in quiz.current_revision.questions}
        assert questions[first_id.removeprefix("q-")] is None and len(questions) == 4
