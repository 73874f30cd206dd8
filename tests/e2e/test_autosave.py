"""Autosave in Chromium: answers chosen come back after a reload; a lost connection is shown
and the save is tried again until it is stored."""

from __future__ import annotations

import re

from flask import Flask

from tests.e2e.test_take_quiz import right_and_wrong_choices
from tests.support import ARTIFACTS


def test_answers_survive_a_reload_and_a_dropped_connection(
        live_server: str, page, app: Flask, browser_auth) -> None:
    browser_auth.register("Léa M.", "lea")
    page.locator(".card", has_text="Russie et Corée du Nord").get_by_role(
        "button", name="Start").click()
    page.get_by_role("heading", name="Questions").wait_for()
    questions = right_and_wrong_choices(app)
    status = page.locator("#save-status")

    def choose(number: int, text: str) -> None:
        prompt = questions[number - 1][0]
        page.get_by_role("group", name=re.compile(re.escape(prompt))).get_by_label(
            text, exact=True).check()

    for number in (1, 2, 3):
        choose(number, questions[number - 1][1])
        _saved(page, number)
    assert status.get_attribute("data-state") == "saved"

    page.reload()  # the page comes back with the three answers chosen
    assert page.locator("#quiz-progress").inner_text() == "Answered 3 of 12"
    assert "3 of 12 answers saved" in status.inner_text()

    # What a screen reader hears (the live region #save-said), from here on.
    page.evaluate("""() => {
      const said = document.getElementById('save-said');
      window.heard = [];
      new MutationObserver(() => window.heard.push(said.textContent))
        .observe(said, {childList: true, characterData: true, subtree: true});
    }""")
    choose(3, questions[2][2])  # an answer changed, saved as usual: nothing said
    page.wait_for_function("() => document.getElementById('save-status')"
                           ".getAttribute('data-state') === 'saved'")
    page.context.set_offline(True)  # the phone loses the school's Wi-Fi
    choose(4, questions[3][2])
    page.wait_for_function("() => document.getElementById('save-status')"
                           ".getAttribute('data-state') === 'retrying'")
    assert "no connection" in status.inner_text()
    page.wait_for_timeout(3500)  # tried again after 1 s and 2 s: still said once
    heard = page.evaluate("() => window.heard")
    assert len(heard) == 1 and "no connection" in heard[0], heard
    page.set_viewport_size({"width": 375, "height": 812})  # on a phone, where it is answered
    assert status.is_visible() and status.bounding_box()["y"] < 812  # in sight, at the top
    page.screenshot(path=str(ARTIFACTS / "autosave-offline-375.png"))
    page.context.set_offline(False)  # back: the waiting save goes through by itself
    _saved(page, 4, timeout=10000)
    heard = page.evaluate("() => window.heard")  # and saving again, once
    assert len(heard) == 2 and "(4 of 12)" in heard[1], heard

    page.reload()
    assert page.locator("#quiz-progress").inner_text() == "Answered 4 of 12"
    prompt, _right, wrong = questions[3]
    assert page.get_by_role("group", name=re.compile(re.escape(prompt))).get_by_label(
        wrong, exact=True).is_checked()


def test_a_tab_left_open_never_overwrites_newer_answers(
        live_server: str, page, app: Flask, browser_auth) -> None:
    """Two tabs (or a laptop and a phone) on one attempt: each sends only what was chosen in
    it, so the older page does not undo the other's answers."""
    browser_auth.register("Léa M.", "lea")
    page.locator(".card", has_text="Russie et Corée du Nord").get_by_role(
        "button", name="Start").click()
    page.get_by_role("heading", name="Questions").wait_for()
    older = page.context.new_page()
    older.goto(page.url)  # opened now, before any answer
    questions = right_and_wrong_choices(app)

    def choose(tab, number: int, text: str, answered: int) -> None:
        prompt = questions[number - 1][0]
        tab.get_by_role("group", name=re.compile(re.escape(prompt))).get_by_label(
            text, exact=True).check()
        _saved(tab, answered)

    choose(page, 1, questions[0][1], 1)
    choose(page, 2, questions[1][1], 2)
    choose(older, 3, questions[2][2], 3)  # the older tab knows nothing of questions 1 and 2
    # Its line counts the 3 saved beside its own 1 answer: it says where the others are.
    assert ("Some were chosen on another device: reload the page to see them here."
            in older.locator("#save-status").inner_text())
    assert "Some were chosen" not in page.locator("#save-status").inner_text()
    page.reload()
    assert page.locator("#quiz-progress").inner_text() == "Answered 3 of 12"
    older.close()


