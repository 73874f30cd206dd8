"""Every per-process cache of the app, in one place: what each keeps, how much, for how long.

- ``revision_content``: a quiz revision's content as plain values (services/content.py), by
  revision id and creation time; at most 512; kept until evicted: a revision never changes,
  nothing expires. (The creation time is in every key of a revision's cached values: a
  database restored from a dump gives the same ids again to new revisions, and a kept value
  must never stand for another row.)
- ``quiz_questions``: the quiz page's article and questions as HTML (quiz_page.py), by
  revision (id and creation time) and locale (language and region: dates are written in the
  reader's, templating.formatting_locale); at most 256; kept until evicted, for the same
  reason.
- ``answer_forms``: the WTForms class of a revision's answers (quiz_page.py), by revision (id
  and creation time); at most 512; kept until evicted: a question's choices never change.
- ``boards``: a class board's tabs and standings (boards/routes.py), by class, quiz and kind of
  viewer; at most 1024; used for BOARD_MAX_AGE seconds, and never when older than the viewer's
  own last write.
- ``nav_links``: the header's links as HTML (templating.py), by kind of user (visitor,
  student, teacher), the page's section, language and script root; at most 64 (all of them);
  kept until evicted: they change only with the code.
- ``board_pages``: a kept board's top (title, tabs) and rows as HTML, as the class sees them
  (boards/routes.py), by board, the time it was computed, locale, class name and the quiz's
  counting and due date; at most 1024; a board computed anew has a new page. The viewer's own
  row is rendered again for each request, marked "you".
- ``live_states``: what every page of a live session is shown now (live_feed.py: the
  version, phase and counts, the question as phones show it, the places after a reveal), by
  session; at most 64; read again from the database when older than LIVE_CHECK seconds, and
  dropped at once when this process changes the session (``live_feed.changed``).
- ``live_participants``: who is in a live session (live_feed.py), by session and user (the
  account's id and creation time: SQLite gives a deleted account's id again); at most 8192;
  only found places are kept, and a participant leaves a session only with their account or
  a day after it ended (quiz/live_feed.py).

Each is a :class:`KeptValues` (least recently used first out, safe across threads) made per
app on first use, so a test's fresh app and database never meet another app's values; each
gunicorn worker has its own. ``clear_caches()`` empties them all, e.g. after changing the
database by hand.

Besides these, the drafting language models are loaded once per process and language
(drafting/models.py, a package that knows nothing of Flask): they depend only on their
arguments, never on stored data, so they need no expiry. So do a few pure functions kept by
functools (`accounts.name_key`, at most 8,192 names; the date patterns of a locale in
templating.py): the same arguments, the same value, whatever is stored.

None of the cached values shows a user's own data. The pieces of page kept as HTML are
rendered by ``render_fragment()`` (templating.py), which gives a template its values, url_for
and gettext only — no current_user, request, session or CSRF token (tests/test_page_caches.py
checks what each kept template names); the per-user parts of a page (the CSRF token, the
user's name, the viewer's row of a board) are rendered by base.html and the page's own
template for each request, around them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from flask import current_app

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


@dataclass(frozen=True)
class CacheSpec:
    max_items: int
    keeps: str


CACHES: dict[str, CacheSpec] = {
    "revision_content": CacheSpec(512, "a quiz revision's content, by revision id and "
                                       "creation time"),
    "quiz_questions": CacheSpec(256, "the quiz page's article and questions, by revision "
                                     "(id, creation time) and locale"),
    "answer_forms": CacheSpec(512, "the answer form class of a revision, by its id and "
                                   "creation time"),
    "boards": CacheSpec(1024, "a class board's tabs and standings, by class, quiz and kind "
                              "of viewer (expired by boards/routes.py)"),
    "nav_links": CacheSpec(64, "the header's links, by kind of user, page section, language "
                               "and script root"),
    "board_pages": CacheSpec(1024, "a kept board's top and rows as HTML, by board, time it "
                                   "was computed, locale, class name and quiz settings"),
    "live_states": CacheSpec(64, "a live session's state as its pages poll it, by session "
                                 "(read again after LIVE_CHECK seconds, see live_feed.py)"),
    "live_participants": CacheSpec(8192, "a live session's participant, by session and user"),
}


class KeptValues(Generic[Key, Value]):
    """A bounded map: the least recently used value goes first when it is full."""

    def __init__(self, max_items: int) -> None:
        self.max_items = max_items
        self._values: OrderedDict[Key, Value] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> Value | None:
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: Key, value: Value) -> None:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.max_items:
                self._values.popitem(last=False)

    def get_or_make(self, key: Key, make: Callable[[], Value]) -> Value:
        """The kept value, or ``make()``'s, kept. Two threads may both make it the first time
        (the lock is not held while making): the values are the same, either one is kept."""
        value = self.get(key)
        if value is None:
            value = make()
            self.put(key, value)
        return value

    def discard(self, key: Key) -> None:
        with self._lock:
            self._values.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


_EXTENSION = "news_quiz_caches"


def cache(name: str) -> KeptValues[Any, Any]:
    """This app's cache `name` (one of CACHES), made on first use."""
    caches: dict[str, KeptValues[Any, Any]] | None = current_app.extensions.get(_EXTENSION)
    if caches is None:
        caches = current_app.extensions.setdefault(_EXTENSION, {})
    kept = caches.get(name)
    if kept is None:
        kept = caches.setdefault(name, KeptValues(CACHES[name].max_items))
    return kept


def clear_caches() -> None:
    """Empty every cache of this app."""
    for kept in current_app.extensions.get(_EXTENSION, {}).values():
        kept.clear()
