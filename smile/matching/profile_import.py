"""Import of matching profiles from a coordinator's spreadsheet (CSV or XLSX), all or nothing.

Every row is read and checked first, with the same rules as the profile form
(`profiles.validate_profile_fields` and the model's own checks); only when no row has an error
are the profiles saved, all in one transaction. A column missing from the file leaves that field
as it was; an empty cell in a column that is there empties the field.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.spreadsheets import (
    Column,
    FileError,
    ImportReport,
    RowError,
    match_columns,
    normalise_header,
    read_table,
)
from smile.matching.models import Gender, LanguageLevel, MatchingProfile, Shift
from smile.matching.profiles import (
    ADEPT_ONLY,
    LANGUAGE_CODES,
    LANGUAGES,
    MENTOR_ONLY,
    check_gender_wish,
    validate_profile_fields,
)
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme

# Field → the header names accepted for it (compared lower-cased, with spaces and hyphens as _).
COLUMNS: dict[str, tuple[str, ...]] = {
    "email": ("email", "e_mail", "e_post", "epost", "mail"),
    "role": ("role", "roll"),
    "languages": ("languages", "språk"),
    "trade": ("trade", "yrke"),
    "skills": ("skills", "färdigheter"),
    "shifts": ("shifts", "skift"),
    "interests": ("interests", "intressen"),
    "capacity": ("capacity", "kapacitet"),
    "training_completed_on": ("training_completed_on", "utbildad"),
    "gender": ("gender", "kön"),
    "wants_same_gender": ("wants_same_gender", "samma_kön"),
}
TEMPLATE_HEADER = [
    "email",
    "languages",
    "trade",
    "skills",
    "shifts",
    "interests",
    "capacity",
    "training_completed_on",
    "gender",
    "wants_same_gender",
]
TEMPLATE_EXAMPLE = [
    "name@example.com",
    "ar:4, sv:2",
    "Gjuteri",
    "formning, svetsning",
    "day, evening",
    "fotboll, musik",
    "2",
    "2026-06-01",
    "woman",
    "no",
]

_SHIFT_WORDS = {
    "day": Shift.DAY,
    "dag": Shift.DAY,
    "evening": Shift.EVENING,
    "kväll": Shift.EVENING,
    "night": Shift.NIGHT,
    "natt": Shift.NIGHT,
    "weekend": Shift.WEEKEND,
    "helg": Shift.WEEKEND,
}
_GENDER_WORDS = {
    "woman": Gender.WOMAN,
    "kvinna": Gender.WOMAN,
    "man": Gender.MAN,
    "non_binary": Gender.NON_BINARY,
    "icke_binär": Gender.NON_BINARY,
    "ickebinär": Gender.NON_BINARY,
}
_YES = frozenset({"yes", "y", "ja", "j", "true", "1"})
_NO = frozenset({"no", "n", "nej", "false", "0", ""})
_ROLE_WORDS = {"mentor": EnrolmentRole.MENTOR, "adept": EnrolmentRole.ADEPT}
_LANGUAGE_WORDS = {
    **{code: code for code in LANGUAGE_CODES},
    **{local.lower(): code for code, local, _name in LANGUAGES},
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


_HEADER_KEYS = {name: key for key, names in COLUMNS.items() for name in names}


def _columns(header: list[str], report: ImportReport) -> list[Column | None]:
    columns = match_columns(header, _HEADER_KEYS, report)
    seen = {column.key for column in columns if column is not None}
    if "email" not in seen:
        raise FileError(_("The file has no e-mail column: name one column “email” or “e-post”."))
    return columns


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _parse(key: str, value: str) -> Any:
    """The cell as the profile service takes it; ValueError with a message when it can't be."""
    if key == "languages":
        languages: list[dict[str, Any]] = []
        for item in _split(value):
            code, colon, level = item.partition(":")
            if not colon:
                raise ValueError(
                    _(
                        "“%(value)s”: write the language code, a colon and the level "
                        "from 1 to 4, like ar:4."
                    )
                    % {"value": item}
                )
            known = _LANGUAGE_WORDS.get(code.strip().lower())
            if known is None:
                raise ValueError(
                    _("“%(code)s” is not a language we know.") % {"code": code.strip()}
                )
            if not level.strip().isdigit() or int(level) not in LanguageLevel.values:
                raise ValueError(
                    _("“%(value)s”: the level must be a number from 1 to 4.") % {"value": item}
                )
            languages.append({"code": known, "level": int(level)})
        return languages
    if key in ("skills", "interests"):
        return _split(value)
    if key == "trade":
        return value
    if key == "shifts":
        shifts: list[str] = []
        for item in _split(value):
            shift = _SHIFT_WORDS.get(item.lower())
            if shift is None:
                raise ValueError(
                    _("“%(value)s” is not a shift: write day, evening, night or weekend.")
                    % {"value": item}
                )
            shifts.append(shift.value)
        return shifts
    if key == "capacity":
        if not value:
            return None
        if not value.isdigit():
            raise ValueError(_("“%(value)s” is not a whole number.") % {"value": value})
        return int(value)
    if key == "training_completed_on":
        if not value:
            return None
        try:
            if not _DATE.fullmatch(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a date: write it as YYYY-MM-DD, like 2026-06-01.")
                % {"value": value}
            ) from None
    if key == "gender":
        if not value:
            return ""
        gender = _GENDER_WORDS.get(normalise_header(value))
        if gender is None:
            raise ValueError(
                _("“%(value)s” is not one of woman, man or non-binary (or leave it empty).")
                % {"value": value}
            )
        return gender.value
    if key == "wants_same_gender":
        word = value.lower()
        if word not in _YES | _NO:
            raise ValueError(_("“%(value)s”: write yes or no.") % {"value": value})
        return word in _YES
    raise KeyError(key)


