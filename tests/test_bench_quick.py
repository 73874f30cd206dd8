"""bench/run.py --quick runs, checks what it measures, and reports every figure with a ratio."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import sqlite_pass_only

ROOT = Path(__file__).resolve().parent.parent
SERVED = ("quiz_page", "submission", "results_page", "history_page", "leaderboard_page",
          "quiz_page_gthread", "submission_gthread", "logged_in_floor")



def run_quick(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`python bench/<script> --quick`, which must succeed."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / script), "--quick", *args],
                            capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


# What is true of the code whatever the machine's speed: every figure is there with its ratio,
# every page answered as expected (no 5xx, no timeout), and every acknowledged submission is in
# the database. No rate or ratio is asserted: a faster or slower machine or code changes them.

@sqlite_pass_only
def test_quick_benchmark_reports_every_figure(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    # A pool small enough to run out on most machines: the load must then stop cleanly. One
    # second of load per figure, 40 question files: what is checked here holds whatever the
    # length.
    result = run_quick("run.py", "--pool", "300", "--seconds", "1", "--files", "40",
                       "--output", str(output))
    report = json.loads(output.read_text(encoding="utf-8"))
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
        assert figures[name]["ratio"] > 0, name
        assert figures[name]["errors"] == 0, figures[name]
        assert figures[name]["p99_ms"] >= figures[name]["p50_ms"] > 0, name
    for name in ("submission", "submission_gthread"):
        # Every POST is a whole graded submission; each acknowledged one is in the database.
        # (When the prepared ones run out, the load stops there: that is no error.)
        assert figures[name]["lost"] == 0, figures[name]
        assert "acknowledged" in figures[name]["detail"]
        assert ("ran out after" in figures[name]["detail"]) == figures[name]["pool_ran_out"]
    assert figures["bare_flask"]["ratio"] == 1.0
    assert figures["worker_rss"]["value"] > 0


@sqlite_pass_only
def test_layers_benchmark_prints_each_layer() -> None:
    result = run_quick("layers.py")
    rows = {line.split()[0]: [float(x) for x in line.split()[1:]]
            for line in result.stdout.splitlines()[1:]}
    assert list(rows) == ["hello", "app_page", "db_session", "one_query", "logged_in_floor",
                          "quiz_page", "board_page"]
    assert rows["hello"][1] == 1.0
    # Each layer has its time and its ratio to bare Flask's hello (how large is not asserted).
    assert all(ms > 0 and ratio > 0 for ms, ratio in rows.values())
