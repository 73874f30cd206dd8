"""Issue 22, importer: what the judge of the twenty-seventh held-out set found kept as article
text or lost (docs/drafting.md, "Importer, rounds 30 and 31"), each test on a small page
modelled on the real one."""

from __future__ import annotations

from tests.articles.bridge_page import CHAPEAU, LEAD, REST, SUITE, TITRE, imported, kinds, page


def test_a_live_market_quote_inside_a_sentence_goes() -> None:
    # MarketWatch: « The 30-year bond yield <a class="qt-chip" data-charting-symbol="BOND/BX/
    # XTUP/TMUBMUSD30Y">TMUBMUSD30Y, <bg-quote field="percentchange">1.406%</bg-quote></a>
    # tumbled 6.3 basis points to 1.409%. » — the quote of the day the page was saved.
    chip = ('<a data-track-hover="QuotePeek" data-charting-symbol="BOND/BX/XTUP/TMUBMUSD30Y" '
            'class="qt-chip" href="/investing/bond/TMUBMUSD30Y">TMUBMUSD30Y, '
            '<bg-quote field="percentchange" format="0,000.000%">1.406%</bg-quote></a>')
    sentence = "The 30-year bond yield {} tumbled 6.3 basis points to 1.409% on Tuesday."
    body = (f"<p>{LEAD}</p><p>{sentence.format(chip)}</p>"
            + "".join(f"<p>{s}</p>" for s in REST))
    assert imported(page(body)) == [
        LEAD, "The 30-year bond yield tumbled 6.3 basis points to 1.409% on Tuesday.", *REST]


def test_a_link_to_a_company_page_stays_in_the_sentence() -> None:
    # A plain link in a sentence is the sentence's words: only a link that charts a symbol is
    # a quote.
    sentence = ('Shares of <a href="/investing/stock/aapl">Apple Inc.</a> rose 2% in early '
                "trading on Tuesday, the exchange said.")
    body = f"<p>{LEAD}</p><p>{sentence}</p>" + "".join(f"<p>{s}</p>" for s in REST)
    assert imported(page(body)) == [
        LEAD, "Shares of Apple Inc. rose 2% in early trading on Tuesday, the exchange said.",
        *REST]


def test_a_sentence_mostly_inside_its_link_is_the_articles() -> None:
    # Yahoo News Australia: « Melbourne-based Prof Lewin said she was delighted to be heading to
    # a restaurant for the first time <a href="…">after lockdown on Wednesday and joined fellow
    # Melburnians in their droves as they took advantage of eased restrictions that allowed
    # for the hospitality industry to reopen</a>. », lost as a block of links.
    sentence = ("The mayor said she was delighted to be driving over the old bridge for the "
                "last time {} before the works.")
    link = ('<a href="/news/council-closes-bridge-043558876.html">on Wednesday and joined '
            "hundreds of residents in their cars as they took advantage of the last day that "
            "allowed for the crossing to stay open</a>")
    body = (f"<p>{LEAD}</p><p>{sentence.format(link)}</p>"
            + "".join(f"<p>{s}</p>" for s in REST))
    assert imported(page(body)) == [LEAD, sentence.format(
        "on Wednesday and joined hundreds of residents in their cars as they took advantage of "
        "the last day that allowed for the crossing to stay open"), *REST]


def test_links_to_other_stories_still_go() -> None:
    # What is mostly links and no sentence of the writer's: a label and its link, a teaser's
    # linked title and its line, a short opening before a long link.
    related = [
        'Read more about the council and its plans for the river: <a href="/a">The county '
        "council has voted to spend two million pounds on the river's bridges next year</a>.",
        '<a href="/b">Engineers warn that three more bridges over the river need repairs '
        "before the winter</a> Inspectors found cracks in two piers.",
        'See also <a href="/c">how the county council plans to pay for the repairs of its '
        "bridges and roads over the next ten years</a>.",
    ]
    body = (f"<p>{LEAD}</p>" + "".join(f"<p>{s}</p>" for s in REST)
            + "".join(f"<p>{r}</p>" for r in related))
    assert imported(page(body)) == [LEAD, *REST]


def test_a_bold_line_opening_a_block_is_a_crosshead_once_the_text_has_begun() -> None:
    # Orange Actualités: « <p><br/><br/><strong>Le maire de Saint-Étienne réclame un classement
    # en tant que catastrophe naturelle </strong><br/><br/>Sur son compte Facebook, … </p> »,
    # its crosshead imported as a paragraph (a bold line after a block's first was one).
    crosshead = "Le maire réclame la réouverture du pont avant l'hiver"
    body = (f"<p>{CHAPEAU}</p><p>{SUITE[0]}</p><p><br/><br/><strong>{crosshead} </strong>"
            f"<br/><br/>{SUITE[1]}<br/><br/></p>" + "".join(f"<p>{s}</p>" for s in SUITE[2:]))
    assert kinds(page(body, title=TITRE, lang="fr")) == [
        ("paragraph", CHAPEAU), ("paragraph", SUITE[0]), ("heading", crosshead),
        *[("paragraph", s) for s in SUITE[1:]]]


def test_a_bold_line_opening_the_text_is_not_a_crosshead() -> None:
    # Before the text's first paragraph, a bold line over the text is the standfirst's (La DH's
    # « … a été tué d'une balle dans la tête » in bold, its text under it); a bold line ending
    # on a dash or a colon is a label or a dateline, not a crosshead.
    opening = "Le conseil communal ferme le vieux pont sur la Meuse"
    body = (f"<p><strong>{opening}</strong><br/><br/>{CHAPEAU}</p><p>{SUITE[0]}</p>"
            f"<p><strong>Le bourgmestre a précisé :</strong><br/>{SUITE[1]}</p>"
            + "".join(f"<p>{s}</p>" for s in SUITE[2:]))
    assert kinds(page(body, title=TITRE, lang="fr")) == [
        ("paragraph", opening), ("paragraph", CHAPEAU), ("paragraph", SUITE[0]),
        ("paragraph", "Le bourgmestre a précisé :"), *[("paragraph", s) for s in SUITE[1:]]]


def test_a_closing_quotation_with_a_short_link_stays() -> None:
    # Vice: the judge found its last paragraph missing (« “There is a direct relationship
    # between increased burning and the growth of deforestation,” Faleiros wrote in the <a>blog
    # post</a>. “Among the 10 municipalities …” », then the page's "Tagged:" links). The
    # importer keeps it, on main as on the commit the set was drafted with: this guards it.
    closing = ("“There is a direct relationship between the closure and the traffic,” the "
               'engineer wrote in the <a href="https://example.org/blog/post-20082">blog '
               "post</a>. “Among the 10 bridges that were inspected in 2019, seven are also on "
               "the list of those with the most traffic.”")
    tags = ('<div class="article-after-body"><ul class="topics"><li>Tagged:</li>'
            '<li><a href="/topic/bridges">bridges</a></li>'
            '<li><a href="/topic/council">council</a></li></ul></div>')
    body = (f"<p>{LEAD}</p>" + "".join(f"<p>{s}</p>" for s in REST) + f"<p>{closing}</p>"
            + tags)
    assert imported(page(body))[-1] == (
        "“There is a direct relationship between the closure and the traffic,” the engineer "
        "wrote in the blog post. “Among the 10 bridges that were inspected in 2019, seven are "
        "also on the list of those with the most traffic.”")
