"""How the app's connections are set up on each database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from quiz import create_app
from quiz.extensions import db


def test_a_postgresql_url_gets_connections_without_jit(tmp_path: Path) -> None:
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret",
                      "SQLALCHEMY_DATABASE_URI": "postgresql://quiz@127.0.0.1/news_quiz"})
    options = app.config["SQLALCHEMY_ENGINE_OPTIONS"]
    assert options["connect_args"] == {"options": "-c jit=off"}
    assert options["pool_pre_ping"] is True


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"),
                    reason="PostgreSQL's own setting: the PostgreSQL pass of .ci/run checks it")
def test_postgresql_runs_the_apps_queries_without_jit(app: Flask) -> None:
    """JIT compiling cost a 450-assignment board 1.6 s instead of 0.12 s (issue 16)."""
    with app.app_context():
        assert db.engine.dialect.name == "postgresql"
        assert db.session.execute(sa.text("SHOW jit")).scalar() == "off"
