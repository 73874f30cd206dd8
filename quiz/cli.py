"""`flask --app app quiz …` commands: thin wrappers over the question-file parser and services."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from flask.cli import AppGroup
from flask_migrate.cli import db as migrate_cli

from .database import write_transaction
from .extensions import db
from .forms import USERNAME_PATTERN
from .models import Question, Quiz, QuizRevision, User
from .questionfile import (
    QuestionFileError,
    check_files,
    decode_question_bytes,
    find_question_files,
    parse_question_file,
    read_question_file,
    write_question_file,
)
from .questionfile.foreign import FORMAT_NAMES, convert_text
from .questionfile.interchange import export_gift, export_moodle_xml
from .services.accounts import (
    GUESSABLE,
    AccountError,
    clean_display_name,
    guessable_password,
    reset_password,
)
from .services.importer import (
    file_name_problems,
    files_against_history,
    import_items,
    prepare_import,
    same_title_elsewhere,
)
from .services.personal_data import ErasureError, erase_students, inactive_students
from .templating import translate_into

quiz_cli = AppGroup("quiz", help="Check and import question files, list quizzes, add teachers.")
article_cli = AppGroup("article", help="Turn a news page into a question file.")
quiz_cli.add_command(article_cli)


Command = TypeVar("Command", bound=Callable[..., Any])
UPGRADE = "flask --app app db upgrade"


def unreachable_database(error: sa.exc.OperationalError) -> str:
    """One line for a database that does not answer (PostgreSQL down, an SQLite file that
    cannot be opened), naming it without its password."""
    url = db.engine.url
    cause = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    if url.get_backend_name() == "sqlite":
        return (f"cannot open the SQLite database {url.database} ({cause}): check that its "
                "folder exists and that this user may write in it, or change DATABASE_URL.")
    shown = url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)
    return (f"cannot reach the database {shown} ({cause}): is PostgreSQL running there, and "
            "is DATABASE_URL right?")


def schema_problem() -> str | None:
    """None when the database has this version's tables; else, in one line, what to run.

    A database made by `db upgrade` records its schema revision; one made by
    `db.create_all()` (the tests) has the tables and no revision, and passes."""
    with db.engine.connect() as connection:
        if not sa.inspect(connection).has_table(Quiz.__tablename__):
            return (f"the database {db.engine.url.render_as_string(hide_password=True)} has no "
                    f"News Quiz tables yet: run `{UPGRADE}` first (`python3 manage.py serve` "
                    "does it).")
        current = set(MigrationContext.configure(connection).get_current_heads())
    scripts = ScriptDirectory(current_app.extensions["migrate"].directory)
    needed = set(scripts.get_heads())
    if current and current != needed:
        known = {revision.revision for revision in scripts.walk_revisions()}
        if not current <= known:  # upgraded by a newer version: `db upgrade` cannot help
            return (f"the database's schema is at revision {', '.join(sorted(current))}, newer "
                    f"than this version of News Quiz knows (it needs "
                    f"{', '.join(sorted(needed))}): run the version that upgraded it, or "
                    "restore the copy taken before the upgrade (docs/deploy.md, section 8).")
        return (f"the database's schema is at revision {', '.join(sorted(current))}, and this "
                f"version of News Quiz needs {', '.join(sorted(needed))}: run `{UPGRADE}` first.")
    return None


def _report_unreachable_database(command: Command) -> Command:
    @functools.wraps(command)
    def reported(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except sa.exc.OperationalError as error:
            raise click.ClickException(unreachable_database(error)) from None

    return reported  # type: ignore[return-value]


def uses_database(command: Command) -> Command:
    """For a command that reads or writes the database: first check that the database answers
    and has this version's schema; a problem is one line (exit status 1), not a traceback."""

    @functools.wraps(command)
    def checked(*args: Any, **kwargs: Any) -> Any:
        problem = schema_problem()
        if problem:
            raise click.ClickException(problem)
        return command(*args, **kwargs)

    return _report_unreachable_database(checked)  # type: ignore[return-value]


