"""What French typing in a word processor (LibreOffice, Word, TextEdit) puts in a question
file is read as the teacher meant it, and what cannot be read says what it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.questionfile import (
    QuestionFileError,
    address_from_file_name,
    decode_question_bytes,
    file_name_notice,
    parse_question_file,
    read_question_file,
    write_question_file,
)

from .test_parser import VALID

NBSP, NNBSP = "\u00a0", "\u202f"
LIBREOFFICE = Path(__file__).resolve().parents[1] / "data" / "libreoffice-fr.md"


def problems(text: str) -> list[str]:
    with pytest.raises(QuestionFileError) as caught:
        parse_question_file(text, "q.md")
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize("space", [NBSP, NNBSP, " ", "\t"])
def test_a_space_of_any_kind_before_the_colon_of_a_field(space: str) -> None:
    text = (VALID.replace("Language:", f"Language{space}:")
            .replace("Type: mcq", f"Type{space}: mcq")
            .replace("Answer: Vrai", f"Answer{space}:{space}Vrai"))
    assert parse_question_file(text, "q.md") == parse_question_file(VALID, "q.md")


@pytest.mark.parametrize("bullet", ["\u2013", "\u2014", "\u2022"])  # – — •
def test_en_dash_em_dash_and_list_bullets_start_a_choice(bullet: str) -> None:
    text = (VALID.replace("- [ ] Un traité de libre-échange",
                          f"{bullet}{NBSP}[{NBSP}] Un traité de libre-échange")
            .replace("- [x] Un traité", f"{bullet}\t[x] Un traité"))
    quiz = parse_question_file(text, "q.md")
    assert quiz == parse_question_file(VALID, "q.md")
    assert quiz.questions[0].correct_choice.text == "Un traité de défense mutuelle"


def test_a_dash_bullet_with_an_unreadable_box_names_the_right_form() -> None:
    text = VALID.replace("- [ ] Un traité de libre-échange", "– [ Un traité de libre-échange")
    assert any(":23: cannot read this choice" in p for p in problems(text))


def test_french_field_names_and_types() -> None:
    text = (VALID.replace("Language: fr", "Langue : fr")
            .replace("Credit: PHOTO/REUTERS", "Crédit : PHOTO/REUTERS")
            .replace("Type: mcq", "Type : QCM")
            .replace("Prompt: Quel traité ?", "Énoncé : Quel traité ?")
            .replace("Type: true_false", "Type : Vrai-faux")
            .replace("Prompt: Tous", "Enonce : Tous")  # accents forgotten: the same field
            .replace("Answer: Vrai", "Réponse : Vrai")
            .replace("Passage: Tous", "Extrait : Tous")
            .replace("Explanation: C'est", "Explication : C'est"))
    quiz = parse_question_file(text, "q.md")
    assert quiz == parse_question_file(VALID, "q.md")
    # Written back, a file speaks the one canonical form (English names), read the same.
    assert "Type: mcq" in write_question_file(quiz) and "QCM" not in write_question_file(quiz)


def test_a_french_field_given_twice_with_both_names_is_reported() -> None:
    text = VALID.replace("Answer: Vrai", "Answer: Vrai\nRéponse : Faux")
    assert any("'Réponse' is given twice in this question" in p for p in problems(text))


def test_a_question_id_capitalised_by_a_word_processor_is_the_same_id() -> None:
    text = VALID.replace("### vote\n", "### Vote\n").replace("### nom-du-traite",
                                                              "### Nom-Du-Traite")
    assert parse_question_file(text, "q.md") == parse_question_file(VALID, "q.md")
    assert any("'Nom du traité' cannot be a question id" in p
               for p in problems(VALID.replace("### nom-du-traite", "### Nom du traité")))


@pytest.mark.parametrize("written", ["truefalse", "Vrai faux", "TRUE FALSE", "vraifaux"])
def test_a_type_written_without_its_sign_or_space_is_read(written: str) -> None:
    """« Type: truefalse » was refused although « True or false » and « vrai-faux » are read."""
    text = VALID.replace("Type: true_false", f"Type: {written}")
    assert [q.kind for q in parse_question_file(text, "q.md").questions][-1] == "true_false"


def test_an_unknown_type_is_quoted_as_written() -> None:
    text = VALID.replace("Type: mcq", "Type : choix unique")
    assert any("unknown question type 'choix unique'" in p for p in problems(text))


def test_french_quotes_in_a_passage_match_straight_quotes_in_the_article() -> None:
    text = VALID.replace('Passage: un traité de "Défense mutuelle"',
                         f"Passage : un traité de «{NBSP}Défense mutuelle{NBSP}»")
    quiz = parse_question_file(text, "q.md")
    mcq = quiz.questions[0]
    block = quiz.article[mcq.location.block].text
    # The highlight is the article's own text, its quotes as the article has them.
    assert block[mcq.location.start:mcq.location.end] == "un traité de “Défense mutuelle”"


def test_a_libreoffice_file_reads_whole() -> None:
    quiz = read_question_file(LIBREOFFICE)
    assert quiz.language == "fr" and quiz.source == "Le Journal de la ville"
    assert [(q.kind, q.answer) for q in quiz.questions] == [
        ("mcq", None), ("true_false", True), ("mcq", None), ("mcq", None),
        ("true_false", False)]
    assert [q.correct_choice.text for q in quiz.questions if q.kind == "mcq"] == [
        "2 millions d’euros", "Deux ans", "Trois"]
    first = quiz.questions[0]
    assert first.prompt == f"Selon l’article, quel budget le conseil municipal a-t-il voté{NNBSP}?"
    # The narrow no-break space inside a number stays: it is the teacher's text.
    assert first.choices[0].text == f"200{NNBSP}000 euros"


RTF = rb"{\rtf1\ansi\ansicpg1252\cocoartf2761" + b"\n{\\fonttbl\\f0\\fswiss Helvetica;}\n# Titre}"


def test_an_rtf_file_says_what_it_is_and_how_to_save_plain_text() -> None:
    with pytest.raises(QuestionFileError) as caught:
        decode_question_bytes(RTF, "quiz.rtf")
    (problem,) = caught.value.problems
    assert problem.line == 1
    assert "this is an RTF file (rich text" in str(problem.message)
    assert "Make Plain Text" in str(problem.hint) and "paste it in the box" in str(problem.hint)
    # Pasted, the same text gets the same message.
    assert any("RTF file" in p for p in problems(RTF.decode()))


def test_a_word_processor_document_says_what_it_is() -> None:
    with pytest.raises(QuestionFileError, match="word-processor document"):
        decode_question_bytes(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 20, "quiz.docx")


def test_notepad_unicode_utf16_is_read() -> None:
    quiz = parse_question_file(decode_question_bytes(VALID.encode("utf-16"), "q.md"), "q.md")
    assert quiz == parse_question_file(VALID, "q.md")


@pytest.mark.parametrize(("name", "address"), [
    ("vote-du-senat.md", "vote-du-senat"),
    ("vote-du-senat.md.txt", "vote-du-senat"),
    ("questions.gift.txt", "questions"),
    ("Vote du Sénat.MD.TXT", "vote-du-senat"),
    (r"C:\Users\prof\quiz v1.2.md", "quiz-v1-2"),
    ("banque.xml", "banque"),
    # A browser saves a second download of velo.md as « velo (1).md »: still velo's file.
    ("exemple-velo-ecole (1).md", "exemple-velo-ecole"),
    ("Vote du Sénat (12).md.txt", "vote-du-senat"),
    ("(1).md", "1"),
])
def test_the_quiz_address_from_a_file_name(name: str, address: str) -> None:
    assert address_from_file_name(name) == address


def test_a_md_txt_name_gets_a_notice_saying_what_happened() -> None:
    notice = file_name_notice("vote.md.txt")
    assert notice is not None
    assert "'vote.md.txt' was read as a question file" in str(notice)
    assert "vote.md" in str(notice) and "All files" in str(notice)
    assert file_name_notice("vote.md") is None
    plain = file_name_notice("vote.txt")
    assert plain is not None and "plain text, as it should be" in str(plain)
    assert "(vote.md)" in str(plain)
