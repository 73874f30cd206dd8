"""The question-file parser and validator: valid files, and every error with its line."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from quiz.questionfile import (
    QuestionFileError,
    check_files,
    decode_question_bytes,
    find_question_files,
    parse_question_file,
    read_question_file,
)

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"

VALID = """\
# Un traité ratifié

Language: fr
Date: 2024-11
Source: Le Journal
URL: https://example.org/article
Credit: PHOTO/REUTERS

## Article

Depuis plusieurs semaines, le président évoque un traité de “Défense mutuelle”.
Mais jusqu’alors, personne n’était au courant.

### Un sous-titre

Tous les élus  présents ont voté en faveur de ce texte.

## Questions

### nom-du-traite
Type: mcq
Prompt: Quel traité ?
- [ ] Un traité de libre-échange
- [x] Un traité de défense mutuelle
Passage: un traité de "Défense mutuelle"
Explanation: Le premier paragraphe
  le dit.

### vote
Type: true_false
Prompt: Tous les élus présents ont voté pour.
Answer: Vrai
Passage: Tous les élus présents ont voté
Explanation: C'est écrit.
"""


def errors_of(text: str) -> list[str]:
    with pytest.raises(QuestionFileError) as caught:
        parse_question_file(text, "q.md")
    return [str(problem) for problem in caught.value.problems]


def test_valid_file_keeps_text_exactly_as_typed() -> None:
    quiz = parse_question_file(VALID, "q.md")
    assert quiz.title == "Un traité ratifié"
    assert (quiz.language, quiz.published, quiz.source, quiz.credit) == (
        "fr", "2024-11", "Le Journal", "PHOTO/REUTERS")
    assert quiz.url == "https://example.org/article"
    assert [block.kind for block in quiz.article] == ["paragraph", "heading", "paragraph"]
    # Lines of a paragraph are joined; typographic quotes and apostrophes are kept.
    assert quiz.article[0].text == ("Depuis plusieurs semaines, le président évoque un traité de "
                                    "“Défense mutuelle”. Mais jusqu’alors, personne n’était au "
                                    "courant.")
    mcq, true_false = quiz.questions
    assert mcq.kind == "mcq" and mcq.correct_choice.text == "Un traité de défense mutuelle"
    assert mcq.explanation == "Le premier paragraphe le dit."
    assert true_false.kind == "true_false" and true_false.answer is True
    assert (mcq.line, true_false.line) == (20, 29)


def test_passage_matches_straight_quotes_and_extra_spaces_but_points_at_the_article() -> None:
    quiz = parse_question_file(VALID, "q.md")
    mcq, true_false = quiz.questions
    block = quiz.article[mcq.location.block].text
    assert block[mcq.location.start:mcq.location.end] == "un traité de “Défense mutuelle”"
    block = quiz.article[true_false.location.block].text
    assert block[true_false.location.start:true_false.location.end] == (
        "Tous les élus  présents ont voté")


def test_no_yaml_like_coercion_answer_no_is_an_error() -> None:
    text = VALID.replace("Answer: Vrai", "Answer: no")
    assert errors_of(text) == [
        "q.md:32: 'no' is not an answer to a true/false question — "
        "write true or false (or vrai or faux)"]


def test_crlf_and_bom_are_read() -> None:
    data = ("\ufeff" + VALID).replace("\n", "\r\n").encode("utf-8")
    quiz = parse_question_file(decode_question_bytes(data, "q.md"), "q.md")
    assert quiz.title == "Un traité ratifié" and len(quiz.questions) == 2


def test_latin1_file_is_rejected_with_its_line() -> None:
    data = VALID.encode("cp1252", errors="replace")
    with pytest.raises(QuestionFileError) as caught:
        decode_question_bytes(data, "q.md")
    (problem,) = caught.value.problems
    assert problem.line == 1  # "traité" in the title
    assert str(problem.message) == ("the file is saved in an older encoding than UTF-8 "
                                    "(Windows' “ANSI” or Latin-1: '# Un traité ratifié' on "
                                    "this line)")
    assert "paste it in the box" in str(problem.hint)
    with pytest.raises(QuestionFileError) as caught:  # not Windows' either: said as bytes
        decode_question_bytes(b"# Titre\n\x81\x8d", "q.md")
    assert "not UTF-8 text (byte 0x81 cannot be read)" in str(caught.value.problems[0])


def test_too_large_file_is_rejected() -> None:
    with pytest.raises(QuestionFileError, match="too large"):
        decode_question_bytes(b"x" * 1_000_001, "q.md")


def test_nul_byte_is_rejected() -> None:
    with pytest.raises(QuestionFileError, match="q.md:2: this is not a text file"):
        decode_question_bytes(b"# T\n\x00", "q.md")


def replace_line(text: str, number: int, new: str | None) -> str:
    lines = text.split("\n")
    if new is None:
        del lines[number - 1]
    else:
        lines[number - 1] = new
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("line", "new", "expected"),
    [
        (1, "Un traité", ["q.md:1: the file must start with the quiz title",
                          "q.md:1: cannot read this line of the header"]),
        (3, "Lang: fr", ["q.md:1: the header has no 'Language'",
                         "q.md:3: unknown field 'Lang'"]),
        (3, "Language: french", "q.md:3: 'french' is not a language code"),
        # Babel knows these locales; a quiz's language is two letters (the interface's, the
        # drafter's and the pages' lang attributes are read from it).
        (3, "Language: fr_FR", "q.md:3: 'fr_FR' is not a language code"),
        (3, "Language: root", "q.md:3: 'root' is not a language code"),
        (3, None, "q.md:1: the header has no 'Language' — add a line such as 'Language: fr' "
                  "under the title"),
        (4, None, "q.md:1: the header has no 'Date' — add a line such as 'Date: 2024-11-20' "
                  "under the title"),
        (3, "Language:", "q.md:3: 'Language' is empty"),  # not also "'' is not a language code"
        (7, "Foo:", "q.md:7: unknown field 'Foo'"),  # not also "'Foo' is empty"
        (4, "Date: 2024-11\nDate: hier",  # the second is not also checked
         "q.md:5: 'Date' is given twice — keep one (the other is at line 4)"),
        (4, "Date: 2024-W47-3", "q.md:4: '2024-W47-3' is not a date"),  # ISO week: not ours
        (6, "URL: " + "x" * 2001, "q.md:6: 'URL' is 2001 characters long"),  # reported once
        (18, "## Article\n#x",  # the second section's lines are not added to the first
         "q.md:18: a second '## Article' section — merge it with the one at line 9"),
        (18, "## Notes\n#x", "q.md:18: unknown section '## Notes'"),  # nor an unknown one's
        (4, "Date: 2024-13-01", "q.md:4: '2024-13-01' is not a date"),
        # The 12th of November, or the 11th of December: the general advice.
        (4, "Date: 12/11/2024", "q.md:4: '12/11/2024' is not a date — write the publication "
                                "date as YYYY-MM-DD"),
        # Day first, as written in France: said the way the file wants it.
        (4, "Date: 27/11/2026", "q.md:4: '27/11/2026' is not a date — write it 2026-11-27 "
                                "(year, month, day)"),
        (4, "Date: 31.04.2026", "q.md:4: '31.04.2026' is not a date — write the publication"),
        (4, "Date:", "q.md:4: 'Date' is empty"),
        (6, "URL: www.example.org", "q.md:6: 'www.example.org' is not a web address"),
        (6, "Source: Autre", "q.md:6: 'Source' is given twice"),
        (7, "Credit PHOTO", "q.md:7: cannot read this line of the header"),
        (5, "Source: " + "x" * 201, "q.md:5: 'Source' is 201 characters long"),
        (9, "## Texte", ["q.md:1: the file has no '## Article' section",
                         "q.md:9: unknown section '## Texte'",
                         "q.md:18: '## Questions' comes before '## Article'"]),
        (14, "#### Un sous-titre", "q.md:14: cannot read this heading"),
        (20, "### Nom du traité", "q.md:20: 'Nom du traité' cannot be a question id"),
        (20, "### vote", "q.md:29: the question id 'vote' is already used at line 20"),
        (21, "Type: multiple", "q.md:21: unknown question type 'multiple'"),
        # A name or a type mistyped: the one it most likely is, with the list.
        (21, "Type: multiple choise", "q.md:21: unknown question type 'multiple choise' — did "
                                      "you mean 'multiple choice'? Write 'Type: mcq'"),
        (7, "Credt: AFP", "q.md:7: unknown field 'Credt' — did you mean 'Credit'? The header "
                          "fields are Language, Date, Source, URL, Credit and Facts-As-Of"),
        (7, "Facts-As-Off: 2024-11", "q.md:7: unknown field 'Facts-As-Off' — did you mean "
                                     "'Facts-As-Of'?"),
        (26, "Explaination: rien", ["q.md:20: question 'nom-du-traite' has no 'Explanation'",
                                    "q.md:26: unknown field 'Explaination' — did you mean "
                                    "'Explanation'? A question's fields are Type, Prompt,",
                                    "q.md:27: an indented line that continues nothing"]),
        (26, "Explications: rien", ["q.md:20: question 'nom-du-traite' has no 'Explanation'",
                                    "q.md:26: unknown field 'Explications' — did you mean "
                                    "'Explication'?",
                                    "q.md:27: an indented line that continues nothing"]),
        (21, "Type:", "q.md:21: 'Type' is empty"),
        (29, "### vote\n  suite", "q.md:30: an indented line that continues nothing"),
        (23, "  - [ ] Un traité de libre-échange\n  suite",
         ["q.md:20: question 'nom-du-traite' has 1 choice",
          "q.md:23: an indented field or choice",
          "q.md:24: an indented line that continues nothing"]),
        (23, "-[] Un traité\n  suite", ["q.md:20: question 'nom-du-traite' has 1 choice",
                                       "q.md:23: cannot read this choice",
                                       "q.md:24: an indented line that continues nothing"]),
        (23, "Un traité\n  suite", ["q.md:20: question 'nom-du-traite' has 1 choice",
                                   "q.md:23: cannot read this line",
                                   "q.md:24: an indented line that continues nothing"]),
        (26, "Note: rien\nNote: encore", ["q.md:20: question 'nom-du-traite' has no 'Explanation'",
                                          "q.md:26: unknown field 'Note'",
                                          "q.md:27: unknown field 'Note'",
                                          "q.md:28: an indented line that continues nothing"]),
        (22, "Prompt: Quel traité ?\nPrompt: Lequel ?\n  suite",
         ["q.md:23: 'Prompt' is given twice in this question — keep one (the other is at line 22)",
          "q.md:24: an indented line that continues nothing"]),
        (22, "Prompt: Quel traité ?\nPrompt:", "q.md:23: 'Prompt' is given twice in this question"),
        (25, "Passage:", "q.md:25: 'Passage' is empty"),
        (25, "Passage: Ωmega", "q.md:25: the passage is not in the article — copy the passage "
                               "from the article word for word, within one paragraph"),
        # Two letters in common ("pr…" of « président ») say nothing: the general advice.
        (25, "Passage: presque rien", "q.md:25: the passage is not in the article — copy the "
                                      "passage from the article word for word, within one "
                                      "paragraph"),
        # Where the passage stops matching, its last 60 characters (as compared: quotes straight).
        (25, "Passage: le président évoque un traité de “Défense mutuelle”. Mais jusqu’alors, "
             "personne ne savait",
         "q.md:25: the passage is not in the article — the article has '…n traité de \"Défense "
         "mutuelle\". Mais jusqu'alors, personne n' but not what follows it"),
        (21, None, "q.md:20: question 'nom-du-traite' has no 'Type'"),
        (22, "Prompt:", "q.md:22: 'Prompt' is empty"),
        (23, "- [x] Un traité de libre-échange",
         "q.md:24: question 'nom-du-traite' has 2 correct choices"),
        (24, "- [ ] Un traité de défense mutuelle",
         "q.md:20: question 'nom-du-traite' has no correct choice — mark the right one with "
         "'- [x]'"),
        (23, "- [ ] Un traité de défense mutuelle",
         "q.md:24: the choice 'Un traité de défense mutuelle' is given twice"),
        # Capitals and spaces aside, as a student reads them (one right, one wrong).
        (23, "- [ ] un traité de  Défense mutuelle",
         "q.md:24: the choice 'Un traité de défense mutuelle' is given twice — remove this one "
         "or the one at line 23"),
        (23, None, "q.md:20: question 'nom-du-traite' has 1 choice"),
        (23, "-[] Un traité", ["q.md:20: question 'nom-du-traite' has 1 choice",
                               "q.md:23: cannot read this choice"]),
        (23, "Un traité de libre-échange", ["q.md:20: question 'nom-du-traite' has 1 choice",
                                            "q.md:23: cannot read this line"]),
        (25, "Passage: un traité de paix", "q.md:25: the passage is not in the article"),
        (25, "Passage: Depuis plusieurs semaines, le président évoque un traité de défense",
         "q.md:25: the passage is not in the article — the article has 'Depuis plusieurs "
         "semaines, le président évoque un traité de' but not what follows it"),
        (25, "Passage: ré",
         "q.md:25: the passage appears 2 times in the article (paragraphs at lines 11, 16)"),
        # The field's continuation is not taken for the unknown field's.
        (26, "Note: rien", ["q.md:20: question 'nom-du-traite' has no 'Explanation'",
                            "q.md:26: unknown field 'Note'",
                            "q.md:27: an indented line that continues nothing"]),
        (27, "le dit.", "q.md:27: cannot read this line"),
        (28, "\n  en plus", "q.md:29: an indented line that continues nothing"),
        (32, None, "q.md:29: true/false question 'vote' has no 'Answer'"),
        (32, "Answer: oui", "q.md:32: 'oui' is not an answer to a true/false question"),
        (32, "- [x] Vrai", ["q.md:29: true/false question 'vote' has no 'Answer'",
                            "q.md:32: a true/false question has no choices"]),
        (24, "- [x] Un traité de défense mutuelle\nAnswer: true",
         "q.md:25: a multiple-choice question has no 'Answer'"),
        (19, "Une phrase perdue", "q.md:19: text before the first question"),
        (18, "# Deuxième titre", "q.md:18: a second title line"),
    ],
)
def test_each_error_names_its_line(line: int, new: str | None, expected: str | list[str]
                                   ) -> None:
    problems = errors_of(replace_line(VALID, line, new))
    # Exactly these problems: nothing reported twice, nothing missing, nothing extra.
    expected = [expected] if isinstance(expected, str) else expected
    assert len(problems) == len(expected), problems
    assert all(problem.startswith(start)
               for problem, start in zip(problems, expected, strict=True)), problems
    assert all(" — " in problem for problem in problems), "every error says how to fix it"


def test_empty_file() -> None:
    assert errors_of("\n\n") == [
        "q.md:1: the file is empty — start with the quiz title as '# Title', then the "
        "article's details and text"]


def test_missing_article_section() -> None:
    text = VALID.split("## Article")[0]
    assert errors_of(text) == [
        "q.md:1: the file has no '## Article' section — add '## Article' after the header, "
        "then the article's text"]


def test_passage_must_stay_within_one_paragraph() -> None:
    text = VALID.replace("Passage: Tous les élus présents ont voté",
                         "Passage: Un sous-titre Tous les élus")
    assert any(p.startswith("q.md:33: the passage is not in the article") for p in errors_of(text))


def test_a_passage_in_quotation_marks_or_with_other_capitals_is_told_what_differs() -> None:
    """Two slips the article shows at once: the passage written in quotation marks (the words
    inside are the article's), and capitals changed — each told, not « word for word »."""
    for quoted in ("« Tous les élus présents ont voté »", '"Tous les élus présents ont voté"'):
        (problem,) = errors_of(VALID.replace("Passage: Tous les élus présents ont voté",
                                             f"Passage: {quoted}"))
        assert problem == ("q.md:33: the passage is not in the article — remove the quotation "
                           "marks around it: the article has the words without them")
    (problem,) = errors_of(VALID.replace("Passage: Tous les élus présents ont voté",
                                         "Passage: tous les élus présents ont voté"))
    assert problem == ("q.md:33: the passage is not in the article — the article writes it "
                       "'Tous les élus présents ont voté': copy its capitals as they are")


def test_what_french_teachers_write_is_read_as_they_mean_it() -> None:
    """« Language: FR », « Type: Vrai ou faux », « Question: », « Bonne réponse: », a passage
    pasted from a PDF (accents as a letter and a combining mark) or with a dash where the
    article has a hyphen: each read as meant (they were errors)."""
    text = (VALID.replace("Language: fr", "Language: FR")
            .replace("Type: true_false", "Type: Vrai ou faux")
            .replace("Prompt: Tous les élus", "Question: Tous les élus")
            .replace("Answer: Vrai", "Bonne réponse : Vrai")
            .replace("Passage: Tous les élus présents ont voté",
                     "Passage: " + unicodedata.normalize("NFD", "Tous les élus présents ont voté"))
            .replace("- [ ] Un traité de libre-échange", "- [ ] Un traité de libre–échange"))
    quiz = parse_question_file(text, "q.md")
    assert quiz.language == "fr"
    vote = quiz.questions[1]
    assert (vote.kind, vote.answer, vote.prompt) == ("true_false", True,
                                                     "Tous les élus présents ont voté pour.")
    assert vote.passage == "Tous les élus présents ont voté"  # one form of each letter
    dashed = VALID.replace('Passage: un traité de "Défense mutuelle"',
                           "Passage: Mais jusqu’alors – personne").replace(
        "Mais jusqu’alors, personne", "Mais jusqu’alors - personne")
    assert parse_question_file(dashed, "q.md").questions[0].passage == (
        "Mais jusqu’alors – personne")
    empty = errors_of(VALID.replace("Answer: Vrai", "Answer:"))
    assert empty == ["q.md:32: 'Answer' is empty — write true or false (or vrai or faux)"]


def test_word_processor_shapes_are_told_how_to_write_them() -> None:
    """Choices as a lettered list, a field's name in bold (a Markdown export), an article
    subheading written '##': each told what to write instead, not only « cannot read »."""
    text = (VALID.replace("Type: mcq", "**Type:** mcq")
            .replace("- [ ] Un traité de libre-échange", "a) Un traité de libre-échange")
            .replace("### Un sous-titre", "## Un sous-titre"))
    problems = errors_of(text)
    assert ("q.md:21: cannot read this line — write the field's name without formatting: "
            "'Type: mcq', not '**Type:** mcq' (remove the * and \\ a word processor adds)"
            ) in problems
    assert ("q.md:23: cannot read this choice — write a choice as '- [ ] text', and the "
            "correct one as '- [x] text' (not with a letter or a number)") in problems
    assert ("q.md:14: unknown section '## Un sous-titre' — a question file has two sections: "
            "'## Article' then '## Questions'; a subheading of the article is written "
            "'### Un sous-titre'") in problems


def test_every_problem_is_reported_at_once() -> None:
    text = replace_line(replace_line(VALID, 32, "Answer: peut-être"), 4, "Date: hier")
    assert [p.split(":")[1] for p in errors_of(text)] == ["4", "32"]


def test_mcq_with_seven_choices() -> None:
    choices = "\n".join(f"- [{'x' if i == 0 else ' '}] choix {i}" for i in range(7))
    text = VALID.replace("- [ ] Un traité de libre-échange\n- [x] Un traité de défense mutuelle",
                         choices)
    assert any("has 7 choices" in p for p in errors_of(text))


def test_a_file_with_an_article_and_no_questions_yet_is_valid() -> None:
    quiz = parse_question_file(VALID.split("## Questions")[0], "q.md")
    assert quiz.questions == ()


def test_the_demo_files_are_valid_and_the_seed_has_at_least_ten_questions() -> None:
    files = find_question_files([QUESTIONS])
    assert len(files) >= 3
    quizzes = {path.stem: read_question_file(path) for path in files}
    seed = quizzes["russie-coree-du-nord-traite"]
    assert len(seed.questions) >= 10
    assert {q.kind for q in seed.questions} == {"mcq", "true_false"}
    assert seed.language == "fr" and seed.credit == "PHOTO/ALEXANDER NEMENOV/REUTERS"
    assert {q.language for q in quizzes.values()} == {"fr", "en"}


def test_the_seed_article_is_kept_verbatim() -> None:
    # tests/data/seeds/ holds a copy of the article exactly as it was handed to the project.
    seed_text = QUESTIONS.parent / "tests" / "data" / "seeds" / "000_63e12b20570fe838.txt"
    body = seed_text.read_text(encoding="utf-8").split("\n", 1)[1]
    expected = [part.strip() for part in body.split("\n\n") if part.strip()]
    seed = read_question_file(QUESTIONS / "russie-coree-du-nord-traite.md")
    assert [block.text for block in seed.article] == expected


def test_missing_path_is_an_error() -> None:
    with pytest.raises(QuestionFileError, match="no-such-folder:1: no such file or folder"):
        find_question_files(["no-such-folder"])


def test_the_parser_package_imports_no_flask() -> None:
    package = Path(__file__).resolve().parents[2] / "quiz" / "questionfile"
    for source in package.glob("*.py"):
        imports = [line for line in source.read_text(encoding="utf-8").splitlines()
                   if line.startswith(("import ", "from "))]
        assert not [line for line in imports if "flask" in line.lower()], source.name
        assert not [line for line in imports if line.startswith("from ..")], source.name


def test_an_indented_choice_or_field_is_not_swallowed_by_the_line_above() -> None:
    text = VALID.replace("- [x] Un traité de défense mutuelle",
                         "- [x] Un traité de défense mutuelle\n  - [ ] Un autre")
    assert any(p.startswith("q.md:25: an indented field or choice") for p in errors_of(text))
    text = VALID.replace("  le dit.", "  Passage: le dit.")
    assert any(p.startswith("q.md:27: an indented field or choice") for p in errors_of(text))


def test_unknown_language_code() -> None:
    assert any(p.startswith("q.md:3: 'zz' is not a language code")
               for p in errors_of(VALID.replace("Language: fr", "Language: zz")))


def test_a_passage_may_stand_in_a_subheading() -> None:
    quiz = parse_question_file(VALID.replace('Passage: un traité de "Défense mutuelle"',
                                             "Passage: Un sous-titre"), "q.md")
    assert quiz.article[quiz.questions[0].location.block].kind == "heading"


def test_at_most_200_questions() -> None:
    # Questions without an explanation: past the limit, none of them is checked (one problem,
    # not 200), at the line of the 201st.
    extra = "".join(f"\n### q{n}\nType: true_false\nPrompt: P\nAnswer: vrai\n"
                    f"Passage: Un sous-titre\n" for n in range(200))
    assert errors_of(VALID + extra) == [
        "q.md:1224: the file has 202 questions — keep at most 200 questions in one file"]


def test_the_article_is_folded_once_not_once_per_question(monkeypatch) -> None:
    from quiz.questionfile import passage

    calls = []
    real = passage.normalize
    monkeypatch.setattr(passage, "normalize", lambda text: calls.append(text) or real(text))
    quiz = parse_question_file(VALID, "q.md")
    # Three blocks once, plus each question's passage.
    assert len(calls) == len(quiz.article) + len(quiz.questions)


def test_an_outdated_question_keeps_its_note() -> None:
    text = VALID.replace("Explanation: C'est écrit.", "Explanation: C'est écrit.\n"
                         "Outdated: Un nouveau vote a eu lieu depuis.")
    quiz = parse_question_file(text, "q.md")
    assert quiz.questions[1].outdated == "Un nouveau vote a eu lieu depuis."
    assert quiz.questions[0].outdated is None


# -- limits and boundaries: each accepted at the limit and refused one past it ------------------

def test_a_choice_continued_on_the_next_line_belongs_to_that_choice() -> None:
    text = VALID.replace("- [ ] Un traité de libre-échange",
                         "- [ ] Un traité de\n  libre-échange\n  signé à Pyongyang")
    mcq = parse_question_file(text, "q.md").questions[0]
    assert [choice.text for choice in mcq.choices] == [
        "Un traité de libre-échange signé à Pyongyang", "Un traité de défense mutuelle"]
    text = VALID.replace("- [x] Un traité de défense mutuelle",
                         "- [x] Un traité de défense\n  mutuelle")
    mcq = parse_question_file(text, "q.md").questions[0]
    assert [choice.text for choice in mcq.choices] == [
        "Un traité de libre-échange", "Un traité de défense mutuelle"]
    assert mcq.correct_choice.text == "Un traité de défense mutuelle"


def test_a_question_id_of_64_characters_is_the_longest() -> None:
    longest = "a" * 64
    quiz = parse_question_file(VALID.replace("### vote", f"### {longest}"), "q.md")
    assert quiz.questions[1].key == longest
    problems = errors_of(VALID.replace("### vote", f"### {longest}b"))
    assert any(p.startswith(f"q.md:29: '{longest}b' cannot be a question id") for p in problems)


def test_a_title_of_200_characters_is_the_longest() -> None:
    title = "T" * 200
    assert parse_question_file(VALID.replace("# Un traité ratifié", f"# {title}"),
                               "q.md").title == title
    assert errors_of(VALID.replace("# Un traité ratifié", f"# {title}x")) == [
        "q.md:1: the title is 201 characters long — keep it under 200 characters"]


def test_an_empty_subheading_is_an_error() -> None:
    assert errors_of(VALID.replace("### Un sous-titre", "### ")) == [
        "q.md:14: an empty subheading — write its text after '### '"]


def test_questions_before_the_article_is_an_error() -> None:
    article = VALID[VALID.index("## Article"):VALID.index("## Questions")]
    questions = VALID[VALID.index("## Questions"):]
    head = VALID[:VALID.index("## Article")]
    problems = errors_of(head + questions + "\n" + article)
    assert any("'## Questions' comes before '## Article'" in p for p in problems), problems


def test_readme_files_in_a_folder_are_not_question_files(tmp_path: Path) -> None:
    for name in ("README.md", "readme.md", "quiz.md", "notes.txt"):
        (tmp_path / name).write_text(VALID, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "Readme.md").write_text(VALID, encoding="utf-8")
    (tmp_path / "sub" / "autre.md").write_text(VALID, encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in find_question_files([tmp_path])] == [
        "quiz.md", "sub/autre.md"]


def test_the_date_may_be_a_month_but_facts_as_of_must_be_a_day() -> None:
    assert parse_question_file(VALID, "q.md").published == "2024-11"
    with_facts = VALID.replace("Date: 2024-11", "Date: 2024-11\nFacts-as-of: 2024-11-20")
    assert parse_question_file(with_facts, "q.md").facts_as_of == "2024-11-20"
    assert errors_of(VALID.replace("Date: 2024-11", "Date: 2024-11\nFacts-as-of: 2024-11")) == [
        "q.md:5: '2024-11' is not a date — write it as YYYY-MM-DD"]
    assert parse_question_file(VALID.replace("Date: 2024-11", "Date: 2024-11-05"),
                               "q.md").published == "2024-11-05"


@pytest.mark.parametrize("language", ["fra", "f", "fr-FR", " fr1", "xx"])  # "FR" is read as fr
def test_a_language_must_be_a_known_two_letter_code(language: str) -> None:
    problems = errors_of(VALID.replace("Language: fr", f"Language: {language}"))
    assert any(p.startswith(f"q.md:3: '{language.strip()}' is not a language code")
               for p in problems), problems


@pytest.mark.parametrize("url", ["ftp://example.org/a", "javascript:alert(1)",
                                 "https://example.org/a b", "http:/example.org",
                                 "xhttps://example.org"])
def test_a_url_must_be_one_web_address(url: str) -> None:
    problems = errors_of(VALID.replace("URL: https://example.org/article", f"URL: {url}"))
    assert any(p.startswith(f"q.md:6: '{url}' is not a web address") for p in problems), problems
    assert parse_question_file(VALID.replace("https://example.org/article",
                                             "http://example.org/a?b=1"), "q.md").url == \
        "http://example.org/a?b=1"


def test_a_file_of_one_million_bytes_is_the_largest() -> None:
    largest = b"x" * 1_000_000
    assert decode_question_bytes(largest, "q.md") == largest.decode()
    with pytest.raises(QuestionFileError) as caught:
        decode_question_bytes(largest + b"x", "q.md")
    assert [str(p) for p in caught.value.problems] == [
        "q.md:1: the file is too large (1.0 MB) — a question file holds one article and its "
        "questions; the limit is 1 MB"]


def test_a_file_is_read_from_a_path_given_as_text(tmp_path: Path) -> None:
    (tmp_path / "q.md").write_text(VALID, encoding="utf-8")
    assert read_question_file(str(tmp_path / "q.md")).title == "Un traité ratifié"


@pytest.mark.parametrize(("field", "line", "limit"), [("Source", 5, 200), ("Credit", 7, 200),
                                                      ("URL", 6, 2000)])
def test_header_fields_at_their_length_limit(field: str, line: int, limit: int) -> None:
    lines = VALID.split("\n")
    prefix = "https://example.org/" if field == "URL" else ""
    value = prefix + "a" * (limit - len(prefix))
    lines[line - 1] = f"{field}: {value}"
    assert parse_question_file("\n".join(lines), "q.md")
    lines[line - 1] = f"{field}: {value}b"
    assert errors_of("\n".join(lines)) == [
        f"q.md:{line}: '{field}' is {limit + 1} characters long — keep it under "
        f"{limit} characters"]


def test_six_choices_are_the_most() -> None:
    choices = "\n".join(f"- [{'x' if i == 0 else ' '}] choix {i}" for i in range(6))
    text = VALID.replace("- [ ] Un traité de libre-échange\n- [x] Un traité de défense mutuelle",
                         choices)
    assert len(parse_question_file(text, "q.md").questions[0].choices) == 6


def test_two_hundred_questions_are_the_most() -> None:
    extra = "".join(f"\n### q{n}\nType: true_false\nPrompt: P\nAnswer: vrai\n"
                    f"Passage: Un sous-titre\nExplanation: E\n" for n in range(198))
    assert len(parse_question_file(VALID + extra, "q.md").questions) == 200
    more = extra + ("\n### q198\nType: true_false\nPrompt: P\nAnswer: vrai\n"
                    "Passage: Un sous-titre\nExplanation: E\n")
    assert any("the file has 201 questions" in p for p in errors_of(VALID + more))


def test_a_one_letter_title_and_a_header_right_below_it() -> None:
    text = VALID.replace("# Un traité ratifié\n\n", "# T\n")
    quiz = parse_question_file(text, "q.md")
    assert (quiz.title, quiz.language) == ("T", "fr")


def test_a_title_line_without_a_title_is_an_error() -> None:
    problems = errors_of(VALID.replace("# Un traité ratifié", "#   "))
    assert problems[0].startswith("q.md:1: the file must start with the quiz title")


def test_a_title_line_lost_in_a_file_whose_article_looks_like_gift_is_told_as_such() -> None:
    """An article quoting a spreadsheet (« {=SOMME(A1:A3)} ») and its title line lost: the
    file has a question file's sections, so its error is the title's, not « this is a GIFT
    file »."""
    text = VALID.replace("# Un traité ratifié\n", "").replace(
        "## Article\n\n", "## Article\n\nLe tableur calcule {=SOMME(A1:A3)} chaque soir.\n\n")
    problems = errors_of(text)
    assert problems[0].startswith("q.md:2: the file must start with the quiz title"), problems
    assert not any("GIFT" in problem for problem in problems)


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(QuestionFileError) as caught:
        read_question_file(tmp_path / "absent.md")
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'absent.md'}:1: cannot read the file (No such file or directory) — "
        "check the path"]


