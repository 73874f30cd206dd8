"""Read an article out of HTML (trafilatura), Markdown or plain text."""

from __future__ import annotations

import copy
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..questionfile.messages import N_, NP_, Message
from .errors import ArticleError

# Less than this is a teaser, a paywall or a page that is not an article.
MIN_ARTICLE_CHARACTERS = 200
# Fewer words than this: the teacher is told the page may give a summary or stop at a paywall
# (DW's audio page gave 59 words, Cayman Compass's page 114 before its pay barrier).
SHORT_ARTICLE_WORDS = 150
# A pay barrier in the page's markup (Cayman Compass: <div id="s-pay-barrier">) with fewer words
# than this imported: the article stops there. (Full pages carry "paywall" in buttons, in the
# body's classes and in names such as "paywall__comments": not these.)
BARRIER_ARTICLE_WORDS = 600
_PAY_BARRIER = re.compile(
    rb"<(?:div|section|aside|article)\b[^>]*\b(?:id|class)\s*=\s*[\"'](?:[^\"']*\s)?"
    rb"(?:[a-z]+-)?(?:pay-?barrier|pay-?wall|paywall-(?:barrier|container|block|modal)|"
    rb"subscriber-only|premium-barrier|regwall|article-locked)[\"'\s]", re.IGNORECASE)
MIN_PARAGRAPH_CHARACTERS = 2
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line: runs of white space (line breaks included) become one space."""
    return _SPACES.sub(" ", text).strip()


@dataclass
class Article:
    """An article read from a page: its text in blocks, and what the page says about it."""

    title: str
    blocks: list[tuple[str, str]]  # ("paragraph" | "heading", text on one line)
    date: str | None = None  # YYYY-MM-DD or YYYY-MM
    site: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None  # as the page declares it (<html lang>), if it does
    warnings: list[Message] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(text for _kind, text in self.blocks)


def _no_article_text() -> ArticleError:
    return ArticleError.of(N_("no article text was found in this page"),
                           N_("check that it is the page of one article (not a home page, a "
                              "video or a page behind a paywall); you can also paste its text"))


def _check_length(article: Article, *, given_as_text: bool = False) -> Article:
    """The article as it is, or ArticleError when it has too little text to be one: for a page,
    no article was found in it; for a text given as such (pasted, .txt, .md), it is too short."""
    paragraphs = [text for kind, text in article.blocks if kind == "paragraph"]
    if sum(len(text) for text in paragraphs) < MIN_ARTICLE_CHARACTERS:
        if not given_as_text:
            raise _no_article_text()
        raise ArticleError(
            NP_("the text is too short to make a quiz from (%(count)s word after its title)",
                "the text is too short to make a quiz from (%(count)s words after its title)",
                _words(article)),
            Message(N_("give the whole article, %(minimum)s characters at least: its title "
                       "on the first line, then its paragraphs, separated by blank lines"),
                    {"minimum": MIN_ARTICLE_CHARACTERS}))
    return article


def _words(article: Article) -> int:
    """How many words the article's paragraphs hold (not its title, nor its subheadings)."""
    return sum(len(text.split()) for kind, text in article.blocks if kind == "paragraph")


# -- HTML ---------------------------------------------------------------------------------------

