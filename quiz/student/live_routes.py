"""The phone's side of live mode: join with the code on the projector (with an account, or as
a guest with a nickname when the teacher allows guests), answer each question, see right or
wrong and the passage after the reveal, and the podium.

A phone that slept, lost the Wi-Fi or reloaded finds the session where it is, with its
answers: everything is read from the database (quiz/services/live.py), and what the phones
poll is kept per process and held until the session moves (quiz/live_feed.py).

A guest has no account: a random token in their browser's session (the signed cookie) is who
they are, and it opens that session's phone page and state, nothing else (the blueprint's
``require_login`` lets a guest through to those endpoints only; each checks the place).
"""

from __future__ import annotations

import secrets

from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from .. import live_feed
from ..extensions import db
from ..models import LiveParticipant, LiveSession
from ..ratelimit import codes_tried_per_address
from ..services import live
from .forms import LiveAnswerForm, LiveGuestForm, LiveJoinForm
from .routes import GUEST_TOKEN, bp


@bp.route("/live", methods=["GET", "POST"])
@codes_tried_per_address()  # a code tried, as on the guests' page
def live_join() -> str | Response | tuple[str, int]:
    """Join a live quiz by its code (the projector's QR code opens this page with it)."""
    form = LiveJoinForm()
    if request.method == "GET" and request.args.get("code"):
        form.code.data = request.args.get("code", "")[:20]
    if form.validate_on_submit():
        found = live.find_session(form.code.data)
        try:
            if found is None:
                raise live.LiveError(live.NO_SESSION_HERE)
            live.join(found, current_user)
            live_feed.changed(found.id, moved=False)
        except live.LiveError as error:
            form.code.errors.append(_(error.message, **error.params))
        else:
            return redirect(url_for("student.live_phone", session_id=found.id))
    status = 422 if form.errors else 200
    return render_template("student/live_join.html", form=form,
                           sessions=live.sessions_for_student(current_user.id)), status


@bp.route("/live/guest", methods=["GET", "POST"])
# Every POST counts (a code tried): a school's address lets a class in, a flood of made-up
# guests stops.
@codes_tried_per_address()
def live_guest() -> str | Response | tuple[str, int]:
    """Join a live quiz without an account, with a nickname, when its teacher allows guests
    (the projector's QR code opens this page then). Someone logged in joins as themselves."""
    if current_user.is_authenticated:
        return redirect(url_for("student.live_join", code=request.args.get("code", "")[:20]))
    form = LiveGuestForm()
    if request.method == "GET" and request.args.get("code"):
        form.code.data = request.args.get("code", "")[:20]
    if form.validate_on_submit():
        found = live.find_session(form.code.data)
        token = session.get(GUEST_TOKEN)
        if not isinstance(token, str) or len(token) < 32:
            token = secrets.token_urlsafe(32)
        try:
            if found is None:  # the same answer as a session without guests
                raise live.LiveError(
                    "This live quiz takes no guests: log in with your account to join.")
            live.join_as_guest(found, form.nickname.data, token)
            live_feed.changed(found.id, moved=False)
        except live.LiveError as error:  # a refused name under the name, the rest the code
            field = form.nickname if error.field == "nickname" else form.code
            field.errors.append(_(error.message, **error.params))
        else:
            session[GUEST_TOKEN] = token
            session.permanent = True  # a phone's browser closed and opened again: still in
            return redirect(url_for("student.live_phone", session_id=found.id))
    status = 422 if form.errors else 200
    return render_template("student/live_guest.html", form=form), status


def _visitor() -> tuple[int | None, str | None]:
    """Who the phone is: the logged-in user's id, or a guest's key (from their token)."""
    if current_user.is_authenticated:
        return current_user.id, None
    token = session.get(GUEST_TOKEN)
    return None, (live.guest_key(token) if isinstance(token, str) and token else None)


def _joined_or_404(session_id: int) -> tuple[LiveSession, LiveParticipant]:
    """The session and the visitor's place in it; 404 for anyone who has not joined it."""
    found = db.session.get(LiveSession, session_id)
    if found is None:
        abort(404)
    person = live.participant(found.id, *_visitor())
    if person is None:
        abort(404)
    return found, person


def _wants_json() -> bool:
    """The phone's script answers in place (static/js/live.js): JSON rather than a page."""
    return request.accept_mimetypes.best == "application/json"


@bp.route("/live/<int(max=2147483647):session_id>", methods=["GET", "POST"])
def live_phone(session_id: int) -> str | Response | tuple[Response, int]:
    """The phone's page of the session; POST answers the open question (one tap). The
    phone's script sends the answer asking for JSON: ``{"choice": id}`` once stored; otherwise
    409 (the message flashed, for the page it then loads again)."""
    joined, person = _joined_or_404(session_id)
    form = LiveAnswerForm()
    if form.is_submitted():
        stored = None
        if not form.validate():
            flash(_("Choose an answer to this question."), "error")
        else:
            try:
                question_id, choice_id = int(form.question.data), int(form.choice.data)
            except ValueError:
                abort(400)
            try:
                user_id, guest = _visitor()
                stored = live.answer(joined.id, user_id, question_id, choice_id, guest=guest)
                live_feed.changed(joined.id, moved=False)
            except live.LiveError as error:
                if error.message != live.TIME_IS_UP:  # the page says that one itself
                    flash(_(error.message, **error.params), "error")
        if _wants_json():
            return (jsonify({"choice": stored.choice_id}) if stored is not None
                    else (jsonify({"choice": None}), 409))
        return redirect(url_for("student.live_phone", session_id=joined.id))
    question = live.current_question(joined)
    mine = live.my_answers(joined.id, person.id)
    standings = live.standings(joined) if joined.phase in ("revealed", "ended") else []
    me = next((s for s in standings if s.participant_id == person.id), None)
    content = live.content(joined)
    return render_template(
        "student/live.html", session=joined, state=live.state(joined), question=question,
        mine=mine.get(question.id) if question else None, answered=len(mine),
        revision=content, me=me, ranked=len(standings), form=form, person=person,
        block=(content.article[question.passage_block]["text"]
               if question and joined.phase == "revealed" else ""),
        poll=current_app.config["LIVE_POLL"], hold=current_app.config["LIVE_HOLD"])


@bp.route("/live/<int(max=2147483647):session_id>/state.json")
def live_state(session_id: int) -> Response:
    """What the phone polls (static/js/live.js, quiz/live_feed.py): the session's version and
    counts, the question on screen as the phone shows it (which answer is right only once
    revealed), the phone's own answer and place. ``?after=<version>``: held until the session
    moves on from that version (LIVE_HOLD seconds at most), by a threaded server."""
    participant = live_feed.participant_id(
        session_id, *_visitor(),
        account_made=current_user.created_at if current_user.is_authenticated else None)
    if participant is None:
        abort(404)
    after = request.args.get("after", type=int)
    # A server that runs one request at a time per process (gunicorn's sync workers) cannot
    # hold one per phone: there the state comes at once, and the phones poll.
    held = bool(request.environ.get("wsgi.multithread"))
    data = live_feed.phone_state(session_id, participant, after if held else None)
    if data is None:
        abort(404)
    response = jsonify(data)
    response.headers["Cache-Control"] = "no-store"
    return response
