"""A curriculum's units and objectives to and from a spreadsheet (CSV or XLSX), all or nothing.

One row per objective: unit_code, unit_name, objective_code, objective (Swedish headers work too).
A row with a unit and no objective only names the unit. Every row is checked first; only when no
row has an error is anything written, in one transaction. Units and objectives are matched by
their code: a code already there is updated, a new one is added, and what the file does not
mention stays as it is. Importing the file the export made changes nothing.
"""

import csv
import io
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError

# The reading and the report are those of the matching profiles' import: same files, same look.
from smile.core.spreadsheets import (
    MAX_BYTES,
    FileError,
    ImportReport,
    RowError,
    match_columns,
    read_table,
    safe_row,
)
from smile.learning.models import Curriculum, Objective, Unit

__all__ = ["MAX_BYTES", "CurriculumImportReport", "curriculum_import"]

HEADER = ["unit_code", "unit_name", "objective_code", "objective"]
COLUMNS: dict[str, tuple[str, ...]] = {
    "unit_code": ("unit_code", "enhetskod", "enhet_kod"),
    "unit_name": ("unit_name", "enhet", "enhetsnamn"),
    "objective_code": ("objective_code", "målkod", "mål_kod"),
    "objective": ("objective", "mål", "objective_text"),
}
_HEADER_KEYS = {name: key for key, names in COLUMNS.items() for name in names}
TEMPLATE_ROWS = [
    ["SAF", "Säkerhet i gjuteriet", "SAF1", "Jag kan välja rätt skyddsutrustning för uppgiften"],
    ["MAT", "Mätteknik", "MAT1", "Jag kan mäta en detalj med skjutmått och läsa av rätt"],
]
_LIMITS = {
    "unit_code": Unit._meta.get_field("code").max_length,
    "unit_name": Unit._meta.get_field("name").max_length,
    "objective_code": Objective._meta.get_field("code").max_length,
    "objective": Objective._meta.get_field("text").max_length,
}


@dataclass
class CurriculumImportReport(ImportReport):
    """`created` and `updated` count objectives; units are counted apart."""

    units_created: int = 0
    units_updated: int = 0
    unchanged: int = 0


@dataclass
class _Row:
    number: int
    unit_code: str
    unit_name: str
    objective_code: str
    objective: str


def _columns(header: list[str], report: ImportReport) -> dict[str, tuple[int, str]]:
    """Column key → (index, header as written). FileError when one is missing or twice."""
    found = {
        column.key: (index, column.header)
        for index, column in enumerate(match_columns(header, _HEADER_KEYS, report))
        if column is not None
    }
    missing = [key for key in HEADER if key not in found]
    if missing:
        raise FileError(
            _("The file must have these columns: %(columns)s. Missing: %(missing)s.")
            % {"columns": ", ".join(HEADER), "missing": ", ".join(missing)}
        )
    return found


def _check(
    data: list[tuple[int, list[str]]],
    columns: dict[str, tuple[int, str]],
    errors: list[RowError],
) -> list[_Row]:
    rows: list[_Row] = []
    unit_first: dict[str, tuple[int, str]] = {}
    objective_first: dict[str, int] = {}
    for number, values in data:
        cells = {
            key: values[index] if index < len(values) else ""
            for key, (index, _header) in columns.items()
        }
        before = len(errors)
        for key in ("unit_code", "unit_name"):
            if not cells[key]:
                errors.append(RowError(number, columns[key][1], _("This cell is empty.")))
        has_objective = bool(cells["objective_code"] or cells["objective"])
        if has_objective:
            for key in ("objective_code", "objective"):
                if not cells[key]:
                    errors.append(RowError(number, columns[key][1], _("This cell is empty.")))
        for key, limit in _LIMITS.items():
            if limit and len(cells[key]) > limit:
                errors.append(
                    RowError(
                        number,
                        columns[key][1],
                        _("This is too long: at most %(count)d characters.") % {"count": limit},
                    )
                )
        unit_code = cells["unit_code"]
        if unit_code and cells["unit_name"]:
            first = unit_first.setdefault(unit_code.casefold(), (number, cells["unit_name"]))
            if first[1] != cells["unit_name"]:
                errors.append(
                    RowError(
                        number,
                        columns["unit_name"][1],
                        _("The unit %(code)s has another name on row %(row)d.")
                        % {"code": unit_code, "row": first[0]},
                    )
                )
        code = cells["objective_code"]
        if code:
            first_row = objective_first.setdefault(code.casefold(), number)
            if first_row != number:
                errors.append(
                    RowError(
                        number,
                        columns["objective_code"][1],
                        _("The objective code %(code)s is already on row %(row)d.")
                        % {"code": code, "row": first_row},
                    )
                )
        if len(errors) == before:
            rows.append(_Row(number, unit_code, cells["unit_name"], code, cells["objective"]))
    return rows


