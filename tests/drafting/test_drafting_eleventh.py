"""Issue 22, eleventh round: what an independent judge rejected or edited on the tenth held-out
set (docs/drafting.md, "A tenth held-out set"), by the causes that recur over the eighth, ninth
and tenth ratings. Each test is built on the shape of a real sentence of those pages: a company
offered under its two names ("PG&E" / "Pacific Gas & Electric Co"), a name the article spells
two ways (« Ivan Lafarge » / « Ivan Larfarge »), one pool of names offered for counties,
foothills, telecom firms and a regulator, « NDLR » and « J.-C. » taken for institutes, a
headline in title case taken for a person ("Disorder")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quiz.drafting import draft as drafting
from quiz.drafting import draft_questions
from quiz.drafting.draft import acronym_of, is_alias, near_spelling
from quiz.drafting.facts import find_facts, split_sentences
from tests.drafting.test_drafting_seventh import article, choices

UTILITY = [
    "Pacific Gas & Electric Co. was set to begin shutting off power Wednesday to some 375,000 "
    "people in 18 counties as the region faces extreme fire weather.",
    "The utility cut power to 2 million people last month, PG&E officials said.",
    "The dry weather up north came as Southern California prepared for a storm that brought "
    "rain to the coast.",
    "Voluntary evacuation warnings were issued for a few communities in an area of Orange and "
    "Riverside counties that was burned in a wildfire last year.",
    "The planned blackouts will affect counties north of Sacramento, in the northern San "
    "Francisco Bay Area, the wine country and Sierra Nevada foothills.",
    "The northern Sierra Nevada has seen a fraction of an inch of rain since the summer.",
    "The weather should ease by Thursday morning, allowing PG&E to begin restoring power, said "
    "Mark Quinlan, PG&E's senior director of emergency preparedness.",
    "The California Public Utilities Commission holds a public hearing Wednesday with "
    "executives from AT&T, Comcast and others.",
    "Consumer advocates are urging the PUC to establish backup power requirements for the "
    "telephone companies.",
    "The Governor's Office of Emergency Services said in a letter to the companies that their "
    "level of engagement was unacceptable.",
    "PG&E initiated four rounds of planned outages in October, said Andy Vesey, the company's "
    "chief executive.",
]


@pytest.fixture(autouse=True)
def every_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every draft the sentences give, not only the ten the set keeps: the distractors are
    checked on each."""
    monkeypatch.setattr(drafting, "_select", lambda drafts, *_args, **_kw: drafts)


def mcqs(language: str, title: str, paragraphs: list[str]) -> list[tuple[str, list[str]]]:
    """(right answer, choices) of every multiple-choice draft of the article."""
    drafts = draft_questions(article(language, title, *paragraphs), 40).drafts
    return [(next(c.text for c in d.question.choices if c.correct), choices(d))
            for d in drafts if d.question.kind == "mcq"]


def test_an_acronym_and_its_expansion_are_one_name() -> None:
    """Times Union: "PG&E" and "Pacific Gas & Electric Co" offered side by side, two right
    answers; the acronym's letters are the long name's initials (a company's "Co" and small
    words may be left out, « Inrap » is written as a word)."""
    assert acronym_of("PG&E", "Pacific Gas & Electric Co")
    assert is_alias("Pacific Gas & Electric Co", "PG&E", "en", person=False)
    assert acronym_of("MOTIE", "Ministry of Trade, Industry and Energy")
    assert acronym_of("CPUC", "California Public Utilities Commission")
    assert acronym_of("Inrap", "Institut national de recherches archéologiques préventives")
    assert not acronym_of("AT&T", "Pacific Gas & Electric Co")
    assert not acronym_of("Paris", "Peace and Reconciliation in Syria")
    asked = mcqs("en", "Utility begins new mass power shutoff over fire danger", UTILITY)
    assert asked, "the page gives multiple-choice drafts"
    for answer, shown in asked:
        assert not {"PG&E", "Pacific Gas & Electric Co"} <= set(shown), (answer, shown)


