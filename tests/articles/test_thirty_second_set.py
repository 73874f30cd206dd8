"""Issue 22, importer: what the judge of the thirty-second set found (docs/drafting.md,
"Importer, round 35"), each test on a small page modelled on the real one."""

from __future__ import annotations

from quiz.articles import boilerplate, import_source
from tests.articles import bridge_page as bridge
from tests.articles.bridge_page import LEAD, REST, TITLE

SPORTING_NEWS = "http://www.sportingnews.com/nfl/feed/2011-01/nfl-coaches/story/raiders-cut-ties"


def undated(body: str, head: str = "") -> bytes:
    """A page with no date in its markup: its <head> may give its address."""
    return (f"<!doctype html><html lang=\"en\"><head><title>{TITLE}</title>{head}</head>"
            f"<body><article><h1>{TITLE}</h1>{body}</article></body></html>").encode()


def text() -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in [LEAD, *REST])


def test_a_month_written_with_a_hyphen_in_the_address_dates_a_page_that_gives_none() -> None:
    # Sporting News: « <meta property="og:url" content="http://www.sportingnews.com/nfl/feed/
    # 2011-01/nfl-coaches/story/raiders-cut-ties-with-cable"> », no other date: the import day
    # was written. The month's first day, with the warning that says so.
    head = f'<meta property="og:url" content="{SPORTING_NEWS}">'
    result = import_source(undated(text(), head), "page.html")
    assert result.quiz.published == "2011-01-01"
    assert any("address" in str(warning) for warning in result.warnings)
    # Its day, when the address gives it (no warning then).
    dated = head.replace("feed/2011-01/", "story/2011-01-04/")
    result = import_source(undated(text(), dated), "page.html")
    assert result.quiz.published == "2011-01-04"
    assert not any("address" in str(warning) for warning in result.warnings)


def test_a_month_written_with_a_hyphen_never_stands_over_the_markups_date() -> None:
    # (« /2011-12/ » may be a season: the markup's date stands.)
    head = (f'<meta property="og:url" content="{SPORTING_NEWS.replace("2011-01", "2011-12")}">'
            '<meta property="article:published_time" content="2011-04-09">')
    assert import_source(undated(text(), head), "page.html").quiz.published == "2011-04-09"


def test_the_text_size_buttons_in_the_byline_are_no_credit() -> None:
    # Sporting News: « <div class="byline clearfix"><div class="author-info"><span
    # class="title">Sporting News</span></div><div class="text-control"><span class="text">Text
    # size</span><span class="normal-text text-size"><a class="active" href="#">A</a></span>…
    # </div></div> »: the credit was "Text size A A A".
    byline = ('<div class="byline clearfix"><div class="author-info"><span class="title">'
              'Mary Jones</span></div><div class="text-control"><span class="text">Text size'
              '</span><span class="normal-text text-size"><a class="active" href="#">A</a>'
              '</span><span class="medium-text text-size"><a href="#">A</a></span>'
              '<span class="large-text text-size"><a href="#">A</a></span></div></div>')
    head = '<meta property="article:published_time" content="2023-05-09">'
    quiz = import_source(undated(byline + text(), head), "page.html").quiz
    assert "Text size" not in (quiz.credit or "")
    assert [block.text for block in quiz.article] == [LEAD, *REST]


def orange(body: str) -> bytes:
    """An Orange Actualités page: its text one <p>, its paragraphs between <br/><br/>."""
    return bridge.page(f'<div itemprop="articleBody"><p>{body}</p></div>', title=bridge.TITRE,
                       lang="fr")


def test_a_quoted_crosshead_its_opening_mark_outside_the_bold_is_a_heading() -> None:
    # Orange Actualités: « …sans être payé."</em><br/><br/>"<strong>On va finir par
    # craquer"</strong><br/><br/>Beaucoup craignent… »: the crosshead was glued to the
    # paragraph after it.
    first, second, third = bridge.SUITE[:3]
    html = orange(f'{bridge.CHAPEAU}<br/><br/>{first}<br/><br/>'
                  f'"<strong>On va finir par craquer"</strong><br/><br/>{second}<br/><br/>'
                  f'{third}')
    assert bridge.kinds(html) == [
        ("paragraph", bridge.CHAPEAU), ("paragraph", first),
        ("heading", '"On va finir par craquer"'), ("paragraph", second),
        ("paragraph", third)]


