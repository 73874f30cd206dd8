"""Hostile text is shown as text on every page, for every role that sees it (issue 17).

HTML, attribute breakers and spreadsheet formulas are stored through the app's own forms and
services — a class name and school year, a quiz's title, header, article, questions, choices,
explanations, passages, an outdated note and a review note, and display names that pass the
display-name rules — then every GET route of the URL map is requested, as each role that can
see it, with the ids that show that text: student pages, teacher pages, boards, the
projector, board.json, the CSV of scores, the question file and the Moodle exports. A GET
route this file does not request fails test_every_get_route_is_requested_or_skipped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape
from openpyxl import load_workbook
from werkzeug.test import TestResponse

from quiz.extensions import db
from quiz.models import Assignment, Attempt, Classroom, LiveSession, Quiz, User
from quiz.questionfile.foreign import read_gift
from quiz.services.accounts import clean_display_name
from quiz.services.importer import import_items, prepare_text
from quiz.teacher.quiz_routes import EXPORTS
from tests.support import ROOT, csrf_token

# Text typed by teachers (forms, question files), each with a marker of its own.
TEXT = {
    "class": "<img src=x onerror=alert('class')> 4e \"B\" & Co",
    "year": "<u>2026</u>\"&'",  # a school year has 20 characters at most
    # Begins like a spreadsheet formula: the CSV's title column.
    "title": "=HYPERLINK(\"http://x\") <script>alert('title')</script> & \"Quiz\"",
    "source": "<i onclick=alert('source')>Journal</i> & \"Co\"",
    "url": "https://example.org/?a=\"><svg/onload=alert('url')>",
    "credit": "<em onmouseover=alert('credit')>PHOTO</em> & \"AFP\"",
    "paragraph": "Intro <marquee>alert('paragraph')</marquee> & \"quotes\" 'single'.",
    "passage": "The <object data=passage>key</object> fact & \"proof\".",
    "heading": "Sub <h1 id=heading>title</h1> & \"x\"",
    "statement_passage": "It <ins cite=statement_passage>is</ins> so & \"fine\".",
    "prompt": "Which <select onfocus=alert('prompt')> is \"right\" & why?",
    "right": "<a href=javascript:alert('right')>Right</a> & \"yes\"",
    "wrong": "<iframe src=javascript:alert('wrong')> & \"no\"",
    "explanation": "Because <base href=//evil.example/explanation> & \"so\".",
    "statement": "</textarea><textarea id=statement> is \"true\" & ok",
    "note": "<video src=x onerror=alert('note')> & \"moved on\"",
    "draft_title": "Draft <object data=draft_title> & \"x\"",
    "draft_paragraph": "A <table id=draft_paragraph> draft & \"its\" proof.",
    "draft_prompt": "Drafted <option id=draft_prompt> & \"asked\"?",
    "review": "draft <form action=//evil.example/review> & \"check it\"",
    # Never stored: sent back with a form's errors.
    "bad_passage": "<img src=x onerror=alert('bad_passage')> is not in the article",
    "edited_prompt": "Edited <keygen id=edited_prompt> & \"asked\"?",
    # A live quiz's guest's nickname (the display-name rules, as a display name).
    "nickname": "<i>Invité</i> & \"x\" 'y'",
}
# Display names that pass the app's one validator (quiz/services/accounts.py).
NAMES = {
    "sam": '<b>Sam & "Zoé"</b>',
    "eq": '=HYPERLINK("http://x","Clique")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3 <i>minus</i> & @x",
    "at": "@SUM(1+1)*cmd|'/C calc'!A0",
    "img": "<img src=x onerror=alert(1)>",
    "gone": "<u>Gone</u> \"x\" & 'y'",
    "prof": "<s>Mme</s> \"Prof\" & Co",
}
HOSTILE = {**TEXT, **{f"name_{key}": name for key, name in NAMES.items()}}
SLUG, DRAFT_SLUG = "hostile-quiz", "hostile-drafts"

QUIZ_FILE = f"""# {TEXT["title"]}

Language: en
Date: 2024-11
Source: {TEXT["source"]}
URL: {TEXT["url"]}
Credit: {TEXT["credit"]}

## Article

{TEXT["paragraph"]} {TEXT["passage"]} End of the first paragraph.

### {TEXT["heading"]}

Second paragraph. {TEXT["statement_passage"]}

## Questions

### q1
Type: mcq
Prompt: {TEXT["prompt"]}
- [x] {TEXT["right"]}
- [ ] {TEXT["wrong"]}
Passage: {TEXT["passage"]}
Explanation: {TEXT["explanation"]}

### q2
Type: true_false
Prompt: {TEXT["statement"]}
Answer: true
Passage: {TEXT["statement_passage"]}
Explanation: The article says so.

### q3
Type: mcq
Prompt: Where does the first paragraph end?
- [x] Here
- [ ] There
Passage: End of the first paragraph.
Explanation: It ends there.
"""

DRAFT_FILE = f"""# {TEXT["draft_title"]}

Language: en
Date: 2024-11

## Article

{TEXT["draft_paragraph"]}

## Questions

