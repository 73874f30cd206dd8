"""Layout on a 375 px phone in French (and a laptop where said): tables read without sideways
scrolling, long words wrap on every page, the practice page's question line, the projector's
names cut only between words, the quiz page's pinned bar. Screenshots in
test-artifacts/layout/."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from quiz.extensions import db
from quiz.models import Quiz, User
from quiz.services.attempts import load_questions, save_answers, start_attempt, submit_attempt
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.importer import import_items, prepare_text
from tests.support import ARTIFACTS, SEED_QUIZ, screenshot

ROOT = Path(__file__).resolve().parents[2]
PHONE, LAPTOP = (375, 812), (1280, 800)
LONG_WORD = "Classe" + "x" * 74  # 80 characters, no space: a class name as typed
LONG_NAME = "Bénédicte" + "y" * 51  # 60, the longest display name
LONG_TITLE_QUIZ = "long-word-title"

# Elements of the page beyond the right edge of the window (none when nothing scrolls).
# (What a box cuts off, as the column headers kept for screen readers only, is left out;
# what scrolls inside a box of its own is not.)
BEYOND_RIGHT = """() => Array.from(document.querySelectorAll('main *, header *'))
  .filter(el => { const r = el.getBoundingClientRect();
                  if (r.width === 0 || r.right <= window.innerWidth + 1) return false;
                  for (let up = el.parentElement; up; up = up.parentElement) {
                    const o = getComputedStyle(up).overflowX;
                    if (o === 'hidden' || o === 'clip') return false;
                  }
                  return true; })
  .slice(0, 3).map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' '
                   + Math.round(el.getBoundingClientRect().right))"""
# Where a text goes to a new line inside a word: the characters on either side.
# (Elements whose text holds `skip`, when given, are left out.)
CUT_WORDS = """([selector, skip]) => Array.from(document.querySelectorAll(selector))
  .filter(el => !skip || !el.textContent.includes(skip)).flatMap(el => {
  const cuts = [], range = document.createRange();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let before = null;  // within one text: blocks and links start lines of their own
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      const here = {top: box.top, ch: node.data[i]};
      if (before && here.top > before.top + 2 && !/[\\s\\-\\u2010]/.test(before.ch)
          && !/\\s/.test(here.ch))
        cuts.push(before.ch + '|' + here.ch);
      before = here;
    }
  }
  return cuts;
})"""


@pytest.fixture
def school(app: Flask, users) -> dict[str, object]:
    """A class with an 80-character one-word name, a student whose name is one long word, a
    quiz whose title is one long word, attempts to list in every table."""
    users.make("prof", "Mme Martin", role="teacher")
    users.make("eleve", LONG_NAME)
    users.make("tom", "Tom O’Brien")
    users.make("lea", "Léa Müller-Bénédicte")
    users.make("anne", "Anne-Sophie Delacroix-Vanderbeken")
    with app.app_context():
        by_name = {u.username: u for u in db.session.scalars(sa.select(User))}
        text = (ROOT / "questions" / "sample-plastic-free-school-meals.md").read_text(
            encoding="utf-8")
        text = re.sub(r"^# .*$", f"# {LONG_WORD}", text, count=1, flags=re.M)
        import_items([prepare_text(LONG_TITLE_QUIZ, text, f"{LONG_TITLE_QUIZ}.md")],
                     by_name["prof"])
        room = create_class(by_name["prof"], LONG_WORD, "2026-2027")
        for username in ("eleve", "tom", "lea", "anne"):
            join_class(by_name[username], room.join_code)
        seed = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        long_quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == LONG_TITLE_QUIZ))
        # Dates to show in the class page's table: fixed, so that its widths do not depend on
        # the day or the hour the test runs (one open already, one opening later).
        opened, later = (dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC),
                         dt.datetime(2099, 11, 28, 18, 30, tzinfo=dt.UTC))
        assign_quiz(room, seed, opened, later, "best")
        assign_quiz(room, long_quiz, None, None, "best")
        velo = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "exemple-velo-ecole"))
        assign_quiz(room, velo, later - dt.timedelta(days=7), later, "first")
        for n, username in enumerate(("eleve", "tom", "lea")):
            for quiz in (seed, long_quiz):
                attempt = start_attempt(by_name[username], quiz)
                submit_attempt(attempt, {
                    q.id: next(c.id for c in q.choices if c.is_correct == (i < n + 2))
                    for i, q in enumerate(load_questions(attempt.revision_id))})
        # Practice on the bike quiz, its first question answered: the second is true or false.
        practice = start_attempt(by_name["tom"], velo, practice=True)
        velo_questions = load_questions(practice.revision_id)
        assert velo_questions[1].kind == "true_false"
        save_answers(practice, {velo_questions[0].id: velo_questions[0].choices[0].id},
                     once=True)
        in_progress = start_attempt(by_name["lea"], seed)
        first = load_questions(in_progress.revision_id)[0]
        save_answers(in_progress, {first.id: first.choices[0].id})
        return {"class_id": room.id, "student_id": by_name["eleve"].id,
                "practice": practice.id, "in_progress": in_progress.id}


def phone_page(browser, browser_auth, username: str, size: tuple[int, int] = PHONE,
               locale: str = "fr-FR"):
    context = browser.new_context(locale=locale,
                                  viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    browser_auth.log_in(username, page=page)
    return page


def test_long_words_wrap_on_every_page(live_server: str, browser, browser_auth,
                                       school: dict[str, object]) -> None:
    """An 80-character word (class name, quiz title) or a 60-character one (a student's name)
    breaks inside the screen: no page is wider than the phone, the assign page's checkboxes
    keep their size."""
    c, s = school["class_id"], school["student_id"]
    wide = []
    for username, paths in (
            ("prof", ["/teacher/", f"/teacher/classes/{c}", f"/teacher/classes/{c}/students",
                      f"/teacher/classes/{c}/live", f"/teacher/classes/{c}/students/{s}",
                      f"/teacher/quizzes/{SEED_QUIZ}/assign", "/teacher/quizzes",
                      f"/teacher/quizzes/{LONG_TITLE_QUIZ}",
                      f"/teacher/classes/{c}/quizzes/{LONG_TITLE_QUIZ}/insight",
                      f"/classes/{c}/projector"]),
            ("eleve", ["/", "/history", f"/classes/{c}/board", f"/classes/{c}/boards",
                       f"/classes/{c}/board/{LONG_TITLE_QUIZ}", "/quizzes",
                       f"/quizzes/{LONG_TITLE_QUIZ}"])):
        page = phone_page(browser, browser_auth, username)
        for path in paths:
            page.goto(live_server + path)
            html = page.content()
            assert LONG_WORD in html or LONG_NAME in html, path  # something long to wrap
            name = re.sub(r"\W+", "-", path).strip("-") or "home"
            screenshot(page, f"layout/long-words-fr375/{username}-{name}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE[0] or page.evaluate(BEYOND_RIGHT):
                wide.append(f"{path}: {width} px {page.evaluate(BEYOND_RIGHT)}")
            if path.endswith("/assign"):
                box = page.locator(".checks input[type=checkbox]").first.bounding_box()
                assert box and box["width"] >= 19 and box["x"] + box["width"] <= PHONE[0], box
        page.context.close()
    assert not wide, "pages wider than a 375 px phone:\n" + "\n".join(wide)


def test_tables_become_blocks_on_a_phone(live_server: str, browser, browser_auth,
                                         school: dict[str, object]) -> None:
    """Each row a block, each cell named by its column: every cell, and the row's actions,
    within the screen; the column headers are still the table's for a screen reader."""
    c = school["class_id"]
    pages = {username: phone_page(browser, browser_auth, username)
             for username in ("prof", "eleve")}
    for username, path, table, header, action in (
            ("prof", "/teacher/quizzes", "#quizzes", "Statut", "#assign-" + SEED_QUIZ),
            ("prof", f"/teacher/classes/{c}", "table.assignments", "À rendre le",
             "[id^=unassign-]"),
            ("prof", f"/teacher/classes/{c}/students", "table[aria-labelledby=members]",
             "Identifiant",
             "summary.danger"),  # « Retirer », which opens its step
            ("prof", f"/teacher/classes/{c}/quizzes/{SEED_QUIZ}/insight", "#insight",
             "Mauvaise réponse la plus choisie", ".passage-link"),
            ("prof", f"/teacher/classes/{c}/students/{school['student_id']}", "#attempts",
             "Durée", "a"),
            ("eleve", "/history", "#history", "Toutes les tentatives", "[id^=best-]")):
        page = pages[username]
        page.goto(live_server + path)
        screenshot(page, f"layout/tables-fr375/{table.strip('#.').split('[')[0]}-"
                         f"{path.strip('/').split('/')[0]}")
        # Every cell's left and right edges, read in one call (one call a cell took most of
        # the test's time).
        edges = page.eval_on_selector_all(f"{table} tbody th, {table} td", """cells =>
            cells.map(cell => { const box = cell.getBoundingClientRect();
                                return [box.left, box.right]; })""")
        assert len(edges) >= 2, path
        for n, (left, right) in enumerate(edges):
            # (A cell not shown has no width: it fails too.)
            assert 0 <= left < right <= PHONE[0], (path, n, left, right)
        target = page.locator(f"{table} {action}").first
        assert target.is_visible(), (path, action)
        box = target.bounding_box()
        assert box and box["x"] + box["width"] <= PHONE[0], (path, action, box)
        # Each cell says its column's name on screen, the name of the column header.
        first_cell = page.locator(f"{table} td[data-label]").first
        label = first_cell.get_attribute("data-label") or ""
        assert label and label in page.evaluate(
            "el => getComputedStyle(el, '::before').content", first_cell.element_handle())
        assert page.get_by_role("columnheader", name=header).count() == 1, (path, header)
        assert page.locator(table).get_by_role("cell").count() >= 1, path
    for page in pages.values():
        page.context.close()


def test_laptop_tables_fit_their_column_and_action_cells_fill_the_row(
        live_server: str, browser, browser_auth, school: dict[str, object]) -> None:
    """At 1280 px the tables fit the page's column; names of columns, actions and dates are
    not cut inside a word; the actions' cell reaches the bottom of its row (its border too)."""
    page = phone_page(browser, browser_auth, "prof", LAPTOP, "en-GB")
    for path, table in (("/teacher/quizzes", "#quizzes"),
                        (f"/teacher/classes/{school['class_id']}", "table.assignments")):
        page.goto(live_server + path)
        screenshot(page, f"layout/tables-1280/{table.strip('#.')}")
        sizes = page.evaluate("""t => { const el = document.querySelector(t);
            return [el.getBoundingClientRect().width, el.parentElement.clientWidth]; }""", table)
        assert sizes[0] <= sizes[1] + 0.5, (path, sizes)  # clientWidth is rounded
        assert page.evaluate(CUT_WORDS, [f"{table} thead th, {table} td", LONG_WORD]) == []
        # The actions' cell is a cell: its bottom border is the row's.
        bottoms = page.eval_on_selector_all(f"{table} tbody tr", """rows => rows.map(row =>
            [row.getBoundingClientRect().bottom,
             row.querySelector('td.row-actions').getBoundingClientRect().bottom])""")
        assert bottoms, path
        for n, (row, cell) in enumerate(bottoms):
            assert abs(row - cell) < 1.5, (path, n, row, cell)
    page.context.close()


def test_practice_question_line_and_hidden_legend(live_server: str, browser, browser_auth,
                                                  school: dict[str, object]) -> None:
    """« Question 2 sur 12 · Vrai ou faux ? » on one line; « Votre réponse » is for screen
    readers only, and the choices are not boxed twice."""
    page = phone_page(browser, browser_auth, "tom")
    page.goto(f"{live_server}/attempts/{school['practice']}")
    page.locator("button[data-pane=questions]").click()
    screenshot(page, "layout/practice-fr375")
    line = page.locator("p.question-number")
    assert re.fullmatch(r"Question 2 sur \d+ · Vrai ou faux\u00a0\?", line.inner_text().strip())
    line_height = page.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)",
                                line.element_handle())
    assert line.bounding_box()["height"] < 1.5 * line_height  # one line
    legend = page.locator(".choices-group legend")
    assert legend.inner_text().startswith("Votre réponse à\u00a0: ")  # and the question
    box = legend.bounding_box()
    assert box is None or (box["width"] <= 1 and box["height"] <= 1), box
    assert page.evaluate("el => getComputedStyle(el).borderTopStyle",
                         page.locator(".choices-group").element_handle()) == "none"
    page.context.close()


