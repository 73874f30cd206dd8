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
    assert page.locator("#draft-count").inner_text().startswith("5 drafts to review. Each is "
                                                                 "accepted unless you reject")
    assert page.locator("li.draft mark").count() == 5
    screenshot(page, "drafts-review-1280")

    # Decisions on the page, saved once: the first accepted as it is, the second rejected, the
    # third edited, the others left to their default (accepted).
    keys = [page.locator("li.draft").nth(n).get_attribute("id").removeprefix("q-")
            for n in range(5)]
    assert page.locator("input[value=accept]:checked").count() == 5  # the default
    page.locator(f"#q-{keys[1]} input[value=reject]").check()
    page.locator(f"#edit-{keys[2]}").click()
    explanation = page.locator(f"#{keys[2]}-explanation")
    explanation.fill(explanation.input_value() + " Revu.")
    # Each draft's right-answer list names its choices by their text, and follows its own
    # choices as they are typed (choice-labels.js, with the draft's prefix), not another's.
    listed = [key for key in keys if page.locator(f"select#{key}-correct").count()]
    assert len(listed) >= 2, "the tramway drafts should include two multiple-choice questions"
    edited, other = listed[-1], listed[-2]
    for key in (edited, other):  # opened (one may be the draft edited above)
        page.locator(f"#q-{key} details.draft-edit").evaluate("details => details.open = true")
    first = page.locator(f"#{edited}-choice_0")
    option = page.locator(f"#{edited}-correct option").first
    was = first.input_value()
    assert option.text_content() == f"Choice 1: {was}"
    other_option = page.locator(f"#{other}-correct option").first
    other_label = other_option.text_content()
    first.fill("Une autre réponse")
    assert option.text_content() == "Choice 1: Une autre réponse"
    assert other_option.text_content() == other_label
    first.fill(was)
    page.set_viewport_size({"width": 390, "height": 800})
    screenshot(page, "drafts-review-390")
    page.locator("#save-review").click()
    page.get_by_text("Review saved (version 2): 4 accepted, 1 rejected.").wait_for()
    assert page.locator("#publish-assign").get_attribute("href") is not None  # can publish
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "tramway"))
        questions = {q.key: q for q in quiz.current_revision.questions}
        assert list(questions) == [keys[0], *keys[2:]]
        assert questions[keys[2]].explanation.endswith(" Revu.")
        assert all(q.review_note is None for q in questions.values())
