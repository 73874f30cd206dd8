#!/usr/bin/env python3
"""Write what the importer makes of every page of some folders, to compare two versions of it.

    python bench/import_dump.py FOLDER [FOLDER …] > before.txt
    (change the importer)
    python bench/import_dump.py FOLDER [FOLDER …] > after.txt
    diff before.txt after.txt

For each page (each folder's ``.html``, ``.htm`` and ``.txt`` files, sorted): a line with the
folder, the file, the title and the date, then one line per block of the article (its kind
and text); a page the importer refuses gets its message instead. A change to the importer is
checked by the blocks it changes over pages it was not written for (docs/drafting.md: every
page of development and of the held-out sets).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SUFFIXES = (".html", ".htm", ".txt")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)

    from quiz.articles import import_source
    from quiz.articles.errors import ArticleError

    for folder in args.folders:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in SUFFIXES:
                continue
            where = f"{folder.name}/{path.name}"
            try:
                quiz = import_source(path.read_bytes(), path.name).quiz
            except ArticleError as error:
                print(f"## {where} refused: {error}")
                continue
            print(f"## {where} | {quiz.title} | {quiz.published}")
            for block in quiz.article:
                print(f"{block.kind}: {block.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
