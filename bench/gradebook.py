"""How much memory and time the class gradebook takes for the worst class (issue 20.4).

    .venv/bin/python bench/gradebook.py [--size M]

Builds bench/scale.py's school of that size (SQLite, in a temporary folder), then makes its
class of 900 the worst gradebook there is: every quiz of the long class (600 at L, 500 at M)
assigned to it too, and a counted result for every member and assignment (540,000 cells at L;
written straight into the derived table, as no school has that many attempts). Then it writes
the gradebook as CSV (read piece by piece, as the route sends it) and as .xlsx, and prints, for
each, the time, the size and the peak of Python memory (tracemalloc, in a second run) while
it was written.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scale import SIZES, build, fresh_schema, make_app  # noqa: E402


def measure(what: str, make: Callable[[], int]) -> None:
    """Time `make` (which returns the bytes it wrote), then run it again for its peak of
    Python memory (tracemalloc slows what it watches several times over: not timed)."""
    began = time.perf_counter()
    size = make()
    seconds = time.perf_counter() - began
    tracemalloc.start()
    make()
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{what}: {seconds:.1f} s, {size / 1e6:.1f} MB, Python memory peak "
          f"{peak / 1e6:.1f} MB", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default="L", choices=[n for n in SIZES if n != "tiny"])
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="news-quiz-bench-gradebook-"))
    try:
        app = make_app(f"sqlite:///{folder / 'gradebook.sqlite'}")
        with app.app_context():
            from quiz.extensions import db
            from quiz.models import Assignment, Attempt, Classroom, CountedResult, Membership
            from quiz.services import gradebook

            fresh_schema()
            built = build(SIZES[args.size], say=lambda _text: None)
            long, big = (room for room, _words, _slug in built.worst["classes"][:2])
            big_class = db.session.get_one(Classroom, big)
            have = set(db.session.scalars(sa.select(Assignment.quiz_id)
                                          .where(Assignment.classroom_id == big)))
            for quiz_id in db.session.scalars(sa.select(Assignment.quiz_id)
                                              .where(Assignment.classroom_id == long)):
                if quiz_id not in have:
                    db.session.add(Assignment(classroom_id=big, quiz_id=quiz_id))
            db.session.commit()
            members = list(db.session.scalars(sa.select(Membership.user_id)
                                              .where(Membership.classroom_id == big)))
            given = list(db.session.scalars(sa.select(Assignment.id)
                                            .where(Assignment.classroom_id == big)))
            attempt = db.session.scalar(sa.select(sa.func.min(Attempt.id)))
            db.session.execute(sa.delete(CountedResult)
                               .where(CountedResult.classroom_id == big))
            rng = random.Random(20)
            rows = [{"assignment_id": a, "user_id": u, "classroom_id": big,
                     "attempt_id": attempt, "score": rng.randint(0, 12), "total": 12}
                    for u in members for a in given]
            for start in range(0, len(rows), 50_000):
                db.session.execute(sa.insert(CountedResult), rows[start:start + 50_000])
            db.session.commit()
            print(f"size {args.size}: a class of {len(members)} members × {len(given)} "
                  f"assignments ({len(rows):,} cells)", flush=True)
            labels = gradebook.GradebookLabels(
                "Student", "Username", lambda c: f"{c.title} (/{c.points})",
                lambda score: f"late: {score}", "Gradebook")
            # As the route sends it: each piece encoded, sent, dropped.
            measure("CSV (sent in pieces of 200 students)", lambda: sum(
                len(piece.encode()) for piece in gradebook.gradebook_csv(big_class, labels,
                                                                         ",")))
            measure(".xlsx", lambda: len(gradebook.gradebook_xlsx(big_class, labels)))
            db.session.remove()
            db.engine.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
