"""From a news page to a draft quiz: import an article, draft questions, review the drafts.

Thin routes over quiz.articles and the job queue (quiz.jobs): drafting runs in the worker, never
in a request (no web worker loads spaCy or waits for it); the drafts page shows the job's
progress, then every draft on one page, reviewed and saved at once as one new version of the
quiz's question file (the one validator checks it). Drafts carry a Review: note, so a quiz
cannot be published while one is left.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from flask import abort, current_app, flash, jsonify, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.wrappers import Response

from ..articles import ArticleError, FetchLimits, import_source, slug_for
from ..articles.build import LANGUAGE_NOT_RECOGNISED_HINT
from ..drafting import is_draft, models_installed
from ..extensions import db
from ..jobs import DONE, FAILED, QUEUED, JobStatus, job_queue
from ..models import CLASSES, Quiz
from ..questionfile import Problem, QuestionFileError, QuizFile
from ..questionfile.messages import Message
from ..services.content import revision_content
from ..services.editing import current_file, save_edited
from ..services.importer import RevisionChanged, import_items, prepare_text
from ..templating import school_today, translate
from .forms import ArticleForm, ButtonForm, DraftDecisionForm, DraftForm, DraftsReviewForm
from .quiz_routes import FileQuestion, fill_question_form, question_from_form, quiz_or_404
from .routes import bp


def _limits() -> FetchLimits:
    config = current_app.config
    return FetchLimits(timeout=config["ARTICLE_FETCH_TIMEOUT"],
                       max_bytes=config["ARTICLE_MAX_BYTES"],
                       allow_private=config["ARTICLE_FETCH_ALLOW_PRIVATE"])


@bp.route("/quizzes/article", methods=["GET", "POST"])
def article_import() -> str | Response | tuple[str, int]:
    """Turn a news page (address, saved page or pasted text) into a new draft quiz."""
    form = ArticleForm()
    if not form.is_submitted():
        form.draft.data = models_installed()
    error: dict[str, str] | None = None
    if form.validate_on_submit():
        language = form.language.data or None
        today = school_today()
        try:
            if form.url.data:
                imported = import_source(form.url.data, language=language, limits=_limits(),
                                         today=today)
            elif form.text.data and form.text.data.strip():
                pasted = form.text.data.replace("\r\n", "\n")
                # Markdown pasted as such ('# Title' first) is read as Markdown: no '**' left.
                imported = import_source(
                    pasted, "pasted.md" if pasted.lstrip().startswith("# ") else "pasted.txt",
                    language=language, today=today)
            else:
                name = form.file.data.filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
                imported = import_source(form.file.data.read(), name, language=language,
                                         today=today)
        except ArticleError as caught:
            error = {"message": translate(caught.message), "hint": _web_hint(caught.hint)}
        else:
            taken = set(db.session.scalars(sa.select(Quiz.slug)))
            slug = form.slug.data or slug_for(imported.quiz.title, taken)
            if slug in taken:
                form.slug.errors.append(_("A quiz already has this address: choose another "
                                          "one."))
            else:
                item = prepare_text(slug, imported.text, f"{slug}.md")
                import_items([item], current_user, publish_new=False, visibility=CLASSES)
                if not form.draft.data:
                    # Drafting: the drafts page's status says how it goes, then what it
                    # added (one message, not "without questions" beside "10 drafts added").
                    flash(_("The article is saved as a new draft quiz, without questions yet: "
                            "add questions, or draft them from the article."), "success")
                if form.draft.data:
                    # Kept until the drafts are reviewed: the drafts page reloads itself when
                    # drafting ends, and a flashed message would be gone by then.
                    _keep_checks(slug, imported.warnings)
                    _start_drafting(db.session.scalars(
                        sa.select(Quiz).where(Quiz.slug == slug)).one(), 10)
                    return redirect(url_for("teacher.quiz_drafts", slug=slug))
                for warning in imported.warnings:
                    flash(_check(warning), "warning")
                return redirect(url_for("teacher.quiz_preview", slug=slug))
    status = 422 if form.is_submitted() and (error or form.errors) else 200
    # A browser never sends a chosen file back with the page: say so when one was sent.
    file_again = status == 422 and bool(getattr(form.file.data, "filename", ""))
    return render_template("teacher/article.html", form=form, error=error,
                           drafting=models_installed(), file_again=file_again), status


# What the import of an article found to check (its warnings), kept in the session for the
# drafts page of its quiz until the drafts are reviewed: [[slug, [message, …]], …], the newest
# last, for the KEPT_CHECKS newest quizzes (the session is a cookie: 4 KB in all). Messages are
# kept untranslated, so that they follow the interface's language.
ARTICLE_CHECKS = "article_checks"
KEPT_CHECKS = 5


def _check(warning: Message) -> str:
    return _("Check: %(warning)s.", warning=translate(warning))


def _keep_checks(slug: str, warnings: Sequence[Message]) -> None:
    kept = [[s, w] for s, w in session.get(ARTICLE_CHECKS, []) if s != slug]
    if warnings:
        kept.append([slug, [_stored(warning) for warning in warnings]])
    session[ARTICLE_CHECKS] = kept[-KEPT_CHECKS:]


def _article_checks(slug: str) -> list[str]:
    """What to check in the article of the quiz `slug`, in the reader's language."""
    return [_check(_restored(warning))
            for s, warnings in session.get(ARTICLE_CHECKS, []) if s == slug
            for warning in warnings]


