"""Read Moodle GIFT, Moodle XML and Aiken question files, and turn them into a News Quiz
question file.

These formats carry questions but no article: the teacher names the article (a question file),
and each question gets the article sentence that matches it best as its suggested passage,
marked ``Review:`` until a person confirms it — a quiz cannot be published before that.
Question types News Quiz has no equivalent for (essay, matching, numeric, short answer,
missing word, several right answers, partial credit) are named per question; the rest converts.
HTML (Moodle's usual text format) becomes plain text; images are left out, with a warning.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from lxml import etree

from .errors import Problem
from .messages import N_, NP_, Message
from .model import Choice, Question, QuizFile
from .passage import ArticleIndex
from .review import (
    FEEDBACK_LEFT_OUT,
    IMAGES_LEFT_OUT,
    MATCHED,
    MISSING_EXPLANATION,
    NO_EXPLANATION,
    review_note,
)

TRUE_WORDS = {"t", "true", "v", "vrai"}
FALSE_WORDS = {"f", "false", "faux"}


@dataclass(frozen=True)
class ForeignQuestion:
    """A question read from another format, before it has a passage."""

    title: str | None
    kind: str
    prompt: str
    choices: tuple[tuple[str, bool], ...]
    answer: bool | None
    explanation: str
    line: int
    images: int = 0  # images and attached files (sounds…) of its text, left out
    # Feedback written for wrong answers only: News Quiz has one explanation for everyone.
    wrong_feedback: bool = False
    # Moodle shows its choices in a new order to each student (GIFT and Aiken always, Moodle
    # XML unless <shuffleanswers> says no); News Quiz shows them in the file's order.
    shuffled: bool = True


@dataclass(frozen=True)
class Conversion:
    quiz: QuizFile
    problems: tuple[Problem, ...]  # questions left out, with why
    warnings: tuple[Problem, ...] = ()  # what came through without something (an image)


# -- HTML to plain text ---------------------------------------------------------------------------

# Elements that separate words (a line or a block); the others (b, i, span, a…) join their text
# to what surrounds it, so "<b>présents</b>." stays "présents.".
_BREAKING = {"address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
             "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
             "pre", "section", "table", "td", "th", "tr", "ul"}
_SILENT = {"script", "style", "head", "title", "template"}


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.images = 0
        self._silent = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SILENT:
            self._silent += 1
        elif tag == "img":
            self.images += 1
        elif tag in _BREAKING:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images += 1
        elif tag in _BREAKING:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SILENT:
            self._silent = max(0, self._silent - 1)
        elif tag in _BREAKING:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._silent:
            self.parts.append(data)


_BREAKS = re.compile(r"[ \t\r\n\f\v]+")


def one_line(text: str) -> str:
    """`text` on one line: runs of spaces and line breaks made one space. No-break spaces
    stay, as French typography puts them before : ; ? ! and inside « »."""
    return _BREAKS.sub(" ", text).strip(" ")


def html_to_text(markup: str) -> tuple[str, int]:
    """The text of an HTML fragment on one line, and how many images it had: tags, comments
    and scripts dropped, entities decoded. The result is plain text (pages escape it)."""
    reader = _TextOfHtml()
    reader.feed(markup)
    reader.close()
    return one_line("".join(reader.parts)), reader.images


# -- GIFT ---------------------------------------------------------------------------------------

# -- GIFT ---------------------------------------------------------------------------------------

_FORMAT_TAG = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


def _unescape(text: str) -> str:
    """GIFT's escapes in one pass, left to right: "\\\\new" is a backslash then "new", and
    "\\n" alone a line break (a space here)."""
    return _ESCAPE.sub(lambda m: " " if m.group(1) == "n" else m.group(1), text)


@dataclass
class _Images:
    count: int = 0


def _clean(text: str, markup: str | None, images: _Images | None = None) -> str:
    """One piece of GIFT text as plain text: its own format tag ([html], [plain]…) taken
    off, or else the question's `markup` applied; HTML made text (its images counted)."""
    tag = _FORMAT_TAG.match(text)
    if tag:
        markup, text = tag.group(1).lower(), text[tag.end():]
    text = _unescape(text)
    if markup in ("html", "moodle"):
        text, found = html_to_text(text)
        if images is not None:
            images.count += found
    return one_line(text)


