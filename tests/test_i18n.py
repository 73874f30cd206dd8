"""The interface exists in English and French: no string escapes translation.

Three checks that fail with the place to fix:
- template text and user-visible attributes outside `_()` / `{% trans %}` (file:line);
- flash messages, form labels and validation messages in Python given as bare strings;
- a message extracted from the sources without a French translation (or with broken
  placeholders) in quiz/translations/fr/LC_MESSAGES/messages.po.
"""

from __future__ import annotations

import ast
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import pytest
import sqlalchemy as sa
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, render_template_string
from flask.testing import FlaskClient
from flask_babel import force_locale as app_locale_unbound
from flask_babel import gettext
from markupsafe import escape
from werkzeug.test import TestResponse

from quiz.extensions import db
from quiz.models import Attempt, User
from quiz.services.attempts import load_questions
from tests.support import SEED_QUIZ, csrf_token

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
CATALOGUE = ROOT / "quiz" / "translations" / "fr" / "LC_MESSAGES" / "messages.po"

# Words that are the same in every language: the product's name, file-format names.
SAME_IN_EVERY_LANGUAGE = {"News Quiz", "CSV", "GIFT", "Moodle XML", "Aiken", "JSON", "Markdown",
                          "URL", "OK"}
TRANSLATED_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description",
                         "aria-roledescription", "data-label"}
JINJA = re.compile(r"{%-?\s*trans\b.*?endtrans\s*-?%}"
                   r"|{%\s*block body_class\s*%}.*?{%\s*endblock\s*%}"
                   r"|{{.*?}}|{%.*?%}|{#.*?#}", re.DOTALL)
MARK = "\ue000"


def _blank(match: re.Match[str]) -> str:
    """A Jinja construct becomes one marker character, its line breaks kept for line numbers."""
    return MARK + "\n" * match.group(0).count("\n")


def _needs_translation(text: str) -> bool:
    text = text.replace(MARK, " ")
    for word in SAME_IN_EVERY_LANGUAGE:
        text = text.replace(word, " ")
    text = re.sub(r"&[#\w]+;", " ", text)
    return bool(re.search(r"[^\W\d_]{2,}", text))


class _TextFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and (name in TRANSLATED_ATTRIBUTES
                          or (tag == "input" and name == "value"
                              and dict(attrs).get("type") in {"submit", "button"})):
                if _needs_translation(value):
                    self.found.append((self.getpos()[0], f'{name}="{value}"'))

    def handle_data(self, data: str) -> None:
        # A bare « : ; ? ! » too: French puts a no-break space before it (« Passage : »).
        if _needs_translation(data) or re.search(r"[:;?!]", data.replace(MARK, "")):
            self.found.append((self.getpos()[0], data.strip()))


def untranslated_template_text(path: Path) -> list[str]:
    # A tag whose name is an expression (<{{ tag }} …>) stays a tag for the parser.
    source = JINJA.sub(_blank, path.read_text(encoding="utf-8")).replace("<" + MARK, "<x")
    finder = _TextFinder()
    finder.feed(source)
    finder.close()
    name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return [f"{name}:{line}: {text.replace(MARK, '…')!r}" for line, text in finder.found]


def test_the_checker_finds_bare_text(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<h1>{{ _("Quizzes") }}</h1>\n<p title="Score">\n  {{ n }} points left</p>\n'
                    '{% trans %}Fine here{% endtrans %} <b>News Quiz</b> &nbsp; 7 / 10\n'
                    '<{{ tag }} class="x">{{ _("ok") }}</{{ tag }}>', encoding="utf-8")
    problems = untranslated_template_text(page)
    assert [p.split(": ")[0].rsplit(":", 1)[1] for p in problems] == ["2", "2"]
    assert "Score" in problems[0] and "points left" in problems[1]
    page.write_text('<p><a href="#p">{{ _("Passage") }}</a>: <q>{{ text }}</q></p>\n'
                    '<p>{{ _("Score:") }} {{ n }} &nbsp;%</p>', encoding="utf-8")
    assert [p.rsplit(": ", 1)[1] for p in untranslated_template_text(page)] == ["':'"]


def test_every_template_string_is_translatable() -> None:
    problems = [p for path in sorted(TEMPLATES.rglob("*.html"))
                for p in untranslated_template_text(path)]
    assert not problems, ("text outside _() in templates — wrap it in {{ _(\"…\") }}:\n"
                          + "\n".join(problems))


# Calls whose string arguments a reader sees: they must go through _() or _l().
SHOWN = {"flash", "ValidationError", "SubmitField", "StringField", "PasswordField",
         "BooleanField", "SelectField", "TextAreaField", "IntegerField", "RadioField",
         "FileField", "HiddenField", "DateTimeLocalField", "EmailField", "URLField",
         "DataRequired", "InputRequired", "Length", "EqualTo", "Regexp", "Optional",
         "NumberRange", "AnyOf", "NoneOf", "FileAllowed", "FileRequired", "FileSize",
         "SelectChoice"}
