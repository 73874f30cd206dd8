"""Export a quiz to the formats of learning platforms: Moodle GIFT and Moodle XML.

Both carry questions only. What they cannot hold is named in a warning, never dropped silently:
the article itself (the passage of each question goes into its general feedback instead), and
outdated questions (left out).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from .messages import N_, Message
from .model import Question, QuizFile

_GIFT_SPECIAL = "\\~=#{}:"


@dataclass(frozen=True)
class Export:
    text: str
    warnings: tuple[Message, ...]


def export_warnings(quiz: QuizFile) -> tuple[Message, ...]:
    warnings = [Message(N_("The article is not exported (these formats have no place for it): "
                           "each question's source passage is added to its general feedback."))]
    outdated = [q.key for q in quiz.questions if q.outdated]
    if outdated:
        warnings.append(Message(N_("Outdated questions are left out: %(keys)s."),
                                {"keys": ", ".join(outdated)}))
    if quiz.source or quiz.url or quiz.credit or quiz.facts_as_of:
        warnings.append(Message(N_("The article's source, address, credit and facts-as-of "
                                   "date are not exported.")))
    return tuple(warnings)


# The words that introduce the passage in a question's general feedback are the quiz's words,
# in the article's language like the rest of the file (not the interface's, which Babel
# translates): French typography in French, English quotes in English and any other language.
PASSAGE_IN_FEEDBACK = {"fr": "{explanation} — Passage\u00a0: «\u00a0{passage}\u00a0»",
                       "en": "{explanation} — Passage: “{passage}”"}
# The word before each warning written into the file, likewise.
WARNING_IN_FILE = {"fr": "Attention\u00a0:", "en": "Warning:"}

# How a warning is written into the file: `say(message)` gives its text (the app passes the
# quiz's language's translation; plain str is the English).
Say = Callable[[Message], str]


def feedback_text(question: Question, language: str) -> str:
    """The explanation then the source passage, as one general feedback for a platform that
    has no place for the article."""
    form = PASSAGE_IN_FEEDBACK.get(language, PASSAGE_IN_FEEDBACK["en"])
    return form.format(explanation=question.explanation, passage=question.passage)


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters (a colon too: French typography puts one after a
    space, which GIFT would otherwise read as the title marker)."""
    return "".join(f"\\{char}" if char in _GIFT_SPECIAL else char for char in text)


def export_gift(quiz: QuizFile, category: str, say: Say = str) -> Export:
    warnings = export_warnings(quiz)
    warning = WARNING_IN_FILE.get(quiz.language, WARNING_IN_FILE["en"])
    # A comment line is read by nothing but people: the title as it is written.
    lines = [f"// {quiz.title}", *(f"// {warning} {say(w)}" for w in warnings), "",
             f"$CATEGORY: {category}", ""]
    for question in quiz.questions:
        if question.outdated:
            continue
        # [plain]: the text is not HTML (Moodle would read it as HTML otherwise); its
        # answers and feedback take the question's format.
        head = f"::{gift_escape(question.key)}::[plain]{gift_escape(question.prompt)}"
        feedback = f"####{gift_escape(feedback_text(question, quiz.language))}"
        if question.kind == "true_false":
            lines += [f"{head} {{{'TRUE' if question.answer else 'FALSE'}{feedback}}}", ""]
            continue
        lines.append(f"{head} {{")
        lines += [f"\t{'=' if c.correct else '~'}{gift_escape(c.text)}" for c in question.choices]
        lines += [f"\t{feedback}", "}", ""]
    return Export("\n".join(lines), warnings)


def _text(parent: ET.Element, tag: str, value: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "text").text = value
    return element


def export_moodle_xml(quiz: QuizFile, category: str, say: Say = str) -> Export:
    warnings = export_warnings(quiz)
    root = ET.Element("quiz")
    root.append(ET.Comment(" News Quiz: " + " ".join(map(say, warnings)).replace("--", "—") + " "))
    cat = ET.SubElement(root, "question", type="category")
    _text(cat, "category", f"$course$/{category}")
    for question in quiz.questions:
        if question.outdated:
            continue
        kind = "truefalse" if question.kind == "true_false" else "multichoice"
        element = ET.SubElement(root, "question", type=kind)
        _text(element, "name", question.key)
        _text(element, "questiontext", question.prompt, format="plain_text")
        _text(element, "generalfeedback", feedback_text(question, quiz.language),
              format="plain_text")
        ET.SubElement(element, "defaultgrade").text = "1"
        if kind == "truefalse":
            for value in (True, False):
                _text(element, "answer", "true" if value else "false",
                      fraction="100" if question.answer is value else "0")
            continue
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "false"
        ET.SubElement(element, "answernumbering").text = "abc"
        for choice in question.choices:
            _text(element, "answer", choice.text, fraction="100" if choice.correct else "0",
                  format="plain_text")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return Export('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n", warnings)
