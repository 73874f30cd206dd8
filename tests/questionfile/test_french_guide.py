"""The French guide for teachers (docs/fichiers-de-questions.md) quotes every question-file
error as a French teacher sees it: its table is made from the French catalogue, and this test
fails when a message is added, changed or translated anew without the guide following.

To rewrite the table after such a change:
``.venv/bin/python -m tests.questionfile.test_french_guide``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from quiz.questionfile import parse_question_file

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "fichiers-de-questions.md"
CATALOGUE = ROOT / "quiz" / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
# Where the problems a teacher can meet are written, each part under its heading.
SOURCES = {
    "Dans le fichier de questions": ["quiz/questionfile/parser.py", "quiz/services/importer.py"],
    "En important un fichier Moodle (GIFT, XML) ou Aiken": ["quiz/questionfile/foreign.py"],
}
START, END = "<!-- errors:start -->", "<!-- errors:end -->"
# What reports a problem: the first N_() text given is the message, the second the hint.
REPORTERS = {"of", "problem", "_Unsupported"}
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _marked(node: ast.AST) -> str | None:
    """The text of an N_("…") call (of an NP_("…", "…", count) call, its singular: the
    catalogue's key), else None."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ("N_", "NP_")
            and node.args and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)):
        return node.args[0].value
    return None


def problem_texts(source: str) -> list[tuple[str, str | None]]:
    """(message, hint) of every problem `source` can report, in the order it writes them.

    A message given apart from its report (in a table of messages) takes the default hint of
    the report it goes to."""
    tree = ast.parse((ROOT / source).read_text(encoding="utf-8"))
    pairs: list[tuple[int, str, str | None]] = []
    default_hint: str | None = None
    in_reports: set[int] = set()
    defaults: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for default in node.args.defaults:
                if _marked(default) is not None:
                    defaults.add(id(default))
                    if node.name == "__init__":
                        default_hint = _marked(default)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
            node.func, "id", "")
        if name not in REPORTERS:
            continue
        texts = [(arg, _marked(arg)) for arg in node.args]
        marked = [(arg, text) for arg, text in texts if text is not None]
        if not marked:
            continue
        in_reports.update(id(arg) for arg, _text in marked)
        message = marked[0][1]
        assert message is not None
        hint = marked[1][1] if len(marked) > 1 else (default_hint if name == "_Unsupported"
                                                     else None)
        pairs.append((node.lineno, message, hint))
    for node in ast.walk(tree):
        text = _marked(node)
        if text is None or id(node) in in_reports or id(node) in defaults:
            continue
        if _in_message_table(tree, node):
            pairs.append((node.lineno, text, default_hint))
    ordered = sorted(pairs, key=lambda item: item[0])
    seen: set[tuple[str, str | None]] = set()
    result: list[tuple[str, str | None]] = []
    for _line, message, hint in ordered:
        if (message, hint) not in seen:
            seen.add((message, hint))
            result.append((message, hint))
    return result


def _in_message_table(tree: ast.Module, node: ast.AST) -> bool:
    """Whether an N_() text is a value of a module-level dict of messages."""
    for statement in tree.body:
        value = statement.value if isinstance(statement, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Dict) and any(v is node for v in value.values):
            return True
    return False


def french(catalogue: Catalog, text: str) -> str:
    """The French of `text` (of a message with plural forms, the plural: « … réponses »)."""
    message = catalogue.get(text)
    assert message is not None and message.string and not message.fuzzy, (
        f"no French for {text!r}: run manage.py messages and translate it")
    string = message.string if isinstance(message.string, str) else message.string[-1]
    return PLACEHOLDER.sub("…", string)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def error_table(catalogue: Catalog) -> str:
    parts: list[str] = []
    for heading, sources in SOURCES.items():
        rows = [pair for source in sources for pair in problem_texts(source)]
        parts += [f"### {heading}", "", "| Message | Comment corriger |", "|---|---|"]
        done: set[tuple[str, str]] = set()
        for message, hint in rows:
            row = (french(catalogue, message), french(catalogue, hint) if hint else "—")
            if row not in done:
                done.add(row)
                parts.append(f"| {_cell(row[0])} | {_cell(row[1])} |")
        parts.append("")
    return "\n".join(parts)


def expected_guide() -> str:
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file)
    text = GUIDE.read_text(encoding="utf-8")
    before, rest = text.split(START + "\n", 1)
    _old, after = rest.split(END, 1)
    return f"{before}{START}\n{error_table(catalogue)}\n{END}{after}"


def test_the_guides_error_table_is_the_french_catalogues() -> None:
    assert GUIDE.read_text(encoding="utf-8") == expected_guide(), (
        "the error table of docs/fichiers-de-questions.md no longer matches the messages: "
        "run .venv/bin/python -m tests.questionfile.test_french_guide")


def test_the_table_holds_the_errors_a_teacher_meets_most() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file)
    for message in ("the passage is not in the article", "the file is not UTF-8 text (byte "
                    "%(byte)s cannot be read)", "unknown field '%(name)s'",
                    "matching questions are not supported",
                    "this is an RTF file (rich text, as TextEdit and WordPad save by default), "
                    "not plain text"):
        assert f"| {french(catalogue, message)} |" in text


def test_the_guide_names_the_menus_as_the_french_interface_shows_them() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    with CATALOGUE.open("rb") as file:
        catalogue = read_po(file)
    for name in ("Manage quizzes", "Upload a question file", "…or paste its text",
                 "Quiz address (for pasted text)", "Check and save", "Publish",
                 "See it as a student", "Download the question file", "Edit",
                 "Seen by", "The classes it is assigned to", "Everyone on this server",
                 "Change who sees it",
                 "Question file (.md), or a Moodle file (GIFT or Moodle XML) or an Aiken file "
                 "(UTF-8)"):
        assert f"«\u00a0{french(catalogue, name)}\u00a0»" in text, name


def test_the_guides_example_is_a_valid_question_file() -> None:
    (example,) = [part.split("\n```", 1)[0] + "\n" for part in
                  GUIDE.read_text(encoding="utf-8").split("```markdown\n")[1:]]
    quiz = parse_question_file(example, "fichiers-de-questions.md")
    assert quiz.language == "fr" and len(quiz.questions) == 2


if __name__ == "__main__":
    GUIDE.write_text(expected_guide(), encoding="utf-8")
    print(f"rewrote the error table of {GUIDE.relative_to(ROOT)}")
