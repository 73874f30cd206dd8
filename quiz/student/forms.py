"""Forms of the student blueprint."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, RadioField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..forms import Form, QuizSearchForm, display_name_rules


def _strip(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


class JoinForm(Form):
    code = StringField(_l("Class code"),
                       validators=[DataRequired(_l("Type the code your teacher gave you.")),
                                   Length(max=20)],
                       description=_l("6 letters and digits, e.g. K7MPQ4"))
    # Shown when the student's display name is taken in the class: a new one, then join.
    display_name = StringField(_l("Your new display name"), filters=[_strip],
                               validators=[Optional(), display_name_rules],
                               description=_l("Shown to your teacher and on leaderboards, "
                                              "e.g. “Sam T.”."))
    submit = SubmitField(_l("Join the class"))


class StartForm(Form):
    """The 'start the quiz' button: a POST that carries a CSRF token."""

    submit = SubmitField(_l("Start the quiz"))


class PracticeAnswerForm(Form):
    """Practice mode: the answer to one question (its choices set by the route)."""

    question = HiddenField(validators=[DataRequired()])
    choice = RadioField(validators=[InputRequired(_l("Choose an answer to this question."))],
                        choices=[])
    submit = SubmitField(_l("Check my answer"))


class CatalogueSearchForm(QuizSearchForm):
    assigned = BooleanField(_l("Only quizzes assigned to my classes"))


class LiveJoinForm(Form):
    code = StringField(_l("Live quiz code"),
                       validators=[DataRequired(_l("Type the code shown on the projector.")),
                                   Length(max=20)],
                       description=_l("6 letters and digits, shown on the projector"))
    submit = SubmitField(_l("Join the live quiz"))


class LiveGuestForm(LiveJoinForm):
    """Join a live quiz as a guest: its code (as a student types it) and a nickname (the
    display-name rules)."""

    nickname = StringField(_l("Your nickname"), filters=[_strip],
                           validators=[DataRequired(_l("Type a nickname.")),
                                       display_name_rules],
                           description=_l("Shown on the projector's standings, e.g. “Sam T.”."))
    submit = SubmitField(_l("Join as a guest"))


class LiveAnswerForm(Form):
    """A phone's answer: the question on screen and the choice tapped (one button each)."""

    question = HiddenField(validators=[DataRequired()])
    choice = HiddenField(validators=[DataRequired(_l("Choose an answer to this question."))])
