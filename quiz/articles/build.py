"""Turn an Article into question-file text, checked by the one validator."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..questionfile import (
    ArticleBlock,
    QuestionFileError,
    QuizFile,
    parse_question_file,
    write_question_file,
)
from ..questionfile.messages import N_, LanguageCode, Message
from ..questionfile.parser import (
    MAX_FILE_BYTES,
    MAX_HEADER_LENGTH,
    MAX_TITLE_LENGTH,
    reads_as_heading,
)
from ..questionfile.text import without_control_characters
from .errors import ArticleError
from .extract import (
    Article,
    article_from_html,
    article_from_markdown,
    article_from_text,
    looks_like_html,
)
from .fetch import FetchLimits, fetch_url

# Languages the detector always weighs: those drafting covers. simplemma loads one dictionary
# per language weighed (French and English: under a second and ~6 MB; the seven largest
# European languages: 15 s and ~450 MB), so another language is weighed only when the page
# declares it (<html lang="de">), and the teacher can always set it. (py3langid, which knows 97
# languages, took 1.4 s and 60 MB more in the web worker, for what the teacher sets in a click.)
DETECTED_LANGUAGES = ("fr", "en")
# The command line's hint when the language is not recognised; the article page says it its
# own way (“Language of the article” on the form: teacher/draft_routes.py).
LANGUAGE_NOT_RECOGNISED_HINT = N_("choose its language with --language; questions can be "
                                  "drafted for articles in French or English only")
# simplemma's score is the share of the text's words found in the language's dictionary: a
# French or English article scores 0.9 or more, a Spanish, Italian or German one under 0.3
# for both. Below this share the language is not taken as recognised.
RECOGNISED = 0.6
_LANGUAGE = re.compile(r"^[a-z]{2}$")
DEFAULT_LIMITS = FetchLimits()  # frozen: one shared default

MARK = "\ufffd"  # U+FFFD: a character the page's writer could not encode, lost for good
_MARK_APOSTROPHE = re.compile(r"(?<=[^\W\d_])\ufffd(?=(?:t|s|d|ll|re|ve|m)\b)")
_MARK_DASH = re.compile(r"\s+\ufffd\s+|\s*\ufffd{3,}\s*")
_MARK_OPENING = re.compile(r"(?:^|(?<=\s))\ufffd(?=\w)|(?<=[.,:!?]\ufffd)\ufffd(?=\w)")
_MARK_CLOSING = re.compile(r"(?<=[\w,!?])\ufffd(?=\s|$)")
_MARK_SPACE = re.compile(r"(?<=[\w.,;:!?\"])\ufffd+(?=[\w\u201c])")


def without_marks(text: str) -> str:
    """``text`` without U+FFFD marks (a page saved from a text whose curly apostrophes, quotation
    marks, dashes and no-break spaces were lost: WickedLocal's « which\ufffdtotaled », «
    wouldn\ufffdt », « relief \ufffd an issue »): what each one most likely was.

    A mark between a letter and t, s, d, ll, re, ve or m closing a word is an apostrophe; one
    between spaces, or three together (a dash between no-break spaces), a dash; one opening a
    word (or the second of two after a sentence), an opening quotation mark; one closing a word
    or after its comma before a space, a closing one; one between two words, a space; those
    closing a paragraph after its sentence's end, the closing quotation mark the paragraph
    opened (else a no-break space). Any other goes.
    """
    if MARK not in text:
        return text
    text = _MARK_APOSTROPHE.sub("\u2019", text)
    text = _MARK_DASH.sub(" \u2013 ", text)
    text = _MARK_OPENING.sub("\u201c", text)
    text = _MARK_CLOSING.sub("\u201d", text)
    text = _MARK_SPACE.sub(" ", text)
    if re.search(r"[.!?]\ufffd+$", text) and text.count("\u201c") > text.count("\u201d"):
        text = re.sub(r"\ufffd+$", "\u201d", text)  # the quotation the paragraph opened
    return re.sub(r" {2,}", " ", text.replace(MARK, "")).strip()


@dataclass(frozen=True)
class ImportedArticle:
    """The question file (text and parsed), and what the teacher should check."""

    text: str
    quiz: QuizFile
    warnings: tuple[Message, ...]


def language_scores(text: str, declared: str | None = None) -> list[tuple[str, float]]:
    """simplemma's scores for French, English and the declared language, best first."""
    from simplemma import langdetect

    candidates: tuple[str, ...] = DETECTED_LANGUAGES
    if declared and _LANGUAGE.match(declared) and declared not in candidates:
        candidates = (*candidates, declared)
    # low_memory: simplemma's compact dictionaries, the same scores for 6 MB instead of 42 MB
    # in the web worker that imports (docs/performance.md).
    try:
        ranked = langdetect(text[:5000], lang=candidates, low_memory=True)
    except (ValueError, KeyError):  # a declared language simplemma does not know
        ranked = langdetect(text[:5000], lang=DETECTED_LANGUAGES, low_memory=True)
    return [(language, score) for language, score in ranked if language != "unk"]


