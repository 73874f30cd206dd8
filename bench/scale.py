#!/usr/bin/env python3
"""Every page a student or a teacher reaches, timed in-process on a school's data at three sizes.

Builds a database through the app's own code — quizzes written as question files and stored by
the importer (some edited into later versions, some drafts, some archived), classes made by
the classes service, the counted results filled by ``recount()`` — with bulk inserts only for
what has no bulk path in the app (users, memberships, assignments, submitted attempts and their
graded answers, stored as a submission stores them), checks that the data hold together, then
requests every GET route of ``app.url_map`` with the Flask test client as the user who reaches
it, with the worst-case arguments the data offer (the student with the most attempts, the
class of 600 assignments, the class of 900 members, the longest quiz…), and prints one table
per size and a summary of query counts across sizes.

    python bench/scale.py                        S, M and L on SQLite in a temporary folder
    python bench/scale.py --quick                S only (well under a minute)
    python bench/scale.py --sizes S,L            the sizes named (S, M, L; "tiny" for tests)
    python bench/scale.py postgresql://…         on PostgreSQL (its schema public is dropped)
    python bench/scale.py --sizes L --keep DIR   the SQLite database kept in DIR, to profile

Sizes (issue 16): S 50 quizzes, 305 users, 12k attempts; M 500 quizzes, 3,050 users, 121k
attempts; L 1,500 quizzes, 9,150 users, 362k attempts (about 4.3M answers). Each has regular
classes of 30 given 20 quizzes each, plus the "long class" (30 members given min(600, nine
in ten published quizzes) quizzes: a class doing the news quiz daily for three years) and the
"big class" (min(900, students) members, given 20). Targets at L, on SQLite and PostgreSQL:
every page under 50 ms in-process and under 200 KB, a query count that does not grow with the
data, boards working at 600 assignments and 900 members.

Each page is requested 5 times (--runs) after the app's per-process caches are emptied: "first
ms" and "first q" are the cold request, "best ms" the best of all, "q" the queries of the last
(warm) request; "cpu ms" the least CPU time of the request's thread (Python's work and, on
SQLite, the database's; on PostgreSQL the server's own work is not in it). Before each run a
reference page is requested too (a bare Flask app's 200-row table, `reference_client`): "× ref"
is best ms ÷ the reference's best in the same seconds, and "typical ms" that ratio times the
reference's usual time here (REFERENCE_MS, 5 ms): comparable from one run to the next on a
machine whose speed changes by 40% from one minute to the other, where best ms is not. Boards
are computed for every request (BOARD_MAX_AGE = 0): the worst case, not the board kept for 5 s.
Rows over a target are flagged: SLOW (over 10 × the reference: typical ms > 50), BIG (> 200
KB), HTTP (any status but 200), and in the summary GROWS (more queries at the largest size
than at the smallest; VARIES when it changes otherwise). --show-queries ROUTE prints the
statements of a route's last request, to see what a count is made of.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import re
import secrets
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from flask import Flask
    from flask.testing import FlaskClient
    from werkzeug.routing import Rule

SLOW_MS = 50.0
BIG_KB = 200.0
# The reference page's usual time in this benchmark on the 2-core machine of docs/performance.md
# (Python 3.11): its best over 5 runs ranges from 3.0 to 6.0 ms there, minute by minute. The
# targets are ratios to it, measured in the same seconds: a page is SLOW over SLOW_MS /
# REFERENCE_MS = 10 times the reference (50 ms where the reference takes 5), on any machine.
REFERENCE_MS = 5.0
DAY = dt.timedelta(days=1)


# ---------------------------------------------------------------------------------------------
# Sizes

@dataclass(frozen=True)
class Size:
    name: str
    quizzes: int
    teachers: int
    students: int
    attempts: int  # submitted attempts, about (the build prints how many)
    class_size: int = 30
    class_quizzes: int = 20  # assignments of a regular class, and of the class of 900
    big_members: int = 900
    long_assignments: int = 600


SIZES = {
    "tiny": Size("tiny", quizzes=16, teachers=2, students=70, attempts=1_200),
    "S": Size("S", quizzes=50, teachers=5, students=300, attempts=12_000),
    "M": Size("M", quizzes=500, teachers=50, students=3_000, attempts=121_000),
    "L": Size("L", quizzes=1_500, teachers=150, students=9_000, attempts=362_000),
}


# ---------------------------------------------------------------------------------------------
# Question files

TOPICS = {
    "fr": ["Rues aux écoles", "Cantine sans plastique", "Budget participatif",
           "Conseil municipal des jeunes", "Nouvelle ligne de tramway"],
    "en": ["School streets", "Plastic-free canteens", "Participatory budget",
           "Youth council", "New tram line"],
}
PLACES = ["Montval", "Rivedieu", "Saint-Aubin", "Lorvane", "Bellegarde", "Castelnou",
          "Ashford", "Millbrook", "Kingsbury", "Eastwood"]
FILLERS = {
    "fr": ["Les habitants interrogés sur la place disent avoir remarqué le changement en "
           "quelques semaines.",
           "Le journal local suit le projet depuis sa première réunion publique, au printemps.",
           "Plusieurs associations ont demandé un bilan détaillé avant les vacances d’été.",
           "Ses opposants estiment que le budget aurait pu servir à d’autres priorités."],
    "en": ["Residents interviewed on the square said they had noticed the change within a "
           "few weeks.",
           "The local newspaper has followed the project since its first public meeting in "
           "the spring.",
           "Several associations asked for a detailed report before the summer holidays.",
           "Its opponents argue that the budget could have gone to other priorities."],
}
# Questions per quiz: 11.75 on average, as the 4.3M answers for 362k attempts.
QUESTION_COUNTS = [8, 10, 12, 12, 14, 12, 16, 10]
LONGEST = 30  # the longest quiz (and the draft whose every question waits for review)


def fact(language: str, n: int) -> str:
    """The sentence a question quotes: unique in its article (it carries its own numbers)."""
    if language == "fr":
        return (f"Dans le quartier {n}, la mairie a compté {100 + 7 * n} nouvelles places pour "
                f"vélos et {3 + n} passages piétons")
    return (f"In district {n}, the council counted {100 + 7 * n} new bicycle spaces and "
            f"{3 + n} pedestrian crossings")


def question_file(title: str, language: str, date: dt.date, slug: str, questions: int, *,
                  edit: int = 0, outdated: bool = False, review: bool = False) -> str:
    """A valid question file: an article with one paragraph per question and a subheading
    every five, questions alternating multiple choice and true/false. ``edit`` changes one
    explanation (a later version); ``outdated`` marks question 3 outdated; ``review`` gives
    every question a Review: line (drafts waiting for a teacher)."""
    fr = language == "fr"
    fillers = FILLERS[language]
    lines = [f"# {title}", "", f"Language: {language}", f"Date: {date.isoformat()}",
             "Source: Le Quotidien du Banc d’essai" if fr else "Source: The Bench Daily",
             f"URL: https://example.org/news/{slug}", "", "## Article", "",
             (f"{PLACES[len(slug) % len(PLACES)]} a présenté son projet lundi. " if fr else
              f"{PLACES[len(slug) % len(PLACES)]} presented its plan on Monday. ") + fillers[0],
             ""]
    for n in range(1, questions + 1):
        if n % 5 == 1:
            lines += [f"### {'Partie' if fr else 'Part'} {n // 5 + 1}", ""]
        lines += [" ".join([fillers[n % 4], fact(language, n) + ".", fillers[(n + 1) % 4],
                            fillers[(n + 2) % 4]]), ""]
    lines += ["## Questions", ""]
    for n in range(1, questions + 1):
        spaces, crossings = 100 + 7 * n, 3 + n
        lines.append(f"### q{n:02d}")
        if n % 2:
            right = n % 4
            options = [spaces - 20 + 10 * k for k in range(4)]
            options[right] = spaces
            options = [o if o != spaces or k == right else o + 5 for k, o in enumerate(options)]
            lines += ["Type: mcq",
                      (f"Prompt: Combien de nouvelles places pour vélos la mairie a-t-elle "
                       f"comptées dans le quartier {n} ?" if fr else
                       f"Prompt: How many new bicycle spaces did the council count in "
                       f"district {n}?")]
            lines += [f"- [{'x' if k == right else ' '}] {o}" for k, o in enumerate(options)]
        else:
            true = n % 4 == 0
            lines += ["Type: true_false",
                      (f"Prompt: La mairie a compté {crossings if true else crossings + 2} "
                       f"passages piétons dans le quartier {n}." if fr else
                       f"Prompt: The council counted {crossings if true else crossings + 2} "
                       f"pedestrian crossings in district {n}."),
                      f"Answer: {('vrai' if true else 'faux') if fr else str(true).lower()}"]
        lines.append(f"Passage: {fact(language, n)}")
        explanation = (f"L’article indique que la mairie a compté {spaces} places et "
                       f"{crossings} passages piétons dans le quartier {n} ; c’est dit au "
                       f"paragraphe {n + 1}." if fr else
                       f"The article says the council counted {spaces} spaces and {crossings} "
                       f"crossings in district {n}; paragraph {n + 1} says so.")
        if edit and n == 1:
            explanation += f" ({'version' if fr else 'version'} {edit + 1})"
        lines.append(f"Explanation: {explanation}")
        if outdated and n == 3:
            lines.append("Outdated: Un nouveau comptage a eu lieu depuis." if fr else
                         "Outdated: A new count was made since.")
        if review:
            lines.append("Review: brouillon : vérifier le passage et l’explication" if fr else
                         "Review: draft: check the passage and the explanation")
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# What the build makes

@dataclass
class QuizPlan:
    index: int
    slug: str
    title: str
    language: str
    date: dt.datetime  # the article's day, 08:00 UTC; the quiz is ready the day before
    questions: int
    author: int  # index of the teacher
    status: str  # published, draft, archived
    versions: int = 1
    review: bool = False
    quiz_id: int = 0
    # (revision id, created_at, asked questions: (question id, right choice, wrong choices))
    revisions: list[tuple[int, dt.datetime, list[tuple[int, int, list[int]]]]] = field(
        default_factory=list)

    def version_date(self, number: int) -> dt.datetime:
        return self.date - DAY + 10 * DAY * (number - 1)

    def revision_at(self, moment: dt.datetime) -> tuple[int, list[tuple[int, int, list[int]]]]:
        """The revision current at ``moment`` (the one an attempt started then was taken on)."""
        chosen = self.revisions[0]
        for revision in self.revisions:
            if revision[1] <= moment:
                chosen = revision
        return chosen[0], chosen[2]


@dataclass(frozen=True)
class AssignmentPlan:
    quiz: int  # index of the quiz
    opens_at: dt.datetime
    due_at: dt.datetime | None
    counting: str
    max_attempts: int | None


@dataclass
class Built:
    """What the timing needs from the build: the worst cases, chosen from the data."""

    size: Size
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    worst: dict[str, Any] = field(default_factory=dict)


def build(size: Size, seed: int = 16, say: Callable[[str], None] = print) -> Built:
    """Fill the (empty, created) database of the app in context with a school of ``size``."""
    from werkzeug.security import generate_password_hash

    from quiz.database import write_transaction
    from quiz.extensions import db
    from quiz.models import Quiz, User
    from quiz.services.classes import create_class
    from quiz.services.editing import set_status
    from quiz.services.importer import import_items, prepare_text

    rng = random.Random(seed)
    began = time.perf_counter()
    step = [began]

    def done(what: str) -> None:
        now = time.perf_counter()
        say(f"  {what}: {now - step[0]:.1f} s")
        step[0] = now

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    start = now - 3 * 365 * DAY
    tables = db.metadata.tables

    # -- users: bulk (registering 9,150 accounts through the form costs a password hash each)
    password_hash = generate_password_hash("bench-scale-password")
    first = ["Léa", "Hugo", "Chloé", "Lucas", "Inès", "Adam", "Jade", "Nathan", "Emma", "Noah",
             "Olivia", "Liam", "Amelia", "Oscar", "Zoé", "Yanis"]
    last = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Smith", "Jones", "Taylor", "Brown", "Moreau", "Laurent", "Simon", "Michel"]
    users = [{"username": f"teacher{n}", "display_name": f"Mme {last[n % 16]} {n}",
              "password_hash": password_hash, "role": "teacher",
              "session_token": secrets.token_urlsafe(32), "created_at": start - 30 * DAY}
             for n in range(size.teachers)]
    users += [{"username": f"student{n}",
               "display_name": f"{first[n % 16]} {last[(n // 16) % 16]}. {n}",
               "password_hash": password_hash, "role": "student",
               "session_token": secrets.token_urlsafe(32),
               "created_at": start + rng.uniform(0, 60) * DAY} for n in range(size.students)]
    with write_transaction():
        insert(tables["user"], users)
    ids = dict(db.session.execute(sa.select(User.username, User.id)).all())
    teachers = [ids[f"teacher{n}"] for n in range(size.teachers)]
    students = [ids[f"student{n}"] for n in range(size.students)]
    done(f"{len(users):,} users")

    # -- quizzes: question files through the importer (the validator included)
    plans: list[QuizPlan] = []
    span = now - DAY - start
    for i in range(size.quizzes):
        language = "fr" if i % 2 == 0 else "en"
        topic = TOPICS[language][i % 5]
        date = (start + span * (i + 0.5) / size.quizzes).replace(hour=8, minute=0, second=0)
        status = "draft" if i % 20 == 7 else "archived" if i % 33 == 11 else "published"
        author = 0 if i % 3 != 2 or size.teachers == 1 else 1 + i % (size.teachers - 1)
        plans.append(QuizPlan(i, f"{topic_slug(topic)}-{i:04d}",
                              f"{topic} : {PLACES[i % len(PLACES)]}, {date:%d/%m/%Y}"
                              if language == "fr" else
                              f"{topic}: {PLACES[i % len(PLACES)]}, {date:%d %B %Y}",
                              language, date, QUESTION_COUNTS[i % len(QUESTION_COUNTS)],
                              author, status))
    published = [p for p in plans if p.status == "published"]
    # One published quiz in ten is given to no class (read by whoever likes): every student,
    # the one in the class given every quiz too, has quizzes outside their assignments.
    assignable = [p for k, p in enumerate(published) if k % 10 != 5]
    long_count = min(size.long_assignments, len(assignable))
    long_set = [assignable[round(k * len(assignable) / long_count)] for k in range(long_count)]
    longest = long_set[len(long_set) // 2]
    longest.questions, longest.versions = LONGEST, 5
    draft = next(p for p in plans if p.status == "draft")
    draft.questions, draft.review = LONGEST, True
    for plan in published:
        if plan.index % 10 == 3 and plan is not longest and plan.date < now - 60 * DAY:
            plan.versions = 2
    authors = [db.session.get_one(User, teacher) for teacher in teachers]

    def file_text(plan: QuizPlan, version: int) -> str:
        return question_file(plan.title, plan.language, plan.date.date(), plan.slug,
                             plan.questions, edit=version - 1, review=plan.review,
                             outdated=plan is longest and version == plan.versions)

    groups: dict[tuple[int, bool], list[QuizPlan]] = defaultdict(list)
    for plan in plans:
        groups[(plan.author, plan.status != "draft")].append(plan)
    for (author, publish), group in sorted(groups.items()):
        for chunk in chunks(group, 100):
            import_items([prepare_text(p.slug, file_text(p, 1), f"{p.slug}.md") for p in chunk],
                         authors[author], publish_new=publish)
    # Later versions by their author; the longest quiz's by a colleague (worst case for the
    # version page: the author is not the viewer).
    def editor(plan: QuizPlan) -> int:
        return (plan.author + 1) % size.teachers if plan is longest else plan.author

    for version in range(2, max(p.versions for p in plans) + 1):
        for author in range(size.teachers):
            later = [p for p in plans if p.versions >= version and editor(p) == author]
            for chunk in chunks(later, 100):
                import_items([prepare_text(p.slug, file_text(p, version), f"{p.slug}.md")
                              for p in chunk], authors[author], publish_new=True)
    done(f"{len(plans):,} quizzes imported ({sum(p.versions for p in plans):,} versions)")
    for plan in plans:
        if plan.status == "archived":
            set_status(db.session.scalars(sa.select(Quiz).where(Quiz.slug == plan.slug)).one(),
                       "archived")
    # The versions' dates: written in the past, as a school's three years of quizzes were.
    quiz_t, revision_t = tables["quiz"], tables["quiz_revision"]
    quiz_ids = dict(db.session.execute(sa.select(quiz_t.c.slug, quiz_t.c.id)).all())
    revisions: dict[int, dict[int, int]] = defaultdict(dict)
    for quiz_id, number, revision_id in db.session.execute(
            sa.select(revision_t.c.quiz_id, revision_t.c.number, revision_t.c.id)):
        revisions[quiz_id][number] = revision_id
    with write_transaction():
        conn = db.session.connection()
        conn.execute(revision_t.update().where(revision_t.c.id == sa.bindparam("rid"))
                     .values(created_at=sa.bindparam("when")),
                     [{"rid": revisions[quiz_ids[p.slug]][n], "when": p.version_date(n)}
                      for p in plans for n in range(1, p.versions + 1)])
        conn.execute(quiz_t.update().where(quiz_t.c.id == sa.bindparam("qid"))
                     .values(created_at=sa.bindparam("made"), updated_at=sa.bindparam("changed")),
                     [{"qid": quiz_ids[p.slug], "made": p.version_date(1),
                       "changed": p.version_date(p.versions)} for p in plans])
    asked = questions_asked()
    for plan in plans:
        plan.quiz_id = quiz_ids[plan.slug]
        plan.revisions = [(revisions[plan.quiz_id][n], plan.version_date(n),
                           asked[revisions[plan.quiz_id][n]])
                          for n in range(1, plan.versions + 1)]
    done("versions dated, archived quizzes archived")

    # -- classes: made by the service (join codes), members and assignments in bulk (each
    # assignment or join through the app would recount its rows; one recount at the end does
    # all of them with the same rule)
    def new_class(teacher: int, name: str, year: str) -> int:
        return create_class(authors[teacher], name, year).id

    regular_count = -(-size.students // size.class_size)
    regular = [new_class(c % size.teachers, f"{3 + c % 4}e {chr(65 + c % 26)} {c}",
                         f"{2023 + c % 3}-{2024 + c % 3}") for c in range(regular_count)]
    big = new_class(0, "Atelier presse (tous les niveaux)", "2025-2026")
    long = new_class(0, "Club actu du matin", "2023-2026")
    class_t = tables["classroom"]
    with write_transaction():
        db.session.connection().execute(
            class_t.update().where(class_t.c.id.in_([*regular, big, long]))
            .values(created_at=start))
    members: dict[int, list[int]] = {room: [] for room in [*regular, big, long]}
    for k, student in enumerate(students):
        members[regular[k // size.class_size]].append(student)
    members[big] = students[:min(size.big_members, len(students))]
    members[long] = students[:size.class_size]
    rules = ["best", "first", "latest"]

    def assignment(plan: QuizPlan, k: int) -> AssignmentPlan:
        due = None if k % 4 == 3 else plan.date + 7 * DAY
        return AssignmentPlan(plan.index, plan.date, due, rules[k % 3],
                              3 if k % 10 == 9 else None)

    given: dict[int, list[AssignmentPlan]] = {}
    for c, room in enumerate(regular):
        offset = (c * 7) % len(assignable)
        picks = sorted({(offset + k * len(assignable) // size.class_quizzes) % len(assignable)
                        for k in range(min(size.class_quizzes, len(assignable)))})
        given[room] = [assignment(assignable[p], k) for k, p in enumerate(picks)]
    given[big] = [assignment(p, k) for k, p in
                  enumerate(assignable[-min(size.class_quizzes, len(assignable)):])]
    given[long] = [assignment(p, k) for k, p in enumerate(long_set)]
    for plan_list in given.values():  # the longest quiz: its answers shown once due
        for k, a in enumerate(plan_list):
            if a.quiz == longest.index:
                plan_list[k] = AssignmentPlan(a.quiz, a.opens_at, a.opens_at + 7 * DAY,
                                              "best", None)
    with write_transaction():
        insert(tables["membership"], [
            {"classroom_id": room, "user_id": user, "hidden_from_board": n % 29 == 28,
             "joined_at": start + DAY} for room, users_ in members.items()
            for n, user in enumerate(users_)])
        insert(tables["assignment"], [
            {"classroom_id": room, "quiz_id": plans[a.quiz].quiz_id, "opens_at": a.opens_at,
             "due_at": a.due_at, "counting": a.counting, "max_attempts": a.max_attempts,
             "review_score": "now", "review_marks": "now", "review_answers": "after_due",
             "created_at": a.opens_at - DAY} for room, plan_list in given.items()
            for a in plan_list])
    done(f"{len(members):,} classes, {sum(map(len, members.values())):,} memberships, "
         f"{sum(map(len, given.values())):,} assignments")

    # -- attempts and their answers, as a submission stores them (graded, score = right ones)
    classes_of: dict[int, list[int]] = defaultdict(list)
    for room, users_ in members.items():
        for user in users_:
            classes_of[user].append(room)
    long_total = 1.35 * len(members[long]) * len(given[long])
    per_student = max(4.0, (size.attempts - long_total)
                      / max(1, len(students) - len(members[long])))
    heavy = students[0]
    attempt_rows: list[dict[str, Any]] = []
    answer_rows: list[dict[str, Any]] = []
    saved_rows: list[dict[str, Any]] = []
    totals = {"attempts": 0, "answers": 0}
    next_id = [1]
    attempts_t, answers_t = tables["attempt"], tables["answer"]

    def flush() -> None:
        with write_transaction():
            insert(attempts_t, attempt_rows, copy=True)
            insert(answers_t, answer_rows, copy=True)
        attempt_rows.clear()
        answer_rows.clear()

    def add(user: int, plan: QuizPlan, submitted: dt.datetime, skill: float) -> None:
        submitted = min(submitted, now - dt.timedelta(minutes=1))
        started = submitted - rng.uniform(2, 25) * dt.timedelta(minutes=1)
        revision, questions = plan.revision_at(started)
        attempt_id = next_id[0]
        next_id[0] += 1
        score = 0
        for question, right, wrong in questions:
            correct = rng.random() < skill
            score += correct
            answer_rows.append({"attempt_id": attempt_id, "question_id": question,
                                "choice_id": right if correct else rng.choice(wrong),
                                "is_correct": correct})
        attempt_rows.append({"id": attempt_id, "user_id": user, "quiz_id": plan.quiz_id,
                             "revision_id": revision, "status": "submitted",
                             "started_at": started, "submitted_at": submitted, "score": score,
                             "total": len(questions)})
        totals["attempts"] += 1
        totals["answers"] += len(questions)
        if len(attempt_rows) >= 20_000:
            flush()

    taken = [p for p in plans if p.status != "draft"]
    for user in students:
        skill = rng.uniform(0.35, 0.95)
        windows: dict[int, AssignmentPlan] = {}
        for room in classes_of[user]:
            for a in given[room]:
                windows.setdefault(a.quiz, a)
        in_long = user in members[long]
        target = (len(windows) * 2 + 100 if user == heavy else
                  10**9 if in_long else round(per_student * rng.uniform(0.5, 1.5)))
        made = 0
        order = list(windows.values())
        rng.shuffle(order)
        for a in order:
            if made >= target or (not in_long and rng.random() > 0.85):
                continue
            times = 1 + (rng.random() < 0.3) + (rng.random() < 0.08)
            if user == heavy:
                times = 5 if a.quiz == longest.index else 1 + (rng.random() < 0.5)
            if a.max_attempts:
                times = min(times, a.max_attempts)
            due = a.due_at or a.opens_at + 14 * DAY
            moment = (a.opens_at + (due - a.opens_at) * rng.random() if rng.random() < 0.9
                      else due + rng.uniform(0, 30) * DAY)
            for _n in range(times):
                add(user, plans[a.quiz], moment, skill)
                moment += rng.uniform(0.05, 3) * DAY
                made += 1
        if not in_long or user == heavy:
            others = [p for p in taken if p.index not in windows]
            rng.shuffle(others)
            for plan in others[:max(0, target - made)]:
                add(user, plan, plan.date + rng.uniform(0, 60) * DAY, skill)
    flush()
    # Attempts in progress: the heavy student's on the longest quiz (half its answers saved
    # on the way), two others, one on a quiz archived since (home page: "To finish"); and one
    # for one student in a hundred.
    in_progress = [(heavy, longest), (heavy, published[0]), (heavy, published[-1]),
                   (heavy, next(p for p in plans if p.status == "archived"))]
    in_progress += [(user, rng.choice(published)) for user in students[1::100]]
    progress_rows = []
    for user, plan in in_progress:
        revision_id, questions = plan.revisions[-1][0], plan.revisions[-1][2]
        attempt_id = next_id[0]
        next_id[0] += 1
        progress_rows.append({"id": attempt_id, "user_id": user, "quiz_id": plan.quiz_id,
                              "revision_id": revision_id, "status": "in_progress",
                              "started_at": now - 2 * dt.timedelta(hours=1),
                              "submitted_at": None, "score": None, "total": len(questions)})
        if plan is longest and user == heavy:
            saved_rows += [{"attempt_id": attempt_id, "question_id": question,
                            "choice_id": right, "saved_at": now - dt.timedelta(hours=1)}
                           for question, right, _wrong in questions[::2]]
    with write_transaction():
        insert(attempts_t, progress_rows)
        insert(tables["saved_answer"], saved_rows)
    if db.engine.dialect.name == "postgresql":  # ids were given: the sequence follows
        with write_transaction():
            db.session.execute(sa.text(
                "SELECT setval(pg_get_serial_sequence('attempt', 'id'), "
                "(SELECT max(id) FROM attempt))"))
    done(f"{totals['attempts']:,} submitted attempts ({totals['answers']:,} answers), "
         f"{len(progress_rows)} in progress")

    from quiz.services.leaderboard import recount

    rooms = sorted(members)
    for chunk in chunks(rooms, 25):
        with write_transaction():
            recount(classroom_ids=chunk)
    if db.engine.dialect.name == "postgresql":
        # What autovacuum does to a database in use: statistics, and the visibility map that
        # lets a query read an index alone (the boards' counted results).
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    done("counted results (recount of every class)")

    built = Built(size)
    built.seconds = time.perf_counter() - began
    built.counts = check(size, big=big, long=long, assignable=len(assignable))
    built.worst = worst_cases(big=big, long=long, longest_slug=longest.slug,
                              draft_slug=draft.slug)
    built.worst["live"] = live_session(built.worst, big=big, long=long)
    done("a live quiz with the big class, at its middle question, revealed")
    say(f"  checked: {time.perf_counter() - began - built.seconds:.1f} s")
    return built


def topic_slug(topic: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", topic).encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in plain.lower()).split())


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for begin in range(0, len(items), size):
        yield items[begin:begin + size]


def insert(table: sa.Table, rows: list[dict[str, Any]], *, copy: bool = False) -> None:
    """Insert rows in the session's write transaction (executemany, in chunks). With ``copy``
    on PostgreSQL, by COPY (ten times faster for the millions of answers): the rows must then
    give every column that has no server default, as no Python default is applied."""
    from quiz.extensions import db

    connection = db.session.connection()
    if copy and rows and connection.dialect.name == "postgresql":
        quote = connection.dialect.identifier_preparer.quote
        columns = list(rows[0])
        driver = connection.connection.driver_connection
        assert driver is not None
        with driver.cursor() as cursor, cursor.copy(
                f"COPY {quote(table.name)} ({', '.join(map(quote, columns))}) FROM STDIN"
        ) as stream:
            for row in rows:
                stream.write_row([row[column] for column in columns])
        return
    for chunk in chunks(rows, 50_000):
        connection.execute(table.insert(), list(chunk))


def questions_asked() -> dict[int, list[tuple[int, int, list[int]]]]:
    """Revision id → the questions an attempt asks (not outdated), in order, each with its
    right choice and its wrong ones."""
    from quiz.extensions import db
    from quiz.models import Choice, Question

    choices: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for choice_id, question_id, is_correct in db.session.execute(
            sa.select(Choice.id, Choice.question_id, Choice.is_correct).order_by(Choice.id)):
        choices[question_id][0 if is_correct else 1].append(choice_id)
    asked: dict[int, list[tuple[int, int, list[int]]]] = defaultdict(list)
    for question_id, revision_id in db.session.execute(
            sa.select(Question.id, Question.revision_id)
            .where(Question.outdated_note.is_(None))
            .order_by(Question.revision_id, Question.position)):
        right, wrong = choices[question_id]
        asked[revision_id].append((question_id, right[0], wrong))
    return asked


# ---------------------------------------------------------------------------------------------
# Consistency

def check(size: Size, *, big: int, long: int, assignable: int) -> dict[str, int]:
    """Row counts per table; raises SystemExit listing every inconsistency found."""
    from quiz.extensions import db
    from quiz.models import (
        Answer,
        Assignment,
        Attempt,
        Choice,
        CountedResult,
        Membership,
        Question,
        Quiz,
        QuizRevision,
    )

    count = sa.func.count
    counts = {table.name: db.session.scalar(sa.select(count()).select_from(table)) or 0
              for table in db.metadata.sorted_tables}
    graded = (sa.select(Answer.attempt_id, count().label("n"),
                        sa.func.sum(sa.case((Answer.is_correct, 1), else_=0)).label("right"))
              .group_by(Answer.attempt_id).subquery())
    asked = (sa.select(Question.revision_id, count().label("n"))
             .where(Question.outdated_note.is_(None)).group_by(Question.revision_id).subquery())
    in_window = (
        sa.select(Assignment.id, Membership.user_id).distinct()
        .join(Membership, Membership.classroom_id == Assignment.classroom_id)
        .join(Attempt, (Attempt.quiz_id == Assignment.quiz_id)
              & (Attempt.user_id == Membership.user_id))
        .where(Attempt.status == "submitted",
               Assignment.opens_at.is_(None) | (Attempt.submitted_at >= Assignment.opens_at),
               Assignment.due_at.is_(None) | (Attempt.submitted_at <= Assignment.due_at))
        .subquery())
    problems = {
        "submitted attempts whose score or total is not their answers'": sa.select(count())
        .select_from(Attempt).outerjoin(graded, graded.c.attempt_id == Attempt.id)
        .where(Attempt.status == "submitted",
               graded.c.n.is_(None) | (graded.c.n != Attempt.total)
               | (graded.c.right != Attempt.score)),
        "attempts in progress with graded answers": sa.select(count()).select_from(Attempt)
        .join(graded, graded.c.attempt_id == Attempt.id)
        .where(Attempt.status == "in_progress"),
        "attempts whose total is not their revision's questions": sa.select(count())
        .select_from(Attempt).join(asked, asked.c.revision_id == Attempt.revision_id)
        .where(asked.c.n != Attempt.total),
        "answers to another revision's or an outdated question, or marked wrongly":
        sa.select(count()).select_from(Answer)
        .join(Attempt, Attempt.id == Answer.attempt_id)
        .join(Question, Question.id == Answer.question_id)
        .join(Choice, Choice.id == Answer.choice_id)
        .where(sa.or_(Question.revision_id != Attempt.revision_id,
                      Choice.question_id != Question.id, Choice.is_correct != Answer.is_correct,
                      Question.outdated_note.is_not(None))),
        "quizzes whose current revision is another quiz's": sa.select(count())
        .select_from(Quiz).join(QuizRevision, QuizRevision.id == Quiz.current_revision_id)
        .where(QuizRevision.quiz_id != Quiz.id),
        "counted results that are not their student's submitted attempt at the quiz":
        sa.select(count()).select_from(CountedResult)
        .join(Attempt, Attempt.id == CountedResult.attempt_id)
        .join(Assignment, Assignment.id == CountedResult.assignment_id)
        .where(sa.or_(Attempt.user_id != CountedResult.user_id,
                      Attempt.quiz_id != Assignment.quiz_id,
                      Assignment.classroom_id != CountedResult.classroom_id,
                      Attempt.score != CountedResult.score,
                      Attempt.total != CountedResult.total, Attempt.status != "submitted")),
    }
    found = [f"{n:,} {what}" for what, query in problems.items()
             if (n := db.session.scalar(query) or 0)]
    expected = db.session.scalar(sa.select(count()).select_from(in_window)) or 0
    if expected != counts["counted_result"] or not expected:
        found.append(f"{counts['counted_result']:,} counted results, {expected:,} member and "
                     "assignment pairs with an attempt in the assignment's window")
    long_given = db.session.scalar(sa.select(count()).select_from(Assignment)
                                   .where(Assignment.classroom_id == long)) or 0
    big_members = db.session.scalar(sa.select(count()).select_from(Membership)
                                    .where(Membership.classroom_id == big)) or 0
    if long_given != min(size.long_assignments, assignable):
        found.append(f"the long class has {long_given} assignments")
    if big_members != min(size.big_members, size.students):
        found.append(f"the big class has {big_members} members")
    if found:
        raise SystemExit("the built data do not hold together:\n  " + "\n  ".join(found))
    return counts


def worst_cases(*, big: int, long: int, longest_slug: str, draft_slug: str) -> dict[str, Any]:
    """The arguments each page is timed with, read from the data: the largest of each kind."""
    from quiz.extensions import db
    from quiz.models import (
        Assignment,
        Attempt,
        Classroom,
        CountedResult,
        Membership,
        Question,
        Quiz,
        QuizRevision,
    )

    count = sa.func.count
    student_id, made = db.session.execute(
        sa.select(Attempt.user_id, count()).group_by(Attempt.user_id)
        .order_by(count().desc(), Attempt.user_id).limit(1)).one()
    teacher_id, authored = db.session.execute(
        sa.select(QuizRevision.created_by_id, count()).where(QuizRevision.number == 1)
        .group_by(QuizRevision.created_by_id).order_by(count().desc()).limit(1)).one()
    if teacher_id is None:
        raise SystemExit("no quiz has an author")
    slug, questions, number = db.session.execute(
        sa.select(Quiz.slug, count(Question.id), QuizRevision.number)
        .join(QuizRevision, QuizRevision.id == Quiz.current_revision_id)
        .join(Question, Question.revision_id == QuizRevision.id)
        .where(Quiz.status == "published").group_by(Quiz.slug, QuizRevision.number)
        .order_by(count(Question.id).desc(), QuizRevision.number.desc(), Quiz.slug)
        .limit(1)).one()
    if slug != longest_slug:
        raise SystemExit(f"the longest quiz is {slug}, not {longest_slug}")
    key = db.session.scalar(
        sa.select(Question.key).join(Quiz, Quiz.current_revision_id == Question.revision_id)
        .where(Quiz.slug == slug).order_by(Question.position).limit(1))
    results = db.session.scalar(
        sa.select(Attempt.id).join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Quiz.slug == slug, Attempt.user_id == student_id,
               Attempt.status == "submitted").order_by(Attempt.total.desc(), Attempt.id.desc())
        .limit(1))
    results_key = db.session.scalar(
        sa.select(Question.key).join(Attempt, Attempt.revision_id == Question.revision_id)
        .where(Attempt.id == results).order_by(Question.position).limit(1))
    unfinished = db.session.scalar(
        sa.select(Attempt.id).join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Quiz.slug == slug, Attempt.user_id == student_id,
               Attempt.status == "in_progress"))
    owners = set(db.session.scalars(sa.select(Classroom.teacher_id)
                                    .where(Classroom.id.in_([big, long]))))
    if owners != {teacher_id}:
        raise SystemExit(f"the classes of 900 and 600 belong to {owners}, not to the teacher "
                         f"of the most quizzes ({teacher_id})")

    def most_done(room: int) -> str:
        return db.session.scalar(
            sa.select(Quiz.slug).join(Assignment, Assignment.quiz_id == Quiz.id)
            .join(CountedResult, CountedResult.assignment_id == Assignment.id)
            .where(Assignment.classroom_id == room).group_by(Quiz.slug)
            .order_by(count().desc(), Quiz.slug).limit(1)) or ""

    def size_of(room: int) -> tuple[int, int]:
        return (db.session.scalar(sa.select(count()).select_from(Membership)
                                  .where(Membership.classroom_id == room)) or 0,
                db.session.scalar(sa.select(count()).select_from(Assignment)
                                  .where(Assignment.classroom_id == room)) or 0)

    def class_attempt(room: int) -> int:
        """The top student's longest submitted attempt at a quiz assigned to the class: what
        the teacher opens from the student's page (another quiz's attempt is a 404)."""
        found = db.session.scalar(
            sa.select(Attempt.id).join(Assignment, Assignment.quiz_id == Attempt.quiz_id)
            .where(Assignment.classroom_id == room, Attempt.user_id == student_id,
                   Attempt.status == "submitted")
            .order_by(Attempt.total.desc(), Attempt.id.desc()).limit(1))
        if found is None:
            raise SystemExit(f"the student with the most attempts ({student_id}) submitted "
                             f"none at a quiz of class {room}")
        return found

    return {
        "student": (student_id, f"student ({made} attempts)"),
        "class_attempts": {room: class_attempt(room) for room in (long, big)},
        "teacher": (teacher_id, f"teacher ({authored} quizzes)"),
        "classes": [(room, "{} ({} members, {} assignments)".format(name, *size_of(room)),
                     most_done(room)) for room, name in ((long, "long class"),
                                                         (big, "big class"))],
        "slug": slug, "questions": questions, "number": number, "key": key,
        "results": results, "results_key": results_key, "unfinished": unfinished,
        "draft": draft_slug,
        # a word of many titles: the search's worst case
        "search": slug.split("-")[0],
    }


def live_session(worst: dict[str, Any], *, big: int, long: int) -> int:
    """A live quiz of the longest quiz played by the teacher with the big class (the long one
    if the worst student is not in the big one): every member joined, half the questions
    asked, each answered by everyone, the last one revealed. Its id."""
    from quiz.database import write_transaction
    from quiz.extensions import db
    from quiz.models import Classroom, LiveAnswer, LiveParticipant, Membership, Quiz, User
    from quiz.services import live

    student_id, teacher_id = worst["student"][0], worst["teacher"][0]
    rooms = [room for room in (big, long) if db.session.scalar(
        sa.select(Membership.id).where(Membership.classroom_id == room,
                                       Membership.user_id == student_id))]
    if not rooms:
        raise SystemExit(f"the worst student {student_id} is in neither class {big} nor {long}")
    quiz = db.session.scalars(sa.select(Quiz).where(Quiz.slug == worst["slug"])).one()
    session = live.start_session(db.session.get_one(User, teacher_id),
                                 db.session.get_one(Classroom, rooms[0]), quiz)
    members = list(db.session.scalars(sa.select(Membership.user_id)
                                      .where(Membership.classroom_id == rooms[0])))
    with write_transaction():
        insert(LiveParticipant.__table__, [{"session_id": session.id, "user_id": user,
                                            "joined_at": session.created_at}
                                           for user in members])
    participants = list(db.session.scalars(sa.select(LiveParticipant.id).where(
        LiveParticipant.session_id == session.id)))
    asked = live.questions(session)
    for n, question in enumerate(asked[:max(1, len(asked) // 2)]):
        session = live.control(session.id, teacher_id, "next")
        choices = question.choices
        with write_transaction():
            insert(LiveAnswer.__table__, [
                {"session_id": session.id, "participant_id": person,
                 "question_id": question.id, "choice_id": choices[(person + n) % len(choices)].id,
                 "is_correct": choices[(person + n) % len(choices)].is_correct,
                 "elapsed_ms": 1000 + person % 9000, "answered_at": session.created_at}
                for person in participants])
        session = live.control(session.id, teacher_id, "reveal")
    return session.id


# ---------------------------------------------------------------------------------------------
# Requests

# GET routes not timed, and why.
SKIP = {
    "static": "files of static/, served by the web server in production; no database",
    "auth.password": "a page only after a password reset, else a redirect to /account",
}


@dataclass(frozen=True)
class Case:
    rule: str
    args: str  # what the arguments are, in words
    user: str  # "student", "teacher" or "visitor"
    url: str

    @property
    def key(self) -> tuple[str, str, str]:
        """The same page at every size: the words without their figures in brackets."""
        return self.rule, re.sub(r" \([^)]*\)", "", self.args), self.user


@dataclass(frozen=True)
class Row:
    case: Case
    status: int
    first_ms: float
    best_ms: float
    kb: float
    first_queries: int
    queries: int
    # The least CPU time of this thread over the runs: Python's work and, on SQLite, the
    # database's (in-process); what other processes on the machine change little.
    cpu_ms: float = 0.0
    statements: tuple[str, ...] = ()  # of the last request
    error: str = ""  # an exception the app's error pages did not catch
    reference_ms: float = REFERENCE_MS  # the reference page's best, timed between runs

    @property
    def ratio(self) -> float:
        """best ms ÷ the reference page's best ms taken in the same seconds."""
        return self.best_ms / self.reference_ms

    @property
    def typical_ms(self) -> float:
        """best ms where the reference takes its usual REFERENCE_MS: the ratio × that time."""
        return self.ratio * REFERENCE_MS

    @property
    def flags(self) -> list[str]:
        flags = []
        if self.error:
            flags.append("EXCEPTION")
        elif self.status >= 500:
            flags.append(f"ERROR {self.status}")
        elif self.status != 200:
            flags.append(f"HTTP {self.status}")
        if self.typical_ms > SLOW_MS:
            flags.append("SLOW")
        if self.kb > BIG_KB:
            flags.append("BIG")
        return flags