# Flask-Migrate's `db` commands (`manage.py serve` runs `db upgrade`): a database that does not
# answer is one line there too. Done once, here, on its command group.
for _command in migrate_cli.commands.values():
    if _command.callback is not None:
        _command.callback = _report_unreachable_database(_command.callback)


def _default_paths(paths: tuple[str, ...]) -> list[str]:
    return list(paths) or [current_app.config["QUESTIONS_DIR"]]


@quiz_cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
def check_command(paths: tuple[str, ...]) -> None:
    """Validate question files or folders (default: questions/). Exit 1 if any is invalid."""
    started = time.perf_counter()
    try:
        files = find_question_files(_default_paths(paths))
    except QuestionFileError as error:
        raise click.ClickException(str(error)) from None
    valid, problems = check_files(files)
    named = file_name_problems(files)  # `quiz import` names each quiz after its file
    misnamed = {problem.path for problem in named}
    valid = [quiz for quiz in valid if quiz.path not in misnamed]
    problems = sorted([*named, *problems], key=lambda problem: problem.path)
    for problem in problems:
        click.echo(str(problem), err=True)
    elapsed = time.perf_counter() - started
    bad = len({p.path for p in problems})
    click.echo(f"{len(files)} file(s) checked in {elapsed:.2f} s: {len(valid)} valid, "
               f"{bad} with errors ({len(problems)} error(s)).")
    if problems or not files:
        if not files:
            click.echo("No question files found (they end in .md).", err=True)
        raise SystemExit(1)


@quiz_cli.command("import")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--draft", is_flag=True,
              help="Keep new quizzes as drafts, to publish from their page in the browser "
                   "(without it, a new quiz with questions is published for every student).")
@uses_database
def import_command(paths: tuple[str, ...], draft: bool) -> None:
    """Validate, then import question files all or nothing (default: questions/)."""
    started = time.perf_counter()
    try:
        items = prepare_import(_default_paths(paths))
    except QuestionFileError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        files = len({p.path for p in error.problems})
        click.echo(f"Nothing imported: {len(error.problems)} error(s) in {files} file(s).",
                   err=True)
        raise SystemExit(1) from None
    if not items:
        click.echo("No question files found (they end in .md).", err=True)
        raise SystemExit(1)
    history = files_against_history(items)
    results = import_items([item for item in items if item.slug not in history.older],
                           publish_new=not draft)
    for result in results:
        click.echo(f"{result.outcome:9} {result.slug} (revision {result.revision}, "
                   f"{result.questions} questions, {result.status}): {result.title}")
    parsed = {item.slug: item.quiz for item in items}
    for result in results:
        copies = same_title_elsewhere(result.slug, result.title, parsed[result.slug].language) \
            if result.outcome == "created" else []
        if copies:
            click.echo(f"warning: {result.slug} has the title of {', '.join(copies)}, in the "
                       "same language: a copy under another file name? Students see each "
                       "published quiz; archive the one you do not want from its page.",
                       err=True)
    published = [r.slug for r in results if r.outcome == "created" and r.status == "published"]
    if published:
        new = "1 new quiz" if len(published) == 1 else f"{len(published)} new quizzes"
        click.echo(f"{new} published: every student sees and can take "
                   f"{'it' if len(published) == 1 else 'them'} now (quiz import --draft keeps "
                   "new quizzes as drafts, to publish from their page).")
    for slug, (number, current) in history.older.items():
        click.echo(f"kept      {slug} (revision {current}): {slug}.md is its revision {number} "
                   "word for word, changed since in the browser; not imported again. To keep "
                   "questions/ in step, download the quiz's file from its page; to make an "
                   "older revision the newest again, use “Put this version back” on that "
                   "revision's page.")
    for slug, (number, back) in history.taken_back.items():
        changes = len(back.questions) + len(back.header) + back.article
        since = f"revision {number}" if number == back.base + 1 \
            else f"revisions {back.base + 1} to {number}"
        click.echo(f"warning: {slug}.md reads as a copy of revision {back.base}: it took back "
                   f"{changes} change(s) saved since ({since}, made in the browser at "
                   "least in part). Every revision stays listed on "
                   "the quiz's page, where “Put this version back” restores one; to keep "
                   "them, download the quiz's file into questions/ before editing it.",
                   err=True)
    counts = {o: sum(r.outcome == o for r in results) for o in ("created", "updated", "unchanged")}
    kept = f", {len(history.older)} left at a newer revision" if history.older else ""
    click.echo(f"Imported {len(items)} file(s): {counts['created']} created, "
               f"{counts['updated']} updated, {counts['unchanged']} unchanged{kept}.")
    click.echo(f"Import took {time.perf_counter() - started:.2f} s.")


