"""The student's pages: the quiz list, taking a quiz, results with passages, history."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import NoReturn
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.wrappers import Response

from ..extensions import db, login_manager
from ..forms import LOGGED_OUT
from ..lookups import requested_page
from ..models import Answer, Attempt, Quiz, QuizRevision, utcnow
from ..quiz_page import ALL_SAVED, build_answer_form, render_quiz_page
from ..ratelimit import codes_tried_per_address, join_account_key, limiter
from ..services import live
from ..services.accounts import AccountError, rename
from ..services.analytics import progress_points
from ..services.attempts import (
    AnswerAlreadyGiven,
    AttemptAlreadySubmitted,
    AttemptLimitReached,
    AttemptMoved,
    InvalidChoice,
    QuizNotAvailable,
    QuizNotOpenYet,
    SaveOrder,
    attempt_limits,
    practice_quiz_ids,
    save_answers,
    saved_answers,
    start_attempt,
    submit_attempt,
)
from ..services.catalogue import CatalogueEntry, find_quizzes, quiz_page
from ..services.classes import (
    ClassError,
    assigned_quiz_ids,
    assignment_count,
    assignments_for_student,
    classes_of_student,
    join_class,
    last_due_date,
    lateness,
)
from ..services.content import (
    QuestionContent,
    RevisionContent,
    answered_questions,
    revision_content,
)
from ..services.grading import IncompleteAttempt
from ..services.importer import SLUG
from ..services.leaderboard import (
    counted_for,
    counted_instead,
    first_attempt_counts,
    first_counts_in,
)
from ..services.progress import (
    attempts_at,
    class_averages,
    history_page,
    previous_attempt,
    quiz_summaries,
    recent_attempts,
    recent_scores,
    score_band,
    score_percent,
    student_week_streak,
    unfinished_attempts,
)
from ..services.review import EVERYTHING, ReviewRule, review_rule, review_rules
from ..services.visibility import Access, access, seen_quizzes
from ..templating import school_zone, when
from .forms import CatalogueSearchForm, JoinForm, PracticeAnswerForm, StartForm

bp = Blueprint("student", __name__)


# The Flask session's key of a live quiz guest's token (quiz/student/live_routes.py), and
# the pages a guest may open: the guest's join form (anyone), and with a token the phone's
# page and state, which let in only a guest who joined that session.
GUEST_TOKEN = "live_guest"
_GUEST_PAGES = {"student.live_phone", "student.live_state"}


@bp.before_request
def require_login() -> Response | None:
    """Every page of this blueprint is for logged-in users, but a live quiz's guest's. A page's
    script (autosave) gets a 401 it can show rather than the login page it would take for a
    success."""
    if current_user.is_authenticated or request.endpoint == "student.live_guest":
        return None
    if request.endpoint in _GUEST_PAGES and session.get(GUEST_TOKEN):
        return None
    if request.accept_mimetypes.best == "application/json":
        abort(401, description=str(LOGGED_OUT))
    if request.endpoint == "student.index":  # the front door: the login page, no reproach
        return redirect(url_for("auth.login"))
    return to_login()


def to_login() -> Response:
    """The login form, then back to where the student was: a page's own address, or for a
    form sent (an address that takes only forms: 405 once back) the page it was sent from
    (auth.login checks the address it is given)."""
    if request.method == "GET":
        return login_manager.unauthorized()
    came_from = urlsplit(request.referrer or "")
    flash(str(login_manager.login_message), login_manager.login_message_category)
    if came_from.netloc != request.host or not came_from.path:
        return redirect(url_for("auth.login"))
    return redirect(url_for("auth.login", next=came_from.path
                            + (f"?{came_from.query}" if came_from.query else "")))


def needs_login(endpoint: str | None) -> bool:
    """True for the pages of this blueprint that only a logged-in student reaches (not the
    live quiz's guest pages)."""
    return (endpoint or "").startswith("student.") and endpoint not in {
        *_GUEST_PAGES, "student.live_guest"}


def _seen_quiz_or_404(slug: str) -> tuple[Quiz, Access]:
    """The published quiz and what the user may do with it; 404 when it is not shown to them,
    as for a quiz that does not exist (quiz/services/visibility.py)."""
    if not SLUG.match(slug):
        abort(404)
    quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == slug))
    if quiz is None or quiz.current_revision is None:
        abort(404)
    allowed = access(current_user, quiz)
    if not allowed.seen:
        abort(404)
    return quiz, allowed


