"""Rate limits (Flask-Limiter) counted in the app's own database.

Counters must be shared by every worker and app server, and the app's one shared store is its
database: SQLite on a single machine, PostgreSQL for several. So instead of asking schools to
run Redis, the limits library gets a small storage backend here, ``news-quiz-db://``, that keeps
fixed-window counters in the ``rate_limit`` table with one atomic upsert per hit.

The counters have connections of their own, outside the requests' pool (``_counters``): a
login holds its request's connection through the password check, and its per-account limit is
counted after it; sharing one pool, 16 logins at the same moment on the threaded server of
``manage.py serve`` each held a connection and waited for another until all failed with 500
(issue 17, H1; tests/test_concurrent_logins.py). Only login and register POSTs count, so the
connection opened per count costs nothing a class notices.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import limits
import sqlalchemy as sa
from flask import current_app
from flask.wrappers import Response
from flask_limiter import Limiter, RouteLimit
from flask_limiter.util import get_remote_address
from limits.storage import Storage
from sqlalchemy.dialects import postgresql, sqlite

from .extensions import db
from .models import RateLimit

PRUNE_CHANCE = 0.01
_ENGINE = "news_quiz_rate_limit_engine"


# At most this many counters' connections open at once per process: a burst of logins must not
# open one database connection each (PostgreSQL's max_connections). A count holds its slot for
# one short statement and never waits for anything else meanwhile, so waiting for a slot ends.
_SLOTS = threading.BoundedSemaphore(8)


@contextmanager
def _counting(write: bool) -> Iterator[sa.Connection]:
    """A connection for one count: its own transaction when `write`, in one of the slots."""
    with _SLOTS:
        engine = _counters()
        with (engine.begin() if write else engine.connect()) as connection:
            yield connection


def _counters() -> sa.Engine:
    """This app's engine for the counters: the app's database, no pool (a connection per
    count, closed after it), so that counting never waits for a request's connection."""
    engine: sa.Engine | None = current_app.extensions.get(_ENGINE)
    if engine is None:
        options = current_app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {})
        engine = current_app.extensions.setdefault(_ENGINE, sa.create_engine(
            db.engine.url, poolclass=sa.pool.NullPool,
            connect_args=options.get("connect_args", {})))
    return engine


class DatabaseStorage(Storage):
    """A `limits` storage in the app's database, for the fixed-window strategy."""

    STORAGE_SCHEME = ["news-quiz-db"]

    @property
    def base_exceptions(self) -> type[Exception]:
        return sa.exc.SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        insert = (postgresql.insert if _counters().dialect.name == "postgresql" else sqlite.insert)
        table = RateLimit.__table__
        expired = table.c.expires_at <= now
        statement = insert(table).values(
            key=key, hits=amount, expires_at=now + expiry
        ).on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "hits": sa.case((expired, amount), else_=table.c.hits + amount),
                "expires_at": sa.case((expired, now + expiry), else_=table.c.expires_at),
            },
        ).returning(table.c.hits)
        # Its own short transaction, on its own connection (see the module's docstring).
        with _counting(write=True) as connection:
            hits = int(connection.execute(statement).scalar_one())
            if random.random() < PRUNE_CHANCE:  # now and then, forget finished windows
                connection.execute(sa.delete(RateLimit).where(RateLimit.expires_at < now))
        return hits

    def _row(self, key: str) -> tuple[int, float] | None:
        with _counting(write=False) as connection:
            row = connection.execute(
                sa.select(RateLimit.hits, RateLimit.expires_at).where(RateLimit.key == key)
            ).first()
        if row is None or row.expires_at <= time.time():
            return None
        return row.hits, row.expires_at

    def get(self, key: str) -> int:
        row = self._row(key)
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        return row[1] if row else time.time()

    def check(self) -> bool:
        with _counting(write=False) as connection:
            connection.execute(sa.select(1))
        return True

    def reset(self) -> int | None:
        with _counting(write=True) as connection:
            return connection.execute(sa.delete(RateLimit)).rowcount

    def clear(self, key: str) -> None:
        with _counting(write=True) as connection:
            connection.execute(sa.delete(RateLimit).where(RateLimit.key == key))