def _split_unescaped(text: str, separators: str) -> list[tuple[str, str]]:
    """Split at unescaped separator characters: [(separator or "", piece), …]."""
    parts: list[tuple[str, str]] = []
    current, marker, escaped = [], "", False
    for char in text:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in separators:
            parts.append((marker, "".join(current)))
            current, marker = [], char
        else:
            current.append(char)
    parts.append((marker, "".join(current)))
    return parts


def _find_unescaped(text: str, wanted: str, start: int = 0) -> int:
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(wanted, index):
            return index
        index += 1
    return -1


def _chunks(text: str) -> list[tuple[int, str]]:
    """Questions separated by blank lines, comment lines dropped: [(first line, text)]."""
    chunks: list[tuple[int, str]] = []
    lines: list[str] = []
    first = 0
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if line.lstrip().startswith("//"):
            continue
        if not line.strip():
            if lines:
                chunks.append((first, "\n".join(lines)))
                lines = []
            continue
        if not lines:
            first = number
        lines.append(line)
    if lines:
        chunks.append((first, "\n".join(lines)))
    return chunks


def read_gift(text: str, path: str) -> tuple[list[ForeignQuestion], list[Problem]]:
    """The multiple-choice and true/false questions of a GIFT file, and a problem for each
    question that cannot come through (the others still do)."""
    questions: list[ForeignQuestion] = []
    problems: list[Problem] = []
    for line, chunk in _chunks(text.lstrip("\ufeff")):
        if chunk.startswith("$CATEGORY:"):
            continue
        try:
            questions.append(_gift_question(chunk, line))
        except _Unsupported as error:
            problems.append(Problem.of(path, line, error.message, error.hint, **error.params))
    return questions, problems


class _Unsupported(ValueError):
    """A question that cannot come through: N_() texts (or a Message), and the values of their
    placeholders."""

    def __init__(self, message: str | Message,
                 hint: str = N_("convert it by hand, or leave it out"), **params: object):
        super().__init__(str(message) if isinstance(message, Message)
                         else message % params if params else message)
        self.message, self.hint, self.params = message, hint, params


