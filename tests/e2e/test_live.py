"""A live quiz in Chromium: the teacher drives it from the keyboard, the projector and three
phones follow by themselves (static/js/live.js: the phones in place, from the state they are
sent), through two questions and the podium."""

from __future__ import annotations

import re
import time

import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Attempt, LiveAnswer, LiveSession, Quiz, User
from quiz.services import live
from quiz.services.classes import create_class, join_class
from quiz.services.live import start_session
from tests.support import SEED_QUIZ, screenshot

WAIT = 20_000  # ms for a page to follow the session (a poll and a reload, on a busy machine)


def play_out(app: Flask, control) -> None:
    """The questions left after those the test plays, opened and revealed with no answer (on
    the server): the teacher's End then ends a session played to its last question, whose
    answers are stored as attempts. The teacher's page (`control`) reloads itself on its next
    poll (static/js/live.js): the test waits for that page, never reloads it too (two reloads
    at once abort one: CI's failure of session 15)."""
    with app.app_context():
        session = db.session.scalar(sa.select(LiveSession))
        while session.question < len(live.questions(session)):
            session = live.control(session.id, session.teacher_id, "next")
            session = live.control(session.id, session.teacher_id, "reveal")
        last = session.question
        db.session.remove()
    # Only the last question revealed shows "Show the podium" ("Question N of N" is on the page
    # while it is open too: a poll between the two moves above would stop there).
    control.get_by_role("button", name="Show the podium").wait_for(timeout=WAIT)
    assert control.get_by_text(f"Question {last} of {last}").first.is_visible()
    control.wait_for_load_state()


