"""Accounts a school can run (issue 17): display names everyone can read and tell apart, a
student's own name and password, a teacher's reset of a forgotten password, the command line's
reset, and login cookies that end on the server."""

from __future__ import annotations

import re
import time

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

import quiz.auth.routes as auth_routes
from quiz.database import write_transaction
from quiz.extensions import db
from quiz.models import Classroom, Membership, User
from quiz.services.accounts import AccountError, clean_display_name, name_key, rename
from quiz.services.classes import ClassError, create_class, join_class
from tests.support import PASSWORD, csrf_token


@pytest.mark.parametrize(("one", "other", "same"), [
    ("Léa Martin", "lea  MARTIN", True),
    ("Łukasz Nowak", "Lukasz Nowak", True),  # a stroke, not an accent: the same to a reader
    ("Æsa", "Aesa", True),
    ("Øyvind", "Oyvind", True),
    ("Straße", "Strasse", True),
    ("Le\u0301a", "Lea", True),
    ("Андрей", "Андреи", False),  # й and и: two letters of Ukrainian and Russian
    ("がく", "かく", False),  # ga and ka
    ("Léa Martin", "Léo Martin", False),
    ("Carol S.", "Carol S", True),  # punctuation aside: a guest cannot pass for Carol S.
    ("Anne-Sophie", "Anne Sophie", True),
    ("Tom O’Brien", "Tom O Brien", True),
    ("Jean-Luc", "Jean Lu", False),
    # The Persian half-space reads as a space (the letters apart), not as the joined name.
    ("علی\u200cرضا", "علی رضا", True),
    ("علی\u200cرضا", "علیرضا", False),
    ("علي", "علی", True),  # the Arabic and the Persian yeh: one letter to a reader
    ("عـلی", "علی", True),  # a letter stretched (tatweel)
])
def test_names_are_the_same_as_a_reader_reads_them(one: str, other: str, same: bool) -> None:
    """Two names one key: one of them is refused beside the other in a class (a board)."""
    assert (name_key(one) == name_key(other)) is same


@pytest.mark.parametrize(("raw", "stored"), [
    ("  Léa   M. ", "Léa M."),
    ("Ｌéa", "Léa"),  # full-width letters: NFKC
    ("Le\u0301a", "Léa"),  # e + combining acute: one letter
    ("山田さくら", "山田さくら"),  # Han and Hiragana together: Japanese
    ("Ahmed Ben Saïd", "Ahmed Ben Saïd"),
    ("Ελένη", "Ελένη"),
    ("Noé 2", "Noé 2"),
    # Marks on letters, and an emoji's own variation selector, are seen: kept.
    ("Nguyễn Văn An", "Nguyễn Văn An"),
    ("अनिल कुमार", "अनिल कुमार"),
    ("Zoé ⭐\ufe0f", "Zoé ⭐\ufe0f"),
    ("Noé 1\ufe0f\u20e3", "Noé 1\ufe0f\u20e3"),  # a keycap: the digit, its selector, the key
    ("葛\U000e0100城", "葛\U000e0100城"),  # a Japanese family name's variant of 葛
    # A joiner that shapes two letters of its script: Persian writes Alireza with a
    # zero-width non-joiner (without it the two names join); Devanagari's क्‍ष with a joiner.
    ("علی\u200cرضا احمدی", "علی\u200cرضا احمدی"),
    ("क्\u200dष", "क्\u200dष"),
])
def test_display_names_are_stored_normalised(raw: str, stored: str) -> None:
    assert clean_display_name(raw) == stored


