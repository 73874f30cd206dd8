"""Import validated question files into the database, all or nothing."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import sqlalchemy as sa

from ..database import write_transaction
from ..extensions import db
from ..models import (
    EVERYONE,
    Assignment,
    Attempt,
    Choice,
    Question,
    Quiz,
    QuizRevision,
    User,
    utcnow,
)
from ..questionfile import (
    Problem,
    QuestionFileError,
    QuizFile,
    decode_question_bytes,
    find_question_files,
    parse_question_file,
)
from ..questionfile import (
    Question as ParsedQuestion,
)
from ..questionfile.compare import TakenBack, taken_back
from ..questionfile.messages import N_
from ..questionfile.text import folded

MAX_SLUG_LENGTH = 120
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")

# How a true/false question's two choices read, in the quiz's own language.
TRUE_FALSE_LABELS = {"fr": ("Vrai", "Faux"), "en": ("True", "False")}


@dataclass(frozen=True)
class ImportItem:
    """A valid question file ready to import: the quiz's slug, its parsed content and its text."""

    slug: str
    quiz: QuizFile
    source_text: str
    # An edit of the quiz's version with this id: refused if another version came meanwhile.
    based_on: int | None = None


class RevisionChanged(Exception):
    """An edit was made on a version that is no longer the quiz's current one: nothing saved."""


@dataclass(frozen=True)
class ImportResult:
    slug: str
    title: str
    outcome: Literal["created", "updated", "unchanged"]
    revision: int
    questions: int
    status: str = ""  # the quiz's, after this import (published, draft, archived)


@dataclass(frozen=True)
class QuizAtAddress:
    """The quiz already at a file's address, as the upload page checked it: the version the
    file is saved over (its import is refused if another came meanwhile) and, when the file
    gives it another title or article, what the teacher is told before replacing it."""

    revision_id: int  # its current version's id
    title: str
    language: str
    number: int
    status: str
    other_article: bool  # the file gives it another title or article: ask first
    classes: int  # classes it is assigned to (any teacher's); counted when asking first
    attempts: int  # attempts submitted on any of its versions; counted when asking first
    # The quiz is published and the file would make it a draft (questions marked Review, or
    # none): students could no longer start it. Ask first as well.
    unpublishes: bool = False
    to_review: tuple[str, ...] = ()  # the ids of the file's questions marked Review
    # The file is a copy of an older version (edited or not) and leaves out changes saved
    # since, in the browser or by another file: they would be undone unseen. Ask first.
    takes_back: TakenBack | None = None

    @property
    def asks_first(self) -> bool:
        return self.other_article or self.unpublishes or self.takes_back is not None


def quiz_at_address(item: ImportItem) -> QuizAtAddress | None:
    """The stored quiz at ``item``'s address (None: a new address). Saving a file with another
    title or article replaces the quiz for its students, their past attempts kept on its
    older version and counted towards its attempt limits: the upload page asks first; so it
    does when the file would take a published quiz away from its students (a draft again: its
    questions marked Review, or none). A new version of the same article (corrected
    questions) is saved at once. (`quiz import` does not ask: a file under `questions/` is its
    quiz, renamed in git.)"""
    stored = db.session.execute(
        sa.select(Quiz.id, Quiz.status, QuizRevision.id, QuizRevision.title,
                  QuizRevision.language, QuizRevision.number, QuizRevision.article)
        .join(QuizRevision, QuizRevision.id == Quiz.current_revision_id)
        .where(Quiz.slug == item.slug)).one_or_none()
    if stored is None:
        return None
    quiz_id, status, revision_id, title, language, number, article = stored
    other_article = title != item.quiz.title or article != stored_article(item.quiz)
    unpublishes = status == "published" and (not item.quiz.questions or needs_review(item.quiz))
    takes_back = changes_taken_back(quiz_id, item)
    if takes_back is not None and takes_back.article_as_base:
        other_article = False  # its title or article changed since: listed as taken back
    if not other_article and not unpublishes and takes_back is None:
        return QuizAtAddress(revision_id, title, language, number, status,
                             other_article=False, classes=0, attempts=0)
    count = sa.func.count
    return QuizAtAddress(
        revision_id, title, language, number, status, other_article=other_article,
        unpublishes=unpublishes, takes_back=takes_back,
        to_review=tuple(q.key for q in item.quiz.questions if q.review),
        classes=db.session.scalar(sa.select(count(sa.distinct(Assignment.classroom_id)))
                                  .where(Assignment.quiz_id == quiz_id)) or 0,
        attempts=db.session.scalar(sa.select(count()).select_from(Attempt)
                                   .where(Attempt.quiz_id == quiz_id,
                                          Attempt.status == "submitted")) or 0)


