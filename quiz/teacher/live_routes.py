"""The teacher's side of live mode: start a session, drive it, and the projector's page.

The session lives in the database (quiz/services/live.py): this page can be reloaded or
opened on another device at any time, and every page of it shows the same session.
"""

from __future__ import annotations

import segno
from flask import abort, current_app, flash, jsonify, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from werkzeug.wrappers import Response

from .. import live_feed
from ..extensions import db
from ..models import Assignment, Classroom, LiveSession, Quiz
from ..services import live
from ..services.content import revision_content
from ..services.review import answers_kept_from_class
from ..templating import when
from .forms import LIVE_FORM_PREFIX, LiveControlForm, LiveStartForm
from .routes import bp, offer_quizzes, own_class_or_404, render_class_live

LIVE_TOP = 5  # the standings after each reveal


def own_session_or_404(session_id: int) -> LiveSession:
    """The session if the current teacher started it; 404 otherwise, so ids reveal nothing."""
    session = live.teacher_session_or_none(session_id, current_user.id)
    if session is None:
        abort(404)
    return session


@bp.route("/classes/<int(max=2147483647):class_id>/live")
def class_live(class_id: int) -> str:
    """The class's live quizzes: those played, and the form that starts one."""
    return render_class_live(own_class_or_404(class_id))


@bp.route("/classes/<int(max=2147483647):class_id>/live", methods=["POST"])
def live_start(class_id: int) -> Response | tuple[str, int]:
    """Start a live session of the chosen quiz with the class (the form of the class's live
    tab); with an error, that page again, the error beside its field and what was chosen
    kept."""
    room = own_class_or_404(class_id)
    form = LiveStartForm(prefix=LIVE_FORM_PREFIX)
    chosen_id = offer_quizzes(form)
    if form.validate_on_submit():
        quiz = None if chosen_id is None else db.session.get(Quiz, chosen_id)
        kept = None if quiz is None else answers_kept_from_class(
            room.id, quiz.id, other_classes=form.guests_allowed.data)
        if kept is not None and not form.reveal_anyway.data:
            # Asked once: the box appears with why, beside the quiz chosen.
            form.reveal_anyway.errors = [_answers_kept_message(kept, room)]
        else:
            try:
                if quiz is None:
                    raise live.LiveError("This quiz is not published: choose another one.")
                session = live.start_session(current_user, room, quiz,
                                             countdown=form.countdown.data,
                                             speed_breaks_ties=form.speed_breaks_ties.data,
                                             guests_allowed=form.guests_allowed.data)
            except live.LiveError as error:
                form.quiz.errors = [_(error.message, **error.params)]
            else:
                return redirect(url_for("teacher.live_control", session_id=session.id))
    return render_class_live(room, form), 422


def _answers_kept_message(assignment: Assignment, room: Classroom) -> str:
    """Why the teacher is asked before playing live a quiz whose answers the class (or, with
    guests let in, another class) waits for."""
    if assignment.classroom_id != room.id:  # another teacher's class, maybe: not named
        return _("Another class does not see this quiz's right answers yet: guests join with "
                 "the code from anywhere, and each reveal shows them. Tick the box to play it "
                 "anyway, or let no guests join.")
    if assignment.review_answers == "after_due" and assignment.due_at is not None:
        return _("The class does not see this quiz's right answers until its due date "
                 "(%(date)s): each reveal of a live quiz shows them. Tick the box to play it "
                 "anyway.", date=when(assignment.due_at))
    return _("The class is never shown this quiz's right answers: each reveal of a live quiz "
             "shows them. Tick the box to play it anyway.")


@bp.route("/live/<int(max=2147483647):session_id>", methods=["GET", "POST"])
def live_control(session_id: int) -> str | Response:
    """The teacher's buttons (Next, Reveal, Pause, End) and what the class is doing."""
    session = own_session_or_404(session_id)
    form = LiveControlForm()
    if form.is_submitted():
        if not form.validate():
            abort(400)
        try:
            live.control(session.id, current_user.id, form.action.data)
            live_feed.changed(session.id, moved=True)  # the phones waiting here, at once
        except live.LiveError as error:
            flash(_(error.message, **error.params), "error")
        # Back at the buttons: the next Tab reaches the next move (not the header's links).
        return redirect(url_for("teacher.live_control", session_id=session.id,
                                _anchor="live-controls"))
    return render_template("teacher/live_control.html", **_page(session), form=form,
                           hidden=live.hidden_players(session)
                           if session.phase in ("revealed", "ended") else 0)


@bp.route("/live/<int(max=2147483647):session_id>/projector")
def live_projector(session_id: int) -> str:
    """The classroom screen: join code and QR code, then each question, its reveal, the top 5,
    and the podium. Nothing on it tells the right answer before the reveal."""
    session = own_session_or_404(session_id)
    # With guests, the QR code opens the guest's form (which sends someone logged in on).
    join_url = url_for("student.live_guest" if session.guests_allowed else "student.live_join",
                       code=session.code, _external=True)
    qr = Markup(segno.make(join_url, error="m").svg_inline(  # segno's SVG: escaped by segno
        scale=6, dark="#0f1c33", light="#ffffff", border=2, omitsize=True))
    return render_template("teacher/live_projector.html", **_page(session), join_url=join_url,
                           qr=qr)


@bp.route("/live/<int(max=2147483647):session_id>/state.json")
def live_state(session_id: int) -> Response:
    """What the teacher's pages poll (static/js/live.js): numbers, never an answer."""
    shared = live_feed.shared(own_session_or_404(session_id).id)
    if shared is None:
        abort(404)
    response = jsonify(shared.state().as_json())
    response.headers["Cache-Control"] = "no-store"
    return response


def _page(session: LiveSession) -> dict[str, object]:
    """What the control page and the projector show of the session now."""
    question = live.current_question(session)
    revealed = session.phase == "revealed"
    counts = live.choice_counts(session, question.id) if question and revealed else {}
    standings = (live.standings(session)
                 if session.phase in ("revealed", "ended") else [])
    content = revision_content(session.revision_id)
    return {"session": session, "state": live.state(session), "question": question,
            "revealed": revealed, "counts": counts, "answers": sum(counts.values()),
            "standings": standings, "top": LIVE_TOP, "revision": content,
            "block": (content.article[question.passage_block]["text"]
                      if question and revealed else ""),
            "poll": current_app.config["LIVE_POLL"]}
