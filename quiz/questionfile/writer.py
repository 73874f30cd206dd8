"""Write a QuizFile back as question-file text (format v1).

What the app writes, the parser reads back to an equal QuizFile, and writing that again gives
the same text (a test checks both on every demo file).
"""

from __future__ import annotations

from .model import QuizFile

_HEADER = (("Language", "language"), ("Date", "published"), ("Source", "source"),
           ("URL", "url"), ("Credit", "credit"), ("Facts-As-Of", "facts_as_of"))


def write_question_file(quiz: QuizFile) -> str:
    lines = [f"# {quiz.title}", ""]
    for label, attribute in _HEADER:
        value = getattr(quiz, attribute)
        if value:
            lines.append(f"{label}: {value}")
    lines += ["", "## Article", ""]
    for block in quiz.article:
        lines += [f"### {block.text}" if block.kind == "heading" else block.text, ""]
    lines += ["## Questions"]
    for question in quiz.questions:
        lines += ["", f"### {question.key}", f"Type: {question.kind}",
                  f"Prompt: {question.prompt}"]
        if question.kind == "true_false":
            lines.append(f"Answer: {_answer_word(question.answer, quiz.language)}")
        else:
            lines += [f"- [{'x' if c.correct else ' '}] {c.text}" for c in question.choices]
        lines += [f"Passage: {question.passage}", f"Explanation: {question.explanation}"]
        if question.outdated:
            lines.append(f"Outdated: {question.outdated}")
        if question.review:
            lines.append(f"Review: {question.review}")
    return "\n".join(lines) + "\n"


def _answer_word(answer: bool | None, language: str) -> str:
    """A true/false answer as its quiz's teachers write it: vrai or faux in a French file (the
    parser reads both languages' words), true or false otherwise."""
    if language == "fr":
        return "vrai" if answer else "faux"
    return "true" if answer else "false"
