"""The private code an anonymous reporter follows her case with, and the acknowledgement deadline.

A code is 20 characters of Crockford's base32 (no I, L, O or U: nothing to misread on a phone),
shown in groups of four. Its first 6 characters find the case (stored as they are, unique); the
other 14 (70 random bits) are the secret, of which only a salted hash is kept, made by Django's
password hasher. Typing is forgiving: lower case, spaces and hyphens are fine, and O, I and L are
read as 0, 1 and 1.
"""

import datetime
import secrets
from functools import cache

import holidays
from django.contrib.auth.hashers import check_password, make_password

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LOOKUP_LENGTH = 6
SECRET_LENGTH = 14
CODE_LENGTH = LOOKUP_LENGTH + SECRET_LENGTH
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    """A fresh code, without separators."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def grouped(code: str) -> str:
    """The code as she is shown it: "ABCD-EFGH-JKMN-PQRS-TVWX"."""
    return "-".join(code[start : start + 4] for start in range(0, len(code), 4))


def normalised(typed: str) -> str | None:
    """The code she typed, in its stored form; None when it cannot be a code."""
    code = "".join(typed.split()).replace("-", "").upper().translate(_MISREAD)
    if len(code) != CODE_LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def lookup_of(code: str) -> str:
    return code[:LOOKUP_LENGTH]


def secret_hash(code: str) -> str:
    return make_password(code[LOOKUP_LENGTH:])


def secret_matches(code: str, stored_hash: str) -> bool:
    return check_password(code[LOOKUP_LENGTH:], stored_hash)


def spend_time_as_if_checking(code: str) -> None:
    """Hash once when no case has the code's first part, so a wrong first part takes as long
    to refuse as a wrong secret (the answer's time tells nothing)."""
    make_password(code[LOOKUP_LENGTH:])


@cache
def _swedish_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("SE", years=year)


def is_working_day(day: datetime.date) -> bool:
    """Monday to Friday, and not a Swedish public holiday."""
    return day.weekday() < 5 and day not in _swedish_holidays(day.year)


def add_working_days(start: datetime.date, count: int) -> datetime.date:
    """The day `count` working days after `start` (the day of the report does not count)."""
    day = start
    left = count
    while left > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day
