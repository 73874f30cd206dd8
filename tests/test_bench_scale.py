"""bench/scale.py at a tiny size, in-process: the data it builds hold together, every GET route
of the app is requested (or skipped with a reason), and none answers a server error."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import scale
from tests.support import sqlite_pass_only


@sqlite_pass_only
def test_every_get_route_is_timed_and_none_fails(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWS_QUIZ_INSTANCE", str(tmp_path / "instance"))
    url = f"sqlite:///{tmp_path / 'scale.sqlite'}"
    # build() checks the data itself (scores, answers, counted results) and stops if they do
    # not hold together.
    built, rows, skipped = scale.run_size(scale.SIZES["tiny"], url, runs=1,
                                          say=lambda _line: None)
    assert built.counts["answer"] > built.counts["attempt"] > 0
    assert built.counts["counted_result"] > 0
    get_rules = {rule.rule for rule in scale.make_app(url).url_map.iter_rules()
                 if "GET" in (rule.methods or ())}
    timed = {row.case.rule for row in rows}
    assert all(why for _rule, why in skipped)
    assert get_rules - timed == {rule for rule, _why in skipped}
    failed = [(row.case.url, row.case.user, row.status) for row in rows if row.status >= 500]
    assert not failed
    # Each page's CPU time is measured beside its wall time (what a busy machine changes less).
    assert all(0 < row.cpu_ms for row in rows if row.status == 200)
    # And the reference page around it, whose time turns it into a ratio.
    assert all(row.reference_ms > 0 and row.ratio == row.best_ms / row.reference_ms
               for row in rows)
    # The student and the teacher are logged in, and the worst cases were found: the pages
    # that need them answer.
    answered = {(row.case.rule, row.case.user): row.status for row in rows}
    assert answered[("/", "student")] == answered[("/teacher/", "teacher")] == 200
    assert {row.status for row in rows if row.case.rule.startswith("/attempts/")} == {200}
    # The teacher opens, in each class, an attempt at a quiz of that class (another is a 404).
    assert [row.status for row in rows
            if scale.route(row.case.rule).endswith("/students/<user_id>/attempts/<attempt_id>")
            ] == [200, 200]


def test_a_get_route_it_cannot_fill_stops_it(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWS_QUIZ_INSTANCE", str(tmp_path / "instance"))
    app = scale.make_app(f"sqlite:///{tmp_path / 'scale.sqlite'}")
    app.add_url_rule("/widgets/<widget_id>", "widget", lambda widget_id: widget_id)
    worst = {"slug": "a-quiz", "classes": [(1, "a class", "a-quiz")],
             "student": (2, "student"), "questions": 12, "key": "q01",
             "results": 3, "unfinished": 4, "results_key": "q01", "number": 1,
             "draft": "a-draft", "search": "a", "live": 5, "class_attempts": {1: 3}}
    with pytest.raises(SystemExit, match="/widgets/<widget_id>"):
        scale.plan_requests(app, worst)


def test_slow_is_judged_on_the_ratio_to_the_reference_page_timed_around_it() -> None:
    """60 ms while the reference took four times its quiet time is a 15 ms page on a quiet
    machine; 40 ms while the reference ran at half its quiet time is an 80 ms page."""
    case = scale.Case("/", "", "student", "/")
    busy = scale.Row(case, 200, 70.0, 60.0, 10.0, 5, 5,
                     reference_ms=4 * scale.REFERENCE_MS)
    fast = scale.Row(case, 200, 45.0, 40.0, 10.0, 5, 5,
                     reference_ms=scale.REFERENCE_MS / 2)
    assert busy.typical_ms == pytest.approx(15.0) and "SLOW" not in busy.flags
    assert fast.typical_ms == pytest.approx(80.0) and fast.flags == ["SLOW"]


@sqlite_pass_only
def test_the_database_built_can_be_kept_to_profile_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    import sqlite3

    monkeypatch.setenv("NEWS_QUIZ_INSTANCE", str(tmp_path / "instance"))
    assert scale.main(["--sizes", "tiny", "--runs", "1", "--keep", str(tmp_path / "kept")]) == 0
    kept = tmp_path / "kept" / "scale-tiny.sqlite"
    assert f"kept {kept}" in capsys.readouterr().out
    with sqlite3.connect(kept) as database:
        assert database.execute("SELECT count(*) FROM attempt").fetchone()[0] > 0
    with pytest.raises(SystemExit):  # nothing to keep on PostgreSQL: said, not ignored
        scale.main(["postgresql://nobody@127.0.0.1:1/none", "--keep", str(tmp_path)])
