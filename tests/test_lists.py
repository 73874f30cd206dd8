"""Lists that grow with the years (issue 16): the student's home, the quiz catalogue and its
search, the history, the teacher's quiz list, a student's page and the quiz pickers show a
bounded part, in pages, with the same number of queries however much is stored."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import Attempt, Classroom, Quiz, User
from quiz.services.analytics import AttemptLabels, scores_csv
from quiz.services.attempts import start_attempt, submit_attempt
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.gradebook import GradebookLabels, gradebook_csv
from quiz.services.importer import import_items, prepare_text
from tests.support import QUESTIONS, csrf_token

from .services.test_attempts import right_answers

TEMPLATE = (QUESTIONS / "exemple-velo-ecole.md").read_text(encoding="utf-8")
FIRST_DAY = dt.date(2025, 9, 1)


def add_quizzes(count: int, *, start: int = 0, author: int | None = None,
                publish: bool = True) -> list[str]:
    """`count` quizzes made from the demo's bicycle quiz, quiz N about article day N: titles
    « Élections municipales N » for every third one, « Rues aux écoles N » for the others."""
    items = []
    for n in range(start, start + count):
        title = f"Élections municipales {n}" if n % 3 == 0 else f"Rues aux écoles {n}"
        text = re.sub(r"^# .*$", f"# {title}", TEMPLATE, count=1, flags=re.M)
        text = re.sub(r"^Date: .*$", f"Date: {FIRST_DAY + dt.timedelta(days=n)}", text,
                      count=1, flags=re.M)
        items.append(prepare_text(f"quiz-{n}", text, f"quiz-{n}.md"))
    creator = db.session.get(User, author) if author is not None else None
    import_items(items, creator, publish_new=publish)
    return [f"quiz-{n}" for n in range(start, start + count)]


def quiz(slug: str) -> Quiz:
    found = db.session.scalar(sa.select(Quiz).where(Quiz.slug == slug))
    assert found is not None
    return found


def take(user_id: int, slug: str) -> None:
    """A submitted attempt of the user at the quiz, every answer right."""
    with write_transaction():
        attempt = start_attempt(db.session.get_one(User, user_id), quiz(slug))
    submit_attempt(attempt, right_answers(attempt.revision_id))


def profs_class(students: list[int], slugs: list[str]) -> Classroom:
    """Mme Martin's (prof's) 4e B with these students, given these quizzes."""
    prof = db.session.scalar(sa.select(User).where(User.username == "prof"))
    room = create_class(prof, "4e B", "2026-2027")
    for student_id in students:
        join_class(db.session.get_one(User, student_id), room.join_code)
    for slug in slugs:
        assign_quiz(room, quiz(slug), None, None, "best")
    return room


def titles(html: str) -> list[str]:
    """The quiz titles of the cards or rows, in order."""
    return re.findall(r'>((?:Élections municipales|Rues aux écoles) \d+)<', html)


@contextmanager
def counted_queries(app: Flask) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)


def test_the_student_home_shows_the_newest_quizzes_and_a_search_for_the_rest(
        app: Flask, client: FlaskClient, student: int) -> None:
    with app.app_context():
        add_quizzes(45)
    html = client.get("/").get_data(as_text=True)
    # The 8 newest articles, newest first; the 37 others one search away.
    assert titles(html) == [f"Rues aux écoles {n}" if n % 3 else f"Élections municipales {n}"
                            for n in range(44, 36, -1)]
    assert 'href="/quizzes"' in html and "Search all quizzes" in html


def test_the_catalogue_finds_titles_without_case_or_accents_and_cuts_them_into_pages(
        app: Flask, client: FlaskClient, student: int) -> None:
    with app.app_context():
        add_quizzes(45)
    page1 = client.get("/quizzes").get_data(as_text=True)
    assert len(titles(page1)) == 20 and "Page 1 of 3" in page1 and "45 quizzes found" in page1
    last = client.get("/quizzes?page=3").get_data(as_text=True)
    assert titles(last) == [f"Rues aux écoles {n}" if n % 3 else f"Élections municipales {n}"
                            for n in range(4, -1, -1)]
    assert "Page 3 of 3" in last and 'rel="next"' not in last
    assert client.get("/quizzes?page=99").get_data(as_text=True).count("Page 3 of 3") == 1

    found = client.get("/quizzes?q=ELECTIONS+municipales").get_data(as_text=True)
    assert "15 quizzes found" in found
    assert titles(found) == [f"Élections municipales {n}" for n in range(42, -1, -3)]
    # Two words: both must be found, in any order.
    assert titles(client.get("/quizzes?q=12+elections").get_data(as_text=True)) == [
        "Élections municipales 12"]
    # The search is kept in the page links.
    with app.app_context():
        add_quizzes(30, start=45)
    many = client.get("/quizzes?q=élections").get_data(as_text=True)
    assert "25 quizzes found" in many and 'href="/quizzes?q=%C3%A9lections&amp;page=2"' in many
    nothing = client.get("/quizzes?q=zzz").get_data(as_text=True)
    assert "0 quizzes found" in nothing and "No quiz matches this search" in nothing
    # The search runs in SQL: a % or _ typed is a character to find, not a wildcard.
    for wildcard in ("%25", "_", "%25+municipales"):
        assert "0 quizzes found" in client.get(f"/quizzes?q={wildcard}").get_data(as_text=True)
    assert "No quiz matches" in client.get("/quizzes?lang=en").get_data(as_text=True)
    assert "75 quizzes found" in client.get("/quizzes?lang=fr").get_data(as_text=True)


def test_assigned_quizzes_to_do_come_first_and_all_are_one_click_away(
        app: Flask, client: FlaskClient, student: int, users) -> None:
    teacher_id = users.make("prof", "Mme Martin", role="teacher")
    with app.app_context():
        slugs = add_quizzes(30)
        teacher = db.session.get_one(User, teacher_id)
        room = create_class(teacher, "4e B", "2026-2027")
        join_class(db.session.get_one(User, student), room.join_code)
        soon = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
        for n, slug in enumerate(slugs[:12]):
            assign_quiz(room, quiz(slug), None, soon + dt.timedelta(hours=n), "best")
        for slug in slugs[:3]:
            take(student, slug)
    html = client.get("/").get_data(as_text=True)
    assigned = html.split('class="cards assigned"')[1].split("</ul>")[0]
    # 8 shown: the 9 still to do, soonest due first (quiz-3 … quiz-10); done ones after.
    assert titles(assigned) == [f"Rues aux écoles {n}" if n % 3 else f"Élections municipales {n}"
                                for n in range(3, 11)]
    assert "See all 12 assigned quizzes" in html
    others = html.split("Other quizzes")[1].split('class="progress-section"')[0]  # not the chart
    assert not set(titles(others)) & {f"Rues aux écoles {n}" for n in range(12)}
    every = client.get("/quizzes?assigned=y").get_data(as_text=True)
    assert "12 quizzes found" in every and len(titles(every)) == 12


def test_the_history_lists_each_quiz_taken_most_recent_first_in_pages(
        app: Flask, client: FlaskClient, student: int) -> None:
    with app.app_context():
        slugs = add_quizzes(25)
        for slug in slugs:
            take(student, slug)
        take(student, slugs[0])  # taken again: now the most recent
    html = client.get("/history").get_data(as_text=True)
    assert "25 quizzes, the most recent first." in html and "Page 1 of 2" in html
    shown = titles(html.split('id="history"')[1])
    assert shown[0] == "Élections municipales 0" and len(shown) == 20
    assert shown[1:] == [f"Rues aux écoles {n}" if n % 3 else f"Élections municipales {n}"
                         for n in range(24, 5, -1)]
    first_row = html.split('id="history"')[1].split("<tr>")[2]
    assert first_row.count("<li>") == 2  # both attempts at it
    assert len(titles(client.get("/history?page=2").get_data(as_text=True))) == 5


def test_the_teachers_quiz_list_searches_filters_and_cuts_into_pages(
        app: Flask, teacher: FlaskClient, users) -> None:
    other = users.make("autre", "M. Autre", role="teacher")
    with app.app_context():
        mine = db.session.scalar(sa.select(User.id).where(User.username == "prof"))
        add_quizzes(40, author=mine)
        add_quizzes(20, start=40, author=other, publish=False)
    html = teacher.get("/teacher/quizzes").get_data(as_text=True)
    assert "60 quizzes found" in html and "Page 1 of 2" in html and len(titles(html)) == 50
    assert titles(html)[0] == "Rues aux écoles 59"
    drafts = teacher.get("/teacher/quizzes?status=draft").get_data(as_text=True)
    assert "20 quizzes found" in drafts
    assert "40 quizzes found" in teacher.get("/teacher/quizzes?mine=y").get_data(as_text=True)
    # None among mine with that status: the filters are said to be the reason, not the words.
    empty = teacher.get("/teacher/quizzes?mine=y&status=draft").get_data(as_text=True)
    assert "No quiz matches these filters." in empty and "Try fewer" not in empty
    worded = teacher.get("/teacher/quizzes?q=zzzz").get_data(as_text=True)
    assert "No quiz matches this search. Try fewer or other words." in worded
    searched = teacher.get("/teacher/quizzes?q=elections&status=published&mine=y")
    assert titles(searched.get_data(as_text=True)) == [
        f"Élections municipales {n}" for n in range(39, -1, -3)]
    # A slug is found too.
    assert titles(teacher.get("/teacher/quizzes?q=quiz-17").get_data(as_text=True)) == [
        "Rues aux écoles 17"]


def test_a_students_page_shows_their_attempts_in_pages_and_the_last_on_the_chart(
        app: Flask, teacher: FlaskClient, users) -> None:
    lea = users.make("lea", "Léa M.")
    with app.app_context():
        (slug,) = add_quizzes(1)
        prof = db.session.scalar(sa.select(User).where(User.username == "prof"))
        room = create_class(prof, "4e B", "2026-2027")
        join_class(db.session.get_one(User, lea), room.join_code)
        assign_quiz(room, quiz(slug), None, None, "best")
        for _n in range(35):
            take(lea, slug)
        room_id = room.id
    page = f"/teacher/classes/{room_id}/students/{lea}"
    html = teacher.get(page).get_data(as_text=True)
    rows = html.split('id="attempts"')[1].split("</table>")[0].count("<tr>") - 1
    assert rows == 30 and "Page 1 of 2" in html and "(35)" in html
    assert html.count("<circle") == 30  # the chart: the last 30 attempts
    second = teacher.get(f"{page}?page=2").get_data(as_text=True)
    assert second.split('id="attempts"')[1].split("</table>")[0].count("<tr>") - 1 == 5


def test_the_class_page_picker_offers_the_newest_quizzes_and_finds_the_others(
        app: Flask, teacher: FlaskClient) -> None:
    with app.app_context():
        add_quizzes(45)
        prof = db.session.scalar(sa.select(User).where(User.username == "prof"))
        room_id = create_class(prof, "4e B", "2026-2027").id
        old = quiz("quiz-3").id
    page = f"/teacher/classes/{room_id}"

    def options(html: str) -> list[str]:
        picker = html.split('name="quiz"')[1].split("</select>")[0]
        return re.findall(r"<option[^>]*>([^<]*)</option>", picker)[1:]

    html = teacher.get(page).get_data(as_text=True)
    assert len(options(html)) == 30 and options(html)[0] == "Rues aux écoles 44"
    assert "Élections municipales 3" not in options(html)
    # Published again today, the quiz of an old article is offered first (the article date
    # put it out of the 30).
    from quiz.services.editing import set_status
    with app.app_context():
        set_status(quiz("quiz-5"), "draft")
        set_status(quiz("quiz-5"), "published")
    again = options(teacher.get(page).get_data(as_text=True))
    assert again[0] == "Rues aux écoles 5" and again[1] == "Rues aux écoles 44"
    found = teacher.get(f"{page}?find=municipales+3").get_data(as_text=True)
    assert options(found) == [f"Élections municipales {n}" for n in (39, 36, 33, 30, 3)]
    # Chosen from the search: assigned (the search stays in the form's address).
    assert f'action="{page}?find=municipales+3"' in found
    response = teacher.post(f"{page}?find=municipales+3", data={
        "csrf_token": csrf_token(found), "quiz": str(old), "counting": "best",
        "opens_at": "2030-03-02T08:00", "due_at": "2030-03-01T08:00"})  # due before it opens
    # Refused: the form comes back with the quiz still chosen.
    assert response.status_code == 422
    again = response.get_data(as_text=True)
    assert f'<option selected value="{old}">Élections municipales 3</option>' in again
    response = teacher.post(page, data={"csrf_token": csrf_token(found), "quiz": str(old),
                                        "counting": "best"})
    assert response.status_code == 302
    assert "Élections municipales 3" in teacher.get(page).get_data(as_text=True)
    # A quiz that is not published, or no quiz at all: a message by the field, nothing stored.
    with app.app_context():
        with write_transaction():
            quiz("quiz-4").status = "draft"
        draft = quiz("quiz-4").id
    for value in (str(draft), "99999999999999999999", "abc"):
        refused = teacher.post(page, data={"csrf_token": csrf_token(found), "quiz": value,
                                           "counting": "best"})
        assert refused.status_code == 422, value
        assert "This quiz is not published: choose another one." in refused.get_data(
            as_text=True)


def test_the_upload_pages_article_picker_finds_any_quiz(
        app: Flask, teacher: FlaskClient) -> None:
    with app.app_context():
        add_quizzes(45)
    html = teacher.get("/teacher/quizzes/upload").get_data(as_text=True)
    picker = html.split('name="article"')[1].split("</select>")[0]
    assert picker.count("<option") == 31
    found = teacher.get("/teacher/quizzes/upload?find=ecoles+1").get_data(as_text=True)
    picker = found.split('name="article"')[1].split("</select>")[0]
    # "1" in the title or the address (quiz-N), and « écoles »: not the « Élections » ones.
    assert re.findall(r'value="(quiz-\d+)"', picker) == [
        f"quiz-{n}" for n in (41, 31, 19, 17, 16, 14, 13, 11, 10, 1)]


def test_a_control_character_typed_in_a_search_is_a_space(
        app: Flask, teacher: FlaskClient, users, auth) -> None:
    """The search runs in SQL, and PostgreSQL refuses a NUL in a parameter: a NUL or another
    control character typed in a search, a picker's search or the language filter is a space
    (or any language), never a server error."""
    with app.app_context():
        add_quizzes(5)
    found = teacher.get("/teacher/quizzes?q=ecoles%00%0b4").get_data(as_text=True)
    assert titles(found) == ["Rues aux écoles 4"]
    assert teacher.get("/teacher/quizzes/upload?find=%00").status_code == 200
    assert "5 quizzes found" in teacher.get("/teacher/quizzes?lang=%00").get_data(as_text=True)
    users.make("lea")
    student = app.test_client()
    auth.log_in("lea", client=student)
    assert titles(student.get("/quizzes?q=%00municipales+3").get_data(as_text=True)) == [
        "Élections municipales 3"]
    assert "5 quizzes found" in student.get("/quizzes?lang=fr%00").get_data(as_text=True)


@pytest.mark.parametrize("path", ["/", "/quizzes", "/quizzes?q=ecoles", "/history"])
def test_student_lists_cost_the_same_queries_with_ten_or_sixty_quizzes(
        app: Flask, client: FlaskClient, student: int, path: str) -> None:
    with app.app_context():
        for slug in add_quizzes(10):
            take(student, slug)

    def queries() -> int:
        client.get(path)  # the first request warms the per-process caches
        with counted_queries(app) as statements:
            assert client.get(path).status_code == 200
        return len(statements)

    few = queries()
    with app.app_context():
        for slug in add_quizzes(50, start=10):
            take(student, slug)
    assert queries() == few


@pytest.mark.parametrize("path", ["/", "/quizzes", "/quizzes?q=ecoles", "/history"])
def test_lists_of_quizzes_for_the_classes_cost_the_same_queries_with_ten_or_sixty(
        app: Flask, client: FlaskClient, student: int, users, path: str) -> None:
    """Quizzes seen only through the student's class, one in two opening next week (the
    lists then say when): whom each is shown to and when it opens, for a page at once."""
    teacher = users.make("prof", role="teacher")
    with app.app_context():
        room = create_class(db.session.get_one(User, teacher), "4e B", "2026-2027")
        join_class(db.session.get_one(User, student), room.join_code)
        room_id = room.id

    def add(count: int, start: int) -> None:
        with app.app_context():
            slugs = add_quizzes(count, start=start)
            with write_transaction():
                db.session.execute(sa.update(Quiz).where(Quiz.slug.in_(slugs))
                                   .values(visibility="classes"))
            later = dt.datetime.now(dt.UTC) + dt.timedelta(days=7)
            for n, slug in enumerate(slugs):
                assign_quiz(db.session.get_one(Classroom, room_id), quiz(slug),
                            later if n % 2 else None, None, "best")
                if not n % 2:
                    take(student, slug)

    def queries() -> int:
        client.get(path)  # the first request warms the per-process caches
        with counted_queries(app) as statements:
            assert client.get(path).status_code == 200
        return len(statements)

    add(10, 0)
    few = queries()
    assert "Opens " in client.get("/quizzes").get_data(as_text=True)
    add(50, 10)
    assert queries() == few


@pytest.mark.parametrize("path", ["/teacher/quizzes", "/teacher/quizzes?q=ecoles&mine=y",
                                  "/teacher/quizzes/upload", "/teacher/classes/1"])
def test_teacher_lists_cost_the_same_queries_with_ten_or_sixty_quizzes(
        app: Flask, teacher: FlaskClient, path: str) -> None:
    with app.app_context():
        prof = db.session.scalar(sa.select(User).where(User.username == "prof"))
        prof_id = prof.id
        add_quizzes(10, author=prof_id)
        create_class(prof, "4e B", "2026-2027")

    def queries() -> int:
        teacher.get(path)
        with counted_queries(app) as statements:
            assert teacher.get(path).status_code == 200
        return len(statements)

    few = queries()
    with app.app_context():
        add_quizzes(50, start=10, author=prof_id)
    assert queries() == few


def test_attempts_of_another_student_are_never_listed(
        app: Flask, client: FlaskClient, student: int, users) -> None:
    other = users.make("tom", "Tom")
    with app.app_context():
        (slug,) = add_quizzes(1)
        take(other, slug)
        assert db.session.scalar(sa.select(sa.func.count(Attempt.id))) == 1
    assert "You have not taken any quiz yet." in client.get("/history").get_data(as_text=True)
    assert "Not taken yet" in client.get("/quizzes").get_data(as_text=True)


ENGLISH_ATTEMPT_LABELS = AttemptLabels(
    ("Student", "Username", "Quiz", "Title", "Started", "Submitted", "Score", "Out of",
     "Counted", "Late", "Live quiz", "Regraded"), yes="yes", no="no")


def test_the_gradebook_is_sent_in_pieces_with_two_queries_a_piece(
        app: Flask, teacher: FlaskClient, users) -> None:
    """Whatever the number of assignments: the columns, the members, then two queries for
    each piece of `batch` students (their counted scores and their late work)."""
    students = [users.make(f"eleve{n}", f"Élève {n}") for n in range(7)]
    with app.app_context():
        slugs = add_quizzes(12)
        room = profs_class(students, slugs)
        for slug in slugs[:3]:
            for student_id in students:
                take(student_id, slug)
        room_id = room.id
        labels = GradebookLabels("Student", "Username", lambda c: c.title, str, "Gradebook")
        with counted_queries(app) as statements:
            pieces = list(gradebook_csv(room, labels, ",", batch=3))
        assert len(statements) == 2 + 2 * 3
    assert [piece.count("\r\n") for piece in pieces] == [1, 3, 3, 1]
    first = pieces[1].split("\r\n")[0].split(",")
    assert first[:2] == ["Élève 0", "eleve0"]
    assert first[2].isdigit() and first[2] != "0" and first[2:5] == [first[2]] * 3
    assert first[5:] == [""] * 9  # the quizzes not done
    response = teacher.get(f"/teacher/classes/{room_id}/gradebook.csv")
    assert response.is_streamed
    assert response.get_data(as_text=True).split("\r\n")[1:] == "".join(pieces).split(
        "\r\n")[1:]


def test_the_scores_csv_is_sent_in_pieces_read_with_one_query(
        app: Flask, teacher: FlaskClient, users) -> None:
    students = [users.make(f"eleve{n}", f"Élève {n}") for n in range(3)]
    with app.app_context():
        slugs = add_quizzes(12)
        room = profs_class(students, slugs)
        for slug in slugs:
            for student_id in students:
                take(student_id, slug)
        room_id = room.id  # loaded again after the last commit: not counted below
        with counted_queries(app) as statements:
            pieces = list(scores_csv(room, ENGLISH_ATTEMPT_LABELS, ZoneInfo("Europe/Paris"),
                                     batch=5))
        assert len(statements) == 1  # not one per assignment
    # The header, then 36 attempts in pieces of 5 rows.
    assert len(pieces) == 1 + 8
    assert [piece.count("\r\n") for piece in pieces] == [1, *[5] * 7, 1]
    response = teacher.get(f"/teacher/classes/{room_id}/scores.csv")
    assert response.is_streamed and response.get_data(as_text=True) == "".join(pieces)


def test_the_class_page_shows_assignments_newest_first_and_students_in_pages(
        app: Flask, teacher: FlaskClient, users) -> None:
    students = [users.make(f"eleve{n:02}", f"Élève {n:02}") for n in range(65)]
    with app.app_context():
        page = f"/teacher/classes/{profs_class(students, add_quizzes(35)).id}"
    html = teacher.get(page).get_data(as_text=True)
    assigned = html.split('id="assigned"')[1].split("</table>")[0]
    assert "(35)" in assigned and titles(assigned)[0] == "Rues aux écoles 34"
    assert len(titles(assigned)) == 30
    students = teacher.get(f"{page}/students").get_data(as_text=True)
    roster = students.split('id="members"')[1]
    assert "Students (65)" in html and roster.count("<th scope=\"row\"><a") == 60
    assert "Élève 00" in roster and "Élève 60" not in roster
    assert f'href="{page}/students?members=2#members"' in roster
    second = teacher.get(f"{page}/students?members=2").get_data(as_text=True)
    assert second.split('id="members"')[1].count("<th scope=\"row\"><a") == 5
    second = teacher.get(f"{page}?assignments=2").get_data(as_text=True)
    assert len(titles(second.split('id="assigned"')[1].split("</table>")[0])) == 5
