"""Accounts a school can run: display names everyone can read and tell apart, passwords a
student changes, a teacher or an administrator resets — no e-mail needed.

One validator for display names (``clean_display_name``), used by registration, renaming,
joining a class and the command line; every change of password ends the account's other
sessions (a new ``session_token``: every login cookie made before stops working).
"""

from __future__ import annotations

import functools
import re
import secrets
import unicodedata
from collections.abc import Iterable

import sqlalchemy as sa
from anyascii import anyascii

from ..database import write_transaction
from ..extensions import db
from ..models import Classroom, Membership, User
from ..questionfile.messages import N_
from ..ratelimit import AccountAttempts
from .leaderboard import lock_results, lock_student

NAME_MIN, NAME_MAX = 2, 40
PASSWORD_MIN = 8
# Characters that show nothing wherever they stand, but are neither control nor format
# characters: the combining grapheme joiner, Khmer's inherent vowels, the blank Braille
# cell, the Hangul fillers (letters: NFKC turns the half-width one into U+3164). « Léa
# Martin » and one of them was a second « Léa Martin » on a board.
_INVISIBLE = {"\u034f", "\u17b4", "\u17b5", "\u2800", "\u115f", "\u1160", "\u3164"}
# Scripts whose look-alike names name_key compares: a variation selector on one of their
# letters changes nothing a reader sees.
_COMPARED_SCRIPTS = {"LATIN", "GREEK", "CYRILLIC"}


# The zero-width non-joiner and joiner: format characters, but between two letters of a script
# that joins its letters they change what is seen (Persian « علی‌رضا », Alireza, is written
# with a non-joiner; Indic scripts use both after a virama). Elsewhere they show nothing.
_JOINERS = {"\u200c", "\u200d"}
# The scripts where they do: letters joined to each other, or a virama between consonants.
_JOINING_SCRIPTS = {"ARABIC", "SYRIAC", "NKO", "MONGOLIAN", "DEVANAGARI", "BENGALI",
                    "GURMUKHI", "GUJARATI", "ORIYA", "TAMIL", "TELUGU", "KANNADA", "MALAYALAM",
                    "SINHALA"}


def _shaping_joiner(name: str, at: int) -> bool:
    """Whether ``name[at]`` is a joiner between two letters (each maybe with its marks) of
    one of _JOINING_SCRIPTS, where it changes the letters' forms."""
    if name[at] not in _JOINERS or at == 0 or at == len(name) - 1:
        return False
    before = at - 1
    while before > 0 and unicodedata.category(name[before]).startswith("M"):
        before -= 1  # a virama or a vowel sign belongs to the letter before it
    letters = name[before], name[at + 1]
    if not all(unicodedata.category(c).startswith("L") for c in letters):
        return False
    scripts = {_script(c) for c in letters}
    return len(scripts) == 1 and scripts <= _JOINING_SCRIPTS


def _is_selector(character: str) -> bool:
    """A variation selector: Unicode's (an emoji's text or colour form, a CJK ideograph's
    variant), or Mongolian's free ones (a letter's other form)."""
    return ("\ufe00" <= character <= "\ufe0f" or "\U000e0100" <= character <= "\U000e01ef"
            or character in "\u180b\u180c\u180d\u180f")


def _shows_nothing(name: str) -> bool:
    """Whether the name holds a character a reader cannot see: one of _INVISIBLE, a variation
    selector on no character or on a Latin, Greek or Cyrillic letter (on an emoji, a keycap's
    digit, a CJK ideograph or a Mongolian letter it shows), a combining mark on no letter
    (after a space, at the start)."""
    before = " "
    for character in name:
        if character in _INVISIBLE:
            return True
        if _is_selector(character):
            if before.isspace() or _script(before) in _COMPARED_SCRIPTS:
                return True
        elif unicodedata.category(character).startswith("M") and \
                unicodedata.category(before)[0] not in "LNM":
            return True
        before = character
    return False


# Scripts that one name may mix: Japanese writes with all three.
_SCRIPT_FAMILIES = {"CJK": "CJK", "HIRAGANA": "CJK", "KATAKANA": "CJK"}
# A temporary password: easy to read out and type (no 0/O, 1/l/I), 3 groups of 4.
_TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_TEMPORARY_GROUPS, _TEMPORARY_GROUP = 3, 4  # 'k7mp-q4xa-9tdr'


class AccountError(Exception):
    """An account change that cannot be done; ``message`` (English, marked for translation)
    with ``params`` says why, for the user (as ClassError)."""

    def __init__(self, message: str, *, field: str = "", **params: object) -> None:
        super().__init__(message % params if params else message)
        self.message = message
        self.params = params
        self.field = field  # the form field it is about, when not the obvious one


