"""A small English news page written for the importer's tests: a lead and seven paragraphs of
a council closing a bridge, around the shape a test puts in it."""

from __future__ import annotations

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
