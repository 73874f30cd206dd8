"""Forms of the student blueprint."""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..caching import cache
from ..services.content import QuestionContent


class JoinForm(FlaskForm):
    code = StringField(_l("Class code"),
                       validators=[DataRequired(_l("Type the code your teacher gave you.")),
                                   Length(max=20)],
                       description=_l("6 letters and digits, e.g. K7MPQ4"))
    submit = SubmitField(_l("Join the class"))


class StartForm(FlaskForm):
    """The 'start the quiz' button: a POST that carries a CSRF token."""

    submit = SubmitField(_l("Start the quiz"))


class AnswerField(RadioField):
    """One question's radio group; flags a value that is none of the choices as tampered."""

    tampered = False

    def pre_validate(self, form: FlaskForm) -> None:
        if self.data is not None and self.data not in {choice.value for choice in self.choices}:
            self.tampered = True
            raise ValidationError(_l("This answer is not one of the question's choices."))


class AnswerForm(FlaskForm):
    submit = SubmitField(_l("Submit my answers"))

    question_fields: list[tuple[QuestionContent, AnswerField]]

    @property
    def tampered_positions(self) -> list[int]:
        return [n for n, (_q, field) in enumerate(self.question_fields, start=1) if field.tampered]

    def chosen(self) -> dict[int, int]:
        """Question id → chosen choice id, for the answered questions."""
        return {question.id: int(field.data) for question, field in self.question_fields
                if field.data is not None and not field.tampered}


def field_name(question: QuestionContent) -> str:
    return f"q{question.id}"


def build_answer_form(questions: Sequence[QuestionContent]) -> AnswerForm:
    """An AnswerForm with one AnswerField per question, named after the question's id.

    The form class of a list of questions is made once and kept (``answer_forms`` in
    quiz/caching.py), by the questions' ids: a question's choices never change (an edit makes a
    new revision, with new questions). Making a class with a dozen fields costs more than
    filling it in.
    """
    form_class: type[AnswerForm] = cache("answer_forms").get_or_make(
        tuple(q.id for q in questions), lambda: _answer_form_class(questions))
    form = form_class()
    form.question_fields = [(q, form[field_name(q)]) for q in questions]
    return form


def _answer_form_class(questions: Sequence[QuestionContent]) -> type[AnswerForm]:
    class _Form(AnswerForm):
        pass

    for question in questions:
        setattr(_Form, field_name(question), AnswerField(
            question.prompt,
            choices=[SelectChoice(str(choice.id), choice.text) for choice in question.choices],
            validators=[InputRequired(_l("Choose an answer to this question."))],
        ))
    return _Form
