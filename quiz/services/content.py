"""A quiz revision's content as plain values, loaded once per process and kept.

A revision's rows (the revision, its questions and their choices) are never changed after the
import that created them: an edited question file, an outdated fact or a fixed typo makes a
new revision, and attempts keep pointing at the one they were taken on (see quiz/models.py and
quiz/services/importer.py). So the content can be cached by revision id with nothing to
invalidate: a new revision has a new id. The cache is per process (each gunicorn worker has its
own, kept on the app, so that a test's fresh database never meets another app's cache) and
bounded; the answer key in it is for grading and the results page only.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property

import sqlalchemy as sa

from ..extensions import db, process_cache
from ..models import Choice, Question, QuizRevision

# A revision's content takes a few kB to a few dozen kB; a school has at most a few hundred.
MAX_REVISIONS = 512


@dataclass(frozen=True)
class ChoiceContent:
    id: int
    position: int
    text: str
    is_correct: bool


@dataclass(frozen=True)
class QuestionContent:
    id: int
    key: str
    position: int
    kind: str
    prompt: str
    explanation: str
    passage: str
    passage_block: int
    passage_start: int
    passage_end: int
    outdated_note: str | None
    choices: tuple[ChoiceContent, ...]

    @property
    def correct_choice_id(self) -> int:
        return next(c.id for c in self.choices if c.is_correct)


@dataclass(frozen=True)
class RevisionContent:
    """What the quiz, results and passage pages show of a revision (the same attribute names
    as the ``QuizRevision`` and ``Question`` models, so templates take either)."""

    id: int
    quiz_id: int
    number: int
    title: str
    language: str
    published_on: str
    source_name: str | None
    source_url: str | None
    credit: str | None
    facts_as_of: str | None
    article: tuple[dict[str, str], ...]
    all_questions: tuple[QuestionContent, ...]  # outdated ones included, in order

    @cached_property
    def questions(self) -> tuple[QuestionContent, ...]:
        """The questions a new attempt asks: the outdated ones are left out."""
        return tuple(q for q in self.all_questions if q.outdated_note is None)

    def answer_key(self) -> dict[int, int]:
        """Question id → correct choice id, for the questions an attempt asks (a new dict)."""
        return {q.id: q.correct_choice_id for q in self.questions}


class _Cache:
    def __init__(self) -> None:
        self.revisions: OrderedDict[int, RevisionContent] = OrderedDict()
        self.lock = threading.Lock()


def revision_content(revision_id: int) -> RevisionContent:
    """The revision's content, from this process's cache or in three plain queries.

    Raises LookupError when there is no such revision.
    """
    cache = process_cache("news_quiz_content", _Cache)
    with cache.lock:
        content = cache.revisions.get(revision_id)
        if content is not None:
            cache.revisions.move_to_end(revision_id)
            return content
    content = _load(revision_id)
    with cache.lock:
        cache.revisions[revision_id] = content
        while len(cache.revisions) > MAX_REVISIONS:
            cache.revisions.popitem(last=False)
    return content


def _load(revision_id: int) -> RevisionContent:
    r = QuizRevision
    row = db.session.execute(
        sa.select(r.id, r.quiz_id, r.number, r.title, r.language, r.published_on, r.source_name,
                  r.source_url, r.credit, r.facts_as_of, r.article).where(r.id == revision_id)
    ).one_or_none()
    if row is None:
        raise LookupError(f"no quiz revision {revision_id}")
    choices: dict[int, list[ChoiceContent]] = {}
    for question_id, choice_id, position, text, correct in db.session.execute(
            sa.select(Choice.question_id, Choice.id, Choice.position, Choice.text,
                      Choice.is_correct)
            .join(Question, Question.id == Choice.question_id)
            .where(Question.revision_id == revision_id)
            .order_by(Choice.question_id, Choice.position)):
        choices.setdefault(question_id, []).append(
            ChoiceContent(choice_id, position, text, bool(correct)))
    q = Question
    questions = tuple(
        QuestionContent(qid, key, position, kind, prompt, explanation, passage, block, start,
                        end, outdated, tuple(choices.get(qid, ())))
        for qid, key, position, kind, prompt, explanation, passage, block, start, end, outdated
        in db.session.execute(
            sa.select(q.id, q.key, q.position, q.kind, q.prompt, q.explanation, q.passage,
                      q.passage_block, q.passage_start, q.passage_end, q.outdated_note)
            .where(q.revision_id == revision_id).order_by(q.position)))
    return RevisionContent(
        id=row.id, quiz_id=row.quiz_id, number=row.number, title=row.title,
        language=row.language, published_on=row.published_on, source_name=row.source_name,
        source_url=row.source_url, credit=row.credit, facts_as_of=row.facts_as_of,
        article=tuple(dict(block) for block in row.article), all_questions=questions)
