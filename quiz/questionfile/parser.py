"""Parse and validate question files (format v1, documented in docs/question-files.md).

Pure Python, no Flask: the CLI, the importer, the web upload and the tests all call
:func:`parse_question_file` (text) or :func:`read_question_file` (a path), which return a
:class:`QuizFile` or raise :class:`QuestionFileError` listing every problem with its line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from babel import localedata

from .errors import Problem, QuestionFileError
from .foreign import looks_foreign
from .messages import N_, NP_, Message
from .model import QUESTION_KINDS, ArticleBlock, Choice, PassageLocation, Question, QuizFile
from .passage import ArticleIndex
from .review import is_missing_explanation
from .text import first_control_character, same_choice

MAX_FILE_BYTES = 1_000_000
MAX_TITLE_LENGTH = 200
# Longest value of each header field (the database keeps no more).
MAX_HEADER_LENGTH = {"source": 200, "credit": 200, "url": 2000}
MAX_KEY_LENGTH = 64
MIN_CHOICES, MAX_CHOICES = 2, 6
MAX_QUESTIONS = 200

HEADER_FIELDS = ("language", "date", "source", "url", "credit", "facts-as-of")
REQUIRED_HEADER_FIELDS = ("language", "date")
QUESTION_FIELDS = ("type", "prompt", "answer", "passage", "explanation", "outdated", "review")
SECTIONS = ("article", "questions")
TRUE_WORDS = {"true", "vrai"}
FALSE_WORDS = {"false", "faux"}
# French names of the fields, as a French teacher writes them (compared without accents or case).
FIELD_ALIASES = {"langue": "language", "enonce": "prompt", "question": "prompt",
                 "reponse": "answer", "bonne reponse": "answer", "bonne-reponse": "answer",
                 "extrait": "passage", "explication": "explanation",
                 "obsolete": "outdated", "a-verifier": "review"}
# What the Type field may say, lowercase: the French names included.
TYPE_ALIASES = {"mcq": "mcq", "qcm": "mcq", "choix multiple": "mcq",
                "multiple choice": "mcq", "multiple-choice": "mcq",
                "true_false": "true_false", "true-false": "true_false",
                "true/false": "true_false", "true or false": "true_false",
                "vrai-faux": "true_false", "vrai/faux": "true_false", "vrai_faux": "true_false",
                "vrai ou faux": "true_false"}

# Word processors put a no-break space (U+00A0) or a narrow one (U+202F) before a colon in
# French, and turn a typed "- " at the start of a line into an en dash "– " (or a list bullet).
_SPACE = "[ \t\u00a0\u202f]"
# A field's name: a word, maybe hyphenated, or two ("Bonne réponse").
_FIELD = re.compile(rf"^([^\W\d_](?:[^\W\d_]|-)*(?: [^\W\d_]+)?){_SPACE}*:{_SPACE}*(.*)$")
_BULLET = "[-\u2013\u2014\u2022\u25e6]"  # - – — • ◦
_CHOICE = re.compile(rf"^{_BULLET}{_SPACE}+\[([ \u00a0\u202fxX])\]{_SPACE}+(\S.*)$")
# A choice written as a numbered or lettered list ("a) 200 €", "1. Quatre mois").
_NUMBERED_CHOICE = re.compile(rf"^(?:[A-Za-z]|\d{{1,2}})[.)]{_SPACE}+\S")
# A field's name in bold or escaped, as a word processor's Markdown export writes it.
_MARKED_UP_FIELD = re.compile(r"^[*_\\]+[^\W\d_][\w -]*[*_\\]*:")
_CHOICE_LIKE = re.compile(rf"^(?:[*+]|{_BULLET}){_SPACE}*\[")
_RTF = "{\\rtf"
_ZIP = b"PK\x03\x04"  # .docx, .odt and .pages documents are zip archives

_KEY = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_URL = re.compile(r"^https?://\S+$")


def _squeezed(written: str) -> str:
    """A type's name without its spaces and signs: « truefalse » is « true_false »."""
    return re.sub(r"[\W_]+", "", written.lower())


# The Type field's names squeezed (« vraifaux », « multiplechoice »): read as the names.
_SQUEEZED_TYPES = {_squeezed(name): kind for name, kind in TYPE_ALIASES.items()}


def did_you_mean(written: str, names: Iterable[str]) -> str | None:
    """The one of `names` that `written` most likely misspells (« Explaination »:
    explanation), or None when none is close (difflib's ratio, 0.75 and over)."""
    close = difflib.get_close_matches(written.lower(), list(names), n=1, cutoff=0.75)
    return close[0] if close else None


# A question's fields by every name they are read by, for a mistyped one's suggestion.
_QUESTION_FIELD_NAMES = (*QUESTION_FIELDS, *(alias for alias, field in FIELD_ALIASES.items()
                                             if field in QUESTION_FIELDS))