SHOWN_KEYWORDS = {"message", "label", "description", "description_text", "placeholder"}


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def bare_python_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _callee(node) not in SHOWN:
            continue
        positional = _callee(node) not in {"SelectChoice", "EqualTo", "Regexp"}
        shown = [node.args[0]] if node.args and positional else []
        if _callee(node) == "SelectChoice" and len(node.args) > 1:
            shown = [node.args[1]]
        shown += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
        for value in shown:
            if (isinstance(value, (ast.Constant, ast.JoinedStr))
                    and (not isinstance(value, ast.Constant) or isinstance(value.value, str))
                    and _needs_translation(ast.unparse(value))):
                problems.append(f"{path.relative_to(ROOT)}:{value.lineno}: "
                                f"{ast.unparse(value)[:60]}")
    return problems


def test_messages_in_python_are_translatable() -> None:
    problems = [p for path in sorted((ROOT / "quiz").rglob("*.py"))
                if "migrations" not in path.parts and "questionfile" not in path.parts
                for p in bare_python_strings(path)]
    assert not problems, "wrap these in _() (or _l() at import time):\n" + "\n".join(problems)


def _not_hidden(dirname: str) -> bool:
    """Babel skips folders starting with '_' by default: templates/_macros must be read."""
    return not Path(dirname).name.startswith(".") and Path(dirname).name != "__pycache__"


def _extracted() -> dict[str, tuple[str, ...]]:
    method_map = [("quiz/**.py", "python"), ("templates/**.html", "jinja2")]
    messages: dict[str, tuple[str, ...]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, directory_filter=_not_hidden,
            keywords={"_": None, "_l": None, "gettext": None, "lazy_gettext": None,
                      "ngettext": (1, 2), "N_": None}):
        if "migrations" in filename:
            continue
        ids = message if isinstance(message, tuple) else (message,)
        messages[ids[0]] = ids
    return messages


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)s", text))


def test_every_message_has_a_french_translation() -> None:
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle, locale="fr")
    problems = []
    for msgid, ids in sorted(_extracted().items()):
        entry = catalogue.get(msgid)
        if entry is None:
            problems.append(f"missing: {msgid!r} (run pybabel extract + update, see README)")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.fuzzy or not all(strings):
            problems.append(f"not translated{' (fuzzy)' if entry.fuzzy else ''}: {msgid!r}")
            continue
        for translated in strings:
            if _placeholders(translated) - _placeholders(" ".join(ids)):
                problems.append(f"placeholder not in the English: {msgid!r} → {translated!r}")
    assert not problems, f"{CATALOGUE.relative_to(ROOT)}:\n" + "\n".join(problems)


def test_french_punctuation_keeps_to_its_word() -> None:
    """French puts a no-break space before « : ; ! ? » and inside « »: with a plain one, a
    line can break before the colon (« Rien n’est encore enregistré / : … »). And a quiz's
    title, which may hold « » of its own, is quoted “ ” (no « « rues » »)."""
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle, locale="fr")
    problems = []
    for entry in catalogue:
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for translated in strings if entry.id else ():  # not the catalogue's header
            if re.search(r" [:;!?»]|« ", translated):
                problems.append(f"a plain space: {translated!r}")
            if re.search(r"«\s*%\(title\)s", translated):
                problems.append(f"a title in « »: {translated!r}")
    assert not problems, "\n".join(problems)


def test_the_english_interface_quotes_with_english_marks() -> None:
    """« » are French typography: the English text quotes “like this”, and the French
    catalogue puts its own marks."""
    french_marks = sorted(m for ids in _extracted().values() for m in ids if "«" in m or "»" in m)
    assert not french_marks, "use “ ” in the English text:\n" + "\n".join(french_marks)


def test_the_login_prompt_of_a_protected_page_is_in_the_readers_language(
        client: FlaskClient) -> None:
    """Flask-Login's own message, flashed on the way to the login page, is translated too."""
    for language, expected in (("fr", "Veuillez vous connecter pour accéder à cette page."),
                               ("en", "Please log in to access this page.")):
        headers = {"Accept-Language": language}
        response = client.get("/history", headers=headers)
        assert response.status_code == 302 and "/login" in response.headers["Location"]
        page = client.get(response.headers["Location"], headers=headers).get_data(as_text=True)
        assert expected in page, language


def test_the_catalogue_compiles() -> None:
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle, locale="fr")
    buffer = io.BytesIO()
    write_mo(buffer, catalogue)
    assert len(buffer.getvalue()) > 1000


