"""Issue 22, thirty-ninth round (docs/drafting.md, "Thirty-ninth round"): a figure that only
qualifies another of its sentence (the share of a total in brackets, the whole a count is a part
of) is not asked; so many in every so many stays below the whole; a person's other name and the
dead are not offered; a sentence that points back (« Comme elle, », « y ») is not copied; a
possessive name is a firm — and what the reviewer found those rules must leave alone. Each test
on the shape of a real sentence of the thirty-eighth or thirty-ninth set (or twenty-sixth)."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.drafting import draft as drafting

from .test_drafting_sixth import article, first_sentence, sentences_and_pool
from .test_drafting_twentieth import every_draft

PRISONS = ("Plus de 17.300 prisonniers ont été contaminés (2,3% du total) et près d'une "
           "centaine sont morts du coronavirus, d'après le Département pénitentiaire national.")
# (« 7.143 agents »: the page writes « 7.143 ont été », with no noun the drafter would count)
GUARDS = ("Parmi les 110.000 agents pénitentiaires, 7.143 agents ont été contaminés et 75 "
          "sont morts du covid-19, selon le Conseil national de Justice.")
REST = ("Quelque 38% des 2.095 détenus de la prison de Sorocaba ont été dépistés positifs.",
        "La prison de Sorocaba compte 4.000 places pour 6.000 détenus depuis 2019.")


def blanks(monkeypatch: pytest.MonkeyPatch, language: str, *paragraphs: str) -> list[str]:
    return [q.prompt for q in every_draft(monkeypatch, language, *paragraphs)
            if q.kind == "mcq" and "_____" in q.prompt]


def test_the_share_of_a_total_in_brackets_is_not_blanked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The thirty-eighth judge moved « contaminés (_____ du total) » to the 17.300 prisoners:
    the share restates the count before it. (« Plus de 17.300 » is a bound, never asked: the
    sentence is left to a statement.)"""
    prompts = blanks(monkeypatch, "fr", PRISONS, *REST)
    assert not [p for p in prompts if "(_____ du total)" in p], prompts


def test_the_whole_a_count_is_a_part_of_is_not_blanked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The thirty-eighth judge moved « Parmi les _____ agents pénitentiaires, 7.143 ont été
    contaminés » to the 7.143 infected (the twenty-sixth an English "Of the _____ districts"
    to the districts with cases)."""
    prompts = blanks(monkeypatch, "fr", GUARDS, *REST)
    assert not [p for p in prompts if "Parmi les _____ agents" in p], prompts
    assert [p for p in prompts if "agents pénitentiaires, _____ agents ont été" in p], prompts
    districts = ("Of the 38 districts in the state, Covid-19 cases have been reported in 10 "
                 "districts, the health department said.")
    prompts = blanks(monkeypatch, "en", districts,
                     "The health department counted 120 cases in the state on Monday.",
                     "Schools in the 10 districts will stay closed until March, it said.")
    assert not [p for p in prompts if "Of the _____ districts" in p], prompts


def test_the_whole_of_a_part_is_not_swapped_in_a_false_statement(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The thirty-ninth judge: « Sur les 100 patients décédés, 80,7% avaient plus de 60 ans »
    (83 in the article) is false in its frame, not in its fact."""
    deaths = "Sur les 83 patients décédés, 80,7% avaient plus de 60 ans, selon le ministère."
    rest = ("Cuba compte 1.467 cas de coronavirus depuis le mois de mars, selon le ministère.",
            "Près d'un tiers des 11,2 millions de Cubains a plus de 60 ans, selon l'Onu.")
    questions = every_draft(monkeypatch, "fr", deaths, *rest)
    mentions = [q.prompt for q in questions if "patients décédés" in q.prompt]
    assert mentions, [q.prompt for q in questions]
    assert all("Sur les 83 patients" in p for p in mentions), mentions


