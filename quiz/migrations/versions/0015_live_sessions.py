"""live mode: sessions paced by the teacher, their participants and answers

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01 16:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'live_session',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=12), nullable=False),
        sa.Column('classroom_id', sa.Integer(), nullable=False),
        sa.Column('teacher_id', sa.Integer(), nullable=False),
        sa.Column('quiz_id', sa.Integer(), nullable=False),
        sa.Column('revision_id', sa.Integer(), nullable=False),
        sa.Column('phase', sa.String(length=10), nullable=False),
        sa.Column('question', sa.Integer(), nullable=False),
        sa.Column('paused', sa.Boolean(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('countdown', sa.Integer(), nullable=True),
        sa.Column('deadline', sa.DateTime(timezone=True), nullable=True),
        sa.Column('remaining_ms', sa.Integer(), nullable=True),
        sa.Column('opened_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('speed_breaks_ties', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("phase IN ('joining', 'open', 'revealed', 'ended')",
                           name=op.f('ck_live_session_phase')),
        sa.CheckConstraint('question >= 0', name=op.f('ck_live_session_question')),
        sa.CheckConstraint('countdown IS NULL OR countdown >= 5',
                           name=op.f('ck_live_session_countdown')),
        sa.ForeignKeyConstraint(['classroom_id'], ['classroom.id'],
                                name=op.f('fk_live_session_classroom_id_classroom')),
        sa.ForeignKeyConstraint(['quiz_id'], ['quiz.id'], name=op.f('fk_live_session_quiz_id_quiz')),
        sa.ForeignKeyConstraint(['revision_id'], ['quiz_revision.id'],
                                name=op.f('fk_live_session_revision_id_quiz_revision')),
        sa.ForeignKeyConstraint(['teacher_id'], ['user.id'],
                                name=op.f('fk_live_session_teacher_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_live_session')),
        sa.UniqueConstraint('code', name=op.f('uq_live_session_code')),
    )
    with op.batch_alter_table('live_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_session_classroom_id'), ['classroom_id'],
                              unique=False)
    op.create_table(
        'live_participant',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('attempt_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['attempt_id'], ['attempt.id'],
                                name=op.f('fk_live_participant_attempt_id_attempt')),
        sa.ForeignKeyConstraint(['session_id'], ['live_session.id'],
                                name=op.f('fk_live_participant_session_id_live_session')),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'],
                                name=op.f('fk_live_participant_user_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_live_participant')),
        sa.UniqueConstraint('session_id', 'user_id',
                            name=op.f('uq_live_participant_session_id_user_id')),
    )
    with op.batch_alter_table('live_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_participant_user_id'), ['user_id'],
                              unique=False)
    op.create_table(
        'live_answer',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('participant_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.Column('choice_id', sa.Integer(), nullable=False),
        sa.Column('is_correct', sa.Boolean(), nullable=False),
        sa.Column('elapsed_ms', sa.Integer(), nullable=False),
        sa.Column('answered_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['choice_id'], ['choice.id'],
                                name=op.f('fk_live_answer_choice_id_choice')),
        sa.ForeignKeyConstraint(['participant_id'], ['live_participant.id'],
                                name=op.f('fk_live_answer_participant_id_live_participant')),
        sa.ForeignKeyConstraint(['question_id'], ['question.id'],
                                name=op.f('fk_live_answer_question_id_question')),
        sa.ForeignKeyConstraint(['session_id'], ['live_session.id'],
                                name=op.f('fk_live_answer_session_id_live_session')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_live_answer')),
        sa.UniqueConstraint('session_id', 'participant_id', 'question_id',
                            name=op.f('uq_live_answer_session_id_participant_id_question_id')),
    )
    with op.batch_alter_table('live_answer', schema=None) as batch_op:
        batch_op.create_index('ix_live_answer_session_question', ['session_id', 'question_id'],
                              unique=False)


def downgrade():
    op.drop_table('live_answer')
    op.drop_table('live_participant')
    op.drop_table('live_session')
