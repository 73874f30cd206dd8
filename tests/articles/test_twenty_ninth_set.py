"""Issue 22, importer: what the judge of the twenty-ninth set found (docs/drafting.md,
"Importer, round 33"), each test on a small page modelled on the real one."""

from __future__ import annotations

from quiz.articles import import_source
from tests.articles.bridge_page import LEAD, REST, TITLE, imported, page


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


def test_the_latest_stories_box_in_the_article_column_is_pruned() -> None:
    # CBS Sports: « <div class="latest-news-box"><div class="Card-title …">Our Latest Stories
    # </div><ul class="latest-news-box-row"><li>…<h3>Jones tells Belichick story from '90s</h3>
    # <h4 class="latest-box-item-subline">The Cowboys owner actually might've had a chance…</h4>
    # » — 13 of the page's 22 blocks, each teaser as a paragraph and again as a heading.
    teasers = [("Gronk may have found his true calling", "Gronk moonlights as a dancer"),
               ("Jones tells Belichick story from '90s",
                "The Cowboys owner actually might've had a chance to hire Belichick before he "
                "went to New England"),
               ("NFL office pool picks for Week 12",
                "SportsLine's advanced computer just locked in its Week 12 NFL office pool "
                "picks."),
               ("Pats place Olszewski on IR", "New England's roster is re-shuffling")]
    items = "".join(f'<li class="col-4"><a href="/nfl/news/{n}/" class="thumbnail"><figure>'
                    f'<img src="t{n}.jpg"></figure></a><div class="latest-box-item-headlines">'
                    f'<h3 class="latest-box-item-title"><a href="/nfl/news/{n}/">{title}</a>'
                    f'</h3><h4 class="latest-box-item-subline">{blurb}</h4></div></li>'
                    for n, (title, blurb) in enumerate(teasers))
    box = ('<div class="latest-news-box"><div class="Card-title latest-news-box-title">'
           '<span class="title-text">Our Latest Stories</span></div>'
           f'<ul class="latest-news-box-row">{items}</ul></div>')
    paragraphs = "".join(f"<p>{text}</p>" for text in [LEAD, *REST])
    blocks = imported(page(f"<div class='article'>{paragraphs}{box}</div>"))
    assert blocks == [LEAD, *REST]
