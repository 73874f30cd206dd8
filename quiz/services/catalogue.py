"""Finding a quiz among hundreds: the search and filters of the quiz lists and pickers, and
lists cut into pages.

A school adds a quiz most days; after three years the lists hold 1,000–1,500 quizzes, so no
page lists them all (issue 16).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import sqlalchemy as sa

from ..extensions import db
from ..models import Quiz, QuizRevision
from ..questionfile.text import folded
from . import visibility

T = TypeVar("T")


@dataclass(frozen=True)
class CatalogueEntry:
    """A quiz as a list shows it: its current revision's title, not its article."""

    id: int
    slug: str
    status: str
    title: str
    language: str
    published_on: str
    number: int
    visibility: str  # who sees it (quiz/services/visibility.py)
    questions: int  # in an attempt at the current revision (the quiz's kept question_count)


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """One page of a list, with the attribute names of Flask-SQLAlchemy's ``Pagination`` so
    that one template macro (``_macros/pages.html``) serves both."""

    items: Sequence[T]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def prev_num(self) -> int | None:
        return self.page - 1 if self.has_prev else None

    @property
    def next_num(self) -> int | None:
        return self.page + 1 if self.has_next else None


def existing_page(page: int, total: int, per_page: int) -> int:
    """`page` if a list of `total` items has it; else its first or last page."""
    return min(max(1, page), max(1, math.ceil(total / per_page)))


def page_of(items: Sequence[T], page: int, per_page: int) -> ListPage[T]:
    """Page `page` (from 1; past the end gives the last) of `items`."""
    page = existing_page(page, len(items), per_page)
    return ListPage(items[(page - 1) * per_page:page * per_page], page, per_page, len(items))


def find_quizzes(*, text: str = "", language: str | None = None,
                 statuses: Sequence[str] = ("published",), author_id: int | None = None,
                 within: sa.Select[int] | None = None,
                 without: sa.Select[int] | None = None,
                 seen_by: int | None = None,
                 limit: int | None = None, offset: int = 0,
                 latest_changed: bool = False) -> list[CatalogueEntry]:
    """The quizzes that match, newest article first, then by title (`latest_changed`: the
    quizzes last saved, published or archived first, as a teacher's pickers list them: a quiz
    imported today of an article of last year is among the first).

    text: words found in the title or the address (slug), in any case and with or without
    accents; language: "fr" or "en"; statuses: those kept; author_id: quizzes of which this
    user wrote a version; within / without: a query of quiz ids to keep / leave out;
    seen_by: only those this student sees (quiz/services/visibility.py);
    limit, offset: at most this many, after skipping that many.
    """
    return _entries(_matching(text=text, language=language, statuses=statuses,
                              author_id=author_id, within=within, without=without,
                              seen_by=seen_by), limit, offset,
                    (Quiz.updated_at.desc(), Quiz.id.desc()) if latest_changed else None)


def quiz_page(page: int, per_page: int, *, text: str = "", language: str | None = None,
              statuses: Sequence[str] = ("published",), author_id: int | None = None,
              within: sa.Select[int] | None = None,
              seen_by: int | None = None) -> ListPage[CatalogueEntry]:
    """Page `page` of ``find_quizzes`` (past the end: the last), counted and cut in SQL."""
    matching = _matching(text=text, language=language, statuses=statuses,
                         author_id=author_id, within=within, seen_by=seen_by)
    total = db.session.scalar(sa.select(sa.func.count()).select_from(matching.subquery())) or 0
    page = existing_page(page, total, per_page)
    return ListPage(_entries(matching, per_page, (page - 1) * per_page), page, per_page, total)


def _entries(matching: sa.Select[int], limit: int | None, offset: int,
             order: tuple[sa.UnaryExpression[Any], ...] | None = None) -> list[CatalogueEntry]:
    """The quizzes of a ``_matching`` query as lists show them, newest article first (or in
    `order`)."""
    query = (matching
             .add_columns(Quiz.slug, Quiz.status, QuizRevision.title, QuizRevision.language,
                          QuizRevision.published_on, QuizRevision.number, Quiz.visibility,
                          Quiz.question_count)
             .order_by(*(order or (QuizRevision.published_on.desc(), QuizRevision.title,
                                   Quiz.id)))
             .limit(limit).offset(offset or None))
    return [CatalogueEntry(*row) for row in db.session.execute(query)]


def _matching(*, text: str, language: str | None, statuses: Sequence[str],
              author_id: int | None, within: sa.Select[int] | None,
              without: sa.Select[int] | None = None,
              seen_by: int | None) -> sa.Select[int]:
    """The ids of the quizzes find_quizzes keeps, with their current revision joined."""
    query = (sa.select(Quiz.id)
             .join(QuizRevision, Quiz.current_revision_id == QuizRevision.id)
             .where(Quiz.status.in_(statuses)))
    # Each word is in the folded title and address (kept folded with the quiz).
    for word in folded(text).split():
        query = query.where(Quiz.search_text.contains(word, autoescape=True))
    if language:
        query = query.where(QuizRevision.language == language)
    if author_id is not None:
        written = sa.select(QuizRevision.quiz_id).where(QuizRevision.created_by_id == author_id)
        query = query.where(Quiz.id.in_(written))
    if within is not None:
        query = query.where(Quiz.id.in_(within))
    if without is not None:
        query = query.where(Quiz.id.not_in(without))
    if seen_by is not None:
        query = query.where(visibility.seen_by(seen_by))
    return query