@dataclass
class _Row:
    number: int
    enrolment: Enrolment
    fields: dict[str, Any]


def _enrolment(
    number: int,
    cells: dict[str, tuple[str, str]],
    by_email: dict[str, list[Enrolment]],
    errors: list[RowError],
) -> Enrolment | None:
    header, email = cells["email"]
    if not email:
        errors.append(RowError(number, header, _("The e-mail address is missing.")))
        return None
    candidates = by_email.get(email.lower(), [])
    if "role" in cells:
        role_header, role_text = cells["role"]
        if role_text:
            role = _ROLE_WORDS.get(role_text.lower())
            if role is None:
                errors.append(
                    RowError(
                        number,
                        role_header,
                        _("“%(value)s”: write mentor or adept.") % {"value": role_text},
                    )
                )
                return None
            candidates = [e for e in candidates if e.role == role]
    if not candidates:
        errors.append(
            RowError(
                number,
                header,
                _("No one with the e-mail address %(email)s is active in this programme.")
                % {"email": email},
            )
        )
        return None
    if len(candidates) > 1:
        errors.append(
            RowError(
                number,
                header,
                _(
                    "This person is both mentor and adept in the programme: add a column "
                    "“role” with mentor or adept."
                ),
            )
        )
        return None
    return candidates[0]


def _check_row(
    number: int,
    enrolment: Enrolment,
    cells: dict[str, tuple[str, str]],
    errors: list[RowError],
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    other_side = MENTOR_ONLY if enrolment.role == EnrolmentRole.ADEPT else ADEPT_ONLY
    row_errors = len(errors)
    for key, (header, text) in cells.items():
        if key in ("email", "role"):
            continue
        try:
            value = _parse(key, text)
        except ValueError as error:
            errors.append(RowError(number, header, str(error)))
            continue
        if key in other_side:
            if value not in (None, False):
                message = (
                    _("Only mentors have this; leave it empty for adepts.")
                    if enrolment.role == EnrolmentRole.ADEPT
                    else _("Only adepts have this; leave it empty for mentors.")
                )
                errors.append(RowError(number, header, message))
            continue
        try:
            fields.update(validate_profile_fields(role=enrolment.role, fields={key: value}))
        except ApplicationError as error:
            errors.append(RowError(number, header, error.message))
    if len(errors) > row_errors:
        return fields
    # The whole profile as it would be saved: the rules across fields and the model's own checks.
    existing: MatchingProfile | None = getattr(enrolment, "matching_profile", None)
    profile = existing if existing is not None else MatchingProfile(enrolment=enrolment)
    headers = {key: header for key, (header, _text) in cells.items()}
    for name, value in fields.items():
        setattr(profile, name, value)
    try:
        check_gender_wish(gender=profile.gender, wants_same_gender=profile.wants_same_gender)
        profile.full_clean(exclude=["enrolment"], validate_unique=False, validate_constraints=False)
    except ApplicationError as error:
        column = headers.get("gender") or headers.get("wants_same_gender", "")
        errors.append(RowError(number, column, error.message))
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                errors.append(RowError(number, headers.get(name, ""), message))
    return fields


def profiles_import(
    *, programme: Programme, actor: User, filename: str, content: bytes
) -> ImportReport:
    """Check every row of the file and, only if all are right, save every profile in it."""
    policies.require(actor, policies.CHANGE, programme)
    report = ImportReport()
    try:
        header, data = read_table(filename, content)
        columns = _columns(header, report)
    except FileError as error:
        report.file_errors.append(str(error))
        return report
    report.rows = len(data)
    by_email: dict[str, list[Enrolment]] = {}
    active = Enrolment.objects.filter(
        programme=programme, status=EnrolmentStatus.ACTIVE
    ).select_related("user", "matching_profile")
    for each in active:
        by_email.setdefault(each.user.email.lower(), []).append(each)
    rows: list[_Row] = []
    first_row: dict[int, int] = {}
    for number, values in data:
        cells = {
            column.key: (column.header, values[i] if i < len(values) else "")
            for i, column in enumerate(columns)
            if column is not None
        }
        enrolment = _enrolment(number, cells, by_email, report.errors)
        if enrolment is None:
            continue
        if enrolment.pk in first_row:
            report.errors.append(
                RowError(
                    number,
                    cells["email"][0],
                    _("This person is already on row %(row)d.") % {"row": first_row[enrolment.pk]},
                )
            )
            continue
        first_row[enrolment.pk] = number
        fields = _check_row(number, enrolment, cells, report.errors)
        rows.append(_Row(number, enrolment, fields))
    if report.errors:
        return report
    with transaction.atomic():
        for row in rows:
            _profile, created = MatchingProfile.objects.update_or_create(
                enrolment=row.enrolment, defaults=row.fields
            )
            if created:
                report.created += 1
            else:
                report.updated += 1
    report.ok = True
    return report
