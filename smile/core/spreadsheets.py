"""Reading a spreadsheet people upload (CSV with , or ; and with or without BOM, or XLSX), and
the row-by-row report every import shows. Each import checks all rows before it writes anything.

Every export (CSV or XLSX) passes its rows through `safe_row`, so no text SMILE writes is run as
a formula by the spreadsheet program that opens it; `read_table` undoes that quote, so a file we
exported imports back unchanged.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024

# A spreadsheet program runs a text cell that begins with one of these as a formula ("CSV
# injection"): a name such as =HYPERLINK("http://evil","x") would become a live link, and worse
# formulas can reach other cells or programs. OWASP's advice: put a single quote before it.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# "-5" or "+3.5" is a number to a spreadsheet, never a formula: it stays as it is.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def safe_cell[T](value: T) -> T | str:
    """A cell for an export: text that would start a formula gets a leading single quote;
    numbers, dates, empty cells and all other text pass unchanged."""
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_START)
        and not _PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def safe_row[T](values: Iterable[T]) -> list[T | str]:
    """`safe_cell` for every cell of a row: what every CSV and XLSX export writes."""
    return [safe_cell(value) for value in values]


def unquote_cell(text: str) -> str:
    """Undo `safe_cell` when a file is read back: the quote before a formula sign goes."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        return text[1:]
    return text


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str  # the header as written in the file; empty for the whole row
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("Row %(row)d, %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Row %(row)d: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class ImportReport:
    ok: bool = False
    file_errors: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    rows: int = 0
    created: int = 0
    updated: int = 0

    @property
    def errors_by_row(self) -> dict[int, list[RowError]]:
        by_row: dict[int, list[RowError]] = {}
        for error in self.errors:
            by_row.setdefault(error.row, []).append(error)
        return by_row

    @property
    def rows_with_errors(self) -> int:
        return len(self.errors_by_row)


class FileError(Exception):
    """The file as a whole cannot be used; the message says why, in the reader's language."""


def normalise_header(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(content: bytes) -> Iterator[list[str]]:
    if b"\x00" in content:
        raise FileError(_("The file is not a CSV file."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileError(
            _("The file is not UTF-8 text. Save it as “CSV UTF-8” and upload it again.")
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield [cell.strip() for cell in row]
    except csv.Error:
        raise FileError(_("The file could not be read as CSV.")) from None


def _xlsx_rows(content: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise FileError(_("The file could not be read as an Excel workbook (.xlsx).")) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return
        for values in sheet.iter_rows(values_only=True):
            yield [cell_text(value) for value in values]
    finally:
        workbook.close()


def read_table(filename: str, content: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the non-empty rows with their spreadsheet numbers; FileError if unusable."""
    if len(content) > MAX_BYTES:
        raise FileError(
            _("The file is larger than %(size)d MB.") % {"size": MAX_BYTES // (1024 * 1024)}
        )
    if not content.removeprefix(b"\xef\xbb\xbf").strip():
        raise FileError(_("The file is empty."))
    name = filename.lower()
    if name.endswith(".csv"):
        rows = _csv_rows(content)
    elif name.endswith(".xlsx"):
        rows = _xlsx_rows(content)
    else:
        raise FileError(_("Upload a CSV file (.csv) or an Excel workbook (.xlsx)."))
    header: list[str] | None = None
    data: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(rows, start=1):
        row = [unquote_cell(cell) for cell in cells]
        if header is None:
            header = row
            if not any(header):
                raise FileError(_("The first row must name the columns, but it is empty."))
            continue
        if any(row):
            data.append((number, row))
            if len(data) > MAX_ROWS:
                raise FileError(
                    _("The file has more than %(count)d rows. Split it into smaller files.")
                    % {"count": MAX_ROWS}
                )
    if header is None:
        raise FileError(_("The file is empty."))
    if not data:
        raise FileError(_("The file has no rows under the header."))
    return header, data


@dataclass(frozen=True)
class Column:
    key: str  # the field it fills
    header: str  # as written in the file


def match_columns(
    header: list[str], header_keys: dict[str, str], report: ImportReport
) -> list[Column | None]:
    """Each column of the file matched to a field by its (normalised) header, or None when
    unused; a column named twice makes the file unusable; unused columns become a notice."""
    columns: list[Column | None] = []
    seen: set[str] = set()
    ignored: list[str] = []
    for text in header:
        key = header_keys.get(normalise_header(text))
        if key is None:
            if text:
                ignored.append(text)
            columns.append(None)
            continue
        if key in seen:
            raise FileError(_("The column “%(column)s” appears twice.") % {"column": text})
        seen.add(key)
        columns.append(Column(key=key, header=text))
    if ignored:
        report.notices.append(
            _("These columns are not used and were ignored: %(columns)s.")
            % {"columns": ", ".join(ignored)}
        )
    return columns


# --- the import pages: one form field and one way to answer, for every import ----------------

ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload_field(*, label: Any, help_text: Any) -> forms.FileField:
    """The file field of an import form: the file picker offers CSV and Excel files."""
    return forms.FileField(
        label=label, help_text=help_text, widget=forms.ClearableFileInput(attrs={"accept": ACCEPT})
    )


def import_succeeded(request: HttpRequest, report: ImportReport, message: str) -> None:
    """What a successful import says: the counts (`message`), then each notice."""
    messages.success(request, message)
    for notice in report.notices:
        messages.info(request, notice)


def import_refused(form: forms.Form, report: ImportReport) -> None:
    """Why nothing was imported, on the form's file field; the report lists the rows."""
    for error in report.file_errors:
        form.add_error("file", error)
    if report.errors:
        form.add_error(
            "file",
            _(
                "Rows with problems: %(count)d of %(rows)d. Nothing was saved: "
                "correct the file and upload it again."
            )
            % {"count": report.rows_with_errors, "rows": report.rows},
        )