def _submitted_with_answers_shown(attempt_id: int) -> Attempt:
    """The user's submitted attempt whose right answers and passages the review options show
    now (404 for another's or one in progress, 403 with the date when not shown yet)."""
    attempt = _own_attempt_or_404(attempt_id)
    if not attempt.is_submitted:
        abort(404)
    shown = review_rule(attempt.user_id, attempt.quiz_id).answers
    if not shown.now:
        abort(403, description=_(
            "The passages and right answers of this quiz are shown after %(date)s.",
            date=when(shown.from_)) if shown.from_ else _(
            "The passages and right answers of this quiz are kept from students while a class "
            "has it to do.") if shown.for_classes else _(
            "Your teacher does not show the passages and right answers of this quiz."))
    return attempt


def _own_attempt_or_404(attempt_id: int) -> Attempt:
    """The attempt if it is the current user's; 404 otherwise, so ids reveal nothing. Said
    the same whether it is another's or none: a phone shared by two students, one logged in
    over the other's open quiz, read « Page not found » as its answers failed to save."""
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.user_id != current_user.id:
        _not_yours()
    return attempt


def _not_yours() -> NoReturn:
    abort(404, description=_(
        "No quiz of yours is at this address (this device is logged in as %(name)s): if the "
        "quiz is another account's, log in as that account to go on.",
        name=current_user.display_name))


HOME_LIST = 8  # assigned quizzes, then other quizzes, on the home page
CATALOGUE_PAGE = 20


@bp.route("/")
def index() -> str:
    """What to do now: quizzes to finish, the assigned ones (still to do first), the newest
    others, the progress chart. Everything else is one search away (catalogue)."""
    user_id = current_user.id
    assigned_rows = assignments_for_student(user_id, limit=HOME_LIST)
    assigned_total = (len(assigned_rows) if len(assigned_rows) < HOME_LIST
                      else assignment_count(user_id))
    newest = find_quizzes(without=assigned_quiz_ids(user_id), seen_by=user_id, limit=HOME_LIST)
    # One summary of both lists (their attempts and question counts read together).
    summaries = quiz_summaries(user_id, [*newest, *(_entry(a.quiz) for a in assigned_rows)])
    others = summaries[:len(newest)]
    summary = {q.id: q for q in summaries[len(newest):]}
    unfinished = unfinished_attempts(user_id)
    recent = recent_attempts(user_id, 40)
    shown = [*others, *summary.values()]
    review = review_rules(user_id, {q.id for q in shown} | {a.quiz_id for a in recent}
                          | {a.quiz_id for a in unfinished})
    school = school_zone()
    return render_template("student/index.html", quizzes=others,
                           assigned=[(a, summary[a.quiz_id]) for a in assigned_rows],
                           assigned_total=assigned_total,
                           counted=counted_for(user_id, [a.id for a in assigned_rows]),
                           unfinished=unfinished,
                           limits=attempt_limits(user_id, [q.id for q in shown]),
                           classrooms=classes_of_student(user_id), now=utcnow(),
                           live_now=live.sessions_for_student(user_id),
                           start_form=StartForm(), review=review,
                           practice=practice_quiz_ids(user_id),
                           points=progress_points(recent_scores(
                               [a for a in recent if review[a.quiz_id].score.now])),
                           streak=student_week_streak(user_id, dt.datetime.now(school).date(),
                                                      school))


def _entry(quiz: Quiz) -> CatalogueEntry:
    revision = quiz.revision
    return CatalogueEntry(quiz.id, quiz.slug, quiz.status, revision.title, revision.language,
                          revision.published_on, revision.number, quiz.visibility,
                          quiz.question_count)