def detect_language(text: str, declared: str | None = None) -> str | None:
    """The article's language as simplemma recognises it, or None when it cannot tell (the
    text is in another language, or too short)."""
    best, score = language_scores(text, declared)[0]
    return best if score >= RECOGNISED else None


def check_draftable(quiz: QuizFile) -> None:
    """Raise ArticleError unless questions can be drafted from ``quiz``'s article: it must read
    as French or English, in the language its ``Language:`` line gives (a Spanish page written
    down as English would be drafted into nonsense)."""
    language = quiz.language
    if language not in DETECTED_LANGUAGES:
        raise ArticleError.of(N_("questions can be drafted for articles in French or English, "
                                 "not in %(language)s"),
                              N_("write this quiz's questions with “Add a question”"),
                              language=LanguageCode(language))
    text = "\n\n".join(block.text for block in quiz.article)
    score = dict(language_scores(text)).get(language, 0.0)
    if score < RECOGNISED:
        raise ArticleError.of(N_("the article does not read as %(language)s (%(percent)s%% of "
                                 "its words are), so no questions are drafted from it"),
                              N_("check its language (the Language: line); questions can be "
                                 "drafted for articles in French or English only"),
                              language=LanguageCode(language), percent=f"{score * 100:.0f}")


def import_article(article: Article, language: str | None = None,
                   today: dt.date | None = None) -> ImportedArticle:
    """The question file for ``article``: its text and metadata, no questions yet.

    ``language`` overrides the detected one. Raises ArticleError when the result is not a
    valid question file (e.g. too long).
    """
    warnings = list(article.warnings)
    if language is not None:
        language = language.strip().lower()
        if not _LANGUAGE.match(language):
            raise ArticleError.of(N_("'%(language)s' is not a language code"),
                                  N_("use a two-letter code such as fr or en"), language=language)
    else:
        detected = detect_language(article.text, article.language)
        if detected is None:  # never a guess: drafting in the wrong language writes nonsense
            raise ArticleError.of(N_("the article's language was not recognised (it reads as "
                                     "neither French nor English)"),
                                  LANGUAGE_NOT_RECOGNISED_HINT)
        language = detected
    date = article.date
    if date is None:
        given = today or dt.date.today()
        date = given.isoformat()
        warnings.append(Message(N_("the article gives no date, so today's (%(date)s) was "
                                   "written; if the article is older, correct the “Date:” line "
                                   "of its question file"), {"date": given}))
    if any(MARK in text for text in (article.title or "", *article.text.split("\n\n"))):
        warnings.append(Message(N_("the page had damaged characters (\ufffd): apostrophes, "
                                   "quotation marks, dashes and spaces were put back where they "
                                   "most likely were; check the text against the page")))
    blocks = []
    for kind, text in article.blocks:
        text = without_marks(without_control_characters(text)).strip()
        if reads_as_heading(text):  # it would be one in the question file: a hashtag is not
            text = text.lstrip("#").strip()
        if text:
            blocks.append(ArticleBlock(kind, text))  # type: ignore[arg-type]
    title = (_shorten(without_marks(without_control_characters(article.title or "")),
                      MAX_TITLE_LENGTH)
             or "Article").lstrip("#").strip()
    quiz = QuizFile(
        title=title or "Article", language=language, published=date,
        article=tuple(blocks), questions=(),
        source=_shorten(article.site, MAX_HEADER_LENGTH["source"]),
        url=article.url if article.url and len(article.url) <= MAX_HEADER_LENGTH["url"]
        and re.match(r"^https?://\S+$", article.url) else None,
        credit=_shorten(article.author, MAX_HEADER_LENGTH["credit"]),
    )
    text = write_question_file(quiz)
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ArticleError.of(N_("the article is too long for a question file"),
                              N_("a question file holds at most %(megabytes)s MB: paste the "
                                 "part of the article you want to use"),
                              megabytes=f"{MAX_FILE_BYTES // 1_000_000}")
    try:
        parsed = parse_question_file(text)
    except QuestionFileError as error:  # the page gave something the format cannot carry
        problem = error.problems[0]  # its message is a Message too: translated where shown
        raise ArticleError(Message(N_("the article cannot be written as a question file: "
                                      "%(problem)s"), {"problem": problem.message}),
                           problem.hint) from None
    return ImportedArticle(text, parsed, tuple(warnings))


