"""Issue 22, nineteenth round: French drafts beyond cloze (docs/drafting.md, "Nineteenth
round"). French sentences a teacher keeps were refused as needing the sentence before; each
test is built on the shape of a real sentence of the French development pages, with the
sentence that must still be refused beside it."""

from __future__ import annotations

from quiz.drafting import draft_questions
from quiz.drafting.facts import rejection

from .test_drafting_sixth import article, first_sentence


def passages(quiz_language: str, *paragraphs: str) -> list[str]:
    """The passage of every draft of the article."""
    return [draft.sentence.text for draft in draft_questions(
        article(quiz_language, *paragraphs), 10).drafts]


def test_a_time_told_from_the_articles_day_needs_no_sentence_before() -> None:
    """Slate: « Ce vendredi 24 janvier, … Donald Trump a porté une attaque importante au droit
    à l'avortement. » — the article's main fact — was refused for its « ce »; « ce jour-là »
    (which day?) still is."""
    lead = ("Ce vendredi 24 janvier, moins d'une semaine après avoir été investi pour son "
            "second mandat présidentiel, Donald Trump a porté une attaque importante au droit "
            "à l'avortement.")
    drafted = passages("fr", lead, "Déjà en 2017, Donald Trump avait rétabli la règle du "
                                   "bâillon mondial, abrogée en 2021 par Joe Biden.")
    assert lead in drafted, drafted
    for language, text in (
            ("fr", "Ces derniers mois, sur les côtes canadiennes, un nombre anormalement élevé "
                   "de requins ont été retrouvés morts."),
            ("fr", "Quant à la dette publique, le PIB devrait la voir passer à 99 % cette "
                   "année selon la Commission."),
            ("en", "This week, the city council of Napa approved a budget of 4 million dollars "
                   "for the library.")):
        assert rejection(first_sentence(language, text), language) == "", text
    for language, text in (
            ("fr", "Ce jour-là, le conseil municipal de Gavaudun a voté la création du parc."),
            ("fr", "Cette année-là, le conseil municipal de Gavaudun a voté la création du "
                   "parc."),
            ("fr", "Ce fendeur de bûches offre une sécurité optimale lors de son utilisation "
                   "au jardin."),
            ("en", "That week, the city council of Napa approved a budget of 4 million "
                   "dollars for the library.")):
        assert rejection(first_sentence(language, text), language) == "needs context", text


def test_a_pronoun_whose_noun_the_sentence_gives_needs_no_sentence_before() -> None:
    """TF1 Info: « Si le cashback s'est imposé …, il s'invite désormais … » and Le Monde:
    « Quant à la dette publique, elle devrait … » were refused for their subject pronoun, whose
    noun opens the sentence; « En février, elle prévoyait … » (who?) still is, and so is a
    pronoun of the wrong gender, or one that only names a speaker."""
    kept = (
        ("fr", "Si le cashback s'est imposé depuis quelques années dans l'univers des achats "
               "en ligne, il s'invite désormais dans un domaine inattendu : l'épargne."),
        ("fr", "Quant à la dette publique, elle devrait continuer à se rapprocher "
               "dangereusement des 100 % du PIB, à 99 % cette année."),
        ("fr", "Ainsi, pour les chercheurs, pour démasquer un menteur, il suffit de poser des "
               "questions et de le laisser se dévoiler."),
        ("en", "If the application meets expectations on all four attributes, it should pass "
               "with 40 points."),
    )
    for language, text in kept:
        assert rejection(first_sentence(language, text), language) == "", text
    refused = (
        ("fr", "En février, elle prévoyait encore 1,5 % de croissance pour l'UE et 1,3 % pour "
               "la zone euro."),
        ("fr", "Avec plus de 1300 avis clients et une note moyenne de 4,8 étoiles sur 5, elle "
               "fait clairement l'unanimité."),
        ("fr", "Lorsqu'un homme dit la vérité, elle est capable de donner des détails et de "
               "répondre aux questions."),
        ("en", "The shift to energy efficient products that coincided with the recovery since "
               "2009 has also capped electricity demand growth, he said."),
    )
    for language, text in refused:
        assert rejection(first_sentence(language, text), language) == "needs context", text


def test_a_possessive_whose_owner_follows_needs_no_sentence_before() -> None:
    """franceinfo: « Lors de sa traditionnelle allocution aux armées …, le chef de l'Etat
    fera des "annonces majeures" » — the page's main point — was refused for « sa »; Le Monde:
    « Moody's assortit sa note … » too. « Après son passage, la ville … » (the storm's) still
    is."""
    text = ("Lors de sa traditionnelle allocution aux armées à la veille de la fête nationale, "
            "à l'Hôtel de Brienne, le chef de l'Etat fera des \"annonces majeures\", selon "
            "l'Elysée.")
    assert rejection(first_sentence("fr", text), "fr") == ""
    moodys = ("Moody's assortit sa note d'une perspective négative, ce qui signifie qu'elle "
              "envisage de l'abaisser encore à moyen terme.")
    assert rejection(first_sentence("fr", moodys), "fr") == ""
    for text in ("Après son passage, une partie des parcs se retrouve ensablée dans la "
                 "commune.",
                 "Après son passage, la ville se retrouve ensablée dans la nuit de lundi.",
                 "Lors de leur traditionnelle allocution aux armées, le chef de l'Etat fera "
                 "des annonces majeures."):
        assert rejection(first_sentence("fr", text), "fr") == "needs context", text


def test_the_prime_minister_is_a_title_and_neither_of_them_points_back() -> None:
    """Le Monde: « … le premier ministre portugais, Pedro Passos Coelho, avait indiqué … »
    was refused as « le premier » (the first of what?); Slate: « Mais ni l'un ni l'autre n'a,
    à ce jour, accepté … » must be refused (which two?) now that « à ce jour » is no
    demonstrative."""
    title = ("Lors du débat parlementaire sur le programme du nouveau gouvernement, le premier "
             "ministre portugais, Pedro Passos Coelho, avait indiqué que le pays devait faire "
             "une économie additionnelle.")
    assert rejection(first_sentence("fr", title), "fr") == ""
    for text in ("Le premier requin avait, dans son estomac, de gros morceaux de marsouin, "
                 "rapporte Tonya Wimmer.",
                 "Mais ni l'un ni l'autre n'a, à ce jour, accepté d'intégrer formellement "
                 "l'Allemagne ou la Pologne sous leur protection nucléaire."):
        assert rejection(first_sentence("fr", text), "fr") == "needs context", text
