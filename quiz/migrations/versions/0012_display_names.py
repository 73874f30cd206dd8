"""display names stored before the display-name rules, made readable and distinct per class

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 10:00:00

The rules (quiz/services/accounts.py) hold for every name given from now on; this brings the
names given before them in line, so that no board, projector or export shows a blank name, a
name that reads backwards, or two rows a reader cannot tell apart. The rules are copied here
(a migration must not change when the app's code does): NFKC, no control, format, private-use
or unassigned character, spaces collapsed, 2 to 40 characters with a letter or a digit, else
the username. Two members of one class with the same name in any case (the class's teacher
included): the later account gets its username in brackets.
"""
import unicodedata

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_HIDDEN = ("Cc", "Cf", "Co", "Cn", "Cs")
_BLANK_LETTERS = {"\u115f", "\u1160", "\u3164"}


def _readable(name, username):
    name = "".join(c for c in unicodedata.normalize("NFKC", name or "")
                   if unicodedata.category(c) not in _HIDDEN)
    name = " ".join(name.split())[:40]
    visible = any(unicodedata.category(c)[0] in "LN" and c not in _BLANK_LETTERS
                  for c in name)
    return name if len(name) >= 2 and visible else username[:40]


def _key(name):
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def upgrade():
    connection = op.get_bind()
    user = sa.table("user", sa.column("id", sa.Integer), sa.column("username", sa.String),
                    sa.column("display_name", sa.String))
    names = {}
    for user_id, username, display_name in connection.execute(
            sa.select(user.c.id, user.c.username, user.c.display_name)):
        readable = _readable(display_name, username)
        names[user_id] = (username, readable)
        if readable != display_name:
            connection.execute(user.update().where(user.c.id == user_id)
                               .values(display_name=readable))
    # Per class: the teacher first, then members by account age; a repeated name is renamed.
    rows = connection.execute(sa.text(
        "SELECT c.id, c.teacher_id, NULL FROM classroom c "
        "UNION ALL SELECT m.classroom_id, m.user_id, 1 FROM membership m "
        "ORDER BY 1, 3 NULLS FIRST, 2")).all()
    seen = {}
    for class_id, user_id, _member in rows:
        username, name = names[user_id]
        taken = seen.setdefault(class_id, set())
        if _key(name) in taken:
            name = f"{name[:40 - len(username) - 3]} ({username})"
            names[user_id] = (username, name)
            connection.execute(user.update().where(user.c.id == user_id)
                               .values(display_name=name))
        taken.add(_key(name))


def downgrade():
    pass  # the names given before cannot come back, and need not
