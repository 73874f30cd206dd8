"""how many attempts a class may make at an assigned quiz

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 05:10:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('max_attempts', sa.Integer(), nullable=True))
        batch_op.create_check_constraint(batch_op.f('ck_assignment_max_attempts'),
                                         'max_attempts IS NULL OR max_attempts >= 1')


def downgrade():
    with op.batch_alter_table('assignment', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_assignment_max_attempts'), type_='check')
        batch_op.drop_column('max_attempts')
