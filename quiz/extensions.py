"""Flask extensions, created once and bound to the app in ``create_app``."""

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from flask import current_app
from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, Table
from sqlalchemy.orm import DeclarativeBase

# Deterministic constraint names, so that migrations can name what they alter or drop.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every model maps one table (none a join or a select): Core statements take it as such.
    __table__: ClassVar[Table]


db = SQLAlchemy(model_class=Base)

if TYPE_CHECKING:
    # mypy cannot follow a base class made at run time (`db.Model`, python/mypy#8603): the
    # models are type-checked against the declarative base it is built on.
    Model = Base
else:
    Model = db.Model

migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()

Kept = TypeVar("Kept")


def process_cache(name: str, make: Callable[[], Kept]) -> Kept:
    """This process's `name` cache, kept on the current app (so a test's fresh app never meets
    another app's), made by `make()` on first use only: it is asked for on every request."""
    cache = current_app.extensions.get(name)
    if cache is None:
        cache = current_app.extensions.setdefault(name, make())
    return cache
