#!/usr/bin/env python3
"""Which rated drafts a drafter change removes or keeps, with the judge's rating of each.

    python bench/rated_effect.py RATED.md RATINGS.tsv BEFORE.md AFTER.md

RATED.md is a held-out set's drafts as the judge saw them (``bench/draft_eval.py … -o``, run
with the commit the docs name in "Drafter of commit …" for that set); RATINGS.tsv its ratings
(``bench/sets/testN-ratings.tsv``: page, n, kind, rating, cause, two_right, note); BEFORE.md and
AFTER.md the same set drafted before and after the change. A draft is the same draft when its
page and its prompt are the same. Printed: each rated draft the change removes (its rating and
cause), each draft it adds (rated when the judge saw it, else "?"), then the removed drafts
counted by rating — a rule that removes more usable drafts than rejects is not worth having,
whatever it was written for.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from pathlib import Path

# A page's heading and a draft's first line in a ``bench/draft_eval.py`` output (also read by
# bench/centrality_ratings.py).
PAGE_LINE = re.compile(r"## (\S+) — ")
DRAFT_LINE = re.compile(r"(\d+)\. \[(\S+)\] (.*)")


def drafts(path: Path) -> dict[tuple[str, int], str]:
    """(page, number on the page) → prompt, from a ``bench/draft_eval.py`` output."""
    found: dict[tuple[str, int], str] = {}
    page = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := PAGE_LINE.match(line):
            page = match.group(1)
        elif match := DRAFT_LINE.match(line):
            found[page, int(match.group(1))] = match.group(3).strip()
    return found


def rated_prompts(rated: Path, ratings: Path) -> dict[tuple[str, str], dict[str, str]]:
    """(page, prompt) → the judge's row for that draft."""
    with ratings.open(encoding="utf-8", newline="") as handle:
        rows = {(row["page"], int(row["n"])): row
                for row in csv.DictReader(handle, delimiter="\t")}
    return {(page, prompt): rows[page, number]
            for (page, number), prompt in drafts(rated).items() if (page, number) in rows}


def effect(rated: Path, ratings: Path, before: Path, after: Path
           ) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]], Counter[str]]:
    """(removed: (rating, cause, prompt)), (added: (rating or "?", prompt)), removed by rating."""
    judged = rated_prompts(rated, ratings)
    old = {(page, prompt) for (page, _n), prompt in drafts(before).items()}
    new = {(page, prompt) for (page, _n), prompt in drafts(after).items()}
    removed = [(judged[key]["rating"], judged[key]["cause"], key[1]) if key in judged
               else ("?", "", key[1]) for key in sorted(old - new)]
    added = [(judged[key]["rating"] if key in judged else "?", key[1])
             for key in sorted(new - old)]
    return removed, added, Counter(rating for rating, _cause, _prompt in removed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for name in ("rated", "ratings", "before", "after"):
        parser.add_argument(name, type=Path)
    args = parser.parse_args()
    removed, added, counts = effect(args.rated, args.ratings, args.before, args.after)
    for rating, cause, prompt in removed:
        print(f"removed {rating} {cause[:30]:30} | {prompt[:110]}")
    for rating, prompt in added:
        print(f"added   {rating} {'':30} | {prompt[:110]}")
    print("removed by rating: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
                                   or "none") + f"; added {len(added)}")


if __name__ == "__main__":
    main()