def _gift_question(chunk: str, line: int) -> ForeignQuestion:
    body = chunk.strip()
    title = None
    if body.startswith("::"):
        end = _find_unescaped(body, "::", 2)
        if end == -1:
            raise _Unsupported(N_("the title is not closed with '::'"),
                               N_("write ::Title:: text {…}"))
        title, body = _clean(body[2:end], "plain"), body[end + 2:].strip()
    markup = None
    tag = _FORMAT_TAG.match(body)
    if tag:
        markup, body = tag.group(1).lower(), body[tag.end():]
    opening = _find_unescaped(body, "{")
    if opening == -1:
        raise _Unsupported(N_("a description without an answer is not a question"),
                           N_("News Quiz keeps the text in the article; leave it out"))
    closing = _find_unescaped(body, "}", opening)
    if closing == -1:
        raise _Unsupported(N_("the answers are not closed with '}'"), N_("close them with '}'"))
    images = _Images()
    prompt = _clean(body[:opening], markup, images)
    after = _clean(body[closing + 1:], markup, images)
    block = body[opening + 1:closing].strip()
    general = ""
    cut = _find_unescaped(block, "####")
    if cut != -1:
        block, general = block[:cut].strip(), _clean(block[cut + 4:], markup, images)
    if not block:
        raise _Unsupported(N_("essay questions are not supported"))
    if block.startswith("#"):
        raise _Unsupported(N_("numerical questions are not supported"))
    true_false = _gift_true_false(block, markup, images)
    if true_false is not None:
        # Text after a true/false answer belongs to its statement (Moodle reads it so).
        answer, feedback, wrong = true_false
        explanation = " ".join(part for part in (general, feedback) if part)
        if not any(char.isalnum() for char in after):
            after = ""  # stray punctuation left by an editor ("; after the brace)
        return ForeignQuestion(title, "true_false", " ".join(filter(None, (prompt, after))),
                               (), answer, explanation, line, images.count, wrong)
    if after:
        raise _Unsupported(N_("missing-word questions (text after the answers) are not "
                              "supported"))
    pieces = _split_unescaped(block, "=~")
    # As in Moodle: a '~' answer makes a multiple-choice question, whatever '->' it holds.
    if _find_unescaped(block, "->") != -1 and all(marker != "~" for marker, _p in pieces):
        raise _Unsupported(N_("matching questions are not supported"))
    if all(marker == "=" for marker, _p in pieces[1:]):
        raise _Unsupported(N_("short-answer questions are not supported"))
    choices: list[tuple[str, bool]] = []
    feedbacks: list[str] = []
    wrong_feedback = False
    for marker, piece in pieces:
        if not marker:
            if piece.strip():
                raise _Unsupported(N_("text before the first answer"),
                                   N_("start each answer with = or ~"))
            continue
        weight = _WEIGHT.match(piece.strip())
        text = piece.strip()[weight.end():] if weight else piece.strip()
        cut = _find_unescaped(text, "#")
        answer_text, feedback = (text, "") if cut == -1 else (text[:cut], text[cut + 1:])
        correct = marker == "="
        if weight:
            value = float(weight.group(1))
            if 0 < value < 100:
                raise _Unsupported(N_("partial credit (%(weight)s) is not supported"),
                                   N_("News Quiz has one right answer per question"),
                                   weight=f"%{weight.group(1)}%")
            correct = correct or value == 100
        choices.append((_clean(answer_text, markup, images), correct))
        if feedback.strip():
            if correct:
                feedbacks.append(_clean(feedback, markup, images))
            else:
                wrong_feedback = True
    right = sum(correct for _t, correct in choices)
    if right != 1:
        raise _Unsupported(NP_("%(count)s right answer: several right answers are not "
                               "supported", "%(count)s right answers: several right answers "
                               "are not supported", right), N_("keep one right answer"))
    if not 2 <= len(choices) <= 6:
        raise _Unsupported(NP_("%(count)s answer", "%(count)s answers", len(choices)),
                           N_("give 2 to 6 answers"))
    explanation = " ".join(part for part in (general, *feedbacks) if part)
    return _maybe_true_false(ForeignQuestion(title, "mcq", prompt, tuple(choices), None,
                                             explanation, line, images.count, wrong_feedback))


def _gift_true_false(block: str, markup: str | None,
                     images: _Images) -> tuple[bool, str, bool] | None:
    """A true/false answer block, {T#feedback if wrong#feedback if right} in GIFT's order:
    the answer, the right answer's feedback, and whether there was feedback for a wrong one."""
    parts = [piece for _marker, piece in _split_unescaped(block, "#")]
    word = parts[0].strip().lower()
    if word not in TRUE_WORDS | FALSE_WORDS:
        return None
    wrong = _clean(parts[1], markup, images) if len(parts) > 1 else ""
    right = _clean("#".join(parts[2:]), markup, images) if len(parts) > 2 else ""
    return word in TRUE_WORDS, right, bool(wrong)


def _maybe_true_false(question: ForeignQuestion) -> ForeignQuestion:
    """Two choices that read True/False or Vrai/Faux make a true/false question."""
    if len(question.choices) != 2:
        return question
    words = {text.strip().lower().rstrip(".") for text, _c in question.choices}
    if words in ({"true", "false"}, {"vrai", "faux"}):
        answer = next(text for text, correct in question.choices if correct).strip().lower()
        return replace(question, kind="true_false", choices=(),
                       answer=answer.rstrip(".") in TRUE_WORDS)
    return question


# -- Aiken --------------------------------------------------------------------------------------

_AIKEN_OPTION = re.compile(r"^([A-Z])[.)]\s+(.+)$")
_AIKEN_ANSWER = re.compile(r"^ANSWER:\s*([A-Z])\s*$", re.IGNORECASE)


