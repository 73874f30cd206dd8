"""The app's own cookies, besides Flask's session and Flask-Login's remember-me cookie.

- ``lang``: the language chosen with the header's switch, for a year (the account keeps it too).
- ``wrote``: when this browser last changed something (any successful POST), so that what is
  kept for a few seconds (class boards, quiz/caching.py) is made anew for its author.
- ``device``: the account this browser last logged in to, signed, for 400 days: its logins are
  counted apart from the account's (a "device cookie", as OWASP advises), so that someone
  failing on purpose to lock an account does not lock its owner out on their own device. It
  holds a fingerprint of the account's password hash: a new password (the owner's, or a reset)
  makes every such cookie worthless, and their counts with it. The account is in it as a keyed
  hash, not its username (signed is not hidden: a shared computer's next user would read it).

All are HttpOnly, SameSite=Lax cookies, Secure with SESSION_COOKIE_SECURE; only ``device`` is
signed (with SECRET_KEY).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.wrappers import Response

LANGUAGE_COOKIE = "lang"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
WROTE_COOKIE = "wrote"
DEVICE_COOKIE = "device"
DEVICE_COOKIE_AGE = 400 * 24 * 3600  # the longest browsers keep a cookie


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


def _device_signer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="known-device")


def _password_mark(password_hash: str) -> str:
    """A fingerprint of the account's password hash (not the hash: the cookie is readable)."""
    key = current_app.config["SECRET_KEY"]
    return hmac.new(key if isinstance(key, bytes) else key.encode(), password_hash.encode(),
                    hashlib.sha256).hexdigest()[:16]


def _name_mark(username: str) -> str:
    """The account a device cookie is for, unreadable (a signed cookie is only base64: on a
    shared computer the next user would read the last one's username)."""
    return _password_mark("device-user:" + username)


def remember_device(response: Response, username: str, password_hash: str) -> None:
    """After a successful login: this browser is known to the account until its password
    changes (a new token each time: the counter of an old one is left behind)."""
    value = _device_signer().dumps([_name_mark(username), _password_mark(password_hash),
                                    secrets.token_urlsafe(12)])
    response.set_cookie(DEVICE_COOKIE, value, max_age=DEVICE_COOKIE_AGE, httponly=True,
                        samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])


def known_device(username: str, password_hash: str | None) -> str | None:
    """The token of this browser's ``device`` cookie when it is signed by this app, under 400
    days old, and names `username` with its password of now (a login to another account on a
    shared computer is not helped, nor one made before a new password); else None."""
    if password_hash is None:  # no such account
        return None
    try:
        name, mark, token = _device_signer().loads(request.cookies.get(DEVICE_COOKIE, ""),
                                                   max_age=DEVICE_COOKIE_AGE)
    except (BadSignature, ValueError, TypeError):
        return None
    if not hmac.compare_digest(str(name), _name_mark(username)) \
            or not hmac.compare_digest(str(mark), _password_mark(password_hash)):
        return None
    return token if isinstance(token, str) else None


def forget_device(response: Response) -> None:
    """The ``device`` cookie deleted (its account is gone)."""
    response.delete_cookie(DEVICE_COOKIE, httponly=True, samesite="Lax",
                           secure=current_app.config["SESSION_COOKIE_SECURE"])
