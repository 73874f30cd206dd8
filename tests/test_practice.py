"""Practice mode (issue 18.2): one question at a time, each answer stored, graded and explained
with its passage when given; the attempt graded once after the last question."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.extensions import db
from quiz.models import (
    Answer,
    Attempt,
    Classroom,
    CountedResult,
    Quiz,
    SavedAnswer,
    User,
    utcnow,
)
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.content import QuestionContent, revision_content
from quiz.templating import typography
from tests.support import SEED_QUIZ, csrf_token

pytestmark = pytest.mark.usefixtures("demo_quizzes")


def practise(client: FlaskClient, slug: str = SEED_QUIZ) -> str:
    """Press 'Practise' on the quiz's page; the attempt's URL."""
    token = csrf_token(client.get(f"/quizzes/{slug}").text)
    response = client.post(f"/quizzes/{slug}/start",
                           data={"csrf_token": token, "mode": "practice"})
    assert response.status_code == 302
    return response.headers["Location"]


def questions(app: Flask, url: str) -> tuple[QuestionContent, ...]:
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        assert attempt.practice
        return revision_content(attempt.revision_id).questions


def answer(client: FlaskClient, url: str, question: QuestionContent, choice_id: int):
    token = csrf_token(client.get(url).text)
    return client.post(f"{url}/practice", data={"csrf_token": token,
                                                "question": str(question.id),
                                                "choice": str(choice_id)})


def start_whole_quiz(app: Flask, client: FlaskClient
                     ) -> tuple[str, str, tuple[QuestionContent, ...]]:
    """Press 'Start' (every question at once) on the seed quiz's page: the attempt's URL, the
    form's token and the questions asked."""
    token = csrf_token(client.get(f"/quizzes/{SEED_QUIZ}").text)
    url = client.post(f"/quizzes/{SEED_QUIZ}/start",
                      data={"csrf_token": token}).headers["Location"]
    with app.app_context():
        attempt = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1]))
        return url, token, revision_content(attempt.revision_id).questions


def right(question: QuestionContent) -> int:
    return next(c.id for c in question.choices if c.is_correct)


def wrong(question: QuestionContent) -> int:
    return next(c.id for c in question.choices if not c.is_correct)


