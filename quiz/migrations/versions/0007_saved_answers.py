"""answers of attempts in progress, saved as they are chosen

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 06:10:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'saved_answer',
        sa.Column('attempt_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('choice_id', sa.Integer(), nullable=False),
        sa.Column('saved_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'],
                                name=op.f('fk_saved_answer_attempt_id_attempt')),
        sa.ForeignKeyConstraint(['choice_id'], ['choice.id'],
                                name=op.f('fk_saved_answer_choice_id_choice')),
        sa.ForeignKeyConstraint(['question_id'], ['question.id'],
                                name=op.f('fk_saved_answer_question_id_question')),
        sa.PrimaryKeyConstraint('attempt_id', 'question_id', name=op.f('pk_saved_answer')),
    )


def downgrade():
    op.drop_table('saved_answer')
