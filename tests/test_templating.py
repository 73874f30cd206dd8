"""Formatting helpers of the templates."""

import datetime as dt

import pytest
from flask import Flask, render_template_string
from flask_babel import force_locale

from quiz.templating import (
    article_date,
    day,
    listed,
    long_date,
    percent,
    school_today,
    typography,
    when,
)


def test_french_punctuation_keeps_to_its_word_and_length_is_unchanged() -> None:
    text = "Quelles sont les conditions associées ? Un traité de « Défense mutuelle » : oui !"
    result = typography(text, "fr")
    assert result == ("Quelles sont les conditions associées\u00a0? Un traité de «\u00a0Défense "
                      "mutuelle\u00a0»\u00a0: oui\u00a0!")
    assert len(result) == len(text)


def test_a_french_number_stays_in_one_piece() -> None:
    """« 28 000 voyageurs » broke between 28 and 000 on a phone and on the projector."""
    text = "déjà 28 000 voyageurs, 1 500 familles, 1 250 000 euros, en 2024 puis 12 cars"
    result = typography(text, "fr")
    assert result == ("déjà 28\u00a0000 voyageurs, 1\u00a0500 familles, 1\u00a0250\u00a0000 "
                      "euros, en 2024 puis 12 cars")
    assert len(result) == len(text)
    assert typography("12 1234", "fr") == "12 1234"  # not a group of three


def test_a_french_number_keeps_its_sign_on_its_line() -> None:
    """The printed handout broke « une hausse de 15 » / « % en un an »."""
    text = "une hausse de 15 % en un an, une taxe de 1 500 € et 300 $, mais 20 ans % rien"
    assert typography(text, "fr") == ("une hausse de 15\u00a0% en un an, une taxe de "
                                      "1\u00a0500\u00a0€ et 300\u00a0$, mais 20 ans % rien")


def test_other_languages_are_left_alone() -> None:
    assert typography("Really ? Yes : no", "en") == "Really ? Yes : no"


def test_a_percentage_is_written_as_the_readers_language_writes_it(app: Flask) -> None:
    """« 67 % » in French (a no-break space), "67%" in English: the chart, the results, the
    boards and the class insight all write their shares through this one filter."""
    with app.test_request_context("/", headers={"Accept-Language": "fr"}):
        assert percent(67) == "67\u00a0%" and percent(100) == "100\u00a0%"
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert percent(67) == "67%" and percent(0) == "0%"


def test_a_list_of_numbers_is_written_as_a_sentence_of_the_readers_language(
        app: Flask) -> None:
    """« Les questions 2, 4 et 5 », "Questions 2, 4, and 5" (it read « 2, 4 » in French)."""
    with app.test_request_context("/", headers={"Accept-Language": "fr"}):
        assert listed([2, 4, 5]) == "2, 4 et 5" and listed([7]) == "7"
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert listed([2, 4]) == "2 and 4"


def test_a_moment_is_written_in_the_school_time_zone_to_the_minute(app: Flask) -> None:
    """The date and time of a submission as each language writes them, in the school's time
    zone (Europe/Paris by default): 22:47 UTC on 26 November is 23:47 in Paris."""
    moment = dt.datetime(2026, 11, 26, 22, 47, 31, tzinfo=dt.UTC)
    summer = dt.datetime(2026, 7, 1, 22, 5, tzinfo=dt.UTC)  # 00:05 the next day in Paris
    with app.test_request_context("/", headers={"Accept-Language": "fr"}):
        assert when(moment) == "26 nov. 2026, 23:47"
        assert when(summer) == "2 juil. 2026, 00:05"
        # The first of a month as French writes it (a due date: « à rendre le 1er nov. »).
        assert when(dt.datetime(2026, 10, 31, 23, 30, tzinfo=dt.UTC)) == "1er nov. 2026, 00:30"
        assert when(dt.datetime(2026, 11, 11, 9, 0, tzinfo=dt.UTC)) == "11 nov. 2026, 10:00"
        assert day(dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)) == "1er nov. 2026"
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert when(moment) == "Nov 26, 2026, 11:47\u202fPM"
        assert day(dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)) == "Nov 1, 2026"


