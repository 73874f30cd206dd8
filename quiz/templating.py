"""Jinja filters and globals: dates, languages and scores formatted for the reader's locale."""

from __future__ import annotations

import datetime as dt
import re

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from flask import Flask
from flask_babel import format_date, format_time, get_locale, gettext
from flask_login import current_user

from .models import Attempt
from .questionfile.messages import Message


def article_date(value: str) -> str:
    """'2024-11' → 'November 2024' / 'novembre 2024'; '2024-11-05' → the full date."""
    if len(value) == 7:
        month = dt.date.fromisoformat(f"{value}-01")
        return format_skeleton("yMMMM", month, locale=get_locale())
    return format_date(dt.date.fromisoformat(value), format="long")


def language_name(code: str) -> str:
    """'fr' → 'French' / 'français', in the reader's language."""
    try:
        name = Locale.parse(code).get_display_name(get_locale())
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


def _endonym(code: str) -> str:
    """A language's name in itself: 'Français', 'English' (the switch's buttons)."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def translate(message: Message) -> str:
    """A plain module's message (quiz.questionfile.messages.Message) in the reader's language."""
    params = {name: translate(value) if isinstance(value, Message) else value
              for name, value in message.params.items()}
    return gettext(message.text, **params)


def register_template_helpers(app: Flask) -> None:
    app.add_template_filter(article_date)
    app.add_template_filter(language_name)
    app.add_template_filter(score)
    app.add_template_filter(typography)
    app.add_template_filter(translate)
    app.add_template_filter(when, "datetime")
    app.add_template_global(get_locale, "current_locale")

    @app.context_processor
    def header_forms() -> dict[str, object]:
        """The header's forms: the language switch, and the logout button when logged in."""
        from . import LANGUAGES
        from .auth.forms import LanguageForm, LogoutForm

        forms: dict[str, object] = {
            "language_form": LanguageForm(formdata=None),
            "interface_languages": [(code, _endonym(code)) for code in LANGUAGES],
        }
        if current_user.is_authenticated:
            forms["logout_form"] = LogoutForm(formdata=None)
        return forms
