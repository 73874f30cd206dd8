"""A class's gradebook: one row per member, one column per assignment, as CSV or .xlsx.

Each cell is the score the boards count (``CountedResult``, kept by
``quiz.services.leaderboard.recount`` under the assignment's counting rule): nothing is
recounted here. A cell with nothing counted is empty, or marked late when the student handed
work in after the due date only (late work is kept, never counted).

The words (headers, the late mark) and the dates come from the caller, in the reader's language
and the school's time zone (``GradebookLabels``): this module knows nothing of requests.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from ..extensions import db
from ..models import (
    Assignment,
    Attempt,
    Classroom,
    CountedResult,
    Membership,
    Quiz,
    QuizRevision,
    User,
)
from .analytics import as_text_cell
from .leaderboard import made_in_class, name_order

# Members whose cells are read with one pair of queries: a 900-member class with 600
# assignments holds 200 × 600 cells at a time, never the whole class.
BATCH = 200


@dataclass(frozen=True)
class GradebookColumn:
    """An assignment of the class; `points`: its quiz's current questions (as the boards)."""

    assignment_id: int
    title: str
    points: int
    due_at: dt.datetime | None


@dataclass(frozen=True)
class GradebookRow:
    """A member's results, a place per column: `scores[n]` the counted score out of
    `totals[n]` (None: nothing counts), `late[n]` the best score of work handed in after the
    due date only (None: none). Three lists of numbers rather than an object per cell: a class
    of 900 with 600 assignments has 540,000 cells, and that many small objects kept alive
    made Python's garbage collector take most of the time."""

    display_name: str
    username: str
    scores: list[int | None]
    totals: list[int | None]
    late: list[int | None]


@dataclass(frozen=True)
class GradebookLabels:
    """The reader's words: `column(column)` is an assignment's header (title, points, due
    date in the school's time zone), `late(score)` the mark of late work."""

    student: str
    username: str
    column: Callable[[GradebookColumn], str]
    late: Callable[[int], str]
    sheet: str


def gradebook_columns(classroom: Classroom) -> list[GradebookColumn]:
    """The class's assignments, oldest first, each with its quiz's current title and points."""
    rows = db.session.execute(
        sa.select(Assignment.id, QuizRevision.title, Quiz.question_count, Assignment.due_at)
        .join(Quiz, Quiz.id == Assignment.quiz_id)
        .join(QuizRevision, QuizRevision.id == Quiz.current_revision_id)
        .where(Assignment.classroom_id == classroom.id)
        .order_by(Assignment.created_at, Assignment.id)).all()
    return [GradebookColumn(assignment_id, title, int(n), due)
            for assignment_id, title, n, due in rows]


def gradebook_rows(classroom: Classroom, columns: Sequence[GradebookColumn], *,
                   batch: int = BATCH) -> Iterator[GradebookRow]:
    """Every member of the class (as the boards: hidden ones too), by name, with a cell per
    column. Two queries per `batch` members, whatever the number of assignments."""
    members = sorted(
        db.session.execute(sa.select(User.id, User.display_name, User.username)
                           .join(Membership, Membership.user_id == User.id)
                           .where(Membership.classroom_id == classroom.id)).all(),
        key=lambda m: (name_order(m[1]), m[0]))
    place = {column.assignment_id: n for n, column in enumerate(columns)}
    for start in range(0, len(members), batch):
        chunk = members[start:start + batch]
        user_ids = [m[0] for m in chunk]
        rows = {user_id: GradebookRow(name, username, [None] * len(columns),
                                      [None] * len(columns), [None] * len(columns))
                for user_id, name, username in chunk}
        # Late work done in the class: what a student did before joining it, for another
        # class or alone, is not this teacher's to see (leaderboard.made_in_class).
        late = db.session.execute(
            sa.select(Attempt.user_id, Assignment.id, sa.func.max(Attempt.score))
            .join(Assignment, (Assignment.quiz_id == Attempt.quiz_id)
                  & (Assignment.classroom_id == classroom.id))
            .where(Attempt.user_id.in_(user_ids), Attempt.status == "submitted",
                   Assignment.due_at.is_not(None), Attempt.submitted_at > Assignment.due_at,
                   made_in_class(classroom.id, Attempt.user_id))
            .group_by(Attempt.user_id, Assignment.id))
        for user_id, assignment_id, score in late:
            if assignment_id in place:
                rows[user_id].late[place[assignment_id]] = score
        counted = db.session.execute(
            sa.select(CountedResult.user_id, CountedResult.assignment_id, CountedResult.score,
                      CountedResult.total)
            .where(CountedResult.classroom_id == classroom.id,
                   CountedResult.user_id.in_(user_ids)))
        for user_id, assignment_id, score, total in counted:
            if assignment_id in place:
                row = rows[user_id]
                row.scores[place[assignment_id]] = score
                row.totals[place[assignment_id]] = total
        yield from rows.values()


