"""students taken out of a class, who cannot join it again with the same code

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 09:50:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'removal',
        sa.Column('classroom_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('join_code', sa.String(length=12), nullable=False),
        sa.Column('removed_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['classroom_id'], ['classroom.id'],
                                name=op.f('fk_removal_classroom_id_classroom')),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_removal_user_id_user')),
        sa.PrimaryKeyConstraint('classroom_id', 'user_id', name=op.f('pk_removal')),
    )


def downgrade():
    op.drop_table('removal')
