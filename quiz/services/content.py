"""A quiz revision's content as plain values, loaded once per process and kept.

A revision's rows (the revision, its questions and their choices) are never changed after the
import that created them: an edited question file, an outdated fact or a fixed typo makes a
new revision, and attempts keep pointing at the one they were taken on (see quiz/models.py and
quiz/services/importer.py). So the content can be cached with nothing to invalidate: a new
revision has a new id. The key is the id *and the revision's creation time*: a database
restored from a dump hands out the same ids again to the next imports, and a kept value must
never stand for another row (issue 16). The cache is per process (each gunicorn worker has its
own, see quiz/caching.py) and bounded; the answer key in it is for grading and the results page
only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import sqlalchemy as sa

from ..caching import cache
from ..extensions import db
from ..models import Answer, Choice, Question, QuizRevision
from ..questionfile.text import same_choice


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
    review_note: str | None
    choices: tuple[ChoiceContent, ...]

    @property
    def correct_choice_id(self) -> int:
        return next(c.id for c in self.choices if c.is_correct)


@dataclass(frozen=True)
class RevisionContent:
    """What every page shows of a revision — the students' quiz, results and passage pages and
    the teachers' preview, handout and drafts: the one read model of a revision's content
    (the ORM models are for writing it, and for its history and source file)."""

    id: int
    created_at: dt.datetime  # with the id, which row this is (see the module's docstring)
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


@dataclass(frozen=True)
class AnsweredQuestion:
    """One question of a submitted attempt with the student's answer, all of it: the pages
    that show it (the student's results, the teacher's view of an attempt) hide what their
    reader may not see yet."""

    position: int  # from 1, among the attempt's questions
    question: QuestionContent
    chosen: ChoiceContent | None
    correct: ChoiceContent
    is_correct: bool
    passage: str  # the source passage's text


def answered_questions(attempt_id: int, content: RevisionContent) -> list[AnsweredQuestion]:
    """The attempt's questions (those it asked, in order) with its Answer rows; `content` is
    the attempt's revision."""
    answers = {question_id: (choice_id, is_correct) for question_id, choice_id, is_correct in
               db.session.execute(sa.select(Answer.question_id, Answer.choice_id,
                                            Answer.is_correct)
                                  .where(Answer.attempt_id == attempt_id))}
    rows = []
    for position, question in enumerate(
            (q for q in content.all_questions if q.id in answers), start=1):
        choice_id, is_correct = answers[question.id]
        block = content.article[question.passage_block]
        rows.append(AnsweredQuestion(
            position=position, question=question,
            chosen=next((c for c in question.choices if c.id == choice_id), None),
            correct=next(c for c in question.choices if c.is_correct),
            is_correct=bool(is_correct),
            passage=block["text"][question.passage_start:question.passage_end]))
    return rows


def counterparts(old: RevisionContent, questions: Iterable[QuestionContent]
                 ) -> dict[int, tuple[QuestionContent, ChoiceContent]]:
    """Choice id of `old` → the question of `questions` (a newer version's) and the choice
    it is: the question with the same id in the file; the choice of the same text, word for
    word, else but for capitals and spaces (as the file's check compares a question's
    choices), else but for its quotes and a final full stop or other closing punctuation too
    (a typo mended: « Trente minutes » and « trente minutes. ») — each when it matches one
    choice on each side. Accents, signs and symbols count: « -5 °C » is not « 5 °C », nor
    « Pécheur » « Pêcheur »; a choice in other words (« Une heure » made « Une demi-heure »)
    is another answer, and has none; so has one whose question is not among `questions`.

    How an answer follows its question to a newer version: the saved answers of an attempt
    resumed after an edit, the answers of one a teacher regrades."""
    newer = {q.key: q for q in questions}
    found: dict[int, tuple[QuestionContent, ChoiceContent]] = {}
    for question in old.all_questions:
        now = newer.get(question.key)
        if now is None:
            continue
        same_text = {c.text: c for c in now.choices}
        for choice in question.choices:
            if choice.text in same_text:
                found[choice.id] = (now, same_text[choice.text])
        for rule in (same_choice, _mended):
            old_forms = [rule(c.text) for c in question.choices]
            new_forms = [rule(c.text) for c in now.choices]
            for choice, form in zip(question.choices, old_forms, strict=True):
                if (choice.id not in found and new_forms.count(form) == 1
                        and old_forms.count(form) == 1):
                    found[choice.id] = (now, now.choices[new_forms.index(form)])
    return found


def right_answer_follows(question: QuestionContent,
                         found: dict[int, tuple[QuestionContent, ChoiceContent]]) -> bool:
    """Whether `question`'s right answer is still the right one in the newer version whose
    choices `found` (``counterparts``) maps its own to: the same choice, maybe reworded by a
    typo mended. Else the right answer is another (a regrade's question, the editor's note)."""
    right = next(c for c in question.choices if c.is_correct)
    return right.id in found and found[right.id][1].is_correct


_QUOTES = str.maketrans("’‘«»“”", "''\"\"\"\"")
_CLOSING = re.compile(r"[\s.,;:!?…]+$")


def _mended(text: str) -> str:
    """`text` as `same_choice` compares it, its quotes straight and without the punctuation
    that closes it: the forms a typo mended takes."""
    return _CLOSING.sub("", same_choice(text.translate(_QUOTES)))


def revision_content(revision_id: int,
                     created_at: dt.datetime | None = None) -> RevisionContent:
    """The revision's content, from this process's cache or in three plain queries.

    `created_at`: the revision's creation time when the caller has read it with the id (the
    quiz page does); else one query by primary key reads it. Raises LookupError when there is
    no such revision.
    """
    if created_at is None:
        created_at = db.session.scalar(
            sa.select(QuizRevision.created_at).where(QuizRevision.id == revision_id))
        if created_at is None:
            raise LookupError(f"no quiz revision {revision_id}")
    content: RevisionContent = cache("revision_content").get_or_make(
        (revision_id, created_at), lambda: _load(revision_id))
    return content


def _load(revision_id: int) -> RevisionContent:
    r = QuizRevision
    row = db.session.execute(
        sa.select(r.id, r.created_at, r.quiz_id, r.number, r.title, r.language, r.published_on,
                  r.source_name, r.source_url, r.credit, r.facts_as_of, r.article)
        .where(r.id == revision_id)
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
                        end, outdated, review, tuple(choices.get(qid, ())))
        for qid, key, position, kind, prompt, explanation, passage, block, start, end, outdated,
        review in db.session.execute(
            sa.select(q.id, q.key, q.position, q.kind, q.prompt, q.explanation, q.passage,
                      q.passage_block, q.passage_start, q.passage_end, q.outdated_note,
                      q.review_note)
            .where(q.revision_id == revision_id).order_by(q.position)))
    return RevisionContent(
        id=row.id, created_at=row.created_at, quiz_id=row.quiz_id, number=row.number,
        title=row.title,
        language=row.language, published_on=row.published_on, source_name=row.source_name,
        source_url=row.source_url, credit=row.credit, facts_as_of=row.facts_as_of,
        article=tuple(dict(block) for block in row.article), all_questions=questions)
