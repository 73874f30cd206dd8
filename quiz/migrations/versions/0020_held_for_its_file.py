"""a quiz that `quiz import` made (or left) a draft because its file was not ready is marked,
so that the import bringing the file ready publishes it again, and a quiz a teacher
unpublished stays a draft

Drafts stored before, whose current version is not ready (no question, or one marked Review),
get the mark: they were publishing again once ready, as before.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 07:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('held_for_its_file', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.execute(sa.text(
        "UPDATE quiz SET held_for_its_file = :true WHERE status = 'draft' AND ("
        " NOT EXISTS (SELECT 1 FROM question WHERE question.revision_id = quiz.current_revision_id)"
        " OR EXISTS (SELECT 1 FROM question WHERE question.revision_id = quiz.current_revision_id"
        " AND question.review_note IS NOT NULL AND question.review_note != ''))"
    ).bindparams(true=True))


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('held_for_its_file')
