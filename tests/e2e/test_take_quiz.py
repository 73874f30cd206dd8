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
    # Measured once the page has loaded: its style sheet (asked again each time, no-cache)
    # may still be on its way when the heading shows (CI's PostgreSQL pass, session 36: the
    # panes measured unstyled, one above the other).
    page.wait_for_load_state("load")
    screenshot(page, "quiz-page-1280")
    # A laptop: the article beside the questions, each scrolling on its own.
    article = page.locator("#quiz-article").bounding_box()
    questions_pane = page.locator("#quiz-questions").bounding_box()
    assert article and questions_pane and article["x"] + article["width"] <= questions_pane["x"]
    assert abs(article["y"] - questions_pane["y"]) < 2
    assert not page.get_by_role("navigation", name="Article or questions").is_visible()
    page.locator("#quiz-questions").evaluate("pane => pane.scrollBy(0, 800)")
    assert page.locator("#quiz-article").evaluate("pane => pane.scrollTop") == 0
    assert page.locator("#quiz-questions").evaluate("pane => pane.scrollTop") > 0

    questions = right_and_wrong_choices(app)
    # Submit with one question left out: the message names it and the choices stay.
    for number, (prompt, right, wrong) in enumerate(questions, start=1):
        if number == 5:
            continue
        group = page.get_by_role("group", name=re.compile(re.escape(prompt)))
        group.get_by_label(wrong if number in (1, 2) else right, exact=True).check()
    assert page.locator("#quiz-progress").inner_text() == "Answered 11 of 12"
    # The arrows inside an answered group change the choice, not the count: the live counter
    # is not rewritten (a screen reader would read it again at each press).
    page.evaluate("""() => {
        window.__said = 0;
        new MutationObserver(list => { window.__said += list.length; }).observe(
            document.getElementById('quiz-progress'),
            {subtree: true, childList: true, characterData: true});
    }""")
    page.get_by_role("group", name=re.compile(re.escape(questions[0][0]))).get_by_label(
        questions[0][2], exact=True).focus()
    for key in ("ArrowDown", "ArrowDown", "ArrowUp"):
        page.keyboard.press(key)
    assert page.evaluate("window.__said") == 0
    page.get_by_role("group", name=re.compile(re.escape(questions[0][0]))).get_by_label(
        questions[0][2], exact=True).check()  # back to the wrong answer the test gives
    # Zoomed to 400 % (a 320 × 256 window), nothing stays over the text while tabbing.
    page.set_viewport_size({"width": 320, "height": 256})
    assert page.locator(".quiz-bar").evaluate("bar => getComputedStyle(bar).position") == \
        "static"
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("button", name="Submit my answers").click()
    page.locator("#error-summary-title", has_text="Question 5 has no answer yet").wait_for()
    # The summary takes the focus: a screen reader reads it first. (The page's script gives it
    # after the text is in the page: waited for, it fails only if the focus never comes.)
    page.wait_for_function("() => document.activeElement.id === 'error-summary'")
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#quiz-progress").inner_text() == "Answered 11 of 12"
    first = page.get_by_role("group", name=re.compile(re.escape(questions[0][0])))
    assert first.get_by_label(questions[0][2], exact=True).is_checked()

    fifth = page.get_by_role("group", name=re.compile(re.escape(questions[4][0])))
    assert fifth.locator("p.errors").inner_text() == "Choose an answer to this question."
    assert fifth.locator("input[aria-invalid=true]").count() > 1
    fifth.get_by_label(questions[4][1], exact=True).check()
    # Answered now: no longer said to be an error (it stayed, « invalid » read on the answer).
    assert fifth.locator("p.errors, [aria-invalid]").count() == 0
    assert fifth.get_attribute("aria-describedby") is None
    assert not page.locator("#error-summary").is_visible()
    assert not page.locator("#unanswered-note").is_visible()
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
    # The browser scrolls to it once the page is laid out (#passage in the link): waited for,
    # as a reader waits for the page (reading its place at once failed on a busy machine);
    # it fails if the passage never comes into view.
    page.wait_for_function("""() => {
        const top = document.querySelector('mark#passage').getBoundingClientRect().top;
        return top >= 0 && top < window.innerHeight; }""", timeout=10_000)
    screenshot(page, "passage-1280")


