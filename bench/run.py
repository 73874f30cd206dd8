#!/usr/bin/env python3
"""Benchmark suite: prints a table of figures and writes bench/results.json.

So far it holds the leaderboard figures (the performance issue adds the served-page figures):

- ``leaderboard_query``: the class's overall board (10 assigned quizzes, 30 students) computed
  by SQL over 100,000 attempts and 1,000,000 answers — median of several runs, in ms.
- ``leaderboard_page``: the board page rendered through the app (test client, in-process),
  median ms, with ``ratio`` = bare-Flask "hello" time ÷ page time measured in the same run
  (1.0 would be as fast as an empty Flask view).

    python bench/run.py            full size (about a minute on 2 cores, mostly building data)
    python bench/run.py --quick    a tenth of the data

SQLite (WAL) in a temporary folder; nothing leaves this machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUIZZES, QUESTIONS, STUDENTS = 10, 10, 30


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def question_file(number: int) -> str:
    sentences = [f"La phrase numéro {n} du texte {number} dit que la valeur vaut {n * 7}."
                 for n in range(QUESTIONS)]
    questions = "".join(
        f"\n### q{n}\nType: mcq\nPrompt: Que vaut la valeur {n} ?\n- [x] {n * 7}\n"
        f"- [ ] {n * 7 + 1}\n- [ ] {n * 7 + 2}\nPassage: {sentences[n]}\nExplanation: Voir le "
        f"texte.\n" for n in range(QUESTIONS))
    return (f"# Texte de mesure {number}\n\nLanguage: fr\nDate: 2026-11\n\n## Article\n\n"
            + "\n\n".join(sentences) + "\n\n## Questions\n" + questions)


def build(app, attempts: int) -> tuple[int, int]:
    """A class of 30 with 10 assigned quizzes and `attempts` attempts × 10 answers."""
    import sqlalchemy as sa
    from werkzeug.security import generate_password_hash

    from quiz.extensions import db
    from quiz.models import Answer, Attempt, Choice, Question, Quiz, User
    from quiz.services.classes import assign_quiz, create_class, join_class
    from quiz.services.importer import import_items, prepare_import

    folder = Path(tempfile.mkdtemp(prefix="news-quiz-bench-files-"))
    for n in range(QUIZZES):
        (folder / f"mesure-{n}.md").write_text(question_file(n), encoding="utf-8")
    with app.app_context():
        db.create_all()
        import_items(prepare_import([folder]))
        password = generate_password_hash("bench password")
        teacher = User(username="prof", display_name="Prof", password_hash=password,
                       role="teacher")
        students = [User(username=f"eleve{n}", display_name=f"Élève {n}",
                         password_hash=password) for n in range(STUDENTS)]
        db.session.add_all([teacher, *students])
        db.session.commit()
        room = create_class(teacher, "Classe de mesure", "2026-2027")
        for student in students:
            join_class(student, room.join_code)
        quizzes = list(db.session.scalars(sa.select(Quiz).order_by(Quiz.id)))
        for quiz in quizzes:
            assign_quiz(room, quiz, None, None, "best")
        keys = {}
        for quiz in quizzes:
            rows = db.session.execute(
                sa.select(Question.id, Choice.id, Choice.is_correct)
                .join(Choice).where(Question.revision_id == quiz.current_revision_id)
                .order_by(Question.position, Choice.position)).all()
            by_question: dict[int, list[tuple[int, bool]]] = {}
            for question_id, choice_id, correct in rows:
                by_question.setdefault(question_id, []).append((choice_id, correct))
            keys[quiz.id] = (quiz.current_revision_id, by_question)
        student_ids = [s.id for s in students]
        room_id, viewer = room.id, student_ids[0]

        rng = random.Random(20261127)
        start = dt.datetime(2026, 9, 1, tzinfo=dt.UTC)
        attempt_rows, answer_rows = [], []
        for attempt_id in range(1, attempts + 1):
            quiz = quizzes[attempt_id % QUIZZES]
            revision_id, by_question = keys[quiz.id]
            score = 0
            for question_id, choices in by_question.items():
                choice_id, correct = rng.choice(choices)
                score += correct
                answer_rows.append({"attempt_id": attempt_id, "question_id": question_id,
                                    "choice_id": choice_id, "is_correct": correct})
            submitted = start + dt.timedelta(seconds=attempt_id * 37)
            attempt_rows.append({
                "id": attempt_id, "user_id": rng.choice(student_ids), "quiz_id": quiz.id,
                "revision_id": revision_id, "status": "submitted", "score": score,
                "total": QUESTIONS, "started_at": submitted - dt.timedelta(minutes=6),
                "submitted_at": submitted})
        db.session.execute(sa.insert(Attempt), attempt_rows)
        for begin in range(0, len(answer_rows), 100_000):
            db.session.execute(sa.insert(Answer), answer_rows[begin:begin + 100_000])
        db.session.commit()
        with db.engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    return room_id, viewer


def median_ms(run, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10,000 attempts instead of 100,000")
    args = parser.parse_args()
    attempts = 10_000 if args.quick else 100_000

    from flask import Flask

    from quiz import create_app
    from quiz.extensions import db
    from quiz.models import Classroom, User
    from quiz.services.leaderboard import class_leaderboard

    folder = Path(tempfile.mkdtemp(prefix="news-quiz-bench-"))
    app = create_app({"SECRET_KEY": "bench", "TESTING": True, "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.sqlite'}"})
    progress(f"building {attempts:,} attempts and {attempts * QUESTIONS:,} answers")
    started = time.perf_counter()
    room_id, viewer = build(app, attempts)
    progress(f"built in {time.perf_counter() - started:.1f} s; measuring")

    with app.app_context():
        room = db.session.get_one(Classroom, room_id)
        standings = class_leaderboard(room)
        assert len(standings) == STUDENTS
        query_ms = median_ms(lambda: class_leaderboard(room), 15)

    client = app.test_client()
    with app.app_context():
        username = db.session.get_one(User, viewer).username
    client.post("/login", data={"username": username, "password": "bench password"})
    assert client.get(f"/classes/{room_id}/board").status_code == 200
    page_ms = median_ms(lambda: client.get(f"/classes/{room_id}/board"), 30)

    bare = Flask("bare")
    bare.add_url_rule("/", "hello", lambda: "Hello, World!")
    bare_client = bare.test_client()
    bare_ms = median_ms(lambda: bare_client.get("/"), 300)

    figures = [
        {"name": "leaderboard_query", "value": round(query_ms, 2), "unit": "ms",
         "detail": f"median of 15, {attempts:,} attempts / {attempts * QUESTIONS:,} answers, "
                   f"{STUDENTS} students, {QUIZZES} quizzes"},
        {"name": "leaderboard_page", "value": round(page_ms, 2), "unit": "ms",
         "ratio": round(bare_ms / page_ms, 4),
         "detail": f"median of 30 in-process requests; bare Flask {bare_ms:.3f} ms"},
    ]
    print(f"\n{'figure':20} {'value':>10} {'unit':5} {'ratio':>8}  detail")
    for figure in figures:
        ratio = f"{figure['ratio']:.4f}" if "ratio" in figure else ""
        print(f"{figure['name']:20} {figure['value']:10.2f} {figure['unit']:5} {ratio:>8}  "
              f"{figure['detail']}")
    (ROOT / "bench" / "results.json").write_text(json.dumps(
        {"machine": {"cores": __import__("os").cpu_count(), "python": sys.version.split()[0]},
         "quick": args.quick, "figures": figures}, indent=2), encoding="utf-8")
    print(f"\nwritten: {ROOT / 'bench' / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