def _shorten(value: str | None, longest: int) -> str | None:
    if not value:
        return None
    return value if len(value) <= longest else value[:longest - 1].rstrip() + "…"


def read_source(source: str | bytes, name: str = "", limits: FetchLimits = DEFAULT_LIMITS
                ) -> Article:
    """An Article from a URL (str starting with http:// or https://), a file's bytes (HTML,
    Markdown or text, told apart by ``name``'s suffix, then by content), or pasted text.

    Raises ArticleError.
    """
    if isinstance(source, str) and re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source.strip()):
        page = fetch_url(source.strip(), limits)
        return article_from_html(page.body, page.url)
    data = source.encode("utf-8") if isinstance(source, str) else source
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml") or (suffix not in (".md", ".markdown", ".txt")
                                                 and looks_like_html(data)):
        return article_from_html(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError.of(N_("the file is not UTF-8 text"),
                              N_("save it as UTF-8, or as a web page (HTML)")) from None
    if "\x00" in text:
        raise ArticleError.of(N_("this is not a text file"),
                              N_("give an HTML page, Markdown or text"))
    if _is_question_file(text):
        raise ArticleError.of(N_("this is already a question file"),
                              N_("upload it on the “Upload a question file” page instead"))
    if suffix in (".md", ".markdown") or (suffix != ".txt" and text.lstrip().startswith("# ")):
        return article_from_markdown(text)
    return article_from_text(text)


def _is_question_file(text: str) -> bool:
    return bool(re.search(r"^## Article\s*$", text, re.MULTILINE)) and text.lstrip().startswith(
        "# ")


def import_source(source: str | bytes, name: str = "", language: str | None = None,
                  limits: FetchLimits = DEFAULT_LIMITS,
                  today: dt.date | None = None) -> ImportedArticle:
    """read_source, then import_article (`today`: the date written when the article gives
    none; the machine's by default). Raises ArticleError."""
    return import_article(read_source(source, name, limits), language, today)


def ascii_words(text: str, longest: int, *, whole_words: bool = True) -> str:
    """`text` as lowercase ASCII words joined by hyphens (accents dropped, at most `longest`
    characters, cut between words unless the first is longer, or anywhere without
    `whole_words`: the usernames class lists have always made): a quiz's address, a
    download's name. Empty when nothing is left."""
    spaced = re.sub(r"['’]", " ", text)  # “L’été” → l-ete, not lete
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) <= longest or not whole_words:
        return words[:longest].strip("-")
    cut = words[:longest + 1].rpartition("-")[0]  # « …-sur-les-trottinet » was cut mid-word
    return cut or words[:longest]


def slug_for(title: str, taken: set[str] | None = None, longest: int = 60) -> str:
    """A quiz address from a title: lowercase ASCII words joined by hyphens, not in ``taken``."""
    base = ascii_words(title, longest) or "article"
    candidate, number = base, 2
    while taken and candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