@bp.route("/quizzes")
def catalogue() -> str:
    """Every published quiz the student sees, newest article first, with a search and
    filters."""
    form = CatalogueSearchForm(request.args)
    found = quiz_page(requested_page(), CATALOGUE_PAGE, text=form.q.data or "",
                      language=form.lang.data or None,
                      within=assigned_quiz_ids(current_user.id) if form.assigned.data else None,
                      seen_by=current_user.id)
    quizzes = quiz_summaries(current_user.id, found.items)
    return render_template("student/catalogue.html", form=form, found=found, quizzes=quizzes,
                           limits=attempt_limits(current_user.id, [q.id for q in quizzes]),
                           start_form=StartForm(),
                           practice=practice_quiz_ids(current_user.id),
                           review=review_rules(current_user.id, [q.id for q in quizzes]))


@bp.route("/classes/join", methods=["GET", "POST"])
# Both limits count every POST: a code of 6 characters among 30 cannot be guessed at 20 tries
# an hour per account, and a school's shared address still lets a class join together.
@limiter.limit(lambda: current_app.config["JOIN_LIMIT_PER_ACCOUNT"], methods=["POST"],
               key_func=lambda: join_account_key(current_user.id))
@codes_tried_per_address()
def join() -> str | Response:
    form = JoinForm()
    ask_name = bool(form.display_name.data)  # asked once the name was found taken
    if form.validate_on_submit():
        try:
            if form.display_name.data and form.display_name.data != current_user.display_name:
                rename(current_user, form.display_name.data)
            room = join_class(current_user, form.code.data)
        except AccountError as error:
            form.display_name.errors.append(_(error.message, **error.params))
        except ClassError as error:
            if error.already_in:  # nothing to correct: said, and on to the quizzes
                flash(_(error.message, **error.params), "info")
                return redirect(url_for("student.index"))
            (form.display_name if error.name_taken else form.code).errors.append(
                _(error.message, **error.params))
            ask_name = ask_name or error.name_taken
        else:
            flash(_("You joined the class %(name)s.", name=room.name), "success")
            return redirect(url_for("student.index"))
    return render_template("student/join.html", form=form, ask_name=ask_name)


@bp.route("/quizzes/<slug>")
def quiz_overview(slug: str) -> str:
    """The quiz's title, its article's source, the student's attempts and Start; for an
    assignment not open yet, when it opens and nothing more."""
    quiz, allowed = _seen_quiz_or_404(slug)
    content = revision_content(quiz.revision.id)
    if allowed.opens_at is not None:
        return render_template("student/quiz.html", quiz=quiz, revision=content,
                               opens_at=allowed.opens_at)
    attempts = attempts_at(current_user.id, [quiz.id])
    return render_template("student/quiz.html", quiz=quiz, revision=content, opens_at=None,
                           questions=len(content.questions),  # asked ones: not the outdated
                           attempts=attempts,
                           in_progress=any(not a.is_submitted for a in attempts),
                           limit=attempt_limits(current_user.id, [quiz.id]).get(quiz.id),
                           due=last_due_date(current_user.id, quiz.id), now=utcnow(),
                           practice_only=bool(practice_quiz_ids(current_user.id, quiz.id)),
                           review=review_rule(current_user.id, quiz.id),
                           first_counts=first_counts_in(current_user.id, quiz.id),
                           start_form=StartForm())


@bp.route("/quizzes/<slug>/start", methods=["POST"])
def start(slug: str) -> Response:
    quiz, _allowed = _seen_quiz_or_404(slug)
    if not StartForm().validate_on_submit():
        abort(400)
    try:
        attempt = start_attempt(current_user, quiz,
                                practice=request.form.get("mode") == "practice")
    except QuizNotAvailable:
        abort(404)
    except QuizNotOpenYet as error:
        flash(_("This quiz opens %(date)s.", date=when(error.opens_at)), "error")
        return redirect(url_for("student.quiz_overview", slug=slug))
    except AttemptLimitReached as error:
        flash(ngettext("You have made the only attempt your teacher allows at this quiz: your "
                       "results stay in your history.",
                       "You have made the %(num)s attempts your teacher allows at this quiz: "
                       "your results stay in your history.", error.limit), "error")
        return redirect(url_for("student.quiz_overview", slug=slug))
    return redirect(url_for("student.attempt", attempt_id=attempt.id))


