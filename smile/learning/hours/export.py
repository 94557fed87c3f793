"""The monthly certificate of hours for funders, as a spreadsheet (XLSX) or CSV."""

import csv
import io
from datetime import date

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from smile.core.spreadsheets import safe_row
from smile.learning.hours.selectors import ExportRow


def headers() -> list[str]:
    return [
        _("Programme"),
        _("Adept"),
        _("Workplace"),
        _("School"),
        _("Month"),
        _("Theory hours"),
        _("Workplace hours"),
        _("Confirmed by the adept on"),
    ]


def _cells(row: ExportRow, month: date) -> list[str | float | date | None]:
    # Names are text a person typed: none may start a formula in the funder's spreadsheet.
    return safe_row(
        [
            row.programme,
            row.adept,
            row.workplace,
            row.school,
            f"{month:%Y-%m}",
            row.theory_hours,
            row.workplace_hours,
            row.confirmed_on,
        ]
    )


def as_xlsx(rows: list[ExportRow], month: date) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{month:%Y-%m}"
    sheet.append(safe_row(headers()))
    for row in rows:
        sheet.append(_cells(row, month))
    for index, width in enumerate((24, 28, 24, 24, 10, 14, 16, 22), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet["H"][1:]:
        cell.number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def as_csv(rows: list[ExportRow], month: date) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(safe_row(headers()))
    for row in rows:
        writer.writerow(["" if cell is None else str(cell) for cell in _cells(row, month)])
    return out.getvalue()
