"""Issue 22, twelfth round: causes that recur over the eighth, ninth and tenth ratings
(docs/drafting.md), each test built on the shape of a real sentence of the rebuilt development
pages that still showed the cause: a town named with its apposition (« à Deerfield Beach, une
ville au nord de Miami ») taken for a person, so people were offered for the town and the town
among people."""

from __future__ import annotations

import pytest

from quiz.drafting import draft as drafting
from quiz.drafting.facts import find_facts, split_sentences
from tests.drafting.test_drafting_eleventh import mcqs
from tests.drafting.test_drafting_seventh import article


@pytest.fixture(autouse=True)
def every_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every draft the sentences give, not only the ten the set keeps."""
    monkeypatch.setattr(drafting, "_select", lambda drafts, *_args, **_kw: drafts)


RAPPER = [
    "Les trois hommes jugés coupables fin mars du meurtre du rappeur américain XXXTentacion ont "
    "été condamnés à la perpétuité jeudi 6 avril par un tribunal de Fort Lauderdale, en "
    "Floride.",
    "Âgée d’à peine 20 ans, la star du rap avait été abattue de jour en pleine rue en juin "
    "2018 à Deerfield Beach, une ville au nord de Miami.",
    "Un jury avait, le 20 mars dernier, reconnu Dedrick Williams, 26 ans, Trayvon Newsome, 24 "
    "ans, et Michael Boatwright, 28 ans, coupables de meurtre avec préméditation.",
    "Un quatrième suspect, Robert Allen, 26 ans, avait témoigné contre eux après avoir plaidé "
    "lui-même coupable d’homicide involontaire.",
]
PERSONS = {"Dedrick Williams", "Trayvon Newsome", "Michael Boatwright", "Robert Allen",
           "Williams", "Newsome", "Boatwright", "Allen"}


def persons_of(quiz, language: str) -> set[str]:  # noqa: ANN001 - a QuizFile
    """The names the drafter reads as persons, in every sentence of `quiz`."""
    return {f.name for s in split_sentences(quiz) for f in find_facts(s, language)
            if f.kind == "person"}

def test_a_name_with_a_town_in_apposition_is_a_place() -> None:
    """HuffPost France: « à Deerfield Beach, une ville au nord de Miami » — the apposition
    « une ville » was read as a person's role (like « un avocat »): three convicted men were
    offered for the town, and the town among the convicted."""
    persons = persons_of(article("fr", "Condamnés", *RAPPER), "fr")
    assert "Deerfield Beach" in persons  # the model's tag: the fix is the article's cue
    for answer, shown in mcqs("fr", "Les trois meurtriers de XXXTentacion condamnés", RAPPER):
        if answer == "Deerfield Beach":
            assert not set(shown) & PERSONS, shown
        if answer in PERSONS:
            assert "Deerfield Beach" not in shown, (answer, shown)


def test_a_role_after_a_name_still_tells_a_person() -> None:
    """The cue is the place's noun, not any apposition: "Mr Smith, a city councillor," and
    « Marie Dupont, une avocate » are still persons offered among persons."""
    paragraphs = [
        "The motion was tabled by Alan Smith, a city councillor, on Monday evening.",
        "It was opposed by Jane Brown, a lawyer who lives in the ward.",
        "Peter Green, the mayor, said the vote would be held next month.",
        "The council meets in Leeds every second Tuesday.",
    ]
    asked = mcqs("en", "Council motion tabled", paragraphs)
    smith = [shown for answer, shown in asked if answer == "Alan Smith"]
    assert smith and all({"Jane Brown", "Peter Green"} & set(s) for s in smith), asked


def test_a_department_ending_a_title_is_no_first_name() -> None:
    """Yonhap: "Senior Presidential Secretary for Economic Affairs Choi Sang-mok told
    reporters" gave the blank "Economic _____" with "Affairs Choi Sang-mok" as the answer and a
    wrong answer elsewhere (a broken blank, a name glued to its title)."""
    quiz = article(
        "en", "Yoon to give address at Harvard University",
        "The address will make Yoon the first sitting South Korean president to give a speech "
        "at the prestigious institution, Senior Presidential Secretary for Economic Affairs "
        "Choi Sang-mok told reporters.",
        "Following the address, Yoon will hold a discussion with Joseph Nye, Harvard "
        "University distinguished service professor.")
    persons = persons_of(quiz, "en")
    assert "Choi Sang-mok" in persons and not any(p.startswith("Affairs") for p in persons), \
        persons


def test_a_subject_question_keeps_no_piece_of_the_subject() -> None:
    """The Detroit News: "Republican state schools Superintendent Jennifer McCormick has cited
    a study …" was asked "Republican state schools who has cited a study …?" (the parse left
    the title's first words outside the subject)."""
    paragraphs = [
        "Republican state schools Superintendent Jennifer McCormick has cited a study showing "
        "Indiana as the state with the lowest teacher salary increases since 2002.",
        "Indiana State Teachers Association President Keith Gambill told a few thousand "
        "teachers that the Legislature should direct money toward helping schools.",
        "High school math teacher Angela Cooper said she and more than 40 fellow teachers left "
        "about 4:30 a.m. for the rally.",
        "Republican Gov. Eric Holcomb has avoided direct criticism of teachers.",
    ]
    from quiz.drafting import draft_questions
    drafts = draft_questions(article("en", "Teachers pack Indiana Statehouse", *paragraphs),
                             40).drafts
    prompts = [d.question.prompt for d in drafts]
    assert not [p for p in prompts if p.startswith("Republican state schools who")], prompts


