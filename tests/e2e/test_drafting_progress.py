"""Drafting in the browser: the drafts page shows the job waiting, then, once the worker has
drafted, the drafts — by itself, with JavaScript (it polls the status route) and without (the
page reloads itself)."""

from __future__ import annotations

import re

import pytest
from flask import Flask

from quiz.articles import import_source
from quiz.jobs import job_queue
from quiz.services.importer import import_items, prepare_text
from tests.support import ARTICLES, screenshot


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_the_drafts_page_shows_the_job_then_the_drafts(live_server: str, browser, app: Flask,
                                                        users, browser_auth,
                                                        javascript: bool) -> None:
    users.make("prof", "Mme Martin", role="teacher")
    text = import_source((ARTICLES / "fr-tramway.html").read_bytes(), "tramway.html").text
    with app.app_context():
        import_items([prepare_text("tramway", text, "tramway.md")], publish_new=False)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB",
                                  java_script_enabled=javascript)
    page = context.new_page()
    try:
        browser_auth.log_in("prof", page=page)
        page.goto(f"{live_server}/teacher/quizzes/tramway")
        page.get_by_role("button", name="Draft questions").click()
        page.get_by_text("Waiting for the drafting worker").wait_for()
        status = page.locator("#drafting-status")
        assert status.get_attribute("data-state") == "queued"
        assert page.locator("li.draft").count() == 0
        if javascript:
            screenshot(page, "drafting-under-way-1280")

        assert job_queue(app).run_pending() == 1  # the worker's part, here
        page.locator("#draft-count").wait_for()  # the page came back by itself with them
        added = re.search(r"(\d+) draft questions? added \(version 2\)", status.inner_text())
        assert added and page.locator("li.draft").count() == int(added.group(1)) > 0
        assert status.get_attribute("data-state") == "done"
    finally:
        context.close()
