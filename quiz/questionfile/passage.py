"""Find a quoted passage in an article, tolerating what a teacher cannot see.

Runs of white space (non-breaking and thin spaces included) count as one space, white space
before : ; ! ? counts as none (French puts a space there, English and a hurried teacher do
not), typographic quotes and apostrophes match their straight forms, and dashes (– — −) a
hyphen.
The match is mapped back to offsets in the original text, so the page highlights the passage
exactly as the article has it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import ArticleBlock, PassageLocation

_SAME_AS = str.maketrans(
    {
        "\u2019": "'",  # ’ right single quotation mark (the French apostrophe)
        "\u2018": "'",  # ‘
        "\u02bc": "'",  # ʼ modifier letter apostrophe
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u00ab": '"',  # « (French quotes: the spaces inside them are dropped too)
        "\u00bb": '"',  # »
        "\u2010": "-",  # ‐ hyphen
        "\u2011": "-",  # ‑ non-breaking hyphen
        "\u2013": "-",  # – en dash (a word processor's "-" between spaces)
        "\u2014": "-",  # — em dash
        "\u2212": "-",  # − minus sign
    }
)


# Invisible characters that web pages are full of: soft hyphen, zero-width spaces and joiners.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


# Punctuation that French writes after a space and English without: the space is dropped.
_HIGH_PUNCTUATION = frozenset(":;!?")

# What the character loop of normalize() would change: an invisible character, white space
# other than a single plain space between two characters, white space at either end, white
# space inside French quotes or before : ; ! ?.
_NEEDS_FOLDING = re.compile(
    "[" + "".join(sorted(_INVISIBLE)) + r"]|[^\S ]|  |^\s|\s$|«\s|\s»|\s["
    + re.escape("".join(sorted(_HIGH_PUNCTUATION))) + "]")


def normalize(text: str) -> tuple[str, list[int]]:
    """Return ``text`` folded for matching, and for each of its characters the index in ``text``.

    Leading and trailing white space is dropped; inner runs of white space become one space;
    invisible characters (soft hyphens, zero-width spaces) are dropped; French quotes « »
    become straight ones without the spaces inside them, so that « oui » typed by a word
    processor's French autocorrection matches "oui" in the article (and the other way round);
    the space before : ; ! ? is dropped, so that « l’article: » typed without it matches
    « l’article : » (and the other way round).
    """
    if not _NEEDS_FOLDING.search(text):
        # Nothing to drop or merge (the usual case): one character for one, offsets unchanged.
        return text.translate(_SAME_AS), list(range(len(text)))
    return fold_each_character(text)


def fold_each_character(text: str) -> tuple[str, list[int]]:
    """normalize() the long way, character by character (for text that needs folding)."""
    folded: list[str] = []
    origin: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        if char.isspace():
            pending_space = bool(folded) and text[origin[-1]] != "«"
            continue
        if char == "»" or char in _HIGH_PUNCTUATION:
            pending_space = False
        if pending_space:
            folded.append(" ")
            origin.append(index - 1)
            pending_space = False
        folded.append(char.translate(_SAME_AS))
        origin.append(index)
    return "".join(folded), origin


@dataclass(frozen=True)
class PassageSearch:
    """Where a passage was found (maybe several places), and how far it matched if nowhere."""

    locations: tuple[PassageLocation, ...]
    matched_prefix: str = ""


class ArticleIndex:
    """An article folded once for matching, to locate any number of passages in it."""

    def __init__(self, blocks: Sequence[ArticleBlock]):
        self._blocks = blocks
        self._folded = [normalize(block.text) for block in blocks]

    def locate(self, passage: str) -> PassageSearch:
        """Find every place ``passage`` stands in the article.

        A passage never spans two blocks. When it is found nowhere, ``matched_prefix`` holds
        the longest beginning of the passage that is in the article, to show the teacher where
        the quote stops matching.
        """
        wanted, _ = normalize(passage)
        if not wanted:
            return PassageSearch(())
        found: list[PassageLocation] = []
        for index, (folded, origin) in enumerate(self._folded):
            start = folded.find(wanted)
            while start != -1:
                end = start + len(wanted)
                found.append(PassageLocation(index, origin[start], origin[end - 1] + 1))
                start = folded.find(wanted, start + 1)
        if found:
            return PassageSearch(tuple(found))
        return PassageSearch((), _longest_matching_prefix(wanted, [f for f, _ in self._folded]))

    def written_otherwise(self, passage: str) -> str | None:
        """The article's own words for a passage found nowhere that differs from them by
        capitals only (folded as ``locate`` folds, then case-folded), to show the teacher."""
        wanted = normalize(passage)[0].casefold()
        for block, (folded, origin) in zip(self._blocks, self._folded, strict=True):
            lowered = folded.casefold()
            at = lowered.find(wanted) if wanted else -1
            if at != -1 and len(lowered) == len(folded):  # places kept by casefold()
                return " ".join(block.text[origin[at]:origin[at + len(wanted) - 1] + 1].split())
        return None


def locate_passage(blocks: Sequence[ArticleBlock], passage: str) -> PassageSearch:
    """Find every place ``passage`` stands in ``blocks`` (see ArticleIndex.locate)."""
    return ArticleIndex(blocks).locate(passage)


def _longest_matching_prefix(wanted: str, texts: list[str]) -> str:
    low, high = 0, len(wanted)
    while low < high:  # binary search: if a prefix matches, every shorter one does too
        middle = (low + high + 1) // 2
        if any(wanted[:middle] in text for text in texts):
            low = middle
        else:
            high = middle - 1
    return wanted[:low]
