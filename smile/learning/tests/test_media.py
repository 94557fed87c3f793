"""Uploaded pictures are served only to those who may see their record."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from smile.learning.media import save_picture
from smile.learning.models import WorkplaceTask
from smile.lib.images import NotAPicture
from tests.cast import Cast


@pytest.fixture
def task(cast: Cast, settings, tmp_path) -> WorkplaceTask:
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), (10, 120, 200)).save(buffer, "JPEG")
    task = WorkplaceTask(workplace=cast.moulding, title="Kontrollmäta formen")
    save_picture(task, "photo", SimpleUploadedFile("form.jpg", buffer.getvalue()))
    task.save()
    return task


@pytest.mark.parametrize("name", ["bob", "dana", "tess", "alice"])
def test_those_who_see_the_task_see_its_photo(cast: Cast, login, task, name: str) -> None:
    response = login(getattr(cast, name)).get(f"/media/task/{task.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "no-store"
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        assert image.size == (30, 20)


def test_others_get_not_found(cast: Cast, login, task) -> None:
    assert login(cast.charlie).get(f"/media/task/{task.pk}/").status_code == 404


def test_unknown_kinds_records_and_empty_fields_are_not_found(cast: Cast, login, task) -> None:
    client = login(cast.bob)
    assert client.get(f"/media/secret/{task.pk}/").status_code == 404
    assert client.get("/media/task/999999/").status_code == 404
    empty = WorkplaceTask.objects.create(workplace=cast.moulding, title="Utan bild")
    assert client.get(f"/media/task/{empty.pk}/").status_code == 404


def test_anonymous_people_are_sent_to_log_in(client, task) -> None:
    response = client.get(f"/media/task/{task.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_file_that_is_not_a_picture_is_not_stored(cast: Cast, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    task = WorkplaceTask(workplace=cast.moulding, title="X")
    with pytest.raises(NotAPicture):
        save_picture(task, "photo", SimpleUploadedFile("x.jpg", b"<script>alert(1)</script>"))
    assert not task.photo
    assert list(tmp_path.rglob("*.*")) == []
