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
        page.wait_for_function("n => document.getElementById('save-status').textContent"
                               ".includes('(' + n + ' of 12)')", arg=number)
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
    page.wait_for_function("() => document.getElementById('save-status')"
                           ".textContent.includes('(4 of 12)')", timeout=10000)
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
        tab.wait_for_function("n => document.getElementById('save-status').textContent"
                              ".includes('(' + n + ' of 12)')", arg=answered)

    choose(page, 1, questions[0][1], 1)
    choose(page, 2, questions[1][1], 2)
    choose(older, 3, questions[2][2], 3)  # the older tab knows nothing of questions 1 and 2
    page.reload()
    assert page.locator("#quiz-progress").inner_text() == "Answered 3 of 12"
    older.close()
