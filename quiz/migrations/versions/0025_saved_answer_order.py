"""saved answers name the page and the change that stored them

The quiz page's script gives up on a save with no reply after 15 s and sends the next one; the
first could still reach the server afterwards and put back the older answer, then graded. Each
saved answer now keeps which page stored it and the number of the change there, and a late
save of a page never replaces its newer one (quiz/services/attempts.py, SaveOrder). Rows saved
before have neither: the next save replaces them, as before.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-05 13:55:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('saved_answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('page', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('change', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('saved_answer', schema=None) as batch_op:
        batch_op.drop_column('change')
        batch_op.drop_column('page')
