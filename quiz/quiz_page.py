"""The quiz page a student answers (and a teacher previews): its article and questions kept as
HTML per revision and language, the rest of the page rendered for each request.

The article and the questions are the same for every student of a revision (a revision never
changes; the answer key is never in them), and rendering a dozen questions with WTForms costs
more than the rest of the page: they are rendered once and kept (``quiz_questions`` in
quiz/caching.py). base.html, the CSRF token and anything else of the viewer are rendered per
request by Flask as on any page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask import render_template
from flask_babel import get_locale
from markupsafe import Markup

from .caching import cache
from .services.content import QuestionContent, RevisionContent
from .student.forms import AnswerForm, build_answer_form


@dataclass(frozen=True)
class QuizPageParts:
    article: Markup
    questions: Markup  # the fieldsets and the submit button, inside the page's form


def render_quiz_page(revision: RevisionContent,
                     questions: Sequence[QuestionContent], *,
                     form: AnswerForm | None = None, preview: str | None = None) -> str:
    """The quiz page. Without `form` (nothing posted) and `preview`, its parts come from the
    cache; with a posted form, they show its choices and errors; `preview`: the quiz's slug,
    for the teacher's look at the page (no submit button)."""
    if form is None and preview is None:
        parts: QuizPageParts = cache("quiz_questions").get_or_make(
            (revision.id, str(get_locale())),
            lambda: _parts(revision, build_answer_form(questions), None))
        errors: list[tuple[int, str]] = []
    else:
        form = form or build_answer_form(questions)
        parts = _parts(revision, form, preview)
        errors = [(number, field.id) for number, (_q, field)
                  in enumerate(form.question_fields, start=1) if field.errors]
    return render_template("student/attempt.html", revision=revision, parts=parts,
                           errors=errors, preview=preview)


def _parts(revision: RevisionContent, form: AnswerForm,
           preview: str | None) -> QuizPageParts:
    return QuizPageParts(
        Markup(render_template("student/_quiz_article.html", revision=revision)),
        Markup(render_template("student/_quiz_questions.html", revision=revision, form=form,
                               preview=preview)))
