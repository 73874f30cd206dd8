"""The teacher's pages: classes, join codes, members, assignments."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from flask import (
    Blueprint,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from ..articles import ascii_words
from ..auth.forms import NameForm
from ..extensions import db
from ..lookups import assignment_or_404, requested_page
from ..models import (
    Assignment,
    Classroom,
    Membership,
    Quiz,
    QuizRevision,
    Removal,
    User,
    utcnow,
)
from ..services import accounts, analytics, classes, gradebook, live, review
from ..services.catalogue import (
    CatalogueEntry,
    ListPage,
    existing_page,
    find_quizzes,
    page_of,
)
from ..services.content import answered_questions, revision_content
from ..services.leaderboard import done_counts, name_order
from ..templating import long_date, school_today, school_zone, when
from .forms import (
    LIVE_FORM_PREFIX,
    AssignForm,
    AssignmentRulesForm,
    ButtonForm,
    ClassForm,
    LiveStartForm,
    RenameClassForm,
    RosterForm,
)

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


@bp.before_request
@login_required
def require_teacher() -> None:
    """Every page here is for teachers; students get 403."""
    if not current_user.is_teacher:
        abort(403)


def own_class_or_404(class_id: int) -> Classroom:
    """The class if the current teacher owns it; 404 otherwise, so ids reveal nothing."""
    classroom = db.session.get(Classroom, class_id)
    if classroom is None or classroom.teacher_id != current_user.id:
        abort(404)
    return classroom


def _local_to_utc(value: dt.datetime | None) -> dt.datetime | None:
    """A date typed in the school's time zone, as a UTC moment."""
    if value is None:
        return None
    return value.replace(tzinfo=school_zone()).astimezone(dt.UTC)


# An assignment's rules: ``assign_quiz``'s arguments, the form's fields, the model's columns.
_RULE_DATES = ("opens_at", "due_at")
RULES = (*_RULE_DATES, "counting", "max_attempts", "review_score", "review_marks",
         "review_answers", "practice")


# A due time is typed to the minute and includes it: "due 23:59" takes work handed in at
# 23:59:30 (pages show times to the minute: such work showed "late" beside the same time).
_DUE_MINUTE = dt.timedelta(seconds=59, microseconds=999999)


def assignment_rules(form: AssignmentRulesForm,
                     kept: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """The form's rules as ``assign_quiz``'s arguments (the dates moved to UTC; the due date
    at the end of its minute).

    `kept`: the rules of the assignments the form changes. A date sent back as the form showed
    it keeps the moment they all store: typed again, the repeated hour of the autumn's clock
    change would become its first occurrence, and a due date stored before due times included
    their minute would move."""
    rules = {name: _local_to_utc(getattr(form, name).data) if name in _RULE_DATES
             else getattr(form, name).data for name in RULES}
    if rules["due_at"] is not None:
        rules["due_at"] += _DUE_MINUTE
    zone = school_zone()
    for name in _RULE_DATES:
        stored = {rule[name] for rule in kept}
        if len(stored) == 1 and None not in stored:
            (moment,) = stored
            if moment.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0, fold=0) \
                    == getattr(form, name).data:
                rules[name] = moment
    return rules


def rules_of(assignment: Assignment) -> dict[str, Any]:
    """An assignment's rules as ``assignment_rules`` reads them from the form."""
    return {name: getattr(assignment, name) for name in RULES}


def fill_assignment_rules(form: AssignmentRulesForm, assignment: Assignment) -> None:
    """The form showing an assignment's rules (the dates in the school's time zone): what
    saving it again keeps, so that changing one setting does not reset the others."""
    zone = school_zone()
    for name, value in rules_of(assignment).items():
        getattr(form, name).data = (
            value.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
            if name in _RULE_DATES and value is not None else value)


