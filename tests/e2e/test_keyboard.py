"""A student logs in, takes the whole seed quiz and reads a passage with the keyboard alone.

No click and no mouse: Tab, Shift+Tab, the arrow keys, Space and Enter. Every element that
takes the focus must show it (an outline or a ring).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Quiz
from tests.support import PASSWORD, SEED_QUIZ, screenshot

PRACTICE_QUIZ = "exemple-velo-ecole"  # assigned to no class: Practise is offered
# practice.js focuses the feedback once the page has loaded: waited for, not read at once
FOCUS_ON_FEEDBACK = "() => document.activeElement && document.activeElement.id === 'feedback'"

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {tag: el.tagName.toLowerCase(), type: el.type || null, id: el.id || null,
          name: el.name || null, text: (el.innerText || el.value || '').trim().slice(0, 80),
          group: el.closest('fieldset') ? el.closest('fieldset').id : null,
          card: el.closest('.card') ? el.closest('.card').innerText.slice(0, 200) : null,
          visible: style.outlineStyle !== 'none' && style.outlineWidth !== '0px'
                   || style.boxShadow !== 'none'};
}"""


def tab_to(page, wanted, limit: int = 80) -> dict:
    """Press Tab until `wanted(focused)` holds; every stop on the way must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], f"no visible focus on {focused}"
        if wanted(focused):
            return focused
    raise AssertionError(f"Tab never reached the element ({limit} presses)")


def right_choice_positions(app: Flask) -> list[int]:
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        return [next(i for i, c in enumerate(q.choices) if c.is_correct)
                for q in quiz.current_revision.questions]


def test_a_whole_quiz_with_the_keyboard_alone(live_server: str, page, app: Flask, users) -> None:
    users.make("lea", "Léa M.")
    page.goto(f"{live_server}/login")

    skip = tab_to(page, lambda f: True)
    assert skip["text"] == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    tab_to(page, lambda f: f["id"] == "username")
    page.keyboard.type("lea")
    tab_to(page, lambda f: f["id"] == "password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == "/")  # the #main fragment may stay

    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Start"
           and "Russie et Corée du Nord" in (f["card"] or ""))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path.startswith("/attempts/"))

    positions = right_choice_positions(app)
    for number, position in enumerate(positions, start=1):
        # Tab enters a radio group on its first choice; the arrows move and pick within it.
        first = tab_to(page, lambda f: f["type"] == "radio")
        group = first["group"]
        if position == 0:
            page.keyboard.press("Space")
        for _ in range(position):
            page.keyboard.press("ArrowDown")
        picked = page.evaluate(
            "g => Array.from(document.querySelectorAll(`#${g} input[type=radio]`))"
            ".findIndex(r => r.checked)", group)
        assert picked == position, f"question {number}"
        assert page.locator("#quiz-progress").inner_text() == f"Answered {number} of 12"
    tab_to(page, lambda f: f["text"] == "Submit my answers")
    page.keyboard.press("Enter")
    page.locator("#score").wait_for()
    assert page.locator("#score").inner_text() == "12\u00a0/\u00a012"

    link = tab_to(page, lambda f: f["text"] == "See this passage in the article")
    assert link["tag"] == "a"
    page.keyboard.press("Enter")
    page.wait_for_url("**/passages/*")
    mark = page.locator("mark#passage")
    assert mark.is_visible()
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    screenshot(page, "keyboard-passage-1280")


def test_practice_mode_with_the_keyboard_alone(live_server: str, page, app: Flask,
                                               users) -> None:
    """One question at a time: pick with the arrows, Enter checks it, the focus lands on the
    feedback (right or wrong, said by its status region), Tab reaches "Next question"."""
    users.make("lea", "Léa M.")
    page.goto(f"{live_server}/login")
    tab_to(page, lambda f: f["id"] == "username")
    page.keyboard.type("lea")
    tab_to(page, lambda f: f["id"] == "password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path == "/")

    tab_to(page, lambda f: f["tag"] == "button" and f["text"] == "Practise"
           and "rues aux écoles" in (f["card"] or ""))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path.startswith("/attempts/"))
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == PRACTICE_QUIZ))
        positions = [next(i for i, c in enumerate(q.choices) if c.is_correct)
                     for q in quiz.current_revision.questions]
    for number, position in enumerate(positions, start=1):
        assert page.locator(".question-number").text_content().startswith(
            f"Question {number} of {len(positions)}")
        if number == 1:
            tab_to(page, lambda f: f["type"] == "radio")
        else:  # Next question opened the page at the question: one Tab to its choices
            assert tab_to(page, lambda f: True, limit=1)["type"] == "radio"
        page.keyboard.press("Space")
        for _ in range(position):
            page.keyboard.press("ArrowDown")
        tab_to(page, lambda f: f["text"] == "Check my answer")
        page.keyboard.press("Enter")
        if number == len(positions):  # its feedback, then the results, at the score
            page.wait_for_function(FOCUS_ON_FEEDBACK)  # placed once the page has loaded
            tab_to(page, lambda f: f["text"] == "See my results")
            page.keyboard.press("Enter")
            break
        page.wait_for_url("**?after=*")
        page.wait_for_function(FOCUS_ON_FEEDBACK)
        assert page.locator("#feedback [role=status]").inner_text().endswith("Right")
        assert page.locator("#feedback mark#passage").is_visible()
        if number == 1:
            screenshot(page, "keyboard-practice-feedback-1280")
        tab_to(page, lambda f: f["text"] == "Next question")
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: "after=" not in url)
    page.locator("#score").wait_for()
    assert page.locator("#score").inner_text() == f"{len(positions)}\u00a0/\u00a0{len(positions)}"


def test_unassigning_a_quiz_takes_a_second_step(live_server: str, page, app: Flask, users,
                                                browser_auth) -> None:
    """« Unassign » on the class page opens a step saying what is lost; only its own button
    takes the quiz back (a slip beside « What the class got wrong » took it at once)."""
    from quiz.models import Assignment, User
    from quiz.services.classes import assign_quiz, create_class

    users.make("prof", "Mme Martin", role="teacher")
    with app.app_context():
        prof = db.session.scalar(sa.select(User).where(User.username == "prof"))
        room = create_class(prof, "4e B", "2026-2027")
        assign_quiz(room, db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)),
                    None, None, "best")
        class_id = room.id
    browser_auth.log_in("prof", page=page)
    page.goto(f"{live_server}/teacher/classes/{class_id}")
    tab_to(page, lambda f: f["tag"] == "summary" and f["text"] == "Unassign")
    page.keyboard.press("Enter")
    step = page.locator(".unassign-step p")
    assert step.is_visible() and "the students' attempts are kept" in step.inner_text()
    with app.app_context():  # opening the step changed nothing
        assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 1
    tab_to(page, lambda f: f["text"] == "Unassign it")
    with page.expect_navigation():  # the POST, then the class page it redirects to
        page.keyboard.press("Enter")
    assert "The quiz is no longer assigned; attempts are kept." in page.inner_text("main")
    # The message takes the focus, so that a screen reader reads it (as a live region already
    # in the page it was not announced); waited for: the page's deferred script gives it.
    page.wait_for_function("() => document.activeElement.classList.contains('flashes')")
    assert "no longer assigned" in page.evaluate("document.activeElement.textContent")
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Assignment.id))) == 0


def test_a_message_after_an_action_is_where_the_focus_is(live_server: str, page,
                                                         browser_auth) -> None:
    """After registering, the welcome is read first; a page whose error summary takes the
    focus keeps it there."""
    browser_auth.register("Léa", "lea", page=page)
    page.wait_for_function("() => document.activeElement.classList.contains('flashes')")
    assert "Welcome, Léa!" in page.evaluate("document.activeElement.textContent")
    page.goto(f"{live_server}/account")
    page.get_by_role("button", name="Change the password").click()
    page.wait_for_function("() => document.activeElement.classList.contains('error-summary')")


def test_back_after_checking_a_practice_answer_shows_the_next_question_unanswered(
        live_server: str, page, users, browser_auth) -> None:
    """The browser's Back goes to the practice page, which now asks the next question: the
    browser put back the choice made on the one before (same form, same field), one tap from
    sending an answer the student never chose (a walkthrough of session 35)."""
    users.make("lea", "Léa M.")
    browser_auth.log_in("lea", page=page)
    page.locator(".card", has_text="rues aux écoles").get_by_role("button",
                                                                 name="Practise").click()
    page.wait_for_url(lambda url: urlsplit(url).path.startswith("/attempts/"))
    page.locator(".choices input[type=radio]").nth(1).check()
    page.get_by_role("button", name="Check my answer").click()
    page.locator("#feedback").wait_for()
    page.go_back()
    page.locator(".question-number").wait_for()
    assert page.locator(".question-number").text_content().startswith("Question 2 of")
    assert page.locator(".choices input[type=radio]:checked").count() == 0


def test_a_form_sent_after_the_skip_link_puts_the_focus_on_its_errors(
        live_server: str, page) -> None:
    """Skip to content, then a form sent with mistakes: the page comes back at its own
    address (not …#main, where a browser gives no element the focus) and the focus is on the
    list of errors, as without the skip link."""
    page.goto(f"{live_server}/register")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Enter")
    page.wait_for_url("**/register#main")  # the address follows the jump (told a moment later)
    tab_to(page, lambda focused: focused["name"] == "username")
    page.keyboard.type("x")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.locator("#error-summary").wait_for()
    assert urlsplit(page.url).fragment == ""
    focused = page.evaluate(FOCUSED)
    assert focused["id"] == "error-summary", focused