def curriculum_import(
    *, curriculum: Curriculum, actor: User, filename: str, content: bytes
) -> CurriculumImportReport:
    """Check every row of the file and, only if all are right, write its units and objectives."""
    if not policies.can_change(actor, curriculum):
        raise ApplicationError(_("You cannot change this curriculum."))
    report = CurriculumImportReport()
    try:
        header, data = read_table(filename, content)
        columns = _columns(header, report)
    except FileError as error:
        report.file_errors.append(str(error))
        return report
    report.rows = len(data)
    rows = _check(data, columns, report.errors)
    if report.errors:
        return report
    with transaction.atomic():
        _write(curriculum, rows, report)
    report.ok = True
    return report


def _write(curriculum: Curriculum, rows: list[_Row], report: CurriculumImportReport) -> None:
    units = {u.code: u for u in Unit.objects.select_for_update().filter(curriculum=curriculum)}
    objectives = {o.code: o for o in Objective.objects.filter(curriculum=curriculum)}
    next_unit = max((u.order for u in units.values()), default=0) + 1
    next_objective: dict[int, int] = {}
    for objective in objectives.values():
        next_objective[objective.unit_id] = max(
            next_objective.get(objective.unit_id, 0), objective.order + 1
        )
    seen_units: set[str] = set()
    for row in rows:
        unit = units.get(row.unit_code)
        if unit is None:
            unit = Unit.objects.create(
                curriculum=curriculum, code=row.unit_code, name=row.unit_name, order=next_unit
            )
            next_unit += 1
            units[unit.code] = unit
            seen_units.add(unit.code)
            report.units_created += 1
        elif unit.code not in seen_units:
            seen_units.add(unit.code)
            if unit.name != row.unit_name:
                unit.name = row.unit_name
                unit.save(update_fields=["name", "updated_at"])
                report.units_updated += 1
        if not row.objective_code:
            continue
        existing = objectives.get(row.objective_code)
        if existing is None:
            order = next_objective.get(unit.pk, 1)
            next_objective[unit.pk] = order + 1
            objective = Objective.objects.create(
                curriculum=curriculum,
                unit=unit,
                code=row.objective_code,
                text=row.objective,
                order=order,
            )
            objectives[objective.code] = objective
            report.created += 1
        elif existing.text != row.objective or existing.unit_id != unit.pk:
            existing.text = row.objective
            existing.unit = unit
            existing.save(update_fields=["text", "unit", "updated_at"])
            report.updated += 1
        else:
            report.unchanged += 1


# --- export ----------------------------------------------------------------------------------


def export_rows(curriculum: Curriculum) -> list[list[str]]:
    """The rows of the export (header first): every objective, and units without any."""
    rows: list[list[str]] = [list(HEADER)]
    units = Unit.objects.filter(curriculum=curriculum).order_by("order", "code")
    objectives = Objective.objects.filter(curriculum=curriculum).order_by("order", "code")
    by_unit: dict[int, list[Objective]] = {}
    for objective in objectives:
        by_unit.setdefault(objective.unit_id, []).append(objective)
    for unit in units:
        if unit.pk not in by_unit:
            rows.append([unit.code, unit.name, "", ""])
        for objective in by_unit.get(unit.pk, []):
            rows.append([unit.code, unit.name, objective.code, objective.text])
    return rows


def to_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # so that Excel reads UTF-8
    csv.writer(out).writerows(safe_row(row) for row in rows)
    return out.getvalue().encode("utf-8")


def to_xlsx(rows: list[list[str]], *, title: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    # A sheet title is at most 31 characters and some characters are not allowed.
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Curriculum"
    for row in rows:
        sheet.append(safe_row(row))
    for column, width in zip("ABCD", (12, 30, 14, 70), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
