"""Registration, login, logout, and the `next` redirect."""

from __future__ import annotations

import base64
import re

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from quiz.auth.routes import is_safe_next
from quiz.config import Config
from quiz.extensions import db
from quiz.models import User
from tests.support import CHEAP_PASSWORD_HASH, PASSWORD, csrf_token


def test_register_stores_a_hashed_password_and_logs_in(client: FlaskClient, app: Flask,
                                                        auth) -> None:
    app.config["PASSWORD_HASH_METHOD"] = Config.PASSWORD_HASH_METHOD  # the app's own default
    response = auth.register()
    assert response.status_code == 302 and response.headers["Location"] == "/"
    html = client.get("/").get_data(as_text=True)
    assert "Welcome, Léa Martin!" in html
    # The header's link to the account says what it is to a screen reader, not only whose.
    assert 'Léa Martin<span class="visually-hidden"> (my account)</span></a>' in html
    with app.app_context():
        user = db.session.scalar(sa.select(User))
        assert user.username == "lea.m" and user.role == "student"
        assert user.password_hash.startswith("scrypt:")
        assert "un mot de passe" not in user.password_hash


def test_a_username_chosen_with_capitals_and_accents_is_read_as_the_login_reads_it(
        client: FlaskClient, app: Flask, auth) -> None:
    """« Léa.Martin » at registration is lea.martin (the login reads it so too): said at
    once, and she logs in typing it either way."""
    response = auth.register("Léa.Martin", "Léa Martin")
    assert response.status_code == 302
    assert ("Welcome, Léa Martin! Your username is lea.martin. Pick a quiz to start."
            in client.get("/").get_data(as_text=True))
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/").get_data(
        as_text=True))})
    auth.log_in("Léa.Martin", "un mot de passe")
    auth.log_in("lea.martin", "un mot de passe", client=app.test_client())


@pytest.mark.parametrize(("fields", "message"), [
    ({"username": "léa m"}, "Use letters, digits, dots, hyphens or underscores only (no "
                            "spaces)."),
    ({"username": "ab"}, "Field must be between 3 and 40 characters long."),
    ({"display_name": "  "}, "Enter the name your class will see."),
    ({"password": "court", "password2": "court"}, "Use at least 8 characters."),
    ({"password2": "autre chose"}, "The two passwords are not the same."),
])
def test_registration_errors_name_the_field(client: FlaskClient, app: Flask, fields: dict,
                                            message: str, auth) -> None:
    response = auth.register(**fields)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in html and 'aria-invalid="true"' in html
    assert '="None"' not in html
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == 0


def test_username_taken(client: FlaskClient, app: Flask, users, auth) -> None:
    users.make("lea.m")
    html = auth.register().get_data(as_text=True)
    assert "This username is taken: choose another one." in html


def test_wrong_password(client: FlaskClient, app: Flask, users) -> None:
    users.make("lea")
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"csrf_token": token, "username": "lea",
                                           "password": "wrong"})
    html = response.get_data(as_text=True)
    assert "Wrong username or password." in html
    # Told as any form's error: the title says it, the summary takes the focus, the field
    # is marked invalid.
    assert re.search(r"<title>Error: 1 [^<]*Log in", html), re.search(r"<title>.*</title>", html)
    assert 'id="error-summary" tabindex="-1" autofocus' in html
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*id="password"|'
                     r'<input[^>]*id="password"[^>]*aria-invalid="true"', html)
    assert client.get("/").status_code == 302


def test_login_is_case_insensitive_on_the_username(client: FlaskClient, app: Flask, users,
                                                    auth) -> None:
    users.make("lea")
    auth.log_in(" LEA ")
    assert client.get("/").status_code == 200


def test_a_username_typed_with_its_accents_logs_in(app: Flask, users, auth) -> None:
    """Usernames have no accents; the slip shows « Chloé Nguyen » beside chloe.nguyen, and
    she types what she reads."""
    users.make("chloe.nguyen", "Chloé Nguyen")
    chloe = app.test_client()
    auth.log_in("Chloé.Nguyen", client=chloe)
    assert chloe.get("/").status_code == 200
    # A class list writes « Олена Шевченко » olena.shevchenko: typed as her name is, it is hers.
    users.make("olena.shevchenko", "Олена Шевченко")
    olena = app.test_client()
    auth.log_in("Олена.Шевченко", client=olena)
    assert "Олена Шевченко" in olena.get("/").get_data(as_text=True)


