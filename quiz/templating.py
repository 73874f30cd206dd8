"""Jinja filters and globals: dates, languages and scores formatted for the reader's locale."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import cache as memoize
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from babel.lists import format_list
from babel.support import NullTranslations
from flask import (
    Flask,
    current_app,
    g,
    has_app_context,
    has_request_context,
    request,
    template_rendered,
)
from flask_babel import (
    force_locale,
    format_date,
    format_datetime,
    format_decimal,
    format_percent,
    get_locale,
    get_translations,
    gettext,
    ngettext,
)
from flask_login import AnonymousUserMixin, current_user
from flask_wtf import FlaskForm
from jinja2 import TemplateRuntimeError, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from .caching import cache
from .config import LANGUAGES
from .models import Attempt
from .questionfile.messages import LanguageCode, Message
from .questionfile.review import review_message
from .services.progress import score_percent


def article_date(value: str) -> str:
    """'2024-11' → 'November 2024' / 'novembre 2024'; '2024-11-05' → the full date."""
    if len(value) == 7:
        month = dt.date.fromisoformat(f"{value}-01")
        return format_skeleton("yMMMM", month, locale=get_locale())
    return long_date(dt.date.fromisoformat(value))


def formatting_locale() -> str:
    """The locale dates are written in: the interface's language, in the region the browser
    asks for with it (en-GB: « 6 Dec 2026, 18:00 »; en-US, or English alone: « Dec 6, 2026,
    6:00 PM »; fr-CA…); the language alone when the browser names no region for it (or asks
    for another language: the header's switch chose this one). Found once per request."""
    language = str(get_locale())
    kept = g.get("formatting_locale")
    if kept is not None and kept[0] == language:
        return str(kept[1])
    found = language
    for tag, _quality in request.accept_languages if has_request_context() else ():
        parts = tag.replace("-", "_").split("_")
        if parts[0].lower() != language:
            continue
        if len(parts) > 1:
            try:
                found = str(Locale.parse(f"{language}_{parts[1].upper()}"))
            except (ValueError, UnknownLocaleError):
                continue  # not a region Babel knows: the next tag
        break  # the language's first tag decides, with a region or without
    g.formatting_locale = (language, found)
    return found


@memoize
def _date_pattern(locale: str, width: str) -> str:
    """The `width` ("medium", "long") date pattern of `locale`."""
    return str(Locale.parse(locale).date_formats[width].pattern)


def long_date(value: dt.date) -> str:
    """'December 1, 2026' / « 1er décembre 2026 »: Babel's long date, with French's ordinal
    first day and its day kept on the month's line (a no-break space)."""
    text = format_date(value, format=_date_pattern(formatting_locale(), "long"))
    locale = get_locale()
    if locale is not None and locale.language == "fr":
        text = text.replace(" ", "\u00a0", 1)
    return _first_of_month(text)


def _first_of_month(text: str) -> str:
    """A date that Babel starts with the day, as French writes the first of a month: « 1er
    décembre », « 1er nov. 2026 » (Babel writes « 1 »); other languages and days unchanged."""
    locale = get_locale()
    if locale is not None and locale.language == "fr" and re.match(r"1\s", text):
        return "1er" + text[1:]
    return text


def language_name(code: str, in_language: str | None = None) -> str:
    """'fr' → 'French' / 'Français', in the reader's language (or in `in_language`)."""
    name = LanguageCode(code).name(in_language or str(get_locale()))
    return name[:1].upper() + name[1:]


_SPACE_BEFORE = re.compile(r" ([?!:;»])")
_SPACE_AFTER = re.compile(r"« ")
# The space between a number's groups of three digits (« 28 000 voyageurs »), and the one
# between a number and its sign (« 15 % », « 1 500 € »).
_DIGIT_GROUP = re.compile(r"(?<=\d) (?=\d{3}(?!\d)|[%€$£])")


def typography(text: str, language: str) -> str:
    """Keep French punctuation on its word's line ('associées ?' never breaks before the '?')
    and a number in one piece (« 28 000 » never breaks between its groups, « 15 % » nor
    « 300 € » before the sign).

    Swaps a space for a no-break space, one character for one, so passage offsets still hold.
    """
    if language != "fr":
        return text
    text = _DIGIT_GROUP.sub("\u00a0", text)
    return _SPACE_AFTER.sub("«\u00a0", _SPACE_BEFORE.sub("\u00a0\\1", text))


def score(attempt: Attempt) -> str:
    return f"{attempt.score}\u00a0/\u00a0{attempt.total}"


def school_zone() -> ZoneInfo:
    """The school's time zone (NEWS_QUIZ_TIMEZONE) as zoneinfo, for arithmetic on days and
    weeks (Flask-Babel's ``get_timezone()`` gives pytz's, whose offsets need ``localize``)."""
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def school_today() -> dt.date:
    """Today in the school's time zone (the server's clock may be in UTC or elsewhere)."""
    return dt.datetime.now(school_zone()).date()


def when(value: dt.datetime) -> str:
    """A moment in the app's time zone, to the minute: 'Nov 26, 2026, 11:47 PM' — the medium
    date and the short time of the reader's language, formatted in one call."""
    return _first_of_month(format_datetime(value, _date_and_time(formatting_locale())))


@memoize
def _date_and_time(locale: str) -> str:
    """The pattern of `when` in `locale`: the medium date's, ', ', the short time's (one
    Babel call instead of two: a page lists up to 40 moments)."""
    parsed = Locale.parse(locale)
    return f"{parsed.date_formats['medium'].pattern}, {parsed.time_formats['short'].pattern}"


def percent(value: float) -> str:
    """A share out of 100 written as the reader's language does: '67%', « 67 % »."""
    return format_percent(value / 100)


def listed(items: Iterable[object]) -> str:
    """Items as a sentence lists them in the reader's language: « 2, 4 et 5 », "2, 4, and 5"
    (Babel's list patterns)."""
    return format_list([str(item) for item in items], locale=get_locale())


def share_of_right(attempt: Any) -> int:
    """An attempt's (or an AttemptLine's) share of right answers out of 100, rounded as the
    results page rounds it."""
    return score_percent(attempt.score or 0, attempt.total)


def day(value: dt.datetime) -> str:
    """The day of a moment in the app's time zone: 'Nov 26, 2026'."""
    return _first_of_month(format_date(value, format=_date_pattern(formatting_locale(),
                                                                   "medium")))


def translate(message: Message) -> str:
    """A plain module's message (quiz.questionfile.messages.Message) in the reader's language."""
    params = {name: translate(value) if isinstance(value, Message)
              else long_date(value) if type(value) is dt.date
              else format_decimal(value) if isinstance(value, float)
              else value.name(str(get_locale())) if isinstance(value, LanguageCode)
              else value for name, value in message.params.items()}
    if message.plural is not None:
        return ngettext(message.text, message.plural, params["count"], **params)
    return gettext(message.text, **params)


def translate_into(language: str, message: Message) -> str:
    """`message` in `language` when the interface has it (a file written in its quiz's
    language whatever the reader's), else in English."""
    with force_locale(language if language in LANGUAGES else "en"):
        return translate(message)


def current_path() -> str:
    """This page's path (with its query), where the language switch comes back to."""
    return request.full_path if request.query_string else request.path


_SECTIONS = {"student.index": "quizzes", "student.history": "history", "student.join": "join",
             "auth.login": "login", "auth.register": "register"}
_MANAGING_QUIZZES = ("teacher.quiz", "teacher.question", "teacher.upload", "teacher.article")


def nav_section(endpoint: str | None) -> str | None:
    """The header link of the page at `endpoint` ('teacher.quiz_edit' → 'manage'), if any."""
    if endpoint is None:
        return None
    if endpoint.startswith(_MANAGING_QUIZZES):
        return "manage"
    if endpoint.startswith("teacher."):
        return "classes"
    return _SECTIONS.get(endpoint)


class _PerViewer:
    """Stands for a per-viewer name in a kept fragment: any use of it stops the render."""

    def __init__(self, name: str) -> None:
        self._name = name

    def _refuse(self, *_args: object, **_kwargs: object) -> Any:
        raise TemplateRuntimeError(
            f"{self._name} is per viewer: a kept piece of page cannot use it (pass the values "
            "it needs to render_fragment, or render that part in the page's own template)")

    __getattr__ = __call__ = __str__ = __bool__ = __iter__ = _refuse


# Per-viewer names a template could reach through Flask's and extensions' Jinja globals.
_NOT_IN_FRAGMENTS = ("current_user", "request", "session", "g", "csrf_token",
                     "get_flashed_messages", "current_path")


def render_fragment(name: str, **values: Any) -> Markup:
    """Template `name` rendered as a piece of page to keep (quiz/caching.py): it sees `values`,
    url_for and gettext — not the viewer: current_user, request, session, g, the CSRF token
    and flashed messages stop the render if used — so nothing of one viewer is kept for
    another. tests/test_page_caches.py checks what each kept template names."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    template = app.jinja_env.get_template(name)
    html = Markup(template.render({n: _PerViewer(n) for n in _NOT_IN_FRAGMENTS}, **values))
    template_rendered.send(app, _async_wrapper=app.ensure_sync, template=template,
                           context=values)  # as render_template does: for tools and tests
    return html


def nav_links() -> Markup:
    """The header's links for this kind of user on this page, in this language: the same for
    every student (or teacher, or visitor), so kept as HTML ("nav_links" in quiz/caching.py)
    instead of being translated and built again on every page."""
    user = current_user._get_current_object()
    kind = ("visitor" if not user.is_authenticated
            else "teacher" if user.is_teacher else "student")
    section = nav_section(request.endpoint)
    return cache("nav_links").get_or_make(
        (kind, section, str(get_locale()), request.script_root),
        lambda: render_fragment("_nav_links.html", kind=kind, section=section))


@pass_context
def form_error_count(context: Context) -> int:
    """How many errors the page's forms show (every form in the template's values, once
    validated): base.html puts the number in the page's title, so a screen reader says at once
    that the form came back with errors (WCAG 3.3.1)."""
    forms = {id(v): v for v in context.get_all().values() if isinstance(v, FlaskForm)}
    return sum(len(errors) for form in forms.values() for errors in form.errors.values())


def viewer() -> dict[str, Any]:
    """Templates get the logged-in user itself as ``current_user``, not Flask-Login's proxy
    (which looks the user up again on each use: a page's header uses it a dozen times).
    Not serving (quiz.guard_schema), no account is read: nobody."""
    if g.get("not_serving"):
        return {"current_user": AnonymousUserMixin()}
    return {"current_user": current_user._get_current_object()}


def page_translations() -> NullTranslations:
    """The catalogue of this request's language for the templates' ``_()``, found once per
    request: Flask-Babel finds the locale, the domain and the catalogue again for every string
    (about 20 µs), and a page such as a class's has 400 of them."""
    if not has_app_context():  # a template rendered outside the app: Flask-Babel's own
        return get_translations()
    locale = get_locale()
    kept = g.get("page_translations")
    if kept is None or kept[0] is not locale:  # the first string, or another language forced
        kept = g.page_translations = (locale, get_translations())
    return kept[1]


def register_template_helpers(app: Flask) -> None:
    # After babel.init_app, which installs the same callables finding the catalogue each time.
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: page_translations().ugettext(s),
        ngettext=lambda s, p, n: page_translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: page_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: page_translations().unpgettext(c, s, p, n))
    app.context_processor(viewer)
    app.add_template_filter(article_date)
    app.add_template_filter(language_name)
    app.add_template_filter(score)
    app.add_template_filter(typography)
    app.add_template_filter(translate)
    app.add_template_filter(review_message)
    app.add_template_filter(when, "datetime")
    app.add_template_filter(day, "date")
    app.add_template_filter(percent)
    app.add_template_filter(listed)
    app.add_template_filter(share_of_right)
    app.add_template_global(get_locale, "current_locale")
    app.add_template_global(formatting_locale)
    app.add_template_global(current_path)
    app.add_template_global(nav_links)
    app.add_template_global(form_error_count)

    # The header's language switch: each language named in itself ('Français', 'English').
    # Its forms (and the logout button) carry csrf_token() only: no form object per request.
    interface_languages = [(code, language_name(code, code)) for code in LANGUAGES]
    app.jinja_env.globals["interface_languages"] = interface_languages
