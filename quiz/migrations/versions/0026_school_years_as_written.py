"""school years stored before their spelling was one: « 2026/2027 » is 2026-2027

The class form writes a school year typed « 2026/2027 », « 2026 - 2027 » or « 2026-27 » as
2026-2027 (since 0025's day; « 26-27 » since this one's); classes made before kept what was
typed, so a new « 4e B » of 2026-2027 was not seen as the same year as the « 4e B » of
2026/2027, and a class page's links to the teacher's other classes of its year missed them.
Each stored year is now written as the form writes it — but where the teacher has a class of
that name written so already (the two would read as one class: left for the teacher to
rename). The rule is copied here as of this day (a migration keeps what
it did; the app's is quiz/services/classes.py, school_year_as_written). No downgrade: what was
typed is not kept, and either spelling means the same year.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-05 16:00:00

"""
import re

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0026'
down_revision = '0025'
branch_labels = None
depends_on = None

_TWO_YEARS = re.compile(r"(\d{4}|\d{2})\s*[-/–—]\s*(\d{4}|\d{2})")


def _as_written(typed):
    typed = typed.strip()
    both = _TWO_YEARS.fullmatch(typed)
    if both:
        first, second = both.groups()
        year = int(first) if len(first) == 4 else 2000 + int(first)
        if second == str(year + 1)[-len(second):]:
            return f"{year}-{year + 1}"
    return typed


def upgrade():
    connection = op.get_bind()
    classroom = sa.table('classroom', sa.column('id', sa.Integer),
                         sa.column('teacher_id', sa.Integer), sa.column('name', sa.String),
                         sa.column('school_year', sa.String))
    stored = connection.execute(sa.select(classroom.c.id, classroom.c.teacher_id,
                                          classroom.c.name, classroom.c.school_year)
                                .order_by(classroom.c.id)).all()
    # A teacher's « 4e B · 2026/2027 » beside their « 4e B · 2026-2027 » keeps its spelling:
    # written alike, the two would be the one class the app refuses to make twice.
    taken = {(teacher, name.casefold(), year) for _id, teacher, name, year in stored}
    for class_id, teacher, name, year in stored:
        written = _as_written(year)
        if written != year and (teacher, name.casefold(), written) not in taken:
            taken.add((teacher, name.casefold(), written))
            connection.execute(classroom.update().where(classroom.c.id == class_id)
                               .values(school_year=written))


def downgrade():
    pass