# How a suggested field's name is written (the aliases above are compared without accents).
_FIELD_TITLES = {"url": "URL", "facts-as-of": "Facts-As-Of", "enonce": "Énoncé",
                 "reponse": "Réponse", "bonne reponse": "Bonne réponse",
                 "bonne-reponse": "Bonne-réponse", "obsolete": "Obsolète",
                 "a-verifier": "À-vérifier"}


def _field_title(name: str) -> str:
    return _FIELD_TITLES.get(name, name.capitalize())


def field_name(written: str) -> str:
    """The field a name stands for: lowercase, accents dropped, a French name translated
    ('Énoncé' → 'prompt')."""
    folded = unicodedata.normalize("NFKD", written.lower())
    bare = "".join(char for char in folded if not unicodedata.combining(char))
    return FIELD_ALIASES.get(bare, bare)


def _not_plain_text(head: str, path: str) -> Problem | None:
    """The problem of a file that a word processor saved in its own format, if it is one."""
    if head.lstrip("\ufeff \t\r\n").startswith(_RTF):
        return Problem.of(path, 1, N_("this is an RTF file (rich text, as TextEdit and WordPad "
                                      "save by default), not plain text"),
                          N_("in TextEdit choose Format → Make Plain Text, then save; in "
                             "WordPad or Word choose Save as → Plain text (.txt), encoding "
                             "UTF-8; or copy the text and paste it in the box"))
    return None


_KNOWN_ENDINGS = {"md", "markdown", "txt", "text", "gift", "xml", "moodle", "aiken"}


def address_from_file_name(name: str) -> str:
    """A quiz address guessed from an uploaded file's name: the folder and every known
    ending dropped ('questions.gift.txt' and 'questions.moodle.xml', the app's own exports,
    → 'questions'; 'Vote du Sénat.md.txt' →
    'vote-du-senat'; a second download, 'velo (1).md', → 'velo')."""
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    while True:
        base, dot, ending = stem.rpartition(".")
        if not dot or ending.lower() not in _KNOWN_ENDINGS or not base:
            break
        stem = base
    # A second download of a file is saved as 'velo (1).md': it is still the quiz velo's.
    stem = _DOWNLOAD_COPY.sub("", stem) or stem
    folded = unicodedata.normalize("NFKD", stem.lower()).encode("ascii", "ignore").decode()
    address = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(address) > ADDRESS_LONGEST:  # a long name: cut between words
        address = address[:ADDRESS_LONGEST + 1].rsplit("-", 1)[0] or address[:ADDRESS_LONGEST]
    return address


_DOWNLOAD_COPY = re.compile(r" \(\d{1,3}\)$")
ADDRESS_LONGEST = 80  # an address guessed from a file's name (a typed one may have 120)


def file_name_notice(name: str) -> Message | None:
    """What to tell a teacher whose question file's name ends in .txt (Windows adds it when
    Notepad saves a « Text document »): what the file was read as, and how to name it."""
    lowered = name.lower()
    if lowered.endswith(".md.txt"):
        return Message(N_("'%(name)s' was read as a question file: your computer added .txt "
                          "to its name. That does no harm; to name it %(better)s, choose "
                          "'All files' as the type when you save it."),
                       {"name": name, "better": name[: -len(".txt")]})
    if lowered.endswith(".txt"):
        return Message(N_("'%(name)s' was read as a question file: it is plain text, as it "
                          "should be. Question files usually end in .md (%(better)s); .txt "
                          "works too."),
                       {"name": name, "better": f"{name[: -len('.txt')]}.md"})
    return None


def decode_question_bytes(data: bytes, path: str) -> str:
    """Decode a question file's bytes as UTF-8 (a BOM is allowed), or raise QuestionFileError."""
    if len(data) > MAX_FILE_BYTES:
        raise QuestionFileError(
            [
                Problem.of(
                    path,
                    1,
                    N_("the file is too large (%(size)s MB)"),
                    N_("a question file holds one article and its questions; the limit is "
                       "%(limit)s MB"),
                    size=round(len(data) / 1_000_000, 1),  # a number: "1,4" in French
                    limit=MAX_FILE_BYTES // 1_000_000,
                )
            ]
        )
    not_text = _not_plain_text(data[:16].decode("latin-1"), path)
    if not_text is not None:
        raise QuestionFileError([not_text])
    if data.startswith(_ZIP):
        raise QuestionFileError(
            [Problem.of(path, 1, N_("this is a word-processor document (Word, LibreOffice or "
                                    "Pages), not plain text"),
                        N_("in the word processor choose Save as → Text (.txt), encoding "
                           "UTF-8; or copy the text and paste it in the box"))])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with its byte-order mark: what Notepad's « Unicode » encoding saves.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise QuestionFileError(
            [Problem.of(path, line, N_("this is not a text file (it contains a NUL byte)"),
                        N_("save the question file as plain text (UTF-8)"))]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        word = _word_in_windows_encoding(data, error.start)
        if word is not None:  # Windows' « ANSI » (Notepad, old Word): the usual case
            raise QuestionFileError([Problem.of(
                path, line,
                N_("the file is saved in an older encoding than UTF-8 (Windows' “ANSI” or "
                   "Latin-1: '%(word)s' on this line)"),
                N_("save it again choosing the encoding UTF-8 (Notepad: Save as… → "
                   "Encoding: UTF-8), or copy its text and paste it in the box"),
                word=word)]) from None
        raise QuestionFileError(
            [
                Problem.of(
                    path,
                    line,
                    N_("the file is not UTF-8 text (byte %(byte)s cannot be read)"),
                    N_("save it as UTF-8 (in your editor: Save as… → Encoding: UTF-8)"),
                    byte=f"0x{byte:02x}",
                )
            ]
        ) from None


