"""The guides for teachers who write question files (docs/*.md), as HTML for the app's pages.

The guides live in docs/ beside the code, where the repository shows them too; a teacher
working in the browser reads the same text on a page of the app (no copy to keep in step).
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

DOCS = Path(__file__).resolve().parents[2] / "docs"
# Each interface language's guide, by file name (its links to the other are rewritten).
GUIDES = {"fr": "fichiers-de-questions.md", "en": "question-files.md"}
_LINK_TO_GUIDE = re.compile(r'href="(' + "|".join(map(re.escape, GUIDES.values())) + r')"')
_HEADING = re.compile(r"<h([1-4])>(.*?)</h\1>")
_TAG = re.compile(r"<[^>]+>")
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)


def _anchor(match: re.Match[str]) -> str:
    """A heading with the id GitHub gives it, so that the guides' #links work in the app."""
    text = _TAG.sub("", match.group(2)).lower()
    slug = re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
    return f'<h{match.group(1)} id="{slug}">{match.group(2)}</h{match.group(1)}>'


def guide_html(language: str) -> tuple[str, str]:
    """The guide in `language` (English when it has none) as HTML, and its language.

    The Markdown is rendered with raw HTML off, so the text is escaped; links to the other
    language's guide point to ``?lang=…`` of the page that shows it.
    """
    language = language if language in GUIDES else "en"
    # Comments are notes for the maintainers (markers of generated parts): not shown.
    source = _COMMENT.sub("", (DOCS / GUIDES[language]).read_text(encoding="utf-8"))
    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    by_file = {name: code for code, name in GUIDES.items()}
    html = _LINK_TO_GUIDE.sub(lambda m: f'href="?lang={by_file[m.group(1)]}"',
                              renderer.render(source))
    return _titled_tables(_HEADING.sub(_anchor, html)), language


_HEADING_OR_TABLE = re.compile(r"<h[1-4][^>]*>(.*?)</h[1-4]>|<table>(.*?)</table>", re.DOTALL)
_FIRST_CELL = re.compile(r"<tr>\n<td([^>]*)>(.*?)</td>", re.DOTALL)


def _titled_tables(html: str) -> str:
    """The app's tables (class "table": they scroll), each titled by the heading above it
    and each row headed by its first cell, as screen readers need them (tables are read cell
    by cell)."""
    title = ""

    def table(match: re.Match[str]) -> str:
        nonlocal title
        if match.group(1) is not None:
            title = _TAG.sub("", match.group(1))
            return match.group(0)
        head, _, rows = match.group(2).partition("<tbody>")
        rows = _FIRST_CELL.sub(r'<tr>\n<th scope="row"\1>\2</th>', rows)
        caption = f'<caption class="visually-hidden">{title}</caption>' if title else ""
        return f'<table class="table">{caption}{head}<tbody>{rows}</table>'

    return _HEADING_OR_TABLE.sub(table, html)