def test_a_first_name_after_a_title_or_a_place_stays_in_the_name() -> None:
    """The title's last word is cut, not a first name: « le maire de Marseille, Benoît Payan »,
    « à l'AFP Savera Mosnier » and "President Joe Biden" keep their full names."""
    quiz = article(
        "fr", "Effondrement à Marseille",
        "« Il reste de l'espoir », avait ainsi indiqué à l'AFP Savera Mosnier, habitante d'une "
        "rue proche.",
        "La procureure de la République de Marseille Dominique Laurens avait indiqué dimanche "
        "soir que huit personnes étaient portées disparues.")
    persons = persons_of(quiz, "fr")
    assert {"Savera Mosnier", "Dominique Laurens"} <= persons, persons
    quiz = article("en", "Summit", "President Joe Biden met Prime Minister Justin Trudeau in "
                   "Ottawa on Friday.", "The two leaders spoke about trade.")
    persons = persons_of(quiz, "en")
    assert "Joe Biden" in persons and "Justin Trudeau" in persons, persons


def test_a_date_is_not_the_only_one_of_its_month_among_the_choices() -> None:
    """franceinfo: « jeudi _____ » with « 13 septembre | 12 septembre | 6 septembre | 6 avril »;
    India Post: "May 16 | October 18 | May 2 | May 15" — the article's other dates all of one
    month, the answer the only one of its own: picked without reading."""
    paragraphs = [
        # (the twenty-seventh round: « jeudi 6 avril », a weekday's date, is no longer asked)
        "Le maire, Gaël Perdriau, a été mis en examen le 6 avril, a annoncé son avocat.",
        "Des enregistrements publiés par Mediapart le 6 septembre mettent à mal la défense de "
        "l'édile.",
        "Une deuxième série d'enregistrements diffusée par Mediapart le 12 septembre enfonce "
        "le clou.",
        "Le 13 septembre, le maire est exclu des Républicains par la direction du parti.",
    ]
    asked = mcqs("fr", "Chantage à la vidéo intime à Saint-Etienne", paragraphs)
    april = [shown for answer, shown in asked if answer == "6 avril"]
    assert april, asked
    for shown in april:
        assert sum("avril" in choice for choice in shown) >= 2, shown


def test_a_sentence_pointing_back_to_the_one_before_is_not_drafted() -> None:
    """The eleventh set's "needs context" rejects: Reporterre « C'est ce que l'on a observé, par
    exemple, il y a cinq ans… » (« ce que »: what?), CNN "The pair of GOP heavyweights worked
    in the George W. Bush administration…" (which pair?), Wired "Another strand, known as Blue
    Wolf, …" (of what?); a cleft (« C'est à Brest que … ») still stands alone."""
    from tests.drafting.test_drafting_sixth import causes
    assert causes(
        "fr",
        "C'est ce que l'on a observé, par exemple, il y a cinq ans lors du référendum sur la "
        "Constitution européenne.",
        "Une autre piste, plus coûteuse, a été écartée par le conseil municipal en mars.",
        "C'est à Brest que le tribunal correctionnel a rendu son jugement mardi dernier.",
    ) == ["needs context", "needs context", ""]
    assert causes(
        "en",
        "The pair of GOP heavyweights worked in the George W. Bush administration, though Gates "
        "continued to lead the Pentagon under President Barack Obama.",
        "Another strand, known as Blue Wolf, has been described as a database for the army.",
        "Governor Kristi Noem signed the bill into law in Pierre on Tuesday afternoon.",
        # (named: "The governor" alone needs context since the thirty-first round)
    ) == ["needs context", "needs context", ""]


def test_years_offered_are_no_run_around_the_answer() -> None:
    """TIME: "first warned Congress … in _____" with 1987 | 1988 | 1989; The Guardian's
    Braunau: "born in Braunau in _____" with 1887 | 1888 | 1889 | 1890 — consecutive years
    around the answer, whose place in the middle gives it away. The answer may be the
    earliest or the latest choice, and the choices are never a run of consecutive years."""
    paragraphs = [
        "James Hansen first warned Congress of the threat from climate change in 1988.",
        "The Paris agreement on climate was signed by 196 parties in 2015 after long talks.",
        "Although Hitler was born in Braunau in 1889, Austria argued for decades that it was "
        "the first victim of National Socialism, having been annexed by Germany in 1938.",
        "The paper says the planet is warming faster than most climate scientists believed.",
    ]
    asked = [(answer, shown) for answer, shown in mcqs("en", "Climate warnings", paragraphs)
             if answer.isdigit() and len(answer) == 4]
    assert asked, asked
    inside = 0
    for answer, shown in asked:
        years = sorted(int(choice) for choice in shown)
        assert not {int(answer) - 1, int(answer) + 1} <= set(years), shown  # no run around it
        inside += years[0] < int(answer) < years[-1]
    assert inside < len(asked), asked  # not always in the middle


