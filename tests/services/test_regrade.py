"""Regrading: a teacher corrects a right answer, and the attempts made on the earlier version
are marked again — scores, boards and results follow; what cannot follow is left and said."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask

from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import Answer, Attempt, Classroom, CountedResult, Quiz, User
from quiz.services.attempts import start_attempt, submit_attempt
from quiz.services.classes import assign_quiz, create_class, join_class
from quiz.services.content import (
    ChoiceContent,
    answered_questions,
    counterparts,
    revision_content,
)
from quiz.services.importer import import_items, prepare_import
from quiz.services.leaderboard import class_leaderboard, recount_submission
from quiz.services.regrade import QuizChanged, plan_regrade, regrade

SLUG = "exemple-velo-ecole"
FIRST = "### duree-fermeture"
# Version 2 « corrects » the first question: Dix minutes is now the right answer.
CORRECTED = ("- [ ] Dix minutes\n- [x] Trente minutes", "- [x] Dix minutes\n- [ ] Trente minutes")


def save_version(folder: Path, *replacements: tuple[str, str]) -> None:
    path = folder / f"{SLUG}.md"
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    import_items(prepare_import([folder]))


def quiz() -> Quiz:
    db.session.rollback()
    return db.session.scalar(sa.select(Quiz).where(Quiz.slug == SLUG))


def take(user: User, first_choice: str, **others: str) -> int:
    """Submit an attempt: `first_choice` for the first question, the right answer elsewhere
    unless `others` (question key → choice text) says otherwise; its id."""
    attempt = start_attempt(user, quiz())
    content = revision_content(attempt.revision_id)
    wanted = {content.questions[0].key: first_choice, **others}
    chosen = {q.id: next(c.id for c in q.choices
                         if (c.text == wanted[q.key] if q.key in wanted else c.is_correct))
              for q in content.questions}
    attempt_id = attempt.id
    submit_attempt(attempt, chosen)
    return attempt_id


def scores() -> dict[str, tuple[int, int, bool]]:
    """Username → (score, total, regraded) of their attempts' last one."""
    db.session.rollback()
    return {name: (score, total, regraded is not None) for name, score, total, regraded in
            db.session.execute(sa.select(User.username, Attempt.score, Attempt.total,
                                         Attempt.regraded_at)
                               .join(User, User.id == Attempt.user_id).order_by(Attempt.id))}


@pytest.fixture
def taken(app: Flask, folder: Path, users):
    """A class given the quiz; Léa answered « Dix minutes » (wrong in version 1), Tom and Noé
    « Trente minutes » (right), Zoé « Une heure » (wrong either way); Noé also chose « Le gain
    de temps » elsewhere (wrong), a choice version 2 rewrites."""
    with app.app_context():
        teacher_id = users.make("prof", role="teacher")
        ids = {name: users.make(name) for name in ("lea", "tom", "zoe")}
        ids["noe"] = users.make("noe", "Noé B.")  # a name that ends a sentence
        db.session.commit()
        room = create_class(db.session.get_one(User, teacher_id), "4e B", "2026-2027")
        code, room_id = room.join_code, room.id
        for user_id in ids.values():
            join_class(db.session.get_one(User, user_id), code)
        assign_quiz(db.session.get_one(type(room), room_id), quiz(), None, None, "best")
        people = {name: db.session.get_one(User, user_id) for name, user_id in ids.items()}
        take(people["lea"], "Dix minutes")
        take(people["tom"], "Trente minutes")
        take(people["noe"], "Trente minutes", **{"raison-parents": "Le gain de temps"})
        take(people["zoe"], "Une heure")
        yield folder, room_id


def current_id() -> int:
    return quiz().current_revision_id


def test_a_corrected_right_answer_regrades_the_attempts_it_changes(app: Flask, taken) -> None:
    folder, room_id = taken
    with app.app_context():
        before = scores()
        total = before["lea"][1]
        assert before["lea"][0] == total - 1 and before["tom"][0] == total
        save_version(folder, CORRECTED)
        assert [(c.position, c.now, c.before) for c in plan_regrade(quiz()).changes] == [
            (1, "Dix minutes", ((1, "Trente minutes"),))]

        plan = plan_regrade(quiz())
        assert (len(plan.regraded), plan.up, plan.down, plan.left) == (3, 1, 2, 0)
        assert len(plan.attempts) == 4  # Zoé's too, its marks unchanged
        assert scores() == before  # a plan writes nothing

        done = regrade(quiz(), current_id(), now=dt.datetime(2026, 12, 6, 9, tzinfo=dt.UTC))
        assert len(done.regraded) == 3
        after = scores()
        assert after["lea"] == (total, total, True)
        assert after["tom"] == (total - 1, total, True)
        assert after["noe"] == (total - 2, total, True)
        # Wrong either way, but her results now show another right answer: said too.
        assert after["zoe"] == (before["zoe"][0], total, True)

        # The board and the stored counted results follow.
        board = {s.display_name: s.score
                 for s in class_leaderboard(db.session.get_one(Classroom, room_id))}
        stored = dict((name, score) for name, score in db.session.execute(
            sa.select(User.username, CountedResult.score).join(User)).all())
        assert board["Lea"] == total and board["Tom"] == total - 1
        assert stored["lea"] == total and stored["noe"] == total - 2

        # Léa's results now show version 2's right answer beside her (now right) answer.
        lea_attempt = db.session.scalar(sa.select(Attempt).join(User).where(
            User.username == "lea"))
        assert lea_attempt.revision_id == current_id()
        first = answered_questions(lea_attempt.id, revision_content(lea_attempt.revision_id))[0]
        assert (first.chosen.text, first.correct.text, first.is_correct) == (
            "Dix minutes", "Dix minutes", True)

        # Done once: nothing left to regrade.
        assert plan_regrade(quiz()).attempts == ()
        assert plan_regrade(quiz()).changes == ()


