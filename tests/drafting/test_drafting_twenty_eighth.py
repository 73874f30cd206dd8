"""Issue 22, twenty-eighth round: what the judge of the twenty-sixth held-out set edited or
missed (docs/drafting.md, "Twenty-eighth round"), each test on the shape of a real sentence of
those pages."""

from __future__ import annotations

from typing import Any

import pytest

from quiz.drafting import draft as drafting
from quiz.drafting.facts import Sentence, rejection, split_sentences

from .test_drafting_sixth import article, first_sentence
from .test_drafting_twentieth import every_draft


def test_a_possessive_whose_owner_follows_in_a_compound_tense_needs_no_sentence_before(
        ) -> None:
    """Orange (Ghosn): « Lors de sa conférence de presse, Carlos Ghosn avait démenti … » was
    refused for « sa »: the subject after the comma is its owner, in the pluperfect as in the
    present. A possessive whose only noun after it is a subordinate clause's subject (« Pour
    ses opposants, le fait que le CIRC … l'ait classé … »: whose opponents?) still is."""
    for text in ("Lors de sa conférence de presse, Carlos Ghosn avait démenti la signature "
                 "d'un contrat avec Netflix pour raconter sa fuite du Japon.",
                 "Dans son délibéré, le juge a condamné Pokpa Soropogui à un an de prison "
                 "ferme."):
        assert rejection(first_sentence("fr", text), "fr") == "", text
    for text in ("Pour ses opposants, le fait que le CIRC, une des agences de l'Organisation "
                 "mondiale de la santé, l'ait classé cancérogène en 2015 suffit à le "
                 "condamner.",
                 "Lors de leur conférence de presse, Carlos Ghosn avait démenti la signature "
                 "d'un contrat avec Netflix."):
        assert rejection(first_sentence("fr", text), "fr") == "needs context", text


