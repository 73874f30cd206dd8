"""each quiz keeps what its lists and boards read of its current revision

Its title and address folded (the lists' search runs in SQL) and how many questions an
attempt has (a board's points for the quiz). Quizzes already stored get theirs here, folded
as the app folds them (quiz.questionfile.text.folded, copied below as it is today: a
migration must not change when the app's code does).

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
        batch_op.add_column(sa.Column('question_count', sa.Integer(), nullable=False,
                                      server_default='0'))
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT quiz.id, quiz_revision.title, quiz.slug, (SELECT count(*) FROM question "
        "WHERE question.revision_id = quiz_revision.id AND question.outdated_note IS NULL) "
        "FROM quiz JOIN quiz_revision ON quiz_revision.id = quiz.current_revision_id")).all()
    if rows:
        connection.execute(
            sa.text("UPDATE quiz SET search_text = :text, question_count = :questions "
                    "WHERE id = :id"),
            [{"id": id_, "text": folded(f"{title} {slug}"), "questions": questions}
             for id_, title, slug, questions in rows])


def downgrade():
    with op.batch_alter_table('quiz', schema=None) as batch_op:
        batch_op.drop_column('question_count')
        batch_op.drop_column('search_text')
