"""A page declared in Latin-1 is read as browsers read it, in Windows-1252 (the nineteenth held-out
set: La DH writes its apostrophes as byte 0x92, which Latin-1 takes for a control character, and
the imported text read « labus » for « l'abus »)."""

from __future__ import annotations

from quiz.articles import import_source

PARAGRAPHS = [
    "La commission a remis son rapport l’an dernier, et l’Eglise doit maintenant décider "
    "d’instaurer un tribunal arbitral pour les victimes.",
    "L’abbé chargé du dossier a expliqué qu’il attendait la réponse des évêques, qui se "
    "réuniront la semaine prochaine à Malines.",
    "D’autres voient ce tribunal comme un premier pas : « C’est un début… », a dit un "
    "avocat des victimes, qui suit l’affaire depuis deux ans.",
]


# A page's head and foot without a byte over 0x7F, as long as La DH's: a guess of the encoding
# from a page's first and last 5,000 bytes (trafilatura's, through charset_normalizer) then sees
# none of the article's 0x92 and says Latin-1.
PADDING = "<!-- " + "menu " * 1200 + "-->"


def page(charset: str) -> bytes:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS * 3)
    html = (f'<html lang="fr"><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset={charset}"><title>Abus sexuels : un tribunal arbitral</title>{PADDING}'
            f"</head><body><article><h1>Abus sexuels : un tribunal arbitral</h1>{body}"
            f"</article>{PADDING}</body></html>")
    return html.encode("cp1252")


def test_a_page_declared_latin_1_keeps_its_windows_1252_apostrophes() -> None:
    for charset in ("iso-8859-1", "ISO-8859-1", "windows-1252"):
        texts = [block.text for block in import_source(page(charset), "page.html").quiz.article]
        assert texts[:3] == PARAGRAPHS, charset


def test_a_utf_8_page_is_read_as_utf_8() -> None:
    html = page("utf-8").decode("cp1252").encode("utf-8")
    texts = [block.text for block in import_source(html, "page.html").quiz.article]
    assert texts[:3] == PARAGRAPHS
