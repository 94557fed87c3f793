from datetime import date

import pytest

from smile.lib.personnummer import InvalidPersonnummer, luhn_check_digit, parse

TODAY = date(2026, 11, 27)


def test_it_accepts_the_short_form_and_normalises_to_twelve_digits() -> None:
    assert parse("811218-9876", today=TODAY).normalised == "198112189876"


def test_it_accepts_the_long_form_without_separator() -> None:
    number = parse("198112189876", today=TODAY)
    assert number.birth_date == date(1981, 12, 18)
    assert not number.coordination


def test_it_places_a_plus_sign_a_century_back() -> None:
    assert parse("121212+1212", today=TODAY).birth_date == date(1912, 12, 12)
    assert parse("121212-1212", today=TODAY).birth_date == date(2012, 12, 12)


def test_it_reads_coordination_numbers() -> None:
    number = parse("701063-2391", today=TODAY)
    assert number.coordination
    assert number.birth_date == date(1970, 10, 3)
    assert number.normalised == "197010632391"


@pytest.mark.parametrize(
    "text", ["811218-9875", "8112189876x", "811318-9876", "", "12345", "991231-0000"]
)
def test_it_rejects_bad_numbers(text: str) -> None:
    with pytest.raises(InvalidPersonnummer):
        parse(text, today=TODAY)


def test_it_rejects_a_birth_date_in_the_future() -> None:
    future = "20271212"
    serial = "123"
    check = luhn_check_digit(future[2:] + serial)
    with pytest.raises(InvalidPersonnummer):
        parse(future + serial + check, today=TODAY)


def test_luhn_check_digit_matches_a_known_number() -> None:
    assert luhn_check_digit("811218987") == "6"
