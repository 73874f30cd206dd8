"""Round trip: what the app writes, the parser reads back unchanged."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from quiz.questionfile import (
    ArticleBlock,
    parse_question_file,
    read_question_file,
    write_question_file,
)

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"


@pytest.mark.parametrize("path", sorted(QUESTIONS.glob("*.md")), ids=lambda p: p.stem)
def test_demo_files_round_trip(path: Path) -> None:
    quiz = read_question_file(path)
    text = write_question_file(quiz)
    again = parse_question_file(text, str(path))
    assert again == quiz
    assert write_question_file(again) == text


def test_written_file_keeps_accents_quotes_and_metadata() -> None:
    quiz = read_question_file(QUESTIONS / "russie-coree-du-nord-traite.md")
    text = write_question_file(quiz)
    assert text.startswith("# Russie et Corée du Nord ratifient un traité de défense mutuelle\n")
    assert "Credit: PHOTO/ALEXANDER NEMENOV/REUTERS\n" in text
    assert "un traité de “Défense mutuelle”" in text
    assert "### Russie et Corée du Nord actent leur rapprochement\n" in text
    # A French file's true/false answers in French words, as its teachers write them.
    assert "Answer: faux\n" in text and "Answer: false" not in text
    assert "- [x] Un traité de défense mutuelle\n" in text
    assert "- [ ] L’Assemblée générale de l’ONU\n" in text
    assert "un traité de « Défense mutuelle » pour justifier" in text


def test_a_changed_quiz_is_written_and_read_back() -> None:
    quiz = read_question_file(QUESTIONS / "exemple-velo-ecole.md")
    article = (*quiz.article, ArticleBlock("paragraph", "Un paragraphe ajouté, avec ’ et “.”", 0))
    edited = replace(quiz, title="Nouveau titre", article=article, facts_as_of="2026-10-20")
    again = parse_question_file(write_question_file(edited))
    assert again.title == "Nouveau titre" and again.facts_as_of == "2026-10-20"
    assert again.article[-1].text == "Un paragraphe ajouté, avec ’ et “.”"
    assert [q.key for q in again.questions] == [q.key for q in quiz.questions]


def test_an_english_files_answers_are_written_true_or_false() -> None:
    english = read_question_file(QUESTIONS / "sample-plastic-free-school-meals.md")
    text = write_question_file(english)
    assert "Answer: true\n" in text or "Answer: false\n" in text
    assert "Answer: vrai" not in text and "Answer: faux" not in text