def _start(page, browser_auth) -> None:
    browser_auth.register("Léa M.", "lea")
    page.locator(".card", has_text="Russie et Corée du Nord").get_by_role(
        "button", name="Start").click()
    page.get_by_role("heading", name="Questions").wait_for()


def _choose(tab, questions, number: int, text: str) -> None:
    prompt = questions[number - 1][0]
    tab.get_by_role("group", name=re.compile(re.escape(prompt))).get_by_label(
        text, exact=True).check()


def _saved(tab, count: int, timeout: float | None = None) -> None:
    """Wait until the save line says ``count`` of the 12 answers are stored."""
    tab.wait_for_function("n => document.getElementById('save-status').textContent"
                          ".includes('(' + n + ' of 12)')", arg=count, timeout=timeout)


def _submitted(tab) -> str:
    """Press Submit; the score the results page shows."""
    tab.get_by_role("button", name="Submit my answers").click()
    tab.locator("#score").wait_for()
    return tab.locator("#score").inner_text()


def _changed_on_a_phone(page, questions):
    """Question 1 answered right on `page` (the laptop), then changed to a wrong answer on a
    second tab of the attempt (the phone), both stored; the phone's tab."""
    _choose(page, questions, 1, questions[0][1])
    _state(page, "saved")
    phone = page.context.new_page()
    phone.goto(page.url)
    _choose(phone, questions, 1, questions[0][2])
    _state(phone, "saved")
    return phone


def _state(tab, wanted: str) -> None:
    tab.wait_for_function("s => document.getElementById('save-status')"
                          ".getAttribute('data-state') === s", arg=wanted, timeout=10000)


def test_submitting_without_a_connection_sends_nothing_and_loses_nothing(
        live_server: str, page, app: Flask, browser_auth) -> None:
    """The Wi-Fi drops while the last answers are chosen; Submit is pressed: the page stays,
    says why, and once the connection is back every answer is stored and graded."""
    _start(page, browser_auth)
    questions = right_and_wrong_choices(app)
    for number in range(1, 10):
        _choose(page, questions, number, questions[number - 1][1])
    _state(page, "saved")
    page.context.set_offline(True)
    for number in (10, 11, 12):
        _choose(page, questions, number, questions[number - 1][2])  # three wrong, not stored
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_function("() => document.getElementById('save-status').textContent"
                           ".startsWith('Not submitted')")
    assert "/attempts/" in page.url and page.locator("#answer-form").is_visible()
    page.wait_for_timeout(2500)  # tried again meanwhile: still said not submitted
    assert page.locator("#save-status").inner_text().startswith("Not submitted")
    page.context.set_offline(False)
    _saved(page, 12, timeout=15000)
    # Stored, and said not handed in yet: the student's tap is theirs to make again.
    assert "Not submitted yet: press “Submit my answers”." in page.locator(
        "#save-status").inner_text()
    assert _submitted(page) == "9\u00a0/\u00a012"


def test_save_for_later_without_a_connection_says_it_saved_nothing(
        live_server: str, page, app: Flask, browser_auth) -> None:
    """Offline, « Save for later » sends nothing and says so — of a save, not of a submission
    the student did not make; the page stays with the choices."""
    _start(page, browser_auth)
    questions = right_and_wrong_choices(app)
    _choose(page, questions, 1, questions[0][1])
    _state(page, "saved")
    page.context.set_offline(True)
    _choose(page, questions, 2, questions[1][1])
    page.get_by_role("button", name="Save for later, without submitting").click()
    page.wait_for_function("() => document.getElementById('save-status').textContent"
                           ".startsWith('Not saved: no connection.')")
    assert "submit" not in page.locator("#save-status").inner_text().split(".")[0].lower()
    assert "/attempts/" in page.url and page.locator("#answer-form").is_visible()
    page.context.set_offline(False)
    _saved(page, 2, timeout=15000)


def test_a_double_tap_on_submit_submits_once_without_a_warning(
        live_server: str, page, app: Flask, browser_auth) -> None:
    _start(page, browser_auth)
    questions = right_and_wrong_choices(app)
    for number in range(1, 13):
        _choose(page, questions, number, questions[number - 1][1])
    _state(page, "saved")
    attempt = page.url
    posts = []
    page.on("request", lambda request: posts.append(request.url)
            if request.method == "POST" and request.url == attempt else None)
    # A phone on a slow network: the second tap comes while the first is on its way.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 1500, "downloadThroughput": -1, "uploadThroughput": -1})
    page.evaluate("""() => {
      const button = document.querySelector('#answer-form [type=submit]:not([formaction])');
      button.click();
      setTimeout(() => button.click(), 300);
    }""")
    page.locator("#score").wait_for()
    assert page.locator("#score").inner_text() == "12\u00a0/\u00a012"
    assert len(posts) == 1, posts
    assert "already submitted" not in page.content()


