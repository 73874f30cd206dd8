"""Jinja filters and globals: dates, languages and scores formatted for the reader's locale."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from flask import Flask, request
from flask_babel import format_date, format_time, get_locale, gettext
from flask_login import current_user

from .config import LANGUAGES
from .models import Attempt
from .questionfile.messages import Message


def article_date(value: str) -> str:
    """'2024-11' → 'November 2024' / 'novembre 2024'; '2024-11-05' → the full date."""
    if len(value) == 7:
        month = dt.date.fromisoformat(f"{value}-01")
        return format_skeleton("yMMMM", month, locale=get_locale())
    return format_date(dt.date.fromisoformat(value), format="long")


def language_name(code: str, in_language: str | None = None) -> str:
    """'fr' → 'French' / 'Français', in the reader's language (or in `in_language`)."""
    try:
        name = Locale.parse(code).get_display_name(in_language or get_locale())
    except (ValueError, LookupError, UnknownLocaleError):
        return code
    return name[:1].upper() + name[1:] if name else code


_SPACE_BEFORE = re.compile(r" ([?!:;»])")
_SPACE_AFTER = re.compile(r"« ")


def typography(text: str, language: str) -> str:
    """Keep French punctuation on its word's line: 'associées ?' never breaks before the '?'.

    Swaps a space for a no-break space, one character for one, so passage offsets still hold.
    """
    if language != "fr":
        return text
    return _SPACE_AFTER.sub("«\u00a0", _SPACE_BEFORE.sub("\u00a0\\1", text))


def score(attempt: Attempt) -> str:
    return f"{attempt.score}\u00a0/\u00a0{attempt.total}"


def when(value: dt.datetime) -> str:
    """A moment in the app's time zone, to the minute: 'Nov 26, 2026, 11:47 PM'."""
    return f"{format_date(value, format='medium')}, {format_time(value, format='short')}"


def translate(message: Message) -> str:
    """A plain module's message (quiz.questionfile.messages.Message) in the reader's language."""
    params = {name: translate(value) if isinstance(value, Message) else value
              for name, value in message.params.items()}
    return gettext(message.text, **params)


def current_path() -> str:
    """This page's path (with its query), where the language switch comes back to."""
    return request.full_path if request.query_string else request.path


def viewer() -> dict[str, Any]:
    """Templates get the logged-in user itself as ``current_user``, not Flask-Login's proxy
    (which looks the user up again on each use: a page's header uses it a dozen times)."""
    return {"current_user": current_user._get_current_object()}


def register_template_helpers(app: Flask) -> None:
    app.context_processor(viewer)
    app.add_template_filter(article_date)
    app.add_template_filter(language_name)
    app.add_template_filter(score)
    app.add_template_filter(typography)
    app.add_template_filter(translate)
    app.add_template_filter(when, "datetime")
    app.add_template_global(get_locale, "current_locale")
    app.add_template_global(current_path)

    # The header's language switch: each language named in itself ('Français', 'English').
    # Its forms (and the logout button) carry csrf_token() only: no form object per request.
    interface_languages = [(code, language_name(code, code)) for code in LANGUAGES]
    app.jinja_env.globals["interface_languages"] = interface_languages