@pytest.mark.parametrize("language, expected", [("fr", "Se connecter"), ("en", "Log in")])
def test_the_login_page_speaks_the_browsers_language(client, language, expected) -> None:
    page = client.get("/login", headers={"Accept-Language": f"{language},en;q=0.5"})
    assert f'lang="{language}"' in page.text
    assert expected in page.text


@contextmanager
def app_locale(app: Flask, language: str) -> Iterator[None]:
    with app.test_request_context(), app_locale_unbound(language):
        yield


def choose_language(client: FlaskClient, language: str, next_url: str = "/login",
                    page: str = "/login") -> TestResponse:
    token = csrf_token(client.get(page, follow_redirects=True).get_data(as_text=True))
    return client.post("/language", data={"csrf_token": token, "language": language,
                                          "next": next_url})


def test_the_switch_is_remembered_over_the_browsers_language(client: FlaskClient) -> None:
    response = choose_language(client, "fr")
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("lang="))
    assert "HttpOnly" in cookie and "Max-Age=31536000" in cookie
    page = client.get("/login", headers={"Accept-Language": "en"})
    assert 'lang="fr"' in page.text and "Se connecter" in page.text
    assert 'aria-current="true">Français' in page.text
    choose_language(client, "en")
    page = client.get("/login", headers={"Accept-Language": "fr"})
    assert 'lang="en"' in page.text and "Log in" in page.text


def test_a_students_choice_follows_the_account_to_another_device(app: Flask, users, auth) -> None:
    users.make("lea")
    laptop = app.test_client()
    auth.log_in("lea", client=laptop)
    choose_language(laptop, "fr", next_url="/history", page="/")
    with app.app_context():
        assert db.session.scalar(sa.select(User.language).where(User.username == "lea")) == "fr"
    phone = app.test_client()  # no cookie, an English browser
    auth.log_in("lea", client=phone)
    page = phone.get("/", headers={"Accept-Language": "en-GB"})
    assert 'lang="fr"' in page.text and "Se déconnecter" in page.text


@pytest.mark.parametrize("language, next_url, location", [
    ("de", "/history", None), ("", "/history", None),
    ("fr", "https://evil.example/", "/"), ("fr", "//evil.example", "/")])
def test_bad_language_requests_are_refused_or_kept_on_the_site(
        client: FlaskClient, language: str, next_url: str, location: str | None) -> None:
    response = choose_language(client, language, next_url=next_url)
    if location is None:
        assert response.status_code == 400
        assert "Choose one of the languages offered." in response.text
    else:
        assert response.status_code == 302 and response.headers["Location"] == location


def test_dates_and_messages_follow_the_interface_language(
        app: Flask, client: FlaskClient, demo_quizzes: None, users, auth) -> None:
    users.make("lea")
    auth.log_in("lea")
    english = client.get("/", headers={"Accept-Language": "en"}).text
    french = client.get("/", headers={"Accept-Language": "fr"}).text
    # Month-only and full dates of the demo articles, each in the reader's language.
    assert "Article from November 2024" in english and "Article from December 1, 2026" in english
    assert "Article paru en novembre 2024" in french
    assert "Article du 1er\u00a0décembre 2026" in french
    # A month starting with a vowel reads as well (not « Article de avril 2025 »).
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        said = render_template_string('{% from "_macros/article.html" import article_of %}'
                                      '{{ article_of("2025-04") }}')
    assert said == "Article paru en avril 2025"
    with app_locale(app, "fr"):
        not_taken = gettext("Not taken yet")
    assert not_taken != "Not taken yet" and not_taken in french
    assert "Not taken yet" not in french


def test_form_errors_come_in_french(client: FlaskClient) -> None:
    token = csrf_token(client.get("/register", headers={"Accept-Language": "fr"}).text)
    page = client.post("/register", headers={"Accept-Language": "fr"}, data={
        "csrf_token": token, "display_name": "Léa", "username": "lea", "password": "court",
        "password2": "autre"})
    assert page.status_code == 200
    with app_locale(client.application, "fr"):
        expected = [gettext("Use at least 8 characters."),
                    gettext("The two passwords are not the same.")]
    assert expected[0] != "Use at least 8 characters."
    for message in expected:
        assert escape(message) in page.text


def test_quiz_content_keeps_its_own_language(
        app: Flask, client: FlaskClient, demo_quizzes: None, users, auth) -> None:
    users.make("lea")
    auth.log_in("lea")
    overview = client.get(f"/quizzes/{SEED_QUIZ}", headers={"Accept-Language": "en"}).text
    assert '<html lang="en"' in overview
    assert re.search(r'<h1[^>]*lang="fr"', overview) or 'lang="fr"' in overview
    token = csrf_token(client.get("/").text)
    attempt = client.post(f"/quizzes/{SEED_QUIZ}/start", data={"csrf_token": token},
                          follow_redirects=True, headers={"Accept-Language": "en"}).text
    assert re.search(r'<article[^>]*lang="fr"', attempt)
    assert re.search(r'class="prompt" lang="fr"', attempt)


