"""A curriculum's units and objectives to and from a spreadsheet (CSV or XLSX), all or nothing.

One row per objective: unit_code, unit_name, objective_code, objective (Swedish headers work too),
in Swedish; optional columns carry the other languages' versions, one per language: unit_name_ar,
objective_ar, unit_name_ti ... (the export writes them all). A language column in the file says
what the versions are: an empty cell is no version. A row with a unit and no objective only names
the unit. Every row is checked first; only when no
row has an error is anything written, in one transaction. Units and objectives are matched by
their code: a code already there is updated, a new one is added, and what the file does not
mention stays as it is. Importing the file the export made changes nothing.
"""

import csv
import io
from dataclasses import dataclass, field

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
from smile.learning import content
from smile.learning.models import Curriculum, Objective, Unit

__all__ = ["MAX_BYTES", "CurriculumImportReport", "curriculum_import"]

HEADER = ["unit_code", "unit_name", "objective_code", "objective"]
COLUMNS: dict[str, tuple[str, ...]] = {
    "unit_code": ("unit_code", "enhetskod", "enhet_kod"),
    "unit_name": ("unit_name", "enhet", "enhetsnamn"),
    "objective_code": ("objective_code", "målkod", "mål_kod"),
    "objective": ("objective", "mål", "objective_text"),
}
# The texts with a version per language: the column of the file → the field of the model.
TRANSLATED = {"unit_name": "name", "objective": "text"}
LANGUAGE_CODES = [language.code for language in content.other_languages()]
# unit_name_ar, objective_ar, ... (and enhet_ar, mål_ar ...), after the Swedish columns.
VERSION_COLUMNS = [f"{key}_{code}" for key in ("unit_name", "objective") for code in LANGUAGE_CODES]
COLUMNS |= {
    f"{key}_{code}": tuple(f"{name}_{code}" for name in COLUMNS[key])
    for key in TRANSLATED
    for code in LANGUAGE_CODES
}
EXPORT_HEADER = HEADER + VERSION_COLUMNS
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
_LIMITS |= {f"{key}_{code}": _LIMITS[key] for key in TRANSLATED for code in LANGUAGE_CODES}


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
    # The versions in the language columns the file has: "name_ar" → text ("" for none).
    unit_versions: dict[str, str] = field(default_factory=dict)
    objective_versions: dict[str, str] = field(default_factory=dict)


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
    # A unit's version in a language comes from the first row that gives one.
    unit_version_first: dict[tuple[str, str], tuple[int, str]] = {}
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
            if key in cells and limit and len(cells[key]) > limit:
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
        unit_versions = _versions(cells, "unit_name")
        for key, text in unit_versions.items():
            if not (unit_code and text):
                continue
            first = unit_version_first.setdefault((unit_code.casefold(), key), (number, text))
            if first[1] != text:
                header = columns[f"unit_name_{key.removeprefix('name_')}"][1]
                errors.append(
                    RowError(
                        number,
                        header,
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
            rows.append(
                _Row(
                    number,
                    unit_code,
                    cells["unit_name"],
                    code,
                    cells["objective"],
                    unit_versions=unit_versions,
                    objective_versions=_versions(cells, "objective"),
                )
            )
    for row in rows:  # each row of a unit carries the versions the file gives it anywhere
        for key in row.unit_versions:
            given = unit_version_first.get((row.unit_code.casefold(), key))
            row.unit_versions[key] = given[1] if given else ""
    return rows


def _versions(cells: dict[str, str], key: str) -> dict[str, str]:
    """The versions in the file's language columns of one text: model column → text."""
    model_field = TRANSLATED[key]
    return {
        content.column(model_field, code): cells[f"{key}_{code}"]
        for code in LANGUAGE_CODES
        if f"{key}_{code}" in cells
    }


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


def _differs(obj: Unit | Objective, name: str, text: str, versions: dict[str, str]) -> bool:
    return content.source(obj, name) != text or any(
        (getattr(obj, key) or "") != version for key, version in versions.items()
    )


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
            unit = Unit(curriculum=curriculum, code=row.unit_code, order=next_unit)
            content.set_versions(unit, {"name": row.unit_name}, row.unit_versions)
            content.save_in_source(unit)
            next_unit += 1
            units[unit.code] = unit
            seen_units.add(unit.code)
            report.units_created += 1
        elif unit.code not in seen_units:
            seen_units.add(unit.code)
            if _differs(unit, "name", row.unit_name, row.unit_versions):
                content.set_versions(unit, {"name": row.unit_name}, row.unit_versions)
                columns = ["name", "name_sv", *row.unit_versions]
                content.save_in_source(unit, update_fields=[*columns, "updated_at"])
                report.units_updated += 1
        if not row.objective_code:
            continue
        existing = objectives.get(row.objective_code)
        if existing is None:
            order = next_objective.get(unit.pk, 1)
            next_objective[unit.pk] = order + 1
            objective = Objective(
                curriculum=curriculum, unit=unit, code=row.objective_code, order=order
            )
            content.set_versions(objective, {"text": row.objective}, row.objective_versions)
            content.save_in_source(objective)
            objectives[objective.code] = objective
            report.created += 1
        elif (
            _differs(existing, "text", row.objective, row.objective_versions)
            or existing.unit_id != unit.pk
        ):
            content.set_versions(existing, {"text": row.objective}, row.objective_versions)
            existing.unit = unit
            columns = ["text", "text_sv", *row.objective_versions]
            content.save_in_source(existing, update_fields=[*columns, "unit", "updated_at"])
            report.updated += 1
        else:
            report.unchanged += 1


# --- export ----------------------------------------------------------------------------------


def export_rows(curriculum: Curriculum) -> list[list[str]]:
    """The rows of the export (header first): every objective, and units without any; the
    Swedish texts, then every other language's versions (an empty cell: none yet)."""
    rows: list[list[str]] = [list(EXPORT_HEADER)]
    units = Unit.objects.filter(curriculum=curriculum).order_by("order", "code")
    objectives = Objective.objects.filter(curriculum=curriculum).order_by("order", "code")
    by_unit: dict[int, list[Objective]] = {}
    for objective in objectives:
        by_unit.setdefault(objective.unit_id, []).append(objective)
    for unit in units:
        unit_versions = [content.version(unit, "name", code) for code in LANGUAGE_CODES]
        if unit.pk not in by_unit:
            blank = [""] * len(LANGUAGE_CODES)
            rows.append([unit.code, content.source(unit, "name"), "", "", *unit_versions, *blank])
        for objective in by_unit.get(unit.pk, []):
            rows.append(
                [
                    unit.code,
                    content.source(unit, "name"),
                    objective.code,
                    content.source(objective, "text"),
                    *unit_versions,
                    *(content.version(objective, "text", code) for code in LANGUAGE_CODES),
                ]
            )
    return rows


def to_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # so that Excel reads UTF-8
    csv.writer(out).writerows(safe_row(row) for row in rows)
    return out.getvalue().encode("utf-8")


def to_xlsx(rows: list[list[str]], *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    # A sheet title is at most 31 characters and some characters are not allowed.
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Curriculum"
    for row in rows:
        sheet.append(safe_row(row))
    widths = [12, 30, 14, 70] + [30] * (len(rows[0]) - 4 if rows else 0)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
