"""The app's configuration in one place: every key with its default (``Config``), and the
environment variable that sets it (``ENVIRONMENT``). The README's "Configuration" table lists
the same variables (tests/test_config.py checks that it does).
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import limits
import pytz  # type: ignore[import-untyped]  # (no stubs: one call, below)

PACKAGE = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE.parent

# Interface languages, each with its catalogue in quiz/translations (English is the source).
LANGUAGES = ("en", "fr")

# Read before the configuration, as Flask's instance_path: the folder of the secret key and of
# the SQLite database.
INSTANCE_VARIABLE = "NEWS_QUIZ_INSTANCE"


class ConfigurationError(click.ClickException):
    """The app cannot start as configured (no SECRET_KEY, a bad DATABASE_URL, an instance folder
    that cannot be made). A ClickException, so that every `flask --app app …` command prints it
    as one line ("Error: …") and exits with status 1; under gunicorn it stops the worker from
    booting, with the same message at the end of the log."""


class Config:
    """Every key the app reads from ``app.config``, with its default."""

    # -- set by the environment (see ENVIRONMENT) or the instance folder ---------------------
    SECRET_KEY: str | None = None  # else instance/secret_key, written by manage.py serve
    SQLALCHEMY_DATABASE_URI: str | None = None  # else sqlite:///<instance>/quiz.sqlite
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    BABEL_DEFAULT_TIMEZONE = "Europe/Paris"
    PROXIES = 0  # reverse proxies in front of the app (X-Forwarded-For is then trusted)

    # -- requests, sessions, cookies -------------------------------------------------------------
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    # A question file's text comes back as a form field (the upload page's editor, and its
    # question before replacing a quiz): up to the file limit of 1 MB, not Werkzeug's 500 KB.
    MAX_FORM_MEMORY_SIZE = MAX_CONTENT_LENGTH
    # The CSRF token is tied to the session; no extra time limit, so a student who takes more
    # than an hour over a quiz does not lose the answers on submit.
    WTF_CSRF_TIME_LIMIT = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = 7 * 24 * 3600
    PERMANENT_SESSION_LIFETIME = 12 * 3600

    # -- languages ----------------------------------------------------------------------------
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(PACKAGE / "translations")

    # -- the app's own -------------------------------------------------------------------------
    QUESTIONS_DIR = str(PROJECT_ROOT / "questions")  # what `flask quiz import` reads by default
    # Per account, failed logins only: slows password guessing. Per address, every login:
    # high, because a whole class often logs in from one school address.
    LOGIN_LIMIT_PER_ACCOUNT = "100 per hour"
    LOGIN_LIMIT_PER_ADDRESS = "1000 per hour"
    REGISTER_LIMIT_PER_ADDRESS = "200 per hour"
    JOIN_LIMIT_PER_ACCOUNT = "20 per hour"
    JOIN_LIMIT_PER_ADDRESS = "1000 per hour"
    # How passwords are hashed (werkzeug's generate_password_hash); a stored hash names its
    # own method, so a change applies to passwords set afterwards. Tests set a cheap one: each
    # scrypt check costs about 0.15 s of CPU, and the suite logs in about a thousand times.
    PASSWORD_HASH_METHOD = "scrypt"
    RATELIMIT_STORAGE_URI = "news-quiz-db://"  # the counters in the app's database
    # A class board is computed at most once per this many seconds per worker: longer than the
    # projector's 3 s between refreshes, so a lone projector costs one computation in two
    # refreshes; a viewer's own changes always show at once.
    BOARD_MAX_AGE = 5.0
    PROJECTOR_REFRESH = 3.0  # seconds between the projector's requests for the board
    # Seconds between a live quiz page's requests for the session's state (phones, projector,
    # teacher): the time from the teacher's Next to the question on the phones is about this.
    LIVE_POLL = 0.5
    # A phone's request for the state is held by the server until the session moves, at most
    # this many seconds (long polling, quiz/live_feed.py); 0: phones poll every LIVE_POLL.
    LIVE_HOLD = 20.0
    # How often each app process reads a live session's state from the database while phones
    # wait: the most a change made by another process or server takes to reach them.
    LIVE_CHECK = 0.2
    # Importing an article from a web address (teacher pages, `flask article import`).
    ARTICLE_FETCH_TIMEOUT = 10.0  # seconds
    ARTICLE_MAX_BYTES = 5_000_000
    ARTICLE_FETCH_ALLOW_PRIVATE = False  # addresses of the school's own network (tests: True)
    # The job queue that drafts questions (quiz/jobs.py): None is SQLite in the instance folder
    # (jobs.sqlite; web server and worker on one machine); redis://host:port/db for several app
    # servers. The name keeps apart the queues of several apps sharing one Redis.
    JOB_QUEUE_URL: str | None = None
    JOB_QUEUE_NAME = "news-quiz"


def database_url_from_env(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs written the usual ways (postgres://, postgresql://)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _flag(value: str) -> bool:
    if value not in ("0", "1"):
        raise ValueError("use 1 (on) or 0 (off)")
    return value == "1"


def _whole_number(value: str) -> int:
    if not value.isdigit():
        raise ValueError("use a whole number, e.g. 1")
    return int(value)


def _rate_limit(value: str) -> str:
    """A rate as Flask-Limiter reads it: '1000 per hour', '30/minute', '5 per 10 minutes'."""
    try:
        rates = limits.parse_many(value)
    except ValueError:
        raise ValueError("write a rate such as '1000 per hour' or '30/minute'") from None
    if any(rate.amount < 1 for rate in rates):
        raise ValueError("a limit of 0 would refuse everybody: allow at least 1, e.g. "
                         "'1000 per hour'")
    return value


def _time_zone(value: str) -> str:
    """A time zone's name as the database of time zones has it (the school's days and weeks,
    the dates pages show): both zoneinfo's and pytz's (Flask-Babel's) must know it, and it
    must follow a place's clocks, not a fixed offset."""
    try:
        zone = zoneinfo.ZoneInfo(value)
        pytz.timezone(value)
    except (KeyError, ValueError):  # ZoneInfoNotFoundError and UnknownTimeZoneError are both
        zone = None
    # available_timezones(): not the copies under right/ (leap seconds: offsets off by 27 s)
    # or posix/ that a file path would find.
    if zone is None or value not in zoneinfo.available_timezones():
        raise ValueError("not a time zone's name: use one such as Europe/Paris, "
                         "Europe/Brussels or America/Montreal")
    # EST, MST, HST and Etc/GMT+5…: fixed offsets kept for old systems, that read like a
    # place's zone; EST never has New York's summer time, Etc/GMT+5 is five hours *behind*
    # GMT. Due dates would be an hour off half the year.
    if value in _FIXED_OFFSET_NAMES or (value.startswith("Etc/") and zone.utcoffset(
            dt.datetime(2026, 1, 1)) != dt.timedelta(0)):
        raise ValueError("a fixed offset, not the clocks of a place (summer time would be "
                         "wrong): use the zone of the school's city, such as Europe/Paris or "
                         "America/New_York (or UTC)")
    return value


_FIXED_OFFSET_NAMES = frozenset({"EST", "MST", "HST"})


def _job_queue_url(value: str) -> str:
    if not value.startswith(("redis://", "rediss://", "unix://", "sqlite:///")):
        raise ValueError("use redis://host:port/db (Redis), or leave it unset (SQLite in the "
                         "instance folder)")
    return value


@dataclass(frozen=True)
class FromEnvironment:
    variable: str
    parse: Callable[[str], Any] = str


# Config key → the environment variable that sets it.
ENVIRONMENT: dict[str, FromEnvironment] = {
    "SECRET_KEY": FromEnvironment("SECRET_KEY"),
    "SQLALCHEMY_DATABASE_URI": FromEnvironment("DATABASE_URL", database_url_from_env),
    "SESSION_COOKIE_SECURE": FromEnvironment("SESSION_COOKIE_SECURE", _flag),
    "REMEMBER_COOKIE_SECURE": FromEnvironment("SESSION_COOKIE_SECURE", _flag),
    "BABEL_DEFAULT_TIMEZONE": FromEnvironment("NEWS_QUIZ_TIMEZONE", _time_zone),
    "PROXIES": FromEnvironment("NEWS_QUIZ_PROXIES", _whole_number),
    "LOGIN_LIMIT_PER_ACCOUNT": FromEnvironment("NEWS_QUIZ_LOGIN_LIMIT_PER_ACCOUNT", _rate_limit),
    "LOGIN_LIMIT_PER_ADDRESS": FromEnvironment("NEWS_QUIZ_LOGIN_LIMIT_PER_ADDRESS", _rate_limit),
    "REGISTER_LIMIT_PER_ADDRESS": FromEnvironment("NEWS_QUIZ_REGISTER_LIMIT_PER_ADDRESS",
                                                  _rate_limit),
    "JOIN_LIMIT_PER_ACCOUNT": FromEnvironment("NEWS_QUIZ_JOIN_LIMIT_PER_ACCOUNT", _rate_limit),
    "JOIN_LIMIT_PER_ADDRESS": FromEnvironment("NEWS_QUIZ_JOIN_LIMIT_PER_ADDRESS", _rate_limit),
    "JOB_QUEUE_URL": FromEnvironment("NEWS_QUIZ_JOB_QUEUE", _job_queue_url),
    "JOB_QUEUE_NAME": FromEnvironment("NEWS_QUIZ_JOB_QUEUE_NAME"),
}


SECRET_KEY_LEAST = 32  # characters: `openssl rand -hex 32` gives 64, manage.py serve's too


def weak_secret_key(key: str) -> bool:
    """A key too short to be secret, or a sentence pasted from the docs' example ("the 64 hex
    digits from openssl rand -hex 32"), or one character repeated."""
    return len(key) < SECRET_KEY_LEAST or any(c.isspace() for c in key) or len(set(key)) < 8


def settings(environ: Mapping[str, str], instance: Path) -> dict[str, Any]:
    """Config's keys, with the environment's values and the instance folder's defaults."""
    values = {key: getattr(Config, key) for key in dir(Config) if key.isupper()}
    for key, source in ENVIRONMENT.items():
        raw = environ.get(source.variable, "")
        if raw:
            try:
                values[key] = source.parse(raw)
            except ValueError as error:
                raise ConfigurationError(f"{source.variable}={raw!r}: {error}.") from None
    where = "SECRET_KEY"
    if not values["SECRET_KEY"]:
        key_file = instance / "secret_key"
        if key_file.is_file():
            values["SECRET_KEY"] = key_file.read_text(encoding="utf-8").strip() or None
            where = str(key_file)
    if values["SECRET_KEY"] and weak_secret_key(values["SECRET_KEY"]):
        # Not the key itself in the message: it lands in logs.
        raise ConfigurationError(
            f"{where}: the secret key is too guessable to sign logins (anyone who has it can "
            f"forge one): use at least {SECRET_KEY_LEAST} characters without spaces, e.g. "
            "the 64 hex digits of `openssl rand -hex 32`.")
    if not values["SQLALCHEMY_DATABASE_URI"]:
        values["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance / 'quiz.sqlite'}"
    return values


def instance_folder() -> str | None:
    """Where the instance folder is, if NEWS_QUIZ_INSTANCE says (else Flask's default)."""
    folder = os.environ.get(INSTANCE_VARIABLE) or None
    if folder is not None and not os.path.isabs(folder):
        raise ConfigurationError(f"{INSTANCE_VARIABLE}={folder!r}: use an absolute path (e.g. "
                                 "/var/lib/news-quiz): a service's working folder is not yours.")
    return folder