def article_from_html(html: bytes | str, url: str | None = None) -> Article:
    """The main text of a news page, without navigation, ads, captions or footers.

    trafilatura finds the article; what news sites put inside it that is not the article is
    then taken out (`boilerplate`): boxes known by their markup first (embedded posts,
    newsletter, donation and helpline boxes, bylines, credits, statistic boxes), then blocks
    whose text is mostly links (promotions, « À lire aussi », menus) or reads as one of those
    boxes. A heading before the first paragraph is the standfirst: it is kept as a paragraph.
    The date is the one the page's markup gives (never a copyright year or a date read in the
    text). Raises ArticleError when the page holds no article text.
    """
    import trafilatura  # loaded on first use: the rest of the app does not need it
    from lxml import etree

    from . import boilerplate

    if not html.strip():
        raise ArticleError.of(N_("the page is empty"),
                              N_("save the whole page (HTML) and try again"))
    html = _as_browsers_read_latin_1(html)
    if not _DOCUMENT.search(html if isinstance(html, str) else html.decode("latin-1")):
        # A piece of a page (the article's <div> copied from a site or a CMS): trafilatura
        # finds no text outside a document's <body>. (Bytes stay bytes: trafilatura reads
        # their encoding.)
        html = f"<html><body>{html}</body></html>" if isinstance(html, str) else \
            b"<html><body>" + html + b"</body></html>"
    def extract(page: Any, favor_recall: bool = False) -> str | None:
        return trafilatura.extract(page, url=url, output_format="xml", with_metadata=True,
                                   include_comments=False, include_tables=False,
                                   include_images=False, include_links=False,
                                   deduplicate=False, prune_xpath=boilerplate.PRUNE_XPATH,
                                   date_extraction_params=boilerplate.DATE_PARAMETERS,
                                   favor_recall=favor_recall)

    # The page is parsed once for trafilatura: its body's parts are looked for in that tree (and
    # made one in a copy), then its bold lines are marked in it (trafilatura copies a tree it
    # is given, and reads it as it would have read the page).
    try:
        tree = trafilatura.load_html(html)
    except (ValueError, TypeError):
        tree = None
    chunks = _article_chunks(tree)
    agreed = boilerplate.agreed_headline(tree)  # (read before its bold lines are marked)
    if chunks.joined is None:
        alone = _post_alone(tree)
        tree = alone if alone is not None else tree
    read: Any = html  # what the extraction kept was read from
    try:
        if tree is not None:
            _prepare(tree)
            read = tree
        xml = extract(read)
        if chunks.joined is not None:
            _prepare(chunks.joined)
            # The parts made one, when that reads all the text read before and more (Engadget's
            # review, in parts, lost its "Pros" and "Cons" that way: read as it was).
            joined = extract(chunks.joined)
            if joined and _holds_all(joined, xml):
                xml = joined
            else:
                chunks = _Chunks()
    except etree.XMLSyntaxError:
        # An element of another vocabulary in the page (Le Soir's CMS writes <cci:p>):
        # trafilatura copies its name into the XML it writes and cannot read it back. Read
        # the page again with the prefixes taken off the element names (<cci:p> is a <p>).
        try:
            read = _without_prefixes(html)
            xml = extract(read)
        except etree.XMLSyntaxError:
            raise _no_article_text() from None
    if not xml:
        raise _no_article_text()
    root = etree.fromstring(xml.encode("utf-8"))
    block = _one_block(root) if chunks.joined is None else ""
    if block:
        # (thirty-seventh set) trafilatura found no paragraphs and fell back on a container's
        # whole text, one block with the headline, byline and photo credits in it (People's
        # pages): read again favouring recall, it finds the paragraphs.
        try:
            recalled = extract(read, favor_recall=True)
            again = etree.fromstring(recalled.encode("utf-8")) if recalled else None
        except etree.XMLSyntaxError:
            again = None  # the block stays
        if again is not None and _parts_of(again, block):
            root = again
    for name in ("title", "author", "sitename"):  # (read from the page's marked lines too)
        for mark in (_BOLD_LINE, _PICTURE):
            if mark in (root.get(name) or ""):
                root.set(name, root.get(name).replace(mark, " "))
    site = boilerplate.site_named(clean(root.get("sitename") or "") or None,
                                 boilerplate.document_title(html))
    publisher = boilerplate.publishers(html, site)
    title = boilerplate.without_site_name(clean(root.get("title") or ""), site, publisher)
    if boilerplate.is_furniture_title(title, site):  # the logo, a newsletter: the <title>
        instead = boilerplate.without_site_name(clean(boilerplate.document_title(html)), site)
        if instead and not boilerplate.is_furniture_title(instead, site):
            title = instead
    title = boilerplate.without_media_note(title)
    site = boilerplate.site_without_tagline(site)
    headings = boilerplate.headlines(html)
    if title.endswith(":"):
        # A meta title cut at an inner quotation mark (L'Avenir's og:title « Tia Hellebaut
        # arrête sa carrière : "je n'ai plus… », its quotes unescaped): the page's <h1> that
        # goes on from it.
        cut = boilerplate.words_of(title)
        title = next((clean(h) for h in headings if len(boilerplate.words_of(h)) > len(cut)
                      and boilerplate.words_of(h).startswith(cut)), title)
    if agreed is not None and boilerplate.words_of(agreed) != boilerplate.words_of(title):
        # The page's <h1> that its JSON-LD headline says again, over a meta title of other
        # words (The Points Guy's og:title).
        title = agreed
    blocks: list[tuple[str, str]] = []
    main = root.find("main")
    if main is not None:
        _loose_text_as_paragraphs(main)
    summary = _summary_items(main) if main is not None else set()
    items: set[str] = set()  # the lines of the text's lists (never joined to their neighbours)
    for element in (main.iter("head", "p", "item", "quote") if main is not None else []):
        if element.tag in ("p", "quote") and element.getparent() is not None and \
                element.getparent().tag in ("item", "quote"):
            continue  # its text is taken with its parent
        if element in summary or any(e in summary for e in element.iter("item")):
            continue  # (TF1 Info writes its summary's list inside a heading)
        paragraphs = _between_line_breaks(element)
        if element.tag == "item":
            items.update(paragraphs)
        # The block is judged whole (boilerplate, a live blog's timed entries), as the page
        # shows it; its paragraphs are parted once it is kept (a sentence of a long paragraph
        # is never judged alone, as a short block would be).
        # (A block that is one crosshead, a bold line trafilatura set apart, is a heading:
        # never judged as a paragraph, a pull quote that a paragraph says again.)
        heading = element.tag == "head" or (element.tag == "p" and len(paragraphs) == 1
                                            and paragraphs[0].startswith(_HEADING))
        text = " ".join(p.lstrip(_HEADING) for p in paragraphs) if heading \
            else "\n".join(paragraphs)
        if element.tag == "quote" and paragraphs and blocks and blocks[-1][0] == "paragraph" \
                and blocks[-1][1].rstrip().endswith(":"):
            blocks[-1] = ("paragraph", _quoted(blocks[-1][1], paragraphs))
            continue
        if len(text) >= MIN_PARAGRAPH_CHARACTERS:
            blocks.append(("heading" if heading else "paragraph", text))
    pictures = boilerplate.captions(html)
    blocks = [(kind, text) for kind, text in blocks
              if clean(text) not in pictures]
    author = boilerplate.without_publisher(clean(root.get("author") or ""), html, site)
    if not author or boilerplate.words_of(author) in publisher:  # none, or the site's address
        author = boilerplate.byline_after_headline(html) or author
    # A block that is only a date and a time (Le Soir's « vendredi 11 mai 2012, 17:25 » over
    # its standfirst) goes with the boilerplate; its date is the article's when the page's
    # markup gives none.
    written = next((date for _kind, text in blocks if (date := boilerplate.written_date(text))),
                   None)
    # So does a block that is a credit and the time of publication (Orange Actualités' «
    # 6Medias, publié le samedi 09 mai 2020 à 19h30 » over each article): its date dates the
    # article as that one's does, and its credit is the article's when the page names none.
    line = next((found for _kind, text in blocks
                 if (found := boilerplate.publication_line(text))), None)
    if line is not None:
        written = written or line[1] or None  # ("": a date whose day cannot be told)
        author = author or line[0]
    # A byline glued to the text's first paragraph names its writer: the credit, over the
    # markup's when that is another name (Breaking Belize News' "By Aaron Humes:" over its
    # account "BBNTEAM").
    glued = boilerplate.glued_byline(blocks)
    if glued and not (author and boilerplate.words_of(glued) in boilerplate.words_of(author)):
        author = glued
    # A copyright line that names an agency (ESPN's "Copyright 2010 by The Associated Press"
    # closing the text): the agency is the credit, when the page names no writer.
    author = author or boilerplate.copyright_agency(blocks)
    blocks = boilerplate.article_blocks(blocks, boilerplate.link_texts(html), author)
    # A short paragraph all in bold after the text's first is a crosshead (La DH's « Trois-mâts
    # en perdition », L'Avenir's « Le garçon avait-il prémédité son geste ? »): a heading; and
    # what it left closing the text leads to nothing (a newsletter's "Elsewhere!").
    crossheads = boilerplate.bold_paragraphs(html)
    first = next((i for i, (kind, _t) in enumerate(blocks) if kind == "paragraph"), len(blocks))
    blocks = boilerplate.without_empty_ends([
        ("heading" if i > first and kind == "paragraph" and clean(text) in crossheads
         else kind, text) for i, (kind, text) in enumerate(blocks)])
    headlines = {boilerplate.words_of(title)} | {
        boilerplate.words_of(text) for text in headings}
    while blocks and boilerplate.words_of(blocks[0][1]) in headlines:
        # The title again as the text's first block, or the page's <h1> when the title is
        # another (20 Minutes: « VIDEO. France-Italie: Les Bleus s'ambiancent… » over the
        # text, its <title> « France - Italie : résultat match amical »).
        blocks = blocks[1:]
    if len(blocks) > 2 and boilerplate.words_of(blocks[1][1]) in headlines and \
            len(blocks[0][1].split()) <= KICKER_WORDS and not _SENTENCE_END.search(blocks[0][1]):
        # A kicker over the headline, and the headline again (The Daily Beast's « <h3
        # class="section">Sister Act</h3><div class="publish-date-time">…</div><h1>The
        # Vatican's Rare Nod to American Nuns</h1> »: its date between them, the label before
        # the <h1> was not pruned): both go.
        blocks = blocks[2:]
    if blocks and blocks[0][0] == "paragraph" and title and \
            blocks[0][1].startswith(title + " ") and \
            _SENTENCE_START.match(blocks[0][1][len(title) + 1:]):
        # The title glued to the text's first paragraph (Orange Actualités' « <p><strong>
        # Calvados : un nageur survit grâce à un improbable sauvetage Selon les informations de
        # Liberté Caen, … </strong> », the title and the standfirst in one bold line): cut.
        blocks[0] = ("paragraph", blocks[0][1][len(title) + 1:])
    if len(blocks) > 2 and blocks[0][0] == "paragraph" and \
            (alone := boilerplate.written_date(blocks[0][1], with_time=False)) is not None:
        # A date alone opening the text (One America News' « <p>January 18, 2020</p> » under
        # the picture): the page's dateline, as a date and a time is; its date is the
        # article's when the markup gives none. (Further in, a date alone may be a timeline's
        # heading, and stays.)
        written = written or alone or None  # ("": a date whose day cannot be told)
        blocks = blocks[1:]
    blocks = boilerplate.without_repeated_standfirst(blocks)  # (after the title's repeats)
    entries = boilerplate.timed_entries(blocks)
    if entries >= boilerplate.LIVE_BLOG_ENTRIES:
        raise ArticleError.of(N_("this page is a live blog, %(entries)s entries at different "
                                 "times, most on other subjects; questions drafted from it "
                                 "would mix them up"),
                              N_("paste the text of the entry you want, or import the page of "
                                 "its own article"),
                              entries=str(entries))
    blocks = _rejoined(_parted(blocks), items)
    blocks = boilerplate.without_repeated_opening(blocks)
    blocks = boilerplate.without_embed_lead_ins(blocks, boilerplate.embed_lead_ins(html))
    blocks = boilerplate.without_labels_over_text(blocks)
    blocks = boilerplate.without_closing_offer(blocks)
    blocks = boilerplate.without_closing_notes(blocks)
    signature = boilerplate.closing_signature(blocks, html)
    if signature:  # the writer's name closing the text: the credit, when the page names none
        blocks = blocks[:-1]
        author = author or signature
    # A wire's address as the byline (East Bay Times' "By CNN.com"): the credit, when the page
    # names no writer.
    author = author or boilerplate.wire_address(html, publisher)
    dek = boilerplate.dek_under_headline(html, title)
    if dek and blocks and not any(boilerplate.words_of(dek) in boilerplate.words_of(text)
                                  for _kind, text in blocks):
        # The standfirst under the headline, left out with the page's header (Scientific
        # American's <p id="articleDek">): the text's first paragraph, as a standfirst is.
        blocks = [("paragraph", dek), *blocks]
    address = root.get("url") or url
    date, from_address = _date_with_address(_date(root.get("date")) or written, address)
    article = Article(title=title, blocks=blocks, date=date, site=site, author=author,
                      url=address, language=_declared_language(html))
    if from_address:
        article.warnings.append(Message(N_("the date (%(date)s) was taken from the page's "
                                           "address, which gives its month but not its day; "
                                           "check the “Date:” line"), {"date": date}))
    if not article.title and blocks:
        article.title = blocks[0][1][:120]
        article.warnings.append(Message(N_("the page has no title: the beginning of the text was "
                                             "used")))
    _check_length(article)
    words = _words(article)
    raw = html.encode("utf-8", "ignore") if isinstance(html, str) else html
    if words < BARRIER_ARTICLE_WORDS and _PAY_BARRIER.search(raw) and \
            not _barriers_hold_text(html, [text for kind, text in blocks if kind == "paragraph"]):
        article.warnings.append(Message(N_("the article seems to stop at the site's pay barrier "
                                           "(%(words)s words imported); check it against the "
                                           "page, or paste the whole text"),
                                        {"words": str(words)}))
    elif chunks.left_out_words >= LEFT_OUT_WORDS and words < chunks.words * LEFT_OUT_SHARE:
        article.warnings.append(Message(N_("the page's article seems to be in several parts, "
                                           "and only %(words)s of its about %(total)s words "
                                           "were imported; check it against the page, or "
                                           "paste the whole text"),
                                        {"words": str(words), "total": str(chunks.words)}))
    elif words < SHORT_ARTICLE_WORDS:
        article.warnings.append(Message(N_("only %(words)s words of article text were found; "
                                           "the page may give a summary, or the rest may be "
                                           "behind a paywall; check it against the page"),
                                        {"words": str(words)}))
    return article