def test_projector_names_break_between_words(live_server: str, browser, browser_auth,
                                             school: dict[str, object]) -> None:
    """On a narrow screen a name goes to the next line between words (or after a hyphen), and
    a word too long for the line ends in an ellipsis: no word is cut in two."""
    page = phone_page(browser, browser_auth, "prof")
    page.goto(f"{live_server}/classes/{school['class_id']}/projector")
    screenshot(page, "layout/projector-fr375")
    names = page.locator("#projector-top .name")
    assert names.count() == 4
    assert page.evaluate(CUT_WORDS, ["#projector-top .name", ""]) == []
    long_one = names.filter(has_text=LONG_NAME[:12])
    assert page.evaluate("el => getComputedStyle(el).textOverflow",
                         long_one.element_handle()) == "ellipsis"
    # Cut short, then: the rest of the row stays on screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]
    page.context.close()


def test_quiz_page_pinned_bar_is_compact(live_server: str, browser, browser_auth,
                                         school: dict[str, object]) -> None:
    """The pane switch, the progress and the save line pinned at the top take under 125 px
    of the phone and leave no gap between them where the cards behind would show."""
    page = phone_page(browser, browser_auth, "lea")
    page.goto(f"{live_server}/attempts/{school['in_progress']}")
    page.locator("button[data-pane=questions]").click()
    page.locator("#save-status").wait_for()
    page.mouse.wheel(0, 900)
    page.wait_for_function("() => window.scrollY > 300")
    page.screenshot(path=str(ARTIFACTS / "layout" / "pinned-bar-fr375.png"))  # the window
    switch = page.locator("#pane-switch").bounding_box()
    bar = page.locator(".quiz-bar").bounding_box()
    assert switch and bar
    assert bar["y"] <= switch["y"] + switch["height"] + 0.5  # no gap under the switch
    assert bar["y"] + bar["height"] <= 125, (switch, bar)
    assert page.locator("#save-status").inner_text().startswith("1 réponse sur")
    page.context.close()