class _ForeignLabels(HTMLParser):
    """The text of each element inside one whose `lang` differs from the page's (<html
    lang>), as (lang, text) pairs, an element's own text only."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.page_lang = ""
        self.stack: list[tuple[str, str]] = []  # (tag, lang in force)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        lang = dict(attrs).get("lang") or (self.stack[-1][1] if self.stack else "")
        if tag == "html":
            self.page_lang = lang
        if tag not in self.VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1] != self.page_lang and data.strip():
            self.found.append((self.stack[-1][1], " ".join(data.split())))


def labels_in_another_language(html: str, messages: set[str]) -> list[tuple[str, str]]:
    """Interface messages (`messages`) found as the whole text of an element marked with
    another language than the page's: a screen reader reads them with the wrong voice."""
    parser = _ForeignLabels()
    parser.feed(html)
    return [(lang, text) for lang, text in parser.found if text in messages]


def interface_messages(language: str) -> set[str]:
    """The catalogue's messages as the `language` interface shows them (no placeholder)."""
    with CATALOGUE.open("rb") as source:
        catalogue = read_po(source)
    found = set()
    for message in catalogue:
        if message.id and isinstance(message.id, str) and "%(" not in message.id:
            text = message.string if language == "fr" else message.id
            found.add(" ".join(str(text).split()))
    return found - {""}


def test_the_checker_finds_a_label_inside_the_articles_language() -> None:
    html = ('<html lang="en"><body><dl lang="fr"><dt>Your answer</dt><dd>Vrai</dd></dl>'
            '<p>Your answer</p></body></html>')
    assert labels_in_another_language(html, {"Your answer"}) == [("fr", "Your answer")]


@pytest.mark.parametrize("language, slug", [("en", SEED_QUIZ),
                                            ("fr", "sample-plastic-free-school-meals")])
def test_no_interface_label_sits_inside_the_articles_language(
        app: Flask, client: FlaskClient, demo_quizzes: None, users, auth,
        language: str, slug: str) -> None:
    """The quiz page, the results and a passage's page, an English interface on a French
    quiz and a French one on an English quiz: labels such as "Your answer" or "Explanation:"
    are outside the article's `lang` (issue 19.3)."""
    users.make("lea")
    auth.log_in("lea")
    headers = {"Accept-Language": language}
    messages = interface_messages(language)
    token = csrf_token(client.get("/").text)
    quiz_page = client.post(f"/quizzes/{slug}/start", data={"csrf_token": token},
                            follow_redirects=True, headers=headers)
    url = quiz_page.request.path
    with app.app_context():
        attempt = db.session.scalar(sa.select(Attempt).where(Attempt.id == int(
            url.rsplit("/", 1)[1])))
        questions = load_questions(attempt.revision_id)
        # Every answer wrong: the results show "Your answer", "Correct answer", the
        # explanation and the passage for each.
        data = {f"q{q.id}": str(next(c.id for c in q.choices if not c.is_correct))
                for q in questions}
        first_key = questions[0].key
    results = client.post(url, data={"csrf_token": csrf_token(quiz_page.text), **data},
                          follow_redirects=True, headers=headers)
    assert "Correct answer" in results.text or "Bonne réponse" in results.text
    passage = client.get(f"{url}/passages/{first_key}", headers=headers)
    for page in (quiz_page, results, passage):
        assert page.status_code == 200
        assert f'<html lang="{language}"' in page.text
        assert labels_in_another_language(page.text, messages) == [], page.request.path


def test_error_pages_speak_french_not_werkzeugs_english(app: Flask, client: FlaskClient, users,
                                                        auth) -> None:
    french = {"Accept-Language": "fr"}
    csrf = client.post("/login", headers=french, data={"username": "x", "password": "y"})
    users.make("lea")
    auth.log_in("lea")
    missing = client.get("/quizzes/no-such-quiz", headers=french)
    forbidden = client.get("/teacher/", headers=french)
    assert (csrf.status_code, missing.status_code, forbidden.status_code) == (400, 404, 403)
    with app_locale(app, "fr"):
        expected = {400: gettext("This form has expired or was not sent from this site. Go "
                                 "back, reload the page and try again."),
                    404: gettext("Page not found"), 403: gettext("Not allowed")}
    for response, english in ((csrf, "The CSRF token is missing"), (missing, "Not Found"),
                              (forbidden, "Forbidden")):
        assert english not in response.text
        assert str(escape(expected[response.status_code])) in response.text
