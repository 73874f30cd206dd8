"""an attempt made before its quiz was assigned (with no opening date) no longer counts for the
assignment: the counted results are filled again with that rule

Until this release an assignment without an opening date counted every attempt at its quiz,
those made before it was given included (maybe in practice, with the answers shown). The rule
of ``recount`` (quiz/services/leaderboard.py) is copied here as SQL, so that this migration
keeps doing what it did when the rule changes later; the downgrade fills the table with the
rule before.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 08:30:00

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
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
      AND {opened}
      AND (a.due_at IS NULL OR t.submitted_at <= a.due_at)
) AS ranked
WHERE place = 1
"""


def upgrade():
    op.execute("DELETE FROM counted_result")
    op.execute(FILL.format(opened="t.submitted_at >= COALESCE(a.opens_at, a.created_at)"))


def downgrade():
    op.execute("DELETE FROM counted_result")
    op.execute(FILL.format(opened="(a.opens_at IS NULL OR t.submitted_at >= a.opens_at)"))