def test_the_latest_answer_of_two_devices_is_the_one_graded(
        live_server: str, page, app: Flask, browser_auth) -> None:
    """The laptop answers question 1; the phone opens the attempt and changes it; the laptop,
    still showing its first answer, finishes and submits: the phone's answer is graded."""
    _start(page, browser_auth)
    questions = right_and_wrong_choices(app)
    _changed_on_a_phone(page, questions).close()
    for number in range(2, 13):
        _choose(page, questions, number, questions[number - 1][1])
    _state(page, "saved")
    assert _submitted(page) == "11\u00a0/\u00a012"


def test_save_for_later_on_an_older_page_never_undoes_another_devices_answer(
        live_server: str, page, app: Flask, browser_auth) -> None:
    """The laptop answers question 1; the phone changes it; the laptop, still showing its first
    answer, answers question 2 and presses « Save for later »: the phone's answer stays, the
    laptop's question 2 is stored, and the page says it is saved, not submitted."""
    _start(page, browser_auth)
    questions = right_and_wrong_choices(app)
    phone = _changed_on_a_phone(page, questions)
    _choose(page, questions, 2, questions[1][1])  # not stored yet when the button is pressed
    page.get_by_role("button", name="Save for later, without submitting").click()
    page.get_by_text("Saved, not submitted yet (2 of 12 answers)").wait_for()
    phone.reload()
    first = phone.get_by_role("group", name=re.compile(re.escape(questions[0][0])))
    assert first.get_by_label(questions[0][2], exact=True).is_checked()
    second = phone.get_by_role("group", name=re.compile(re.escape(questions[1][0])))
    assert second.get_by_label(questions[1][1], exact=True).is_checked()
    phone.close()


def test_submit_after_save_for_later_and_back_submits(
        live_server: str, page, app: Flask, browser_auth) -> None:
    """« Save for later » sends the form to its own address; the page then shown again from the
    browser's history (back-forward cache) submits with « Submit my answers », not saves."""
    _start(page, browser_auth)
    questions = right_and_wrong_choices(app)
    for number in range(1, 13):
        _choose(page, questions, number, questions[number - 1][1])
    _saved(page, 12)
    # The page as the browser keeps it when it leaves for the save (its form sent, held
    # here), then shows it again from its history.
    page.evaluate("""() => { window.__sent = HTMLFormElement.prototype.submit;
                             HTMLFormElement.prototype.submit = function () {}; }""")
    page.get_by_role("button", name="Save for later, without submitting").click()
    page.evaluate("""() => { HTMLFormElement.prototype.submit = window.__sent;
        window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true})); }""")
    assert _submitted(page) == "12\u00a0/\u00a012"


def test_logged_in_again_in_another_tab_the_quiz_page_saves_again(
        live_server: str, page, app: Flask, browser_auth) -> None:
    """Logged out on another device, the quiz page says so; logged in again in another tab,
    the next choice is stored (the page's form token is renewed) and the quiz submitted."""
    _start(page, browser_auth)
    questions = right_and_wrong_choices(app)
    _choose(page, questions, 1, questions[0][1])
    _state(page, "saved")
    other = page.context.new_page()
    other.goto(f"{live_server}/account")
    other.locator("#logout-everywhere").click()
    _choose(page, questions, 2, questions[1][1])
    _state(page, "failed")
    assert "you are logged out" in page.locator("#save-status").inner_text()
    other.goto(f"{live_server}/login")
    other.locator("#username").fill("lea")
    other.locator("#password").fill("un mot de passe")  # the one registration chose
    other.locator("main form [type=submit]").click()
    other.wait_for_url(lambda url: "/login" not in url)
    other.close()
    for number in range(2, 13):
        _choose(page, questions, number, questions[number - 1][1])
    _saved(page, 12, timeout=10000)
    assert _submitted(page) == "12\u00a0/\u00a012"


