#!/usr/bin/env python3
"""How the judges rated drafts by the centrality of their sentence (docs/drafting.md,
"Thirty-fifth round").

    python bench/centrality_ratings.py PAGES RATED.md RATINGS.tsv [PAGES RATED.md RATINGS.tsv …]

For each held-out set: PAGES its folder of pages (``bench/rebuild_set.py``), RATED.md its
drafts as the judge saw them (``bench/draft_eval.py … -o``, run with the commit the docs name
for that set), RATINGS.tsv its ratings (``bench/sets/testN-ratings.tsv``). Each rated draft's
passage is found among its article's sentences as the drafter splits them, and the sentence's
centrality rank (``quiz.drafting.centrality``) joined to the rating. Printed: the ratings by
thirds of centrality, then by kind for the sentences the drafter takes for side details (the
least central ``PERIPHERAL_SHARE`` of a long article, outside its lead) and for the others,
then (thirty-seventh round) the clozes of long articles outside their lead by what they blank
— a name or a figure — and by band of centrality (the bands ``NAME_CLOZE_SHARE`` and
``PERIPHERAL_SHARE`` draw); last (issue 22, "What choosing among the drafts could reach"), the
ratings by kind and by the sentence's place in its article: the first, the second and third,
the later ones.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

from rated_effect import DRAFT_LINE, PAGE_LINE  # bench/, the script's own folder

_PASSAGE = re.compile(r"\s+passage: (.*)")
_ANSWER = re.compile(r"\s+choices: .*?\*([^|]+)")
# A figure as a choice shows it: opening on a digit or a currency sign, or a small count in
# words ("G7", "TF1", "Covid-19" are names)
_FIGURE = re.compile(r"^[\d$£€]|^(?:one|two|three|four|five|six|seven|eight|nine|ten|deux|"
                     r"trois|quatre|cinq|six|sept|huit|neuf|dix)$", re.IGNORECASE)


def passages(rated: Path, answers: dict[tuple[str, int], str] | None = None
             ) -> dict[tuple[str, int], str]:
    """(page, draft number) → the draft's passage, from a ``bench/draft_eval.py`` output (and
    into ``answers``, the right choice of each question with choices)."""
    found: dict[tuple[str, int], str] = {}
    page, number = "", 0
    for line in rated.read_text(encoding="utf-8").splitlines():
        if match := PAGE_LINE.match(line):
            page = match.group(1)
        elif match := DRAFT_LINE.match(line):
            number = int(match.group(1))
        elif match := _PASSAGE.match(line):
            found[page, number] = match.group(1).strip()
        elif (match := _ANSWER.match(line)) and answers is not None:
            answers[page, number] = match.group(1).strip()
    return found


def line(label: str, counts: Counter[str]) -> str:
    total = sum(counts.values())
    shares = " ".join(f"{rating} {counts[rating]} ({100 * counts[rating] // max(1, total)}%)"
                      for rating in "UER")
    return f"{label:34} {total:4}  {shares}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="PAGES RATED.md RATINGS.tsv, …")
    args = parser.parse_args()
    if len(args.sets) % 3:
        parser.error("give each set as three paths: PAGES RATED.md RATINGS.tsv")

    from quiz.articles import import_source
    from quiz.drafting.centrality import centrality_ranks
    from quiz.drafting.draft import LONG_ARTICLE_WORDS, NAME_CLOZE_SHARE, PERIPHERAL_SHARE
    from quiz.drafting.facts import split_sentences

    thirds: list[Counter[str]] = [Counter(), Counter(), Counter()]
    side: dict[str, Counter[str]] = {}
    other: dict[str, Counter[str]] = {}
    bands = ("most central", "middle", "least central")
    clozes: dict[tuple[str, str], Counter[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    places = ("first sentence", "second and third", "later sentences")
    by_place: list[Counter[str]] = [Counter(), Counter(), Counter()]
    missing = 0
    for pages, rated, ratings in zip(*[iter(args.sets)] * 3, strict=True):
        answers: dict[tuple[str, int], str] = {}
        found = passages(rated, answers)
        articles: dict[str, tuple[list, list[float], int, bool]] = {}
        with ratings.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        for row in rows:
            page = row["page"]
            if page not in articles:
                path = pages / page
                quiz = import_source(path.read_bytes(), path.name).quiz
                sentences = split_sentences(quiz)
                lead = next((number for number, block in enumerate(quiz.article)
                             if block.kind == "paragraph"), -1)
                words = len(" ".join([quiz.title, *(b.text for b in quiz.article)]).split())
                articles[page] = (sentences, centrality_ranks([s.doc for s in sentences]),
                                  lead, words >= LONG_ARTICLE_WORDS)
            sentences, ranks, lead, long_article = articles[page]
            passage = found.get((page, int(row["n"])), "")
            place = next((n for n, s in enumerate(sentences) if s.text == passage), None)
            if place is None:
                place = next((n for n, s in enumerate(sentences)
                              if passage and (s.text in passage or passage in s.text)), None)
            if place is None:
                missing += 1
                continue
            rank, rating, kind = ranks[place], row["rating"], row["kind"]
            thirds[min(2, int(rank * 3))][rating] += 1
            kinds.setdefault(kind, Counter())[rating] += 1
            by_place[0 if place == 0 else 1 if place <= 2 else 2][rating] += 1
            peripheral = long_article and sentences[place].block != lead and \
                rank >= 1 - PERIPHERAL_SHARE
            (side if peripheral else other).setdefault(kind, Counter())[rating] += 1
            if kind == "cloze" and long_article and sentences[place].block != lead:
                band = bands[(rank >= 1 - NAME_CLOZE_SHARE) + (rank >= 1 - PERIPHERAL_SHARE)]
                sort = "figure" if _FIGURE.search(answers.get((page, int(row["n"])), "")) \
                    else "name"
                clozes.setdefault((sort, band), Counter())[rating] += 1
    for name, counts in zip(("most central third", "middle third", "least central third"),
                            thirds, strict=True):
        print(line(name, counts))
    for title, table in (("side details (no cloze, no swap)", side), ("other sentences", other)):
        print(title)
        for kind in sorted(table):
            print(line(f"  {kind}", table[kind]))
    print(f"clozes of long articles out of the lead (bands at {1 - NAME_CLOZE_SHARE:.0%} and "
          f"{1 - PERIPHERAL_SHARE:.0%} of centrality)")
    for sort in ("name", "figure"):
        for band in bands:
            if (sort, band) in clozes:
                print(line(f"  {sort}, {band}", clozes[sort, band]))
    print("by kind")
    for kind in sorted(kinds):
        print(line(f"  {kind}", kinds[kind]))
    print("by the sentence's place in its article")
    for name, counts in zip(places, by_place, strict=True):
        print(line(f"  {name}", counts))
    if missing:
        print(f"{missing} rated drafts whose passage was not found", file=sys.stderr)


if __name__ == "__main__":
    main()
