"""Issue 22, thirty-fourth round (docs/drafting.md, "Thirty-fourth round"), each test on the
shape of a real sentence."""

from __future__ import annotations

import pytest

from quiz.drafting.facts import rejection

from .test_drafting_sixth import first_sentence


@pytest.mark.parametrize("text", [
    "When the applicant arrived at the office, he was refused a permit for the third time.",
    "When the user opened the app, she was asked to pay a monthly fee of $10.",
    "When the player left the field, he was replaced by a substitute from the bench.",
    # the nouns of the later list stand too
    "When the teenager arrived at the hospital, she found the ward closed for the night.",
])
def test_a_pronoun_stands_for_the_person_the_clause_before_names(text: str) -> None:
    # One list of nouns of persons (lexicon.PERSON_NOUNS): two lists of one name in facts.py
    # had the later replace the earlier, and "the applicant", "the user", "the player" no
    # longer counted as persons a "he" or a "she" may stand for.
    assert rejection(first_sentence("en", text), "en") == ""