# Core (table columns): the ORM's execution path costs more than this query.
_attempt, _revision = Attempt.__table__, QuizRevision.__table__
_ATTEMPT_STATE = (
    sa.select(_attempt.c.user_id, _attempt.c.status, _attempt.c.revision_id,
              _attempt.c.practice, _attempt.c.quiz_id, _revision.c.created_at)
    .join(_revision, _revision.c.id == _attempt.c.revision_id)
    .where(_attempt.c.id == sa.bindparam("attempt_id")))


@bp.route("/attempts/<int(max=2147483647):attempt_id>", methods=["GET", "POST"])
def attempt(attempt_id: int) -> str | Response | tuple[str, int]:
    """In progress: the article and the questions (POST grades them). Submitted: the results.

    The revision's content comes from the per-process cache (revisions never change), and so
    do the quiz page's article and questions (quiz/quiz_page.py: the same for every student;
    the answer key is never in them; grading is done here, on the server).
    """
    if request.method == "GET":  # the quiz page: three columns are enough
        row = db.session.execute(_ATTEMPT_STATE, {"attempt_id": attempt_id}).first()
        if row is None or row.user_id != current_user.id:
            _not_yours()
        if row.status == "in_progress" and row.practice:
            return _practice_page(attempt_id, row.quiz_id,
                                  revision_content(row.revision_id, row.created_at))
        if row.status == "in_progress":
            return render_quiz_page(revision_content(row.revision_id, row.created_at),
                                    attempt_id=attempt_id, saved=saved_answers(attempt_id),
                                    due=last_due_date(current_user.id, row.quiz_id))
    attempt = _own_attempt_or_404(attempt_id)
    content = revision_content(attempt.revision_id)
    if attempt.is_submitted:
        if request.method == "POST":
            flash(_("This attempt was already submitted: here is its result. "
                    "Start the quiz again to make a new attempt."), "info")
            return redirect(url_for("student.attempt", attempt_id=attempt_id))
        if attempt.practice and request.args.get("after") is not None:
            return _last_practice_feedback(attempt, content, request.args["after"])
        return _results(attempt, content)
    if attempt.practice:  # answered one question at a time (practice_answer), not as a whole
        abort(400, description=_("This attempt is answered one question at a time: reload "
                                 "the page."))
    form = build_answer_form(content, saved_answers(attempt.id) if request.method == "POST"
                             else None)
    if form.validate_on_submit():
        try:
            submit_attempt(attempt, form.chosen())
        except AttemptAlreadySubmitted:
            flash(_("This attempt was already submitted: here is its result."), "info")
        except IncompleteAttempt:  # the form checks this first; kept for safety
            abort(400)
        return redirect(url_for("student.attempt", attempt_id=attempt_id))
    if form.tampered_positions:
        abort(400, description=_(
            "Question %(number)s: the answer sent is not one of its choices. Reload the quiz "
            "page and choose again.", number=form.tampered_positions[0]))
    if form.is_submitted() and not form.csrf_token.errors:
        try:  # what was chosen is kept, as if saved on the way
            save_answers(attempt, form.chosen())
        except AttemptAlreadySubmitted:  # meanwhile, in another tab: show its result
            flash(_("This attempt was already submitted: here is its result."), "info")
            return redirect(url_for("student.attempt", attempt_id=attempt_id))
        except AttemptMoved:
            pass  # the quiz was edited: the page shown next has its current questions
        # Said once, by the summary at the top of the questions (focused, with a link to
        # each question): no flash besides it.
        return render_quiz_page(content, form=form, attempt_id=attempt_id), 422
    return render_quiz_page(content, form=form, attempt_id=attempt_id)


