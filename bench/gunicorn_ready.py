"""gunicorn settings of every served benchmark: report each worker once it has loaded the app.

bench/run.py passes ``-c bench/gunicorn_ready.py`` and sets NEWS_QUIZ_BENCH_READY to a folder;
each worker writes a file there when it is ready, so measuring starts only when all are.
"""

import os
from pathlib import Path


def post_worker_init(worker) -> None:  # noqa: ANN001 - gunicorn's hook signature
    folder = os.environ.get("NEWS_QUIZ_BENCH_READY")
    if folder:
        Path(folder, f"ready-{worker.pid}").touch()