Variant = tuple[str, dict[str, Any], str]  # words, URL arguments, query string


def variants(rule: Rule, worst: dict[str, Any]) -> list[Variant] | None:
    """The arguments a rule is timed with (several where the worst case is not one); None
    when its arguments are not known here."""
    slug, classes = worst["slug"], worst["classes"]
    student_id = worst["student"][0]
    longest = f"longest quiz ({worst['questions']} questions, {slug})"
    per_class = [(f"{words}", {"class_id": room}) for room, words, _slug in classes]
    by_endpoint: dict[str, list[Variant]] = {
        "student.attempt": [
            (f"results, {longest}", {"attempt_id": worst["results"]}, ""),
            (f"in progress, {longest}", {"attempt_id": worst["unfinished"]}, "")],
        "student.passage": [(f"passage, {longest}",
                             {"attempt_id": worst["results"], "key": worst["results_key"]}, "")],
        "student.catalogue": [("", {}, ""), (f"search ({worst['search']})", {},
                                             f"q={worst['search']}"), ("page 2", {}, "page=2")],
        "student.history": [("", {}, ""), ("page 2", {}, "page=2")],
        "teacher.quizzes": [("", {}, ""), (f"search ({worst['search']})", {},
                                           f"q={worst['search']}"), ("page 2", {}, "page=2")],
        "teacher.quiz_drafts": [(f"draft ({worst['questions']} questions to review)",
                                 {"slug": worst["draft"]}, "")],
        "teacher.quiz_export": [(f"{fmt}, {longest}", {"slug": slug, "fmt": fmt}, "")
                                for fmt in ("gift", "xml")],
        "teacher.quiz_version": [(f"last version ({worst['number']}), {longest}",
                                  {"slug": slug, "number": worst["number"]}, "")],
        "teacher.student": [(f"{words}, top student", {**args, "user_id": student_id}, "")
                            for words, args in per_class],
        "teacher.student_attempt": [
            (f"results, {words}, top student",
             {**args, "user_id": student_id,
              "attempt_id": worst["class_attempts"][args["class_id"]]}, "")
            for words, args in per_class],
        "teacher.scores_csv": [(words, args, "") for words, args in per_class]
        + [(f"{per_class[0][0]}, ;", per_class[0][1], "sep=semicolon")],
    }
    for endpoint in ("boards.quiz_board", "boards.quiz_projector", "teacher.insight"):
        by_endpoint[endpoint] = [(f"{words}, most done quiz",
                                  {"class_id": room, "slug": done}, "")
                                 for room, words, done in classes]
    by_endpoint["boards.board_json"] = [
        variant for room, words, done in classes
        for variant in ((words, {"class_id": room}, ""),
                        (f"{words}, most done quiz", {"class_id": room}, f"quiz={done}"))]
    if rule.endpoint in by_endpoint:
        found = [v for v in by_endpoint[rule.endpoint] if set(v[1]) == set(rule.arguments)]
        if found:
            return found
    # By the arguments' names: any route, a new one too.
    by_name: dict[str, list[tuple[str, Any]]] = {
        "class_id": [(words, room) for room, words, _slug in classes],
        "slug": [(longest, slug)],
        "key": [("question 1", worst["key"])],
        "attempt_id": [("results", worst["results"])],
        "user_id": [("top student", student_id)],
        "number": [(f"version {worst['number']}", worst["number"])],
        "session_id": [("live quiz of the big class, revealed", worst["live"])],
    }
    if not set(rule.arguments) <= set(by_name):
        return None
    names = sorted(rule.arguments)
    return [(", ".join(words for words, _value in combo if words),
             {name: value for name, (_words, value) in zip(names, combo, strict=True)}, "")
            for combo in itertools.product(*(by_name[name] for name in names))]


