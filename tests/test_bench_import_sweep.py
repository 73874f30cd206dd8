"""bench/import_sweep.py: every page of some folders imported (and drafted), failures named."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest

from tests.bench_script import bench_script

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "articles"


def sweep_module() -> ModuleType:
    return bench_script("import_sweep")


def test_the_sweep_counts_imports_refusals_and_drafts(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("en-library.html", "fr-tramway.html", "no-article.html", "es-sin-idioma.html"):
        shutil.copy(PAGES / name, tmp_path / name)
    (tmp_path / "again").mkdir()
    shutil.copy(PAGES / "en-library.html", tmp_path / "again" / "copy.html")  # taken once
    assert sweep_module().main([str(tmp_path), "--draft", "1"]) == 0
    out = capsys.readouterr().out
    assert "4 distinct files in 1 folder(s)" in out
    assert "imported 2, refused 2" in out
    assert "languages imported: " in out and "en 1" in out and "fr 1" in out
    assert "drafted 1 page(s)" in out and "0 gave no draft" in out
    assert "0 failure(s)" in out


def test_an_exception_of_the_importer_is_a_failure_named_with_its_page(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(PAGES / "en-library.html", tmp_path / "en-library.html")
    shutil.copy(PAGES / "fr-tramway.html", tmp_path / "broken.html")
    import quiz.articles

    real = quiz.articles.import_source

    def breaks_on_one(data: bytes, name: str):  # type: ignore[no-untyped-def]
        if name == "broken.html":
            raise IndexError("list index out of range")
        return real(data, name)

    monkeypatch.setattr(quiz.articles, "import_source", breaks_on_one)
    assert sweep_module().main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "failure 1, imported 1" in out
    assert "broken.html: IndexError: list index out of range" in out
