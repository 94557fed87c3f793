"""Import and export of a curriculum's units and objectives: every row checked first, all or
nothing, and the exported file imported again changes nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from smile.core.errors import ApplicationError
from smile.learning.curricula.spreadsheet import CurriculumImportReport, curriculum_import
from smile.learning.models import Curriculum, Objective, Unit
from smile.learning.tests.curricula_fixtures import Foundry, make_curriculum
from tests.cast import Cast
from tests.pages import body_of

GOOD_CSV = (
    "unit_code,unit_name,objective_code,objective\n"
    "SAK,Säkerhet i gjuteriet,SAK1,Jag kan välja rätt skyddsutrustning\n"
    'MAT,Mätteknik,MAT1,"Jag kan mäta med skjutmått, och läsa av rätt"\n'
    "MAT,Mätteknik,MAT2,Jag kan mäta med mikrometer\n"
)


@pytest.fixture
def empty(cast: Cast) -> Curriculum:
    return Curriculum.objects.create(organisation=cast.school, name="Gjuteri")


@pytest.fixture
def foundry(cast: Cast) -> Foundry:
    return make_curriculum(cast)


def run(
    cast: Cast, curriculum: Curriculum, content: str | bytes, filename: str = "plan.csv"
) -> CurriculumImportReport:
    data = content.encode() if isinstance(content, str) else content
    return curriculum_import(
        curriculum=curriculum, actor=cast.tess, filename=filename, content=data
    )


def state() -> list[tuple[object, ...]]:
    return [
        *Unit.objects.order_by("pk").values_list("pk", "code", "name", "order", "updated_at"),
        *Objective.objects.order_by("pk").values_list(
            "pk", "code", "text", "unit_id", "order", "updated_at"
        ),
    ]


def errors(report: CurriculumImportReport) -> list[str]:
    return [str(error) for error in report.errors]


def xlsx(rows: list[list[str]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- good files ------------------------------------------------------------------------------


def test_a_good_csv_with_commas_adds_units_and_objectives(cast: Cast, empty: Curriculum) -> None:
    report = run(cast, empty, GOOD_CSV)
    assert report.ok, (report.file_errors, errors(report))
    assert (report.rows, report.units_created, report.created, report.updated) == (3, 2, 3, 0)
    units = list(Unit.objects.filter(curriculum=empty).values_list("code", "name", "order"))
    assert units == [("SAK", "Säkerhet i gjuteriet", 1), ("MAT", "Mätteknik", 2)]
    objectives = list(
        Objective.objects.filter(curriculum=empty).values_list("code", "unit__code", "text")
    )
    assert objectives == [
        ("SAK1", "SAK", "Jag kan välja rätt skyddsutrustning"),
        ("MAT1", "MAT", "Jag kan mäta med skjutmått, och läsa av rätt"),
        ("MAT2", "MAT", "Jag kan mäta med mikrometer"),
    ]


def test_semicolons_a_bom_and_swedish_headers_work(cast: Cast, empty: Curriculum) -> None:
    text = (
        "\ufeffEnhetskod;Enhet;Målkod;Mål\n"
        "SAK;Säkerhet;SAK1;Jag kan välja skydd\n"
        "SAK;Säkerhet;SAK2;Jag vet var nödstoppet finns\n"
    )
    report = run(cast, empty, text)
    assert report.ok, (report.file_errors, errors(report))
    assert list(Objective.objects.values_list("code", flat=True)) == ["SAK1", "SAK2"]


def test_a_good_xlsx_is_imported(cast: Cast, empty: Curriculum) -> None:
    content = xlsx(
        [
            ["unit_code", "unit_name", "objective_code", "objective"],
            ["FRM", "Formning", "FRM1", "Jag kan stampa en form"],
            ["EFT", "Efterbehandling", "", ""],
        ]
    )
    report = run(cast, empty, content, "plan.xlsx")
    assert report.ok, (report.file_errors, errors(report))
    assert (report.units_created, report.created) == (2, 1)
    assert list(Unit.objects.values_list("code", flat=True)) == ["FRM", "EFT"]


def test_existing_codes_are_updated_and_what_the_file_leaves_out_stays(
    cast: Cast, foundry: Foundry
) -> None:
    text = (
        "unit_code,unit_name,objective_code,objective\n"
        "U1,Säkerhet,U1.1,Ny text\n"
        "U2,Enhet 2,U1.2,Jag kan sak 1.2\n"
        "U3,Ny enhet,U3.1,Helt nytt\n"
    )
    report = run(cast, foundry.curriculum, text)
    assert report.ok, errors(report)
    assert (report.units_created, report.units_updated, report.created, report.updated) == (
        1,
        1,
        1,
        2,
    )
    assert Unit.objects.get(code="U1").name == "Säkerhet"
    assert Objective.objects.get(code="U1.1").text == "Ny text"
    moved = Objective.objects.get(code="U1.2")
    assert moved.unit.code == "U2"
    assert moved.order == 2  # kept: an objective that exists keeps its place
    new = Objective.objects.get(code="U3.1")
    assert (new.unit.order, new.order) == (3, 1)
    assert Objective.objects.filter(curriculum=foundry.curriculum).count() == 7


# --- bad files -------------------------------------------------------------------------------


def test_a_file_with_one_bad_row_writes_nothing_and_says_where(
    cast: Cast, foundry: Foundry
) -> None:
    before = state()
    text = (
        "unit_code,unit_name,objective_code,objective\n"
        "U1,Enhet 1,U1.9,Jag kan något nytt\n"
        "U4,Enhet 4,U4.1,\n"
        "U5,Enhet 5,U5.1,Ok\n"
    )
    report = run(cast, foundry.curriculum, text)
    assert not report.ok
    assert errors(report) == ["Row 3, objective: This cell is empty."]
    assert (report.rows, report.rows_with_errors) == (3, 1)
    assert state() == before


def test_too_long_cells_and_missing_units_are_reported(cast: Cast, empty: Curriculum) -> None:
    text = (
        "unit_code;unit_name;objective_code;objective\n"
        f"{'X' * 21};Enhet;A1;Ok\n"
        ";Enhet;A2;Ok\n"
        f"U;Enhet;A3;{'y' * 301}\n"
    )
    report = run(cast, empty, text)
    assert errors(report) == [
        "Row 2, unit_code: This is too long: at most 20 characters.",
        "Row 3, unit_code: This cell is empty.",
        "Row 4, objective: This is too long: at most 300 characters.",
    ]
    assert not Unit.objects.exists() and not Objective.objects.exists()


def test_duplicates_inside_the_file_are_reported(cast: Cast, empty: Curriculum) -> None:
    text = (
        "unit_code,unit_name,objective_code,objective\n"
        "U1,Enhet 1,A1,Ett\n"
        "U1,Enhet ett,A2,Två\n"
        "U2,Enhet 2,a1,Tre\n"
    )
    report = run(cast, empty, text)
    assert errors(report) == [
        "Row 3, unit_name: The unit U1 has another name on row 2.",
        "Row 4, objective_code: The objective code a1 is already on row 2.",
    ]
    assert not Unit.objects.exists()


def test_unknown_columns_are_ignored_with_a_notice(cast: Cast, empty: Curriculum) -> None:
    text = "unit_code,unit_name,objective_code,objective,colour\nU1,Enhet,A1,Ett,blå\n"
    report = run(cast, empty, text)
    assert report.ok
    assert report.notices == ["These columns are not used and were ignored: colour."]


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("plan.csv", b"", "The file is empty."),
        ("plan.csv", b"\xef\xbb\xbf  \n", "The file is empty."),
        ("plan.csv", b"unit_code,unit_name,objective_code,objective\n", "The file has no rows"),
        (
            "plan.csv",
            b"unit_code,unit_name,code\nU1,Enhet,A1\n",
            "The file must have these columns: unit_code, unit_name, objective_code, objective. "
            "Missing: objective_code, objective.",
        ),
        (
            "plan.csv",
            b"unit_code,enhetskod,unit_name,objective_code,objective\nU1,U1,E,A,B\n",
            "The column \u201cenhetskod\u201d appears twice.",
        ),
        ("plan.xlsx", b"\x89PNG\r\n\x1a\nnot a workbook", "could not be read as an Excel"),
        ("plan.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "The file is not a CSV file."),
        ("plan.pdf", b"%PDF-1.4", "Upload a CSV file (.csv) or an Excel workbook (.xlsx)."),
    ],
)
def test_unusable_files_are_refused_as_a_whole(
    cast: Cast, foundry: Foundry, filename: str, content: bytes, message: str
) -> None:
    before = state()
    report = run(cast, foundry.curriculum, content, filename)
    assert not report.ok and not report.errors
    assert len(report.file_errors) == 1 and message in report.file_errors[0]
    assert state() == before


def test_only_an_editor_may_import(cast: Cast, foundry: Foundry) -> None:
    with pytest.raises(ApplicationError):
        curriculum_import(
            curriculum=foundry.curriculum,
            actor=cast.bob,
            filename="plan.csv",
            content=GOOD_CSV.encode(),
        )
    assert not Unit.objects.filter(code="SAK").exists()


# --- export and the round trip ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_importing_the_exported_file_changes_nothing(
    cast: Cast, login, foundry: Foundry, fmt: str
) -> None:
    Unit.objects.create(curriculum=foundry.curriculum, code="U9", name="Tom enhet", order=9)
    Objective.objects.filter(code="U1.1").update(text_sv="=1+1 är inte en formel")
    before = state()
    response = login(cast.dana).get(
        f"/learning/curricula/{foundry.curriculum.pk}/export/?format={fmt}"
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="gjuteri.{fmt}"'
    if fmt == "csv":
        text = response.content.decode("utf-8")
        assert text.startswith(
            "\ufeffunit_code,unit_name,objective_code,objective,"
            "unit_name_en,unit_name_ar,unit_name_uk,unit_name_ti,unit_name_so,unit_name_prs,"
            "unit_name_fa,objective_en,objective_ar,objective_uk,objective_ti,objective_so,"
            "objective_prs,objective_fa\r\n"
        )
        assert "U1,Enhet 1,U1.1,'=1+1 är inte en formel,,,,,,,,,,,,,,\r\n" in text
        assert "U9,Tom enhet,,,,,,,,,,,,,,,,\r\n" in text
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet is not None
        assert sheet["D2"].value == "'=1+1 är inte en formel" and sheet["D2"].data_type == "s"
    report = run(cast, foundry.curriculum, response.content, f"export.{fmt}")
    assert report.ok, (report.file_errors, errors(report))
    assert (report.created, report.updated, report.unchanged, report.units_created) == (0, 0, 6, 0)
    assert state() == before


def test_charlie_cannot_export(cast: Cast, login, foundry: Foundry) -> None:
    url = f"/learning/curricula/{foundry.curriculum.pk}/export/?format=csv"
    assert login(cast.charlie).get(url).status_code == 404


# --- the import page -------------------------------------------------------------------------


def test_the_teacher_imports_through_the_page(cast: Cast, login, empty: Curriculum) -> None:
    client = login(cast.tess)
    url = f"/learning/curricula/{empty.pk}/import/"
    page = body_of(client.get(url))
    assert 'enctype="multipart/form-data"' in page
    assert f'href="/learning/curricula/{empty.pk}/import/template/"' in page
    response = client.post(
        url, {"file": SimpleUploadedFile("plan.csv", GOOD_CSV.encode())}, follow=True
    )
    assert response.redirect_chain == [(f"/learning/curricula/{empty.pk}/", 302)]
    assert (
        "The file is imported: 2 new units, 3 new objectives, 0 changed, 0 unchanged."
        in response.content.decode()
    )
    assert Objective.objects.filter(curriculum=empty).count() == 3


def test_the_page_lists_the_problems_in_the_users_language(
    cast: Cast, login, foundry: Foundry
) -> None:
    client = login(cast.tess)
    client.cookies["smile_language"] = "sv"
    before = state()
    text = "unit_code,unit_name,objective_code,objective\nU1,Enhet 1,U1.7,\n"
    response = client.post(
        f"/learning/curricula/{foundry.curriculum.pk}/import/",
        {"file": SimpleUploadedFile("plan.csv", text.encode())},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv"' in content
    assert '<caption id="problems-caption">Problem i filen</caption>' in content
    assert '<th scope="col">Rad</th><th scope="col">Kolumn</th>' in content
    assert (
        '<tr><th scope="row" data-label="Rad">2</th><td data-label="Kolumn">objective</td>'
        in content
    )
    assert state() == before


def test_a_missing_file_is_a_form_error(cast: Cast, login, foundry: Foundry) -> None:
    response = login(cast.tess).post(f"/learning/curricula/{foundry.curriculum.pk}/import/", {})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def test_the_template_is_a_csv_the_import_accepts(cast: Cast, login, empty: Curriculum) -> None:
    client = login(cast.tess)
    response = client.get(f"/learning/curricula/{empty.pk}/import/template/")
    assert response.status_code == 200
    assert response.content.decode().startswith(
        "\ufeffunit_code,unit_name,objective_code,objective\r\n"
    )
    report = run(cast, empty, response.content)
    assert report.ok and report.created == 2
    assert (
        login(cast.charlie).get(f"/learning/curricula/{empty.pk}/import/template/").status_code
        == 404
    )


@pytest.mark.parametrize("who", ["charlie", "mona", "dana", "bob"])
def test_others_cannot_import(cast: Cast, login, foundry: Foundry, who: str) -> None:
    before = state()
    response = login(getattr(cast, who)).post(
        f"/learning/curricula/{foundry.curriculum.pk}/import/",
        {"file": SimpleUploadedFile("plan.csv", GOOD_CSV.encode())},
    )
    assert response.status_code == 404
    assert state() == before
