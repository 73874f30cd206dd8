"""bench/load.py --quick under gunicorn: a class submitting at once, a worker killed, a class
saving answer by answer then submitting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support import sqlite_pass_only

ROOT = Path(__file__).resolve().parent.parent


@sqlite_pass_only
def test_quick_load_loses_nothing() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "load.py"), "--quick"],
                            capture_output=True, text=True, timeout=240, cwd=ROOT)
    last = result.stdout.strip().splitlines()[-1]
    assert last == "lost=0 duplicated=0 errors=0 locked=0", result.stdout + result.stderr
    assert result.returncode == 0
    assert "kill (50)" in result.stdout and "class (50)" in result.stdout
    assert "autosave (20)" in result.stdout
