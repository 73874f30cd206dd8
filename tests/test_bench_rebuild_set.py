"""bench/rebuild_set.py rebuilds an evaluation set from its committed manifest."""

from __future__ import annotations

import gzip
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = "file\tlanguage\tsite\trepo\tcommit\tpath\tsha256\n"


def git(folder: Path, *arguments: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *arguments], check=True,
                          capture_output=True, text=True).stdout.strip()


def rebuild(manifest: Path, output: Path, repos: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "bench" / "rebuild_set.py"),
                           str(manifest), str(output), "--repos", str(repos)],
                          capture_output=True, text=True, timeout=60)


def test_a_set_is_rebuilt_from_its_manifest_and_a_changed_page_is_refused(tmp_path: Path) -> None:
    fixtures = tmp_path / "repos" / "someone+fixtures"
    (fixtures / "pages").mkdir(parents=True)
    page = "<html lang='fr'><p>Le conseil municipal a voté.</p></html>".encode()
    (fixtures / "pages" / "conseil.html").write_bytes(page)
    (fixtures / "pages" / "packed.html.gz").write_bytes(gzip.compress(page))
    git(fixtures, "init", "-q")
    git(fixtures, "add", ".")
    git(fixtures, "-c", "user.name=t", "-c", "user.email=t@example.org",
        "commit", "-qm", "pages")
    commit = git(fixtures, "rev-parse", "HEAD")
    good = hashlib.sha256(page).hexdigest()
    manifest = tmp_path / "test.tsv"
    rows = [("01-conseil.html", "fr", "Le Journal", "someone/fixtures", commit,
             "pages/conseil.html", good),
            ("02-other.html", "fr", "Le Journal", "someone/fixtures", commit,
             "pages/conseil.html", "0" * 64),
            ("03-gone.html", "en", "The Paper", "someone/elsewhere", commit, "page.html", good),
            ("04-packed.html", "fr", "Le Journal", "someone/fixtures", commit,
             "pages/packed.html.gz", good)]
    manifest.write_text(HEADER + "".join("\t".join(row) + "\n" for row in rows),
                        encoding="utf-8")

    result = rebuild(manifest, tmp_path / "set", tmp_path / "repos")

    assert (tmp_path / "set" / "01-conseil.html").read_bytes() == page
    assert (tmp_path / "set" / "04-packed.html").read_bytes() == page  # saved uncompressed
    assert not (tmp_path / "set" / "02-other.html").exists()  # bytes differ from the manifest
    assert f"{manifest}:3 (02-other.html)" in result.stdout and "sha256 differs" in result.stdout
    assert f"{manifest}:4 (03-gone.html): no local copy of someone/elsewhere" in result.stdout
    assert "2 of 4 pages rebuilt" in result.stdout
    assert result.returncode == 1
