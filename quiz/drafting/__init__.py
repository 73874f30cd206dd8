"""Draft questions from an article with spaCy (cloze MCQs and true/false), for a teacher to
review: each draft carries ``Review:``, so a quiz with drafts left cannot be published.

The models are optional (``pip install -e '.[drafting]'`` and requirements-drafting.txt); without
them the app runs and drafting raises DraftingUnavailable with the install command.
"""

from .draft import DEFAULT_MAX, REVIEW_NOTE, Draft, DraftReport, draft_file_text, draft_questions
from .models import DraftingUnavailable, models_installed, supported_languages

__all__ = [
    "DEFAULT_MAX",
    "REVIEW_NOTE",
    "Draft",
    "DraftReport",
    "DraftingUnavailable",
    "draft_file_text",
    "draft_questions",
    "models_installed",
    "supported_languages",
]


def is_draft(review_note: str | None) -> bool:
    """A question written by the drafter and not yet accepted."""
    return review_note is not None and review_note.startswith("draft")