class CountedBefore:
    """A limit counted *before* the work it limits (a password checked, an account made), in
    one atomic upsert, its count given back when the work did not happen or succeeded:
    however many requests arrive at once, no more than the limit's number of them do the
    work in a window (counted after the request, as Flask-Limiter's ``deduct_when`` does, 12
    logins at once let 107 through a per-account limit of 100, and 30 wrong logins from one
    address checked 5 to 29 passwords against a limit of 5). `setting`: the limit's config
    key; `identifiers`: its counter's."""

    def __init__(self, setting: str, *identifiers: str) -> None:
        self._limits = limits.parse_many(current_app.config[setting])
        self._identifiers = identifiers

    def take(self) -> bool:
        """Count one; False when over the limit (then do nothing)."""
        return all([limiter.limiter.hit(item, *self._identifiers) for item in self._limits])

    def give_back(self) -> None:
        """What was counted did not happen, or succeeded: it does not count."""
        for item in self._limits:
            limiter.storage.incr(item.key_for(*self._identifiers), item.get_expiry(), amount=-1)


class AccountAttempts(CountedBefore):
    """The per-account login limit: failed logins to one account per window (a successful one
    gives its count back). The username is the login form's, as the form normalises it,
    whatever the request's body."""

    def __init__(self, username: str, device: str | None = None) -> None:
        self._name = _account_name(username)
        # From a browser the account logged in on before (quiz/cookies.py known_device): its
        # own count, with the same limit, so that failures from elsewhere do not lock it.
        super().__init__("LOGIN_LIMIT_PER_ACCOUNT",
                         *(("login-device", device) if device else ("login-account", self._name)))

    def forget(self) -> None:
        """A new password was set for the account (a teacher's or an administrator's reset):
        the failed attempts before it no longer lock it."""
        for item in self._limits:
            limiter.storage.clear(item.key_for("login-account", self._name))


class AddressAttempts(CountedBefore):
    """A per-address limit (failed logins, accounts made): a form sent empty costs nothing and
    counts nothing, so a pupil sending one a thousand times shuts nobody out of the school's
    one public address. `setting`: the limit's config key; `kind`: its counter's."""

    def __init__(self, setting: str, kind: str) -> None:
        super().__init__(setting, kind, get_remote_address())


def _account_name(username: str) -> str:
    return "".join(c for c in username.strip().lower()[:40] if c.isprintable())


def join_account_key(user_id: int) -> str:
    """The key of a student's own limit on class codes tried (student.join)."""
    return f"join-account:{user_id}"


def codes_tried_per_address(exempt_when: Callable[[], bool] | None = None,
                            deduct_when: Callable[[Response], bool] | None = None
                            ) -> RouteLimit:
    """The per-address limit on codes tried (``JOIN_LIMIT_PER_ADDRESS``), one count for every
    route that checks one: the class join page, the registration form given a class code (it
    said whether a code was a class's before any account was made: 140 guesses a second),
    a student's or a guest's join of a live quiz. `exempt_when`: the request tries no code;
    `deduct_when`: whether the response counts (the registration form checks its code only
    once its other fields are right: a mistyped password costs nothing)."""
    return limiter.shared_limit(lambda: current_app.config["JOIN_LIMIT_PER_ADDRESS"],
                                scope="codes-tried", methods=["POST"], exempt_when=exempt_when,
                                deduct_when=deduct_when,
                                key_func=lambda: f"join-address:{get_remote_address()}")


def counters_of_account(username: str, user_id: int) -> list[str]:
    """How the stored keys of the counters named by an account begin (its failed logins,
    AccountAttempts; its class codes tried, join_account_key): what deleting the account
    deletes with it."""
    namespace = limits.parse("1/hour").namespace
    return [f"{namespace}/login-account/{_account_name(username)}/",
            f"{namespace}/{join_account_key(user_id)}/"]


limiter = Limiter(key_func=get_remote_address, strategy="fixed-window",
                  storage_uri="news-quiz-db://", headers_enabled=True)
