"""bench/run.py --quick runs and reports the leaderboard figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                    reason="the benchmark uses SQLite; it runs in the SQLite pass")
def test_quick_benchmark_reports_leaderboard_figures() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick"],
                            capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    figures = {f["name"]: f for f in json.loads(
        (ROOT / "bench" / "results.json").read_text(encoding="utf-8"))["figures"]}
    assert figures["leaderboard_query"]["unit"] == "ms" and figures["leaderboard_query"]["value"] > 0
    assert 0 < figures["leaderboard_page"]["ratio"] < 1
    assert "leaderboard_query" in result.stdout
