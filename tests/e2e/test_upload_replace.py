"""A teacher pastes another article under the address of a quiz students have: the page says
which quiz is there and saves nothing until the teacher agrees (tests/test_upload_replace.py
for the rules)."""

from __future__ import annotations

from flask import Flask

from tests.support import QUESTIONS, SEED_QUIZ, screenshot

VELO = (QUESTIONS / "exemple-velo-ecole.md").read_text(encoding="utf-8")
SEED_TITLE = "Russie et Corée du Nord ratifient un traité de défense mutuelle"
VELO_TITLE = "Une ville ouvre des « rues aux écoles » pour aller en classe à vélo"
RETITLED = "La ville de Montval ferme ses rues aux voitures"


def test_the_replace_question_is_read_and_answered_on_a_laptop_and_a_phone(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    users.make("prof", "Mme Martin", role="teacher")
    # Each round replaces the quiz at the seed's address: the laptop's the seed, the phone's
    # the laptop's (a file with another title).
    rounds = ((1280, "en-GB", VELO, SEED_TITLE, VELO_TITLE, "Replace “{}” with this file",
               "Nothing is saved yet"),
              (375, "fr-FR", VELO.replace(VELO_TITLE, RETITLED), VELO_TITLE, RETITLED,
               "Remplacer “{}” par ce fichier", "Rien n’est encore enregistré"))
    for width, language, text, there, saved, button, warning in rounds:
        context = browser.new_context(viewport={"width": width, "height": 800}, locale=language)
        page = context.new_page()
        try:
            browser_auth.log_in("prof", page=page)
            page.goto(f"{live_server}/teacher/quizzes/upload")
            page.locator("#text").fill(text)
            page.locator("#slug").fill(SEED_QUIZ)
            page.locator("#upload-form [type=submit]").click()
            panel = page.locator("#replace-check")
            panel.wait_for()
            said = panel.inner_text().replace("\xa0", " ")  # French spaces by « » : ; ? !
            assert warning in said and there in said
            # Focused by its autofocus, a step after it is shown (a busy CI machine asked
            # before): waited for, then read.
            page.wait_for_function("() => document.activeElement.id === 'replace-check'",
                                   timeout=5000)
            assert page.evaluate("() => document.activeElement.id") == "replace-check"
            box = panel.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
            assert page.evaluate("() => document.documentElement.scrollWidth") <= width
            assert page.locator("#text").input_value() == text  # the text waits in the box
            label = page.locator("#agree").inner_text()  # the red button: it agrees
            assert label.replace("\xa0", " ") == button.format(there)
            screenshot(page, f"upload-replace-{width}-{language[:2]}")
            page.locator("#agree").click()
            page.wait_for_url(f"{live_server}/teacher/quizzes/{SEED_QUIZ}")
            assert saved in page.locator("h1").inner_text().replace("\xa0", " ")
        finally:
            context.close()
