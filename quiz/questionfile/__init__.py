"""Question files: the teachers' plain-text format (pure Python, no Flask)."""

from .errors import Problem, QuestionFileError
from .model import ArticleBlock, Choice, PassageLocation, Question, QuizFile
from .parser import (
    address_from_file_name,
    check_files,
    decode_question_bytes,
    file_name_notice,
    find_question_files,
    parse_question_file,
    read_question_file,
)
from .passage import ArticleIndex, locate_passage, normalize
from .writer import write_question_file

__all__ = [
    "ArticleBlock",
    "ArticleIndex",
    "Choice",
    "PassageLocation",
    "Problem",
    "Question",
    "QuestionFileError",
    "QuizFile",
    "address_from_file_name",
    "check_files",
    "decode_question_bytes",
    "file_name_notice",
    "find_question_files",
    "locate_passage",
    "normalize",
    "parse_question_file",
    "read_question_file",
    "write_question_file",
]