def _practice_page(attempt_id: int, quiz_id: int, content: RevisionContent) -> str | Response:
    """Practice mode: the next question not answered yet; or, with ?after=KEY, the feedback on
    that question once answered — right or wrong, the right answer, the explanation and the
    passage highlighted in its paragraph, as far as the review options show them."""
    saved = saved_answers(attempt_id)
    questions = content.questions
    total = len(questions)
    answered_key = request.args.get("after")
    if answered_key is not None:
        return _feedback_page(content, attempt_id, quiz_id, answered_key, saved)
    to_answer = next(((n, q) for n, q in enumerate(questions, start=1) if q.id not in saved),
                     None)
    if to_answer is None:  # every answer given, not submitted yet (a failure on the way)
        return _finish_practice(attempt_id, questions[-1].key if questions else "")
    position, question = to_answer
    form = PracticeAnswerForm(question=str(question.id))
    form.choice.choices = [(str(c.id), c.text) for c in question.choices]
    return render_template("student/practice.html", revision=content, question=question,
                           position=position, total=total, attempt_id=attempt_id,
                           feedback=None, answered=len(saved), form=form)


def _feedback(content: RevisionContent, question: QuestionContent, choice_id: int,
              review: ReviewRule) -> dict[str, object]:
    """What the practice page says of an answer (`choice_id` to `question`), as far as
    `review` shows it: right or wrong, the choice, the right one, the explanation and the
    passage's paragraph."""
    chosen = next((c for c in question.choices if c.id == choice_id), None)
    right = next(c for c in question.choices if c.is_correct)
    return {
        "is_correct": (chosen is not None and chosen.is_correct) if review.marks.now else None,
        "chosen": chosen,
        "correct": right if review.answers.now else None,
        "explanation": question.explanation if review.answers.now else None,
        "block": content.article[question.passage_block]["text"]
        if review.answers.now else None,
        "held_for_classes": review.answers.for_classes,
    }


@bp.post("/attempts/<int(max=2147483647):attempt_id>/practice")
def practice_answer(attempt_id: int) -> Response | tuple[str, int]:
    """Practice mode: store and grade one answer, then show its feedback (after the last
    question, the attempt graded first). An answer given already stays as it was."""
    attempt = _own_attempt_or_404(attempt_id)
    content = revision_content(attempt.revision_id)
    if attempt.is_submitted:
        sent = next((q for q in content.questions if str(q.id) == request.form.get("question")),
                    None) if attempt.practice else None
        if sent is not None:  # the last answer sent twice (a double tap): its feedback
            return redirect(url_for("student.attempt", attempt_id=attempt_id, after=sent.key,
                                    _anchor="practice-question"))
        flash(_("This attempt was already submitted: here is its result."), "info")
        return redirect(url_for("student.attempt", attempt_id=attempt_id))
    if not attempt.practice:
        abort(404)
    question, form = _posted_answer(
        content.questions, _("This question is not one of this quiz's: reload the page."))
    if form.errors:  # no choice made: the question again, the error beside its choices
        saved = saved_answers(attempt_id)
        if question.id in saved:  # answered meanwhile (another tab): its feedback
            return redirect(url_for("student.attempt", attempt_id=attempt_id,
                                    after=question.key, _anchor="practice-question"))
        position = next(n for n, q in enumerate(content.questions, start=1) if q is question)
        return render_template(
            "student/practice.html", revision=content, question=question, position=position,
            total=len(content.questions), attempt_id=attempt_id, feedback=None,
            answered=len(saved), form=form), 422
    try:
        save_answers(attempt, {question.id: int(form.choice.data)}, once=True)
    except AnswerAlreadyGiven:
        flash(_("You answered this question already: here is its explanation."), "info")
    except InvalidChoice:
        abort(400, description=_("The answer sent is not one of this question's choices: "
                                 "reload the page and choose again."))
    except AttemptMoved:
        flash(_("The teacher changed this quiz since the page was opened: here are its "
                "current questions."), "info")
        return redirect(url_for("student.attempt", attempt_id=attempt_id))
    except AttemptAlreadySubmitted:
        return redirect(url_for("student.attempt", attempt_id=attempt_id))
    if len(saved_answers(attempt_id)) >= len(content.questions):
        return _finish_practice(attempt_id, question.key)
    return redirect(url_for("student.attempt", attempt_id=attempt_id, after=question.key,
                            _anchor="practice-question"))


