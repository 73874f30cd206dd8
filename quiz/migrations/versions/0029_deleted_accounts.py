"""a class counts the accounts of its students that were deleted

A student who deletes their account takes their attempts with them (quiz/services/
personal_data.py); registering again, they start afresh, attempt limits included. The class
now keeps when each such account was deleted, and nothing of whom: its students' page counts
them. Accounts deleted before are not counted.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-06 03:40:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0029'
down_revision = '0028'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'deleted_account',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('classroom_id', sa.Integer(), nullable=False),
        sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['classroom_id'], ['classroom.id'],
                                name=op.f('fk_deleted_account_classroom_id_classroom')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_deleted_account')),
    )
    with op.batch_alter_table('deleted_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deleted_account_classroom_id'), ['classroom_id'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('deleted_account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deleted_account_classroom_id'))
    op.drop_table('deleted_account')
