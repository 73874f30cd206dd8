"""Files that Moodle question banks export, in the shapes where reading them went wrong:
GIFT's arrows in multiple-choice answers, format tags, true/false feedback order, HTML,
escaped backslashes, text after the answers; Moodle XML multichoice and truefalse."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.questionfile import parse_question_file, read_question_file, write_question_file
from quiz.questionfile.foreign import (
    convert_text,
    detect_format,
    html_to_text,
    read_gift,
    read_moodle_xml,
)
from quiz.questionfile.interchange import export_gift, export_moodle_xml

DATA = Path(__file__).resolve().parents[1] / "data"
SEED = read_question_file(Path(__file__).resolve().parents[2] / "questions"
                          / "russie-coree-du-nord-traite.md")
ARTICLE = parse_question_file(write_question_file(SEED).split("## Questions")[0], "a.md")


def shapes() -> dict[str | None, object]:
    questions, _problems = read_gift((DATA / "moodle-shapes.gift").read_text(encoding="utf-8"),
                                     "s.gift")
    return {q.title: q for q in questions}


def bank() -> tuple[list, list]:
    return read_moodle_xml((DATA / "moodle-bank.xml").read_text(encoding="utf-8"), "b.xml")


def test_arrows_in_the_answers_of_a_multiple_choice_question() -> None:
    question = shapes()["Fleches"]
    assert question.kind == "mcq"
    assert question.choices == (("aller au café -> commander un café", False),
                                ("moudre le café -> ajouter de l'eau", True))


def test_a_matching_question_is_still_named_as_one() -> None:
    _questions, problems = read_gift("Associez. {=Russie -> Moscou =Corée -> Pyongyang}", "m")
    assert [str(p.message) for p in problems] == ["matching questions are not supported"]


def test_format_tags_on_answers_are_taken_off_and_applied() -> None:
    question = shapes()["Balises"]
    assert question.prompt == "Qui a pointé du doigt l'escalade ?"
    assert question.choices == (("L'OTAN", False), ("Joe Biden et l'ONU", True),
                                ("La Chine", False))


def test_true_false_feedback_in_gifts_order_wrong_then_right_with_escaped_hashes() -> None:
    question = shapes()["Retours"]
    assert (question.kind, question.answer) == ("true_false", True)
    # General feedback, then the feedback for the right answer (the second), "\#" kept whole.
    assert question.explanation == "Les élus présents ont tous voté pour. Oui#2 : il l'a ratifié."
    assert question.wrong_feedback  # named in the question's review note


def test_html_becomes_text_without_spaces_before_punctuation_or_comments() -> None:
    question = shapes()["HTML"]
    assert question.prompt == "Tous les élus présents, ont-ils voté pour ?"
    assert question.choices == (("Oui, tous.", True),
                                ("Non\u00a0; certains se sont abstenus.", False))
    assert question.explanation == "L’article le dit clairement."


@pytest.mark.parametrize(("markup", "text", "images"), [
    ("<p>Un <b>mot</b>, puis <i>un autre</i>.</p><p>Deuxième</p>", "Un mot, puis un autre. "
     "Deuxième", 0),
    ("Avant<br>après<!-- note --> &amp; &lt;b&gt; fin", "Avant après & <b> fin", 0),
    ("<script>alert(1)</script><style>p{}</style>Texte", "Texte", 0),
    ('<p>Voir <img src="a.png" alt="x"> ici <img src="b.png"/></p>', "Voir ici", 2),
    ("<p onclick=\"x()\">L'<a href='javascript:x()'>article</a></p>", "L'article", 0),
])
def test_html_to_safe_text(markup: str, text: str, images: int) -> None:
    assert html_to_text(markup) == (text, images)


def test_an_escaped_backslash_before_n_is_a_backslash() -> None:
    assert shapes()["Chemin"].prompt == "Le fichier est dans C:\\new\\table."


def test_the_apps_own_export_of_a_backslash_path_comes_back_the_same() -> None:
    text = write_question_file(SEED).replace(
        "Prompt: Selon l’article, quelques élus russes",
        "Prompt: Dans C:\\new\\table, quelques élus russes")
    quiz = parse_question_file(text, "seed.md")
    exported = export_gift(quiz, "c").text
    questions, _problems = read_gift(exported, "e.gift")
    prompts = [q.prompt for q in questions]
    assert any(p.startswith("Dans C:\\new\\table, quelques élus russes") for p in prompts)


def test_a_numerical_question_followed_by_text_is_named_numerical() -> None:
    _questions, problems = read_gift((DATA / "moodle-shapes.gift").read_text(encoding="utf-8"),
                                     "s.gift")
    assert [str(p.message) for p in problems] == ["numerical questions are not supported"]


def test_text_after_a_true_false_answer_joins_its_statement() -> None:
    question = shapes()["Vrai suivi de texte"]
    assert (question.kind, question.answer) == ("true_false", True)
    assert question.prompt == "La Corée du Nord a envoyé des soldats en Russie."
    assert question.explanation == "Selon les renseignements."


def test_stray_punctuation_after_a_true_false_is_dropped() -> None:
    (question,), _problems = read_gift('::Q1:: 42 is the answer.{FALSE#No.#Yes.}";', "q")
    assert (question.prompt, question.answer, question.explanation) == (
        "42 is the answer.", False, "Yes.")


def test_a_short_answer_question_with_weights_is_named_short_answer() -> None:
    _questions, problems = read_gift("Best animal?{=Frog#Good! =%50%Cat =%0%*#Wrong}", "q")
    assert [str(p.message) for p in problems] == ["short-answer questions are not supported"]


def test_the_gift_export_marks_its_text_plain_and_reads_back() -> None:
    exported = export_gift(SEED, "c").text
    heads = [line for line in exported.split("\n") if line.startswith("::")]
    assert heads and all("::[plain]" in line for line in heads)
    questions, problems = read_gift(exported, "e.gift")
    assert not problems
    assert [q.prompt for q in questions] == [q.prompt for q in SEED.questions]


def test_moodle_xml_multichoice_with_cdata_html_and_feedback() -> None:
    questions, _problems = bank()
    traite = questions[0]
    assert (traite.title, traite.kind) == ("Traité évoqué", "mcq")
    assert traite.prompt == "Quel traité Poutine évoque-t-il pour justifier le rapprochement ?"
    assert traite.choices == (("Un traité de défense mutuelle", True),
                              ("Un traité de libre-échange", False),
                              ("Un accord de cessez-le-feu & de paix", False))
    # General feedback, then the right answer's feedback; a wrong answer's is named.
    assert traite.explanation == ("Le premier paragraphe le dit\u00a0: un traité de "
                                  "«\u00a0Défense mutuelle\u00a0». C'est bien ça.")
    assert traite.wrong_feedback and traite.images == 0


def test_moodle_xml_truefalse_takes_the_right_answers_feedback_and_counts_its_image() -> None:
    questions, _problems = bank()
    elus = questions[1]
    assert (elus.kind, elus.answer) == ("true_false", False)
    assert elus.prompt == "Quelques élus se sont abstenus."
    assert elus.explanation == "Absolument tous les élus présents ont voté pour."
    assert elus.images == 1  # the attached file and its <img> are one image


def test_moodle_xml_questions_news_quiz_cannot_hold_are_named_with_their_line() -> None:
    questions, problems = bank()
    assert len(questions) == 2
    text = (DATA / "moodle-bank.xml").read_text(encoding="utf-8").split("\n")
    lines = {p.line: str(p.message) for p in problems}
    assert text[min(lines) - 1].strip() == '<question type="multichoice">'
    assert sorted(lines.values()) == [
        "a description without an answer is not a question",
        "partial credit (50%) is not supported",
        "short-answer questions are not supported"]


def test_moodle_xml_with_entities_is_refused_unread() -> None:
    hostile = ('<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa">'
               '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<quiz><question type="truefalse">'
               "<questiontext><text>&b;</text></questiontext></question></quiz>")
    questions, problems = read_moodle_xml(hostile, "h.xml")
    assert questions == [] and "DOCTYPE" in str(problems[0].message)
    external = '<quiz><question type="truefalse"><questiontext format="plain_text"><text>' \
               "x</text></questiontext><answer fraction='100'><text>true</text></answer>" \
               "</question></quiz>"
    assert read_moodle_xml(external, "e.xml")[0][0].prompt == "x"


def test_format_detection_of_xml_and_of_gift_starting_with_html() -> None:
    assert detect_format('\ufeff<?xml version="1.0"?>\n<quiz></quiz>') == "moodle-xml"
    assert detect_format("<quiz>\n</quiz>") == "moodle-xml"
    assert detect_format("<b>Le Sénat</b> a voté. {T}") == "gift"


def test_broken_xml_names_its_line() -> None:
    _questions, problems = read_moodle_xml("<quiz>\n<question type='truefalse'>\n</quiz>",
                                           "x.xml")
    assert problems[0].line == 3 and "cannot be read" in str(problems[0].message)


def test_the_apps_moodle_xml_export_reads_back() -> None:
    exported = export_moodle_xml(SEED, "c").text
    assert detect_format(exported) == "moodle-xml"
    questions, problems = read_moodle_xml(exported, "e.xml")
    assert not problems
    assert [(q.prompt, q.kind, q.answer) for q in questions] == [
        (q.prompt, q.kind, q.answer) for q in SEED.questions]
    assert [q.choices for q in questions if q.kind == "mcq"] == [
        tuple((c.text, c.correct) for c in q.choices) for q in SEED.questions if q.kind == "mcq"]


def test_a_moodle_xml_bank_converts_with_passages_to_review_and_an_image_warning() -> None:
    kind, result = convert_text((DATA / "moodle-bank.xml").read_text(encoding="utf-8"),
                                "b.xml", ARTICLE)
    assert kind == "moodle-xml"
    assert [q.kind for q in result.quiz.questions] == ["mcq", "true_false"]
    assert len(result.problems) == 3
    (warning,) = result.warnings  # (its one multiple-choice question's order drawn the same)
    assert (warning.path, str(warning.message)) == (
        "b.xml", "images and attached files left out of this question: 1")
    elus = result.quiz.questions[1]
    assert elus.review is not None and "images and attached files were left out" in elus.review
    assert "feedback written for wrong answers was left out" in elus.review
    assert parse_question_file(write_question_file(result.quiz), "out.md") == result.quiz


PIECES = ['<?xml version="1.0"?>', "<quiz>", "</quiz>", '<question type="multichoice">',
          '<question type="truefalse">', "</question>", "<questiontext>", "</questiontext>",
          '<answer fraction="100">', '<answer fraction="x">', "</answer>", "<text>",
          "</text>", "<![CDATA[<p>a <b>b</b></p>]]>", "<feedback>", "</feedback>", "&amp;",
          "&lt;img&gt;", "<file>", "</file>", "true", "false", "{", "}", "=", "~", "#", "->",
          "\\", "\x00", "\x0b", "[html]", "::T::", "\n"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_any_soup_of_moodle_pieces_is_read_or_named_never_a_crash(parts: list[str]) -> None:
    text = "".join(parts)
    for reader in (read_moodle_xml, read_gift):
        questions, problems = reader(text, "s")
        assert all(p.line >= 1 for p in problems)
        assert all(q.prompt for q in questions if reader is read_moodle_xml)


def test_moodle_19_image_fields_count_as_an_image_left_out() -> None:
    old = ('<quiz><question type="multichoice"><name><text>mcq</text></name>'
           '<questiontext format="html"><text>Which one?</text></questiontext>'
           "<image>moodle.png</image><image_base64>iVBORw0K</image_base64>"
           '<answer fraction="0"><text>wrong</text></answer>'
           '<answer fraction="100"><text>right</text></answer></question>'
           '<question type="cloze"><questiontext><text>{1:MULTICHOICE:=a~b}</text>'
           "</questiontext></question></quiz>")
    (question,), (problem,) = read_moodle_xml(old, "o.xml")
    assert question.images == 1 and question.choices == (("wrong", False), ("right", True))
    assert str(problem.message) == "embedded-answer (cloze) questions are not supported"


def moodle_gift(first_right: bool = True) -> str:
    """The seed's multiple-choice questions as a Moodle teacher writes GIFT: the right answer
    first (Moodle shows the choices in a new order to each student), no feedback."""
    from quiz.questionfile.interchange import gift_escape

    lines = []
    for q in SEED.questions:
        if q.kind != "mcq":
            continue
        ordered = sorted(q.choices, key=lambda c: not c.correct) if first_right else q.choices
        answers = " ".join(("=" if c.correct else "~") + gift_escape(c.text) for c in ordered)
        lines.append(f"::{q.key}:: {gift_escape(q.prompt)} {{{answers}}}\n")
    return "\n".join(lines)


def test_moodles_choices_come_in_a_new_order_drawn_from_each_question() -> None:
    """Written right answer first, as Moodle's teachers do (Moodle shuffles them for each
    student): converted, the right one is no longer first in every question; the order is
    the same at each conversion, and the report says how many questions it changed. An XML
    question that Moodle does not shuffle keeps its order."""
    text = moodle_gift()
    _kind, result = convert_text(text, "m.gift", ARTICLE)
    converted = [q for q in result.quiz.questions if q.kind == "mcq"]
    assert len(converted) >= 4
    firsts = [q.choices[0].correct for q in converted]
    assert not all(firsts), firsts
    moved = 0
    for q, original in zip(converted, [q for q in SEED.questions if q.kind == "mcq"],
                           strict=True):
        assert sorted((c.text, c.correct) for c in q.choices) == sorted(
            (c.text, c.correct) for c in original.choices)  # the same choices, the same key
        written = sorted(original.choices, key=lambda c: not c.correct)  # as in the GIFT
        moved += [c.text for c in q.choices] != [c.text for c in written]
    assert convert_text(text, "m.gift", ARTICLE)[1].quiz == result.quiz
    # Counted when the order drawn is another (a draw can give the same order back).
    assert moved and [str(w.message) for w in result.warnings] == [
        f"the choices of {moved} questions were put in a new order"]
    xml = export_moodle_xml(SEED, "c").text
    assert "<shuffleanswers>false</shuffleanswers>" in xml
    _kind, kept = convert_text(xml.replace("— Passage", "— Extrait"), "k.xml", ARTICLE)
    assert [q.choices for q in kept.quiz.questions if q.kind == "mcq"] == [
        q.choices for q in SEED.questions if q.kind == "mcq"]
    assert not kept.warnings
