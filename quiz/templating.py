"""Jinja filters and globals: dates, languages and scores formatted for the reader's locale."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from flask import Flask, current_app, request, session
from flask_babel import format_date, format_time, get_locale, gettext
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from .extensions import process_cache
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


def register_template_helpers(app: Flask) -> None:
    app.add_template_filter(article_date)
    app.add_template_filter(language_name)
    app.add_template_filter(score)
    app.add_template_filter(typography)
    app.add_template_filter(translate)
    app.add_template_filter(when, "datetime")
    app.add_template_global(get_locale, "current_locale")
    app.add_template_global(current_path)
    app.add_template_global(for_viewer)

    # The header's language switch: each language named in itself ('Français', 'English').
    # Its forms (and the logout button) carry csrf_token() only: no form object per request.
    from . import LANGUAGES

    interface_languages = [(code, language_name(code, code)) for code in LANGUAGES]
    app.jinja_env.globals["interface_languages"] = interface_languages


# -- pages whose own blocks are the same for everyone: rendered once, kept ----------------------

# What base.html shows of one user and one request, left out of a kept page and put back into
# each copy, escaped: the CSRF token, the user's name and the path the language switch returns to.
# Marks are made of NUL characters, which no stored text can hold (forms refuse control
# characters; a question file with a NUL is rejected).
CSRF_PLACEHOLDER = "\x00csrf-token\x00"
NAME_PLACEHOLDER = "\x00display-name\x00"
PATH_PLACEHOLDER = "\x00current-path\x00"
# A kept quiz page is 100–200 kB (its blocks, and the whole page per kind of navigation).
MAX_CACHED_PAGES = 256
# What only one viewer of a kept page sees (e.g. their own row of a class board, marked "you"):
# kept between marks that name the user, and in each copy kept for that user only.
_VIEWER_ONLY = re.compile("\x00viewer:([0-9]+)\x00(.*?)\x00/viewer\x00", re.DOTALL)


def for_viewer(user_id: int, html: Markup) -> Markup:
    """In a page of render_shared_blocks: `html` shown to the user `user_id` only."""
    return Markup(f"\x00viewer:{int(user_id)}\x00{escape(html)}\x00/viewer\x00")


def _keep_for_viewer(html: str, viewer_id: int | None) -> str:
    if "\x00viewer:" not in html:
        return html
    mine = str(viewer_id)
    return _VIEWER_ONLY.sub(lambda m: m.group(2) if m.group(1) == mine else "", html)


@dataclass
class _KeptPage:
    version: Hashable
    blocks: dict[str, str]  # the page's own blocks, by name
    # The whole page (base.html around the blocks) for a logged-in user with no message
    # waiting, one per kind of navigation (student/teacher); made on first use.
    shells: dict[bool, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _ShellViewer:
    """Stands for current_user while a kept page's shell is rendered: the navigation depends
    on whether the user is a teacher; the name is put back into each copy."""

    is_teacher: bool
    is_authenticated: bool = True
    display_name: str = NAME_PLACEHOLDER


class _PageCache:
    def __init__(self) -> None:
        self.pages: OrderedDict[Hashable, _KeptPage] = OrderedDict()
        self.wrappers: dict[tuple[str, ...], Any] = {}
        self.lock = threading.Lock()


def render_shared_blocks(template_name: str, key: Hashable,
                         context: Callable[[], dict[str, Any]], version: Hashable = None) -> str:
    """Render a page of base.html whose own blocks depend only on `key` (and the locale).

    The first request for a key renders `template_name` as usual with ``context()`` and keeps
    the HTML of each block the page defines, with the CSRF token taken out. Later requests of
    a logged-in user with no flashed message waiting get a kept copy of the whole page (base.html
    rendered once per kind of navigation) with their own CSRF token, name and path put back,
    escaped; otherwise base.html (navigation, messages) is rendered around the kept blocks. Use
    it only for a page whose blocks show nothing of the user or the moment, but what `key`
    stands for: the quiz page of a revision (``content`` is then the same for every student),
    a class board. A page kept under `key` with another `version` (the board computed anew)
    is replaced. What only the viewer may see goes between ``for_viewer()`` marks.
    """
    cache = process_cache("news_quiz_pages", _PageCache)
    full_key = (template_name, key, str(get_locale()), request.script_root, request.endpoint)
    with cache.lock:
        page = cache.pages.get(full_key)
        if page is not None:
            cache.pages.move_to_end(full_key)
    if page is None or page.version != version:
        page = _KeptPage(version, _render_blocks(template_name, context()))
        with cache.lock:
            cache.pages[full_key] = page
            while len(cache.pages) > MAX_CACHED_PAGES:
                cache.pages.popitem(last=False)
    token = generate_csrf()
    if current_user.is_authenticated and not session.get("_flashes"):
        is_teacher = bool(current_user.is_teacher)
        shell = page.shells.get(is_teacher)
        if shell is None:
            shell = page.shells[is_teacher] = _render_around(
                cache, page.blocks, {"current_user": _ShellViewer(is_teacher),
                                     "csrf_token": lambda: CSRF_PLACEHOLDER,
                                     "current_path": lambda: PATH_PLACEHOLDER,
                                     "get_flashed_messages": lambda **_options: ()})
        return _keep_for_viewer(shell.replace(CSRF_PLACEHOLDER, token)
                                .replace(NAME_PLACEHOLDER, escape(current_user.display_name))
                                .replace(PATH_PLACEHOLDER, escape(current_path())),
                                current_user.id)
    return _keep_for_viewer(
        _render_around(cache, {name: html.replace(CSRF_PLACEHOLDER, token)
                               for name, html in page.blocks.items()}, {}),
        current_user.id if current_user.is_authenticated else None)


def _render_around(cache: _PageCache, blocks: dict[str, str], context: dict[str, Any]) -> str:
    """base.html rendered around already-rendered blocks."""
    names = tuple(sorted(blocks))
    wrapper = cache.wrappers.get(names)
    if wrapper is None:
        wrapper = current_app.jinja_env.from_string(
            '{% extends "base.html" %}' + "".join(
                f"{{% block {name} %}}{{{{ shared_blocks.{name} }}}}{{% endblock %}}"
                for name in names))
        cache.wrappers[names] = wrapper
    context["shared_blocks"] = {name: Markup(html) for name, html in blocks.items()}
    current_app.update_template_context(context)
    return wrapper.render(context)


def _render_blocks(template_name: str, context: dict[str, Any]) -> dict[str, str]:
    template = current_app.jinja_env.get_template(template_name)
    current_app.update_template_context(context)
    jinja_context = template.new_context(context)
    # The whole page first: its imports ({% from ... import %}) land in the context.
    "".join(template.root_render_func(jinja_context))
    token = generate_csrf()
    return {name: "".join(render(jinja_context)).replace(token, CSRF_PLACEHOLDER)
            for name, render in template.blocks.items()}