@quiz_cli.command("convert")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.argument("target", type=click.Path(dir_okay=False, writable=True))
@click.option("--article", type=click.Path(exists=True, dir_okay=False),
              help="With a GIFT, Moodle XML or Aiken SOURCE: the question file holding the "
                   "article.")
def convert_command(source: str, target: str, article: str | None) -> None:
    """Convert between question files and Moodle's formats.

    \b
    FILE.md  → OUT.gift / OUT.txt (GIFT) or OUT.xml (Moodle XML)
    FILE.gift, FILE.xml or FILE.txt (GIFT, Moodle XML or Aiken) --article ARTICLE.md → OUT.md
    """
    suffix = Path(target).suffix.lower()
    exporters = {".gift": export_gift, ".txt": export_gift, ".xml": export_moodle_xml}
    if Path(source).suffix.lower() != ".md":
        _convert_foreign(source, target, article)
        return
    if suffix not in exporters:
        raise click.BadParameter("end TARGET in .gift, .txt or .xml", param_hint="TARGET")
    try:
        quiz = read_question_file(source)
    except QuestionFileError as error:
        raise click.ClickException(str(error)) from None
    result = exporters[suffix](quiz, f"News Quiz/{Path(source).stem}",
                               lambda message: translate_into(quiz.language, message))
    Path(target).write_text(result.text, encoding="utf-8")
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"Wrote {target}: {quiz.asked_count} question(s).")


