"""Messages that plain modules (no Flask, no request) give to people: question files, services.

A module writes the English text, marked with ``N_`` so that `manage.py messages` extracts it,
and its values apart; a page shows it in the reader's language with ``_(m.text, **m.params)``
(the ``translate`` template filter does that), a command line or a file prints ``str(m)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def N_(text: str) -> str:
    """Marks `text` for the translators; it is translated where it is shown."""
    return text


@dataclass(frozen=True)
class Message:
    text: str
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.text % self.params if self.params else self.text
