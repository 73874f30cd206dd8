"""A page with elements of another vocabulary (Le Soir's CMS writes its standfirst as
<cci:p xmlns:cci="…"> inside an <h3>): trafilatura copies the prefixed name into the XML it
writes and cannot read that XML back, so the import crashed with lxml's "Namespace prefix
cci on p is not defined". The page is read again with the prefixes off the names."""

from __future__ import annotations

import pytest

from quiz.articles import article_from_html

PARAGRAPH = ("La ministre de l'Intérieur était l'invitée de la radio ce lundi matin. Elle a "
             "défendu le service de renseignement, qu'elle juge indispensable, et promis une "
             "réforme avant l'été. ")
PAGE = ("<html><head><title>Pas question de supprimer la Sûreté</title></head><body><article>"
        "<h1>Pas question de supprimer la Sûreté</h1>"
        '<h3><cci:p xmlns:cci="urn:schemas-ccieurope.com">La ministre était l’invitée de la '
        'radio <ccix:command value="134"></ccix:command value="134">ce lundi.</cci:p></h3>'
        f"<p>{PARAGRAPH * 2}</p><p>{PARAGRAPH.replace('lundi', 'mardi') * 2}</p>"
        "</article></body></html>")


@pytest.mark.parametrize("page", [PAGE, PAGE.encode("utf-8")], ids=["text", "bytes"])
def test_a_prefixed_element_is_read_as_the_element_it_names(page: str | bytes) -> None:
    article = article_from_html(page)
    assert article.title == "Pas question de supprimer la Sûreté"
    # The standfirst written as <cci:p> is the first paragraph, then the article's own.
    assert [text[:40] for _kind, text in article.blocks] == [
        "La ministre était l’invitée de la radio ",
        "La ministre de l'Intérieur était l'invit",
        "La ministre de l'Intérieur était l'invit"]
    assert article.blocks[0][1] == "La ministre était l’invitée de la radio ce lundi."