def clean_display_name(raw: str) -> str:
    """The display name as stored: Unicode NFKC, spaces collapsed; or AccountError.

    Refused: control, format (zero-width, bidirectional overrides; a zero-width joiner or
    non-joiner only where it shapes two letters: _shaping_joiner), private-use or
    unassigned characters; fewer than 2 or more than 40 characters; no visible letter or
    digit; letters of two scripts (« Тom » with a Cyrillic Т looks like "Tom").
    """
    name = unicodedata.normalize("NFKC", raw)
    if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cn", "Cs")
           and not _shaping_joiner(name, at) for at, c in enumerate(name)) or \
            _shows_nothing(name):
        raise AccountError(N_("Remove the invisible or control characters from the name."))
    name = " ".join(name.split())
    if len(name) > NAME_MAX:  # how far over, and how to shorten it (a long family name)
        raise AccountError(N_("Use at most %(max)s characters for the name (this one has "
                              "%(length)s): shorten it, with an initial for example."),
                           max=NAME_MAX, length=len(name))
    if len(name) < NAME_MIN:
        raise AccountError(N_("Use %(min)s to %(max)s characters for the name."),
                           min=NAME_MIN, max=NAME_MAX)
    if not any(unicodedata.category(c)[0] in "LN" for c in name):
        raise AccountError(N_("Use at least one letter or digit in the name."))
    scripts = {_script(c) for c in name if unicodedata.category(c)[0] == "L"}
    if len(scripts) > 1:
        raise AccountError(N_("Write the name in one alphabet: letters of two alphabets can "
                              "look like someone else's name."))
    return name


def _script(letter: str) -> str:
    word = unicodedata.name(letter, "UNKNOWN").split()[0]
    return _SCRIPT_FAMILIES.get(word, word)


@functools.lru_cache(maxsize=8192)  # a pure function: a class list of 60 against 900 names
def name_key(name: str) -> str:
    """What two names are compared by: the same key, the same name to a reader — case, the
    accents and strokes of Latin letters, and punctuation, aside (« Lea Martin » is Léa
    Martin, « Lukasz » is Łukasz, « Aesa » is Æsa, « Carol S » is Carol S.: a classmate's name
    taken so would read as hers on a board). Other scripts' marks are kept: in them they make
    other letters (« й » is not « и »)."""
    kept: list[str] = []
    latin = False
    for character in unicodedata.normalize("NFKC", name):
        if character == "\u200d" or character == "\u0640":
            continue  # a joiner, an Arabic letter's stretch (« عـلی »): nothing of the name
        if character == "\u200c":  # the Persian half-space: reads as a space does
            kept.append(" ")
            latin = False
            continue
        character = _ARABIC_FORMS.get(character, character)
        if unicodedata.category(character).startswith("P"):
            kept.append(" ")  # « Anne-Sophie » is Anne Sophie, « O’Brien » O Brien
            latin = False
            continue
        if unicodedata.combining(character):
            if latin:
                continue  # a mark on a Latin letter that has no letter of its own
        else:
            latin = _is_latin(character)
            if latin:
                character = anyascii(character)  # é → e, Ł → L, Æ → AE, ß → ss
        kept.append(character)
    return " ".join("".join(kept).casefold().split())


# One letter, written the Arabic or the Persian way: « علي » is « علی » to a reader.
_ARABIC_FORMS = {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}


@functools.cache
def _is_latin(character: str) -> bool:
    return unicodedata.name(character, "").startswith("LATIN ")


def taken_name_class(user_id: int | None, name: str,
                     class_ids: Iterable[int]) -> Classroom | None:
    """The first (lowest id) of the classes where someone other than `user_id` (None: an
    account not made yet), a member or the teacher, has this name in any case; None when free."""
    ids = sorted(set(class_ids))
    if not ids:
        return None
    key = name_key(name)
    members = (sa.select(Membership.classroom_id, User.display_name)
               .join(User, User.id == Membership.user_id)
               .where(Membership.classroom_id.in_(ids), User.id != user_id))
    teachers = (sa.select(Classroom.id, User.display_name)
                .join(User, User.id == Classroom.teacher_id)
                .where(Classroom.id.in_(ids), User.id != user_id))
    taken = [class_id for class_id, other in db.session.execute(sa.union_all(members, teachers))
             if name_key(other) == key]
    # min(): a union's rows come in no set order (PostgreSQL varies); the class named must not.
    return db.session.get(Classroom, min(taken)) if taken else None