@pytest.mark.parametrize("typed", ["Dubois-Jean-Baptiste", "dubois jean baptiste",
                                   " Dubois - Jean-Baptiste "])
def test_a_class_list_username_typed_as_the_name_reads_logs_in(app: Flask, users, auth,
                                                               typed: str) -> None:
    """A class list makes « Jean-Baptiste Dubois » dubois.jean.baptiste; he types the hyphens
    of his name, or spaces."""
    users.make("dubois.jean.baptiste", "Jean-Baptiste Dubois")
    his = app.test_client()
    assert _login(his, typed, PASSWORD).headers["Location"] == "/"
    assert "Jean-Baptiste Dubois" in his.get("/").get_data(as_text=True)


def test_a_username_with_hyphens_that_exists_is_its_own_account(app: Flask, users,
                                                                auth) -> None:
    """jean-baptiste chose his username at registration; jean.baptiste is another student:
    each logs in to their own account, and failing one's login does not lock the other's."""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "2 per hour"
    users.make("jean-baptiste", "Jean-Baptiste Roux")
    users.make("jean.baptiste", "Jean-Baptiste Petit")
    roux = app.test_client()
    auth.log_in("jean-baptiste", client=roux)
    assert "Jean-Baptiste Roux" in roux.get("/").get_data(as_text=True)
    # The other one's failed logins typed with spaces count for jean.baptiste, as typed with
    # dots: the limit is the account's, however its name is typed.
    stranger = app.test_client()
    token = csrf_token(stranger.get("/login").get_data(as_text=True))
    tries = [stranger.post("/login", data={"csrf_token": token, "username": name,
                                           "password": "wrong"}).status_code
             for name in ("jean baptiste", "Jean.Baptiste", "jean baptiste")]
    assert tries == [200, 200, 429]
    auth.log_in("jean-baptiste", client=app.test_client())


@pytest.mark.parametrize("typed", ["Eleve.X1", "eleve x1", "Élève-X1"])
def test_a_registered_hyphenated_username_typed_with_dots_logs_in(app: Flask, users, auth,
                                                                  typed: str) -> None:
    """She registered eleve-x1 and types « Eleve.X1 », as a class list would write it:
    registration refuses twins, so the dotted form names her account alone."""
    users.make("eleve-x1", "Élève X1")
    hers = app.test_client()
    assert _login(hers, typed, PASSWORD).headers["Location"] == "/"
    assert "Élève X1" in hers.get("/").get_data(as_text=True)


def test_twins_made_before_registration_refused_them_are_found_as_typed_only(
        app: Flask, users) -> None:
    """a-b.c and a.b-c (made before twins were refused): « a.b.c » names neither."""
    users.make("a-b.c", "Premier")
    users.make("a.b-c", "Second")
    assert _login(app.test_client(), "a.b.c", PASSWORD).status_code == 200  # refused
    assert _login(app.test_client(), "a.b-c", PASSWORD).headers["Location"] == "/"


def test_a_username_whose_dotted_twin_exists_is_taken(client: FlaskClient, app: Flask,
                                                      users, auth) -> None:
    """dubois.jean.baptiste (made by a class list) types his name as it reads,
    « Dubois-Jean-Baptiste »: a classmate cannot register that spelling and take his login;
    nor the reverse. « O’Brien » typed is o.brien, as the list makes it."""
    users.make("dubois.jean.baptiste", "Jean-Baptiste Dubois")
    users.make("tom-b", "Tom B.")
    for typed in ("Dubois-Jean-Baptiste", "tom.b"):
        html = auth.register(typed, "Un Autre", client=app.test_client()).get_data(as_text=True)
        assert "This username is taken: choose another one." in html, typed
    users.make("o.brien", "Tom O’Brien")
    assert _login(app.test_client(), "O’Brien", PASSWORD).headers["Location"] == "/"


@pytest.mark.parametrize("as_typed", [str.upper, lambda p: p.replace("-", ""),
                                      lambda p: p.replace("-", " ").upper()])
