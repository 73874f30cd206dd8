"""The app's own cookies, besides Flask's session and Flask-Login's remember-me cookie.

- ``lang``: the language chosen with the header's switch, for a year (the account keeps it too).
- ``wrote``: when this browser last changed something (any successful POST), so that what is
  kept for a few seconds (class boards, quiz/caching.py) is made anew for its author.

Both are plain, HttpOnly, SameSite=Lax cookies, Secure with SESSION_COOKIE_SECURE.
"""

from __future__ import annotations

import math
import time

from flask import current_app, request
from werkzeug.wrappers import Response

LANGUAGE_COOKIE = "lang"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
WROTE_COOKIE = "wrote"


def remember_language(response: Response, language: str) -> None:
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=LANGUAGE_COOKIE_AGE, httponly=True,
                        samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])


def chosen_language() -> str | None:
    """The language of the ``lang`` cookie, unchecked (one of LANGUAGES, or anything sent)."""
    return request.cookies.get(LANGUAGE_COOKIE)


def remember_writes(response: Response) -> Response:
    """After every request: note when this browser last changed something. A plain cookie, not
    the signed session: writing the session on every POST costs more, and a forged value only
    makes the sender's own boards fresher."""
    if request.method == "POST" and response.status_code < 400:
        response.set_cookie(WROTE_COOKIE, f"{time.time():.3f}", httponly=True, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def last_write(now: float) -> float:
    """When this browser last changed something (the ``wrote`` cookie), or 0; never after
    `now`."""
    try:
        wrote = float(request.cookies.get(WROTE_COOKIE, "0"))
    except ValueError:
        return 0.0
    return min(wrote, now) if math.isfinite(wrote) else 0.0