### d1
Type: mcq
Prompt: {TEXT["draft_prompt"]}
- [x] Yes
- [ ] No
Passage: {TEXT["draft_paragraph"]}
Explanation: It is drafted.
Review: {TEXT["review"]}
"""


def raw_needles(value: str) -> list[str]:
    """What must never be in a page as it is: the value, and each of its opening tags with
    the text up to the next tag (`<b>Sam & "Zoé"`): a browser would make markup of it."""
    return [value, *re.findall(r"<[A-Za-z][^<]*", value)]


def test_the_hostile_names_pass_the_display_name_rules() -> None:
    for name in NAMES.values():
        assert clean_display_name(name) == name


@dataclass
class World:
    """Everything stored, the ids to put in URLs, a logged-in client per role, and the pages
    that POSTs showed with a sentence naming stored text (a flash message, a form's error)."""

    clients: dict[str, FlaskClient]
    ids: dict[str, int]
    after_posts: dict[str, tuple[TestResponse, str]] = field(default_factory=dict)


def post(client: FlaskClient, url: str, data: dict[str, str] | None = None, *,
         follow: bool = False) -> TestResponse:
    token = csrf_token(client.get("/").get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **(data or {})},
                       follow_redirects=follow)


def submit_quiz(app: Flask, client: FlaskClient, q1_right: bool = False) -> int:
    """Start and submit the hostile quiz (q1 wrong unless said, q2 true, q3 right)."""
    response = post(client, f"/quizzes/{SLUG}/start")
    assert response.status_code == 302, response.status_code
    attempt_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        answers = {}
        for question in db.session.get_one(Attempt, attempt_id).revision.questions:
            right = question.key != "q1" or q1_right
            answers[f"q{question.id}"] = str(next(
                c.id for c in question.choices if c.is_correct == right))
    response = post(client, f"/attempts/{attempt_id}", answers)
    assert response.status_code == 302, response.get_data(as_text=True)
    return attempt_id


MEMBERS = ("sam", "eq", "plus", "minus", "at", "img", "gone")  # "gone" is taken out at the end


