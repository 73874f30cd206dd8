"""Issue 22, thirteenth round: trivial drafts, the first cause of rejects in the twelfth
rating (20 of 37) and among the first in the eleventh (12 of 42) — correct questions on a
name the article never comes back to: a minor source quoted once, a board seat, a
traveller (docs/drafting.md, "Thirteenth round")."""

from __future__ import annotations

import pytest

from quiz.drafting import draft as drafting
from quiz.drafting import draft_questions
from quiz.drafting.facts import find_facts, split_sentences
from tests.drafting.test_drafting_seventh import article

# The shape of HuffPost's Alabama immigration-law page (twelfth set): builders' and farmers'
# association heads quoted once each beside the people the article follows.
ALABAMA = [
    "Alabama's new immigration law has left farmers and builders short of workers, and "
    "Governor Robert Bentley said on Monday that he would not change the law.",
    "Bentley, a Republican, signed the law in June after the legislature passed it.",
    "Blake Corder, the president of the Home Builders Association of Tuscaloosa, noted that "
    "the workers had left the area and he even lost a few renters in the past week.",
    "Farmer Chad Smith, a tomato grower, said his family farm stands to lose up to $150,000 "
    "this year.",
    "Smith said he had hired ten local workers, and all of them quit within two days.",
    "Bill Caton, president of Associated General Contractors of Alabama, said about a quarter "
    "of the work force had left since the law was upheld last week.",
]


# A long article's body (the rule leaves briefs alone: every name of a short piece is part of
# its story), with no name in it.
BODY = [
    "The state's farms depend on seasonal workers for the harvest, which begins in late "
    "spring and runs until the first frosts of the autumn in most counties.",
    "Growers who plant tomatoes, peppers and squash say the crops cannot wait: fruit left on "
    "the vine for more than a few days is lost, and nobody else will pick it for the wages "
    "the farms can afford to pay.",
    "Builders describe the same problem on construction sites, where framing crews and "
    "roofers have gone, and several projects planned for the summer have been delayed until "
    "the companies can find enough hands to finish them.",
    "Supporters of the law say that the jobs will go to local residents in time, and that "
    "the state's unemployment rate, close to ten percent, shows that there are people who "
    "need the work and will take it once the wages rise.",
    "Critics answer that few residents have applied so far, that those who did often left "
    "after a day or two in the fields, and that the harvest will not wait for the market to "
    "adjust to a smaller labour force.",
    "Church groups and school districts have also reported that families are leaving the "
    "state, pulling children out of classes in the middle of the year and selling furniture "
    "and cars before moving to neighbouring states.",
]


def answers(paragraphs: list[str], title: str) -> set[str]:
    drafts = draft_questions(article("en", title, *paragraphs, *BODY), 40).drafts
    return {d.fact.name for d in drafts}


def test_a_person_named_once_is_not_asked() -> None:
    """"Who noted that the workers had left the area and he even lost a few renters…?"
    (Blake Corder), "…said Bill Caton" swapped for another association's head: each named
    once, both rejected as trivial. The lead's names and the persons the article comes back
    to (Bentley, Smith) are still asked."""
    asked = answers(ALABAMA, "Alabama immigration law leaves farms short of workers")
    assert "Blake Corder" not in asked and "Bill Caton" not in asked, asked
    assert asked & {"Chad Smith", "Smith", "Robert Bentley", "Bentley"}, asked


def test_an_organisation_named_once_is_not_asked() -> None:
    """"Stewart Alsop, a former board member at _____" (TiVo, named once): the board seat of a
    rumour's source. An organisation the article names again (Roku) is still asked."""
    paragraphs = [
        "Apple is preparing a television set, according to people familiar with its plans, "
        "and analysts expect it to reach shops next year.",
        "Stewart Alsop, a former board member at TiVo, said Apple had shown a prototype to "
        "cable companies in the spring.",
        "Steve Jobs hinted last year that Apple might build a real television.",
        "Apple sold 4 million set-top boxes in 2011, twice as many as Roku sold that year.",
        "Roku said in March that it would cut the price of its boxes.",
    ]
    asked = answers(paragraphs, "Apple's television set")
    assert "TiVo" not in asked and "Roku" in asked, asked


def test_a_brief_keeps_its_names() -> None:
    """Under 300 words every name is part of the story: the same sentences without the long
    body still ask the association head named once."""
    drafts = draft_questions(article("en", "Alabama immigration law leaves farms short of "
                                     "workers", *ALABAMA), 40).drafts
    assert {"Blake Corder", "Bill Caton"} & {d.fact.name for d in drafts}


def test_a_measure_glued_by_a_hyphen_is_a_figure() -> None:
    """TIME's Washington Monument page (twelfth set, 268 words) gave no draft: its figures are
    all glued to their unit by a hyphen — "a temporary 150-foot perimeter fence", "the
    127-year-old monument" — and a number with no unit after it is not asked."""
    quiz = article("en", "Washington Monument closes",
                   "Authorities erected a temporary 150-foot perimeter fence around the "
                   "monument's base following the reports of a crack.")
    sentence = split_sentences(quiz)[0]
    figures = {(f.name, f.unit) for f in find_facts(sentence, "en") if f.kind == "number"}
    assert ("150", "foot") in figures, figures
    ranges = article("en", "Scores", "The home side won the final 3-1 in front of a crowd of "
                     "forty thousand supporters on Sunday.")
    sentence = split_sentences(ranges)[0]
    assert not [f for f in find_facts(sentence, "en") if f.kind == "number"]