@pytest.mark.parametrize(("raw", "why"), [
    ("\u202eMOT", "invisible or control"),  # right-to-left override: shows as "TOM"
    ("Tom\u200b", "invisible or control"),  # zero-width space
    ("\u200b\u200b\u200b", "invisible or control"),
    ("Lé\x00a", "invisible or control"),
    ("\u3164\u3164\u3164", "invisible or control"),  # Hangul fillers: a blank row
    ("-- --", "at least one letter or digit"),
    ("A", "2 to 40"),
    ("x" * 41, "at most 40 characters for the name (this one has 41)"),
    ("Тom", "one alphabet"),  # a Cyrillic Т before Latin letters: looks like "Tom"
    # Characters that show nothing without being control or format ones: each made a second
    # « Léa Martin » on a board, a projector and a live quiz's standings.
    ("Léa Martin \u034f", "invisible or control"),  # combining grapheme joiner
    ("Léa Martin\u034f", "invisible or control"),
    ("Léa Martin \u2800", "invisible or control"),  # blank Braille cell
    ("Hugo Bernard \u17b4", "invisible or control"),  # a Khmer vowel that shows nothing
    ("Léa Martin\u3164", "invisible or control"),  # a Hangul filler after a name
    ("Léa Martin\ufe00", "invisible or control"),  # a variation selector on a letter
    ("Léa \u0301Martin", "invisible or control"),  # an accent on no letter
    # A joiner where it shapes nothing: between Latin letters, at an end, doubled.
    ("To\u200cm", "invisible or control"),
    ("Tom\u200d", "invisible or control"),
    ("王\u200c明", "invisible or control"),  # Chinese joins no letters: it shows nothing
    ("\u200cعلی", "invisible or control"),
    ("علی\u200c\u200cرضا", "invisible or control"),
])
def test_display_names_that_hide_or_imitate_are_refused(raw: str, why: str) -> None:
    with pytest.raises(AccountError) as refused:
        clean_display_name(raw)
    assert why in str(refused.value)


@pytest.fixture
def school(app: Flask, users, teacher: FlaskClient) -> dict[str, int]:
    """Mme Martin's 4e B with Léa M. and Tom; M. Autre's 3e A with Tom. Mme Martin (prof) is
    logged in with the `teacher` client."""
    with app.app_context():
        prof = db.session.scalar(sa.select(User.id).where(User.username == "prof"))
    ids = {"prof": prof, "autre": users.make("autre", "M. Autre", role="teacher"),
           "lea": users.make("lea", "Léa M."), "tom": users.make("tom", "Tom"),
           "noe": users.make("noe", "Noé")}
    with app.app_context():
        mine = create_class(db.session.get_one(User, ids["prof"]), "4e B", "2026-2027")
        other = create_class(db.session.get_one(User, ids["autre"]), "3e A", "2026-2027")
        for name in ("lea", "tom"):
            join_class(db.session.get_one(User, ids[name]), mine.join_code)
        join_class(db.session.get_one(User, ids["tom"]), other.join_code)
        ids.update(mine=mine.id, other=other.id)
    return ids


def code_of(class_id: int) -> str:
    return db.session.get_one(Classroom, class_id).join_code


def test_a_name_taken_in_a_class_in_any_case_is_refused_there_only(
        app: Flask, school: dict[str, int], users) -> None:
    with app.app_context():
        twin = db.session.get_one(User, users.make("twin", "LÉA  m."))
        with pytest.raises(ClassError) as refused:
            join_class(twin, code_of(school["mine"]))
        assert refused.value.name_taken and "already has the name LÉA" in str(refused.value)
        join_class(twin, code_of(school["other"]))  # no Léa there
        # The teacher's own name cannot be taken by a student of the class.
        impostor = db.session.get_one(User, users.make("impostor", "Mme MARTIN"))
        with pytest.raises(ClassError):
            join_class(impostor, code_of(school["mine"]))
        # Renaming: free in each of the student's classes.
        tom = db.session.get_one(User, school["tom"])
        with pytest.raises(AccountError) as taken:
            rename(tom, "léa m.")
        assert "4e B" in str(taken.value)
        # Nor with an accent dropped: « Lea M. » reads as Léa on a board.
        with pytest.raises(AccountError):
            rename(tom, "Lea M.")
        with pytest.raises(AccountError):
            rename(tom, "m. autre")  # the teacher of his other class
        assert rename(tom, "Tom B.") == "Tom B."
        assert db.session.get_one(User, school["tom"]).display_name == "Tom B."


