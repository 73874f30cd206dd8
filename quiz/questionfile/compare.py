"""What one version of a question file changed from another, question by question.

A line-by-line difference of two files says little when the editor wrote the file again in
its own layout (every question looks changed) or a question moved (it looks deleted and added
again); this compares what the files mean: the article's details, its paragraphs, and each
question by its key.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from .model import Question, QuizFile

HEADER_FIELDS = ("title", "language", "published", "source", "url", "credit", "facts_as_of")
QUESTION_FIELDS = ("kind", "prompt", "choices", "answer", "passage", "explanation", "outdated",
                   "review")

QuestionChangeKind = Literal["added", "removed", "changed", "moved"]


@dataclass(frozen=True)
class FieldChange:
    """One field's value before and after, as text ("" for a field not set)."""

    name: str
    before: str
    after: str


@dataclass(frozen=True)
class QuestionChange:
    """A question added, removed, changed or moved. `number`: its place in the newer file
    from 1 (in the older one for a removed question); `moved_from`: its place before, when it
    moved."""

    key: str
    number: int
    prompt: str
    kind: QuestionChangeKind
    fields: tuple[FieldChange, ...] = ()
    moved_from: int | None = None


@dataclass(frozen=True)
class FileChanges:
    header: tuple[FieldChange, ...]
    paragraphs_changed: int  # paragraphs (or headings) of the article changed, added or removed
    questions: tuple[QuestionChange, ...]
    unchanged: int  # questions identical in both, at the same place among the others

    @property
    def nothing(self) -> bool:
        return not (self.header or self.paragraphs_changed or self.questions)


def compare_files(before: QuizFile, after: QuizFile) -> FileChanges:
    """What changed from `before` to `after`, in the order of the newer file (removed
    questions last)."""
    header = tuple(FieldChange(name, getattr(before, name) or "", getattr(after, name) or "")
                   for name in HEADER_FIELDS if getattr(before, name) != getattr(after, name))
    old_blocks = [(block.kind, block.text) for block in before.article]
    new_blocks = [(block.kind, block.text) for block in after.article]
    paragraphs_changed = sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in
        difflib.SequenceMatcher(None, old_blocks, new_blocks, autojunk=False).get_opcodes()
        if tag != "equal")

    old = {q.key: (n, q) for n, q in enumerate(before.questions, start=1)}
    new_keys = {q.key for q in after.questions}
    kept = [q.key for q in after.questions if q.key in old]  # in both, in the newer order
    old_order = [q.key for q in before.questions if q.key in new_keys]
    in_place = {key for block in difflib.SequenceMatcher(
        None, old_order, kept, autojunk=False).get_matching_blocks()
        for key in old_order[block.a:block.a + block.size]}
    changes: list[QuestionChange] = []
    unchanged = 0
    for number, question in enumerate(after.questions, start=1):
        if question.key not in old:
            changes.append(QuestionChange(question.key, number, question.prompt, "added"))
            continue
        old_number, old_question = old[question.key]
        fields = _changed_fields(old_question, question)
        moved = question.key not in in_place
        if fields or moved:
            changes.append(QuestionChange(
                question.key, number, question.prompt, "changed" if fields else "moved",
                fields, old_number if moved else None))
        else:
            unchanged += 1
    changes += [QuestionChange(q.key, n, q.prompt, "removed")
                for key, (n, q) in old.items() if key not in new_keys]
    return FileChanges(header, paragraphs_changed, tuple(changes), unchanged)


def _changed_fields(before: Question, after: Question) -> tuple[FieldChange, ...]:
    values = [(name, _field_text(before, name), _field_text(after, name))
              for name in QUESTION_FIELDS]
    return tuple(FieldChange(name, old, new) for name, old, new in values if old != new)


def _field_text(question: Question, name: str) -> str:
    """A question's field as one text: the choices one a line, the right one(s) marked ✓."""
    if name == "choices":
        return "" if question.kind == "true_false" else "\n".join(
            f"{'✓' if choice.correct else '·'} {choice.text}" for choice in question.choices)
    if name == "answer":
        return "" if question.answer is None else ("true" if question.answer else "false")
    value = getattr(question, name)
    return "" if value is None else str(value)