@pytest.fixture
def world(app: Flask, users, auth) -> World:
    clients = {"anonymous": app.test_client(), "teacher": app.test_client()}
    teacher = clients["teacher"]
    ids = {"prof": users.make("prof", "Prof Plain", role="teacher")}
    auth.log_in("prof", client=teacher)
    after: dict[str, tuple[TestResponse, str]] = {}

    # The teacher's name, through their account page.
    after["auth.account_name"] = (
        post(teacher, "/account/name", {"display_name": NAMES["prof"]}, follow=True),
        f"Your display name is now: {NAMES['prof']}")
    # The class, through the class form.
    after["teacher.index"] = (
        post(teacher, "/teacher/", {"name": TEXT["class"], "school_year": TEXT["year"]},
             follow=True), f"Class {TEXT['class']} created.")
    with app.app_context():
        room = db.session.scalars(sa.select(Classroom)).one()
        ids["class"], code = room.id, room.join_code
        import_items([prepare_text(SLUG, QUIZ_FILE, f"{SLUG}.md"),
                      prepare_text(DRAFT_SLUG, DRAFT_FILE, f"{DRAFT_SLUG}.md")],
                     db.session.get_one(User, ids["prof"]))
        quizzes = {q.slug: q for q in db.session.scalars(sa.select(Quiz))}
        assert quizzes[SLUG].status == "published" and quizzes[DRAFT_SLUG].status == "draft"
        quiz_id = quizzes[SLUG].id
    after["teacher.classroom"] = (
        post(teacher, f"/teacher/classes/{ids['class']}",
             {"quiz": str(quiz_id), "counting": "best", "review_score": "now",
              "review_marks": "now", "review_answers": "now"}, follow=True),
        f"Quiz assigned to {TEXT['class']}.")

    # Students register with the class's code; the registration form checks their names.
    for key in MEMBERS:
        client = clients[key] = app.test_client()
        name = NAMES[key] if key != "img" else "Temporary Name"
        response = auth.register(f"{key}-student", name, code, client=client)
        assert response.status_code == 302, response.get_data(as_text=True)
        html = client.get("/")
        after[f"auth.register ({key}, joined)"] = (html, f"You joined the class {TEXT['class']}.")
        after[f"auth.register ({key}, welcome)"] = (html, f"Welcome, {name}!")
        with app.app_context():
            ids[key] = db.session.scalar(sa.select(User.id).where(
                User.username == f"{key}-student"))
    # The teacher names one of them, on the student's page.
    after["teacher.rename_member"] = (
        post(teacher, f"/teacher/classes/{ids['class']}/members/{ids['img']}/name",
             {"display_name": NAMES["img"]}, follow=True),
        f"The student's display name is now: {NAMES['img']}")

    for key in MEMBERS:  # everyone gets q1 wrong but one: the most chosen wrong answer shows
        ids[f"{key}_attempt"] = submit_quiz(app, clients[key], q1_right=key == "plus")
    ids["submitted"] = ids["sam_attempt"]
    # The news moved on: q3 is outdated (version 2), with a note that old results show.
    response = post(teacher, f"/teacher/quizzes/{SLUG}/questions/q3/outdated",
                    {"note": TEXT["note"]})
    assert response.status_code == 302
    response = post(clients["sam"], f"/quizzes/{SLUG}/start")
    ids["in_progress"] = int(response.headers["Location"].rsplit("/", 1)[1])
    # Another practises it: q1 answered (wrong) and explained, q2 asked next.
    response = post(clients["plus"], f"/quizzes/{SLUG}/start", {"mode": "practice"})
    ids["practice"] = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        q1 = next(q for q in db.session.get_one(Attempt, ids["practice"]).revision.questions
                  if q.key == "q1")
        fields = {"question": str(q1.id),
                  "choice": str(next(c.id for c in q1.choices if not c.is_correct))}
    assert post(clients["plus"], f"/attempts/{ids['practice']}/practice",
                fields).status_code == 302

    # A live quiz of it (issue 23), guests allowed: three join, and a guest with a nickname;
    # q1 opened, answered (Sam wrong, Plus right) and revealed.
    response = post(teacher, f"/teacher/classes/{ids['class']}/live",
                    {"live-quiz": str(quiz_id), "live-guests_allowed": "y"})
    assert response.status_code == 302, response.get_data(as_text=True)
    ids["live"] = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        live_code = db.session.get_one(LiveSession, ids["live"]).code
    for key in ("sam", "eq", "plus"):
        assert post(clients[key], "/live", {"code": live_code}).status_code == 302
    guest = app.test_client()
    token = csrf_token(guest.get("/live/guest").get_data(as_text=True))
    assert guest.post("/live/guest", data={"csrf_token": token, "code": live_code,
                                           "nickname": TEXT["nickname"]}).status_code == 302
    assert post(teacher, f"/teacher/live/{ids['live']}", {"action": "next"}).status_code == 302
    for key in ("sam", "plus"):
        fields = {"question": str(q1.id), "choice": str(next(
            c.id for c in q1.choices if c.is_correct == (key == "plus")))}
        assert post(clients[key], f"/live/{ids['live']}", fields).status_code == 302
    assert post(teacher, f"/teacher/live/{ids['live']}", {"action": "reveal"}).status_code == 302

    # A name taken in the class: the forms say whose, and in which class.
    clients["copy"] = app.test_client()
    assert auth.register("copy-student", NAMES["sam"], client=clients["copy"]).status_code == 302
    after["student.join (name taken)"] = (
        post(clients["copy"], "/classes/join", {"code": code}),
        f"Someone in this class already has the name {NAMES['sam']}")
    after["auth.account_name (name taken)"] = (
        post(clients["eq"], "/account/name", {"display_name": NAMES["sam"]}),
        f"Someone in the class {TEXT['class']} already has this name")

    # Text sent back with the errors of a form: an invalid question file's line, a question.
    bad_line = f"Passage: {TEXT['bad_passage']}"
    after["teacher.upload (invalid file)"] = (
        post(teacher, "/teacher/quizzes/upload",
             {"text": QUIZ_FILE.replace(f"Passage: {TEXT['passage']}", bad_line),
              "slug": "bad-upload"}), bad_line)
    after["teacher.question_edit (invalid passage)"] = (
        post(teacher, f"/teacher/quizzes/{SLUG}/questions/q1/edit",
             {"key": "q1", "kind": "mcq", "prompt": TEXT["edited_prompt"],
              "choice_0": TEXT["right"], "choice_1": TEXT["wrong"], "correct": "0",
              "answer": "true", "passage": TEXT["bad_passage"],
              "explanation": TEXT["explanation"]}), TEXT["edited_prompt"])
    after["teacher.quiz_drafts (invalid passage)"] = (
        post(teacher, f"/teacher/quizzes/{DRAFT_SLUG}/drafts",
             {"version": "1", "d1-decision": "accept", "d1-prompt": TEXT["edited_prompt"],
              "d1-choice_0": "Yes", "d1-choice_1": "No", "d1-correct": "0",
              "d1-passage": TEXT["bad_passage"], "d1-explanation": "It is drafted."}),
        TEXT["edited_prompt"])
    # Publish and assign: the class named in its one message.
    after["teacher.quiz_assign"] = (
        post(teacher, f"/teacher/quizzes/{SLUG}/assign",
             {"classes": str(ids["class"]), "counting": "best"}, follow=True),
        f"Its settings changed in {TEXT['class']}.")  # assigned on its class page before

    # A temporary password for one student, who logs in with it; then out of the class.
    response = post(teacher, f"/teacher/classes/{ids['class']}/members/{ids['gone']}/password")
    after["teacher.reset_member_password"] = (response, f"Give these to {NAMES['gone']} (")
    temporary = re.search(r'id="temporary-password">([^<]+)<',
                          response.get_data(as_text=True)).group(1)
    auth.log_in("gone-student", temporary, client=clients["gone"])
    after["teacher.remove_member"] = (
        post(teacher, f"/teacher/classes/{ids['class']}/members/{ids['gone']}/remove",
             follow=True), f"{NAMES['gone']} was removed from the class")
    return World(clients, ids, after)


# What each page shows of the stored text, besides the viewer's own name in its header.
ARTICLE = frozenset({"title", "source", "url", "credit", "heading", "paragraph", "passage",
                     "statement_passage"})