# Pages for who is not logged in (a logged-in user is sent on): a live quiz's guest's too.
VISITOR_PAGES = {"auth.login", "auth.register", "student.live_guest"}


def users_of(endpoint: str) -> list[str]:
    """Who reaches the page: the visitor, the student, the teacher, or both of these."""
    if endpoint in VISITOR_PAGES:
        return ["visitor"]
    blueprint = endpoint.partition(".")[0]
    return {"teacher": ["teacher"], "student": ["student"]}.get(blueprint,
                                                               ["student", "teacher"])


def plan_requests(app: Flask, worst: dict[str, Any]
                  ) -> tuple[list[Case], list[tuple[str, str]]]:
    """A case per GET rule of the app, argument variant and user; the rules skipped, each with
    why. Raises SystemExit listing the GET rules whose arguments cannot be filled."""
    cases: list[Case] = []
    skipped: list[tuple[str, str]] = []
    unknown: list[str] = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        if "GET" not in (rule.methods or ()):
            continue
        if rule.endpoint in SKIP:
            skipped.append((rule.rule, SKIP[rule.endpoint]))
            continue
        found = variants(rule, worst)
        if not found:
            unknown.append(f"{rule.rule} ({rule.endpoint}; arguments "
                           f"{', '.join(sorted(rule.arguments))})")
            continue
        for words, values, query in found:
            built = rule.build(values, append_unknown=False)
            assert built is not None, (rule.rule, values)
            url = built[1] + (f"?{query}" if query else "")
            cases += [Case(rule.rule, words, user, url) for user in users_of(rule.endpoint)]
    if unknown:
        raise SystemExit("bench/scale.py cannot fill the arguments of these GET routes (add "
                         "them to variants() or SKIP):\n  " + "\n  ".join(unknown))
    return cases, skipped


