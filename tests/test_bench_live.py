"""bench/live.py at a tiny size: a few phones play two questions with the default server,
through a reconnect storm, and nothing is lost, counted twice or answered with a server error
(its time figure is printed, not judged: speed lives in bench/)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.support import sqlite_pass_only

ROOT = Path(__file__).resolve().parent.parent


@sqlite_pass_only
def test_a_tiny_live_bench_loses_nothing() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "live.py"), "--phones", "4",
                             "--questions", "2", "--server", "flask", "--think", "0"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    shown = result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"live: phones=4 p95_switch_ms=\d+ lost=0 duplicated=0 errors=0 "
                        r"server=flask", last), shown
    assert result.returncode == 0, shown
