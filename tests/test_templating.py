"""Formatting helpers of the templates."""

from flask import Flask

from quiz.templating import percent, typography


def test_french_punctuation_keeps_to_its_word_and_length_is_unchanged() -> None:
    text = "Quelles sont les conditions associées ? Un traité de « Défense mutuelle » : oui !"
    result = typography(text, "fr")
    assert result == ("Quelles sont les conditions associées\u00a0? Un traité de «\u00a0Défense "
                      "mutuelle\u00a0»\u00a0: oui\u00a0!")
    assert len(result) == len(text)


def test_other_languages_are_left_alone() -> None:
    assert typography("Really ? Yes : no", "en") == "Really ? Yes : no"


def test_a_percentage_is_written_as_the_readers_language_writes_it(app: Flask) -> None:
    """« 67 % » in French (a no-break space), "67%" in English: the chart, the results, the
    boards and the class insight all write their shares through this one filter."""
    with app.test_request_context("/", headers={"Accept-Language": "fr"}):
        assert percent(67) == "67\u00a0%" and percent(100) == "100\u00a0%"
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert percent(67) == "67%" and percent(0) == "0%"