def assigned_message(names: list[str], changed: list[str], unchanged: list[str]) -> str:
    """What an assignment's save did: given to some classes, its rules changed in others,
    left as they were in the rest."""
    said = []
    if names:
        said.append(_("Assigned to %(names)s.", names=", ".join(names)))
    if changed:
        said.append(_("Its settings changed in %(names)s.", names=", ".join(changed)))
    if unchanged:
        said.append(_("Its settings in %(names)s were these already.",
                      names=", ".join(unchanged)))
    return " ".join(said)


def warn_if_past_due(due_at: dt.datetime | None) -> None:
    """An assignment due in the past is kept (a catch-up, or work done on paper), but never
    silently: it changes every attempt's mark."""
    if due_at is not None and due_at <= utcnow():
        flash(_("“Due on” is in the past (%(date)s): every attempt will be marked late and "
                "none will count on the leaderboard. Change its settings if that is a mistake.",
                date=when(due_at)), "error")


def warn_if_answers_held_longer_elsewhere(quiz_id: int, classroom_ids: list[int],
                                          rules: dict[str, Any]) -> None:
    """Said after saving: these classes will see the right answers before another class
    (any teacher's) stops keeping them from its students."""
    held = review.held_longer_elsewhere(quiz_id, classroom_ids, rules["review_answers"],
                                        rules["due_at"])
    if held is None:
        return
    if held.never or held.until is None:
        flash(_("Another class never shows this quiz's right answers to its students: yours "
                "will see them, and could pass them on."), "info")
    else:
        flash(_("Another class keeps this quiz's right answers from its students until "
                "%(date)s: yours will see them sooner, and could pass them on. To keep them "
                "from yours as long, show them after a due date on that day or later.",
                date=long_date(held.until.astimezone(school_zone()).date())), "info")


def warn_if_answers_were_shown(before: dict[str, dict[str, Any]],
                               rules: dict[str, Any]) -> None:
    """`before`: class name → its assignment's rules until now. A due date that had passed,
    moved later, hides again what the review options show after it — but students saw it:
    the teacher is told, for the classes concerned."""
    now = utcnow()
    shown = [name for name, was in before.items()
             if was["due_at"] is not None and was["due_at"] <= now
             and (rules["due_at"] is None or rules["due_at"] > now)
             and "after_due" in (was["review_marks"], was["review_answers"])
             and "after_due" in (rules["review_marks"], rules["review_answers"])]
    if shown:
        flash(_("The right answers were shown to %(names)s once the due date passed: hidden "
                "again until the new one, they may have been seen already, and passed on.",
                names=", ".join(shown)), "info")


def _checked_button() -> None:
    if not ButtonForm().validate_on_submit():
        abort(400)


@bp.route("/", methods=["GET", "POST"])
def index() -> str | Response | tuple[str, int]:
    form = ClassForm()
    if not form.is_submitted():  # filled in with the year under way: a teacher rarely needs another
        form.school_year.data = classes.school_year_of(school_today())
    if form.validate_on_submit():
        try:
            classroom = classes.create_class(current_user, form.name.data,
                                             form.school_year.data)
        except classes.ClassError as error:
            form.name.errors.append(_(error.message, **error.params))
        else:
            flash(_("Class %(name)s created. Give your students its join code: %(code)s",
                    name=classroom.name, code=classroom.join_code), "success")
            return redirect(url_for("teacher.class_students", class_id=classroom.id))
    classrooms = classes.classes_of_teacher(current_user.id)
    page = render_template("teacher/index.html", form=form, classrooms=classrooms,
                           members=classes.member_counts([room.id for room in classrooms]))
    return (page, 422) if form.errors else page


PICKER_SIZE = 30  # quizzes offered by a quiz picker before any search