REFERENCE_TEMPLATE = (
    "<!doctype html><html lang=\"fr\"><title>{{ title }}</title><table>{% for r in rows %}"
    "<tr><th><a href=\"{{ url_for('page', n=r.id) }}\">{{ r.title }}</a></th>"
    "<td>{{ r.score }}/10</td></tr>{% endfor %}</table></html>")


def reference_client() -> FlaskClient:
    """A bare Flask app's page: 200 table rows, each a link built by url_for and an escaped
    title, from a compiled Jinja template — what every page of the app does at the least,
    without database, translations or login (about 18 KB).

    Each page is timed between runs of this one, and its figure is also given as a ratio to
    it: this machine's speed changes by 40% from one minute to the next (other processes,
    the other core's work), and the ratio much less (docs/performance.md)."""
    from flask import Flask, render_template
    from jinja2 import DictLoader

    app = Flask("reference")
    app.jinja_loader = DictLoader({"page.html": REFERENCE_TEMPLATE})
    rows = [{"id": n, "title": f"Quiz <{n}> « élève » & co", "score": n % 11}
            for n in range(200)]

    @app.route("/<int:n>")
    def page(n: int) -> str:
        return render_template("page.html", title=f"reference {n}", rows=rows)

    client = app.test_client()
    client.get("/1")  # the template compiled
    return client


