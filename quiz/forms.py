"""Form pieces shared by the blueprints' forms and the command line."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import StopValidation

# A username: lowercase letters, digits, '.', '-' and '_' (registration and create-teacher).
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def no_control_characters(form: FlaskForm, field: StringField) -> None:
    """Refuse NUL and other control characters (a database may not even store them)."""
    if isinstance(field.data, str) and any(ord(c) < 32 or ord(c) == 127 for c in field.data):
        raise StopValidation(_l("Remove the invisible control characters from this field."))
