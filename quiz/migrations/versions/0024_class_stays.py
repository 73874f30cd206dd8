"""class stays: each time a student was in a class and was taken out of it

A teacher saw, of a student taken out of their class, every attempt made before the removal —
also those made alone before ever joining. Each ended stay is now kept (from joining to the
removal) and only the work of a stay is shown; a student let back in keeps their first stay.

The join time of a student taken out before this migration is not known (the membership
was deleted): their stay is taken from the class's creation to the removal — what their
teacher saw before, less what they did before the class existed. (Without a stay, the
removal having deleted their counted results, the teacher would see none of their work.)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05 13:20:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'class_stay',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('classroom_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('joined_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('left_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['classroom_id'], ['classroom.id'],
                                name=op.f('fk_class_stay_classroom_id_classroom')),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_class_stay_user_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_class_stay')),
    )
    with op.batch_alter_table('class_stay', schema=None) as batch_op:
        batch_op.create_index('ix_class_stay_classroom_id_user_id', ['classroom_id', 'user_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_class_stay_user_id'), ['user_id'], unique=False)
    op.execute(sa.text(
        "INSERT INTO class_stay (classroom_id, user_id, joined_at, left_at) "
        "SELECT removal.classroom_id, removal.user_id, classroom.created_at, removal.removed_at "
        "FROM removal JOIN classroom ON classroom.id = removal.classroom_id "
        "WHERE classroom.created_at <= removal.removed_at"))


def downgrade():
    op.drop_table('class_stay')
