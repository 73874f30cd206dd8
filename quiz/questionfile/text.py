"""The one rule for text the app stores, whatever route or command brings it (a form, a
pasted or uploaded question file, the command line, an imported web page): no control
characters. PostgreSQL cannot even store a NUL, and the others show as nothing or break lines.
Line breaks and tabs are allowed where text has lines (question files, articles). And the
one way text is folded for a search (``folded``).
"""

from __future__ import annotations

import re
import unicodedata

_IN_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # all but \t \n \r
_ON_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]")


def first_control_character(text: str, *, lines: bool = False) -> int | None:
    """Where the first control character of `text` is, or None; `lines`: text made of lines,
    where line breaks and tabs belong."""
    found = (_IN_LINES if lines else _ON_ONE_LINE).search(text)
    return found.start() if found else None


def without_control_characters(text: str) -> str:
    """`text` with each control character (but line breaks and tabs) made a space: for text
    taken from elsewhere (a web page), where they are noise rather than a mistake to show."""
    return _IN_LINES.sub(" ", text)


def same_choice(text: str) -> str:
    """What two choices of a question are compared by: capitals and spaces aside (a student
    reads « Trente minutes » and « trente  minutes » as one choice), accents kept (« élevé »
    is not « élève »)."""
    return " ".join(text.split()).casefold()


def folded(text: str) -> str:
    """`text` for matching: no case, no accents, control characters as spaces, spaces
    collapsed (« Élections » matches "elections"). Done in Python: SQLite's lower() changes
    ASCII letters only, and neither database drops accents without an extension; so a quiz
    keeps its title folded (``Quiz.search_text``) and a search folds its words the same way
    (PostgreSQL refuses a NUL in a parameter: a typed one is a space here). A change of this
    rule needs a migration folding the stored titles again, as 0017 first did."""
    decomposed = unicodedata.normalize("NFKD", _ON_ONE_LINE.sub(" ", text).casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
