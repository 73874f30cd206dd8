"""an attempt made before its student joined the class no longer counts for the class's
assignment: the counted results are filled again with that rule

Until this release a student could take a quiz shared with everyone as often as they liked
before joining a class that had it to do, then join: their best attempt counted on the board,
and against the assignment's limit of attempts, though the teacher never saw it. An attempt
now counts for a class only when it was handed in while the student was in it (since their
joining, or within one of their earlier stays: ``leaderboard.made_in_class``, handed_in). The rule of
``recount`` (quiz/services/leaderboard.py) is copied here as SQL, as in 0021 and 0022; the
downgrade fills the table with the rule before.

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-05 21:00:00

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0027'
down_revision = '0026'
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
      AND t.submitted_at >= COALESCE(a.opens_at, a.created_at)
      AND (a.due_at IS NULL OR t.submitted_at <= a.due_at)
      {in_class}
) AS ranked
WHERE place = 1
"""

IN_CLASS = """
      AND (m.joined_at <= t.submitted_at
           OR EXISTS (SELECT 1 FROM class_stay s
                      WHERE s.classroom_id = a.classroom_id AND s.user_id = t.user_id
                        AND s.joined_at <= t.submitted_at AND s.left_at >= t.submitted_at))
"""


def upgrade():
    op.execute("DELETE FROM counted_result")
    op.execute(FILL.format(in_class=IN_CLASS))


def downgrade():
    op.execute("DELETE FROM counted_result")
    op.execute(FILL.format(in_class=""))
