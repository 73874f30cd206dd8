"""live mode: guests with a nickname, when the teacher allows them

Sessions already stored take no guests; every participant stored is a student.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 19:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

STUDENT_OR_GUEST = (
    "(user_id IS NOT NULL AND nickname IS NULL AND nickname_key IS NULL "
    "AND guest_key IS NULL) OR (user_id IS NULL AND nickname IS NOT NULL "
    "AND nickname_key IS NOT NULL AND guest_key IS NOT NULL AND attempt_id IS NULL)")


def upgrade():
    with op.batch_alter_table('live_session', schema=None) as batch_op:
        batch_op.add_column(sa.Column('guests_allowed', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    with op.batch_alter_table('live_participant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('nickname', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('nickname_key', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('guest_key', sa.String(length=64), nullable=True))
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_unique_constraint(
            batch_op.f('uq_live_participant_session_id_nickname_key'),
            ['session_id', 'nickname_key'])
        batch_op.create_unique_constraint(
            batch_op.f('uq_live_participant_session_id_guest_key'),
            ['session_id', 'guest_key'])
        batch_op.create_check_constraint(batch_op.f('ck_live_participant_student_or_guest'),
                                         STUDENT_OR_GUEST)


def downgrade():
    # Guests have no account to keep them by: their places and answers go.
    op.execute("DELETE FROM live_answer WHERE participant_id IN "
               "(SELECT id FROM live_participant WHERE user_id IS NULL)")
    op.execute("DELETE FROM live_participant WHERE user_id IS NULL")
    with op.batch_alter_table('live_participant', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_live_participant_student_or_guest'),
                                 type_='check')
        batch_op.drop_constraint(batch_op.f('uq_live_participant_session_id_guest_key'),
                                 type_='unique')
        batch_op.drop_constraint(batch_op.f('uq_live_participant_session_id_nickname_key'),
                                 type_='unique')
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('guest_key')
        batch_op.drop_column('nickname_key')
        batch_op.drop_column('nickname')
    with op.batch_alter_table('live_session', schema=None) as batch_op:
        batch_op.drop_column('guests_allowed')
