"""Errors of question files, each naming its place as ``file:line``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .messages import Message

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
# A field's name the parser does not know (its message, as the parser writes it twice): the
# name is the mistake, not the value after it.
UNKNOWN_FIELD = "unknown field '%(name)s'"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a question file: where, what, and how to fix it.

    `message` and `hint` are Messages: ``str()`` gives the English (command line, logs), a page
    shows them in the reader's language (``{{ problem.message | translate }}``).
    """

    path: str
    line: int
    message: Message
    hint: Message | None = None

    @property
    def in_the_name(self) -> bool:
        """The mistake is the field's name (« Tpye: mcq »), not its value: the upload page's
        editor selects the whole line for it (static/js/line-editor.js), the value else."""
        return self.message.text == UNKNOWN_FIELD

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    @classmethod
    def of(cls, path: str, line: int, message: str | Message, hint: str = "", /,
           **params: Any) -> Problem:
        """A problem from N_()-marked texts (or a message already made, e.g. by NP_); `params`
        fill the %(name)s placeholders (each Message keeps the values its text uses)."""
        if not isinstance(message, Message):
            message = _message(message, params)
        return cls(path, line, message, _message(hint, params) if hint else None)


def _message(text: str, params: dict[str, Any]) -> Message:
    return Message(text, {name: params[name] for name in _PLACEHOLDER.findall(text)})


class QuestionFileError(Exception):
    """A question file (or several) is not valid; ``problems`` lists every error found."""

    def __init__(self, problems: list[Problem]):
        if not problems:
            raise ValueError("QuestionFileError needs at least one problem")
        self.problems = sorted(problems, key=lambda p: (p.path, p.line))
        super().__init__("\n".join(str(p) for p in self.problems))
