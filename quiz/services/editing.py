"""Editing a quiz on its pages: each change is a new version of its question file.

The edited quiz is written as a question file, checked by the one validator like any file,
and imported as a new revision (services/importer.py), so that an edit on a page and an edit
of the file in git come to the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import sqlalchemy as sa

from ..database import write_transaction
from ..drafting import is_draft
from ..extensions import db
from ..models import (
    QUIZ_VISIBILITIES,
    Answer,
    Attempt,
    Question,
    Quiz,
    QuizRevision,
    User,
    utcnow,
)
from ..questionfile import Question as FileQuestion
from ..questionfile import QuizFile, parse_question_file, write_question_file
from ..questionfile.messages import N_, NP_, Message
from .content import QuestionContent, counterparts, revision_content, right_answer_follows
from .importer import ImportResult, content_hash, import_items, prepare_text


class StatusRefused(Exception):
    """The quiz cannot take that status yet; `message` says why, in words a teacher reads
    (shown with the ``translate`` filter), `drafts` whether drafts to review are the cause."""

    def __init__(self, message: Message, *, drafts: bool = False) -> None:
        super().__init__(str(message))
        self.message, self.drafts = message, drafts


def publish_refusal(review_notes: Sequence[str | None]) -> StatusRefused | None:
    """Why a quiz whose questions carry these review notes cannot be published (None: it can).

    The one rule, read by `set_status` and by the pages that show the Publish buttons disabled
    with this reason. A drafted question still to review is counted apart from a question
    whose passage or explanation is to check (after a conversion from another format).
    """
    if not review_notes:
        return StatusRefused(Message(N_("A quiz without questions cannot be published: add "
                                        "questions or draft them from the article.")))
    drafts = sum(1 for note in review_notes if is_draft(note))
    if drafts:
        return StatusRefused(NP_("%(count)s drafted question is still to review: accept, edit "
                                 "or reject it before publishing.",
                                 "%(count)s drafted questions are still to review: accept, "
                                 "edit or reject them before publishing.", drafts), drafts=True)
    to_check = sum(1 for note in review_notes if note)
    if to_check:
        return StatusRefused(NP_("%(count)s question is still to check (its passage or "
                                 "explanation): confirm or fix it before publishing.",
                                 "%(count)s questions are still to check (their passage or "
                                 "explanation): confirm or fix them before publishing.",
                                 to_check))
    return None


def not_publishable(quiz_ids: Sequence[int]) -> set[int]:
    """Of these quizzes, those `publish_refusal` refuses as they are now (no question, or a
    question still to review or check): one query, for a list's links."""
    if not quiz_ids:
        return set()
    rows = db.session.execute(
        sa.select(Quiz.id, sa.func.count(Question.id), sa.func.count(Question.review_note))
        .outerjoin(Question, Question.revision_id == Quiz.current_revision_id)
        .where(Quiz.id.in_(sorted(set(quiz_ids))))
        .group_by(Quiz.id))
    return {quiz_id for quiz_id, questions, noted in rows if not questions or noted}


def attempts_answering(quiz_id: int, key: str) -> int:
    """How many submitted attempts answered the quiz's question `key`, in any version: graded
    once, with the right answer of their version; an edit of the key does not grade them
    again (the edit page says so)."""
    return db.session.scalar(
        sa.select(sa.func.count(sa.distinct(Answer.attempt_id)))
        .join(Question, Question.id == Answer.question_id)
        .join(QuizRevision, QuizRevision.id == Question.revision_id)
        .join(Attempt, Attempt.id == Answer.attempt_id)
        .where(QuizRevision.quiz_id == quiz_id, Question.key == key,
               Attempt.status == "submitted")) or 0


@dataclass(frozen=True)
class EditEffect:
    """What saving a question changed for the attempts that answered it (the editor says it
    once saved): its right answer is another, and the choices they chose that are no longer
    there (with how many attempts chose each), which those attempts cannot follow."""

    right_answer_changed: bool
    chosen_choices_gone: tuple[tuple[str, int], ...]