def test_board_names_break_between_words(live_server: str, browser, browser_auth,
                                         school: dict[str, object]) -> None:
    """The class board on a phone: « Anne-Sophie Delacroix-Vanderbeken » goes to the next
    line after a hyphen, not inside « Vanderbeken »; only a word longer than the name's
    column (the 60-letter one) is cut, and the scores stay on screen."""
    page = phone_page(browser, browser_auth, "anne")
    page.goto(f"{live_server}/classes/{school['class_id']}/board")
    screenshot(page, "layout/board-fr375")
    assert page.locator("#board tbody th", has_text="Vanderbeken").count() == 1
    assert page.evaluate(CUT_WORDS, ["#board tbody th", LONG_NAME]) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE[0]
    assert page.evaluate(BEYOND_RIGHT) == []
    # At 320 px too, every column of the overall board and a quiz's is on screen: the table
    # scrolled sideways within itself, its last column cut (« Réus », « pas encore fa »).
    page.set_viewport_size({"width": 320, "height": 640})
    for board in ("board", f"board/{SEED_QUIZ}"):
        page.goto(f"{live_server}/classes/{school['class_id']}/{board}")
        screenshot(page, f"layout/{board.replace('/', '-')}-fr320")
        assert page.locator("#board").evaluate("t => t.scrollWidth <= t.clientWidth"), board
    page.context.close()


