"""What a keyboard, a screen reader or low vision needs beyond axe-core (issue 19): a passage
picked in the question editor with the keyboard alone, a focus ring on every stop of a page
(the date fields' calendar button included), chart marks told apart by shape and not only by
colour. The checks run on every page are in test_pages.py (tests/e2e/a11y.py)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from flask import Flask

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import Attempt, Membership, Quiz, User
from quiz.services.attempts import load_questions, start_attempt, submit_attempt
from quiz.services.classes import assign_quiz, create_class, join_class
from tests.e2e.a11y import COLOURS
from tests.support import SEED_QUIZ, screenshot

# The focused element's ring: an outline or a shadow at 3:1 against what is around it.
RING = "() => {" + COLOURS + """
  const el = document.activeElement, style = getComputedStyle(el);
  const around = backdrop(el.parentElement), found = [];
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
    found.push(ratio(rgba(style.outlineColor), around));
  if (style.boxShadow !== 'none') found.push(ratio(rgba(style.boxShadow), around));
  return {what: describe(el), type: el.type || '', own: el.matches(':focus'),
          first: el.classList.contains('skip-link'),
          best: found.length ? Math.max(...found) : 0};
}"""

MARKS = "() => {" + COLOURS + """
  const chart = document.querySelector('svg.chart'), paper = backdrop(chart);
  return Array.from(chart.querySelectorAll('circle, rect.late')).map(mark => ({
    shape: mark.tagName, late: mark.classList.contains('late'),
    contrast: ratio(rgba(getComputedStyle(mark).fill), paper)}));
}"""


def test_a_passage_is_picked_with_the_keyboard_alone(live_server: str, page, app: Flask, users,
                                                     browser_auth) -> None:
    users.make("prof", "Mme Martin", role="teacher")
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        first_block = quiz.current_revision.article[0]["text"]
    browser_auth.log_in("prof")
    page.goto(f"{live_server}/teacher/quizzes/{SEED_QUIZ}/questions/new")
    assert "type or paste the passage" in page.locator("#picker-help").inner_text()
    article = page.locator("#picker-article")
    before = article.inner_text()

    for _ in range(40):  # Tab from the top of the page to the article
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "picker-article":
            break
    assert page.evaluate("document.activeElement.id") == "picker-article"
    page.keyboard.press("Control+Home")
    page.keyboard.type("x")  # the article cannot be changed, only selected
    assert article.inner_text() == before
    for _ in range(3):
        page.keyboard.press("Control+Shift+ArrowRight")
    page.keyboard.press("Tab")  # the button comes next; the selection is kept
    assert page.evaluate("document.activeElement.id") == "use-selection"
    page.keyboard.press("Enter")

    picked = page.locator("#passage").input_value()
    assert len(picked.split()) == 3, picked
    assert " ".join(first_block.split()).startswith(picked)
    assert page.evaluate("document.activeElement.id") == "passage"
    screenshot(page, "passage-picked-with-the-keyboard-1280")


def test_focus_rings_and_chart_marks_can_be_seen(live_server: str, page, app: Flask, users,
                                                 browser_auth) -> None:
    users.make("prof", "Mme Martin", role="teacher")
    student = users.make("lea", "Léa")
    with app.app_context():
        mine = create_class(db.session.scalar(sa.select(User).where(User.username == "prof")),
                            "4e B", "2026-2027")
        lea = db.session.get_one(User, student)
        join_class(lea, mine.join_code)
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        now = dt.datetime.now(dt.UTC)
        attempts = []
        for _ in range(2):
            attempt = start_attempt(lea, quiz)
            submit_attempt(attempt, {q.id: q.choices[0].id
                                     for q in load_questions(attempt.revision_id)})
            attempts.append(attempt.id)
        with write_transaction():  # the first one three days ago: before the due date
            first = db.session.get_one(Attempt, attempts[0])
            first.started_at = first.submitted_at = now - dt.timedelta(days=3)
            # In the class then (its teacher sees the work done in it).
            db.session.execute(sa.update(Membership).values(
                joined_at=now - dt.timedelta(days=4)))
        assign_quiz(mine, quiz, None, now - dt.timedelta(days=1), "best")
        class_id = mine.id
    browser_auth.log_in("prof")

    page.goto(f"{live_server}/teacher/classes/{class_id}")
    stops, calendar_stops = [], 0
    for _ in range(200):
        page.keyboard.press("Tab")
        ring = page.evaluate(RING)
        if ring["what"] == "body" or (stops and ring["first"]):  # round the page
            break
        stops.append(ring)
        if ring["type"] == "datetime-local" and not ring["own"]:
            calendar_stops += 1  # the calendar button, inside the field
    assert len(stops) > 20
    assert calendar_stops == 2  # opens and due: both calendar buttons were reached
    weak = [s for s in stops if s["best"] < 3]
    assert not weak, f"focus rings under 3:1: {weak}"

    page.goto(f"{live_server}/teacher/classes/{class_id}/students/{student}")
    marks = page.evaluate(MARKS)
    assert [m["late"] for m in marks] == [False, True]
    assert {m["shape"] for m in marks if m["late"]} == {"rect"}  # not only another colour
    assert {m["shape"] for m in marks if not m["late"]} == {"circle"}
    assert all(m["contrast"] >= 3 for m in marks), marks
    assert page.locator(".chart-legend").text_content().strip() == "late (after the due date)"
    screenshot(page, "chart-late-square-1280")
