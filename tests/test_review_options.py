"""Review options per assignment: what a student sees after submitting, and from when. Before
the due date no page a student can reach holds a right answer they did not find themselves."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import Assignment, Attempt, Classroom, Quiz, User
from quiz.services import live
from quiz.services.attempts import load_questions
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.review import EVERYTHING, review_rule
from quiz.templating import long_date, typography, when
from tests.support import SEED_QUIZ, csrf_token, without_live_parts
from tests.test_classes_pages import create_class as create_class_page
from tests.test_classes_pages import post, submit_seed

pytestmark = pytest.mark.usefixtures("demo_quizzes")
WRONG = 4  # the student answers the first 4 questions wrong
# Pages of these blueprints are for students (and teachers); the others are the teacher's.
STUDENT_SIDE = ("student.", "boards.", "auth.")


@pytest.fixture
def submitted_before_due(app: Flask, teacher: FlaskClient, auth):
    """A class given the seed quiz due in three days with the default review options, and a
    student who submitted it with 4 wrong answers."""
    class_id, code = create_class_page(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    due = (dt.datetime.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    post(teacher, f"/teacher/classes/{class_id}", {"quiz": str(quiz_id), "counting": "best",
                                                   "due_at": due, "max_attempts": ""})
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    submit_seed(app, student, WRONG)
    with app.app_context():
        attempt = db.session.scalar(sa.select(Attempt))
        questions = load_questions(attempt.revision_id)
        language = attempt.revision.language
        keys = [(q.key, shown(next(c.text for c in q.choices if c.is_correct), language),
                 shown(q.explanation, language)) for q in questions]
        db.session.expunge_all()
    return student, class_id, attempt.id, keys


def shown(text: str, language: str) -> str:
    """A text as pages show it (French spacing, escaped)."""
    return str(escape(typography(text, language)))


def student_pages(app: Flask, values: dict[str, object]) -> list[str]:
    """Every GET page of the student side, from the URL map: a new page is read here without
    anyone listing it (and fails here if it takes a value this test does not know)."""
    paths = []
    adapter = app.url_map.bind("localhost")
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.endpoint.startswith(STUDENT_SIDE):
            continue
        missing = rule.arguments - values.keys()
        assert not missing, f"{rule.endpoint}: no value for {missing} in this test"
        paths.append(adapter.build(rule.endpoint, {k: values[k] for k in rule.arguments}))
    return paths


def test_before_the_due_date_no_page_shows_a_right_answer_the_student_missed(
        app: Flask, submitted_before_due) -> None:
    student, class_id, attempt_id, keys = submitted_before_due
    missed = keys[:WRONG]
    # A live session of the quiz for the class, joined, before its first question (a question
    # open shows its choices, the right one among them, as any question does).
    with app.app_context():
        room = db.session.get_one(Classroom, class_id)
        session = live.start_session(room.teacher, room,
                                     db.session.scalars(sa.select(Quiz).where(
                                         Quiz.slug == SEED_QUIZ)).one())
        live.join(session, db.session.scalars(sa.select(User).where(
            User.username == "lea")).one())
        session_id = session.id
    seen = ""
    for key, _right, _explanation in keys:
        paths = student_pages(app, {"attempt_id": attempt_id, "slug": SEED_QUIZ, "key": key,
                                    "class_id": class_id, "session_id": session_id})
        for path in paths:
            response = student.get(path)
            assert response.status_code in (200, 302, 403), (path, response.status_code)
            # The live phone's empty parts (labels for its script) are no answer shown.
            seen += without_live_parts(response.get_data(as_text=True))
    for key, _right, explanation in keys:
        assert explanation not in seen, f"the explanation of {key} is shown"
    for key, right, _explanation in missed:
        assert right not in seen, f"the right answer of {key}, missed, is shown"
    assert "Correct answer" not in seen and "passage-link" not in seen
    # What the defaults show at once: the score and which answers were right.
    results = student.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "8\u00a0/\u00a012" in results and results.count("badge wrong") == WRONG
    assert "are shown after" in results
    passage = student.get(f"/attempts/{attempt_id}/passages/{keys[0][0]}")
    assert passage.status_code == 403 and "are shown after" in passage.get_data(as_text=True)


def test_a_student_outside_the_class_gets_no_key_before_its_due_date(
        app: Flask, submitted_before_due, auth) -> None:
    """The quiz is shared with everyone: Max, in no class (a second account of a classmate,
    or a friend elsewhere), practises it and submits it. While Léa's class keeps the right
    answers until its due date, his pages hold none of them; once it is past, they do."""
    _lea, _class_id, _attempt_id, keys = submitted_before_due
    max_ = app.test_client()
    auth.register("max", "Max", client=max_)
    token = csrf_token(max_.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True))
    practice = max_.post(f"/quizzes/{SEED_QUIZ}/start", data={"csrf_token": token,
                                                              "mode": "practice"})
    url = practice.headers["Location"]
    with app.app_context():
        questions = load_questions(db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
                                   .revision_id)
        first = questions[0]
        wrong = next(c.id for c in first.choices if not c.is_correct)
        db.session.expunge_all()
    page = max_.get(url).get_data(as_text=True)
    feedback = max_.post(f"{url}/practice", data={
        "csrf_token": csrf_token(page), "question": str(first.id), "choice": str(wrong)},
        follow_redirects=True)
    text = feedback.get_data(as_text=True)
    _key, right, explanation = keys[0]
    assert 'id="feedback"' in text
    assert right not in text and explanation not in text and "Correct answer" not in text
    assert "kept from students while a class has it to do" in text
    nina = app.test_client()  # another outsider, who takes the whole quiz
    auth.register("nina", "Nina", client=nina)
    overview = nina.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert "each answer is explained" not in overview  # no promise the page cannot keep
    assert "are kept from students while a class has this quiz to do" in overview
    submit_seed(app, nina, 1)
    with app.app_context():
        nina_attempt = db.session.scalar(sa.select(Attempt.id).join(User).where(
            User.username == "nina"))
    results = nina.get(f"/attempts/{nina_attempt}").get_data(as_text=True)
    assert "kept from students while a class has it to do: come back after" in results
    assert right not in results and "badge wrong" not in results
    # Nor her score, anywhere she looks: changing one answer between two attempts, the score
    # going up or down says whether it was right (the key in about as many tries as
    # questions, with no limit of attempts).
    for path in (f"/attempts/{nina_attempt}", "/history", "/", f"/quizzes/{SEED_QUIZ}"):
        html = nina.get(path).get_data(as_text=True)
        assert "11\u00a0/\u00a012" not in html and "92%" not in html, path
    assert "Your score: <span class=\"muted\">shown after" in results
    # Nor which of her attempts scored best: a second, better one is not what « Best score »
    # leads to (the link moving to the new attempt said it was better).
    submit_seed(app, nina, 0)
    history = nina.get("/history").get_data(as_text=True)
    assert 'id="best-' not in history
    # Nor whether it was right: with no limit of attempts, the key again in a few tries.
    assert "badge wrong" not in text and "badge right" not in text
    with app.app_context(), write_transaction():
        assignment = db.session.scalar(sa.select(Assignment))
        assignment.due_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    after = max_.get(f"{url}?after={first.key}").get_data(as_text=True)
    assert right in after and explanation in after


def test_after_the_due_date_everything_is_shown(app: Flask, submitted_before_due) -> None:
    student, _class_id, attempt_id, keys = submitted_before_due
    with app.app_context(), write_transaction():
        assignment = db.session.scalar(sa.select(Assignment))
        assignment.due_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    results = student.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    key, right, explanation = keys[0]
    assert explanation in results and right in results and "Correct answer" in results
    assert student.get(f"/attempts/{attempt_id}/passages/{key}").status_code == 200


def test_never_hides_the_score_everywhere_a_student_looks(app: Flask, teacher: FlaskClient,
                                                          auth) -> None:
    class_id, code = create_class_page(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    post(teacher, f"/teacher/classes/{class_id}", {
        "quiz": str(quiz_id), "counting": "best", "review_score": "never",
        "review_marks": "never", "review_answers": "never"})
    class_page = teacher.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    assert "score: never; right or wrong: never; answers: never" in class_page
    # The form says that marks held back with the score shown are no secret for long.
    assert ("they can still be worked out from the score, one answer changed at a time: allow "
            "one or two attempts.") in class_page
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    submit_seed(app, student, 1)
    with app.app_context():
        attempt_id = db.session.scalar(sa.select(Attempt.id))
    for path in (f"/attempts/{attempt_id}", "/history", "/", f"/quizzes/{SEED_QUIZ}"):
        html = student.get(path).get_data(as_text=True)
        assert "11\u00a0/\u00a012" not in html, path
    results = student.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert "not shown by your teacher" in results and "badge" not in results
    assert "does not show the right answers" in results
    assert "<circle" not in student.get("/").get_data(as_text=True)  # no dot on the chart


def test_the_strictest_of_a_students_classes_holds(app: Flask, users) -> None:
    lea_id = users.make("lea")
    teacher_id = users.make("prof", role="teacher")
    now = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        assert review_rule(lea_id, quiz.id, now) == EVERYTHING  # practice: all at once
        teacher, lea = db.session.get_one(User, teacher_id), db.session.get_one(User, lea_id)
        for name, due, answers in (("A", now + dt.timedelta(days=1), "after_due"),
                                   ("B", now + dt.timedelta(days=2), "after_due"),
                                   ("C", None, "after_due")):
            room = create_class(teacher, name, "2026-2027")
            join_class(lea, room.join_code)
            assign_quiz(room, quiz, None, due, "best", review_answers=answers)
        rule = review_rule(lea_id, quiz.id, now)
        assert rule.score.now and rule.marks.now
        assert (rule.answers.now, rule.answers.from_) == (False, now + dt.timedelta(days=2))
        assert review_rule(lea_id, quiz.id, now + dt.timedelta(days=3)).answers.now
        room = create_class(teacher, "D", "2026-2027")
        join_class(lea, room.join_code)
        assign_quiz(room, quiz, None, None, "best", review_score="never")
        assert review_rule(lea_id, quiz.id, now + dt.timedelta(days=3)).score.from_ is None
        assert not review_rule(lea_id, quiz.id, now + dt.timedelta(days=3)).score.now


def test_the_teacher_still_sees_everything(app: Flask, submitted_before_due,
                                           teacher: FlaskClient) -> None:
    _student, class_id, _attempt_id, keys = submitted_before_due
    insight = teacher.get(f"/teacher/classes/{class_id}/quizzes/{SEED_QUIZ}/insight")
    assert re.search(r"Question 1\b", insight.get_data(as_text=True))


def test_boards_show_a_quizs_scores_to_the_class_only_when_the_review_options_do(
        app: Flask, teacher: FlaskClient, auth) -> None:
    app.config["BOARD_MAX_AGE"] = 0  # every request computes its board
    class_id, code = create_class_page(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    due = (dt.datetime.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    post(teacher, f"/teacher/classes/{class_id}", {
        "quiz": str(quiz_id), "counting": "best", "due_at": due, "review_score": "after_due"})
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)
    auth.register("anne", "Anne", code, client=app.test_client())  # not done: after Léa
    submit_seed(app, student, 1)
    per_quiz = student.get(f"/classes/{class_id}/board/{SEED_QUIZ}").get_data(as_text=True)
    assert "not shown to the class yet" in per_quiz and "11&nbsp;/&nbsp;12" not in per_quiz
    assert re.search(r"<td[^>]*>done</td>", per_quiz)
    overall = student.get(f"/classes/{class_id}/board").get_data(as_text=True)
    assert "1 quiz whose scores are not shown yet is left out" in overall
    assert "11&nbsp;/&nbsp;12" not in overall
    data = student.get(f"/classes/{class_id}/board.json").get_json()
    assert [(s["score"], s["of"]) for s in data["standings"]] == [(0, 0), (0, 0)]
    # The quiz's projector (the class's view, whoever opens it) and its data: who has done it.
    for client in (student, teacher):
        screen = client.get(f"/classes/{class_id}/projector/{SEED_QUIZ}").get_data(as_text=True)
        assert "not shown to the class yet" in screen and "11&nbsp;/&nbsp;12" not in screen
        assert '<span class="pts"></span> <span class="done">done</span>' in screen
        data = client.get(f"/classes/{class_id}/board.json?quiz={SEED_QUIZ}").get_json()
        # Who has done it first (the projector shows ten), then by name.
        assert [(s["name"], s["points"], s["detail"], s["score"], s["position"])
                for s in data["standings"]] == [("Léa", "", "done", 0, None),
                                                ("Anne", "", "not done yet", 0, None)]
    assert "11&nbsp;/&nbsp;12" in teacher.get(  # the teacher sees every score
        f"/classes/{class_id}/board/{SEED_QUIZ}").get_data(as_text=True)
    with app.app_context(), write_transaction():
        db.session.scalar(sa.select(Assignment)).due_at = (
            dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
    assert "11&nbsp;/&nbsp;12" in student.get(f"/classes/{class_id}/board").get_data(
        as_text=True)


def test_moving_a_passed_due_date_later_says_the_answers_were_shown(
        app: Flask, teacher: FlaskClient) -> None:
    """The right answers were shown once the due date passed; the teacher gives the class
    three more days: told that students saw them meanwhile. Moved while still ahead, or with
    answers shown at once, nothing of the kind is said."""
    class_id, _code = create_class_page(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    later = (dt.datetime.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    rules = {"classes": str(class_id), "counting": "best", "review_score": "now",
             "review_marks": "after_due", "review_answers": "after_due"}
    post(teacher, f"/teacher/classes/{class_id}", {"quiz": str(quiz_id), "counting": "best",
                                                   "due_at": later,
                                                   "review_marks": "after_due"})
    settings = f"/teacher/quizzes/{SEED_QUIZ}/assign?class={class_id}"
    said = "The right answers were shown to 4e B once the due date passed"

    def saved(data: dict[str, str]) -> str:
        response = post(teacher, settings, data)
        assert response.status_code == 302, response.text
        return teacher.get(response.headers["Location"]).text

    assert said not in saved({**rules, "due_at": later})  # not passed yet
    with app.app_context(), write_transaction():
        db.session.scalar(sa.select(Assignment)).due_at = (
            dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    assert said in saved({**rules, "due_at": later})
    with app.app_context(), write_transaction():
        assignment = db.session.scalar(sa.select(Assignment))
        assignment.due_at = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        assignment.review_marks = assignment.review_answers = "now"
    assert said not in saved({**rules, "review_marks": "now", "review_answers": "now",
                              "due_at": later})  # shown at once anyway: nothing new
    with app.app_context(), write_transaction():
        assignment = db.session.scalar(sa.select(Assignment))
        assignment.due_at = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        assignment.review_marks = assignment.review_answers = "after_due"
    assert said not in saved({**rules, "review_marks": "never", "review_answers": "never",
                              "due_at": later})  # never shown again: not « until the new one »


def test_the_results_advice_follows_what_the_page_shows_and_the_attempts_left(
        app: Flask, teacher: FlaskClient, auth) -> None:
    """No "read the passages below" while the passages are hidden, no "try again" once the
    attempt limit is reached; in both languages."""
    class_id, code = create_class_page(teacher)
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    due = (dt.datetime.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    post(teacher, f"/teacher/classes/{class_id}", {"quiz": str(quiz_id), "counting": "best",
                                                   "due_at": due, "max_attempts": "2"})
    student = app.test_client()
    auth.register("lea", "Léa", code, client=student)

    def advice(language: str) -> tuple[str, str]:
        with app.app_context():
            latest = db.session.scalar(sa.select(Attempt.id).order_by(Attempt.id.desc()))
        html = student.get(f"/attempts/{latest}",
                           headers={"Accept-Language": language}).get_data(as_text=True)
        found = [re.search(rf'id="{name}">([^<]*)<', html) for name in
                 ("score-message", "score-change")]
        return tuple(m.group(1) if m else "" for m in found)  # type: ignore[return-value]

    submit_seed(app, student, 8)  # 4 of 12 right, one attempt left, passages hidden
    assert advice("en") == ("A start: read the article again, then try again.", "")
    assert advice("fr") == ("Un début\u00a0: relisez l’article, puis réessayez.", "")
    # Said beside « Take this quiz again »: the next attempt is the last one.
    with app.app_context():
        latest = db.session.scalar(sa.select(Attempt.id).order_by(Attempt.id.desc()))
    for language, said in (("en", "1 attempt left, your last (1 of 2 made)"),
                           ("fr", "1 tentative restante, la dernière (1 sur 2 faites)")):
        html = student.get(f"/attempts/{latest}", headers={"Accept-Language": language}).text
        assert f'<span class="muted" id="attempts-left">{said}</span>' in html
        assert 'aria-describedby="attempts-left"' in html
    submit_seed(app, student, 10)  # 2 of 12: no attempt left
    assert advice("en") == ("A start: fewer than half of the answers are right.",
                            "Your previous attempt: 33%.")
    with app.app_context():
        latest = db.session.scalar(sa.select(Attempt.id).order_by(Attempt.id.desc()))
    second = student.get(f"/attempts/{latest}").text
    assert ('<p class="muted" id="attempts-left">No attempt left: your results stay below and '
            "in your history.</p>") in second
    # Its 2 / 12 is not what the board counts: the first attempt, the better one, does.
    assert "What counts for 4e B: your best attempt, 4\u00a0/\u00a012." in second
    assert advice("fr") == ("Un début\u00a0: moins de la moitié des réponses sont justes.",
                            "Votre tentative précédente\u00a0: 33\u00a0%.")
    with app.app_context(), write_transaction():  # the due date passes: passages shown
        db.session.scalar(sa.select(Assignment)).due_at = (
            dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
    assert advice("en") == ("A start: read the passages of the questions you missed.",
                            "Your previous attempt: 33%. The passages below show what you "
                            "missed.")
    assert advice("fr") == ("Un début\u00a0: lisez les extraits des questions manquées.",
                            "Votre tentative précédente\u00a0: 33\u00a0%. Les extraits "
                            "ci-dessous montrent ce qui vous a échappé.")


def test_the_quiz_page_says_from_when_the_answers_are_shown(
        app: Flask, submitted_before_due) -> None:
    student, class_id, _attempt_id, _keys = submitted_before_due
    with app.app_context():
        due = db.session.scalar(sa.select(Assignment.due_at).where(
            Assignment.classroom_id == class_id))
    with app.test_request_context():
        shown_date = when(due)
    page = student.get(f"/quizzes/{SEED_QUIZ}").get_data(as_text=True)
    assert (f"The right answers, explained with their passages, are shown after {shown_date}."
            in page)


def test_assigning_a_quiz_whose_answers_another_class_keeps_says_so(
        app: Flask, teacher: FlaskClient, users) -> None:
    """Another teacher's class keeps the quiz's right answers until its due date; Mme Martin
    gives it to 4e B with the answers shown at once: told that her students could pass them
    on, until when (the other class not named). Shown after a due date no earlier, or never:
    nothing said. (Tom of 4e C saw every right answer Léa of 4e B was kept from.)"""
    other = users.make("autre", "M. Autre", role="teacher")
    student, student2 = users.make("eleve", "Élève"), users.make("eleve2", "Élève 2")
    due = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(days=7)
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        room = create_class(db.session.get_one(User, other), "3e A", "2026-2027")
        assign_quiz(room, quiz, None, due, "best")  # answers after its due date: the default
        quiz_id = quiz.id
        join_class(db.session.get_one(User, student), room.join_code)  # a class with students
        empty = create_class(db.session.get_one(User, other), "3e Z", "2026-2027")
        assign_quiz(empty, quiz, None, None, "best", review_answers="never")  # none: not said
    with app.test_request_context():
        until = long_date(due.astimezone(ZoneInfo(app.config["BABEL_DEFAULT_TIMEZONE"])).date())
    class_id, _code = create_class_page(teacher)
    settings = f"/teacher/quizzes/{SEED_QUIZ}/assign?class={class_id}"
    said = ("Another class keeps this quiz's right answers from its students until "
            f"{until}: yours will see them sooner")

    assigned = post(teacher, f"/teacher/classes/{class_id}", {
        "quiz": str(quiz_id), "counting": "best", "review_answers": "now"})
    assert assigned.status_code == 302
    page = teacher.get(assigned.headers["Location"]).text
    assert str(escape(said)) in page and "3e A" not in page

    def saved(data: dict[str, str]) -> str:
        response = post(teacher, settings, {"classes": str(class_id), "counting": "best",
                                            "review_score": "now", "review_marks": "now",
                                            **data})
        assert response.status_code == 302, response.text
        return teacher.get(response.headers["Location"]).text

    later = (dt.datetime.now() + dt.timedelta(days=8)).strftime("%Y-%m-%dT%H:%M")
    sooner = (dt.datetime.now() + dt.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    assert str(escape(said)) in saved({"review_answers": "after_due", "due_at": sooner})
    assert "right answers from" not in saved({"review_answers": "after_due", "due_at": later})
    assert "right answers from" not in saved({"review_answers": "never", "due_at": sooner})
    # A class with students that never shows them: said so, whatever the dated ones.
    with app.app_context(), write_transaction():
        neverland = create_class(db.session.get_one(User, other), "3e N", "2026-2027")
        join_class(db.session.get_one(User, student2), neverland.join_code)
        assign_quiz(neverland, db.session.get_one(Quiz, quiz_id), None, None, "best",
                    review_answers="never")
    shown = saved({"review_answers": "now"})
    assert "Another class never shows this quiz&#39;s right answers to its students" in shown
    assert "3e N" not in shown and "3e A" not in shown