def quiz_choices(find: str, chosen: sa.ColumnElement[bool] | None, *,
                 statuses: Sequence[str], value: Callable[[CatalogueEntry], str],
                 ) -> list[SelectChoice]:
    """A quiz picker's options: the quizzes last saved or published, or those whose title
    matches `find` (the search box beside it, ?find=), and the one already chosen (`chosen`: a
    condition on Quiz), so that a form shown again with an error keeps it. Not 1,500
    options."""
    entries = find_quizzes(text=find, statuses=statuses, limit=PICKER_SIZE, latest_changed=True)
    if chosen is not None:
        kept = {entry.id for entry in entries}
        entries += [entry for entry in find_quizzes(
                        statuses=statuses, within=sa.select(Quiz.id).where(chosen))
                    if entry.id not in kept]
    # Two quizzes of one article (a Moodle bank converted with it, a copy) share its title:
    # their addresses tell them apart.
    titles = Counter(entry.title for entry in entries)
    return [SelectChoice(value(entry), entry.title if titles[entry.title] == 1
                         else f"{entry.title} ({entry.slug})") for entry in entries]


def picker_search() -> str:
    """The text of a quiz picker's search box (?find=)."""
    return request.args.get("find", "", type=str).strip()[:100]


@bp.route("/classes/<int(max=2147483647):class_id>", methods=["GET", "POST"])
def classroom(class_id: int) -> str | Response | tuple[str, int]:
    """The class page; POST assigns a quiz (or changes an assignment)."""
    room = own_class_or_404(class_id)
    form = AssignForm()
    chosen_id = offer_quizzes(form)
    if form.validate_on_submit():
        quiz = None if chosen_id is None else db.session.get(Quiz, chosen_id)
        if quiz is None or not quiz.is_published:
            form.quiz.errors.append(_("This quiz is not published: choose another one."))
            return render_class_page(room, form), 422
        if room.id in classes.assigned_classes(current_user.id, quiz.id):
            # This form's rules are a new assignment's (defaults where nothing was typed):
            # saved, they would replace the due date, rule and limit set before, unseen.
            flash(_("“%(title)s” is assigned to %(name)s already: here are its settings. Change "
                    "what you want and save.", title=quiz.revision.title, name=room.name),
                  "info")
            wanted: dict[str, Any] = {"class": room.id}  # "class": a Python keyword
            return redirect(url_for("teacher.quiz_assign", slug=quiz.slug, **wanted))
        rules = assignment_rules(form)
        try:
            classes.assign_quiz(room, quiz, **rules)
        except classes.ClassError as error:
            form.due_at.errors.append(_(error.message, **error.params))
        else:
            flash(_("Quiz assigned to %(name)s.", name=room.name), "success")
            warn_if_past_due(rules["due_at"])
            warn_if_answers_held_longer_elsewhere(quiz.id, [room.id], rules)
            return redirect(url_for("teacher.classroom", class_id=room.id))
    page = render_class_page(room, form)
    return (page, 422) if form.errors else page


CLASS_PAGE_ASSIGNMENTS = 30  # assignments per page of the class page, newest first
CLASS_PAGE_MEMBERS = 60  # students per page, by name


def offer_quizzes(form: AssignForm | LiveStartForm) -> int | None:
    """Give the form's quiz picker its options (the newest published quizzes, or those found,
    and the one the form sent, kept when it comes back with an error); the id sent, if any."""
    chosen = form.quiz.data if form.is_submitted() and isinstance(form.quiz.data, str) else ""
    chosen_id = int(chosen) if chosen.isdigit() and len(chosen) < 10 else None
    form.quiz.choices = [
        SelectChoice("", _("Choose a quiz…")),
        *quiz_choices(picker_search(), None if chosen_id is None else Quiz.id == chosen_id,
                      statuses=["published"], value=lambda entry: str(entry.id))]
    return chosen_id


def class_tabs(room: Classroom) -> dict[str, Any]:
    """What every tab of a class's pages shows above its own part: the teacher's other classes
    of the same school year (one click from one to the next) and the counts the tabs give."""
    return {
        "room": room,
        "siblings": [other for other in classes.classes_of_teacher(room.teacher_id)
                     if other.school_year == room.school_year and other.id != room.id],
        "assigned_count": db.session.scalar(sa.select(sa.func.count(Assignment.id))
                                            .where(Assignment.classroom_id == room.id)) or 0,
        "member_count": classes.member_counts([room.id])[room.id],
    }


