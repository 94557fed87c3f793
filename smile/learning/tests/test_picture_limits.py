"""A picture with too many pixels (80 megapixels in a 10 KB PNG) is refused on every upload form
with a clear message in the reader's language, before it is decoded, and nothing is stored."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from smile.learning.models import PracticeEntry, Term, WorkplaceTask
from smile.learning.tests.curricula_fixtures import make_curriculum
from smile.learning.tests.practice_fixtures import build_practice
from smile.learning.tests.vocabulary_fixtures import build_words
from tests.cast import Cast
from tests.pictures import huge_jpeg, huge_png

TOO_LARGE = (
    "This picture is too large: it has more than 50 million pixels. Use a photo straight from a "
    "phone camera, or make the picture smaller."
)
TOO_LARGE_SV = (
    "Bilden är för stor: den har mer än 50 miljoner pixlar. Använd ett foto direkt från "
    "mobilkameran, eller gör bilden mindre."
)


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()]


def huge(name: str = "skärm.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, huge_png(10_000, 8_000), content_type="image/png")


def practice_url(cast: Cast) -> str:
    return f"/learning/adepts/{cast.dana_enrolment.pk}/practice/new/"


def practice_post(upload: SimpleUploadedFile) -> dict[str, object]:
    return {
        "done_on": timezone.localdate().isoformat(),
        "note": "Jag göt en form",
        "photo": upload,
        "self_level": "1",
    }


@pytest.mark.parametrize(
    "upload", [huge, lambda: SimpleUploadedFile("bild.jpg", huge_jpeg())], ids=["png", "jpeg"]
)
def test_practice_evidence_of_80_megapixels_is_refused_and_nothing_stored(
    cast: Cast, login, media: Path, upload
) -> None:
    build_practice(cast)
    response = login(cast.dana).post(practice_url(cast), practice_post(upload()))
    assert response.status_code == 200
    html = response.content.decode()
    assert TOO_LARGE in html
    assert ">\nJag göt en form</textarea>" in html
    assert PracticeEntry.objects.count() == 0
    assert stored_files(media) == []


def test_the_refusal_is_in_swedish_for_a_swedish_reader(cast: Cast, login, media: Path) -> None:
    build_practice(cast)
    client = login(cast.dana)
    client.cookies["smile_language"] = "sv"
    response = client.post(practice_url(cast), practice_post(huge()))
    assert response.status_code == 200
    assert TOO_LARGE_SV in response.content.decode()
    assert PracticeEntry.objects.count() == 0
    assert stored_files(media) == []


def test_a_task_photo_of_80_megapixels_is_refused_and_nothing_stored(
    cast: Cast, login, media: Path
) -> None:
    make_curriculum(cast)
    before = list(WorkplaceTask.objects.values_list("pk", "title", "photo"))
    response = login(cast.bob).post(
        f"/learning/workplaces/{cast.moulding.pk}/tasks/new/",
        {"title": "Stampa en sandform", "new_photo": huge()},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert TOO_LARGE in content
    assert 'value="Stampa en sandform"' in content
    assert list(WorkplaceTask.objects.values_list("pk", "title", "photo")) == before
    assert stored_files(media) == []


def test_a_word_picture_of_80_megapixels_is_refused_and_nothing_stored(
    cast: Cast, login, media: Path
) -> None:
    words = build_words(cast)
    before = list(Term.objects.values_list("pk", "swedish", "picture"))
    response = login(cast.tess).post(
        f"/learning/words/curriculum/{words.curriculum.pk}/new/",
        {"swedish": "slagg", "explanation": "Det som flyter upp", "picture": huge()},
    )
    assert response.status_code == 200
    assert TOO_LARGE in response.content.decode()
    assert list(Term.objects.values_list("pk", "swedish", "picture")) == before
    assert stored_files(media) == []
