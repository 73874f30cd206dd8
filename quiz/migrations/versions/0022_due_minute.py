"""a due time includes its whole minute: the due dates stored on the minute move to its end,
and the counted results are filled again

Since this release the assignment form stores a due time typed as 10:00 as 10:00:59.999999
(pages show times to the minute: work handed in at 10:00:30 was "late" beside "due 10:00").
The due dates stored before, at 10:00:00, get the same rule here; the rule of ``recount``
(quiz/services/leaderboard.py) is copied as SQL, as in 0021. The downgrade moves them back.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 11:30:00

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0022'
down_revision = '0021'
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
) AS ranked
WHERE place = 1
"""

# SQLite keeps a moment as its text, 'YYYY-MM-DD HH:MM:SS.ffffff' (or without the fraction).
SQLITE_ON_THE_MINUTE = ("strftime('%S', due_at) = '00' "
                        "AND (length(due_at) = 19 OR substr(due_at, 21) = '000000')")
SQLITE_AT_ITS_END = ("strftime('%S', due_at) = '59' AND substr(due_at, 21) = '999999'")


def _move(forward: bool) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "UPDATE assignment SET due_at = due_at + interval '59.999999 seconds' "
            "WHERE due_at = date_trunc('minute', due_at)" if forward else
            "UPDATE assignment SET due_at = date_trunc('minute', due_at) "
            "WHERE due_at = date_trunc('minute', due_at) + interval '59.999999 seconds'")
    else:
        op.execute(
            "UPDATE assignment SET due_at = strftime('%Y-%m-%d %H:%M:59.999999', due_at) "
            f"WHERE due_at IS NOT NULL AND {SQLITE_ON_THE_MINUTE}" if forward else
            "UPDATE assignment SET due_at = strftime('%Y-%m-%d %H:%M:00.000000', due_at) "
            f"WHERE due_at IS NOT NULL AND {SQLITE_AT_ITS_END}")
    op.execute("DELETE FROM counted_result")
    op.execute(FILL)


def upgrade():
    _move(forward=True)


def downgrade():
    _move(forward=False)
