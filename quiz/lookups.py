"""Lookups by URL parts shared by the blueprints: the row, or a 404 that reveals nothing."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, request

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


def requested_page(param: str = "page") -> int:
    """The ?page= (or ?`param`=) of a list, from 1; anything else is the first page."""
    return max(1, request.args.get(param, 1, type=int) or 1)
