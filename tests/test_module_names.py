"""No module of the app binds one top-level name twice.

The later binding silently replaces the earlier, and every use reads the later one: the
drafter's second ``_PERSON_NOUNS`` (quiz/drafting/facts.py, thirty-second round) dropped
"applicant", "user", "player" from the nouns a "he" may stand for, and no linter said so
(ruff's F811 and mypy look at functions and imports, not at a list assigned twice)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "quiz"


def top_level_names(source: str) -> Counter[str]:
    """How many times each top-level name is bound by an assignment, a function or a class."""
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets = [node.target]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
        names.update(target.id for target in targets if isinstance(target, ast.Name))
    return names


def test_the_check_sees_a_list_assigned_twice() -> None:
    source = 'WORDS = {"user"}\n\ndef f():\n    return WORDS\n\nWORDS = {"driver"}\n'
    assert top_level_names(source)["WORDS"] == 2


def test_no_module_binds_a_top_level_name_twice() -> None:
    twice = {f"{path.relative_to(PACKAGE.parent)}: {name}"
             for path in sorted(PACKAGE.rglob("*.py"))
             for name, count in top_level_names(path.read_text(encoding="utf-8")).items()
             if count > 1 and name != "__all__"}
    assert not twice, "bound twice (the later replaces the earlier): " + ", ".join(sorted(twice))
