"""The teacher's quiz pages: upload (through the one validator), preview with the answer key,
publish / unpublish / archive, download, revisions."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import force_locale, get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from .. import questionfile
from ..config import LANGUAGES
from ..extensions import db
from ..lookups import requested_page
from ..models import (
    CLASSES,
    EVERYONE,
    QUIZ_STATUSES,
    Assignment,
    Classroom,
    Membership,
    Quiz,
    QuizRevision,
    User,
)
from ..questionfile import (
    ArticleIndex,
    QuestionFileError,
    QuizFile,
    address_from_file_name,
    decode_question_bytes,
    file_name_notice,
    parse_question_file,
    write_question_file,
)
from ..questionfile.compare import compare_files
from ..questionfile.foreign import convert_text, looks_foreign
from ..questionfile.guide import guide_html
from ..questionfile.interchange import export_gift, export_moodle_xml, export_warnings
from ..questionfile.review import is_missing_explanation
from ..quiz_page import render_quiz_page
from ..services import analytics, classes
from ..services.catalogue import quiz_page
from ..services.content import QuestionContent, revision_content
from ..services.editing import (
    EditEffect,
    StatusRefused,
    attempts_answering,
    current_file,
    edit_effect,
    not_publishable,
    publish_refusal,
    question_fingerprint,
    save_edited,
    set_status,
    set_visibility,
)
from ..services.importer import (
    SLUG,
    ImportItem,
    QuizAtAddress,
    RevisionChanged,
    changes_taken_back,
    content_hash,
    import_items,
    prepare_text,
    quiz_at_address,
    same_title_elsewhere,
)
from ..services.leaderboard import name_order
from ..services.regrade import QuizChanged, RegradePlan, plan_regrade, regrade
from ..templating import translate, translate_into
from .forms import (
    ButtonForm,
    MoveForm,
    OutdatedForm,
    PublishAssignForm,
    QuestionForm,
    QuizListSearchForm,
    RegradeForm,
    StatusForm,
    UploadForm,
    VisibilityForm,
)
from .routes import (
    assigned_message,
    assignment_rules,
    bp,
    fill_assignment_rules,
    picker_search,
    quiz_choices,
    rules_of,
    warn_if_answers_held_longer_elsewhere,
    warn_if_answers_were_shown,
    warn_if_past_due,
)

FileChoice = questionfile.Choice
FileQuestion = questionfile.Question


def quiz_or_404(slug: str) -> Quiz:
    quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == slug)) if SLUG.match(slug) \
        else None
    if quiz is None or quiz.current_revision is None:
        abort(404)
    return quiz


QUIZ_LIST_PAGE = 50


@bp.route("/quizzes")
def quizzes() -> str:
    """Every quiz of the server, newest article first, with a search, filters
    (language, status, mine) and pages of 50."""
    form = QuizListSearchForm(request.args)
    statuses = [form.status.data] if form.status.data in QUIZ_STATUSES else QUIZ_STATUSES
    found = quiz_page(requested_page(), QUIZ_LIST_PAGE, text=form.q.data or "",
                      language=form.lang.data or None, statuses=statuses,
                      author_id=current_user.id if form.mine.data else None)
    # A draft that cannot be published yet leads to its page, which says why (its
    # « Publish and assign » page had no form to fill).
    blocked = not_publishable([q.id for q in found.items if q.status != "published"])
    return render_template("teacher/quizzes.html", form=form, found=found, blocked=blocked)


@bp.route("/quizzes/upload", methods=["GET", "POST"])
def upload() -> str | Response | tuple[str, int]:
    """Check an uploaded or pasted question file; save it (as a draft if new) only if valid,
    else show it again in the page's editor with each error beside its line."""
    form = UploadForm()
    chosen = form.article.data if form.is_submitted() and isinstance(form.article.data, str) \
        else ""
    form.article.choices = [
        SelectChoice("", _("— (a question file has its own)")),
        *quiz_choices(picker_search(), Quiz.slug == chosen if chosen else None,
                      statuses=QUIZ_STATUSES, value=lambda entry: entry.slug)]
    problems: list[questionfile.Problem] = []
    if request.method == "GET" and "version" in request.args:
        # « Put this version back » on a version's page: its text in the box, checked and
        # saved as any file (the page then says what it takes back, before anything is saved).
        version = version_or_404(quiz_or_404(request.args.get("quiz", "", type=str)),
                                 request.args.get("version", 0, type=int))
        form.show_text(version.source_text, version.quiz.slug)
        return render_template("teacher/upload.html", form=form, problems=problems,
                               restoring=version)
    if form.validate_on_submit():
        if form.text.data and form.text.data.strip():
            name, text = f"{form.slug.data}.md", form.text.data.replace("\r\n", "\n")
            slug = form.slug.data
        else:
            name = form.file.data.filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
            slug = form.slug.data or address_from_file_name(name)
            text = ""
            if not slug:  # « Вопросы.md »: no letter a-z or digit in the name
                form.slug.errors.append(_("The file's name gives no address (only the letters "
                                          "a to z, digits and hyphens are kept): type one."))
                return render_template("teacher/upload.html", form=form,
                                       problems=problems), 422
        try:
            if not text:
                with form.file.data.stream as upload_stream:  # a large one is a temp file
                    text = decode_question_bytes(upload_stream.read(), name)
            foreign = _is_foreign(text)
            if foreign:
                converted = _converted(text, name, form)
                if converted is None:
                    if not (form.text.data and form.text.data.strip()):
                        # A browser does not send a file twice: its text waits in the box,
                        # to send again once its article's quiz is chosen.
                        form.show_text(text, slug)
                    return render_template("teacher/upload.html", form=form,
                                           problems=problems), 422
                text = converted
            item = prepare_text(slug, text, name)
        except QuestionFileError as error:
            # The text the lines are counted in (a converted file's, else the file's own)
            # opens in the editor, each error beside its line: fixed there and sent again as
            # pasted text. A file that is not text has none: its message says why.
            lines = text.split("\n") if text else []
            problems = error.problems
            if text:
                form.show_text(text, slug)
            notes: dict[int, list[questionfile.Problem]] = {}
            for problem in error.problems:
                if 0 < problem.line <= len(lines):
                    notes.setdefault(problem.line, []).append(problem)
            return render_template("teacher/upload.html", form=form, problems=problems,
                                   lines=lines, notes=notes), 422
        there = quiz_at_address(item)
        if there is not None and there.asks_first and \
                form.replaces.data != _agreement(slug, there, text):
            # Another article at an address already taken, or a version that would unpublish
            # the quiz: nothing saved before the teacher agrees to this text replacing this
            # very version (a text edited since is asked about again; "changed": they had
            # agreed to replace an older version of the quiz at this address).
            agreed_slug, _sep, rest = (form.replaces.data or "").partition(":")
            agreed_version = rest.partition(":")[0]
            if agreed_slug == slug and agreed_version == str(there.revision_id):
                # Agreed to, then the box was edited: what the text does now, asked afresh.
                flash(_("The text was changed after you were asked: nothing was saved. Check "
                        "what it does now."), "info")
            return _ask_before_replacing(
                form, text, slug, there,
                changed=agreed_slug == slug and agreed_version != str(there.revision_id))
        try:  # saved over the version checked here, or refused
            (result,) = import_items(
                [replace(item, based_on=there.revision_id if there else None)],
                current_user, publish_new=False, visibility=CLASSES)
        except RevisionChanged:  # a version saved between the check and the write
            return _ask_before_replacing(form, text, slug, quiz_at_address(item), changed=True)
        messages = {"created": _("Saved as a new draft: check it, then publish it."),
                    "updated": _("Saved as revision %(number)s.", number=result.revision),
                    "unchanged": _("This file is the same as the current version: nothing "
                                   "changed.")}
        flash(messages[result.outcome], "success")
        copies = same_title_elsewhere(slug, result.title, item.quiz.language) \
            if result.outcome == "created" else []
        if copies:  # the same file again, or a question bank converted twice
            flash(ngettext("Another quiz has this title: %(list)s. If this one is a copy, "
                           "archive the one you do not want: students would see both.",
                           "Other quizzes have this title: %(list)s. If this one is a copy, "
                           "archive the ones you do not want: students would see them all.",
                           len(copies), list=", ".join(copies)), "warning")
        notice = file_name_notice(name) if not form.text.data and not foreign else None
        if notice is not None:
            flash(translate(notice), "info")
        return redirect(url_for("teacher.quiz_preview", slug=slug))
    return render_template("teacher/upload.html", form=form, problems=problems)


