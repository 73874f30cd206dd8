"""After the twenty-fifth held-out set (docs/drafting.md, "Results on the twenty-fifth held-out
set"): the day of a visit, an interview or a meeting that a long article tells once is a side
detail — its judges and the twenty-fourth set's rejected 4 of the 5 such questions as trivial.
A day the article comes back to is what the story turns on, and is still asked."""

from __future__ import annotations

import re

import pytest

from .test_drafting_twentieth import every_draft

# Filler of the story (no date, no figure): the article passes 300 words, a long article's.
STORY = [
    "The council of Leeds wants to rebuild the old market hall in the centre of the city, "
    "and the plan has divided traders, residents and the members of the council for months.",
    "Traders say the works would close their stalls for two summers, while residents hope "
    "that a new hall would bring visitors back to streets that have emptied over the years.",
    "The council's leader, Maria Jones, has promised that every trader would be offered a "
    "place in a temporary market built on the car park beside the bus station.",
    "Opponents doubt that the temporary market could hold every stall, and they have asked "
    "the council to publish the drawings and the costs of the project before any vote.",
    "The architects chosen by the council say the hall would keep its iron roof and its "
    "clock tower, the two parts of the building that residents most often say they love.",
    "A group of residents has started a petition against the plan, and their spokesman, "
    "Daniel Clarke, says the council has not listened to the people who use the market.",
    "Maria Jones answered that the council had held public meetings in every district of "
    "the city and that most of the people who came supported rebuilding the hall.",
    "The traders' association has hired a lawyer to read the plans, and its members will "
    "meet the architects to discuss the size and the rent of the new stalls.",
    "Many of the traders have kept their stalls in the hall for decades, some of them since "
    "their parents opened a butcher's shop, a bakery or a fruit stall in the same place.",
    "Visitors who come to the market on Saturdays say they would miss the noise, the smells "
    "and the prices of the old hall if the new building turned out to be a shopping centre.",
]


def dated_questions(monkeypatch: pytest.MonkeyPatch, *dated: str) -> list[str]:
    questions = every_draft(monkeypatch, "en", *STORY[:4], *dated, *STORY[4:])
    assert len(" ".join([*STORY, *dated]).split()) >= 300
    return [q.prompt for q in questions if q.kind == "mcq"
            and any(re.search(r"\d", c.text) and re.search(r"March|May", c.text)
                    for c in q.choices if c.correct)]


def test_a_day_told_once_is_not_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = dated_questions(
        monkeypatch,
        "Maria Jones visited the market hall on March 14 with the architects and the traders.")
    assert asked == []


def test_a_day_the_article_comes_back_to_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = dated_questions(
        monkeypatch,
        "The council will vote on the plan on May 21 after a last public meeting.",
        "Until May 21, the traders' association will collect the views of its members.")
    assert asked, "the vote's day, told twice, is a question"
