"""The migrations build the schema the models describe."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade

from quiz.extensions import db
from quiz.models import (
    Assignment,
    Attempt,
    Classroom,
    ClassStay,
    CountedResult,
    LiveParticipant,
    LiveSession,
    Quiz,
    User,
)
from quiz.services.analytics import student_progress
from quiz.services.catalogue import find_quizzes
from quiz.services.classes import ClassError, create_class
from tests.services.counting_oracle import counted_attempts


def test_upgrade_from_empty_matches_the_models(app: Flask) -> None:
    with app.app_context():
        db.drop_all()
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, db.metadata)
        assert differences == []


def test_downgrade_to_empty_and_up_again(app: Flask) -> None:
    with app.app_context():
        db.drop_all()
        upgrade()
        downgrade(revision="base")
        assert sa.inspect(db.engine).get_table_names() == ["alembic_version"]
        upgrade()
        assert "attempt" in sa.inspect(db.engine).get_table_names()


def stored_at(revision: str, *statements: str) -> None:
    """An empty database migrated to `revision`, holding what `statements` store (raw SQL:
    today's models have more columns)."""
    db.drop_all()
    upgrade(revision=revision)
    with db.engine.begin() as connection:
        for statement in statements:
            connection.execute(sa.text(statement))


PREVIOUS_RELEASE = "758474de12f0"  # the schema of the first release (0.1.0)

# Rows as the first release stored them (raw SQL: today's models have more columns).
FIRST_RELEASE_ROWS = [
    "INSERT INTO \"user\" (id, username, display_name, password_hash, role, session_token, "
    "created_at) VALUES (1, 'lea', 'Léa', 'x', 'student', 'tok', '2026-11-01 08:00:00')",
    "INSERT INTO quiz (id, slug, status, current_revision_id, created_at, updated_at) "
    "VALUES (1, 'q', 'published', NULL, '2026-11-01 08:00:00', '2026-11-01 08:00:00')",
    "INSERT INTO quiz_revision (id, quiz_id, number, title, language, published_on, article, "
    "source_text, content_hash, created_at) VALUES (1, 1, 1, 'Titre', 'fr', '2024-11', "
    "'[{\"kind\": \"paragraph\", \"text\": \"Un texte.\"}]', '# Titre', 'h', "
    "'2026-11-01 08:00:00')",
    "UPDATE quiz SET current_revision_id = 1",
    "INSERT INTO question (id, revision_id, key, position, kind, prompt, explanation, passage, "
    "passage_block, passage_start, passage_end) VALUES (1, 1, 'q1', 0, 'true_false', 'P ?', "
    "'E.', 'Un texte', 0, 0, 8)",
    "INSERT INTO choice (id, question_id, position, text, is_correct) VALUES "
    "(1, 1, 0, 'Vrai', TRUE), (2, 1, 1, 'Faux', FALSE)",
    "INSERT INTO attempt (id, user_id, quiz_id, revision_id, status, started_at, submitted_at, "
    "score, total) VALUES (1, 1, 1, 1, 'submitted', '2026-11-01 08:00:00', "
    "'2026-11-01 08:05:00', 1, 1)",
    "INSERT INTO answer (id, attempt_id, question_id, choice_id, is_correct) "
    "VALUES (1, 1, 1, 1, TRUE)",
]


def test_upgrade_from_the_previous_release_keeps_the_data(app: Flask) -> None:
    with app.app_context():
        stored_at(PREVIOUS_RELEASE, *FIRST_RELEASE_ROWS)
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []
        attempt = db.session.get_one(Attempt, 1)
        assert (attempt.user.display_name, attempt.score, attempt.total) == ("Léa", 1, 1)
        assert attempt.answers[0].choice.text == "Vrai"
        assert attempt.revision.questions[0].outdated_note is None
        assert db.session.get_one(Quiz, 1).current_revision.title == "Titre"


# A class at revision 0005 (before the boards kept their counted results): Léa has three
# attempts (two on time with the same score, one late), Tom one, Zoé one in progress.
CLASS_ROWS = [
    "INSERT INTO \"user\" (id, username, display_name, password_hash, role, session_token, "
    "created_at) VALUES (2, 'prof', 'Prof', 'x', 'teacher', 'tok2', '2026-11-01 08:00:00'), "
    "(3, 'tom', 'Tom', 'x', 'student', 'tok3', '2026-11-01 08:00:00'), "
    "(4, 'zoe', 'Zoé', 'x', 'student', 'tok4', '2026-11-01 08:00:00')",
    "INSERT INTO classroom (id, teacher_id, name, school_year, join_code, join_open, created_at) "
    "VALUES (1, 2, '4e B', '2026-2027', 'ACDEFG', TRUE, '2026-11-01 08:00:00')",
    "INSERT INTO membership (id, classroom_id, user_id, hidden_from_board, joined_at) VALUES "
    "(1, 1, 1, FALSE, '2026-11-01 08:00:00'), (2, 1, 3, FALSE, '2026-11-01 08:00:00'), "
    "(3, 1, 4, FALSE, '2026-11-01 08:00:00')",
    "INSERT INTO assignment (id, classroom_id, quiz_id, opens_at, due_at, counting, created_at) "
    "VALUES (1, 1, 1, NULL, '2026-11-02 08:00:00', 'best', '2026-11-01 08:00:00')",
    "INSERT INTO attempt (id, user_id, quiz_id, revision_id, status, started_at, submitted_at, "
    "score, total) VALUES "
    "(2, 1, 1, 1, 'submitted', '2026-11-01 09:00:00', '2026-11-01 09:05:00', 1, 1), "
    "(3, 1, 1, 1, 'submitted', '2026-11-03 09:00:00', '2026-11-03 09:05:00', 1, 1), "
    "(4, 3, 1, 1, 'submitted', '2026-11-01 10:00:00', '2026-11-01 10:05:00', 0, 1), "
    "(5, 4, 1, 1, 'in_progress', '2026-11-01 10:00:00', NULL, NULL, 1)",
]


def test_the_upgrade_keeps_the_counted_results_of_existing_classes(app: Flask) -> None:
    """Migration 0006 fills the new table with what the boards counted before."""
    with app.app_context():
        stored_at("0005", *FIRST_RELEASE_ROWS, *CLASS_ROWS)
        upgrade()
        kept = db.session.execute(sa.select(
            CountedResult.user_id, CountedResult.attempt_id, CountedResult.score,
            CountedResult.classroom_id).order_by(CountedResult.user_id)).all()
        # Léa: attempts 1 and 2 score the same, the earlier counts; 3 is late.
        assert [tuple(row) for row in kept] == [(1, 1, 1, 1), (3, 4, 0, 1)]
        assignment = db.session.get_one(Assignment, 1)
        assert {user: attempt for user, attempt, _s, _c in kept} == counted_attempts(assignment)
        assert assignment.max_attempts is None  # 0008: no limit on what was assigned before
        if db.engine.dialect.name == "sqlite":  # the rebuild of a table turned them off a while
            assert db.session.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1


def test_the_upgrade_makes_names_given_before_the_rules_readable_and_distinct(
        app: Flask) -> None:
    """Migration 0012: no blank name, no name that reads backwards, no two rows of a class a
    reader cannot tell apart."""
    with app.app_context():
        db.drop_all()
        upgrade(revision="0011")
        with db.engine.begin() as connection:
            connection.execute(sa.text(
                "INSERT INTO \"user\" (id, username, display_name, password_hash, role, "
                "session_token, created_at) VALUES "
                "(1, 'prof', 'Mme Martin', 'x', 'teacher', 't1', '2026-11-01 08:00:00'), "
                "(2, 'lea', 'Léa', 'x', 'student', 't2', '2026-11-01 08:00:00'), "
                "(3, 'lea2', 'LÉA ', 'x', 'student', 't3', '2026-11-01 08:00:00'), "
                "(4, 'blank', :blank, 'x', 'student', 't4', '2026-11-01 08:00:00'), "
                "(5, 'tom', :backwards, 'x', 'student', 't5', '2026-11-01 08:00:00'), "
                "(6, 'fake', 'mme  martin', 'x', 'student', 't6', '2026-11-01 08:00:00'), "
                "(7, 'elsewhere', 'Léa', 'x', 'student', 't7', '2026-11-01 08:00:00')"),
                {"blank": "\u3164\u200b ", "backwards": "\u202eMOT"})
            connection.execute(sa.text(
                "INSERT INTO classroom (id, teacher_id, name, school_year, join_code, join_open,"
                " created_at) VALUES (1, 1, '4e B', '2026-2027', 'ACDEFG', TRUE, "
                "'2026-11-01 08:00:00')"))
            connection.execute(sa.text(
                "INSERT INTO membership (id, classroom_id, user_id, hidden_from_board, "
                "joined_at) VALUES " + ", ".join(
                    f"({n}, 1, {n}, FALSE, '2026-11-01 08:00:00')" for n in range(2, 7))))
        upgrade()
        names = dict(db.session.execute(sa.select(User.username, User.display_name)).all())
        assert names == {"prof": "Mme Martin", "lea": "Léa", "lea2": "LÉA (lea2)",
                         "blank": "blank", "tom": "MOT", "fake": "mme martin (fake)",
                         "elsewhere": "Léa"}  # in no class with the other Léa: unchanged


def test_the_upgrade_keeps_existing_quizzes_seen_by_everyone(app: Flask) -> None:
    """Migration 0014: the quizzes of a server before it stay as they were, shown to every
    student; the database refuses any other value than the two choices."""
    with app.app_context():
        stored_at("0013", "INSERT INTO quiz (id, slug, status, current_revision_id, "
                  "created_at, updated_at) VALUES (1, 'q', 'published', NULL, "
                  "'2026-11-01 08:00:00', '2026-11-01 08:00:00')")
        upgrade()
        assert db.session.get_one(Quiz, 1).visibility == "everyone"
        with pytest.raises(sa.exc.IntegrityError):
            with db.engine.begin() as connection:
                connection.execute(sa.text("UPDATE quiz SET visibility = 'nobody'"))


def test_the_upgrade_keeps_live_sessions_without_guests(app: Flask) -> None:
    """Migration 0016: a session stored before takes no guests and keeps its students; the
    database takes a guest (no account, a nickname and a key) and refuses a place that is
    neither a student's nor a guest's, or a guest with an attempt."""
    with app.app_context():
        stored_at("0015", *FIRST_RELEASE_ROWS, *CLASS_ROWS[:2],
                  "INSERT INTO live_session (id, code, classroom_id, teacher_id, quiz_id, "
                  "revision_id, phase, question, paused, version, speed_breaks_ties, "
                  "created_at) VALUES (1, 'ABCDEF', 1, 2, 1, 1, 'joining', 0, FALSE, 1, FALSE, "
                  "'2026-11-01 08:00:00')",
                  "INSERT INTO live_participant (id, session_id, user_id, joined_at) "
                  "VALUES (1, 1, 3, '2026-11-01 08:00:00')")
        upgrade()
        session = db.session.get_one(LiveSession, 1)
        assert session.guests_allowed is False
        assert [p.user_id for p in db.session.scalars(sa.select(LiveParticipant))] == [3]
        guest = ("INSERT INTO live_participant (id, session_id, user_id, nickname, "
                 "nickname_key, guest_key, attempt_id, joined_at) VALUES ({id}, 1, {user}, "
                 "{name}, {name}, {key}, {attempt}, '2026-11-01 08:00:00')")
        with db.engine.begin() as connection:
            connection.execute(sa.text(guest.format(id=2, user="NULL", name="'Invité'",
                                                    key="'k1'", attempt="NULL")))
        for id_, (user, name, key, attempt) in enumerate((
                ("NULL", "NULL", "NULL", "NULL"),  # nobody
                ("4", "'Zoé'", "'k2'", "NULL"),  # both a student and a guest
                ("NULL", "'Autre'", "'k3'", "1"),  # a guest's attempt
                ("NULL", "'Invité'", "'k4'", "NULL")), start=3):  # the name taken
            with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as connection:
                connection.execute(sa.text(guest.format(id=id_, user=user, name=name, key=key,
                                                        attempt=attempt)))


def test_the_upgrade_gives_stored_quizzes_their_search_text_and_question_count(
        app: Flask) -> None:
    """Migration 0017: a quiz stored before the search moved into SQL is found by a word of
    its title written without accents or capitals, and by its address; its question count
    leaves out its outdated question."""
    with app.app_context():
        stored_at("0016", *FIRST_RELEASE_ROWS[:6],
                  "INSERT INTO question (id, revision_id, key, position, kind, prompt, "
                  "explanation, passage, passage_block, passage_start, passage_end, "
                  "outdated_note) VALUES (2, 1, 'q2', 1, 'true_false', 'P2 ?', 'E.', "
                  "'Un texte', 0, 0, 8, 'Les faits ont changé.')",
                  "UPDATE quiz_revision SET title = 'Élections à Nouméa', language = 'fr'",
                  "UPDATE quiz SET slug = 'scrutin-caledonie'")
        upgrade()
        assert [e.slug for e in find_quizzes(text="ELECTIONS noumea")] == ["scrutin-caledonie"]
        assert [e.slug for e in find_quizzes(text="caledonie")] == ["scrutin-caledonie"]
        assert find_quizzes(text="municipales") == []
        # The lists read each quiz's question count with it (an outdated question not asked).
        assert [e.questions for e in find_quizzes(text="caledonie")] == [1]


@pytest.mark.parametrize(("review_note", "held"), [("check the date", True), (None, False),
                                                   ("", False)])
def test_the_upgrade_marks_the_drafts_held_for_their_file(
        app: Flask, review_note: str | None, held: bool) -> None:
    """Migration 0020: a draft whose current version has a question marked Review was made a
    draft by its file (the next import that brings it ready publishes it, as before); a draft
    whose version is ready was a teacher's choice, and stays one."""
    with app.app_context():
        note = "NULL" if review_note is None else f"'{review_note}'"
        stored_at("0019", *FIRST_RELEASE_ROWS[:6],
                  "UPDATE quiz SET status = 'draft'",
                  f"UPDATE question SET review_note = {note}")
        upgrade()
        assert db.session.get_one(Quiz, 1).held_for_its_file is held


def test_the_upgrade_stops_counting_what_was_done_before_the_quiz_was_assigned(
        app: Flask) -> None:
    """Migration 0021: Léa's two attempts made before the class was given the quiz (no opening
    date) no longer count, her later one does (the best, the earliest of equals, was her
    first); Tom's, made after, still counts. The downgrade counts as the release before did."""
    with app.app_context():
        rows = [row for row in CLASS_ROWS if not row.startswith("INSERT INTO assignment")]
        stored_at("0020", *FIRST_RELEASE_ROWS, *rows,
                  "INSERT INTO assignment (id, classroom_id, quiz_id, opens_at, due_at, counting, "
                  "review_score, review_marks, review_answers, created_at) VALUES (1, 1, 1, NULL, "
                  "NULL, 'best', 'now', 'now', 'after_due', '2026-11-01 09:30:00')")
        upgrade()
        kept = db.session.execute(sa.select(CountedResult.user_id, CountedResult.attempt_id)
                                  .order_by(CountedResult.user_id)).all()
        assert [tuple(row) for row in kept] == [(1, 3), (3, 4)]
        assert dict(kept) == counted_attempts(db.session.get_one(Assignment, 1))
        db.session.commit()
        downgrade(revision="0020")
        before = db.session.execute(sa.select(CountedResult.user_id, CountedResult.attempt_id)
                                    .order_by(CountedResult.user_id)).all()
        assert [tuple(row) for row in before] == [(1, 1), (3, 4)]


def test_the_upgrade_gives_due_dates_stored_on_the_minute_the_whole_minute(
        app: Flask) -> None:
    """Migration 0022: due at 08:00, Tom's attempt handed in at 08:00:30 was late; the due
    date moves to the minute's end (as the form stores it now) and his attempt counts. The
    downgrade moves it back, and it no longer counts."""
    with app.app_context():
        rows = [row for row in CLASS_ROWS if not row.startswith(("INSERT INTO attempt",
                                                                 "INSERT INTO assignment"))]
        stored_at("0021", *FIRST_RELEASE_ROWS, *rows,
                  "INSERT INTO assignment (id, classroom_id, quiz_id, opens_at, due_at, counting, "
                  "review_score, review_marks, review_answers, created_at) VALUES (1, 1, 1, NULL, "
                  "'2026-11-02 08:00:00', 'best', 'now', 'now', 'after_due', "
                  "'2026-11-01 08:00:00')",
                  "INSERT INTO attempt (id, user_id, quiz_id, revision_id, status, started_at, "
                  "submitted_at, score, total) VALUES (2, 3, 1, 1, 'submitted', "
                  "'2026-11-02 07:55:00', '2026-11-02 08:00:30', 1, 1)")
        upgrade()
        assignment = db.session.get_one(Assignment, 1)
        due = assignment.due_at.astimezone(dt.UTC)
        assert (due.hour, due.minute, due.second, due.microsecond) == (8, 0, 59, 999999)
        kept = db.session.execute(sa.select(CountedResult.user_id, CountedResult.attempt_id)
                                  .order_by(CountedResult.user_id)).all()
        assert [tuple(row) for row in kept] == [(1, 1), (3, 2)]  # Léa's, on time anyway
        assert dict(kept) == counted_attempts(assignment)
        db.session.commit()
        downgrade(revision="0021")
        before = db.session.execute(sa.select(CountedResult.user_id, CountedResult.attempt_id)
                                    .order_by(CountedResult.user_id)).all()
        assert [tuple(row) for row in before] == [(1, 1)]



def test_the_upgrade_keeps_the_stay_of_a_student_taken_out_before_it(app: Flask) -> None:
    """Migration 0024: Léa was taken out of 4e B before stays were kept; her join time is
    gone with her membership. Her stay runs from the class's creation to her removal: her
    teacher still sees her work in the class, not what she did after."""
    with app.app_context():
        rows = [row for row in CLASS_ROWS if not row.startswith(("INSERT INTO membership",
                                                                 "INSERT INTO assignment"))]
        stored_at("0023", *FIRST_RELEASE_ROWS, *rows,
                  "INSERT INTO assignment (id, classroom_id, quiz_id, opens_at, due_at, counting, "
                  "review_score, review_marks, review_answers, created_at) VALUES (1, 1, 1, NULL, "
                  "NULL, 'best', 'now', 'now', 'after_due', '2026-11-01 08:00:00')",
                  "INSERT INTO membership (id, classroom_id, user_id, hidden_from_board, "
                  "joined_at) VALUES (2, 1, 3, FALSE, '2026-11-01 08:00:00')",
                  "INSERT INTO removal (classroom_id, user_id, join_code, removed_at) VALUES "
                  "(1, 1, 'ACDEFG', '2026-11-02 12:00:00')")
        upgrade()
        stays = db.session.execute(sa.select(ClassStay.classroom_id, ClassStay.user_id,
                                             ClassStay.joined_at, ClassStay.left_at)).all()
        assert [tuple(stay) for stay in stays] == [
            (1, 1, dt.datetime(2026, 11, 1, 8, tzinfo=dt.UTC),
             dt.datetime(2026, 11, 2, 12, tzinfo=dt.UTC))]
        room = db.session.get_one(Classroom, 1)
        shown = [line.attempt_id for line in student_progress(room, 1)]
        assert shown == [1, 2]  # not attempt 3, made after she left


def test_the_upgrade_writes_school_years_as_the_form_does(app: Flask) -> None:
    """Migration 0026: 4e B was made for « 2026/2027 », 3e A for « 2026 - 27 », before the
    form wrote one spelling; both are of 2026-2027 now, and a new 4e B of 2026-2027 is
    refused as the class the teacher has. A year that is not two years in a row stays as
    typed."""
    with app.app_context():
        stored_at("0025", *FIRST_RELEASE_ROWS, CLASS_ROWS[0],
                  "INSERT INTO classroom (id, teacher_id, name, school_year, join_code, "
                  "join_open, created_at) VALUES "
                  "(1, 2, '4e B', '2026/2027', 'ACDEFG', TRUE, '2026-11-01 08:00:00'), "
                  "(2, 2, '3e A', ' 2026 - 27', 'BCDEFG', TRUE, '2026-11-01 08:00:00'), "
                  "(3, 2, 'Club', 'Trimestre 1', 'CDEFGH', TRUE, '2026-11-01 08:00:00'), "
                  "(4, 2, '5e C', '2026/2028', 'DEFGHJ', TRUE, '2026-11-01 08:00:00'), "
                  "(5, 2, '6e D', '26-27', 'EFGHJK', TRUE, '2026-11-01 08:00:00'), "
                  "(6, 2, '4E B', '2026 / 27', 'FGHJKM', TRUE, '2026-11-01 08:00:00')")
        upgrade()
        years = dict(db.session.execute(sa.select(Classroom.id, Classroom.school_year)).all())
        # The second 4e B of that year keeps its spelling: written alike, the two would be
        # one class twice (the teacher renames one).
        assert years == {1: "2026-2027", 2: "2026-2027", 3: "Trimestre 1", 4: "2026/2028",
                         5: "2026-2027", 6: "2026 / 27"}
        teacher = db.session.get_one(User, 2)
        with pytest.raises(ClassError, match="You have a class 4e B for 2026-2027 already"):
            create_class(teacher, "4e B", "2026-2027")


def test_the_upgrade_stops_counting_what_was_done_before_joining_the_class(app: Flask) -> None:
    """Migration 0027: Léa joined at 08:30, after her first attempt (08:00) — it no longer
    counts, her second (09:00) does; Tom, taken out and put back since, made his within his
    earlier stay: it still counts. The downgrade counts as the release before did."""
    with app.app_context():
        rows = [row for row in CLASS_ROWS if not row.startswith(("INSERT INTO assignment",
                                                                 "INSERT INTO membership"))]
        stored_at("0026", *FIRST_RELEASE_ROWS, *rows,
                  "INSERT INTO assignment (id, classroom_id, quiz_id, opens_at, due_at, counting, "
                  "review_score, review_marks, review_answers, created_at) VALUES (1, 1, 1, NULL, "
                  "'2026-11-02 08:00:00', 'best', 'now', 'now', 'after_due', "
                  "'2026-11-01 08:00:00')",
                  "INSERT INTO membership (id, classroom_id, user_id, hidden_from_board, "
                  "joined_at) VALUES (1, 1, 1, FALSE, '2026-11-01 08:30:00'), "
                  "(2, 1, 3, FALSE, '2026-11-01 11:00:00')",
                  "INSERT INTO class_stay (id, classroom_id, user_id, joined_at, left_at) "
                  "VALUES (1, 1, 3, '2026-11-01 09:50:00', '2026-11-01 10:30:00')",
                  "INSERT INTO counted_result (assignment_id, user_id, classroom_id, attempt_id, "
                  "score, total) VALUES (1, 1, 1, 1, 1, 1), (1, 3, 1, 4, 0, 1)")
        upgrade()
        kept = db.session.execute(sa.select(CountedResult.user_id, CountedResult.attempt_id)
                                  .order_by(CountedResult.user_id)).all()
        assert [tuple(row) for row in kept] == [(1, 2), (3, 4)]
        assert dict(kept) == counted_attempts(db.session.get_one(Assignment, 1))
        db.session.commit()
        downgrade(revision="0026")
        before = db.session.execute(sa.select(CountedResult.user_id, CountedResult.attempt_id)
                                    .order_by(CountedResult.user_id)).all()
        assert [tuple(row) for row in before] == [(1, 1), (3, 4)]