def _ask_before_replacing(form: UploadForm, text: str, slug: str,
                          there: QuizAtAddress | None, *, changed: bool) -> tuple[str, int]:
    """The upload page again, nothing saved, asking whether the file may replace the quiz at
    its address (`there`, when the file gives it another article); its text waits in the
    paste box (a browser does not send a file twice). `changed`: the version the teacher had
    agreed to replace, or the one checked, is no longer the quiz's current one."""
    if changed:
        flash(_("The quiz at this address was changed meanwhile: nothing was saved. "
                "Check what it is now."), "error")
    replaced = there if there is not None and there.asks_first else None
    form.show_text(text, slug)
    form.replaces.data = _agreement(slug, replaced, text) if replaced else ""
    return render_template("teacher/upload.html", form=form, problems=[],
                           replaced=replaced), 409 if changed else 200


def _agreement(slug: str, there: QuizAtAddress, text: str) -> str:
    """What the upload form's hidden `replaces` holds once the teacher is asked: the address,
    the id of the version they agree to replace, and the fingerprint of the text they saw."""
    return f"{slug}:{there.revision_id}:{content_hash(text)}"


@bp.route("/guide")
def quiz_file_guide() -> str:
    """The guide to writing question files, in the interface's language (or ?lang=fr|en).
    (Its name starts with quiz: the header marks it as part of *Manage quizzes*.)"""
    wanted = request.args.get("lang") or str(get_locale())
    body, language = guide_html(wanted)
    return render_template("teacher/guide.html", body=Markup(body), language=language)


