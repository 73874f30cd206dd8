"""Issue 22, the twentieth held-out set's import faults (its judge's notes on the pages as
imported): lead-ins left without the embedded post they introduce, junk kept as text, a title
cut at an inner quote.

La DH's page on Rachida Dati dropped its three embedded tweets (as issue 22 asks) but kept
« Réponse de la bergère au berger : » over nothing. Each shape here as the page printed it, in
a small page written for these tests, and what looks alike and stays."""

from __future__ import annotations

from quiz.articles import import_source
from tests.articles.bridge_page import LEAD, REST, page

TWEET = ('<blockquote class="twitter-tweet" lang="fr"><p>Quelle image veut-il donner de la '
         'droite parisienne ?</p>&mdash; Rachida Dati (@datirachida) <a href="https://twitter.com'
         '/datirachida/status/1">Mai 22, 2012</a></blockquote>')


def imported(html: bytes) -> list[str]:
    return [block.text for block in import_source(html, "page.html").quiz.article]


def kinds(html: bytes) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in import_source(html, "page.html").quiz.article]


# 1. A lead-in over an embedded post, which goes.
def test_a_lead_in_over_an_embedded_post_goes_with_the_post() -> None:
    body = (f"<p>{LEAD}</p><p>{REST[0]}</p><p>Reply from the mayor, the same evening:</p>"
            f"{TWEET}" + "".join(f"<p>{s}</p>" for s in REST[1:]))
    assert imported(page(body)) == [LEAD, *REST]


def test_a_lead_in_over_an_embedded_post_goes_in_la_dhs_lines() -> None:
    # La DH writes its article as lines parted by <br>, the tweets between them.
    lines = "<br><br>".join([LEAD, REST[0], REST[1]])
    body = (f"<div><p>{lines}<br><p><br>Réponse de la bergère au berger : <br>{TWEET}<br><p>"
            f"<br>{REST[2]}<br><p><br>{REST[3]}<br></div>")
    assert imported(page(body)) == [LEAD, *REST[:4]]


def test_a_lead_in_over_a_paragraph_stays() -> None:
    # No embedded post after it: what it introduces is the text's.
    intro = "The mayor answered the same evening, in a statement to the press:"
    quote = '"We will find the money for the bridge, whatever it costs the town," he said.'
    body = (f"<p>{LEAD}</p><p>{intro}</p><p>{quote}</p>{TWEET}"
            + "".join(f"<p>{s}</p>" for s in REST))
    assert imported(page(body)) == [LEAD, intro, quote, *REST]


def test_a_sentence_over_an_embedded_post_stays() -> None:
    # « … qui a réagi sur le même support, d'abord. »: a sentence of the text, not a lead-in.
    said = "The mayor reacted on the same network first, and his post was shared widely."
    body = f"<p>{LEAD}</p><p>{said}</p>{TWEET}" + "".join(f"<p>{s}</p>" for s in REST)
    assert imported(page(body)) == [LEAD, said, *REST]


# 2. Junk kept.
def test_text_for_screen_readers_goes() -> None:
    # The Business Times (Drupal): <h2 class="element-invisible">You are here</h2> over the
    # breadcrumb, then the title again, both imported as the text's first blocks.
    body = ('<h2 class="element-invisible">You are here</h2><span class="sr-only">Skip</span>'
            + "".join(f"<p>{s}</p>" for s in [LEAD, *REST]))
    assert imported(page(body)) == [LEAD, *REST]


def test_a_box_asking_for_the_readers_feedback_goes() -> None:
    box = ("<div><p><b>Your feedback is important to us</b></p><p>Tell us what you think. "
           'Email us at <a href="mailto:f@example.com">f@example.com</a></p></div>')
    body = f"<p>{LEAD}</p><p>{REST[0]}</p>{box}" + "".join(f"<p>{s}</p>" for s in REST[1:])
    assert imported(page(body)) == [LEAD, *REST]


