"""bench/run.py --quick runs, checks what it measures, and reports every figure with a ratio."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVED = ("quiz_page", "submission", "results_page", "history_page", "leaderboard_page",
          "quiz_page_gthread", "submission_gthread", "logged_in_floor")


sqlite_pass_only = pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                                      reason="the benchmark uses SQLite; it runs in the "
                                             "SQLite pass")


def run_quick(script: str) -> subprocess.CompletedProcess[str]:
    """`python bench/<script> --quick`, which must succeed."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--quick"],
                            capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@sqlite_pass_only
def test_quick_benchmark_reports_every_figure() -> None:
    result = run_quick("run.py")
    report = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
    figures = {f["name"]: f for f in report["figures"]}
    for name, figure in figures.items():
        assert figure["value"] > 0 and figure["unit"], name
        assert name in result.stdout
    assert figures["leaderboard_query"]["unit"] == "ms"
    for name in ("quiz_check", "quiz_import"):
        assert figures[name]["unit"] == "s" and figures[f"{name}_rate"]["unit"] == "files/s"
    assert "met" in figures["quiz_check_rate"] and "met" in figures["leaderboard_query"]
    if shutil.which("wrk") is None:  # .ci/run installs it; a laptop may not have it
        assert "wrk is not installed" in result.stderr
        return
    for name in SERVED:
        assert 0 < figures[name]["ratio"] < 1.5, name
        assert figures[name]["p99_ms"] >= figures[name]["p50_ms"] > 0, name
    for name in ("submission", "submission_gthread"):
        # Every POST is a whole graded submission; each acknowledged one is in the database.
        assert figures[name]["errors"] == 0 and figures[name]["lost"] == 0, figures[name]
    assert figures["bare_flask"]["ratio"] == 1.0
    assert 20 < figures["worker_rss"]["value"] < 1000


@sqlite_pass_only
def test_layers_benchmark_prints_each_layer() -> None:
    result = run_quick("layers.py")
    rows = {line.split()[0]: [float(x) for x in line.split()[1:]]
            for line in result.stdout.splitlines()[1:]}
    assert list(rows) == ["hello", "app_page", "db_session", "one_query", "logged_in_floor",
                          "quiz_page", "board_page"]
    assert rows["hello"][1] == 1.0
    # Each page of the app costs more than bare Flask's hello: the ratios are below 1.
    assert all(0 < ms and 0 < ratio < 1 for ms, ratio in list(rows.values())[1:])
