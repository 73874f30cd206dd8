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


@dataclass(frozen=True)
class TakenBack:
    """What saving a file would take back: the changes saved since the version it is a copy of
    (`base`, edited or not), which the file does not have. `questions`: the changes from `base`
    to the current version that the file does not have (a question changed since, added since
    — not in the file —, or removed since — in the file again); `header`: the article's
    details changed since; `article`: its paragraphs changed since; `same`: the file says
    what `base` says, word for word (its layout aside)."""

    base: int
    header: tuple[FieldChange, ...]
    article: bool
    questions: tuple[QuestionChange, ...]
    same: bool = False
    # The file's title and article are `base`'s: a title or article that differs from the
    # current version's is one changed since, not another article.
    article_as_base: bool = False


def taken_back(versions: list[tuple[int, QuizFile]], current: tuple[int, QuizFile],
               file: QuizFile) -> TakenBack | None:
    """What `file`, saved over the `current` version, would take back of the changes made
    since an older one of `versions` ((number, file) pairs): None when the file reads as a
    copy of the current version, edited — the usual case — or when it takes nothing back.

    The version the file is a copy of is the one it is most like (`_likeness`; the newest of
    equals, the current one first): a copy of version 2 edited
    in one question still reads as version 2. A change made since is taken back where the
    file has it otherwise than the current version: as before it, or changed its own way
    (both edited one question: the file's wins). A change the file makes where nothing
    changed since is its own, not taken back."""
    base_number, base = max([current, *versions],
                            key=lambda version: (_likeness(version[1], file), version[0]))
    if base_number == current[0]:
        return None
    since = compare_files(base, current[1])
    # What the file has otherwise than the current version: a change made since is taken
    # back there, whether the file has it as before or changed its own way.
    differs = {change.key for change in compare_files(current[1], file).questions
               if change.kind != "moved"}
    questions = tuple(change for change in since.questions
                      if change.kind != "moved" and change.key in differs)
    header = tuple(change for change in since.header
                   if getattr(file, change.name) != getattr(current[1], change.name))
    article = bool(since.paragraphs_changed) and file.article != current[1].article
    if not (questions or header or article):
        return None
    return TakenBack(base_number, header, article, questions,
                     same=compare_files(base, file).nothing,
                     article_as_base=(base.title, base.article) == (file.title, file.article))


def _likeness(version: QuizFile, file: QuizFile) -> int:
    """How much `file` reads as a copy of `version`, field by field: the question fields and
    details it has as the version has them, less the fields of the version's questions it
    does not have (a copy of version 1 lacks the question version 2 added). By field, not by
    question: a copy of version 1 whose own edit falls on a question corrected since still
    reads as version 1 there."""
    questions = {question.key: question for question in version.questions}
    keys = {question.key for question in file.questions}
    same = sum(len(QUESTION_FIELDS) - len(_changed_fields(questions[question.key], question))
               for question in file.questions if question.key in questions)
    missing = len(QUESTION_FIELDS) * sum(1 for key in questions if key not in keys)
    return same - missing \
        + sum(1 for name in HEADER_FIELDS if getattr(version, name) == getattr(file, name)) \
        + (version.article == file.article)
