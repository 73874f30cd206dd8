"""Issue 22, thirty-sixth round (docs/drafting.md, "Thirty-sixth round"): words of a title-case
slogan the model tags as a person are no one's name; an election's year before its candidates
is not asked."""

from __future__ import annotations

import pytest

from .test_drafting_twentieth import every_draft
from .test_drafting_twenty_third import blanked

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


def test_an_election_s_year_before_its_candidates_is_not_blanked(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Newsweek: "Five _____ Republican hopefuls took to the stage" offered 2030, 2025 and 2027
    beside 2024: the only election year, known without reading."""
    questions = every_draft(
        monkeypatch, "en",
        "Five 2024 Republican hopefuls took to the stage in Miami on Wednesday night for the "
        "third debate of the primary season.",
        "The party first held a debate in Miami in 2016, organisers said.")
    assert blanked(questions, "2016"), [q.prompt for q in questions]
    assert not blanked(questions, "2024"), [q.prompt for q in questions]
    # Candidates of no election: the year is asked.
    questions = every_draft(
        monkeypatch, "en",
        "In 2020 candidates for teaching jobs in Ohio had to file their papers online, the "
        "state board of education said on Monday.")
    assert blanked(questions, "2020"), [q.prompt for q in questions]


# PerthNow (36th set): two persons the model tags as organisations with their title,
# "General Frewen" and "Ms Plibersek", whose answers were written so among full names.
COVID_AD = (
    "Covid-19 taskforce commander Lieutenant General John Frewen said the escalating "
    "situation in Sydney called for a more explicit advertisement.",
    "General Frewen said the concerning situation had prompted the government to shift an "
    "additional 300,000 doses to Sydney over the coming fortnight.",
    "Agriculture Minister David Littleproud said the advertisement was designed to shock.",
    "Premier Gladys Berejiklian warned she would be shocked if the number of cases fell.",
    "Labor frontbencher Tanya Plibersek said the issue was vaccine scarcity in Sydney.",
    "Labor had long demanded a national advertising campaign, which Ms Plibersek said was "
    "delayed as a result of the government's sluggish vaccine rollout.",
)


def test_a_title_the_model_tags_with_the_name_is_no_part_of_the_answer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    questions = every_draft(monkeypatch, "en", *COVID_AD)
    choices = {c.text for q in questions if q.kind == "mcq" for c in q.choices}
    assert choices, [q.prompt for q in questions]
    assert not {c for c in choices if c.split()[0] in ("General", "Ms")}, choices
    asked = [q for q in questions if q.kind == "mcq" and "300,000 doses" in q.prompt and
             "_____" not in q.prompt]
    assert asked and blanked(asked, "Frewen"), [q.prompt for q in questions]
    # "Ms _____" is a woman: the men of the article are not offered after it.
    after_ms = [q for q in questions if q.kind == "mcq" and "Ms _____" in q.prompt]
    assert not [c.text for q in after_ms for c in q.choices
                if c.text in ("Littleproud", "Frewen", "David Littleproud", "John Frewen")]

