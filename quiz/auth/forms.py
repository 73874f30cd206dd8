"""Forms of the auth blueprint."""

from __future__ import annotations

from typing import Any

from anyascii import anyascii
from flask import g
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import (
    AnyOf,
    DataRequired,
    EqualTo,
    Length,
    Regexp,
    ValidationError,
)

from ..config import LANGUAGES
from ..forms import USERNAME_PATTERN, Form, display_name_rules, no_control_characters
from ..models import Classroom, User
from ..services.accounts import (
    GUESSABLE,
    guessable_password,
    taken_name_class,
    username_taken,
)
from ..services.classes import find_open_class


def _typed_username(value: str | None) -> str | None:
    """A username as typed (at login, at registration), as it is stored: usernames are in
    lowercase Latin letters without accents (USERNAME_PATTERN), so « Chloé.Nguyen » copied
    from the name on a slip is chloe.nguyen, and « Олена.Шевченко » olena.shevchenko (as a
    class list makes them)."""
    if not isinstance(value, str):
        return value
    return anyascii(value.strip()).lower()


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


# Shown under every new-password field before anything is typed, not only after a failure.
PASSWORD_RULE = _l("At least 8 characters, not a run like 12345678, a common word or your "
                   "name.")


class RegistrationForm(Form):
    join_room: Classroom | None = None  # the class of the join code, once checked

    display_name = StringField(
        _l("Display name"),
        filters=[_strip],
        validators=[DataRequired(_l("Enter the name your class will see.")),
                    display_name_rules],
        description=_l("Shown to your teacher and on leaderboards, e.g. “Sam T.”: 2 to 40 "
                       "characters."),
    )
    username = StringField(
        _l("Username"),
        # Read as the login reads it: « Léa.Martin » is lea.martin (the welcome says so).
        filters=[_typed_username],
        validators=[
            no_control_characters,
            DataRequired(_l("Choose a username.")),
            Length(min=3, max=40),
            Regexp(USERNAME_PATTERN, message=_l(
                "Use letters, digits, dots, hyphens or underscores only (no spaces).")),
        ],
        description=_l("What you type to log in. Letters without accents, digits, . - _"),
    )
    password = PasswordField(
        _l("Password"),
        validators=[no_control_characters, DataRequired(_l("Choose a password.")),
                    Length(min=8, max=200,
                           message=_l("Use at least 8 characters."))],
        description=PASSWORD_RULE,
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

    def validate(self, extra_validators=None) -> bool:
        self.join_room = None
        if not super().validate(extra_validators):
            return False
        # The code is checked last, once the other fields are right: whether it is a class's
        # is said only then, and counted as a code tried (auth.register's limit).
        code = self.join_code.data
        if code and code.strip():
            g.join_code_checked = True
            self.join_room = find_open_class(code)
            if self.join_room is None:
                self.join_code.errors = [_l(
                    "No open class has this code: check it with your teacher, or leave it "
                    "empty and join later.")]
                return False
        room = self.join_room
        if room is not None and taken_name_class(None, self.display_name.data, [room.id]):
            self.display_name.errors = [_l(
                "Someone in this class already has this name: choose another one (add an "
                "initial, for example).")]
            return False
        return True

    def validate_password(self, field: PasswordField) -> None:
        if field.data and guessable_password(field.data, self.username.data or "",
                                             self.display_name.data or ""):
            raise ValidationError(_l(GUESSABLE))

    def validate_username(self, field: StringField) -> None:
        if field.errors:  # not a valid username anyway: no need to ask the database
            return
        # Or its twin with dots for hyphens (jean-baptiste beside jean.baptiste): typed as
        # the name reads, both would log in to one of them.
        if username_taken(field.data):
            raise ValidationError(_l("This username is taken: choose another one."))


class LoginForm(Form):
    username = StringField(_l("Username"), filters=[_typed_username],
                           validators=[no_control_characters,
                                       DataRequired(_l("Enter your username.")),
                                       Length(max=40)])
    password = PasswordField(_l("Password"),
                             validators=[no_control_characters,
                                         DataRequired(_l("Enter your password."))])
    remember = BooleanField(_l("Keep me logged in on this device"))
    submit = SubmitField(_l("Log in"))


class LogoutForm(Form):
    """A POST-only button: the form exists to carry the CSRF token."""

    submit = SubmitField(_l("Log out"))


class LanguageForm(Form):
    """The language switch in the header: one button per interface language."""

    language = StringField(validators=[DataRequired(), AnyOf(LANGUAGES)])
    next = HiddenField()


class NameForm(Form):
    """A new display name: the student's own, or one a teacher gives a student of theirs."""

    display_name = StringField(
        _l("Display name"), filters=[_strip],
        validators=[DataRequired(_l("Enter the name your class will see.")),
                    display_name_rules],
        description=_l("Shown to the teacher and on leaderboards, e.g. “Sam T.”: 2 to 40 "
                       "characters, unique in each class."))
    submit = SubmitField(_l("Save the name"))


class TeacherNameForm(NameForm):
    """A teacher's own display name (My account): their students do not choose it for them."""

    display_name = StringField(
        _l("Display name"), filters=[_strip],
        validators=[DataRequired(_l("Enter your name.")), display_name_rules],
        description=_l("Shown to the other teachers beside the quiz versions you save, e.g. "
                       "“Ms Smith”: 2 to 40 characters."))


def own_name_form(user: User, **kwargs: Any) -> NameForm:
    """The account page's name form: a student's, or a teacher's (other hint and message)."""
    return (TeacherNameForm if user.is_teacher else NameForm)(**kwargs)


class PasswordForm(Form):
    """A new password; the current one is asked unless a temporary one is being replaced."""

    current = PasswordField(_l("Current password"), validators=[no_control_characters])
    password = PasswordField(
        _l("New password"),
        validators=[no_control_characters, DataRequired(_l("Choose a password.")),
                    Length(min=8, max=200,
                           message=_l("Use at least 8 characters."))],
        description=PASSWORD_RULE)
    password2 = PasswordField(
        _l("New password again"),
        validators=[DataRequired(_l("Type the password again.")),
                    EqualTo("password", message=_l("The two passwords are not the same."))])
    submit = SubmitField(_l("Change the password"))


class DeleteAccountForm(Form):
    """A student's own account deleted, with everything in it: the password, and a box ticked
    to say what goes."""

    # Not "current": the password form beside it on the account page has that field (id).
    confirm_password = PasswordField(_l("Your password"),
                                     validators=[no_control_characters,
                                                 DataRequired(_l("Type your password."))])
    understood = BooleanField(
        _l("I understand: all of this is deleted for good"),
        validators=[DataRequired(_l("Tick the box to say you understand what is deleted."))])
    submit = SubmitField(_l("Delete my account"))
