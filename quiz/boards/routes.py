"""Class leaderboards: overall, per quiz, and the projector view that refreshes itself."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, replace

import sqlalchemy as sa
from flask import (
    Blueprint,
    abort,
    current_app,
    get_template_attribute,
    jsonify,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext
from flask_login import current_user, login_required
from markupsafe import Markup
from werkzeug.wrappers import Response

from ..caching import cache
from ..cookies import last_write
from ..extensions import db
from ..lookups import assignment_or_404, requested_page
from ..models import Assignment, Classroom, Membership, Quiz, QuizRevision, utcnow
from ..services.catalogue import page_of
from ..services.leaderboard import Standing, class_leaderboard, name_order
from ..services.review import is_shown
from ..templating import formatting_locale, percent, render_fragment

bp = Blueprint("boards", __name__, url_prefix="/classes")

PROJECTOR_TOP = 10  # the projector's large rows; the rest under "Everyone else"
PROJECTOR_SHOWN = 100  # students the projector lists at most (a class of 900: the board pages)
BOARD_PAGE = 50  # rows of a board page


@bp.before_request
@login_required
def require_login() -> None:
    """Boards are for the class's members and its teacher."""


def viewable_class_or_404(class_id: int) -> tuple[Classroom, bool]:
    """The class and whether the viewer is its teacher; 404 for anyone else."""
    found = db.session.execute(
        sa.select(Classroom, Membership.id)
        .outerjoin(Membership, (Membership.classroom_id == Classroom.id)
                   & (Membership.user_id == current_user.id))
        .where(Classroom.id == class_id)).first()
    if found is None:
        abort(404)
    room, membership_id = found
    if room.teacher_id == current_user.id:
        return room, True
    if membership_id is None:
        abort(404)
    return room, False


@dataclass(frozen=True)
class QuizTab:
    """An assigned quiz as the board's tabs show it."""

    assignment_id: int
    slug: str
    title: str
    language: str


@dataclass(frozen=True)
class KeptBoard:
    key: tuple[int, int | None, bool]  # class, assignment (None: overall), hidden shown
    tabs: tuple[QuizTab, ...]  # the newest assignments' and the board's own (_newest_tabs)
    all_tabs: int  # how many quizzes the class was given
    standings: tuple[Standing, ...]
    made_at: float  # time.time() when computed
    # Review options: the quiz's scores are not shown to the class yet (its board lists who
    # has done it), or, overall, how many quizzes are left out for that reason.
    points_hidden: bool = False
    left_out: int = 0


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
    boards = cache("boards")
    key = (room.id, assignment.id if assignment else None, include_hidden)
    now = _now()
    oldest = max(now - max_age, last_write(now))
    kept: KeptBoard | None = boards.get(key)
    if kept is not None and kept.made_at > oldest:
        return kept
    moment = utcnow()
    # The teacher sees every score; the class (and the projector) only those its review
    # options show by now.
    not_shown = frozenset() if include_hidden else frozenset(
        a.id for a in _scores_maybe_hidden(room)
        if not is_shown(a.review_score, a.due_at, moment))
    points_hidden = assignment is not None and assignment.id in not_shown
    standings = class_leaderboard(room, assignment, include_hidden=include_hidden,
                                  now=moment, leave_out=() if assignment else not_shown)
    if points_hidden:  # who has done it first (a projector shows the first ten), by name
        standings = sorted((replace(s, position=None, score=0, tied=False)
                            for s in standings),
                           key=lambda s: (not s.done, name_order(s.display_name), s.user_id))
    kept = KeptBoard(
        key=key,
        tabs=_newest_tabs(room, assignment),
        all_tabs=db.session.scalar(sa.select(sa.func.count(Assignment.id))
                                   .where(Assignment.classroom_id == room.id)) or 0,
        standings=tuple(standings), made_at=now, points_hidden=points_hidden,
        left_out=0 if assignment else len(not_shown))
    if max_age > 0:
        boards.put(key, kept)
    return kept


def _scores_maybe_hidden(room: Classroom) -> list[sa.Row[tuple[int, str,
                                                               dt.datetime | None]]]:
    """The class's assignments whose review options may hide the scores (all but "now"), with
    what decides it. A class given the news quiz daily has hundreds of assignments: the board
    reads these few columns of the few that need them."""
    return list(db.session.execute(
        sa.select(Assignment.id, Assignment.review_score, Assignment.due_at)
        .where(Assignment.classroom_id == room.id, Assignment.review_score != "now")))