def test_a_temporary_password_typed_off_the_slip_logs_in(app: Flask, users, auth, runner,
                                                         as_typed) -> None:
    """The slip reads 'k7mp-q4xa-9tdr'; Zoé types it in capitals, or without its dashes."""
    users.make("zoe")
    result = runner.invoke(args=["quiz", "reset-password", "zoe"])
    temporary = re.search(r"[a-z2-9]+(?:-[a-z2-9]+)+", result.output.split(":")[-1]).group(0)
    hers = app.test_client()
    assert _login(hers, "zoe", as_typed(temporary)).status_code == 302
    assert "Choose your own password" in hers.get("/", follow_redirects=True).get_data(
        as_text=True)


def test_a_password_of_ones_own_is_not_read_as_a_temporary_one(app: Flask, users,
                                                              auth) -> None:
    """Only a temporary password is read in any case: Léa's own (which looks like one) must be
    typed as she chose it."""
    users.make("lea")
    with app.app_context():
        lea = db.session.scalar(sa.select(User).where(User.username == "lea"))
        lea.set_password("abcd-efgh-jkmn")
        db.session.commit()
    assert "Wrong username or password." in _login(
        app.test_client(), "lea", "ABCD-EFGH-JKMN").get_data(as_text=True)
    auth.log_in("lea", "abcd-efgh-jkmn", client=app.test_client())


def _login(client: FlaskClient, username: str, password: str) -> TestResponse:
    token = csrf_token(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"csrf_token": token, "username": username,
                                       "password": password})


@pytest.mark.parametrize("target", ["https://evil.example", "//evil.example", "////evil.example",
                                    "/\\evil.example", "javascript:alert(1)", "evil.example"])
def test_next_never_leaves_the_site(client: FlaskClient, app: Flask, target: str, users) -> None:
    users.make("lea")
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post("/login", query_string={"next": target},
                           data={"csrf_token": token, "username": "lea", "password": PASSWORD})
    assert response.headers["Location"] == "/"
    assert not is_safe_next(target)


def test_next_to_a_page_of_the_site_is_followed(client: FlaskClient, app: Flask, users) -> None:
    users.make("lea")
    assert client.get("/history").headers["Location"] == "/login?next=%2Fhistory"
    token = csrf_token(client.get("/login?next=/history").get_data(as_text=True))
    response = client.post("/login?next=/history",
                           data={"csrf_token": token, "username": "lea", "password": PASSWORD})
    assert response.headers["Location"] == "/history"


def test_a_teacher_lands_on_their_classes_and_a_student_on_their_quizzes(
        app: Flask, users) -> None:
    users.make("lea")
    users.make("prof", role="teacher")
    for username, home in (("lea", "/"), ("prof", "/teacher/")):
        client = app.test_client()
        token = csrf_token(client.get("/login").get_data(as_text=True))
        response = client.post("/login", data={"csrf_token": token, "username": username,
                                               "password": PASSWORD})
        assert response.headers["Location"] == home
        assert client.get("/login").headers["Location"] == home  # logged in already
        # ?next= still wins for both.
        assert client.get("/login?next=/history").headers["Location"] == "/history"


def test_logout_invalidates_a_replayed_cookie(app: Flask, users, auth) -> None:
    users.make("lea")
    client = app.test_client()
    auth.log_in("lea", client=client)
    stolen = client.get_cookie("session").value
    token = csrf_token(client.get("/").get_data(as_text=True))
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/").status_code == 302

    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert thief.get("/").status_code == 302


def test_logout_invalidates_a_replayed_remember_me_cookie(app: Flask, users) -> None:
    users.make("lea")
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"csrf_token": token, "username": "lea", "password": PASSWORD,
                                "remember": "y"})
    remembered = client.get_cookie("remember_token").value
    returning = app.test_client()  # a new browser session: only the remember-me cookie
    returning.set_cookie("remember_token", remembered)
    assert returning.get("/").status_code == 200
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/logout", data={"csrf_token": token})
    thief = app.test_client()
    thief.set_cookie("remember_token", remembered)
    assert thief.get("/").status_code == 302


def test_post_without_csrf_token_is_refused(client: FlaskClient, app: Flask, users) -> None:
    users.make("lea")
    response = client.post("/login", data={"username": "lea", "password": PASSWORD})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)