VERSIONS_COMPARED = 10  # the versions an upload is compared with to find the one it copies


def changes_taken_back(quiz_id: int, item: ImportItem, *,
                       before: int | None = None) -> TakenBack | None:
    """What saving `item` would take back of the changes saved since the version it is a copy
    of (questionfile.taken_back), among the quiz's last versions and the newest one it is
    word for word (« Put this version back » on version 1 of 30); None for a copy of the
    current version, edited or not, and for the current version itself. `before`: what the
    version of that number (`item`) took back of the versions before it, when it was saved."""
    digest = content_hash(item.source_text)
    columns = sa.select(QuizRevision.number, QuizRevision.source_text, QuizRevision.content_hash)
    mine = (QuizRevision.quiz_id == quiz_id) if before is None \
        else (QuizRevision.quiz_id == quiz_id) & (QuizRevision.number < before)
    rows = list(db.session.execute(columns.where(mine).order_by(QuizRevision.number.desc())
                                   .limit(VERSIONS_COMPARED)))
    if rows and rows[0].content_hash == digest:
        return None  # the current version again: nothing is saved
    if not any(row.content_hash == digest for row in rows):
        rows += db.session.execute(columns.where(mine, QuizRevision.content_hash == digest)
                                   .order_by(QuizRevision.number.desc()).limit(1))
    versions: list[tuple[int, QuizFile]] = []
    for number, text, _digest in rows:
        try:
            versions.append((number, parse_question_file(text, stored=True)))
        except QuestionFileError:  # a version today's parser reads otherwise: not compared
            if not versions:
                return None
    if len(versions) < 2:
        return None
    return taken_back(versions[1:], versions[0], item.quiz)


@dataclass(frozen=True)
class FilesAgainstHistory:
    """`quiz import`'s files read against their quizzes' versions, before anything is saved.
    `older`: slug → (the version the file is, word for word, the current version's number):
    imported once and replaced since, in the browser at least once — left alone.
    `taken_back`: slug → (the current version's number, what the file, a copy of an older
    version edited since, takes back of the changes saved after it, in the browser at least
    once: file-only histories are git's to tell)."""

    older: dict[str, tuple[int, int]]
    taken_back: dict[str, tuple[int, TakenBack]]