LOOSE_SENTENCE_WORDS = 12  # in text that trafilatura keeps between the text's blocks
_SENTENCE_ENDS = (".", "!", "?", "»", '"', "\u201d", "…")


def _loose_text_as_paragraphs(main: Any) -> None:
    """Text that trafilatura keeps between the text's blocks but in none of them — the page
    wrote it bare after an advert's or a video's <div> (Orange Actualités' « Le défunt, qui
    avait 46 ans… » after its video player), and trafilatura left it as the tail of the block
    before — made a paragraph of its own, as the page shows it. (The blocks are read by their
    elements, and a tail belongs to none: it was lost.) Only a sentence's text is a paragraph:
    it ends as a sentence does and has ``LOOSE_SENTENCE_WORDS`` words at least (a line in bold
    after the text, Moneycontrol's "Follow our full coverage of the coronavirus pandemic
    here.", or a dateline in <span>s, Hindustan Times' "india Updated: Apr 26, 2020 21:43
    IST", is none)."""
    from lxml import etree

    def sentence(text: str | None) -> bool:
        text = clean(text or "")
        return len(text.split()) >= LOOSE_SENTENCE_WORDS and text.endswith(_SENTENCE_ENDS)

    if sentence(main.text):
        loose = etree.Element("p")
        loose.text, main.text = main.text, None
        main.insert(0, loose)
    for child in list(main):
        if sentence(child.tail):
            loose = etree.Element("p")
            loose.text, child.tail = child.tail, None
            child.addnext(loose)


SUMMARY_SHARE = 0.75  # of an item's words that one or two paragraphs of the text say again
SUMMARY_ITEM_WORDS = 5  # of four letters or more, in an item of a summary


def _summary_items(main: Any) -> set[Any]:
    """The items of a list that opens the text, before its first paragraph, that the text says
    again, one or two paragraphs holding three quarters of their words: the summary in bullet
    points over the article (the Daily Mail's "A source close to Foster, 70, and McPhee, 36,
    said they want …", which its fourth paragraph tells). An item the text does not say again
    stays."""
    leading: list[Any] = []
    for element in main.iter("p", "list"):
        if element.tag == "p" and not any(a.tag == "list" for a in element.iterancestors()):
            break
        if element.tag == "list" and not any(a.tag == "list" for a in element.iterancestors()):
            leading.append(element)
    items = [item for lst in leading for item in lst.iter("item")]
    if not items:
        return set()

    def words(element: Any) -> list[str]:
        return re.findall(r"[^\W\d_]{4,}", "".join(element.itertext()).casefold())

    paragraphs = [set(words(p)) for p in main.iter("p")
                  if not any(a.tag == "list" for a in p.iterancestors())]
    windows = [a | b for a, b in zip(paragraphs, [*paragraphs[1:], set()], strict=False)]

    def said_again(item: Any) -> bool:
        these = words(item)
        # (A list of things, "Cloche", "Moss", "Tweezers", is no summary: sentences are.)
        return len(these) >= SUMMARY_ITEM_WORDS and any(
            sum(w in window for w in these) >= SUMMARY_SHARE * len(these) for window in windows)

    return {item for item in items if said_again(item)}


ONE_BLOCK_WORDS = 150  # an extraction of one block this long is trafilatura's fallback


def _blocks(root: Any) -> list[str]:
    """The text of each block (paragraph, heading, list item) of an extraction's tree."""
    return [clean("".join(e.itertext())) for e in root.iter("p", "head", "item")]


def _one_block(root: Any) -> str:
    """The text of an extraction that is a single long block (a page's text read whole), or
    ""."""
    blocks = _blocks(root)
    return blocks[0] if len(blocks) == 1 and len(blocks[0].split()) >= ONE_BLOCK_WORDS else ""


def _parts_of(root: Any, block: str) -> bool:
    """Whether the extraction ``root`` parts the one ``block`` into paragraphs: three or
    more, whose words are nearly all the block's (half of them at least: the block held the
    headline, the byline and the captions too)."""
    parts, whole = _blocks(root), block.split()
    words = [word for part in parts for word in part.split()]
    known = set(whole)
    return len(parts) >= 3 and sum(word in known for word in words) >= 0.9 * len(words) and \
        len(words) >= 0.5 * len(whole)


def _holds_all(xml: str, before: str | None) -> bool:
    """Whether the extraction ``xml`` holds each paragraph of the extraction ``before``, and
    more text."""
    from lxml import etree

    if not before:
        return True
    old, new = (_blocks(etree.fromstring(text.encode("utf-8"))) for text in (before, xml))
    kept = set(new)
    return all(p in kept for p in old if p) and \
        sum(map(len, new)) > sum(map(len, old))


