"""boards read a class's counted results from one index holding every column they need

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 22:15:00

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('counted_result', schema=None) as batch_op:
        batch_op.create_index('ix_counted_result_board',
                              ['classroom_id', 'user_id', 'assignment_id', 'score', 'total'],
                              unique=False)
        batch_op.drop_index('ix_counted_result_classroom_user')


def downgrade():
    with op.batch_alter_table('counted_result', schema=None) as batch_op:
        batch_op.create_index('ix_counted_result_classroom_user', ['classroom_id', 'user_id'],
                              unique=False)
        batch_op.drop_index('ix_counted_result_board')
