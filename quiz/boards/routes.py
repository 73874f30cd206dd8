"""Class leaderboards: overall, per quiz, and the projector view that refreshes itself."""

from __future__ import annotations

import datetime as dt
import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from types import SimpleNamespace

import sqlalchemy as sa
from flask import Blueprint, abort, current_app, jsonify, render_template, request
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from .. import WROTE_COOKIE
from ..database import attach_loaded, loaded_columns
from ..extensions import db, process_cache
from ..models import Assignment, Classroom, Membership, Quiz, QuizRevision
from ..services.importer import SLUG
from ..services.leaderboard import Standing, class_leaderboard
from ..templating import render_shared_blocks

bp = Blueprint("boards", __name__, url_prefix="/classes")

PROJECTOR_TOP = 10


@bp.before_request
@login_required
def require_login() -> None:
    """Boards are for the class's members and its teacher."""


# The class, and the viewer's membership if any: one Core query, built once.
_membership = Membership.__table__
_CLASS_AND_MEMBERSHIP = (
    sa.select(*loaded_columns(Classroom), _membership.c.id.label("membership_id"))
    .outerjoin(_membership, (_membership.c.classroom_id == Classroom.__table__.c.id)
               & (_membership.c.user_id == sa.bindparam("viewer_id")))
    .where(Classroom.__table__.c.id == sa.bindparam("class_id")))


def viewable_class_or_404(class_id: int) -> tuple[Classroom, bool]:
    """The class and whether the viewer is its teacher; 404 for anyone else."""
    found = db.session.execute(_CLASS_AND_MEMBERSHIP,
                               {"viewer_id": current_user.id, "class_id": class_id}).first()
    if found is None:
        abort(404)
    values = dict(found._mapping)
    membership_id = values.pop("membership_id")
    room = attach_loaded(Classroom, values)
    if room.teacher_id == current_user.id:
        return room, True
    if membership_id is None:
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


@dataclass(frozen=True)
class QuizTab:
    """An assigned quiz as the board's tabs show it."""

    assignment_id: int
    slug: str
    title: str
    language: str


@dataclass(frozen=True)
class KeptBoard:
    tabs: tuple[QuizTab, ...]
    standings: tuple[Standing, ...]
    made_at: float  # time.time() when computed


class _BoardCache:
    def __init__(self) -> None:
        self.boards: OrderedDict[tuple[int, int | None, bool], KeptBoard] = OrderedDict()
        self.lock = threading.Lock()


MAX_KEPT_BOARDS = 1024
_now = time.time  # the clock boards are kept by (tests move it)


def board_data(room: Classroom, assignment: Assignment | None = None, *,
               include_hidden: bool = False) -> KeptBoard:
    """The class's tabs and standings, kept by this process for BOARD_MAX_AGE seconds.

    A whole class opens its board within seconds of submitting (and the projector asks every
    3 s): one computation serves them all. A board is never older than BOARD_MAX_AGE, and never
    older than the viewer's own last change (the ``wrote`` cookie, set on every successful
    POST): who just submitted, joined or hid a student sees it at once.
    """
    max_age = current_app.config["BOARD_MAX_AGE"]
    cache = process_cache("news_quiz_boards", _BoardCache)
    key = (room.id, assignment.id if assignment else None, include_hidden)
    now = _now()
    oldest = max(now - max_age, _last_change(now))
    with cache.lock:
        kept = cache.boards.get(key)
    if kept is not None and kept.made_at > oldest:
        return kept
    assignments = _assignments(room)
    kept = KeptBoard(
        tabs=tuple(QuizTab(a.id, a.quiz.slug, a.quiz.revision.title,
                           a.quiz.revision.language) for a in assignments),
        standings=tuple(class_leaderboard(room, assignment, include_hidden=include_hidden,
                                          assignments=assignments)),
        made_at=now)
    if max_age > 0:
        with cache.lock:
            cache.boards[key] = kept
            cache.boards.move_to_end(key)
            while len(cache.boards) > MAX_KEPT_BOARDS:
                cache.boards.popitem(last=False)
    return kept


def _last_change(now: float) -> float:
    """When this browser last changed something (quiz/__init__.py remember_writes), or 0."""
    try:
        wrote = float(request.cookies.get(WROTE_COOKIE, "0"))
    except ValueError:
        return 0.0
    return min(wrote, now) if math.isfinite(wrote) else 0.0


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
    return _render_board(room, is_teacher, None)


@bp.route("/<int(max=2147483647):class_id>/board/<slug>")
def quiz_board(class_id: int, slug: str) -> str:
    room, is_teacher = viewable_class_or_404(class_id)
    return _render_board(room, is_teacher, assignment_or_404(room, slug))


@dataclass(frozen=True)
class _BoardView:
    """All that the board page shows, apart from the viewer's own row: the page's key."""

    room_id: int
    room_name: str
    is_teacher: bool
    assignment_id: int | None
    counting: str | None
    due_at: dt.datetime | None


def _render_board(room: Classroom, is_teacher: bool, assignment: Assignment | None) -> str:
    """The board page, rendered once per computed board and kind of viewer (teacher: hidden
    students marked; student), each viewer's own row marked in their copy."""
    kept = board_data(room, assignment, include_hidden=is_teacher)
    view = _BoardView(room.id, room.name, is_teacher, assignment.id if assignment else None,
                      assignment.counting if assignment else None,
                      assignment.due_at if assignment else None)
    return render_shared_blocks("boards/board.html", ("board", view), lambda: {
        "room": SimpleNamespace(id=view.room_id, name=view.room_name),
        "is_teacher": view.is_teacher,
        "assignment": assignment and SimpleNamespace(
            id=view.assignment_id, counting=view.counting, due_at=view.due_at),
        "tabs": kept.tabs, "standings": kept.standings}, version=kept.made_at)


@bp.route("/<int(max=2147483647):class_id>/projector")
def projector(class_id: int) -> str:
    """Large type for the classroom screen; static/js/projector.js refreshes it."""
    room, is_teacher = viewable_class_or_404(class_id)
    standings = board_data(room).standings  # what the class sees: hidden students stay hidden
    return render_template("boards/projector.html", room=room, is_teacher=is_teacher,
                           top=standings[:PROJECTOR_TOP], rest=standings[PROJECTOR_TOP:])


def _as_json(standing: Standing) -> dict[str, object]:
    return {"position": standing.position, "name": standing.display_name,
            "score": standing.score, "out_of": standing.out_of}


@bp.route("/<int(max=2147483647):class_id>/board.json")
def board_json(class_id: int) -> Response:
    """The overall board as data (display names only), for the projector's refresh."""
    room, _is_teacher = viewable_class_or_404(class_id)
    standings = board_data(room).standings
    response = jsonify({"class": room.name, "standings": [_as_json(s) for s in standings],
                        "top": PROJECTOR_TOP})
    response.headers["Cache-Control"] = "no-store"
    return response
