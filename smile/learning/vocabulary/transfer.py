"""Import and export of a list of words as CSV or XLSX, all or nothing.

Import follows `smile.matching.profile_import`: every row is read and checked first, with the
same rules as the form (`services.check_term_fields`); only when no row has an error are the words
saved, all in one transaction. A row whose Swedish word is already in the list changes that word;
a column missing from the file leaves that field as it was; an empty cell empties it. Pictures
are not part of the file.
"""

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError

# The file reading and the report are the profile import's own: one behaviour for every import.
from smile.core.spreadsheets import (
    MAX_BYTES,
    Column,
    FileError,
    ImportReport,
    RowError,
    match_columns,
    read_table,
    safe_row,
)
from smile.learning.models import Curriculum, Term
from smile.learning.vocabulary import selectors
from smile.learning.vocabulary.languages import CODES
from smile.learning.vocabulary.services import check_term_fields, clean_text, clean_translations
from smile.organisations.models import Workplace

__all__ = ["HEADER", "MAX_BYTES", "ImportReport", "RowError", "terms_export", "terms_import"]

HEADER = ["swedish", "explanation", *CODES]
COLUMNS: dict[str, tuple[str, ...]] = {
    "swedish": ("swedish", "svenska", "word", "ord"),
    "explanation": ("explanation", "förklaring"),
    "ar": ("ar", "arabic", "arabiska"),
    "uk": ("uk", "ukrainian", "ukrainska"),
    "ti": ("ti", "tigrinya", "tigrinja"),
    "so": ("so", "somali", "somaliska"),
    "prs": ("prs", "dari"),
    "fa": ("fa", "persian", "persiska"),
    "en": ("en", "english", "engelska"),
}
_HEADER_KEYS = {name: key for key, names in COLUMNS.items() for name in names}


@dataclass
class _Row:
    number: int
    term: Term | None
    swedish: str
    fields: dict[str, Any]


def _columns(header: list[str], report: ImportReport) -> list[Column | None]:
    columns = match_columns(header, _HEADER_KEYS, report)
    seen = {column.key for column in columns if column is not None}
    if "swedish" not in seen:
        raise FileError(_("The file has no column “swedish”: name the column of the words so."))
    return columns


def _check_row(
    number: int,
    cells: dict[str, tuple[str, str]],
    existing: Term | None,
    errors: list[RowError],
) -> dict[str, Any]:
    headers = {key: header for key, (header, _text) in cells.items()}
    swedish = clean_text(cells["swedish"][1])
    explanation = (
        clean_text(cells["explanation"][1])
        if "explanation" in cells
        else (existing.explanation if existing else "")
    )
    translations = dict(existing.translations) if existing else {}
    translations.update({code: cells[code][1] for code in CODES if code in cells})
    translations = clean_translations(translations)
    try:
        check_term_fields(swedish=swedish, explanation=explanation, translations=translations)
    except ApplicationError as error:
        field = (error.field or "").removeprefix("tr_")
        errors.append(RowError(number, headers.get(field, ""), error.message))
        return {}
    term = Term(swedish=swedish, explanation=explanation, translations=translations)
    try:
        term.full_clean(
            exclude=["curriculum", "workplace", "picture"],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            for message in messages:
                errors.append(RowError(number, headers.get(name, ""), message))
        return {}
    return {"swedish": swedish, "explanation": explanation, "translations": translations}


def terms_import(
    *,
    actor: User,
    curriculum: Curriculum | None = None,
    workplace: Workplace | None = None,
    filename: str,
    content: bytes,
) -> ImportReport:
    """Check every row of the file and, only if all are right, save every word in it."""
    if curriculum is not None and not policies.can_change(actor, curriculum):
        raise ApplicationError(_("You cannot change the words of this curriculum."))
    if workplace is not None and not selectors.can_edit_workplace_words(actor, workplace):
        raise ApplicationError(_("You cannot change the words of this workplace."))
    if (curriculum is None) == (workplace is None):
        raise ApplicationError(_("A word belongs to a curriculum or to a workplace."))
    report = ImportReport()
    try:
        header, data = read_table(filename, content)
        columns = _columns(header, report)
    except FileError as error:
        report.file_errors.append(str(error))
        return report
    report.rows = len(data)
    by_word = {
        term.swedish.casefold(): term
        for term in selectors.owner_terms(curriculum=curriculum, workplace=workplace)
    }
    rows: list[_Row] = []
    first_row: dict[str, int] = {}
    for number, values in data:
        cells = {
            column.key: (column.header, values[i] if i < len(values) else "")
            for i, column in enumerate(columns)
            if column is not None
        }
        swedish = clean_text(cells["swedish"][1])
        key = swedish.casefold()
        if swedish and key in first_row:
            report.errors.append(
                RowError(
                    number,
                    cells["swedish"][0],
                    _("This word is already on row %(row)d.") % {"row": first_row[key]},
                )
            )
            continue
        first_row.setdefault(key, number)
        existing = by_word.get(key)
        fields = _check_row(number, cells, existing, report.errors)
        if fields:
            rows.append(_Row(number, existing, swedish, fields))
    if report.errors:
        return report
    with transaction.atomic():
        for row in rows:
            if row.term is None:
                Term.objects.create(curriculum=curriculum, workplace=workplace, **row.fields)
                report.created += 1
            else:
                for name, value in row.fields.items():
                    setattr(row.term, name, value)
                row.term.save(update_fields=[*row.fields, "updated_at"])
                report.updated += 1
    report.ok = True
    return report


# --- export ------------------------------------------------------------------------------------


def _rows(terms: list[Term]) -> list[list[str]]:
    return [
        [term.swedish, term.explanation, *((term.translations or {}).get(c, "") for c in CODES)]
        for term in terms
    ]


def terms_export(*, terms: list[Term], fmt: str) -> bytes:
    """The words as a CSV (UTF-8 with a byte-order mark, for Excel) or an XLSX file."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for row in _rows(terms):
            writer.writerow(safe_row(row))
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("words")
        sheet.append(HEADER)
        for row in _rows(terms):
            sheet.append(safe_row(row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    raise ValueError(fmt)