def render_class_page(room: Classroom, form: AssignForm) -> str:
    """The class's quizzes (its first tab): its assignments, newest first, in pages (a class
    given the news quiz every day stays one page), the form that assigns one, the boards and
    the gradebook."""
    tabs = class_tabs(room)
    page = existing_page(requested_page("assignments"), tabs["assigned_count"],
                         CLASS_PAGE_ASSIGNMENTS)
    assignments = db.session.scalars(
        sa.select(Assignment).where(Assignment.classroom_id == room.id)
        # Each quiz's title and language, not its article and question file.
        .options(sa.orm.joinedload(Assignment.quiz).joinedload(Quiz.current_revision)
                 .load_only(QuizRevision.title, QuizRevision.language))
        .order_by(Assignment.id.desc())
        .limit(CLASS_PAGE_ASSIGNMENTS).offset((page - 1) * CLASS_PAGE_ASSIGNMENTS)).all()
    return render_template("teacher/classroom.html", **tabs,
                           assignments=ListPage(assignments, page, CLASS_PAGE_ASSIGNMENTS,
                                                tabs["assigned_count"]),
                           done=done_counts(room.id, [a.id for a in assignments]),
                           form=form, button=ButtonForm(), separator=_language_separator())


@bp.route("/classes/<int(max=2147483647):class_id>/students")
def class_students(class_id: int) -> str:
    """The class's students (its second tab), by name, in pages (a class of 900 stays one
    page); the join code, the accounts to make, and those taken out of the class."""
    room = own_class_or_404(class_id)
    members = page_of(sorted(
        db.session.execute(
            sa.select(Membership.user_id, Membership.hidden_from_board, Membership.joined_at,
                      User.display_name, User.username)
            .join(User, User.id == Membership.user_id)
            .where(Membership.classroom_id == room.id)).all(),
        key=lambda m: (name_order(m.display_name), m.user_id)),
        requested_page("members"), CLASS_PAGE_MEMBERS)
    return render_template("teacher/class_students.html", **class_tabs(room), members=members,
                           button=ButtonForm(), removed=classes.removed_students(room),
                           deleted=classes.deleted_accounts(room.id))


def render_class_live(room: Classroom, live_form: LiveStartForm | None = None) -> str:
    """The class's live quizzes (its third tab): those played, and the form that starts one
    (`live_form`: sent back with its errors; else a new one)."""
    if live_form is None:
        live_form = LiveStartForm(prefix=LIVE_FORM_PREFIX, formdata=None)
        offer_quizzes(live_form)
    return render_template("teacher/class_live.html", **class_tabs(room), live_form=live_form,
                           live_sessions=live.sessions_of_class(room.id),
                           going_on=live.session_going_on(room.id))


@bp.route("/classes/<int(max=2147483647):class_id>/name", methods=["GET", "POST"])
def rename_class(class_id: int) -> str | Response | tuple[str, int]:
    """The class's name and school year, to correct (its code, students and work stay)."""
    room = own_class_or_404(class_id)
    # Sent, only what was typed (a field missing is missing, not the stored value).
    form = RenameClassForm(obj=None if request.method == "POST" else room)
    if form.validate_on_submit():
        try:
            classes.rename_class(room, form.name.data, form.school_year.data)
        except classes.ClassError as error:
            form.name.errors.append(_(error.message, **error.params))
        else:
            flash(_("The class is now %(name)s · %(year)s.", name=room.name,
                    year=room.school_year), "success")
            return redirect(url_for("teacher.classroom", class_id=room.id))
    page = render_template("teacher/class_name.html", room=room, form=form, button=ButtonForm(),
                           deletable=not classes.ever_had_students(room.id))
    return (page, 422) if form.errors else page