def test_so_many_in_every_so_many_stays_below_the_whole(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The thirty-ninth judge: « _____ TER sur 10 » offered 13 (and « 2 trains sur 3 » was
    swapped to « 4 trains sur 3 »: a false statement takes its figure from the same wrong
    answers)."""
    ter = "En moyenne nationale, 7 TER sur 10 circuleront lundi, selon la direction de la SNCF."
    rest = ("La grève contre la réforme des retraites entre dans son 40e jour lundi, à Paris.",
            "La SNCF prévoit 8 TGV sur 10 et 600 trains de plus que la semaine dernière.")
    questions = every_draft(monkeypatch, "fr", ter, *rest)
    figures = [int(c.text) for q in questions if " sur 10 " in q.prompt
               for c in q.choices if c.text.isdigit()]
    assert figures and max(figures) < 10, figures
    sentence, seven = fact_of("Seuls 7 trains sur 10 circuleront lundi, selon la SNCF.", "7",
                              "fr")
    assert drafting._ruled_out(seven, sentence, "fr")[0] == 9  # a count: not all ten either
    poll = ("The Gallup poll surveyed 1,500 voters across the state in March and April.",
            "Turnout in the state reached 64 percent in the last election, the state said.")
    for share in ("About 7 in 10 voters", "Seven out of 10 voters", "7 out of 10 voters"):
        prompts = [q.prompt for q in every_draft(monkeypatch, "en", f"{share} in the state say "
                                                 "the economy is their top worry, according "
                                                 "to the Gallup poll.", *poll)]
        assert prompts and not [p for p in prompts if "in _____" in p or "of _____" in p], \
            prompts


ARAFAT = ("Le chanteur ivoirien DJ Arafat, de son vrai nom Ange Didier Houon, est mort lundi à "
          "Abidjan des suites d'un accident de moto, a indiqué la télévision publique.",
          "Serge Beynaud et Debordo, deux autres stars du coupé-décalé, ont salué une icône de "
          "la musique ivoirienne lors d'une émission de la télévision publique.",
          "Bebi Philip, ancien arrangeur de DJ Arafat, s'est dit très touché auprès de l'AFP.",
          "Le président ivoirien Alassane Ouattara a adressé ses sincères condoléances à sa "
          "famille et à tous ses fans.",
          "Selon le producteur Ickx Fontaine, DJ Arafat était au top niveau depuis 15 ans.")


def test_a_person_s_other_name_is_not_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The thirty-ninth judge: « Qui a adressé ses sincères condoléances … ? » offered the
    dead singer twice, as DJ Arafat and under his real name."""
    questions = every_draft(monkeypatch, "fr", *ARAFAT)
    offered = {c.text for q in questions if q.kind == "mcq" for c in q.choices}
    assert offered, [q.prompt for q in questions]
    assert not {name for name in offered if "Houon" in name}, offered


def test_a_sentence_that_compares_with_someone_before_or_says_there_is_not_copied(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The thirty-ninth judge edited « Comme elle, près d'un tiers des Cubains a plus de 60
    ans » (who?) and « Qui y arborait une bague de fiançailles … ? » (where?)."""
    cuba = ("Carmen Gonzalez, 75 ans, vit seule à La Havane depuis la mort de son mari en 2015.",
            "Comme elle, près d'un tiers des Cubains a plus de 60 ans, une population vulnérable "
            "face à la pandémie.",
            "Le gouvernement cubain a fermé les frontières du pays le 24 mars, selon le ministère.")
    prompts = [q.prompt for q in every_draft(monkeypatch, "fr", *cuba)]
    assert prompts and not [p for p in prompts if "Comme elle" in p], prompts
    for idiom in ("Il y a deux ans, elle a épousé Dimitri Rassam.", "Ça y est, c'est fait.",
                  "Quatre grenades ont été lancées mais il n'y a eu aucune réaction.",
                  "Il va y avoir du monde.", "Miguel Díaz-Canel y Bermúdez a parlé.",
                  "Tous, y compris les enfants, sont venus."):
        assert drafting._THERE_BACK.search(idiom) is None, idiom  # no place pointed back to
    assert drafting._THERE_BACK.search("Elle s'y est rendue lundi.")
    ball = ("Charlotte Casiraghi et Dimitri Rassam ont assisté samedi au 64e Bal de la Rose à "
            "Monaco.",
            "Charlotte Casiraghi y arborait une bague de fiançailles ornée d'un diamant éclatant.",
            "Béatrice Borromeo, l'épouse de Pierre Casiraghi, portait une robe de Dior au bal.")
    questions = every_draft(monkeypatch, "fr", *ball)
    assert questions and not [q.prompt for q in questions if q.prompt.startswith("Qui y ") or
                              q.kind == "true_false" and " y arborait" in q.prompt], [
        q.prompt for q in questions]


def test_a_firm_in_the_possessive_is_not_offered_as_a_family(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The thirty-ninth judge: « créée par la famille _____ » offered Sotheby's (« RM
    Sotheby's », tagged a person) beside Schumacher and Barrichello; with no third person, the
    cloze is dropped."""
    ferrari = ("A l'occasion de la première vente aux enchères qu'elle organisera avec Formula "
               "1 à Abu Dhabi, RM Sotheby's va présenter aux enchères une monoplace Ferrari "
               "F2002 avec laquelle Michael Schumacher remporta trois Grands Prix en 2002.",
               "A titre de comparaison en novembre 2017, RM Sotheby's avait déjà vendu aux "
               "enchères une monoplace F2001 ex-Michael Schumacher pour 7 504 000 $.",
               "Une partie des revenus de sa vente seront reversés à la « Keep Fighting "
               "Foundation » créée par la famille Schumacher.",
               "Michael Schumacher a remporté cinq titres mondiaux avec la Scuderia entre 2000 "
               "et 2004.",
               "Rubens Barrichello a piloté la F2002 lors de la saison 2002 avec la Scuderia.")
    questions = every_draft(monkeypatch, "fr", *ferrari)
    offered = {c.text for q in questions if q.kind == "mcq" for c in q.choices}
    assert offered, [q.prompt for q in questions]
    assert not [name for name in offered if "Sotheby" in name], offered


def test_a_person_whose_death_the_article_tells_sends_no_condolences() -> None:
    """The thirty-ninth judge: the dead singer was offered for who sent « ses sincères
    condoléances à sa famille ». His death is read past his apposition (« DJ Arafat, de son
    vrai nom …, est mort lundi »), and condolences or a tribute are no act of the dead (on the
    real page the question is now dropped: two living persons were left to offer)."""
    _sentences, pool = sentences_and_pool(article("fr", *ARAFAT), "fr")
    dead = {c.name for c in pool["person"] if c.dead}
    assert any("Arafat" in name for name in dead), dead
    assert not [name for name in dead if "Ouattara" in name or "Beynaud" in name], dead
    assert drafting._RECENT_ACT.search(ARAFAT[3])  # (what `_entity_distractors` reads: the
    # real page's question, which offered him, is dropped — no fixture here offers him)


def test_the_rules_leave_ordinary_sentences_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reviewer's counter-examples: a span of time after « sur », a whole with no count
    of its part after it, "Covid-19" before "in" or « sur », a Spanish « y » between names."""
    cases = {
        "fr": [("Les prix de l'immobilier ont augmenté de 3 % sur 5 ans à Lyon, selon les "
                "notaires.", "augmenté de _____ sur 5 ans"),
               ("Sur les 500 patients hospitalisés à Paris, beaucoup souffrent du Covid-19 "
                "depuis mars.", "Sur les _____ patients"),
               ("Miguel Díaz-Canel y Bermúdez a annoncé la réouverture de 300 écoles à Cuba "
                "lundi.", "Díaz-Canel y Bermúdez"),
               ("L'essai du vaccin anti-Covid-19 sur 300 volontaires a commencé lundi à Lyon.",
                "Covid-19 sur _____ volontaires")],
        "en": [("Covid-19 in 120 countries has infected 300,000 people since January, the WHO "
                "said.", "Covid-19 in _____ countries")]}
    rest = {"fr": ("Les notaires ont enregistré 12.000 ventes à Lyon l'an dernier, un record.",
                   "Le directeur de l'AP-HP, Martin Hirsch, a demandé 300 lits de plus."),
            "en": ("The WHO counted 12,000 deaths in Europe by the end of March.",
                   "Its director called for 40 new field hospitals in the region.")}
    for language, sentences in cases.items():
        for sentence, asked in sentences:
            prompts = [q.prompt for q in every_draft(monkeypatch, language, sentence,
                                                     *rest[language])]
            assert [p for p in prompts if asked in p], (asked, prompts)


def fact_of(text: str, shown: str, language: str) -> tuple[str, Any]:
    sentence = first_sentence(language, text)
    return sentence.text, next(f for f in sentence.facts
                               if sentence.text[f.start:f.end].startswith(shown))


@pytest.mark.parametrize("text, shown, language", [
    ("The median rent in the city reached $1,900 in 2021, the housing office said.", "$1,900",
     "en"),
    ("On compte 4 cas sur 10 000 habitants dans le département, selon l'agence.", "4", "fr")])
def test_no_ceiling_from_a_year_or_a_rate(text: str, shown: str, language: str) -> None:
    """"$1,900 in 2021" is no share of 2021 (the answer was the highest choice), « 4 cas sur
    10 000 habitants » no share of 10."""
    sentence, fact = fact_of(text, shown, language)
    assert drafting._ruled_out(fact, sentence, language)[0] is None


def test_a_ceiling_never_falls_below_the_answer() -> None:
    """« 4,5 étoiles sur 5 »: at most 5, not 4 (which would leave the answer the highest)."""
    sentence, fact = fact_of("Les clients donnent 4,5 étoiles sur 5 au restaurant, selon le "
                             "guide.", "4,5", "fr")
    ceiling = drafting._ruled_out(fact, sentence, "fr")[0]
    assert ceiling is not None and ceiling >= fact.value


def test_a_relative_s_death_is_not_the_named_person_s() -> None:
    """« Le père de Bebi Philip est mort samedi » does not make Bebi Philip dead."""
    sentences, _pool = sentences_and_pool(article(
        "fr", "Le père de Bebi Philip est mort samedi à Abidjan, selon la famille.",
        "Bebi Philip a dévoilé lundi son nouveau clip à Abidjan."), "fr")
    assert not [name for name in drafting._dead_persons(sentences) if "Philip" in name]


def test_a_town_is_not_swapped_for_the_land_that_may_hold_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The fortieth judge: « le parquet de Seine-Saint-Denis » for « le parquet de Bobigny »
    was true (Bobigny is its seat). The article writes « en Seine-Saint-Denis » and « à
    Bobigny »: a land and a town are not offered for one another."""
    landlord = ("C'est un fléau particulièrement présent en Seine-Saint-Denis: dix-huit mois de "
                "prison ont été requis mercredi à Bobigny contre un marchand de sommeil.",
                "Le pavillon de Pierrefitte-sur-Seine était divisé en douze appartements.",
                "En 2019, le parquet de Bobigny a enregistré 450 signalements ou plaintes, a "
                "souligné la magistrate.",
                "Dans certaines communes de Seine-Saint-Denis, 20% du parc privé est indigne.")
    questions = every_draft(monkeypatch, "fr", *landlord)
    assert [q for q in questions if "Bobigny" in q.prompt], [q.prompt for q in questions]
    assert not [q.prompt for q in questions if "parquet de Seine-Saint-Denis" in q.prompt]
    assert not [q.prompt for q in questions if "parquet de _____" in q.prompt and
                "Seine-Saint-Denis" in {c.text for c in q.choices}]
