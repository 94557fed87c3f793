"""The private code and the working-day deadline, with values worked out by hand."""

import datetime

from smile.equality import codes


def test_a_new_code_has_twenty_unambiguous_characters() -> None:
    for _ in range(50):
        code = codes.new_code()
        assert len(code) == 20
        assert not set(code) & set("ILOU")


def test_a_code_is_shown_in_groups_of_four() -> None:
    assert codes.grouped("0123456789ABCDEFGHJK") == "0123-4567-89AB-CDEF-GHJK"


def test_typing_is_forgiving() -> None:
    assert codes.normalised(" o123 4567-89ab-cdef-ghjk ") == "0123456789ABCDEFGHJK"
    assert codes.normalised("I L") is None
    assert codes.normalised("0123-4567-89AB-CDEF-GHJ") is None  # one short
    assert codes.normalised("0123-4567-89AB-CDEF-GHJU") is None  # U is not in the alphabet


def test_only_the_secret_part_is_hashed_and_checked() -> None:
    code = "0123456789ABCDEFGHJK"
    stored = codes.secret_hash(code)
    assert "6789ABCDEFGHJK" not in stored
    assert codes.secret_matches(code, stored) is True
    assert codes.secret_matches("0123456789ABCDEFGHJM", stored) is False


def test_working_days_skip_weekends() -> None:
    # Monday 7 September 2026 + 5 working days: Monday 14 September.
    assert codes.add_working_days(datetime.date(2026, 9, 7), 5) == datetime.date(2026, 9, 14)
    # Friday 11 September + 1: Monday 14 September.
    assert codes.add_working_days(datetime.date(2026, 9, 11), 1) == datetime.date(2026, 9, 14)
    # Saturday 12 September + 1: Monday 14 September.
    assert codes.add_working_days(datetime.date(2026, 9, 12), 1) == datetime.date(2026, 9, 14)


def test_working_days_skip_swedish_public_holidays() -> None:
    # Thursday 2 April 2026: Good Friday (3 April) and Easter Monday (6 April) are holidays, so
    # the five working days are 7, 8, 9, 10 and 13 April.
    assert codes.add_working_days(datetime.date(2026, 4, 2), 5) == datetime.date(2026, 4, 13)
    # Wednesday 23 December 2026: Christmas Day and Boxing Day fall on Friday and Saturday;
    # 24 (Thu), 28, 29, 30 (Mon-Wed) and 31 December (Thu); New Year's Day is a holiday.
    assert codes.add_working_days(datetime.date(2026, 12, 23), 5) == datetime.date(2026, 12, 31)