def _is_foreign(text: str) -> bool:
    """A GIFT, Moodle XML or Aiken file: not starting as a question file does ('# Title'), and
    with that format's marks (any other text is checked as a question file, and told what is
    wrong with it line by line)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    return not first.startswith("# ") and looks_foreign(text)


def _converted(text: str, name: str, form: UploadForm) -> str | None:
    """A GIFT, Moodle XML or Aiken file as question-file text, with the article of the chosen quiz;
    None (and a field error) when no article was chosen. Left-out questions are flashed."""
    if not form.article.data:
        form.article.errors.append(_("This is a GIFT, Moodle XML or Aiken file: choose the "
                                     "quiz whose article it is about, then send it again (its "
                                     "text waits in the box)."))
        return None
    source = db.session.scalar(sa.select(Quiz).where(Quiz.slug == form.article.data))
    if source is None or source.current_revision is None:
        form.article.errors.append(_("Choose one of the quizzes in the list."))
        return None
    article = replace(current_file(source), questions=())
    _kind, result = convert_text(text, name, article)
    if result.problems:
        flash(ngettext("%(num)s question was left out: %(list)s",
                       "%(num)s questions were left out: %(list)s", len(result.problems),
                       list=" · ".join(_problem_text(p) for p in result.problems)), "error")
    if not result.quiz.questions:  # nothing to save but the article: not an empty quiz
        pasted = bool(form.text.data and form.text.data.strip())
        (form.text if pasted else form.file).errors.append(
            _("No question of this file could be converted: nothing was saved."))
        return None
    if result.warnings:
        flash(" · ".join(_problem_text(p) for p in result.warnings), "info")
    return write_question_file(result.quiz)


def _problem_text(problem: questionfile.Problem) -> str:
    """A question-file problem as « file, line N: message — hint », in the reader's language."""
    text = _("%(file)s, line %(number)s: %(message)s", file=problem.path, number=problem.line,
             message=translate(problem.message))
    return f"{text} — {translate(problem.hint)}" if problem.hint else text


@bp.route("/quizzes/<slug>")
def quiz_preview(slug: str) -> str:
    """The quiz as students see it, with the answer key and each passage in its paragraph."""
    quiz = quiz_or_404(slug)
    revision = quiz.revision
    revisions = db.session.execute(
        sa.select(QuizRevision.number, QuizRevision.created_at, User.display_name)
        .outerjoin(User, User.id == QuizRevision.created_by_id)
        .where(QuizRevision.quiz_id == quiz.id).order_by(QuizRevision.number.desc())).all()
    content = revision_content(revision.id)
    return render_template("teacher/quiz.html", quiz=quiz, revision=content,
                           questions=content.all_questions, revisions=revisions,
                           refusal=_publish_refusal(quiz, content.all_questions),
                           assigned=classes.assigned_classes(current_user.id, quiz.id),
                           assigned_elsewhere=classes.other_teachers_assignments(
                               current_user.id, quiz.id) if quiz.is_published else 0,
                           status_form=StatusForm(visibility=quiz.visibility),
                           visibility_form=VisibilityForm(visibility=quiz.visibility),
                           outdated_form=OutdatedForm(),
                           move_form=MoveForm(), button_form=ButtonForm(),
                           export_warnings=export_warnings(current_file(quiz)),
                           to_regrade=_to_regrade(quiz))


def _to_regrade(quiz: Quiz) -> int:
    """How many attempts of earlier versions are marked otherwise than this version's right
    answers would mark them (the quiz page's notice, the regrade page's count and those that
    cannot follow): plan_regrade reads their answers only when a version with attempts had
    another right answer for one of this version's questions."""
    plan = plan_regrade(quiz)
    return len(plan.regraded) + plan.left