def test_security_headers_on_every_response(client: FlaskClient) -> None:
    for response in (client.get("/login"), client.get("/no-such-page")):
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        policy = dict(part.strip().split(" ", 1) for part in
                      response.headers["Content-Security-Policy"].split(";"))
        assert "'unsafe-inline'" not in policy["script-src"]
        assert policy["style-src"] == "'self'"  # no style="" attribute
        assert policy["style-src-elem"] == "'self' 'unsafe-inline'"  # a reader's style sheet
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.usefixtures("demo_quizzes")
def test_pages_are_not_kept_by_the_browser_but_static_files_are(client: FlaskClient,
                                                                student: int) -> None:
    """On a shared computer, the next student's back button must not show the last one's
    history or results from the browser's cache."""
    for path in ("/", "/history", "/login"):
        assert client.get(path, follow_redirects=True).headers["Cache-Control"] == "no-store"
    static = client.get("/static/css/app.css")
    static.close()
    assert "no-store" not in static.headers.get("Cache-Control", "")


def test_app_refuses_to_start_without_a_secret_key(monkeypatch, tmp_path) -> None:
    from quiz import ConfigurationError, create_app

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("NEWS_QUIZ_INSTANCE", str(tmp_path))
    with pytest.raises(ConfigurationError, match="SECRET_KEY is not set"):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})