def test_markup_residue_in_brackets_is_cut_and_its_line_ends_a_paragraph() -> None:
    # Orange Actualités: « …un manque de reconnaissance de la part de l'État.[I/TALIC]<br/>
    # <br/>Les échanges avec les manifestants… »: the residue was kept, and (no sentence's end
    # before the line break) the next paragraphs were glued to it.
    first, second, third = bridge.SUITE[:3]
    html = orange(f"{bridge.CHAPEAU}<br/><br/>{first}[I/TALIC]<br/><br/>{second}<br/><br/>"
                  f"{third}")
    assert bridge.imported(html) == [bridge.CHAPEAU, first, second, third]
    # (An editor's letter in brackets is no residue.)
    quoted = ('Selon le bourgmestre, "[I]l faut fermer le vieux pont avant l\'hiver, et '
              'le rouvrir au printemps", a-t-il dit mardi.')
    html = orange(f"{bridge.CHAPEAU}<br/><br/>{quoted}<br/><br/>{first}")
    assert bridge.imported(html) == [bridge.CHAPEAU, quoted, first]


def test_a_footnote_after_the_last_paragraph_is_a_paragraph_of_its_own() -> None:
    # Orange Actualités: « …si la mobilisation, bien qu'en baisse, continue. <br/><br/>*les
    # prénoms ont été modifiés par franceinfo et le JDD</p> »: glued to the last paragraph.
    note = "*les prénoms ont été modifiés par franceinfo et le JDD"
    first, second = bridge.SUITE[:2]
    html = orange(f"{bridge.CHAPEAU}<br/><br/>{first}<br/><br/>{second} <br/><br/>{note}")
    assert bridge.imported(html) == [bridge.CHAPEAU, first, second, note]


def test_a_quoted_crosshead_in_capitals_after_an_embedded_post_is_kept() -> None:
    # Orange Actualités: « …</p><div class="ms-embed twitter rich"><iframe …></iframe></div>
    # <br/><br/>"NOUS SOMMES DANS UN DÉNI DE RÉALITÉ TOTAL"<br/><br/>Jeudi, … nous sommes dans
    # un déni de réalité total." … »: the crosshead, the next paragraph's words in capitals,
    # was taken for a pull-quote and lost (the later one, in no quotation marks, was kept).
    crosshead = '"LE PONT EST FERMÉ POUR DEUX MOIS AU MOINS"'
    said = (f"{bridge.SUITE[1]} « Le pont est fermé pour deux mois au moins », a répété le "
            "bourgmestre jeudi devant le conseil.")
    embed = ('<div class="ms-embed twitter rich twitter-1 ms-embed-1"><iframe data-type="ms-embed" '
             'src="//pms.orange.fr/module/embed/2115/sandbox?url=https%3A%2F%2Ftwitter.com'
             '%2Ffranceinfo%2Fstatus%2F826775123885584385"></iframe></div>')
    body = (f'<div itemprop="articleBody"><p>{bridge.CHAPEAU}</p><p>{bridge.SUITE[0]}</p>'
            f'{embed}<br/><br/>{crosshead}<br/><br/>{said}<br/><br/>'
            f'TRAVAUX JUSQU\'EN JUIN<br/><br/>{bridge.SUITE[2]}</div>')
    html = bridge.page(body, title=bridge.TITRE, lang="fr")
    assert bridge.kinds(html) == [
        ("paragraph", bridge.CHAPEAU), ("paragraph", bridge.SUITE[0]), ("heading", crosshead),
        ("paragraph", said), ("heading", "TRAVAUX JUSQU'EN JUIN"),
        ("paragraph", bridge.SUITE[2])]


def titled(title: str, head: str, body: str) -> bytes:
    """A page with its own <title> and <head>, its <article> ``body``."""
    return (f'<!doctype html><html lang="en"><head><title>{title}</title>{head}</head>'
            f"<body>{body}</body></html>").encode()


