"""The phone's side of live mode: join with the code on the projector, answer each question,
see right or wrong and the passage after the reveal, and the podium.

A phone that slept, lost the Wi-Fi or reloaded finds the session where it is, with its
answers: everything is read from the database at each request (quiz/services/live.py).
"""

from __future__ import annotations

from flask import abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from ..extensions import db
from ..models import LiveParticipant, LiveSession
from ..services import live
from .forms import LiveAnswerForm, LiveJoinForm
from .routes import bp


@bp.route("/live", methods=["GET", "POST"])
def live_join() -> str | Response | tuple[str, int]:
    """Join a live quiz by its code (the projector's QR code opens this page with it)."""
    form = LiveJoinForm()
    if request.method == "GET" and request.args.get("code"):
        form.code.data = request.args.get("code", "")[:20]
    if form.validate_on_submit():
        session = live.find_session(form.code.data)
        try:
            if session is None:
                # The same answer as a session of another class: a code reveals nothing.
                raise live.LiveError(
                    "This live quiz is for another class: join that class first.")
            live.join(session, current_user)
        except live.LiveError as error:
            form.code.errors.append(_(error.message, **error.params))
        else:
            return redirect(url_for("student.live_phone", session_id=session.id))
    status = 422 if form.errors else 200
    return render_template("student/live_join.html", form=form,
                           sessions=live.sessions_for_student(current_user.id)), status


def _joined_or_404(session_id: int) -> tuple[LiveSession, LiveParticipant]:
    """The session and the student's place in it; 404 for anyone who has not joined it (a
    student of the class who has not is sent to the join page by the caller)."""
    session = db.session.get(LiveSession, session_id)
    if session is None:
        abort(404)
    person = live.participant(session.id, current_user.id)
    if person is None:
        abort(404)
    return session, person


@bp.route("/live/<int(max=2147483647):session_id>", methods=["GET", "POST"])
def live_phone(session_id: int) -> str | Response:
    """The phone's page of the session; POST answers the open question (one tap)."""
    session, person = _joined_or_404(session_id)
    form = LiveAnswerForm()
    if form.is_submitted():
        if not form.validate():
            flash(_("Choose an answer to this question."), "error")
        else:
            try:
                question_id, choice_id = int(form.question.data), int(form.choice.data)
            except ValueError:
                abort(400)
            try:
                live.answer(session.id, current_user.id, question_id, choice_id)
            except live.LiveError as error:
                flash(_(error.message, **error.params), "error")
        return redirect(url_for("student.live_phone", session_id=session.id))
    question = live.current_question(session)
    mine = live.my_answers(session.id, current_user.id)
    standings = live.standings(session) if session.phase in ("revealed", "ended") else []
    me = next((s for s in standings if s.user_id == current_user.id), None)
    content = live.content(session)
    return render_template(
        "student/live.html", session=session, state=live.state(session), question=question,
        mine=mine.get(question.id) if question else None, answered=len(mine),
        revision=content, me=me, ranked=len(standings), form=form, person=person,
        block=(content.article[question.passage_block]["text"]
               if question and session.phase == "revealed" else ""),
        poll=current_app.config["LIVE_POLL"])


@bp.route("/live/<int(max=2147483647):session_id>/state.json")
def live_state(session_id: int) -> Response:
    """What the phone polls (static/js/live.js): the session's version and counts, never an
    answer."""
    session, _person = _joined_or_404(session_id)
    response = jsonify(live.state(session).as_json())
    response.headers["Cache-Control"] = "no-store"
    return response
