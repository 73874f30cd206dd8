#!/usr/bin/env python3
"""Mutation testing of the core modules: would the tests notice a plausible bug?

    .venv/bin/python tests/mutate.py                  every core module (about 90 minutes)
    .venv/bin/python tests/mutate.py classes grading  the modules whose names are given
    .venv/bin/python tests/mutate.py --list           print the mutants without running them
    .venv/bin/python tests/mutate.py leaderboard --only _counted
                                                      the mutants of one function only
    TEST_DATABASE_URL=postgresql://… .venv/bin/python tests/mutate.py leaderboard
                                                      the same on PostgreSQL (one job)

Each mutant is one small change to one module's source (a comparison flipped, a condition
dropped from a WHERE or an `and`, a statement deleted, `min` for `max`, a sort order reversed,
a number moved by one...). It is made in a copy of the project (the checkout itself is never
touched), and the module's tests run against it (`-x`: the first failure kills it). A mutant
that no test kills is a *survivor*: a bug the tests would let through, unless it is equivalent
(it changes nothing a user could notice); docs/mutation.md lists those we accept and why
(`ACCEPTED` below, by module and the mutant's text). The score is killed ÷ (mutants − accepted).

A small `ast` mutator of our own rather than mutmut: mutmut cannot mutate decorated functions
or module-level statements (the parser's patterns, the statements built once at import), which
are among what matters most here. Nothing here runs in CI: the ordinary tests carry the kills.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import copy
import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Module → the tests that exercise it, fastest first (the first failure ends a run).
TARGETS: dict[str, tuple[str, list[str]]] = {
    "attempts": ("quiz/services/attempts.py", [
        "tests/services/test_attempts.py", "tests/services/test_concurrency.py",
        "tests/services/test_importer.py", "tests/test_student_pages.py",
        # The refusals' own words: "This quiz opens …", "the N attempts allowed are used";
        # the answers saved on the way, cleared at submission (its own only).
        "tests/test_attempt_limits.py", "tests/test_visibility.py", "tests/test_autosave.py",
        # An assignment in practice mode makes every start of it practice; a live quiz's
        # attempt does not use up the attempts a student starts alone.
        "tests/test_practice.py", "tests/services/test_live.py"]),
    "classes": ("quiz/services/classes.py", [
        "tests/services/test_classes.py", "tests/services/test_leaderboard.py",
        "tests/test_classes_pages.py", "tests/test_security.py"]),
    "leaderboard": ("quiz/services/leaderboard.py", [
        "tests/services/test_leaderboard.py", "tests/test_classes_pages.py",
        "tests/test_insight_pages.py"]),
    "grading": ("quiz/services/grading.py", [
        "tests/services/test_grading.py", "tests/test_student_pages.py"]),
    "parser": ("quiz/questionfile/parser.py", [
        "tests/questionfile/test_parser.py", "tests/questionfile/test_messages.py",
        "tests/questionfile/test_writer.py", "tests/questionfile/test_docs_examples.py",
        "tests/questionfile/test_passage.py", "tests/questionfile/test_fuzz.py",
        "tests/questionfile/test_french_typing.py"]),
    "passage": ("quiz/questionfile/passage.py", [
        "tests/questionfile/test_passage.py", "tests/questionfile/test_normalize_fast_path.py",
        "tests/questionfile/test_parser.py", "tests/questionfile/test_french_typing.py"]),
}

# Survivors judged equivalent (no behaviour a user could notice changes), by module, named as
# this tool prints them between brackets: "function: mutant" (and "#n" when the same change
# occurs n times in that function), not by line, so that an edit elsewhere in the module
# leaves the list right. docs/mutation.md says why for each.
ACCEPTED: dict[str, set[str]] = {name: set() for name in TARGETS} | {
    "attempts": {
        "start_attempt: drop `0`", "start_attempt: 0 → 1",  # COUNT() is never NULL: `or 0`
        "start_attempt: if `existing.revision_id != revision.id` → True",  # the same values
        "start_attempt: delete `return existing`",  # the INSERT then fails on the unique
        #                                             index, and the handler returns the same
        # access() sees no unpublished quiz: the next check refuses it all the same.
        "start_attempt: drop `not quiz.is_published`",
        # The attempts counted against the limit in progress too: the student's own in
        # progress was returned above (one per quiz: a unique index); only another request's
        # start in flight could differ, and counting it is what the comment there refuses.
        "start_attempt: .where(…) without `Attempt.status == 'submitted'`",
        # attempt_limits: SQL's min() skips NULL limits and the comprehension drops a NULL
        # minimum, so either filter alone keeps the quizzes without a limit out; without the
        # quiz filter it returns every quiz's limit, of which the callers read this quiz's.
        "attempt_limits: .where(…) without `Assignment.max_attempts.is_not(None)`",
        "attempt_limits: comprehension: drop `if limit is not None`",
        "attempt_limits: delete `query = query.where(Assignment.quiz_id == quiz_id)`",
        "attempt_limits: if `quiz_id is not None` → False",
        # The in-progress attempt read without its row lock: SQLite takes no row lock (BEGIN
        # IMMEDIATE already serialises every write). On PostgreSQL a save in flight would no
        # longer be waited for before the move: test_a_save_under_way_when_the_attempt_moves_
        # is_moved_with_it (tests/test_autosave.py) fails there, in the PostgreSQL pass.
        "start_attempt: True → False",
        "_attempt_in_progress: `lock` → False (x if …)",
        # FOR NO KEY UPDATE made FOR UPDATE, or the lock also taken by the reads that do not
        # write: both still serialise the move and the save; only waits change.
        "_attempt_in_progress: True → False",
        "_attempt_in_progress: `lock` → True (x if …)",
        # `match` is empty when the question is gone (`… if question else []`): the test of
        # `question is not None` beside it changes nothing.
        "_move_saved_answers: drop `question is not None`",
        "submit_attempt: 2 → 3",  # a third try: only after two edits during one submission
        "submit_attempt: if `attempt.is_submitted` → False",  # the guarded UPDATE then
        "submit_attempt: delete `raise AttemptAlreadySubmitted(attempt)`",  # refuses it and
        #                                                  the same error follows
        # The exceptions' own text is for logs: the pages say it in the reader's language,
        # from the exception's values (which the tests do check).
        "QuizNotOpenYet.__init__: delete `super().__init__(f'the quiz opens at "
        "{opens_at.isoformat()}')`",
        "AttemptLimitReached.__init__: delete `super().__init__(f'the {limit} attempts "
        "allowed are used')`",
        # The position given for a question the attempt does not ask: the routes refuse such
        # ids before calling (a message without a number).
        "save_answers: 0 → 1",
        # FOR UPDATE instead of FOR NO KEY UPDATE: no row lock on SQLite; on PostgreSQL a
        # concurrent insert referencing the attempt waits too.
        "save_answers: True → False",
        "save_answers: drop `chosen`",  # practice mode with nothing sent: the count over an
        #                                 empty IN () is 0 all the same
        "save_answers: drop `0`",  # COUNT() is never NULL: `or 0`
    },
    "classes": {
        "ClassError.__init__: `params` → True (x if …)",  # "text" % {} is the text
        "_with_unique_code: 10 → 11", "_with_unique_code: 10 → 9",  # tries at a free code
        "_assigned_to: .join(…) without `Quiz.id == Assignment.quiz_id`",  # the ON clause
        #                                                  inferred from the foreign key
        "assignments_for_student: .order_by(…) without `Assignment.id`",  # equal due dates:
        #          both databases return them in the order of their ids (insertion) anyway
    },
    "grading": {
        "IncompleteAttempt.__init__: delete `super().__init__(f'{len(missing)} question(s) "
        "without an answer')`",  # the text of an error no page shows
    },
    "leaderboard": {
        # On PostgreSQL, the SQLite form of the query: the same rows, only slower.
        "_counted: if `db.engine.dialect.name == 'postgresql'` → False",
        "_counted: db.engine.dialect.name == 'postgresql'  →  db.engine.dialect.name != "
        "'postgresql'",
        "_counted: delete `return sa.select(counted.c.attempt_id, counted.c.user_id, "
        "counted.c.score, counted.c.total, counted.c.submitted_at).select_from(member)"
        ".join(counted, sa.true()).where(member.classroom_id == "
        "sa.bindparam(f'classroom{suffix}'))`",
        "_counted: 1 → 2 #2",  # LIMIT 2 in a scalar subquery: SQLite takes the first row
        "class_leaderboard: if `assignments is None` → True",  # loads the same ones again
        "class_leaderboard: delete `assignments = sorted(assignments, key=lambda a: a.id)`",
        #                                     the order of assignments whose scores are added
        # ON clauses SQLAlchemy infers from the foreign keys (user_id → user.id):
        "_board_statement: .join(…) without `members_sq.c.user_id == User.id`",
        "_board_statement: .join(…) without `members_sq.c.user_id == User.id` #2",
        "_board_statement: .outerjoin(…) without `totals.c.user_id == User.id`",
        # The joined membership's time or the same membership read by an EXISTS: the same
        # attempts, only slower (the keyword's reason).
        "made_in_class: `membership_joined` → False (x if …)",
        # The first row always sets the position before it is read.
        "rank_standings: 0 → 1",
        "rank_standings: delete `position = 0`",
    },
    "parser": {
        # The size in MB is shown with one decimal, and 1,000,000 // 999,999 is 1 too.
        "decode_question_bytes: 1000000 → 1000001", "decode_question_bytes: 1000000 → 999999",
        "decode_question_bytes: 1000000 → 999999 #2",
        # The line starts with "# " / "## " / "### ": one character less, and strip() gives
        # the same text.
        "_Parser.parse: 2 → 1", "_Parser.parse: 2 → 1 #2", "_Parser.split_sections: 3 → 2",
        "_Parser.parse_article: 4 → 3", "_Parser.parse_article: 4 → 3 #2",
        "_Parser.read_raw_questions: 4 → 3",
        # The title is read only when no problem was found, and a missing title is one.
        "_Parser.parse: delete `title = ''`", "_Parser.parse: drop `not title`",
        "_Parser.parse: 0 → 1 #2",  # the first line of a missing Questions section: unused
        # Whether a header value is kept only matters when there is no problem, and each of
        # these returns follows a problem.
        "_Parser.valid_header_value: False → True",
        "_Parser.valid_header_value: False → True #2",
        "_Parser.valid_header_value: False → True #3",
        "_Parser.valid_header_value: False → True #4",
        "_Parser.valid_header_value: delete `return False` #2",
        "_Parser.valid_header_value: delete `return False` #3",
        "_Parser.valid_header_value: delete `return False` #4",
        # paragraph_line is set before the first line of every paragraph is added.
        "_Parser.parse_article: delete `paragraph_line = 0`", "_Parser.parse_article: 0 → 1",
        # A passage that is None comes with a problem: the file is refused either way.
        "_Parser.build_question: drop `location is None`",
        # The last statement of the function: without it, it returns None all the same.
        "_Parser.true_false_answer: delete `return None` #2",
        "_Parser.locate: delete `return None` #3",
    },
    "passage": {
        # normalize()'s fast path returns what the slow path would (a property test checks):
        # without it, the same result, more slowly.
        "normalize: if `not _NEEDS_FOLDING.search(text)` → False",
        "normalize: delete `return (text.translate(_SAME_AS), list(range(len(text))))`",
        "_longest_matching_prefix: 1 → 2",  # the middle rounded up by 1 or by 2: still
        #                                     between low and high, the same answer
    },
}

FLIPPED_COMPARISONS: dict[type, list[type]] = {
    ast.Eq: [ast.NotEq], ast.NotEq: [ast.Eq], ast.Lt: [ast.LtE, ast.Gt],
    ast.LtE: [ast.Lt, ast.GtE], ast.Gt: [ast.GtE, ast.Lt], ast.GtE: [ast.Gt, ast.LtE],
    ast.Is: [ast.IsNot], ast.IsNot: [ast.Is], ast.In: [ast.NotIn], ast.NotIn: [ast.In],
}
SWAPPED_NAMES = {"min": "max", "max": "min", "any": "all", "all": "any"}
SWAPPED_METHODS = {"desc": "asc", "asc": "desc", "is_": "is_not", "is_not": "is_",
                   "startswith": "endswith", "endswith": "startswith"}
# Calls whose positional arguments are conditions or keys: each one may be dropped.
CONDITION_CALLS = {"where", "filter", "and_", "or_", "order_by", "join", "outerjoin"}


@dataclass(frozen=True)
class Mutant:
    module: str
    line: int
    start: tuple[int, int]  # (line, column) of the replaced source, 1-based line
    end: tuple[int, int]
    replacement: str
    description: str
    scope: str  # the function (or class) it is in, e.g. "_Parser.parse_header"; "" at the top
    occurrence: int = 1  # the same mutant of the same function: 1st, 2nd… in the source

    @property
    def label(self) -> str:
        return f"{self.line}: {self.description}"

    @property
    def key(self) -> str:
        """How ACCEPTED names it: by function (and which of the same change in it), not by
        line, so that an edit elsewhere in the module leaves the list right."""
        nth = f" #{self.occurrence}" if self.occurrence > 1 else ""
        return f"{self.scope}: {self.description}{nth}"


class _Finder(ast.NodeVisitor):
    """Every mutant of one module's source, as (node span, replacement source)."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.mutants: list[Mutant] = []
        self.scope: list[str] = []

    def _add(self, node: ast.AST, replacement: ast.AST | str, description: str) -> None:
        text = replacement if isinstance(replacement, str) else ast.unparse(replacement)
        self.mutants.append(Mutant(
            self.module, node.lineno, (node.lineno, node.col_offset),  # type: ignore[attr-defined]
            (node.end_lineno, node.end_col_offset), text, description,  # type: ignore[attr-defined]
            ".".join(self.scope)))

    def visit_Compare(self, node: ast.Compare) -> None:
        for index, op in enumerate(node.ops):
            for other in FLIPPED_COMPARISONS.get(type(op), []):
                mutated = copy.deepcopy(node)
                mutated.ops[index] = other()
                self._add(node, mutated, f"{ast.unparse(node)}  →  {ast.unparse(mutated)}")
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        for index in range(len(node.values)):
            rest = node.values[:index] + node.values[index + 1:]
            mutated = rest[0] if len(rest) == 1 else ast.BoolOp(op=node.op, values=rest)
            self._add(node, mutated, f"drop `{ast.unparse(node.values[index])}`")
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        self._add(node, ast.BoolOp(op=other, values=node.values),
                  f"{type(node.op).__name__.lower()} → {type(other).__name__.lower()}")
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Not):
            self._add(node, node.operand, f"drop `not` in `{ast.unparse(node)}`")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in SWAPPED_NAMES:
            self._add(func, SWAPPED_NAMES[func.id], f"{func.id} → {SWAPPED_NAMES[func.id]}")
        if isinstance(func, ast.Attribute):
            if func.attr in SWAPPED_METHODS and not node.args:
                mutated = copy.deepcopy(node)
                mutated.func.attr = SWAPPED_METHODS[func.attr]  # type: ignore[attr-defined]
                self._add(node, mutated, f".{func.attr}() → .{SWAPPED_METHODS[func.attr]}()")
            if func.attr in CONDITION_CALLS and len(node.args) >= 2:
                for index, argument in enumerate(node.args):
                    mutated = copy.deepcopy(node)
                    del mutated.args[index]
                    self._add(node, mutated,
                              f".{func.attr}(…) without `{ast.unparse(argument)}`")
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        for value in (True, False):
            self._add(node.test, repr(value), f"if `{ast.unparse(node.test)}` → {value}")
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        for value in (True, False):
            self._add(node.test, repr(value), f"`{ast.unparse(node.test)}` → {value} (x if …)")
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        for condition in node.ifs:
            self._add(condition, "True", f"comprehension: drop `if {ast.unparse(condition)}`")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, bool):
            self._add(node, repr(not node.value), f"{node.value} → {not node.value}")
        elif isinstance(node.value, int) and not isinstance(node.value, bool):
            for other in {node.value + 1, node.value - 1} - {-1}:
                self._add(node, repr(other), f"{node.value} → {other}")

    def visit_BinOp(self, node: ast.BinOp) -> None:
        swaps = {ast.Add: ast.Sub, ast.Sub: ast.Add}
        if type(node.op) in swaps and not isinstance(node.left, ast.Constant | ast.JoinedStr):
            mutated = copy.deepcopy(node)
            mutated.op = swaps[type(node.op)]()
            self._add(node, mutated, f"{ast.unparse(node)}  →  {ast.unparse(mutated)}")
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        # Decorators, annotations and the signature are declarations: only the body and the
        # defaults are mutated.
        for default in [*node.args.defaults, *node.args.kw_defaults]:
            if default is not None:
                self.visit(default)
        self.scope.append(node.name)
        self._statements(node.body)
        for statement in node.body:
            self.visit(statement)
        self.scope.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.scope.append(node.name)
        for statement in node.body:
            self.visit(statement)
        self.scope.pop()

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)

    def _statements(self, body: list[ast.stmt]) -> None:
        for statement in body:
            deletable = (ast.Expr, ast.Raise, ast.AugAssign, ast.Assign, ast.Delete,
                         ast.Return, ast.Break, ast.Continue)
            if isinstance(statement, deletable) and not (
                    isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)):
                first = ast.unparse(statement).splitlines()[0]
                self._add(statement, "pass", f"delete `{first}`")

    def generic_visit(self, node: ast.AST) -> None:
        # The bodies of if/for/while/with/try (a function's own body: visit_FunctionDef).
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt) \
                    and not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef
                                       | ast.AsyncFunctionDef):
                self._statements(body)
        if isinstance(node, ast.ExceptHandler | ast.match_case):
            self._statements(node.body)
        super().generic_visit(node)


