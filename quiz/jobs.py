"""The job queue: drafting questions runs in a worker process, never in a web request.

A web request only puts a job on the queue and reads its status; the worker (`flask --app app
quiz worker`, which `python3 manage.py serve` starts beside the web server) loads the spaCy
model once, drafts, and saves the drafts as a new version of the quiz. So no web worker loads
spaCy (hundreds of MB) or waits seconds for a draft.

The queue is huey's, on one of two storages (setting ``JOB_QUEUE_URL``, environment
``NEWS_QUIZ_JOB_QUEUE``):

- none (the default): SQLite, a file in the instance folder (``jobs.sqlite``) — no other
  server; the web server and the worker must run on one machine;
- ``redis://host:port/db``: Redis, for several app servers (each runs a worker, or one does).

Each quiz's drafting has one status, kept in the queue's storage beside the jobs (so every app
server sees it): queued → running → done or failed, with the reason of a failure. A failed job
is retried by starting it again; so is one the worker never finished (stopped mid-way).
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask

from .extensions import db
from .questionfile.messages import N_, Message

if TYPE_CHECKING:
    from huey import Huey
    from huey.api import TaskWrapper

    from .models import Quiz, User

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
# A job still queued or running after this long is taken as lost (no worker, or it stopped):
# the teacher may start it again. Drafting takes seconds, loading the model under a minute.
STALE_AFTER = 10 * 60  # seconds


@dataclass(frozen=True)
class JobStatus:
    """Where a quiz's drafting stands. ``reason`` says why it failed, ``drafts`` and
    ``revision`` what a finished job added."""

    job_id: str
    state: str
    requested_at: float
    updated_at: float
    count: int
    stage: str = ""  # while running: "drafting", "saving"
    reason: Message | None = None
    drafts: int = 0
    revision: int = 0
    unpublished: bool = False  # the quiz was published: its drafts unpublished it

    @property
    def active(self) -> bool:
        """Queued or running, and not lost."""
        return self.state in (QUEUED, RUNNING) and not self.stale

    @property
    def stale(self) -> bool:
        return self.state in (QUEUED, RUNNING) and time.time() - self.updated_at > STALE_AFTER

    def as_dict(self) -> dict[str, Any]:
        """What the status is stored as (huey pickles it)."""
        return dict(vars(self))

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> JobStatus:
        return cls(**values)


class DraftingFailed(Exception):
    """A job that cannot draft: ``reason`` says why, in words the teacher can act on."""

    def __init__(self, reason: Message) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass
class JobQueue:
    """The app's queue: ``start_drafting`` (a web request), ``status`` (a web request),
    ``run_worker`` (the worker process), ``run_pending`` (tests: the jobs, in this process)."""

    app: Flask
    _huey: Huey | None = field(default=None, init=False, repr=False)
    _draft_task: TaskWrapper | None = field(default=None, init=False, repr=False)

    @property
    def huey(self) -> Huey:
        """The huey instance, made on first use (creating the app touches no storage)."""
        if self._huey is None:
            self._huey = make_huey(self.app.config["JOB_QUEUE_URL"],
                                   self.app.config["JOB_QUEUE_NAME"], Path(self.app.instance_path))
            self._draft_task = self._huey.task(name="draft_questions")(self._draft)
        return self._huey

    # -- web side ------------------------------------------------------------------------------

    def status(self, quiz_id: int) -> JobStatus | None:
        """The quiz's latest drafting job, or None if it was never drafted through the queue."""
        values = self.huey.get(_status_key(quiz_id), peek=True)
        return JobStatus.from_dict(values) if values else None

    def start_drafting(self, quiz: Quiz, user: User, count: int) -> JobStatus:
        """Queue a drafting job for ``quiz`` (none if one is already queued or running)."""
        current = self.status(quiz.id)
        if current is not None and current.active:
            return current
        now = time.time()
        status = JobStatus(job_id=uuid.uuid4().hex, state=QUEUED, requested_at=now,
                           updated_at=now, count=count)
        self._save(quiz.id, status)
        assert self._draft_task is not None  # made with self.huey
        self._draft_task(quiz.id, user.id, count, status.job_id)
        return status

    # -- worker side ---------------------------------------------------------------------------

    def run_worker(self, workers: int = 1) -> None:
        """Run jobs until stopped (Ctrl+C or SIGTERM: the job under way ends first)."""
        self.huey.create_consumer(workers=workers, worker_type="thread", periodic=False,
                                  max_delay=1.0).run()

    def run_pending(self) -> int:
        """Run the queued jobs here, one after another; how many ran (tests, and a server
        without a worker process)."""
        ran = 0
        while (task := self.huey.dequeue()) is not None:
            self.huey.execute(task)
            ran += 1
        return ran

    def pending(self) -> int:
        return int(self.huey.pending_count())

    def _save(self, quiz_id: int, status: JobStatus) -> None:
        self.huey.put(_status_key(quiz_id), status.as_dict())

    def _update(self, quiz_id: int, status: JobStatus, **changes: Any) -> JobStatus:
        updated = replace(status, **changes, updated_at=time.time())
        self._save(quiz_id, updated)
        return updated

    def _draft(self, quiz_id: int, user_id: int, count: int, job_id: str) -> None:
        """The job: draft from the quiz's current version, save the drafts as a new one. Its
        outcome goes to the status (the job itself never raises: huey would only log it)."""
        with self.app.app_context():
            status = self.status(quiz_id)
            if status is None or status.job_id != job_id:
                return  # replaced by a later request
            status = self._update(quiz_id, status, state=RUNNING, stage="drafting")
            try:
                drafts, revision, unpublished = draft_into_quiz(
                    quiz_id, user_id, count,
                    saving=lambda: self._update(quiz_id, status, stage="saving"))
            except DraftingFailed as failure:
                self._update(quiz_id, status, state=FAILED, stage="", reason=failure.reason)
            except Exception as error:  # a bug or the database: say so, keep the worker up
                log.exception("drafting job %s for quiz %s failed", job_id, quiz_id)
                self._update(quiz_id, status, state=FAILED, stage="", reason=Message(
                    N_("an unexpected error stopped the drafting (%(error)s); try again, and "
                       "tell the server's administrator if it fails again"),
                    {"error": type(error).__name__}))
            else:
                self._update(quiz_id, status, state=DONE, stage="", drafts=drafts,
                             revision=revision, unpublished=unpublished)
            finally:
                db.session.remove()


