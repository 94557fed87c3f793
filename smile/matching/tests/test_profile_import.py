import io
from collections.abc import Iterator
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from smile.core.actor import SYSTEM
from smile.core.errors import NotAllowed
from smile.core.spreadsheets import MAX_ROWS, ImportReport
from smile.matching.models import MatchingProfile
from smile.matching.profile_import import profiles_import
from smile.matching.tests.matching_cast import give_profiles
from smile.programmes.models import EnrolmentStatus
from smile.programmes.services import enrolment_create
from tests.cast import Cast
from tests.pages import body_of

GOOD_CSV = (
    "\ufeffE-post;Språk;Yrke;Färdigheter;Skift;Kapacitet;Utbildad;Kön;Samma kön;Favoritfärg\n"
    "BOB@gjuteri.example;sv:4, ar:3;Gjuteri;formning, gjutning;dag, kväll;3;2026-05-01;man;;blå\n"
    "erin@elev.example;sv:4, en:2;Gjuteri;;natt;;;kvinna;ja;grön\n"
)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The service speaks the active language; the page tests get English from the cookie."""
    with translation.override("en"):
        yield


def run(cast: Cast, text: str, filename: str = "profiles.csv") -> ImportReport:
    return profiles_import(
        programme=cast.programme, actor=cast.alice, filename=filename, content=text.encode()
    )


def snapshot() -> list[tuple[object, ...]]:
    return list(
        MatchingProfile.objects.order_by("pk").values_list(
            "enrolment_id", "languages", "trade", "skills", "shifts", "capacity", "gender"
        )
    )


def messages(report: ImportReport) -> list[str]:
    return [str(error) for error in report.errors]


def test_a_good_csv_with_semicolons_and_a_bom_updates_two_profiles(cast: Cast) -> None:
    give_profiles(cast)
    report = run(cast, GOOD_CSV)
    assert report.ok, (report.file_errors, messages(report))
    assert (report.rows, report.created, report.updated) == (2, 0, 2)
    assert report.notices == ["These columns are not used and were ignored: Favoritfärg."]
    bob = MatchingProfile.objects.get(enrolment=cast.bob_enrolment)
    assert bob.languages == [{"code": "sv", "level": 4}, {"code": "ar", "level": 3}]
    assert bob.skills == ["formning", "gjutning"]
    assert bob.shifts == ["day", "evening"]
    assert (bob.capacity, bob.training_completed_on, bob.gender) == (3, date(2026, 5, 1), "man")
    # A column left out keeps its value.
    assert bob.interests == ["fotboll"]
    erin = MatchingProfile.objects.get(enrolment=cast.erin_enrolment)
    assert erin.shifts == ["night"] and erin.skills == []
    assert erin.gender == "woman" and erin.wants_same_gender is True


def test_a_good_csv_creates_missing_profiles(cast: Cast) -> None:
    report = run(cast, 'email,languages\ndana@elev.example,"ar:4, sv:1"\n')
    assert report.ok and (report.created, report.updated) == (1, 0)
    profile = MatchingProfile.objects.get(enrolment=cast.dana_enrolment)
    assert profile.languages == [{"code": "ar", "level": 4}, {"code": "sv", "level": 1}]


def test_a_good_xlsx_works(cast: Cast) -> None:
    give_profiles(cast)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Email", "Languages", "Shifts", "Capacity", "Training_completed_on"])
    sheet.append(["bob@gjuteri.example", "fi:2", "weekend", 4, date(2026, 4, 2)])
    sheet.append([None, None, None, None, None])
    sheet.append(["dana@elev.example", "ar:4", "day", None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = profiles_import(
        programme=cast.programme,
        actor=cast.alice,
        filename="Profiles.XLSX",
        content=buffer.getvalue(),
    )
    assert report.ok, (report.file_errors, messages(report))
    assert (report.rows, report.updated) == (2, 2)
    bob = MatchingProfile.objects.get(enrolment=cast.bob_enrolment)
    assert bob.languages == [{"code": "fi", "level": 2}]
    assert bob.shifts == ["weekend"]
    assert (bob.capacity, bob.training_completed_on) == (4, date(2026, 4, 2))


def test_one_bad_row_among_good_ones_writes_nothing(cast: Cast) -> None:
    give_profiles(cast)
    before = snapshot()
    report = run(
        cast,
        "email,languages,trade\n"
        "bob@gjuteri.example,sv:4,Svets\n"
        'dana@elev.example,"ar:4, xx:2",Svets\n'
        "erin@elev.example,sv:4,Svets\n",
    )
    assert not report.ok
    assert messages(report) == ["Row 3, languages: “xx” is not a language we know."]
    assert report.rows_with_errors == 1 and report.rows == 3
    assert snapshot() == before


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "nobody@example.com,sv:4,",
            "Row 2, email: No one with the e-mail address nobody@example.com is active "
            "in this programme.",
        ),
        ("bob@gjuteri.example,sv:9,", "Row 2, languages: “sv:9”: the level must be a number"),
        ("bob@gjuteri.example,sv:x,", "Row 2, languages: “sv:x”: the level must be a number"),
        ("bob@gjuteri.example,sv,", "Row 2, languages: “sv”: write the language code"),
        ("bob@gjuteri.example,sv:4,2026-13-01", "Row 2, training_completed_on: “2026-13-01” is"),
        ("bob@gjuteri.example,sv:4,1/5/2026", "Row 2, training_completed_on: “1/5/2026” is not"),
        ("bob@gjuteri.example,sv:4,2999-01-01", "cannot be in the future"),
        ("dana@elev.example,sv:4,2026-01-01", "Row 2, training_completed_on: Only mentors"),
        ('bob@gjuteri.example,"sv:4,sv:3",', "Row 2, languages: Svenska is already in the list."),
    ],
)
def test_bad_cells_are_reported(cast: Cast, row: str, expected: str) -> None:
    report = run(cast, f"email,languages,training_completed_on\n{row}\n")
    assert not report.ok
    assert len(report.errors) == 1
    assert expected in messages(report)[0]
    assert not MatchingProfile.objects.exists()


def test_every_problem_of_a_row_is_listed(cast: Cast) -> None:
    report = run(
        cast,
        "email,shifts,capacity,gender\n"
        "bob@gjuteri.example,dag,2,man\n"
        "bob@gjuteri.example,dag,2,man\n"
        "erin@elev.example,morning,,robot\n",
    )
    assert messages(report) == [
        "Row 3, email: This person is already on row 2.",
        "Row 4, shifts: “morning” is not a shift: write day, evening, night or weekend.",
        "Row 4, gender: “robot” is not one of woman, man or non-binary (or leave it empty).",
    ]


def test_a_same_gender_wish_needs_a_gender(cast: Cast) -> None:
    report = run(cast, "email,wants_same_gender\nerin@elev.example,yes\n")
    assert messages(report) == [
        "Row 2, wants_same_gender: Tell us your gender if you want a mentor of your own gender."
    ]


def test_an_enrolment_that_has_ended_is_not_found(cast: Cast) -> None:
    cast.erin_enrolment.status = EnrolmentStatus.COMPLETED
    cast.erin_enrolment.save()
    report = run(cast, "email,trade\nerin@elev.example,Gjuteri\n")
    assert "is active in this programme" in messages(report)[0]


@pytest.mark.parametrize(
    ("filename", "content", "expected"),
    [
        ("profiles.pdf", b"%PDF-1.4", "Upload a CSV file (.csv) or an Excel workbook (.xlsx)."),
        ("profiles.xlsx", b"email\nbob@x\n", "could not be read as an Excel workbook"),
        ("profiles.csv", b"PK\x03\x04\x00\x00", "The file is not a CSV file."),
        ("profiles.csv", "email\nbjörn@x\n".encode("latin-1"), "The file is not UTF-8 text."),
        ("profiles.csv", b"", "The file is empty."),
        ("profiles.csv", b"\xef\xbb\xbf\n\n", "The file is empty."),
        ("profiles.csv", b"email\n", "The file has no rows under the header."),
        ("profiles.csv", b"name,trade\nBob,Gjuteri\n", "The file has no e-mail column"),
        ("profiles.csv", b"email,e-post\na,b\n", "appears twice"),
        ("profiles.csv", b"email\n" + b"a@b\n" * (MAX_ROWS + 1), "more than 5000 rows"),
        ("profiles.csv", b"email\n" + b"x" * (5 * 1024 * 1024), "larger than 5 MB"),
    ],
)
def test_a_file_that_cannot_be_read_writes_nothing(
    cast: Cast, filename: str, content: bytes, expected: str
) -> None:
    report = profiles_import(
        programme=cast.programme, actor=cast.alice, filename=filename, content=content
    )
    assert not report.ok and not report.errors
    assert len(report.file_errors) == 1 and expected in report.file_errors[0]
    assert not MatchingProfile.objects.exists()


def test_the_service_refuses_another_organisation(cast: Cast) -> None:
    with pytest.raises(NotAllowed):
        profiles_import(
            programme=cast.programme,
            actor=cast.charlie,
            filename="p.csv",
            content=b"email,trade\nbob@gjuteri.example,x\n",
        )
    assert not MatchingProfile.objects.exists()


# The page.


def page(cast: Cast, suffix: str = "") -> str:
    return f"/matching/programmes/{cast.programme.pk}/import/{suffix}"


def upload(text: str, name: str = "profiles.csv") -> dict[str, SimpleUploadedFile]:
    return {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")}


def test_the_page_shows_the_form_and_the_template_link(cast: Cast, login) -> None:
    client = login(cast.alice)
    content = body_of(client.get(page(cast)))
    assert 'enctype="multipart/form-data"' in content
    assert '<label for="id_file">' in content
    assert "training_completed_on (YYYY-MM-DD, mentors)" in content
    assert f'href="{page(cast, "template.csv")}"' in content
    matching = body_of(client.get(f"/matching/programmes/{cast.programme.pk}/"))
    assert f'href="{page(cast)}"' in matching


def test_the_template_can_be_imported_after_filling_in_a_real_address(cast: Cast, login) -> None:
    response = login(cast.alice).get(page(cast, "template.csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffemail,languages,trade,")
    report = run(cast, text.replace("name@example.com", "bob@gjuteri.example"))
    assert report.ok and report.created == 1


def test_the_view_shows_the_report_with_the_row_number(cast: Cast, login) -> None:
    give_profiles(cast)
    before = snapshot()
    response = login(cast.alice).post(
        page(cast),
        upload("email;languages\nbob@gjuteri.example;sv:4\nerin@elev.example;xx:4\n"),
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in content
    assert "Rows with problems: 1 of 2. Nothing was saved" in content
    row = '<th scope="row" data-label="Row">3</th>'
    assert row + '<td data-label="Column">languages</td>' in content
    assert "is not a language we know." in content
    assert snapshot() == before


def test_the_view_imports_and_goes_back_to_matching(cast: Cast, login) -> None:
    give_profiles(cast)
    client = login(cast.alice)
    response = client.post(page(cast), upload(GOOD_CSV))
    assert response.status_code == 302
    assert response["Location"] == f"/matching/programmes/{cast.programme.pk}/"
    content = body_of(client.get(response["Location"]))
    assert "The profiles are imported: 0 new, 2 updated." in content
    assert MatchingProfile.objects.get(enrolment=cast.bob_enrolment).capacity == 3


def test_the_view_reports_a_file_it_cannot_read(cast: Cast, login) -> None:
    content = body_of(login(cast.alice).post(page(cast), upload("x", name="profiles.txt")))
    assert 'role="alert"' in content and "Upload a CSV file" in content


@pytest.mark.parametrize("suffix", ["", "template.csv"])
def test_another_organisation_gets_404_and_changes_nothing(cast: Cast, login, suffix: str) -> None:
    give_profiles(cast)
    before = snapshot()
    client = login(cast.charlie)
    assert client.get(page(cast, suffix)).status_code == 404
    assert client.post(page(cast, suffix), upload(GOOD_CSV)).status_code == 404
    assert snapshot() == before


def test_a_mentor_gets_404(cast: Cast, login) -> None:
    give_profiles(cast)
    before = snapshot()
    client = login(cast.bob)
    assert client.get(page(cast)).status_code == 404
    assert client.post(page(cast), upload(GOOD_CSV)).status_code == 404
    assert snapshot() == before


def test_a_person_with_both_roles_needs_the_role_column(cast: Cast) -> None:
    bob_as_adept = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=cast.bob,
        role="adept",
        workplace=cast.moulding,
        education_provider=cast.school,
        starts_on=date(2026, 8, 10),
    )
    report = run(cast, "email,trade\nbob@gjuteri.example,Svets\n")
    assert messages(report) == [
        "Row 2, email: This person is both mentor and adept in the programme: add a column "
        "“role” with mentor or adept."
    ]
    report = run(cast, "email,roll,trade\nbob@gjuteri.example,Adept,Svets\n")
    assert report.ok
    assert MatchingProfile.objects.get().enrolment == bob_as_adept
