"""Issue 22, sixth round: a box presenting a publication and a teaser run into a paragraph are
not article text.

Courrier international closed its page on Hamas's tunnels with its presentation of the Wall
Street Journal (« C'est la bible des milieux d'affaires. … Avec 600 000 abonnés papier… »): three
drafts came from it. Le Point glued a teaser to the paragraph after it (« À LIRE AUSSI
Antisémitisme : retour au Moyen ÂgeSon domicile et la mosquée ont été perquisitionnés… »): the
teaser was offered as a person. The pages here are small, written in the shape of those two."""

from __future__ import annotations

from quiz.articles import import_source
from quiz.articles.boilerplate import without_glued_teaser, without_press_box

ARTICLE = [
    "Alors que les autorités israéliennes ont confirmé leur intention de lancer une opération "
    "terrestre à Gaza, le rôle des galeries souterraines du Hamas revient sur le devant de la "
    "scène, rappelle le quotidien conservateur américain.",
    "Le Hamas a continué à développer ce réseau, et pourrait avoir construit des centaines de "
    "kilomètres de tunnels depuis un an, d'après d'anciens officiers de sécurité israéliens.",
    "Une frappe imprécise peut causer de nombreuses victimes civiles, d'autant que les entrées "
    "de ces souterrains sont parfois cachées dans des immeubles résidentiels.",
    "Toutes les explications sont présentées dans cette vidéo du Wall Street Journal, traduite "
    "et sous-titrée par Courrier international.",
]
BOX = [
    "C'est la bible des milieux d'affaires. Les chroniqueurs et le comité éditorial défendent "
    "les points de vue conservateurs, même si le titre a maintenu une distance avec Trump.",
    "Récompensé par 39 prix Pulitzer, The WSJ est surtout apprécié pour ses analyses des "
    "marchés. Depuis son rachat, le quotidien a évolué vers une formule plus généraliste.",
    "Installée dans le quartier financier de New York depuis sa création, la rédaction compte "
    "au total 1 800 journalistes répartis dans près de cinquante pays.",
    "Avec 600 000 abonnés papier, The Wall Street Journal a le plus grand tirage des "
    "quotidiens aux États-Unis.",
]


def page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (f'<!doctype html><html lang="fr"><head><title>Gaza : les tunnels du Hamas</title>'
            f'<meta property="article:published_time" content="2023-10-30"></head><body>'
            f'<article><h1>Gaza : les tunnels du Hamas</h1>{body}</article></body></html>'
            ).encode()


def test_a_closing_box_presenting_a_publication_is_no_article_text() -> None:
    blocks = [("paragraph", text) for text in ARTICLE + BOX]
    assert without_press_box(blocks) == [("paragraph", text) for text in ARTICLE]
    imported = import_source(page(ARTICLE + BOX), "tunnels.html").text
    assert "bible des milieux d'affaires" not in imported
    assert "600 000 abonnés" not in imported
    assert "galeries souterraines" in imported and "sous-titrée par Courrier" in imported


def test_an_article_about_a_newspaper_keeps_its_text() -> None:
    """Press words in one closing paragraph, or all through a page about the press, are the
    news: only a closing run of two or more, in the second half of the page, is a box."""
    about = [("paragraph", text) for text in BOX[:2] + ARTICLE[:2] + BOX[2:3]]
    assert without_press_box(about) == about
    one = [("paragraph", text) for text in ARTICLE + BOX[3:]]
    assert without_press_box(one) == one


def test_a_teaser_glued_to_a_paragraph_goes_and_the_paragraph_stays() -> None:
    glued = ("À LIRE AUSSI Antisémitisme : retour au Moyen ÂgeSon domicile et la mosquée ont "
             "été perquisitionnés, lui-même placé en détention provisoire jusqu'à son jugement.")
    assert without_glued_teaser(glued) == (
        "Son domicile et la mosquée ont été perquisitionnés, lui-même placé en détention "
        "provisoire jusqu'à son jugement.")
    plain = "Le tribunal a rendu son jugement mardi, a indiqué Le Point dans son édition."
    assert without_glued_teaser(plain) == plain