def test_practice_feedback_shows_its_question_and_verdict_below_the_pinned_bars(
        live_server: str, browser, browser_auth, users) -> None:
    """On a phone, a wrong answer's feedback (the right answer, the explanation, the passage)
    is taller than the window: the window shows the question asked, whole, below the pane
    switch and the progress pinned at the top (its first lines were under them), and
    « ✗ Incorrect » under it, in sight."""
    users.make("zoe", "Zoé")
    page = phone_page(browser, browser_auth, "zoe")
    page.goto(f"{live_server}/")
    page.locator("#practise-exemple-velo-ecole").first.click()
    page.wait_for_url("**/attempts/*")
    page.locator("button[data-pane=questions]").click()
    with page.expect_navigation():
        page.locator(".choices-group input[type=radio]").last.check()
        page.get_by_role("button", name="Vérifier ma réponse").click()
    # practice.js places the focus once the page has loaded: waited for, not read at once
    page.wait_for_function("() => document.activeElement.id === 'feedback'")
    assert "Incorrect" in page.locator("#feedback .feedback-verdict").inner_text()
    assert page.locator("#feedback").bounding_box()["height"] > PHONE[1] - 125  # it scrolled
    page.screenshot(path=str(ARTIFACTS / "layout" / "practice-wrong-fr375.png"))  # the window
    verdict = page.locator("#feedback .feedback-verdict .badge").bounding_box()
    prompt = page.locator("#practice-prompt").bounding_box()
    bars = [page.locator(s).bounding_box() for s in ("#pane-switch", ".quiz-bar")]
    assert verdict and prompt and bars[0] and bars[1]
    assert prompt["y"] >= max(b["y"] + b["height"] for b in bars if b), (prompt, bars)
    assert verdict["y"] + verdict["height"] <= PHONE[1], verdict
    page.context.close()