QUESTIONS = frozenset({"prompt", "right", "wrong", "statement"})
ON_BOARDS = frozenset({"class", *(f"name_{key}" for key in MEMBERS if key != "gone")})
DRAFT = frozenset({"draft_title", "draft_paragraph", "draft_prompt"})
BOTH = ("sam", "teacher")
LIVE_REVEAL = frozenset({"title", "prompt", "right", "wrong", "explanation", "paragraph",
                         "passage", "name_sam", "name_plus", "name_eq", "nickname"})


def html_pages(ids: Mapping[str, int]) -> dict[str, list[tuple[str, str, frozenset[str]]]]:
    """GET endpoint → its requests: (role, URL, the stored text the page shows)."""
    cid, quiz, drafts = ids["class"], f"/teacher/quizzes/{SLUG}", f"/teacher/quizzes/{DRAFT_SLUG}"
    board, none = f"/classes/{cid}", frozenset()
    results = frozenset({"title", "prompt", "right", "wrong", "explanation", "passage",
                         "statement", "statement_passage", "note"})
    return {
        "auth.login": [("anonymous", "/login", none)],
        "auth.register": [("anonymous", "/register", none)],
        "auth.account": [(role, "/account", none) for role in BOTH],
        "auth.accessibility": [(role, "/accessibility", none) for role in ("anonymous", *BOTH)],
        "auth.site_map": [(role, "/site-map", none) for role in ("anonymous", *BOTH)],
        # Only a user with a temporary password gets this page (the others are sent on).
        "auth.password": [("gone", "/account/password", none)],
        "student.index": [("sam", "/", frozenset({"class", "title"})),
                          ("teacher", "/", frozenset({"title"}))],
        "student.catalogue": [(role, "/quizzes", frozenset({"title"})) for role in BOTH],
        "student.history": [("sam", "/history", frozenset({"title"})),
                            ("teacher", "/history", none)],
        "student.join": [(role, "/classes/join", none) for role in BOTH],
        "student.quiz_overview": [(role, f"/quizzes/{SLUG}",
                                   frozenset({"title", "source", "url", "credit"}))
                                  for role in BOTH],
        "student.attempt": [("sam", f"/attempts/{ids['submitted']}", results),
                            ("sam", f"/attempts/{ids['in_progress']}", ARTICLE | QUESTIONS),
                            ("plus", f"/attempts/{ids['practice']}?after=q1",
                             ARTICLE | {"prompt", "right", "wrong", "explanation"}),
                            ("plus", f"/attempts/{ids['practice']}", ARTICLE | {"statement"})],
        # Sam got q1 wrong: the round of missed questions asks it again.
        "student.retry": [("sam", f"/attempts/{ids['submitted']}/retry",
                           ARTICLE | {"prompt", "right", "wrong"})],
        "student.passage": [("sam", f"/attempts/{ids['submitted']}/passages/q1",
                             ARTICLE | {"prompt"}),
                            ("sam", f"/attempts/{ids['submitted']}/passages/q2",
                             ARTICLE | {"statement"})],
        "boards.board": [(role, f"{board}/board", ON_BOARDS | {"title"}) for role in BOTH],
        "boards.quiz_board": [(role, f"{board}/board/{SLUG}", ON_BOARDS | {"title"})
                              for role in BOTH],
        "boards.projector": [(role, f"{board}/projector", ON_BOARDS) for role in BOTH],
        "boards.quiz_projector": [(role, f"{board}/projector/{SLUG}", ON_BOARDS | {"title"})
                                  for role in BOTH],
        "boards.quiz_boards": [(role, f"{board}/boards", frozenset({"class", "title"}))
                               for role in BOTH],
        "teacher.index": [("teacher", "/teacher/", frozenset({"class", "year"}))],
        "teacher.classroom": [("teacher", f"/teacher/classes/{cid}",
                               frozenset({"class", "year", "title"}))],
        # With the student taken out of the class, under « removed ».
        "teacher.class_students": [("teacher", f"/teacher/classes/{cid}/students",
                                    ON_BOARDS | {"year", "name_gone"})],
        # The live quiz played, by its quiz's title.
        "teacher.class_live": [("teacher", f"/teacher/classes/{cid}/live",
                                frozenset({"class", "year", "title"}))],
        "teacher.insight": [("teacher", f"/teacher/classes/{cid}/quizzes/{SLUG}/insight",
                             ARTICLE - {"source", "url", "credit"}
                             | {"class", "prompt", "statement", "wrong"})],
        # Who missed q1: every member but « plus », each with the wrong answer chosen.
        "teacher.insight_question": [(
            "teacher", f"/teacher/classes/{cid}/quizzes/{SLUG}/insight/q1",
            frozenset({"class", "prompt", "right", "wrong", "name_sam", "name_eq",
                       "name_minus"}))],
        "teacher.new_students": [("teacher", f"/teacher/classes/{cid}/students/new",
                                  frozenset({"class"}))],
        # The form filled in with the class's name and year.
        "teacher.rename_class": [("teacher", f"/teacher/classes/{cid}/name",
                                  frozenset({"class", "year"}))],
        "teacher.student": [("teacher", f"/teacher/classes/{cid}/students/{ids[key]}",
                             frozenset({"class", "title", f"name_{key}"}))
                            for key in ("sam", "eq", "img")],
        # Every answer with its mark and the right answer, whatever the review options.
        "teacher.student_attempt": [
            ("teacher", f"/teacher/classes/{cid}/students/{ids['sam']}/attempts/"
                        f"{ids['submitted']}",
             frozenset({"class", "title", "prompt", "right", "wrong", "statement",
                        "name_sam"}))],
        "teacher.quizzes": [("teacher", "/teacher/quizzes", frozenset({"title", "draft_title"}))],
        # The article picker lists the quizzes.
        "teacher.upload": [("teacher", "/teacher/quizzes/upload",
                            frozenset({"title", "draft_title"}))],
        "teacher.article_import": [("teacher", "/teacher/quizzes/article", none)],
        # The guide is the project's own text (docs/): nothing stored is shown.
        "teacher.quiz_file_guide": [("teacher", "/teacher/guide", none)],
        # With the teacher's classes that have the quiz.
        "teacher.quiz_preview": [("teacher", quiz,
                                  ARTICLE | QUESTIONS | {"explanation", "note", "class"}),
                                 ("teacher", drafts, DRAFT | {"review"})],
        # A version is the difference of its file with the one before.
        "teacher.quiz_version": [("teacher", f"{quiz}/versions/1",
                                  ARTICLE | QUESTIONS | {"explanation"}),
                                 ("teacher", f"{quiz}/versions/2",
                                  frozenset({"title", "note", "name_prof"})),
                                 ("teacher", f"{drafts}/versions/1", DRAFT | {"review"})],
        # No right answer changed here: the title and « Nothing to regrade » (the changed
        # ones are escaped as every prompt: tests/test_teacher_quizzes.py's regrade).
        "teacher.quiz_regrade": [("teacher", f"{quiz}/regrade", frozenset({"title"}))],
        "teacher.quiz_student_view": [("teacher", f"{quiz}/student-view", ARTICLE | QUESTIONS)],
        "teacher.quiz_handout": [("teacher", f"{quiz}/handout", ARTICLE | QUESTIONS)],
        # The article (to pick a passage from) and the question's fields.
        "teacher.question_edit": [
            ("teacher", f"{quiz}/questions/q1/edit",
             ARTICLE - {"source", "url", "credit"} | {"prompt", "right", "wrong",
                                                      "explanation"}),
            ("teacher", f"{quiz}/questions/q2/edit",
             ARTICLE - {"source", "url", "credit"} | {"statement"}),
            ("teacher", f"{quiz}/questions/new", ARTICLE - {"source", "url", "credit"}),
            ("teacher", f"{drafts}/questions/d1/edit", DRAFT)],
        "teacher.quiz_drafts": [("teacher", f"{drafts}/drafts", DRAFT)],
        # The teacher's classes to choose from; a quiz with drafts says why it cannot be.
        "teacher.quiz_assign": [("teacher", f"{quiz}/assign", frozenset({"title", "class"})),
                                ("teacher", f"{drafts}/assign", frozenset({"draft_title"}))],
        # Live mode, q1 revealed: the question, the shares, the explanation and the passage
        # in its paragraph; the top 5 with the names (the teacher's page: the class too).
        "teacher.live_control": [("teacher", f"/teacher/live/{ids['live']}", LIVE_REVEAL
                                  | {"class"})],
        "teacher.live_projector": [("teacher", f"/teacher/live/{ids['live']}/projector",
                                    LIVE_REVEAL - {"title"})],
        # Sam's phone: right or wrong, the right answer, the explanation and the passage.
        "student.live_phone": [("sam", f"/live/{ids['live']}",
                                frozenset({"title", "prompt", "right", "wrong", "explanation",
                                           "paragraph", "passage"}))],
        "student.live_join": [("sam", "/live", frozenset({"title"})),
                              ("teacher", "/live", none)],
        # A guest's form: no stored text (the code typed comes back as typed).
        "student.live_guest": [("anonymous", "/live/guest", none)],
    }


