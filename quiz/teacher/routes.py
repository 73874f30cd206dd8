"""The teacher's pages: classes, join codes, members, assignments."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.wrappers import Response
from wtforms.fields.choices import SelectChoice

from ..extensions import db
from ..lookups import assignment_or_404
from ..models import Assignment, Classroom, Membership, Quiz, QuizRevision
from ..services import analytics, classes
from ..services.content import revision_content
from .forms import AssignForm, ButtonForm, ClassForm

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
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return value.replace(tzinfo=zone).astimezone(dt.UTC)


def _checked_button() -> None:
    if not ButtonForm().validate_on_submit():
        abort(400)


@bp.route("/", methods=["GET", "POST"])
def index() -> str | Response:
    form = ClassForm()
    if form.validate_on_submit():
        classroom = classes.create_class(current_user, form.name.data, form.school_year.data)
        flash(_("Class %(name)s created. Give your students its join code: %(code)s",
                name=classroom.name, code=classroom.join_code), "success")
        return redirect(url_for("teacher.classroom", class_id=classroom.id))
    classrooms = classes.classes_of_teacher(current_user.id)
    return render_template("teacher/index.html", form=form, classrooms=classrooms,
                           members=classes.member_counts([room.id for room in classrooms]))


def _quiz_choices() -> list[SelectChoice]:
    rows = db.session.execute(
        sa.select(Quiz.id, QuizRevision.title)
        .join(QuizRevision, Quiz.current_revision_id == QuizRevision.id)
        .where(Quiz.status == "published").order_by(QuizRevision.title)).all()
    return [SelectChoice(str(quiz_id), title) for quiz_id, title in rows]


@bp.route("/classes/<int(max=2147483647):class_id>", methods=["GET", "POST"])
def classroom(class_id: int) -> str | Response:
    """The class page; POST assigns a quiz (or changes an assignment)."""
    room = own_class_or_404(class_id)
    form = AssignForm()
    form.quiz.choices = [SelectChoice("", _("Choose a quiz…")), *_quiz_choices()]
    if form.validate_on_submit():
        quiz = db.session.get(Quiz, int(form.quiz.data))
        if quiz is None or not quiz.is_published:
            abort(400, description=_("This quiz is not published."))
        try:
            classes.assign_quiz(room, quiz, _local_to_utc(form.opens_at.data),
                                _local_to_utc(form.due_at.data), form.counting.data,
                                form.max_attempts.data, review_score=form.review_score.data,
                                review_marks=form.review_marks.data,
                                review_answers=form.review_answers.data)
        except classes.ClassError as error:
            form.due_at.errors.append(_(error.message, **error.params))
        else:
            flash(_("Quiz assigned to %(name)s.", name=room.name), "success")
            return redirect(url_for("teacher.classroom", class_id=room.id))
    members = db.session.execute(
        sa.select(Membership).where(Membership.classroom_id == room.id)
        .options(sa.orm.joinedload(Membership.user))).scalars().all()
    members = sorted(members, key=lambda m: m.user.display_name.lower())
    assignments = db.session.scalars(
        sa.select(Assignment).where(Assignment.classroom_id == room.id)
        # Each quiz's title and language, not its article and question file.
        .options(sa.orm.joinedload(Assignment.quiz).joinedload(Quiz.current_revision)
                 .load_only(QuizRevision.title, QuizRevision.language))
        .order_by(Assignment.due_at.is_(None), Assignment.due_at, Assignment.id)).all()
    return render_template("teacher/classroom.html", room=room, members=members,
                           assignments=assignments, form=form, button=ButtonForm())


@bp.route("/classes/<int(max=2147483647):class_id>/code", methods=["POST"])
def regenerate_code(class_id: int) -> Response:
    room = own_class_or_404(class_id)
    _checked_button()
    classes.regenerate_join_code(room)
    flash(_("New join code: %(code)s. The old one no longer works.", code=room.join_code),
          "success")
    return redirect(url_for("teacher.classroom", class_id=room.id))


@bp.route("/classes/<int(max=2147483647):class_id>/joining", methods=["POST"])
def toggle_joining(class_id: int) -> Response:
    room = own_class_or_404(class_id)
    _checked_button()
    classes.set_join_open(room, not room.join_open)
    flash(_("Students can join with the code again.") if room.join_open
          else _("The class is closed: the join code no longer admits anyone."), "info")
    return redirect(url_for("teacher.classroom", class_id=room.id))


@bp.route("/classes/<int(max=2147483647):class_id>/quizzes/<slug>/insight")
def insight(class_id: int, slug: str) -> str:
    """What the class got wrong on one assigned quiz: per question and per paragraph."""
    room = own_class_or_404(class_id)
    assignment = assignment_or_404(room, slug)
    questions = analytics.question_insights(assignment)
    return render_template("teacher/insight.html", room=room, assignment=assignment,
                           revision=revision_content(assignment.quiz.revision.id),
                           questions=questions,
                           paragraphs=analytics.paragraph_insights(questions))


@bp.route("/classes/<int(max=2147483647):class_id>/students/<int(max=2147483647):user_id>")
def student(class_id: int, user_id: int) -> str:
    """One student's attempts on the class's quizzes, with a chart of scores over time."""
    room = own_class_or_404(class_id)
    member = _member_or_404(room, user_id)
    lines = analytics.student_progress(room, user_id)
    return render_template("teacher/student.html", room=room, member=member, lines=lines,
                           points=analytics.progress_points(lines))


@bp.route("/classes/<int(max=2147483647):class_id>/scores.csv")
def scores_csv(class_id: int) -> Response:
    """Every attempt on the class's quizzes; ?sep=semicolon for spreadsheets set to French."""
    room = own_class_or_404(class_id)
    separator = ";" if request.args.get("sep") == "semicolon" else ","
    body = analytics.scores_csv(room, separator)
    filename = f"scores-{room.id}-{dt.date.today().isoformat()}.csv"
    return Response(body.encode("utf-8"), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


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
    classes.set_hidden_from_board(room, user_id, not member.hidden_from_board)
    return redirect(url_for("teacher.classroom", class_id=room.id) + "#members")


@bp.route("/classes/<int(max=2147483647):class_id>/members/<int(max=2147483647):user_id>/remove",
          methods=["POST"])
def remove_member(class_id: int, user_id: int) -> Response:
    room = own_class_or_404(class_id)
    member = _member_or_404(room, user_id)
    _checked_button()
    name = member.user.display_name
    classes.remove_member(room, user_id)
    flash(_("%(name)s was removed from the class; their attempts are kept.", name=name), "info")
    return redirect(url_for("teacher.classroom", class_id=room.id) + "#members")


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
