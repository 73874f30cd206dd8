"""Export to Moodle GIFT and Moodle XML, with warnings for what they cannot carry."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from quiz.questionfile import read_question_file
from quiz.questionfile.interchange import export_gift, export_moodle_xml, gift_escape

SEED = read_question_file(Path(__file__).resolve().parents[2] / "questions"
                          / "russie-coree-du-nord-traite.md")


def test_gift_escapes_its_special_characters() -> None:
    assert gift_escape("Assez timides : peu = {1} ~ #2 \\") == (
        "Assez timides \\: peu \\= \\{1\\} \\~ \\#2 \\\\")


def test_gift_export_of_the_seed_quiz() -> None:
    result = export_gift(SEED, "News Quiz/russie")
    text = result.text
    assert "$CATEGORY: News Quiz/russie" in text
    assert text.count("::") == 2 * len(SEED.questions)
    assert "\t=Assez timides \\: peu de voix se sont élevées" in text
    assert "\t~Très vives \\: de nombreuses voix se sont élevées" in text
    # [plain]: Moodle must not read the text as HTML.
    assert "::vote-sans-abstention::[plain]Selon l’article, quelques élus russes se sont " \
           "abstenus lors du vote du traité. {FALSE####" in text
    assert "Passage \\: « absolument tous les élus présents" in text
    assert any("article is not exported" in str(w) for w in result.warnings)
    assert all(f"// Warning: {w}" in text for w in result.warnings)


def test_outdated_questions_are_left_out_with_a_warning() -> None:
    quiz = replace(SEED, questions=(replace(SEED.questions[0], outdated="Plus vrai."),
                                    *SEED.questions[1:]))
    gift = export_gift(quiz, "c")
    assert "::nom-du-traite::" not in gift.text
    assert "Outdated questions are left out: nom-du-traite." in map(str, gift.warnings)
    xml = export_moodle_xml(quiz, "c")
    assert "nom-du-traite" not in xml.text.split("-->", 1)[1]


def test_moodle_xml_export_parses_and_keeps_the_text() -> None:
    result = export_moodle_xml(SEED, "News Quiz/russie")
    root = ET.fromstring(result.text.encode("utf-8"))
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == "$course$/News Quiz/russie"
    kinds = [q.get("type") for q in questions[1:]]
    assert kinds.count("multichoice") == 8 and kinds.count("truefalse") == 4
    first = questions[1]
    assert first.findtext("name/text") == "nom-du-traite"
    answers = [(a.get("fraction"), a.findtext("text")) for a in first.findall("answer")]
    assert ("100", "Un traité de défense mutuelle") in answers
    assert [f for f, _t in answers].count("100") == 1
    vote = next(q for q in questions if q.findtext("name/text") == "vote-sans-abstention")
    assert [(a.findtext("text"), a.get("fraction")) for a in vote.findall("answer")] == [
        ("true", "0"), ("false", "100")]
    assert "Passage : « absolument tous" in vote.findtext("generalfeedback/text")
