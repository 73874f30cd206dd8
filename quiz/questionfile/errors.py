"""Errors of question files, each naming its place as ``file:line``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a question file: where, what, and how to fix it."""

    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class QuestionFileError(Exception):
    """A question file (or several) is not valid; ``problems`` lists every error found."""

    def __init__(self, problems: list[Problem]):
        if not problems:
            raise ValueError("QuestionFileError needs at least one problem")
        self.problems = sorted(problems, key=lambda p: (p.path, p.line))
        super().__init__("\n".join(str(p) for p in self.problems))
