"""Every page, in English and French, on a phone and a laptop (and the boards on a projector):
a screenshot to look at, axe-core's accessibility audit (no violation of any impact; on the
phone, and at laptop width for the forms sent back with errors), no
sideways scrolling on a phone, no interface string left in English on a French page; and what
axe does not see (tests/e2e/a11y.py): field borders, the highlighted passage and the dyslexia
defaults, names that say where they lead, tables' titles and row headers, the projector in a
lit room, text spacing at 320 px in French. Forms sent back with errors are pages too: their
error summary has the focus and links to each field, and the title says so.

Screenshots land in test-artifacts/pages/<language>-<width>/ (not committed).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from babel.messages.pofile import read_po
from flask import Flask
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from quiz.articles import import_source
from quiz.database import write_transaction
from quiz.drafting import REVIEW_NOTE
from quiz.extensions import db
from quiz.jobs import job_queue
from quiz.models import CLASSES, LiveSession, Quiz, User, utcnow
from quiz.services import live
from quiz.services.attempts import (
    load_questions,
    save_answers,
    start_attempt,
    submit_attempt,
)
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.importer import import_items, prepare_text
from tests.e2e.a11y import (
    CUT_TEXT,
    ERROR_SUMMARY,
    FIELD_BORDERS,
    FOOTER_AND_HEADINGS,
    READING,
    SAME_NAMES,
    TABLES,
    TEXT_SPACING,
    TEXT_SPACING_OFF,
    UNIQUE_IDS,
)
from tests.e2e.a11y import (
    LIVE_PROJECTOR as LIVE_PROJECTOR_ROOM,
)
from tests.e2e.a11y import (
    PROJECTOR as PROJECTOR_ROOM,
)
from tests.support import ARTICLES, SEED_QUIZ, screenshot, shared_between_passes

ROOT = Path(__file__).resolve().parents[2]
FOCUS_ON_SUMMARY = ("() => document.activeElement !== null"
                    " && document.activeElement.classList.contains('error-summary')")
AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
CATALOGUE = ROOT / "quiz" / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
ENGLISH_SAMPLE = "sample-plastic-free-school-meals"
DRAFTS_QUIZ = "drafts-to-review"
OPENS_LATER = "opens-next-week"
CORRECTED_QUIZ = "right-answer-corrected"
PHONE, LAPTOP, PROJECTOR = (375, 812), (1280, 800), (1920, 1080)
SMALLEST = 320  # WCAG 1.4.10 and 1.4.12: text spacing on a 320 px screen
# Responses that are not pages: files, JSON for the projector's script.
NOT_PAGES = {"static", "boards.board_json", "teacher.scores_csv", "teacher.quiz_download",
             "teacher.quiz_export", "teacher.quiz_drafting_status", "teacher.gradebook_csv",
             "teacher.gradebook_xlsx", "teacher.live_state", "student.live_state",
             "auth.account_data", "auth.form_token"}
DRAFTING_QUIZ, FAILED_QUIZ = "drafting-under-way", "escuela-teruel"

RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""
# Elements sticking out of the phone's screen (what makes the page scroll sideways).
TOO_WIDE = """() => {
  if (document.documentElement.scrollWidth <= window.innerWidth + 1) return null;
  const clipped = el => {
    for (let up = el.parentElement; up; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const culprits = Array.from(document.querySelectorAll('body *'))
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(el));
  if (!culprits.length) return ['scrollWidth ' + document.documentElement.scrollWidth];
  return culprits.slice(-3).map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '')
      + ' ' + Math.round(el.getBoundingClientRect().right) + 'px');
}"""
# The page's interface text: content in another language than the page's is left out.
INTERFACE_TEXT = """() => {
  const copy = document.body.cloneNode(true);
  const own = document.documentElement.lang;
  copy.querySelectorAll('[lang]').forEach(el => { if (el.lang !== own) el.remove(); });
  copy.querySelectorAll('script, .visually-hidden').forEach(el => el.remove());
  return copy.innerText + ' ' + Array.from(document.querySelectorAll(
      '[aria-label], [title], [placeholder]')).map(el => [el.getAttribute('aria-label'),
      el.getAttribute('title'), el.getAttribute('placeholder')].join(' ')).join(' ');
}"""


def english_phrases() -> list[str]:
    """Interface phrases (2 words or more) whose French differs: they must not show in French."""
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle, locale="fr")
    phrases = set()
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for msgid in ids:
            for piece in re.split(r"%\(\w+\)s|\{\w+\}", msgid or ""):
                piece = piece.strip(" .,:;!?()«»—-")
                if len(piece.split()) >= 2 and not any(piece in s for s in strings):
                    phrases.add(piece)
    return sorted(phrases)


def build_school(app: Flask, users) -> dict[str, object]:
    """A teacher, a class of six with accented and long names, assigned quizzes and scores."""
    users.make("prof", "Mme Martin", role="teacher")
    users.make("prof2", "M. Nouveau", role="teacher")  # no class yet
    users.make("newcomer", "Zoé")  # no class, no attempt yet
    reset = users.make("reset", "Jules")  # a teacher gave him a temporary password
    names = ["Léa Martin", "Anne-Sophie Delacroix-Vanderbeken", "Mathéo", "Inès Benali",
             "Noé", "Chloé Lefèvre"]
    for n, name in enumerate(names):
        users.make(f"eleve{n}", name)
    with app.app_context():
        by_name = {u.username: u for u in db.session.scalars(sa.select(User))}
        with write_transaction():
            db.session.get_one(User, reset).must_change_password = True
        room = create_class(by_name["prof"], "4e B — Histoire-géographie", "2026-2027")
        for n in range(len(names)):
            join_class(by_name[f"eleve{n}"], room.join_code)
        seed = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        english = db.session.scalar(sa.select(Quiz).where(Quiz.slug == ENGLISH_SAMPLE))
        soon = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
        assign_quiz(room, seed, None, soon, "best")
        assign_quiz(room, english, None, None, "first")
        seed_results = {}
        for n in range(len(names)):
            attempt = start_attempt(by_name[f"eleve{n}"], seed)
            questions = load_questions(attempt.revision_id)
            submit_attempt(attempt, {  # right for the first n + 4 questions, then wrong
                q.id: next(c.id for c in q.choices if c.is_correct == (i < n + 4))
                for i, q in enumerate(questions)})
            seed_results[n] = attempt.id
        results = start_attempt(by_name["eleve1"], english)
        english_qs = load_questions(results.revision_id)
        submit_attempt(results, {  # the last question wrong: a mistake to review and retry
            q.id: next(c.id for c in q.choices if c.is_correct == (i < len(english_qs) - 1))
            for i, q in enumerate(english_qs)})
        # A draft quiz whose first question waits for review, as drafting leaves it.
        text = (ROOT / "questions" / f"{ENGLISH_SAMPLE}.md").read_text(encoding="utf-8")
        text = text.replace("\nType:", f"\nReview: {REVIEW_NOTE}\nType:", 1)
        import_items([prepare_text(DRAFTS_QUIZ, text, f"{DRAFTS_QUIZ}.md")],
                     by_name["prof"], publish_new=False)
        # Drafting under way (no worker runs here: it stays queued), and a drafting that failed.
        import_items([prepare_text(DRAFTING_QUIZ, text, f"{DRAFTING_QUIZ}.md"),
                      prepare_text(FAILED_QUIZ, import_source(
                          (ARTICLES / "es-sin-idioma.html").read_bytes(), "es.html",
                          language="es").text, f"{FAILED_QUIZ}.md")],
                     by_name["prof"], publish_new=False)
        queue = job_queue(app)
        for slug in (FAILED_QUIZ, DRAFTING_QUIZ):
            queue.start_drafting(db.session.scalars(sa.select(Quiz).where(Quiz.slug == slug))
                                 .one(), by_name["prof"], 10)
            if slug == FAILED_QUIZ:
                queue.run_pending()  # the Spanish article: refused
        # For the class only, opening next week: its page says when, and nothing more.
        later_text = re.sub(r"^# .*$", "# School canteens: the plastic ban, one year on",
                            text.replace(f"\nReview: {REVIEW_NOTE}", ""), count=1, flags=re.M)
        import_items([prepare_text(OPENS_LATER, later_text, f"{OPENS_LATER}.md")],
                     by_name["prof"], visibility=CLASSES)
        assign_quiz(room, db.session.scalars(sa.select(Quiz).where(Quiz.slug == OPENS_LATER))
                    .one(), dt.datetime.now(dt.UTC) + dt.timedelta(days=7), None, "best")
        # Its version 2: one explanation changed (the version's page lists it, field by field).
        import_items([prepare_text(OPENS_LATER, later_text.replace(
            "Explanation: The article says the petition was started by a group of Year 9 pupils.",
            "Explanation: A group of Year 9 pupils started the petition, the article says."),
            f"{OPENS_LATER}.md")], by_name["prof"], visibility=CLASSES)
        # A right answer corrected after two attempts (a teacher's own, to list it nowhere
        # else): the regrade page lists the change, one score up, one down.
        velo_text = (ROOT / "questions" / "exemple-velo-ecole.md").read_text(encoding="utf-8")
        import_items([prepare_text(CORRECTED_QUIZ, velo_text, f"{CORRECTED_QUIZ}.md")],
                     by_name["prof"], visibility=CLASSES)
        corrected = db.session.scalars(sa.select(Quiz).where(Quiz.slug == CORRECTED_QUIZ)).one()
        for who, right in (("prof", True), ("prof2", False)):
            attempt = start_attempt(by_name[who], corrected)
            submit_attempt(attempt, {
                q.id: next(c.id for c in q.choices if c.is_correct == (right or i > 0))
                for i, q in enumerate(load_questions(attempt.revision_id))})
        import_items([prepare_text(CORRECTED_QUIZ, velo_text.replace(
            "- [ ] Dix minutes\n- [x] Trente minutes", "- [x] Dix minutes\n- [ ] Trente minutes"),
            f"{CORRECTED_QUIZ}.md")], by_name["prof"], visibility=CLASSES)
        in_progress = start_attempt(by_name["eleve1"], seed)
        first_two = load_questions(in_progress.revision_id)[:2]
        save_answers(in_progress, {q.id: q.choices[0].id for q in first_two})  # autosaved
        # Practice mode on the quiz no class was given: one answer given, explained.
        velo = db.session.scalar(sa.select(Quiz).where(Quiz.slug == "exemple-velo-ecole"))
        practice = start_attempt(by_name["eleve1"], velo, practice=True)
        practised = load_questions(practice.revision_id)[0]
        save_answers(practice, {practised.id: practised.choices[0].id}, once=True)
        seed_question = load_questions(seed.current_revision_id)[0]
        # Live quizzes in each of their states: students joining, a question open (half the
        # class answered), its answer revealed, and over (the podium; each student's answers
        # an attempt: at the bike quiz, whose attempts no other page here lists).
        sessions = {}
        for state in ("joining", "revealed", "ended", "open"):
            session = live.start_session(by_name["prof"], room, velo, countdown=(
                600 if state == "open" else None))
            for n in range(len(names)):
                live.join(session, by_name[f"eleve{n}"])
            if state != "joining":
                session = live.control(session.id, session.teacher_id, "next")
                question = live.current_question(session)
                for n in range(len(names) if state != "open" else 3):
                    if state == "open" and n == 1:
                        continue  # eleve1's phone: the question still to answer
                    live.answer(session.id, by_name[f"eleve{n}"].id, question.id,
                                question.choices[n % len(question.choices)].id)
            if state in ("revealed", "ended"):
                session = live.control(session.id, session.teacher_id, "reveal")
            if state == "ended":
                session = live.control(session.id, session.teacher_id, "end")
            sessions[state] = session.id
            # A class plays one live quiz at a time: each one shown here but the last (open:
            # the students' home says it is on), left open since the morning, lets the next
            # one start.
            if state != "open":
                with write_transaction():
                    db.session.execute(
                        sa.update(LiveSession).where(LiveSession.id == session.id)
                        .values(created_at=utcnow()
                                - dt.timedelta(hours=live.LIVE_NOW_HOURS + 1)))
        return {"live": sessions,"class_id": room.id, "student_id": by_name["eleve1"].id,
                "results": results.id, "in_progress": in_progress.id,
                "results_before_due": seed_results[1],
                "practice": practice.id, "practised_key": practised.key,
                "passage_key": load_questions(results.revision_id)[0].key,
                "question_key": seed_question.key}


def pages(ids: dict[str, object]) -> list[tuple[str, str, str]]:
    """(name, who, path) of every page; `who` is the account it is seen with."""
    c, s, live = ids["class_id"], ids["student_id"], ids["live"]
    assert isinstance(live, dict)
    return [
        ("login", "anonymous", "/login"),
        ("accessibility", "anonymous", "/accessibility"),
        ("site-map", "teacher", "/site-map"),
        ("register", "anonymous", "/register"),
        ("home", "student", "/"),
        ("quiz-overview", "student", f"/quizzes/{SEED_QUIZ}"),
        ("quiz-opens-later", "student", f"/quizzes/{OPENS_LATER}"),
        ("quiz", "student", f"/attempts/{ids['in_progress']}"),
        ("practice", "student", f"/attempts/{ids['practice']}"),
        ("practice-feedback", "student",
         f"/attempts/{ids['practice']}?after={ids['practised_key']}"),
        ("results", "student", f"/attempts/{ids['results']}"),
        ("retry", "student", f"/attempts/{ids['results']}/retry"),
        # Due in three days: the score and marks, not yet the answers (review options).
        ("results-before-due", "student", f"/attempts/{ids['results_before_due']}"),
        ("passage", "student", f"/attempts/{ids['results']}/passages/{ids['passage_key']}"),
        ("history", "student", "/history"),
        ("catalogue", "student", "/quizzes"),
        ("join", "student", "/classes/join"),
        ("account", "student", "/account"),
        ("new-password", "reset", "/account/password"),
        ("board", "student", f"/classes/{c}/board"),
        ("quiz-board", "student", f"/classes/{c}/board/{SEED_QUIZ}"),
        ("quiz-boards", "student", f"/classes/{c}/boards"),
        ("projector", "teacher", f"/classes/{c}/projector"),
        ("quiz-projector", "teacher", f"/classes/{c}/projector/{SEED_QUIZ}"),
        ("live-join", "student", "/live"),
        ("live-guest", "anonymous", "/live/guest?code=ABCDEF"),
        ("live-projector-join", "teacher", f"/teacher/live/{live['joining']}/projector"),
        ("live-projector-question", "teacher", f"/teacher/live/{live['open']}/projector"),
        ("live-projector-reveal", "teacher", f"/teacher/live/{live['revealed']}/projector"),
        ("live-projector-podium", "teacher", f"/teacher/live/{live['ended']}/projector"),
        ("live-control", "teacher", f"/teacher/live/{live['open']}"),
        ("live-control-reveal", "teacher", f"/teacher/live/{live['revealed']}"),
        ("live-phone-wait", "student", f"/live/{live['joining']}"),
        ("live-phone-question", "student", f"/live/{live['open']}"),
        ("live-phone-reveal", "student", f"/live/{live['revealed']}"),
        ("live-phone-end", "student", f"/live/{live['ended']}"),
        ("teacher-home", "teacher", "/teacher/"),
        ("class", "teacher", f"/teacher/classes/{c}"),
        ("class-students", "teacher", f"/teacher/classes/{c}/students"),
        ("class-live", "teacher", f"/teacher/classes/{c}/live"),
        ("insight", "teacher", f"/teacher/classes/{c}/quizzes/{SEED_QUIZ}/insight"),
        ("insight-question", "teacher",
         f"/teacher/classes/{c}/quizzes/{SEED_QUIZ}/insight/nom-du-traite"),
        ("student-progress", "teacher", f"/teacher/classes/{c}/students/{s}"),
        ("new-students", "teacher", f"/teacher/classes/{c}/students/new"),
        ("rename-class", "teacher", f"/teacher/classes/{c}/name"),
        # Before the due date: the teacher sees the right answers the student does not yet.
        ("student-attempt", "teacher",
         f"/teacher/classes/{c}/students/{s}/attempts/{ids['results_before_due']}"),
        ("quizzes", "teacher", "/teacher/quizzes"),
        ("upload", "teacher", "/teacher/quizzes/upload"),
        ("guide", "teacher", "/teacher/guide"),
        ("quiz-manage", "teacher", f"/teacher/quizzes/{SEED_QUIZ}"),
        # A draft left: Publish and Publish and assign disabled, with the reason; who will
        # see it, chosen beside Publish.
        ("quiz-manage-drafts", "teacher", f"/teacher/quizzes/{DRAFTS_QUIZ}"),
        ("quiz-version", "teacher", f"/teacher/quizzes/{SEED_QUIZ}/versions/1"),
        ("quiz-version-changes", "teacher", f"/teacher/quizzes/{OPENS_LATER}/versions/2"),
        ("regrade", "teacher", f"/teacher/quizzes/{CORRECTED_QUIZ}/regrade"),
        ("student-view", "teacher", f"/teacher/quizzes/{SEED_QUIZ}/student-view"),
        ("handout", "teacher", f"/teacher/quizzes/{SEED_QUIZ}/handout"),
        ("question-edit", "teacher",
         f"/teacher/quizzes/{SEED_QUIZ}/questions/{ids['question_key']}/edit"),
        ("question-new", "teacher", f"/teacher/quizzes/{SEED_QUIZ}/questions/new"),
        ("article-import", "teacher", "/teacher/quizzes/article"),
        ("drafts", "teacher", f"/teacher/quizzes/{DRAFTS_QUIZ}/drafts"),
        ("drafting-under-way", "teacher", f"/teacher/quizzes/{DRAFTING_QUIZ}/drafts"),
        ("drafting-failed", "teacher", f"/teacher/quizzes/{FAILED_QUIZ}/drafts"),
        ("assign", "teacher", f"/teacher/quizzes/{SEED_QUIZ}/assign"),
        # Drafts left: it says why it cannot be done, and where to review them.
        ("assign-blocked", "teacher", f"/teacher/quizzes/{DRAFTS_QUIZ}/assign"),
        ("home-empty", "newcomer", "/"),
        ("history-empty", "newcomer", "/history"),
        ("teacher-home-empty", "new-teacher", "/teacher/"),
        ("not-found", "student", "/quizzes/no-such-quiz"),
        ("forbidden", "student", "/teacher/"),
        ("server-error", "student", "/__fail"),
    ]


def form_errors(ids: dict[str, object],
                ) -> list[tuple[str, str, str, str, dict[str, str | None]]]:
    """(name, who, path, submit button, fields to fill (None: to click)) of forms sent back
    with errors."""
    c, s = ids["class_id"], ids["student_id"]
    return [
        ("register-errors", "anonymous", "/register", "main form [type=submit]",
         {"#password": "short"}),
        ("login-errors", "anonymous", "/login", "main form [type=submit]", {}),
        ("join-errors", "student", "/classes/join", "main form [type=submit]", {}),
        ("live-join-errors", "student", "/live", "main form #submit", {}),
        ("live-guest-errors", "anonymous", "/live/guest", "main form [type=submit]", {}),
        ("account-errors", "student", "/account", "#password-submit", {"#password": "short"}),
        # The account's deletion step opened, sent empty: nothing deleted, the step open.
        ("account-delete-errors", "student", "/account", "#delete-account-submit",
         {"#delete-account-open": None}),
        ("new-password-errors", "reset", "/account/password", "main form [type=submit]", {}),
        ("teacher-home-errors", "teacher", "/teacher/", "main form [type=submit]", {}),
        ("class-errors", "teacher", f"/teacher/classes/{c}", "#submit", {}),
        ("student-progress-errors", "teacher", f"/teacher/classes/{c}/students/{s}",
         "#submit", {"#display_name": ""}),
        ("upload-errors", "teacher", "/teacher/quizzes/upload", "main form[enctype] [type=submit]",
         {}),
        # A file with errors: its text in the editor, each error beside its line.
        ("upload-problems", "teacher", "/teacher/quizzes/upload",
         "main form[enctype] [type=submit]",
         {"#text": "# A title\n\nno questions here\n", "#slug": "a-title"}),
        ("article-import-errors", "teacher", "/teacher/quizzes/article",
         "main form [type=submit]", {}),
        ("question-new-errors", "teacher", f"/teacher/quizzes/{SEED_QUIZ}/questions/new",
         "main form [type=submit]", {}),
        ("assign-errors", "teacher", f"/teacher/quizzes/{SEED_QUIZ}/assign", "#assign-submit",
         {"#max_attempts": "0"}),
        # The draft's fields open with a click on its Edit (None: click, not fill).
        ("drafts-errors", "teacher", f"/teacher/quizzes/{DRAFTS_QUIZ}/drafts", "#save-review",
         {f"#edit-{ids['passage_key']}": None, f"#{ids['passage_key']}-prompt": ""}),
    ]


# What the browser shows (the page tests read every page on both databases): English in the
# SQLite pass, French in the PostgreSQL pass when it runs beside it, else both in the SQLite pass.
@pytest.mark.parametrize("language", [
    pytest.param("en", marks=shared_between_passes(in_postgresql_pass=False)),
    pytest.param("fr", marks=shared_between_passes(in_postgresql_pass=True))])
def test_every_page_is_translated_accessible_and_fits_a_phone(
        live_server: str, browser, app: Flask, language: str, users, browser_auth) -> None:
    def fail() -> None:
        raise RuntimeError("a server error, for the 500 page")

    app.add_url_rule("/__fail", "fail", fail)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    ids = build_school(app, users)
    listed = pages(ids)
    adapter = app.url_map.bind("localhost")
    covered = {adapter.match(path.split("?")[0])[0] for _n, _w, path in listed
               if path != "/__fail"}
    every_page = {r.endpoint for r in app.url_map.iter_rules()
                  if "GET" in r.methods and r.endpoint not in NOT_PAGES | {"fail"}}
    assert not every_page - covered, f"pages with no screenshot: {every_page - covered}"

    phrases = english_phrases() if language == "fr" else []
    locale = {"en": "en-GB", "fr": "fr-FR"}[language]
    contexts = {}
    for who, username in (("anonymous", None), ("student", "eleve1"), ("teacher", "prof"),
                          ("newcomer", "newcomer"), ("new-teacher", "prof2"),
                          ("reset", "reset")):
        width, height = LAPTOP
        context = browser.new_context(locale=locale,
                                      viewport={"width": width, "height": height})
        contexts[who] = context.new_page()
        if username:
            browser_auth.log_in(username, page=contexts[who])

    report, serious, overflow, untranslated, beyond_axe = [], [], [], [], []
    error_form_names = {name for name, *_rest in form_errors(ids)}

    def audit(name: str, page, width: int) -> None:
        """axe-core once per page, on the phone (its rules but target sizes do not depend on
        the width, and the phone is where targets are smallest; the header's links, folded
        under Menu there, are audited open on the forms' pages at laptop width below); the
        checks beyond axe at laptop width."""
        if width == PHONE[0] or name in error_form_names:
            violations = page.evaluate(RUN_AXE)
            counts = {impact: sum(v["impact"] == impact for v in violations)
                      for impact in ("critical", "serious", "moderate", "minor")}
            report.append(f"{language} {width:>4} {name:<17} " + " ".join(
                f"{k}={v}" for k, v in counts.items()) + "  " + " ".join(
                sorted({v["id"] for v in violations})))
            serious.extend(f"{name} @{width}: {v['impact']} {v['id']} — {v['help']} "
                           f"{v['targets']}" for v in violations)
        if width == LAPTOP[0]:
            checks = [FIELD_BORDERS, READING, FOOTER_AND_HEADINGS, SAME_NAMES, TABLES,
                      UNIQUE_IDS]
            for check in checks:
                beyond_axe.extend(f"{name}: {p}" for p in page.evaluate(check))

    def spaced_out(name: str, page) -> None:
        """WCAG 1.4.12 at 320 px: the reader's spacing applies and nothing spills out."""
        page.set_viewport_size({"width": SMALLEST, "height": PHONE[1]})
        if page.evaluate(TEXT_SPACING) == "normal":
            beyond_axe.append(f"{name}: the reader's text spacing was refused")
        wide = page.evaluate(TOO_WIDE) or []
        beyond_axe.extend(f"{name} with text spacing at {SMALLEST} px: {p}"
                          for p in wide + page.evaluate(CUT_TEXT))
        page.evaluate(TEXT_SPACING_OFF)

    for name, who, path in listed:
        page = contexts[who]
        on_screen = "board" in name or "projector" in name
        sizes = [PHONE, LAPTOP] + ([PROJECTOR] if on_screen else [])
        # Loaded once, at the phone's width, then seen at each width by resizing the window (as
        # a tablet turned round: the pages' scripts follow the width, quiz-panes.js included).
        page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
        page.goto(live_server + path)  # waits for "load": the page and its files
        assert page.evaluate("document.documentElement.lang") == language, name
        if name == "handout":  # printed in its quiz's language (the seed quiz: French)
            assert page.locator(".handout-sheet").get_attribute("lang") == "fr"
        page.evaluate(AXE)  # axe-core, and its helpers for the checks beyond axe
        for width, height in sizes:
            page.set_viewport_size({"width": width, "height": height})
            screenshot(page, f"pages/{language}-{width}/{name}")
            if width == PHONE[0]:
                wide = page.evaluate(TOO_WIDE)
                if wide:
                    overflow.append(f"{name}: {wide}")
            if width in (PHONE[0], LAPTOP[0]):
                audit(name, page, width)
            if width == PHONE[0] and language == "fr":
                spaced_out(name, page)
            if width == PROJECTOR[0] and name in ("projector", "quiz-projector"):
                beyond_axe.extend(f"{name}: {p}" for p in page.evaluate(PROJECTOR_ROOM))
            if width == PROJECTOR[0] and name.startswith("live-projector"):
                beyond_axe.extend(f"{name}: {p}" for p in page.evaluate(LIVE_PROJECTOR_ROOM))
            if width == LAPTOP[0] and phrases:
                text = page.evaluate(INTERFACE_TEXT)
                untranslated += [f"{name}: {p!r}" for p in phrases if p in text]

    title_word = {"en": "Error", "fr": "Erreur"}[language]
    for name, who, path, submit, values in form_errors(ids):
        page = contexts[who]
        # At one width (CI's time): the pages around the forms are seen at both above.
        page.set_viewport_size({"width": LAPTOP[0], "height": LAPTOP[1]})
        page.goto(live_server + path)
        page.evaluate("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)")
        for selector, value in values.items():
            if value is None:
                page.locator(selector).click()
            else:
                page.locator(selector).fill(value)
        with page.expect_navigation():
            page.locator(submit).click()
        # The browser gives an autofocus element the focus at its next rendering, which can
        # come after the navigation has finished (a busy CI machine: « focus on BODY »): wait
        # for it — a page that never gives it is still reported by ERROR_SUMMARY below.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(FOCUS_ON_SUMMARY, timeout=10_000)
        screenshot(page, f"pages/{language}-{LAPTOP[0]}/{name}")
        page.evaluate(AXE)
        beyond_axe.extend(f"{name}: {p}" for p in page.evaluate(ERROR_SUMMARY, title_word))
        audit(name, page, LAPTOP[0])
        if language == "fr":
            spaced_out(name, page)
    for context_page in contexts.values():
        context_page.context.close()
    print("\naxe-core violations per page (impact counts):\n" + "\n".join(report))
    assert not serious, "accessibility problems found by axe-core:\n" + "\n".join(serious)
    assert not overflow, "pages wider than a 375 px phone:\n" + "\n".join(overflow)
    assert not untranslated, "English left on French pages:\n" + "\n".join(untranslated)
    assert not beyond_axe, "accessibility problems axe does not see:\n" + "\n".join(beyond_axe)