def files_against_history(items: list[ImportItem]) -> FilesAgainstHistory:
    """Read `quiz import`'s files against their quizzes' versions (FilesAgainstHistory).
    `manage.py serve` imports questions/ at every start: a file that is an older version
    word for word would otherwise take back, at each restart, what a teacher changed in the
    browser since. Only then is it left alone: a file put back to an older version after
    versions that came from files only (`git checkout`) is imported as any other."""
    stored = _current_revisions([item.slug for item in items])
    digests = {item.slug: content_hash(item.source_text) for item in items
               if item.slug in stored}
    changed = {item.slug: item for item in items
               if item.slug in stored and stored[item.slug].content_hash != digests[item.slug]}
    # Each quiz's id, its newest version that the file is word for word, and its versions
    # made by a teacher in the browser (an edit or an upload; `quiz import` makes them by
    # nobody).
    ids: dict[str, int] = {}
    word_for_word: dict[str, int] = {}
    in_browser: dict[str, list[int]] = {}
    slugs = list(changed)
    for start in range(0, len(slugs), 500):  # well under every database's parameter limit
        for slug, quiz_id, number, digest, by_teacher in db.session.execute(
                sa.select(Quiz.slug, Quiz.id, QuizRevision.number, QuizRevision.content_hash,
                          QuizRevision.created_by_id.is_not(None))
                .join(QuizRevision, QuizRevision.quiz_id == Quiz.id)
                .where(Quiz.slug.in_(slugs[start:start + 500]))):
            ids[slug] = quiz_id
            if digest == digests[slug]:
                word_for_word[slug] = max(number, word_for_word.get(slug, 0))
            if by_teacher:
                in_browser.setdefault(slug, []).append(number)

    def changed_in_browser_after(slug: str, number: int) -> bool:
        return any(later > number for later in in_browser.get(slug, ()))

    older = {slug: (number, stored[slug].number) for slug, number in word_for_word.items()
             if changed_in_browser_after(slug, number)}
    found = {slug: changes_taken_back(quiz_id, changed[slug]) for slug, quiz_id in ids.items()
             if slug not in older}
    return FilesAgainstHistory(
        older, {slug: (stored[slug].number, back) for slug, back in found.items()
                if back and changed_in_browser_after(slug, back.base)})


def stored_article(quiz: QuizFile) -> list[dict[str, str]]:
    """The article as a revision stores it (its JSON column): one kind and text per block."""
    return [{"kind": block.kind, "text": block.text} for block in quiz.article]


def needs_review(quiz: QuizFile) -> bool:
    """True while a question waits for a person's check: the quiz cannot be published."""
    return any(question.review for question in quiz.questions)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def prepare_text(slug: str, text: str, path: str) -> ImportItem:
    """Validate one question file given as text (a web upload); `path` names it in errors.

    Raises QuestionFileError.
    """
    if not SLUG.match(slug) or len(slug) > MAX_SLUG_LENGTH:
        raise QuestionFileError([Problem.of(path, 1, N_("'%(name)s' cannot name a quiz"),
                                            N_("use lowercase letters, digits and hyphens only "
                                               "(at most %(limit)s)"),
                                            name=slug, limit=MAX_SLUG_LENGTH)])
    return ImportItem(slug, parse_question_file(text, path), text)


def file_name_problems(files: Iterable[Path]) -> list[Problem]:
    """What is wrong with the files' names as quiz addresses (`quiz import` names each quiz
    after its file): not lowercase letters, digits and hyphens ending in .md, or two files
    of one name. `quiz check` reports them too, so that a file it passes imports."""
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in files:
        slug = path.name.removesuffix(".md")
        if not SLUG.match(slug) or len(slug) > MAX_SLUG_LENGTH:
            problems.append(Problem.of(str(path), 1, N_("'%(name)s' cannot name a quiz"),
                                       N_("rename the file with lowercase letters, digits and "
                                          "hyphens only (at most %(limit)s), ending in .md "
                                          "(e.g. senate-vote.md)"),
                                       name=path.name, limit=MAX_SLUG_LENGTH))
        elif slug in seen:
            problems.append(Problem.of(str(path), 1,
                                       N_("another file is named '%(name)s' (%(other)s)"),
                                       N_("give each question file its own name"),
                                       name=path.name, other=str(seen[slug])))
        seen.setdefault(slug, path)
    return problems


def prepare_import(paths: Iterable[str | Path]) -> list[ImportItem]:
    """Read and validate every question file under ``paths``; the slug is the file's name.

    Raises QuestionFileError listing the problems of every invalid file (nothing is imported).
    """
    files = find_question_files(paths)
    items: list[ImportItem] = []
    problems = file_name_problems(files)
    for path in files:
        slug = path.name.removesuffix(".md")
        try:
            text = decode_question_bytes(path.read_bytes(), str(path))
            items.append(ImportItem(slug, parse_question_file(text, str(path)), text))
        except QuestionFileError as error:
            problems.extend(error.problems)
        except OSError as error:
            problems.append(Problem.of(str(path), 1, N_("cannot read the file (%(reason)s)"),
                                       N_("check the path"), reason=error.strerror))
    if problems:
        raise QuestionFileError(problems)
    return items


