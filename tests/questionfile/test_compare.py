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
from quiz.questionfile.compare import FieldChange, QuestionChange, compare_files, taken_back

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


# What a file saved over the current version would take back (questionfile.taken_back): a
# teacher who uploads their old copy, after a colleague or the browser's editor changed the
# quiz, is asked before those changes are undone.

def velo_versions():
    """Version 1, the file; version 2, its second question corrected (in the browser, say);
    version 3, a question added and the last one deleted."""
    v1 = read_question_file(VELO)
    first, places, goal, reason, colleges = v1.questions
    v2 = replace(v1, questions=(first, replace(places, explanation="Corrigée."), goal, reason,
                                colleges))
    added = replace(goal, key="ajoutee", prompt="Une question ajoutée ?")
    v3 = replace(v2, questions=(*v2.questions[:4], added))
    return v1, v2, v3


def test_a_copy_of_the_current_version_edited_takes_nothing_back() -> None:
    v1, v2, v3 = velo_versions()
    edited = replace(v3, questions=(replace(v3.questions[0], prompt="Autre ?"),
                                    *v3.questions[1:]))
    assert taken_back([(2, v2), (1, v1)], (3, v3), edited) is None
    assert taken_back([(2, v2), (1, v1)], (3, v3), v3) is None


def test_an_old_copy_takes_back_each_change_made_since() -> None:
    v1, v2, v3 = velo_versions()
    back = taken_back([(2, v2), (1, v1)], (3, v3), v1)
    assert back is not None and back.base == 1 and back.same
    assert [(change.key, change.kind) for change in back.questions] == [
        ("places-velo", "changed"), ("ajoutee", "added"), ("colleges-concernes", "removed")]
    assert back.questions[0].fields == (FieldChange("explanation", v1.questions[1].explanation,
                                                    "Corrigée."),)
    assert back.header == () and not back.article


def test_an_old_copy_edited_is_still_read_as_that_copy_and_its_own_edits_are_its_own() -> None:
    v1, v2, v3 = velo_versions()
    first, places, goal, reason, colleges = v2.questions
    # The teacher's copy of version 2: its first question and its title edited (unchanged
    # since), its third question edited too — which version 4 below corrected as well.
    copy = replace(v2, title="Titre corrigé",
                   questions=(replace(first, prompt="Réécrite ?"), places,
                              replace(goal, prompt="Sa version ?"), reason, colleges))
    v4 = replace(v3, questions=(v3.questions[0], v3.questions[1],
                                replace(goal, prompt="La version 4 ?"), *v3.questions[3:]))
    back = taken_back([(3, v3), (2, v2), (1, v1)], (4, v4), copy)
    assert back is not None and back.base == 2 and not back.same
    # Taken back: the question added since (not in the copy), the one deleted since (in the
    # copy again), and version 4's wording of the third (the copy's own wins).
    assert [(change.key, change.kind) for change in back.questions] == [
        (goal.key, "changed"), ("ajoutee", "added"), ("colleges-concernes", "removed")]
    assert back.header == ()  # the title is the file's own change



def test_the_article_and_its_details_changed_since_are_taken_back_too() -> None:
    v1, _v2, _v3 = velo_versions()
    v2 = replace(v1, title="Un titre corrigé",
                 article=(*v1.article, ArticleBlock("paragraph", "Un paragraphe ajouté.")))
    back = taken_back([(1, v1)], (2, v2), v1)
    assert back is not None and back.base == 1 and back.questions == ()
    assert back.header == (FieldChange("title", v1.title, "Un titre corrigé"),)
    assert back.article


def test_a_copy_whose_own_edit_falls_on_a_question_corrected_since_is_still_a_copy() -> None:
    """Version 2 corrected question 2's explanation; the old copy rewrites that question's
    prompt: by question, it read as much as version 2 as version 1 (the tie went to the
    current one, and the correction was lost without a word); by field it is version 1's."""
    v1, _v2, _v3 = velo_versions()
    first, places, goal, reason, colleges = v1.questions
    v2 = replace(v1, questions=(first, replace(places, explanation="Corrigée."), goal, reason,
                                colleges))
    copy = replace(v1, questions=(first, replace(places, prompt="Réécrite ?"), goal, reason,
                                  colleges))
    back = taken_back([(1, v1)], (2, v2), copy)
    assert back is not None and back.base == 1
    assert [(change.key, change.kind) for change in back.questions] == [(places.key, "changed")]