def _publish_refusal(quiz: Quiz, questions: Sequence[QuestionContent]) -> StatusRefused | None:
    """Why the quiz cannot be published now (None: it is, or it can be): the pages show its
    Publish buttons disabled with this reason."""
    return None if quiz.is_published else publish_refusal([q.review_note for q in questions])


@bp.route("/quizzes/<slug>/assign", methods=["GET", "POST"])
def quiz_assign(slug: str) -> str | Response | tuple[str, int]:
    """Publish the quiz (unless it is) and assign it to one or more of the teacher's classes at
    once, with the class page's rules (dates, attempts, review options, practice mode)."""
    quiz = quiz_or_404(slug)
    rooms = classes.classes_of_teacher(current_user.id)
    assigned = classes.assigned_classes(current_user.id, quiz.id)
    before = {room_id: rules_of(a) for room_id, a in assigned.items()}  # a save changes them
    form = PublishAssignForm()
    form.classes.choices = [  # with the school year: last year's 4e B beside this year's
        (room.id, _("%(name)s (already assigned: saving changes its settings)", name=name)
         if room.id in assigned else name)
        for room in rooms for name in [f"{room.name} · {room.school_year}"]]
    # « Change its settings » of one class (?class=): the page says so, and goes back there.
    wanted = request.args.get("class", type=int)
    editing = next((room for room in rooms if room.id == wanted and wanted in assigned), None)
    if not form.is_submitted():
        # Already assigned: the form shows its rules (the class asked for, or the latest
        # assignment's), ticked in the classes that have them, so that changing one setting
        # keeps the others. Else the only class is ticked: nothing to choose.
        shown = assigned.get(wanted) if wanted in assigned else max(
            assigned.values(), key=lambda a: (a.created_at, a.id), default=None)
        if shown is not None:
            fill_assignment_rules(form, shown)
            # The class asked for alone (« Change its settings » of one class), else every
            # class that has these rules.
            form.classes.data = [shown.classroom_id] if wanted in assigned else [
                room_id for room_id, a in assigned.items()
                if rules_of(a) == rules_of(shown)]
        elif len(rooms) == 1:
            form.classes.data = [rooms[0].id]
    content = revision_content(quiz.revision.id)
    refusal = _publish_refusal(quiz, content.all_questions)
    if refusal is None and form.validate_on_submit():
        chosen = [room for room in rooms if room.id in form.classes.data]
        rules = assignment_rules(form, [before[room.id] for room in chosen if room.id in before])
        was_published = quiz.is_published
        try:
            classes.publish_and_assign(quiz, chosen, **rules)
        except classes.ClassError as error:
            form.due_at.errors.append(_(error.message, **error.params))
        except StatusRefused as refused:  # changed meanwhile: drafts added by another page
            refusal = refused
        else:
            new = [room.name for room in chosen if room.id not in before]
            changed = [room.name for room in chosen if room.id in before
                       and before[room.id] != rules]
            unchanged = [room.name for room in chosen if room.id in before
                         and before[room.id] == rules]
            flash(assigned_message(new, changed, unchanged) if was_published
                  else _("Published and assigned to %(names)s.",
                         names=", ".join(room.name for room in chosen)), "success")
            # Said where the due date is new: saving another setting of an assignment past
            # its due date changes no attempt's mark.
            if new or any(before[room.id]["due_at"] != rules["due_at"]
                          for room in chosen if room.id in before):
                warn_if_past_due(rules["due_at"])
            warn_if_answers_were_shown(
                {room.name: before[room.id] for room in chosen if room.id in before}, rules)
            warn_if_answers_held_longer_elsewhere(quiz.id, [room.id for room in chosen], rules)
            if editing is not None:
                return redirect(url_for("teacher.classroom", class_id=editing.id,
                                        _anchor="assigned"))
            return redirect(url_for("teacher.quiz_preview", slug=slug))
    page = render_template("teacher/assign.html", quiz=quiz, revision=content, form=form,
                           rooms=rooms, refusal=refusal, editing=editing)
    return (page, 422) if form.is_submitted() else page


def version_or_404(quiz: Quiz, number: int) -> QuizRevision:
    """The quiz's version of this number, else 404 (a number no column holds too)."""
    version = db.session.scalar(sa.select(QuizRevision).where(
        QuizRevision.quiz_id == quiz.id, QuizRevision.number == number)) \
        if 0 < number <= 2147483647 else None
    if version is None:
        abort(404)
    return version