def test_the_class_page_gives_its_tables_a_laptops_width(live_server: str, browser, browser_auth,
                                                        school: dict[str, object]) -> None:
    """At 1280 px the class page's seven columns of assigned quizzes use the width the laptop
    has (a 46rem column wrapped a quiz's title over seven lines), its paragraphs keeping a
    readable length."""
    page = phone_page(browser, browser_auth, "prof", size=LAPTOP, locale="en-GB")
    page.goto(f"{live_server}/teacher/classes/{school['class_id']}")
    screenshot(page, "layout/class-page-en1280")
    table = page.locator("table.assignments").bounding_box()
    assert table and table["width"] > 1000, table
    link = page.locator("table.assignments th[scope=row] a", has_text="Russie")
    title = link.bounding_box()
    line = page.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)",
                         link.element_handle())
    assert title and title["height"] < 3.5 * line, (title, line)  # two or three lines at most
    paragraph = page.locator("#gradebook-heading ~ p").first.bounding_box()
    assert paragraph and paragraph["width"] <= 46 * 16 + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= LAPTOP[0]
    page.context.close()


def twelve_questions_open(live_server: str, browser, browser_auth, users,
                          size: tuple[int, int]):
    """Zoé's page of the 12-question French quiz, just started, its questions in view (on a
    phone, the questions pane chosen)."""
    users.make("zoe", "Zoé")
    page = phone_page(browser, browser_auth, "zoe", size)
    page.goto(f"{live_server}/")
    page.locator(".card", has_text="Russie et Corée du Nord").get_by_role(
        "button", name="Commencer").click()
    page.wait_for_url("**/attempts/*")
    if size == PHONE:
        page.locator("button[data-pane=questions]").click()
    return page


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_question_linked_from_the_error_summary_shows_below_the_pinned_bar(
        live_server: str, browser, browser_auth, users, size: tuple[int, int]) -> None:
    """Submitted with three answers of twelve, « Question 4 » in the error summary scrolls to
    that question: its number shows below the progress bar pinned at the top, not under it."""
    page = twelve_questions_open(live_server, browser, browser_auth, users, size)
    for group in page.locator("fieldset.question").all()[:3]:
        group.locator("input[type=radio]").first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer mes réponses").click()
    page.locator("#error-summary a", has_text="Question 4").click()
    page.wait_for_function("() => location.hash.endsWith('-fieldset')")
    # Until the question stands still (a scroll, if any, ended), not for a set time.
    page.wait_for_function("""() => new Promise(done => {
        const top = () => document.querySelector(':target').getBoundingClientRect().top;
        const first = top(); setTimeout(() => done(top() === first), 150);
    })""")
    number = page.locator(":target .question-number").bounding_box()
    bars = [page.locator(s).bounding_box() for s in (".quiz-bar", "#pane-switch")]
    assert number
    assert number["y"] >= max(b["y"] + b["height"] for b in bars if b), (number, bars)
    page.context.close()