def test_the_source_of_a_claim_is_never_swapped_into_a_false_statement() -> None:
    """TIME: "According to Mann, the climate situation is still extremely dire." was made
    false as "According to Hansen, …" — and Hansen says so too (two right answers: the judge
    found the keyed "false" true). Who said a thing is not swapped for another speaker of the
    article: the other may say it as well."""
    from quiz.drafting import draft_questions
    paragraphs = [
        "James Hansen first warned Congress of the threat from climate change in 1988.",
        "Aerosols cut pollution responsible for millions of deaths every year, but, according "
        "to Hansen, the tradeoff has been accelerated warming.",
        "Michael Mann, a climate scientist at the University of Pennsylvania, says the paper "
        "overstates the warming.",
        "According to Mann, the climate situation is still extremely dire.",
        "Zeke Hausfather, a researcher at Berkeley Earth, says the warming has sped up.",
    ]
    drafts = draft_questions(article("en", "Hansen says warming is speeding up", *paragraphs),
                             40).drafts
    swapped = [d.question.prompt for d in drafts if d.question.kind == "true_false" and
               not d.question.answer and "ccording to" in d.question.prompt and
               "According to Mann" not in d.question.prompt and
               "according to Hansen" not in d.question.prompt]
    assert not swapped, swapped


def test_a_name_owning_a_named_thing_is_not_blanked() -> None:
    """CNN: "arrived more than two hours early at _____'s Reagan National Airport" and "the
    balloons in _____'s Thanksgiving Day Parade" — trivial, known from the world (Washington,
    Macy's): the owner of a proper name is part of that name. "Trump's lawyer" stays a blank."""
    paragraphs = [
        "That's good news for people like Latasha Abney, who joined the more than 43 million "
        "Americans expected by AAA to travel over the Thanksgiving holiday weekend.",
        "Abney said Wednesday that she arrived more than two hours early at Washington's "
        "Reagan National Airport to catch a flight to New York's JFK.",
        "Brian M. Good said he, too, was expecting a horrible trip when he departed New York "
        "for Newark to get a flight to San Diego.",
        "The forecast has left up in the air the fate of the balloons in Macy's Thanksgiving "
        "Day Parade.",
        "Patrol Chief James Hall with the New York Police Department said the balloons would "
        "be grounded if winds were too strong.",
        "Flights from Pittsburgh and Northwest Arkansas to San Diego left on time, a Delta "
        "spokesman told CNN.",
    ]
    asked = mcqs("en", "After storm, forecasters see smooth sailing", paragraphs)
    assert not [answer for answer, _shown in asked if answer in ("Washington", "Macy's",
                                                                 "Macy")], asked


def test_an_organisation_used_as_a_modifier_is_not_blanked() -> None:
    """Wired: "_____ gunmen breached the high-tech border" with CCTV and Elbit for Hamas; CNN:
    "colleges with _____ programs" with YouTube, a federal bureau and NPR for ROTC; The
    Economic Times: "_____ national vice president Dilip Ghosh" with a news agency and the
    police for the BJP. The noun after the blank asks for one sort of body that the other
    organisations of the article are not."""
    paragraphs = [
        "On October 7, on the other side of Israel, the country's famed surveillance network "
        "apparently failed.",
        "Hamas gunmen breached the high-tech border separating Gaza from Israel and killed "
        "hundreds of people on Saturday.",
        "Israeli security services were caught off guard by Hamas' surprise attack on October "
        "7.",
        "Hebron includes at least 21 manned checkpoints, plus a vast array of CCTV cameras "
        "dubbed Hebron Smart City.",
        "The sector grew thanks to companies producing surveillance systems, like Elbit, "
        "Candiru, and Rafael, as well as NSO Group.",
    ]
    asked = mcqs("en", "Israel's surveillance of Palestinians", paragraphs)
    assert not [shown for answer, shown in asked if answer == "Hamas"], asked


def test_an_organisation_hurt_like_a_body_is_not_blanked() -> None:
    """The Economic Times: "The _____ was injured and has been hospitalised." with the BJP, the
    police and a news agency for "MLA", a person's title the model tags as an organisation
    (the ninth round kept it out of "Which organisation …?" questions, not out of clozes)."""
    paragraphs = [
        "Clashes were reported in Rishra town during a procession in which BJP leader Dilip "
        "Ghosh and party's Pursurah MLA Biman Ghosh were present.",
        "The MLA was injured and has been hospitalised.",
        "The Chandannagore Police Commissionerate said the situation was under control, PTI "
        "reported.",
        "Internet services were suspended in the area on Monday, officials said.",
    ]
    asked = mcqs("en", "Internet services remain suspended in Rishra", paragraphs)
    assert not [shown for answer, shown in asked if answer == "MLA"], asked
