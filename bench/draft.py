#!/usr/bin/env python3
"""Time to import an article and draft its questions, and the process's peak memory.

    python bench/draft.py                      the French test page (tests/data/articles)
    python bench/draft.py PAGE.html [--max N]  any saved page, Markdown or text file

Prints: the import (trafilatura, language detection, writing and checking the question file),
the first drafting (loading the spaCy model included: once per process), a second drafting of
the same article (model loaded), and the peak resident memory (resource.getrusage). Nothing
leaves this machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux gives kB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("page", nargs="?", default=str(ROOT / "tests" / "data" / "articles"
                                                       / "fr-tramway.html"))
    parser.add_argument("--max", type=int, default=10, help="drafts to keep (default 10)")
    args = parser.parse_args()

    from quiz.articles import import_source
    from quiz.drafting import draft_questions

    page = Path(args.page)
    baseline = peak_mb()
    started = time.perf_counter()
    imported = import_source(page.read_bytes(), page.name)
    imported_at = time.perf_counter()
    first = draft_questions(imported.quiz, args.max)
    drafted_at = time.perf_counter()
    second = draft_questions(imported.quiz, args.max)
    again_at = time.perf_counter()
    assert [d.question for d in first.drafts] == [d.question for d in second.drafts]

    words = sum(len(block.text.split()) for block in imported.quiz.article)
    rows = [
        ("article", f"{page.name}: {imported.quiz.language}, {words} words, "
                    f"{first.considered} sentences"),
        ("import_ms", f"{(imported_at - started) * 1000:.0f}"),
        ("first_draft_ms", f"{(drafted_at - imported_at) * 1000:.0f} (loads the model)"),
        ("import_plus_first_draft_s", f"{drafted_at - started:.2f}"),
        ("next_draft_ms", f"{(again_at - drafted_at) * 1000:.0f} (model already loaded)"),
        ("drafts", f"{len(first.drafts)}"),
        ("peak_memory_mb", f"{peak_mb():.0f} (Python and the app alone: {baseline:.0f})"),
    ]
    for name, value in rows:
        print(f"{name:28} {value}")


if __name__ == "__main__":
    main()