def test_the_quiz_page_printed_is_the_answer_key_alone(live_server: str, browser,
                                                       browser_auth, users) -> None:
    """Printed (what the page says to do for the answer key): the article and the questions
    with their answers, not the page's links, buttons, forms or list of versions."""
    users.make("prof", "Mme Martin", role="teacher")
    page = phone_page(browser, browser_auth, "prof", LAPTOP, locale="en-GB")
    page.goto(f"{live_server}/teacher/quizzes/{SEED_QUIZ}")
    page.emulate_media(media="print")
    assert page.locator(".answer-key .key-choices .right").first.is_visible()
    assert page.locator(".answer-key .passage-context").first.is_visible()
    for hidden in ["#revisions", "#versions-heading", "details.outdate", "#publish-area",
                   "a:text('Manage quizzes')", ".answer-key .row-actions", "button"]:
        shown = [n for n in range(page.locator(hidden).count())
                 if page.locator(hidden).nth(n).is_visible()]
        assert not shown, hidden
    page.pdf(path=str(ARTIFACTS / "layout" / "answer-key.pdf"))
    page.context.close()


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_progress_charts_labels_are_readable_on_a_phone(
        live_server: str, browser, browser_auth, school, size: tuple[int, int]) -> None:
    """The chart is drawn in a 600-unit view box scaled to the screen: on a phone its labels
    (100 %, 0 %, the dates), drawn inside it, were about 6 px high. Now beside and under it,
    each percentage on its line."""
    page = phone_page(browser, browser_auth, "tom", size)
    page.goto(f"{live_server}/")
    labels = page.locator(".chart-y span, .chart-x span")
    assert labels.count() == 3  # 100 %, 0 %, the day of Tom's attempts (one day: said once)
    heights = [labels.nth(n).bounding_box()["height"] for n in range(labels.count())]
    assert min(heights) >= 11, heights
    axis, top_line = (page.locator("svg.chart line").nth(n).bounding_box() for n in (0, 1))
    for label, line in ((".chart-top", top_line), (".chart-zero", axis)):
        box = page.locator(label).bounding_box()
        assert abs(box["y"] + box["height"] / 2 - (line["y"] + line["height"] / 2)) < 3, (
            label, box, line)
        assert box["x"] + box["width"] <= page.locator("svg.chart").bounding_box()["x"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= size[0]
    page.context.close()


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_what_an_action_did_shows_where_the_page_opens(
        live_server: str, browser, browser_auth, school, size: tuple[int, int]) -> None:
    """Removing a student brings the class's students back at their list: the message saying
    so (and how to undo it) is shown there, not at the top of the page, out of sight."""
    page = phone_page(browser, browser_auth, "prof", size, locale="en-GB")
    page.goto(f"{live_server}/teacher/classes/{school['class_id']}/students")
    step = page.locator("details.remove-step", has_text="Tom O’Brien")
    step.locator("summary").click()  # one more step, which says what goes
    with page.expect_navigation():
        step.get_by_role("button", name=re.compile(r"^Remove from the class\W+Tom")).click()
    assert page.url.endswith("#members")
    message = page.locator(".flash", has_text="Tom O’Brien was removed from the class")
    box = message.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= size[1], box
    heading = page.locator("#members").bounding_box()
    assert heading and box["y"] < heading["y"] <= size[1]  # just above the list it is about
    page.context.close()


# WCAG 1.4.12's text spacing, as a reader's own style sheet sets it.
TEXT_SPACING = ("* { line-height: 1.5 !important; letter-spacing: 0.12em !important; "
                "word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }")


@pytest.mark.parametrize("size", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_choice_reached_by_the_keyboard_is_never_under_the_pinned_bars(
        live_server: str, browser, browser_auth, users, size: tuple[int, int]) -> None:
    """Going back up the twelve questions answered with Shift+Tab, from « Envoyer mes
    réponses »: each choice (or button) that takes the focus shows whole below the progress
    bar (and, on a phone, the pane switch) pinned at the top — it was scrolled to just under
    them (WCAG 2.4.11)."""
    page = twelve_questions_open(live_server, browser, browser_auth, users, size)
    where = """() => {
            const el = document.activeElement, box = el.getBoundingClientRect();
            const bottoms = [...document.querySelectorAll('.quiz-bar, #pane-switch')]
                .filter(bar => bar.offsetParent !== null)
                .map(bar => bar.getBoundingClientRect().bottom);
            return {inside: !!el.closest('#quiz-questions form'), name: el.name || el.id,
                    top: box.top, bottom: box.bottom, bars: Math.max(...bottoms)};
        }"""
    # Sent with the first question answered: « Question 2 » in the error summary, Tab to
    # its first choice, Shift+Tab back to the first question's choice, just above.
    page.locator("fieldset.question").first.locator("input[type=radio]").first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer mes réponses").click()
    page.locator("#error-summary a", has_text="Question 2").click()
    page.wait_for_function("() => location.hash.endsWith('-fieldset')")
    page.wait_for_function("""() => new Promise(done => {
        const top = () => document.querySelector(':target').getBoundingClientRect().top;
        const first = top(); setTimeout(() => done(top() === first), 150);
    })""")  # until the question stands still
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    focused = page.evaluate(where)
    assert focused["inside"] and focused["top"] >= focused["bars"] - 1, focused
    # Then all answered (going up, the focus lands on each group's first choice, its top),
    # and back up all the questions from the end.
    for group in page.locator("fieldset.question").all():
        group.locator("input[type=radio]").first.check()
    # Once saved (the autosave's line, in the pinned bar, is as tall as it will be).
    page.wait_for_function("() => document.getElementById('save-status')"
                           ".getAttribute('data-state') === 'saved'")
    page.get_by_role("button", name="Envoyer mes réponses").focus()
    reached = set()
    while True:
        page.keyboard.press("Shift+Tab")
        focused = page.evaluate(where)
        if not focused["inside"]:
            break
        reached.add(focused["name"])
        assert focused["top"] >= focused["bars"] - 1, focused
        assert focused["bottom"] <= size[1], focused
    assert len(reached) >= 12, reached  # every question's choices were reached
    page.context.close()


def test_with_a_readers_text_spacing_the_pinned_bars_do_not_overlap(
        live_server: str, browser, browser_auth, school: dict[str, object]) -> None:
    """At 320 px with WCAG's text spacing the pane switch grows taller than its 2.75rem: the
    quiz bar still sits right under it (it slid 22 px beneath, « Réponses données : 1 sur 5 »
    cut), and « Questions » is not broken inside the word."""
    page = phone_page(browser, browser_auth, "lea")
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server}/attempts/{school['in_progress']}")
    page.add_style_tag(content=TEXT_SPACING)
    page.locator("button[data-pane=questions]").click()
    page.mouse.wheel(0, 900)
    page.wait_for_function("() => window.scrollY > 300")
    page.wait_for_timeout(100)  # the bar's new height measured (a ResizeObserver's turn)
    screenshot(page, "layout/text-spacing-quiz-fr320")  # the window: both bars pinned
    label = page.locator("button[data-pane=questions]")
    line = page.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)",
                         label.element_handle())
    assert label.bounding_box()["height"] < 2 * line  # one line of text: the word whole

    def under_the_switch() -> tuple[dict, dict]:
        switch = page.locator("#pane-switch").bounding_box()
        bar = page.locator(".quiz-bar").bounding_box()
        assert switch and bar and abs(bar["y"] - (switch["y"] + switch["height"])) <= 1, (
            switch, bar)
        return switch, bar

    under_the_switch()
    # Larger letters still (a reader's own style): the switch grows past its 2.75rem, and
    # the quiz bar follows it down.
    page.add_style_tag(content=".pane-switch .button { font-size: 2.2rem !important; }")
    page.wait_for_timeout(100)  # the new height measured (a ResizeObserver's turn)
    switch, _bar = under_the_switch()
    assert switch["height"] > 60
    page.context.close()


