"""Registration, login and logout."""

from __future__ import annotations

import functools
import json
import secrets
import time
from typing import TypeGuard
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from flask_login.config import COOKIE_NAME
from flask_wtf.csrf import generate_csrf
from werkzeug.security import check_password_hash, generate_password_hash
from werkzeug.wrappers import Response

from ..cookies import forget_device, known_device, remember_device, remember_language
from ..database import write_transaction
from ..extensions import db, login_manager
from ..forms import LOGGED_OUT
from ..models import User
from ..ratelimit import AccountAttempts, AddressAttempts, codes_tried_per_address
from ..services.accounts import (
    AccountError,
    account_at_login,
    change_password,
    rename,
    temporary_password_as_typed,
)
from ..services.classes import ClassError, join_class
from ..services.personal_data import ErasureError, erase_students, personal_data
from .forms import (
    DeleteAccountForm,
    LanguageForm,
    LoginForm,
    LogoutForm,
    NameForm,
    PasswordForm,
    RegistrationForm,
    own_name_form,
)

bp = Blueprint("auth", __name__)


@functools.cache
def _unknown_user_hash(method: str) -> str:
    """A password hash that no password matches, made once per process (checked against when
    no account has that name: the answer takes as long as for a wrong password)."""
    return generate_password_hash(secrets.token_urlsafe(32), method=method)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The session and the remember-me cookie hold 'id:token:login time' (User.get_id, signed).
    A rotated token (logout, a password change or reset) invalidates every older cookie; a
    login older than REMEMBER_COOKIE_DURATION ends here, on the server, whatever the cookie's
    expiry in the browser says (a copied cookie does not work for ever)."""
    raw_id, token, raw_time = (user_id.split(":") + ["", ""])[:3]
    if not raw_id.isdigit() or not token or len(raw_id) > 10 or not raw_time.isdigit():
        return None
    if time.time() - int(raw_time) > current_app.config["REMEMBER_COOKIE_DURATION"]:
        return None
    user = db.session.get(User, int(raw_id))
    if user is None or not secrets.compare_digest(user.session_token, token):
        return None
    return user


# Where a user with a temporary password may go before choosing their own.
_BEFORE_NEW_PASSWORD = {"auth.password", "auth.logout", "auth.choose_language", "static",
                         "auth.accessibility"}


@bp.before_app_request
def require_own_password() -> Response | None:
    """After a reset, the temporary password is replaced before anything else; then the page
    asked for (a GET of this site, not the home page) opens."""
    if (request.endpoint not in _BEFORE_NEW_PASSWORD and current_user.is_authenticated
            and current_user.must_change_password):
        wanted = request.full_path.removesuffix("?") if request.method == "GET" else None
        return redirect(url_for("auth.password", next=wanted if is_safe_next(wanted) and
                                wanted != url_for("student.index") else None))
    return None


def _log_in_again() -> None:
    """Keep this browser logged in after a change that ended the account's sessions."""
    remembered = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME) in request.cookies
    # The user, not the current_user proxy: Flask-Login keeps what it is given as the user.
    login_user(current_user._get_current_object(), remember=remembered)


def is_safe_next(target: str | None) -> TypeGuard[str]:
    """True for a path of this site ('/history'), false for anything that could leave it."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return False
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 for char in target):
        return False  # urlsplit drops tabs and newlines; a Location header must not have them
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def _redirect_after_login(user: User) -> Response:
    """To ?next= when it is a page of this site, else the user's home: a teacher's classes,
    a student's quizzes."""
    target = request.args.get("next")
    if is_safe_next(target):
        return redirect(target)
    return redirect(url_for("teacher.index" if user.is_teacher else "student.index"))


@bp.route("/register", methods=["GET", "POST"])
# A form whose class code was checked (its other fields right) says whether it is one:
# counted as the join page's (RegistrationForm.validate sets g.join_code_checked).
@codes_tried_per_address(exempt_when=lambda: not request.form.get("join_code", "").strip(),
                         deduct_when=lambda _response: bool(g.get("join_code_checked")))