DATED = '<meta property="article:published_time" content="2010-10-28">'


def test_the_sites_name_after_a_colon_in_the_title_goes() -> None:
    # Scientific American: « <title>Everyday BPA Exposure Decreases Human Semen Quality:
    # Scientific American</title> », on scientificamerican.com: the title kept the site's name.
    head = DATED + '<link rel="canonical" href="http://www.scientificamerican.com/article.cfm?id=bridge">'
    html = titled(f"{TITLE}: Scientific American", head,
                  f"<article>{text()}</article>")
    assert import_source(html, "page.html").quiz.title == TITLE
    # (A colon that opens the title's second part stays: no name of the site's after it.)
    html = titled(f"Riverton: {TITLE}", head, f"<article>{text()}</article>")
    assert import_source(html, "page.html").quiz.title == f"Riverton: {TITLE}"


def test_a_standfirst_under_the_headline_outside_the_text_is_its_first_paragraph() -> None:
    # Scientific American: « <div class="articleHeader"><h2 class="articleTitle">Everyday BPA
    # …</h2><p id="articleDek">The more bisphenol A men were exposed to…</p></div> » beside
    # the <div id="articleContent"> that trafilatura reads: the standfirst was lost.
    dek = ("The old bridge over the river will close for two months, the council decided, "
           "after engineers found cracks in its piers")
    filler = "".join(f"<p>{paragraph}</p>" for paragraph in REST)
    body = (f'<div id="mainCol"><div class="articleHeader"><h2 class="articleTitle">{TITLE}'
            f'</h2><p id="articleDek">{dek}</p></div><div id="articleContent"><p>{LEAD}</p>'
            f"{filler}</div></div>")
    assert [block.text for block in import_source(titled(TITLE, DATED, body),
                                                  "page.html").quiz.article] == [dek, LEAD, *REST]


def test_the_site_is_the_titles_last_part_when_trafilatura_names_the_headline() -> None:
    # ESPN: « <title>Michael Vick of Philadelphia Eagles misses practice, unlikely to play vs.
    # Dallas Cowboys - ESPN</title> », no site name in the markup: the source field held the
    # headline (trafilatura takes the part of the <title> that holds a full stop, as a web
    # address does: "vs.").
    html = titled(f"{TITLE} in St. Louis after cracks found - ESPN", DATED,
                  f"<h1>{TITLE}</h1><article>{text()}</article>")
    assert import_source(html, "page.html").quiz.source == "ESPN"


def test_a_copyright_line_is_no_sites_name() -> None:
    # Science: « <title>Early Birds Smelled Good - ScienceNOW</title> », « <meta
    # name="Copyright" content="Copyright (c) 2011 American Association for the Advancement of
    # Science. All Rights Reserved."> »: the source field held the copyright line.
    copyright = ('<meta name="Copyright" content="Copyright (c) 2011 American Association for '
                 'the Advancement of Science. All Rights Reserved.">')
    html = titled(f"{TITLE} - ScienceNOW", DATED + copyright,
                  f"<h1>{TITLE}</h1><article>{text()}</article>")
    assert import_source(html, "page.html").quiz.source == "ScienceNOW"
    # Its holder, when the title names no site.
    assert boilerplate.site_named(
        "Copyright (c) 2011 American Association for the Advancement of Science. All Rights "
        "Reserved.", TITLE) == "American Association for the Advancement of Science"


def test_an_agencys_copyright_line_closing_the_text_is_the_credit() -> None:
    # ESPN: « …a Super Bowl."</p><p></p><p><br><i>Copyright 2010 by The Associated Press</i>
    # </p> », no byline: no credit.
    html = titled(TITLE, DATED, f"<h1>{TITLE}</h1><article>{text()}<p><br><i>Copyright 2010 by "
                                "The Associated Press</i></p></article>")
    quiz = import_source(html, "page.html").quiz
    assert quiz.credit == "The Associated Press"
    assert [block.text for block in quiz.article] == [LEAD, *REST]