@bp.route("/classes/<int(max=2147483647):class_id>/delete", methods=["POST"])
def delete_class(class_id: int) -> Response:
    """Delete a class no student was ever in (its rename page offers it)."""
    room = own_class_or_404(class_id)
    _checked_button()
    name, year = room.name, room.school_year
    try:
        classes.delete_class(room)
    except classes.ClassError as error:
        flash(_(error.message, **error.params), "error")
        return redirect(url_for("teacher.rename_class", class_id=class_id))
    flash(_("The class %(name)s · %(year)s was deleted.", name=name, year=year), "success")
    return redirect(url_for("teacher.index"))


@bp.route("/classes/<int(max=2147483647):class_id>/code", methods=["POST"])
def regenerate_code(class_id: int) -> Response:
    room = own_class_or_404(class_id)
    _checked_button()
    classes.regenerate_join_code(room)
    flash(_("New join code: %(code)s. The old one no longer works.", code=room.join_code),
          "success")
    return redirect(url_for("teacher.class_students", class_id=room.id))


@bp.route("/classes/<int(max=2147483647):class_id>/joining", methods=["POST"])
def toggle_joining(class_id: int) -> Response:
    room = own_class_or_404(class_id)
    _checked_button()
    classes.set_join_open(room, not room.join_open)
    flash(_("Students can join with the code again.") if room.join_open
          else _("The class is closed: the join code no longer admits anyone."), "info")
    return redirect(url_for("teacher.class_students", class_id=room.id))


@bp.route("/classes/<int(max=2147483647):class_id>/quizzes/<slug>/insight")
def insight(class_id: int, slug: str) -> str:
    """What the class got wrong on one assigned quiz: per question and per paragraph."""
    room = own_class_or_404(class_id)
    assignment = assignment_or_404(room, slug)
    questions = analytics.question_insights(assignment)
    return render_template("teacher/insight.html", room=room, assignment=assignment,
                           revision=revision_content(assignment.quiz.revision.id),
                           questions=questions, late=analytics.late_attempt_count(assignment),
                           paragraphs=analytics.paragraph_insights(questions))


MISSED_PAGE = 60  # students per page of those who missed a question


@bp.route("/classes/<int(max=2147483647):class_id>/quizzes/<slug>/insight/<key>")
def insight_question(class_id: int, slug: str, key: str) -> str:
    """Who missed one question (the insight page's counted attempts), with the answer each
    chose: whom to go over it with."""
    room = own_class_or_404(class_id)
    assignment = assignment_or_404(room, slug)
    revision = revision_content(assignment.quiz.revision.id)
    position, question = next(((n, q) for n, q in enumerate(revision.all_questions, start=1)
                               if q.key == key), (0, None))
    if question is None:
        abort(404)
    missed = page_of(analytics.missed_by(assignment, key), requested_page(), MISSED_PAGE)
    return render_template("teacher/insight_question.html", room=room, assignment=assignment,
                           revision=revision, question=question, position=position,
                           missed=missed)


STUDENT_PAGE = 30  # attempts per page on a student's page, and dots on its chart


@bp.route("/classes/<int(max=2147483647):class_id>/students/new", methods=["GET", "POST"])
def new_students(class_id: int) -> str | tuple[str, int] | Response:
    """Accounts the teacher makes for students who cannot register themselves (no e-mail is
    ever needed, but a class of eleven-year-olds types faster from a slip): shown once, each
    with a temporary password replaced at the first login."""
    room = own_class_or_404(class_id)
    form = RosterForm()
    if form.validate_on_submit():
        try:
            made = classes.create_students(room, form.names.data)
        except classes.RosterError as error:
            # All or nothing: said first, so that a teacher does not look for the others.
            form.names.errors = [_("No account was created: correct or remove these lines, "
                                   "then send the list again.")] + [
                _("Line %(line)s: %(problem)s", line=line,
                  problem=_(message.text, **message.params))
                for line, message in error.problems]
        else:
            response = make_response(render_template("teacher/new_students.html", room=room,
                                                     form=None, made=made))
            response.headers["Cache-Control"] = "no-store"  # the passwords: never kept
            return response
    page = render_template("teacher/new_students.html", room=room, form=form, made=None)
    return (page, 422) if form.errors else page


