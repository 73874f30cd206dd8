"""The migrations build the schema the models describe."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade

from quiz.extensions import db
from quiz.models import Attempt, Quiz


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
        db.drop_all()
        upgrade(revision=PREVIOUS_RELEASE)
        with db.engine.begin() as connection:
            for statement in FIRST_RELEASE_ROWS:
                connection.execute(sa.text(statement))
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []
        attempt = db.session.get_one(Attempt, 1)
        assert (attempt.user.display_name, attempt.score, attempt.total) == ("Léa", 1, 1)
        assert attempt.answers[0].choice.text == "Vrai"
        assert attempt.revision.questions[0].outdated_note is None
        assert db.session.get_one(Quiz, 1).current_revision.title == "Titre"
