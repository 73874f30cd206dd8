#!/usr/bin/env python3
"""How long a class board takes to compute at three years' scale, in-process.

Builds, with bulk inserts of what the app itself stores, a class of 900 members given 10
quizzes and a class of 30 given 600, two submitted attempts per member and quiz, fills the
kept counted results with one recount(), then times class_leaderboard() (best and median of 7)
for each class overall and for one quiz, a submission's recount and an assignment's.

    python bench/boards.py                      SQLite in a temporary folder
    python bench/boards.py postgresql://…       a PostgreSQL database (its tables are dropped)
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    import sqlalchemy as sa

    from quiz import create_app
    from quiz.database import write_transaction
    from quiz.extensions import db
    from quiz.models import Assignment, Attempt, Classroom, Membership, Quiz, QuizRevision, User
    from quiz.services.leaderboard import class_leaderboard, recount

    folder = Path(tempfile.mkdtemp(prefix="news-quiz-bench-boards-"))
    url = sys.argv[1] if len(sys.argv) > 1 else f"sqlite:///{folder / 'boards.sqlite'}"
    app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url})
    rng = random.Random(1)
    try:
        with app.app_context():
            if db.engine.dialect.name == "postgresql":
                with db.engine.begin() as connection:
                    connection.exec_driver_sql("DROP SCHEMA public CASCADE")
                    connection.exec_driver_sql("CREATE SCHEMA public")
            db.create_all()
            now = dt.datetime.now(dt.UTC)
            db.session.execute(sa.insert(User), [
                {"username": f"u{n}", "display_name": f"Élève {n}", "password_hash": "x",
                 "role": "student" if n else "teacher", "session_token": f"t{n}",
                 "created_at": now} for n in range(931)])
            db.session.execute(sa.insert(Quiz), [
                {"slug": f"q{n}", "status": "published", "created_at": now, "updated_at": now}
                for n in range(600)])
            db.session.execute(sa.insert(QuizRevision), [
                {"quiz_id": n + 1, "number": 1, "title": f"Quiz {n}", "language": "fr",
                 "published_on": "2026-11", "article": [], "source_text": "",
                 "content_hash": "h", "created_at": now} for n in range(600)])
            db.session.execute(sa.text("UPDATE quiz SET current_revision_id = id"))
            db.session.execute(sa.insert(Classroom), [
                {"teacher_id": 1, "name": name, "school_year": "2026-2027", "join_code": name,
                 "join_open": True, "created_at": now} for name in ("BIG", "LONG")])
            classes = {1: (range(2, 902), range(1, 11)), 2: (range(902, 932), range(1, 601))}
            db.session.execute(sa.insert(Membership), [
                {"classroom_id": room, "user_id": user, "hidden_from_board": False,
                 "joined_at": now} for room, (members, _q) in classes.items() for user in members])
            db.session.execute(sa.insert(Assignment), [
                {"classroom_id": room, "quiz_id": quiz, "counting": "best", "created_at": now}
                for room, (_m, quizzes) in classes.items() for quiz in quizzes])
            start = now - dt.timedelta(days=30)
            pairs = [(user, quiz) for _room, (members, quizzes) in classes.items()
                     for user in members for quiz in quizzes for _twice in range(2)]
            db.session.execute(sa.insert(Attempt), [
                {"user_id": user, "quiz_id": quiz, "revision_id": quiz, "status": "submitted",
                 "score": rng.randint(0, 12), "total": 12, "started_at": start,
                 "submitted_at": start + dt.timedelta(seconds=n)}
                for n, (user, quiz) in enumerate(pairs)])
            db.session.commit()
            began = time.perf_counter()
            with write_transaction():
                recount(classroom_ids=list(classes))
            print(f"{db.engine.dialect.name}: {len(pairs)} attempts; recount of both classes "
                  f"from nothing: {time.perf_counter() - began:.2f} s")
            with db.engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")

            def timed(work, runs: int = 7) -> str:
                times = []
                for _ in range(runs):
                    began = time.perf_counter()
                    work()
                    db.session.commit()
                    times.append(time.perf_counter() - began)
                return (f"{1000 * min(times):.1f} ms best, "
                        f"{1000 * statistics.median(times):.1f} ms median")

            for room_id, label in ((1, "900 members × 10 assignments"),
                                   (2, "30 members × 600 assignments")):
                room = db.session.get_one(Classroom, room_id)
                one = db.session.scalar(sa.select(Assignment)
                                        .where(Assignment.classroom_id == room_id))
                print(f"  {label}, overall: {timed(lambda r=room: class_leaderboard(r))}")
                print(f"  {label}, one quiz: "
                      f"{timed(lambda r=room, a=one: class_leaderboard(r, a))}")

            def submission() -> None:
                with write_transaction():
                    recount(classroom_ids=[2], assignment_ids=[600], user_ids=[902])

            def assignment() -> None:
                with write_transaction():
                    recount(classroom_ids=[1], assignment_ids=[1])

            print(f"  a submission's recount (one student, one quiz): {timed(submission)}")
            print(f"  an assignment changed in the class of 900: {timed(assignment)}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