def find_mutants(name: str) -> list[Mutant]:
    path = ROOT / TARGETS[name][0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    finder = _Finder(name)
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        finder.visit(node)
    # Type annotations and docstrings hold no behaviour; mutants inside them are left out.
    mutants = sorted(set(finder.mutants), key=lambda m: (m.start, m.end, m.replacement))
    seen: dict[tuple[str, str], int] = {}
    numbered = []
    for mutant in mutants:
        n = seen[mutant.scope, mutant.description] = seen.get(
            (mutant.scope, mutant.description), 0) + 1
        numbered.append(dataclasses.replace(mutant, occurrence=n))
    return numbered


def apply(source: str, mutant: Mutant) -> str:
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line.encode("utf-8")))
    data = source.encode("utf-8")
    start = offsets[mutant.start[0] - 1] + mutant.start[1]
    end = offsets[mutant.end[0] - 1] + mutant.end[1]
    replacement = mutant.replacement
    if "\n" in data[start:end].decode("utf-8") and replacement != "pass":
        replacement = f"({replacement})"  # an expression that spanned lines stays one
    return (data[:start] + replacement.encode("utf-8") + data[end:]).decode("utf-8")


def project_copy(folder: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", ".git", "instance", "test-artifacts", "__pycache__",
                                    ".pytest_cache", ".hypothesis", "*.egg-info", "build",
                                    ".mypy_cache", ".ruff_cache")
    shutil.copytree(ROOT, folder / "project", ignore=ignore)
    return folder / "project"


