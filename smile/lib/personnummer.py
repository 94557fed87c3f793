"""Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).

Accepted forms: YYMMDD-NNNN, YYMMDD+NNNN (100 years or older), YYYYMMDDNNNN, YYYYMMDD-NNNN and
YYMMDDNNNN. The normalised form is always the twelve-digit YYYYMMDDNNNN that funders' lists use.
"""

import re
from dataclasses import dataclass
from datetime import date

_PATTERN = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$")


class InvalidPersonnummer(ValueError):
    """The text is not a valid personal identity or coordination number."""


@dataclass(frozen=True)
class Personnummer:
    birth_date: date
    serial: str
    check_digit: str
    coordination: bool

    @property
    def normalised(self) -> str:
        day = self.birth_date.day + (60 if self.coordination else 0)
        return f"{self.birth_date:%Y%m}{day:02d}{self.serial}{self.check_digit}"


def luhn_check_digit(nine_digits: str) -> str:
    total = 0
    for index, char in enumerate(nine_digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return str((10 - total % 10) % 10)


def parse(text: str, *, today: date | None = None) -> Personnummer:
    today = today or date.today()
    cleaned = text.strip().replace(" ", "")
    match = _PATTERN.match(cleaned)
    if not match:
        raise InvalidPersonnummer("format")
    century, yy, mm, dd, sep, serial, check = match.groups()
    if luhn_check_digit(f"{yy}{mm}{dd}{serial}") != check:
        raise InvalidPersonnummer("check digit")
    day = int(dd)
    coordination = day > 60
    if coordination:
        day -= 60
    if century:
        year = int(century + yy)
    else:
        year = today.year - (today.year - int(yy)) % 100
        if sep == "+":
            year -= 100
    try:
        born = date(year, int(mm), day)
    except ValueError:
        raise InvalidPersonnummer("date") from None
    if born > today:
        raise InvalidPersonnummer("date")
    return Personnummer(born, serial, check, coordination)


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except InvalidPersonnummer:
        return False
    return True