def _stored(message: Message) -> dict[str, Any]:
    """A Message as the session's JSON holds it (a date as its ISO form, a Message inside)."""
    def value(param: object) -> object:
        if isinstance(param, Message):
            return {"message": _stored(param)}
        return {"date": param.isoformat()} if isinstance(param, dt.date) else param
    return {"text": message.text, "plural": message.plural,
            "params": {name: value(param) for name, param in message.params.items()}}


def _restored(kept: dict[str, Any]) -> Message:
    def value(param: Any) -> object:
        if isinstance(param, dict):
            return (_restored(param["message"]) if "message" in param
                    else dt.date.fromisoformat(param["date"]))
        return param
    return Message(kept["text"], {name: value(param) for name, param in kept["params"].items()},
                   kept["plural"])


def _start_drafting(quiz: Quiz, count: int) -> None:
    """Queue the drafting of ``quiz``: the worker drafts, the drafts page shows how it goes."""
    job_queue(current_app).start_drafting(quiz, current_user, count)


@bp.route("/quizzes/<slug>/draft", methods=["POST"])
def quiz_draft(slug: str) -> Response:
    """Start drafting questions from the quiz's article (again, after a failure), then show
    its progress on the drafts page."""
    quiz = quiz_or_404(slug)
    form = DraftForm()
    if not form.validate_on_submit():
        abort(400)
    _start_drafting(quiz, form.count.data or 10)
    return redirect(url_for("teacher.quiz_drafts", slug=slug))


# A job still waiting after this long: the page says the worker may not be running (a running
# worker takes it within a second or two; the job is taken as lost only after STALE_AFTER).
QUEUE_PATIENCE = 30  # seconds


def drafting_news(status: JobStatus | None) -> dict[str, str | int | bool] | None:
    """What the drafts page and its status route say of the quiz's drafting job."""
    if status is None:
        return None
    seconds = int(max(0, time.time() - status.requested_at))
    if status.stale:
        text = _("The drafting did not finish: the drafting worker stopped or is not running. "
                 "Try again; if it happens again, tell the server's administrator (the worker "
                 "is started by “python3 manage.py serve”, or as docs/deploy.md says).")
    elif status.state == QUEUED and seconds >= QUEUE_PATIENCE:
        text = _("Waiting for the drafting worker (%(seconds)s s so far)… A running worker "
                 "takes a job within seconds: it may not be running (“python3 manage.py "
                 "serve” starts it; on a server, as docs/deploy.md says). The drafting starts "
                 "by itself once it runs.", seconds=seconds)
    elif status.state == QUEUED:
        text = _("Waiting for the drafting worker (%(seconds)s s so far)…", seconds=seconds)
    elif status.state == FAILED:
        text = _("The drafting failed: %(reason)s.",
                 reason=translate(status.reason) if status.reason else "?")
    elif status.state == DONE:
        text = ngettext("%(num)s draft question added (version %(number)s): accept, edit or "
                        "reject it below.",
                        "%(num)s draft questions added (version %(number)s): accept, edit or "
                        "reject each below.", status.drafts, number=status.revision)
        if status.unpublished:
            text += " " + _("The quiz is unpublished until its drafts are accepted or rejected.")
    elif status.stage == "saving":
        text = _("Saving the drafts…")
    else:
        text = _("Drafting questions from the article (%(seconds)s s so far)… The first "
                 "drafting after the server starts also loads the language model: up to a "
                 "minute.", seconds=seconds)
    return {"state": "stale" if status.stale else status.state, "active": status.active,
            "text": text, "seconds": seconds, "drafts": status.drafts, "count": status.count}


DRAFTS_PER_REVIEW = 10  # drafts on the review page at once; the next ones once these are saved


def _web_hint(hint: Message | None) -> str:
    """An import error's hint as the article page says it: the form's field where the
    command line's hint names its option."""
    if hint is None:
        return ""
    if hint.text == LANGUAGE_NOT_RECOGNISED_HINT:
        return _("choose its language in “Language of the article” below, then import it "
                 "again; questions can be drafted for articles in French or English only")
    return translate(hint)


