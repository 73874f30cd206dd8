"""Drafting questions: golden output on fixed articles, 100% valid drafts, the prototype's
findings (apostrophes, sentences, context, aliases, elision) as tests."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from flask.testing import FlaskCliRunner

from quiz.articles import import_source
from quiz.drafting import REVIEW_NOTE, draft_file_text, draft_questions, is_draft
from quiz.drafting import draft as drafting_module
from quiz.drafting.draft import is_alias
from quiz.drafting.facts import SAME_LENGTH, rejection, split_sentences
from quiz.questionfile import QuizFile, parse_question_file, read_question_file, write_question_file
from tests.support import ARTICLES, QUESTIONS, SEED_QUIZ

GOLDEN = Path(__file__).resolve().parent.parent / "data" / "drafting"
# UPDATE_GOLDEN=1 python3 manage.py test tests/drafting rewrites the golden files (then read
# the difference before committing it).
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def article_only(path: Path) -> QuizFile:
    return replace(read_question_file(path), questions=())


def articles() -> dict[str, QuizFile]:
    return {
        "russie-coree-du-nord-traite": article_only(QUESTIONS / f"{SEED_QUIZ}.md"),
        "sample-plastic-free-school-meals": article_only(
            QUESTIONS / "sample-plastic-free-school-meals.md"),
        "fr-tramway": import_source((ARTICLES / "fr-tramway.html").read_bytes(),
                                    "fr-tramway.html").quiz,
        "en-library": import_source((ARTICLES / "en-library.html").read_bytes(),
                                    "en-library.html").quiz,
    }


@pytest.fixture(scope="module")
def fixed_articles() -> dict[str, QuizFile]:
    return articles()


@pytest.mark.parametrize("name", ["russie-coree-du-nord-traite", "en-library"])
def test_golden_drafts(name: str, fixed_articles: dict[str, QuizFile]) -> None:
    """Same article, same seed: the same drafts, word for word."""
    written = write_question_file(draft_questions(fixed_articles[name], 10, seed=0).quiz)
    golden = GOLDEN / f"{name}.drafts.md"
    if UPDATE:
        golden.write_text(written, encoding="utf-8")
    assert written == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_draft_passes_the_validator_and_quotes_its_sentence(
        seed: int, fixed_articles: dict[str, QuizFile]) -> None:
    total = 0
    for name, quiz in fixed_articles.items():
        report = draft_questions(quiz, 30, seed=seed)
        assert report.drafts, name
        reparsed = parse_question_file(write_question_file(report.quiz), name)
        assert reparsed == report.quiz
        per_sentence: dict[tuple[int, str], int] = {}
        for draft in report.drafts:
            question = draft.question
            total += 1
            assert question.review == REVIEW_NOTE and is_draft(question.review)
            block = quiz.article[question.location.block].text
            # Cut verbatim from the article: the very characters, at the place it points to.
            assert block[question.location.start:question.location.end] == question.passage
            assert question.passage == draft.sentence.text
            key = (draft.sentence.order, question.kind)
            per_sentence[key] = per_sentence.get(key, 0) + 1
            if question.kind == "mcq":
                assert 3 <= len(question.choices) <= 4
                assert sum(c.correct for c in question.choices) == 1
                assert question.correct_choice.text in question.passage
                # A cloze has its blank; a wh-question asks, and does not print its answer.
                assert "_____" in question.prompt or (
                    question.prompt.endswith("?")
                    and question.correct_choice.text not in question.prompt)
        assert max(per_sentence.values()) == 1, "at most one MCQ and one T/F per sentence"
        assert len({q.key for q in report.quiz.questions}) == len(report.quiz.questions)
    # (20 before issue 22's seventh round: the subject named in a title — Riverside's library,
    # the treaty's two countries — is no longer asked; see test_drafting_seventh.py.)
    assert total >= 16


def test_drafting_is_deterministic(fixed_articles: dict[str, QuizFile]) -> None:
    quiz = fixed_articles["fr-tramway"]
    first = write_question_file(draft_questions(quiz, 8, seed=3).quiz)
    assert write_question_file(draft_questions(quiz, 8, seed=3).quiz) == first


def test_max_and_ranking_keep_the_best(fixed_articles: dict[str, QuizFile]) -> None:
    quiz = fixed_articles["fr-tramway"]
    all_drafts = draft_questions(quiz, 30).drafts
    best = draft_questions(quiz, 3).drafts
    assert len(best) == 3 and len(all_drafts) > 3
    scores = sorted((d.score for d in all_drafts), reverse=True)
    # One per sentence first: the three kept are the best of three different sentences.
    assert len({d.sentence.order for d in best}) == 3
    assert min(d.score for d in best) >= scores[len(scores) // 2]


def test_typographic_apostrophes_are_normalised_one_for_one() -> None:
    text = "L’ONU n’a pas “réagi”."
    assert len(text.translate(SAME_LENGTH)) == len(text)
    assert text.translate(SAME_LENGTH) == "L'ONU n'a pas \"réagi\"."


def test_sentences_split_per_paragraph_keep_initials(fixed_articles: dict[str, QuizFile]
                                                     ) -> None:
    sentences = split_sentences(fixed_articles[SEED_QUIZ])
    texts = [s.text for s in sentences]
    assert any(t.startswith("La récente élection du président Donald J. Trump") for t in texts)
    assert not any(t.endswith("Donald J.") for t in texts)
    quiz = fixed_articles[SEED_QUIZ]
    for s in sentences:  # offsets into the original paragraph, typographic quotes included
        assert quiz.article[s.block].text[s.start:s.end] == s.text


def test_sentences_needing_context_questions_and_fragments_give_no_draft(
        fixed_articles: dict[str, QuizFile]) -> None:
    def cause(name: str, start: str, language: str = "fr") -> str:
        sentence = next(s for s in split_sentences(fixed_articles[name])
                        if s.text.startswith(start))
        return rejection(sentence, language)

    assert cause(SEED_QUIZ, "En effet, ce dernier") == "needs context"
    assert cause(SEED_QUIZ, "De quoi ce traité") == "question"
    assert cause(SEED_QUIZ, "Un véritable succès") == "fragment"
    assert cause(SEED_QUIZ, "Aujourd’hui, nous") == "first or second person"
    assert cause(SEED_QUIZ, "Une annonce pointée") == "fragment"
    assert cause(SEED_QUIZ, "Pour autant, la Corée") == ""
    english = "sample-plastic-free-school-meals"
    assert cause(english, "Not everyone is convinced", "en") == "fragment"
    assert cause(english, "\"We wanted", "en") == "first or second person"


def test_aliases_are_never_distractors() -> None:
    assert is_alias("Pyongyang", "Corée du Nord", "fr")
    assert is_alias("Trump", "Donald J. Trump", "fr")
    assert is_alias("Poutine", "Vladimir Poutine", "fr")
    assert is_alias("ONU", "Organisation des Nations unies", "fr")
    assert is_alias("UN", "United Nations", "en")
    assert not is_alias("Russie", "Corée du Nord", "fr")


def test_no_draft_offers_an_alias_or_a_name_of_its_own_sentence(
        fixed_articles: dict[str, QuizFile]) -> None:
    for name, quiz in fixed_articles.items():
        for draft in draft_questions(quiz, 30).drafts:
            question = draft.question
            wrong = [c.text for c in question.choices if not c.correct]
            for text in wrong:
                bare = re.sub(r"^(?:la |le |les |l’|l'|the )", "", text)
                if draft.fact.kind not in ("number", "year", "date"):
                    assert not is_alias(bare, draft.fact.name, quiz.language,
                                        draft.fact.kind == "person"), (name, text)
                assert text.lower() not in draft.sentence.text.lower(), (name, text)


def test_french_elision_and_articles_keep_the_form(monkeypatch: pytest.MonkeyPatch) -> None:
    # The choices' form is checked here, not the set: balancing the page's true/false answers
    # (all false here) would turn the cloze on « l'ONU » into its sentence's statement.
    monkeypatch.setattr(drafting_module, "_balance", lambda chosen, _drafts=None: chosen)
    text = """# Sommet

