"""Issue 22, fifteenth round: the same drafts on every run; false statements on the main
claim; distractors checked against the prompt's own words; numbers bounded by the sentence
(docs/drafting.md, "Fifteenth round")."""

from __future__ import annotations

from quiz.drafting import draft as drafting
from quiz.drafting.facts import Fact, Sentence, find_facts, split_sentences
from quiz.drafting.negation import negated
from tests.drafting.test_drafting_seventh import article, rejection_of

# Pairs of persons sharing a surname, each shown in another role; Vox's page (fourteenth set)
# has Leslie Jones, the actress, and Chuck Jones, then "Jones was already facing harassment".
_SHARED_SURNAMES = [
    ("Leslie Jones", "actress", "Chuck Jones", "senator"),
    ("Anna Miller", "lawyer", "Tom Miller", "mayor"),
    ("Nora Hayes", "professor", "Paul Hayes", "governor"),
    ("Sarah Collins", "doctor", "Mark Collins", "judge"),
    ("Emily Dawson", "architect", "David Dawson", "prosecutor"),
    ("Laura Bennett", "novelist", "Peter Bennett", "commissioner"),
    ("Rachel Foster", "economist", "James Foster", "ambassador"),
    ("Helen Carter", "journalist", "Robert Carter", "coach"),
]


def test_a_shared_surname_takes_the_full_name_named_first_on_every_run() -> None:
    """Which of two full names a surname alone stands for ("Jones": Leslie or Chuck) was
    picked by a set's order, which Python's hash randomisation changes from run to run: Vox's
    "Who was already facing harassment …?" got other wrong answers in another order on every
    second run. The surname now takes the roles of the full name the article names first;
    with eight such pairs, the set's order would pick the other one somewhere (all eight
    right by chance: 1 in 256)."""
    paragraphs = []
    for first, first_role, second, second_role in _SHARED_SURNAMES:
        paragraphs += [f"The {first_role} {first} spoke to the students in the library on "
                       f"Monday afternoon.",
                       f"The {second_role} {second} met the families at the town hall on "
                       f"Tuesday evening.",
                       f"{first.split()[1]} was already facing criticism from several "
                       f"groups over the weekend."]
    quiz = article("en", "A week in town", *paragraphs)
    sentences = split_sentences(quiz)
    for sentence in sentences:
        sentence.facts = find_facts(sentence, "en")
    told = drafting._persons_told(sentences, quiz, "en")
    for first, first_role, second, second_role in _SHARED_SURNAMES:
        surname = first.split()[1]
        assert first_role in told[first] and second_role in told[second], (first, told)
        assert told[surname] == told[first], (surname, told[surname], told[first])


def analysed(language: str, text: str) -> Sentence:
    sentence = split_sentences(article(language, "Un titre", text))[0]
    sentence.facts = find_facts(sentence, language)
    return sentence


def fact_named(sentence: Sentence, name: str) -> Fact:
    return next(f for f in sentence.facts if f.name == name or
                sentence.text[f.start:f.end] == name)


def test_a_false_statement_swaps_the_main_claim_not_a_side_detail() -> None:
    """BFM TV's patents page (fourteenth set): « Par pays, avec 10.900 demandes enregistrées
    (+1,9%), la France figure au cinquième rang mondial … » was made false by swapping the
    bracketed growth rate (+5,4%) while "France 5th in the world" stayed true — a trap; the
    Berlin page's « … signalées au procureur général du Parquet » swapped the prosecutor's
    office (Haut-Rhin) while the cases counted stayed true; MySpace's "After selling itself
    to Rupert Murdoch's Fox for $580 million" (twelfth set) swapped a side clause's price.
    The count of the main claim is still swapped, and so is the figure a finding reports
    ("determined the Trump Organization saved $150 million", usable on the eleventh set)."""
    patents = analysed("fr", "Par pays, avec 10.900 demandes enregistrées (+1,9%), la France "
                             "figure au cinquième rang mondial en nombre de brevets déposés.")
    assert not drafting.main_claim(patents, fact_named(patents, "1,9%"))
    berlin = analysed("fr", "En décembre, 32 affaires de partage illégal de pornographie ont "
                            "été signalées au procureur général du Parquet, selon l'autorité "
                            "des médias de Berlin.")
    assert not drafting.main_claim(berlin, fact_named(berlin, "Parquet"))
    assert drafting.main_claim(berlin, fact_named(berlin, "32"))
    myspace = analysed("en", "After selling itself to Rupert Murdoch's Fox for $580 million "
                             "last year, MySpace is now the Web's second most popular website.")
    assert not drafting.main_claim(myspace, fact_named(myspace, "$580"))
    finding = analysed("en", "An expert for the attorney general determined the Trump "
                             "Organization saved $150 million in ill-gotten gains.")
    assert drafting.main_claim(finding, fact_named(finding, "$150"))


def test_no_not_in_a_long_sentence_a_ranking_or_an_opposite() -> None:
    """« Le CNRS n'est pas arrivé en quinzième position, avec 154 demandes, suivi par L'Oreal
    (153), … » and Slate's "Trump has not committed his administration to the exact opposite
    of what he's promised" (fourteenth set): a "not" put into a ranking's list, or into a
    sentence that already says an opposite, was rejected. A short plain assertion is still
    negated."""
    cnrs = analysed("fr", "Le CNRS est arrivé en quinzième position, avec 154 demandes, suivi "
                          "par L'Oreal (153), Orange (152), Alstom (134), Seb (88) et Nexans "
                          "(81).")
    assert negated(cnrs, 0, "fr") is None
    slate = analysed("en", "On opioid addiction, Trump has committed his administration to "
                           "the exact opposite of what he's promised.")
    assert negated(slate, 0, "en") is None
    plain = analysed("en", "The city council approved the new bus lanes on Monday evening.")
    assert negated(plain, 0, "en") == ("The city council did not approve the new bus lanes on "
                                       "Monday evening.")


def test_a_comparison_or_a_hypothetical_example_needs_the_sentence_before() -> None:
    """Bloomberg's "By comparison, the most modern fighter jet …, the F-35, is projected to
    cost about $379 billion for 2,443 aircraft." and Le Parisien's « Par exemple, si un
    ordinateur s'affiche à 34,90 euros, au lieu de 349 euros, … » (fourteenth set): compared
    with what, an example of what? Both rejected (trivial, needs context)."""
    assert rejection_of("en", "Air Force One", "By comparison, the most modern fighter jet "
                        "in the U.S. inventory, the F-35, is projected to cost about $379 "
                        "billion for 2,443 aircraft.") == "needs context"
    assert rejection_of("fr", "Prix", "Par exemple, si un ordinateur s'affiche à 34,90 euros, "
                        "au lieu de 349 euros, le magasin doit le vendre à ce prix.") == \
        "needs context"
    assert rejection_of("en", "Air Force One", "The most modern fighter jet in the U.S. "
                        "inventory, the F-35, is projected to cost about $379 billion.") == ""