def test_joining_with_a_taken_name_asks_for_another_then_joins(
        app: Flask, school: dict[str, int], users, auth, client: FlaskClient) -> None:
    users.make("lea2", "Léa M.")
    auth.log_in("lea2")
    with app.app_context():
        code = code_of(school["mine"])
    page = client.get("/classes/join").get_data(as_text=True)
    assert 'name="display_name"' not in page
    response = client.post("/classes/join", data={"csrf_token": csrf_token(page),
                                                  "code": code})
    html = response.get_data(as_text=True)
    assert "Someone in this class already has the name Léa M." in html
    assert 'name="display_name"' in html
    response = client.post("/classes/join", data={"csrf_token": csrf_token(html),
                                                  "code": code, "display_name": "Léa R."})
    assert response.status_code == 302
    with app.app_context():
        lea2 = db.session.scalar(sa.select(User).where(User.username == "lea2"))
        assert lea2.display_name == "Léa R."
        assert db.session.scalar(sa.select(Membership.id).where(
            Membership.user_id == lea2.id, Membership.classroom_id == school["mine"]))


def test_registering_with_a_class_code_and_a_taken_name_creates_nothing(
        app: Flask, school: dict[str, int], auth) -> None:
    with app.app_context():
        code = code_of(school["mine"])
        before = db.session.scalar(sa.select(sa.func.count(User.id)))
    response = auth.register("lea.b", "léa m.", join_code=code)
    assert response.status_code == 200
    assert "Someone in this class already has this name" in response.get_data(as_text=True)
    refused = auth.register("rlo", "\u202eMOT")
    assert "Remove the invisible or control characters from the name." in refused.get_data(
        as_text=True)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count(User.id))) == before
    assert auth.register("lea.b", "Léa B.", join_code=code).status_code == 302


def test_a_student_renames_themself_on_the_account_page(
        app: Flask, school: dict[str, int], auth, client: FlaskClient) -> None:
    auth.log_in("tom")
    page = client.get("/account").get_data(as_text=True)
    assert 'value="Tom"' in page and "Username: tom" in page
    refused = client.post("/account/name", data={"csrf_token": csrf_token(page),
                                                 "display_name": "LÉA M."})
    assert refused.status_code == 422
    assert "Someone in the class 4e B already has this name" in refused.get_data(as_text=True)
    done = client.post("/account/name", data={"csrf_token": csrf_token(page),
                                              "display_name": "  Tom   Bernard "},
                       follow_redirects=True)
    assert "Your display name is now: Tom Bernard<" in done.get_data(as_text=True)
    with app.app_context():
        assert db.session.get_one(User, school["tom"]).display_name == "Tom Bernard"


def test_the_account_page_speaks_to_a_teacher_as_a_teacher(
        app: Flask, school: dict[str, int], auth, client: FlaskClient,
        teacher: FlaskClient) -> None:
    """A teacher's page: no "your teacher" and no "shown to the teacher"; "Display name"
    once (the field), under a heading of its own; a student's page keeps its own texts."""
    auth.log_in("tom")
    for language, texts, student_texts, label in (
            ("en", ("The site's administrator can give you a temporary one.",
                    "Shown to the other teachers beside the quiz versions you save"),
             ("Your teacher can give you a temporary one.", "Shown to the teacher"),
             "Display name"),
            ("fr", ("L’administrateur du site peut vous en donner un provisoire.",
                    "Affiché aux autres enseignants à côté des versions de quiz que vous "
                    "enregistrez"),
             ("Votre enseignant peut vous en donner un provisoire.", "Affiché à l’enseignant"),
             "Nom affiché")):
        headers = {"Accept-Language": language}
        page = teacher.get("/account", headers=headers).text
        assert all(text in page for text in texts)
        assert not any(text in page for text in student_texts)
        assert page.count(label) == 1
        mine = client.get("/account", headers=headers).text
        assert all(text in mine for text in student_texts)
        assert not any(text in mine for text in texts)
        assert mine.count(label) == 1
    refused = teacher.post("/account/name", data={
        "csrf_token": csrf_token(teacher.get("/account").text), "display_name": ""})
    assert refused.status_code == 422 and "Enter your name." in refused.text
    assert "Shown to the other teachers" in refused.text