Language: fr
Date: 2025-01-10

## Article

Le secrétaire général de l’ONU a rencontré mardi les représentants de plusieurs pays
pour parler de la sécurité alimentaire.

Les représentants de l’OTAN se sont réunis le même jour à Bruxelles pour préparer le
prochain sommet.

La France et l’Allemagne ont annoncé une aide de 300 millions d’euros pour les réfugiés.

Les délégués de l’Unesco ont quitté la réunion avant la fin, selon plusieurs diplomates.

## Questions
"""
    quiz = parse_question_file(text)
    drafts = draft_questions(quiz, 20).drafts
    onu = [d for d in drafts if d.question.kind == "mcq" and d.fact.name == "ONU"]
    assert onu, [d.question.prompt for d in drafts]
    choices = [c.text for c in onu[0].question.choices]
    assert "l’ONU" in choices
    assert all(c.startswith("l’") for c in choices), choices  # « de l’OTAN », not « de la… »
    assert "de _____ a rencontré" in onu[0].question.prompt


def test_cli_draft_edits_the_file_in_place_then_check_passes(
        runner: FlaskCliRunner, tmp_path: Path, fixed_articles: dict[str, QuizFile]) -> None:
    target = tmp_path / "tramway.md"
    target.write_text(write_question_file(fixed_articles["fr-tramway"]), encoding="utf-8")
    result = runner.invoke(args=["quiz", "draft", str(target), "--max", "5"])
    assert result.exit_code == 0, result.output
    assert f"Added 5 draft(s) to {target}" in result.output
    text = target.read_text(encoding="utf-8")
    assert text.count(f"Review: {REVIEW_NOTE}") == 5
    assert runner.invoke(args=["quiz", "check", str(target)]).exit_code == 0
    again = runner.invoke(args=["quiz", "draft", str(target), "--max", "5"])
    assert again.exit_code == 0
    keys = re.findall(r"^### (draft-\d+)$", target.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(keys) == len(set(keys)) > 5  # new drafts from other sentences, new keys


def test_without_models_drafting_says_how_to_install_them(
        runner: FlaskCliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.drafting import models

    monkeypatch.setattr(models, "models_installed", lambda language=None: False)
    target = tmp_path / "seed.md"
    target.write_text((QUESTIONS / f"{SEED_QUIZ}.md").read_text(encoding="utf-8"),
                      encoding="utf-8")
    result = runner.invoke(args=["quiz", "draft", str(target)])
    assert result.exit_code == 1
    assert "requirements-drafting.txt" in result.output and "fr_core_news_sm" in result.output
    with pytest.raises(models.DraftingUnavailable, match="French or English"):
        draft_file_text(write_question_file(replace(read_question_file(
            QUESTIONS / f"{SEED_QUIZ}.md"), language="de")))


def test_no_distractor_of_the_other_sex_when_the_grammar_tells() -> None:
    text = """# Council

Language: en
Date: 2025-01-10

## Article

Maria Lopez said that she would appeal against the decision of the city council on Monday.

John Carter told reporters that he had never seen such a crowd in the town square before.

Peter Brown said that he would stand for mayor again in the elections next spring.

David Green announced that he was leaving the council after twenty years of service.

## Questions
"""
    drafts = draft_questions(parse_question_file(text), 20).drafts
    men = [d for d in drafts if d.question.kind == "mcq" and d.fact.name != "Maria Lopez"]
    assert men
    for draft in men:
        assert "Maria Lopez" not in [c.text for c in draft.question.choices]
    for draft in drafts:  # nor a man's name for "she"
        if draft.fact.name == "Maria Lopez":
            assert not {"John Carter", "Peter Brown", "David Green"} & {
                c.text for c in draft.question.choices}
