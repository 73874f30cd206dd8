"""bench/import_dump.py: what the importer makes of each page, written to be compared."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest

from tests.bench_script import bench_script

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "articles"


def dump_module() -> ModuleType:
    return bench_script("import_dump")


def test_each_page_is_written_with_its_blocks_or_its_refusal(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("fr-tramway.html", "no-article.html"):
        shutil.copy(PAGES / name, tmp_path / name)
    (tmp_path / "notes.md").write_text("not a page")
    assert dump_module().main([str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    pages = [line for line in lines if line.startswith("## ")]
    assert [page.split(" ")[1] for page in pages] == [f"{tmp_path.name}/fr-tramway.html",
                                                       f"{tmp_path.name}/no-article.html"]
    assert " refused: " in pages[1]
    blocks = lines[lines.index(pages[0]) + 1:lines.index(pages[1])]
    assert blocks and all(line.startswith(("paragraph: ", "heading: ")) for line in blocks)
    assert any("tram" in line.lower() for line in blocks)
