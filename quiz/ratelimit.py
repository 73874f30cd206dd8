"""Rate limits (Flask-Limiter) counted in the app's own database.

Counters must be shared by every worker and app server, and the app's one shared store is its
database: SQLite on a single machine, PostgreSQL for several. So instead of asking schools to
run Redis, the limits library gets a small storage backend here, ``news-quiz-db://``, that keeps
fixed-window counters in the ``rate_limit`` table with one atomic upsert per hit.
"""

from __future__ import annotations

import random
import time

import sqlalchemy as sa
from flask import request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits.storage import Storage
from sqlalchemy.dialects import postgresql, sqlite

from .extensions import db
from .models import RateLimit

PRUNE_CHANCE = 0.01


class DatabaseStorage(Storage):
    """A `limits` storage in the app's database, for the fixed-window strategy."""

    STORAGE_SCHEME = ["news-quiz-db"]

    @property
    def base_exceptions(self) -> type[Exception]:
        return sa.exc.SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        now = time.time()
        insert = (postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert)
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
        # Its own short transaction, apart from the request's session.
        with db.engine.begin() as connection:
            hits = int(connection.execute(statement).scalar_one())
            if random.random() < PRUNE_CHANCE:  # now and then, forget finished windows
                connection.execute(sa.delete(RateLimit).where(RateLimit.expires_at < now))
        return hits

    def _row(self, key: str) -> tuple[int, float] | None:
        with db.engine.connect() as connection:
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
        with db.engine.connect() as connection:
            connection.execute(sa.select(1))
        return True

    def reset(self) -> int | None:
        with db.engine.begin() as connection:
            return connection.execute(sa.delete(RateLimit)).rowcount

    def clear(self, key: str) -> None:
        with db.engine.begin() as connection:
            connection.execute(sa.delete(RateLimit).where(RateLimit.key == key))


def submitted_username() -> str:
    """The account a login attempt is for, as the login form normalises it."""
    name = request.form.get("username", "").strip().lower()[:40]
    return "login-account:" + "".join(c for c in name if c.isprintable())


limiter = Limiter(key_func=get_remote_address, strategy="fixed-window",
                  storage_uri="news-quiz-db://", headers_enabled=True)
