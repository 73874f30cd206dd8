"""Forms of the teacher blueprint."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..auth.forms import no_control_characters


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class ClassForm(FlaskForm):
    name = StringField(_l("Class name"), filters=[_strip],
                       validators=[no_control_characters, DataRequired(_l("Name the class.")),
                                   Length(max=80)],
                       description=_l("e.g. « 4e B » or « Year 9 History »"))
    school_year = StringField(_l("School year"), filters=[_strip],
                              validators=[no_control_characters,
                                          DataRequired(_l("Give the school year.")),
                                          Length(max=20)],
                              description=_l("e.g. 2026-2027"))
    submit = SubmitField(_l("Create the class"))


class AssignForm(FlaskForm):
    quiz = SelectField(_l("Quiz"), validators=[DataRequired(_l("Choose a quiz."))])
    opens_at = DateTimeLocalField(_l("Opens on (optional)"), validators=[Optional()],
                                  format="%Y-%m-%dT%H:%M")
    due_at = DateTimeLocalField(_l("Due on (optional)"), validators=[Optional()],
                                format="%Y-%m-%dT%H:%M",
                                description=_l("Attempts after this are kept but marked late, "
                                               "and do not count on the leaderboard."))
    counting = SelectField(_l("Attempt that counts"), choices=[
        SelectChoice("best", _l("The best")), SelectChoice("first", _l("The first")),
        SelectChoice("latest", _l("The latest"))], default="best")
    submit = SubmitField(_l("Assign"))

    def validate_due_at(self, field: DateTimeLocalField) -> None:
        if field.data and self.opens_at.data and field.data <= self.opens_at.data:
            raise ValidationError(_l("The due date must come after the opening date."))


class ButtonForm(FlaskForm):
    """A POST-only button (regenerate, open/close, hide, remove, unassign): carries the CSRF
    token."""

    submit = SubmitField()