def test_one_question_at_a_time_each_answer_explained_then_the_results(
        app: Flask, client: FlaskClient, student: int) -> None:
    overview = client.get(f"/quizzes/{SEED_QUIZ}").text
    assert 'name="mode" value="practice"' in overview and "Practise" in overview
    url = practise(client)
    asked = questions(app, url)
    page = client.get(url).text
    assert "Question 1 of 12" in page and "0 of 12 answered" in page
    french = client.get(url, headers={"Accept-Language": "fr"}).text
    assert 'id="practice-progress">0 réponse sur 12</p>' in french
    assert typography(asked[0].prompt, "fr") in page
    assert typography(asked[1].prompt, "fr") not in page  # one question at a time
    # Nothing of the answer before it is given.
    assert typography(asked[0].explanation, "fr") not in page and "<mark" not in page
    assert f'action="{url}/practice"' in page

    response = answer(client, url, asked[0], wrong(asked[0]))
    assert response.status_code == 302
    assert response.headers["Location"] == f"{url}?after={asked[0].key}#practice-question"
    feedback = client.get(f"{url}?after={asked[0].key}").text
    assert "✗</span> Wrong" in feedback
    correct = next(c for c in asked[0].choices if c.is_correct)
    assert f'<dd class="correct-answer" lang="fr">{typography(correct.text, "fr")}</dd>' in \
        feedback
    assert typography(asked[0].explanation, "fr") in feedback
    passage = re.search(r'<mark id="passage" class="passage-mark"><span[^>]*>Start of the '
                        r'passage: </span>([^<]+)<span', feedback)
    assert passage and passage.group(1) == typography(asked[0].passage, "fr")
    assert 'id="feedback" tabindex="-1"' in feedback and 'role="status"' in feedback
    assert f'id="next-question" href="{url}#practice-question"' in feedback
    assert "1 of 12 answered" in feedback
    french = client.get(f"{url}?after={asked[0].key}", headers={"Accept-Language": "fr"}).text
    assert 'id="practice-progress">1 réponse sur 12</p>' in french

    assert "Question 2 of 12" in client.get(url).text
    answer(client, url, asked[1], right(asked[1]))
    french = client.get(url, headers={"Accept-Language": "fr"}).text
    assert 'id="practice-progress">2 réponses sur 12</p>' in french
    for question in asked[2:-1]:
        assert answer(client, url, question, right(question)).status_code == 302
    with app.app_context():  # nothing graded before the last answer
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0
    # The last answer: graded at once, explained as every other, then the results, which
    # open at the score (not at the last question, the score out of sight above).
    last = answer(client, url, asked[-1], right(asked[-1]))
    feedback_url = f"{url}?after={asked[-1].key}"
    assert last.headers["Location"] == f"{feedback_url}#practice-question"
    last = client.get(feedback_url)
    assert "Question 12 of 12" in last.text and "✓</span> Right" in last.text
    assert typography(asked[-1].explanation, "fr") in last.text
    assert f'id="next-question" href="{url}">See my results</a>' in last.text
    # Sent twice (a double tap): its feedback again, not « already submitted ».
    again = answer(client, url, asked[-1], right(asked[-1]))
    assert again.headers["Location"] == f"{feedback_url}#practice-question"
    results = client.get(url).text
    assert 'id="score">11\u00a0/\u00a012</strong>' in results
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 12
        assert db.session.scalar(sa.select(sa.func.count(SavedAnswer.attempt_id))) == 0
        assert db.session.scalar(sa.select(Attempt.status)) == "submitted"


def test_an_answer_once_explained_cannot_be_changed(
        app: Flask, client: FlaskClient, student: int) -> None:
    url = practise(client)
    asked = questions(app, url)
    answer(client, url, asked[0], wrong(asked[0]))
    again = answer(client, url, asked[0], right(asked[0]))
    assert again.headers["Location"] == f"{url}?after={asked[0].key}#practice-question"
    page = client.get(again.headers["Location"].split("#")[0]).text
    assert "You answered this question already: here is its explanation." in page
    assert "✗</span> Wrong" in page
    with app.app_context():
        assert db.session.scalar(sa.select(SavedAnswer.choice_id)) == wrong(asked[0])


def test_feedback_and_answers_only_for_this_students_questions(
        app: Flask, client: FlaskClient, student: int, users, auth) -> None:
    url = practise(client)
    asked = questions(app, url)
    # The feedback of a question not answered yet would give its answer away.
    assert client.get(f"{url}?after={asked[1].key}").status_code == 404
    assert client.get(f"{url}?after=no-such-question").status_code == 404
    token = csrf_token(client.get(url).text)
    tampered = client.post(f"{url}/practice", data={
        "csrf_token": token, "question": "999999", "choice": str(right(asked[0]))})
    assert tampered.status_code == 400
    other_choice = client.post(f"{url}/practice", data={
        "csrf_token": token, "question": str(asked[0].id), "choice": str(right(asked[1]))})
    assert other_choice.status_code == 400
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(SavedAnswer.attempt_id))) == 0
    no_choice = client.post(f"{url}/practice", data={"csrf_token": token,
                                                     "question": str(asked[0].id)})
    # The same question again, the message beside its choices (not at the top of the page,
    # out of view on a phone), in the page's title, the first choice focused; nothing stored.
    assert no_choice.status_code == 422
    page = no_choice.text
    assert "Question 1 of" in page and typography(asked[0].prompt, "fr") in page
    assert page.index('id="choice-errors"') < page.index('class="choices"')
    assert '<p class="errors" id="choice-errors">Choose an answer to this question.</p>' in page
    assert "<title>Error: 1 thing to correct" in page
    assert 'aria-invalid="true" autofocus' in page and 'class="flash' not in page
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(SavedAnswer.attempt_id))) == 0
    # Answered meanwhile in another tab: the empty form leads to that answer's feedback.
    client.post(f"{url}/practice", data={"csrf_token": token, "question": str(asked[0].id),
                                         "choice": str(right(asked[0]))})
    again = client.post(f"{url}/practice", data={"csrf_token": token,
                                                 "question": str(asked[0].id)})
    assert again.status_code == 302 and f"after={asked[0].key}" in again.location
    # Another student reaches neither the page nor the answer.
    users.make("tom")
    other = app.test_client()
    auth.log_in("tom", client=other)
    assert other.get(f"{url}?after={asked[0].key}").status_code == 404
    assert other.post(f"{url}/practice", data={
        "csrf_token": csrf_token(other.get("/").text), "question": str(asked[0].id),
        "choice": str(right(asked[0]))}).status_code == 404