def _word_in_windows_encoding(data: bytes, at: int) -> str | None:
    """The words around byte `at` read as Windows-1252 (one byte, one character), when the
    whole file reads so: what the teacher sees there in their editor."""
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    start = data.rfind(b"\n", 0, at) + 1
    end = data.find(b"\n", at)
    line = data[start:end if end != -1 else len(data)].decode("cp1252")
    column = at - start
    words = [(match.start(), match.group()) for match in re.finditer(r"\S+", line)]
    near = [word for begin, word in words
            if begin + len(word) > column - 12 and begin < column + 12]
    return " ".join(near) or None


def read_question_file(path: str | Path) -> QuizFile:
    """Read and validate the question file at ``path``."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise QuestionFileError(
            [Problem.of(str(path), 1, N_("cannot read the file (%(reason)s)"),
                        N_("check the path"), reason=error.strerror)]
        ) from None
    return parse_question_file(decode_question_bytes(data, str(path)), str(path))


def find_question_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders to the question files (``*.md`` but README.md) they hold, sorted.

    Raises QuestionFileError for a path that does not exist.
    """
    found: list[Path] = []
    missing: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        try:  # stat() itself: is_dir() and is_file() take a refusal for "no such file"
            is_folder = stat.S_ISDIR(path.stat().st_mode)
        except (FileNotFoundError, NotADirectoryError):
            missing.append(Problem.of(str(path), 1, N_("no such file or folder"),
                                      N_("check the path")))
            continue
        except OSError as error:  # a folder on the way this user may not open (/root/…)
            missing.append(Problem.of(str(path), 1, N_("cannot read the file (%(reason)s)"),
                                      N_("check that the user running the command may read "
                                         "it and every folder above it"),
                                      reason=error.strerror or type(error).__name__))
            continue
        if is_folder:
            found.extend(sorted(p for p in path.rglob("*.md")
                                if p.name.lower() != "readme.md" and p.is_file()))
        else:
            found.append(path)
    if missing:
        raise QuestionFileError(missing)
    return found


def check_files(paths: Iterable[Path]) -> tuple[list[QuizFile], list[Problem]]:
    """Validate every file; return the valid ones and the problems of the others."""
    valid: list[QuizFile] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            valid.append(read_question_file(path))
        except QuestionFileError as error:
            problems.extend(error.problems)
    return valid, problems


@dataclass
class _Field:
    value: str
    line: int


@dataclass
class _RawQuestion:
    key: str  # as typed, when it cannot be an id (`key_valid`): its other lines are checked
    line: int
    fields: dict[str, _Field] = field(default_factory=dict)
    choices: list[Choice] = field(default_factory=list)
    key_valid: bool = True