@bp.route("/quizzes/<slug>/versions/<int(max=2147483647):number>")
def quiz_version(slug: str, number: int) -> str:
    """What a version changed: the difference of its question file with the one before."""
    quiz = quiz_or_404(slug)
    versions = {r.number: r for r in db.session.scalars(
        sa.select(QuizRevision).where(QuizRevision.quiz_id == quiz.id,
                                      QuizRevision.number.in_([number - 1, number])))}
    if number not in versions:
        abort(404)
    before = versions[number - 1].source_text if number - 1 in versions else ""
    changes = took_back = None
    if before:
        try:
            parsed = parse_question_file(versions[number].source_text, stored=True)
            changes = compare_files(parse_question_file(before, stored=True), parsed)
        except QuestionFileError:  # a version the parser of today reads otherwise: lines only
            pass
        else:
            if not changes.nothing:
                # A copy of an older version saved over newer ones (`quiz import` saves it
                # with a warning on the terminal only): which versions' changes it took back.
                took_back = changes_taken_back(
                    quiz.id, ImportItem(quiz.slug, parsed, versions[number].source_text),
                    before=number)
    lines = list(difflib.unified_diff(
        before.replace("\r\n", "\n").splitlines(),
        versions[number].source_text.replace("\r\n", "\n").splitlines(),
        f"version {number - 1}", f"version {number}", lineterm="", n=2))
    if len(lines) > 2 and re.match(r"@@ -[01](,\d+)? \+[01](,\d+)? @@", lines[2]):
        del lines[2]  # the first hunk starts at the top: no lines left out before it (« … »)
    author = db.session.get(User, versions[number].created_by_id) \
        if versions[number].created_by_id else None
    return render_template("teacher/version.html", quiz=quiz, version=versions[number],
                           author=author, lines=lines, changes=changes, took_back=took_back)


@bp.route("/quizzes/<slug>/regrade", methods=["GET", "POST"])
def quiz_regrade(slug: str) -> str | Response | tuple[str, int]:
    """What marking the attempts of earlier versions again with this version's right answers
    changes (the teacher's own students by name), and the button that does it
    (quiz/services/regrade.py)."""
    quiz = quiz_or_404(slug)
    form = RegradeForm()
    if form.is_submitted():
        if not form.validate() or not (form.version.data or "").isdigit():
            abort(400)
        try:
            done = regrade(quiz, int(form.version.data))
        except QuizChanged:
            # Saved since the page was read: its right answers may not be the ones shown.
            flash(_("The quiz was changed meanwhile (version %(number)s was saved): nothing "
                    "was regraded. Check below what a regrade changes now.",
                    number=quiz.revision.number), "error")
        else:
            number = quiz.revision.number
            if not done.attempts:
                flash(_("Nothing was regraded: no attempt of an earlier version could move onto "
                        "this version (another teacher may have regraded them just before)."),
                      "info")
            elif done.regraded:
                flash(ngettext("%(num)d attempt regraded with the right answers of version "
                               "%(number)s: the boards, gradebooks and the student's results "
                               "show its new marks.",
                               "%(num)d attempts regraded with the right answers of version "
                               "%(number)s: the boards, gradebooks and the students' results "
                               "show their new marks.", len(done.regraded), number=number),
                      "success")
            else:
                flash(_("No attempt's marks changed: the attempts of earlier versions are now "
                        "marked with this version's right answers."), "info")
            return redirect(url_for("teacher.quiz_preview", slug=slug))
    plan = plan_regrade(quiz)
    form.version.data = str(quiz.revision.id)
    return render_template("teacher/regrade.html", quiz=quiz,
                           revision=revision_content(quiz.revision.id), plan=plan, form=form,
                           **_regraded_students(plan)), 409 if form.is_submitted() else 200


def _regraded_students(plan: RegradePlan) -> dict[str, Any]:
    """Who a regrade concerns, as the teacher may see it: the attempts whose marks change that
    a page of one of the teacher's classes shows, with the student's name and those classes
    (``mine``, by class and name: never another's work, nor what a student did before
    joining); how many others (``others``); the names of the teacher's students among the
    attempts that cannot follow, by the same rule (``left_mine``); how many other teachers'
    classes have a student whose marks change (``other_classes``: their boards follow)."""
    seen = analytics.seen_in_teachers_classes(
        current_user.id, [a.attempt_id for a in plan.regraded] + list(plan.left_ids))
    mine = sorted(((seen[a.attempt_id][0], ", ".join(seen[a.attempt_id][1]), a)
                   for a in plan.regraded if a.attempt_id in seen),
                  key=lambda row: (row[1], name_order(row[0]), row[2].submitted_at))
    left_mine = sorted({seen[attempt_id][0] for attempt_id in plan.left_ids
                        if attempt_id in seen}, key=name_order)
    changed = sorted({a.user_id for a in plan.regraded})
    other_classes = db.session.scalar(
        sa.select(sa.func.count(sa.distinct(Assignment.classroom_id)))
        .join(Classroom, Classroom.id == Assignment.classroom_id)
        .join(Membership, Membership.classroom_id == Classroom.id)
        .where(Assignment.quiz_id == plan.quiz_id, Classroom.teacher_id != current_user.id,
               Membership.user_id.in_(changed))) if changed else 0
    return {"mine": mine, "others": len(plan.regraded) - len(mine), "left_mine": left_mine,
            "other_classes": other_classes or 0}