def test_pages_fit_a_phone_screen(live_server: str, browser, app: Flask, browser_auth) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="en-GB")
    page = context.new_page()
    browser_auth.register("Mathéo", "matheo", page=page)
    screenshot(page, "quiz-list-375")
    # One line of header: the links fold under "Menu".
    header = page.locator(".site-header").bounding_box()
    assert header is not None and header["height"] < 60
    assert not page.get_by_role("link", name="My history").is_visible()
    page.get_by_role("button", name="Menu").click()
    assert page.get_by_role("button", name="Menu").get_attribute("aria-expanded") == "true"
    assert page.get_by_role("link", name="My history").is_visible()
    page.keyboard.press("Escape")
    assert not page.get_by_role("link", name="My history").is_visible()

    page.locator(".card", has_text="Russie et Corée du Nord").get_by_role(
        "button", name="Start").click()
    # The article first, the questions one tap away; each keeps its place.
    switch = page.get_by_role("navigation", name="Article or questions")
    switch.get_by_role("button", name="Article").wait_for()
    assert switch.get_by_role("button", name="Article").get_attribute("aria-pressed") == "true"
    assert page.locator("article.article").is_visible()
    assert not page.get_by_role("heading", name="Questions").is_visible()
    page.mouse.wheel(0, 1500)
    # Until the scroll has stopped (a wheel scroll may still be moving when first past 1000).
    page.wait_for_function("""() => new Promise(done => {
        const y = window.scrollY; setTimeout(() => done(y > 1000 && window.scrollY === y), 150);
    })""")
    article_place = page.evaluate("window.scrollY")
    switch.get_by_role("button", name="Questions").click()
    page.get_by_role("heading", name="Questions").wait_for()
    assert not page.locator("article.article").is_visible()
    assert page.evaluate("window.scrollY") == 0  # the questions from their start
    switch.get_by_role("button", name="Article").click()
    assert page.evaluate("window.scrollY") == article_place  # back where the student was
    # At the article's end, the way to the questions (the next Tab went to the footer): the
    # questions shown, a screen reader on at their heading.
    page.get_by_role("button", name="Go to the questions").click()
    assert page.evaluate("document.activeElement.id") == "questions-heading"
    assert page.get_by_role("heading", name="Questions").is_visible()
    assert switch.get_by_role("button", name="Questions").get_attribute("aria-pressed") == "true"
    assert not page.get_by_role("button", name="Go to the questions").is_visible()
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


def test_the_quiz_page_says_when_its_due_date_passes_while_it_is_open(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    """Tom answers with the page open past 23:48, the due date: the page said « saved » and
    nothing of the due date, and only the results said the attempt was late. Now it says when
    it is due, and at that moment that handing it in counts on no board (the page's clock is
    moved on: whatever the machine's speed)."""
    import datetime as dt

    from quiz.models import User
    from quiz.services.classes import assign_quiz, create_class, join_class

    teacher_id = users.make("prof", "Mme Martin", role="teacher")
    student_id = users.make("tom", "Tom")
    with app.app_context():
        room = create_class(db.session.get_one(User, teacher_id), "4e C", "2026-2027")
        join_class(db.session.get_one(User, student_id), room.join_code)
        assign_quiz(room, db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)),
                    None, dt.datetime.now(dt.UTC) + dt.timedelta(minutes=30), "best")
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.clock.install()
    browser_auth.log_in("tom", page=page)
    page.locator(".card", has_text="Russie et Corée du Nord").get_by_role(
        "button", name="Start").click()
    due = page.locator("#due-line")
    due.wait_for()
    assert due.inner_text().startswith("Due ")
    late = page.locator("#late-warning")
    assert late.is_hidden()
    page.clock.fast_forward("31:00")
    late.wait_for()
    assert "does not count on the leaderboard" in late.inner_text() and due.is_hidden()
    page.context.close()


def test_the_unanswered_questions_said_follow_the_answers_given(
        live_server: str, page, app: Flask, browser_auth) -> None:
    """Questions 3 and 5 sent back unanswered; question 3 answered: the summary says
    « Question 5 » alone (it said « Questions 3, 5 » still), then goes with the last."""
    browser_auth.register("Léa M.", "lea")
    page.locator(".card", has_text="Russie et Corée du Nord").get_by_role(
        "button", name="Start").click()
    questions = right_and_wrong_choices(app)
    for number, (prompt, right, _wrong) in enumerate(questions, start=1):
        if number not in (3, 5):
            page.get_by_role("group", name=re.compile(re.escape(prompt))).get_by_label(
                right, exact=True).check()
    page.get_by_role("button", name="Submit my answers").click()
    title = page.locator("#error-summary-title")
    title.wait_for()
    assert title.inner_text().startswith("Questions 3 and 5 have no answer yet")
    prompt, right, _wrong = questions[2]
    page.get_by_role("group", name=re.compile(re.escape(prompt))).get_by_label(
        right, exact=True).check()
    assert title.inner_text() == ("Question 5 has no answer yet: your other answers are "
                                  "kept.")
    assert page.locator("#error-summary li").count() == 1
    assert page.title().startswith("Errors: 2 things to correct")  # as sent back
    prompt, right, _wrong = questions[4]
    page.get_by_role("group", name=re.compile(re.escape(prompt))).get_by_label(
        right, exact=True).check()
    assert not page.locator("#error-summary").is_visible()
    assert page.title() == ("Russie et Corée du Nord ratifient un traité de défense mutuelle · "
                            "News Quiz")