def test_changing_ones_password_logs_out_the_other_devices_only(
        app: Flask, school: dict[str, int], auth, client: FlaskClient) -> None:
    auth.log_in("lea")
    phone = app.test_client()
    auth.log_in("lea", client=phone)
    page = client.get("/account").get_data(as_text=True)
    wrong = client.post("/account/password", data={
        "csrf_token": csrf_token(page), "current": "pas le bon", "password": "nouveau secret",
        "password2": "nouveau secret"})
    assert wrong.status_code == 422
    assert "This is not your current password." in wrong.get_data(as_text=True)
    assert phone.get("/").status_code == 200
    done = client.post("/account/password", data={
        "csrf_token": csrf_token(page), "current": PASSWORD, "password": "nouveau secret",
        "password2": "nouveau secret"})
    assert done.status_code == 302
    assert client.get("/").status_code == 200  # this browser stays logged in
    assert phone.get("/").headers["Location"].startswith("/login")
    auth.log_in("lea", "nouveau secret", client=phone)


def test_a_teacher_gives_a_temporary_password_to_a_student_who_forgot_theirs(
        app: Flask, school: dict[str, int], teacher: FlaskClient, auth,
        client: FlaskClient) -> None:
    auth.log_in("lea")
    student_page = f"/teacher/classes/{school['mine']}/students/{school['lea']}"
    page = teacher.get(student_page).get_data(as_text=True)
    assert "<title>Léa M. · 4e B" in page and page.count("Give a temporary password") == 1
    # One more step before her sessions end: what it does, then the button that does it.
    step = page.split('id="reset-step"')[1].split("</details>")[0]
    assert "they are logged out everywhere, in the middle of a quiz too" in step
    assert 'action="/teacher/classes/' in step and ">Replace their password</button>" in step
    shown = teacher.post(f"/teacher/classes/{school['mine']}/members/{school['lea']}/password",
                         data={"csrf_token": csrf_token(page)})
    assert shown.status_code == 200 and shown.headers["Cache-Control"] == "no-store"
    temporary = re.search(r'id="temporary-password">([a-z2-9-]+)<',
                          shown.get_data(as_text=True)).group(1)
    assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", temporary)
    assert client.get("/").headers["Location"].startswith("/login")  # her session ended
    token = csrf_token(client.get("/login").get_data(as_text=True))
    old = client.post("/login", data={"csrf_token": token, "username": "lea",
                                      "password": PASSWORD})
    assert "Wrong username or password." in old.get_data(as_text=True)
    auth.log_in("lea", temporary)
    # Anywhere she goes: first her own password, then where she was going.
    assert client.get("/").headers["Location"] == "/account/password"
    for path in ("/history", f"/classes/{school['mine']}/board", "/account"):
        assert client.get(path).headers["Location"] == f"/account/password?next={path}", path
    form = client.get("/account/password?next=%2Fhistory").get_data(as_text=True)
    assert 'action="/account/password?next=/history"' in form
    assert "Choose your password" in form and 'name="current"' not in form
    same = client.post("/account/password", data={"csrf_token": csrf_token(form),
                                                   "password": temporary,
                                                   "password2": temporary})
    assert same.status_code == 422 and "not the temporary one" in same.get_data(as_text=True)
    chosen = client.post("/account/password?next=%2Fhistory", data={
        "csrf_token": csrf_token(form), "password": "mon secret à moi",
        "password2": "mon secret à moi"})
    assert chosen.headers["Location"] == "/history"  # back where she was going
    assert client.get("/history").status_code == 200
    with app.app_context():
        lea = db.session.get_one(User, school["lea"])
        assert lea.check_password("mon secret à moi") and not lea.check_password(temporary)
        assert not lea.must_change_password