def read_aiken(text: str, path: str) -> tuple[list[ForeignQuestion], list[Problem]]:
    questions: list[ForeignQuestion] = []
    problems: list[Problem] = []
    for line, chunk in _chunks(text.lstrip("\ufeff")):
        lines = chunk.split("\n")
        prompt_lines: list[str] = []
        options: list[tuple[str, str]] = []
        answer: str | None = None
        for row in lines:
            option = _AIKEN_OPTION.match(row.strip())
            found = _AIKEN_ANSWER.match(row.strip())
            if found:
                answer = found.group(1).upper()
            elif option and prompt_lines:
                options.append((option.group(1), option.group(2).strip()))
            else:
                prompt_lines.append(row.strip())
        if answer is None:
            problems.append(Problem.of(path, line, N_("this question has no 'ANSWER:' line"),
                                       N_("end it with a line such as 'ANSWER: B'")))
            continue
        letters = [letter for letter, _t in options]
        if answer not in letters:
            problems.append(Problem.of(path, line, N_("'ANSWER: %(letter)s' names no option"),
                                       N_("use one of %(letters)s"),
                                       letter=answer, letters=", ".join(letters) or "A, B…"))
            continue
        if not 2 <= len(options) <= 6:
            problems.append(Problem.of(path, line, NP_("%(count)s option", "%(count)s options",
                                                       len(options)), N_("give 2 to 6")))
            continue
        question = ForeignQuestion(None, "mcq", " ".join(prompt_lines),
                                   tuple((t, letter == answer) for letter, t in options),
                                   None, "", line)
        questions.append(_maybe_true_false(question))
    return questions, problems


# -- Moodle XML -------------------------------------------------------------------------------

# Moodle's names for the types News Quiz has no equivalent for, as a teacher knows them.
_XML_UNSUPPORTED = {
    "shortanswer": N_("short-answer questions are not supported"),
    "numerical": N_("numerical questions are not supported"),
    "essay": N_("essay questions are not supported"),
    "matching": N_("matching questions are not supported"),
    "cloze": N_("embedded-answer (cloze) questions are not supported"),
    "multianswer": N_("embedded-answer (cloze) questions are not supported"),
    "description": N_("a description without an answer is not a question"),
}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# An XML file starts with its declaration, a comment or its root element (GIFT never does:
# a GIFT question in HTML starts with "::", "[html]" or its text).
_XML_START = re.compile(r"<\?xml|<!--|<quiz[\s>]")


def _xml_parser() -> etree.XMLParser:
    """lxml with everything that reaches outside the file, or grows without end, off: no
    entities resolved, no DTD loaded, no network, no huge trees."""
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def _xml_text(element: etree._Element | None, images: _Images) -> str:
    """The plain text of a Moodle text element (<questiontext>, <answer>, <feedback>…): its
    <text> child in its format (HTML made text), its attached files counted as images."""
    if element is None:
        return ""
    files = sum(1 for child in element if child.tag == "file")
    text_element = element.find("text")
    raw = text_element.text if text_element is not None and text_element.text else ""
    tags = 0
    if element.get("format", "html") in ("html", "moodle_auto_format"):
        raw, tags = html_to_text(raw)
    # An attached file (a picture, a sound) is usually shown by an <img> or linked by an <a>
    # of the same text: count it once.
    images.count += max(files, tags)
    return one_line(raw)


