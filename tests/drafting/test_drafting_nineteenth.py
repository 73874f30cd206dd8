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


_DEFENCE = (
    "Emmanuel Macron doit s'exprimer dimanche 13 juillet sur les efforts de défense à consentir "
    "face à l'aggravation des menaces et à un ordre mondial confronté à de nombreux défis.",
    "Emmanuel Macron cherche à augmenter les ressources des armées au-delà de ce que prévoit "
    "déjà la loi de programmation militaire votée en 2023 par le Parlement après de longs "
    "débats entre les groupes de la majorité et ceux de l'opposition.",
    "La loi de programmation militaire prévoit 413 milliards d'euros pour les armées sur la "
    "période allant de 2024 à 2030, avec des hausses annuelles du budget, pour atteindre 67 "
    "milliards d'euros en fin de période selon le gouvernement.",
    "Le secrétaire général de l'OTAN, Mark Rutte, a récemment exhorté les alliés européens à "
    "augmenter leurs budgets de défense lors d'une réunion des ministres à Bruxelles.",
    "Emmanuel Macron avait déjà annoncé une hausse du budget des armées en 2017, au début de "
    "son premier mandat, et cette hausse a été confirmée chaque année depuis par les lois de "
    "finances successives votées par les députés et les sénateurs.",
    "Le général Thierry Burkhard, chef d'état-major des armées, a pour sa part dressé vendredi "
    "un sombre tableau des menaces lors d'une rare conférence de presse tenue à Paris devant "
    "de nombreux journalistes venus de toute l'Europe.",
    "Les autres pays européens cherchent eux aussi à augmenter leurs dépenses militaires, "
    "l'Allemagne en tête, qui compte atteindre un budget de défense de 162 milliards d'euros "
    "en 2029, soit bien plus que ce que prévoit la France pour la même année.",
    "Le ministre des Armées, Sébastien Lecornu, doit présenter les détails de cette hausse au "
    "Parlement à la rentrée, après l'annonce faite par Emmanuel Macron à l'Hôtel de Brienne.",
    "Les syndicats de la défense réclament depuis des mois des moyens supplémentaires pour "
    "recruter et fidéliser les personnels, dont les effectifs ont baissé pendant une longue "
    "période avant de remonter lentement ces dernières années, selon les chiffres publiés par "
    "le ministère.",
)


def test_a_french_office_holder_named_once_is_the_storys_actor() -> None:
    """franceinfo: « Le secrétaire général de l'OTAN, Mark Rutte, a récemment exhorté les
    alliés … », « le ministre des Outre-mer, Manuel Valls, a salué … »: French reports name an
    office holder once, then by the office, so a minister or a secretary general named once
    is no side detail (a name given once without an office still is, as in English)."""
    quiz = article("fr", *_DEFENCE)
    assert len(" ".join(_DEFENCE).split()) >= 300
    answers = {choice.text for draft in draft_questions(quiz, 10).drafts
               for choice in draft.question.choices if choice.correct}
    assert "Mark Rutte" in answers, answers


def test_a_television_is_no_person() -> None:
    """franceinfo: « Le texte d'une dizaine de pages, que France Télévisions a pu consulter,
    … » — two capitalised words tagged as an organisation, taken for a person — was offered as
    the minister's wrong answer (« Qui a salué … ? » Manuel Valls | Nicolas Metzdorf | France
    Télévisions)."""
    quiz = article(
        "fr",
        "L'Etat et les forces politiques de Nouvelle-Calédonie ont signé, samedi 12 juillet, "
        "un accord à Bougival.",
        "Le texte d'une dizaine de pages, que France Télévisions a pu consulter, doit encore "
        "être entériné en Nouvelle-Calédonie par les mandants des différentes délégations.",
        "Peu après l'annonce, le ministre des Outre-mer, Manuel Valls, a salué \"le choix du "
        "courage et de la responsabilité\".",
        "\"C'est signé, avec des Calédoniens qui restent Français\", a affirmé le député "
        "Nicolas Metzdorf dans une réaction transmise à l'AFP.",
        "\"C'est un compromis équilibré pour les uns et les autres\", a réagi Victor "
        "Tutugoro, élu indépendantiste qui faisait partie des négociations.")
    for draft in draft_questions(quiz, 10).drafts:
        assert "France Télévisions" not in {c.text for c in draft.question.choices}, \
            draft.question.prompt


def test_a_date_after_its_weekday_is_asked_when_and_the_weekday_goes_with_it() -> None:
    """Le Monde: « L'agence … a abaissé mardi 5 juillet … », franceinfo: « … ont signé, samedi
    12 juillet, un accord … »: French news writes the weekday before the day, and « Quand … ? »
    was asked only after « le ». The weekday leaves the question with the date (a wrong date
    that is no Saturday would give itself away); the commas around it go too."""
    from .test_drafting_counts import asked

    assert asked("fr", "Les délégations ont signé, samedi 12 juillet, un accord sur l'avenir "
                       "de la Nouvelle-Calédonie à Bougival.", "12 juillet") == (
        "Quand est-ce que les délégations ont signé un accord sur l'avenir de la "
        "Nouvelle-Calédonie à Bougival\u00a0?")
    assert asked("fr", "Le ministre des Finances a rencontré le vendredi 8 avril les syndicats "
                       "à Lisbonne.", "8 avril") == (
        "Quand est-ce que le ministre des Finances a rencontré les syndicats à Lisbonne\u00a0?")
    # « le 14 mars » as before; a weekday that is not before the day asks nothing new.
    assert asked("fr", "Le gouvernement a présenté le 14 mars un plan de relance.",
                 "14 mars") == ("Quand est-ce que le gouvernement a présenté un plan de "
                                "relance\u00a0?")