def test_after_a_new_password_a_next_leaving_the_site_goes_home(
        school: dict[str, int], teacher: FlaskClient, auth, client: FlaskClient) -> None:
    page = teacher.get(f"/teacher/classes/{school['mine']}/students/{school['lea']}")
    shown = teacher.post(f"/teacher/classes/{school['mine']}/members/{school['lea']}/password",
                         data={"csrf_token": csrf_token(page.get_data(as_text=True))})
    temporary = re.search(r'id="temporary-password">([a-z2-9-]+)<',
                          shown.get_data(as_text=True)).group(1)
    auth.log_in("lea", temporary)
    form = client.get("/account/password").get_data(as_text=True)
    chosen = client.post("/account/password?next=//evil.example/", data={
        "csrf_token": csrf_token(form), "password": "mon secret à moi",
        "password2": "mon secret à moi"})
    assert chosen.headers["Location"] == "/"


def test_a_teacher_renames_a_student_of_their_class_but_not_of_another(
        app: Flask, school: dict[str, int], teacher: FlaskClient) -> None:
    page = teacher.get(f"/teacher/classes/{school['mine']}/students/{school['tom']}")
    token = csrf_token(page.get_data(as_text=True))
    url = f"/teacher/classes/{school['mine']}/members/{school['tom']}/name"
    taken = teacher.post(url, data={"csrf_token": token, "display_name": "Léa m."})
    assert taken.status_code == 422 and "already has this name" in taken.get_data(as_text=True)
    done = teacher.post(url, data={"csrf_token": token, "display_name": "Tom B."})
    assert done.status_code == 302
    # Noé is in no class of Mme Martin's; M. Autre's class is not hers.
    for other in (f"/teacher/classes/{school['mine']}/members/{school['noe']}/name",
                  f"/teacher/classes/{school['other']}/members/{school['tom']}/name",
                  f"/teacher/classes/{school['other']}/members/{school['tom']}/password"):
        assert teacher.post(other, data={"csrf_token": token,
                                         "display_name": "Piraté"}).status_code == 404
    with app.app_context():
        assert db.session.get_one(User, school["tom"]).display_name == "Tom B."
        assert db.session.get_one(User, school["noe"]).display_name == "Noé"


def test_a_teacher_who_joined_a_class_is_never_reset_by_its_teacher(
        app: Flask, school: dict[str, int], teacher: FlaskClient) -> None:
    with app.app_context():
        autre = db.session.get_one(User, school["autre"])
        with write_transaction():  # a teacher as a member (an old join, before L1's fix)
            db.session.add(Membership(classroom_id=school["mine"], user_id=autre.id))
    page = teacher.get(f"/teacher/classes/{school['mine']}").get_data(as_text=True)
    response = teacher.post(
        f"/teacher/classes/{school['mine']}/members/{school['autre']}/password",
        data={"csrf_token": csrf_token(page)})
    assert response.status_code == 404
    with app.app_context():
        assert db.session.get_one(User, school["autre"]).check_password(PASSWORD)


def test_the_command_line_resets_any_account(runner: FlaskCliRunner, app: Flask,
                                             school: dict[str, int]) -> None:
    temporary = runner.invoke(args=["quiz", "reset-password", "prof"])
    assert temporary.exit_code == 0, temporary.output
    shown = re.search(r"Temporary password for 'prof': (\S+)", temporary.output).group(1)
    chosen = runner.invoke(args=["quiz", "reset-password", "Lea", "--password",
                                 "choisi par l'admin"])
    assert chosen.exit_code == 0 and "Password of 'lea' changed." in chosen.output
    with app.app_context():
        prof = db.session.get_one(User, school["prof"])
        assert prof.check_password(shown) and prof.must_change_password
        lea = db.session.get_one(User, school["lea"])
        assert lea.check_password("choisi par l'admin") and not lea.must_change_password
    unknown = runner.invoke(args=["quiz", "reset-password", "personne"])
    assert unknown.exit_code == 1 and "no account has the username 'personne'" in unknown.output
    short = runner.invoke(args=["quiz", "reset-password", "lea", "--password", "court"])
    assert short.exit_code == 2 and "at least 8 characters" in short.output