def test_a_name_spelt_two_ways_is_neither_asked_nor_offered() -> None:
    """Le Point: « explique Ivan Larfarge » (the article's typo) with « Ivan Lafarge » among
    the wrong answers — the same archaeologist twice."""
    assert near_spelling("ivan larfarge", "ivan lafarge")
    assert near_spelling("ivan lafargue", "ivan larfarge")
    assert not near_spelling("iran", "iraq")
    assert not near_spelling("austria", "australia")
    paragraphs = [
        "« Nous poursuivrons les recherches jusqu'à la fin mai », indique Ivan Lafarge, "
        "responsable des opérations de fouille.",
        "L'anthropologue Cyrille Leforestier étudie les squelettes dans un laboratoire de "
        "Saint-Denis depuis janvier.",
        "« Un monastère bénédictin a très tôt été installé sur place », explique Ivan Larfarge.",
        "« Le prieuré était déjà connu des historiens », évoque Nicolas Girault, qui a prescrit "
        "cette campagne de fouilles.",
        "Parmi les monarques inhumés figurent Dagobert, Hugues Capet et Louis XIV.",
    ]
    for answer, shown in mcqs("fr", "Des centaines de sépultures découvertes", paragraphs):
        forms = {text for text in shown if "Lafarge" in text or "Larfarge" in text}
        assert not forms, (answer, shown)


def test_a_place_gets_its_level_from_the_noun_after_it() -> None:
    """Times Union: « Orange and Riverside counties » and « Sierra Nevada foothills » tagged as
    organisations, so a company was offered for counties and counties for a company."""
    for sentence in split_sentences(article("en", "Power shutoff", *UTILITY)):
        for fact in find_facts(sentence, "en"):
            if fact.name in ("Orange and Riverside", "Sierra Nevada") and \
                    "foothills" in sentence.text + "counties":
                if sentence.text[fact.end:].startswith((" counties", " foothills")):
                    assert fact.kind == "place", (fact.name, fact.kind)
    asked = mcqs("en", "Utility begins new mass power shutoff over fire danger", UTILITY)
    places = {"Orange and Riverside", "Sierra Nevada", "Sacramento", "Southern California",
              "San Francisco Bay Area"}
    companies = {"PG&E", "Pacific Gas & Electric Co", "AT&T"}
    bodies = {"the PUC", "PUC", "Office of Emergency Services",
              "California Public Utilities Commission"}
    for answer, shown in asked:
        for group in (places, companies, bodies):
            if answer in group:
                assert not [text for text in shown if text not in group and any(
                    text in other for other in (places, companies, bodies))], (answer, shown)


def test_a_regulator_is_never_offered_companies() -> None:
    """pv magazine: three companies offered for the ministry that sets the standards; Times
    Union: a power utility offered for the regulator. "executives from AT&T" and "makers,
    including X" tell a company; an acronym of no known sort gets none of them."""
    paragraphs = [
        "The plan appears consistent with another announced by MOTIE in March, which aimed to "
        "introduce certification rules and standards for solar power.",
        "Hanwha Q Cells had 3.7 GW of cell capacity at that point and LG Electronics had 3 GW "
        "of output, the report said.",
        "Another 30 manufacturers, including the OCI Group and Hanwha Q Cells parent Hanwha "
        "Group, had smaller production lines.",
        "According to data released by MOTIE in August, newly installed capacity reached 2 GW "
        "in the first half of the year.",
        "South Korea wants to lower the cost of solar power to 60 won per kilowatt-hour by "
        "2030.",
    ]
    for answer, shown in mcqs("en", "South Korea publishes roadmap to cut solar costs",
                              paragraphs):
        if answer == "MOTIE":
            raise AssertionError(f"the ministry was asked among companies: {shown}")


def test_abbreviations_in_capitals_are_no_organisations() -> None:
    """Le Point: « NDLR » (the editor's note) and « J.-C. » (« après J.-C. ») offered as
    institutes beside « Inrap »."""
    quiz = article(
        "fr", "Des sépultures découvertes",
        "Saint Denis serait mort supplicié à Montmartre en 250 après J.-C. et aurait marché "
        "jusqu'au lieu de sa sépulture.",
        "« Cela peut correspondre à l'épidémie de peste (qui sévit entre le VIe et le VIIe "
        "siècle, NDLR) », évoque Nicolas Girault.")
    names = {f.name for s in split_sentences(quiz) for f in find_facts(s, "fr")}
    assert "NDLR" not in names and "J.-C." not in names, names


