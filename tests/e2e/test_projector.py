"""The projector view updates by itself, without a reload, when a student submits."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Quiz, User
from quiz.services.attempts import load_questions, start_attempt, submit_attempt
from quiz.services.classes import assign_quiz, create_class, join_class
from tests.support import SEED_QUIZ, screenshot


def test_projector_updates_by_itself_after_a_submission(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    """Within one refresh (PROJECTOR_REFRESH) of the board's recomputation (BOARD_MAX_AGE),
    both shortened here to keep the test short. While nothing changes, nothing on the page is
    rewritten (a screen reader hears nothing); a change is said once in the status region;
    the pause button stops the requests (WCAG 2.2.2)."""
    app.config["BOARD_MAX_AGE"] = 1.0
    app.config["PROJECTOR_REFRESH"] = 0.4
    users.make("prof", "Mme Martin", role="teacher")
    for n, name in enumerate(["Léa Dupont-Moreau", "Tom", "Anne-Sophie", "Mathéo", "Inès"]):
        users.make(f"eleve{n}", name)
    with app.app_context():
        by_name = {u.username: u for u in db.session.scalars(sa.select(User))}
        room = create_class(by_name["prof"], "4e B — Histoire-géographie", "2026-2027")
        for n in range(5):
            join_class(by_name[f"eleve{n}"], room.join_code)
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        assign_quiz(room, quiz, None, None, "best")
        class_id, code = room.id, room.join_code

    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    browser_auth.log_in("prof", page=page)
    page.goto(f"{live_server}/classes/{class_id}/projector")
    assert page.locator(".projector-code strong").inner_text() == code
    # What the room sees: not the teacher's menu (name, Log out, languages).
    assert not page.locator("#site-nav").is_visible() and page.locator(".brand").is_visible()
    page.evaluate("window.__notReloaded = true")
    first = page.locator("#projector-top li").first
    # Nobody has done the quiz: listed with 0 of its 12 points, nobody ranked (not « 1, tied »
    # beside every name of the class).
    assert [first.locator(f".{part}").inner_text() for part in ("pos", "tie", "pts", "done")] == [
        "—", "", "0\u00a0/\u00a012", "done: 0 of 1"]

    with app.app_context():  # Inès and Tom submit, all right
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        for username in ("eleve4", "eleve1"):
            student = db.session.scalar(sa.select(User).where(User.username == username))
            attempt = start_attempt(student, quiz)
            submit_attempt(attempt, {q.id: next(c.id for c in q.choices if c.is_correct)
                                     for q in load_questions(attempt.revision_id)})

    first.locator(".name", has_text="Inès").wait_for(timeout=6000)
    assert [first.locator(f".{part}").inner_text() for part in ("pos", "tie", "pts", "done")] == [
        "1", "tied", "12\u00a0/\u00a012", "done: 1 of 1"]
    second, third = (page.locator("#projector-top li").nth(n) for n in (1, 2))
    assert [second.locator(f".{part}").inner_text() for part in ("name", "pos", "tie")] == [
        "Tom", "1", "tied"]
    assert [third.locator(f".{part}").inner_text() for part in ("pos", "tie", "pts")] == [
        "—", "", "0\u00a0/\u00a012"]
    # Shared places are shown alike: both first places stand on the podium, nobody unranked.
    assert page.locator("#projector-top li.podium").count() == 2
    assert page.evaluate("window.__notReloaded") is True, "the page must not reload"
    assert page.locator("#projector-status").inner_text() == "The board has changed."

    # Idle: five refreshes and more, and not one change in the board's part of the page.
    page.evaluate("""() => {
        window.__changes = 0;
        new MutationObserver(list => { window.__changes += list.length; }).observe(
            document.getElementById('projector-board'),
            {subtree: true, childList: true, characterData: true, attributeFilter: ['class']});
    }""")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.wait_for_timeout(2500)
    assert len([u for u in requests if u.endswith("/board.json")]) >= 4
    assert page.evaluate("window.__changes") == 0

    pause = page.get_by_role("button", name="Pause updates")
    pause.click()
    assert page.locator("#projector-state").inner_text() == "updates paused"
    requests.clear()
    page.wait_for_timeout(1500)
    assert [u for u in requests if u.endswith("/board.json")] == []
    page.get_by_role("button", name="Resume updates").click()
    page.wait_for_timeout(1000)
    assert [u for u in requests if u.endswith("/board.json")]
    screenshot(page, "projector-1920")

    # The quiz's own projector: its scores and shares of right answers, refreshed the same way
    # when another student submits (Léa, two wrong).
    page.goto(f"{live_server}/classes/{class_id}/projector/{SEED_QUIZ}")
    page.evaluate("window.__notReloaded = true")
    lines = page.locator("#projector-top li")

    def line(n: int) -> list[str]:
        return [lines.nth(n).locator(f".{part}").inner_text()
                for part in ("pos", "name", "pts", "done")]

    assert line(0) == ["1", "Inès", "12\u00a0/\u00a012", "100%"]
    assert line(2) == ["—", "Anne-Sophie", "", "not done yet"]
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        lea = db.session.scalar(sa.select(User).where(User.username == "eleve0"))
        attempt = start_attempt(lea, quiz)
        submit_attempt(attempt, {q.id: next(c.id for c in q.choices if c.is_correct == (n >= 2))
                                 for n, q in enumerate(load_questions(attempt.revision_id))})
    lines.nth(2).locator(".name", has_text="Léa Dupont-Moreau").wait_for(timeout=6000)
    assert line(2) == ["3", "Léa Dupont-Moreau", "10\u00a0/\u00a012", "83%"]
    assert page.evaluate("window.__notReloaded") is True, "the page must not reload"
    screenshot(page, "quiz-projector-1920")
    context.close()
