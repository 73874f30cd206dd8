"""what a student sees of a submitted attempt, and from when, per assignment

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 05:20:00

Existing assignments get the defaults: the score and right/wrong at once, the right answers
with explanations and passages after the due date (at once when there is none).
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

COLUMNS = (('review_score', 'now'), ('review_marks', 'now'), ('review_answers', 'after_due'))


def upgrade():
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        for column, default in COLUMNS:
            batch_op.add_column(sa.Column(column, sa.String(length=10), nullable=False,
                                          server_default=default))
            batch_op.create_check_constraint(
                batch_op.f(f'ck_assignment_{column}'),
                f"{column} IN ('now', 'after_due', 'never')")
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        for column, _default in COLUMNS:  # the app gives every value; no default in the table
            batch_op.alter_column(column, server_default=None)


def downgrade():
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        for column, _default in COLUMNS:
            batch_op.drop_constraint(batch_op.f(f'ck_assignment_{column}'), type_='check')
            batch_op.drop_column(column)
