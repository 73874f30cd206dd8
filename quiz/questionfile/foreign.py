"""Read Moodle GIFT and Aiken question files, and turn them into a News Quiz question file.

These formats carry questions but no article: the teacher names the article (a question file),
and each question gets the article sentence that matches it best as its suggested passage,
marked ``Review:`` until a person confirms it — a quiz cannot be published before that.
Question types News Quiz has no equivalent for (essay, matching, numeric, short answer,
missing word, several right answers, partial credit) are named per question; the rest converts.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace

from .errors import Problem
from .messages import N_
from .model import Choice, Question, QuizFile
from .passage import ArticleIndex

TRUE_WORDS = {"t", "true", "v", "vrai"}
FALSE_WORDS = {"f", "false", "faux"}
MISSING_EXPLANATION = {"fr": "À compléter.", "en": "To be written."}


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


@dataclass(frozen=True)
class Conversion:
    quiz: QuizFile
    problems: tuple[Problem, ...]  # questions left out, with why


# -- GIFT ---------------------------------------------------------------------------------------

_FORMAT_TAG = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


def _unescape(text: str) -> str:
    text = re.sub(r"\\n", " ", text)
    return re.sub(r"\\(.)", r"\1", text)


def _clean(text: str, markup: str | None) -> str:
    text = _unescape(text)
    if markup == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.split())


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
    """A question that cannot come through: N_() texts, and the values of their placeholders."""

    def __init__(self, message: str, hint: str = N_("convert it by hand, or leave it out"),
                 **params: object):
        super().__init__(message % params if params else message)
        self.message, self.hint, self.params = message, hint, params


def _gift_question(chunk: str, line: int) -> ForeignQuestion:
    body = chunk.strip()
    title = None
    if body.startswith("::"):
        end = _find_unescaped(body, "::", 2)
        if end == -1:
            raise _Unsupported(N_("the title is not closed with '::'"),
                               N_("write ::Title:: text {…}"))
        title, body = _clean(body[2:end], None), body[end + 2:].strip()
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
    prompt = _clean(body[:opening], markup)
    if _clean(body[closing + 1:], markup):
        raise _Unsupported(N_("missing-word questions (text after the answers) are not "
                              "supported"))
    block = body[opening + 1:closing].strip()
    general = ""
    cut = _find_unescaped(block, "####")
    if cut != -1:
        block, general = block[:cut].strip(), _clean(block[cut + 4:], markup)
    if not block:
        raise _Unsupported(N_("essay questions are not supported"))
    if block.startswith("#"):
        raise _Unsupported(N_("numerical questions are not supported"))
    true_false = _gift_true_false(block)
    if true_false is not None:
        answer, feedback = true_false
        explanation = " ".join(part for part in (general, feedback) if part)
        return ForeignQuestion(title, "true_false", prompt, (), answer, explanation, line)
    if _find_unescaped(block, "->") != -1:
        raise _Unsupported(N_("matching questions are not supported"))
    choices: list[tuple[str, bool]] = []
    feedbacks: list[str] = []
    for marker, piece in _split_unescaped(block, "=~"):
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
        choices.append((_clean(answer_text, markup), correct))
        if feedback.strip() and correct:
            feedbacks.append(_clean(feedback, markup))
    if all(marker == "=" for marker, _p in _split_unescaped(block, "=~")[1:]):
        raise _Unsupported(N_("short-answer questions are not supported"))
    right = sum(correct for _t, correct in choices)
    if right != 1:
        raise _Unsupported(N_("%(count)s right answers: several right answers are not "
                              "supported"), N_("keep one right answer"), count=right)
    if not 2 <= len(choices) <= 6:
        raise _Unsupported(N_("%(count)s answers"), N_("give 2 to 6 answers"),
                           count=len(choices))
    explanation = " ".join(part for part in (general, *feedbacks) if part)
    return _maybe_true_false(ForeignQuestion(title, "mcq", prompt, tuple(choices), None,
                                             explanation, line))


def _gift_true_false(block: str) -> tuple[bool, str] | None:
    head, _sep, rest = block.partition("#")
    word = head.strip().lower()
    if word in TRUE_WORDS | FALSE_WORDS:
        feedbacks = [_clean(f, None) for f in rest.split("#") if f.strip()] if rest else []
        return word in TRUE_WORDS, feedbacks[0] if feedbacks else ""
    return None


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
            problems.append(Problem.of(path, line, N_("%(count)s options"), N_("give 2 to 6"),
                                       count=len(options)))
            continue
        question = ForeignQuestion(None, "mcq", " ".join(prompt_lines),
                                   tuple((t, letter == answer) for letter, t in options),
                                   None, "", line)
        questions.append(_maybe_true_false(question))
    return questions, problems


def detect_format(text: str) -> str:
    """'aiken' when the file has ANSWER: lines and no GIFT answer block, else 'gift'."""
    has_answer_lines = bool(re.search(r"^ANSWER:\s*[A-Za-z]\s*$", text, re.MULTILINE))
    return "aiken" if has_answer_lines and "{" not in text else "gift"


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
    """Read a GIFT or Aiken file's text (its format recognised) into the article's quiz.

    Returns the format's name ('gift' or 'aiken') and the conversion.
    """
    kind = detect_format(text)
    questions, problems = (read_aiken if kind == "aiken" else read_gift)(text, path)
    return kind, convert(article, questions, problems)


def convert(article: QuizFile, questions: list[ForeignQuestion],
            problems: list[Problem]) -> Conversion:
    """The article's quiz with the questions added, each with a suggested passage to review."""
    index = ArticleIndex(article.article)
    sentences = article_sentences(article)
    taken = {q.key for q in article.questions}
    converted: list[Question] = []
    left_out = list(problems)
    for number, foreign in enumerate(questions, start=len(article.questions) + 1):
        suggestion = suggest_passage(foreign, sentences, index)
        if suggestion is None:
            left_out.append(Problem.of(article.path, foreign.line,
                                       N_("no sentence of the article can be its passage"),
                                       N_("check that the article is the right one")))
            continue
        passage, score = suggestion
        explanation = foreign.explanation or MISSING_EXPLANATION.get(article.language,
                                                                     MISSING_EXPLANATION["en"])
        review = f"passage suggested by matching ({score}%): check it, or pick the right one"
        if not foreign.explanation:
            review += "; write the explanation"
        converted.append(Question(
            key=_key(foreign.title, number, taken), kind=foreign.kind,  # type: ignore[arg-type]
            prompt=foreign.prompt,
            choices=tuple(Choice(text, correct) for text, correct in foreign.choices),
            passage=passage, location=index.locate(passage).locations[0],
            explanation=explanation, answer=foreign.answer, review=review))
    return Conversion(replace(article, questions=(*article.questions, *converted)),
                      tuple(left_out))