def _tabs(room: Classroom, among: sa.ColumnElement[bool] | None = None
          ) -> tuple[QuizTab, ...]:
    """The class's assigned quizzes (those `among` a condition on Assignment, if given) as
    tabs, soonest due first: columns, not ORM objects."""
    query = (sa.select(Assignment.id, Quiz.slug, QuizRevision.title, QuizRevision.language)
             .join(Quiz, Quiz.id == Assignment.quiz_id)
             .join(QuizRevision, QuizRevision.id == Quiz.current_revision_id)
             .where(Assignment.classroom_id == room.id)
             .order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.id))
    if among is not None:
        query = query.where(among)
    return tuple(QuizTab(*row) for row in db.session.execute(query))


@bp.route("/<int(max=2147483647):class_id>/board")
def board(class_id: int) -> str:
    room, is_teacher = viewable_class_or_404(class_id)
    return _render_board(room, is_teacher, None)


@bp.route("/<int(max=2147483647):class_id>/board/<slug>")
def quiz_board(class_id: int, slug: str) -> str:
    room, is_teacher = viewable_class_or_404(class_id)
    return _render_board(room, is_teacher, assignment_or_404(room, slug))


@dataclass(frozen=True)
class BoardPage:
    """A board page as the class sees it: its top (title, tabs) and one row per student."""

    head: Markup
    rows: tuple[Markup, ...]


def _quiz_title(assignment: Assignment | None) -> sa.Row[str, str] | None:
    """A quiz board's (or its projector's) quiz: its current title and language."""
    if assignment is None:
        return None
    return db.session.execute(
        sa.select(QuizRevision.title, QuizRevision.language)
        .join(Quiz, Quiz.current_revision_id == QuizRevision.id)
        .where(Quiz.id == assignment.quiz_id)).one()


