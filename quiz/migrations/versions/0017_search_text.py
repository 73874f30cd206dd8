"""the lists' search in SQL: each quiz keeps its current title and its address folded

Quizzes already stored get theirs here, folded as the app folds them
(quiz.questionfile.text.folded, copied below as it is today: a migration must not change when
the app's code does).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01 22:10:00

"""
import unicodedata

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def folded(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def upgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_text', sa.Text(), nullable=False,
                                      server_default=''))
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT quiz.id, quiz_revision.title, quiz.slug FROM quiz "
        "JOIN quiz_revision ON quiz_revision.id = quiz.current_revision_id")).all()
    if rows:
        connection.execute(
            sa.text("UPDATE quiz SET search_text = :text WHERE id = :id"),
            [{"id": id_, "text": folded(f"{title} {slug}")} for id_, title, slug in rows])


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('search_text')