def test_create_teacher_applies_the_display_name_rules(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["quiz", "create-teacher", "prof", "--display-name",
                                 "\u202eMOT"], input="un long secret\nun long secret\n")
    assert result.exit_code == 2 and "invisible or control characters" in result.output


def test_a_login_ends_on_the_server_after_seven_days_whatever_the_cookie(
        app: Flask, users, auth, monkeypatch: pytest.MonkeyPatch) -> None:
    users.make("lea")
    client = app.test_client()
    token = csrf_token(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"csrf_token": token, "username": "lea", "password": PASSWORD,
                                "remember": "y"})
    remembered = client.get_cookie("remember_token").value
    copied = app.test_client()  # only the remember-me cookie, e.g. copied from the browser
    copied.set_cookie("remember_token", remembered)
    assert copied.get("/").status_code == 200

    class Later:
        @staticmethod
        def time() -> float:
            return time.time() + 7 * 24 * 3600 + 60

    monkeypatch.setattr(auth_routes, "time", Later)
    late = app.test_client()
    late.set_cookie("remember_token", remembered)
    assert late.get("/").headers["Location"].startswith("/login")
    assert client.get("/").headers["Location"].startswith("/login")  # the session too


def test_a_temporary_password_opens_an_account_locked_by_failed_logins(
        app: Flask, school: dict[str, int], teacher: FlaskClient, auth,
        client: FlaskClient) -> None:
    """Léa tried her forgotten password until the account's limit: the temporary password her
    teacher gives logs in at once (it was refused for up to an hour)."""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "3 per hour"
    token = csrf_token(client.get("/login").get_data(as_text=True))
    tries = [client.post("/login", data={"csrf_token": token, "username": "lea",
                                         "password": f"guess{n}"}).status_code for n in range(4)]
    assert tries == [200, 200, 200, 429]
    page = teacher.get(f"/teacher/classes/{school['mine']}/students/{school['lea']}").text
    shown = teacher.post(f"/teacher/classes/{school['mine']}/members/{school['lea']}/password",
                         data={"csrf_token": csrf_token(page)}).get_data(as_text=True)
    temporary = re.search(r'id="temporary-password">([a-z2-9-]+)<', shown).group(1)
    response = client.post("/login", data={"csrf_token": token, "username": "lea",
                                           "password": temporary})
    assert response.status_code == 302


def test_the_current_password_is_guessed_no_faster_than_at_the_login(
        app: Flask, school: dict[str, int], auth, client: FlaskClient) -> None:
    """A session left open on a shared computer: the password-change form checks the current
    password under the account's login limit (the same counter as the login's), and a right
    one gives its count back."""
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "3 per hour"
    auth.log_in("lea")
    token = csrf_token(client.get("/account").get_data(as_text=True))

    def change(current: str, new: str = "nouveau secret") -> int:
        return client.post("/account/password", data={
            "csrf_token": token, "current": current, "password": new,
            "password2": new}).status_code

    assert [change("essai 1"), change("essai 2")] == [422, 422]
    assert change(PASSWORD) == 302  # the right one: its count given back (2 of 3 used)
    token = csrf_token(client.get("/account").get_data(as_text=True))
    assert change("essai 3") == 422  # the third wrong one: the limit reached
    assert change("nouveau secret", "encore autre") == 429  # even the right one now
    login = app.test_client()  # and the login, which counts the same
    page = login.get("/login").get_data(as_text=True)
    assert login.post("/login", data={"csrf_token": csrf_token(page), "username": "lea",
                                      "password": "nouveau secret"}).status_code == 429
