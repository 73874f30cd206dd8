"""Question-file problems are translatable: each message and hint is a marked msgid with its
values apart, never English text with the file's content already inside it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from quiz.questionfile import (
    Problem,
    QuestionFileError,
    decode_question_bytes,
    parse_question_file,
)
from quiz.questionfile.foreign import read_aiken, read_gift
from quiz.questionfile.messages import Message
from quiz.services.importer import prepare_text

from . import test_parser
from .test_parser import VALID, replace_line

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SOURCES = ["quiz/questionfile/errors.py", "quiz/questionfile/parser.py",
           "quiz/questionfile/foreign.py", "quiz/services/importer.py"]


def marked_msgids() -> set[str]:
    """The texts marked with N_() or NP_() (both forms) in the modules that report problems
    (what pybabel extracts)."""
    return {text for source in SOURCES
            for _line, message, _comments, _context in extract_from_file(
                "python", str(ROOT / source), keywords={"N_": None, "NP_": (1, 2)})
            for text in ((message,) if isinstance(message, str) else message)}


def problems_of(text: str) -> list[Problem]:
    with pytest.raises(QuestionFileError) as caught:
        parse_question_file(text, "q.md")
    return caught.value.problems


def broken_files() -> list[Problem]:
    """Problems of many broken files: the parser's error cases, bad bytes, GIFT, Aiken, a slug."""
    (cases,) = [mark.args[1] for mark in test_parser.test_each_error_names_its_line.pytestmark
                if mark.name == "parametrize"]
    problems = [p for line, new, _expected in cases
                for p in problems_of(replace_line(VALID, line, new))]
    problems += problems_of("\n\n")
    problems += problems_of(VALID.split("## Article")[0])
    for data in (b"x" * 1_000_001, b"# T\n\x00", VALID.encode("cp1252", errors="replace")):
        with pytest.raises(QuestionFileError) as caught:
            decode_question_bytes(data, "q.md")
        problems += caught.value.problems
    problems += read_gift((DATA / "constructs.gift").read_text(encoding="utf-8"), "c.gift")[1]
    problems += read_aiken((DATA / "aiken.txt").read_text(encoding="utf-8"), "a.txt")[1]
    with pytest.raises(QuestionFileError) as caught:
        prepare_text("Quiz Été", VALID, "q.md")
    return problems + caught.value.problems


def test_every_problem_is_a_marked_msgid_with_its_values_apart() -> None:
    msgids = marked_msgids()
    problems = broken_files()
    assert len(problems) > 40
    for problem in problems:
        for message in (problem.message, problem.hint):
            assert isinstance(message, Message), problem
            # The text is a literal of the source (so in the catalogue), not built from the file.
            assert message.text in msgids, f"not an N_() msgid: {message.text!r}"
            assert message.plural is None or message.plural in msgids, problem
            assert set(re.findall(r"%\((\w+)\)s", message.text)) == set(message.params), problem
            if not message.params:  # gettext() formats only when there are values
                assert "%" not in message.text, problem
        english = problem.message.plural if problem.message.plural and \
            problem.message.params["count"] != 1 else problem.message.text
        assert str(problem) == (f"{problem.path}:{problem.line}: "
                                f"{english % problem.message.params} — "
                                f"{problem.hint.text % problem.hint.params}")


def test_values_from_the_file_stay_out_of_the_msgid() -> None:
    (problem,) = problems_of(replace_line(VALID, 32, "Answer: oui"))
    assert problem.message == Message("'%(value)s' is not an answer to a true/false question",
                                      {"value": "oui"})
    assert str(problem).startswith("q.md:32: 'oui' is not an answer to a true/false question — ")
