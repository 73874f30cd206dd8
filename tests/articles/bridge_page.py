"""A small English news page written for the importer's tests: a lead and seven paragraphs of
a council closing a bridge, around the shape a test puts in it; its French twin's text
(``TITRE``, ``CHAPEAU``, ``SUITE``); and the article's blocks as a teacher's import gives them."""

from __future__ import annotations

from quiz.articles import import_source

LEAD = ("The county council voted on Tuesday to close the old bridge over the river for "
        "repairs, after engineers found cracks in two of its piers during an inspection.")
REST = [
    f"The work will take {n} weeks, the council said, and buses will use the new bridge to "
    f"the north, adding about ten minutes to the journey for the {n * 100} people who cross."
    for n in range(3, 10)
]
TITLE = "Old bridge to close for repairs"


def page(body: str, head: str = "", title: str = TITLE, lang: str = "en",
         h1: str | None = None) -> bytes:
    """The page, its `<h1>` the title unless ``h1`` is given ("" for none)."""
    h1 = f"<h1>{title}</h1>" if h1 is None else h1
    return (f'<!doctype html><html lang="{lang}"><head><title>{title}</title>'
            f'<meta property="article:published_time" content="2023-05-09">{head}</head>'
            f"<body><article>{h1}{body}</article></body></html>").encode()


TITRE = "Le vieux pont fermé pour travaux"
CHAPEAU = ("Le conseil communal a décidé mardi de fermer le vieux pont sur la Meuse, après la "
           "découverte de fissures dans deux de ses piles lors d'une inspection.")
SUITE = [
    f"Les travaux dureront {n} semaines, a précisé le bourgmestre, et les bus passeront par le "
    f"nouveau pont au nord, ce qui allongera le trajet d'une dizaine de minutes pour les "
    f"{n * 100} personnes qui le traversent chaque jour."
    for n in range(3, 8)
]


def imported(html: bytes) -> list[str]:
    """The article's blocks, as imported."""
    return [block.text for block in import_source(html, "page.html").quiz.article]


def kinds(html: bytes) -> list[tuple[str, str]]:
    """The article's blocks with their kinds (heading, paragraph…), as imported."""
    return [(block.kind, block.text) for block in import_source(html, "page.html").quiz.article]
