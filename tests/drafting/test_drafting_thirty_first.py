"""Issue 22, thirty-first round: what the judge of the thirty-first held-out set rejected or
edited (docs/drafting.md, "Thirty-first round"), each test on the shape of a real sentence."""

from __future__ import annotations

import pytest

from quiz.drafting import draft as drafting
from quiz.drafting import wh
from quiz.drafting.facts import Fact, rejection

from .test_drafting_fifth import article
from .test_drafting_sixth import first_sentence, sentences_and_pool
from .test_drafting_twentieth import every_draft


@pytest.mark.parametrize(("language", "text"), [
    # a person by a role alone, the definite subject (cricket.com.au: who is the captain, the
    # batsman? Orange: which president?)
    ("en", "The captain and his brains trust will doubtless argue there was nothing to gain by "
           "setting India a goal they might conceivably attain."),
    ("en", "On day three, the highly rated top-order batsman came in at No.6 and lasted ten "
           "balls before holing out."),
    ("fr", "Le 8 juillet dernier, s'exprimant à l'occasion du sommet du G20 qui se tenait à "
           "Hambourg, le président a eu une formulation qui suscite le débat."),
    # a person by an age alone (NOLA.com: George Wein, named before)
    ("en", "The 89-year-old festival impresario attended a ribbon-cutting ceremony Thursday for "
           "the new jazz center."),
    # "it" as an object, nothing before it that it can be (the wicket)
    ("en", "For almost seven hours, the Australians searched for it only to fumble when it fell "
           "their way."),
    # « lui » after a preposition: the swimmer of the sentence before (Orange, Calvados)
    ("fr", "Une patrouille de sauveteurs passait, par chance, près de lui et l'a sauvé."),
    # the subject pronoun of a sentence whose main clause the parse put later
    ("en", "Now it will inhabit the seven classrooms and 200-seat performance space -- every "
           "space is wired to a central control room -- at the new jazz center."),
    # not even with whom? What was a swimmer?
    ("fr", "Pas même avec la biotech américaine Moderna, dans laquelle la Cepi a pourtant "
           "investi très tôt."),
    ("fr", "En réalité, il s'agissait d'un nageur habitué à de grandes aventures, qui nage "
           "régulièrement en mer."),
    ("fr", "Au large de la côte, l'homme en question est à bout de souffle depuis une heure."),
])
def test_a_sentence_that_leans_on_the_one_before_needs_context(language: str,
                                                               text: str) -> None:
    assert rejection(first_sentence(language, text), language) == "needs context"


@pytest.mark.parametrize(("language", "text"), [
    # the role names whom: "of …", « de la République », a name, a capital (a title)
    ("en", "The captain of Australia said the team would make it clear that nothing changes."),
    ("fr", "Le président de la République a eu une formulation qui suscite le débat à "
           "Hambourg."),
    ("fr", "Le Premier ministre a annoncé lundi un plan de relance de cent milliards d'euros."),
    ("en", "The coach, Steve Kerr, said the team would play its starters on Sunday night."),
    # "it" stands for a thing the sentence names, or for the clause after it
    ("en", "The council approved the budget and sent it to the mayor on Monday evening."),
    ("en", "The ruling made it harder for the company to sell its shares in Europe."),
    # « lui » after a preposition, the person named before it
    ("fr", "Jean Dupont a reçu ses amis chez lui samedi soir pour fêter sa victoire."),
    # « en question » as the idiom, no pointer back
    ("fr", "Le vote du conseil municipal de Lyon a entraîné la remise en question du projet "
           "de tramway."),
])
def test_a_role_or_pronoun_the_sentence_resolves_is_kept(language: str, text: str) -> None:
    assert rejection(first_sentence(language, text), language) == ""


def test_a_regnal_number_is_no_surname() -> None:
    """The Daily Beast: "XVI" (of "Benedict XVI") was offered as a person beside Martin and
    Zollman; "Jr." is no surname either."""
    assert drafting.surname("Benedict XVI") == "Benedict XVI"
    assert drafting.short_name("Elizabeth II", set()) == "Elizabeth II"
    assert drafting.surname("Martin Luther King Jr.") == "King"
    assert drafting.surname("Osama bin Laden") == "bin Laden"
    assert drafting.surname("Malcolm X") == "Malcolm X"
    assert drafting.surname("Robert Griffin III") == "Griffin"  # a family's number


