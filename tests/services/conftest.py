"""Fixtures of the service tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from flask import Flask

from quiz.services.importer import import_items, prepare_import
from tests.support import QUESTIONS


@pytest.fixture
def folder(app: Flask, tmp_path: Path) -> Path:
    """The demo question files, copied so that a test may edit them, and imported."""
    copy = tmp_path / "questions"
    shutil.copytree(QUESTIONS, copy)
    with app.app_context():
        import_items(prepare_import([copy]))
    return copy
