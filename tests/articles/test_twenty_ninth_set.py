"""Issue 22, importer: what the judge of the twenty-ninth set found (docs/drafting.md,
"Importer, round 33"), each test on a small page modelled on the real one."""

from __future__ import annotations

from quiz.articles import import_source
from tests.articles.bridge_page import LEAD, REST, TITLE


def test_a_meta_written_with_value_dates_the_article_over_an_updated_line() -> None:
    # Opposing Views: « <meta name="published" value="2016-12-21T23:49:10Z"> » and a header
    # "Author: Lauren Briggs Updated: Mar 6, 2018 Original: Dec 21, 2016": imported as
    # 2018-03-06, the update.
    paragraphs = "".join(f"<p>{text}</p>" for text in [LEAD, *REST])
    html = ('<!doctype html><html lang="en"><head><title>' + TITLE + '</title>'
            '<meta name="published" value="2016-12-21T23:49:10Z">'
            '<meta name="modified" value="2018-03-07T00:49:32Z">'
            '<meta name="parsely-pub-date" value="2016-12-21T23:49:10Z"></head><body>'
            '<article><header><h1>' + TITLE + '</h1><ul class="m-detail-header--meta">'
            '<li><div class="m-detail-header--meta-item">Author:</div><div>Lauren Briggs</div>'
            '</li><li><div class="m-detail-header--date m-detail-header--meta-item">Updated:'
            '</div><div class="m-detail-header--date"><time datetime="2018-03-06T19:49:32-05:00"'
            ' title="Mar 6, 2018">Mar 6, 2018</time></div>'
            '<div class="m-detail-header--date m-detail-header--meta-item">Original:</div>'
            '<div class="m-detail-header--date"><time datetime="2016-12-21T18:49:10-05:00" '
            'title="Dec 21, 2016">Dec 21, 2016</time></div></li></ul></header>'
            f'<div class="body">{paragraphs}</div></article></body></html>').encode()
    assert import_source(html, "icahn.html").quiz.published == "2016-12-21"