def register() -> str | Response:
    if current_user.is_authenticated:
        return redirect(url_for("student.index"))
    form = RegistrationForm()
    if form.validate_on_submit():
        # Accounts made, not forms sent (quiz/ratelimit.py AddressAttempts).
        made = AddressAttempts("REGISTER_LIMIT_PER_ADDRESS", "register-address")
        if not made.take():
            abort(429)
        try:
            with write_transaction():
                user = User(username=form.username.data, display_name=form.display_name.data)
                user.set_password(form.password.data)
                db.session.add(user)
        except sa.exc.IntegrityError:
            made.give_back()
            form.username.errors.append(_("This username is taken: choose another one."))
            return render_template("auth/register.html", form=form)
        session.clear()
        login_user(user)
        # The welcome first, then the class (it came second, after « You joined »).
        flash(_("Welcome, %(name)s! Your username is %(username)s. Pick a quiz to start.",
                name=user.display_name, username=user.username), "success")
        if form.join_code.data and form.join_code.data.strip():
            try:
                room = join_class(user, form.join_code.data)
                flash(_("You joined the class %(name)s.", name=room.name), "success")
            except ClassError as error:  # closed in the meantime
                flash(_(error.message, **error.params), "error")
        response = redirect(url_for("student.index"))
        remember_device(response, user.username, user.password_hash)  # as after a login
        return response
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return _redirect_after_login(current_user)
    form = LoginForm()
    if form.validate_on_submit():
        # Failed password checks, not logins (quiz/ratelimit.py AddressAttempts): a school of
        # a thousand behind one public address logs in every morning, and a form sent with an
        # empty password (no password checked) a thousand times in a few seconds locked every
        # account of that address out for an hour.
        address = AddressAttempts("LOGIN_LIMIT_PER_ADDRESS", "login-address")
        if not address.take():
            abort(429)
        user = account_at_login(form.username.data)
        # The account's own name for its failed logins: typed another way, the same count.
        username = form.username.data if user is None else user.username
        attempts = AccountAttempts(username, known_device(
            username, None if user is None else user.password_hash))
        if not attempts.take():
            address.give_back()  # no password checked
            abort(429)
        if user is None:
            # The same work as for an account, so that timing tells no username that exists.
            check_password_hash(_unknown_user_hash(current_app.config["PASSWORD_HASH_METHOD"]),
                                form.password.data)
        password = form.password.data
        if user is not None and user.must_change_password:
            password = temporary_password_as_typed(password)  # typed off the slip
        if user is None or not user.check_password(password):
            # An error of the form, as any other: in the summary (which takes the focus), the
            # page's title ("Error: …") and beside the password field (aria-invalid).
            form.password.errors.append(_("Wrong username or password."))
            return render_template("auth/login.html", form=form), 200
        attempts.give_back()
        address.give_back()
        # A fresh session at login: nothing from before (CSRF token included) carries over.
        session.clear()
        login_user(user, remember=form.remember.data)
        response = _redirect_after_login(user)
        remember_device(response, user.username, user.password_hash)
        return response
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
        flash(_("You are logged out, on every device."), "info")
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


@bp.route("/accessibility")
def accessibility() -> str:
    """The accessibility statement on RGAA 4.1's model (required of French public services):
    how far the app conforms, what is tested, what is known to fail, whom to tell."""
    return render_template("auth/accessibility.html")


@bp.route("/site-map")
def site_map() -> str:
    """Every page the visitor, student or teacher can open from the header or a list: a
    second way to find a page (WCAG 2.4.5, RGAA 12.1)."""
    return render_template("auth/site_map.html")


@bp.route("/account")
@login_required
def account() -> str:
    """The user's own display name, password and data."""
    return _account_page()


def _account_page(*, name_form: NameForm | None = None,
                  password_form: PasswordForm | None = None,
                  delete_form: DeleteAccountForm | None = None) -> str:
    """The account page, with the form sent back (and its errors) in place of a new one."""
    return render_template(
        "auth/account.html",
        name_form=name_form or own_name_form(current_user, formdata=None,
                                             display_name=current_user.display_name),
        password_form=password_form or PasswordForm(formdata=None),
        delete_form=delete_form or DeleteAccountForm(formdata=None))