def test_a_headline_in_title_case_is_no_person() -> None:
    """Newsweek: "Cannabis Use Disorder is Rising…" tagged as a person, then offered as
    "Disorder" among the experts who spoke."""
    quiz = article(
        "en", "Cannabis Use Disorder is Rising in States Where Weed is Legal",
        "Cannabis Use Disorder is Rising in States Where Weed is Legal, a study suggests.",
        "The rate of cannabis use disorder rose among adults in states that legalised it.",
        "Senior author Dr. Silvia Martins said the policies were good for justice reform.",
        "Ian Hamilton, an expert in drug use at the University of York, said users should be "
        "cautious.")
    persons = {f.name for s in split_sentences(quiz) for f in find_facts(s, "en")
               if f.kind == "person"}
    assert "Cannabis Use Disorder" not in persons, persons
    assert "Silvia Martins" in persons or "Ian Hamilton" in persons, persons


def asked_figures(language: str, text: str) -> set[str]:
    """The figures of a sentence some draft blanks or swaps (every draft, see every_draft)."""
    quiz = article(language, "Les faits", text, "Une autre phrase sans chiffre suit ici.")
    asked: set[str] = set()
    for draft in draft_questions(quiz, 40).drafts:
        question = draft.question
        asked.add(question.passage[draft.fact.start:draft.fact.end])
    return asked


def test_a_figure_computed_from_the_question_is_not_asked() -> None:
    """Newsweek: "rose by _____ percent, from 0.90 percent to 1.23 percent" (37%); Le Parisien:
    « _____ litres (80 bouteilles) » of 75 cl (60 litres); Times Union: "2 inches (_____
    millimeters)"."""
    change = ("Problematic cannabis use rose by 37 percent, from 0.90 percent to 1.23 percent, "
              "after recreational marijuana legalization in Colorado.")
    assert not asked_figures("en", change) & {"37", "0.90", "1.23"}
    bottles = ("Le producteur de Vayres-sur-Essonne a fourni 60 litres (80 bouteilles) de soupe "
               "de cresson aux participants du Marathon de Paris.")
    assert not asked_figures("fr", bottles) & {"60", "80"}
    rain = ("A storm system dumped about 2 inches (50.8 millimeters) of rain in the San Diego "
            "County area on Tuesday.")
    assert not asked_figures("en", rain) & {"2", "50.8"}


def test_a_figure_the_sentence_explains_is_not_asked() -> None:
    """City A.M.: "raise at least _____ billion Hong Kong dollars – a symbolic total as the
    number eight is associated with prosperity" (88)."""
    text = ("The listing would raise at least 88 billion Hong Kong dollars – a symbolic total as "
            "the number eight is associated with prosperity in Chinese culture.")
    assert not any(figure.startswith("88") for figure in asked_figures("en", text))


def statements_of(monkeypatch: pytest.MonkeyPatch, paragraphs: list[str]) -> list[drafting.Draft]:
    """Every true/false draft of the article, as the set sees them before it is balanced."""
    seen: list[drafting.Draft] = []

    def keep(chosen: list[drafting.Draft], _drafts: object = None) -> list[drafting.Draft]:
        seen.extend(chosen)
        return chosen

    monkeypatch.setattr(drafting, "_balance", keep)
    draft_questions(article("en", "Utility begins new mass power shutoff", *paragraphs), 40)
    monkeypatch.undo()
    return seen