def test_files_and_folders_given_are_expanded_to_question_files(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text(VALID, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "two.md").write_text(VALID, encoding="utf-8")
    (tmp_path / "folder" / "not-a-file.md").mkdir()  # a folder named like a question file
    assert find_question_files([tmp_path / "one.md", tmp_path / "folder"]) == [
        tmp_path / "one.md", tmp_path / "folder" / "two.md"]


def test_check_files_returns_the_valid_files_and_every_problem_of_the_others(
        tmp_path: Path) -> None:
    (tmp_path / "a-valid.md").write_text(VALID, encoding="utf-8")
    (tmp_path / "b-invalid.md").write_text(VALID.replace("Date: 2024-11", "Date: hier"),
                                           encoding="utf-8")
    (tmp_path / "c-invalid.md").write_text(VALID.replace("Type: mcq", "Type: choix"),
                                           encoding="utf-8")
    valid, problems = check_files(find_question_files([tmp_path]))
    assert [quiz.title for quiz in valid] == ["Un traité ratifié"]
    assert [(Path(p.path).name, p.line) for p in problems] == [
        ("b-invalid.md", 4), ("c-invalid.md", 21)]


# -- what one mistake leads to: reported once, the rest still read right -------------------------

def test_a_question_with_a_wrong_id_has_its_other_errors_reported_too() -> None:
    """Every error of the file at once: the question's empty prompt was hidden until its id
    was mended, a second upload to learn of it."""
    text = VALID.replace("### nom-du-traite\nType: mcq\nPrompt: Quel traité ?",
                         "### Nom du traité\nType: mcq\nPrompt:")
    assert [p.split(" — ")[0] for p in errors_of(text)] == [
        "q.md:20: 'Nom du traité' cannot be a question id", "q.md:22: 'Prompt' is empty"]
    # Two wrong ids alike are two wrong ids, not one id used twice.
    twice = text.replace("### vote\n", "### Nom du traité\n")
    assert [p.split(" — ")[0] for p in errors_of(twice)] == [
        "q.md:20: 'Nom du traité' cannot be a question id", "q.md:22: 'Prompt' is empty",
        "q.md:29: 'Nom du traité' cannot be a question id"]


def test_a_second_question_with_the_same_id_has_its_other_errors_reported_too() -> None:
    """The id used twice, and the second question's own empty prompt: both at once (the
    prompt was told only once the id was mended, a second upload to learn of it)."""
    text = VALID.replace(
        "### vote\nType: true_false\nPrompt: Tous les élus présents ont voté pour.",
        "### nom-du-traite\nType: true_false\nPrompt:")
    assert [p.split(" — ")[0] for p in errors_of(text)] == [
        "q.md:29: the question id 'nom-du-traite' is already used at line 20",
        "q.md:31: 'Prompt' is empty"]


def test_a_multiple_choice_question_without_choices() -> None:
    text = VALID.replace("- [ ] Un traité de libre-échange\n- [x] Un traité de défense mutuelle\n",
                         "")
    assert [p.split(" — ")[0] for p in errors_of(text)] == [
        "q.md:20: question 'nom-du-traite' has 0 choices"]  # not also "0 correct choices"


def test_questions_without_an_article() -> None:
    lines = VALID.split("\n")
    text = "\n".join(lines[:8] + lines[17:])  # lines 9 to 17 (the article) taken out
    assert [p.split(" — ")[0] for p in errors_of(text)] == [
        "q.md:1: the file has no '## Article' section",
        "q.md:9: '## Questions' comes before '## Article'"]  # no passage is looked for


HEADER = "# Un traité\n\nLanguage: fr\nDate: 2024-11\n\n## Article\n\n"


def test_an_article_with_a_subheading_only_has_no_text() -> None:
    assert [p.split(" — ")[0] for p in errors_of(HEADER + "### Seul un titre\n")] == [
        "q.md:6: the article has no text"]


@pytest.mark.parametrize("line", ["#", "####", "#### Un titre", "##Titre", "###Titre"])
def test_an_unreadable_heading_is_not_taken_for_text(line: str) -> None:
    assert [p.split(" — ")[0] for p in errors_of(HEADER + line + "\n")] == [
        "q.md:6: the article has no text", "q.md:8: cannot read this heading"]


def test_a_paragraph_opening_on_a_hashtag_is_text() -> None:
    """As in Markdown, one '#' stuck to a word is no heading: news articles open paragraphs
    on hashtags."""
    quiz = parse_question_file(
        HEADER + "#MeToo a changé la donne, selon l’autrice.\n\n#Titre\n"
        "#BalanceTonPorc suit la même ligne.\n", "q.md")
    assert [(b.kind, b.text) for b in quiz.article] == [
        ("paragraph", "#MeToo a changé la donne, selon l’autrice."),
        ("paragraph", "#Titre #BalanceTonPorc suit la même ligne.")]


def test_paragraphs_end_at_a_subheading_and_at_the_questions_without_blank_lines() -> None:
    text = (VALID.replace("courant.\n\n### Un sous-titre\n\nTous",
                          "courant.\n### Un sous-titre\nTous")
            .replace("ce texte.\n\n## Questions", "ce texte.\n## Questions"))
    quiz = parse_question_file(text, "q.md")
    assert [(block.kind, block.text, block.line) for block in quiz.article] == [
        ("paragraph", "Depuis plusieurs semaines, le président évoque un traité de “Défense "
                      "mutuelle”. Mais jusqu’alors, personne n’était au courant.", 11),
        ("heading", "Un sous-titre", 13),
        ("paragraph", "Tous les élus  présents ont voté en faveur de ce texte.", 14)]


def test_an_indented_line_with_a_colon_continues_the_text_above() -> None:
    # "Attention:" looks like a field, but not one of a question's: it continues the text.
    text = VALID.replace("  le dit.", "  le dit.\n  Attention: lire aussi la suite.")
    quiz = parse_question_file(text, "q.md")
    assert quiz.questions[0].explanation == (
        "Le premier paragraphe le dit. Attention: lire aussi la suite.")


def test_empty_review_and_outdated_notes_are_no_notes() -> None:
    text = VALID.replace("Explanation: C'est écrit.", "Explanation: C'est écrit.\nOutdated:\n"
                         "Review:").replace("  le dit.", "  le dit.\nReview: vérifier la source")
    mcq, true_false = parse_question_file(text, "q.md").questions
    # An empty "Outdated:" must not take the question out of attempts (outdated_note IS NULL).
    assert (true_false.outdated, true_false.review) == (None, None)
    assert (mcq.outdated, mcq.review) == (None, "vérifier la source")


def test_a_one_letter_subheading() -> None:
    quiz = parse_question_file(VALID.replace("### Un sous-titre", "### X"), "q.md")
    assert [(block.kind, block.text) for block in quiz.article][1] == ("heading", "X")


def test_an_indented_line_right_below_a_question_id_continues_nothing() -> None:
    # The explanation above does not take it: the line belongs to the new question.
    text = VALID.replace("  le dit.\n\n### vote", "  le dit.\n### vote\n  suite")
    assert [p.split(" — ")[0] for p in errors_of(text)] == [
        "q.md:29: an indented line that continues nothing"]


def test_a_stored_version_with_choices_alike_but_for_capitals_still_reads() -> None:
    """Versions saved before choices were compared capitals and spaces aside open as they
    were (their page, their edit page); a file sent is refused where the second one is."""
    alike = VALID.replace("- [ ] Un traité de libre-échange",
                          "- [ ] un traité de  défense mutuelle")
    assert [c.text for c in parse_question_file(alike, stored=True).questions[0].choices] == [
        "un traité de  défense mutuelle", "Un traité de défense mutuelle"]
    assert errors_of(alike) == [
        "q.md:24: the choice 'Un traité de défense mutuelle' is given twice — remove this one "
        "or the one at line 23"]