def _convert_foreign(source: str, target: str, article_path: str | None) -> None:
    if article_path is None:
        raise click.UsageError("a GIFT, Moodle XML or Aiken file has no article: name the "
                               "question file that holds it with --article ARTICLE.md")
    if not target.lower().endswith(".md"):
        raise click.BadParameter("end TARGET in .md (a question file)", param_hint="TARGET")
    try:
        article = read_question_file(article_path)
        text = decode_question_bytes(Path(source).read_bytes(), source)
    except QuestionFileError as error:
        raise click.ClickException(str(error)) from None
    kind, result = convert_text(text, source, article)
    Path(target).write_text(write_question_file(result.quiz), encoding="utf-8")
    for problem in result.problems:
        click.echo(f"left out: {problem}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    added = result.quiz.questions[len(article.questions):]
    to_check = sum(1 for question in added if question.review)
    summary = (f"Read {source} as {FORMAT_NAMES[kind]}: {len(added)} "
               f"question(s) written to {target}, {len(result.problems)} left out.")
    if to_check:  # a passage suggested by matching, an explanation to write…
        summary += (f" {to_check} to check (their 'Review:' lines say what) before the quiz "
                    "can be published.")
    else:  # News Quiz's own export read back: each passage and explanation as it was
        summary += " None needs checking: the quiz can be published as it is."
    click.echo(summary)


@quiz_cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@uses_database
def list_command(as_json: bool) -> None:
    """List every quiz in the database."""
    counts = (
        sa.select(Question.revision_id, Question.kind, sa.func.count())
        .group_by(Question.revision_id, Question.kind)
    )
    by_revision: dict[int, dict[str, int]] = {}
    for revision_id, kind, count in db.session.execute(counts):
        by_revision.setdefault(revision_id, {})[kind] = count
    rows = db.session.execute(
        sa.select(Quiz.slug, Quiz.status, QuizRevision.id, QuizRevision.title,
                  QuizRevision.language, QuizRevision.number)
        .join(QuizRevision, Quiz.current_revision_id == QuizRevision.id)
        .order_by(Quiz.slug)
    ).all()
    quizzes: list[dict[str, Any]] = [
        {
            "slug": slug,
            "title": title,
            "language": language,
            "published": status == "published",
            "status": status,
            "revision": number,
            "questions": {"mcq": by_revision.get(rid, {}).get("mcq", 0),
                          "true_false": by_revision.get(rid, {}).get("true_false", 0)},
        }
        for slug, status, rid, title, language, number in rows
    ]
    if as_json:
        click.echo(json.dumps(quizzes, ensure_ascii=False, indent=2))
        return
    if not quizzes:
        click.echo("No quizzes yet: import some with `flask --app app quiz import questions/`.")
        return
    for q in quizzes:
        click.echo(f"{q['slug']:40} {q['language']} {q['status']:9} "
                   f"mcq={q['questions']['mcq']:<3} true_false={q['questions']['true_false']:<3} "
                   f"{q['title']}")


@quiz_cli.command("create-teacher")
@click.argument("username")
@click.option("--display-name", help="Name shown to students (default: the username).")
@click.password_option(help="The password (prompted when not given).")
@uses_database
def create_teacher_command(username: str, display_name: str | None, password: str) -> None:
    """Create a teacher account."""
    username = username.strip().lower()
    if not USERNAME_PATTERN.match(username) or not 3 <= len(username) <= 40:
        raise click.BadParameter("use 3 to 40 lowercase letters, digits, '.', '-' or '_'",
                                 param_hint="USERNAME")
    if len(password) < 8:
        raise click.BadParameter("use at least 8 characters", param_hint="password")
    try:
        name = clean_display_name(display_name or username)
    except AccountError as error:
        raise click.BadParameter(str(error), param_hint="--display-name") from None
    if guessable_password(password, username, name):
        raise click.BadParameter(str(GUESSABLE), param_hint="password")
    if db.session.scalar(sa.select(User.id).where(User.username == username)) is not None:
        raise click.ClickException(f"the username '{username}' is taken")
    with write_transaction():
        user = User(username=username, display_name=name, role="teacher")
        user.set_password(password)
        db.session.add(user)
    click.echo(f"Teacher '{username}' created.")


@quiz_cli.command("reset-password")
@click.argument("username")
@click.option("--password", help="The new password (at least 8 characters). Without it, a "
                                 "temporary one is printed, to be replaced at the next login.")
@uses_database
def reset_password_command(username: str, password: str | None) -> None:
    """Reset the password of any account, teachers included; its sessions end."""
    user = db.session.scalar(sa.select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise click.ClickException(f"no account has the username '{username}' "
                                   "(see the class pages for students' usernames)")
    try:
        chosen = reset_password(user, password)
    except AccountError as error:
        raise click.BadParameter(str(error), param_hint="--password") from None
    if password is None:
        click.echo(f"Temporary password for '{user.username}': {chosen}")
        click.echo("It is to be replaced at the next login. Every session of the account "
                   "has ended.")
    else:
        click.echo(f"Password of '{user.username}' changed. Every session of the account has "
                   "ended.")


@quiz_cli.command("delete-students")
@click.argument("usernames", nargs=-1)
@click.option("--inactive-since", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Every student with nothing done from this day (YYYY-MM-DD, UTC, not "
                   "after today) on: account made before, no quiz started, answer saved or "
                   "class joined since. With USERNAMES too: both lists.")
@click.option("--yes", is_flag=True, help="Delete them. Without it, only list them.")
@uses_database
def delete_students_command(usernames: tuple[str, ...], inactive_since: Any,
                            yes: bool) -> None:
    """Delete student accounts with everything in them (attempts, answers, classes):
    those named, or those inactive since a date. Lists them first; deletes all or none."""
    if not usernames and inactive_since is None:
        raise click.UsageError("name the students' usernames, or give --inactive-since DATE")
    found: list[tuple[int, str, str, str]] = []  # id, username, name, what
    if inactive_since is not None:
        since = inactive_since.replace(tzinfo=dt.UTC)
        if since.date() > dt.datetime.now(dt.UTC).date():
            raise click.BadParameter("a day to come would list every student, active ones "
                                     "too: give a day that has begun (YYYY-MM-DD)",
                                     param_hint="--inactive-since")
        found += [(student.id, student.username, student.display_name,
                   f"last active {student.last_active:%Y-%m-%d}")
                  for student in inactive_students(since)]
    listed = {user_id for user_id, *_rest in found}
    for username in usernames:
        user = db.session.scalar(sa.select(User).where(
            User.username == username.strip().lower()))
        if user is None:
            raise click.ClickException(f"no account has the username '{username}': nothing "
                                       "deleted")
        if user.is_teacher:
            raise click.ClickException(f"'{user.username}' is a teacher's account: its "
                                       "classes and quizzes name it; nothing deleted")
        if user.id not in listed:
            listed.add(user.id)
            found.append((user.id, user.username, user.display_name, "named"))
    if not found:
        click.echo("No student account to delete.")
        return
    click.echo(f"{len(found)} student account(s) {'to delete' if yes else 'found'}:")
    for _user_id, username, name, what in found[:LISTED_STUDENTS]:
        click.echo(f"  {username} ({name}), {what}")
    if len(found) > LISTED_STUDENTS:
        click.echo(f"  … and {len(found) - LISTED_STUDENTS} more")
    if not yes:
        click.echo("Nothing deleted: run the same command with --yes to delete them, with "
                   "their attempts, answers and places in classes.")
        return
    began = time.monotonic()
    try:
        erased = erase_students([user_id for user_id, *_rest in found])
    except ErasureError as error:  # changed meanwhile (a student made a teacher): none goes
        raise click.ClickException(f"{error}: nothing deleted") from None
    click.echo(f"Deleted {erased.accounts} account(s) and their {erased.attempts} attempt(s) "
               f"in {time.monotonic() - began:.1f} s.")


LISTED_STUDENTS = 50  # accounts named before "… and N more"


@article_cli.command("import")
@click.argument("source")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The question file to write (e.g. questions/senate-vote.md).")
@click.option("--language", help="The article's two-letter language code (default: detected).")
@click.option("--timeout", default=10.0, show_default=True, help="Seconds to wait for a URL.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
def article_import_command(source: str, output: str, language: str | None, timeout: float,
                           force: bool) -> None:
    """Write a question file (the article, no questions yet) from SOURCE.

    SOURCE is a URL (http:// or https://), or a saved web page (.html), a Markdown (.md) or a
    text file (.txt; the first line is the title, then the paragraphs, separated by blank
    lines: lines not apart make one paragraph). Then: `quiz draft OUTPUT`.
    """
    # Imported here, not at the top: trafilatura and lxml take a second to load, and every
    # other command (and the app's start) would pay for it.
    from .articles import ArticleError, FetchLimits, import_source

    if Path(output).exists() and not force:
        raise click.ClickException(f"{output} exists: choose another name, or add --force")
    try:
        if "://" in source:
            imported = import_source(source, language=language, limits=FetchLimits(
                timeout=timeout, allow_private=True))  # the operator's own command
        else:
            path = Path(source)
            if not path.is_file():
                raise click.ClickException(f"{source}: no such file (or give a URL)")
            imported = import_source(path.read_bytes(), path.name, language=language)
    except ArticleError as error:
        raise click.ClickException(f"{source}: {error}") from None
    Path(output).write_text(imported.text, encoding="utf-8")
    for warning in imported.warnings:
        click.echo(f"check: {warning}", err=True)
    paragraphs = sum(block.kind == "paragraph" for block in imported.quiz.article)
    click.echo(f"Wrote {output}: “{imported.quiz.title}” ({imported.quiz.language}, "
               f"{paragraphs} paragraph{'' if paragraphs == 1 else 's'}, no questions yet). "
               f"Next: flask --app app quiz draft {output}")


@quiz_cli.command("draft")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--max", "max_questions", default=10, show_default=True,
              type=click.IntRange(1, 50), help="How many drafts to add at most.")
@click.option("--seed", default=0, show_default=True, help="Another seed, other drafts.")
def draft_command(path: str, max_questions: int, seed: int) -> None:
    """Add draft questions to the question file PATH, in place.

    Each draft has a 'Review:' line: check it, then delete the line (or accept it on the quiz's
    page); a quiz with drafts left cannot be published. `quiz check PATH` passes afterwards.
    """
    # Imported here, not at the top: the drafting models (spaCy) are big and optional.
    from .articles import ArticleError, check_draftable
    from .drafting import DraftingUnavailable, draft_file_text

    try:
        text = decode_question_bytes(Path(path).read_bytes(), path)
        check_draftable(parse_question_file(text, path))
        started = time.perf_counter()
        written, report = draft_file_text(text, max_questions, seed, path)
    except QuestionFileError as error:
        raise click.ClickException(str(error)) from None
    except (ArticleError, DraftingUnavailable) as error:
        raise click.ClickException(f"cannot draft questions from {path}: {error}") from None
    if not report.drafts:  # nothing written: the file stays as it was, and the exit status says so
        raise click.ClickException(
            f"no draft written to {path}: no sentence of the article could be turned into a "
            f"question ({report.considered} sentences; " + ", ".join(
                f"{cause}: {count}" for cause, count in sorted(report.rejected.items()))
            + "). Write its questions by hand.")
    Path(path).write_text(written, encoding="utf-8")
    kinds = {k: sum(d.question.kind == k for d in report.drafts) for k in ("mcq", "true_false")}
    click.echo(f"Added {len(report.drafts)} draft(s) to {path} in "
               f"{time.perf_counter() - started:.1f} s ({kinds['mcq']} multiple choice, "
               f"{kinds['true_false']} true/false) from {report.considered} sentences. Each "
               "has a 'Review:' line: accept, edit or delete each before publishing.")


@quiz_cli.command("worker")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 8),
              help="Jobs run at once (each drafting thread shares the one loaded model).")
def worker_command(workers: int) -> None:
    """Run the drafting jobs that the web pages queue, until Ctrl+C (or SIGTERM).

    `python3 manage.py serve` starts one beside the web server; with gunicorn, run this command
    as a service of its own (docs/deploy.md). The language model is loaded once, here, on the
    first job.
    """
    import redis

    from .jobs import job_queue

    try:
        queue = job_queue(current_app)
        url = current_app.config["JOB_QUEUE_URL"] or f"{current_app.instance_path}/jobs.sqlite"
        try:
            waiting = queue.pending()  # the queue's first use: one line if it does not answer
        except redis.RedisError as error:
            raise click.ClickException(
                f"cannot reach the job queue {_without_password(url)} "
                f"({(str(error).splitlines() or [type(error).__name__])[0].rstrip('.')}): is "
                "Redis running there, and is "
                "NEWS_QUIZ_JOB_QUEUE (with its password) right?") from None
        click.echo(f"Drafting worker: running the jobs queued in {_without_password(url)} "
                   f"({waiting} waiting; Ctrl+C to stop).")
        queue.run_worker(workers)
    except KeyboardInterrupt:  # Ctrl+C before the worker had started: nothing under way
        pass
    click.echo("Drafting worker stopped.")


def _without_password(url: str) -> str:
    """redis://:secret@host/0 → redis://:***@host/0 (the URL is printed)."""
    return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", url)