def other_urls(ids: Mapping[str, int]) -> dict[str, list[tuple[str, str]]]:
    """GET endpoints that answer something else than HTML, checked by the tests below."""
    cid, quiz = ids["class"], f"/teacher/quizzes/{SLUG}"
    return {
        "boards.board_json": [(role, f"/classes/{cid}/board.json") for role in BOTH],
        "teacher.scores_csv": [("teacher", f"/teacher/classes/{cid}/scores.csv"),
                               ("teacher", f"/teacher/classes/{cid}/scores.csv?sep=semicolon")],
        "teacher.gradebook_csv": [
            ("teacher", f"/teacher/classes/{cid}/gradebook.csv?sep=comma"),
            ("teacher", f"/teacher/classes/{cid}/gradebook.csv?sep=semicolon")],
        "teacher.gradebook_xlsx": [("teacher", f"/teacher/classes/{cid}/gradebook.xlsx")],
        "teacher.quiz_download": [("teacher", f"{quiz}/download")],
        "teacher.quiz_export": [("teacher", f"{quiz}/export/{fmt}") for fmt in EXPORTS],
        "teacher.quiz_drafting_status": [("teacher", f"/teacher/quizzes/{DRAFT_SLUG}/drafting")],
        # Numbers only: the session's version, phase and counts (test below).
        "teacher.live_state": [("teacher", f"/teacher/live/{ids['live']}/state.json")],
        "student.live_state": [("sam", f"/live/{ids['live']}/state.json")],
        "auth.account_data": [("sam", "/account/data.json")],
    }


