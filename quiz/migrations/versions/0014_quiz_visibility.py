"""who sees a quiz: the classes it is assigned to, or every student of the server

Quizzes already stored stay seen by everyone, as they were.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01 15:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('visibility', sa.String(length=16), nullable=False,
                                      server_default='everyone'))
        batch_op.create_check_constraint(batch_op.f('ck_quiz_visibility'),
                                         "visibility IN ('classes', 'everyone')")


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_quiz_visibility'), type_='check')
        batch_op.drop_column('visibility')
