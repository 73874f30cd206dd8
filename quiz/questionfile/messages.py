"""Messages that plain modules (no Flask, no request) give to people: question files, services.

A module writes the English text, marked with ``N_`` so that `manage.py messages` extracts it,
and its values apart; a page shows it in the reader's language with ``_(m.text, **m.params)``
(the ``translate`` template filter does that), a command line or a file prints ``str(m)``.
A message with a count (``NP_``) also has a plural form: ngettext picks the form by its count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def N_(text: str) -> str:
    """Marks `text` for the translators; it is translated where it is shown."""
    return text


def NP_(singular: str, plural: str, count: int, /, **params: Any) -> Message:
    """A message whose words follow `count` (its ``%(count)s``): « 1 answer », « 3 answers »;
    `manage.py messages` extracts both forms."""
    return Message(singular, {"count": count, **params}, plural)


class LanguageCode(str):
    """A language code among a message's values ("es"): shown by its name in the reader's
    language (« espagnol », "Spanish"), the code itself only where Babel has no name."""

    def name(self, locale: str = "en") -> str:
        from babel import Locale, UnknownLocaleError

        try:
            return Locale.parse(str(self)).get_display_name(locale) or str(self)
        except (ValueError, LookupError, UnknownLocaleError):
            return str(self)


@dataclass(frozen=True)
class Message:
    text: str
    params: dict[str, Any] = field(default_factory=dict)
    plural: str | None = None  # the plural form of `text`, chosen by params["count"]

    def __str__(self) -> str:
        text = self.plural if self.plural is not None and self.params["count"] != 1 else self.text
        params = {name: value.name() if isinstance(value, LanguageCode) else value
                  for name, value in self.params.items()}
        return text % params if params else text
