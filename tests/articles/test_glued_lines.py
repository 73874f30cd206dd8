"""Issue 22, the seventeenth held-out set's import faults: text glued or cut.

La DH writes its article as one paragraph, its lines parted by `<br>`: a standfirst in bold
without a full stop, a dateline in bold (« TOULOUSE »), crossheads in bold (« Des assassinats
filmés »). Lines without a sentence's end are joined to the next (an address, a line cut inside
a sentence), and these came out glued: « …dans la tête TOULOUSE Le suspect… », « Des
assassinats filmés Le suspect… ». Sudpresse ends its standfirst without its full stop, which
opens the next paragraph: a block read « . Le 7 avril 2008, … ». The pages here are small,
written for these tests in those shapes."""

from __future__ import annotations

from quiz.articles import import_source

STANDFIRST = ("Après une longue approche du RAID, une fusillade a éclaté. Le suspect, retranché "
              "dans sa salle de bain, a été tué d'une balle dans la tête")
LEAD = ("Le suspect dans les fusillades de Toulouse et Montauban a été tué par des tirs de "
        "riposte des policiers, a annoncé jeudi le procureur de la République de Paris.")
SECOND = ("Lors de l'intervention, le suspect a foncé sur les policiers à travers "
          "l'appartement en tirant, a expliqué le procureur lors d'une conférence de presse.")
AFTER = ("Le suspect, qui s'était retranché dans la salle de bains, portait une sacoche avec la "
         "caméra utilisée lors des tueries, dont la police a visionné les images jeudi.")
LAST = ("Une autopsie sera réalisée jeudi après-midi à l'institut de médecine légale de "
        "Bordeaux, a précisé le parquet, qui a ouvert une enquête sur l'assaut.")


def page(body: str) -> bytes:
    return ('<!doctype html><html lang="fr"><head><title>Toulouse : le suspect tué par le '
            'RAID</title><meta property="article:published_time" content="2012-03-22"></head>'
            f'<body><div id="articleText">{body}</div></body></html>').encode()


def blocks(html: bytes) -> list[tuple[str, str]]:
    return [(block.kind, block.text)
            for block in import_source(html, "page.html").quiz.article]


def test_lines_in_bold_are_not_glued_to_the_next() -> None:
    body = (f"<p><b>{STANDFIRST}</b><br><br><b>TOULOUSE</b> {LEAD}<br><br>{SECOND}<br><br>"
            f"<b>Des assassinats filmés</b><br>{AFTER}<br><br>{LAST}</p>")
    found = blocks(page(body))
    assert [text for _kind, text in found] == [STANDFIRST, LEAD, SECOND,
                                               "Des assassinats filmés", AFTER, LAST]
    assert [kind for kind, _text in found] == ["paragraph"] * 3 + ["heading"] + ["paragraph"] * 2


def test_a_line_cut_inside_a_sentence_is_still_joined() -> None:
    body = (f"<p>{LEAD}<br><br>Le procureur de la République de Paris, François Molins,"
            f"<br>a précisé que l'assaut avait duré cinq minutes.<br><br>{SECOND}<br><br>"
            f"Il a répondu <b>non</b><br>Puis il a quitté la salle.<br><br>{LAST}</p>")
    texts = [text for _kind, text in blocks(page(body))]
    assert "Le procureur de la République de Paris, François Molins, a précisé que l'assaut " \
           "avait duré cinq minutes." in texts
    assert "Il a répondu non Puis il a quitté la salle." in texts


def test_a_full_stop_that_opens_a_paragraph_ends_the_one_before() -> None:
    cut = STANDFIRST
    body = f'<p class="chapeau">{cut}</p><p>. {LEAD}</p><p>{SECOND}</p><p>{LAST}</p>'
    texts = [text for _kind, text in blocks(page(body))]
    assert texts == [cut + ".", LEAD, SECOND, LAST]


def test_the_mark_of_a_bold_line_is_never_in_the_text_or_the_title() -> None:
    html = ('<!doctype html><html lang="fr"><head><meta property="article:published_time" '
            'content="2012-03-22"></head><body><div id="articleText"><h1><b>TOULOUSE</b> Le '
            'suspect tué par le RAID</h1>'
            f"<p><b>{STANDFIRST}</b><br><br><b>TOULOUSE</b> {LEAD}<br><br>{SECOND}<br><br>"
            f"<b>Des assassinats filmés</b><br>{AFTER}<br><br>{LAST}</p></div></body>"
            "</html>").encode()
    result = import_source(html, "page.html")
    assert "\u2042" not in result.text
