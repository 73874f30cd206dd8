"""A version's changes, question by question: what a teacher reads on a version's page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from quiz.questionfile import (
    ArticleBlock,
    Choice,
    parse_question_file,
    read_question_file,
    write_question_file,
)
from quiz.questionfile.compare import FieldChange, QuestionChange, compare_files

VELO = Path(__file__).resolve().parents[2] / "questions" / "exemple-velo-ecole.md"


def test_the_same_quiz_written_in_another_layout_changed_nothing() -> None:
    original = read_question_file(VELO)
    rewritten = parse_question_file(write_question_file(original))
    assert VELO.read_text(encoding="utf-8") != write_question_file(original)  # other lines
    changes = compare_files(original, rewritten)
    assert changes.nothing and changes.unchanged == 5


def test_each_change_is_named_with_its_question_and_field() -> None:
    before = read_question_file(VELO)
    first, places, goal, reason, colleges = before.questions
    new = replace(goal, key="nouvelle", prompt="Quelle rue ferme ?")
    after = replace(
        before, title="Un autre titre",
        article=(*before.article, ArticleBlock("paragraph", "Un paragraphe ajouté.")),
        questions=(
            replace(reason, explanation="Autre explication."),  # moved to the top and changed
            first,
            replace(places, answer=False),
            replace(goal, choices=tuple(Choice(c.text, not c.correct) if n < 2 else c
                                        for n, c in enumerate(goal.choices))),
            new))  # colleges removed
    changes = compare_files(before, after)
    assert changes.header == (FieldChange("title", before.title, "Un autre titre"),)
    assert changes.paragraphs_changed == 1
    by_key = {change.key: change for change in changes.questions}
    assert by_key["raison-parents"] == QuestionChange(
        "raison-parents", 1, reason.prompt, "changed",
        (FieldChange("explanation", reason.explanation, "Autre explication."),), moved_from=4)
    assert by_key["places-velo"].fields == (FieldChange("answer", "true", "false"),)
    assert by_key["places-velo"].moved_from is None
    (choices,) = by_key["objectif-mairie"].fields
    marks = ["✓" if c.correct else "·" for c in goal.choices]
    assert choices.name == "choices" and choices.before == "\n".join(
        f"{mark} {c.text}" for mark, c in zip(marks, goal.choices, strict=True))
    swapped = ["·" if m == "✓" else "✓" for m in marks[:2]] + marks[2:]
    assert choices.after == "\n".join(
        f"{mark} {c.text}" for mark, c in zip(swapped, goal.choices, strict=True))
    assert by_key["nouvelle"].kind == "added" and by_key["nouvelle"].number == 5
    assert by_key["colleges-concernes"] == QuestionChange(
        "colleges-concernes", 5, colleges.prompt, "removed")
    assert "duree-fermeture" not in by_key and changes.unchanged == 1


def test_a_moved_question_alone_is_said_moved_not_removed_and_added() -> None:
    before = read_question_file(VELO)
    first, *rest = before.questions
    changes = compare_files(before, replace(before, questions=(*rest, first)))
    assert changes.questions == (QuestionChange(
        "duree-fermeture", 5, first.prompt, "moved", moved_from=1),)
    assert changes.unchanged == 4


def test_a_key_given_to_a_question_of_another_kind_is_one_change_of_every_field() -> None:
    before = read_question_file(VELO)
    first, places, *rest = before.questions  # places-velo: true or false
    as_mcq = replace(first, key=places.key)  # its key now on a multiple-choice question
    changes = compare_files(before, replace(before, questions=(first, as_mcq, *rest)))
    (change,) = changes.questions
    assert (change.key, change.kind) == ("places-velo", "changed")
    names = [field.name for field in change.fields]
    assert names[0] == "kind" and {"prompt", "choices", "answer"} <= set(names)
    answer = next(field for field in change.fields if field.name == "answer")
    assert (answer.before, answer.after) == ("true", "")
