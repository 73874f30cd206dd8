"""Lookups by URL parts shared by the blueprints: the row, or a 404 that reveals nothing."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort

from .extensions import db
from .models import Assignment, Classroom, Quiz
from .services.importer import SLUG


def assignment_or_404(room: Classroom, slug: str) -> Assignment:
    """The class's assignment of the quiz `slug`."""
    if not SLUG.match(slug):
        abort(404)
    assignment = db.session.scalar(
        sa.select(Assignment).join(Quiz).where(Assignment.classroom_id == room.id,
                                               Quiz.slug == slug))
    if assignment is None:
        abort(404)
    return assignment
