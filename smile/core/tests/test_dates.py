"""Dates for people: month names in the reader's language, 24-hour time, never all digits.

The expected strings are written out by hand for each language (7 December 2026 is a Monday).
"""

import datetime
import re

import pytest
from django.template import engines
from django.utils import translation

from smile.core import dates

DAY = datetime.date(2026, 12, 7)
# 13:05 UTC is 14:05 in Stockholm in December (UTC+1).
MOMENT = datetime.datetime(2026, 12, 7, 13, 5, tzinfo=datetime.UTC)
ALL_DIGITS = re.compile(r"\d{1,4}\s*[/.\-‏]\s*\d{1,2}\s*[/.\-‏]\s*\d{1,4}")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "7 dec. 2026"),
        ("en", "7 Dec 2026"),
        ("ar", "7 ديسمبر 2026"),
        # Ukrainian writes a narrow no-break space (U+202F) before "р." (рік, year).
        ("uk", "7 груд. 2026\u202fр."),
        ("ti", "7 ታሕ 2026"),
        ("so", "Dis 7, 2026"),
        ("prs", "7 دسمبر 2026"),
        ("fa", "7 دسامبر 2026"),
    ],
)
def test_day_names_the_month_in_the_readers_language(language: str, expected: str) -> None:
    with translation.override(language):
        assert dates.day(DAY) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "måndag 7 december 2026"),
        ("en", "Monday, 7 December 2026"),
        ("ar", "الاثنين، 7 ديسمبر 2026"),
        ("uk", "понеділок, 7 грудня 2026\u202fр."),
        ("ti", "ሰኑይ፣ 7 ታሕሳስ 2026"),
        ("so", "Isniin, Diseembar 7, 2026"),
        ("prs", "دوشنبه 7 دسمبر 2026"),
        ("fa", "دوشنبه 7 دسامبر 2026"),
    ],
)
def test_long_day_adds_the_weekday(language: str, expected: str) -> None:
    with translation.override(language):
        assert dates.long_day(DAY) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "7 dec. 2026 14:05"),
        ("en", "7 Dec 2026, 14:05"),
        ("ar", "7 ديسمبر 2026، 14:05"),
        ("uk", "7 груд. 2026\u202fр., 14:05"),
        ("ti", "7 ታሕ 2026 14:05"),
        ("so", "Dis 7, 2026 14:05"),
        # CLDR's Persian glue is an Arabic comma and a right-to-left mark (U+200F).
        ("prs", "7 دسمبر 2026،\u200f 14:05"),
        ("fa", "7 دسامبر 2026،\u200f 14:05"),
    ],
)
def test_moment_is_the_day_and_the_local_24_hour_time(language: str, expected: str) -> None:
    with translation.override(language):
        assert dates.moment(MOMENT) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "december 2026"),
        ("en", "December 2026"),
        ("ar", "ديسمبر 2026"),
        ("uk", "грудень 2026\u202fр."),
        ("ti", "ታሕሳስ 2026"),
        ("so", "Diseembar 2026"),
        ("prs", "دسمبر 2026"),
        ("fa", "دسامبر 2026"),
    ],
)
def test_month_year_names_the_month(language: str, expected: str) -> None:
    with translation.override(language):
        assert dates.month_year(DAY) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "måndag"),
        ("en", "Monday"),
        ("ar", "الاثنين"),
        ("uk", "понеділок"),
        ("ti", "ሰኑይ"),
        ("so", "Isniin"),
        ("prs", "دوشنبه"),
        ("fa", "دوشنبه"),
    ],
)
def test_weekday_is_the_name_of_the_day(language: str, expected: str) -> None:
    with translation.override(language):
        assert dates.weekday(DAY) == expected


def test_tigrinya_pages_carry_no_swedish_or_english_names() -> None:
    with translation.override("ti"):
        shown = " ".join(
            [dates.day(DAY), dates.long_day(DAY), dates.weekday(DAY), dates.month_year(DAY)]
        )
    assert shown == "7 ታሕ 2026 ሰኑይ፣ 7 ታሕሳስ 2026 ሰኑይ ታሕሳስ 2026"
    for word in ("måndag", "december", "dec", "Monday", "December"):
        assert word not in shown


@pytest.mark.parametrize("language", ["sv", "en", "ar", "uk", "ti", "so", "prs", "fa"])
def test_no_language_gets_an_all_digit_date(language: str) -> None:
    with translation.override(language):
        shown = [dates.day(DAY), dates.long_day(DAY), dates.moment(MOMENT)]
    assert [ALL_DIGITS.search(text) for text in shown] == [None, None, None]


def test_time24_is_hours_and_minutes_in_stockholm() -> None:
    assert dates.time24(datetime.time(9, 5)) == "09:05"
    assert dates.time24(datetime.time(21, 30)) == "21:30"
    # Summer time: 12:00 UTC is 14:00 in Stockholm; winter: 13:05 UTC is 14:05.
    summer = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)
    assert dates.time24(summer) == "14:00"
    assert dates.time24(MOMENT) == "14:05"


def test_an_aware_moment_late_at_night_falls_on_the_stockholm_day() -> None:
    # 23:30 UTC on 6 December is 00:30 on 7 December in Stockholm.
    late = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=datetime.UTC)
    with translation.override("sv"):
        assert dates.day(late) == "7 dec. 2026"
        assert dates.moment(late) == "7 dec. 2026 00:30"


def test_a_naive_datetime_is_shown_as_it_is() -> None:
    with translation.override("sv"):
        assert dates.moment(datetime.datetime(2026, 12, 7, 8, 0)) == "7 dec. 2026 08:00"


def test_a_day_without_a_time_is_shown_as_a_day_by_moment() -> None:
    with translation.override("en"):
        assert dates.moment(DAY) == "7 Dec 2026"


@pytest.mark.parametrize(
    "function",
    [dates.day, dates.long_day, dates.moment, dates.time24, dates.month_year, dates.weekday],
)
def test_nothing_gives_nothing(function: object) -> None:
    assert callable(function)
    assert function(None) == ""
    assert function("") == ""


def test_a_language_may_be_named_and_unknown_ones_read_swedish() -> None:
    with translation.override("sv"):
        assert dates.day(DAY, "ar") == "7 ديسمبر 2026"
    assert dates.day(DAY, "xx") == "7 dec. 2026"


def test_the_filters_need_no_load_tag() -> None:
    template = engines["django"].from_string(
        "{{ d|day }}|{{ d|long_day }}|{{ m|moment }}|{{ m|time24 }}|{{ d|month_year }}"
        "|{{ d|weekday }}|{{ none|day }}|{{ d|day:'ar' }}"
    )
    with translation.override("sv"):
        text = template.render({"d": DAY, "m": MOMENT, "none": None})
    assert text == (
        "7 dec. 2026|måndag 7 december 2026|7 dec. 2026 14:05|14:05|december 2026|måndag||"
        "7 ديسمبر 2026"
    )