def reference_ms(client: FlaskClient) -> float:
    began = time.perf_counter()
    client.get("/1").close()
    return 1000 * (time.perf_counter() - began)


class QueryCounter:
    """Counts the statements sent to the database (before_cursor_execute)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)

    def __enter__(self) -> QueryCounter:
        sa.event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc: object) -> None:
        sa.event.remove(self.engine, "before_cursor_execute", self._seen)

    def _seen(self, _connection: object, _cursor: object, statement: str,
              *_args: object) -> None:
        self.statements.append(statement)


def clients(app: Flask, worst: dict[str, Any]) -> dict[str, FlaskClient]:
    """A test client per kind of user, the student and teacher logged in: Flask-Login's
    session holds what login_user() stores (the user's get_id(), read by the app's loader)."""
    from quiz.extensions import db
    from quiz.models import User

    made = {"visitor": app.test_client()}
    for kind in ("student", "teacher"):
        with app.app_context():
            login_id = db.session.get_one(User, worst[kind][0]).get_id()
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = login_id
            session["_fresh"] = True
        made[kind] = client
    return made


def time_requests(app: Flask, cases: list[Case], worst: dict[str, Any],
                  runs: int = 5) -> list[Row]:
    """Request each case ``runs`` times, the app's caches emptied before the first (after one
    request of every case, so that Jinja's compiled templates are not what is timed)."""
    from quiz.caching import clear_caches
    from quiz.extensions import db

    with app.app_context():
        engine = db.engine
    by_user = clients(app, worst)
    reference = reference_client()
    for case in cases:  # every template compiled once: "first" is the caches' cold start
        fetch(by_user[case.user], case.url)
    rows = []
    with QueryCounter(engine) as counter:
        for case in cases:
            with app.app_context():
                clear_caches()
            times, cpu, queries, around = [], [], [], []
            status, size, error = 0, 0, ""
            for _run in range(runs):
                around.append(reference_ms(reference))
                counter.statements = []
                began, began_cpu = time.perf_counter(), time.thread_time()
                status, size, error = fetch(by_user[case.user], case.url)
                times.append(1000 * (time.perf_counter() - began))
                cpu.append(1000 * (time.thread_time() - began_cpu))
                queries.append(counter.count)
            rows.append(Row(case, status, times[0], min(times), size / 1024, queries[0],
                            queries[-1], min(cpu), tuple(counter.statements), error,
                            min(around)))
    return rows