def test_no_wrong_answer_the_sentence_names_by_surname(monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    """Business Insider's Google page: "Like Jobs, Page has a co-founder, _____" offered Steve
    Jobs and Larry Page for Sergey Brin — both named in the sentence by their surnames, so
    plainly not the answer (rejected as trivial). The draft is dropped rather than padded."""
    paragraphs = [
        "Steve Jobs founded Apple with Steve Wozniak in a garage in California in 1976.",
        "Larry Page started Google at Stanford University as a research project in 1996.",
        "Sergey Brin joined the project a few months later and wrote much of the first code.",
        "Eric Schmidt was hired as chief executive in 2001 to run the growing company.",
        "Like Jobs, Page has a co-founder, Sergey Brin, who shares his taste for long "
        "projects.",
    ]
    monkeypatch.setattr(drafting, "_select", lambda drafts, *_args, **_kw: drafts)
    drafts = draft_questions(article("en", "How Google grew up", *paragraphs), 40).drafts
    asked = [d for d in drafts if d.question.kind == "mcq" and
             d.sentence.text.startswith("Like Jobs")]
    # With the two left out, one wrong answer is left (Eric Schmidt): the cloze is dropped
    # rather than padded; before, it offered both.
    for draft in asked:
        if draft.question.kind == "mcq" and draft.sentence.text.startswith("Like Jobs"):
            shown = {c.text for c in draft.question.choices}
            assert not shown & {"Steve Jobs", "Larry Page", "Jobs", "Page"}, shown


def test_one_exact_date_a_set() -> None:
    """The Conversation's hospital ransomware page: three of five drafts asked an exact day of
    the attack's timeline (« Quand est-ce que les rançonneurs ont lancé un ultimatum ? », « …
    les cybercriminels ont divulgué … ? »), two rejected as trivial. One date a set."""
    paragraphs = [
        "Le centre hospitalier Sud Francilien a été victime d'une cyberattaque le 20 août "
        "2022, qui a paralysé ses services pendant plusieurs semaines.",
        "Les rançonneurs ont lancé un ultimatum le 12 septembre 2022 à la direction de "
        "l'hôpital, qui a refusé de payer la rançon demandée.",
        "Les cybercriminels ont divulgué certaines données des patients le 23 septembre 2022 "
        "sur un site accessible depuis le réseau Tor.",
        "L'Agence nationale de la sécurité des systèmes d'information a aidé l'hôpital à "
        "rétablir ses services au cours du mois d'octobre.",
    ]
    drafts = draft_questions(article("fr", "Une cyberattaque contre un hôpital", *paragraphs),
                             10).drafts
    assert len([d for d in drafts if d.fact.kind == "date"]) == 1, [
        d.question.prompt for d in drafts]


def test_a_name_given_once_in_full_then_shortened_is_asked(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """The rule counts a person's other names: "Luiz Inacio Lula da Silva" written once in
    full, then "Lula" throughout, is the article's subject, not a minor source."""
    monkeypatch.setattr(drafting, "_select", lambda drafts, *_args, **_kw: drafts)
    paragraphs = [
        "Brazil's transition of power began on Thursday, as protesters lifted most of the road "
        "blocks they had set up across the country after the election.",
        "Luiz Inacio Lula da Silva, the president-elect, met the outgoing chief of staff, Ciro "
        "Nogueira, in Brasilia on Thursday afternoon to prepare the handover.",
        "Lula said after the meeting that the transition would be calm and orderly.",
        "Lula will take office on January 1, and his team has until then to prepare a budget.",
        "Ciro Nogueira told reporters that the outgoing government would cooperate fully.",
        "Geraldo Alckmin, the vice-president-elect, said the new team would present its "
        "ministers next month.",
    ]
    drafts = draft_questions(article("en", "Brazil's transition begins", *paragraphs, *BODY),
                             40).drafts
    assert "Luiz Inacio Lula da Silva" in {d.fact.name for d in drafts}


def test_a_shared_first_name_is_not_a_second_mention() -> None:
    """Time's Hansen page: "Who writes …?" (Michael Oppenheimer, named once) came back when
    any word of a name counted — "Michael" is also Michael Mann's. Only the words after the
    first name count."""
    text = ("Michael Mann, a climate scientist, said the paper was too alarming. "
            "Michael Oppenheimer, a professor at Princeton, wrote that much of the analysis "
            "was credible. Mann added that the models were sound.")
    quiz = article("en", "A climate warning", text)
    sentence = split_sentences(quiz)[1]
    sentence.facts = find_facts(sentence, "en")
    fact = next(f for f in sentence.facts if f.name == "Michael Oppenheimer")
    context = drafting._Context([sentence], {}, "en", None,  # type: ignore[arg-type]
                                article_text=quiz.title + "\n" + text, lead_block=-1)
    assert drafting._named_once(sentence, fact, context)