@dataclass
class _Parser:
    path: str
    # A version the app stored (read back to edit, compare or show it): checked by the rules
    # it was saved under, not by those of files coming in added since (a placeholder
    # explanation without its Review line, confirmed before that was refused).
    stored: bool = False
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, message: str | Message, hint: str = "", /,
                **params: object) -> None:
        """Records a problem: `message` and `hint` are N_() texts (or `message` an NP_()
        Message), `params` their values."""
        self.problems.append(Problem.of(self.path, line, message, hint, **params))

    # -- the file as a whole -------------------------------------------------------------------

    def parse(self, text: str) -> QuizFile | None:
        not_text = _not_plain_text(text[:16], self.path)
        if not_text is not None:
            self.problems.append(not_text)
            return None
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        numbered = list(enumerate(lines, start=1))
        for number, line in numbered:
            column = first_control_character(line, lines=True)
            if column is not None:
                self.problem(number, N_("an invisible control character (U+%(code)s) is in "
                                        "this line, at column %(column)s"),
                             N_("delete it (retype the characters around it); a question "
                                "file holds plain text only"),
                             code=f"{ord(line[column]):04X}", column=column + 1)
        if self.problems:
            return None
        index = 0
        while index < len(numbered) and not numbered[index][1].strip():
            index += 1
        if index == len(numbered):
            self.problem(1, N_("the file is empty"),
                         N_("start with the quiz title as '# Title', then the article's details "
                            "and text"))
            return None
        title_line, first = numbered[index]
        title = ""
        if first.startswith("# ") and first[2:].strip():
            title = first[2:].strip()
            if len(title) > MAX_TITLE_LENGTH:
                self.problem(title_line, N_("the title is %(length)s characters long"),
                             N_("keep it under %(limit)s characters"),
                             length=len(title), limit=MAX_TITLE_LENGTH)
            index += 1
        elif first.startswith("#") and not first.startswith("##") and first[1:].strip():
            # "#Titre": a title with its space missing (one error, not a header one as well)
            self.problem(title_line, N_("the file must start with the quiz title"),
                         N_("put a space after '#': '# %(title)s'"), title=first[1:].strip())
            index += 1
        elif not any(line.startswith("## ") for _number, line in numbered) and looks_foreign(
                "\n".join(line for _number, line in numbered)):
            # A Moodle bank's file given to `quiz check` or `quiz import`: one error that
            # says what it is (every line of it was one more error of a question file). A
            # file with a question file's sections is one, its title line written wrong.
            self.problem(title_line, N_("this is a GIFT, Moodle XML or Aiken file, not a "
                                        "question file"),
                         N_("convert it with the article it is about: flask --app app quiz "
                            "convert FILE OUT.md --article ARTICLE.md (or upload it on the "
                            "upload page, choosing that article's quiz)"))
            return None
        else:
            self.problem(title_line, N_("the file must start with the quiz title"),
                         N_("write it on the first line as '# Title of the quiz'"))

        header_lines, sections = self.split_sections(numbered[index:])
        header = self.parse_header(header_lines, title_line)
        article = self.parse_article(sections.get("article"), title_line)
        questions = self.parse_questions(sections.get("questions", (0, [])), article)
        if self.problems or not title:
            return None
        return QuizFile(
            title=title,
            language=header["language"],
            published=header["date"],
            source=header.get("source"),
            url=header.get("url"),
            credit=header.get("credit"),
            facts_as_of=header.get("facts-as-of"),
            article=tuple(article),
            questions=tuple(questions),
            path=self.path,
        )

    def split_sections(
        self, numbered: list[tuple[int, str]]
    ) -> tuple[list[tuple[int, str]], dict[str, tuple[int, list[tuple[int, str]]]]]:
        header: list[tuple[int, str]] = []
        sections: dict[str, tuple[int, list[tuple[int, str]]]] = {}
        current: list[tuple[int, str]] = header
        for number, line in numbered:
            if line.startswith("## "):
                name = line[3:].strip()
                key = name.lower()
                if key not in SECTIONS:
                    self.problem(number, N_("unknown section '## %(name)s'"),
                                 N_("a question file has two sections: '## Article' then "
                                    "'## Questions'; a subheading of the article is written "
                                    "'### %(name)s'"), name=name)
                    current = []
                elif key in sections:
                    self.problem(number, N_("a second '## %(name)s' section"),
                                 N_("merge it with the one at line %(line)s"),
                                 name=name, line=sections[key][0])
                    current = []
                else:
                    if key == "questions" and "article" not in sections:
                        self.problem(number, N_("'## Questions' comes before '## Article'"),
                                     N_("put the article first, then the questions"))
                    current = []
                    sections[key] = (number, current)
                continue
            if line.startswith("# "):
                self.problem(number, N_("a second title line"),
                             N_("a file has one '# Title'; use '### ' for a subheading in the "
                                "article"))
                continue
            current.append((number, line))
        return header, sections

    # -- header ------------------------------------------------------------------------------

    def parse_header(self, lines: list[tuple[int, str]], title_line: int) -> dict[str, str]:
        values: dict[str, str] = {}
        seen: dict[str, int] = {}
        for number, line in lines:
            if not line.strip():
                continue
            match = _FIELD.match(line)
            if not match:
                self.problem(number, N_("cannot read this line of the header"),
                             N_("write the article's details as 'Field: value' lines "
                                "(Language, Date, Source, URL, Credit, Facts-As-Of), "
                                "then '## Article'"))
                continue
            name, value = field_name(match.group(1)), match.group(2).strip()
            if name not in HEADER_FIELDS:
                meant = did_you_mean(name, HEADER_FIELDS)
                if meant:
                    self.problem(number, N_("unknown field '%(name)s'"),
                                 N_("did you mean '%(meant)s'? The header fields are Language, "
                                    "Date, Source, URL, Credit and Facts-As-Of"),
                                 name=match.group(1), meant=_field_title(meant))
                else:
                    self.problem(number, N_("unknown field '%(name)s'"),
                                 N_("the header fields are Language, Date, Source, URL, Credit "
                                    "and Facts-As-Of"), name=match.group(1))
                continue
            if name in seen:
                self.problem(number, N_("'%(name)s' is given twice"),
                             N_("keep one (the other is at line %(line)s)"),
                             name=match.group(1), line=seen[name])
                continue
            seen[name] = number
            if not value:
                self.problem(number, N_("'%(name)s' is empty"),
                             N_("give it a value or remove the line"), name=match.group(1))
                continue
            if self.valid_header_value(name, value, number, label=match.group(1)):
                # 'FR' read as 'fr', as a field's name is read in any case
                values[name] = value.lower() if name == "language" else value
        for name in REQUIRED_HEADER_FIELDS:
            if name not in seen:
                example = "Language: fr" if name == "language" else "Date: 2024-11-20"
                self.problem(title_line, N_("the header has no '%(name)s'"),
                             N_("add a line such as '%(example)s' under the title"),
                             name=name.capitalize(), example=example)
        return values

    def valid_header_value(self, name: str, value: str, number: int, *, label: str) -> bool:
        """Whether the value of header field `name` (written `label` in the file) is valid;
        if not, its problem is reported."""
        longest = MAX_HEADER_LENGTH.get(name)
        if longest is not None and len(value) > longest:
            self.problem(number, N_("'%(name)s' is %(length)s characters long"),
                         N_("keep it under %(limit)s characters"),
                         name=label, length=len(value), limit=longest)
            return False
        code = value.lower()
        if name == "language" and not (_LANGUAGE.match(code) and localedata.exists(code)):
            self.problem(number, N_("'%(value)s' is not a language code"),
                         N_("use the two-letter code of the article's language, e.g. fr or en"),
                         value=value)
            return False
        if name in ("date", "facts-as-of") and \
                not _valid_date(value, allow_month=name == "date"):
            iso = _day_first_as_iso(value)
            if iso is not None:  # « 27/11/2026 », as a French or British teacher writes it
                self.problem(number, N_("'%(value)s' is not a date"),
                             N_("write it %(iso)s (year, month, day)"), value=value, iso=iso)
            elif name == "date":
                self.problem(number, N_("'%(value)s' is not a date"),
                             N_("write the publication date as YYYY-MM-DD, or YYYY-MM when "
                                "only the month is known (e.g. 2024-11)"), value=value)
            else:
                self.problem(number, N_("'%(value)s' is not a date"),
                             N_("write it as YYYY-MM-DD"), value=value)
            return False
        if name == "url" and not _URL.match(value):
            self.problem(number, N_("'%(value)s' is not a web address"),
                         N_("give the full address, starting with https:// or http://"),
                         value=value)
            return False
        return True

    # -- article -----------------------------------------------------------------------------

    def parse_article(
        self, section: tuple[int, list[tuple[int, str]]] | None, title_line: int
    ) -> list[ArticleBlock]:
        if section is None:
            self.problem(title_line, N_("the file has no '## Article' section"),
                         N_("add '## Article' after the header, then the article's text"))
            return []
        start, lines = section
        blocks: list[ArticleBlock] = []
        paragraph: list[str] = []
        paragraph_line = 0

        def close_paragraph() -> None:
            if paragraph:
                blocks.append(ArticleBlock("paragraph", " ".join(paragraph), paragraph_line))
                paragraph.clear()

        for number, line in lines:
            stripped = line.strip()
            if not stripped:
                close_paragraph()
                continue
            if line.startswith("### "):
                close_paragraph()
                if stripped[4:].strip():
                    blocks.append(ArticleBlock("heading", stripped[4:].strip(), number))
                else:
                    self.problem(number, N_("an empty subheading"),
                                 N_("write its text after '### '"))
                continue
            if reads_as_heading(line):
                self.problem(number, N_("cannot read this heading"),
                             N_("write an article subheading as '### Subheading' on its own "
                                "line"))
                continue
            if not paragraph:
                paragraph_line = number
            paragraph.append(stripped)
        close_paragraph()
        if not any(block.kind == "paragraph" for block in blocks):
            self.problem(start, N_("the article has no text"),
                         N_("paste the article's paragraphs under '## Article', "
                            "separated by blank lines"))
        return blocks

    # -- questions ---------------------------------------------------------------------------

    def parse_questions(
        self, section: tuple[int, list[tuple[int, str]]], article: list[ArticleBlock]
    ) -> list[Question]:
        raw_questions = self.read_raw_questions(section[1])
        if len(raw_questions) > MAX_QUESTIONS:
            self.problem(raw_questions[MAX_QUESTIONS].line,
                         N_("the file has %(count)s questions"),
                         N_("keep at most %(limit)s questions in one file"),
                         count=len(raw_questions), limit=MAX_QUESTIONS)
            return []
        index = ArticleIndex(article)
        questions: list[Question] = []
        first_line_of: dict[str, int] = {}
        for raw in raw_questions:
            used = raw.key_valid and raw.key in first_line_of
            if used:
                self.problem(raw.line, N_("the question id '%(key)s' is already used at line "
                                          "%(line)s"),
                             N_("give each question its own id"),
                             key=raw.key, line=first_line_of[raw.key])
            first_line_of.setdefault(raw.key, raw.line)
            # A question whose id cannot be one, or is used already, is checked too: every
            # error of the file at once, not its others only once the id is mended.
            question = self.build_question(raw, article, index)
            if question is not None and raw.key_valid and not used:
                questions.append(question)
        return questions

    def read_raw_questions(self, lines: list[tuple[int, str]]) -> list[_RawQuestion]:
        questions: list[_RawQuestion] = []
        current: _RawQuestion | None = None
        # What an indented line would continue: a field or a choice of the current question.
        continues: _Field | int | None = None
        for number, line in lines:
            if not line.strip():
                continues = None
                continue
            if line.startswith("### "):
                key = line[4:].strip()
                if _KEY.match(key.lower()):
                    # A word processor capitalises the first word of a line: same id.
                    key = key.lower()
                current = _RawQuestion(key, number)
                continues = None
                if not _KEY.match(key) or len(key) > MAX_KEY_LENGTH:
                    self.problem(number, N_("'%(key)s' cannot be a question id"),
                                 N_("use lowercase letters, digits and hyphens, without accents "
                                    "or spaces (e.g. 'senate-vote')"), key=key)
                    current.key_valid = False
                questions.append(current)
                continue
            if current is None:
                self.problem(number, N_("text before the first question"),
                             N_("start each question with '### question-id' on its own line"))
                continue
            if line[0] in " \t":
                if _looks_like_a_field_or_choice(line.strip()):
                    self.problem(number, N_("an indented field or choice"),
                                 N_("start fields and choices at the beginning of the line; "
                                    "indent only the lines that continue the text above"))
                    continues = None
                elif isinstance(continues, _Field):
                    continues.value = f"{continues.value} {line.strip()}".strip()
                elif isinstance(continues, int):
                    old = current.choices[continues]
                    current.choices[continues] = Choice(f"{old.text} {line.strip()}", old.correct,
                                                        old.line)
                else:
                    self.problem(number, N_("an indented line that continues nothing"),
                                 N_("indent only the lines that continue a field or a choice, "
                                    "right below it"))
                continue
            choice = _CHOICE.match(line)
            if choice:
                current.choices.append(
                    Choice(choice.group(2).strip(), choice.group(1) in "xX", number))
                continues = len(current.choices) - 1
                continue
            if _CHOICE_LIKE.match(line):
                self.problem(number, N_("cannot read this choice"),
                             N_("write a choice as '- [ ] text', and the correct one as "
                                "'- [x] text'"))
                continues = None
                continue
            match = _FIELD.match(line)
            if not match and _NUMBERED_CHOICE.match(line):  # "a) …", "1. …", "B) …"
                self.problem(number, N_("cannot read this choice"),
                             N_("write a choice as '- [ ] text', and the correct one as "
                                "'- [x] text' (not with a letter or a number)"))
                continues = None
                continue
            if not match and _MARKED_UP_FIELD.match(line):  # "**Type:** mcq"
                self.problem(number, N_("cannot read this line"),
                             N_("write the field's name without formatting: 'Type: mcq', not "
                                "'**Type:** mcq' (remove the * and \\ a word processor adds)"))
                continues = None
                continue
            if not match:
                self.problem(number, N_("cannot read this line"),
                             N_("expected 'Field: value', a choice '- [ ] text', or an indented "
                                "line continuing the line above"))
                continues = None
                continue
            name = field_name(match.group(1))
            if name not in QUESTION_FIELDS:
                meant = did_you_mean(name, _QUESTION_FIELD_NAMES)
                if meant:
                    self.problem(number, N_("unknown field '%(name)s'"),
                                 N_("did you mean '%(meant)s'? A question's fields are Type, "
                                    "Prompt, Answer, Passage, Explanation, Outdated and Review"),
                                 name=match.group(1), meant=_field_title(meant))
                else:
                    self.problem(number, N_("unknown field '%(name)s'"),
                                 N_("a question's fields are Type, Prompt, Answer, Passage, "
                                    "Explanation, Outdated and Review"), name=match.group(1))
                continues = None
                continue
            if name in current.fields:
                self.problem(number, N_("'%(name)s' is given twice in this question"),
                             N_("keep one (the other is at line %(line)s)"),
                             name=match.group(1), line=current.fields[name].line)
                continues = None
                continue
            continues = current.fields[name] = _Field(match.group(2).strip(), number)
        return questions

    def build_question(self, raw: _RawQuestion, article: list[ArticleBlock],
                       index: ArticleIndex) -> Question | None:
        before = len(self.problems)
        fields = raw.fields
        for name in ("type", "prompt", "passage", "explanation"):
            if name not in fields:
                self.problem(raw.line, N_("question '%(key)s' has no '%(name)s'"),
                             N_("add a line '%(name)s: …' to it"),
                             key=raw.key, name=name.capitalize())
            elif not fields[name].value:
                self.problem(fields[name].line, N_("'%(name)s' is empty"),
                             N_("write its text after the colon"), name=name.capitalize())
        explanation = fields.get("explanation")
        if (not self.stored and explanation is not None
                and is_missing_explanation(explanation.value)
                and not (fields["review"].value if "review" in fields else "")):
            self.problem(explanation.line, N_("the explanation is still '%(text)s'"),
                         N_("write it: what the passage shows, and why the other answers are "
                            "wrong (or keep a 'Review:' line until then: the quiz stays "
                            "unpublished)"), text=explanation.value)
        written = fields["type"].value if "type" in fields else ""
        kind = TYPE_ALIASES.get(written.lower()) or _SQUEEZED_TYPES.get(_squeezed(written),
                                                                         written)
        answer: bool | None = None
        if "type" in fields and kind not in QUESTION_KINDS and written:
            meant = did_you_mean(written, TYPE_ALIASES)
            if meant:
                self.problem(fields["type"].line, N_("unknown question type '%(type)s'"),
                             N_("did you mean '%(meant)s'? Write 'Type: mcq' (multiple choice) "
                                "or 'Type: true_false'"), type=written, meant=meant)
            else:
                self.problem(fields["type"].line, N_("unknown question type '%(type)s'"),
                             N_("write 'Type: mcq' (multiple choice) or 'Type: true_false'"),
                             type=written)
        if kind == "mcq":
            answer_field = fields.get("answer")
            if answer_field is not None:
                self.problem(answer_field.line, N_("a multiple-choice question has no 'Answer'"),
                             N_("mark the correct choice as '- [x] text' instead"))
            self.check_choices(raw)
        elif kind == "true_false":
            if raw.choices:
                self.problem(raw.choices[0].line, N_("a true/false question has no choices"),
                             N_("remove the '- [ ]' lines and write 'Answer: true' or "
                                "'Answer: false'"))
            answer = self.true_false_answer(raw)
        location = self.locate(fields.get("passage"), article, index)
        if len(self.problems) > before or location is None:
            return None
        return Question(
            key=raw.key,
            kind=kind,  # type: ignore[arg-type]  # checked against QUESTION_KINDS above
            prompt=fields["prompt"].value,
            choices=tuple(raw.choices),
            passage=fields["passage"].value,
            location=location,
            explanation=fields["explanation"].value,
            line=raw.line,
            answer=answer,
            outdated=fields["outdated"].value or None if "outdated" in fields else None,
            review=fields["review"].value or None if "review" in fields else None,
        )

    def check_choices(self, raw: _RawQuestion) -> None:
        count = len(raw.choices)
        if not MIN_CHOICES <= count <= MAX_CHOICES:
            self.problem(raw.line, NP_("question '%(key)s' has %(count)s choice",
                                       "question '%(key)s' has %(count)s choices", count,
                                       key=raw.key),
                         N_("give a multiple-choice question %(min)s to %(max)s choices, "
                            "one per line as '- [ ] text'"),
                         min=MIN_CHOICES, max=MAX_CHOICES)
        correct = [choice for choice in raw.choices if choice.correct]
        if count and not correct:  # « a 0 choix correct » read oddly
            self.problem(raw.line, N_("question '%(key)s' has no correct choice"),
                         N_("mark the right one with '- [x]'"), key=raw.key)
        elif len(correct) > 1:
            self.problem(correct[1].line,
                         NP_("question '%(key)s' has %(count)s correct choice",
                             "question '%(key)s' has %(count)s correct choices", len(correct),
                             key=raw.key),
                         N_("mark exactly one choice as correct with '- [x]'"))
        seen: dict[str, int] = {}
        for choice in raw.choices:
            # Capitals and spaces aside, as a student reads them (« Trente minutes » beside
            # « trente  minutes »: one right, one wrong); as written in a stored version.
            same = choice.text if self.stored else same_choice(choice.text)
            if same in seen:
                self.problem(choice.line, N_("the choice '%(choice)s' is given twice"),
                             N_("remove this one or the one at line %(line)s"),
                             choice=choice.text, line=seen[same])
            seen.setdefault(same, choice.line)

    def true_false_answer(self, raw: _RawQuestion) -> bool | None:
        answer = raw.fields.get("answer")
        if answer is None:
            self.problem(raw.line, N_("true/false question '%(key)s' has no 'Answer'"),
                         N_("add 'Answer: true' or 'Answer: false' (vrai or faux work too)"),
                         key=raw.key)
            return None
        word = answer.value.lower()
        if not word:
            self.problem(answer.line, N_("'%(name)s' is empty"),
                         N_("write true or false (or vrai or faux)"), name="Answer")
            return None
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        self.problem(answer.line, N_("'%(value)s' is not an answer to a true/false question"),
                     N_("write true or false (or vrai or faux)"), value=answer.value)
        return None

    def locate(self, passage: _Field | None, article: list[ArticleBlock],
               index: ArticleIndex) -> PassageLocation | None:
        if passage is None or not passage.value or not article:
            return None
        search = index.locate(passage.value)
        if len(search.locations) == 1:
            return search.locations[0]
        if search.locations:
            where = ", ".join(str(article[location.block].line) for location in search.locations)
            self.problem(passage.line,
                         N_("the passage appears %(count)s times in the article "
                            "(paragraphs at lines %(lines)s)"),
                         N_("quote a longer passage so that it points to one place"),
                         count=len(search.locations), lines=where)
            return None
        # Two slips a teacher makes that the article shows at once: quotation marks around
        # the passage, and capitals changed.
        inner = passage.value.strip()
        if len(inner) > 2 and inner[0] in _OPENING_QUOTES and inner[-1] in _CLOSING_QUOTES \
                and len(index.locate(inner[1:-1].strip()).locations) == 1:
            self.problem(passage.line, N_("the passage is not in the article"),
                         N_("remove the quotation marks around it: the article has the words "
                            "without them"))
            return None
        written = index.written_otherwise(passage.value)
        if written is not None:
            self.problem(passage.line, N_("the passage is not in the article"),
                         N_("the article writes it '%(written)s': copy its capitals as they "
                            "are"), written=_shorten(written))
            return None
        # Where the passage stops matching, once that says something: two words at least (a
        # teacher cannot act on "the article has 'pr'").
        if len(search.matched_prefix.split()) >= 2:
            self.problem(passage.line, N_("the passage is not in the article"),
                         N_("the article has '%(start)s' but not what follows it; "
                            "copy the passage from the article word for word, within one "
                            "paragraph"),
                         start=_shorten(search.matched_prefix.rstrip()))
        else:
            self.problem(passage.line, N_("the passage is not in the article"),
                         N_("copy the passage from the article word for word, within one "
                            "paragraph"))
        return None


