"""Issue 22, tenth round: what closes an old news page is no part of its article.

La DH's pages of 2011-2013 end with « Sites partenaires » and « Actuellement au cinéma », a
cinema listing whose blurbs became drafts (« L'agent du FBI Malcolm Turner reprend du service
sous les traits et les formes de Big Mamma… » as a true statement, "Big Mamma" offered as a
Belgian town); Le Soir's with its readers' comments under « Vos réactions » (one became a true
statement); La Libre's with a related story under « Savoir Plus ». The pages here are small,
written in the shape of those three."""

from __future__ import annotations

from quiz.articles import import_source
from quiz.articles.boilerplate import article_blocks, is_page_end

REPORT = [
    "Les résultats des analyses d'échantillons effectuées durant ce week-end à la suite de la "
    "catastrophe nucléaire au Japon n'ont révélé aucune radioactivité significative en "
    "Belgique, a indiqué lundi l'Agence fédérale de contrôle nucléaire.",
    "Des traces d'iode 131 ont été identifiées, entre le 22 et le 25 mars, dans les poussières "
    "de l'air à Mol, à Coxyde et à Bruxelles, mais les valeurs mesurées sont non "
    "significatives, poursuit l'agence.",
    "Des échantillons prélevés à Namur et à Ciney sont toujours en cours d'analyse. Les "
    "résultats seront communiqués ultérieurement par l'agence fédérale.",
]
CINEMA = [
    "L'agent du FBI Malcolm Turner reprend du service sous les traits et les formes de Big "
    "Mamma, pour une nouvelle mission dans une école d'art.",
    "Milton est prêt à tout pour rattraper les fanatiques qui ont assassiné sa fille et "
    "kidnappé le bébé de celle-ci pour le sacrifier à la prochaine pleine lune.",
]
COMMENTS = [
    "Je précise que cet enfant est roumain et a effectivement 12 ans, contrairement à ce que "
    "disent les examens osseux.",
    "Bravo ! Tant que ça hausse l'image de la Roumanie.",
]


def page(body: str) -> bytes:
    return ('<!doctype html><html lang="fr"><head><title>Japon : pas de radioactivité '
            'significative mesurée en Belgique</title><meta property="article:published_time" '
            f'content="2011-03-28"></head><body><article>{body}</article></body></html>'
            ).encode()


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_a_cinema_listing_under_partner_sites_is_no_article_text() -> None:
    body = (paragraphs(REPORT) + "<h3>Sites partenaires</h3><h3>Actuellement au cinéma</h3>"
            + paragraphs(CINEMA))
    imported = import_source(page(body), "japon.html")
    text = imported.text
    assert "Big Mamma" not in text and "Milton" not in text
    assert "Sites partenaires" not in text and "Actuellement au cinéma" not in text
    assert "iode 131" in text and "Namur et à Ciney" in text


def test_readers_comments_are_no_article_text() -> None:
    body = paragraphs(REPORT) + "<h2>Vos réactions</h2>" + paragraphs(COMMENTS)
    text = import_source(page(body), "ours.html").text
    assert "examens osseux" not in text and "Bravo" not in text
    assert "Vos réactions" not in text and "Namur et à Ciney" in text


def test_a_related_story_under_savoir_plus_goes_too() -> None:
    blocks = [("paragraph", text) for text in REPORT] + [
        ("heading", "Savoir Plus"),
        ("paragraph", "Di Rupo lira la déclaration de politique générale du gouvernement "
                      "mercredi à 14h30"),
        ("paragraph", "Ce sera le cas mercredi après-midi à 14h30, au parlement.")]
    assert article_blocks(blocks) == [("paragraph", text) for text in REPORT]


def test_only_the_whole_label_ends_the_article() -> None:
    """An article's own subheading that speaks of reactions or comments is kept, and so is
    what follows it; a label before any paragraph cuts nothing."""
    assert not is_page_end("Les réactions du gouvernement")
    assert not is_page_end("Commentaire de texte : la loi de 1905")
    assert is_page_end("Comments (12)") and is_page_end("3 commentaires")
    blocks = [("paragraph", REPORT[0]), ("heading", "Les réactions du gouvernement"),
              ("paragraph", REPORT[1])]
    assert article_blocks(blocks) == blocks
    first = [("heading", "Commentaires"), ("paragraph", REPORT[0])]
    assert article_blocks(first) == [("paragraph", "Commentaires"), ("paragraph", REPORT[0])]
