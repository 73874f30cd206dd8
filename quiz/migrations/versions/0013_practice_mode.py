"""practice mode: attempts answered one question at a time, each answer explained at once,
and assignments taken that way

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 13:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    for table in ('attempt', 'assignment'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('practice', sa.Boolean(), nullable=False,
                                          server_default=sa.false()))


def downgrade():
    for table in ('assignment', 'attempt'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('practice')