@pytest.mark.parametrize(("accepted", "moment", "date", "long"), [
    ("en-GB,en;q=0.9", "26 Nov 2026, 23:47", "1 Nov 2026", "1 November 2026"),
    ("en-US,en;q=0.9", "Nov 26, 2026, 11:47\u202fPM", "Nov 1, 2026", "November 1, 2026"),
    ("en-XX,en;q=0.9", "Nov 26, 2026, 11:47\u202fPM", "Nov 1, 2026", "November 1, 2026"),
    ("de-DE,en-GB;q=0.8", "26 Nov 2026, 23:47", "1 Nov 2026", "1 November 2026"),
    ("fr-CA,fr;q=0.9", "26 nov. 2026, 23 h 47", "1er nov. 2026", "1er\u00a0novembre 2026"),
])
def test_dates_are_written_as_the_readers_region_writes_them(
        app: Flask, accepted: str, moment: str, date: str, long: str) -> None:
    """A British browser reads « 26 Nov 2026, 23:47 », not the American « Nov 26, 11:47 PM »
    (English alone, or a region Babel does not know, stays American); the words stay those of
    the interface's language."""
    with app.test_request_context("/", headers={"Accept-Language": accepted}):
        assert when(dt.datetime(2026, 11, 26, 22, 47, 31, tzinfo=dt.UTC)) == moment
        assert day(dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)) == date
        assert long_date(dt.date(2026, 11, 1)) == long


def test_today_is_the_schools_day_not_the_servers(app: Flask) -> None:
    """What the importer writes when an article gives no date: the day in the school's time
    zone. Kiritimati (UTC+14) is always one or two days ahead of Pago Pago (UTC-11)."""
    days = {}
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        app.config["BABEL_DEFAULT_TIMEZONE"] = zone
        with app.app_context():
            days[zone] = school_today()
    assert (days["Pacific/Kiritimati"] - days["Pacific/Pago_Pago"]).days in (1, 2)


def test_the_templates_strings_follow_the_language_even_when_it_changes_mid_request(
        app: Flask) -> None:
    """Templates look the catalogue up once per request (page_translations): a language forced
    inside the request (as for a message to someone else) still gets its own strings."""
    page = "{{ _('Students') }}"
    with app.test_request_context("/", headers={"Accept-Language": "fr"}):
        assert render_template_string(page) == "Élèves"
        with force_locale("en"):
            assert render_template_string(page) == "Students"
        assert render_template_string(page) == "Élèves"


def test_an_articles_date_in_words_as_each_language_writes_it(app: Flask) -> None:
    """« 1er décembre 2026 », the day kept on the month's line; "December 1, 2026"."""
    with app.test_request_context("/", headers={"Accept-Language": "fr"}):
        assert article_date("2026-12-01") == "1er\u00a0décembre 2026"
        assert article_date("2026-12-02") == "2\u00a0décembre 2026"
        assert article_date("2026-12") == "décembre 2026"
    with app.test_request_context("/", headers={"Accept-Language": "en"}):
        assert article_date("2026-12-01") == "December 1, 2026"


def test_every_form_that_posts_names_where_it_goes() -> None:
    """A form without `action` posts to the page's address with its fragment (…#main after
    the skip link): the page with the errors then opens at #main, and the error summary's
    autofocus is ignored (tests/e2e/test_keyboard.py sees it in Chromium)."""
    import re
    from pathlib import Path

    templates = Path(__file__).resolve().parents[1] / "templates"
    without = [f"{path.relative_to(templates)}: {tag}"
               for path in sorted(templates.rglob("*.html"))
               for tag in re.findall(r"<form\b[^>]*>", path.read_text(encoding="utf-8"))
               if 'method="post"' in tag and "action=" not in tag]
    assert without == []
