"""Issue 22, importer: what the judge of the twenty-eighth held-out set found kept as article
text or lost (docs/drafting.md, "Importer, round 32"), each test on a small page modelled on
the real one."""

from __future__ import annotations

from quiz.articles import import_source
from tests.articles.bridge_page import (
    CHAPEAU,
    LEAD,
    REST,
    SUITE,
    TITLE,
    TITRE,
    imported,
    kinds,
    page,
)

VIDEO = ('<div class="ms-embed digiteka-p-m video"><a id="embedAMP_4eac6f"></a>'
         '<div class="pip" data-pip-mode="pvp" id="pvpContainer_4eac6f"></div>'
         '<script type="text/javascript">window.pvp_4eac6f = new Pvp("digiteka", {});</script>'
         "</div>")


def test_bare_text_after_a_video_player_is_a_paragraph() -> None:
    # Orange Actualités: « …<div class="ms-embed … video">…</div>Le défunt, qui avait 46 ans,
    # avait d'abord trouvé du travail comme camionneur… <p>"Il nous faisait… » — bare text
    # after the player, in no <p>, was lost.
    body = (f"<p>{CHAPEAU}</p><p>{SUITE[0]}</p><p></p>{VIDEO}{SUITE[1]}"
            + "".join(f"<p>{s}</p>" for s in SUITE[2:]))
    assert imported(page(body, lang="fr", title="Le vieux pont fermé pour travaux")) == [
        CHAPEAU, *SUITE]


def test_bare_text_opening_the_article_is_a_paragraph() -> None:
    body = f"{LEAD}<p>{REST[0]}</p>{VIDEO}" + "".join(f"<p>{s}</p>" for s in REST[1:])
    assert imported(page(body)) == [LEAD, *REST]


def test_a_bare_line_between_blocks_is_no_paragraph() -> None:
    # Moneycontrol: « <em><strong>Follow our full coverage of the coronavirus pandemic
    # </strong></em><strong><em><a href="…">here</a>.</em></strong> » after the text; Hindustan
    # Times' dateline in <span>s, "india Updated: Apr 26, 2020 21:43 IST": no sentence of
    # the article.
    body = ("<span>local</span> <span>Updated: May 9, 2023 21:43 IST</span>"
            + "".join(f"<p>{s}</p>" for s in [LEAD, *REST])
            + "<em><strong>Follow our full coverage of the works </strong></em>"
              '<strong><em><a href="/bridge-live">here</a>.</em></strong>')
    assert imported(page(body)) == [LEAD, *REST]


def _columns_page(post_class: str = "post-1 post type-post status-publish hentry") -> bytes:
    """Kaieteur News' page: no <article>, the menu a <div class="mainmenu">, the post in a
    column beside the site's other columns (teasers, the letters policy)."""
    teasers = "".join(
        f"<li><p><strong>Peeping Tom</strong> – The only mayor since the war to have possessed "
        f"a degree in history was number {n}. <a href='/col{n}'>more</a></p></li>"
        for n in range(3))
    return (
        f"<!doctype html><html lang='en'><head><title>{TITLE}</title>"
        "<meta property='article:published_time' content='2023-05-09'></head><body>"
        "<header><p class='date'><span>Latest update May 9th, 2023 12:49 AM</span></p>"
        "<div class='mainmenu'><ul><li><a href='/'>Home</a></li><li><a href='/ads'>Advertise"
        "</a></li><li><a href='/contact'>Contact Information</a></li></ul></div></header>"
        "<section id='contents'><div class='sidebar_content'>"
        f"<div class='{post_class}' id='post-1'><h2 class='entry-title'>{TITLE}</h2>"
        "<p class='post-meta'><span class='date'>May 09, 2023</span> "
        "<span class='meta-cat'><a href='/category/news/'>News</a></span></p>"
        + "".join(f"<p>{s}</p>" for s in [LEAD, *REST]) + "</div></div>"
        "<div class='sidebar_center'><p>May 09, 2023</p><div class='gxsection'><ul>"
        f"{teasers}</ul></div><div class='widget widget_text'><div class='textwidget'>"
        "<p>Freedom of speech is our core value at the Chronicle. If the letter you sent was "
        "not published, and you believe that its contents were not libellous, let us know, "
        "please contact us by phone or email.</p><p>Feel free to send us your comments and/or "
        "criticisms.</p><p>Contact: 624-6456; 225-8452; 225-8458 or 225-8491.</p>"
        "</div></div></div></section></body></html>").encode()


