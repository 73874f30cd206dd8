#!/usr/bin/env python3
"""Import (and optionally draft) every saved page of some folders: what breaks on pages no one
tuned on.

    python bench/import_sweep.py FOLDER [FOLDER …] [--draft N] [--seconds 30]

Each file of each FOLDER (recursively; a page saved twice is taken once) goes through the
importer a teacher's upload uses (quiz.articles.import_source). A page is *imported*,
*refused* with the importer's message (no article, a language it cannot tell…), or a
*failure*: any other exception, or over ``--seconds``. ``--draft N`` then drafts the first N
imported French or English pages (sorted by path) and counts those that give no draft, with
the reasons the drafter gives for their sentences. Prints counts by outcome and language, the
refusals by message, and every failure with its page; exits 1 if there is one.

Extractors' test fixtures make good material (trafilatura's and htmldate's ``tests/cache``,
Mozilla's Readability ``test/test-pages``): thousands of real pages of many sites. They stay
out of the repository (their licences); docs/drafting.md gives the last sweep's figures.
"""

from __future__ import annotations

import argparse
import hashlib
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class TooSlow(Exception):
    pass


def _too_slow(_signal: int, _frame: FrameType | None) -> None:
    raise TooSlow


@dataclass
class Outcome:
    path: Path
    status: str  # imported, refused, failure
    language: str = ""
    detail: str = ""
    seconds: float = 0.0


T = TypeVar("T")


def within(seconds: int, work: Callable[[], T]) -> T:
    """``work()``, stopped by TooSlow after ``seconds`` (SIGALRM: the main thread only)."""
    signal.signal(signal.SIGALRM, _too_slow)
    signal.alarm(seconds)
    try:
        return work()
    finally:
        signal.alarm(0)


def pages(folders: list[Path]) -> list[Path]:
    """Every file of the folders, sorted, each content once."""
    seen: set[str] = set()
    found = []
    for path in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            found.append(path)
    return found


def import_page(path: Path, seconds: int) -> tuple[Outcome, Any]:
    from quiz.articles import import_source
    from quiz.articles.errors import ArticleError

    began = time.perf_counter()
    item = None
    try:
        item = within(seconds, partial(import_source, path.read_bytes(), path.name))
        outcome = Outcome(path, "imported", item.quiz.language)
    except ArticleError as error:
        outcome = Outcome(path, "refused", detail=str(error).split(" — ")[0])
    except TooSlow:
        outcome = Outcome(path, "failure", detail=f"over {seconds} s")
    except Exception as error:  # noqa: BLE001 - every other exception is what is looked for
        outcome = Outcome(path, "failure", detail=f"{type(error).__name__}: {error}")
    outcome.seconds = time.perf_counter() - began
    return outcome, item


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--draft", type=int, default=0, metavar="N",
                        help="draft the first N imported French or English pages")
    parser.add_argument("--seconds", type=int, default=30, help="a page's time limit")
    args = parser.parse_args(argv)
    if missing := [str(f) for f in args.folders if not f.is_dir()]:
        parser.error(f"not a folder: {', '.join(missing)}")

    found = pages(args.folders)
    print(f"{len(found)} distinct files in {len(args.folders)} folder(s)", flush=True)
    outcomes: list[Outcome] = []
    drafted: list[tuple[Path, Any]] = []
    for number, path in enumerate(found, 1):
        outcome, item = import_page(path, args.seconds)
        outcomes.append(outcome)
        if item is not None and outcome.language in ("fr", "en") and len(drafted) < args.draft:
            drafted.append((path, item))
        if number % 100 == 0:
            print(f"  {number} of {len(found)} imported", flush=True)

    by_status = Counter(o.status for o in outcomes)
    print("\n" + ", ".join(f"{status} {n}" for status, n in sorted(by_status.items())))
    print("languages imported: " + ", ".join(
        f"{language} {n}" for language, n in Counter(
            o.language for o in outcomes if o.status == "imported").most_common()))
    print("refusals: " + "; ".join(f"{n} × {message}" for message, n in Counter(
        o.detail for o in outcomes if o.status == "refused").most_common(8)))
    slowest = max(outcomes, key=lambda o: o.seconds, default=None)
    if slowest is not None:
        print(f"slowest import: {slowest.seconds:.1f} s ({slowest.path})")
    failures = [o for o in outcomes if o.status == "failure"]

    if drafted:
        from quiz.drafting import draft_questions

        empty = []
        longest = 0.0
        for path, item in drafted:
            began = time.perf_counter()
            try:
                report = within(args.seconds * 2, partial(draft_questions, item.quiz, 10))
            except TooSlow:
                failures.append(Outcome(path, "failure", detail="drafting over "
                                                                f"{args.seconds * 2} s"))
                continue
            except Exception as error:  # noqa: BLE001
                failures.append(Outcome(path, "failure",
                                        detail=f"drafting: {type(error).__name__}: {error}"))
                continue
            longest = max(longest, time.perf_counter() - began)
            if not report.drafts:
                words = sum(len(block.text.split()) for block in item.quiz.article)
                causes = ", ".join(f"{cause} {n}" for cause, n in sorted(
                    report.rejected.items(), key=lambda kv: -kv[1])[:3])
                empty.append(f"  {path.name} ({item.quiz.language}, {words} words): {causes}")
        print(f"\ndrafted {len(drafted)} page(s), the longest in {longest:.1f} s; "
              f"{len(empty)} gave no draft" + "".join(f"\n{line}" for line in empty))

    print(f"\n{len(failures)} failure(s)" + "".join(
        f"\n  {o.path}: {o.detail}" for o in failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
