"""From a news article to a quiz assigned to a class, in the browser, counting the teacher's
actions (issue 20.1: at most 8): import the article (served here, no network), let the worker
draft, review every draft on one page and save once, publish and assign; then a student of the
class finds the assignment on their home page.

The actions are counted twice: by the test, which makes every click through `act`, and by the
page itself, which counts the trusted clicks and the forms sent without a click (Enter in a
field) in sessionStorage; the two must agree, so no step hides in a page.goto or a script.
"""

from __future__ import annotations

import datetime as dt
import re

import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.jobs import job_queue
from quiz.models import Assignment, Classroom, Quiz, User
from quiz.services.classes import create_class, join_class
from tests.support import screenshot

MAX_ACTIONS = 8
# Each trusted click, and each form sent by a key (a click on a submit button is its click).
COUNT_ACTIONS = """
addEventListener('click', event => {
  if (event.isTrusted) sessionStorage.actions = (+sessionStorage.actions || 0) + 1;
}, true);
addEventListener('submit', event => {
  if (!event.submitter) sessionStorage.actions = (+sessionStorage.actions || 0) + 1;
}, true);
"""


class Teacher:
    """The teacher's browser page: every click goes through `act`, which counts it."""

    def __init__(self, page) -> None:
        self.page, self.actions = page, []

    def act(self, what: str, locator) -> None:
        self.actions.append(what)
        if locator.get_attribute("type") in ("checkbox", "radio"):
            locator.check()
        else:
            locator.click()

    def counted_by_the_page(self) -> int:
        return int(self.page.evaluate("() => +sessionStorage.actions || 0"))


def test_article_to_an_assigned_quiz_in_at_most_8_actions(
        live_server: str, browser, app: Flask, users, browser_auth, page_server: str) -> None:
    app.config["ARTICLE_FETCH_ALLOW_PRIVATE"] = True  # the article is on 127.0.0.1, here
    users.make("prof", "Mme Martin", role="teacher")
    users.make("lea", "Léa")
    with app.app_context():
        prof, lea = (db.session.scalar(sa.select(User).where(User.username == name))
                     for name in ("prof", "lea"))
        ours = create_class(prof, "4e B", "2026-2027")
        create_class(prof, "3e A", "2026-2027")  # not chosen: it gets nothing
        join_class(lea, ours.join_code)
        ours_id = ours.id
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    context.add_init_script(COUNT_ACTIONS)
    page = context.new_page()
    teacher = Teacher(page)
    try:
        browser_auth.log_in("prof", page=page)
        page.goto(f"{live_server}/teacher/quizzes")  # where the path starts: not counted
        page.evaluate("() => sessionStorage.removeItem('actions')")  # the login's clicks

        teacher.act("open the article import", page.get_by_role(
            "link", name="Import a news article"))
        page.get_by_label("Address of the article (URL)").fill(f"{page_server}/fr-tramway.html")
        assert page.get_by_label("Then draft questions automatically").is_checked()
        teacher.act("import", page.get_by_role("button", name="Import the article"))
        # One message says what happens: no "without questions yet" beside the drafting.
        status = page.locator("#drafting-status")
        assert "Waiting for the drafting worker" in status.inner_text()
        assert page.locator(".flash").count() == 1
        assert "without questions" not in page.locator("main").inner_text()

        assert job_queue(app).run_pending() == 1  # the drafting worker's part
        page.locator("#draft-count").wait_for()  # the page shows the drafts by itself
        added = re.search(r"(\d+) draft questions added \(version 2\)", status.inner_text())
        assert added, status.inner_text()
        drafts = page.locator("li.draft")
        count = int(added.group(1))
        assert drafts.count() == count >= 3
        keys = [drafts.nth(n).get_attribute("id").removeprefix("q-") for n in range(count)]
        screenshot(page, "publish-flow-review-1280")

        # Every draft on this page: one edited, one rejected, the others accepted as they are.
        edited, rejected = keys[1], keys[2]
        teacher.act("open a draft's fields", page.locator(f"#edit-{edited}"))
        prompt = page.locator(f"#{edited}-prompt")
        new_prompt = prompt.input_value() + " (revu)"
        prompt.fill(new_prompt)
        teacher.act("reject a draft", page.locator(f"#q-{rejected} input[value=reject]"))
        teacher.act("save the review", page.locator("#save-review"))
        page.get_by_text(f"Review saved (version 3): {count - 1} accepted, 1 rejected.") \
            .wait_for()

        teacher.act("publish and assign", page.locator("#publish-assign"))
        page.locator("#due_at").fill("2030-03-02T08:30")
        teacher.act("choose the class", page.get_by_label("4e B"))
        screenshot(page, "publish-flow-assign-1280")
        teacher.act("assign", page.locator("#assign-submit"))
        page.get_by_text("Published and assigned to 4e B.").wait_for()
        assert "4e B" in page.locator("#assigned-to").inner_text()

        assert len(teacher.actions) <= MAX_ACTIONS, teacher.actions
        assert teacher.counted_by_the_page() == len(teacher.actions), teacher.actions
        print(f"\nactions from the article to the assigned quiz: {len(teacher.actions)} "
              f"({', '.join(teacher.actions)})")
    finally:
        context.close()

    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.status == "published",
                                                       Quiz.slug.like("grenoble%")))
        assert quiz is not None and quiz.current_revision.number == 3  # one version for all
        questions = {q.key: q for q in quiz.current_revision.questions}
        assert rejected not in questions and len(questions) == count - 1
        assert questions[edited].prompt == new_prompt
        assert all(q.review_note is None for q in questions.values())
        assigned = db.session.execute(sa.select(Classroom.id, Assignment.due_at, Assignment.id)
                                      .join(Assignment, Assignment.classroom_id == Classroom.id)
                                      .where(Assignment.quiz_id == quiz.id)).all()
        assert [tuple(row[:2]) for row in assigned] == [
            (ours_id, dt.datetime(2030, 3, 2, 7, 30, 59, 999999, tzinfo=dt.UTC))]  # Paris, CET
        assignment_id = assigned[0][2]

    # A student of the class finds it among their assignments, due when the teacher said.
    student = browser.new_context(viewport={"width": 375, "height": 812}, locale="en-GB")
    try:
        student_page = student.new_page()
        browser_auth.log_in("lea", page=student_page)
        card = student_page.locator("ul.assigned li.card").filter(
            has=student_page.locator(f"#assigned-{assignment_id}"))
        # Written as a British browser reads a date (not the American « Mar 2, 2030 »).
        assert "4e B" in card.inner_text() and "due 2 Mar 2030" in card.inner_text()
    finally:
        student.close()
