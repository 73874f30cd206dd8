"""Plain data for a parsed question file: what the parser returns and the importer stores."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading"]
QuestionKind = Literal["mcq", "true_false"]

QUESTION_KINDS: tuple[QuestionKind, ...] = ("mcq", "true_false")


@dataclass(frozen=True)
class ArticleBlock:
    """A paragraph or a subheading of the article, its lines joined by single spaces."""

    kind: BlockKind
    text: str
    line: int = field(default=0, compare=False)  # where it stands in its file


@dataclass(frozen=True)
class PassageLocation:
    """Where a passage stands in the article: block index and character offsets in its text."""

    block: int
    start: int
    end: int


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Question:
    key: str
    kind: QuestionKind
    prompt: str
    choices: tuple[Choice, ...]
    passage: str
    location: PassageLocation
    explanation: str
    line: int = field(default=0, compare=False)
    answer: bool | None = None  # the true/false answer; None for an mcq
    # Set when the news moved on: the question leaves new attempts; old results show the note.
    outdated: str | None = None
    # Set when a person must check the question (e.g. a passage suggested by matching, or a
    # drafted question): a quiz with such a question cannot be published.
    review: str | None = None

    @property
    def correct_choice(self) -> Choice | None:
        return next((choice for choice in self.choices if choice.correct), None)


@dataclass(frozen=True)
class QuizFile:
    """A valid question file: the article's metadata and body, and its questions."""

    title: str
    language: str
    published: str
    article: tuple[ArticleBlock, ...]
    questions: tuple[Question, ...]
    source: str | None = None
    url: str | None = None
    credit: str | None = None
    facts_as_of: str | None = None
    path: str = field(default="<text>", compare=False)

    @property
    def asked_count(self) -> int:
        """How many questions an attempt has: those not marked outdated."""
        return sum(1 for question in self.questions if question.outdated is None)