def fetch(client: FlaskClient, url: str) -> tuple[int, int, str]:
    """GET ``url``: the status, the body's size and, when the app raised past its own error
    pages (an error handler that fails), the exception as a 500."""
    try:
        response = client.get(url)
    except Exception as error:  # reported in the table; the run goes on
        return 500, 0, f"{type(error).__name__}: {error}"
    try:
        return response.status_code, len(response.get_data()), ""
    finally:
        response.close()


# ---------------------------------------------------------------------------------------------
# Output

def table(headers: Sequence[str], lines: Sequence[Sequence[str]], right: set[int]) -> str:
    widths = [max(len(h), *(len(line[n]) for line in lines)) if lines else len(h)
              for n, h in enumerate(headers)]

    def row(cells: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if n in right else c.ljust(w)
                         for n, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    return "\n".join([row(headers), row(["-" * w for w in widths]),
                      *(row(line) for line in lines)])


def route(rule: str) -> str:
    """The rule without its converters: /attempts/<attempt_id>."""
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"<\1>", rule)


def user_words(user: str, worst: dict[str, Any]) -> str:
    return worst[user][1] if user in ("student", "teacher") else user


def size_table(rows: Sequence[Row], worst: dict[str, Any]) -> str:
    return table(
        ["route", "args", "user", "status", "first ms", "best ms", "cpu ms", "× ref",
         "typical ms", "KB", "first q", "q", "flags"],
        [[route(r.case.rule), r.case.args, user_words(r.case.user, worst), str(r.status),
          f"{r.first_ms:.1f}", f"{r.best_ms:.1f}", f"{r.cpu_ms:.1f}", f"{r.ratio:.2f}",
          f"{r.typical_ms:.1f}", f"{r.kb:.1f}", str(r.first_queries), str(r.queries),
          " ".join(r.flags)] for r in rows],
        right=set(range(3, 12)))


