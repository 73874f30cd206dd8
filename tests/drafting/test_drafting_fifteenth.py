"""Issue 22, fifteenth round: the same drafts on every run; false statements on the main
claim; distractors checked against the prompt's own words; numbers bounded by the sentence
(docs/drafting.md, "Fifteenth round")."""

from __future__ import annotations

from quiz.drafting import draft as drafting
from quiz.drafting.facts import find_facts, split_sentences
from tests.drafting.test_drafting_seventh import article

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

