"""The logged-in floor: the app itself plus one page that shows nothing.

``GET /bench/floor`` goes through all that every page of a logged-in user goes through — the
signed session cookie, Flask-Login's user loaded from the database, the language, the CSRF
token, the security headers, the database session opened and closed — and returns "ok".
bench/run.py serves it like the app (``bench.floor:create()``): its ratio to bare Flask is the
most a logged-in page can reach with this stack, so each page's ratio reads against it.
"""

from flask import Flask
from flask_login import login_required
from flask_wtf.csrf import generate_csrf

from quiz import create_app

FLOOR_PATH = "/bench/floor"


def add_floor_page(app: Flask) -> None:
    """The page that shows nothing (bench/layers.py adds it to its own app too)."""

    @app.route(FLOOR_PATH)
    @login_required
    def floor() -> str:
        generate_csrf()  # every page has a form (the header's language switch and logout)
        return "ok"


def create() -> Flask:
    """The app configured from the environment, as app.py makes it, with the floor page."""
    app = create_app()
    add_floor_page(app)
    return app