@bp.route("/quizzes/<slug>/drafts", methods=["GET", "POST"])
def quiz_drafts(slug: str) -> str | Response | tuple[str, int]:
    """The draft questions, each with its passage in the article: the teacher accepts (the
    default), edits or rejects each, and saves once, as one new version. At most
    ``DRAFTS_PER_REVIEW`` at a time, in the file's order (a drafting run writes 10): the next
    ones come once these are saved, so that no edit is lost by leaving for another page, and
    the page stays short on a phone."""
    quiz = quiz_or_404(slug)
    parsed = current_file(quiz)
    waiting = [q for q in parsed.questions if is_draft(q.review)]
    # The same drafts for the GET and its POST: the version is checked before anything is read.
    drafts = waiting[:DRAFTS_PER_REVIEW]
    form = DraftsReviewForm()
    submitted = form.is_submitted()
    parts = {q.key: DraftDecisionForm(prefix=f"{q.key}-") if submitted
             else DraftDecisionForm(prefix=f"{q.key}-", formdata=None) for q in drafts}
    for question in drafts:  # what a draft is, is not the form's to say
        parts[question.key].key.data = question.key
        parts[question.key].kind.data = question.kind
    problems: list[Problem] = []
    if submitted:
        if not form.validate():
            abort(400)
        if form.version.data != str(quiz.revision.number):
            raise RevisionChanged(slug)
        if not drafts:
            flash(_("No draft left to review."), "info")
            return redirect(url_for("teacher.quiz_preview", slug=slug))
        reviewed = _reviewed(parsed, parts)
        if reviewed is not None:
            questions, accepted, rejected = reviewed
            try:
                result = save_edited(quiz, replace(parsed, questions=questions), current_user)
            except QuestionFileError as error:
                problems = error.problems
            else:
                flash(_("Review saved (version %(number)s): %(accepted)s accepted, "
                        "%(rejected)s rejected.", number=result.revision, accepted=accepted,
                        rejected=rejected), "success")
                if len(waiting) > len(drafts):  # the next ones
                    return redirect(url_for("teacher.quiz_drafts", slug=slug))
                _keep_checks(slug, [])
                return redirect(url_for("teacher.quiz_preview", slug=slug))
    else:
        form.version.data = str(quiz.revision.number)
        for question in drafts:
            fill_question_form(parts[question.key], question)
    for part in parts.values():
        part.name_choices_by_text()
    revision = revision_content(quiz.revision.id)
    shown = {q.key: q for q in revision.all_questions}
    job = drafting_news(job_queue(current_app).status(quiz.id))
    checks = _article_checks(slug)
    if checks and not drafts and (job is None or job["state"] == DONE):
        _keep_checks(slug, [])  # reviewed another way (one by one): shown this once more
    page = render_template(
        "teacher/drafts.html", quiz=quiz, revision=revision, form=form, problems=problems,
        drafts=[(shown[q.key], parts[q.key]) for q in drafts if q.key in shown],
        waiting=len(waiting),
        part_errors=sum(len(errors) for part in parts.values()
                        for errors in part.errors.values()),
        draft_form=DraftForm(), drafting=models_installed(revision.language), job=job,
        checks=checks)
    return (page, 422) if submitted else page


def _reviewed(parsed: QuizFile, parts: dict[str, DraftDecisionForm],
              ) -> tuple[tuple[FileQuestion, ...], int, int] | None:
    """The quiz's questions once each draft is accepted (as edited), or rejected, with how
    many of each; None when a draft has errors (each set on its fields, all of them shown)."""
    edited: dict[str, FileQuestion | None] = {}
    for question in parsed.questions:
        part = parts.get(question.key)
        if part is None:
            continue
        part.validate()
        # An accepted draft's passage is looked for even when another field is wrong: all
        # its errors at once, not one per save.
        if part.decision.data == "accept" and part.passage.data and not part.passage.errors:
            edited[question.key] = question_from_form(part, parsed, question.key,
                                                      question.outdated)
    if any(part.errors for part in parts.values()):
        return None
    questions: list[FileQuestion] = []
    for question in parsed.questions:
        if question.key not in parts:
            questions.append(question)
        elif (new := edited.get(question.key)) is not None:
            as_it_was = replace(question, review=None)
            # Unchanged: kept as it was written (nothing the form does not show is lost).
            questions.append(as_it_was if new == as_it_was else new)
    accepted = len(edited)
    return tuple(questions), accepted, len(parts) - accepted


@bp.route("/quizzes/<slug>/drafting")
def quiz_drafting_status(slug: str) -> Response:
    """The quiz's drafting job as JSON (the drafts page polls it): state, text, active."""
    quiz = quiz_or_404(slug)
    response = jsonify(drafting_news(job_queue(current_app).status(quiz.id))
                       or {"state": "none", "active": False, "text": "", "seconds": 0,
                           "drafts": 0, "count": 0})
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/quizzes/<slug>/questions/<key>/reject", methods=["POST"])
def question_reject(slug: str, key: str) -> Response:
    """Reject a question waiting for review (the quiz page's *Reject it*): it leaves the quiz
    (a new version; attempts on older versions keep it)."""
    quiz = quiz_or_404(slug)
    if not ButtonForm().validate_on_submit():
        abort(400)
    target = url_for("teacher.quiz_preview", slug=slug)
    parsed = current_file(quiz)
    question = next((q for q in parsed.questions if q.key == key), None)
    if question is None:
        abort(404)
    if not question.review:
        flash(_("Question %(key)s has nothing left to check.", key=key), "error")
        return redirect(target)
    save_edited(quiz, replace(parsed, questions=tuple(
        q for q in parsed.questions if q.key != key)), current_user)
    flash(_("Question %(key)s rejected: it is no longer in the quiz.", key=key), "success")
    return redirect(target)