def check_name_free(user_id: int, name: str, class_ids: Iterable[int]) -> None:
    """AccountError when someone of these classes has the name already."""
    taken = taken_name_class(user_id, name, class_ids)
    if taken is not None:
        raise AccountError(N_("Someone in the class %(name)s already has this name: choose "
                              "another one (add an initial, for example)."), name=taken.name)


def _classes_of(user_id: int) -> list[int]:
    """The classes the user is in, and those they teach."""
    return sorted({*db.session.scalars(sa.select(Membership.classroom_id)
                                       .where(Membership.user_id == user_id)),
                   *db.session.scalars(sa.select(Classroom.id)
                                       .where(Classroom.teacher_id == user_id))})


def rename(user: User, raw_name: str) -> str:
    """Give the user a new display name (the rules, and free in each of their classes)."""
    name = clean_display_name(raw_name)
    with write_transaction():
        lock_student(user.id)
        classes = _classes_of(user.id)
        lock_results(classes)  # two students renamed at once in one class: one after the other
        check_name_free(user.id, name, classes)
        user.display_name = name
    return name


def temporary_password() -> str:
    """e.g. 'k7mp-q4xa-9tdr': shown once, to be replaced at the next login."""
    return "-".join("".join(secrets.choice(_TEMPORARY_ALPHABET)
                            for _ in range(_TEMPORARY_GROUP))
                    for _ in range(_TEMPORARY_GROUPS))


def temporary_password_as_typed(typed: str) -> str:
    """A temporary password as ``temporary_password`` writes it, from how a student types it
    off the slip: in capitals, with spaces, without its dashes (« K7MP Q4XA 9TDR »,
    "k7mpq4xa9tdr" → 'k7mp-q4xa-9tdr'). Anything that cannot be one is returned as typed."""
    bare = "".join(typed.split()).replace("-", "").lower()
    if (len(bare) != _TEMPORARY_GROUPS * _TEMPORARY_GROUP
            or any(c not in _TEMPORARY_ALPHABET for c in bare)):
        return typed
    return "-".join(bare[start:start + _TEMPORARY_GROUP]
                    for start in range(0, len(bare), _TEMPORARY_GROUP))


def with_dots(username: str) -> str:
    """A username as a class list writes one: dots where it has spaces, hyphens or apostrophes
    (« Jean-Baptiste Dubois » → jean.baptiste.dubois, « O’Brien » → o.brien). Two usernames
    with the same dotted form are one to a student typing their name: registration refuses
    the second (username_taken)."""
    return ".".join(part for part in re.split(r"[\s'’-]+", username) if part)


def dotted_username() -> sa.ColumnElement[str]:
    """The stored usernames' dotted forms, in SQL: with_dots of a username, which holds no
    space nor apostrophe (USERNAME_PATTERN), is its hyphens made dots."""
    return sa.func.replace(User.username, "-", ".")


def username_taken(username: str) -> bool:
    """Whether an account has this username, or one with the same dotted form (with_dots):
    jean-baptiste where jean.baptiste exists, and the reverse."""
    return db.session.scalar(sa.select(User.id).where(
        (User.username == username)
        | (dotted_username() == with_dots(username))).limit(1)) is not None


def account_at_login(typed_username: str) -> User | None:
    """The account a username typed at login names (already in lowercase, accents removed:
    the login form's filter): that username, or else its dotted form (with_dots): the
    usernames a class list makes have dots, and a student types what the name reads; else
    the one account whose dotted form it is (« eleve.x1 » for a registered eleve-x1: the
    reverse). An account made before registration refused a second dotted form (a
    hyphenated username beside its dotted twin) is found as typed; typed otherwise, the
    twins name no account."""
    dotted = with_dots(typed_username)
    found = {user.username: user for user in db.session.scalars(
        sa.select(User).where(User.username.in_({typed_username, dotted})))}
    exact = found.get(typed_username) or found.get(dotted)
    if exact is not None:
        return exact
    # Only after both lookups by the username's index failed: this one reads every username.
    twins = db.session.scalars(sa.select(User).where(dotted_username() == dotted)
                               .limit(2)).all()
    return twins[0] if len(twins) == 1 else None


def end_other_sessions(user: User) -> None:
    """A new session token: every login cookie of the account stops working (call inside a
    write transaction; log the current browser in again if it is to stay logged in)."""
    user.session_token = secrets.token_urlsafe(32)


