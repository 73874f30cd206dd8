"""Issue 22, fourth round: a page that gives little of its article says so to the teacher.

DW's audio page gave a two-sentence summary (59 words) and Cayman Compass's page the lead only,
then its pay barrier (`<div id="s-pay-barrier">`): both were imported without a word. The
pages here are small, written for these tests in the shape of those two and of a full page
whose markup names a paywall in a button and in the body's classes (Le Devoir, the Herald
Sun)."""

from __future__ import annotations

import io

from flask import Flask
from flask.testing import FlaskClient

from quiz.articles import import_source
from tests.support import csrf_token

LEAD = ("<p>Inmates at Northward Prison will be moved to a new wing by the end of the year, "
        "the Ministry of Home Affairs said on Tuesday, after inspectors found damp cells and "
        "broken showers in the old blocks during a visit in March.</p>"
        "<p>The ministry said the move would cost about $2 million and would be paid from the "
        "capital budget approved by Parliament in the spring.</p>")


def page(body: str, body_class: str = "") -> bytes:
    return (f'<!doctype html><html lang="en"><head><title>Prison inmates to move to new wing'
            f'</title><meta property="article:published_time" content="2023-05-09">'
            f'</head><body class="{body_class}"><article><h1>Prison inmates to move to new '
            f'wing</h1>{body}</article></body></html>').encode()


BARRIER = ('<div id="s-pay-barrier" class="s-pay-barrier"><h2>Subscribe to keep reading'
           '</h2><p>Get unlimited access to all our stories for $1.</p></div>')


def warnings_of(html: bytes) -> list[str]:
    return [str(w) for w in import_source(html, "page.html").warnings]


def test_a_page_that_stops_at_its_pay_barrier_says_so() -> None:
    warnings = warnings_of(page(LEAD + BARRIER))
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("the article seems to stop at the site's pay barrier (")
    assert "words imported" in warnings[0]


def test_a_short_summary_says_how_few_words_it_gives() -> None:
    warnings = warnings_of(page(LEAD))
    assert len(warnings) == 1, warnings
    words = int(warnings[0].split()[1])
    assert 60 < words < 100, warnings
    assert warnings[0].endswith("words of article text were found; the page may give a "
                                "summary, or the rest may be behind a paywall; check it against "
                                "the page")


def test_a_whole_article_with_paywall_names_in_its_markup_gets_no_warning() -> None:
    rest = "".join(
        f"<p>The ministry said that the new wing, built by a local firm over {years} years, "
        f"would hold {cells} inmates in single cells with their own showers, and that the "
        f"old {block} block would be pulled down once its last inmates had moved out of it in "
        f"the {season}.</p>"
        for years, cells, block, season in (("two", 120, "north", "spring"),
                                            ("three", 80, "south", "summer"),
                                            ("four", 60, "east", "autumn"),
                                            ("five", 40, "west", "winter")))
    body = LEAD + rest + ('<a class="btn btn-paywall" href="/subscribe">Subscribe</a>'
                          '<div class="paywall__comments"></div>')
    assert warnings_of(page(body, "story user-anonymous paywall")) == []


def test_the_teacher_sees_the_warning_after_importing(app: Flask, teacher: FlaskClient) -> None:
    token = csrf_token(teacher.get("/teacher/quizzes/article").get_data(as_text=True))
    response = teacher.post("/teacher/quizzes/article",
                            data={"csrf_token": token,
                                  "file": (io.BytesIO(page(LEAD + BARRIER)), "prison.html")},
                            content_type="multipart/form-data")
    assert response.status_code == 302
    html = teacher.get(response.headers["Location"]).get_data(as_text=True)
    assert "the article seems to stop at the site&#39;s pay barrier" in html
