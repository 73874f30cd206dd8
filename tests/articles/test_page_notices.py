"""What the eleventh and twelfth held-out sets' pages kept in their text (issue 22, their
judges' notes): the pay barrier's notice, the reading time, the publisher's update note, a call
for readers' pictures, a script's "Loading …", the affiliate-links note, "More Must-Reads From
TIME", a pull-quote repeating a paragraph, the title again as the first paragraph, an agency's
dateline, a section after the site's name in the title, the site's name before it, an
illustration's credit, a button's label, a rule drawn with underscores and "Sponsored Ads";
the thirteenth set's update notes and a logo taken for the title. Each shape as the page
printed it."""

from __future__ import annotations

import pytest

from quiz.articles import article_from_html
from quiz.articles.boilerplate import (
    article_blocks,
    is_boilerplate,
    without_byline,
    without_pull_quotes,
    without_site_name,
)

PARAGRAPH = ("The storm closed roads across the county on Wednesday, and the council said the "
             "schools would stay shut until the water went down.")


@pytest.mark.parametrize("notice", [
    "Il vous reste 61.86% de cet article à lire. La suite est réservée aux abonnés.",
    "La suite de cet article est réservée aux abonnés.",
    "The rest of this article is for subscribers only.",
    "Durée de lecture : 12 minutes",
    "Temps de lecture : 3 min",
    "5 min read",
    "This story has been updated with additional developments.",
    "Cet article a été mis à jour à 18 h 30.",
    "Are you in the grips of the wintry storm sweeping across the country? Please share your "
    "videos, pictures and stories at iReport.",
    "Envoyez-nous vos photos de la tempête à la rédaction.",
    "Loading weather data ...",
    "Illustration by Mike Nudelman",
    "Photo de Jean Dupont",
    # (The thirteenth set's: The Atlantic's and the Los Angeles Times' update notes.)
    "Updated on September 19 at 3:15 p.m.",
    "UPDATES:",
    "2:58 p.m.: This article was updated to add the potential cost of the school-district "
    "shutdown and to identify who prepared the report.",
    "Last updated: 19/09/2016 15:15 BST",
    "Mis à jour le 19 septembre 2016 à 15h15",
    "Mise à jour :",
    # (The fourteenth set's: Reuters in French, Bloomberg.)
    "par Alexandria Sage et Lisa Girion",
    "(Avec Jonathan Allen et Daniel Trotta ; Jean Terzian pour le service français)",
    "(Reporting by Jonathan Allen; Editing by Mary Milliken)",
    "— With assistance by Tony Capaccio, and Jennifer Epstein",
])
def test_a_sites_notice_is_not_the_article(notice: str) -> None:
    assert is_boilerplate(notice)


@pytest.mark.parametrize("sentence", [
    "Le journal a mis à jour ses tarifs, réservés aux abonnés depuis 2019.",
    "Loading the trucks took the volunteers most of the night.",
    "The agency asked residents to stay home and share information with neighbours.",
    "Il reste 40 % des travaux à réaliser avant l'été, selon la mairie.",
    "Photos by the police were shown to the jury on Tuesday.",
    # (A reviewer's sentences that the first version of these rules took for notices.)
    "15 minutes de lecture par jour suffisent à améliorer le vocabulaire des enfants, selon "
    "une étude publiée jeudi.",
    "20 minutes de lecture quotidienne : c'est l'objectif fixé par le ministère.",
    "The FTC said influencers must clearly disclose affiliate links in every post, or face "
    "fines.",
    "\"We receive a commission on each sale,\" the agency's director told reporters on "
    "Tuesday.",
    "\"Don't be afraid to share your experiences,\" the counsellor told the pupils gathered in "
    "the gym.",
    "« Partagez vos témoignages », a lancé la ministre aux victimes de harcèlement scolaire.",
    "Send us your photos of the eclipse, the mayor urged residents.",
    "This report was updated in 2023 to include data from 40 countries, the OECD said.",
    "Images de propagande",
    "Photo de famille pour les dirigeants du G7 réunis en Italie",
    "Updated maps show the storm's path across the county on Wednesday.",
    "Updated on Monday, the rules now allow 10 pupils a class.",
    "Updates to the law came into force in March.",
    "Mis à jour en 2019, le plan prévoit 20 bus de plus.",
    "Par ailleurs, les pompiers et les gendarmes sont intervenus toute la nuit.",
    "With assistance by neighbours, the family rebuilt the house in a month.",
    "(Reporting from the ground was difficult, the agency said.)",
    "(Reporting by the BBC's team in Kyiv showed the damage was extensive.)",
    "(Editing by hand is slow, said the teacher.)",
    "— With assistance from neighbours, the family rebuilt the house in a month.",
])
def test_the_articles_own_sentences_stay(sentence: str) -> None:
    assert not is_boilerplate(sentence)


