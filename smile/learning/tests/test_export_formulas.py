"""No export runs a formula: a name that begins with =, +, -, @, a tab or a carriage return
reaches the spreadsheet with a single quote before it (CSV and XLSX alike), numbers stay
numbers, and the file we exported imports back unchanged."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from smile.learning.curricula.spreadsheet import curriculum_import
from smile.learning.models import MonthConfirmation, Objective, Term, Unit
from smile.learning.tests.curricula_fixtures import make_curriculum
from smile.learning.tests.reviews_fixtures import entry
from smile.learning.tests.vocabulary_fixtures import build_words
from tests.cast import Cast

EVIL = '=HYPERLINK("http://evil","x")'


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def sheet_rows(content: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [list(row) for row in sheet.iter_rows(values_only=True)]


# --- curricula -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_curriculum_unit_named_as_a_formula_is_quoted(cast: Cast, login, fmt: str) -> None:
    foundry = make_curriculum(cast, units=1, per_unit=1)
    Unit.objects.filter(code="U1").update(name_sv=EVIL, name_ar="=HYPERLINK(1)")
    Objective.objects.filter(code="U1.1").update(text_sv="@SUM(1+1)")
    response = login(cast.dana).get(
        f"/learning/curricula/{foundry.curriculum.pk}/export/?format={fmt}"
    )
    assert response.status_code == 200
    rows = csv_rows(response.content) if fmt == "csv" else sheet_rows(response.content)
    # The Swedish columns, then unit_name_en, unit_name_ar, ... (the other languages' versions).
    assert [row[:6] for row in rows] == [
        ["unit_code", "unit_name", "objective_code", "objective", "unit_name_en", "unit_name_ar"],
        ["U1", "'" + EVIL, "U1.1", "'@SUM(1+1)", "" if fmt == "csv" else None, "'=HYPERLINK(1)"],
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_quoted_curriculum_imports_back_without_the_quote(cast: Cast, login, fmt: str) -> None:
    foundry = make_curriculum(cast, units=1, per_unit=1)
    Unit.objects.filter(code="U1").update(name_sv=EVIL, name_ar="=HYPERLINK(1)")
    Objective.objects.filter(code="U1.1").update(text_sv="-2 °C i formen")
    response = login(cast.dana).get(
        f"/learning/curricula/{foundry.curriculum.pk}/export/?format={fmt}"
    )
    report = curriculum_import(
        curriculum=foundry.curriculum,
        actor=cast.tess,
        filename=f"export.{fmt}",
        content=response.content,
    )
    assert report.ok, report.errors
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert Unit.objects.values_list("name_sv", "name_ar").get(code="U1") == (EVIL, "=HYPERLINK(1)")
    assert Objective.objects.values_list("text_sv", flat=True).get(code="U1.1") == "-2 °C i formen"


# --- words of the trade ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_word_written_as_a_formula_is_quoted(cast: Cast, login, fmt: str) -> None:
    words = build_words(cast)
    Term.objects.filter(pk=words.mould.pk).update(
        swedish=EVIL, explanation="+1+cmd|' /C calc'!A0", translations={"en": "\tTAB"}
    )
    response = login(cast.tess).get(
        f"/learning/words/curriculum/{words.curriculum.pk}/export/{fmt}/"
    )
    assert response.status_code == 200
    rows = csv_rows(response.content) if fmt == "csv" else sheet_rows(response.content)
    quoted = next(row for row in rows if str(row[0]).endswith(EVIL))
    assert quoted[:2] == ["'" + EVIL, "'+1+cmd|' /C calc'!A0"]
    assert quoted[-1] == "'\tTAB"


# --- hours for funders -----------------------------------------------------------------------


def october(cast: Cast) -> None:
    cast.dana.full_name = EVIL
    cast.dana.save()
    cast.moulding.name = "-Formning"
    cast.moulding.save()
    day = date(2026, 10, 14)
    entry(cast.dana_enrolment, day, "08:00", "12:30", confirmed_by=cast.bob)
    entry(cast.dana_enrolment, day, "13:00", "16:00", kind="theory", confirmed_by=cast.tess)
    MonthConfirmation.objects.create(
        enrolment=cast.dana_enrolment,
        month=date(2026, 10, 1),
        theory_minutes=180,
        workplace_minutes=270,
        confirmed_by=cast.dana,
    )


def test_an_adept_named_as_a_formula_is_quoted_in_the_hours_csv(cast: Cast, login) -> None:
    october(cast)
    response = login(cast.alice).get("/learning/hours/export/?month=2026-10&format=csv")
    assert response.status_code == 200
    row = next(row for row in csv_rows(response.content) if row[1].endswith(EVIL))
    assert row[:7] == [
        "Gjuterivägen",
        "'" + EVIL,
        "'-Formning",
        "Lärcentrum",
        "2026-10",
        "3.0",
        "4.5",
    ]


def test_an_adept_named_as_a_formula_is_quoted_in_the_hours_workbook(cast: Cast, login) -> None:
    october(cast)
    response = login(cast.alice).get("/learning/hours/export/?month=2026-10")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    row = next(row for row in sheet.iter_rows(min_row=2) if str(row[1].value).endswith(EVIL))
    assert [cell.value for cell in row[:7]] == [
        "Gjuterivägen",
        "'" + EVIL,
        "'-Formning",
        "Lärcentrum",
        "2026-10",
        3,
        4.5,
    ]
    # The hours are numbers the funder can add up, not text.
    assert (row[1].data_type, row[5].data_type, row[6].data_type) == ("s", "n", "n")
