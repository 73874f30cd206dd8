"""Memory of a web worker that served the drafting pages, and of the drafting worker (issue 22).

    .venv/bin/python bench/draft_rss.py

On a fresh SQLite database in a temporary folder: gunicorn (one sync worker, as in
docs/deploy.md) and `flask --app app quiz worker`. A teacher logs in, imports a saved news page
with « Then draft questions automatically », sees the drafts page while the job waits and runs
(polling its JSON status as the page's script does), then the drafts, the quiz page and the
import form again. Then, for each process: VmRSS and whether spaCy is loaded in it (its
compiled modules mapped, /proc/PID/maps). Not part of the test suite: it takes a minute, most of
it the drafting worker loading the language model.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import ARTICLES, free_port  # noqa: E402

PASSWORD = "un mot de passe assez long"


def memory(pid: int) -> tuple[float, bool]:
    """(VmRSS in MB, whether spaCy's compiled modules are mapped in the process)."""
    status = Path(f"/proc/{pid}/status").read_text()
    rss = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024  # type: ignore[union-attr]
    maps = Path(f"/proc/{pid}/maps").read_text()
    return rss, "/spacy/" in maps


class Browser:
    """A logged-in teacher: cookies, CSRF tokens, no redirects followed."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
                return None

        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect())

    def open(self, path: str, data: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, str, dict[str, str]]:
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:  # 3xx and 4xx come here without redirects
            return error.code, error.read().decode(), dict(error.headers)

    def token(self, path: str) -> str:
        page = self.open(path)[1]
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"',  # type: ignore[union-attr]
                         page).group(1)

    def post(self, path: str, fields: dict[str, str], file: tuple[str, str, bytes] | None = None,
             form_path: str | None = None) -> tuple[int, str, dict[str, str]]:
        fields = {"csrf_token": self.token(form_path or path), **fields}
        if file is None:
            return self.open(path, urllib.parse.urlencode(fields).encode())
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                 .encode() for k, v in fields.items()]
        name, filename, content = file
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: text/html\r\n\r\n'.encode()
                     + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.open(path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="news-quiz-draft-rss-"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "TEST_DATABASE_URL", "NEWS_QUIZ_JOB_QUEUE")}
    env.update(SECRET_KEY=secrets.token_hex(32), NEWS_QUIZ_INSTANCE=str(folder / "instance"),
               PYTHONUNBUFFERED="1")
    flask = [sys.executable, "-m", "flask", "--app", "app"]
    subprocess.run([*flask, "db", "upgrade"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    subprocess.run([*flask, "quiz", "create-teacher", "prof"], cwd=ROOT, env=env, check=True,
                   input=f"{PASSWORD}\n{PASSWORD}\n", text=True, capture_output=True)
    port = free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    web = subprocess.Popen([gunicorn, "--workers", "1", "--bind", f"127.0.0.1:{port}",
                            "app:app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    worker: subprocess.Popen[bytes] | None = None
    try:
        browser = Browser(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 60
        while True:
            try:
                if browser.open("/login")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.3)
        status, _page, _h = browser.post("/login", {"username": "prof", "password": PASSWORD})
        assert status == 302, status
        page = (ARTICLES / "fr-tramway.html").read_bytes()
        status, _page, headers = browser.post(
            "/teacher/quizzes/article", {"draft": "y", "slug": "tramway"},
            file=("file", "tramway.html", page))
        assert status == 302 and headers["Location"].endswith("/tramway/drafts"), status
        pending = browser.open("/teacher/quizzes/tramway/drafts")[1]
        assert "Waiting for the drafting worker" in pending
        started = time.monotonic()
        worker = subprocess.Popen([*flask, "quiz", "worker"], cwd=ROOT, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        polls = 0
        while True:  # as drafting-status.js does, every 2 s (here 0.5 s: more requests)
            job = json.loads(browser.open("/teacher/quizzes/tramway/drafting")[1])
            polls += 1
            if not job["active"]:
                break
            if time.monotonic() - started > 600:
                raise RuntimeError("the drafting worker did not finish in 10 minutes")
            time.sleep(0.5)
        drafted = time.monotonic() - started
        assert job["state"] == "done", job
        for _ in range(20):
            for path in ("/teacher/quizzes/tramway/drafts", "/teacher/quizzes/tramway",
                         "/teacher/quizzes/article", "/teacher/quizzes/tramway/drafting"):
                assert browser.open(path)[0] == 200, path
        children = subprocess.run(["pgrep", "-P", str(web.pid)], capture_output=True,
                                  text=True).stdout.split()
        web_rss, web_spacy = memory(int(children[0]))
        worker_rss, worker_spacy = memory(worker.pid)
        print(f"drafts: {job['drafts']} in {drafted:.1f} s from starting the worker (model "
              f"loading included), {polls} status polls")
        print(f"web worker (gunicorn sync, pid {children[0]}): VmRSS {web_rss:.1f} MB, "
              f"spaCy loaded: {'yes' if web_spacy else 'no'}")
        print(f"drafting worker (flask quiz worker, pid {worker.pid}): VmRSS {worker_rss:.1f} "
              f"MB, spaCy loaded: {'yes' if worker_spacy else 'no'}")
        return 0 if web_rss < 150 and not web_spacy and worker_spacy else 1
    finally:
        web.terminate()
        if worker is not None:
            worker.send_signal(signal.SIGINT)
            worker.wait(timeout=60)
        web.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