def _barriers_hold_text(html: bytes | str, paragraphs: list[str]) -> bool:
    """Whether the elements of the page named as a pay barrier wrap the article instead of
    stopping it: one holds the imported text's last paragraph (Rolling Stone's whole text is in
    a `<div class="pmc-paywall">`), and the others hold no text at all (its `<div
    id="cx-paywall">`, an empty place for a script's box)."""
    import trafilatura

    if not paragraphs:
        return False
    try:
        tree = trafilatura.load_html(html)
    except (ValueError, TypeError):
        return False
    if tree is None:
        return False
    last = clean(paragraphs[-1])[:80]
    barriers = [element for element in tree.iter("div", "section", "aside", "article")
                if _PAY_BARRIER.match(_element_start(element))]
    texts = [clean(element.text_content()) for element in barriers]
    return any(last in text for text in texts) and all(last in text or not text
                                                       for text in texts)


def _element_start(element: Any) -> bytes:
    """The element's start tag, written as the page gives it (its id and class), for
    _PAY_BARRIER."""
    attributes = "".join(f' {name}="{element.get(name)}"' for name in ("id", "class")
                         if element.get(name) is not None)
    return f"<{element.tag}{attributes}>".encode("utf-8", "ignore")


# The text of an article's body in several parts, not all of them imported: at least this many
# words left out, and the import under this share of the parts' words.
LEFT_OUT_WORDS = 150
LEFT_OUT_SHARE = 0.75
# A part of the body holds this many paragraphs and words at least.
PART_PARAGRAPHS = 2
PART_WORDS = 60


@dataclass
class _Chunks:
    """The parts of the article's body a page writes (trafilatura's first choice of main
    element, when several elements match it), and the page with them made one."""

    joined: Any = None  # the page's tree with its parts made one, or None (left as it is)
    words: int = 0  # in the paragraphs of all the parts
    left_out_words: int = 0  # in the parts after the first, when they were not made one


def _article_chunks(tree: Any) -> _Chunks:
    """The New Yorker writes its article's body in about ten parts, each a `<div
    class="body__container article__body">` between adverts: trafilatura takes the first
    element its expression for a body finds, and kept a third of the text (its issues 85, 234,
    304). Parts of one article (the same element and class, within the same `<article>`, none
    inside another) are made one — in a copy of the page's ``tree``, the later parts' content
    moved into the first — so that trafilatura reads them all. Parts it cannot safely make one
    are counted, for a warning."""
    from trafilatura.xpaths import BODY_XPATH

    if tree is None:
        return _Chunks()
    try:
        first = next(iter(BODY_XPATH[0](tree)), None)
    except (ValueError, TypeError):
        return _Chunks()
    if first is None or not first.get("class"):
        return _Chunks()

    def words(element: Any) -> int:
        return sum(len(p.text_content().split()) for p in element.iter("p"))

    # The parts: the elements of the same name and class as the first (others the expression
    # finds are no parts: The New Yorker's "body body__inline-barrier article__body", a sign-up
    # box between two parts), each some paragraphs of text (not an author's note or a teaser of
    # another story that a site marks with the same class: GaijinPot's "text-left").
    found = [e for e in tree.iter(first.tag) if e.get("class") == first.get("class")
             and (e is first or _holds_text(e))]
    found = [e for e in found if not any(a in found for a in e.iterancestors())]
    if len(found) < 2:
        return _Chunks()
    counts = [words(element) for element in found]
    articles = {next(element.iterancestors("article"), None) for element in found}
    if len(articles) == 1 and None not in articles:
        joined = copy.deepcopy(tree)
        paths = [tree.getroottree().getpath(element) for element in found]
        parts = [joined.getroottree().xpath(path)[0] for path in paths]
        for element in parts[1:]:
            for child in list(element):
                parts[0].append(child)
            element.getparent().remove(element)
        return _Chunks(joined=joined, words=sum(counts))
    return _Chunks(words=sum(counts), left_out_words=sum(counts[1:]))


def _holds_text(element: Any) -> bool:
    """Whether the element holds paragraphs of text (a part of an article's body may)."""
    paragraphs = list(element.iter("p"))
    return len(paragraphs) >= PART_PARAGRAPHS and \
        sum(len(p.text_content().split()) for p in paragraphs) >= PART_WORDS


# The post's element in hAtom's microformat (WordPress writes <div class="post-739562 post
# type-post … hentry">).
_POST = '//*[contains(concat(" ", normalize-space(@class), " "), " hentry ")]'


def _post_alone(tree: Any) -> Any:
    """A copy of the page with the one post it marks (``_POST``) alone in its body, when
    trafilatura's expressions for a body find no element that holds text; else None.

    Kaieteur News' menu is a `<div class="mainmenu">`, which trafilatura's last expression
    takes for the article's body (its class starts with "main"), then a teaser's box: both hold
    too little, and trafilatura reads the page's text from anywhere in it (its own fallback) —
    the header's "Latest update May 6th, 2022 12:49 AM", the next column's teasers, the letters
    policy and its phone list came with the article. The post holds all of the article."""
    from trafilatura.xpaths import BODY_XPATH

    if tree is None:
        return None
    posts = tree.xpath(_POST)
    if len(posts) != 1 or not _holds_text(posts[0]):
        return None
    for expression in BODY_XPATH:
        if any(_holds_text(found) for found in expression(tree)):
            return None
    alone = copy.deepcopy(tree)
    post = alone.getroottree().xpath(tree.getroottree().getpath(posts[0]))[0]
    for element in [post, *post.iterancestors()]:
        parent = element.getparent()
        if parent is None or element.tag == "body":
            break
        for sibling in list(parent):
            if sibling is not element:
                parent.remove(sibling)
        parent.text = None
        element.tail = None
    return alone


# A whole document, not a piece of one.
_DOCUMENT = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_PREFIXED_TAG = re.compile(r"<(/?)[A-Za-z][\w.-]*:([A-Za-z][\w.-]*)")


def _without_prefixes(html: bytes | str) -> bytes | str:
    """The page with each element's name without its namespace prefix: <cci:p> → <p>."""
    if isinstance(html, str):
        return _PREFIXED_TAG.sub(r"<\1\2", html)
    return re.sub(_PREFIXED_TAG.pattern.encode(), rb"<\1\2", html)

# Where a line break was (a character no XML text holds), a sentence's end before it and a
# sentence's start after it.
_LINE_BREAK = "\x00"
# (A closing quote or bracket after the sentence's own full stop: « … dit-il. » — not after
# a comma, "before the winter comes,”<br>Mayor Ann Lee said"; nor an abbreviation's: "Dr.")
_SENTENCE_END = re.compile(r"[.!?…](?:\s*[\"”»)’])*\s*$")
_ABBREVIATION_END = re.compile(r"\b[A-Z][a-z]{0,2}\.$")
_SENTENCE_START = re.compile(r"^\s*[«\"“(]?\s*[A-ZÀ-Ý0-9]")


