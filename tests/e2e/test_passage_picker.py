"""A teacher picks a question's source passage by selecting it in the article."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Quiz
from tests.e2e.a11y import MARKED_WORDS
from tests.support import SEED_QUIZ, screenshot

SELECT_TEXT = """(wanted) => {
  const walker = document.createTreeWalker(document.getElementById("picker-article"),
                                           NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const at = walker.currentNode.data.indexOf(wanted);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(walker.currentNode, at);
      range.setEnd(walker.currentNode, at + wanted.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
  }
  return false;
}"""


def test_teacher_selects_the_passage_in_the_article(live_server: str, page, app: Flask, users,
                                                    browser_auth) -> None:
    users.make("prof", "Mme Martin", role="teacher")
    browser_auth.log_in("prof")
    page.goto(f"{live_server}/teacher/quizzes/{SEED_QUIZ}/questions/promesse-de-trump/edit")
    # The passage as saved is marked in the article, scrolled into view in its pane (beside the
    # form: the article scrolls on its own).
    saved = page.locator("#picker-article mark")
    assert saved.evaluate(MARKED_WORDS) == ("lui qui a promis la fin de la guerre en Ukraine, "
                                            "en 24 heures")
    assert page.locator(".editor-article").evaluate("pane => pane.scrollTop") > 0
    assert saved.evaluate("""mark => {
        const pane = mark.closest(".editor-article").getBoundingClientRect();
        const r = mark.getBoundingClientRect();
        return r.top >= pane.top && r.bottom <= pane.bottom; }""")

    page.get_by_role("button", name="Use the selected text").click()
    assert (page.locator("#selection-status").inner_text()
            == "Select some words in the article first.")
    wanted = "pourrait toutefois avoir un fort impact"
    assert page.evaluate(SELECT_TEXT, wanted)
    page.get_by_role("button", name="Use the selected text").click()
    assert page.locator("#passage").input_value() == wanted
    screenshot(page, "passage-picker-1280")
    # The right answer's list follows the choices as they are typed (choice-labels.js).
    first = page.locator("#choice_0")
    was = first.input_value()
    option = page.locator("#correct option").first
    assert option.inner_text() == f"Choice 1: {was}"
    first.fill("Une autre réponse")
    assert option.inner_text() == "Choice 1: Une autre réponse"
    first.fill("Un prix de 5 $& plus")  # "$&" is text, not a pattern of String.replace
    assert option.inner_text() == "Choice 1: Un prix de 5 $& plus"
    first.fill("")
    assert option.inner_text() == "Choice 1"
    first.fill(was)
    page.get_by_role("button", name="Save the question").click()
    page.get_by_text("Question saved (version 2).").wait_for()
    mark = page.locator("#q-promesse-de-trump mark")
    assert mark.evaluate(MARKED_WORDS) == wanted
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        assert f"Passage: {wanted}\n" in quiz.current_revision.source_text