def read_moodle_xml(text: str, path: str) -> tuple[list[ForeignQuestion], list[Problem]]:
    """The multiple-choice (one right answer) and true/false questions of a Moodle XML file,
    and a problem for each question that cannot come through (the others still do)."""
    if re.search(r"<!DOCTYPE|<!ENTITY", text[:4096], re.IGNORECASE):
        return [], [Problem.of(path, 1, N_("this XML file declares a DOCTYPE or entities, "
                                           "which Moodle's exports never do; it was not read"),
                               N_("export the questions from Moodle again (Moodle XML "
                                  "format)"))]
    try:
        root = etree.fromstring(_XML_DECLARATION.sub("", text, count=1), _xml_parser())
    except (etree.XMLSyntaxError, ValueError) as error:  # ValueError: a NUL byte
        line = getattr(error, "lineno", None) or 1
        return [], [Problem.of(path, line, N_("this XML cannot be read (%(reason)s)"),
                               N_("export the questions from Moodle again (Moodle XML "
                                  "format)"), reason=getattr(error, "msg", str(error)))]
    if root.tag != "quiz":
        return [], [Problem.of(path, root.sourceline or 1,
                               N_("this XML file is not a Moodle XML question file"),
                               N_("in Moodle's question bank choose Export → Moodle XML "
                                  "format"))]
    questions: list[ForeignQuestion] = []
    problems: list[Problem] = []
    for element in root.iterfind("question"):
        line = element.sourceline or 1
        kind = element.get("type", "")
        if kind == "category":
            continue
        try:
            questions.append(_xml_question(element, kind, line))
        except _Unsupported as error:
            problems.append(Problem.of(path, line, error.message, error.hint, **error.params))
    return questions, problems


def _xml_question(element: etree._Element, kind: str, line: int) -> ForeignQuestion:
    if kind not in ("multichoice", "truefalse"):
        if kind in _XML_UNSUPPORTED:
            raise _Unsupported(_XML_UNSUPPORTED[kind])
        raise _Unsupported(N_("'%(type)s' questions are not supported"), type=kind)
    images = _Images()
    # The image of Moodle 1.9's own fields (its name and its data: one image).
    images.count += any(child.tag in ("image", "image_base64") and (child.text or "").strip()
                        for child in element)
    name = element.find("name/text")
    title = one_line(name.text or "") if name is not None else None
    prompt = _xml_text(element.find("questiontext"), images)
    if not prompt:
        raise _Unsupported(N_("a question without text"), N_("write its text in Moodle, or "
                                                            "leave it out"))
    general = _xml_text(element.find("generalfeedback"), images)
    answers: list[tuple[str, float, str]] = []
    for answer in element.iterfind("answer"):
        try:
            fraction = float(answer.get("fraction", "0"))
        except ValueError:
            raise _Unsupported(N_("the answer weight '%(weight)s' is not a number"),
                               weight=answer.get("fraction", "")) from None
        answers.append((_xml_text(answer, images), fraction,
                        _xml_text(answer.find("feedback"), images)))
    partial = next((f for _t, f, _fb in answers if 0 < f < 100), None)
    if partial is not None:
        raise _Unsupported(N_("partial credit (%(weight)s) is not supported"),
                           N_("News Quiz has one right answer per question"),
                           weight=f"{partial:g}%")
    right = [(text, feedback) for text, fraction, feedback in answers if fraction >= 100]
    wrong_feedback = any(feedback for _t, fraction, feedback in answers if fraction < 100)
    if len(right) != 1:
        raise _Unsupported(NP_("%(count)s right answer: several right answers are not "
                               "supported", "%(count)s right answers: several right answers "
                               "are not supported", len(right)), N_("keep one right answer"))
    explanation = " ".join(part for part in (general, right[0][1]) if part)
    if kind == "truefalse":
        word = right[0][0].strip().lower()
        if word not in TRUE_WORDS | FALSE_WORDS:
            raise _Unsupported(N_("the right answer of a true/false question is '%(value)s'"),
                               N_("export the questions from Moodle again"), value=right[0][0])
        return ForeignQuestion(title, "true_false", prompt, (), word in TRUE_WORDS,
                               explanation, line, images.count, wrong_feedback)
    if not 2 <= len(answers) <= 6:
        raise _Unsupported(NP_("%(count)s answer", "%(count)s answers", len(answers)),
                           N_("give 2 to 6 answers"))
    choices = tuple((text, fraction >= 100) for text, fraction, _fb in answers)
    shuffle = element.find("shuffleanswers")
    shuffled = shuffle is None or (shuffle.text or "").strip().lower() not in ("0", "false")
    return _maybe_true_false(ForeignQuestion(title, "mcq", prompt, choices, None, explanation,
                                             line, images.count, wrong_feedback, shuffled))


_GIFT_SIGNS = re.compile(
    r"^\s*::.+?::|^\$CATEGORY:|\{\s*(?:[=~#]|(?i:T|F|TRUE|FALSE|VRAI|FAUX)\s*[}#])",
    re.MULTILINE)