def test_a_speaker_who_told_an_outlet_is_asked_who_said() -> None:
    """The Daily Beast: "“…,” Martin told The Daily Beast" gave "Who told “…”?" — told whom?"""
    sentence = first_sentence(
        "en", "“There is a danger of backlash because of the esteem so many Catholics hold "
              "nuns,” Martin told The Daily Beast at the height of the scandal.")
    fact = next(f for f in sentence.facts if f.name == "Martin")
    assert wh.wh_prompt(sentence, fact, 0, "en") == \
        "Who said “There is a danger of backlash because of the esteem so many Catholics " \
        "hold nuns”?"


def test_a_pronoun_of_another_person_tells_no_gender() -> None:
    """Press Enterprise: "Defense attorney Nic Cocis said Avalos did not seek to have her
    boyfriend killed" made Cocis a woman, and he was offered beside Judy Avalos for "Who was
    charged … that injured her boyfriend?" (a man among the choices, the only woman the
    answer). « her » is the other person's: no gender for Cocis; Avalos's own sentence still
    tells hers."""
    sentences, _pool = sentences_and_pool(article(
        "en",
        "Judy Avalos, 20, was charged with conspiracy to commit murder after a shooting near "
        "Perris that injured her boyfriend.",
        "Defense attorney Nic Cocis said Avalos did not seek to have her boyfriend killed."),
        "en")
    drafting._genders_from_agreement(sentences, "en")
    genders = {f.name: f.gender for s in sentences for f in s.facts if f.kind == "person"}
    assert genders["Judy Avalos"] == "f"
    assert genders["Nic Cocis"] == ""


# Sentences around the one tested, with names and figures of their own to draw from.
_AROUND = {
    "en": ("Deputies from Perris, Menifee and Lake Elsinore searched the 1200 homes of the area "
           "on Tuesday.",
           "The victim, 24, was taken to a hospital in Riverside with 3 gunshot wounds.",
           "Judy Avalos was arrested in Moreno Valley two days later, deputies said."),
    "fr": ("La Cepi a déjà investi 1,4 milliard de dollars dans neuf projets de vaccins en "
           "Europe.",
           "Selon Gavi, 92 pays pauvres recevront des doses financées par les pays riches.",
           "L'Organisation mondiale de la santé veut vacciner 20% de la population de chaque "
           "pays d'ici à la fin 2021.",
           "Covax a été lancé à l'initiative de l'OMS, de la Cepi et de l'Alliance pour le "
           "vaccin, Gavi."),
}


@pytest.mark.parametrize(("language", "text", "hidden"), [
    # a street block's number (Press Enterprise)
    ("en", "The shooting was reported to the sheriff's department about 9:30 p.m. in the "
           "23300 block of Edmond Street, in the area known as Good Hope.", "23300"),
    # the outlet a speaker talked to (Orange: l'AFP)
    ("fr", "\"Les Etats-Unis sont potentiellement en situation d'avoir trop de vaccins\", dit "
           "Richard Hatchett depuis Londres dans une interview à l'AFP.", "AFP"),
    # the day the figures were counted (Orange: 27 mars)
    ("fr", "A la date du 27 mars, la France était encore très éloignée de l'immunité "
           "collective, selon l'épidémiologiste Catherine Hill.", "27 mars"),
])
def test_a_side_detail_is_not_blanked(monkeypatch: pytest.MonkeyPatch, language: str,
                                      text: str, hidden: str) -> None:
    questions = every_draft(monkeypatch, language, text, *_AROUND[language])
    assert questions, "the article still gives drafts"
    for question in questions:
        prompt = question.prompt
        if drafting.lexicon.BLANK in prompt and (text[:20] in prompt or text[-25:-1] in prompt):
            assert hidden in prompt, prompt  # the sentence's blank is elsewhere


def test_this_year_after_of_reads_as_the_year(monkeypatch: pytest.MonkeyPatch) -> None:
    """MIT Technology Review: "In April of this year" became "In April of in 2014" (the
    helper's article is of 2025)."""
    questions = every_draft(
        monkeypatch, "en",
        "In April of this year, Feng Zhang and the Broad Institute won the first of several "
        "sweeping patents on the technology.",
        "The Broad Institute raised more than $80 million from investors in March of this "
        "year.",
        "Editas Medicine, a startup in Cambridge, expects clinical trials to begin within three "
        "years.")
    statements = [q.prompt for q in questions if q.kind == "true_false" and "2025" in q.prompt]
    assert statements
    for statement in statements:
        assert "of 2025" in statement and "in 2025" not in statement, statement