def test_a_sentence_on_feedback_stays() -> None:
    said = ("Tell us what you think, the council wrote to the residents, who have until May to "
            "send their feedback on the bridge.")
    body = "".join(f"<p>{s}</p>" for s in [LEAD, said, *REST])
    assert imported(page(body)) == [LEAD, said, *REST]


def test_the_sites_channel_on_a_network_goes() -> None:
    # "BT is now on Telegram!" closing the page, its sign-up line gone.
    body = "".join(f"<p>{s}</p>" for s in [LEAD, *REST]) + \
        "<p><b>BT is now on Telegram!</b></p><p>For daily updates, subscribe to t.me/BizTimes</p>"
    assert imported(page(body)) == [LEAD, *REST]


def test_a_sentence_on_a_network_stays() -> None:
    said = ("The council is now on Telegram too, and posts the state of the works there every "
            "morning for the people who cross.")
    body = "".join(f"<p>{s}</p>" for s in [LEAD, said, *REST])
    assert imported(page(body)) == [LEAD, said, *REST]


def test_a_dateline_or_a_section_label_alone_over_the_text_goes() -> None:
    # The Business Times' « <p>Singapore</p> » over its lead; L'Avenir's « ATHLETISME » under
    # its standfirst.
    lead = ("BRIDGETOWN council voted on Tuesday to close the old bridge over the river for "
            "repairs, after engineers found cracks in two of its piers.")
    assert imported(page("".join(f"<p>{s}</p>" for s in ["Bridgetown", lead, *REST]))) == \
        [lead, *REST]
    assert imported(page("".join(f"<p>{s}</p>" for s in [LEAD, "ATHLETISME", *REST]))) == \
        [LEAD, *REST]


def test_a_word_alone_over_other_words_stays() -> None:
    # A list's item (eHow's « Cloche »), a recipe's label: capitalised, not in capitals, and
    # the paragraph under it does not open on it.
    body = "".join(f"<p>{s}</p>" for s in ["Cloche", LEAD, *REST])
    assert imported(page(body)) == ["Cloche", LEAD, *REST]


def test_a_word_alone_further_in_the_text_stays() -> None:
    # An interview's answer, a list's item: after the text's second paragraph.
    body = "".join(f"<p>{s}</p>" for s in [LEAD, REST[0], "Never", *REST[1:]])
    assert imported(page(body)) == [LEAD, REST[0], "Never", *REST[1:]]


def test_the_writers_name_closing_the_text_is_the_credit() -> None:
    # La DH's « Alain Lorfèvre » as the last block, and no author in the page's markup.
    result = import_source(page("".join(f"<p>{s}</p>" for s in [LEAD, *REST, "Alain Lorfèvre"])),
                           "page.html")
    assert [b.text for b in result.quiz.article] == [LEAD, *REST]
    assert result.quiz.credit == "Alain Lorfèvre"
    result = import_source(page("".join(f"<p>{s}</p>" for s in [LEAD, *REST, "Von Ulrich Nitsche"
                                                                   ])), "page.html")
    assert [b.text for b in result.quiz.article] == [LEAD, *REST]
    assert result.quiz.credit == "Ulrich Nitsche"


def test_a_pictures_description_beside_it_goes() -> None:
    # Sudinfo: <img …><p class="pic_description">Illustration Photonews</p>.
    body = ('<div class="item_media"><img src="a.jpg" alt=""><p class="pic_description">'
            "Illustration Photonews</p></div>" + "".join(f"<p>{s}</p>" for s in [LEAD, *REST]))
    assert imported(page(body)) == [LEAD, *REST]


# 3. The title.
def test_a_meta_title_cut_at_an_inner_quote_takes_the_headline() -> None:
    # L'Avenir's og:title, its quotes unescaped: « Tia Hellebaut arrête sa carrière : ».
    full = 'Old bridge to close for repairs: "we have no choice"'
    head = '<meta property="og:title" content="Old bridge to close for repairs: "we have">'
    result = import_source(page("".join(f"<p>{s}</p>" for s in [LEAD, *REST]), head=head,
                                title="Old bridge to close for repairs:", h1=f"<h1>{full}</h1>"),
                           "page.html")
    assert result.quiz.title == full


