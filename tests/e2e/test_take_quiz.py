"""A student takes the seed quiz in Chromium and follows a passage link to its highlight."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Quiz
from tests.e2e.a11y import MARKED_WORDS
from tests.support import SEED_QUIZ, screenshot


def right_and_wrong_choices(app: Flask) -> list[tuple[str, str, str]]:
    """(prompt, a right choice, a wrong choice) for each question of the seed quiz."""
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        return [(q.prompt, next(c.text for c in q.choices if c.is_correct),
                 next(c.text for c in q.choices if not c.is_correct))
                for q in quiz.current_revision.questions]


def test_student_takes_the_seed_quiz_and_sees_the_highlighted_passage(
        live_server: str, page, app: Flask, browser_auth) -> None:
    browser_auth.register("Léa M.", "lea")

    card = page.locator(".card", has_text="Russie et Corée du Nord")
    card.get_by_role("button", name="Start").click()
    page.get_by_role("heading", name="Questions").wait_for()
    screenshot(page, "quiz-page-1280")

    questions = right_and_wrong_choices(app)
    # Submit with one question left out: the message names it and the choices stay.
    for number, (prompt, right, wrong) in enumerate(questions, start=1):
        if number == 5:
            continue
        group = page.get_by_role("group", name=re.compile(re.escape(prompt)))
        group.get_by_label(wrong if number in (1, 2) else right, exact=True).check()
    assert page.locator("#quiz-progress").inner_text() == "Answered 11 of 12"
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_text("Question 5 has no answer yet").wait_for()
    assert page.locator("#quiz-progress").inner_text() == "Answered 11 of 12"
    first = page.get_by_role("group", name=re.compile(re.escape(questions[0][0])))
    assert first.get_by_label(questions[0][2], exact=True).is_checked()

    fifth = page.get_by_role("group", name=re.compile(re.escape(questions[4][0])))
    fifth.get_by_label(questions[4][1], exact=True).check()
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_role("heading", name="Results").wait_for()
    assert page.locator("#score").inner_text() == "10\u00a0/\u00a012"
    screenshot(page, "results-1280")

    result = page.locator("li.result", has_text="Pour l’heure, aucune des deux nations")
    result.get_by_role("link", name="See this passage in the article").click()
    mark = page.locator("mark#passage")
    mark.wait_for()
    assert mark.evaluate(MARKED_WORDS) == ("Pour l’heure, aucune des deux nations n’a été "
                                           "attaquée en l’état.")
    assert mark.inner_text().startswith("Start of the passage:")  # for screen readers
    assert mark.is_visible()
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"], \
        "the highlighted passage is scrolled into view"
    screenshot(page, "passage-1280")


def test_pages_fit_a_phone_screen(live_server: str, browser, app: Flask, browser_auth) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="en-GB")
    page = context.new_page()
    browser_auth.register("Mathéo", "matheo", page=page)
    screenshot(page, "quiz-list-375")
    page.locator(".card", has_text="Russie et Corée du Nord").get_by_role(
        "button", name="Start").click()
    page.get_by_role("heading", name="Questions").wait_for()
    for prompt, right, _wrong in right_and_wrong_choices(app):
        page.get_by_role("group", name=re.compile(re.escape(prompt))).get_by_label(
            right, exact=True).check()
    screenshot(page, "quiz-page-375")
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_role("heading", name="Results").wait_for()
    screenshot(page, "results-375")
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 375, f"the results page is {overflow}px wide on a 375px phone"
    context.close()
