"""The migrations build the schema the models describe."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import Flask
from flask_migrate import downgrade, upgrade

from quiz.extensions import db
from quiz.models import Quiz, User
from quiz.services.importer import import_items, prepare_import
from tests.conftest import QUESTIONS


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


def test_upgrade_from_the_previous_release_keeps_the_data(app: Flask) -> None:
    with app.app_context():
        db.drop_all()
        upgrade(revision=PREVIOUS_RELEASE)
        import_items(prepare_import([QUESTIONS]))
        db.session.add(User(username="lea", display_name="Léa", password_hash="x"))
        db.session.commit()
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []
        assert db.session.scalar(sa.select(sa.func.count(Quiz.id))) == 3
        assert db.session.scalar(sa.select(User.display_name)) == "Léa"