# The test runs under way, stopped with the tool (Ctrl+C, kill): a mutant's endless loop must
# not outlive it.
_running: set[subprocess.Popen[str]] = set()
_running_lock = threading.Lock()
_stopping = threading.Event()


def _stop(signum: int, _frame: object) -> None:
    _stopping.set()
    with _running_lock:
        for process in _running:
            process.kill()
    raise SystemExit(128 + signum)


def run_tests(project: Path, tests: list[str], timeout: float) -> tuple[bool, str]:
    """(killed, the first failing test or why)."""
    # With TEST_DATABASE_URL (PostgreSQL) the tests run there: its own query paths are then
    # the ones mutated (main() runs one job, as each test empties that database).
    env = {**os.environ, "PYTHONPATH": str(project), "PYTHONDONTWRITEBYTECODE": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
         "-p", "no:randomly", "--no-header", "-W", "ignore::DeprecationWarning", *tests],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with _running_lock:
        _running.add(process)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:  # an endless loop: killed
        process.kill()
        process.communicate()
        return True, "timeout"
    finally:
        with _running_lock:
            _running.discard(process)
    if process.returncode == 0:
        return False, ""
    failed = [line for line in output.splitlines() if line.startswith(("FAILED", "ERROR"))]
    return True, failed[0] if failed else f"exit {process.returncode}"


