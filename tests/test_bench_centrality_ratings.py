"""bench/centrality_ratings.py joins each rated draft to the centrality of its sentence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quiz.drafting.models import models_installed

from .drafting.test_drafting_thirty_fifth import FLOOD

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not models_installed("en"), reason="drafting models missing")


def test_a_side_detail_s_cloze_and_a_main_fact_s_are_told_apart(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "01-flood.txt").write_text("Floods in Carlisle\n\n" + "\n\n".join(FLOOD) + "\n",
                                        encoding="utf-8")
    bakery = next(p for p in FLOOD if p.startswith("A bakery"))
    river = next(p for p in FLOOD if p.startswith("The river rose"))
    rated = tmp_path / "rated.md"
    rated.write_text("## 01-flood.txt — held-out, en: Floods in Carlisle\n\n2 drafts\n\n"
                     "1. [cloze] A bakery … _____ loaves\n   choices: *300 | 200 | 400\n"
                     f"   explanation: x\n   passage: {bakery}\n"
                     "2. [cloze] The river rose to _____ metres\n   choices: *7.9 | 5.2 | 9.6\n"
                     f"   explanation: x\n   passage: {river}\n", encoding="utf-8")
    ratings = tmp_path / "ratings.tsv"
    ratings.write_text("page\tn\tkind\trating\tcause\ttwo_right\tnote\n"
                       "01-flood.txt\t1\tcloze\tR\ttrivial\tno\tthe bakery's bread\n"
                       "01-flood.txt\t2\tcloze\tU\t\tno\tthe flood's height\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "centrality_ratings.py"),
                             str(pages), str(rated), str(ratings)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=True)
    text = result.stdout
    side, other = text.split("side details")[1].split("other sentences")
    assert "cloze" in side and "R 1 (100%)" in side and "U 1" not in side, text
    assert "cloze" in other and "U 1 (100%)" in other, text
    assert text.startswith("most central third") and "U 1 (100%)" in text.splitlines()[0]
    # by kind, then by place: the river's is the article's second sentence, the bakery's later
    kinds, places = text.split("by kind")[1].split("by the sentence's place")
    assert "cloze" in kinds and "U 1 (50%)" in kinds and "R 1 (50%)" in kinds, text
    place = {row.strip().split("  ")[0]: row for row in places.splitlines()[1:]}
    assert "U 1 (100%)" in place["second and third"], text
    assert "R 1 (100%)" in place["later sentences"], text
    assert place["first sentence"].split()[2] == "0", text
    assert "not found" not in result.stderr