def test_a_regrade_after_another_version_was_saved_is_refused(app: Flask, taken) -> None:
    """The teacher was shown version 2's right answers; version 3 was saved meanwhile."""
    folder, _room = taken
    with app.app_context():
        before = scores()
        save_version(folder, CORRECTED)
        shown = current_id()
        save_version(folder, ("Prompt: Selon l’article, quelle raison",
                              "Prompt: D’après l’article, quelle raison"))
        with pytest.raises(QuizChanged):
            regrade(quiz(), shown)
        assert scores() == before


def test_a_typo_mended_is_the_same_choice_and_new_words_another(app: Flask, taken) -> None:
    """« Trente minutes » written « trente  minutes. »: the same right answer, nothing to
    regrade. Then « Dix minutes » made « Dix minutes environ » and right: another answer —
    Léa, who chose « Dix minutes », cannot follow (the page names the choice), Tom and Noé
    go down, Zoé's « Une heure » moves unchanged."""
    folder, _room = taken
    with app.app_context():
        before = scores()
        save_version(folder, ("- [x] Trente minutes", "- [x] trente  minutes."))
        assert plan_regrade(quiz()).changes == ()
        save_version(folder, ("- [ ] Dix minutes\n- [x] trente  minutes.",
                              "- [x] Dix minutes environ\n- [ ] trente  minutes."))
        plan = plan_regrade(quiz())
        assert [c.now for c in plan.changes] == ["Dix minutes environ"]
        assert (len(plan.regraded), plan.up, plan.down, plan.left) == (2, 0, 2, 1)
        assert [text for *_at, text in plan.rewritten] == ["Dix minutes"] and not plan.removed
        regrade(quiz(), current_id())
        after = scores()
        assert after["lea"] == before["lea"]
        assert after["tom"][0] == before["tom"][0] - 1


def test_an_attempt_with_an_answer_that_cannot_follow_keeps_its_marks_and_says_why(
        app: Flask, taken, auth) -> None:
    """Version 2 corrects question 1 and drops « Le gain de temps », which Noé chose: his
    attempt cannot move (it keeps its marks, counted with the reason); the others do. Then a
    question removed: every attempt answered it, none can follow."""
    folder, _room = taken
    with app.app_context():
        before = scores()
        save_version(folder, CORRECTED, ("- [ ] Le gain de temps\n", ""))
        plan = plan_regrade(quiz())
        assert (len(plan.regraded), plan.left) == (2, 1)
        # Named with its question (4, not the corrected 1), which the page links to.
        assert plan.rewritten == ((4, "raison-parents", "Le gain de temps"),)
        assert not plan.removed
        slug = quiz().slug
        teacher = app.test_client()
        auth.log_in("prof", client=teacher)
        page = teacher.get(f"/teacher/quizzes/{slug}/regrade").get_data(as_text=True)
        assert ("Question 4: a choice that is no longer in it, “<span lang=\"fr\">Le gain de "
                "temps</span>”") in page
        assert "Your students among them: Noé B.\n" in page  # one full stop (it had two)
        assert (f'<a href="/teacher/quizzes/{slug}/questions/raison-parents/edit">Edit '
                "question 4</a>") in page
        assert plan.left_ids == tuple(db.session.scalars(
            sa.select(Attempt.id).join(User).where(User.username == "noe")))
        regrade(quiz(), current_id())
        after = scores()
        assert after["noe"] == before["noe"]
        assert after["lea"][2] and after["tom"][2]
        noe = db.session.scalar(sa.select(Attempt).join(User).where(User.username == "noe"))
        assert noe.revision_id != current_id()

        text = (folder / f"{SLUG}.md").read_text(encoding="utf-8")
        save_version(folder, ("- [x] Dix minutes\n- [ ] Trente minutes",
                              "- [ ] Dix minutes\n- [x] Trente minutes"),
                     (text[text.index("### colleges-concernes"):], ""))
        plan = plan_regrade(quiz())
        # Léa's and Tom's marks would change back; Zoé's would not, and Noé's version had
        # this right answer: not counted.
        assert plan.attempts == () and plan.left == 2
        assert plan.removed == ("D’après l’article, le dispositif est déjà étendu aux "
                                "collèges de la ville.",)


