"""Class leaderboards: overall, per quiz, and the projector view that refreshes itself."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, jsonify, render_template
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from ..extensions import db
from ..models import Assignment, Classroom, Quiz, QuizRevision
from ..services.classes import membership
from ..services.importer import SLUG
from ..services.leaderboard import Standing, class_leaderboard

bp = Blueprint("boards", __name__, url_prefix="/classes")

PROJECTOR_TOP = 10


@bp.before_request
@login_required
def require_login() -> None:
    """Boards are for the class's members and its teacher."""


def viewable_class_or_404(class_id: int) -> tuple[Classroom, bool]:
    """The class and whether the viewer is its teacher; 404 for anyone else."""
    room = db.session.get(Classroom, class_id)
    if room is None:
        abort(404)
    if room.teacher_id == current_user.id:
        return room, True
    if membership(room.id, current_user.id) is None:
        abort(404)
    return room, False


def assignment_or_404(room: Classroom, slug: str) -> Assignment:
    if not SLUG.match(slug):
        abort(404)
    assignment = db.session.scalar(
        sa.select(Assignment).join(Quiz).where(Assignment.classroom_id == room.id,
                                               Quiz.slug == slug))
    if assignment is None:
        abort(404)
    return assignment


def _assignments(room: Classroom) -> list[Assignment]:
    return list(db.session.scalars(
        sa.select(Assignment).where(Assignment.classroom_id == room.id)
        # Only the title and language: not the article and source text of every quiz.
        .options(sa.orm.joinedload(Assignment.quiz).joinedload(Quiz.current_revision)
                 .load_only(QuizRevision.title, QuizRevision.language))
        .order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.id)))


@bp.route("/<int(max=2147483647):class_id>/board")
def board(class_id: int) -> str:
    room, is_teacher = viewable_class_or_404(class_id)
    assignments = _assignments(room)
    return render_template("boards/board.html", room=room, is_teacher=is_teacher,
                           assignment=None, assignments=assignments,
                           standings=class_leaderboard(room, include_hidden=is_teacher,
                                                       assignments=assignments))


@bp.route("/<int(max=2147483647):class_id>/board/<slug>")
def quiz_board(class_id: int, slug: str) -> str:
    room, is_teacher = viewable_class_or_404(class_id)
    assignment = assignment_or_404(room, slug)
    return render_template("boards/board.html", room=room, is_teacher=is_teacher,
                           assignment=assignment, assignments=_assignments(room),
                           standings=class_leaderboard(room, assignment,
                                                       include_hidden=is_teacher))


@bp.route("/<int(max=2147483647):class_id>/projector")
def projector(class_id: int) -> str:
    """Large type for the classroom screen; static/js/projector.js refreshes it."""
    room, is_teacher = viewable_class_or_404(class_id)
    standings = class_leaderboard(room)  # what the class sees: hidden students stay hidden
    return render_template("boards/projector.html", room=room, is_teacher=is_teacher,
                           top=standings[:PROJECTOR_TOP], rest=standings[PROJECTOR_TOP:])


def _as_json(standing: Standing) -> dict[str, object]:
    return {"position": standing.position, "name": standing.display_name,
            "score": standing.score, "out_of": standing.out_of}


@bp.route("/<int(max=2147483647):class_id>/board.json")
def board_json(class_id: int) -> Response:
    """The overall board as data (display names only), for the projector's refresh."""
    room, _is_teacher = viewable_class_or_404(class_id)
    standings = class_leaderboard(room)
    response = jsonify({"class": room.name, "standings": [_as_json(s) for s in standings],
                        "top": PROJECTOR_TOP})
    response.headers["Cache-Control"] = "no-store"
    return response