def _status_key(quiz_id: int) -> str:
    return f"drafting-status:{quiz_id}"


def make_huey(url: str | None, name: str, instance: Path) -> Huey:
    """A huey instance on SQLite (no URL, or sqlite:///PATH) or Redis (redis://…)."""
    from huey import RedisHuey, SqliteHuey

    if not url:
        return SqliteHuey(name=name, filename=str(instance / "jobs.sqlite"), results=False)
    if url.startswith("sqlite:///"):
        return SqliteHuey(name=name, filename=url[len("sqlite:///"):], results=False)
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(name=name, url=url, results=False)
    raise ValueError(f"{url!r}: use redis://host:port/db, or leave it unset (SQLite)")


def draft_into_quiz(quiz_id: int, user_id: int, count: int,
                    saving: Any = None) -> tuple[int, int, bool]:
    """Draft up to ``count`` questions from the quiz's current version and save them as a new
    version by ``user_id``: (drafts added, version number, whether this unpublished the quiz).

    Runs in the worker. Raises DraftingFailed with the reason when nothing can be drafted. If
    a teacher saves another version meanwhile, drafting starts again from it (once).
    """
    from .articles import ArticleError, check_draftable
    from .drafting import DraftingUnavailable, draft_questions
    from .models import Quiz, User
    from .services.editing import current_file, save_edited
    from .services.importer import RevisionChanged

    for attempt in range(2):
        db.session.expire_all()
        quiz = db.session.get(Quiz, quiz_id)
        user = db.session.get(User, user_id)
        if quiz is None or quiz.current_revision is None or user is None:
            raise DraftingFailed(Message(N_("the quiz or the account that asked for the drafts "
                                            "no longer exists")))
        parsed = current_file(quiz)
        try:
            check_draftable(parsed)
            report = draft_questions(parsed, count)
        except ArticleError as error:
            raise DraftingFailed(Message(N_("%(message)s — %(hint)s"), {
                "message": error.message, "hint": error.hint or ""})) from None
        except DraftingUnavailable as error:
            raise DraftingFailed(error.message) from None
        if not report.drafts:
            raise DraftingFailed(Message(N_("no sentence of the article could be turned into a "
                                            "question; write the questions yourself (“Add a "
                                            "question” on the quiz's page)")))
        was_published = quiz.status == "published"
        if saving is not None:
            saving()
        try:
            result = save_edited(quiz, report.quiz, user)
        except RevisionChanged:
            if attempt:
                raise DraftingFailed(Message(N_("the quiz kept changing while its questions "
                                                "were drafted; try again"))) from None
            continue
        return len(report.drafts), result.revision, was_published
    raise AssertionError("unreachable")  # pragma: no cover


def job_queue(app: Flask) -> JobQueue:
    """The app's queue (one per app; ``current_app`` will do)."""
    real: Flask = getattr(app, "_get_current_object", lambda: app)()  # the worker needs the app
    queue: JobQueue | None = real.extensions.get("job_queue")
    if queue is None:
        queue = real.extensions["job_queue"] = JobQueue(real)
    return queue
