"""The student's quiz loop through the test client: list, take, grade, results, history."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.extensions import db
from quiz.models import Answer, Attempt, Question, Quiz, User, utcnow
from quiz.services.attempts import load_questions, start_attempt, submit_attempt
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.progress import class_averages, student_week_streak
from quiz.templating import day as as_day
from quiz.templating import long_date, typography
from tests.support import SEED_QUIZ, csrf_token

pytestmark = pytest.mark.usefixtures("demo_quizzes")

NBSP = "\u00a0"


def start(client: FlaskClient, slug: str = SEED_QUIZ) -> str:
    """Press 'Start' on the quiz list; return the attempt's URL."""
    token = csrf_token(client.get("/").get_data(as_text=True))
    response = client.post(f"/quizzes/{slug}/start", data={"csrf_token": token})
    assert response.status_code == 302
    return response.headers["Location"]


def questions_of(app: Flask, attempt_url: str) -> list[Question]:
    attempt_id = int(attempt_url.rsplit("/", 1)[1])
    with app.app_context():
        questions = load_questions(db.session.get_one(Attempt, attempt_id).revision_id)
        db.session.expunge_all()
        return questions


def answers(questions: list[Question], wrong: set[int] = frozenset()) -> dict[str, str]:
    """Form data: the right choice for every question, except a wrong one at positions `wrong`."""
    data = {}
    for position, question in enumerate(questions, start=1):
        pick = [c for c in question.choices if c.is_correct != (position in wrong)][0]
        data[f"q{question.id}"] = str(pick.id)
    return data


def submit(client: FlaskClient, url: str, data: dict[str, str]):
    token = csrf_token(client.get(url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **data})


def test_quiz_list_shows_title_language_date_count_and_best_score(
        client: FlaskClient, student: int, app: Flask) -> None:
    html = client.get("/").get_data(as_text=True)
    assert "Russie et Corée du Nord ratifient un traité de défense mutuelle" in html
    assert "A town bans single-use plastic from its school canteens" in html
    assert "Article from November 2024" in html
    assert "12 questions" in html and "French" in html and "English" in html
    assert html.count("Not taken yet") == 3

    url = start(client)
    html = client.get("/").get_data(as_text=True)  # started: not "not taken" beside Resume
    assert html.count("Not taken yet") == 2 and "Started, not submitted yet" in html
    questions = questions_of(app, url)
    submit(client, url, answers(questions, wrong={1, 2, 3, 4, 5}))
    html = client.get("/").get_data(as_text=True)
    assert f"Your best score: <strong>7{NBSP}/{NBSP}12</strong>" in html
    assert "Started, not submitted yet" not in html
    assert html.count("Not taken yet") == 2


