"""Forms of the student blueprint."""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from ..models import Question
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

    question_fields: list[tuple[Question | QuestionContent, AnswerField]]

    @property
    def tampered_positions(self) -> list[int]:
        return [n for n, (_q, field) in enumerate(self.question_fields, start=1) if field.tampered]

    def chosen(self) -> dict[int, int]:
        """Question id → chosen choice id, for the answered questions."""
        return {question.id: int(field.data) for question, field in self.question_fields
                if field.data is not None and not field.tampered}


def field_name(question: Question | QuestionContent) -> str:
    return f"q{question.id}"


def build_answer_form(questions: Sequence[Question | QuestionContent]) -> AnswerForm:
    """An AnswerForm with one AnswerField per question, named after the question's id.

    The form class of a tuple of questions (a cached revision's, which never changes) is made
    once and kept: making a class with a dozen fields costs more than filling it in.
    """
    kept = _form_classes.get(id(questions))
    if kept is not None and kept[0] is questions:
        form_class = kept[1]
    else:
        form_class = _answer_form_class(questions)
        if isinstance(questions, tuple):
            if len(_form_classes) >= MAX_FORM_CLASSES:
                _form_classes.clear()
            _form_classes[id(questions)] = (questions, form_class)
    form = form_class()
    form.question_fields = [(q, form[field_name(q)]) for q in questions]
    return form


MAX_FORM_CLASSES = 512
# id(questions) → (questions, form class); the tuple is kept too, so its id cannot be reused.
_form_classes: dict[int, tuple[Sequence[Question | QuestionContent], type[AnswerForm]]] = {}


def _answer_form_class(questions: Sequence[Question | QuestionContent]) -> type[AnswerForm]:
    class _Form(AnswerForm):
        pass

    for question in questions:
        setattr(_Form, field_name(question), AnswerField(
            question.prompt,
            choices=[SelectChoice(str(choice.id), choice.text) for choice in question.choices],
            validators=[InputRequired(_l("Choose an answer to this question."))],
        ))
    return _Form
