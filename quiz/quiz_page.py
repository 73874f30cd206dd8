"""The quiz page a student answers (and a teacher previews): its answer form, and its article and
questions kept as HTML per revision and language, the rest of the page rendered per request.

The article and the questions are the same for every student of a revision (a revision never
changes; the answer key is never in them), and rendering a dozen questions with WTForms costs
more than the rest of the page: they are rendered once and kept (``quiz_questions`` in
quiz/caching.py). base.html, the CSRF token and anything else of the viewer are rendered per
request by Flask as on any page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flask import render_template, request
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms import RadioField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, ValidationError

from .caching import cache
from .forms import Form
from .models import utcnow
from .services.content import QuestionContent, RevisionContent
from .templating import formatting_locale, render_fragment


class AnswerField(RadioField):
    """One question's radio group; flags a value that is none of the choices as tampered."""

    tampered = False

    def pre_validate(self, form: Form) -> None:
        if self.data is not None and self.data not in {choice.value for choice in self.choices}:
            self.tampered = True
            raise ValidationError(_l("This answer is not one of the question's choices."))


class AnswerForm(Form):
    submit = SubmitField(_l("Submit my answers"))

    question_fields: list[tuple[QuestionContent, AnswerField]]

    @property
    def tampered_positions(self) -> list[int]:
        return [n for n, (_q, field) in enumerate(self.question_fields, start=1) if field.tampered]

    def chosen(self) -> dict[int, int]:
        """Question id → chosen choice id, for the answered questions."""
        return {question.id: int(field.data) for question, field in self.question_fields
                if field.data is not None and not field.tampered}


_QUESTION_FIELD = re.compile(r"q\d+")


def field_name(question: QuestionContent) -> str:
    return f"q{question.id}"


# Sent by the quiz page's script (static/js/autosave.js) with a submission once every change
# of the tab is stored: see build_answer_form.
ALL_SAVED = "all_saved"


def build_answer_form(revision: RevisionContent,
                      saved: Mapping[int, int] | None = None) -> AnswerForm:
    """An AnswerForm with one AnswerField per question the revision asks, named after the
    question's id.

    ``saved`` (question id → choice id, the attempt's saved answers) fills in a sent form the
    questions it left empty: answered meanwhile in another tab or on another device, saved
    there, they are the student's answers too (the tab sending knew nothing of them). A tab
    whose script stored each of its changes before submitting says so (``all_saved``): the
    saved answers are then the latest of every device, and win over what the tab still shows
    (an answer changed on a phone since is not undone by the laptop's older page). Without
    the script (nothing stored as chosen), what the tab sends wins.

    The form class of a revision is made once and kept (``answer_forms`` in quiz/caching.py),
    by the revision's id and creation time, as its content is: a question's choices never
    change (an edit makes a new revision, with new questions). Making a class with a dozen
    fields costs more than filling it in.
    """
    questions = revision.questions
    form_class: type[AnswerForm] = cache("answer_forms").get_or_make(
        (revision.id, revision.created_at), lambda: _answer_form_class(questions))
    sent: MultiDict[str, str] | None = request.form if request.method == "POST" else None
    if saved and sent is not None:
        names = {field_name(question): question.id for question in questions}
        # A tab showing another version of the quiz (edited since) sends other questions:
        # nothing is filled in for it, and the page comes back with the current ones.
        if not any(_QUESTION_FIELD.match(name) and name not in names for name in sent):
            newest = sent.get(ALL_SAVED) == "1"
            sent = sent.copy()
            for name, question_id in names.items():
                if question_id in saved and (newest or name not in sent):
                    sent[name] = str(saved[question_id])
    form = form_class(formdata=sent) if sent is not None else form_class()
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


@dataclass(frozen=True)
class QuizPageParts:
    article: Markup
    questions: Markup  # the fieldsets and the submit button, inside the page's form


def render_quiz_page(revision: RevisionContent, *, form: AnswerForm | None = None,
                     preview: str | None = None, attempt_id: int | None = None,
                     saved: Mapping[int, int] | None = None,
                     due: dt.datetime | None = None) -> str:
    """The quiz page. Without `form` (nothing posted), `saved` answers and `preview`, its
    parts come from the cache; with a posted form, they show its choices and errors; with
    `saved` answers (question id → choice id), those choices; `preview`: the quiz's slug, for
    the teacher's look at the page (no submit button). `attempt_id`: where answers are saved.
    `due`: the student's due date for it (every class's: late after it, it counts nowhere).
    """
    if form is None and not saved and preview is None:
        parts: QuizPageParts = cache("quiz_questions").get_or_make(
            (revision.id, revision.created_at, formatting_locale()),  # its dates too
            lambda: _parts(revision, build_answer_form(revision), None))
        errors: list[tuple[int, str]] = []
    else:
        if form is None:
            form = build_answer_form(revision)
            for question, field in form.question_fields:
                if saved and question.id in saved:
                    field.data = str(saved[question.id])
        parts = _parts(revision, form, preview)
        errors = [(number, field.id) for number, (_q, field)
                  in enumerate(form.question_fields, start=1) if field.errors]
    return render_template("student/attempt.html", revision=revision, parts=parts,
                           errors=errors, preview=preview, attempt_id=attempt_id,
                           answered=len(saved or ()), total=len(revision.questions),
                           due=due, now=utcnow())


def _parts(revision: RevisionContent, form: AnswerForm,
           preview: str | None) -> QuizPageParts:
    return QuizPageParts(
        render_fragment("student/_quiz_article.html", revision=revision),
        render_fragment("student/_quiz_questions.html", revision=revision, form=form,
                        preview=preview))
