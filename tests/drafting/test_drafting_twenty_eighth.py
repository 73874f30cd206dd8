"""Issue 22, twenty-eighth round: what the judge of the twenty-sixth held-out set edited or
missed (docs/drafting.md, "Twenty-eighth round"), each test on the shape of a real sentence of
those pages."""

from __future__ import annotations

import pytest

from quiz.drafting.facts import rejection

from .test_drafting_sixth import first_sentence
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
