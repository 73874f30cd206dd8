"""Login rate limits: by account and by address, counted in the database across workers."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from flask import Flask

from quiz import create_app
from quiz.extensions import db
from quiz.ratelimit import DatabaseStorage
from tests.support import PASSWORD, csrf_token


def test_bad_passwords_on_one_account_while_classmates_log_in_from_the_same_address(
        app: Flask, users) -> None:
    """A guesser meets the account's limit; the rest of the class, on the same address, logs
    in. (The limit is lowered from the default 100 per hour: the same rule, fewer password
    checks to wait for.)"""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "10 per hour"
    users.make("lea")
    classmates = [f"eleve{n}" for n in range(8)]
    for name in classmates:
        users.make(name)
    attacker = app.test_client()
    token = csrf_token(attacker.get("/login").get_data(as_text=True))
    statuses = Counter(
        attacker.post("/login", data={"csrf_token": token, "username": "lea",
                                      "password": f"guess{n}"}).status_code
        for n in range(15))
    assert statuses == Counter({200: 10, 429: 5})
    refused = attacker.post("/login", data={"csrf_token": token, "username": " LEA ",
                                            "password": PASSWORD})
    assert refused.status_code == 429, "even the right password waits: the account is limited"
    assert "Too many attempts in a short time" in refused.get_data(as_text=True)

    for name in classmates:  # same address (127.0.0.1), other accounts
        client = app.test_client()
        token = csrf_token(client.get("/login").get_data(as_text=True))
        response = client.post("/login", data={"csrf_token": token, "username": name,
                                               "password": PASSWORD})
        assert response.status_code == 302, name


def test_address_limit(app: Flask, users) -> None:
    """The address's limit counts failed password checks: forms sent without a password (no
    password checked: a thousand of them locked a whole school's address out) and logins
    that succeed do not count; five wrong passwords do, and the sixth try waits."""
    app.config["LOGIN_LIMIT_PER_ADDRESS"] = "5 per hour"
    users.make("lea")
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    empty = [client.post("/login", data={"csrf_token": token, "username": "lea",
                                         "password": ""}).status_code for _ in range(20)]
    assert empty == [200] * 20
    for _ in range(3):  # classmates on the same address, logging in and out
        pupil = app.test_client()
        pupil_token = csrf_token(pupil.get("/login").get_data(as_text=True))
        assert pupil.post("/login", data={"csrf_token": pupil_token, "username": "lea",
                                          "password": PASSWORD}).status_code == 302
    statuses = [client.post("/login", data={"csrf_token": token, "username": f"user{n}",
                                            "password": "x"}).status_code for n in range(7)]
    assert statuses == [200] * 5 + [429] * 2


def test_register_limit_counts_accounts_made(app: Flask) -> None:
    """Forms refused (nothing made) do not count against the address's registrations."""
    app.config["REGISTER_LIMIT_PER_ADDRESS"] = "2 per hour"
    client = app.test_client()
    token = csrf_token(client.get("/register").get_data(as_text=True))
    refused = [client.post("/register", data={"csrf_token": token}).status_code
               for _ in range(10)]
    assert refused == [200] * 10
    made = []
    for n in range(3):
        pupil = app.test_client()
        pupil_token = csrf_token(pupil.get("/register").get_data(as_text=True))
        made.append(pupil.post("/register", data={
            "csrf_token": pupil_token, "display_name": f"Élève {n}", "username": f"eleve{n}",
            "password": PASSWORD, "password2": PASSWORD}).status_code)
    assert made == [302, 302, 429]


def test_a_school_sets_its_address_limit_in_the_environment(tmp_path: Path,
                                                          monkeypatch) -> None:
    """A school behind one public address raises the limit without touching the code."""
    monkeypatch.setenv("NEWS_QUIZ_LOGIN_LIMIT_PER_ADDRESS", "3 per hour")
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'limits.sqlite'}"})
    with app.app_context():
        db.create_all()
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    statuses = [client.post("/login", data={"csrf_token": token, "username": f"user{n}",
                                            "password": "x"}).status_code for n in range(4)]
    assert statuses == [200, 200, 200, 429]
    with app.app_context():
        db.engine.dispose()


def test_database_storage_counts_windows(app: Flask, monkeypatch) -> None:
    storage = DatabaseStorage("news-quiz-db://")
    clock = [1000.0]
    monkeypatch.setattr("quiz.ratelimit.time.time", lambda: clock[0])
    with app.app_context():
        assert storage.check()
        assert [storage.incr("k", 60) for _ in range(3)] == [1, 2, 3]
        assert storage.get("k") == 3 and storage.get_expiry("k") == 1060.0
        clock[0] = 1061.0  # the window is over: counting starts again
        assert storage.get("k") == 0
        assert storage.incr("k", 60, amount=2) == 2 and storage.get_expiry("k") == 1121.0
        storage.clear("k")
        assert storage.get("k") == 0
        storage.incr("a", 60)
        assert storage.reset() == 1


def test_a_new_password_opens_an_account_locked_by_failed_logins(app: Flask, users,
                                                                  runner) -> None:
    """A student locked out by guesses (or by their own forgotten password): the password an
    administrator sets (quiz reset-password) logs in at once — it was still refused for up to
    an hour. Another account's lock is not touched."""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "3 per hour"
    users.make("lea")
    users.make("tom")
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))

    def log_in(name: str, password: str) -> int:
        return client.post("/login", data={"csrf_token": token, "username": name,
                                           "password": password}).status_code

    for name in ("lea", "tom"):
        assert [log_in(name, f"guess{n}") for n in range(4)] == [200, 200, 200, 429]
    result = runner.invoke(args=["quiz", "reset-password", "lea", "--password", "new-secret-9"])
    assert result.exit_code == 0, result.output
    assert log_in("tom", PASSWORD) == 429
    assert log_in("lea", "new-secret-9") == 302