def summary(results: dict[str, list[Row]]) -> tuple[str, list[str]]:
    """Queries and typical ms per route across sizes (each size timed minutes apart: the ratio
    to the reference page makes them comparable); the routes whose query count grows."""
    names = list(results)
    keyed: dict[tuple[str, str, str], dict[str, Row]] = defaultdict(dict)
    for name, rows in results.items():
        for r in rows:
            keyed[r.case.key][name] = r
    lines, growing = [], []
    for (rule, args, user), by_size in keyed.items():
        counts = [by_size[n].queries if n in by_size else None for n in names]
        known = [c for c in counts if c is not None]
        flag = ("GROWS" if len(known) > 1 and known[-1] > known[0] else
                "VARIES" if len(set(known)) > 1 else "")
        if flag:
            growing.append(f"{route(rule)} [{args or '-'}] as {user}: "
                           f"{' → '.join(map(str, known))} queries ({flag.lower()})")
        lines.append([route(rule), args or "-", user,
                      *(str(c) if c is not None else "-" for c in counts),
                      *(f"{by_size[n].typical_ms:.1f}" if n in by_size else "-" for n in names),
                      flag])
    headers = ["route", "args", "user", *(f"q {n}" for n in names),
               *(f"typical ms {n}" for n in names), "flag"]
    return table(headers, lines, right=set(range(3, 3 + 2 * len(names)))), growing


