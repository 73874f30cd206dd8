"""Editing a quiz on its pages: each change is a new version of its question file.

The edited quiz is written as a question file, checked by the one validator like any file,
and imported as a new revision (services/importer.py), so that an edit on a page and an edit
of the file in git come to the same thing.
"""

from __future__ import annotations

from dataclasses import replace

from ..database import write_transaction
from ..models import QUIZ_VISIBILITIES, Quiz, User, utcnow
from ..questionfile import QuizFile, parse_question_file, write_question_file
from ..questionfile.messages import N_
from .importer import ImportResult, import_items, prepare_text


class StatusRefused(Exception):
    """The quiz cannot take that status yet; `message` (N_-marked) says why, `keys` which
    questions are in the way."""

    def __init__(self, message: str, keys: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message, self.keys = message, keys


def current_file(quiz: Quiz) -> QuizFile:
    """The quiz's current version, read back from its question file."""
    return parse_question_file(quiz.revision.source_text, f"{quiz.slug}.md")


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
            questions = quiz.revision.questions
            if not questions:
                raise StatusRefused(N_("A quiz without questions cannot be published."))
            to_review = tuple(q.key for q in questions if q.review_note)
            if to_review:
                raise StatusRefused(N_("Check these questions first (their passage or "
                                       "explanation): %(keys)s."), to_review)
        quiz.status, quiz.updated_at = status, utcnow()
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
