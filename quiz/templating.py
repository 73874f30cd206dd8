"""Jinja filters and globals: dates, languages and scores formatted for the reader's locale."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from flask import Flask, current_app, request
from flask_babel import format_date, format_time, get_locale, gettext
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

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


def register_template_helpers(app: Flask) -> None:
    app.add_template_filter(article_date)
    app.add_template_filter(language_name)
    app.add_template_filter(score)
    app.add_template_filter(typography)
    app.add_template_filter(translate)
    app.add_template_filter(when, "datetime")
    app.add_template_global(get_locale, "current_locale")

    # The header's language switch: each language named in itself ('Français', 'English').
    # Its forms (and the logout button) carry csrf_token() only: no form object per request.
    from . import LANGUAGES

    interface_languages = [(code, language_name(code, code)) for code in LANGUAGES]
    app.add_template_global(interface_languages, "interface_languages")


# -- pages whose own blocks are the same for everyone: rendered once, kept ----------------------

CSRF_PLACEHOLDER = "\x00csrf-token\x00"
MAX_CACHED_PAGES = 1024


class _PageCache:
    def __init__(self) -> None:
        self.pages: OrderedDict[Hashable, dict[str, str]] = OrderedDict()
        self.wrappers: dict[tuple[str, ...], Any] = {}
        self.lock = threading.Lock()


def render_shared_blocks(template_name: str, key: Hashable,
                         context: Callable[[], dict[str, Any]]) -> str:
    """Render a page of base.html whose own blocks depend only on `key` (and the locale).

    The first request for a key renders `template_name` as usual with ``context()`` and keeps
    the HTML of each block the page defines, with the CSRF token taken out; later requests
    render only base.html (navigation, messages: per user) around the kept blocks, with their
    own CSRF token put back. Use it only for a page whose blocks show nothing of the user or
    the moment: the quiz page of a revision (``content`` is then the same for every student).
    """
    cache: _PageCache = current_app.extensions.setdefault("news_quiz_pages", _PageCache())
    full_key = (template_name, key, str(get_locale()), request.script_root)
    with cache.lock:
        blocks = cache.pages.get(full_key)
        if blocks is not None:
            cache.pages.move_to_end(full_key)
    if blocks is None:
        blocks = _render_blocks(template_name, context())
        with cache.lock:
            cache.pages[full_key] = blocks
            while len(cache.pages) > MAX_CACHED_PAGES:
                cache.pages.popitem(last=False)
    names = tuple(sorted(blocks))
    wrapper = cache.wrappers.get(names)
    if wrapper is None:
        wrapper = current_app.jinja_env.from_string(
            '{% extends "base.html" %}' + "".join(
                f"{{% block {name} %}}{{{{ shared_blocks.{name} }}}}{{% endblock %}}"
                for name in names))
        cache.wrappers[names] = wrapper
    token = generate_csrf()
    context_vars: dict[str, Any] = {"shared_blocks": {
        name: Markup(html.replace(CSRF_PLACEHOLDER, token)) for name, html in blocks.items()}}
    current_app.update_template_context(context_vars)
    return wrapper.render(context_vars)


def _render_blocks(template_name: str, context: dict[str, Any]) -> dict[str, str]:
    template = current_app.jinja_env.get_template(template_name)
    current_app.update_template_context(context)
    jinja_context = template.new_context(context)
    # The whole page first: its imports ({% from ... import %}) land in the context.
    "".join(template.root_render_func(jinja_context))
    token = generate_csrf()
    return {name: "".join(render(jinja_context)).replace(token, CSRF_PLACEHOLDER)
            for name, render in template.blocks.items()}