def test_a_pages_true_false_statements_are_not_all_of_one_answer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Deccan Herald: four copied statements, all "true"; Le Parisien: two false ones. One of
    them is stated the other way (a swap), or the weakest dropped. (The false statements are
    this article's copies stated false, as a swap would: since the twenty-eighth round no
    negation makes one, and the utility's figures give no swap.)"""
    every = statements_of(monkeypatch, UTILITY)
    statements = [d for d in every if d.question.kind == "true_false"]
    copies = [d for d in statements if d.question.answer]
    falses = [replace(d, question=replace(
        d.question, answer=False, prompt=d.question.prompt.replace(" people", " homes")),
        alternative=d.question) for d in copies[2:4]]
    every += falses
    assert len(copies) >= 4 and len(falses) >= 2, [d.question.prompt for d in statements]
    for same in (copies[:2], falses[:2], copies):
        balanced = drafting._balance(list(same))
        answers = {d.question.answer for d in balanced if d.question.kind == "true_false"}
        assert answers == {True, False} or len(balanced) == len(same) - 1, answers
        for draft in balanced:
            if draft not in same and not draft.question.answer:  # a swap, not a negation
                assert draft.question.prompt != draft.sentence.text
                assert "not" not in draft.question.prompt.split(), draft.question.prompt
    mixed = [copies[0], falses[0]]
    assert drafting._balance(list(mixed)) == mixed
    # A cloze of the set gives way to its own sentence's copied statement: the two false
    # statements stay.
    cloze = next(d for d in every if "_____" in d.question.prompt and any(
        s.sentence is d.sentence and True in (s.question.answer, getattr(
            s.alternative, "answer", None)) for s in statements))
    two = [f for f in falses if f.sentence is not cloze.sentence][:2]
    balanced = drafting._balance([cloze, *two], every)
    assert two[0] in balanced and two[1] in balanced and cloze not in balanced
    assert any(d.question.answer is True and d.sentence is cloze.sentence for d in balanced)


def test_private_persons_of_a_crime_report_are_never_asked() -> None:
    """The Republic, Columbus: "officers stopped a vehicle driven by _____, 29, of 1909 Jolinda
    Drive" (a private person's name and address), "Who said that officers arrested …?" with
    the arrested people as wrong answers; a house number asked ("behind _____ Caldwell
    Place"). A public figure named with his age ("Assange, 47, over his alleged role") is
    still asked."""
    paragraphs = [
        "Police arrested six people Monday during a narcotics investigation in the city.",
        "Officers later arrested Elizabeth A. Burton, 32, of 1119 Eighth St., after locating "
        "methamphetamine in her car, said Lt. Matt Harris, the police spokesman.",
        "A short time later, officers stopped a vehicle driven by Jonathan P. Blair, 29, of "
        "1909 Jolinda Drive.",
        "Investigators executed a search warrant Monday evening on a detached garage behind "
        "2134 Caldwell Place.",
        "Officers arrested Christopher D. Battin, 33, who resides at 2134 Caldwell Place, "
        "Harris said.",
        "A search of the vehicle yielded nearly 30 grams of methamphetamine, Harris said.",
    ]
    drafts = draft_questions(article("en", "Six arrested in drug investigation", *paragraphs),
                             40).drafts
    assert drafts, "the page still gives drafts"
    for draft in drafts:
        question = draft.question
        shown = " ".join([question.prompt, *(c.text for c in question.choices)])
        for private in ("Burton", "Blair", "Battin", "Jolinda", "1909", "1119"):
            assert private not in shown, shown
        assert "_____ Caldwell" not in question.prompt, question.prompt
    public = article(
        "en", "Sweden drops Assange investigation",
        "Sweden has dropped its investigation into a 2010 rape allegation against WikiLeaks "
        "co-founder Julian Assange after a review of the evidence.",
        "The US wants the UK to extradite Assange, 47, over his alleged role in the release of "
        "classified material, and has charged him with espionage.")
    assert draft_questions(public, 40).drafts


def test_a_sentence_with_the_articles_typo_is_not_copied() -> None:
    """City A.M.: "the city's status as a Asian financial hub" copied into a cloze; "a
    European", "a one-off", "a unique" and "Vitamin A is" are no typos."""
    typo = ("The decision to float in Hong Kong is seen as a vote of confidence from Alibaba in "
            "the city's status as a Asian financial hub, analysts in London said.")
    right = ("The decision to float in Hong Kong is seen as a vote of confidence from Alibaba in "
             "the city's status as a European-style financial hub, analysts in London said.")
    for text, typos in ((typo, 1), (right, 0)):
        quiz = article("en", "Alibaba lists in Hong Kong", text,
                       "Shares rose by 6 per cent in the first hour of trading in Hong Kong.")
        report = draft_questions(quiz, 40)
        assert report.rejected.get("the article's typo", 0) == typos, report.rejected
        assert typo not in {d.question.passage for d in report.drafts}