def test_attempts_of_several_earlier_versions_each_follow(app: Flask, taken, users) -> None:
    """Version 2 mends a prompt (Léa and Tom answered version 1), Hugo answers version 2,
    version 3 corrects question 1: the three attempts move, from both versions."""
    folder, _room = taken
    with app.app_context():
        save_version(folder, ("Prompt: Selon l’article, quelle raison",
                              "Prompt: D’après l’article, quelle raison"))
        hugo = db.session.get_one(User, users.make("hugo"))
        take(hugo, "Dix minutes")
        save_version(folder, CORRECTED)
        changes = plan_regrade(quiz()).changes
        assert [c.before for c in changes] == [((1, "Trente minutes"), (2, "Trente minutes"))]
        regrade(quiz(), current_id())
        after = scores()
        assert after["hugo"][0] == after["hugo"][1] and after["lea"][0] == after["lea"][1]
        assert db.session.scalar(sa.select(sa.func.count()).where(
            Attempt.revision_id != current_id())) == 0


def test_a_practice_attempt_is_regraded_too(app: Flask, folder: Path, users) -> None:
    with app.app_context():
        lea = db.session.get_one(User, users.make("lea"))
        attempt = start_attempt(lea, quiz(), practice=True)
        content = revision_content(attempt.revision_id)
        submit_attempt(attempt, {q.id: q.choices[0].id for q in content.questions})
        first = scores()["lea"][0]
        save_version(folder, CORRECTED)  # « Dix minutes », the first choice, right now
        regrade(quiz(), current_id())
        assert scores()["lea"][0] == first + 1


def test_old_choices_differing_in_capitals_map_to_their_own_text(app: Flask, folder: Path,
                                                                 users) -> None:
    """A version stored before the rule refused them had « Trente minutes » (wrong) beside
    « trente  minutes » (right): each maps to the choice of its exact text, none is guessed."""
    with app.app_context():
        content = revision_content(current_id())
        first = content.questions[0]
        doubled = replace(first, choices=(
            ChoiceContent(-1, 1, "Trente minutes", False),
            ChoiceContent(-2, 2, "trente  minutes", True), *first.choices[2:]))
        old = replace(content, all_questions=(doubled, *content.all_questions[1:]))
        found = counterparts(old, content.all_questions)
        assert found[-1][1].text == "Trente minutes"
        assert -2 not in found  # « trente  minutes » is two choices' text, capitals aside
        mended = replace(first, choices=(
            first.choices[0], ChoiceContent(-3, 2, "TRENTE minutes", True),
            *first.choices[2:]))
        assert counterparts(replace(content, all_questions=(mended,)),
                            content.all_questions)[-3][1].text == "Trente minutes"


def test_signs_accents_and_symbols_make_another_answer(app: Flask, folder: Path) -> None:
    """Only capitals, spaces, quotes and a closing full stop are typos: « -5 °C » made
    « 5 °C », « Pécheur » « Pêcheur », « x > 3 » « x < 3 » are other answers, which no
    answer follows to (a student would be credited with what she never chose)."""
    with app.app_context():
        content = revision_content(current_id())
        first = content.questions[0]
        texts = [("-5 °C", "5 °C"), ("Pécheur", "Pêcheur"), ("x > 3", "x < 3"),
                 ("L’été", "l'été !")]
        old = replace(first, choices=tuple(ChoiceContent(-n - 1, n + 1, before, n == 0)
                                           for n, (before, _after) in enumerate(texts)))
        new = replace(first, choices=tuple(ChoiceContent(n + 1, n + 1, after, n == 0)
                                           for n, (_before, after) in enumerate(texts)))
        found = counterparts(replace(content, all_questions=(old,)), (new,))
        assert {old_id: choice.text for old_id, (_q, choice) in found.items()} == {
            -4: "l'été !"}


def test_a_live_attempt_keeps_its_total_and_counts_its_right_answers(app: Flask, folder: Path,
                                                                     users) -> None:
    """A live quiz stores answers for the questions answered only (the others are wrong):
    regraded, its score is its right answers, its total the questions asked."""
    with app.app_context():
        user_id = users.make("lea")
        quiz_id = quiz().id
        content = revision_content(quiz().current_revision_id)
        first = content.questions[0]
        dix = next(c for c in first.choices if c.text == "Dix minutes")
        with write_transaction():
            attempt = Attempt(user_id=user_id, quiz_id=quiz_id, revision_id=content.id,
                              status="submitted", score=0, total=len(content.questions),
                              submitted_at=dt.datetime.now(dt.UTC), live=True)
            db.session.add(attempt)
            db.session.flush()
            db.session.add(Answer(attempt_id=attempt.id, question_id=first.id,
                                  choice_id=dix.id, is_correct=False))
            recount_submission(user_id, quiz_id)
        save_version(folder, CORRECTED)
        regrade(quiz(), current_id())
        assert scores()["lea"] == (1, len(content.questions), True)
