"""The examples in the README and docs/question-files.md are valid question files."""

from pathlib import Path

import pytest

from quiz.questionfile import parse_question_file

ROOT = Path(__file__).resolve().parents[2]


def markdown_examples(path: Path) -> list[str]:
    parts = path.read_text(encoding="utf-8").split("```markdown\n")[1:]
    return [part.split("\n```", 1)[0] + "\n" for part in parts]


@pytest.mark.parametrize("doc", ["README.md", "docs/question-files.md"])
def test_examples_parse(doc: str) -> None:
    examples = markdown_examples(ROOT / doc)
    assert examples, f"{doc} has no example"
    for example in examples:
        quiz = parse_question_file(example, doc)
        assert quiz.questions
