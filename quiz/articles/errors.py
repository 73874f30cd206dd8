"""The one error of article import: what went wrong and how to get on."""

from __future__ import annotations

import re
from typing import Any

from ..questionfile.messages import Message

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def message(text: str, /, **params: Any) -> Message:
    """A Message from an N_()-marked text, keeping only the values its placeholders use."""
    return Message(text, {name: params[name] for name in _PLACEHOLDER.findall(text)})


class ArticleError(Exception):
    """An article could not be imported. ``message`` says what, ``hint`` what to do.

    Both are Messages: ``str(error)`` gives the English (command line, logs), a page shows them
    in the reader's language (``translate``).
    """

    def __init__(self, message: Message, hint: Message | None = None):
        super().__init__(f"{message} — {hint}" if hint else str(message))
        self.message = message
        self.hint = hint

    @classmethod
    def of(cls, text: str, hint: str = "", /, **params: Any) -> ArticleError:
        """An error from N_()-marked texts; ``params`` fill the %(name)s placeholders of both."""
        return cls(message(text, **params), message(hint, **params) if hint else None)