_AIKEN_OPTION_LINE = re.compile(r"^[A-Z][.)]\s+\S", re.MULTILINE)
_XML_QUIZ = re.compile(r"<quiz[\s/>]")
_AIKEN_ANSWER_LINE = re.compile(r"^ANSWER:\s*[A-Z]\s*$", re.MULTILINE | re.IGNORECASE)


def looks_foreign(text: str) -> bool:
    """True when the text shows a GIFT, Moodle XML or Aiken file's marks (an answer block
    ``{=…}``, ``{#3.14}`` or ``{T}``, a ``::title::``, an XML ``<quiz>``, ``ANSWER: B`` lines
    after ``A. …`` options): only such a file
    is converted. Any other text is read as a question file, so that a title line written
    wrong is told as such (line 1), not taken for another format."""
    bare = text.lstrip("\ufeff \t\r\n")
    return bool((_XML_START.match(bare) and _XML_QUIZ.search(bare[:5000]))
                or _GIFT_SIGNS.search(bare)
                or (_AIKEN_ANSWER_LINE.search(bare) and _AIKEN_OPTION_LINE.search(bare)))


def detect_format(text: str) -> str:
    """'moodle-xml' for XML, 'aiken' when the file has ANSWER: lines and no GIFT answer block,
    else 'gift'."""
    if _XML_START.match(text.lstrip("\ufeff \t\r\n")):
        return "moodle-xml"
    has_answer_lines = bool(_AIKEN_ANSWER_LINE.search(text))
    return "aiken" if has_answer_lines and "{" not in text else "gift"


FORMAT_NAMES = {"gift": "GIFT", "aiken": "Aiken", "moodle-xml": "Moodle XML"}
_READERS = {"gift": read_gift, "aiken": read_aiken, "moodle-xml": read_moodle_xml}


# -- into a News Quiz file ----------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def article_sentences(quiz: QuizFile) -> list[str]:
    return [sentence.strip() for block in quiz.article if block.kind == "paragraph"
            for sentence in _SENTENCE_END.split(block.text) if sentence.strip()]


def suggest_passage(question: ForeignQuestion, sentences: list[str],
                    index: ArticleIndex) -> tuple[str, int] | None:
    """The article sentence closest to the question and its right answer, with its score (0-100).

    Only sentences found in exactly one place are proposed, so the passage points somewhere.
    """
    from rapidfuzz import fuzz, utils  # only conversions need it: not loaded by the web app

    right = next((text for text, correct in question.choices if correct), "")
    wanted = f"{question.prompt} {right}"
    ranked = sorted(((fuzz.token_set_ratio(wanted, s, processor=utils.default_process), s)
                     for s in sentences), reverse=True)
    for score, sentence in ranked:
        if len(index.locate(sentence).locations) == 1:
            return sentence, round(score)
    return None


def _key(title: str | None, number: int, taken: set[str]) -> str:
    base = ""
    if title:
        ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:50].strip("-")
    key = base or f"q{number}"
    candidate, suffix = key, 2
    while candidate in taken:
        candidate, suffix = f"{key}-{suffix}", suffix + 1
    taken.add(candidate)
    return candidate


def convert_text(text: str, path: str, article: QuizFile) -> tuple[str, Conversion]:
    """Read a GIFT, Moodle XML or Aiken file's text (its format recognised) into the article's
    quiz.

    Returns the format's name ('gift', 'moodle-xml' or 'aiken') and the conversion.
    """
    kind = detect_format(text)
    questions, problems = _READERS[kind](text.lstrip("\ufeff"), path)
    return kind, convert(article, questions, problems, path)


# The general feedback News Quiz's own export writes (interchange.PASSAGE_IN_FEEDBACK), in
# either language: read back, the explanation is what comes before its last "— Passage : « … »"
# and the passage is the question's again when the article has it in one place — a round
# trip loses nothing, and never piles up endings.
_EXPORTED_FEEDBACK = re.compile(
    r"(?P<explanation>.*)\s*—\s*Passage\s*:\s*[«“\"]\s*(?P<passage>.+?)\s*[»”\"]\s*",
    re.DOTALL)