def test_more_must_reads_and_the_teasers_under_it_go() -> None:
    blocks = [("paragraph", PARAGRAPH), ("heading", "More Must-Reads From TIME"),
              ("paragraph", "The Best Inventions of the Year")]
    assert article_blocks(blocks) == [("paragraph", PARAGRAPH)]
    # An article's own subheading that starts alike, and its section, stay.
    section = [("paragraph", PARAGRAPH), ("heading", "Must-read books for the summer"),
               ("paragraph", "The librarians chose twelve novels for the holidays.")]
    assert article_blocks(section) == section


def test_a_pull_quote_goes_even_shortened_and_the_paragraph_it_quotes_stays() -> None:
    quoted = ("Lorsque nous interrogeons les parents, nous découvrons la place centrale des "
              "écrans. L’enfant est en contact permanent avec les écrans : de façon directe ou "
              "indirecte, quand un écran est allumé dans la pièce où l’enfant se trouve, ou "
              "lorsque le parent regarde son portable mais ne regarde plus son enfant.")
    pull_quote = ("L’enfant est en contact permanent avec les écrans : de façon directe ou "
                  "indirecte lorsque le parent regarde son portable mais ne regarde plus son "
                  "enfant")
    blocks = [("paragraph", PARAGRAPH), ("paragraph", pull_quote), ("paragraph", quoted)]
    assert without_pull_quotes(blocks) == [("paragraph", PARAGRAPH), ("paragraph", quoted)]
    # A short phrase said twice is the article's own; so is a sentence whose first and last
    # words a paragraph has far apart.
    said_twice = [("paragraph", "Rien ne change, dit-il."), ("paragraph", quoted),
                  ("paragraph", "Rien ne change, dit-il. Les travaux reprennent lundi.")]
    assert without_pull_quotes(said_twice) == said_twice
    far_apart = [("paragraph", "Le maire a dit aux habitants que les travaux reprendront "
                               "lundi prochain sans faute."),
                 ("paragraph", "Le maire a dit aux habitants que la route resterait fermée "
                               "tout l'hiver, que les ouvriers, absents depuis des semaines, "
                               "en grève, payés en retard, mal logés, épuisés, reviendraient "
                               "peut-être au printemps, et que les travaux reprendront lundi "
                               "prochain sans faute.")]
    assert without_pull_quotes(far_apart) == far_apart


def test_the_title_again_as_the_first_paragraph_goes() -> None:
    page = f"""<html lang="fr"><head><meta property="og:title" content="Jacques Testart :
    « Il faut un contrôle citoyen de l'activité de recherche »"></head><body><article>
    <p>Jacques Testart : « Il faut un contrôle citoyen de l’activité de recherche »</p>
    <p>Durée de lecture : 12 minutes</p>
    {"".join(f"<p>{PARAGRAPH} ({n})</p>" for n in range(8))}
    </article></body></html>"""
    article = article_from_html(page)
    assert article.blocks[0] == ("paragraph", f"{PARAGRAPH} (0)")
    assert len(article.blocks) == 8