SKIPPED = {"static": "the repository's own CSS, scripts and icons: no stored text",
           "auth.form_token": "a form token, as JSON: no stored text"}


def test_every_get_route_is_requested_or_skipped(app: Flask) -> None:
    ids: defaultdict[str, int] = defaultdict(lambda: 1)
    requested = {endpoint: [url for _role, url, *_shown in requests] for endpoint, requests
                 in [*html_pages(ids).items(), *other_urls(ids).items()]}
    rules = [rule for rule in app.url_map.iter_rules() if "GET" in rule.methods]
    endpoints = {rule.endpoint for rule in rules}
    assert not endpoints - set(requested) - set(SKIPPED), (
        "GET routes that no request of this file shows stored text on (add them to "
        f"html_pages or other_urls, or to SKIPPED with a reason): "
        f"{sorted(endpoints - set(requested) - set(SKIPPED))}")
    assert set(requested) <= endpoints, set(requested) - endpoints
    adapter = app.url_map.bind("localhost")
    matched = {adapter.match(url.split("?")[0], method="GET", return_rule=True)[0].rule
               for urls in requested.values() for url in urls}
    unmatched = {rule.rule for rule in rules if rule.endpoint not in SKIPPED} - matched
    assert not unmatched, f"GET rules that no request of this file reaches: {unmatched}"


def assert_shown_as_text(html: str, where: str) -> None:
    """No stored text is in the page as markup."""
    for key, value in HOSTILE.items():
        for needle in raw_needles(value):
            assert needle not in html, f"{where}: {key} is not escaped: {needle!r}"


def escaped(value: str) -> str:
    return str(escape(value))


def test_stored_text_is_shown_as_text_on_every_page(world: World) -> None:
    viewers = {"sam": "name_sam", "teacher": "name_prof", "gone": "name_gone"}
    for endpoint, requests in html_pages(world.ids).items():
        for role, url, shown in requests:
            where = f"{endpoint} GET {url} as {role}"
            response = world.clients[role].get(url)
            html = response.get_data(as_text=True)
            assert response.status_code == 200, where
            assert response.mimetype == "text/html", where
            assert "script-src 'self';" in response.headers["Content-Security-Policy"], where
            assert_shown_as_text(html, where)
            expected = shown | ({viewers[role]} if role in viewers else set())
            missing = sorted(key for key in expected if escaped(HOSTILE[key]) not in html)
            assert not missing, f"{where}: does not show (escaped) {missing}"
    # What the POSTs of the setup said: flash messages and form errors naming stored text.
    for label, (response, sentence) in world.after_posts.items():
        html = response.get_data(as_text=True)
        assert response.status_code in (200, 422), label
        assert_shown_as_text(html, label)
        assert escaped(sentence) in html, f"{label}: {escaped(sentence)!r} not in the page"


def check_board_json(world: World) -> None:
    """The class and the names as JSON strings (projector.js writes them as text)."""
    for role, url in other_urls(world.ids)["boards.board_json"]:
        response = world.clients[role].get(url)
        assert response.status_code == 200, role
        assert response.mimetype == "application/json", role
        assert response.headers["X-Content-Type-Options"] == "nosniff", role
        data = json.loads(response.get_data(as_text=True))
        assert data["class"] == TEXT["class"], role
        assert {s["name"] for s in data["standings"]} == {
            NAMES[key] for key in MEMBERS if key != "gone"}, role


def test_the_projector_script_writes_names_as_text() -> None:
    """board.json's names reach the page through static/js/projector.js: as text."""
    for script in (ROOT / "static" / "js").glob("*.js"):
        source = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
            assert sink not in source, f"{script.name} uses {sink}"
    assert "textContent" in (ROOT / "static" / "js" / "projector.js").read_text(encoding="utf-8")


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def check_scores_csv(world: World) -> None:
    """Every cell that begins like a formula gets the apostrophe that spreadsheets show as
    text (README; as_text_cell in quiz/services/analytics.py); nothing else is changed."""
    for _role, url in other_urls(world.ids)["teacher.scores_csv"]:
        response = world.clients["teacher"].get(url)
        assert response.status_code == 200, url
        assert response.mimetype == "text/csv", url
        assert response.headers["Content-Disposition"].startswith("attachment;"), url
        assert response.headers["X-Content-Type-Options"] == "nosniff", url
        text = response.get_data(as_text=True)
        assert text.startswith("\ufeff"), url
        rows = list(csv.reader(io.StringIO(text[1:], newline=""),
                               delimiter=";" if "semicolon" in url else ","))
        header, lines = rows[0], rows[1:]
        assert header[:4] == ["Student", "Username", "Quiz", "Title"], url
        for line in lines:
            assert len(line) == len(header), (url, line)
            for cell in line:
                assert not cell.startswith(FORMULA_START), f"{url}: a formula cell {cell!r}"
        by_user = {line[1]: dict(zip(header, line, strict=True)) for line in lines}
        assert set(by_user) == {f"{key}-student" for key in MEMBERS if key != "gone"}, url
        for key in MEMBERS:
            if key != "gone":
                line = by_user[f"{key}-student"]
                name = NAMES[key]
                assert line["Student"] == ("'" + name if name.startswith(FORMULA_START)
                                           else name), (url, key)
                assert line["Title"] == "'" + TEXT["title"], (url, key)
        # Each way a formula begins that a display name can (a tab or a line break cannot).
        assert {NAMES[key][0] for key in ("eq", "plus", "minus", "at")} == set("=+-@")