def test_a_teacher_and_three_phones_play_two_questions(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    app.config["LIVE_POLL"] = 0.3
    users.make("prof", "Mme Martin", role="teacher")
    users.make("lea", "Léa Dupont")
    users.make("tom", "Tom")
    users.make("sam", "Sam")
    with app.app_context():
        by_name = {u.username: u for u in db.session.scalars(sa.select(User))}
        room = create_class(by_name["prof"], "4e B", "2026-2027")
        for name in ("lea", "tom", "sam"):
            join_class(by_name[name], room.join_code)
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
        class_id = room.id

    def new_page(width: int, height: int, username: str):
        page = browser.new_context(viewport={"width": width, "height": height}).new_page()
        browser_auth.log_in(username, page=page)
        return page

    teacher = new_page(1280, 800, "prof")
    teacher.goto(f"{live_server}/teacher/classes/{class_id}")
    teacher.get_by_role("navigation", name="The class").get_by_role("link",
                                                                   name="Live quiz").click()
    teacher.select_option("#live-quiz", str(quiz_id))
    teacher.locator("#live-submit").focus()
    teacher.keyboard.press("Enter")
    teacher.wait_for_url(re.compile(r"/teacher/live/\d+$"))
    control_url = teacher.url
    code = teacher.locator(".live-code").inner_text()
    projector = new_page(1920, 1080, "prof")
    projector.goto(f"{control_url}/projector")
    assert projector.locator(".live-qr svg").count() == 1
    assert not projector.locator("#site-nav").is_visible()  # the teacher's menu, not the room's
    assert f"/live?code={code}" in projector.locator(".live-join-url").inner_text()

    phones = {name: new_page(375, 812, name) for name in ("lea", "tom", "sam")}
    for phone in phones.values():
        phone.goto(f"{live_server}/live?code={code}")  # the QR code's address
        phone.get_by_role("button", name="Join the live quiz").click()
        phone.locator(".live-wait").wait_for()
        # Marks this very page: a reload would lose it (the phones follow in place).
        phone.evaluate("window.liveSamePage = true")
    projector.get_by_text("3 students joined").wait_for(timeout=WAIT)

    def press(label: str) -> None:
        """The teacher's button, with the keyboard alone; returns on the page it leads to
        (waiting for "load" alone could return on the page still shown before the POST)."""
        teacher.get_by_role("button", name=label).focus()
        with teacher.expect_navigation():
            teacher.keyboard.press("Enter")
        teacher.wait_for_load_state()

    prompt = ""
    for number, (lea_right, tom_right) in enumerate(((True, False), (True, True)), start=1):
        sam_right = False
        press("First question" if number == 1 else "Next question")
        # The teacher's page shows the next question (not the one revealed before).
        if prompt:
            teacher.locator("#live-prompt").filter(has_not_text=prompt).wait_for(timeout=WAIT)
        prompt = teacher.locator("#live-prompt").inner_text()
        projector.locator(".live-prompt", has_text=prompt).wait_for(timeout=WAIT)
        for name, right in (("lea", lea_right), ("tom", tom_right), ("sam", sam_right)):
            phone = phones[name]
            phone.locator(".live-prompt", has_text=prompt).wait_for(timeout=WAIT)
            # Nothing on the phone tells the right answer before the reveal.
            assert phone.locator(".right, .badge").count() == 0
            with app.app_context():
                question = db.session.scalar(sa.select(Quiz).where(Quiz.id == quiz_id)
                                             ).revision.questions[number - 1]
                choice = next(c for c in question.choices if c.is_correct == right)
            phone.locator(f'button[name="choice"][value="{choice.id}"]').click()
            phone.locator("#live-answered").wait_for()
        # The count of answers follows by itself (the script), in words.
        projector.get_by_text("3 answers").wait_for(timeout=WAIT)
        assert projector.locator(".live-choices li.right").count() == 0
        if number == 1:
            screenshot(projector, "live-projector-question")
            screenshot(phones["lea"], "live-phone-question")
        press("Reveal the answer")
        projector.locator(".live-choices li.right").wait_for(timeout=WAIT)
        assert projector.locator("#passage").count() == 1
        lea, tom = phones["lea"], phones["tom"]
        lea.locator(".badge.right").wait_for(timeout=WAIT)
        (tom.locator(".badge.right") if tom_right else tom.locator(".badge.wrong")).wait_for(
            timeout=WAIT)
        phones["sam"].locator(".badge.wrong").wait_for(timeout=WAIT)
        assert lea.locator("#passage").count() == 1
        # The passage, the point of the reveal, on the 1080-pixel screen without scrolling.
        passage = projector.locator("#passage").bounding_box()
        assert passage and passage["y"] + passage["height"] <= 1080, passage
        if number == 1:
            screenshot(projector, "live-projector-reveal")
            screenshot(lea, "live-phone-reveal")
            # Lea's phone slept: reloaded, it finds the session where it is, her answer in it.
            lea.reload()
            assert lea.locator(".badge.right").count() == 1
            lea.evaluate("window.liveSamePage = true")
    # Two questions, each answered and revealed: the phones never loaded their page again.
    for phone in phones.values():
        assert phone.evaluate("window.liveSamePage === true")

    play_out(app, teacher)
    press("End the live quiz")
    projector.get_by_role("heading", name="Podium").wait_for(timeout=WAIT)
    assert "Léa Dupont" in projector.locator(".live-podium .place-1").inner_text()
    screenshot(projector, "live-projector-podium")
    for phone in phones.values():
        phone.get_by_role("link", name="See my answers").wait_for(timeout=WAIT)
    # Over: the pages ask nothing more (a class left on the podium costs nothing).
    asked: list[str] = []
    for page in (phones["tom"], projector):
        page.on("request", lambda request: asked.append(request.url)
                if "state.json" in request.url else None)
    phones["tom"].wait_for_timeout(1500)  # five turns of LIVE_POLL
    assert asked == []
    with app.app_context():
        scores = {u: s for u, s in db.session.execute(
            sa.select(User.username, Attempt.score).join(Attempt.user))}
    assert scores == {"lea": 2, "tom": 1, "sam": 0}
    for page in (teacher, projector, *phones.values()):
        page.context.close()


def test_a_poll_answering_during_the_teachers_post_does_not_abort_it(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    """The teacher's Next reaches the server, which moves the session on; the answer is slow to
    come back. The page's poll meanwhile sees the new state: it must not reload the page, which
    would abort the request under way (the CI failure of stop 31, and on a phone an answer
    lost). Here the answer is held back long enough for several polls."""
    app.config["LIVE_POLL"] = 0.2
    teacher_id = users.make("prof", "Mme Martin", role="teacher")
    with app.app_context():
        teacher = db.session.get(User, teacher_id)
        room = create_class(teacher, "4e B", "2026-2027")
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        session_id = start_session(teacher, room, quiz).id
    page = browser.new_context().new_page()
    browser_auth.log_in("prof", page=page)
    page.goto(f"{live_server}/teacher/live/{session_id}")
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(f"{request.method} {request.url}"))

    def held_back(route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        response = route.fetch(max_redirects=0)  # the server has moved the session on
        time.sleep(1.5)  # seven polls of 0.2 s
        route.fulfill(response=response)

    page.route(re.compile(r"/teacher/live/\d+$"), held_back)
    page.get_by_role("button", name="First question").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.locator("#live-prompt").wait_for(timeout=WAIT)
    assert failed == []
    page.context.close()


def class_playing_live(app: Flask, users, username: str, name: str,
                       **options: object) -> tuple[int, int, str]:
    """Mme Martin's class 4e B with one student, and a live session of the seed quiz started
    with `options` (start_session's): the teacher's id, the session's id and code. Phones
    poll every 0.3 s."""
    app.config["LIVE_POLL"] = 0.3
    teacher_id = users.make("prof", "Mme Martin", role="teacher")
    student_id = users.make(username, name)
    with app.app_context():
        teacher = db.session.get_one(User, teacher_id)
        room = create_class(teacher, "4e B", "2026-2027")
        join_class(db.session.get_one(User, student_id), room.join_code)
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        session = start_session(teacher, room, quiz, **options)  # type: ignore[arg-type]
        return teacher_id, session.id, session.code


def phone_joined(browser, browser_auth, live_server: str, username: str, code: str, *,
                 french: bool = False, clock: bool = False):
    """A 375-px phone of `username`, logged in, that joined the live quiz `code` and waits
    for its first question (`clock`: the page's timers and Date installed, to move on)."""
    phone = browser.new_context(viewport={"width": 375, "height": 812},
                                locale="fr-FR" if french else "en-US").new_page()
    if clock:
        phone.clock.install()
    browser_auth.log_in(username, page=phone)
    phone.goto(f"{live_server}/live?code={code}")
    phone.get_by_role("button", name="Rejoindre le quiz en direct" if french
                      else "Join the live quiz").click()
    phone.locator(".live-wait").wait_for()
    return phone


def test_a_guest_and_a_student_play_a_question(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    """Guests allowed: a phone without an account scans the QR code's address, types a
    nickname and plays beside a student; both follow in place, the guest's nickname on the
    projector's standings."""
    _teacher_id, session_id, code = class_playing_live(app, users, "lea", "Léa Dupont",
                                                       guests_allowed=True)
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        question = quiz.revision.questions[0]
        right = next(c.id for c in question.choices if c.is_correct)
        wrong = next(c.id for c in question.choices if not c.is_correct)
    control = browser.new_context().new_page()
    browser_auth.log_in("prof", page=control)
    control.goto(f"{live_server}/teacher/live/{session_id}/projector")
    join_url = control.locator(".live-join-url").inner_text()
    assert join_url.endswith(f"/live/guest?code={code}")
    guest = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    guest.goto(join_url)
    guest.get_by_label("Your nickname").fill("Invité Malin")
    guest.get_by_role("button", name="Join as a guest").click()
    guest.get_by_text("You play as a guest (Invité Malin)").wait_for()
    student = browser.new_context(viewport={"width": 375, "height": 812}).new_page()
    browser_auth.log_in("lea", page=student)
    student.goto(f"{live_server}/live?code={code}")
    student.get_by_role("button", name="Join the live quiz").click()
    student.locator(".live-wait").wait_for()
    control.goto(f"{live_server}/teacher/live/{session_id}")

    def press(label: str) -> None:
        control.get_by_role("button", name=label).focus()
        with control.expect_navigation():
            control.keyboard.press("Enter")
        control.wait_for_load_state()

    press("First question")
    for phone, choice in ((guest, right), (student, wrong)):
        phone.locator(f'button[name="choice"][value="{choice}"]').click()  # in place
        phone.locator("#live-answered").wait_for(timeout=WAIT)
    press("Reveal the answer")
    guest.locator(".badge.right").wait_for(timeout=WAIT)
    student.locator(".badge.wrong").wait_for(timeout=WAIT)
    assert "position 1 of 2" in guest.locator(".live-rank").inner_text()
    assert "Invité Malin" in control.locator(".live-top").inner_text()
    play_out(app, control)
    press("End the live quiz")
    guest.get_by_text("You played as a guest: no attempt is stored for you.").wait_for(
        timeout=WAIT)
    student.get_by_role("link", name="See my answers").wait_for(timeout=WAIT)
    with app.app_context():
        assert [a.user.username for a in db.session.scalars(sa.select(Attempt))] == ["lea"]
    for page in (control, guest, student):
        page.context.close()


def test_a_phone_says_too_late_when_the_countdown_ends(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    """The countdown reaches 0 s on a phone that has not answered: the choices give way to
    « Too late » by themselves (they stayed, a tap then refused). The phone's clock is moved
    on past the 10 minutes of the countdown, whatever the machine's speed (the server's
    answer to a late tap: tests/test_live_pages.py)."""
    teacher_id, session_id, code = class_playing_live(app, users, "zoe", "Zoé", countdown=600)
    phone = phone_joined(browser, browser_auth, live_server, "zoe", code, french=True,
                         clock=True)  # the page's timers and Date, moved on below
    with app.app_context():
        live.control(session_id, teacher_id, "next")
    phone.locator("button.live-choice").first.wait_for(timeout=WAIT)
    assert "Trop tard" not in phone.locator("#live-now").inner_text()
    phone.clock.fast_forward("10:05")
    phone.get_by_text("Trop tard : le temps de cette question est écoulé.").wait_for(
        timeout=WAIT)
    assert phone.locator("button.live-choice").count() == 0
    screenshot(phone, "live-too-late-375-fr")
    phone.context.close()


def test_a_tap_that_finds_no_connection_is_sent_again_by_itself(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    """A Wi-Fi blip as a student taps: the phone says the answer is not sent yet, and sends
    it again by itself once the connection is back (the tap was dropped, the buttons given
    back as if untouched, and the reveal said « You did not answer »)."""
    teacher_id, session_id, code = class_playing_live(app, users, "hugo", "Hugo")
    phone = phone_joined(browser, browser_auth, live_server, "hugo", code, french=True)
    with app.app_context():
        live.control(session_id, teacher_id, "next")
    choice = phone.locator("button.live-choice").first
    choice.wait_for(timeout=WAIT)
    tapped = choice.inner_text()
    offline = {"on": True}

    def blip(route) -> None:  # noqa: ANN001
        if offline["on"] and route.request.method == "POST":
            route.abort("internetdisconnected")
        else:
            route.continue_()

    phone.route(re.compile(r"/live/\d+$"), blip)
    choice.click()
    unsent = phone.locator("#live-now .live-unsent")
    unsent.wait_for(timeout=WAIT)
    assert unsent.inner_text().startswith("Pas encore envoyée\u00a0: pas de connexion.")
    # Said once by the page's live region (a line shown is not always read out).
    phone.locator("#live-announce", has_text="Pas encore envoyée").wait_for(state="attached",
                                                                          timeout=WAIT)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(LiveAnswer)) == 0
    # A pause and the quiz going on meanwhile: the question is drawn again each time, the tap
    # still waiting to be sent (the review found a new drawing forgot it).
    for action in ("pause", "resume"):
        phone.evaluate("document.querySelector('#live-now > [data-part]').dataset.old = '1'")
        with app.app_context():
            live.control(session_id, teacher_id, action)
        phone.wait_for_function("() => !document.querySelector('#live-now > [data-part]')"
                                ".dataset.old", timeout=WAIT)
        assert unsent.is_visible()
        assert phone.locator("button.live-choice").first.is_disabled()
    offline["on"] = False
    phone.locator("#live-answered").wait_for(timeout=WAIT)
    assert tapped in phone.locator("#live-answered").inner_text()
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(LiveAnswer)) == 1
    phone.context.close()


def test_a_phone_keeps_the_focus_and_says_what_changed(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    """A screen reader's user on a phone: after a tap, the focus is on « Your answer: … »
    (it was lost with the button); the next question takes the focus on its prompt; the
    answer group is named after the question; with the focus elsewhere (the header), a pause
    is said by the page's live region and the focus stays where it was."""
    teacher_id, session_id, code = class_playing_live(app, users, "lea", "Léa")
    phone = phone_joined(browser, browser_auth, live_server, "lea", code)
    with app.app_context():
        live.control(session_id, teacher_id, "next")
        first, second = (q.prompt for q in live.questions(
            db.session.get_one(LiveSession, session_id))[:2])
    choice = phone.locator("button.live-choice").first
    choice.wait_for(timeout=WAIT)
    assert phone.get_by_role("group", name=f"Your answer to: {first}").is_visible()
    choice.focus()
    phone.keyboard.press("Enter")
    phone.locator("#live-answered").wait_for(timeout=WAIT)
    assert phone.evaluate("document.activeElement.id") == "live-answered"

    with app.app_context():
        live.control(session_id, teacher_id, "reveal")
        live.control(session_id, teacher_id, "next")
    phone.get_by_role("heading", name=second).wait_for(timeout=WAIT)
    phone.locator("h2.live-prompt:focus").wait_for(timeout=WAIT)
    said = phone.evaluate("document.activeElement.textContent")
    assert said.replace("\u00a0", " ") == second.replace("\u00a0", " ")  # typography's spaces

    phone.locator("header a, header button").first.focus()  # elsewhere: the header
    with app.app_context():
        live.control(session_id, teacher_id, "pause")
    phone.locator("#live-announce", has_text="Paused: answer when the quiz goes on.").wait_for(
        state="attached", timeout=WAIT)
    assert phone.evaluate("!!document.activeElement.closest('header')")
    phone.context.close()


def test_the_teachers_page_says_when_everyone_has_answered_and_when_time_is_up(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    """A blind teacher drives the quiz: the counts of the control page change silently, so
    its live region says once that everyone who joined has answered, and once that the
    countdown is over — when to reveal. (The page's clock is moved on past the 10 minutes.)"""
    teacher_id, session_id, code = class_playing_live(app, users, "lea", "Léa", countdown=600)
    phone = phone_joined(browser, browser_auth, live_server, "lea", code)
    control = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    control.clock.install()
    browser_auth.log_in("prof", page=control)
    with app.app_context():
        live.control(session_id, teacher_id, "next")
    control.goto(f"{live_server}/teacher/live/{session_id}")
    region = control.locator("#live-announce")
    assert region.get_attribute("role") == "status" and region.inner_text() == ""
    phone.locator("button.live-choice").first.click(timeout=WAIT)
    phone.locator("#live-answered").wait_for(timeout=WAIT)
    control.clock.run_for(2000)  # its next polls
    control.locator("#live-announce", has_text="Everyone who joined has answered.").wait_for(
        state="attached", timeout=WAIT)
    control.clock.fast_forward("10:05")
    control.locator("#live-announce", has_text="Time is up for this question.").wait_for(
        state="attached", timeout=WAIT)
    phone.context.close()
    control.context.close()


def test_after_each_move_the_teachers_next_move_is_one_tab_away(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    """The teacher's page comes back at its buttons after First question, Reveal…: one Tab
    reaches the next move (it took thirteen, through the header and the code line)."""
    _teacher_id, session_id, _code = class_playing_live(app, users, "lea", "Léa")
    control = browser.new_context().new_page()
    browser_auth.log_in("prof", page=control)
    control.goto(f"{live_server}/teacher/live/{session_id}")
    for move, then in (("First question", "Reveal the answer"),
                       ("Reveal the answer", "Next question")):
        control.get_by_role("button", name=move).focus()
        with control.expect_navigation():
            control.keyboard.press("Enter")
        control.get_by_role("button", name=then).wait_for()
        control.keyboard.press("Tab")
        assert control.evaluate("document.activeElement.textContent") == then
    control.context.close()