@bp.route("/quizzes/<slug>/student-view")
def quiz_student_view(slug: str) -> str:
    """The quiz page exactly as students get it (the same template), without submitting."""
    quiz = quiz_or_404(slug)
    content = revision_content(quiz.revision.id)
    return render_quiz_page(content, preview=quiz.slug)


@bp.route("/quizzes/<slug>/status", methods=["POST"])
def quiz_status(slug: str) -> Response:
    """Publish, unpublish (draft) or archive; attempts are never deleted."""
    quiz = quiz_or_404(slug)
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400, description=_("Unknown status."))
    visibility = form.visibility.data if form.status.data == "published" else None
    try:
        set_status(quiz, form.status.data, visibility or None)
    except StatusRefused as refused:
        flash(translate(refused.message), "error")
        return redirect(url_for("teacher.quiz_preview", slug=slug))
    done = {"published": _seen_by_message(quiz.visibility, published=True),
            "draft": _("Unpublished: students no longer see it and cannot start it; an attempt "
                       "already started can still be finished. Attempts are kept."),
            "archived": _("Archived: students no longer see it and cannot start it; an attempt "
                          "already started can still be finished. Attempts are kept.")}
    flash(done[quiz.status], "success")
    return redirect(url_for("teacher.quiz_preview", slug=slug))


@bp.route("/quizzes/<slug>/visibility", methods=["POST"])
def quiz_visibility(slug: str) -> Response:
    """Who sees the quiz: the students of the classes it is assigned to, or every student."""
    quiz = quiz_or_404(slug)
    form = VisibilityForm()
    if not form.validate_on_submit():
        abort(400, description=_("Choose who sees the quiz."))
    set_visibility(quiz, form.visibility.data)
    flash(_seen_by_message(quiz.visibility, published=quiz.is_published), "success")
    return redirect(url_for("teacher.quiz_preview", slug=slug))


def _seen_by_message(visibility: str, *, published: bool) -> str:
    if not published:
        return (_("Once published, every student of this server will see it.")
                if visibility == EVERYONE else
                _("Once published, the students of the classes it is assigned to will see it."))
    return (_("Published for everyone: every student of this server sees this quiz.")
            if visibility == EVERYONE else
            _("Published for your classes: the students of the classes it is assigned to see "
              "it (assign it on a class's page)."))


@bp.errorhandler(RevisionChanged)
def revision_changed(error: RevisionChanged) -> Response:
    """Two teachers (or two clicks) edited the same version: the second one is not saved."""
    flash(_("The quiz was changed meanwhile (a new version was saved): nothing was saved. "
            "Check the quiz as it is now and try again."), "error")
    return redirect(url_for("teacher.quiz_preview", slug=str(error)))


@bp.route("/quizzes/<slug>/questions/<key>/outdated", methods=["POST"])
def question_outdated(slug: str, key: str) -> Response:
    """Mark a question outdated (with a note for old results), or bring it back."""
    quiz = quiz_or_404(slug)
    form = OutdatedForm()
    if not form.validate_on_submit():
        flash(_("Write a short note for the students, e.g. what changed since."), "error")
        return redirect(url_for("teacher.quiz_preview", slug=slug) + f"#q-{key}")
    parsed = current_file(quiz)
    if key not in {q.key for q in parsed.questions}:
        abort(404)
    note = None if form.restore.data else form.note.data
    edited = replace(parsed, questions=tuple(
        replace(q, outdated=note) if q.key == key else q for q in parsed.questions))
    result = save_edited(quiz, edited, current_user)
    flash(_("Question %(key)s is outdated: new attempts leave it out, old results show your "
            "note (version %(number)s).", key=key, number=result.revision) if note else
          _("Question %(key)s is back in new attempts.", key=key), "success")
    return redirect(url_for("teacher.quiz_preview", slug=slug) + f"#q-{key}")