def test_an_agencys_dateline_and_a_section_after_the_site_go() -> None:
    assert without_byline("(CNN) -- The Pennsylvania official was just talking about one "
                          "area, but he summed up a winter storm.") == (
        "The Pennsylvania official was just talking about one area, but he summed up a "
        "winter storm.")
    title = "Takeaways from Donald Trump’s contentious testimony in his civil fraud trial"
    assert without_site_name(f"{title} | CNN Politics", "CNN") == title
    # A title whose last words are no section of the site keeps them.
    assert without_site_name("Paris - Berlin en train", "CNN") == "Paris - Berlin en train"


def test_a_closing_buttons_label_a_rule_and_sponsored_ads_go_and_one_word_headings_stay(
        ) -> None:
    other = "The council met again on Thursday to decide when the schools would open."
    # "Sponsored Ads" goes, not what follows it (a label between paragraphs is no page end).
    blocks = [("paragraph", PARAGRAPH), ("heading", "Contexte"), ("paragraph", "___"),
              ("paragraph", "Why?"), ("paragraph", "Sponsored Ads"), ("paragraph", other),
              ("paragraph", "Contribuer")]
    assert article_blocks(blocks) == [
        ("paragraph", PARAGRAPH), ("heading", "Contexte"), ("paragraph", "Why?"),
        ("paragraph", other)]
    # One-word paragraphs inside the text stay: a list's items, an interview's answer.
    listed = [("paragraph", "Cinq pays ont déjà adopté cette règle, selon la Commission :"),
              *[("paragraph", country) for country in ("France", "Belgique", "Italie")],
              ("paragraph", "Non"), ("paragraph", PARAGRAPH)]
    assert article_blocks(listed) == listed


def test_a_logo_in_the_pages_h1_gives_way_to_its_title() -> None:
    # Politico's page: the <h1> holds the logo's picture and its words, the story's title is
    # the page's <title> (its og:title written with value= instead of content=).
    page = f"""<html lang="en"><head><title>Insiders: Trump will sink Pence in VP debate -
    POLITICO</title><meta value="Insiders: Trump will sink Pence in VP debate"
    name="og:title"></head><body><header><h1><a href="https://www.politico.com/"><svg>
    <title>POLITICO</title> <desc>Politico Logo</desc></svg></a></h1></header><article>
    {"".join(f"<p>{PARAGRAPH} ({n})</p>" for n in range(8))}</article></body></html>"""
    article = article_from_html(page, "https://www.politico.com/story/2016/10/vp-debate")
    assert article.title == "Insiders: Trump will sink Pence in VP debate"
    # A host name for the site: its name goes from the title as the site's would.
    assert without_site_name("Insiders: Trump will sink Pence - POLITICO", "politico.com") == (
        "Insiders: Trump will sink Pence")
    assert without_site_name("Kyiv - Odesa by night train", "politico.com") == (
        "Kyiv - Odesa by night train")


def test_the_sites_name_before_the_title_goes() -> None:
    title = "2005 Zuckerberg Didn’t Want To Take Over The World"
    assert without_site_name(f"TechCrunch | {title}", "TechCrunch") == title
    # Words before a bar that are not the site's name are the title's.
    assert without_site_name(f"Facebook | {title}", "TechCrunch") == f"Facebook | {title}"


def test_paragraphs_written_with_line_breaks_are_paragraphs_and_never_glued() -> None:
    # BFM TV and MSNBC (the fourteenth set) write a story's paragraphs in one <p>, two <br>
    # between them: each is a paragraph of its own, where the importer gave "… de
    # Ménière.Les chercheurs …". A line break inside a sentence (an address) is a space.
    sentences = ["L'Office européen des brevets a reçu 10.900 demandes françaises en 2022, "
                 "selon son rapport annuel publié mardi.",
                 "Les chercheurs du CNRS ont déposé 154 demandes, un peu moins que l'an "
                 "dernier.",
                 "« La recherche sur les batteries explose », a noté l'office dans son "
                 "rapport."]
    page = f"""<html lang="fr"><head><title>Brevets : la France cinquième</title></head>
    <body><article><p>{"<br><br>".join(sentences)}</p>
    <p>L'office siège au 10 rue de la Paix<br>à Munich depuis sa création en 1977, a
    rappelé son président.</p>
    {"".join(f"<p>{PARAGRAPH} ({n})</p>" for n in range(6))}</article></body></html>"""
    blocks = [text for _kind, text in article_from_html(page).blocks]
    assert blocks[:4] == [*sentences, "L'office siège au 10 rue de la Paix à Munich depuis sa "
                          "création en 1977, a rappelé son président."]