def _between_line_breaks(element: Any) -> list[str]:
    """The paragraphs of an extracted block, one per line break (the page's <br>, which
    trafilatura writes <lb/>) between two sentences — BFM TV and MSNBC write their paragraphs
    so: "… la maladie de Ménière.<br><br>Les chercheurs …" — and a space at any other line
    break (an address, a line cut inside a sentence): never the two words glued together.

    A line all in bold (marked by _mark_bold_lines) is a paragraph of its own, even without a
    sentence's end (La DH: its standfirst « … a été tué d'une balle dans la tête », its
    crossheads « Des assassinats filmés », then a line of text); a crosshead (a short bold line
    after the block's first, or a paragraph's one line) comes out as a heading, marked with
    _HEADING. A dateline in bold capitals before the line's text (« TOULOUSE Le suspect… »)
    is cut, as datelines are. A line after a picture on a line of its own (marked by
    _mark_pictures) opens a paragraph, with or without a sentence's end before it."""
    lines: list[tuple[str, bool]] = []
    pictured: set[int] = set()  # the lines after a picture on a line of its own
    for line in "".join(_text_and_breaks(element)).split(_LINE_BREAK):
        line = clean(line)
        if line == _PICTURE:
            pictured.add(len(lines))
            continue
        line = clean(_MARKUP_RESIDUE.sub("", line.replace(_PICTURE, " ")))
        bold = line.endswith(_BOLD_LINE)
        dateline = _BOLD_DATELINE.match(line)
        if dateline and len(line[dateline.end():].split()) >= 8:
            line = line[dateline.end():]
        line = clean(line.replace(_BOLD_LINE, " "))
        if line:
            lines.append((line, bold))
    paragraphs: list[str] = []
    previous_bold = False
    for number, (line, bold) in enumerate(lines):
        ends = _SENTENCE_END.search(paragraphs[-1]) if paragraphs else None
        if paragraphs and number in pictured and _SENTENCE_START.match(line):
            # A picture on a line of its own between two lines (Orange Actualités' infographic,
            # « …Ils sont tous négatifs"<br/><a><img/></a><br/><br/>Dimanche, quatre… », the
            # quotation closing its paragraph without a full stop): two paragraphs.
            paragraphs.append(line)
        elif paragraphs and previous_bold and not bold and (
                not ends or _bold_question(paragraphs[-1])) and _SENTENCE_START.match(line):
            if len(paragraphs) > 1 and len(paragraphs[-1].split()) <= CROSSHEAD_WORDS:
                paragraphs[-1] = _HEADING + paragraphs[-1]
            elif element.tag == "p" and len(paragraphs[-1].split()) <= CROSSHEAD_WORDS and \
                    not re.search(r"[-–—,:;]$", paragraphs[-1]):
                # The block's first line (Orange Actualités' « <p><br/><br/><strong>Le maire de
                # Saint-Étienne réclame un classement …</strong><br/><br/>Sur son compte… »):
                # a crosshead once the text has begun, the standfirst's line before it (La
                # DH's); told when the block's paragraphs are parted (_parted).
                paragraphs[-1] += _OPENING_CROSSHEAD
            paragraphs.append(line)
        elif paragraphs and _LIST_ITEM.match(line) and (
                _LIST_ITEM.match(paragraphs[-1]) or paragraphs[-1].endswith(":")):
            paragraphs.append(line)  # an item of a list, after the list's lead-in or an item
        elif len(paragraphs) > 1 and _LIST_ITEM.match(paragraphs[-1]) and \
                _LIST_ITEM.match(paragraphs[-2]) and _SENTENCE_START.match(line):
            paragraphs.append(line)  # the text after the list
        elif paragraphs and bold and not previous_bold and _SENTENCE_START.match(line):
            # A line all in bold after a line that does not end (La DH: « … peuvent le faire
            # gratuitement a encore fait savoir <br><br><br><b>Un chaos moins important que
            # prévu sur les routes</b> », the page's sentence cut off): a crosshead of its
            # own, never glued to the sentence.
            paragraphs.append(line)
        elif paragraphs and not bold and _capitals_crosshead(paragraphs[-1]) and \
                _SENTENCE_START.match(line):
            # A line all in capitals over the text (Orange Actualités' « …religieuse".<br/><br/>
            # HOFER, PRÉTENDANT SÉRIEUX<br/><br/>Le FPÖ… », its crossheads in no bold): a
            # crosshead, never glued to the paragraph after it.
            paragraphs[-1] = _HEADING + paragraphs[-1]
            paragraphs.append(line)
        elif _DASHED_CROSSHEAD.match(line) and len(line.split()) <= CROSSHEAD_WORDS:
            # AFP's crosshead between dashes on a line of its own (Orange Actualités' « …Quels
            # sont les problèmes…<br/><br/>- VISION ARCHAÏQUE -<br/><br/>Des propos… »): a
            # heading, and the line after it opens a paragraph.
            paragraphs.append(_HEADING + line)
        elif paragraphs and paragraphs[-1].startswith(_HEADING):
            paragraphs.append(line)
        elif paragraphs and not (ends and (_SENTENCE_START.match(line) or _FOOTNOTE.match(line))
                                 and not _ABBREVIATION_END.search(paragraphs[-1])):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
        previous_bold = bold
    if element.tag == "p" and len(lines) == 1 and lines[0][1] and \
            len(paragraphs[0].split()) <= CROSSHEAD_WORDS and _SENTENCE_START.match(paragraphs[0]):
        # The block is one line all in bold, between line breaks (Orange Actualités' « …record
        # du monde.<br/><br/><strong>"Mortel s'il touche directement un homme"</strong><br/>
        # <br/>Lors de… », which trafilatura sets apart): a crosshead, as it is inside a block.
        return [_HEADING + paragraphs[0]]
    return paragraphs


# A publishing system's markup left in the text as a word in brackets, a slash in it: Orange
# Actualités' « … de la part de l'État.[I/TALIC]<br/><br/>Les échanges… », its italics
# (« [I/TALIC] », « [/I] », « [B/OLD] »: the letters without the slash name a style). Cut,
# and the line then ends as its sentence does (the next line opens a paragraph).
# (Never "[I]" alone: « "[I]t was" » is an editor's letter.)
_MARKUP_RESIDUE = re.compile(r"\[(?:/(?:I|B|U|EM|STRONG|ITALIC|BOLD)|"
                             r"(?:I/TALIC|B/OLD|ITALIC|BOLD)/?)\]")
# A footnote's line after the text: an asterisk, then its note (Orange Actualités' « …
# continue. <br/><br/>*les prénoms ont été modifiés par franceinfo et le JDD »): a paragraph
# of its own after a sentence's end, never glued to the last paragraph.
_FOOTNOTE = re.compile(r"^\*{1,3}\s*[^\W\d_]")


