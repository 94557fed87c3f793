"""Dates and times for people, in the reader's language, from CLDR through babel.

One way to show a date across SMILE: the month is always a name (never "07/12/2026", which a
Swede, a Briton and an American read three ways) and time is always 24-hour. Aware datetimes are
shown in the current time zone. The template filters in ``smile.core.templatetags.when`` wrap
these functions; Python code that writes text for people (notices, e-mails) calls them directly.
Files for machines (exports, calendars, ``<time datetime>``) keep ISO 8601.

Digits: babel writes the digits of date patterns as Latin 0-9 for every locale, also for Persian
and Dari whose CLDR default is Eastern Arabic-Indic digits. We keep that on purpose: the same
digits as in the date fields people type into, in SMS codes and on Swedish letters, so a date
reads the same on every screen.
"""

import datetime
from functools import cache

from babel import Locale
from babel.core import UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time, get_datetime_format
from django.utils import timezone
from django.utils.translation import get_language, to_locale

# Django language code -> CLDR locale. English is British English for day-first dates; Dari
# (prs, which CLDR does not name) is Persian as written in Afghanistan.
CLDR_LOCALES = {
    "sv": "sv",
    "en": "en_GB",
    "ar": "ar",
    "uk": "uk",
    "ti": "ti",
    "so": "so",
    "prs": "fa_AF",
    "fa": "fa",
}
FALLBACK_LOCALE = "sv"

# Where CLDR's "yMMMd" is not the clearest day for our readers, the pattern to use instead. Dari's
# (fa_AF) is "MMM d, y" with a Latin comma and cut month names ("دسم 7, 2026"), which reorders
# oddly in right-to-left text; its own long form "7 دسمبر 2026" reads as Persian does.
DAY_PATTERNS = {"fa_AF": "d MMMM y"}

Value = datetime.date | datetime.datetime | datetime.time | str | None


def cldr_locale(language: str | None = None) -> Locale:
    """The CLDR locale for a Django language code (the active language when None)."""
    return _cldr_locale((language or get_language() or FALLBACK_LOCALE).lower())


@cache
def _cldr_locale(code: str) -> Locale:
    name = CLDR_LOCALES.get(code) or CLDR_LOCALES.get(code.split("-")[0]) or to_locale(code)
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(FALLBACK_LOCALE)


def _local(value: datetime.date | datetime.datetime) -> datetime.date | datetime.datetime:
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def day(value: Value, language: str | None = None) -> str:
    """Day, month name and year: sv "7 dec. 2026", ar "7 ديسمبر 2026"."""
    if not isinstance(value, datetime.date):
        return "" if value in (None, "") else str(value)
    locale = cldr_locale(language)
    pattern = DAY_PATTERNS.get(str(locale))
    if pattern is not None:
        return format_date(_local(value), pattern, locale=locale)
    return format_skeleton("yMMMd", _local(value), locale=locale)


def long_day(value: Value, language: str | None = None) -> str:
    """Weekday, day, month name and year: sv "måndag 7 december 2026"."""
    if not isinstance(value, datetime.date):
        return "" if value in (None, "") else str(value)
    return format_date(_local(value), "full", locale=cldr_locale(language))


def weekday(value: Value, language: str | None = None) -> str:
    """The name of the day: sv "måndag", ar "الاثنين"."""
    if not isinstance(value, datetime.date):
        return "" if value in (None, "") else str(value)
    return format_date(_local(value), "EEEE", locale=cldr_locale(language))


def month_year(value: Value, language: str | None = None) -> str:
    """Month name and year: sv "december 2026", ar "ديسمبر 2026"."""
    if not isinstance(value, datetime.date):
        return "" if value in (None, "") else str(value)
    return format_skeleton("yMMMM", _local(value), locale=cldr_locale(language))


def time24(value: Value, language: str | None = None) -> str:
    """Hours and minutes on the 24-hour clock: "14:05"."""
    shown: datetime.time | datetime.datetime
    if isinstance(value, datetime.datetime):
        shown = timezone.localtime(value) if timezone.is_aware(value) else value
    elif isinstance(value, datetime.time):
        shown = value
    else:
        return "" if value in (None, "") else str(value)
    return format_time(shown, "HH:mm", locale=cldr_locale(language))


def moment(value: Value, language: str | None = None) -> str:
    """A day and a 24-hour time: sv "7 dec. 2026 14:05", ar "7 ديسمبر 2026، 14:05"."""
    if not isinstance(value, datetime.datetime):
        return day(value, language)
    locale = cldr_locale(language)
    # CLDR's own glue for a date and a time ("{1} {0}", "{1}, {0}", "{1}، {0}").
    pattern = str(get_datetime_format("medium", locale=locale)).replace("'", "")
    return pattern.replace("{1}", day(value, language)).replace("{0}", time24(value, language))