def check_gradebook(world: World) -> None:
    """The gradebook: a formula-like name or title gets the apostrophe in the CSV and is a
    text cell (never a formula) in the .xlsx, as written."""
    students = {f"{key}-student": NAMES[key] for key in MEMBERS if key != "gone"}
    for _role, url in other_urls(world.ids)["teacher.gradebook_csv"]:
        response = world.clients["teacher"].get(url)
        assert response.status_code == 200 and response.mimetype == "text/csv", url
        assert response.headers["Content-Disposition"].startswith("attachment;"), url
        rows = list(csv.reader(io.StringIO(response.get_data(as_text=True)[1:], newline=""),
                               delimiter=";" if "semicolon" in url else ","))
        for row in rows:
            for cell in row:
                assert not cell.startswith(FORMULA_START), f"{url}: a formula cell {cell!r}"
        assert rows[0][2].startswith("'" + TEXT["title"]), url
        by_user = {row[1]: row[0] for row in rows[1:]}
        assert by_user == {username: "'" + name if name.startswith(FORMULA_START) else name
                           for username, name in students.items()}, url
    (_role, url), = other_urls(world.ids)["teacher.gradebook_xlsx"]
    with world.clients["teacher"].get(url) as response:
        assert response.status_code == 200, url
        assert response.headers["Content-Disposition"].startswith("attachment;"), url
        sheet = load_workbook(io.BytesIO(response.get_data())).active
    rows = list(sheet.iter_rows())
    assert rows[0][2].value.startswith(TEXT["title"]) and rows[0][2].data_type == "s"
    assert {row[1].value: row[0].value for row in rows[1:]} == students
    assert all(row[0].data_type == "s" for row in rows[1:])


def check_download(app: Flask, world: World) -> None:
    """The current version's question file as it is, as an attachment: never HTML."""
    (_role, url), = other_urls(world.ids)["teacher.quiz_download"]
    response = world.clients["teacher"].get(url)
    assert response.status_code == 200
    assert response.mimetype == "text/markdown"  # never text/html
    assert response.headers["Content-Disposition"] == f'attachment; filename="{SLUG}.md"'
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SLUG))
        assert response.get_data(as_text=True) == quiz.revision.source_text
    assert f"Outdated: {TEXT['note']}" in response.get_data(as_text=True)


def check_gift(text: str) -> None:
    """The GIFT file reads back (quiz/questionfile/foreign.py) to the very text typed."""
    # The title's comment line, as typed (a title has no line break: nothing comes out of it).
    assert text.split("\n", 1)[0] == "// " + TEXT["title"]
    questions, problems = read_gift(text, "export.gift")
    assert not problems
    assert [q.title for q in questions] == ["q1", "q2"]  # q3 is outdated: left out
    q1, q2 = questions
    assert q1.prompt == TEXT["prompt"]
    assert q1.choices == ((TEXT["right"], True), (TEXT["wrong"], False))
    assert q1.explanation == f"{TEXT['explanation']} — Passage: “{TEXT['passage']}”"
    assert (q2.kind, q2.prompt, q2.answer) == ("true_false", TEXT["statement"], True)


def check_moodle_xml(text: str) -> None:
    """Well-formed XML whose elements hold the very text typed."""
    for key, value in HOSTILE.items():
        for needle in raw_needles(value):
            assert needle not in text, f"{key} is not escaped in the XML: {needle!r}"
    root = ET.fromstring(text.encode("utf-8"))
    questions = {q.findtext("name/text"): q for q in root.iter("question")
                 if q.get("type") != "category"}
    assert list(questions) == ["q1", "q2"]
    q1, q2 = questions["q1"], questions["q2"]
    assert q1.findtext("questiontext/text") == TEXT["prompt"]
    assert [(a.findtext("text"), a.get("fraction")) for a in q1.iter("answer")] == [
        (TEXT["right"], "100"), (TEXT["wrong"], "0")]
    assert q1.findtext("generalfeedback/text") == (
        f"{TEXT['explanation']} — Passage: “{TEXT['passage']}”")
    assert q2.findtext("questiontext/text") == TEXT["statement"]


EXPORT_CHECKS = {"gift": ("text/plain", check_gift), "xml": ("application/xml", check_moodle_xml)}


def check_exports(world: World) -> None:
    assert set(EXPORTS) == set(EXPORT_CHECKS), "a new export format: check its escaping here"
    for fmt, (mimetype, check) in EXPORT_CHECKS.items():
        response = world.clients["teacher"].get(f"/teacher/quizzes/{SLUG}/export/{fmt}")
        assert response.status_code == 200, fmt
        assert response.mimetype == mimetype, fmt
        assert response.headers["Content-Disposition"].startswith("attachment;"), fmt
        assert response.headers["X-Content-Type-Options"] == "nosniff", fmt
        check(response.get_data(as_text=True))


