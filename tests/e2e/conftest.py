"""Browser tests: the app served on 127.0.0.1 by a thread, driven in Debian's Chromium; the
`browser_auth` fixture logs in and registers through the forms. Screenshots: tests.support.

`page.wait_for_function` takes a function ("() => window.scrollY > 300"), never a bare
expression: Playwright evaluates an expression anew on each poll with `eval`, which the app's
Content-Security-Policy (no 'unsafe-eval') refuses once the first check has failed, so such a
wait passes or fails with the machine's speed."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from flask import Flask

from tests.support import PASSWORD, served


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which(
        "chromium-browser")


@pytest.fixture
def live_server(app: Flask, demo_quizzes: None) -> Iterator[str]:
    # A live phone's poll is held until the session moves (quiz/live_feed.py): at most 2 s
    # here, so that the server stops soon after a test that leaves phones open (it waits for
    # the requests in the app: tests/support.py, served()).
    app.config["LIVE_HOLD"] = 2.0
    with served(app) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("Chromium is not installed: run `apt-get install chromium` (Debian) or set "
                    "CHROMIUM_PATH to a Chromium binary; .ci/run installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


class BrowserActions:
    """`browser_auth.log_in(...)`, `browser_auth.register(...)` on the live server, in the
    `page` fixture or the page given as `page=` (then no `page` fixture is opened)."""

    def __init__(self, live_server: str, request: pytest.FixtureRequest) -> None:
        self._live_server = live_server
        self._request = request

    def _page(self, page):
        return page if page is not None else self._request.getfixturevalue("page")

    def log_in(self, username: str, *, page=None) -> None:
        """Log in through the login form, whatever the interface's language."""
        page = self._page(page)
        page.goto(f"{self._live_server}/login")
        page.locator("#username").fill(username)
        page.locator("#password").fill(PASSWORD)
        page.locator("main form [type=submit]").click()
        page.wait_for_url(lambda url: "/login" not in url)

    def register(self, display_name: str, username: str, *, page=None) -> None:
        """Create an account through the registration form; the student lands on the quiz
        list."""
        page = self._page(page)
        page.goto(f"{self._live_server}/register")
        page.get_by_label("Display name").fill(display_name)
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password", exact=True).fill("un mot de passe")
        page.get_by_label("Password again").fill("un mot de passe")
        page.get_by_role("button", name="Create my account").click()
        page.get_by_text(f"Welcome, {display_name}!").wait_for()
        # The text shows before the page's deferred scripts ran (menu.js folds the header):
        # a test measuring the page right after read it unfolded, 109 px high (CI, stop 36).
        page.wait_for_load_state()


@pytest.fixture
def browser_auth(live_server: str, request: pytest.FixtureRequest) -> BrowserActions:
    return BrowserActions(live_server, request)