def _parted(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each block's paragraphs (its lines), a crosshead marked by _between_line_breaks as a
    heading: one marked _HEADING, and a bold line that opened its block (_OPENING_CROSSHEAD)
    once a paragraph is before it — before the text's first, it is the standfirst's."""
    parted: list[tuple[str, str]] = []
    for kind, text in blocks:
        for paragraph in text.split("\n"):
            if paragraph.startswith(_HEADING):
                parted.append(("heading", paragraph[1:]))
            elif paragraph.endswith(_OPENING_CROSSHEAD):
                begun = any(k == "paragraph" for k, _t in parted)
                parted.append(("heading" if begun else kind, paragraph[:-1]))
            elif paragraph:
                parted.append((kind, paragraph))
    return parted


def _capitals_crosshead(line: str) -> bool:
    """Whether a line is a crosshead in capitals: two words or more all in capitals (« HOFER,
    PRÉTENDANT SÉRIEUX », « "UNE GRANDE FORCE POLITIQUE D'OPPOSITION" », a quotation of two
    sentences: « "LA QUESTION ÉTAIT FERMÉE. ELLE A ÉTÉ POSÉE À CHAQUE FOIS QUE LE SUJET EST
    REVENU SUR LA TABLE" », 19 words, up to CAPITALS_CROSSHEAD_WORDS), not an acronym
    alone, nor a dateline (« PARIS (AFP) - », "NEW YORK —", its bracket or its dash), nor a
    list's label and its colon."""
    return len(re.findall(r"[^\W\d_]{2,}", line)) >= 2 and \
        len(line.split()) <= CAPITALS_CROSSHEAD_WORDS and line == line.upper() and \
        not re.search(r"[()\[\]]|[-–—,:;]\s*$", line) and not _LIST_ITEM.match(line)


# A line of a list, its label in capitals and a colon (La DH's winners: « MEILLEUR FILM: "A
# perdre la raison" de Joachim Lafosse<br>MEILLEUR REALISATEUR: … »): each a paragraph of its
# own after the list's lead-in, not one run-on block.
_LIST_ITEM = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9 '’()-]{2,60}:\s+\S")
# A crosshead in bold, between two lines of a block: this many words at most (La DH's «
# Interdiction de circulation levée pour les poids lourds de plus de 13 mètres en Wallonie »).
CROSSHEAD_WORDS = 16
# A kicker over the headline (« Sister Act »): this many words at most.
KICKER_WORDS = 5
# A crosshead in capitals, between two lines of a block: this many words at most (Orange
# Actualités quotes a sentence or two so; no paragraph of an article is written in capitals).
CAPITALS_CROSSHEAD_WORDS = 24
# A crosshead between dashes, as AFP writes them (Orange Actualités: « - VISION ARCHAÏQUE - »,
# « - Ordre de priorité? - »): a line of its own between line breaks, CROSSHEAD_WORDS at most.
_DASHED_CROSSHEAD = re.compile(r"^[-–—]\s+\S.*\S\s+[-–—]$")
# Marks a paragraph of a block that is a crosshead (no XML text holds it).
_HEADING = "\x01"
# Ends a line all in bold that opens a block, text after it: a crosshead where the text has
# begun (see _parted).
_OPENING_CROSSHEAD = "\x02"
# Written in the page after a line all in bold (two asterisms: no page's text holds them;
# trafilatura keeps them — not a character of Unicode's private use area, which it drops — and
# they are taken out of each line).
_BOLD_LINE = "\u2042\u2042"
# A dateline in bold capitals before a line's text: « TOULOUSE », "NEW YORK".
# ("IT'S TUESDAY — Hope you…", Politico's, goes the same way; "UPDATE: many readers…", a label
# and its colon, stays.)
_BOLD_DATELINE = re.compile(
    rf"^[A-ZÀ-Ý][A-ZÀ-Ý'’ -]{{2,30}}(?:\s*\([^()]{{2,20}}\))?\s*[-–—,]?\s*{_BOLD_LINE}\s*"
    r"(?:[-–—,]\s*)?(?=[A-ZÀ-Ý«\"“])")


# Written in the page where a picture stands on a line of its own (an asterism pair, as
# _BOLD_LINE: no page's text holds it).
_PICTURE = "\u2051\u2051"


def _prepare(tree: Any) -> None:
    """What the page's tree needs before trafilatura reads it: its bold lines and its pictures
    on a line of their own marked, its live market quotes and text-size buttons taken out,
    its <meta> values read."""
    _mark_bold_lines(tree)
    _mark_pictures(tree)
    _drop_quote_chips(tree)
    _drop_text_size_controls(tree)
    _meta_values_as_content(tree)
    _deks_as_paragraphs(tree)
    _drop_see_links(tree)


# A standfirst written as a <div> of text alone, its class naming it a "dek" (a word of the
# class: The Daily Beast's <div class="dek char-limit multiline">The Catholic Church released
# its final report …</div> between its <header> and its text): trafilatura drops a <div>'s
# bare text there, and the article lost its standfirst. boilerplate.DEK_LONGEST characters at
# most.
_DEKS = ("//div[not(*)][contains(concat(' ', translate(@class, '-_ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
         "'  abcdefghijklmnopqrstuvwxyz'), ' '), ' dek ')]"
         "[string-length(normalize-space(.)) > 0]"
         "[string-length(normalize-space(.)) < {longest}]")


# A parenthesis that only points to other stories: "see", then links in quotes or not, "and"
# or commas between them (MIT Technology Review: « Feng Zhang (see <a …>35 Innovators Under 35,
# 2013</a>), a researcher », « … modify monkeys (see “<a …>Genome Surgery</a>” and “<a …>10
# Breakthrough Technologies 2014: Genome Editing</a>”). »). Its opening, the text before the
# first link; what may stand between two links; its closing, the text after the last.
_SEE_OPENING = re.compile(r"\s*\(\s*see\s*[“\"]?$", re.IGNORECASE)
_SEE_BETWEEN = re.compile(r"^[”\"]?\s*(?:,|and|,\s*and)\s*[“\"]?$")
_SEE_CLOSING = re.compile(r"^[”\"]?\s*\)")


def _drop_see_links(tree: Any) -> None:
    """Cuts from the page's sentences each parenthesis that only points to other stories
    (``_SEE_OPENING``: "see" and links, nothing else), with the space before it: the words the
    link gives are another story's title, no words of the article. A parenthesis saying more
    ("see the council's <a>report</a> for the figures") stays."""
    for link in list(tree.iter("a")):
        parent, before = link.getparent(), link.getprevious()
        if parent is None:
            continue
        text = (before.tail if before is not None else parent.text) or ""
        opening = _SEE_OPENING.search(text)
        if opening is None:
            continue
        links = [link]
        while (closing := _SEE_CLOSING.match(links[-1].tail or "")) is None:
            after = links[-1].getnext()
            if after is None or after.tag != "a" or not _SEE_BETWEEN.match(
                    (links[-1].tail or "").strip()):
                break
            links.append(after)
        if closing is None:
            continue
        rest = (links[-1].tail or "")[closing.end():]
        if before is not None:
            before.tail = text[:opening.start()]
        else:
            parent.text = text[:opening.start()]
        for each in links:
            each.tail = ""
        links[-1].tail = rest
        for each in links:
            each.drop_tree()


def _deks_as_paragraphs(tree: Any) -> None:
    """Makes each standfirst written as a <div> of text alone (``_DEKS``) a <p>, which
    trafilatura reads."""
    from . import boilerplate  # (imported where used, as article_from_html does)

    for dek in tree.xpath(_DEKS.format(longest=boilerplate.DEK_LONGEST)):
        dek.tag = "p"


def _meta_values_as_content(tree: Any) -> None:
    """A <meta> that gives a date in ``value`` and has no ``content`` (Opposing Views' page
    writes « <meta name="published" value="2016-12-21T23:49:10Z"> ») is given that date as
    its ``content``, the attribute trafilatura and htmldate read: without it the page's
    publication date was not read, and htmldate took the "Updated: Mar 6, 2018" of the
    page's header over its "Original: Dec 21, 2016". Only a date (YYYY-MM-DD…): the same
    pages write their og:title so, and the <title> it then won over kept the site's name."""
    for meta in tree.iter("meta"):
        value = meta.get("value")
        if meta.get("content") is None and value and _ISO_DATE.match(value):
            meta.set("content", value)


_ISO_DATE = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")


def _drop_quote_chips(tree: Any) -> None:
    """Takes the page's live market quotes out of its text: a link that charts a symbol
    (``data-charting-symbol``) and a <bg-quote> (MarketWatch writes « The 30-year bond yield
    <a class="qt-chip" data-charting-symbol="…">TMUBMUSD30Y, <bg-quote>1.406%</bg-quote></a>
    tumbled 6.3 basis points », a quote from the day the page was saved, inside the sentence).
    The text after each (its tail) stays."""
    for chip in [*tree.xpath("//a[@data-charting-symbol]"), *tree.iter("bg-quote")]:
        if chip.getparent() is not None:
            chip.drop_tree()


# The buttons that set the page's text size, by their class or id (Sporting News' « <div
# class="text-control"><span class="text">Text size</span><span class="normal-text
# text-size"><a>A</a></span>… » inside its byline's <div>: the credit read "Text size A A A").
_TEXT_SIZE_CONTROLS = ("text-size", "textsize", "font-size", "fontsize", "text-control",
                       "text-resize", "font-resize")
TEXT_SIZE_CONTROL_LONGEST = 40  # characters of text: a few buttons and their label


def _drop_text_size_controls(tree: Any) -> None:
    """Takes out of the page its text-size buttons (``_TEXT_SIZE_CONTROLS``, with their label
    and their letters, no longer than TEXT_SIZE_CONTROL_LONGEST characters): no author, no
    text of the article. The text after each (its tail) stays."""
    names = " or ".join(f"contains(translate(@{attribute}, '_ABCDEFGHIJKLMNOPQRSTUVWXYZ', "
                        f"'-abcdefghijklmnopqrstuvwxyz'), '{name}')"
                        for attribute in ("class", "id") for name in _TEXT_SIZE_CONTROLS)
    for control in tree.xpath(f"//*[not(self::body or self::html)][{names}]"
                              f"[string-length(normalize-space(.)) <= "
                              f"{TEXT_SIZE_CONTROL_LONGEST}]"):
        if control.getparent() is not None:
            control.drop_tree()


def _mark_pictures(tree: Any) -> None:
    """Writes _PICTURE on the line of each picture of the page that stands on a line of its own
    inside a block of text: an <img> (the only thing its link, <span> or <picture> shows: an
    empty icon beside it is no text) with a <br> before it and after it. trafilatura drops the
    picture and keeps one line break of the several around it, and the two paragraphs it
    parted were read as one when the first did not end as a sentence ends."""
    for picture in tree.iter("img"):
        holder = picture
        while holder.getparent() is not None and holder.getparent().tag in (
                "a", "span", "picture") and not clean(holder.getparent().text_content()) and \
                sum(1 for _ in holder.getparent().iter("img")) == 1:
            holder = holder.getparent()
        before, after = holder.getprevious(), holder.getnext()
        if before is not None and before.tag == "br" and not (before.tail or "").strip() and \
                after is not None and after.tag == "br" and not (holder.tail or "").strip():
            before.tail = _PICTURE + (before.tail or "")


def _bold_question(text: str) -> bool:
    """Whether a line all in bold is a question that heads what follows, as a crosshead
    (Orange Actualités' « Daniel Cohn-Bendit tête de liste aux européennes ? », between line
    breaks): short, ending on its question mark, not a quotation."""
    return text.endswith("?") and len(text.split()) <= CROSSHEAD_WORDS and \
        not text.startswith(("«", '"', "“", "„", "»"))


def _mark_bold_lines(tree: Any) -> bool:
    """Writes _BOLD_LINE after each line of the page all in bold (a <b> or <strong> between two
    <br>, or between the start or end of its paragraph and a <br>) that does not end as a
    sentence ends (or is a short question: _bold_question), and after a word in bold capitals
    opening a line (a dateline): trafilatura keeps no bold. Whether it wrote one."""
    marked = False
    for element in tree.iter("b", "strong"):
        text = clean(element.text_content())
        parent = element.getparent()
        if not text or parent is None or (_SENTENCE_END.search(text) and not _bold_question(
                text)) or parent.tag in ("h1", "h2", "h3", "h4", "h5", "h6", "title", "a"):
            continue
        # A line break inside the bold, closing it (Orange Actualités' « <br/><strong>Réaliser
        # des tests de dépistage à grande échelle<br/> </strong><br/>Selon… »): the line ends
        # there, and the mark goes before it (after the bold, it made a line of its own).
        inner = element[-1] if len(element) and element[-1].tag == "br" and \
            not (element[-1].tail or "").strip() else None
        before = element.getprevious()
        # (An opening quotation mark before the bold is of its line: Orange Actualités' «
        # <br/>"<strong>On va finir par craquer"</strong><br/> », a crosshead.)
        starts = (before is None and _OPENING_MARK.fullmatch(parent.text or "")) or (
            before is not None and before.tag == "br" and _OPENING_MARK.fullmatch(
                before.tail or ""))
        after = element.getnext()
        ends = not (element.tail or "").strip() and (after is None or after.tag == "br")
        # (The line's text may go on in an element: La DH's « <b>PARIS</b> <i>Superactive</i>
        # sur le réseau… ».)
        goes_on = bool((element.tail or "").strip()) or (
            after is not None and after.tag != "br" and bool(clean(after.text_content())))
        dateline = goes_on and text.isupper() and len(text.split()) <= 4
        if starts and ends and after is not None and inner is not None:
            previous = inner.getprevious()
            if previous is None:
                element.text = (element.text or "") + _BOLD_LINE
            else:
                previous.tail = (previous.tail or "") + _BOLD_LINE
            marked = True
        elif starts and (ends and after is not None or dateline):
            element.tail = _BOLD_LINE + (element.tail or "")
            marked = True
    return marked


# Nothing, or an opening quotation mark, before a line's bold (white space around it).
_OPENING_MARK = re.compile(r"\s*[\"“«]?\s*")


def _rejoined(blocks: list[tuple[str, str]], items: Collection[str] = ()
              ) -> list[tuple[str, str]]:
    """Paragraphs the page cut in two, the second opening on a word in lower case, as one:
    around an image or an advert, the first ending on a letter (USA Today: "… She re" |
    "turned home that evening …"), inside a word when the first part's last word is no word
    the article writes elsewhere; or after a comma, or after an initial read as a sentence's
    end (Orange Actualités: « … d'autant confus que Mamadou N. </p><p>était un policier
    apprécié. »), with a space. Not the lines of a list (``items``: « Solutions
    hydroalcooliques », « blouses et surblouses »), nor after a heading, a lead-in's colon or a
    sentence's end (a date alone, « jeudi 13 juin 2019 », stays apart). A paragraph opening on
    a punctuation mark gives it to the one before."""
    words = re.findall(r"[^\W\d_]+", " ".join(text for _kind, text in blocks).lower())
    joined: list[tuple[str, str]] = []
    for kind, text in blocks:
        mark = re.match(r"([.,;])\s+(?=\w)", text)
        if mark and joined and kind == joined[-1][0] == "paragraph" and \
                not _SENTENCE_END.search(joined[-1][1]):
            # The previous paragraph's full stop opens this one (Sudpresse: a standfirst
            # without it, then « . Le 7 avril 2008, … »): it goes back where it belongs.
            joined[-1] = (kind, joined[-1][1] + mark.group(1))
            text = text[mark.end():]
        previous = joined[-1][1] if joined and kind == joined[-1][0] == "paragraph" else ""
        on_a_letter = re.search(r"[^\W\d_]$", previous)
        if previous and _LOWER_CASE_WORD.match(text) and text not in items and \
                previous not in items and (
                    on_a_letter or _INITIAL_END.search(previous) or
                    not (_SENTENCE_END.search(previous) or previous.rstrip().endswith(":"))):
            cut = on_a_letter and words.count(re.findall(r"[^\W\d_]+", previous.lower())[-1]) == 1
            joined[-1] = (kind, previous + ("" if cut else " ") + text)
        else:
            joined.append((kind, text))
    return joined


# A word in lower case opening a paragraph ("était", « d'autant »; not "eBay", "iPhone").
_LOWER_CASE_WORD = re.compile(r"[a-zß-ÿ][a-zß-ÿ'’-]*(?!\w)")
# A capital's initial closing a paragraph, read as a sentence's end: « Mamadou N. », "U.S."
_INITIAL_END = re.compile(r"(?<![^\W\d_])[A-ZÀ-Ý]\.$")


def _quoted(introduction: str, quotation: list[str]) -> str:
    """A block quotation the paragraph before introduces ("WeSolar's CEO, Steve Anglin,
    said:", « a-t-il déclaré : »), in quotation marks after its introduction: read alone, its
    sentences were the article's own claims (the sixteenth held-out set's judge)."""
    french = introduction.rstrip().endswith((" :", "\u00a0:"))
    opening, closing = ("«\u00a0", "\u00a0»") if french else ("“", "”")
    return f"{introduction.rstrip()} {opening}{' '.join(quotation)}{closing}"


def _text_and_breaks(element: Any) -> Iterator[str]:
    """The element's text in order, _LINE_BREAK where it holds an <lb/>."""
    yield element.text or ""
    for child in element:
        if child.tag == "lb":
            yield _LINE_BREAK
        else:
            yield from _text_and_breaks(child)
        yield child.tail or ""


def _date(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return None


# A date in a news page's address: /2016/09/02/, /2016/09/ (the day is not always there).
_ADDRESS_DATE = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(?:(0?[1-9]|[12]\d|3[01])/)?")


# The same, written with hyphens as one part of the address: Sporting News' /feed/2011-01/…
# (its year and month), /story/2011-01-04/… (its day too). The date of a page whose markup
# gives none (a season, "/2011-12/", reads as a month: never over the markup's date).
_ADDRESS_HYPHENED_DATE = re.compile(
    r"/((?:19|20)\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?=/|$)")


def _date_with_address(date: str | None, address: str | None) -> tuple[str | None, bool]:
    """The article's date, and whether it was taken from the page's address.

    The date of the page's markup stands, unless the address carries another year and month
    (New York Magazine's /2016/09/ story was dated 2022-09-08 by a date in its page's text:
    htmldate read "8/9/2022", not "Sept. 2, 2016"), or the markup gives none (National
    Geographic's /2015/08/ page was dated today; Sporting News' /feed/2011-01/ page, its
    month written with a hyphen, ``_ADDRESS_HYPHENED_DATE``, only then). The address's day
    when it gives one, else the month's first day (the second value then says so, for a
    warning)."""
    match = _ADDRESS_DATE.search(address or "")
    if match is None:
        hyphened = _ADDRESS_HYPHENED_DATE.search(address or "")
        if date is not None or hyphened is None:
            return date, False
        match = hyphened  # (only when the markup gives no date: « /2011-12/ » may be a season)
    year, month, day = match.group(1), int(match.group(2)), match.group(3)
    if date is not None and date[:7] == f"{year}-{month:02d}":
        return date, False
    if day is not None:
        return f"{year}-{month:02d}-{int(day):02d}", False
    return f"{year}-{month:02d}-01", True


# A page declared in Latin-1 or ASCII is read as Windows-1252, as browsers read it (the WHATWG
# Encoding Standard maps those labels to windows-1252): La DH writes its apostrophes as byte
# 0x92, a control character in Latin-1, and the text lost them (« labus » for « l'abus »).
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "iso_8859-1", "iso-ir-100", "latin1",
                        "latin-1", "l1", "cp819", "ibm819", "us-ascii", "ascii",
                        "windows-1252", "cp1252", "x-cp1252"}
# Windows-1252's characters at 0x80–0x9F (the five bytes it leaves undefined stay as they are,
# as the standard says).
_WINDOWS_1252_C1 = {code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0)
                    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _as_browsers_read_latin_1(html: bytes | str) -> bytes | str:
    """The page's text when it is no UTF-8 and declares Latin-1, ASCII or Windows-1252 (read as
    Windows-1252); other pages as they are, for trafilatura to decode."""
    if isinstance(html, str):
        return html
    try:
        html.decode("utf-8")
        return html
    except UnicodeDecodeError:
        pass
    match = _DECLARED_CHARSET.search(html[:20000])
    if match is None or match.group(1).decode("ascii", "ignore").lower() \
            not in _WINDOWS_1252_LABELS:
        return html
    return html.decode("latin-1").translate(_WINDOWS_1252_C1)


_HTML_LANG = re.compile(rb"<html[^>]*\slang\s*=\s*[\"']?([a-zA-Z]{2})\b", re.IGNORECASE)


def _declared_language(html: bytes | str) -> str | None:
    head = html[:20000] if isinstance(html, bytes) else html[:20000].encode("utf-8", "ignore")
    match = _HTML_LANG.search(head)
    return match.group(1).decode().lower() if match else None


def looks_like_html(data: bytes) -> bool:
    start = data[:2000].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<meta",
                             b"<!--")) or b"<body" in data[:20000].lower()


