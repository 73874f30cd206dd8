"""the counted attempt of each student and assignment, kept for the boards

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 05:00:00

The table is derived from attempts, memberships and assignments; the upgrade fills it with the
counting rule of this release (quiz/services/leaderboard.py ``recount``, copied here as SQL
so that this migration keeps doing what it did when the rule changes later).
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

FILL = """
INSERT INTO counted_result (assignment_id, user_id, classroom_id, attempt_id, score, total)
SELECT assignment_id, user_id, classroom_id, attempt_id, score, total FROM (
    SELECT a.id AS assignment_id, t.user_id AS user_id, a.classroom_id AS classroom_id,
           t.id AS attempt_id, t.score AS score, t.total AS total,
           ROW_NUMBER() OVER (
               PARTITION BY a.id, t.user_id
               ORDER BY CASE WHEN a.counting = 'best' THEN t.score END DESC,
                        CASE WHEN a.counting = 'latest' THEN t.submitted_at END DESC,
                        CASE WHEN a.counting = 'latest' THEN t.id END DESC,
                        t.submitted_at, t.id) AS place
    FROM assignment a
    JOIN membership m ON m.classroom_id = a.classroom_id
    JOIN attempt t ON t.quiz_id = a.quiz_id AND t.user_id = m.user_id
    WHERE t.status = 'submitted'
      AND (a.opens_at IS NULL OR t.submitted_at >= a.opens_at)
      AND (a.due_at IS NULL OR t.submitted_at <= a.due_at)
) AS ranked
WHERE place = 1
"""


def upgrade():
    op.create_table(
        'counted_result',
        sa.Column('assignment_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('classroom_id', sa.Integer(), nullable=False),
        sa.Column('attempt_id', sa.Integer(), nullable=False),
        sa.Column('score', sa.Integer(), nullable=False),
        sa.Column('total', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['assignment_id'], ['assignment.id'],
                                name=op.f('fk_counted_result_assignment_id_assignment')),
        sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'],
                                name=op.f('fk_counted_result_attempt_id_attempt')),
        sa.ForeignKeyConstraint(['classroom_id'], ['classroom.id'],
                                name=op.f('fk_counted_result_classroom_id_classroom')),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'],
                                name=op.f('fk_counted_result_user_id_user')),
        sa.PrimaryKeyConstraint('assignment_id', 'user_id', name=op.f('pk_counted_result')),
    )
    with op.batch_alter_table('counted_result', schema=None) as batch_op:
        batch_op.create_index('ix_counted_result_classroom_user', ['classroom_id', 'user_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_counted_result_attempt_id'), ['attempt_id'],
                              unique=False)
    op.execute(FILL)


def downgrade():
    op.drop_table('counted_result')
