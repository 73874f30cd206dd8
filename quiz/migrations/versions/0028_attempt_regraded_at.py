"""attempts say when a teacher regraded them

A teacher who corrects a question's right answer can now regrade the attempts made on earlier
versions (quiz/services/regrade.py): they move onto the corrected version and are marked again.
The attempt keeps when, for its results page. Attempts stored before were never regraded.

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-06 01:05:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0028'
down_revision = '0027'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('regraded_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('regraded_at')