@bp.route("/account/name", methods=["POST"])
@login_required
def account_name() -> Response | tuple[str, int]:
    form = own_name_form(current_user)
    if form.validate_on_submit():
        try:
            rename(current_user, form.display_name.data)
        except AccountError as error:
            form.display_name.errors.append(_(error.message, **error.params))
        else:
            flash(_("Your display name is now: %(name)s", name=current_user.display_name),
                  "success")
            return redirect(url_for("auth.account"))
    return _account_page(name_form=form), 422


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password() -> ResponseReturnValue:
    """Change one's password; after a reset, choose one's own (the current one is not asked:
    the user has just logged in with the temporary one)."""
    form = PasswordForm()
    replacing = current_user.must_change_password
    if form.validate_on_submit():
        # The current password is a login's: guessed at the login's limit, not faster here
        # (a session left open on a shared computer), each guess a costly hash.
        attempts = AccountAttempts(current_user.username)  # the account's: its own limit
        if not replacing and not attempts.take():
            abort(429)
        try:
            change_password(current_user, form.password.data,
                            None if replacing else (form.current.data or ""))
        except AccountError as error:
            if error.field != "current" and not replacing:
                attempts.give_back()
            field = form.current if error.field == "current" else form.password
            field.errors.append(_(error.message, **error.params))
        else:
            if not replacing:
                attempts.give_back()
            _log_in_again()
            if replacing:  # the temporary one given by a teacher: nothing else to log out
                flash(_("Your own password is set: log in with it from now on."), "success")
            else:
                flash(_("Your password is changed. Any other device logged in to your "
                        "account is logged out."), "success")
            wanted = request.args.get("next")
            response = redirect(wanted if replacing and is_safe_next(wanted) else url_for(
                "student.index" if replacing else "auth.account"))
            # This browser stays the account's known one: its cookie named the old password.
            remember_device(response, current_user.username, current_user.password_hash)
            return response
    if replacing:
        return render_template("auth/new_password.html", form=form), \
            422 if form.errors else 200
    if request.method == "GET":
        return redirect(url_for("auth.account"))
    return _account_page(password_form=form), 422


@bp.route("/account/token")
def form_token() -> tuple[Response, int]:
    """A CSRF token of this session, for a page open since another session (the student
    logged in again in another tab): the quiz page's script asks before saving again."""
    if not current_user.is_authenticated:
        return jsonify({"error": str(LOGGED_OUT), "logged_out": True}), 401
    return jsonify({"csrf_token": generate_csrf()}), 200


@bp.route("/account/data.json")
@login_required
def account_data() -> Response:
    """Everything the app keeps of the user, as a JSON file (the RGPD's right of access)."""
    response = current_app.response_class(
        json.dumps(personal_data(current_user), ensure_ascii=False, indent=1),
        mimetype="application/json")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="news-quiz-{current_user.username}.json"')
    return response


@bp.route("/account/delete", methods=["POST"])
@login_required
def delete_account() -> ResponseReturnValue:
    """A student deletes their own account and everything in it, after typing their password;
    a teacher's account is deleted by no one here (its classes and quizzes name it)."""
    if current_user.is_teacher:
        abort(403)
    form = DeleteAccountForm()
    if not form.validate_on_submit():
        return _account_page(delete_form=form), 422
    # The password is a login's: guessed at the login's limit, not faster here.
    attempts = AccountAttempts(current_user.username)
    if not attempts.take():
        abort(429)
    if not current_user.check_password(form.confirm_password.data or ""):
        form.confirm_password.errors.append(_("This is not your password."))
        return _account_page(delete_form=form), 422
    attempts.give_back()
    username = current_user.username
    try:
        erase_students([current_user.id])  # its login counters too
    except ErasureError:  # a second tap: deleted by the first one meanwhile
        pass
    logout_user()
    flash(_("Your account %(username)s is deleted, with your results and answers.",
            username=username), "info")
    response = redirect(url_for("auth.login"))
    forget_device(response)
    return response
