"""News Quiz: quizzes on current-events articles, each answer explained by its source passage."""

from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from flask import Flask, g, jsonify, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wrappers import Response

from . import database, models  # noqa: F401  (engine events; tables on db.metadata)
from .auth.routes import bp as auth_bp
from .boards.routes import bp as boards_bp
from .cli import quiz_cli, schema_problem, unreachable_database
from .config import (
    LANGUAGES,
    PACKAGE,
    PROJECT_ROOT,
    ConfigurationError,
    instance_folder,
    settings,
)
from .cookies import chosen_language, remember_writes
from .extensions import babel, csrf, db, login_manager, migrate
from .forms import LOGGED_OUT
from .ratelimit import limiter
from .student import live_routes as student_live_routes  # noqa: F401  (live mode's phones)
from .student.routes import bp as student_bp
from .student.routes import needs_login, to_login
from .teacher import (
    draft_routes,  # noqa: F401  (article import and drafting pages)
    live_routes,  # noqa: F401  (live mode: the teacher's controls and the projector)
    quiz_routes,  # noqa: F401  (adds the quiz pages to the teacher blueprint)
)
from .teacher.routes import bp as teacher_bp
from .templating import register_template_helpers

log = logging.getLogger(__name__)

__all__ = ["ConfigurationError", "create_app"]


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app. Creates no tables and loads no data: those are CLI steps."""
    app = Flask(
        __name__,
        instance_path=instance_folder(),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    instance = Path(app.instance_path)
    app.config.update(settings(os.environ, instance))
    if test_config is not None:
        app.config.update(test_config)
    if not app.config["SECRET_KEY"]:
        raise ConfigurationError(
            "SECRET_KEY is not set: export SECRET_KEY=<a long random string> "
            "(e.g. python3 -c 'import secrets; print(secrets.token_hex(32))'), "
            f"or run `python3 manage.py serve` once, which writes one to {instance}/secret_key.")
    try:
        instance.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigurationError(
            f"cannot create the instance folder {instance} ({error.strerror}): make it "
            "writable, or set NEWS_QUIZ_INSTANCE to a folder this user may write in.") from None
    if not os.access(instance, os.W_OK | os.X_OK):  # it holds the SQLite files, the job queue
        raise ConfigurationError(
            f"cannot write in the instance folder {instance}: make it writable by this user, "
            "or set NEWS_QUIZ_INSTANCE to a folder this user may write in.")
    backend = check_database_url(app.config["SQLALCHEMY_DATABASE_URI"], instance)
    if backend == "postgresql":
        # JIT off: it pays only for long analytical queries; on the app's short ones (a class
        # board) it cost more than the query itself (docs/deploy.md).
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {
            "pool_pre_ping": True, "connect_args": {"options": "-c jit=off"}})

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PACKAGE / "migrations"),
                     render_as_batch=True)
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    # Flask-Login's own English message, in the reader's language: translated when flashed
    # (str of the lazy string), so the session keeps plain text.
    login_manager.login_message = _l("Please log in to access this page.")
    login_manager.localize_callback = str
    babel.init_app(app, locale_selector=select_locale)
    check_translations(Path(app.config["BABEL_TRANSLATION_DIRECTORIES"]))
    limiter.init_app(app)
    if app.config["PROXIES"]:
        # Behind N reverse proxies: take the client's address from X-Forwarded-For.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=app.config["PROXIES"], x_proto=1, x_host=1)


    app.register_blueprint(auth_bp)
    app.register_blueprint(student_bp)
    app.register_blueprint(teacher_bp)
    app.register_blueprint(boards_bp)
    app.cli.add_command(quiz_cli)
    register_template_helpers(app)
    register_error_handlers(app)
    guard_schema(app)
    app.after_request(add_security_headers)
    app.after_request(remember_writes)
    return app


def check_translations(directory: Path) -> None:
    """Stop when a language's compiled catalogue is missing or older than its source: Babel
    would show those pages in English without a word."""
    for language in LANGUAGES[1:]:
        catalogue = directory / language / "LC_MESSAGES"
        compiled, source = catalogue / "messages.mo", catalogue / "messages.po"
        if not compiled.is_file():
            problem = "are not compiled"
        elif source.is_file() and source.stat().st_mtime > compiled.stat().st_mtime:
            problem = "are older than their source"
        else:
            continue
        raise ConfigurationError(
            f"the {language!r} interface's translations ({compiled}) {problem}: run "
            f"`.venv/bin/pybabel compile -d {directory}` (python3 manage.py serve does it).")


def check_database_url(url: str, instance: Path) -> str:
    """The URL's backend, "sqlite" or "postgresql"; any other URL, or an SQLite file whose
    folder is missing or read-only, is a ConfigurationError that says what to write instead.
    (A relative SQLite path is relative to the instance folder, as Flask-SQLAlchemy reads it.)"""
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise ConfigurationError(
            f"DATABASE_URL {url!r} is not a database URL: use sqlite:////full/path/quiz.sqlite "
            "or postgresql://user:password@host/database.") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        shown = parsed.render_as_string(hide_password=True)
        raise ConfigurationError(
            f"DATABASE_URL {shown!r}: News Quiz runs on SQLite (the default, or "
            "sqlite:////full/path/quiz.sqlite) or PostgreSQL (postgresql://user:password@host"
            f"/database), not {backend}.")
    if backend == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = (instance / parsed.database).parent
        if not folder.is_dir():
            raise ConfigurationError(
                f"the SQLite database's folder {folder} does not exist: create it, or change "
                "DATABASE_URL.")
        if not os.access(folder, os.W_OK):
            raise ConfigurationError(
                f"the SQLite database's folder {folder} is not writable by this user (SQLite "
                "writes its journal beside the database): change its permissions, or "
                "DATABASE_URL.")
    return backend


def select_locale() -> str | None:
    """The language picked with the header's switch (account, then cookie), else the browser's."""
    # Not serving (guard_schema): the account cannot be read; the cookie and browser can.
    if not g.get("not_serving") and current_user and current_user.is_authenticated \
            and current_user.language in LANGUAGES:
        return current_user.language
    chosen = chosen_language()
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES)


# style-src-elem lets a reader's own style sheet in: the text-spacing and dyslexia-font
# bookmarklets add a <style> element (WCAG 1.4.12). Style elements can only come from the
# page's own files or the reader: stored text is escaped, so no one else can write one.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "style-src-elem 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def add_security_headers(response: Any) -> Any:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if request.endpoint != "static":
        # Pages carry a name, scores or a CSRF token: a shared school computer's browser must
        # not keep them for the next student (the back button asks the server again).
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def _error_title(code: int, english: str) -> str:
    titles = {400: _("Bad request"), 403: _("Not allowed"), 404: _("Page not found"),
              405: _("Method not allowed"), 413: _("Too large"), 429: _("Too many attempts"),
              503: _("Unavailable for a moment")}
    return titles.get(code, english)


def guard_schema(app: Flask) -> None:
    """A web server started on a database not upgraded for this version (new code, `db
    upgrade` forgotten), or one that does not answer, answers 503 and logs what is wrong, as
    the commands say it (quiz/cli.py), instead of a 500 on the first page that reads a new
    column. Checked at a process's first request, then again only while it is wrong."""
    ready = False
    told = None  # the problem last logged: a server under load logs it once, not per request

    def schema_checked() -> tuple[str, int] | None:
        nonlocal ready, told
        if ready or request.endpoint == "static":  # the 503 page's own style sheet
            return None
        try:
            problem = schema_problem()
        except sa.exc.OperationalError as error:  # the database does not answer (yet)
            problem = unreachable_database(error)
        if problem is None:
            ready = True
            return None
        if problem != told:
            log.error("not serving: %s", problem)
            told = problem
        # A page that reads nothing from the database (no account: base.html's header would
        # load the viewer), in the cookie's or browser's language.
        g.not_serving = True
        return render_template("errors/unavailable.html"), 503

    # First of every request's checks: the others (the login limits, the account's
    # must-change-password) read the database.
    app.before_request_funcs.setdefault(None, []).insert(0, schema_checked)


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str | Response, int]:
        code = error.code or 500
        # Werkzeug's own wording is English; a description given to abort() is translated.
        # Flask-Limiter's 429 says "100 per 1 hour": the page has its own words for 413/429.
        custom = error.description != type(error).description and code not in (413, 429)
        description = error.description if custom else None
        as_json = request.accept_mimetypes.best == "application/json"  # a page's script
        if isinstance(error, CSRFError):
            if not current_user.is_authenticated and needs_login(request.endpoint):
                # The session ended (logged out on another device, its cookie lost): said as
                # the blueprint's own login check says it, which the form's check came before.
                if as_json:
                    return jsonify({"error": str(LOGGED_OUT), "logged_out": True}), 401
                return to_login(), 302
            # Flask-WTF's reason, for the administrator (a proxy that drops the port from the
            # host fails every form with « The referrer does not match the host. »).
            log.warning("form refused on %s %r: %s", request.method, request.path,
                        error.description)  # %r: a path's %0A cannot write a line of its own
            description = _("This form has expired or was not sent from this site. Go back, "
                            "reload the page and try again.")
            if as_json:  # the page's token is from an ended session: the script asks anew
                return jsonify({"error": description, "csrf": True}), code
        title = _error_title(code, error.name)
        if as_json:
            return jsonify({"error": description or title}), code
        return render_template("errors/http.html", error=error, code=code, title=title,
                               description=description), code

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception) -> tuple[str, int]:
        db.session.rollback()
        error_id = uuid.uuid4().hex[:12]
        log.exception("unexpected error %s on %s %s", error_id, request.method, request.path)
        return render_template("errors/500.html", error_id=error_id), 500