def test_quiz_page_shows_article_and_questions_but_no_answer(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    html = client.get(url).get_data(as_text=True)
    assert '<article class="article" lang="fr">' in html
    assert "Russie et Corée du Nord actent leur rapprochement</h2>" in html
    assert "entre 10 et 12.000 de ses hommes" in html
    assert html.count('type="radio"') == 8 * 4 + 4 * 2
    assert "Question 12 of 12" in html and "True or false?" in html
    questions = questions_of(app, url)
    for question in questions:
        assert question.explanation not in html
    correct_ids = {str(c.id) for q in questions for c in q.choices if c.is_correct}
    # No trace of which choice is right: no flag, no mark, no explanation, no passage link.
    assert not re.search(r"correct|is_correct|data-answer|<mark", html, re.IGNORECASE)
    assert "/passages/" not in html
    # Right choices are not always in the same position (the file's order is kept).
    positions = {[str(c.id) for c in q.choices].index(next(iter(
        {str(c.id) for c in q.choices} & correct_ids))) for q in questions if q.kind == "mcq"}
    assert len(positions) > 1


def test_all_right_answers_score_twelve_out_of_twelve(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    response = submit(client, url, answers(questions_of(app, url)))
    assert response.status_code == 302 and response.headers["Location"] == url
    html = client.get(url).get_data(as_text=True)
    assert f'<strong class="score" id="score">12{NBSP}/{NBSP}12</strong>' in html
    assert html.count("✓</span> Right") == 12


def test_known_wrong_answers_give_the_exact_score_and_each_explanation(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    questions = questions_of(app, url)
    submit(client, url, answers(questions, wrong={2, 3, 7}))
    html = client.get(url).get_data(as_text=True)
    assert f'id="score">9{NBSP}/{NBSP}12</strong>' in html
    assert html.count("✗</span> Wrong") == 3
    # Question 3 is a true/false whose answer is « faux »: the student said « Vrai ».
    third = html.split('id="q-vote-sans-abstention"')[1].split("</li>")[0]
    assert '<dd class="your-answer" lang="fr">Vrai</dd>' in third
    assert '<dd class="correct-answer" lang="fr">Faux</dd>' in third
    for question in questions:
        assert typography(question.explanation, "fr") in html


def test_a_wrong_false_reads_incorrect_in_french_not_a_second_faux(
        client: FlaskClient, student: int, app: Flask) -> None:
    """A true/false answered « Faux » wrongly: the French badge says « Incorrect », so the
    answer « Faux » is not next to a « ✗ Faux » badge (issue 21)."""
    url = start(client)
    questions = questions_of(app, url)
    position, question = next((n, q) for n, q in enumerate(questions, start=1)
                              if q.kind == "true_false"
                              and [c.text for c in q.choices if c.is_correct] == ["Vrai"])
    submit(client, url, answers(questions, wrong={position}))
    html = client.get(url, headers={"Accept-Language": "fr"}).get_data(as_text=True)
    item = html.split(f'id="q-{question.key}"')[1].split("</li>")[0]
    assert '<span aria-hidden="true">✗</span> Incorrect' in item
    assert '<dd class="your-answer" lang="fr">Faux</dd>' in item
    assert "✗</span> Faux" not in html
    assert html.count("✓</span> Correct") == len(questions) - 1


def test_results_show_every_passage_with_a_link_to_it_highlighted_in_the_article(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    questions = questions_of(app, url)
    submit(client, url, answers(questions))
    html = client.get(url).get_data(as_text=True)
    for question in questions:
        link = f"{url}/passages/{question.key}#passage"
        assert f'href="{link}"' in html
    # The passage typed with straight apostrophes is shown as the article has it.
    assert "<blockquote lang=\"fr\">Pour l’heure, aucune des deux nations n’a été attaquée en " \
           "l’état.</blockquote>" in html

    page = client.get(f"{url}/passages/aucune-attaque").get_data(as_text=True)
    assert ('<mark id="passage" class="passage-mark"><span class="visually-hidden" lang="en">'
            'Start of the passage: </span>Pour l’heure, aucune des deux nations n’a été attaquée '
            'en l’état.<span class="visually-hidden" lang="en"> End of the passage.</span></mark>'
            ' Pour autant, la Corée du Nord') in page
    assert page.count("<mark") == 1


def test_unanswered_questions_get_a_message_and_chosen_answers_stay_selected(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    questions = questions_of(app, url)
    data = answers(questions)
    del data[f"q{questions[1].id}"], data[f"q{questions[6].id}"]
    response = submit(client, url, data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    # Said once (the summary, no flash beside it), in the title, and focused by the script.
    assert html.count("Questions 2 and 7 have no answer yet: your other answers are kept.") == 1
    # Above the article too (a phone without JavaScript shows it first), a link to the summary.
    top = html.split('class="quiz-layout"')[0]
    assert ('<a href="#error-summary">Questions 2 and 7 have no answer yet: go to the '
            'questions.</a>') in top
    assert "<title>Errors: 2 things to correct — Unanswered questions · " in html
    assert 'id="error-summary" tabindex="-1" role="group"' in html
    assert html.count("Choose an answer to this question.") == 2
    # The radios of the two unanswered questions, and only theirs, are marked invalid.
    invalid = re.findall(r'aria-invalid="true" id="(q\d+)-\d"', html)
    assert sorted(set(invalid)) == sorted({f"q{questions[1].id}", f"q{questions[6].id}"})
    # The summary's links say the number of the question they lead to (issue 19.1).
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert re.findall(r'<a href="#(q\d+)-fieldset">Question (\d+)</a>', summary) == [
        (f"q{questions[1].id}", "2"), (f"q{questions[6].id}", "7")]
    for question_id, number in ((questions[1].id, 2), (questions[6].id, 7)):
        fieldset = html.split(f'id="q{question_id}-fieldset"')[1].split("</legend>")[0]
        assert f"Question {number} of 12" in fieldset
    for name, value in data.items():
        assert re.search(
            rf'checked id="{name}-\d" name="{name}" required type="radio" value="{value}"',
            html), name
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 0
        assert db.session.scalar(sa.select(Attempt.status)) == "in_progress"


def test_a_choice_of_another_question_is_rejected_with_400(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    questions = questions_of(app, url)
    data = answers(questions)
    data[f"q{questions[3].id}"] = str(questions[0].choices[0].id)
    response = submit(client, url, data)
    assert response.status_code == 400
    assert "Question 4: the answer sent is not one of its choices" in response.get_data(
        as_text=True)
    data[f"q{questions[3].id}"] = "abc"
    assert submit(client, url, data).status_code == 400
    with app.app_context():
        assert db.session.scalar(sa.select(Attempt.status)) == "in_progress"


def test_a_second_submit_of_the_same_attempt_adds_no_score(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    questions = questions_of(app, url)
    token = csrf_token(client.get(url).get_data(as_text=True))
    first = client.post(url, data={"csrf_token": token, **answers(questions)})
    # The back button: the same form posted again, this time all wrong.
    second = client.post(url, data={"csrf_token": token,
                                    **answers(questions, wrong=set(range(1, 13)))})
    assert first.status_code == second.status_code == 302
    html = client.get(url).get_data(as_text=True)
    assert "This attempt was already submitted" in html
    assert f'id="score">12{NBSP}/{NBSP}12</strong>' in html
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 1
        assert db.session.scalar(sa.select(sa.func.count(Answer.id))) == 12


def test_retakes_are_kept_and_history_shows_every_attempt_and_best_score(
        client: FlaskClient, student: int, app: Flask) -> None:
    first = start(client)
    questions = questions_of(app, first)
    submit(client, first, answers(questions, wrong={1, 2}))
    second = start(client)
    assert second != first
    submit(client, second, answers(questions, wrong={1, 2, 3, 4}))
    velo = start(client, "exemple-velo-ecole")
    submit(client, velo, answers(questions_of(app, velo)))
    start(client)  # a third attempt of the seed quiz, in progress: not counted as taken

    html = client.get("/history").get_data(as_text=True)
    table = html.split('id="history"')[1].split("</table>")[0]
    seed, velo = table.split("<tr>")[2:]  # after the header row; the latest taken first
    best_cell = seed.split('class="best">')[1].split("</td>")[0]
    assert f"10{NBSP}/{NBSP}12" in best_cell and f"8{NBSP}/{NBSP}12" not in best_cell
    # Every attempt at the quiz, newest first: the one in progress, then 8/12, then 10/12.
    attempts = seed.split('class="attempt-list">')[1].split("</ul>")[0]
    assert attempts.count("<li>") == 3
    assert attempts.index("In progress: resume") < attempts.index(
        f"8{NBSP}/{NBSP}12") < attempts.index(f"10{NBSP}/{NBSP}12")
    assert "Une ville ouvre" in velo and velo.count("<li>") == 1
    assert f"5{NBSP}/{NBSP}5" in velo.split('class="best">')[1].split("</td>")[0]
    assert "2 quizzes, the most recent first." in html


def test_the_french_history_puts_a_no_break_space_before_each_attempts_colon(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    submit(client, url, answers(questions_of(app, url)))
    start(client)
    html = client.get("/history", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    attempts = html.split('class="attempt-list">')[1].split("</ul>")[0]
    assert attempts.count("<li>") == 2
    assert attempts.count(f"</span>{NBSP}: <a ") == 2 and "</span>:" not in attempts
    assert f"En cours{NBSP}: reprendre" in attempts


def test_start_resumes_the_attempt_in_progress(client: FlaskClient, student: int) -> None:
    assert start(client) == start(client)


def test_attempts_of_other_students_are_not_found(
        client: FlaskClient, student: int, app: Flask, users, auth) -> None:
    url = start(client)
    submit(client, url, answers(questions_of(app, url)))
    users.make("tom", "Tom R.")
    other = app.test_client()
    auth.log_in("tom", client=other)
    said = ("No quiz of yours is at this address (this device is logged in as Tom R.): if "
            "the quiz is another account&#39;s, log in as that account to go on.")
    page = other.get(url)
    assert page.status_code == 404 and said in page.get_data(as_text=True)
    assert other.get(f"{url}/passages/aucune-attaque").status_code == 404
    # A phone shared by two students, Tom logged in over Léa's open quiz: its autosave is
    # told why, as an attempt that does not exist is ("Page not found" before).
    said = said.replace("&#39;", "'")
    token = csrf_token(other.get("/").get_data(as_text=True))
    for address in (url, f"/attempts/{2**31 - 1}"):
        refused = other.post(f"{address}/answers", data={"csrf_token": token},
                             headers={"Accept": "application/json"})
        assert refused.status_code == 404 and refused.get_json() == {"error": said}


def test_passage_page_is_not_shown_before_submission(client: FlaskClient, student: int) -> None:
    url = start(client)
    assert client.get(f"{url}/passages/aucune-attaque").status_code == 404


def test_unpublished_quiz_cannot_be_started(client: FlaskClient, student: int,
                                            app: Flask) -> None:
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        quiz.status = "draft"
        db.session.commit()
    html = client.get("/").get_data(as_text=True)
    assert "Russie et Corée du Nord" not in html
    token = csrf_token(html)
    assert client.post(f"/quizzes/{SEED_QUIZ}/start", data={"csrf_token": token}).status_code \
        == 404
    assert client.get(f"/quizzes/{SEED_QUIZ}").status_code == 404


@pytest.mark.parametrize("status", ["draft", "archived"])
def test_an_attempt_started_before_the_quiz_closed_can_still_be_finished(
        client: FlaskClient, student: int, app: Flask, status: str) -> None:
    """Unpublished or archived: nobody starts it any more, and no started work is lost."""
    url = start(client)
    questions = questions_of(app, url)
    with app.app_context():
        db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ)).status = status
        db.session.commit()

    home = client.get("/").get_data(as_text=True)
    to_finish = home.split("To finish</h2>")[1].split("</ul>")[0]
    assert "Russie et Corée du Nord" in to_finish and f'href="{url}"' in to_finish
    assert f"/quizzes/{SEED_QUIZ}/start" not in home  # no button to start it again
    assert client.get(url).status_code == 200  # the quiz page, answers and all
    results = submit(client, url, answers(questions, wrong={3}))
    assert results.status_code == 302 and results.headers["Location"] == url
    page = client.get(url).get_data(as_text=True)
    assert f'id="score">11{NBSP}/{NBSP}12</strong>' in page
    assert "Take this quiz again" not in page and f'href="/quizzes/{SEED_QUIZ}"' not in page
    assert "To finish" not in client.get("/").get_data(as_text=True)
    history = client.get("/history").get_data(as_text=True)
    assert f"11{NBSP}/{NBSP}12" in history and f'href="/quizzes/{SEED_QUIZ}"' not in history
    token = csrf_token(home)
    assert client.post(f"/quizzes/{SEED_QUIZ}/start",
                       data={"csrf_token": token}).status_code == 404


@pytest.mark.parametrize("path", ["/", "/history", f"/quizzes/{SEED_QUIZ}", "/attempts/1",
                                  "/attempts/1/passages/aucune-attaque"])
def test_pages_require_login(client: FlaskClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    # The home page is the front door: the login page without a way back to it.
    assert response.headers["Location"] == "/login" if path == "/" else \
        response.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize("path", ["/attempts/9223372036854775808",
                                  "/attempts/99999999999999999999/passages/x",
                                  "/quizzes/a%00b", "/quizzes/%3Cscript%3E"])
def test_odd_ids_and_slugs_are_not_found(client: FlaskClient, student: int, path: str) -> None:
    assert client.get(path).status_code == 404


def test_home_shows_a_chart_of_scores_over_time_oldest_first(
        client: FlaskClient, student: int, app: Flask) -> None:
    home = client.get("/").get_data(as_text=True)
    assert "<svg" not in home
    assert "once you have finished a quiz" in home
    assert "Do a quiz this week to start a streak of weeks." in home
    assert "You are not in any class." in home and 'href="/classes/join"' in home
    first = start(client)
    questions = questions_of(app, first)
    submit(client, first, answers(questions, wrong={1, 2, 3}))
    second = start(client)
    submit(client, second, answers(questions, wrong={1}))
    home = client.get("/").get_data(as_text=True)
    chart = home.split('<svg class="chart"')[1].split("</svg>")[0]
    title = "Russie et Corée du Nord ratifient un traité de défense mutuelle"
    dots = re.findall(
        r'<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*><title>[^<]*— ([^<]+) — (\d+)/12</title>',
        chart)
    assert [(quiz, score) for _x, _y, quiz, score in dots] == [(title, "9"), (title, "11")]
    # Left to right in time; the better score higher up (a smaller y).
    assert float(dots[0][0]) < float(dots[1][0]) and float(dots[1][1]) < float(dots[0][1])
    # The dates under the axis, and the same as a table (newest first) for screen readers.
    with app.app_context():
        day = db.session.scalar(sa.select(sa.func.max(Attempt.submitted_at)))
    with app.test_request_context():
        shown_day = as_day(day)
    # Both attempts of one day: the day under the axis once, centred (not the same date at
    # both ends, read as a time scale of no length).
    dates = home.split('<p class="chart-x one" aria-hidden="true">')[1].split("</p>")[0]
    assert dates == f"<span>{shown_day}</span>"
    table = home.split('class="chart-table"')[1].split("</table>")[0]
    rows = re.findall(r'<th scope="row" lang="fr">([^<]+)</th>'
                      r'<td data-label="Score">(\d+)&nbsp;/&nbsp;12</td>', table)
    assert rows == [(typography(title, "fr"), "11"), (typography(title, "fr"), "9")]
    assert "1 week in a row with at least one quiz." in home
    # In words, for a screen reader: 9/12 then 11/12.
    assert 'aria-describedby="chart-summary"' in home
    assert (f'<desc id="chart-summary">2 attempts on {shown_day}: the first 75% '
            "right, the last 92%, the best 92%. The same results are in the table below.</desc>"
            ) in home  # attempts (a quiz taken twice is two), one day said once
    # The scale reads "100%" and "0%" in English (« 100 % » in French: tests/test_templating.py).
    assert re.findall(r'<span class="chart-(?:top|zero)">(\d+)%</span>', home) == ["100", "0"]


def test_the_home_counts_the_weeks_in_a_row_of_the_students_submissions(
        client: FlaskClient, student: int, app: Flask) -> None:
    """Three quizzes handed in this week, a week ago and two weeks ago: three weeks in a row,
    however the database hands the moments back (PostgreSQL: in its session's time zone)."""
    first = start(client)
    questions = questions_of(app, first)
    submit(client, first, answers(questions))
    for _ in range(2):
        submit(client, start(client), answers(questions))
    school = ZoneInfo("Europe/Paris")  # the app's default time zone
    today = dt.datetime.now(school).date()
    monday = today - dt.timedelta(days=today.weekday())
    with app.app_context():
        attempts = db.session.scalars(sa.select(Attempt).where(Attempt.user_id == student)
                                      .order_by(Attempt.id)).all()
        for weeks_ago, attempt in zip((2, 1, 0), attempts, strict=True):  # Mondays at noon
            moment = dt.datetime.combine(monday - dt.timedelta(weeks=weeks_ago), dt.time(12),
                                         tzinfo=school)
            attempt.started_at = moment - dt.timedelta(minutes=5)
            attempt.submitted_at = moment
        ids = [attempt.id for attempt in attempts]
        db.session.commit()
    assert "3 weeks in a row with at least one quiz." in client.get("/").get_data(as_text=True)
    with app.app_context():
        if db.engine.dialect.name == "postgresql":  # moments handed back aware, not in UTC
            db.session.execute(sa.text("SET TIME ZONE 'Pacific/Auckland'"))
        assert student_week_streak(student, today, school) == 3
        # Only one left, handed in on the Sunday two weeks back at 23:30 in Paris (Monday
        # 11:30 in Auckland): a whole week went by since, no streak.
        sunday = monday - dt.timedelta(days=8)
        db.session.execute(sa.delete(Answer).where(Answer.attempt_id.in_(ids[1:])))
        db.session.execute(sa.delete(Attempt).where(Attempt.id.in_(ids[1:])))
        moment = dt.datetime.combine(sunday, dt.time(23, 30), tzinfo=school)
        db.session.execute(sa.update(Attempt).where(Attempt.id == ids[0]).values(
            started_at=moment - dt.timedelta(minutes=5), submitted_at=moment))
        assert student_week_streak(student, today, school) == 0
        db.session.rollback()


def test_results_give_the_percentage_a_message_and_the_change_since_last_time(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    questions = questions_of(app, url)
    submit(client, url, answers(questions, wrong={2, 3, 7}))  # 9 of 12
    first = client.get(url).get_data(as_text=True)
    assert 'id="score-percent">75%</span>' in first
    assert "Good work: at least half right." in first
    assert 'id="score-change"' not in first  # a first attempt: nothing to compare with

    # Take it again in one click, from the results: a new attempt, all right.
    token = csrf_token(first)
    assert f'action="/quizzes/{SEED_QUIZ}/start"' in first
    again = client.post(f"/quizzes/{SEED_QUIZ}/start", data={"csrf_token": token})
    second_url = again.headers["Location"]
    assert second_url != url
    submit(client, second_url, answers(questions_of(app, second_url)))
    second = client.get(second_url).get_data(as_text=True)
    assert 'id="score-percent">100%</span>' in second
    assert "Perfect: every answer right." in second
    assert "Better than your previous attempt: 75% → 100%." in second
    assert 'id="result-filter"' not in second  # no mistake to review

    # Exactly half right is no "more than half".
    third = client.post(f"/quizzes/{SEED_QUIZ}/start", data={"csrf_token": csrf_token(second)})
    third_url = third.headers["Location"]
    submit(client, third_url, answers(questions_of(app, third_url), wrong={1, 2, 3, 4, 5, 6}))
    half = client.get(third_url).get_data(as_text=True)
    assert 'id="score-percent">50%</span>' in half
    assert "Good work: at least half right." in half
    assert "Bien\u00a0: au moins la moitié est juste." in client.get(
        third_url, headers={"Accept-Language": "fr"}).get_data(as_text=True)


def test_review_my_mistakes_shows_only_the_wrong_answers_with_their_numbers(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    questions = questions_of(app, url)
    submit(client, url, answers(questions, wrong={2, 3, 7}))
    everything = client.get(url).get_data(as_text=True)
    assert "Review my mistakes (3)" in everything
    assert everything.count('<li class="result ') == 12
    only = client.get(f"{url}?mistakes=1").get_data(as_text=True)
    assert "Showing your 3 mistakes." in only and "Show every question" in only
    assert "Voici vos 3 erreurs." in client.get(f"{url}?mistakes=1",
                                                headers={"Accept-Language": "fr"}).text
    assert only.count('<li class="result wrong"') == 3
    assert only.count('<li class="result ') == 3
    numbers = re.findall(r'class="question-number" id="number-[^"]+">Question (\d+)</span>',
                         only)
    assert numbers == ["2", "3", "7"]  # the questions keep their numbers


def test_one_mistake_is_shown_without_its_number_in_french(
        client: FlaskClient, student: int, app: Flask) -> None:
    url = start(client)
    submit(client, url, answers(questions_of(app, url), wrong={4}))
    assert "Showing your 1 mistake." in client.get(f"{url}?mistakes=1").text
    french = client.get(f"{url}?mistakes=1", headers={"Accept-Language": "fr"}).text
    assert "Voici votre erreur." in french
    assert "Voici votre 1 erreur" not in french


def test_the_class_average_shows_from_three_classmates_and_obeys_the_review_options(
        app: Flask, users, auth) -> None:
    users.make("prof", "Mme Martin", role="teacher")
    for n in range(4):
        users.make(f"eleve{n}", f"Élève {n}")
    with app.app_context():
        by_name = {u.username: u for u in db.session.scalars(sa.select(User))}
        ids = {name: user.id for name, user in by_name.items()}
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        quiz_id = quiz.id
        room = create_class(by_name["prof"], "4e B", "2026-2027")
        for n in range(4):
            join_class(by_name[f"eleve{n}"], room.join_code)
        assign_quiz(room, quiz, None, None, "best")
        attempt_ids = []
        for n, right in enumerate([12, 6]):
            attempt = start_attempt(by_name[f"eleve{n}"], quiz)
            submit_attempt(attempt, {
                q.id: next(c.id for c in q.choices if c.is_correct == (i < right))
                for i, q in enumerate(load_questions(attempt.revision_id))})
            attempt_ids.append(attempt.id)
    client = app.test_client()
    auth.log_in("eleve0", client=client)
    # Two results would tell each one's score: no average yet.
    assert "Average of" not in client.get(f"/attempts/{attempt_ids[0]}").get_data(as_text=True)
    with app.app_context():
        attempt = start_attempt(db.session.get_one(User, ids["eleve2"]),
                                db.session.get_one(Quiz, quiz_id))
        submit_attempt(attempt, {
            q.id: next(c.id for c in q.choices if c.is_correct == (i < 9))
            for i, q in enumerate(load_questions(attempt.revision_id))})
    html = client.get(f"/attempts/{attempt_ids[0]}").get_data(as_text=True)
    assert "Average of 4e B: 75% (3 students)." in html  # 100 %, 50 %, 75 %

    with app.app_context():  # a class whose teacher does not show its scores
        press = create_class(db.session.get_one(User, ids["prof"]), "Club presse",
                             "2026-2027")
        for n in range(4):
            join_class(db.session.get_one(User, ids[f"eleve{n}"]), press.join_code)
        assign_quiz(press, db.session.get_one(Quiz, quiz_id), None, None, "best",
                    review_score="never")
        assert [a.class_name for a in class_averages(ids["eleve0"], quiz_id,
                                                     utcnow())] == ["4e B"]
    html = client.get(f"/attempts/{attempt_ids[0]}").get_data(as_text=True)
    assert "Average of" not in html and 'id="score-percent"' not in html


def test_parts_in_another_language_say_so(client: FlaskClient, student: int) -> None:
    """WCAG 3.1.2: the English article's source line in the French interface is marked
    English (a screen reader reads it with English sounds), and the quiz list's language
    filter names each language in itself, marked so."""
    french = {"Accept-Language": "fr"}
    page = client.get("/quizzes/sample-plastic-free-school-meals", headers=french).text
    assert ('<span lang="en">Sample text written for News Quiz (not a real news report)'
            '</span>') in page
    listing = client.get("/quizzes", headers=french).text
    assert '<option lang="de" value="de">Deutsch</option>' in listing
    assert '<option lang="en" value="en">English</option>' in listing


def test_the_quiz_pages_kept_parts_follow_each_readers_dates(
        client: FlaskClient, student: int, app: Flask) -> None:
    """The quiz page's article and questions are kept once rendered, by revision and reader's
    locale: a British reader's date (« 14 September 2026 ») is not what the next, American,
    reader is shown (« September 14, 2026 »)."""
    url = start(client, "sample-plastic-free-school-meals")  # an article of 14 September 2026
    with app.app_context():
        published = db.session.get_one(Attempt, int(url.rsplit("/", 1)[1])).revision.published_on
    assert len(published) == 10  # a whole date: written in each region's way
    for accepted in ("en-GB,en;q=0.9", "en-US,en;q=0.9", "en-GB"):
        with app.test_request_context("/", headers={"Accept-Language": accepted}):
            written = long_date(dt.date.fromisoformat(published))
        page = client.get(url, headers={"Accept-Language": accepted}).get_data(as_text=True)
        assert f"Article from {written}" in page, accepted