@bp.route("/classes/<int(max=2147483647):class_id>/students/<int(max=2147483647):user_id>")
def student(class_id: int, user_id: int) -> tuple[str, int]:
    """One student's attempts on the class's quizzes, newest first in pages, with a chart of
    the last scores."""
    room = own_class_or_404(class_id)
    return student_page(room, _member_or_removed_or_404(room, user_id))


def _member_or_removed_or_404(room: Classroom, user_id: int) -> Membership | Removal:
    """A student of the class, or one taken out of it: what they did in it is still the
    teacher's to see (a term's report), with no account to manage from it."""
    member = classes.membership(room.id, user_id)
    if member is not None:
        return member
    removed = db.session.get(Removal, (room.id, user_id))
    if removed is None:
        abort(404)
    return removed


def student_page(room: Classroom, member: Membership | Removal,
                 name_form: NameForm | None = None) -> tuple[str, int]:
    """One student's page; for a student taken out of the class (a Removal), their attempts
    only: no account to manage from a class they are no longer in."""
    user_id = member.user_id
    total = analytics.student_attempt_count(room, user_id)
    page = existing_page(requested_page(), total, STUDENT_PAGE)
    lines = analytics.student_progress(room, user_id, newest=STUDENT_PAGE,
                                       skip=(page - 1) * STUDENT_PAGE)
    chart = lines if page == 1 else analytics.student_progress(room, user_id,
                                                                newest=STUDENT_PAGE)
    return render_template("teacher/student.html", room=room, member=member, lines=lines,
                           found=ListPage(lines, page, STUDENT_PAGE, total),
                           unsubmitted=analytics.unsubmitted_attempts(room, user_id),
                           counted=analytics.counted_attempt_ids(room, user_id),
                           points=analytics.progress_points(chart),
                           name_form=name_form or NameForm(
                               formdata=None, display_name=member.user.display_name),
                           button=ButtonForm(), removed=isinstance(member, Removal)), \
        422 if name_form else 200


@bp.route("/classes/<int(max=2147483647):class_id>/students/<int(max=2147483647):user_id>"
          "/attempts/<int(max=2147483647):attempt_id>")
def student_attempt(class_id: int, user_id: int, attempt_id: int) -> str:
    """One submitted attempt of a student of the class at a quiz assigned to the class, or
    stored by a live quiz of the class: every answer with its mark and the right answer,
    whatever the review options show the student. Any other attempt is 404, like another
    teacher's class."""
    room = own_class_or_404(class_id)
    member = _member_or_removed_or_404(room, user_id)
    found = analytics.class_attempt(room, user_id, attempt_id)
    if found is None:
        abort(404)
    attempt, assignment = found
    content = revision_content(attempt.revision_id)
    late = (assignment is not None and assignment.due_at is not None
            and attempt.submitted_at is not None
            and attempt.submitted_at > assignment.due_at)
    early = (assignment is not None and attempt.submitted_at is not None
             and attempt.submitted_at < assignment.counts_from)
    return render_template("teacher/attempt.html", room=room, member=member, attempt=attempt,
                           assignment=assignment, revision=content, late=late, early=early,
                           rows=answered_questions(attempt.id, content))


@bp.route("/classes/<int(max=2147483647):class_id>/members/<int(max=2147483647):user_id>/name",
          methods=["POST"])
