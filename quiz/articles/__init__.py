"""From a news page to a question file: an article with no questions yet (pure Python, no Flask).

A source is a saved HTML page, a URL (fetched with a timeout and a size cap), plain text or
Markdown. HTML goes through trafilatura (main text, headings kept apart from paragraphs,
title/date/site/author); the language is detected with simplemma unless given. The result is
written by the question-file writer and read back by the one validator, so what comes out is
always a valid file, exactly the format teachers write.
"""

from .build import ImportedArticle, import_article, import_source, read_source, slug_for
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
    "fetch_url",
    "import_article",
    "import_source",
    "read_source",
    "slug_for",
]