def test_a_post_beside_the_sites_columns_comes_alone() -> None:
    # Kaieteur News: trafilatura took the menu <div class="mainmenu"> for the body, found too
    # little in it and read the whole page: the header's "Latest update …", the next column's
    # teasers and letters policy came with the article.
    assert imported(_columns_page()) == [LEAD, *REST]


def test_without_a_post_element_the_page_is_read_as_before() -> None:
    # No hAtom post: the rule does not apply (what trafilatura reads is left to it).
    blocks = imported(_columns_page(post_class="story"))
    assert blocks[blocks.index(LEAD):blocks.index(LEAD) + len(REST) + 1] == [LEAD, *REST]


def _credit(html: bytes) -> str | None:
    return import_source(html, "page.html").quiz.credit


def test_a_byline_opening_the_first_paragraph_is_the_credit() -> None:
    # Breaking Belize News: « <p>Posted: Thursday, April 21, 2022. 10:11 pm CST.</p><p><strong>
    # By Aaron Humes:</strong> The Americas cannot ignore… » under the markup's author, the
    # site's account "BBNTEAM": the byline stayed in the text, the account was the credit.
    head = '<meta name="author" content="BBNTEAM">'
    body = ("<p>Posted: Tuesday, May 9, 2023. 10:11 pm CST.</p>"
            f"<p><strong>By Aaron Humes:</strong> {LEAD}</p>"
            + "".join(f"<p>{s}</p>" for s in REST))
    html = page(body, head=head)
    assert imported(html)[:2] == [LEAD, REST[0]]
    assert _credit(html) == "Aaron Humes"


def test_a_name_opening_a_sentence_is_no_byline() -> None:
    # "By" and a name, then a sentence's words with no separator: no byline.
    head = '<meta name="author" content="Jane Doe">'
    first = ("By Tuesday Morning the county council had voted to close the old bridge over "
             "the river for repairs.")
    html = page("".join(f"<p>{s}</p>" for s in [first, *REST]), head=head)
    assert imported(html)[0] == first
    assert _credit(html) == "Jane Doe"


def _footer(maker: str) -> str:
    return ("<footer><div class='copy'>© 2003-2023 The Chronicle</div><div class='md'>"
            "<div><a href='https://meritdesigns.com/en/services/web-design/'>Web design</a> by:"
            "</div><div><a href='https://meritdesigns.com/en/'><img src='/md-logo.gif' "
            f"alt='{maker}'></a></div></div></footer>")


def test_the_sites_web_designer_is_no_credit() -> None:
    # Dominican Today: <meta name="author" content="Merit Designs Consulting Group, 2006-2020">,
    # the firm its footer credits, "Web design by:" over its logo: no author of the article.
    head = '<meta name="author" content="Merit Designs Consulting Group, 2006-2020">'
    html = page("".join(f"<p>{s}</p>" for s in [LEAD, *REST]), head=head)
    html = html.replace(b"</body>", _footer("Merit Designs Consulting Group").encode()
                        + b"</body>")
    assert _credit(html) is None


def test_a_writer_is_a_credit_whoever_made_the_site() -> None:
    head = '<meta name="author" content="Jane Doe">'
    html = page("".join(f"<p>{s}</p>" for s in [LEAD, *REST]), head=head)
    html = html.replace(b"</body>", _footer("Merit Designs Consulting Group").encode()
                        + b"</body>")
    assert _credit(html) == "Jane Doe"


