#!/usr/bin/env python3
"""Rebuild the drafting evaluation from a folder of saved news pages (kept out of the repo).

    python bench/draft_eval.py FOLDER [FOLDER …] [--half dev|test|all] [--held-out] [--max 10]
                               [-o OUT.md]

Each page of each FOLDER (``*.html``, ``*.htm``, or ``*.txt``: an article's text taken from a
corpus when no saved page exists; the folder's SOURCES.md is not a page) is imported with the
project's importer (quiz.articles), its language detected as a teacher's import would, then
drafted (quiz.drafting, default seed).
The split is fixed before any tuning and depends only on the file names: within each
language, the pages sorted by name alternate development (1st, 3rd…) and test (2nd, 4th…).
The output (Markdown, stdout or ``-o``) lists every draft as a student would see it, with its
right answer and its passage, to be rated with the rubric of docs/drafting.md; and a summary
line per page: language, drafts, kinds (cloze, wh-question, true/false true and false).
``--held-out``: the folder is a test set of its own, put aside before any tuning (every page
is "held-out", none is split). The last line counts the drafts by kind, and those that ask
more than recognising a sentence (wh-questions and false statements: "beyond cloze"); the
line before it how many drafts the pages give (the median, and the pages with none, one, two;
a page whose drafting failed is listed as such and not counted).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


PAGE_SUFFIXES = (".html", ".htm", ".txt")


def split(pages: dict[str, str], held_out: bool = False) -> dict[str, str]:
    """name → "dev" or "test": alternate within each language, in name order (or every page
    "held-out": a folder put aside as a test set of its own)."""
    if held_out:
        return dict.fromkeys(pages, "held-out")
    halves: dict[str, str] = {}
    for language in sorted(set(pages.values())):
        names = sorted(name for name, lang in pages.items() if lang == language)
        for position, name in enumerate(names):
            halves[name] = "dev" if position % 2 == 0 else "test"
    return halves


def kind_of(question: object) -> str:
    """cloze, wh, tf-true or tf-false (the rubric's "kinds")."""
    kind = question.kind
    if kind == "true_false":
        return "tf-true" if question.answer else "tf-false"
    prompt = question.prompt
    return "cloze" if "_____" in prompt else "wh"


def pages_line(per_page: list[int]) -> str:
    """How many drafts the pages give: what the rates per draft do not show (a drafter that
    keeps one good draft a page rates well and gives a teacher little)."""
    if not per_page:
        return "pages: 0"
    few = Counter(min(n, 3) for n in per_page)
    return (f"pages: {len(per_page)}; drafts a page: median {statistics.median(per_page):g}, "
            f"none {few[0]}, one {few[1]}, two {few[2]}, three or more {few[3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--half", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--held-out", action="store_true",
                        help="every page of the folder is held out (no split)")
    parser.add_argument("--max", type=int, default=10)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()

    from quiz.articles import import_source
    from quiz.articles.errors import ArticleError
    from quiz.drafting import draft_questions

    imported = {}
    for page in sorted(p for folder in args.folders for p in folder.iterdir()
                       if p.suffix.lower() in PAGE_SUFFIXES):
        try:
            imported[page.name] = import_source(page.read_bytes(), page.name)
        except ArticleError as error:
            print(f"{page.name}: not imported: {error}", file=sys.stderr)
    halves = split({name: item.quiz.language for name, item in imported.items()},
                   args.held_out)
    lines: list[str] = []
    totals: Counter[str] = Counter()
    per_page: list[int] = []  # drafts of each page drafted
    for name, item in imported.items():
        if args.half != "all" and not args.held_out and halves[name] != args.half:
            continue
        quiz = item.quiz
        try:
            report = draft_questions(quiz, args.max)
        except Exception as error:  # noqa: BLE001 - one page's failure is reported, not fatal
            lines.append(f"## {name} ({halves[name]}): drafting failed: {error}\n")
            continue
        kinds = Counter(kind_of(d.question) for d in report.drafts)
        totals.update(kinds)
        totals["drafts"] += len(report.drafts)
        per_page.append(len(report.drafts))
        lines.append(f"## {name} — {halves[name]}, {quiz.language}: {quiz.title}\n")
        lines.append(f"{len(report.drafts)} drafts: " + ", ".join(
            f"{k} {v}" for k, v in sorted(kinds.items())) + "\n")
        for number, draft in enumerate(report.drafts, 1):
            question = draft.question
            lines.append(f"{number}. [{kind_of(question)}] {question.prompt}")
            if question.kind == "mcq":
                lines.append("   choices: " + " | ".join(
                    ("*" if c.correct else "") + c.text for c in question.choices))
            else:
                lines.append(f"   answer: {question.answer}")
            lines.append(f"   explanation: {question.explanation}")
            lines.append(f"   passage: {question.passage}")
        lines.append("")
    lines.append(pages_line(per_page))
    beyond = totals["wh"] + totals["tf-false"]
    share = f"{100 * beyond / totals['drafts']:.0f}%" if totals["drafts"] else "-"
    lines.append("totals: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items()))
                 + f"; beyond cloze and copied statements {beyond} ({share})")
    text = "\n".join(lines) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print("\n".join(lines[-2:]))
    else:
        print(text)


if __name__ == "__main__":
    main()