def test_practice_feedback_obeys_the_review_options(
        app: Flask, client: FlaskClient, student: int, users) -> None:
    """An assignment whose right answers are shown after its due date: the Practise button
    is not offered, and a practice attempt says right or wrong but not the answer, nor the
    explanation, nor the passage, before then."""
    users.make("prof", "Mme Martin", role="teacher")
    with app.app_context():
        teacher = db.session.scalar(sa.select(User).where(User.username == "prof"))
        room = create_class(teacher, "4e B", "2026-2027")
        join_class(db.session.get_one(User, student), room.join_code)
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        assign_quiz(room, quiz, None, utcnow() + dt.timedelta(days=1), "best",
                    review_answers="after_due")
    assert 'value="practice"' not in client.get(f"/quizzes/{SEED_QUIZ}").text
    url = practise(client)
    asked = questions(app, url)
    answer(client, url, asked[0], wrong(asked[0]))
    feedback = client.get(f"{url}?after={asked[0].key}").text
    assert "✗</span> Wrong" in feedback
    assert typography(asked[0].explanation, "fr") not in feedback
    assert "<mark" not in feedback and "correct-answer" not in feedback
    assert "Your teacher shows the right answers later" in feedback


def test_start_without_practice_keeps_the_whole_quiz_page(
        app: Flask, client: FlaskClient, student: int) -> None:
    token = csrf_token(client.get(f"/quizzes/{SEED_QUIZ}").text)
    url = client.post(f"/quizzes/{SEED_QUIZ}/start",
                      data={"csrf_token": token}).headers["Location"]
    page = client.get(url).text
    assert "Question 12 of 12" in page and "Submit my answers" in page
    with app.app_context():
        assert not db.session.scalar(sa.select(Attempt.practice))


def test_an_explained_answer_cannot_be_changed_by_the_other_routes(
        app: Flask, client: FlaskClient, student: int) -> None:
    """Neither the autosave route nor a whole-quiz submission turns a practice answer seen
    wrong into a right one."""
    url = practise(client)
    asked = questions(app, url)
    answer(client, url, asked[0], wrong(asked[0]))
    token = csrf_token(client.get(url).text)
    saved = client.post(f"{url}/answers", data={"csrf_token": token,
                                                f"q{asked[0].id}": str(right(asked[0]))},
                        headers={"Accept": "application/json"})
    assert saved.status_code == 409
    whole = client.post(url, data={"csrf_token": token, **{
        f"q{q.id}": str(right(q)) for q in asked}})
    assert whole.status_code == 400
    with app.app_context():
        assert db.session.scalar(sa.select(SavedAnswer.choice_id)) == wrong(asked[0])
        assert db.session.scalar(sa.select(Attempt.status)) == "in_progress"