def rename_member(class_id: int, user_id: int) -> Response | tuple[str, int]:
    """The teacher gives a student of the class another display name (the same rules as the
    student's own change: free in each of the student's classes)."""
    room = own_class_or_404(class_id)
    member = _student_member_or_404(room, user_id)
    form = NameForm()
    if form.validate_on_submit():
        try:
            accounts.rename(member.user, form.display_name.data)
        except accounts.AccountError as error:
            form.display_name.errors.append(_(error.message, **error.params))
        else:
            flash(_("The student's display name is now: %(name)s", name=member.user.display_name),
                  "success")
            return redirect(url_for("teacher.student", class_id=room.id, user_id=user_id))
    return student_page(room, member, form)


@bp.route("/classes/<int(max=2147483647):class_id>/members/<int(max=2147483647):user_id>/password",
          methods=["POST"])
def reset_member_password(class_id: int, user_id: int) -> str:
    """A temporary password for a student of the class who forgot theirs: shown once, here;
    the student chooses their own at the next login. Their sessions end."""
    room = own_class_or_404(class_id)
    member = _student_member_or_404(room, user_id)
    _checked_button()
    temporary = accounts.reset_password(member.user)
    return render_template("teacher/password_reset.html", room=room, member=member,
                           temporary=temporary)


@bp.route("/classes/<int(max=2147483647):class_id>/gradebook.csv")
def gradebook_csv(class_id: int) -> Response:
    """The gradebook: one row per student, one column per assignment (the counted score,
    empty when missing, late work marked). Separated as spreadsheets in the reader's language
    expect (";" in French), or ?sep=comma / ?sep=semicolon."""
    room = own_class_or_404(class_id)
    separator = _csv_separator()
    body = stream_with_context(
        piece.encode("utf-8")
        for piece in gradebook.gradebook_csv(room, _gradebook_labels(), separator))
    # The other separator's file is named apart: downloading both keeps two files.
    name = _("gradebook") if separator == _language_separator() else (
        _("gradebook with commas") if separator == "," else _("gradebook with semicolons"))
    return Response(body, mimetype="text/csv", headers=_attachment(name, room, "csv"))


@bp.route("/classes/<int(max=2147483647):class_id>/gradebook.xlsx")
def gradebook_xlsx(class_id: int) -> Response:
    """The gradebook as an Excel workbook (numbers as numbers, the header row frozen)."""
    room = own_class_or_404(class_id)
    return Response(
        gradebook.gradebook_xlsx(room, _gradebook_labels()),
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers=_attachment(_("gradebook"), room, "xlsx"))


@bp.route("/classes/<int(max=2147483647):class_id>/scores.csv")
def scores_csv(class_id: int) -> Response:
    """Every attempt on the class's quizzes, one row each (the gradebook's details)."""
    room = own_class_or_404(class_id)
    labels = analytics.AttemptLabels(
        (_("Student"), _("Username"), _("Quiz"), _("Title"), _("Started"), _("Submitted"),
         _("Score"), _("Out of"), _("Counted"), _("Late"), _("Live quiz"), _("Regraded")),
        yes=_("yes"), no=_("no"))
    zone = school_zone()
    # Sent as it is read (stream_with_context keeps the request's database session open).
    body = stream_with_context(
        piece.encode("utf-8")
        for piece in analytics.scores_csv(room, labels, zone, _csv_separator()))
    return Response(body, mimetype="text/csv",
                    headers=_attachment(_("attempts"), room, "csv"))


def _csv_separator() -> str:
    """What a spreadsheet in the reader's language splits on: ";" in French (where "," is
    the decimal mark), "," in English; ?sep=comma or ?sep=semicolon chooses."""
    wanted = request.args.get("sep")
    if wanted in ("comma", "semicolon"):
        return "," if wanted == "comma" else ";"
    return _language_separator()


def _language_separator() -> str:
    return ";" if get_locale().language == "fr" else ","


def _attachment(name: str, room: Classroom, extension: str) -> dict[str, str]:
    """A download's Content-Disposition: the file name in the reader's language, after the
    class (e.g. carnet-de-notes-4e-b-2026-12-02.csv; its id when its name has no letter or
    digit in ASCII), kept to ASCII letters, digits and dashes so that no browser mangles it."""
    today = school_today()
    return {"Content-Disposition":
            f'attachment; filename="{ascii_words(name, 40)}-'
            f'{ascii_words(room.name, 40) or room.id}-{today.isoformat()}.{extension}"'}


