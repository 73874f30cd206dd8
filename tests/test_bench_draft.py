"""bench/draft.py imports and drafts one article and reports the time and peak memory."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from tests.bench_script import bench_script

ROOT = Path(__file__).resolve().parent.parent


def test_draft_benchmark_reports_time_and_memory() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "draft.py"), "--max", "5"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for figure in ("import_ms", "first_draft_ms", "import_plus_first_draft_s", "next_draft_ms",
                   "peak_memory_mb"):
        assert figure in result.stdout
    assert "drafts                       5" in result.stdout


def test_draft_evaluation_rebuilds_from_a_folder_of_pages(tmp_path: Path) -> None:
    """bench/draft_eval.py: every page imported and drafted, split by language, listed."""
    pages = ROOT / "tests" / "data" / "articles"
    for name in ("en-library.html", "en-text.txt", "fr-tramway.html", "no-article.html"):
        shutil.copy(pages / name, tmp_path / name)
    (tmp_path / "SOURCES.md").write_text("# Where each page comes from\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "draft_eval.py"),
                             str(tmp_path), "--max", "3"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    # The first page of each language is in the development half, the second in the test half.
    assert "## en-library.html — dev, en:" in result.stdout
    assert "## en-text.txt — test, en:" in result.stdout  # an article's text, not a saved page
    assert "## fr-tramway.html — dev, fr:" in result.stdout
    assert "SOURCES.md" not in result.stdout + result.stderr  # the set's notes are no page
    assert "no-article.html: not imported" in result.stderr  # said, not fatal
    assert "   passage: " in result.stdout and "totals: " in result.stdout
    # How many drafts the pages give, beside the rates (2 pages drafted a language, 3 at most).
    drafts = [int(n) for n in re.findall(r"^(\d+) drafts:", result.stdout, re.MULTILINE)]
    assert len(drafts) == 3 and re.search(
        rf"^pages: 3; drafts a page: median {statistics.median(drafts):g}, none "
        rf"{drafts.count(0)}, one {drafts.count(1)}, two {drafts.count(2)}, three or more "
        rf"{sum(n >= 3 for n in drafts)}$", result.stdout, re.MULTILINE), result.stdout


def test_draft_evaluation_split_alternates_within_a_language_or_holds_a_folder_out() -> None:
    draft_eval = bench_script("draft_eval")
    pages = {"a.html": "fr", "b.html": "en", "c.html": "fr", "d.html": "en", "e.html": "fr"}
    assert draft_eval.split(pages) == {"a.html": "dev", "c.html": "test", "e.html": "dev",
                                       "b.html": "dev", "d.html": "test"}
    # A fresh set put aside before any tuning: every page is held out, none tuned on.
    assert set(draft_eval.split(pages, held_out=True).values()) == {"held-out"}