def _render_board(room: Classroom, is_teacher: bool, assignment: Assignment | None) -> str:
    """One page of the board (BOARD_PAGE rows; teacher: hidden students shown and marked).
    Its top and rows are kept as HTML per computed board, page and language (``board_pages``
    in quiz/caching.py); the viewer's own row is rendered again for each request, marked
    "you", and a viewer whose row is on another page is told where it is."""
    kept = board_data(room, assignment, include_hidden=is_teacher)
    found = page_of(kept.standings, requested_page(), BOARD_PAGE)
    overall = assignment is None
    row = get_template_attribute("boards/_row.html", "board_row")  # a macro: no request context
    done_of = gettext("%(done)s of %(of)s", done="%(done)s", of="%(of)s")  # once, not per row
    # A quiz's board names its quiz (page title, heading, table caption): its current title.
    quiz_title = _quiz_title(assignment)
    page: BoardPage = cache("board_pages").get_or_make(
        (kept.key, kept.made_at, formatting_locale(), room.name,  # its due date too
         assignment and (assignment.counting, assignment.due_at, tuple(quiz_title or ())),
         found.page),
        lambda: BoardPage(
            render_fragment("boards/_board_head.html", room=room, is_teacher=is_teacher,
                            assignment=assignment, quiz_title=quiz_title, tabs=kept.tabs,
                            all_tabs=kept.all_tabs),
            # The teacher's board (kept apart: kept.key names it) links each name to the
            # student's page.
            tuple(Markup(row(s, False, overall, kept.points_hidden, done_of,
                             url_for("teacher.student", class_id=room.id, user_id=s.user_id)
                             if is_teacher else None))
                  for s in found.items)))
    viewer_id = current_user.id
    rows = Markup("\n  ").join(
        Markup(row(s, True, overall, kept.points_hidden, done_of)) if s.user_id == viewer_id
        else html
        for s, html in zip(found.items, page.rows, strict=True))
    elsewhere = None  # the viewer's standing and page when not on this one
    hidden_viewer = False  # a student the teacher hid from the board: told why no row
    if not any(s.user_id == viewer_id for s in found.items):
        elsewhere = next(((s, n // BOARD_PAGE + 1) for n, s in enumerate(kept.standings)
                          if s.user_id == viewer_id), None)
        hidden_viewer = elsewhere is None and not is_teacher
    return render_template("boards/board.html", room=room, page=page, rows=rows,
                           overall=overall, kept=kept, found=found, elsewhere=elsewhere,
                           assignment=assignment, quiz_title=quiz_title,
                           hidden_viewer=hidden_viewer)


BOARD_TABS = 8  # quiz tabs on a board: the newest assignments; the others on quiz_boards
QUIZ_BOARDS_PAGE = 30


def _newest_tabs(room: Classroom, assignment: Assignment | None) -> tuple[QuizTab, ...]:
    """The tabs of the BOARD_TABS newest assignments and of the board shown, in their order (a
    class given the news quiz daily has hundreds: all are one link away, on quiz_boards)."""
    newest = sa.select(Assignment.id).where(Assignment.classroom_id == room.id).order_by(
        Assignment.id.desc()).limit(BOARD_TABS)
    shown = Assignment.id.in_(newest.scalar_subquery())
    return _tabs(room, shown if assignment is None else shown | (Assignment.id == assignment.id))


@bp.route("/<int(max=2147483647):class_id>/boards")
def quiz_boards(class_id: int) -> str:
    """Every assigned quiz's board of the class, 30 a page."""
    room, is_teacher = viewable_class_or_404(class_id)
    found = page_of(_tabs(room), requested_page(), QUIZ_BOARDS_PAGE)
    return render_template("boards/quiz_boards.html", room=room, is_teacher=is_teacher,
                           found=found)


@dataclass(frozen=True)
class ProjectorLine:
    """A student's line on the projector, its texts as the page and board.json write them."""

    position: int | None
    tied: bool
    name: str
    points: str  # « 7 / 10 »; empty on a quiz's board where no score is shown
    detail: str  # overall: « done: 3 of 5 »; a quiz's: « 70 % », « not done yet »…


def projector_lines(kept: KeptBoard, overall: bool) -> list[ProjectorLine]:
    """The first PROJECTOR_SHOWN lines of a board as the projector shows them: overall, the
    points and how many quizzes are done; a quiz's, its score and share of right answers — or,
    when its scores are not shown to the class yet or it is not done, only that (as its board
    page says). Labels translated once, not per student."""
    shown = kept.standings[:PROJECTOR_SHOWN]
    if overall:
        done_of = gettext("done: %(done)s of %(of)s", done="%(done)s", of="%(of)s")
        return [ProjectorLine(s.position, s.tied, s.display_name,
                              f"{s.score}\u00a0/\u00a0{s.out_of}",
                              done_of % {"done": s.done, "of": s.of}) for s in shown]
    done, late, not_done = (gettext("done"), gettext("handed in late: does not count"),
                            gettext("not done yet"))
    lines = []
    for s in shown:
        if s.done and not kept.points_hidden:
            points = f"{s.score}\u00a0/\u00a0{s.out_of}"
            detail = "—" if s.percent is None else percent(s.percent)
        else:
            points, detail = "", done if s.done else (late if s.late else not_done)
        lines.append(ProjectorLine(s.position, s.tied, s.display_name, points, detail))
    return lines


@bp.route("/<int(max=2147483647):class_id>/projector")
def projector(class_id: int) -> str:
    """Large type for the classroom screen; static/js/projector.js refreshes it."""
    room, is_teacher = viewable_class_or_404(class_id)
    return _render_projector(room, is_teacher, None)


@bp.route("/<int(max=2147483647):class_id>/projector/<slug>")
def quiz_projector(class_id: int, slug: str) -> str:
    """One quiz's board for the classroom screen, e.g. right after the class did it."""
    room, is_teacher = viewable_class_or_404(class_id)
    return _render_projector(room, is_teacher, assignment_or_404(room, slug))


def _render_projector(room: Classroom, is_teacher: bool, assignment: Assignment | None) -> str:
    kept = board_data(room, assignment)  # what the class sees: hidden students stay hidden
    lines = projector_lines(kept, assignment is None)
    quiz_title = _quiz_title(assignment)
    return render_template("boards/projector.html", room=room, is_teacher=is_teacher,
                           assignment=assignment, quiz_title=quiz_title,
                           points_hidden=kept.points_hidden,
                           top=lines[:PROJECTOR_TOP], rest=lines[PROJECTOR_TOP:],
                           count=len(kept.standings),
                           refresh=current_app.config["PROJECTOR_REFRESH"])


def _as_json(standing: Standing, line: ProjectorLine) -> dict[str, object]:
    return {"position": standing.position, "tied": standing.tied,
            "name": standing.display_name, "score": standing.score,
            "out_of": standing.out_of, "done": standing.done, "of": standing.of,
            "points": line.points, "detail": line.detail}


@bp.route("/<int(max=2147483647):class_id>/board.json")
def board_json(class_id: int) -> Response:
    """A board's first PROJECTOR_SHOWN students as data (display names only), with the texts
    the projector shows, and how many the board has, for the projector's refresh: the overall
    board, or with ``?quiz=<slug>`` that quiz's."""
    room, _is_teacher = viewable_class_or_404(class_id)
    slug = request.args.get("quiz")
    kept = board_data(room, None if slug is None else assignment_or_404(room, slug))
    lines = projector_lines(kept, slug is None)
    response = jsonify({"class": room.name, "count": len(kept.standings), "top": PROJECTOR_TOP,
                        "standings": [_as_json(s, line)
                                      for s, line in zip(kept.standings, lines, strict=False)]})
    response.headers["Cache-Control"] = "no-store"
    return response
