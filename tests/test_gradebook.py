"""The class gradebook (CSV and .xlsx): what a teacher checks in it."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import Assignment, Attempt, CountedResult, Quiz, User
from quiz.services.attempts import load_questions, start_attempt, submit_attempt
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.leaderboard import class_leaderboard, recount
from tests.support import SEED_QUIZ

pytestmark = pytest.mark.usefixtures("demo_quizzes")

MEALS = "sample-plastic-free-school-meals"
# 15:30 UTC on a summer day: 17:30 at the school (Europe/Paris, the default time zone). Before
# 2038: Babel's pytz zones know summer time up to 2037 only.
SEED_DUE = dt.datetime(2030, 6, 3, 15, 30, tzinfo=dt.UTC)
EVIL = '=HYPERLINK("http://example.org","Clique ici")'


def _take(user: User, quiz: Quiz, wrong: int) -> None:
    """One submitted attempt with the first `wrong` questions answered wrong."""
    attempt = start_attempt(user, quiz)
    questions = load_questions(attempt.revision_id)
    submit_attempt(attempt, {q.id: next(c.id for c in q.choices if c.is_correct != (n < wrong))
                             for n, q in enumerate(questions)})


@pytest.fixture
def gradebook_class(app: Flask, users, auth) -> tuple[FlaskClient, int, dict[str, int]]:
    """Class 4e B with two assignments: the treaty quiz (best attempt counts, due in 2030) and
    the school-meals quiz (due in a minute). Ana did both (the treaty twice: 2 then 0 wrong);
    Ben did the treaty with 1 wrong and the meals quiz late only; Cléo did not do the meals
    quiz; a student named like a formula did nothing."""
    users.make("prof", "Mme Martin", role="teacher")
    ids = {name: users.make(name, display) for name, display in
           [("ana", "Ana"), ("ben", "Ben"), ("cleo", "Cléo"), ("evil", EVIL)]}
    with app.app_context():
        teacher = db.session.scalar(sa.select(User).where(User.username == "prof"))
        room = create_class(teacher, "4e B", "2026-2027")
        seed = db.session.scalar(sa.select(Quiz).where(Quiz.slug == SEED_QUIZ))
        meals = db.session.scalar(sa.select(Quiz).where(Quiz.slug == MEALS))
        assign_quiz(room, seed, None, SEED_DUE, "best")
        due = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
        assign_quiz(room, meals, None, due, "best")
        people = {name: db.session.get_one(User, user_id) for name, user_id in ids.items()}
        for user in people.values():
            join_class(user, room.join_code)
        _take(people["ana"], seed, 2)
        _take(people["ana"], seed, 0)
        _take(people["ana"], meals, 1)
        _take(people["ben"], seed, 1)
        _take(people["ben"], meals, 0)
        _take(people["cleo"], seed, 3)
        # Ben's meals attempt handed in a day after the due date: kept, not counted.
        ben_meals = db.session.scalars(
            sa.select(Attempt).where(Attempt.user_id == ids["ben"],
                                     Attempt.quiz_id == meals.id)).one()
        ben_meals.submitted_at = due + dt.timedelta(days=1)
        db.session.commit()
        with write_transaction():
            recount(classroom_ids=[room.id])
        class_id = room.id
    client = app.test_client()
    auth.log_in("prof", client=client)
    return client, class_id, ids


def read_csv(response, separator: str) -> list[list[str]]:
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets then read UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""),
                           delimiter=separator))


def points(app: Flask, slug: str) -> int:
    with app.app_context():
        quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == slug))
        return len(load_questions(quiz.revision.id))


def test_one_row_per_student_one_column_per_assignment(app: Flask, gradebook_class) -> None:
    client, class_id, _ids = gradebook_class
    response = client.get(f"/teacher/classes/{class_id}/gradebook.csv")
    assert response.mimetype == "text/csv" and response.is_streamed
    # Named after the class (its name as a file name can hold it), not its id.
    assert response.headers["Content-Disposition"].startswith(
        'attachment; filename="gradebook-4e-b-20')
    rows = read_csv(response, ",")  # English: commas
    seed, meals = points(app, SEED_QUIZ), points(app, MEALS)
    header = rows[0]
    assert header[:2] == ["Student", "Username"]
    assert header[2] == ("Russie et Corée du Nord ratifient un traité de défense mutuelle "
                         f"(/{seed}, due Jun 3, 2030, 5:30\u202fPM)")  # the school's time
    assert header[3].startswith(
        f"A town bans single-use plastic from its school canteens (/{meals}, due ")
    by_name = {row[0]: row[1:] for row in rows[1:]}
    assert [row[0] for row in rows[1:]] == ["'" + EVIL, "Ana", "Ben", "Cléo"]  # by name
    assert by_name["Ana"] == ["ana", str(seed), str(meals - 1)]  # the best attempt counts
    assert by_name["Ben"] == ["ben", str(seed - 1), f"late: {meals}"]  # late work, marked
    assert by_name["Cléo"] == ["cleo", str(seed - 3), ""]  # missing: empty
    assert by_name["'" + EVIL] == ["evil", "", ""]


def test_a_counted_score_is_the_boards(app: Flask, gradebook_class) -> None:
    client, class_id, ids = gradebook_class
    rows = read_csv(client.get(f"/teacher/classes/{class_id}/gradebook.csv"), ",")
    names = {user_id: name for name, user_id in ids.items()}
    with app.app_context():
        assignments = db.session.scalars(
            sa.select(Assignment).where(Assignment.classroom_id == class_id)
            .order_by(Assignment.id)).all()
        for column, assignment in enumerate(assignments, start=2):
            room = assignment.classroom
            board = class_leaderboard(room, assignment, include_hidden=True)
            for standing in board:
                row = next(r for r in rows[1:] if r[1] == names[standing.user_id])
                if standing.done:
                    assert row[column] == str(standing.score)
                else:
                    assert not row[column].isdigit()


def test_a_score_out_of_other_points_says_so(app: Flask, gradebook_class) -> None:
    """A counted attempt made on a version of the quiz with another number of questions."""
    client, class_id, ids = gradebook_class
    with app.app_context():
        result = db.session.scalars(
            sa.select(CountedResult).join(Assignment)
            .join(Quiz, Quiz.id == Assignment.quiz_id)
            .where(CountedResult.user_id == ids["cleo"], Quiz.slug == SEED_QUIZ)).one()
        result.total += 1
        score, total = result.score, result.total
        db.session.commit()
    rows = read_csv(client.get(f"/teacher/classes/{class_id}/gradebook.csv"), ",")
    assert next(row for row in rows if row[1] == "cleo")[2] == f"{score} (/{total})"


def test_french_headers_semicolons_and_the_comma_option(gradebook_class) -> None:
    client, class_id, _ids = gradebook_class
    french = {"Accept-Language": "fr"}
    response = client.get(f"/teacher/classes/{class_id}/gradebook.csv", headers=french)
    assert response.headers["Content-Disposition"].startswith(
        'attachment; filename="carnet-de-notes-4e-b-20')
    rows = read_csv(response, ";")
    assert rows[0][:2] == ["Élève", "Identifiant"]
    assert "à rendre le 3 juin 2030, 17:30)" in rows[0][2]
    ben = next(row for row in rows if row[1] == "ben")
    assert ben[3].startswith("en retard\u00a0: ")
    assert all(len(row) == 4 for row in rows)
    with_commas = client.get(f"/teacher/classes/{class_id}/gradebook.csv?sep=comma",
                             headers=french)
    assert read_csv(with_commas, ",") == rows
    # Named apart: a teacher who downloads both keeps two files.
    assert with_commas.headers["Content-Disposition"].startswith(
        'attachment; filename="carnet-de-notes-avec-virgules-4e-b-20')
    page = client.get(f"/teacher/classes/{class_id}", headers=french).get_data(as_text=True)
    assert f"/teacher/classes/{class_id}/gradebook.csv?sep=comma" in page
    assert f"/teacher/classes/{class_id}/gradebook.xlsx" in page
    assert "Scores (CSV with ;)" not in page and "CSV avec ;" not in page


def test_the_xlsx_shows_the_same_cells_with_numbers_as_numbers(gradebook_class) -> None:
    client, class_id, _ids = gradebook_class
    rows = read_csv(client.get(f"/teacher/classes/{class_id}/gradebook.csv"), ",")
    with client.get(f"/teacher/classes/{class_id}/gradebook.xlsx") as response:
        assert response.mimetype == (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        assert response.headers["Content-Disposition"].startswith(
            'attachment; filename="gradebook-4e-b-20')
        sheet = load_workbook(io.BytesIO(response.get_data())).active
    assert sheet.title == "Gradebook"
    assert sheet.freeze_panes == "C2"  # the header row and the names stay in view
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    # The CSV's cells, with numbers as numbers; the formula-like name kept as plain text
    # (not run: a text cell), without the CSV's apostrophe.
    expected = [[int(v) if v.isdigit() else (v or None) for v in row] for row in rows]
    expected[1][0] = EVIL
    assert cells == expected
    evil = next(row for row in sheet.iter_rows() if row[1].value == "evil")
    assert evil[0].data_type == "s"
    ana = next(row for row in sheet.iter_rows() if row[1].value == "ana")
    assert ana[2].data_type == "n"
    # Each quiz's column wide enough for a few words, its title wrapped in the header (at
    # the default width a long title was cut after ten letters).
    quiz_columns = [cell.column_letter for cell in next(sheet.iter_rows())][2:]
    assert quiz_columns and all(sheet.column_dimensions[letter].width >= 20
                                for letter in quiz_columns)
    assert all(cell.alignment.wrap_text for cell in next(sheet.iter_rows()))


def test_an_empty_class_has_a_header_only(app: Flask, users, auth) -> None:
    users.make("prof", role="teacher")
    with app.app_context():
        teacher = db.session.scalar(sa.select(User).where(User.username == "prof"))
        class_id = create_class(teacher, "Vide", "2026-2027").id
    client = app.test_client()
    auth.log_in("prof", client=client)
    assert read_csv(client.get(f"/teacher/classes/{class_id}/gradebook.csv"), ",") == [
        ["Student", "Username"]]
    with client.get(f"/teacher/classes/{class_id}/gradebook.xlsx") as response:
        sheet = load_workbook(io.BytesIO(response.get_data())).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["Student", "Username"]]


def test_the_files_are_named_after_the_class_in_ascii(app: Flask, gradebook_class) -> None:
    client, _class_id, _ids = gradebook_class
    with app.app_context():
        teacher = db.session.scalar(sa.select(User).where(User.username == "prof"))
        accented = create_class(teacher, "3e – Éducation aux médias", "2026-2027").id
        greek = create_class(teacher, "Ελληνικά", "2026-2027").id
    for class_id, part in ((accented, "3e-education-aux-medias"), (greek, str(greek))):
        for path, name in (("gradebook.csv", "gradebook"), ("gradebook.xlsx", "gradebook"),
                           ("scores.csv", "attempts")):
            disposition = client.get(f"/teacher/classes/{class_id}/{path}").headers[
                "Content-Disposition"]
            assert disposition.startswith(f'attachment; filename="{name}-{part}-20'), path