def _header(columns: Sequence[GradebookColumn], labels: GradebookLabels) -> list[str]:
    return [labels.student, labels.username, *(labels.column(c) for c in columns)]


def _values(row: GradebookRow, points: Sequence[int],
            labels: GradebookLabels) -> Iterator[int | str]:
    """A row's cells: the counted score as a number (written "4 (/5)" when the counted attempt
    was out of other points than the quiz's current questions, a version changed since: "4/5"
    would open as a date), else the late mark, else empty. Counted wins over late work."""
    for score, total, late, out_of in zip(row.scores, row.totals, row.late, points,
                                          strict=True):
        if score is not None:
            yield score if total == out_of else f"{score} (/{total})"
        elif late is not None:
            yield labels.late(late)
        else:
            yield ""


def gradebook_csv(classroom: Classroom, labels: GradebookLabels, separator: str, *,
                  batch: int = BATCH) -> Iterator[str]:
    """The gradebook as CSV text, a piece per `batch` members (sent as it is read).

    Starts with a byte-order mark so that spreadsheets read UTF-8; every text cell goes
    through ``as_text_cell`` (a name beginning with "=" is not run as a formula).
    """
    columns = gradebook_columns(classroom)
    points = [column.points for column in columns]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow([as_text_cell(text) for text in _header(columns, labels)])
    yield "\ufeff" + out.getvalue()
    out.seek(0)
    out.truncate()
    for n, row in enumerate(gradebook_rows(classroom, columns, batch=batch), start=1):
        writer.writerow([as_text_cell(row.display_name), as_text_cell(row.username),
                         *(v if isinstance(v, int) else as_text_cell(v)
                           for v in _values(row, points, labels))])
        if n % batch == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    if out.tell():
        yield out.getvalue()


def gradebook_xlsx(classroom: Classroom, labels: GradebookLabels) -> bytes:
    """The gradebook as an .xlsx workbook: scores are numbers, the header row and the names
    stay in view (frozen).

    Written row by row (openpyxl's write-only mode, through a temporary file): the sheet never
    sits whole in memory, only the compressed file (bench/gradebook.py: 2.2 MB, and a peak of
    31 MB of Python memory, for 900 students × 611 assignments). Text is stored as text,
    never as a formula, whatever it begins with.
    """
    # Imported here: openpyxl takes 0.2 s to import, paid by every process start (each CLI
    # command, each server worker) though only this download uses it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    columns = gradebook_columns(classroom)
    points = [column.points for column in columns]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(labels.sheet[:31])
    sheet.freeze_panes = "C2"
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 18
    # A quiz's column as wide as a few words of its title, the title wrapped over lines in
    # the header (at the default width an 85-letter title was cut after 10).
    titles = _header(columns, labels)
    for number in range(3, len(titles) + 1):
        sheet.column_dimensions[get_column_letter(number)].width = 22
    bold = Font(bold=True)
    wrapped = Alignment(wrap_text=True, vertical="top")

    def text(value: str, font: Font | None = None) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
        if font is not None:
            cell.font = font
        return cell

    header = []
    for title in titles:
        cell = text(title, bold)
        cell.alignment = wrapped
        header.append(cell)
    sheet.append(header)
    for row in gradebook_rows(classroom, columns):
        sheet.append([text(row.display_name), text(row.username),
                      *(v if isinstance(v, int) else (text(v) if v else None)
                        for v in _values(row, points, labels))])
    with tempfile.TemporaryFile() as out:
        book.save(out)
        out.seek(0)
        return out.read()