def test_crossheads_in_capitals_a_datelines_region_and_a_newsletter_title() -> None:
    # Reuters' crossheads, printed as paragraphs in capitals, are headings (never drafted);
    # a sentence in capitals, with its full stop, stays a paragraph.
    other = "The police found no sign that the gunman had acted with anyone else, they said."
    blocks = [("paragraph", PARAGRAPH), ("paragraph", "PISTE D'UN INDIVIDU ISOLE"),
              ("paragraph", "LE GOUVERNEMENT A DIT NON."), ("paragraph", other)]
    assert article_blocks(blocks) == [
        ("paragraph", PARAGRAPH), ("heading", "PISTE D'UN INDIVIDU ISOLE"),
        ("paragraph", "LE GOUVERNEMENT A DIT NON."), ("paragraph", other)]
    # The dateline with the region's name before the agency.
    assert without_byline("LAS VEGAS, Nevada (Reuters) - Stephen Paddock, le tireur qui a tué "
                          "58 personnes, n'avait pas de passé militaire.") == (
        "Stephen Paddock, le tireur qui a tué 58 personnes, n'avait pas de passé militaire.")
    # A region's name is a dateline's only before a news agency.
    shares = ("IBM, Microsoft (MSFT) - Shares of both companies rose on Monday after the "
              "results were published.")
    assert without_byline(shares) == shares
    # Slate's <h1> held its newsletter's box: the page's <title> is the story's.
    page = f"""<html lang="en"><head><title>Trumpcare proves that Trump's promise to rural
    voters was always a con.</title></head><body><h1>Get Slate in your inbox.</h1><article>
    {"".join(f"<p>{PARAGRAPH} ({n})</p>" for n in range(8))}</article></body></html>"""
    assert article_from_html(page).title == (
        "Trumpcare proves that Trump's promise to rural voters was always a con.")
    # A headline that starts like a call to action is a headline.
    headline = "Schools sign up for the new free meals scheme in record numbers"
    assert article_from_html(page.replace("Get Slate in your inbox.", headline)).title == (
        headline)


def test_a_paragraph_parted_at_its_line_breaks_is_judged_whole() -> None:
    # (A review's cases.) A sentence of a long paragraph is never judged alone as a short
    # block would be: the newsletter sentence stays; a timetable written with <br> is no live
    # blog; a quote and its speaker, "Dr." and its name, stay together.
    sentences = ["Le collège a fermé ses portes lundi après la tempête qui a endommagé le toit "
                 "du gymnase et plusieurs salles de classe du bâtiment principal.",
                 "Les parents ont été prévenus par la newsletter de l'établissement dimanche "
                 "soir.",
                 "Les cours reprendront à distance dès mardi, selon le rectorat."]
    timetable = ["The class trip to the museum on Friday follows this timetable, the school "
                 "said.", "8:30 – Pupils meet at the gate.", "9:15 – The coach leaves.",
                 "10:30 – Guided visit of the dinosaur hall.", "12:00 – Lunch in the park."]
    page = f"""<html lang="fr"><head><title>Tempête : le collège ferme</title></head><body>
    <article><p>{"<br><br>".join(sentences)}</p><p>{"<br>".join(timetable)}</p>
    <p>“We will rebuild the bridge before the winter comes,”<br>Mayor Ann Lee said on Monday
    after she met Dr.<br>Smith at the school.</p>
    {"".join(f"<p>{PARAGRAPH} ({n})</p>" for n in range(4))}</article></body></html>"""
    blocks = [text for _kind, text in article_from_html(page).blocks]
    assert blocks[:len(sentences) + len(timetable) + 1] == [
        *sentences, *timetable, "“We will rebuild the bridge before the winter comes,” Mayor "
        "Ann Lee said on Monday after she met Dr. Smith at the school."]
