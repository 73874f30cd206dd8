"""Review notes: why a person must check a question before its quiz can be published.

The question file keeps a note in English (``Review: …``, as `review_note` writes it), so that
it reads the same whoever opens the file; `review_message` reads a stored note back as a
Message, so that a page shows the notes the app writes in the reader's language (a note that a
teacher typed is shown as typed).
"""

from __future__ import annotations

import re

from .messages import N_, Message

DRAFT = N_("draft — written automatically, check it")
MATCHED = N_("passage suggested by matching (%(score)s%%): check it, or pick the right one")
NO_EXPLANATION = N_("write the explanation")
FEEDBACK_LEFT_OUT = N_("the feedback written for wrong answers was left out")
IMAGES_LEFT_OUT = N_("its images and attached files were left out")
# The explanation a converted question gets when its file had none (in the article's language,
# else English): a question keeps it only with a Review line, which keeps its quiz unpublished.
MISSING_EXPLANATION = {"fr": "À compléter.", "en": "To be written."}


def is_missing_explanation(explanation: str | None) -> bool:
    """The explanation is still a converted question's placeholder (MISSING_EXPLANATION): the
    one test of the file's check, the question editor's and *confirm*'s."""
    return explanation in MISSING_EXPLANATION.values()
_AND = N_("%(note)s; %(more)s")
_SEPARATOR = "; "
_PLAIN = frozenset((DRAFT, NO_EXPLANATION, FEEDBACK_LEFT_OUT, IMAGES_LEFT_OUT))
_MATCHED = re.compile(re.escape(MATCHED % {"score": "SCORE"}).replace("SCORE", r"(\d+)"))


def review_note(*parts: Message) -> str:
    """The note as the question file keeps it: the English of each part, joined by '; '."""
    return _SEPARATOR.join(str(part) for part in parts)


def review_message(note: str) -> Message:
    """A stored note as a Message to show (``{{ note | review_message | translate }}``)."""
    parts = [_part(text) for text in note.split(_SEPARATOR)]
    if any(part is None for part in parts):
        return Message(note)
    message = parts[-1]
    for part in reversed(parts[:-1]):
        message = Message(_AND, {"note": part, "more": message})
    assert message is not None
    return message


def _part(text: str) -> Message | None:
    if text in _PLAIN:
        return Message(text)
    match = _MATCHED.fullmatch(text)
    return Message(MATCHED, {"score": int(match[1])}) if match else None
