"""From a news page to a question file: an article with no questions yet (pure Python, no Flask).

A source is a saved HTML page, a URL (fetched with a timeout and a size cap), plain text or
Markdown. HTML goes through trafilatura (main text, headings kept apart from paragraphs,
title/date/site/author), then loses what sites put inside the article that is not the article
(``boilerplate``); the language is recognised with simplemma (French or English) unless given,
never guessed. The result is written by the question-file writer and read back by the one
validator, so what comes out is always a valid file, exactly the format teachers write.
"""

from .build import (
    ImportedArticle,
    ascii_words,
    check_draftable,
    detect_language,
    import_article,
    import_source,
    read_source,
    slug_for,
)
from .errors import ArticleError
from .extract import Article, article_from_html, article_from_markdown, article_from_text
from .fetch import FetchLimits, fetch_url

__all__ = [
    "Article",
    "ArticleError",
    "FetchLimits",
    "ImportedArticle",
    "article_from_html",
    "article_from_markdown",
    "article_from_text",
    "check_draftable",
    "detect_language",
    "fetch_url",
    "import_article",
    "import_source",
    "read_source",
    "ascii_words",
    "slug_for",
]
