"""Swedish organisation numbers (organisationsnummer): ten digits, the last a Luhn check digit."""

import re

from smile.lib.personnummer import luhn_check_digit

_PATTERN = re.compile(r"^(\d{6})-?(\d{4})$")


def is_valid(text: str) -> bool:
    match = _PATTERN.match(text.strip())
    if not match:
        return False
    digits = "".join(match.groups())
    return luhn_check_digit(digits[:9]) == digits[9]


def normalise(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return f"{digits[:6]}-{digits[6:]}"