def fill_question_form(form: QuestionForm, question: FileQuestion) -> None:
    form.key.data, form.kind.data, form.prompt.data = question.key, question.kind, question.prompt
    form.passage.data, form.explanation.data = question.passage, question.explanation
    if question.kind == "true_false":
        form.answer.data = "true" if question.answer else "false"
    for n, choice in enumerate(question.choices):
        form[f"choice_{n}"].data = choice.text
        if choice.correct:
            form.correct.data = str(n)


def question_from_form(form: QuestionForm, parsed: QuizFile, key: str,
                        outdated: str | None) -> FileQuestion | None:
    """The edited question, or None when the form has errors: the passage is looked for in
    the article even so (when the form gives one), so that its error comes with the others."""
    index = ArticleIndex(parsed.article)
    search = index.locate(form.passage.data)
    if len(search.locations) != 1:
        # Capitals changed (« la mairie » where the article starts a sentence): said, as the
        # file's own check says it, instead of « not in the article » beside the very words.
        written = None if search.locations else index.written_otherwise(form.passage.data)
        if search.locations:
            form.passage.errors.append(form.passage_repeated(len(search.locations)))
        elif written:
            form.passage.errors.append(_("The article writes it “%(written)s”: copy its "
                                         "capitals as they are.", written=written))
        else:
            form.passage.errors.append(form.passage_not_found())
        return None
    if form.errors:  # the passage was checked beside the form's own errors, to show all at once
        return None
    choices: tuple[FileChoice, ...] = ()
    if form.kind.data == "mcq":
        choices = tuple(FileChoice(f.data, f.short_name == f"choice_{form.correct.data}")
                        for f in form.choice_fields() if f.data)
    return FileQuestion(key=key, kind=form.kind.data, prompt=form.prompt.data, choices=choices,
                        passage=form.passage.data, location=search.locations[0],
                        explanation=form.explanation.data,
                        answer=(form.answer.data == "true") if form.kind.data == "true_false"
                        else None, outdated=outdated)


@bp.route("/quizzes/<slug>/questions/new", methods=["GET", "POST"])
@bp.route("/quizzes/<slug>/questions/<key>/edit", methods=["GET", "POST"])
def question_edit(slug: str, key: str | None = None) -> str | Response | tuple[str, int]:
    """Change a question or add one; the quiz is saved as its question file, as a new version."""
    quiz = quiz_or_404(slug)
    parsed = current_file(quiz)
    existing = next((q for q in parsed.questions if q.key == key), None)
    if key is not None and existing is None:
        abort(404)
    form = QuestionForm()
    if key is not None:
        form.key.render_kw = {"readonly": True}
    shown = question_fingerprint(existing) if existing is not None else None
    # Saved meanwhile from another page, the question this one showed would be put back: not
    # saved. The teacher's text stays in the form; saved again, it replaces the other change.
    changed_since = (form.is_submitted() and shown is not None and bool(form.seen.data)
                     and form.seen.data != shown)
    if shown is not None and (changed_since or not form.is_submitted()):
        form.seen.data = shown
    if not form.is_submitted() and existing is not None:
        fill_question_form(form, existing)
    problems: list[questionfile.Problem] = []
    if changed_since:
        flash(_("Nothing was saved: this question was changed since you opened this page "
                "(version %(number)s). Its current text is on the quiz's page; press "
                "“%(button)s” again to replace it with yours.", number=quiz.revision.number,
                button=form.submit.label.text), "error")
    elif form.validate_on_submit():
        new_key = key or form.key.data
        if key is None and any(q.key == new_key for q in parsed.questions):
            form.key.errors.append(_("Another question has this id: choose another one."))
        else:
            question = question_from_form(form, parsed, new_key,
                                           existing.outdated if existing else None)
            if question is not None:
                questions = (tuple(question if q.key == key else q for q in parsed.questions)
                             if key else (*parsed.questions, question))
                before_id = quiz.revision.id
                try:
                    result = save_edited(quiz, replace(parsed, questions=questions), current_user)
                except QuestionFileError as error:
                    problems = error.problems
                else:
                    flash(_("Question saved (version %(number)s).", number=result.revision),
                          "success")
                    if key is not None and result.outcome == "updated":
                        _say_edit_effect(edit_effect(quiz.id, before_id, quiz.revision.id, key))
                    return redirect(url_for("teacher.quiz_preview", slug=slug) + f"#q-{new_key}")
    status = 409 if changed_since else 422 if form.is_submitted() else 200
    form.name_choices_by_text()
    return render_template("teacher/question_edit.html", quiz=quiz,
                           revision=revision_content(quiz.revision.id), form=form, key=key,
                           problems=problems,
                           answered=attempts_answering(quiz.id, key) if key else 0), status


