"""A block quotation introduced by the paragraph before it ("Steve Anglin, said:") keeps its
quotation marks: Electrek's CEO quotation was imported as plain text and drafted as the
article's own claim, made false (the sixteenth held-out set's judge)."""

from __future__ import annotations

from quiz.articles import import_source

TEXT = {
    "en": ("The city of Washington, Georgia, will get a solar farm and a microgrid designed by "
           "a company headquartered in Princeton, New Jersey, the mayor announced on Monday.",
           "The project will comprise both solar panels and a concentrating solar-thermal power "
           "technology, which the company has tested in Arizona for three years.",
           "The company’s chief executive, Steve Anglin, said:",
           "The citizens of the City of Washington will benefit by having a cleaner "
           "environment and price certainty.",
           "The farm should supply the town of 4,000 people from the summer of 2025."),
    "fr": ("La ville de Figeac accueillera une ferme solaire et un micro-réseau conçus par une "
           "entreprise installée à Toulouse, a annoncé lundi le maire de la commune.",
           "Le projet associera des panneaux solaires et une centrale thermique, que "
           "l'entreprise teste depuis trois ans dans les Pyrénées-Orientales.",
           "Son directeur général, Pierre Martin, a déclaré :",
           "Les habitants de Figeac profiteront d'un environnement plus propre et de prix "
           "stables.",
           "La ferme devrait alimenter les 10 000 habitants de la ville dès l'été 2025."),
}


def page(language: str) -> bytes:
    first, second, said, quoted, last = TEXT[language]
    return (f'<!doctype html><html lang="{language}"><head><title>A solar farm</title>'
            f'<meta property="article:published_time" content="2024-06-03"></head><body>'
            f'<article><h1>A solar farm</h1><p>{first}</p><p>{second}</p><p>{said}</p>'
            f'<blockquote><p>{quoted}</p></blockquote><p>{last}</p></article></body></html>'
            ).encode()


def test_a_block_quotation_after_its_speaker_keeps_its_quotation_marks() -> None:
    english = import_source(page("en"), "solar.html").text
    assert "Steve Anglin, said: “The citizens of the City of Washington will benefit by " \
        "having a cleaner environment and price certainty.”" in english
    french = import_source(page("fr"), "solaire.html").text
    assert "Pierre Martin, a déclaré : «\u00a0Les habitants de Figeac profiteront d'un " \
        "environnement plus propre et de prix stables.\u00a0»" in french
    assert "\n\nThe citizens" not in english and "\n\nLes habitants" not in french
