"""A French teacher pastes a quiz written in LibreOffice (no-break spaces before colons,
« – » bullets, curly and French quotes, French field names) and publishes it."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Quiz
from tests.support import screenshot

LIBREOFFICE = Path(__file__).resolve().parents[1] / "data" / "libreoffice-fr.md"


def test_a_french_teacher_pastes_a_libreoffice_file_and_publishes_it(
        live_server: str, browser, app: Flask, users, browser_auth) -> None:
    users.make("prof", "Mme Martin", role="teacher")
    text = LIBREOFFICE.read_text(encoding="utf-8")
    assert "\u00a0:" in text and "\u2013 [x]" in text and "«\u00a0" in text and "’" in text
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    try:
        browser_auth.log_in("prof", page=page)
        page.get_by_role("link", name="Gérer les quiz").first.click()
        page.get_by_role("link", name="Importer un fichier de questions").click()
        # The upload page leads to the French guide, its template and glossary, and back.
        page.get_by_role("link", name="Comment écrire un fichier de questions").click()
        page.get_by_role("heading", name="Écrire un quiz\u00a0: le guide des fichiers de "
                         "questions").wait_for()
        assert page.get_by_role("heading", name="Le modèle à copier").is_visible()
        assert page.get_by_role("heading", name="Glossaire").is_visible()
        page.go_back()
        page.get_by_label("…ou collez son texte").focus()
        page.keyboard.insert_text(text)  # what a paste does: the text arrives as one input
        page.get_by_label("Adresse du quiz (pour un texte collé)").fill("budget-pistes")
        page.get_by_role("button", name="Vérifier et enregistrer").click()
        page.wait_for_url(f"{live_server}/teacher/quizzes/budget-pistes")
        assert page.locator("#status").inner_text() == "brouillon"
        page.get_by_role("button", name="Publier", exact=True).click()
        page.locator("#status").get_by_text("publié").wait_for()
        screenshot(page, "french-libreoffice-published")
        with app.app_context():
            quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "budget-pistes"))
            assert quiz.status == "published"
            questions = quiz.current_revision.questions
            assert len(questions) == 5
            # What the teacher typed is kept as typed (the narrow no-break space before ?).
            assert questions[0].prompt.endswith("voté\u202f?")
    finally:
        context.close()
