"""attempts stored by a live quiz are marked as such: they do not use up an assignment's
attempts (the limit is about the attempts a student starts alone), and pages label them

Attempts already stored by a live quiz (a participant's attempt_id) get the mark here.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 07:45:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('live', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute(sa.text(
        "UPDATE attempt SET live = :true WHERE id IN "
        "(SELECT attempt_id FROM live_participant WHERE attempt_id IS NOT NULL)"
    ).bindparams(true=True))


def downgrade():
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_column('live')