def check_drafting_status(app: Flask, world: World) -> None:
    """Drafting the quiz of hostile drafts: its job's status is JSON (drafting-status.js writes
    its text with textContent) and the drafts page shows the job, its text escaped."""
    from quiz.jobs import job_queue

    client = world.clients["teacher"]
    drafts = f"/teacher/quizzes/{DRAFT_SLUG}"
    token = csrf_token(client.get(f"{drafts}/drafts").get_data(as_text=True))
    assert client.post(f"{drafts}/draft", data={"csrf_token": token}).status_code == 302
    for running in (True, False):
        response = client.get(f"{drafts}/drafting")
        assert response.status_code == 200 and response.mimetype == "application/json"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.get_json()["active"] is running
        assert_shown_as_text(response.get_data(as_text=True), "drafting status")
        html = client.get(f"{drafts}/drafts").get_data(as_text=True)
        assert_shown_as_text(html, "drafts page with a drafting job")
        assert 'id="drafting-status"' in html
        job_queue(app).run_pending()
    assert "textContent" in (ROOT / "static" / "js" / "drafting-status.js").read_text(
        encoding="utf-8")


def test_data_and_files_carry_the_text_safely(app: Flask, world: World) -> None:
    """board.json, the CSV of scores, the question file, the Moodle exports and the drafting
    job's status."""
    check_board_json(world)
    check_scores_csv(world)
    check_gradebook(world)
    check_download(app, world)
    check_exports(world)
    check_drafting_status(app, world)
    check_personal_data(world)


def check_personal_data(world: World) -> None:
    """A student's own data file: their name, class, quiz and question as JSON strings, exactly
    as stored, in a download the browser does not open as a page."""
    (role, url), = other_urls(world.ids)["auth.account_data"]
    response = world.clients[role].get(url)
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    data = response.get_json()
    assert data["account"]["display_name"] == NAMES["sam"]
    assert [c["class"] for c in data["classes"]] == [TEXT["class"]]
    assert {a["quiz"] for a in data["attempts"]} == {TEXT["title"]}
    assert TEXT["prompt"] in {answer["question"] for attempt in data["attempts"]
                              for answer in attempt["answers"]}


NUMBERS = {"version", "phase", "question", "questions", "paused", "joined", "answered",
           "remaining_ms"}


def test_the_live_state_carries_stored_text_as_json_strings_written_as_text(
        world: World) -> None:
    """What live.js reads. The teacher's pages: numbers only. A phone: also the revealed
    question's texts, exactly as stored (JSON strings: the script writes them with textContent,
    never as markup, and has no way of writing markup at all)."""
    for endpoint in ("teacher.live_state", "student.live_state"):
        for role, url in other_urls(world.ids)[endpoint]:
            response = world.clients[role].get(url)
            assert response.status_code == 200 and response.mimetype == "application/json"
            data = response.get_json()
            assert data["phase"] == "revealed" and data["joined"] == 4, url  # and a guest
            numbers = {key: value for key, value in data.items() if key in NUMBERS}
            assert all(value is None or isinstance(value, int | bool) or key == "phase"
                       for key, value in numbers.items()), data
            if endpoint == "teacher.live_state":
                assert set(data) == NUMBERS
                continue
            shown = data["shown"]
            assert shown["prompt"] == TEXT["prompt"]
            assert sorted(c["text"] for c in shown["choices"]) == sorted(
                [TEXT["right"], TEXT["wrong"]])
            assert shown["explanation"] == TEXT["explanation"]
            assert shown["passage"][1] == TEXT["passage"]
            assert TEXT["paragraph"] in shown["passage"][0]
            assert data["mine"]["right"] is False  # Sam chose the wrong one
    script = (ROOT / "static" / "js" / "live.js").read_text(encoding="utf-8")
    for writes_markup in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                          "DOMParser", "createContextualFragment"):
        assert writes_markup not in script, writes_markup
def test_a_quiz_not_open_yet_shows_its_title_as_text_and_nothing_more(
        app: Flask, world: World) -> None:
    """The hostile quiz, for the classes it is assigned to, opening next week: its page and
    the list show its title (as text) and when it opens; a student of no class gets 404."""
    teacher = world.clients["teacher"]
    response = post(teacher, f"/teacher/quizzes/{SLUG}/visibility", {"visibility": "classes"},
                    follow=True)
    assert_shown_as_text(response.get_data(as_text=True), "teacher.quiz_visibility POST")
    with app.app_context():
        assignment = db.session.scalars(sa.select(Assignment)).one()
        assignment.opens_at = dt.datetime.now(dt.UTC) + dt.timedelta(days=7)
        db.session.commit()
    for url in (f"/quizzes/{SLUG}", "/quizzes", "/"):
        response = world.clients["eq"].get(url)
        html = response.get_data(as_text=True)
        assert response.status_code == 200, url
        assert_shown_as_text(html, url)
        assert escaped(HOSTILE["title"]) in html and "Opens " in html, url
        assert f"/quizzes/{SLUG}/start" not in html, url
    assert world.clients["copy"].get(f"/quizzes/{SLUG}").status_code == 404