def same_title_elsewhere(slug: str, title: str, language: str) -> list[str]:
    """The addresses of the other quizzes (archived aside) whose current version has this
    title in this language, capitals aside: a new quiz that is most likely a copy (the same
    file imported under another name, a converted question bank), which students would see
    twice once published."""
    return list(db.session.scalars(
        sa.select(Quiz.slug)
        .join(QuizRevision, QuizRevision.id == Quiz.current_revision_id)
        # lower() on both sides: SQLite's changes only A to Z (« É » stays), the same each side.
        .where(sa.func.lower(QuizRevision.title) == sa.func.lower(sa.literal(title)),
               QuizRevision.language == language, Quiz.slug != slug,
               Quiz.status != "archived")
        .order_by(Quiz.slug)))


def import_items(items: list[ImportItem], created_by: User | None = None, *,
                 publish_new: bool = True, visibility: str = EVERYONE) -> list[ImportResult]:
    """Store the items in one transaction: a new quiz, a new revision of a changed one, or nothing.

    Past attempts keep pointing at the revision they were taken on, so they keep showing what
    the student saw. A new quiz is published when it has questions, unless `publish_new` is
    false (web uploads: the teacher previews, then publishes). `visibility` is who sees a new
    quiz (quiz/services/visibility.py): every student for the school's shared bank imported
    from `questions/`, the classes it is assigned to for a teacher's quiz made in the
    browser. A quiz already stored keeps its own: a re-import never changes it.
    """
    with write_transaction():
        stored = _current_revisions([item.slug for item in items])
        return [_import_one(item, created_by, publish_new, visibility, stored.get(item.slug))
                for item in items]


@dataclass(frozen=True)
class _StoredRevision:
    content_hash: str
    title: str
    number: int
    status: str  # the quiz's


def _current_revisions(slugs: list[str]) -> dict[str, _StoredRevision]:
    """Slug → its quiz's current revision (hash, title, number), for all files in one query:
    re-importing a folder of unchanged files then costs one query, not two per file."""
    stored: dict[str, _StoredRevision] = {}
    for start in range(0, len(slugs), 500):  # well under every database's parameter limit
        for slug, digest, title, number, status in db.session.execute(
                sa.select(Quiz.slug, QuizRevision.content_hash, QuizRevision.title,
                          QuizRevision.number, Quiz.status)
                .join(QuizRevision, QuizRevision.id == Quiz.current_revision_id)
                .where(Quiz.slug.in_(slugs[start:start + 500]))):
            stored[slug] = _StoredRevision(digest, title, number, status)
    return stored


