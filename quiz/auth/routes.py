"""Registration, login and logout."""

from __future__ import annotations

import functools
import secrets
from typing import TypeGuard
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash
from werkzeug.wrappers import Response

from ..cookies import remember_language
from ..database import write_transaction
from ..extensions import db, login_manager
from ..models import User
from ..ratelimit import AccountAttempts, limiter
from ..services.classes import ClassError, join_class
from .forms import LanguageForm, LoginForm, LogoutForm, RegistrationForm

bp = Blueprint("auth", __name__)


@functools.cache
def _unknown_user_hash() -> str:
    """A password hash that no password matches, made once per process."""
    return generate_password_hash(secrets.token_urlsafe(32))


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The login cookie holds 'id:token'; a rotated token (logout) invalidates old cookies."""
    raw_id, _sep, token = user_id.partition(":")
    if not raw_id.isdigit() or not token or len(raw_id) > 10:
        return None
    user = db.session.get(User, int(raw_id))
    if user is None or not secrets.compare_digest(user.session_token, token):
        return None
    return user


def is_safe_next(target: str | None) -> TypeGuard[str]:
    """True for a path of this site ('/history'), false for anything that could leave it."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in target):
        return False  # urlsplit drops tabs and newlines; a Location header must not have them
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def _redirect_after_login() -> Response:
    target = request.args.get("next")
    return redirect(target if is_safe_next(target) else url_for("student.index"))


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["REGISTER_LIMIT_PER_ADDRESS"], methods=["POST"])
def register() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("student.index"))
    form = RegistrationForm()
    if form.validate_on_submit():
        try:
            with write_transaction():
                user = User(username=form.username.data, display_name=form.display_name.data)
                user.set_password(form.password.data)
                db.session.add(user)
        except sa.exc.IntegrityError:
            form.username.errors.append(_("This username is taken: choose another one."))
            return render_template("auth/register.html", form=form)
        session.clear()
        login_user(user)
        if form.join_code.data and form.join_code.data.strip():
            try:
                room = join_class(user, form.join_code.data)
                flash(_("You joined the class %(name)s.", name=room.name), "success")
            except ClassError as error:  # closed in the meantime
                flash(_(error.message, **error.params), "error")
        flash(_("Welcome, %(name)s! Pick a quiz to start.", name=user.display_name), "success")
        return redirect(url_for("student.index"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"], methods=["POST"])
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return _redirect_after_login()
    form = LoginForm()
    if form.validate_on_submit():
        attempts = AccountAttempts(form.username.data)
        if not attempts.take():
            abort(429)
        user = db.session.scalar(sa.select(User).where(User.username == form.username.data))
        if user is None:
            # The same work as for an account, so that timing tells no username that exists.
            check_password_hash(_unknown_user_hash(), form.password.data)
        if user is None or not user.check_password(form.password.data):
            flash(_("Wrong username or password."), "error")
            return render_template("auth/login.html", form=form), 200
        attempts.give_back()
        # A fresh session at login: nothing from before (CSRF token included) carries over.
        target = request.args.get("next")
        session.clear()
        login_user(user, remember=form.remember.data)
        return redirect(target if is_safe_next(target) else url_for("student.index"))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout() -> Response:
    form = LogoutForm()
    if form.validate_on_submit():
        # A new token makes every copy of the old login cookies worthless.
        with write_transaction():
            current_user.session_token = secrets.token_urlsafe(32)
        logout_user()
        flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/language", methods=["POST"])
def choose_language() -> Response:
    """The header's language switch: remembered in a cookie, and on the account if logged in."""
    form = LanguageForm()
    target = form.next.data if is_safe_next(form.next.data) else url_for("student.index")
    if not form.validate_on_submit():
        abort(400, description=_("Choose one of the languages offered."))
    response = redirect(target)
    remember_language(response, form.language.data)
    if current_user.is_authenticated and current_user.language != form.language.data:
        with write_transaction():
            current_user.language = form.language.data
    return response
