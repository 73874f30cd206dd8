"""bench/load.py --quick under gunicorn: one attempt submitted 8 times at once with other
answers, a class submitting at once, workers killed mid-request, a class saving answer by
answer then submitting. Every check at 0 on the real app (tests/test_load_checks.py shows each
one failing on a deliberately broken build)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support import sqlite_pass_only

ROOT = Path(__file__).resolve().parent.parent


@sqlite_pass_only
def test_quick_load_loses_nothing(tmp_path: Path) -> None:
    figures = tmp_path / "load.json"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "load.py"), "--quick",
                             "--json", str(figures)],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    shown = result.stdout + result.stderr
    last = result.stdout.strip().splitlines()[-1]
    assert last == "lost=0 duplicated=0 errors=0 locked=0 fault=0", shown
    assert result.returncode == 0
    outcomes = {o["name"]: o for o in json.loads(figures.read_text())["outcomes"]}
    assert list(outcomes) == ["same (5x8)", "class (50)", "kill (50)", "autosave (20)"]
    for name, o in outcomes.items():
        assert (o["lost"], o["dup"], o["half"], o["errors"], o["locked"], o["fault"]) \
            == (0, 0, 0, 0, 0, 0), (name, shown)
    assert outcomes["same (5x8)"]["acked"] == 5 and outcomes["same (5x8)"]["requests"] == 80
    # The kills cut requests that a retry then stored: the fault was there, and was survived.
    kill = outcomes["kill (50)"]
    assert kill["in_flight"] > 0 and kill["retried"] > 0 and kill["acked"] == 50, shown