_OPENING_QUOTES = "\"'«“„‘"
_CLOSING_QUOTES = "\"'»”“’"


def reads_as_heading(line: str) -> bool:
    """Whether a line of the article is a heading (right, '### …', or written wrong: '#',
    '#### …', '##x'…) rather than text. One '#' stuck to a word is text, as in Markdown: a
    hashtag opening a paragraph (« #MeToo a changé… ») is common in the news."""
    return line.startswith("#") and not re.match(r"#[^#\s]", line)


def _looks_like_a_field_or_choice(text: str) -> bool:
    field_ = _FIELD.match(text)
    return bool(_CHOICE_LIKE.match(text)
                or (field_ and field_name(field_.group(1)) in QUESTION_FIELDS))


def _valid_date(value: str, *, allow_month: bool) -> bool:
    if not _DATE.match(value) or (len(value) == 7 and not allow_month):
        return False
    try:
        dt.date.fromisoformat(value if len(value) == 10 else f"{value}-01")
    except ValueError:
        return False
    return True


_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _day_first_as_iso(value: str) -> str | None:
    """'27/11/2026', '27.11.2026' or '27-11-2026' as 2026-11-27; None for anything else,
    a day that does not exist, or one that reads either way (03/04/2026)."""
    written = _DAY_FIRST.fullmatch(value.strip())
    if written is None:
        return None
    day, month, year = (int(part) for part in written.groups())
    if day <= 12 and month <= 12 and day != month:
        return None  # 03/04: the 3rd of April in Paris, the 4th of March in Boston
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _shorten(text: str, keep: int = 60) -> str:
    return text if len(text) <= keep else f"…{text[-keep:]}"


def parse_question_file(text: str, path: str = "<text>", *, stored: bool = False) -> QuizFile:
    """Parse and validate a question file's text (`stored`: a version the app saved, read
    back; see _Parser.stored).

    Raises QuestionFileError with every problem found, each as ``path:line: what — how to fix``.
    """
    parser = _Parser(path, stored)
    # One form for each accented letter: text pasted from a PDF (macOS) writes « é » as « e »
    # and a combining accent, which a passage typed on a keyboard would never match.
    quiz = parser.parse(unicodedata.normalize("NFC", text))
    if quiz is None:
        raise QuestionFileError(parser.problems)
    return quiz
