"""What the results page says about a score: plain calls, no client."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from quiz.services.progress import score_band, score_percent, week_streak


@pytest.mark.parametrize("score, total, percent, band", [
    (12, 12, 100, "perfect"), (11, 12, 92, "great"), (8, 10, 80, "great"),
    (79, 100, 79, "good"), (6, 12, 50, "good"), (5, 12, 42, "start"), (0, 12, 0, "start"),
    (2, 3, 67, "good"), (0, 0, 0, "start")])
def test_the_message_band_of_a_score(score: int, total: int, percent: int, band: str) -> None:
    assert score_percent(score, total) == percent
    assert score_band(percent) == band


PARIS = ZoneInfo("Europe/Paris")
MONDAY = dt.date(2026, 11, 30)  # today, in these tests: Monday of the week of 30 November


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


@pytest.mark.parametrize("moments, streak", [
    ([], 0),
    (["2026-11-30 08:00"], 1),                                        # this week
    (["2026-11-30 08:00", "2026-11-24 08:00", "2026-11-17 08:00"], 3),
    (["2026-11-24 08:00", "2026-11-17 08:00"], 2),  # none yet this week: the streak holds
    (["2026-11-30 08:00", "2026-11-17 08:00"], 1),  # a week without: it starts again
    (["2026-11-10 08:00"], 0),                      # a whole week went by
    # Sunday 29 November, 23:30 UTC is Monday 00:30 in Paris: this week, not the last.
    (["2026-11-29 23:30"], 1),
    (["2026-11-29 22:30", "2026-11-22 22:30"], 2),  # Sundays 23:30 in Paris: two weeks
    # Several in one week count once.
    (["2026-12-01 08:00", "2026-11-30 08:00", "2026-11-27 08:00", "2026-11-24 08:00"], 2),
])
def test_a_streak_counts_weeks_in_a_row_in_the_schools_time_zone(
        moments: list[str], streak: int) -> None:
    assert week_streak([utc(m) for m in moments], MONDAY, PARIS) == streak
    # The same the rest of the week.
    assert week_streak([utc(m) for m in moments], MONDAY + dt.timedelta(days=6), PARIS) == \
        streak


@pytest.mark.parametrize("moments, streak", [
    # Monday 00:30 in Paris each time: winter time (UTC+1) this week, summer time (UTC+2) in
    # the weeks before the change of 25 October.
    (["2026-10-25 23:30", "2026-10-18 22:30", "2026-10-11 22:30"], 3),
    # Sunday 11 October 23:30 in Paris belongs to the week of 5 October: the week of the
    # 12th has none.
    (["2026-10-25 23:30", "2026-10-18 22:30", "2026-10-11 21:30"], 2),
])
def test_a_streak_follows_the_weeks_across_a_change_of_clock(moments: list[str],
                                                            streak: int) -> None:
    assert week_streak([utc(m) for m in moments], dt.date(2026, 10, 28), PARIS) == streak


def test_a_streak_reads_the_submissions_only_as_far_as_it_goes() -> None:
    """A student of three years has a thousand submissions: the home page reads back to the
    first week without any, not all of them."""
    read: list[dt.datetime] = []

    def newest_first():  # this week, last week, then a gap, then older ones
        for moment in ["2026-11-30 08:00", "2026-11-24 08:00", "2026-11-10 08:00",
                       *(f"2024-01-01 {hour:02}:00" for hour in range(24))]:
            read.append(utc(moment))
            yield utc(moment)

    assert week_streak(newest_first(), MONDAY, PARIS) == 2
    assert len(read) == 3
