"""The one error of article import: what went wrong and how to get on."""

from __future__ import annotations


class ArticleError(Exception):
    """An article could not be imported. ``message`` says what, ``hint`` what to do."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(f"{message} — {hint}" if hint else message)
        self.message = message
        self.hint = hint