def _gradebook_labels() -> gradebook.GradebookLabels:
    """The gradebook's words in the reader's language, dates in the school's time zone."""

    def column(c: gradebook.GradebookColumn) -> str:
        if c.due_at is None:
            return _("%(title)s (/%(points)s)", title=c.title, points=c.points)
        return _("%(title)s (/%(points)s, due %(due)s)", title=c.title, points=c.points,
                 due=when(c.due_at))

    return gradebook.GradebookLabels(
        student=_("Student"), username=_("Username"), column=column,
        late=lambda score: _("late: %(score)s", score=score), sheet=_("Gradebook"))


def _student_member_or_404(room: Classroom, user_id: int) -> Membership:
    """A member of the class who is a student: a teacher's account (a teacher who joined as a
    member) is never renamed or reset by another teacher."""
    member = _member_or_404(room, user_id)
    if member.user.is_teacher:
        abort(404)
    return member


def _member_or_404(room: Classroom, user_id: int) -> Membership:
    member = classes.membership(room.id, user_id)
    if member is None:
        abort(404)
    return member


@bp.route("/classes/<int(max=2147483647):class_id>/members/<int(max=2147483647):user_id>/hide",
          methods=["POST"])
def toggle_hidden(class_id: int, user_id: int) -> Response:
    room = own_class_or_404(class_id)
    member = _member_or_404(room, user_id)
    _checked_button()
    hidden = not member.hidden_from_board
    classes.set_hidden_from_board(room, user_id, hidden)
    flash(_("%(name)s is hidden from the class's boards; their scores are kept.",
            name=member.user.display_name) if hidden
          else _("%(name)s is shown on the class's boards again.",
                 name=member.user.display_name), "info")
    return redirect(url_for("teacher.class_students", class_id=room.id, _anchor="members"))


@bp.route("/classes/<int(max=2147483647):class_id>/members/<int(max=2147483647):user_id>/remove",
          methods=["POST"])
def remove_member(class_id: int, user_id: int) -> Response:
    room = own_class_or_404(class_id)
    member = _member_or_404(room, user_id)
    _checked_button()
    name = member.user.display_name
    classes.remove_member(room, user_id)
    flash(_("%(name)s was removed from the class; their attempts are kept. They cannot join "
            "again with the join code until you put them back in it.", name=name), "info")
    return redirect(url_for("teacher.class_students", class_id=room.id, _anchor="members"))


@bp.route("/classes/<int(max=2147483647):class_id>/removals/<int(max=2147483647):user_id>",
          methods=["POST"])
def put_back(class_id: int, user_id: int) -> Response:
    """Put a student taken out of the class back in it (a member already: a second tap, said
    the same; anyone else: 404, nothing to undo and nothing to reveal)."""
    room = own_class_or_404(class_id)
    name = _member_or_removed_or_404(room, user_id).user.display_name
    _checked_button()
    try:
        classes.put_back(room, user_id)
    except classes.ClassError as error:
        flash(_(error.message, **error.params), "error")
    else:
        flash(_("%(name)s is back in the class.", name=name), "success")
    return redirect(url_for("teacher.class_students", class_id=room.id, _anchor="members"))


@bp.route("/classes/<int(max=2147483647):class_id>/assignments/"
          "<int(max=2147483647):assignment_id>/remove", methods=["POST"])
def unassign(class_id: int, assignment_id: int) -> Response:
    room = own_class_or_404(class_id)
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.classroom_id != room.id:
        abort(404)
    _checked_button()
    classes.unassign_quiz(room, assignment_id)
    flash(_("The quiz is no longer assigned; attempts are kept."), "info")
    return redirect(url_for("teacher.classroom", class_id=room.id))