def test_a_french_milliard_agrees_with_each_wrong_figure(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """« 1,4 milliard » was offered beside « 2,5 milliard » and « 2,0 milliard »."""
    questions = every_draft(monkeypatch, "fr", *_AROUND["fr"])
    shown = [c.text for q in questions for c in q.choices if "milliard" in c.text]
    assert "1,4 milliard" in shown and len(shown) > 2, shown
    for text in shown:
        value = float(text.split()[0].replace(",", "."))
        assert text.endswith("milliards" if value >= 2 else "milliard"), text


def test_the_age_of_a_partner_or_of_someone_told_of_in_a_relative_clause_is_not_asked(
        ) -> None:
    """Press Enterprise: "her _____-year-old boyfriend"; development pages: « La victime, qui
    avait _____ ans, était un mannequin », « Le défunt, qui avait _____ ans, avait d'abord
    trouvé du travail … » — the age of someone the sentence tells of, a side detail as a
    relative's is. An unnamed newcomer's age ("a _____-year-old man") is still asked."""
    def side(text: str) -> bool:
        at = text.index("#")
        text = text.replace("#", "51")
        return drafting.side_figure(text, Fact(at, at + 2, "number", "51", value=51.0,
                                               style="digits|fr|0"))

    assert side("Avalos told investigators that she and her #-year-old boyfriend had gone to "
                "Bakersfield.")
    assert side("La victime, qui avait # ans, était un mannequin assez connue en Afrique du Sud.")
    assert side("Le défunt, âgé de # ans, avait d'abord trouvé du travail comme camionneur.")
    assert not side("Police said a #-year-old man was arrested on Monday.")
    assert not side("Il a été condamné à # ans de réclusion criminelle pour ce meurtre.")


# A captain named with his role, then by the role alone (cricket.com.au's shape).
_SMITH = ("Australia captain Steve Smith declared on the final morning at the MCG, setting "
          "India 384 runs to win in 70 overs.")
_CAPTAIN_SAID = ("The captain said on Tuesday that his team had scored 465 runs in the first "
                 "innings at the MCG.")


def test_a_role_alone_is_named_when_the_article_shows_one_person_in_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The role the sentence before named (« le président », "the captain") is given its
    name when the article shows exactly one person with that role: a cloze quotes the
    article and adds the name in brackets, a statement or a question says the name."""
    questions = every_draft(
        monkeypatch, "en",
        _SMITH,
        _CAPTAIN_SAID,
        "India's Virat Kohli scored 54 runs before he was bowled by Mitchell Johnson in the "
        "afternoon.")
    said = [q.prompt for q in questions if "had scored" in q.prompt]
    assert said
    for prompt in said:
        assert ("The captain [Steve Smith] said" if drafting.lexicon.BLANK in prompt else
                "Steve Smith said") in prompt, prompt
    questions = every_draft(
        monkeypatch, "fr",
        "Le président Emmanuel Macron s'est rendu au sommet du G20 à Hambourg, en Allemagne, "
        "samedi.",
        "Le 8 juillet dernier, à l'occasion du sommet du G20 qui se tenait à Hambourg, le "
        "président a eu une formulation qui suscite le débat sur l'Afrique.",
        "La militante Françoise Vergès a dénoncé ces propos dans Politis, comme le député "
        "Alexis Corbière.")
    said = [q.prompt for q in questions if "formulation" in q.prompt]
    assert said
    for prompt in said:
        assert ("le président [Emmanuel Macron] a eu" if drafting.lexicon.BLANK in prompt else
                "Emmanuel Macron a eu") in prompt, prompt


def test_a_role_two_people_hold_is_not_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two captains in the article: which one the sentence means, only the one before tells."""
    questions = every_draft(
        monkeypatch, "en",
        _SMITH,
        "India captain Virat Kohli scored 54 runs before he was bowled by Mitchell Johnson in "
        "the afternoon.",
        _CAPTAIN_SAID)
    assert questions
    assert not [q.prompt for q in questions if "had scored" in q.prompt]
