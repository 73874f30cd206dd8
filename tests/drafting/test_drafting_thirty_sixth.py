"""Issue 22, thirty-sixth round (docs/drafting.md, "Thirty-sixth round"): words of a title-case
slogan the model tags as a person are no one's name."""

from __future__ import annotations

import pytest

from .test_drafting_twentieth import every_draft

# The 35th set's HuffPost page: a campaign release quoted in title case, next to the debate's
# candidates, named with their titles (in capitals too) before commas.
DEBATE = (
    "Five Republican presidential contenders, Florida Gov. Ron DeSantis, former South Carolina "
    "Gov. Nikki Haley, Sen. Tim Scott, entrepreneur Vivek Ramaswamy and former New Jersey Gov. "
    "Chris Christie, met on Wednesday in Miami for the third debate.",
    "Haley said that people who had been promised retirement benefits at a certain age should "
    "get to retire then.",
    "Scott promised to take away federal funding for any university that allows antisemitism.",
    "Ramaswamy said the next generation of Americans were using the app every day.",
    "DeSantis touted his efforts to shut down student groups at public Florida universities.",
    "A few minutes later, the campaign added: “Donald Trump’s Muslim Ban is Racist and "
    "Un-American.”",
    "Senate Majority Leader Mitch McConnell, who watched the debate, praised the candidates.",
    "McConnell said on Thursday that Haley had won the debate in Miami.",
)


def test_a_slogan_in_title_case_gives_no_person(monkeypatch: pytest.MonkeyPatch) -> None:
    questions = every_draft(monkeypatch, "en", *DEBATE)
    choices = [choice.text for q in questions for choice in q.choices]
    asked = [q for q in questions if q.prompt.startswith("Who ")]
    assert asked, [q.prompt for q in questions]
    assert not [c for c in choices if "Ban" in c], choices
    # A title written in capitals before a name, up to a comma, is no slogan: McConnell is
    # still a person, offered beside the candidates.
    assert any("McConnell" in c for c in choices), choices