@bp.route("/attempts/<int(max=2147483647):attempt_id>/retry", methods=["GET", "POST"])
def retry(attempt_id: int) -> str | Response | tuple[str, int]:
    """"Retry the questions I missed": the wrong answers of a submitted attempt asked again one
    at a time (?q=KEY), each checked and explained on the server, then forgotten — a practice
    round that is stored nowhere and counts nowhere. Offered only where the attempt's right
    answers are shown (the round shows them)."""
    # The round shows the right answers: not before the teacher does.
    attempt = _submitted_with_answers_shown(attempt_id)
    content = revision_content(attempt.revision_id)
    missed_ids = set(db.session.scalars(sa.select(Answer.question_id).where(
        Answer.attempt_id == attempt_id, Answer.is_correct.is_(False))))
    missed = [q for q in content.all_questions if q.id in missed_ids]
    if not missed:
        abort(404)
    keys = [q.key for q in missed]
    if request.method == "POST":
        question, form = _posted_answer(
            missed, _("This question is not one of those you missed: reload the page."))
        position = keys.index(question.key) + 1
        if form.errors:  # no choice made: the question again, the error beside its choices
            return render_template(
                "student/practice.html", revision=content, question=question,
                position=position, total=len(missed), attempt_id=attempt_id, feedback=None,
                answered=position - 1, form=form, retry=True, next_key=None), 422
        feedback = _feedback(content, question, int(form.choice.data), EVERYTHING)
        return render_template("student/practice.html", revision=content, question=question,
                               position=position, total=len(missed), attempt_id=attempt_id,
                               feedback=feedback, answered=position, form=None, retry=True,
                               next_key=keys[position] if position < len(keys) else None)
    wanted = request.args.get("q", keys[0])
    if wanted not in keys:
        abort(404)
    position = keys.index(wanted) + 1
    question = missed[position - 1]
    form = PracticeAnswerForm(question=str(question.id))
    form.choice.choices = [(str(c.id), c.text) for c in question.choices]
    return render_template("student/practice.html", revision=content, question=question,
                           position=position, total=len(missed), attempt_id=attempt_id,
                           feedback=None, answered=position - 1, form=form, retry=True,
                           next_key=None)


def _posted_answer(questions: Sequence[QuestionContent], not_offered: str
                   ) -> tuple[QuestionContent, PracticeAnswerForm]:
    """The question among `questions` of a one-question answer form (practice, retry round),
    and the form, validated: no choice made leaves its error on the form, for the page again
    (the error beside the choices). A question or a choice that the page did not offer is a
    tampered request: 400."""
    form = PracticeAnswerForm()
    question = next((q for q in questions if str(q.id) == form.question.data), None)
    if question is None:
        abort(400, description=not_offered)
    form.choice.choices = [(str(c.id), c.text) for c in question.choices]
    if not form.validate_on_submit() and form.choice.data:  # not one of its choices
        abort(400, description=_("The answer sent is not one of this question's choices: "
                                 "reload the page and choose again."))
    return question, form


def _finish_practice(attempt_id: int, last_key: str) -> Response:
    """Every question answered: grade the attempt (once) and show the last answer's feedback
    as every other's, then « See my results » (which open at the score)."""
    attempt = _own_attempt_or_404(attempt_id)
    try:
        submit_attempt(attempt, saved_answers(attempt_id))
    except AttemptAlreadySubmitted:
        pass
    return redirect(url_for("student.attempt", attempt_id=attempt_id, after=last_key,
                            _anchor="practice-question"))


def _last_practice_feedback(attempt: Attempt, content: RevisionContent, key: str) -> str:
    """A submitted practice attempt's feedback on one question (?after=KEY): where its last
    answer, graded with the attempt, is explained as every other was, with « See my
    results » in place of « Next question »."""
    graded = {question_id: choice_id for question_id, choice_id in db.session.execute(
        sa.select(Answer.question_id, Answer.choice_id).where(Answer.attempt_id == attempt.id))
        if choice_id is not None}
    return _feedback_page(content, attempt.id, attempt.quiz_id, key, graded, finished=True)


