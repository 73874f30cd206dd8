"""Formatting helpers of the templates."""

from quiz.templating import typography


def test_french_punctuation_keeps_to_its_word_and_length_is_unchanged() -> None:
    text = "Quelles sont les conditions associées ? Un traité de « Défense mutuelle » : oui !"
    result = typography(text, "fr")
    assert result == ("Quelles sont les conditions associées\u00a0? Un traité de «\u00a0Défense "
                      "mutuelle\u00a0»\u00a0: oui\u00a0!")
    assert len(result) == len(text)


def test_other_languages_are_left_alone() -> None:
    assert typography("Really ? Yes : no", "en") == "Really ? Yes : no"
