#!/usr/bin/env python3
"""Rebuild an evaluation set of news pages from its manifest, byte for byte.

    python bench/rebuild_set.py bench/sets/test24.tsv OUT_FOLDER --repos DIR [DIR …]

The pages of the drafting evaluation (docs/drafting.md) are other people's copyrighted pages:
they stay out of the repository, and only each set's manifest is committed under bench/sets/.
A manifest is a tab-separated file with a header line and one row per page: ``file``
(its name in the set), ``language``, ``site``, ``repo`` (owner/name on GitHub), ``commit``,
``path`` (inside that repository; a ``.gz`` file is saved uncompressed) and ``sha256`` (of
the file as saved in the set).

Each page is read with git from a local copy of its repository — a clone or a bare
repository, found in each DIR as ``owner+name``, ``owner+name/repo`` or ``owner/name`` — and
written to OUT_FOLDER under its ``file`` name. A page whose bytes do not match its sha256 (an
article's text taken out of a corpus's JSON rather than a saved file, or a repository
rewritten since) is reported and not written; a repository not found is reported too.
Exits 1 when any page could not be rebuilt.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import subprocess
import sys
from pathlib import Path

COLUMNS = ("file", "language", "site", "repo", "commit", "path", "sha256")


def find_repository(repo: str, folders: list[Path]) -> Path | None:
    """The local git directory of ``owner/name`` in one of ``folders``, if any."""
    owner, _, name = repo.partition("/")
    for folder in folders:
        for candidate in (folder / f"{owner}+{name}" / "repo", folder / f"{owner}+{name}",
                          folder / owner / name):
            if candidate.is_dir() and subprocess.run(
                    ["git", "-C", str(candidate), "rev-parse", "--git-dir"],
                    capture_output=True).returncode == 0:
                return candidate
    return None


def read_manifest(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    missing = [column for column in COLUMNS if rows and column not in rows[0]]
    if missing:
        sys.exit(f"{path}: the header lacks {', '.join(missing)} (columns: {' '.join(COLUMNS)})")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("manifest", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--repos", type=Path, nargs="+", required=True,
                        help="folders holding local copies of the repositories")
    args = parser.parse_args()

    rows = read_manifest(args.manifest)
    args.output.mkdir(parents=True, exist_ok=True)
    failures = 0
    for number, row in enumerate(rows, 2):
        place = f"{args.manifest}:{number} ({row['file']})"
        repository = find_repository(row["repo"], args.repos)
        if repository is None:
            print(f"{place}: no local copy of {row['repo']} in {' '.join(map(str, args.repos))}")
            failures += 1
            continue
        shown = subprocess.run(
            ["git", "-C", str(repository), "show", f"{row['commit']}:{row['path']}"],
            capture_output=True)
        if shown.returncode != 0:
            print(f"{place}: git cannot read {row['commit'][:12]}:{row['path']} of {row['repo']}: "
                  + shown.stderr.decode(errors="replace").strip())
            failures += 1
            continue
        page = gzip.decompress(shown.stdout) if row["path"].endswith(".gz") else shown.stdout
        if hashlib.sha256(page).hexdigest() != row["sha256"]:
            print(f"{place}: {row['repo']} {row['path']} is not the page saved in the set (its "
                  "sha256 differs: a text taken out of a corpus file, see the set's notes)")
            failures += 1
            continue
        (args.output / row["file"]).write_bytes(page)
    print(f"{len(rows) - failures} of {len(rows)} pages rebuilt in {args.output}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