def test_a_name_the_article_misspells_once_gives_no_draft(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Orange (Hofer): « Nobert Hofer avait été battu … le 22 mai » became a false statement
    (« le 2 octobre ») copying the page's slip: where the article writes « Norbert Hofer »
    more often, a student takes the misspelt name for what makes it false. Two persons with
    near first names and other surnames (« Marine Tondelier », « Martine Aubry ») are no
    slip."""
    slip = ("Arrivé en tête au premier tour, Nobert Hofer avait été battu de peu au second "
            "tour le 22 mai par l'écologiste Alexander Van der Bellen.")
    rest = ("Le candidat Norbert Hofer avait obtenu 35 % des voix au premier tour à Vienne.",
            "Selon les sondages, Norbert Hofer pourrait gagner le 2 octobre à Vienne.")
    questions = every_draft(monkeypatch, "fr", slip, *rest)
    assert [q for q in questions if "Hofer" in q.prompt]  # the other sentences are asked
    assert not [q.prompt for q in questions if "Nobert" in q.prompt]
    correct = slip.replace("Nobert", "Norbert")
    assert [q for q in every_draft(monkeypatch, "fr", correct, *rest)
            if "battu" in q.prompt]  # the same sentence, spelt right, is asked
    two_persons = every_draft(
        monkeypatch, "fr",
        "Au congrès de Lille, Martine Aubry a obtenu 54 % des voix des militants en 2008.",
        "Marine Tondelier a obtenu 44 % des voix des écologistes à Lille en 2022.",
        "Martine Aubry a quitté la mairie de Lille en 2025, après 24 ans de mandat.")
    assert [q for q in two_persons if "Marine" in q.prompt]


GHOSN = ("Carlos Ghosn avait interdiction de quitter le Japon dans l'attente de son procès "
         "pour malversations financières.",
         "Il s'est enfui fin décembre pour rejoindre le Liban alors qu'il était libre sous "
         "caution depuis avril 2019 après 130 jours d'incarcération.",
         "Selon Michael Ovitz, Carlos Ghosn prépare un film sur sa fuite du Japon en 2020.")


def test_a_leading_pronoun_for_the_one_person_named_before_is_asked_with_the_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Orange (Ghosn) gave no draft: « Il s'est enfui … après 130 jours d'incarcération »
    was refused for its « Il ». The sentence before names Carlos Ghosn alone, its subject: the
    draft says his name where the article says « Il »; its passage is the article's."""
    questions = every_draft(monkeypatch, "fr", *GHOSN)
    asked = [q for q in questions if "enfui" in q.prompt]
    assert asked, [q.prompt for q in questions]
    for question in asked:
        assert "Carlos Ghosn s'est enfui" in question.prompt, question.prompt
        assert "Il s'est" not in question.prompt
        assert question.passage.startswith("Il s'est enfui")  # quoted as written


def names_put_for_pronouns(monkeypatch: pytest.MonkeyPatch, language: str, *paragraphs: str
                           ) -> dict[str, str]:
    """Each sentence opening on a pronoun → the name its draft would say ("": none)."""
    found: dict[str, str] = {}
    resolve = drafting._pronoun_resolved

    def spy(sentence: Sentence, *args: Any) -> tuple[str, str]:
        name, word = resolve(sentence, *args)
        found[sentence.text] = name
        return name, word

    monkeypatch.setattr(drafting, "_pronoun_resolved", spy)
    drafting.draft_questions(article(language, *paragraphs), 10)
    return {text: name for text, name in found.items()
            if text.startswith(("Il ", "Elle ", "He ", "She "))}


def test_a_leading_pronoun_stays_unasked_where_its_person_is_not_sure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two persons named before (whose « Il » ?); "She" after a sentence naming Mr John Smith;
    "He" after one naming John Smith where he is not its subject (the mother after her child,
    a photograph after its author: the pronoun may stand for another); "He" after the one
    sentence naming a person; an impersonal « Il s'agit de ». No name is put for the pronoun,
    and no draft is made of the sentence."""
    two_persons = ("Michael Ovitz et Carlos Ghosn se sont rencontrés à Beyrouth en janvier.",
                   *GHOSN[1:])
    assert not [q.prompt for q in every_draft(monkeypatch, "fr", *two_persons)
                if "enfui" in q.prompt]
    assert names_put_for_pronouns(monkeypatch, "fr", *GHOSN) == {GHOSN[1]: "Carlos Ghosn"}
    vote = "voted against the plan in 2019, according to the minutes."
    said = "Mr John Smith said the council approved the budget on Monday."
    led = "Mr John Smith has led the council since 2015."
    assert names_put_for_pronouns(monkeypatch, "en", said, f"He {vote}", led) == {
        f"He {vote}": "John Smith"}
    assert names_put_for_pronouns(monkeypatch, "en", said, f"She {vote}", led) == {
        f"She {vote}": ""}
    assert names_put_for_pronouns(
        monkeypatch, "en", "The council approved the budget of John Smith on Monday.",
        f"He {vote}", "Mayor John Smith has led the council since 2015.") == {f"He {vote}": ""}
    assert names_put_for_pronouns(  # a person the article names once: a passing mention
        monkeypatch, "en", said, f"He {vote}", "The council has had 12 members since 2015."
    ) == {f"He {vote}": ""}
    impersonal = ("Olivier Gourmet a gagné le prix du meilleur acteur à Bruxelles samedi.",
                  "Il s'agit de sa troisième victoire aux Magritte.",
                  "Olivier Gourmet avait gagné en 2011 à Bruxelles.")
    assert names_put_for_pronouns(monkeypatch, "fr", *impersonal) == {impersonal[1]: ""}


def test_a_dot_inside_a_name_ends_no_sentence() -> None:
    """Threatpost: "The Android ransomware, dubbed Android/Filecoder.C, has been active since
    at least July 12, …" was cut after "Filecoder." and drafted as "C, has been active …": a
    full stop with no space after it ends no sentence; one with a space still does."""
    quiz = article("en", "The Android ransomware, dubbed Android/Filecoder.C, has been active "
                         "since at least July 12. It spreads through text messages in Spain.")
    assert [s.text for s in split_sentences(quiz)] == [
        "The Android ransomware, dubbed Android/Filecoder.C, has been active since at least "
        "July 12.", "It spreads through text messages in Spain."]