# -- Markdown and plain text --------------------------------------------------------------------

# Each pattern runs in time linear in the text: no bracket class crosses another opening
# bracket, and emphasis marks are dropped where they open or close a word instead of being
# matched in pairs (pairing scanned the rest of the text from every '*': hours for a 2 MB
# file of "*a ", issue 17 M4).
_MD_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\([^()]*\)")
_MD_EMPHASIS = re.compile(r"(?<!\w)(?:\*\*|__|\*|`)(?=\S)|(?<=\S)(?:\*\*|__|\*|`)(?!\w)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _paragraphs(text: str) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            chunks[-1].append(line)
        elif chunks[-1]:
            chunks.append([])
    return [chunk for chunk in chunks if chunk]


def article_from_text(text: str) -> Article:
    """Plain text: the first line is the title, paragraphs are separated by blank lines."""
    chunks = _paragraphs(text.lstrip("\ufeff"))
    if not chunks:
        raise ArticleError.of(N_("the text is empty"),
                              N_("paste the article's title and paragraphs"))
    first = chunks[0]
    title = clean(first[0])
    rest = [first[1:], *chunks[1:]] if len(first) > 1 else chunks[1:]
    blocks = [("paragraph", clean(" ".join(chunk))) for chunk in rest if chunk]
    return _check_length(Article(title=title, blocks=blocks), given_as_text=True)


def _markdown_inline(text: str) -> str:
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return clean(_MD_EMPHASIS.sub("", text))


def article_from_markdown(text: str) -> Article:
    """Markdown: '# Title', '##'/'###' subheadings, paragraphs; links and emphasis dropped."""
    text = _FRONT_MATTER.sub("", text.lstrip("\ufeff").replace("\r\n", "\n"))
    title = ""
    blocks: list[tuple[str, str]] = []
    for chunk in _paragraphs(text):
        paragraph: list[str] = []
        for line in chunk:
            heading = _MD_HEADING.match(line)
            if heading or _MD_LIST.match(line):
                if paragraph:
                    blocks.append(("paragraph", _markdown_inline(" ".join(paragraph))))
                    paragraph = []
            if heading:
                words = _markdown_inline(heading.group(2))
                if len(heading.group(1)) == 1 and not title:
                    title = words
                elif words:
                    blocks.append(("heading", words))
                continue
            if line.strip() in ("---", "***", "___"):
                continue
            paragraph.append(_MD_LIST.sub("", line) if _MD_LIST.match(line) else line)
            if _MD_LIST.match(line):
                blocks.append(("paragraph", _markdown_inline(" ".join(paragraph))))
                paragraph = []
        if paragraph:
            blocks.append(("paragraph", _markdown_inline(" ".join(paragraph))))
    blocks = [(kind, words) for kind, words in blocks if words]
    if not title and blocks:
        kind, words = blocks.pop(0)
        title = words
    return _check_length(Article(title=title, blocks=blocks), given_as_text=True)
