"""Issue 22, thirty-ninth round (docs/drafting.md, "Thirty-ninth round"): a figure that only
qualifies another of its sentence — the share of a total in brackets, the whole a count is a
part of — is not asked; the figure it qualifies is. Each test on the shape of a real sentence
of the thirty-eighth or twenty-sixth set (the count the whole is taken from written
« 7.143 agents » so that the drafter reads it: « 7.143 ont été » has no noun to count)."""

from __future__ import annotations

import pytest

from .test_drafting_twentieth import every_draft

PRISONS = ("Plus de 17.300 prisonniers ont été contaminés (2,3% du total) et près d'une "
           "centaine sont morts du coronavirus, d'après le Département pénitentiaire national.")
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