def _exported_feedback(foreign: ForeignQuestion,
                       index: ArticleIndex) -> tuple[str, str | None] | None:
    """For feedback as News Quiz exports it: the explanation without its passage ending, and
    the passage when the article holds it in exactly one place (else None: suggested anew)."""
    written = _EXPORTED_FEEDBACK.fullmatch(foreign.explanation)
    if written is None:
        return None
    passage = written["passage"]
    return (written["explanation"].strip(),
            passage if len(index.locate(passage).locations) == 1 else None)


def convert(article: QuizFile, questions: list[ForeignQuestion],
            problems: list[Problem], path: str = "") -> Conversion:
    """The article's quiz with the questions added, each with a suggested passage to review."""
    index = ArticleIndex(article.article)
    sentences = article_sentences(article)
    taken = {q.key for q in article.questions}
    converted: list[Question] = []
    left_out = list(problems)
    warnings: list[Problem] = []
    reordered: list[ForeignQuestion] = []
    for number, foreign in enumerate(questions, start=len(article.questions) + 1):
        notes: list[Message] = []
        exported = _exported_feedback(foreign, index)
        # Moodle's order is each student's own: written as it came, the right choice would be
        # the first nearly every time (Moodle's teachers write it first). News Quiz's own
        # export (its feedback read back) keeps the order News Quiz showed.
        if foreign.kind == "mcq" and foreign.shuffled and exported is None:
            ordered = in_a_new_order(foreign)
            if ordered != foreign.choices:  # (two choices keep their order half the time)
                foreign = replace(foreign, choices=ordered)
                reordered.append(foreign)
        written = foreign.explanation if exported is None else exported[0]
        if exported is not None and exported[1] is not None:
            passage = exported[1]
        else:
            suggestion = suggest_passage(foreign, sentences, index)
            if suggestion is None:
                left_out.append(Problem.of(article.path, foreign.line,
                                           N_("no sentence of the article can be its passage"),
                                           N_("check that the article is the right one")))
                continue
            passage, score = suggestion
            notes.append(Message(MATCHED, {"score": score}))
        explanation = written or MISSING_EXPLANATION.get(article.language,
                                                         MISSING_EXPLANATION["en"])
        if not written:
            notes.append(Message(NO_EXPLANATION))
        if foreign.wrong_feedback:
            notes.append(Message(FEEDBACK_LEFT_OUT))
        if foreign.images:
            notes.append(Message(IMAGES_LEFT_OUT))
            warnings.append(Problem.of(path or article.path, foreign.line,
                                       N_("images and attached files left out of this "
                                          "question: %(count)s"),
                                       N_("News Quiz shows no images or sounds in questions: "
                                          "check that the question reads well without them"),
                                       count=foreign.images))
        converted.append(Question(
            key=_key(foreign.title, number, taken), kind=foreign.kind,  # type: ignore[arg-type]
            prompt=foreign.prompt,
            choices=tuple(Choice(text, correct) for text, correct in foreign.choices),
            passage=passage, location=index.locate(passage).locations[0],
            explanation=explanation, answer=foreign.answer,
            review=review_note(*notes) if notes else None))
    if reordered:
        warnings.append(Problem.of(
            path or article.path, reordered[0].line,
            NP_("the choices of %(count)s question were put in a new order",
                "the choices of %(count)s questions were put in a new order", len(reordered)),
            N_("Moodle shows them in a new order to each student, News Quiz in the file's "
               "order: the right one is no longer first every time (change the order in the "
               "file if you want another)"), count=len(reordered)))
    return Conversion(replace(article, questions=(*article.questions, *converted)),
                      tuple(left_out), tuple(warnings))


def in_a_new_order(question: ForeignQuestion) -> tuple[tuple[str, bool], ...]:
    """The question's choices in an order drawn from its own text: the same file converts
    the same way every time."""
    choices = list(question.choices)
    random.Random(question.prompt + "\n".join(text for text, _c in choices)).shuffle(choices)
    return tuple(choices)
