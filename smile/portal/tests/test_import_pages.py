"""The three import pages (matching profiles, curriculum, words) share one upload field and one
way to answer: the file picker offers CSV and Excel, and a refused file says why on the field."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from smile.learning.models import Curriculum
from tests.cast import Cast

ACCEPT = (
    'accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"'
)


def import_page(cast: Cast, which: str) -> tuple[str, object]:
    if which == "profiles":
        return f"/matching/programmes/{cast.programme.pk}/import/", cast.alice
    curriculum = Curriculum.objects.create(organisation=cast.school, name="Gjuteri")
    if which == "curriculum":
        return f"/learning/curricula/{curriculum.pk}/import/", cast.tess
    return f"/learning/words/curriculum/{curriculum.pk}/import/", cast.tess


@pytest.mark.parametrize("which", ["profiles", "curriculum", "words"])
def test_the_file_picker_offers_csv_and_excel(cast: Cast, login, which: str) -> None:
    url, user = import_page(cast, which)
    response = login(user).get(url)
    assert response.status_code == 200
    assert ACCEPT in response.content.decode()


@pytest.mark.parametrize("which", ["profiles", "curriculum", "words"])
def test_a_file_of_another_kind_is_refused_on_the_field(cast: Cast, login, which: str) -> None:
    url, user = import_page(cast, which)
    upload = SimpleUploadedFile("list.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = login(user).post(url, {"file": upload})
    assert response.status_code == 200
    content = response.content.decode()
    assert "The file was not imported." in content
    assert "Upload a CSV file (.csv) or an Excel workbook (.xlsx)." in content
