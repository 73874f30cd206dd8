"""Export to Moodle GIFT and Moodle XML, with warnings for what they cannot carry."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from quiz.questionfile import read_question_file
from quiz.questionfile.interchange import export_gift, export_moodle_xml, gift_escape

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"
SEED = read_question_file(QUESTIONS / "russie-coree-du-nord-traite.md")
ENGLISH = read_question_file(QUESTIONS / "sample-plastic-free-school-meals.md")
NBSP = "\u00a0"


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
    # The passage is introduced in the quiz's language, French typography included.
    assert f"traité. {{FALSE####L’article précise que tous les élus présents ont voté pour " \
           f"\\: il n’y a eu ni vote contre, ni même une abstention. — Passage{NBSP}\\: " \
           f"«{NBSP}absolument tous les élus présents" in text
    assert any("article is not exported" in str(w) for w in result.warnings)
    assert all(f"// Attention{NBSP}: {w}" in text for w in result.warnings)  # French quiz
    assert "// Warning: " in export_gift(ENGLISH, "News Quiz/x").text
    # The title's comment line is for people: as written, nothing escaped (« \: »).
    titled = export_gift(replace(SEED, title="Élections : le vote = {résultat}"), "c").text
    assert titled.splitlines()[0] == "// Élections : le vote = {résultat}"


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
    assert vote.findtext("generalfeedback/text").endswith(
        f" — Passage{NBSP}: «{NBSP}absolument tous les élus présents ont voté en faveur de "
        f"ce texte, qui n’a donc reçu aucun vote contre (ni même d’abstention){NBSP}»")


def test_an_english_quiz_is_exported_with_its_passages_introduced_in_english() -> None:
    gift = export_gift(ENGLISH, "News Quiz/plastic").text
    assert "::who-started::[plain]According to the article, who started the petition? {" in gift
    assert ("\t####The article says the petition was started by a group of Year 9 pupils. — "
            "Passage\\: “The petition was started by a group of Year 9 pupils”\n}") in gift
    root = ET.fromstring(export_moodle_xml(ENGLISH, "News Quiz/plastic").text.encode("utf-8"))
    feedback = {q.findtext("name/text"): q.findtext("generalfeedback/text")
                for q in root.findall("question")}
    assert feedback["who-started"] == ("The article says the petition was started by a group of "
                                       "Year 9 pupils. — Passage: “The petition was started by a "
                                       "group of Year 9 pupils”")
    for text in (gift, *filter(None, feedback.values())):
        assert "Passage :" not in text and "«" not in text and NBSP not in text


def test_a_quiz_in_another_language_gets_the_english_wording() -> None:
    german = replace(ENGLISH, language="de")
    gift = export_gift(german, "c").text
    assert "Passage\\: “The petition was started by a group of Year 9 pupils”" in gift


def test_an_export_read_back_is_the_same_quiz_in_both_formats_and_languages() -> None:
    """GIFT and Moodle XML, French and English: each question read back has its own passage
    (not a suggested one marked Review) and its explanation without the passage's ending."""
    from quiz.questionfile.foreign import convert_text, looks_foreign

    for quiz in (SEED, ENGLISH):
        kept = [(q.key, q.kind, q.prompt, q.choices, q.answer, q.passage, q.explanation)
                for q in quiz.questions if not q.outdated]
        for export in (export_gift, export_moodle_xml):
            text = export(quiz, "News Quiz/x").text
            assert looks_foreign(text)
            _kind, result = convert_text(text, "x", replace(quiz, questions=()))
            assert not result.problems
            assert [(q.key, q.kind, q.prompt, q.choices, q.answer, q.passage, q.explanation)
                    for q in result.quiz.questions] == kept
            assert not any(q.review for q in result.quiz.questions)


def test_a_passage_ending_that_the_article_does_not_hold_is_suggested_and_marked() -> None:
    """A feedback ending like the export's but quoting words the article does not hold (it
    was edited since): the passage is suggested as for any other file (marked Review), and
    the explanation is what comes before the last ending."""
    from quiz.questionfile.foreign import convert_text

    gift = ("::q:: Qui a ratifié ? {=La Russie ~La France "
            "####Les deux pays. — Passage \\: « une phrase inventée »}")
    _kind, result = convert_text(gift, "x.gift", replace(SEED, questions=()))
    (question,) = result.quiz.questions
    assert question.review and question.review.startswith("passage suggested by matching")
    assert question.explanation == "Les deux pays."  # the ending never piles up
    twice = ("::q:: Qui a ratifié ? {=La Russie ~La France ####Les deux pays. — Passage\\: "
             "« une phrase inventée » — Passage \\: « une autre »}")
    _kind, result = convert_text(twice, "x.gift", replace(SEED, questions=()))
    assert result.quiz.questions[0].explanation == "Les deux pays. — Passage: « une phrase " \
        "inventée »"


def test_only_a_file_with_its_formats_marks_is_taken_for_moodle() -> None:
    from quiz.questionfile.foreign import looks_foreign

    assert looks_foreign("Qui ? {=A ~B}") and looks_foreign("Le ciel est bleu. {T}")
    assert looks_foreign("::t:: Vrai ? {vrai}") and looks_foreign("<?xml version='1.0'?><quiz/>")
    assert looks_foreign("Which?\nA. one\nB. two\nANSWER: B\n")
    assert looks_foreign("Combien font 2 + 2 ? {#4}")  # only numeric questions: told why
    for text in ("#Titre\n\nLanguage: fr\n", "Language: fr\n\n## Article\n\nUn texte.", "",
                 "Un article {avec des accolades} = rien.",
                 "#Titre\n\n## Questions\n\n### q\nType: true_false\nAnswer: F\n",
                 "<!-- saved from url=(0040)https://example.org/ -->\n<html><p>Un texte</p>"):
        assert not looks_foreign(text), text