def _say_edit_effect(effect: EditEffect) -> None:
    """Once a question is saved: what its change does to the attempts that answered it."""
    if effect.right_answer_changed:
        flash(_("Its right answer is another now: check that its explanation and passage fit "
                "the new one."), "info")
    for text, count in effect.chosen_choices_gone:
        flash(ngettext("“%(text)s” was chosen in %(num)d attempt and is no longer a choice "
                       "(reworded, it is another answer): that attempt cannot be regraded. "
                       "To keep it, write the choice back as it was.",
                       "“%(text)s” was chosen in %(num)d attempts and is no longer a choice "
                       "(reworded, it is another answer): those attempts cannot be regraded. "
                       "To keep them, write the choice back as it was.",
                       count, text=text), "warning")


@bp.route("/quizzes/<slug>/questions/<key>/move", methods=["POST"])
def question_move(slug: str, key: str) -> Response:
    """Move a question up or down; saved as a new version of the file."""
    quiz = quiz_or_404(slug)
    form = MoveForm()
    if not form.validate_on_submit():
        abort(400)
    parsed = current_file(quiz)
    keys = [q.key for q in parsed.questions]
    if key not in keys:
        abort(404)
    index = keys.index(key)
    other = index - 1 if form.direction.data == "up" else index + 1
    if 0 <= other < len(keys):
        questions = list(parsed.questions)
        questions[index], questions[other] = questions[other], questions[index]
        save_edited(quiz, replace(parsed, questions=tuple(questions)), current_user)
    return redirect(url_for("teacher.quiz_preview", slug=slug) + f"#q-{key}")


EXPORTS = {"gift": (export_gift, "text/plain", "gift.txt"),
           "xml": (export_moodle_xml, "application/xml", "moodle.xml")}


@bp.route("/quizzes/<slug>/export/<fmt>")
def quiz_export(slug: str, fmt: str) -> Response:
    """The quiz for a Moodle question bank, as GIFT or Moodle XML (warnings inside the file)."""
    quiz = quiz_or_404(slug)
    if fmt not in EXPORTS:
        abort(404)
    export, mimetype, suffix = EXPORTS[fmt]
    written = current_file(quiz)
    result = export(written, f"News Quiz/{quiz.slug}",
                    lambda message: translate_into(written.language, message))
    return Response(result.text.encode("utf-8"), mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{quiz.slug}.{suffix}"'})


@bp.route("/quizzes/<slug>/questions/<key>/confirm", methods=["POST"])
def question_confirm(slug: str, key: str) -> Response:
    """The teacher has checked the question: clear its Review note (a new version)."""
    quiz = quiz_or_404(slug)
    if not ButtonForm().validate_on_submit():
        abort(400)
    parsed = current_file(quiz)
    question = next((q for q in parsed.questions if q.key == key), None)
    if question is None:
        abort(404)
    if is_missing_explanation(question.explanation):  # (the file's own check says so)
        flash(_("Question %(key)s still needs its explanation: write it, then save the "
                "question (its check goes with it).", key=key), "error")
        return redirect(url_for("teacher.question_edit", slug=slug, key=key,
                                _anchor="explanation"))
    save_edited(quiz, replace(parsed, questions=tuple(
        replace(q, review=None) if q.key == key else q for q in parsed.questions)),
        current_user)
    flash(_("Question %(key)s checked.", key=key), "success")
    return redirect(url_for("teacher.quiz_preview", slug=slug) + f"#q-{key}")


@bp.route("/quizzes/<slug>/handout")
def quiz_handout(slug: str) -> str:
    """A printable handout: the article and the questions with empty boxes, no answers. The
    sheet is in the quiz's language when the interface has it (« Nom : », « Vrai ou faux ? »
    on a French quiz's sheet, whatever the teacher's interface); the page around it, its menus
    and its note on printing, in the teacher's."""
    quiz = quiz_or_404(slug)
    content = revision_content(quiz.revision.id)
    language = content.language if content.language in LANGUAGES else str(get_locale())
    with force_locale(language):
        sheet = render_template("teacher/_handout_sheet.html", revision=content,
                                questions=content.questions)  # outdated ones: asked no more
    return render_template("teacher/handout.html", quiz=quiz, revision=content,
                           sheet=Markup(sheet), sheet_language=language)


@bp.route("/quizzes/<slug>/download")
def quiz_download(slug: str) -> Response:
    """The current version's question file, exactly as it was imported."""
    quiz = quiz_or_404(slug)
    return Response(quiz.revision.source_text.encode("utf-8"),
                    mimetype="text/markdown",
                    headers={"Content-Disposition": f'attachment; filename="{quiz.slug}.md"'})
