"""A teacher archives a quiz their class has: one more step names the class and says what
it does, by keyboard, on a phone in French (tests/test_teacher_quizzes.py for the rules)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Quiz, User
from tests.support import SEED_QUIZ, screenshot


def test_archiving_an_assigned_quiz_is_confirmed_by_keyboard_on_a_phone(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    from quiz.services.classes import assign_quiz, create_class
    users.make("prof", "Mme Martin", role="teacher")
    with app.app_context():
        room = create_class(db.session.scalar(sa.select(User).where(User.username == "prof")),
                            "4e B — sciences économiques", "2026-2027")
        assign_quiz(room, db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)),
                    None, None, "best")
        class_id = room.id
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="fr-FR")
    page = context.new_page()
    try:
        browser_auth.log_in("prof", page=page)
        page.goto(f"{live_server}/teacher/quizzes/{SEED_QUIZ}")
        step = page.locator("#status-archived")
        step.focus()
        page.keyboard.press("Enter")  # opens the step: nothing archived yet
        said = page.locator(".status-step[open]").inner_text().replace("\xa0", " ")
        assert "Il est donné à faire à 4e B — sciences économiques." in said
        assert "ne pourront plus le commencer" in said
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
        screenshot(page, "archive-assigned-375-fr")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent") == \
            "L’archiver quand même"
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("#status").inner_text() == "archivé"
        page.goto(f"{live_server}/teacher/classes/{class_id}")
        row = page.locator("table.assignments tbody tr").first
        assert "archivé Les élèves ne peuvent plus le commencer." in \
            row.locator("th").inner_text().replace("\n", " ")
        screenshot(page, "archive-assigned-class-375-fr")
    finally:
        context.close()