# ---------------------------------------------------------------------------------------------

def make_app(url: str) -> Flask:
    from quiz import create_app
    from quiz.config import database_url_from_env

    return create_app({"SECRET_KEY": "bench-scale", "SQLALCHEMY_DATABASE_URI":
                       database_url_from_env(url), "BOARD_MAX_AGE": 0.0})


def fresh_schema() -> None:
    from quiz.extensions import db

    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
    db.create_all()


def run_size(size: Size, url: str, runs: int, say: Callable[[str], None] = print
             ) -> tuple[Built, list[Row], list[tuple[str, str]]]:
    """Build ``size`` in the database at ``url`` and time every GET route on it."""
    from quiz.extensions import db

    app = make_app(url)
    try:
        with app.app_context():
            fresh_schema()
            built = build(size, say=say)
            worst = built.worst
            db.session.remove()
        cases, skipped = plan_requests(app, worst)
        rows = time_requests(app, cases, worst, runs)
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    return built, rows, skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("database_url", nargs="?",
                        help="postgresql://… (its schema public is dropped); default: SQLite "
                             "in a temporary folder")
    parser.add_argument("--quick", action="store_true", help="size S only")
    parser.add_argument("--sizes", default="S,M,L", help="sizes to build, e.g. S,M,L")
    parser.add_argument("--runs", type=int, default=5, help="requests per page (best kept)")
    parser.add_argument("--show-queries", action="append", default=[], metavar="ROUTE",
                        help="print the statements of ROUTE's last request, e.g. /history "
                             "(as the table writes it; may be repeated)")
    parser.add_argument("--keep", type=Path, metavar="FOLDER",
                        help="keep each SQLite database built in FOLDER (scale-L.sqlite…), to "
                             "profile its pages later; it is replaced if it exists")
    args = parser.parse_args(argv)
    if args.keep and args.database_url:
        parser.error("--keep keeps SQLite databases: a PostgreSQL database stays where it is")
    names = ["S"] if args.quick else [n.strip() for n in args.sizes.split(",") if n.strip()]
    if unknown := [n for n in names if n not in SIZES]:
        parser.error(f"unknown size {', '.join(unknown)}: choose among {', '.join(SIZES)}")
    folder = Path(tempfile.mkdtemp(prefix="news-quiz-bench-scale-"))
    os.environ.setdefault("NEWS_QUIZ_INSTANCE", str(folder / "instance"))
    results: dict[str, list[Row]] = {}
    failed = False
    try:
        for name in names:
            size = SIZES[name]
            url = args.database_url or f"sqlite:///{folder / f'scale-{name}.sqlite'}"
            backend = "postgresql" if url.startswith("postgres") else "sqlite"
            print(f"== {name} on {backend}: {size.quizzes:,} quizzes, "
                  f"{size.teachers + size.students:,} users, ~{size.attempts:,} attempts",
                  flush=True)
            built, rows, skipped = run_size(size, url, args.runs)
            results[name] = rows
            print(f"built in {built.seconds:.1f} s: "
                  + ", ".join(f"{table_name} {n:,}" for table_name, n in built.counts.items()))
            worst = built.worst
            print("worst cases: " + "; ".join(
                [user_words("student", worst), user_words("teacher", worst),
                 *(f"class {room}: {words}" for room, words, _s in worst["classes"]),
                 f"longest quiz {worst['slug']} ({worst['questions']} questions, version "
                 f"{worst['number']})"]))
            print("not timed: " + ("; ".join(f"{route(rule)} ({why})" for rule, why in skipped)
                                   or "none"))
            print()
            print(size_table(rows, worst))
            around = sorted(r.reference_ms for r in rows)
            print(f"\nthe reference page, timed before each page: best {around[0]:.2f} ms, "
                  f"median {around[len(around) // 2]:.2f} ms (its usual time, REFERENCE_MS: "
                  f"{REFERENCE_MS} ms)")
            over = [r for r in rows if r.flags]
            print(f"\n{len(rows)} requests timed, {len(over)} flagged"
                  + "".join(f"\n  {route(r.case.rule)} [{r.case.args}] as {r.case.user}: "
                            f"{' '.join(r.flags)} ({r.best_ms:.1f} ms, {r.ratio:.2f} × the "
                            f"reference: {r.typical_ms:.1f} typical ms; {r.kb:.1f} KB)"
                            + (f"\n    {r.error}" if r.error else "")
                            for r in over))
            for r in rows:
                if route(r.case.rule) in args.show_queries:
                    print(f"statements of {r.case.url} [{r.case.args}] as {r.case.user}:")
                    print("".join(f"  {n}. {' '.join(s.split())[:300]}\n"
                                  for n, s in enumerate(r.statements, start=1)))
            print(flush=True)
            failed = failed or any(r.status >= 500 for r in rows)
            if not args.database_url:
                for leftover in folder.glob(f"scale-{name}.sqlite*"):
                    if args.keep:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        kept = shutil.move(leftover, args.keep / leftover.name)
                        print(f"kept {kept}")
                    else:
                        leftover.unlink()
        if len(results) > 1:
            text, growing = summary(results)
            print("== queries per request and typical ms across sizes\n")
            print(text)
            print("\nquery counts that change with the data: "
                  + ("none" if not growing else "\n  " + "\n  ".join(growing)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