def _feedback_page(content: RevisionContent, attempt_id: int, quiz_id: int, key: str,
                   answers: Mapping[int, int], *, finished: bool = False) -> str:
    """Practice mode's page of one answered question (`key`; `answers`: question id →
    choice id, saved or graded): right or wrong, the right answer, the explanation and the
    passage in its paragraph, as far as the review options show them; 404 for a question
    the attempt does not ask or has no answer to."""
    found = next(((n, q) for n, q in enumerate(content.questions, start=1)
                  if q.key == key and q.id in answers), None)
    if found is None:
        abort(404)
    position, question = found
    return render_template(
        "student/practice.html", revision=content, question=question, position=position,
        total=len(content.questions), attempt_id=attempt_id, answered=len(answers), form=None,
        finished=finished,
        feedback=_feedback(content, question, answers[question.id],
                           review_rule(current_user.id, quiz_id)))


_QUESTION_FIELD = re.compile(r"q[0-9]+")
_CHOICE_ID = re.compile(r"[0-9]{1,10}")  # ASCII digits only (str.isdigit() takes "²")
# The quiz page's script names itself and numbers its changes (attempts.SaveOrder).
_SAVING_PAGE = re.compile(r"[0-9a-f]{8,64}")
_CHANGE_NUMBER = re.compile(r"[0-9]{1,9}")


@bp.post("/attempts/<int(max=2147483647):attempt_id>/answers")
def save(attempt_id: int) -> Response | tuple[Response, int]:
    """Store the answers chosen so far (the quiz page's autosave, and its "Save for later"
    button without JavaScript). Answers a script in JSON, a page with a redirect. (The CSRF
    token is checked before, by CSRFProtect, for every POST.)"""
    attempt = _own_attempt_or_404(attempt_id)
    as_json = request.accept_mimetypes.best == "application/json"
    content = revision_content(attempt.revision_id)
    fields = {f"q{q.id}": q.id for q in content.questions}
    chosen: dict[int, int] = {}
    for name, value in request.form.items():
        if not _QUESTION_FIELD.fullmatch(name):
            continue
        if name not in fields or not _CHOICE_ID.fullmatch(value):
            return _save_refused(attempt_id, as_json, 400, _(
                "An answer sent is not one of this quiz's choices: reload the quiz page and "
                "choose again."))
        chosen[fields[name]] = int(value)
    if request.form.get(ALL_SAVED) == "1":
        # « Save for later » once the page's script stored each of its changes: the saved
        # answers are the latest of every device, and the page's older ones must not undo an
        # answer chosen since on another (build_answer_form's rule for a submission).
        chosen = {}
    page, change = request.form.get("page"), request.form.get("change")
    order = None
    if page is not None or change is not None:
        if not (page and change and _SAVING_PAGE.fullmatch(page)
                and _CHANGE_NUMBER.fullmatch(change)):
            return _save_refused(attempt_id, as_json, 400, _(
                "This save does not say which change of the page it carries: reload the quiz "
                "page (your saved answers come back) and choose again."))
        order = SaveOrder(page, int(change))
    try:
        # Practice mode: an answer explained already is kept as it was given.
        answered = save_answers(attempt, chosen, once=attempt.practice, order=order)
    except AnswerAlreadyGiven:
        return _save_refused(attempt_id, as_json, 409, _(
            "You answered this question already: here is its explanation."))
    except InvalidChoice as error:
        return _save_refused(attempt_id, as_json, 400, _(
            "Question %(number)s: the answer sent is not one of its choices. Reload the quiz "
            "page and choose again.", number=error.position))
    except AttemptAlreadySubmitted:
        return _save_refused(attempt_id, as_json, 409, _(
            "This attempt was already submitted (in another tab or on another device): "
            "nothing was changed. Open it to see its result."), link=True)
    except AttemptMoved:
        return _save_refused(attempt_id, as_json, 409, _(
            "The teacher changed this quiz since the page was opened: reload the page, your "
            "saved answers are kept where the questions did not change."))
    total = len(content.questions)
    if as_json:
        return jsonify({"answered": answered, "total": total})
    # Saved is not handed in: a student who answered everything and pressed this button
    # believed it was (their teacher saw nothing) — said first, in words that cannot be missed.
    flash(_("Saved, not submitted yet (%(answered)s of %(total)s answers): nothing is graded "
            "until you press “Submit my answers”. You can come back to them later, here or on "
            "another device.", answered=answered, total=total), "info")
    return redirect(url_for("student.attempt", attempt_id=attempt_id))