def test_a_note_of_the_pages_media_leaves_the_title() -> None:
    # Sudinfo's « … (vidéos + sondage) »: the players and the poll are not imported.
    result = import_source(page("".join(f"<p>{s}</p>" for s in [LEAD, *REST]),
                                title="Old bridge to close for repairs (vidéos + sondage)"),
                           "page.html")
    assert result.quiz.title == "Old bridge to close for repairs"


# 4. A list written as lines.
def test_a_list_of_labelled_lines_is_a_paragraph_per_item() -> None:
    # La DH's winners, one line each: « <b>MEILLEUR FILM:</b> "A perdre la raison" de Joachim
    # Lafosse<br><b>MEILLEUR REALISATEUR:</b> … » came out as one run-on block.
    items = ['BEST BRIDGE: "The old bridge" by the county council',
             "BEST ENGINEER: Jane Doe for the piers of the old bridge",
             "BEST CONTRACTOR: Smith and Sons for the new bridge to the north"]
    lines = "<br>".join(f"<b>{item.split(': ')[0]}:</b> {item.split(': ')[1]}" for item in items)
    body = (f"<div><p>{LEAD}<br><br>{REST[0]}<br><br>The list of the winners:<br>{lines}<br>"
            f"<br>{REST[1]}</p></div>")
    assert imported(page(body)) == [LEAD, REST[0], "The list of the winners:", *items, REST[1]]


def test_a_share_boxs_description_does_not_take_the_lead() -> None:
    # USA Today's share box: <img …><p class="util-bar-share-summary-description"> holds the
    # lead's sentence; the lead, a sentence, stays.
    body = (f'<div class="share"><img src="a.jpg" alt=""><p class="summary-description">{LEAD}'
            "</p></div>" + "".join(f"<p>{s}</p>" for s in [LEAD, *REST]))
    assert imported(page(body)) == [LEAD, *REST]


def test_a_hidden_separator_inside_a_line_keeps_the_words_apart() -> None:
    # ZEIT: <span>Klimaschutz</span><span class="visually-hidden">: </span><span>Bohren, …
    said = ('<p><span>Repairs</span><span class="visually-hidden">: </span><span>the council '
            "will close the old bridge for nine weeks, from Monday, for the people who cross."
            "</span></p>")
    body = f"<p>{LEAD}</p>{said}" + "".join(f"<p>{s}</p>" for s in REST)
    assert imported(page(body))[1].startswith("Repairs: the council")


def test_a_labelled_line_going_on_to_the_next_stays_one() -> None:
    # induux: « ALLGEMEIN: • … Datenlogger,<br>Ethernet-Kommunikation … » is one sentence.
    body = (f"<div><p>{LEAD}<br><br>GENERAL: the works will close the old bridge and the road"
            f" to the harbour,<br>Monday to Friday, for nine weeks.<br><br>{REST[0]}</p></div>")
    assert imported(page(body)) == [
        LEAD, "GENERAL: the works will close the old bridge and the road to the harbour, Monday "
        "to Friday, for nine weeks.", REST[0]]


def test_a_name_closing_a_list_stays() -> None:
    # 1337kultur's list of a series' characters ends on « Bruce Maddox »: an item, no signature.
    items = "".join(f"<li>{name}</li>" for name in ["Jane Doe", "John Smith", "Bruce Maddox"])
    body = "".join(f"<p>{s}</p>" for s in [LEAD, *REST]) + f"<ul>{items}</ul>"
    result = import_source(page(body), "page.html")
    assert [b.text for b in result.quiz.article][-1] == "Bruce Maddox"
    assert result.quiz.credit != "Bruce Maddox"
