"""The configuration in one place (quiz/config.py), and the README's table of it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from quiz import check_translations, create_app
from quiz.config import ENVIRONMENT, INSTANCE_VARIABLE, Config, ConfigurationError, settings
from tests.support import SECRET_KEY

ROOT = Path(__file__).resolve().parents[1]


def readme_variables() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## Configuration", 1)[1].split("\n\n", 2)[1]
    return set(re.findall(r"^\| `([A-Z_]+)` \|", table, re.MULTILINE))


def test_the_readme_lists_every_variable_the_app_reads_and_no_other() -> None:
    read = {source.variable for source in ENVIRONMENT.values()} | {INSTANCE_VARIABLE}
    assert readme_variables() == read


def test_every_setting_the_code_reads_is_declared_with_a_default() -> None:
    read = set()
    for source in (ROOT / "quiz").rglob("*.py"):
        read |= set(re.findall(r'config\[\s*"([A-Z_]+)"\s*\]',
                               source.read_text(encoding="utf-8")))
    assert read, "the pattern finds the settings read"
    assert not {key for key in read if not hasattr(Config, key)}


def test_the_environment_sets_what_it_names(tmp_path: Path) -> None:
    values = settings({"DATABASE_URL": "postgres://u@db/quiz", "SESSION_COOKIE_SECURE": "1",
                       "NEWS_QUIZ_TIMEZONE": "America/Montreal", "NEWS_QUIZ_PROXIES": "2",
                       "SECRET_KEY": SECRET_KEY,
                       "NEWS_QUIZ_LOGIN_LIMIT_PER_ADDRESS": "5000 per hour",
                       "NEWS_QUIZ_LOGIN_LIMIT_PER_ACCOUNT": "20/minute",
                       "NEWS_QUIZ_REGISTER_LIMIT_PER_ADDRESS": "50 per 10 minutes"}, tmp_path)
    assert values["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db/quiz"
    assert values["SESSION_COOKIE_SECURE"] is values["REMEMBER_COOKIE_SECURE"] is True
    assert (values["BABEL_DEFAULT_TIMEZONE"], values["PROXIES"]) == ("America/Montreal", 2)
    assert values["SECRET_KEY"] == SECRET_KEY
    assert (values["LOGIN_LIMIT_PER_ADDRESS"], values["LOGIN_LIMIT_PER_ACCOUNT"],
            values["REGISTER_LIMIT_PER_ADDRESS"]) == ("5000 per hour", "20/minute",
                                                      "50 per 10 minutes")


@pytest.mark.parametrize("key", ["changeme", "x" * 40, "0123456789abcdef0123456789abcde",
                                 "the 64 hex digits from openssl rand -hex 32"])
def test_a_guessable_secret_key_is_refused_without_being_printed(tmp_path: Path, key: str) -> None:
    """The docs' placeholder pasted as it stands, a word, one character repeated, 31 hex
    digits: the app would sign logins anyone could forge. The message names the setting (or
    the instance file), not the key, which would land in the logs."""
    with pytest.raises(ConfigurationError, match="SECRET_KEY: the secret key is too guessable"
                       ) as refused:
        settings({"SECRET_KEY": key}, tmp_path)
    assert key not in str(refused.value) and "openssl rand -hex 32" in str(refused.value)
    (tmp_path / "secret_key").write_text("short\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="secret_key: the secret key is too guessable"):
        settings({}, tmp_path)


def test_without_the_environment_the_defaults_and_the_instance_folder(tmp_path: Path) -> None:
    (tmp_path / "secret_key").write_text(f"{SECRET_KEY}\n", encoding="utf-8")
    values = settings({}, tmp_path)
    assert values["SECRET_KEY"] == SECRET_KEY
    assert values["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'quiz.sqlite'}"
    assert (values["SESSION_COOKIE_SECURE"], values["PROXIES"]) == (False, 0)
    assert values["BOARD_MAX_AGE"] == Config.BOARD_MAX_AGE


@pytest.mark.parametrize(("variable", "value", "says"), [
    ("NEWS_QUIZ_PROXIES", "two", "NEWS_QUIZ_PROXIES='two': use a whole number, e.g. 1."),
    ("SESSION_COOKIE_SECURE", "yes", "SESSION_COOKIE_SECURE='yes': use 1 (on) or 0 (off)."),
    ("NEWS_QUIZ_LOGIN_LIMIT_PER_ADDRESS", "lots",
     "NEWS_QUIZ_LOGIN_LIMIT_PER_ADDRESS='lots': write a rate such as '1000 per hour' or "
     "'30/minute'."),
    ("NEWS_QUIZ_LOGIN_LIMIT_PER_ACCOUNT", "0 per hour",
     "NEWS_QUIZ_LOGIN_LIMIT_PER_ACCOUNT='0 per hour': a limit of 0 would refuse everybody: "
     "allow at least 1, e.g. '1000 per hour'."),
    # A wrong zone passed every check and broke the first page with a date (a 500).
    *[("NEWS_QUIZ_TIMEZONE", zone,
       f"NEWS_QUIZ_TIMEZONE='{zone}': not a time zone's name: use one such as Europe/Paris, "
       "Europe/Brussels or America/Montreal.")
      for zone in ("Mars/Olympus", "Paris", "UTC+1", "right/Europe/Paris")],
    # Known to the database, but no place's clocks: EST has no summer time in New York.
    *[("NEWS_QUIZ_TIMEZONE", zone,
       f"NEWS_QUIZ_TIMEZONE='{zone}': a fixed offset, not the clocks of a place (summer time "
       "would be wrong): use the zone of the school's city, such as Europe/Paris or "
       "America/New_York (or UTC).") for zone in ("EST", "MST", "Etc/GMT+5", "Etc/GMT-1")],
])
def test_a_bad_value_names_the_variable_and_what_to_write(
        tmp_path: Path, variable: str, value: str, says: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        settings({variable: value}, tmp_path)
    assert caught.value.message == says


def compiled_catalogue(tmp_path: Path) -> Path:
    """A copy of the French catalogue, compiled, in a translations folder of its own."""
    source = ROOT / "quiz" / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    folder = tmp_path / "translations" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with source.open("rb") as handle:
        catalogue = read_po(handle, locale="fr")
    (folder / "messages.po").write_bytes(source.read_bytes())
    with (folder / "messages.mo").open("wb") as handle:
        write_mo(handle, catalogue)
    return tmp_path / "translations"


def test_uncompiled_or_outdated_translations_stop_the_app(tmp_path: Path) -> None:
    """Without this, French pages would silently come out in English."""
    translations = compiled_catalogue(tmp_path)
    check_translations(translations)  # compiled and up to date: fine
    mo = translations / "fr" / "LC_MESSAGES" / "messages.mo"
    po_time = (translations / "fr" / "LC_MESSAGES" / "messages.po").stat().st_mtime
    os.utime(mo, (po_time - 60, po_time - 60))  # the source edited after the last compile
    with pytest.raises(ConfigurationError, match="'fr' interface's translations .* are older "
                                                 "than their source: run `.venv/bin/pybabel "
                                                 "compile -d "):
        check_translations(translations)
    mo.unlink()
    with pytest.raises(ConfigurationError, match="are not compiled"):
        create_app({"TESTING": True, "SECRET_KEY": "s",
                    "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'q.sqlite'}",
                    "BABEL_TRANSLATION_DIRECTORIES": str(translations)})


def test_the_job_queue_is_sqlite_unless_a_redis_url_is_given(tmp_path: Path) -> None:
    assert settings({}, tmp_path)["JOB_QUEUE_URL"] is None  # jobs.sqlite in the instance
    values = settings({"NEWS_QUIZ_JOB_QUEUE": "redis://:pw@10.0.0.5:6379/0",
                       "NEWS_QUIZ_JOB_QUEUE_NAME": "school-b"}, tmp_path)
    assert (values["JOB_QUEUE_URL"], values["JOB_QUEUE_NAME"]) == (
        "redis://:pw@10.0.0.5:6379/0", "school-b")
    with pytest.raises(ConfigurationError, match="NEWS_QUIZ_JOB_QUEUE='amqp://x': use "
                                                 "redis://host:port/db"):
        settings({"NEWS_QUIZ_JOB_QUEUE": "amqp://x"}, tmp_path)


@pytest.mark.parametrize("zone", ["America/New_York", "US/Eastern", "Europe/Brussels", "UTC",
                                  "Etc/UTC", "GB", "Japan", "CET", "EST5EDT"])
def test_a_places_time_zone_or_utc_is_taken(tmp_path: Path, zone: str) -> None:
    assert settings({"NEWS_QUIZ_TIMEZONE": zone}, tmp_path)["BABEL_DEFAULT_TIMEZONE"] == zone