def edit_effect(quiz_id: int, before_id: int, after_id: int, key: str) -> EditEffect:
    """Question `key` of the quiz from version `before_id` to `after_id` (content.counterparts:
    which choice is which). A choice chosen — in this version or an earlier one it followed to
    this one — and then written in other words is another answer: those attempts can no
    longer move to the new version, and a regrade leaves them with their marks (a wording fix
    to a wrong choice held back a right answer's correction, unsaid)."""
    old = revision_content(before_id)
    question = next((q for q in old.all_questions if q.key == key), None)
    new = [q for q in revision_content(after_id).all_questions if q.key == key]
    if question is None or not new:
        return EditEffect(False, ())
    found = counterparts(old, new)
    right_changed = not right_answer_follows(question, found)
    gone = {c.id: c.text for c in question.choices if c.id not in found}
    if not gone:
        return EditEffect(right_changed, ())
    chosen: dict[str, int] = {}  # a gone choice's text → the attempts that chose it
    followed: dict[int, dict[int, int]] = {}  # an earlier version's choices that follow
    # A row per version and choice (an attempt answers a question once).
    for revision_id, choice_id, attempts in db.session.execute(
            sa.select(Question.revision_id, Answer.choice_id, sa.func.count(Answer.id))
            .join(Answer, Answer.question_id == Question.id)
            .join(Attempt, Attempt.id == Answer.attempt_id)
            .where(Attempt.quiz_id == quiz_id, Attempt.status == "submitted",
                   Question.key == key)
            .group_by(Question.revision_id, Answer.choice_id)):
        if revision_id != before_id:  # followed from an earlier version to this one?
            if revision_id not in followed:
                followed[revision_id] = _followed(revision_id, question)
            choice_id = followed[revision_id].get(choice_id, -1)
        if choice_id in gone:
            chosen[gone[choice_id]] = chosen.get(gone[choice_id], 0) + attempts
    return EditEffect(right_changed, tuple(sorted(chosen.items())))


def _followed(revision_id: int, question: QuestionContent) -> dict[int, int]:
    """The choices of version `revision_id`'s question that follow to `question`, a later
    version's: choice id → choice id."""
    return {old_id: choice.id for old_id, (_q, choice)
            in counterparts(revision_content(revision_id), [question]).items()}


def question_fingerprint(question: FileQuestion) -> str:
    """One question of a quiz's file as a short hash: the editor's page carries the one it
    showed, and a save over a question changed since (another tab, a colleague) is refused
    instead of silently putting back what that page showed."""
    return content_hash(repr(question))[:16]


def current_file(quiz: Quiz) -> QuizFile:
    """The quiz's current version, read back from its question file."""
    return parse_question_file(quiz.revision.source_text, f"{quiz.slug}.md", stored=True)


def save_edited(quiz: Quiz, edited: QuizFile, editor: User) -> ImportResult:
    """Write the edited quiz as its question file, check it like any file, save a version.

    Raises QuestionFileError when the result is not a valid file, RevisionChanged when another
    version was saved since the request read the quiz.
    """
    based_on = quiz.current_revision_id  # the version this request read and edited
    item = prepare_text(quiz.slug, write_question_file(edited), f"{quiz.slug}.md")
    (result,) = import_items([replace(item, based_on=based_on)], editor, publish_new=False)
    return result


def set_status(quiz: Quiz, status: str, visibility: str | None = None) -> None:
    """Publish, unpublish (draft) or archive; attempts are never deleted. `visibility`, when
    given, is who sees the quiz from now on (chosen with *Publish*; see ``set_visibility``).

    Raises StatusRefused when publishing a quiz without questions, or with questions to review.
    """
    if visibility is not None:
        _check_visibility(visibility)
    with write_transaction():
        if status == "published":
            refusal = publish_refusal([q.review_note for q in quiz.revision.questions])
            if refusal is not None:
                raise refusal
        quiz.status, quiz.updated_at = status, utcnow()
        quiz.held_for_its_file = False  # the teacher's choice, kept by later imports
        if visibility is not None:
            quiz.visibility = visibility


def set_visibility(quiz: Quiz, visibility: str) -> None:
    """Who sees the quiz (quiz/services/visibility.py): "classes", the students of the classes
    it is assigned to, or "everyone" on the server. Attempts already made stay their
    students'; assignments are untouched."""
    _check_visibility(visibility)
    with write_transaction():
        quiz.visibility, quiz.updated_at = visibility, utcnow()


def _check_visibility(visibility: str) -> None:
    if visibility not in QUIZ_VISIBILITIES:
        raise ValueError(f"unknown visibility {visibility!r}")
