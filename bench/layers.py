#!/usr/bin/env python3
"""What each layer of a logged-in page costs, in-process (no server, no network).

    python bench/layers.py            7 rounds of 300 requests per layer (about 30 s)
    python bench/layers.py --quick    2 rounds of 50

Calls the WSGI apps directly with prepared requests (the served database of bench/run.py) and
prints, for each layer, the best round's milliseconds per request and the bare "hello" app's
time divided by it. Each layer adds one thing to the one before:

    hello            bare Flask (bench/hello.py)
    app_page         the app, a page that touches nothing (extensions' hooks, security headers)
    db_session       + the request's database transaction opened and closed
    one_query        + one Core query
    logged_in_floor  + the logged-in user loaded, and a CSRF token (bench/floor.py's page)
    quiz_page        the seed quiz page (12 questions and the article)
    board_page       the class board (30 students, 10 quizzes)

docs/performance.md reads bench/run.py's served ratios against these layers.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import hello  # noqa: E402  (bench/hello.py)
import sqlalchemy as sa  # noqa: E402
from floor import FLOOR_PATH, add_floor_page  # noqa: E402  (bench/floor.py)
from run import make_app, prepare_served  # noqa: E402  (bench/run.py)
from werkzeug.test import EnvironBuilder  # noqa: E402


def add_layer_pages(app) -> None:  # noqa: ANN001
    from quiz.extensions import db

    one = sa.select(sa.literal(1))

    @app.route("/bench/layers/app-page")
    def app_page() -> str:
        return "ok"

    @app.route("/bench/layers/db-session")
    def db_session() -> str:
        db.session.connection()
        return "ok"

    @app.route("/bench/layers/one-query")
    def one_query() -> str:
        db.session.execute(one).first()
        return "ok"

    add_floor_page(app)


def environ(path: str, cookie: str) -> dict:
    return EnvironBuilder(path=path, headers={"Cookie": cookie} if cookie else {},
                          environ_base={"REMOTE_ADDR": "127.0.0.1"}).get_environ()


def ms_per_request(wsgi, env: dict, rounds: int, requests: int) -> float:  # noqa: ANN001
    """The best round's mean, in ms: the least disturbed by other work on the machine."""
    status: list[str] = []

    def start_response(value: str, _headers: list, _exc: object = None) -> None:
        status.append(value)

    def call() -> None:
        b"".join(wsgi(dict(env), start_response))

    for _ in range(5):
        call()
    if not status[-1].startswith("200"):
        raise RuntimeError(f"{env['PATH_INFO']} answered {status[-1]}")
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(requests):
            call()
        best = min(best, (time.perf_counter() - started) / requests * 1000)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2 rounds of 50 requests")
    args = parser.parse_args()
    rounds, requests = (2, 50) if args.quick else (7, 300)
    folder = Path(tempfile.mkdtemp(prefix="news-quiz-layers-"))
    try:
        app = make_app(f"sqlite:///{folder / 'layers.sqlite'}")
        with app.app_context():
            from flask_migrate import upgrade

            upgrade(directory=str(BENCH.parent / "quiz" / "migrations"))
        add_layer_pages(app)
        prepared = prepare_served(app, {})
        _method, quiz_path, cookie, _body = prepared.quiz_page.split("\t")
        board_path = prepared.leaderboard_page.split("\t")[1]
        layers = [
            ("hello", hello.app.wsgi_app, "/", ""),
            ("app_page", app.wsgi_app, "/bench/layers/app-page", cookie),
            ("db_session", app.wsgi_app, "/bench/layers/db-session", cookie),
            ("one_query", app.wsgi_app, "/bench/layers/one-query", cookie),
            ("logged_in_floor", app.wsgi_app, FLOOR_PATH, cookie),
            ("quiz_page", app.wsgi_app, quiz_path, cookie),
            ("board_page", app.wsgi_app, board_path, cookie),
        ]
        hello_ms = None
        print(f"{'layer':<17}{'ms/request':>11}{'hello ÷ it':>12}")
        for name, wsgi, path, layer_cookie in layers:
            ms = ms_per_request(wsgi, environ(path, layer_cookie), rounds, requests)
            hello_ms = hello_ms or ms
            print(f"{name:<17}{ms:>11.3f}{hello_ms / ms:>12.3f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