def _save_refused(attempt_id: int, as_json: bool, status: int, message: str, *,
                  link: bool = False) -> Response | tuple[Response, int]:
    """The refusal said; `link`: the script shows a link to the attempt (its result)."""
    if as_json:
        reply = {"error": message}
        if link:
            reply["url"] = url_for("student.attempt", attempt_id=attempt_id)
        return jsonify(reply), status
    flash(message, "error")
    return redirect(url_for("student.attempt", attempt_id=attempt_id))


def _results(attempt: Attempt, content: RevisionContent) -> str:
    current_id = attempt.quiz.current_revision_id
    current = revision_content(current_id) if current_id is not None else None
    outdated = {q.key: q.outdated_note for q in (current.all_questions if current else ())
                if q.outdated_note}
    review = review_rule(attempt.user_id, attempt.quiz_id)
    # What the review options hide is not given to the template at all.
    key_shown = review.answers.now
    rows = [{
        "position": answered.position,
        "question": answered.question,
        "chosen": answered.chosen,
        "correct": answered.correct if key_shown else None,
        "is_correct": answered.is_correct if review.marks.now else None,
        "explanation": answered.question.explanation if key_shown else None,
        "passage": answered.passage if key_shown else None,
        "outdated": outdated.get(answered.question.key),
    } for answered in answered_questions(attempt.id, content)]
    summary = None
    if review.score.now and attempt.total:
        percent = score_percent(attempt.score or 0, attempt.total)
        before = previous_attempt(attempt)
        summary = {
            "percent": percent, "band": score_band(percent),
            "before": (score_percent(before.score or 0, before.total)
                       if before is not None and before.total else None),
            "averages": class_averages(attempt.user_id, attempt.quiz_id, utcnow()),
        }
    mistakes = sum(1 for row in rows if row["is_correct"] is False)
    only_mistakes = bool(request.args.get("mistakes")) and mistakes > 0
    if only_mistakes:
        rows = [row for row in rows if row["is_correct"] is False]
    allowed = access(current_user, attempt.quiz)  # the quiz may be shown to them no more
    limit = attempt_limits(attempt.user_id, [attempt.quiz_id]).get(attempt.quiz_id)
    late_after, late_for = lateness(attempt.user_id, attempt.quiz_id, attempt.submitted_at) \
        if attempt.submitted_at else (None, [])
    return render_template("student/results.html", attempt=attempt, rows=rows,
                           revision=content, review=review, summary=summary,
                           late_after=late_after, late_for=late_for,
                           mistakes=mistakes, only_mistakes=only_mistakes,
                           seen=allowed.seen,
                           can_retake=allowed.can_start and (limit is None or not limit.used_up),
                           limit=limit, start_form=StartForm(),
                           # Scores shown: which counts where it is another attempt's.
                           counted_instead=counted_instead(attempt) if review.score.now else [],
                           first_counts=first_attempt_counts(attempt))


@bp.route("/attempts/<int(max=2147483647):attempt_id>/passages/<key>")
def passage(attempt_id: int, key: str) -> str:
    """The article with one question's source passage highlighted (after submission only)."""
    attempt = _submitted_with_answers_shown(attempt_id)
    content = revision_content(attempt.revision_id)
    position, question = next(
        ((n, q) for n, q in enumerate(content.all_questions, start=1) if q.key == key),
        (0, None))
    if question is None:
        abort(404)
    return render_template("student/passage.html", attempt=attempt, question=question,
                           position=position, revision=content)


@bp.route("/history")
def history() -> str:
    """The quizzes the student took, the most recent first, each with every attempt."""
    found = history_page(current_user.id, requested_page())
    return render_template("student/history.html", found=found,
                           seen=seen_quizzes(current_user.id,
                                             [item.quiz for item in found.items]),
                           review=review_rules(current_user.id,
                                               [item.quiz.id for item in found.items]))