def test_a_save_that_hangs_is_given_up_and_submit_says_so(
        live_server: str, page, app: Flask, browser_auth) -> None:
    """A network that lets nothing through and says nothing: the save is given up after 15 s
    and tried again, and a Submit waiting for it says it was not sent instead of waiting for
    ever; once the network is back, the answers are stored and the quiz submitted."""
    _start(page, browser_auth)
    questions = right_and_wrong_choices(app)
    for number in range(1, 12):
        _choose(page, questions, number, questions[number - 1][1])
    _state(page, "saved")
    held = []
    page.route(re.compile(r".*/attempts/\d+/answers$"),
               lambda route: held.append(route))  # never answered
    _choose(page, questions, 12, questions[11][1])
    page.get_by_role("button", name="Submit my answers").click()
    page.wait_for_function("() => document.getElementById('save-status').textContent"
                           ".startsWith('Not submitted')", timeout=25000)
    page.unroute(re.compile(r".*/attempts/\d+/answers$"))
    _saved(page, 12, timeout=30000)
    assert _submitted(page) == "12\u00a0/\u00a012"


def test_a_tab_of_an_attempt_submitted_elsewhere_says_so_and_shows_its_result(
        live_server: str, page, app: Flask, browser_auth) -> None:
    _start(page, browser_auth)
    questions = right_and_wrong_choices(app)
    other = page.context.new_page()
    other.goto(page.url)
    for number in range(1, 13):
        _choose(other, questions, number, questions[number - 1][1])
    _state(other, "saved")
    other.get_by_role("button", name="Submit my answers").click()
    other.locator("#score").wait_for()
    _choose(page, questions, 1, questions[0][2])  # the older tab: refused, and why
    _state(page, "failed")
    assert "already submitted" in page.locator("#save-status").inner_text()
    assert page.locator("#save-status a").get_attribute("href").endswith(
        page.url.rsplit("/", 1)[1])
    # Readable on the red bar: white as the bar's text (the site's blue was 1.1:1 on it).
    colours = page.locator("#save-status a").evaluate(
        "a => [getComputedStyle(a).color, getComputedStyle(a.parentElement).color]")
    assert colours == ["rgb(255, 255, 255)", "rgb(255, 255, 255)"]
    assert _submitted(page) == "12\u00a0/\u00a012"  # the server says what now
    assert "already submitted" in page.content()


def test_a_save_that_reaches_the_server_late_never_undoes_a_newer_answer(
        live_server: str, page, app: Flask, browser_auth) -> None:
    """Each save names its page and the number of its change: the first save of an answer,
    arriving after the change that replaced it (a request given up on by the script, kept
    by a slow network), leaves the newer answer stored and graded."""
    _start(page, browser_auth)
    questions = right_and_wrong_choices(app)
    sent: list[tuple[str, str]] = []
    page.on("request", lambda request: sent.append((request.url, request.post_data or ""))
            if request.method == "POST" and request.url.endswith("/answers") else None)
    _choose(page, questions, 1, questions[0][2])  # wrong first
    _state(page, "saved")
    _choose(page, questions, 1, questions[0][1])  # then right
    page.wait_for_function("() => document.getElementById('save-status')"
                           ".getAttribute('data-state') === 'saved'")
    page.wait_for_timeout(200)
    assert len(sent) == 2
    pages = [re.search(r'name="page"\r\n\r\n([0-9a-f]+)\r\n', body) for _url, body in sent]
    changes = [re.search(r'name="change"\r\n\r\n(\d+)\r\n', body) for _url, body in sent]
    assert all(pages) and len({m.group(1) for m in pages if m}) == 1  # one page
    assert [int(m.group(1)) for m in changes if m] == [1, 2]
    # The first save again, late, as the browser sent it (same session, same token).
    url, first = sent[0]
    boundary = first.split("\r\n", 1)[0][2:]
    late = page.request.post(url, headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Accept": "application/json"}, data=first.encode())
    assert late.status == 200
    page.reload()
    prompt, right, wrong = questions[0]
    group = page.get_by_role("group", name=re.compile(re.escape(prompt)))
    assert group.get_by_label(right, exact=True).is_checked()
    assert not group.get_by_label(wrong, exact=True).is_checked()
    # Every question answered and saved: the line says it is not handed in yet.
    for number in range(2, 13):
        _choose(page, questions, number, questions[number - 1][1])
    _saved(page, 12, timeout=10000)
    assert page.locator("#save-status").inner_text().endswith(
        "Not submitted yet: press “Submit my answers”.")
    page.reload()
    assert page.locator("#save-status").inner_text().endswith(
        "Not submitted yet: press “Submit my answers”.")