@pytest.mark.parametrize("target", ["/\r\nX-Injected: 1", "/\x00x", "/\tx"])
def test_next_with_control_characters_is_refused(client: FlaskClient, app: Flask,
                                                 target: str, users) -> None:
    users.make("lea")
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post("/login", query_string={"next": target},
                           data={"csrf_token": token, "username": "lea", "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/"


@pytest.mark.parametrize("field", ["username", "display_name", "password"])
def test_a_nul_byte_in_a_field_is_a_form_error_not_a_crash(client: FlaskClient, app: Flask,
                                                           field: str, auth) -> None:
    fields = {field: "ab\x00cd1234"}
    if field == "password":
        fields["password2"] = fields["password"]
    response = auth.register(**fields)
    assert response.status_code == 200
    message = ("Remove the invisible or control characters from the name."
               if field == "display_name"  # the display-name rules (test_accounts.py)
               else "Remove the invisible control characters from this field.")
    assert message in response.get_data(as_text=True)
    token = csrf_token(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"csrf_token": token, "username": "a\x00b",
                                           "password": "x"})
    assert response.status_code == 200


def test_successful_logins_do_not_count_towards_the_account_limit(app: Flask, users, auth) -> None:
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "3 per hour"
    users.make("lea")
    for _ in range(5):
        client = app.test_client()
        auth.log_in("lea", client=client)


def test_an_unknown_username_costs_a_password_check_too(client, users, monkeypatch) -> None:
    """Failing for an unknown user takes the same work as for a real one: timing tells no
    username that exists."""
    from quiz import models
    from quiz.auth import routes as auth_routes

    users.make("lea")
    checked: list[str] = []
    for module in (models, auth_routes):
        real = module.check_password_hash
        monkeypatch.setattr(module, "check_password_hash",
                            lambda hashed, password, real=real: checked.append(hashed[:6])
                            or real(hashed, password))
    for username in ("lea", "nobody"):
        token = csrf_token(client.get("/login").get_data(as_text=True))
        response = client.post("/login", data={"csrf_token": token, "username": username,
                                               "password": "wrong"})
        assert response.status_code == 200
    # The same method for both (the tests' cheap one here: the default is the registration's).
    assert len(checked) == 2 and checked[0] == checked[1] == CHEAP_PASSWORD_HASH[:6]


def test_the_password_rule_is_shown_before_any_failure(client: FlaskClient, users,
                                                        auth) -> None:
    """WCAG 3.3.2: the 8-character rule is read with the field, not only after a refusal."""
    rule = ('<p class="hint" id="password-hint">At least 8 characters, not a run like 12345678, '
            'a common word or your name.</p>')
    html = client.get("/register").get_data(as_text=True)
    assert rule in html
    assert 'aria-describedby="password-hint"' in html
    # And the name's length, read before a 60-letter name is refused (a walkthrough's).
    assert ('<p class="hint" id="display_name-hint">Shown to your teacher and on leaderboards, '
            'e.g. “Sam T.”: 2 to 40 characters.</p>') in html
    users.make("lea")
    auth.log_in("lea")
    html = client.get("/account").get_data(as_text=True)
    assert rule in html


@pytest.mark.parametrize("password", ["12345678", "password", "Motdepasse2026!", "azertyuiop",
                                      "aaaaaaaa", "lea.martin1", "87654321", "Lea_Martin",
                                      "12341234", "123456789a", "leamartinleamartin",
                                      # A part of the name and a year, digits first or not.
                                      "Martin2013", "Léa2026!", "2013martin", "lea.2013b"])
def test_a_password_an_attacker_tries_first_is_refused(client: FlaskClient, auth,
                                                       password: str) -> None:
    """A run, a common word with digits after it, one letter repeated, the username: refused
    at registration with why, and no account is made."""
    response = auth.register("lea.martin", "Léa Martin", password=password, password2=password)
    assert response.status_code == 200
    assert ("This password is among the first an attacker tries (a run like 12345678, a "
            "common word, your name)") in response.get_data(as_text=True)
    assert client.get("/").status_code == 302  # not logged in: no account


@pytest.mark.parametrize("password", ["vélo rouge du matin", "Léa aime les fraises"])
def test_a_password_of_a_few_words_is_taken(client: FlaskClient, auth, password: str) -> None:
    response = auth.register("lea.martin", "Léa Martin", password=password, password2=password)
    assert response.status_code == 302


@pytest.mark.parametrize(("username", "name", "password", "refused"), [
    ("ines.b", "Inès-Clémentine B.", "clementine", True),
    ("ines.b", "Inès-Clémentine B.", "Clementine2013", True),
    ("ines.b", "Inès-Clémentine B.", "ines2026", True),
    # Names in other scripts, as anyascii writes them (a capital a syllable): ZhangWei.
    ("zhang.wei", "张伟", "zhangwei2010", True),
    ("zhang.wei", "张伟", "hangman42", False),
    ("minjun.kim", "김민준", "minjun2012", True),
    ("sam2010", "Sam", "sam2011", True),
])
def test_a_first_name_and_a_year_is_refused(client: FlaskClient, auth, username: str,
                                            name: str, password: str, refused: bool) -> None:
    """Inès-Clémentine B. (ines.b): her first names, with a year or not (the hint says not
    your name; only the whole name, run together, was refused)."""
    response = auth.register(username, name, password=password, password2=password)
    assert ("among the first an attacker tries" in response.get_data(as_text=True)) is refused


def test_the_account_page_logs_out_a_computer_left_logged_in_elsewhere(
        app: Flask, users, auth) -> None:
    """Léa left the school computer logged in: from her phone's account page, one button logs
    her out there too (any logout does; the page says so)."""
    users.make("lea")
    school, phone = app.test_client(), app.test_client()
    for device in (school, phone):
        auth.log_in("lea", client=device)
    account = phone.get("/account").get_data(as_text=True)
    section = account.split('id="devices-section"')[1]
    assert "logs your account out on every device" in section
    assert '<form method="post" action="/logout">' in section
    assert 'id="logout-everywhere">Log out on every device</button>' in section
    response = phone.post("/logout", data={"csrf_token": csrf_token(account)})
    assert "You are logged out, on every device." in phone.get(
        response.headers["Location"]).get_data(as_text=True)
    assert school.get("/").status_code == 302  # the school computer: back to the login page


def test_a_first_visit_opens_the_login_page_without_a_reproach(client: FlaskClient) -> None:
    """The address of the site is its front door: no "Please log in to access this page."
    (a page further in still says it, and comes back after the login)."""
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert "Please log in" not in client.get("/login").get_data(as_text=True)
    deeper = client.get("/history")
    assert deeper.headers["Location"] == "/login?next=%2Fhistory"
    assert "Please log in to access this page." in client.get(deeper.headers["Location"]) \
        .get_data(as_text=True)


def test_failing_on_purpose_locks_an_account_everywhere_but_its_owners_browser(
        app: Flask, users, auth) -> None:
    """Someone who knows Léa's username fails until her account's limit: every other browser
    is refused, but hers, where she logged in before (the signed « device » cookie), still
    logs in — counted apart, with the same limit. A cookie of another account does not
    help."""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "3 per hour"
    users.make("lea")
    users.make("tom")
    hers, other = app.test_client(), app.test_client()
    auth.log_in("lea", client=hers)
    hers.post("/logout", data={"csrf_token": csrf_token(hers.get("/").get_data(as_text=True))})
    auth.log_in("tom", client=other)  # a shared computer: Tom's cookie, not Léa's
    other.post("/logout", data={"csrf_token": csrf_token(other.get("/").get_data(as_text=True))})
    attacker = app.test_client()
    token = csrf_token(attacker.get("/login").get_data(as_text=True))
    tries = [attacker.post("/login", data={"csrf_token": token, "username": "lea",
                                           "password": f"guess{n}"}).status_code
             for n in range(4)]
    assert tries == [200, 200, 200, 429]

    def right(client: FlaskClient) -> int:
        page = client.get("/login").get_data(as_text=True)
        return client.post("/login", data={"csrf_token": csrf_token(page), "username": "lea",
                                           "password": PASSWORD}).status_code

    assert right(app.test_client()) == 429
    assert right(other) == 429
    assert right(hers) == 302
    forged = app.test_client()
    forged.set_cookie("device", hers.get_cookie("device").value + "x")
    assert right(forged) == 429
    # The cookie is signed, not hidden (base64): the account is in it as a keyed hash, so
    # that the next user of a shared computer cannot read whose browser it was.
    payload = hers.get_cookie("device").value.split(".")[0]
    decoded = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    assert b"lea" not in decoded


def test_a_new_password_opens_the_owners_browser_too_and_ends_its_cookie(
        app: Flask, users, auth, runner) -> None:
    """Léa forgot her password and failed on her own phone up to the limit: the temporary
    password an administrator gives opens it there too (her phone's counter is her old
    password's, worthless now), as everywhere."""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "3 per hour"
    users.make("lea")
    phone = app.test_client()
    auth.log_in("lea", client=phone)
    phone.post("/logout", data={"csrf_token": csrf_token(phone.get("/").get_data(as_text=True))})
    token = csrf_token(phone.get("/login").get_data(as_text=True))
    tries = [phone.post("/login", data={"csrf_token": token, "username": "lea",
                                        "password": f"oubli{n}"}).status_code for n in range(4)]
    assert tries == [200, 200, 200, 429]
    result = runner.invoke(args=["quiz", "reset-password", "lea"])
    assert result.exit_code == 0, result.output
    temporary = re.search(r"[a-z2-9]+(?:-[a-z2-9]+)+", result.output.split(":")[-1]).group(0)
    assert phone.post("/login", data={"csrf_token": token, "username": "lea",
                                      "password": temporary}).status_code == 302


def test_a_browser_stays_known_after_its_owner_changes_the_password(
        app: Flask, users, auth, runner) -> None:
    """Zoé's account was made with a temporary password: she logs in with it on her browser
    and chooses her own (the forced change), logs out; someone then fails her login up to the
    limit: her browser still logs her in (its cookie was made anew with her password). So does
    a student who registered, on the browser they registered on."""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "3 per hour"
    users.make("zoe")
    result = runner.invoke(args=["quiz", "reset-password", "zoe"])
    temporary = re.search(r"[a-z2-9]+(?:-[a-z2-9]+)+", result.output.split(":")[-1]).group(0)
    hers = app.test_client()
    auth.log_in("zoe", temporary, client=hers)
    page = hers.get("/account/password").get_data(as_text=True)
    assert hers.post("/account/password", data={
        "csrf_token": csrf_token(page), "password": "mon secret à moi",
        "password2": "mon secret à moi"}).status_code == 302
    newcomer = app.test_client()
    auth.register("max", "Max", client=newcomer)
    for client in (hers, newcomer):
        client.post("/logout", data={"csrf_token": csrf_token(
            client.get("/").get_data(as_text=True))})
    attacker = app.test_client()
    token = csrf_token(attacker.get("/login").get_data(as_text=True))
    for username in ("zoe", "max"):
        tries = [attacker.post("/login", data={"csrf_token": token, "username": username,
                                               "password": f"x{n}"}).status_code
                 for n in range(4)]
        assert tries[-1] == 429
    for client, username, password in ((hers, "zoe", "mon secret à moi"),
                                        (newcomer, "max", "un mot de passe")):
        page = client.get("/login").get_data(as_text=True)
        assert client.post("/login", data={"csrf_token": csrf_token(page),
                                           "username": username, "password": password}
                           ).status_code == 302, username