def test_in_high_contrast_the_chosen_pane_still_shows(live_server: str, browser, browser_auth,
                                                     school: dict[str, object]) -> None:
    """Forced colours take away the chosen pane's dark background: it is underlined and
    framed instead, and the other is not."""
    page = phone_page(browser, browser_auth, "lea")
    page.emulate_media(forced_colors="active")
    page.goto(f"{live_server}/attempts/{school['in_progress']}")
    page.locator("button[data-pane=questions]").click()
    decoration = "el => getComputedStyle(el).textDecorationLine"
    assert page.evaluate(decoration, page.locator(
        "button[data-pane=questions]").element_handle()) == "underline"
    assert page.evaluate(decoration, page.locator(
        "button[data-pane=article]").element_handle()) == "none"
    screenshot(page, "layout/forced-colors-quiz-375")
    page.context.close()


def test_escape_closes_the_menu_only_from_the_menu(live_server: str, browser, browser_auth,
                                                   school: dict[str, object]) -> None:
    page = phone_page(browser, browser_auth, "lea")
    page.goto(f"{live_server}/")
    page.locator("#menu-button").click()
    page.locator("#main a").first.focus()  # out of the menu, into the page
    page.keyboard.press("Escape")
    assert page.evaluate("!!document.activeElement.closest('#main')")
    page.locator("#site-nav a").first.focus()
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "menu-button"
    assert page.locator("#menu-button").get_attribute("aria-expanded") == "false"
    page.context.close()
