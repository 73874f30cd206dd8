"""Forms of the auth blueprint."""

from __future__ import annotations

import re

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import (
    AnyOf,
    DataRequired,
    EqualTo,
    Length,
    Regexp,
    StopValidation,
    ValidationError,
)

from ..extensions import db
from ..models import User


def _interface_languages() -> tuple[str, ...]:
    from .. import LANGUAGES

    return LANGUAGES


USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def no_control_characters(form: FlaskForm, field: StringField) -> None:
    """Refuse NUL and other control characters (a database may not even store them)."""
    if isinstance(field.data, str) and any(ord(c) < 32 or ord(c) == 127 for c in field.data):
        raise StopValidation(_l("Remove the invisible control characters from this field."))


def _lower_strip(value: str | None) -> str | None:
    return value.strip().lower() if isinstance(value, str) else value


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class RegistrationForm(FlaskForm):
    display_name = StringField(
        _l("Display name"),
        filters=[_strip],
        validators=[no_control_characters, DataRequired(_l("Enter the name your class will see.")),
                    Length(max=60)],
        description=_l("Shown to your teacher and on leaderboards, e.g. « Léa M. »."),
    )
    username = StringField(
        _l("Username"),
        filters=[_lower_strip],
        validators=[
            no_control_characters,
            DataRequired(_l("Choose a username.")),
            Length(min=3, max=40),
            Regexp(USERNAME_PATTERN, message=_l(
                "Use lowercase letters, digits, dots, hyphens or underscores only "
                "(no spaces or accents).")),
        ],
        description=_l("What you type to log in. Letters without accents, digits, . - _"),
    )
    password = PasswordField(
        _l("Password"),
        validators=[no_control_characters, DataRequired(_l("Choose a password.")),
                    Length(min=8, max=200, message=_l("Use at least 8 characters."))],
    )
    password2 = PasswordField(
        _l("Password again"),
        validators=[DataRequired(_l("Type the password again.")),
                    EqualTo("password", message=_l("The two passwords are not the same."))],
    )
    join_code = StringField(
        _l("Class code (optional)"),
        validators=[no_control_characters, Length(max=20)],
        description=_l("If your teacher gave you a code, type it to join the class."),
    )
    submit = SubmitField(_l("Create my account"))

    def validate_join_code(self, field: StringField) -> None:
        from ..services.classes import find_open_class

        if field.data and field.data.strip() and find_open_class(field.data) is None:
            raise ValidationError(_l("No open class has this code: check it with your teacher, "
                                     "or leave it empty and join later."))

    def validate_username(self, field: StringField) -> None:
        if field.errors:  # not a valid username anyway: no need to ask the database
            return
        taken = db.session.scalar(sa.select(User.id).where(User.username == field.data))
        if taken is not None:
            raise ValidationError(_l("This username is taken: choose another one."))


class LoginForm(FlaskForm):
    username = StringField(_l("Username"), filters=[_lower_strip],
                           validators=[no_control_characters,
                                       DataRequired(_l("Enter your username.")),
                                       Length(max=40)])
    password = PasswordField(_l("Password"),
                             validators=[no_control_characters,
                                         DataRequired(_l("Enter your password."))])
    remember = BooleanField(_l("Keep me logged in on this device"))
    submit = SubmitField(_l("Log in"))


class LogoutForm(FlaskForm):
    """A POST-only button: the form exists to carry the CSRF token."""

    submit = SubmitField(_l("Log out"))


class LanguageForm(FlaskForm):
    """The language switch in the header: one button per interface language."""

    language = StringField(validators=[DataRequired(), AnyOf(_interface_languages())])
    next = HiddenField()
