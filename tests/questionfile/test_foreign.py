"""Reading GIFT and Aiken files into a News Quiz file with passages to review."""

from __future__ import annotations

from pathlib import Path

from quiz.questionfile import parse_question_file, read_question_file, write_question_file
from quiz.questionfile.foreign import convert, detect_format, read_aiken, read_gift

DATA = Path(__file__).resolve().parents[1] / "data"
QUESTIONS = Path(__file__).resolve().parents[2] / "questions"
SEED = read_question_file(QUESTIONS / "russie-coree-du-nord-traite.md")


def gift() -> tuple[list, list]:
    return read_gift((DATA / "constructs.gift").read_text(encoding="utf-8"), "c.gift")


def test_gift_supported_constructs_come_through() -> None:
    questions, _problems = gift()
    by_title = {q.title: q for q in questions}
    traite = by_title["Traité"]
    assert traite.kind == "mcq" and traite.prompt == "Quel traité Poutine évoque-t-il ?"
    assert traite.choices == (("un traité de « Défense mutuelle »", True),
                              ("un traité de libre-échange", False),
                              ("un accord de cessez-le-feu", False))
    # General feedback and the right answer's feedback make the explanation.
    assert traite.explanation == ("Le premier paragraphe parle d'un traité de « Défense "
                                  "mutuelle ». C'est écrit dès le début.")
    vote = by_title["Vote"]
    assert (vote.kind, vote.answer, vote.prompt) == (
        "true_false", True, "Tous les élus présents ont voté pour.")
    assert vote.explanation == "Aucune abstention. Oui, tous."
    untitled = [q for q in questions if q.title is None]
    assert [(q.prompt, q.answer) for q in untitled] == [
        ("Le Sénat russe a ratifié le traité.", True),
        ("Quelques élus se sont abstenus.", False),
        ("Le texte prévoit: une aide militaire immédiate.", False)]
    soldats = by_title["Soldats"]
    assert soldats.prompt == "Combien d'hommes la Corée du Nord aurait-elle envoyés ?"
    assert [c for c, right in soldats.choices if right] == ["entre 10 000 et 12 000"]
    assert by_title["Markdown"].prompt == "Qui a **pointé du doigt** l'escalade ?"
    assert (by_title["Vrai ou faux"].kind, by_title["Vrai ou faux"].answer) == (
        "true_false", True)


def test_gift_unsupported_types_are_named_per_question() -> None:
    questions, problems = gift()
    assert len(questions) == 8
    messages = {p.line: str(p.message) for p in problems}
    text = (DATA / "constructs.gift").read_text(encoding="utf-8").split("\n")

    def line_of(start: str) -> int:
        return next(n for n, row in enumerate(text, 1) if row.startswith(start))

    assert messages[line_of("::Essai::")] == "essay questions are not supported"
    assert messages[line_of("::Appariement::")] == "matching questions are not supported"
    assert messages[line_of("::Nombre::")] == "numerical questions are not supported"
    assert messages[line_of("::Réponse courte::")] == "short-answer questions are not supported"
    assert messages[line_of("::Mot manquant::")].startswith("missing-word questions")
    assert messages[line_of("::Poids::")] == "partial credit (%50%) is not supported"
    assert messages[line_of("Une simple description")].startswith("a description")


def test_aiken_questions_and_errors() -> None:
    questions, problems = read_aiken((DATA / "aiken.txt").read_text(encoding="utf-8"), "a.txt")
    assert [(q.kind, q.answer) for q in questions] == [("mcq", None), ("true_false", True)]
    assert questions[0].choices[1] == ("À la chambre haute du Parlement russe", True)
    assert [(p.line, str(p.message)) for p in problems] == [
        (12, "this question has no 'ANSWER:' line"), (16, "'ANSWER: D' names no option")]


def test_format_detection() -> None:
    assert detect_format((DATA / "aiken.txt").read_text(encoding="utf-8")) == "aiken"
    assert detect_format((DATA / "constructs.gift").read_text(encoding="utf-8")) == "gift"


def test_conversion_suggests_passages_marked_for_review_and_writes_a_valid_file() -> None:
    article = parse_question_file(write_question_file(SEED).split("## Questions")[0], "a.md")
    questions, problems = gift()
    result = convert(article, questions, problems)
    quiz = result.quiz
    assert len(quiz.questions) == 8 and len(result.problems) == 7
    assert all(q.review and q.review.startswith("passage suggested by matching") for q in
               quiz.questions)
    traite = next(q for q in quiz.questions if q.key == "traite")
    assert "un traité de “Défense mutuelle”" in traite.passage
    soldats = next(q for q in quiz.questions if q.key == "soldats")
    assert "entre 10 et 12.000 de ses hommes" in soldats.passage
    # What is written reads back as the same quiz: the one validator accepts it.
    again = parse_question_file(write_question_file(quiz), "out.md")
    assert again == quiz