def work(name: str, mutants: list[Mutant], folder: Path, timeout: float | None
         ) -> Iterator[tuple[Mutant, bool, str]]:
    project = project_copy(folder)
    module, tests = TARGETS[name]
    target = project / module
    original = target.read_text(encoding="utf-8")
    started = time.monotonic()
    killed, why = run_tests(project, tests, 600)
    if killed:
        raise RuntimeError(f"{name}: the tests fail without any mutant: {why}")
    # A mutant whose tests run three times longer than without it loops for ever.
    timeout = timeout or max(30.0, 3 * (time.monotonic() - started))
    for mutant in mutants:
        if _stopping.is_set():
            return
        mutated = apply(original, mutant)
        try:
            compile(mutated, str(target), "exec")
        except SyntaxError:
            continue
        target.write_text(mutated, encoding="utf-8")
        try:
            yield (mutant, *run_tests(project, tests, timeout))
        finally:
            target.write_text(original, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", metavar="MODULE",
                        help=f"of: {', '.join(TARGETS)} (default: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float,
                        help="seconds per mutant run (default: 3 times the module's tests "
                             "without a mutant, at least 30)")
    parser.add_argument("--list", action="store_true", help="print the mutants, run nothing")
    parser.add_argument("--only", metavar="TEXT",
                        help="only the mutants whose [function: mutant] contains TEXT "
                             "(e.g. --only _counted: one function)")
    args = parser.parse_args()
    unknown = set(args.modules) - set(TARGETS)
    if unknown:
        parser.error(f"unknown module {', '.join(sorted(unknown))}: choose among "
                     f"{', '.join(TARGETS)}")
    names = args.modules or list(TARGETS)
    if os.environ.get("TEST_DATABASE_URL"):
        args.jobs = 1  # one database, emptied by each test
    mutants = {name: [m for m in find_mutants(name) if not args.only or args.only in m.key]
               for name in names}
    for name in names:  # an edit of the module may have made an accepted mutant disappear
        stale = ACCEPTED[name] - {m.key for m in find_mutants(name)}
        for key in sorted(stale):
            print(f"note: ACCEPTED[{name!r}] names no mutant of the module now: {key}",
                  file=sys.stderr)
    if args.list:
        for name in names:
            for mutant in mutants[name]:
                print(f"{TARGETS[name][0]}:{mutant.label}  [{mutant.key}]")
        return 0
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    started = time.monotonic()
    results: dict[str, list[tuple[Mutant, bool, str]]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory(prefix="news-quiz-mutants-") as temporary:
        # Each job takes a share of every module's mutants, in a copy of its own.
        shares = [(name, mutants[name][job::args.jobs], Path(temporary) / f"{name}-{job}")
                  for name in names for job in range(args.jobs)]

        def run_share(share: tuple[str, list[Mutant], Path]) -> list[tuple[Mutant, bool, str]]:
            name, chunk, folder = share
            folder.mkdir()
            done = []
            for outcome in work(name, chunk, folder, args.timeout):
                if _stopping.is_set():
                    break  # that run was stopped, not failed
                mutant, killed, _why = outcome
                mark = "killed  " if killed else "SURVIVED"
                print(f"{mark} {TARGETS[name][0]}:{mutant.label}  [{mutant.key}]", flush=True)
                done.append(outcome)
            return done

        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            for share, outcome in zip(shares, pool.map(run_share, shares), strict=True):
                results[share[0]] += outcome
    print(f"\n{'module':34} {'mutants':>7} {'killed':>7} {'accepted':>8} {'score':>6}")
    total_killed = total_counted = 0
    for name in names:
        ran = results[name]
        killed = sum(k for _m, k, _w in ran)
        accepted = sum(1 for m, k, _w in ran if not k and m.key in ACCEPTED[name])
        counted = len(ran) - accepted
        total_killed, total_counted = total_killed + killed, total_counted + counted
        print(f"{TARGETS[name][0]:34} {len(ran):7} {killed:7} {accepted:8} "
              f"{100 * killed / max(counted, 1):5.1f}%")
    print(f"{'all':34} {'':7} {total_killed:7} {'':8} "
          f"{100 * total_killed / max(total_counted, 1):5.1f}%  "
          f"({time.monotonic() - started:.0f} s)")
    survivors = [(name, m) for name in names for m, k, _w in results[name]
                 if not k and m.key not in ACCEPTED[name]]
    if survivors:
        print("\nSurvivors (not accepted):")
        for name, mutant in survivors:
            print(f"  {TARGETS[name][0]}:{mutant.label}  [{mutant.key}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