# What an attacker tries first, beside runs (« 12345678 », « azertyui ») and the account's
# own name: the most used words of French and English password lists, with any digits or
# signs after them (« motdepasse1 », « Soleil2026! »).
COMMON_PASSWORD_WORDS = frozenset((
    "password", "passw0rd", "motdepasse", "azerty", "qwerty", "bonjour", "soleil", "football",
    "iloveyou", "jetaime", "loulou", "doudou", "chouchou", "marseille", "chocolat", "princesse",
    "admin", "welcome", "bienvenue", "monkey", "dragon", "sunshine", "letmein", "superman",
    "batman", "pokemon", "minecraft", "fortnite", "school", "ecole", "college", "student",
    "eleve", "teacher", "professeur", "newsquiz"))
_KEY_RUNS = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "azertyuiop", "qsdfghjklm",
             "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc", "qwertz")
# Each run either way, twice over: a part of it may go round its end (« 90123 »).
_RUNS = tuple(run * 2 for run in (*_KEY_RUNS, *(run[::-1] for run in _KEY_RUNS)))
_TRAILING = re.compile(r"[\d\W_]+$")


def guessable_password(password: str, *names: str) -> bool:
    """A password among the first an attacker tries: one or two characters repeated, a run
    of the alphabet, the digits or a keyboard row (either way), a common word with digits or
    signs after it, or the account's own username or name, or a part of them with digits
    around it (a first name and a year)."""
    bare = "".join(password.casefold().split())
    # Letters and digits only, accents off (« lucas.martin », « Lucas_Martin » are lucasmartin).
    # Transliterated, then folded: anyascii writes « 张伟 » ZhangWei, one capital a syllable.
    plain = "".join(c for c in anyascii(bare).casefold() if c.isalnum())
    if len(set(plain)) <= 2 or (plain and plain in (plain + plain)[1:-1]):
        return True  # « aaaaaaaa », « abababab », a part repeated (« 12341234 », « prof1prof1 »)
    word = _TRAILING.sub("", bare)
    if any(part in run for run in _RUNS
           for part in (plain, plain[:-1], plain[1:], word) if len(part) >= 4):
        return True  # a run, with at most one character more (« 123456789a »)
    if word in COMMON_PASSWORD_WORDS:
        return True
    own = {"".join(c for c in anyascii(name).casefold() if c.isalnum()) for name in names}
    stem = re.sub(r"\d+$", "", plain)  # « lucasmartin2026 »: the name with digits after it
    if any(len(name) >= 3 and name in (plain, stem) for name in own):
        return True
    # A part of a name, with digits and at most three letters more: « ines2026 »,
    # « Clementine2013 » for Inès-Clémentine B. — what a pupil picks first, and tried first.
    # Its words — and syllables, which anyascii writes each with its capital (« 김민준 »
    # GimMinJun, « 张伟 » ZhangWei): the parts of a name a password is made of.
    parts = {part.casefold() for name in names
             for part in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", anyascii(name))
             if len(part) >= 3}
    core = plain.strip("0123456789")
    left = core
    for part in sorted(parts, key=len, reverse=True):
        left = left.replace(part, "")
    return left != core and sum(not c.isdigit() for c in left) < 4


GUESSABLE = N_("This password is among the first an attacker tries (a run like 12345678, a "
               "common word, your name): choose another one — three or four words in a row "
               "are easy to remember.")


def reset_password(user: User, password: str | None = None) -> str:
    """Set a password chosen by an administrator (`password`), or a temporary one that the
    user must replace at their next login (returned, to be shown once). Every session of the
    account ends, and failed logins no longer lock it."""
    if password is not None and len(password) < PASSWORD_MIN:
        raise AccountError(N_("Use at least %(num)s characters."), num=PASSWORD_MIN)
    if password is not None and guessable_password(password, user.username, user.display_name):
        raise AccountError(GUESSABLE)
    chosen = password if password is not None else temporary_password()
    with write_transaction():
        user.set_password(chosen)
        user.must_change_password = password is None
        end_other_sessions(user)
    AccountAttempts(user.username).forget()  # locked by failed logins: open again
    return chosen


def change_password(user: User, new: str, current: str | None) -> None:
    """The user's own change: `current` must be their password, unless they must change a
    temporary one (they have just logged in with it). Their other sessions end."""
    if current is None and not user.must_change_password:
        raise AccountError(N_("Type your current password."), field="current")
    if current is not None and not user.check_password(current):
        raise AccountError(N_("This is not your current password."), field="current")
    if len(new) < PASSWORD_MIN:
        raise AccountError(N_("Use at least %(num)s characters."), num=PASSWORD_MIN)
    if guessable_password(new, user.username, user.display_name):
        raise AccountError(GUESSABLE, field="password")
    if user.must_change_password and user.check_password(new):
        raise AccountError(N_("Choose a password of your own, not the temporary one."))
    with write_transaction():
        user.set_password(new)
        user.must_change_password = False
        end_other_sessions(user)
