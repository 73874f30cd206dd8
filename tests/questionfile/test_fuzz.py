"""Whatever the bytes, the parser answers with a QuestionFileError naming a line, or a quiz."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.questionfile import QuestionFileError, decode_question_bytes, parse_question_file

DEMO = sorted((Path(__file__).resolve().parents[2] / "questions").glob("*.md"))
DEMO_LINES = [line for path in DEMO for line in path.read_text(encoding="utf-8").split("\n")]
# Pieces of the syntax, to reach deep into the parser rather than fail on the first line.
TOKENS = ["# ", "## Article", "## Questions", "### ", "### q1", "Type: mcq", "Type: true_false",
          "Prompt: ", "Answer: vrai", "Passage: ", "Explanation: ", "- [x] ", "- [ ] ", "  ",
          "Language: fr", "Date: 2024-11", "\r", "\r\n", "\t", "\u00a0", "’", "“", "\x00", ":",
          "\u2028", "\ufeff"]

lines = st.one_of(st.sampled_from(DEMO_LINES), st.sampled_from(TOKENS), st.text(max_size=30),
                  st.builds(lambda a, b: a + b, st.sampled_from(TOKENS), st.text(max_size=20)))


def check(text: str) -> None:
    try:
        quiz = parse_question_file(text, "f.md")
    except QuestionFileError as error:
        total = text.count("\n") + text.count("\r") + 1
        for problem in error.problems:
            assert 1 <= problem.line <= total, (problem, total)
            assert problem.message and problem.hint
        return
    for question in quiz.questions:
        block = quiz.article[question.location.block].text
        assert 0 <= question.location.start < question.location.end <= len(block)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines, max_size=60))
def test_line_soup_never_crashes(parts: list[str]) -> None:
    check("\n".join(parts))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_demo_files_with_lines_dropped_or_duplicated_never_crash(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(DEMO))
    original = path.read_text(encoding="utf-8").split("\n")
    edits = data.draw(st.lists(st.tuples(st.integers(0, len(original) - 1),
                                         st.sampled_from(["drop", "dup", "indent", "trim"])),
                               max_size=6))
    lines_ = list(original)
    for index, edit in edits:
        index %= len(lines_) or 1
        if not lines_:
            break
        if edit == "drop":
            del lines_[index]
        elif edit == "dup":
            lines_.insert(index, lines_[index])
        elif edit == "indent":
            lines_[index] = "  " + lines_[index]
        else:
            lines_[index] = lines_[index][: len(lines_[index]) // 2]
    check("\n".join(lines_))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_fail_with_a_line(data: bytes) -> None:
    try:
        text = decode_question_bytes(data, "f.md")
    except QuestionFileError as error:
        assert all(problem.line >= 1 for problem in error.problems)
        return
    check(text)