def test_a_teacher_assigns_a_quiz_in_practice_mode(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    token = csrf_token(teacher.get("/teacher/").text)
    created = teacher.post("/teacher/", data={"csrf_token": token, "name": "4e B",
                                              "school_year": "2026-2027"})
    class_page = created.headers["Location"].removesuffix("/students")  # its quizzes
    with app.app_context():
        quiz_id = db.session.scalar(sa.select(Quiz.id).where(Quiz.slug == SEED_QUIZ))
    page = teacher.get(class_page).text
    assert "Practice mode: one question at a time" in page
    teacher.post(class_page, data={
        "csrf_token": csrf_token(page), "quiz": str(quiz_id), "counting": "best",
        "review_score": "now", "review_marks": "now", "review_answers": "now",
        "practice": "y"})
    assert "practice mode" in teacher.get(class_page).text
    with app.app_context():
        code = db.session.scalar(sa.select(Classroom.join_code))
    student = app.test_client()
    auth.register("lea", "Léa M.", code, client=student)
    # Every start of it is practice: its cards' one button says so, at home and in the list.
    home = student.get("/").text
    assert re.search(r'id="start-assigned-\d+"[^>]*>Practise</button>', home)
    for page in (home, student.get("/quizzes").text):
        assert f'id="practise-{SEED_QUIZ}"' not in page
        assert f'id="practice-hint-{quiz_id}"' not in page
    listed = student.get("/quizzes", headers={"Accept-Language": "fr"}).text
    assert re.search(rf'id="start-{SEED_QUIZ}"[^>]*>\s*S’entraîner\s*</button>', listed)
    overview = student.get(f"/quizzes/{SEED_QUIZ}").text  # its own page: the same
    assert re.search(r'id="start"[^>]*>Practise</button>', overview)
    assert 'id="practise"' not in overview and "every question, then your score" not in overview
    # The assigned quiz's plain Start: practice, as the teacher chose.
    token = csrf_token(student.get("/").text)
    url = student.post(f"/quizzes/{SEED_QUIZ}/start",
                       data={"csrf_token": token}).headers["Location"]
    assert "Question 1 of 12" in student.get(url).text
    assert "Check my answer" in student.get(url).text


def test_practice_mode_is_the_classes_it_was_given_to_only(app: Flask, users) -> None:
    """Another class was given the quiz in practice mode: Tom, not in it, takes it whole —
    though his class does another quiz in practice mode; Lea, in it, in practice."""
    from quiz.services.attempts import start_attempt

    teacher_id, lea_id, tom_id = (users.make("prof", role="teacher"), users.make("lea"),
                                  users.make("tom"))
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        prof = db.session.get_one(User, teacher_id)
        practising, plain = create_class(prof, "4e B", "2026-2027"), create_class(
            prof, "4e C", "2026-2027")
        join_class(db.session.get_one(User, lea_id), practising.join_code)
        join_class(db.session.get_one(User, tom_id), plain.join_code)
        assign_quiz(practising, quiz, None, None, "best", practice=True)
        assign_quiz(plain, quiz, None, None, "best")
        other = db.session.scalar(sa.select(Quiz).where(Quiz.slug != SEED_QUIZ))
        assign_quiz(plain, other, None, None, "best", practice=True)
        assert start_attempt(db.session.get_one(User, lea_id), quiz).practice
        assert not start_attempt(db.session.get_one(User, tom_id), quiz).practice


def test_the_practice_hint_names_the_other_button_as_it_reads(
        app: Flask, client: FlaskClient, student: int) -> None:
    """Beside Practise, a screen reader's hint says what the other button does, by its label:
    Start before a first attempt, Take it again after one."""
    for language, label, hint in (
            ("en", "Start", "Start: every question, then your score."),
            ("fr", "Commencer", "Commencer\u00a0: toutes les questions, puis votre score.")):
        page = client.get("/quizzes", headers={"Accept-Language": language}).text
        assert re.search(rf'id="start-{SEED_QUIZ}"[^>]*>\s*{label}\s*</button>', page)
        assert hint in page
    url, token, asked = start_whole_quiz(app, client)
    client.post(url, data={"csrf_token": token, **{f"q{q.id}": str(right(q)) for q in asked}})
    for language, label, hint in (
            ("en", "Take it again", "Take it again: every question, then your score."),
            ("fr", "Refaire", "Refaire\u00a0: toutes les questions, puis votre score.")):
        page = client.get("/quizzes", headers={"Accept-Language": language}).text
        assert re.search(rf'id="start-{SEED_QUIZ}"[^>]*>\s*{label}\s*</button>', page)
        assert hint in page and f'id="practise-{SEED_QUIZ}"' in page
    overview = client.get(f"/quizzes/{SEED_QUIZ}", headers={"Accept-Language": "fr"}).text
    assert re.search(r'id="start"[^>]*>Refaire</button>', overview)
    assert "Refaire\u00a0: toutes les questions, puis votre score et les explications." in \
        overview


def test_retry_the_questions_i_missed_checks_them_again_and_counts_nowhere(
        app: Flask, client: FlaskClient, student: int) -> None:
    url, token, asked = start_whole_quiz(app, client)
    data = {f"q{q.id}": str(wrong(q) if n in (1, 4) else right(q))
            for n, q in enumerate(asked)}  # questions 2 and 5 wrong
    client.post(url, data={"csrf_token": csrf_token(client.get(url).text), **data})
    results = client.get(url).text
    assert f'href="{url}/retry" id="retry-link">Retry the questions I missed</a>' in results

    first = client.get(f"{url}/retry").text
    assert "Question 1 of 2" in first and typography(asked[1].prompt, "fr") in first
    assert typography(asked[1].explanation, "fr") not in first  # nothing before answering
    before = snapshot(app)
    checked = client.post(f"{url}/retry", data={
        "csrf_token": csrf_token(first), "question": str(asked[1].id),
        "choice": str(right(asked[1]))}).text
    assert "✓</span> Right" in checked and typography(asked[1].explanation, "fr") in checked
    assert f'href="{url}/retry?q={asked[4].key}#practice-question"' in checked
    no_choice = client.post(f"{url}/retry", data={
        "csrf_token": csrf_token(first), "question": str(asked[4].id)})
    assert no_choice.status_code == 422 and "Question 2 of 2" in no_choice.text
    assert "Choose an answer to this question." in no_choice.text
    last = client.post(f"{url}/retry", data={
        "csrf_token": csrf_token(first), "question": str(asked[4].id),
        "choice": str(wrong(asked[4]))}).text
    assert "✗</span> Wrong" in last and "Back to the results" in last
    assert snapshot(app) == before  # stored nowhere, counted nowhere
    # Only the missed questions: another is refused, and so is a round of another's attempt.
    assert client.get(f"{url}/retry?q={asked[0].key}").status_code == 404
    assert client.post(f"{url}/retry", data={
        "csrf_token": csrf_token(first), "question": str(asked[0].id),
        "choice": str(right(asked[0]))}).status_code == 400


def snapshot(app: Flask) -> tuple[object, ...]:
    with app.app_context():
        return tuple(tuple(map(tuple, db.session.execute(sa.select(model.__table__))))
                     for model in (Attempt, Answer, SavedAnswer, CountedResult))


def test_the_answer_group_is_named_after_its_question(
        app: Flask, client: FlaskClient, student: int) -> None:
    """A screen reader's Tab from *Next question* lands on the first choice: the group it
    announces says which question (not just « Your answer »), in the quiz's language."""
    url = practise(client)
    first = questions(app, url)[0]
    page = client.get(url).text
    legend = re.search(r"<legend[^>]*>(.*?)</legend>", page, re.S)[1]
    assert legend.startswith("Your answer to: <span lang=\"fr\">")
    assert typography(first.prompt, "fr") in legend