def _import_one(item: ImportItem, created_by: User | None, publish_new: bool, visibility: str,
                stored: _StoredRevision | None) -> ImportResult:
    digest = content_hash(item.source_text)
    if item.based_on is None and stored is not None and stored.content_hash == digest:
        return ImportResult(item.slug, stored.title, "unchanged", stored.number,
                            len(item.quiz.questions), stored.status)
    # The row lock keeps two imports of the same quiz from taking the same revision number.
    quiz = db.session.scalar(sa.select(Quiz).where(Quiz.slug == item.slug).with_for_update()
                             .execution_options(populate_existing=True))
    if item.based_on is not None and (quiz is None or quiz.current_revision_id != item.based_on):
        raise RevisionChanged(item.slug)
    outcome: Literal["created", "updated", "unchanged"]
    ready = bool(item.quiz.questions) and not needs_review(item.quiz)
    if quiz is None:
        quiz = Quiz(slug=item.slug, status="published" if publish_new and ready else "draft",
                    visibility=visibility, held_for_its_file=publish_new and not ready)
        db.session.add(quiz)
        number, outcome = 1, "created"
    else:
        current = quiz.current_revision
        if current is not None and current.content_hash == digest:
            return ImportResult(item.slug, current.title, "unchanged", current.number,
                                len(item.quiz.questions), quiz.status)
        number = 1 + (db.session.scalar(
            sa.select(sa.func.max(QuizRevision.number)).where(QuizRevision.quiz_id == quiz.id))
            or 0)
        outcome = "updated"
        # A file without questions yet (or with some to check) cannot be taken: the quiz is a
        # draft, held for its file when `quiz import` (publish_new) made it so; once the file
        # is ready, that import publishes it again — not a draft of a teacher's choice
        # (Quiz.held_for_its_file).
        if not ready and quiz.status == "published":
            quiz.status, quiz.held_for_its_file = "draft", publish_new
        elif ready and quiz.status == "draft" and publish_new and quiz.held_for_its_file:
            quiz.status, quiz.held_for_its_file = "published", False
    if quiz.id is None:
        db.session.flush()  # the new quiz's id, for its revision
    revision_id = _insert_revision(item, quiz.id, number, digest, created_by)
    quiz.current_revision_id = revision_id
    quiz.search_text = folded(f"{item.quiz.title} {item.slug}")
    quiz.question_count = item.quiz.asked_count
    quiz.updated_at = utcnow()
    return ImportResult(item.slug, item.quiz.title, outcome, number, len(item.quiz.questions),
                        quiz.status)


def _insert_revision(item: ImportItem, quiz_id: int, number: int, digest: str,
                     created_by: User | None) -> int:
    """Insert the revision, its questions and their choices in four statements; its id.

    Plain INSERTs: an import of a thousand files is then a few thousand statements, not the
    ORM's unit of work over some forty objects per file.
    """
    parsed = item.quiz
    revision_id: int = db.session.execute(sa.insert(QuizRevision.__table__).values(
        quiz_id=quiz_id, number=number, title=parsed.title, language=parsed.language,
        published_on=parsed.published, source_name=parsed.source, source_url=parsed.url,
        credit=parsed.credit, facts_as_of=parsed.facts_as_of,
        article=stored_article(parsed),
        source_text=item.source_text, content_hash=digest,
        created_by_id=created_by.id if created_by else None, created_at=utcnow(),
    ).returning(QuizRevision.__table__.c.id)).scalar_one()
    if not parsed.questions:
        return revision_id
    questions = Question.__table__
    db.session.execute(sa.insert(questions), [
        {"revision_id": revision_id, "key": question.key, "position": position,
         "kind": question.kind, "prompt": question.prompt, "explanation": question.explanation,
         "passage": question.passage, "passage_block": question.location.block,
         "passage_start": question.location.start, "passage_end": question.location.end,
         "outdated_note": question.outdated, "review_note": question.review}
        for position, question in enumerate(parsed.questions)])
    # (revision, position) is unique: read the new ids back by position.
    ids = dict(db.session.execute(sa.select(questions.c.position, questions.c.id)
                                  .where(questions.c.revision_id == revision_id)).all())
    db.session.execute(sa.insert(Choice.__table__), [
        {"question_id": ids[position], **choice}
        for position, question in enumerate(parsed.questions)
        for choice in _choice_rows(question, parsed.language)])
    return revision_id


def _choice_rows(question: ParsedQuestion, language: str) -> list[dict[str, object]]:
    if question.kind == "true_false":
        true_label, false_label = TRUE_FALSE_LABELS.get(language, TRUE_FALSE_LABELS["en"])
        return [{"position": 0, "text": true_label, "is_correct": question.answer is True},
                {"position": 1, "text": false_label, "is_correct": question.answer is False}]
    return [{"position": i, "text": c.text, "is_correct": c.correct}
            for i, c in enumerate(question.choices)]
