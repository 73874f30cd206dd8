"""The access matrix with two owners for each id (issue 17).

Two teachers (a and b) each have a class with an assigned quiz, a student, who has a submitted
attempt and one in progress, and a student they took out of the class; a fifth student is in
no class. Every route with an id in its URL (attempt_id, class_id, user_id, assignment_id:
enumerated from the URL map, GET and POST; session_id: a live session) is requested by each
of them, with every
combination of both owners' ids (and the lone student's for user_id):

- someone else's ids get the refusal of tests/test_security.py's MATRIX (404 for another's
  attempt or class, 403 for a student on a teacher's page), with a valid CSRF token and valid
  form fields, and change nothing in the database;
- a class's own teacher with a user or an assignment that is not of that class gets 404 and
  changes nothing;
- each owner on their own ids succeeds, and what changes in the database is theirs only;
- no response shows the other owner's class, names, usernames or join code.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook
from werkzeug.routing import Rule

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import (
    Answer,
    Assignment,
    Attempt,
    Classroom,
    CountedResult,
    LiveAnswer,
    LiveParticipant,
    LiveSession,
    Membership,
    Quiz,
    Removal,
    SavedAnswer,
    User,
)
from quiz.services import live
from quiz.services.attempts import start_attempt, submit_attempt
from quiz.services.classes import assign_quiz, create_class, join_class, remove_member
from tests.support import SEED_QUIZ, csrf_token
from tests.test_security import LOGIN, MATRIX, sent_to_login

ID_ARGS = frozenset({"attempt_id", "class_id", "user_id", "assignment_id", "session_id"})
SIDES = ("a", "b")
CLIENTS = ("teacher_a", "teacher_b", "student_a", "student_b", "lone")
# username, display name, role
ACCOUNTS = {"teacher_a": ("prof-arnaud", "Mme Arnaud", "teacher"),
            "teacher_b": ("prof-bernard", "M. Bernard", "teacher"),
            "student_a": ("stu-alice", "Alice Anders", "student"),
            "student_b": ("stu-bruno", "Bruno Berger", "student"),
            "lone": ("stu-lone", "Lena Lone", "student"),
            "left_a": ("stu-aubert", "Leila Aubert", "student"),  # taken out of class a
            "left_b": ("stu-blanc", "Lucas Blanc", "student")}
CLASS_NAMES = {"a": "Classe Alpha", "b": "Classe Bravo"}
QUIZZES = {"a": SEED_QUIZ, "b": "exemple-velo-ecole"}
EXTRA_QUIZ = "sample-plastic-free-school-meals"  # assigned to neither class: the assign form's

# What the owner gets on their own ids (with valid fields).
SUCCESS: dict[tuple[str, str], int] = {
    ("student.attempt", "GET"): 200,
    ("student.attempt", "POST"): 302,  # in progress: submitted; submitted: its results again
    ("student.save", "POST"): 302,
    ("student.practice_answer", "POST"): 302,  # the answer's feedback
    ("student.passage", "GET"): 200,
    ("student.retry", "GET"): 200,
    ("student.retry", "POST"): 200,  # checked and explained, stored nowhere
    ("teacher.classroom", "GET"): 200,
    ("teacher.classroom", "POST"): 302,  # a quiz assigned
    ("teacher.class_students", "GET"): 200,
    ("teacher.class_live", "GET"): 200,
    ("teacher.regenerate_code", "POST"): 302,
    ("teacher.toggle_joining", "POST"): 302,
    ("teacher.toggle_hidden", "POST"): 302,
    ("teacher.remove_member", "POST"): 302,
    ("teacher.rename_member", "POST"): 302,
    ("teacher.reset_member_password", "POST"): 200,  # the temporary password's page
    ("teacher.put_back", "POST"): 302,
    ("teacher.unassign", "POST"): 302,
    ("teacher.insight", "GET"): 200,
    ("teacher.insight_question", "GET"): 200,
    ("teacher.student", "GET"): 200,
    ("teacher.rename_class", "GET"): 200,
    ("teacher.rename_class", "POST"): 302,  # renamed
    ("teacher.delete_class", "POST"): 302,  # refused: students are in it (said on its page)
    ("teacher.new_students", "GET"): 200,
    ("teacher.new_students", "POST"): 200,  # accounts made, shown once
    ("teacher.student_attempt", "GET"): 200,
    ("teacher.scores_csv", "GET"): 200,
    ("teacher.gradebook_csv", "GET"): 200,
    ("teacher.gradebook_xlsx", "GET"): 200,
    ("teacher.live_start", "POST"): 302,  # a new live session: its control page
    ("teacher.live_control", "GET"): 200,
    ("teacher.live_control", "POST"): 302,  # the first question opened
    ("teacher.live_projector", "GET"): 200,
    ("teacher.live_state", "GET"): 200,
    ("student.live_phone", "GET"): 200,
    ("student.live_phone", "POST"): 302,  # an answer to the question the teacher opened
    ("student.live_state", "GET"): 200,
    ("boards.board", "GET"): 200,
    ("boards.quiz_board", "GET"): 200,
    ("boards.projector", "GET"): 200,
    ("boards.quiz_projector", "GET"): 200,
    ("boards.quiz_boards", "GET"): 200,
    ("boards.board_json", "GET"): 200,
}
# The owner's own requests that change what the others rely on: last, in this order (the
# student's answers are saved before the attempt is submitted; the student gets a temporary
# password, which logs them out, then leaves the class, at the very end).
LAST = [("teacher.live_control", "POST"), ("student.live_phone", "POST"),
        ("student.save", "POST"), ("student.attempt", "POST"), ("teacher.unassign", "POST"),
        ("teacher.reset_member_password", "POST"), ("teacher.remove_member", "POST")]


@dataclass(frozen=True)
class Side:
    teacher: int
    student: int
    class_id: int
    assignment: int
    slug: str
    submitted: int
    in_progress: int
    practice: int  # an attempt in practice mode (on EXTRA_QUIZ), in progress
    key: str  # a question of the quiz, for the passage page
    left: int  # a student taken out of the class
    live: int  # a live session of the class's teacher, which the student joined


@dataclass
class World:
    app: Flask
    clients: dict[str, FlaskClient]
    tokens: dict[str, str]
    users: dict[str, int]  # client name → user id
    sides: dict[str, Side]
    extra_quiz: int
    failures: list[str] = field(default_factory=list)

    def side_of_user(self, user_id: int) -> str:
        """A side's teacher or students; an account a teacher made for their class is theirs
        (the class's only member with no other class: it may be gone from the snapshot's
        end, so it is looked up by its name made here, « Nouvel Élève A »)."""
        known = next((s for s in SIDES if user_id in (self.sides[s].teacher,
                                                       self.sides[s].student,
                                                       self.sides[s].left)), None)
        if known is not None:
            return known
        with self.app.app_context():
            name = db.session.scalar(sa.select(User.display_name).where(User.id == user_id))
        return next((s for s in SIDES if name == f"Nouvel Élève {s.upper()}"), "lone")

    def side_of_class(self, class_id: int) -> str:
        return next(s for s in SIDES if self.sides[s].class_id == class_id)


@pytest.fixture
def world(app: Flask, demo_quizzes: None, users, auth) -> World:
    ids = {name: users.make(username, display, role=role)
           for name, (username, display, role) in ACCOUNTS.items()}
    sides = {}
    with app.app_context():
        quizzes = {q.slug: q for q in db.session.scalars(sa.select(Quiz))}
        for side in SIDES:
            teacher = db.session.get_one(User, ids[f"teacher_{side}"])
            student = db.session.get_one(User, ids[f"student_{side}"])
            quiz = quizzes[QUIZZES[side]]
            room = create_class(teacher, CLASS_NAMES[side], "2026-2027")
            join_class(student, room.join_code)
            join_class(db.session.get_one(User, ids[f"left_{side}"]), room.join_code)
            remove_member(room, ids[f"left_{side}"])
            assignment = assign_quiz(room, quiz, None, None, "best", review_answers="now")
            attempt = start_attempt(student, quiz)
            submitted = attempt.id
            questions = attempt.revision.questions
            submit_attempt(attempt, {q.id: q.choices[0].id for q in questions})
            in_progress = start_attempt(student, quiz).id
            practice = start_attempt(student, quizzes[EXTRA_QUIZ], practice=True).id
            session = live.start_session(teacher, room, quiz)
            live.join(session, student)
            with write_transaction():  # left open since the morning: another may start
                session.created_at -= dt.timedelta(hours=live.LIVE_NOW_HOURS + 1)
            sides[side] = Side(teacher.id, student.id, room.id, assignment.id, quiz.slug,
                               submitted, in_progress, practice, questions[0].key,
                               ids[f"left_{side}"], session.id)
        extra = quizzes[EXTRA_QUIZ].id
    clients, tokens = {}, {}
    for name in CLIENTS:
        username = ACCOUNTS[name][0]
        clients[name] = app.test_client()
        auth.log_in(username, client=clients[name])
        tokens[name] = csrf_token(clients[name].get("/").get_data(as_text=True))
    return World(app, clients, tokens, ids, sides, extra)


def id_rules(app: Flask) -> Iterator[tuple[Rule, str]]:
    """(rule, method) of every route with an id in its URL."""
    for rule in app.url_map.iter_rules():
        if ID_ARGS & set(rule.arguments):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield rule, method


def test_every_route_with_an_id_is_checked_here(app: Flask) -> None:
    found = {(rule.endpoint, method) for rule, method in id_rules(app)}
    assert found == set(SUCCESS), (
        f"routes with an id without an owner check here: {found - set(SUCCESS)}; "
        f"entries of no route: {set(SUCCESS) - found}")
    assert found <= set(MATRIX)


@dataclass(frozen=True)
class Target:
    """The ids of one request: whose class or attempt (`side`), and whether the user or the
    assignment in the URL belongs to that class (`fits`: a member, or for put_back and a
    student's page also a student taken out of it)."""

    side: str
    values: dict[str, int | str]
    fits: bool = True
    in_progress: bool = False


def targets(rule: Rule, world: World) -> list[Target]:
    """Every combination of both owners' ids (and the lone student's user id)."""
    # The user ids that go with a class: its students; those taken out of it for letting
    # them back in, and for their page (their attempts stay the teacher's to see).
    # put_back: those taken out, and its members (back already: a second tap is said so).
    fitting = ({"student", "left"} if rule.endpoint in ("teacher.put_back", "teacher.student")
               else {"student"})
    found = []
    for side in SIDES:
        mine = world.sides[side]
        if rule.endpoint == "teacher.student_attempt":
            # A class's own student's submitted attempt only: not one in progress, nor the
            # other class's student's, nor the lone student's (in no class).
            for attempt_side in SIDES:
                theirs = world.sides[attempt_side]
                for attempt_id, in_progress in ((theirs.submitted, False),
                                                (theirs.in_progress, True)):
                    for user in ("student_a", "student_b", "lone"):
                        found.append(Target(side, {"class_id": mine.class_id,
                                                   "user_id": world.users[user],
                                                   "attempt_id": attempt_id},
                                            fits=(user == f"student_{side}"
                                                  and attempt_side == side
                                                  and not in_progress),
                                            in_progress=in_progress))
            continue
        if "session_id" in rule.arguments:
            found.append(Target(side, {"session_id": mine.live}))
            continue
        if "attempt_id" in rule.arguments:
            attempts = [(mine.submitted, False)]
            if rule.endpoint == "student.practice_answer":
                attempts.append((mine.practice, True))
            elif "key" not in rule.arguments and rule.endpoint != "student.retry":
                # a passage, and a retry of the missed questions: once submitted only
                attempts.append((mine.in_progress, True))
            for attempt_id, in_progress in attempts:
                found.append(Target(side, {"attempt_id": attempt_id, "key": mine.key},
                                    in_progress=in_progress))
            continue
        values: dict[str, int | str] = {"class_id": mine.class_id, "slug": mine.slug}
        if "key" in rule.arguments:  # a question of the class's quiz (who missed it)
            values["key"] = mine.key
        if "user_id" in rule.arguments:
            for user in ("student_a", "student_b", "left_a", "left_b", "lone"):
                found.append(Target(side, {**values, "user_id": world.users[user]},
                                    fits=user in {f"{kind}_{side}" for kind in fitting}))
        elif "assignment_id" in rule.arguments:
            for other in SIDES:
                found.append(Target(side, {**values,
                                           "assignment_id": world.sides[other].assignment},
                                    fits=other == side))
        else:
            found.append(Target(side, values))
    return found


OK = "ok"
# What a class's own teacher gets for a user id that does not go with the class, when not 404:
# letting a student back in deletes the class's own removal of that user, if any (none here).


def expected(rule: Rule, method: str, client: str, target: Target) -> int | str:
    """OK, or the refusal: MATRIX's for another's ids, 404 for ids that do not go together."""
    row = MATRIX[(rule.endpoint, method)]
    kind, _, own = client.partition("_")
    if ("attempt_id" in rule.arguments and "class_id" not in rule.arguments
            or "session_id" in rule.arguments and rule.endpoint.startswith("student.")):
        # A student's own attempt or live session (the phone's pages): theirs only.
        if own == target.side and kind == "student":
            return OK
        return row["teacher"] if kind == "teacher" else row["other_student"]
    if kind == "teacher":
        if own != target.side:
            return row["other_teacher"]
        return OK if target.fits else 404
    member = own == target.side  # the lone student is in no class
    code = row["owner"] if member else row["other_student"]
    return OK if code == 200 and member else code


def url_of(world: World, rule: Rule, target: Target) -> str:
    with world.app.test_request_context():
        return world.app.url_for(rule.endpoint, **{name: target.values[name]
                                                   for name in rule.arguments})


def form(world: World, endpoint: str, target: Target) -> dict[str, str]:
    """Valid fields: a refusal must come before the form is read."""
    if endpoint == "teacher.classroom":
        return {"quiz": str(world.extra_quiz), "counting": "best", "review_score": "now",
                "review_marks": "now", "review_answers": "now"}
    if endpoint == "teacher.live_start":
        return {"live-quiz": str(world.extra_quiz)}
    if endpoint == "teacher.live_control":
        return {"action": "next"}
    if endpoint == "student.live_phone":
        with world.app.app_context():
            session = db.session.get_one(LiveSession, target.values["session_id"])
            question = live.questions(session)[max(session.question, 1) - 1]
            return {"question": str(question.id), "choice": str(question.choices[-1].id)}
    if endpoint == "teacher.rename_member":
        return {"display_name": "Un Autre Nom"}
    if endpoint == "teacher.new_students":
        return {"names": f"Nouvel Élève {target.side.upper()}"}
    if endpoint == "teacher.rename_class":
        return {"name": f"Classe {target.side.upper()}", "school_year": "2027-2028"}
    if endpoint == "student.retry":
        with world.app.app_context():
            missed = db.session.scalar(sa.select(Answer).where(
                Answer.attempt_id == target.values["attempt_id"], Answer.is_correct.is_(False)))
            assert missed is not None, "the owner's attempt needs a wrong answer"
            return {"question": str(missed.question_id), "choice": str(missed.choice_id)}
    if endpoint == "student.practice_answer":
        with world.app.app_context():
            attempt = db.session.get_one(Attempt, target.values["attempt_id"])
            question = attempt.revision.questions[0]
            return {"question": str(question.id), "choice": str(question.choices[-1].id)}
    if endpoint in ("student.attempt", "student.save"):
        with world.app.app_context():
            attempt = db.session.get_one(Attempt, target.values["attempt_id"])
            questions = attempt.revision.questions
            answers = {f"q{q.id}": str(q.choices[-1].id) for q in questions}
        return answers if endpoint == "student.attempt" else dict(list(answers.items())[:1])
    return {}


Rows = dict[str, set[tuple[object, ...]]]


def snapshot(world: World) -> Rows:
    """What an owner's request may change, each row led by its owner: a class or a user."""
    queries = {
        "classroom": sa.select(Classroom.id, Classroom.teacher_id, Classroom.name,
                               Classroom.school_year, Classroom.join_code,
                               Classroom.join_open),
        "membership": sa.select(Membership.classroom_id, Membership.user_id,
                                Membership.hidden_from_board),
        "removal": sa.select(Removal.classroom_id, Removal.user_id, Removal.join_code),
        "assignment": sa.select(Assignment.classroom_id, Assignment.id, Assignment.quiz_id,
                                Assignment.opens_at, Assignment.due_at, Assignment.counting,
                                Assignment.max_attempts, Assignment.review_score,
                                Assignment.review_marks, Assignment.review_answers),
        "counted_result": sa.select(CountedResult.classroom_id, CountedResult.assignment_id,
                                    CountedResult.user_id, CountedResult.attempt_id,
                                    CountedResult.score, CountedResult.total),
        "user": sa.select(User.id, User.username, User.display_name, User.password_hash,
                          User.session_token, User.must_change_password, User.role),
        "attempt": sa.select(Attempt.user_id, Attempt.id, Attempt.quiz_id, Attempt.revision_id,
                             Attempt.status, Attempt.score, Attempt.submitted_at),
        "answer": sa.select(Attempt.user_id, Answer.attempt_id, Answer.question_id,
                            Answer.choice_id, Answer.is_correct).join(Attempt),
        "live_session": sa.select(LiveSession.classroom_id, LiveSession.id, LiveSession.phase,
                                  LiveSession.question, LiveSession.paused,
                                  LiveSession.version),
        "live_participant": sa.select(LiveParticipant.user_id, LiveParticipant.session_id,
                                      LiveParticipant.attempt_id),
        "live_answer": sa.select(LiveParticipant.user_id, LiveAnswer.session_id,
                                 LiveAnswer.question_id, LiveAnswer.choice_id)
        .join(LiveParticipant, LiveParticipant.id == LiveAnswer.participant_id),
        "saved_answer": sa.select(Attempt.user_id, SavedAnswer.attempt_id,
                                  SavedAnswer.question_id, SavedAnswer.choice_id)
        .join(Attempt, Attempt.id == SavedAnswer.attempt_id),
    }
    with world.app.app_context():
        return {name: set(map(tuple, db.session.execute(query)))
                for name, query in queries.items()}


BY_CLASS = {"classroom", "membership", "removal", "assignment", "counted_result",
            "live_session"}


def changed_sides(world: World, before: Rows, after: Rows) -> dict[str, list[str]]:
    """Whose rows changed: side (or "lone") → the tables."""
    sides: dict[str, list[str]] = {}
    for table in before:
        for row in before[table] ^ after[table]:
            owner = row[0]
            assert isinstance(owner, int)
            side = (world.side_of_class(owner) if table in BY_CLASS
                    else world.side_of_user(owner))
            sides.setdefault(side, []).append(table)
    return sides


def markers(world: World, party: str) -> list[str]:
    """What shows a party's data: its class's name and join code, its people's names."""
    people = [c for c in ACCOUNTS if c.endswith(f"_{party}")] if party in SIDES else ["lone"]
    found = [text for c in people for text in ACCOUNTS[c][:2]]
    if party in SIDES:
        with world.app.app_context():
            room = db.session.get_one(Classroom, world.sides[party].class_id)
            found += [room.name, room.join_code]
    return found


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def sheet_text(workbook: bytes) -> str:
    """Every cell of a workbook (the gradebook), one a line: what it shows."""
    book = load_workbook(io.BytesIO(workbook), read_only=True)
    text = "\n".join(str(value) for sheet in book for row in sheet.iter_rows(values_only=True)
                     for value in row if value is not None)
    book.close()
    return text


def request(world: World, client: str, rule: Rule, method: str, target: Target) -> tuple[
        int, str]:
    url = url_of(world, rule, target)
    data = {"csrf_token": world.tokens[client], **form(world, rule.endpoint, target)}
    response = world.clients[client].open(url, method=method,
                                          data=data if method == "POST" else None)
    body = (sheet_text(response.get_data()) if response.mimetype == XLSX
            else response.get_data(as_text=True))
    own = client.rpartition("_")[2] if client != "lone" else "lone"
    for party in (*SIDES, "lone"):
        if party != own:
            for text in markers(world, party):
                if text in body:
                    world.failures.append(f"{method} {url} as {client} shows {party}'s {text!r}")
    return response.status_code, url


def requests(world: World, wanted: str) -> list[tuple[Rule, str, str, Target, int | str]]:
    """(rule, method, client, target, expected) of every request whose expectation is OK
    (wanted="ok") or a refusal (wanted="refused")."""
    found = []
    for rule, method in id_rules(world.app):
        for target in targets(rule, world):
            for client in CLIENTS:
                outcome = expected(rule, method, client, target)
                if (outcome == OK) == (wanted == OK):
                    found.append((rule, method, client, target, outcome))
    return found


def test_nobody_reaches_another_owners_ids(world: World) -> None:
    """Both directions: each owner's client on the other's ids (and the lone student's, and
    ids of one owner mixed with the other's), with valid tokens and fields; nothing changes."""
    refused = requests(world, "refused")
    assert len(refused) > 200
    before = snapshot(world)
    for rule, method, client, target, code in refused:
        got, url = request(world, client, rule, method, target)
        if got != code:
            world.failures.append(f"{method} {url} as {client}: {got}, expected {code}")
        if method == "POST":
            after = snapshot(world)
            if after != before:
                world.failures.append(f"{method} {url} as {client} changed "
                                      f"{changed_sides(world, before, after)}")
                before = after
    assert not world.failures, "\n".join(world.failures)


def test_each_owner_reaches_their_own_ids_and_changes_only_their_data(world: World) -> None:
    allowed = requests(world, OK)
    # Each owner, each route: teachers their class, students their class's boards and their
    # own attempts.
    assert {(rule.endpoint, method) for rule, method, *_rest in allowed} == set(SUCCESS)
    assert {target.side for *_rest, target, _ok in allowed} == set(SIDES)
    order = {route: n for n, route in enumerate(LAST, start=1)}
    allowed.sort(key=lambda r: (r[1] == "POST", order.get((r[0].endpoint, r[1]), 0)))
    for rule, method, client, target, _ok in allowed:
        route = (rule.endpoint, method)
        before = snapshot(world)
        got, url = request(world, client, rule, method, target)
        if got != SUCCESS[route]:
            world.failures.append(f"{method} {url} as {client}: {got}, expected "
                                  f"{SUCCESS[route]}")
        changed = changed_sides(world, before, snapshot(world))
        if set(changed) - {target.side}:
            world.failures.append(f"{method} {url} as {client} changed another's data: "
                                  f"{changed}")
        # Every POST here changes its owner's data, but a submitted attempt's (nothing to do),
        # putting back a member (back already: a second tap) and deleting a class its
        # students keep (refused: tests/test_classes_pages.py deletes an empty one).
        must_change = method == "POST" and not (
            "attempt_id" in rule.arguments and not target.in_progress) and not (
            route == ("teacher.put_back", "POST")
            and target.values.get("user_id") == world.sides[target.side].student) and (
            route != ("teacher.delete_class", "POST"))
        if must_change and target.side not in changed:
            world.failures.append(f"{method} {url} as {client} changed nothing")
    assert not world.failures, "\n".join(world.failures)


def test_a_drafting_job_is_shared_by_the_teachers_and_shows_nobody(world: World) -> None:
    """Quizzes are the school's teachers' together (no id in their addresses): a drafting job
    one teacher starts, the other sees on the status route; students get 403; the status names
    no one, the drafts page only its reader."""
    slug = world.sides["a"].slug
    url = f"/teacher/quizzes/{slug}"
    started = world.clients["teacher_a"].post(f"{url}/draft",
                                              data={"csrf_token": world.tokens["teacher_a"]})
    assert started.status_code == 302
    for client in ("teacher_a", "teacher_b"):
        status = world.clients[client].get(f"{url}/drafting")
        assert status.status_code == 200 and status.get_json()["state"] == "queued", client
        page = world.clients[client].get(f"{url}/drafts").get_data(as_text=True)
        own = client.rpartition("_")[2]
        for party in (*SIDES, "lone"):
            for text in markers(world, party):
                assert text not in status.get_data(as_text=True), f"status shows {text!r}"
                # The page's header names its reader only.
                assert party == own or text not in page, f"{client} sees {party}'s {text!r}"
    for client in ("student_a", "student_b", "lone"):
        assert world.clients[client].get(f"{url}/drafting").status_code == 403, client


def test_publish_and_assign_offers_and_changes_only_the_teachers_own_classes(
        world: World) -> None:
    """*Publish and assign* has no id in its address but class ids in its form: each teacher
    is offered their own classes only; another's class id is refused (422) and changes
    nothing, even beside one of their own; students get 403. The quiz page then names the
    reader's classes only."""
    url = f"/teacher/quizzes/{EXTRA_QUIZ}/assign"
    for side in SIDES:
        other = "b" if side == "a" else "a"
        client, token = world.clients[f"teacher_{side}"], world.tokens[f"teacher_{side}"]
        own_id, other_id = world.sides[side].class_id, world.sides[other].class_id
        page = client.get(url).get_data(as_text=True)
        assert CLASS_NAMES[side] in page
        for text in markers(world, other) + markers(world, "lone"):
            assert text not in page, f"teacher_{side} is offered {text!r}"
        before = snapshot(world)
        for chosen in ([other_id], [own_id, other_id]):
            response = client.post(url, data={"csrf_token": token, "counting": "best",
                                              "classes": [str(c) for c in chosen]})
            assert response.status_code == 422, (side, chosen)
            assert snapshot(world) == before, (side, chosen)
        response = client.post(url, data={"csrf_token": token, "counting": "best",
                                          "classes": [str(own_id)]})
        assert response.status_code == 302
        assert changed_sides(world, before, snapshot(world)) == {side: ["assignment"]}
        quiz_page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert CLASS_NAMES[side] in quiz_page and CLASS_NAMES[other] not in quiz_page
    for name in ("student_a", "student_b", "lone"):
        assert world.clients[name].get(url).status_code == 403
        assert world.clients[name].post(url, data={
            "csrf_token": world.tokens[name], "counting": "best",
            "classes": [str(world.sides["a"].class_id)]}).status_code == 403
def test_a_quiz_for_the_classes_is_seen_by_their_students_only(world: World) -> None:
    """Quiz a, for the classes it is assigned to (class a's): a student of another teacher's
    class, or of no class, gets 404 on its page, its start and its practice start, as for a
    quiz that does not exist; it shows once assigned to their class, or shared with everyone.
    Every student's attempts stay theirs to read."""
    slug, quiz_url = world.sides["a"].slug, f"/quizzes/{world.sides['a'].slug}"

    def reached(client: str) -> tuple[int, int, int]:
        token = world.tokens[client]
        http = world.clients[client]
        return (http.get(quiz_url).status_code,
                http.post(f"{quiz_url}/start", data={"csrf_token": token}).status_code,
                http.post(f"{quiz_url}/start", data={"csrf_token": token,
                                                     "mode": "practice"}).status_code)

    def share(visibility: str, teacher: str = "teacher_a") -> None:
        response = world.clients[teacher].post(
            f"/teacher/quizzes/{slug}/visibility",
            data={"csrf_token": world.tokens[teacher], "visibility": visibility})
        assert response.status_code == 302

    share("classes")
    # student_a resumes the attempt in progress (302); the others are told nothing exists.
    assert reached("student_a") == (200, 302, 302)
    for client in ("student_b", "lone"):
        assert reached(client) == (404, 404, 404), client
        assert slug not in world.clients[client].get("/quizzes").get_data(as_text=True)
    assert world.clients["student_a"].get(
        f"/attempts/{world.sides['a'].submitted}").status_code == 200
    # Assigned to class b by its own teacher: student b sees it, the lone student still not.
    with world.app.app_context():
        assign_quiz(db.session.get_one(Classroom, world.sides["b"].class_id),
                    db.session.scalars(sa.select(Quiz).where(Quiz.slug == slug)).one(),
                    None, None, "best")
    assert reached("student_b") == (200, 302, 302)
    assert reached("lone") == (404, 404, 404)
    share("everyone", teacher="teacher_b")  # the bank is the teachers' together
    assert reached("lone") == (200, 302, 302)
    assert slug in world.clients["lone"].get("/quizzes").get_data(as_text=True)


def test_a_guest_reaches_only_their_sessions_phone(world: World) -> None:
    """A guest (no account) in class a's live session, which takes guests: every route with an
    id, with both owners' ids, answers them as anyone without an account, but their own
    session's phone page and state (open) and class b's (404); nothing changes; nothing of
    class b shows."""
    with world.app.app_context():
        session = db.session.get_one(LiveSession, world.sides["a"].live)
        with write_transaction():
            session.guests_allowed = True
        code = session.code
    guest = world.app.test_client()
    token = csrf_token(guest.get(f"/live/guest?code={code}").get_data(as_text=True))
    assert guest.post("/live/guest", data={"csrf_token": token, "code": code,
                                           "nickname": "Invité Sans Compte"}).status_code == 302
    before = snapshot(world)
    failures = []
    for rule, method in id_rules(world.app):
        for target in targets(rule, world):
            expected = MATRIX[(rule.endpoint, method)]["anonymous"]
            if "session_id" in rule.arguments and rule.endpoint.startswith("student."):
                expected = ({"GET": 200, "POST": 302}[method] if target.side == "a" else 404)
            url = url_of(world, rule, target)
            data = {"csrf_token": token, **form(world, rule.endpoint, target)}
            response = guest.open(url, method=method, data=data if method == "POST" else None)
            got: int | str = response.status_code
            if got == 302 and sent_to_login(response.headers["Location"], url, method,
                                            rule.endpoint):
                got = LOGIN
            if got != expected:
                failures.append(f"{method} {url} as a guest: {got}, expected {expected}")
            body = response.get_data(as_text=True)
            failures += [f"{method} {url} as a guest shows {text!r}"
                         for text in markers(world, "b") if text in body]
    assert not failures, "\n".join(failures)
    assert snapshot(world) == before
