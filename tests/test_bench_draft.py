"""bench/draft.py imports and drafts one article and reports the time and peak memory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_draft_benchmark_reports_time_and_memory() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "draft.py"), "--max", "5"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for figure in ("import_ms", "first_draft_ms", "import_plus_first_draft_s", "next_draft_ms",
                   "peak_memory_mb"):
        assert figure in result.stdout
    assert "drafts                       5" in result.stdout
