"""Form pieces shared by the blueprints' forms and the command line."""

from __future__ import annotations

import re
from typing import Any

from flask import request
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms import SearchField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import StopValidation

from .questionfile.text import first_control_character
from .services.accounts import AccountError, clean_display_name

# Languages offered for an imported article (the detected one is used when none is chosen)
# and in the quiz lists' filters. Each is named in its own language (not translated).
ARTICLE_LANGUAGES = (("fr", "Français"), ("en", "English"), ("de", "Deutsch"),
                     ("es", "Español"), ("it", "Italiano"), ("nl", "Nederlands"),
                     ("pt", "Português"))

# A username: lowercase letters, digits, '.', '-' and '_' (registration and create-teacher).
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

# Said when a page's script (the quiz's autosave) finds its session ended: by the student
# blueprint's login check, the CSRF check that comes before it, and the form token's route.
LOGGED_OUT = _l("Not saved: you are logged out. Log in again (in another tab) and choose "
                "again; your choices stay on this page.")


class Form(FlaskForm):
    """Every form of the app: Flask-WTF's, reading from a request only what an HTML form
    sends — the text parts for text fields and the files for file fields. A file sent where
    text is expected (or text for a file), or a JSON body, is then a missing value, which the
    form reports, instead of an object the validators cannot read (a 500)."""

    class Meta(FlaskForm.Meta):
        def render_field(self, field: Any, render_kw: dict[str, Any]) -> Any:
            """The CSRF token's hidden input without an id: pages with several forms would
            repeat id="csrf_token" (issue 19.11). Written here rather than by the widget: a
            teacher's quiz page has a form per question and action, 90 tokens whose widget
            rendering cost 5 ms."""
            if field.type == "CSRFTokenField" and not render_kw:
                return Markup('<input name="{}" type="hidden" value="{}">').format(
                    field.name, field._value())
            if field.type == "CSRFTokenField":
                render_kw = {"id": False, **render_kw}
            return super().render_field(field, render_kw)

        def wrap_formdata(self, form: Any, formdata: Any) -> Any:
            data = super().wrap_formdata(form, formdata)
            if data is None or data is formdata:  # nothing posted, or data given by the caller
                return data
            files = {field.name for field in form if isinstance(field, FileField)}
            parts: MultiDict[str, Any] = MultiDict()
            for name, value in request.form.items(multi=True):
                if name not in files:
                    parts.add(name, value)
            for name, upload in request.files.items(multi=True):
                if name in files:
                    parts.add(name, upload)
            return parts


def display_name_rules(form: FlaskForm, field: StringField) -> None:
    """The display-name rules (quiz/services/accounts.py); the field keeps the cleaned name."""
    if not isinstance(field.data, str) or not field.data.strip():
        return  # DataRequired or Optional says what to do with an empty field
    try:
        field.data = clean_display_name(field.data)
    except AccountError as error:
        raise StopValidation(gettext(error.message, **error.params)) from None


def no_control_characters(form: FlaskForm, field: StringField) -> None:
    """Refuse NUL and other control characters (a database may not even store them)."""
    if isinstance(field.data, str) and first_control_character(field.data) is not None:
        raise StopValidation(_l("Remove the invisible control characters from this field."))


class QuizSearchForm(Form):
    """The search above a list of quizzes: a GET form (it changes nothing, so no token)."""

    class Meta(Form.Meta):
        csrf = False

    q = SearchField(_l("Search by title"), filters=[lambda text: (text or "").strip()[:100]])
    lang = SelectField(_l("Language"), choices=[
        SelectChoice("", _l("Any language")),
        *(SelectChoice(code, name, {"lang": code}) for code, name in ARTICLE_LANGUAGES)],
        default="",
        # Not validated (a GET form): anything but a language listed is "any language".
        filters=[lambda code: code if code in dict(ARTICLE_LANGUAGES) else ""])
