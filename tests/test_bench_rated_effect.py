"""bench/rated_effect.py says which rated drafts a drafter change removes, with their ratings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def drafts_file(path: Path, *prompts: str) -> Path:
    lines = ["## 01-page.html — held-out, en: A title", "", f"{len(prompts)} drafts", ""]
    for number, prompt in enumerate(prompts, 1):
        lines += [f"{number}. [cloze] {prompt}", "   choices: *a | b | c",
                  "   explanation: x", "   passage: y"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_rated_drafts_a_change_removes_are_counted_by_rating(tmp_path: Path) -> None:
    rated = drafts_file(tmp_path / "rated.md", "Asked one _____.", "Asked two _____.",
                        "Asked three _____.")
    ratings = tmp_path / "ratings.tsv"
    ratings.write_text("page\tn\tkind\trating\tcause\ttwo_right\tnote\n"
                       "01-page.html\t1\tcloze\tU\t\tno\tgood\n"
                       "01-page.html\t2\tcloze\tR\ttrivial\tno\tside detail\n"
                       "01-page.html\t3\tcloze\tU\t\tno\tgood\n", encoding="utf-8")
    before = drafts_file(tmp_path / "before.md", "Asked one _____.", "Asked two _____.",
                         "Asked three _____.")
    after = drafts_file(tmp_path / "after.md", "Asked three _____.", "A new one _____.")
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "rated_effect.py"),
                             str(rated), str(ratings), str(before), str(after)],
                            capture_output=True, text=True, timeout=60, check=True)
    lines = result.stdout.splitlines()
    assert any(line.startswith("removed U") and "Asked one" in line for line in lines)
    assert any(line.startswith("removed R trivial") and "Asked two" in line for line in lines)
    assert any(line.startswith("added   ?") and "A new one" in line for line in lines)
    assert not any("Asked three" in line for line in lines)  # kept: not reported
    assert lines[-1] == "removed by rating: R 1, U 1; added 1"
