"""What the results page says about a score: plain calls, no client."""

from __future__ import annotations

import pytest

from quiz.services.progress import score_band, score_percent


@pytest.mark.parametrize("score, total, percent, band", [
    (12, 12, 100, "perfect"), (11, 12, 92, "great"), (8, 10, 80, "great"),
    (79, 100, 79, "good"), (6, 12, 50, "good"), (5, 12, 42, "start"), (0, 12, 0, "start"),
    (2, 3, 67, "good"), (0, 0, 0, "start")])
def test_the_message_band_of_a_score(score: int, total: int, percent: int, band: str) -> None:
    assert score_percent(score, total) == percent
    assert score_band(percent) == band