def test_a_site_address_heading_and_a_lone_release_label_go() -> None:
    # The St Kitts Nevis Observer, over the Governor's statement it reprints: « <h2>BVINEWS.COM
    # </h2><h3>Statement from the Office of the Governor</h3><p>Release Date:</p> » (its date
    # line dropped).
    statement = "Statement from the Office of the Governor"
    body = ("".join(f"<p>{s}</p>" for s in [LEAD, *REST[:3]])
            + f"<h2>BVINEWS.COM</h2><h3>{statement}</h3><p>Release Date:</p>"
            + "".join(f"<p>{s}</p>" for s in REST[3:]))
    assert kinds(page(body)) == [
        *[("paragraph", s) for s in [LEAD, *REST[:3]]], ("heading", statement),
        *[("paragraph", s) for s in REST[3:]]]


def test_the_writers_addresses_closing_the_text_go() -> None:
    # The Houston Chronicle: "paul.takahashi@chron.com twitter.com/paultakahashi".
    body = "".join(f"<p>{s}</p>" for s in [LEAD, *REST]) + (
        "<p>jane.doe@chronicle.com twitter.com/janedoe</p>")
    assert imported(page(body)) == [LEAD, *REST]


def test_a_sentence_with_an_address_stays() -> None:
    sentence = ("Residents can write to bridge@county.gov.uk or see county.gov.uk/bridge for "
                "the timetable of the replacement buses.")
    body = "".join(f"<p>{s}</p>" for s in [LEAD, *REST, sentence])
    assert imported(page(body)) == [LEAD, *REST, sentence]


def test_an_advert_in_look_alike_letters_goes() -> None:
    # Breaking Belize News: "Аdvеrtіѕе wіth thе most visited news site in Веlіzе ~ Wе оffеr
    # fullу сuѕtоmіzаblе аnd flехіblе dіgіtаl mаrkеtіng расkаgеѕ…", Cyrillic а, е, і, ѕ, о, у,
    # с, х, р, В inside Latin words.
    advert = ("Аdvеrtіѕе wіth thе most visited news site in the county ~ Wе оffеr fullу "
              "сuѕtоmіzаblе аnd flехіblе dіgіtаl mаrkеtіng расkаgеѕ. Contact "
              "marketing@chronicle.com")
    body = "".join(f"<p>{s}</p>" for s in [LEAD, *REST, advert])
    assert imported(page(body)) == [LEAD, *REST]


def test_a_cyrillic_name_in_a_sentence_stays() -> None:
    sentence = ("The mayor of the twin town, Олег Петров, said the bridge had been built by "
                "the same engineers as theirs in 1911.")
    body = "".join(f"<p>{s}</p>" for s in [LEAD, *REST, sentence])
    assert imported(page(body)) == [LEAD, *REST, sentence]


def test_a_bold_question_between_line_breaks_is_a_crosshead() -> None:
    # Orange Actualités: « …mardi matin.<br/><br/><strong>Daniel Cohn-Bendit tête de liste aux
    # européennes ?</strong><br/><br/>"Il représente… » — a paragraph, while the page's other
    # bold line, « Pascal Canfin écarté pour ses prises de position », was a heading.
    question = "Le pont rouvrira-t-il avant l'hiver ?"
    body = (f"<p>{CHAPEAU}</p><p>{SUITE[0]}<br/><br/><strong>{question}</strong><br/><br/>"
            f"{SUITE[1]}</p>" + "".join(f"<p>{s}</p>" for s in SUITE[2:]))
    assert kinds(page(body, title=TITRE, lang="fr")) == [
        ("paragraph", CHAPEAU), ("paragraph", SUITE[0]), ("heading", question),
        *[("paragraph", s) for s in SUITE[1:]]]


def test_a_bold_question_in_quotation_marks_stays_a_paragraph() -> None:
    question = "« Le pont rouvrira-t-il avant l'hiver ? »"
    body = (f"<p>{CHAPEAU}</p><p>{SUITE[0]}<br/><br/><strong>{question}</strong><br/><br/>"
            f"{SUITE[1]}</p>" + "".join(f"<p>{s}</p>" for s in SUITE[2:]))
    assert ("heading", question) not in kinds(page(body, title=TITRE, lang="fr"))
