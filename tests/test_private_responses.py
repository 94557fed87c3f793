"""Pages, downloads and pictures for a logged-in person are never stored by a browser or a proxy:
the next person at a shared computer must not find them in the cache or behind the back button."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from smile.learning.media import save_picture
from smile.learning.models import WorkplaceTask
from tests.cast import Cast


def test_a_pair_page_is_not_stored(cast: Cast, login) -> None:
    response = login(cast.bob).get(f"/matching/pairs/{cast.pair.pk}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_an_export_is_not_stored(cast: Cast, login) -> None:
    response = login(cast.alice).get("/learning/hours/export/?month=2026-10&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"


def test_an_uploaded_picture_is_not_stored(cast: Cast, login, settings, tmp_path) -> None:
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), (10, 120, 200)).save(buffer, "JPEG")
    task = WorkplaceTask(workplace=cast.moulding, title="Kontrollmäta formen")
    save_picture(task, "photo", SimpleUploadedFile("form.jpg", buffer.getvalue()))
    task.save()
    response = login(cast.bob).get(f"/media/task/{task.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/accounts/profile/", "/notifications/", "/home/mentor/"])
def test_other_pages_of_a_logged_in_person_are_not_stored(cast: Cast, login, path: str) -> None:
    response = login(cast.bob).get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_a_redirect_to_the_second_factor_is_not_stored(cast: Cast, client: Client) -> None:
    client.force_login(cast.alice, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get("/programmes/")
    assert response.status_code == 302
    assert response["Cache-Control"] == "no-store"


def test_the_answer_to_a_login_is_not_stored(cast: Cast, client: Client) -> None:
    from tests.cast import PASSWORD

    response = client.post(
        "/accounts/login/", {"username": "bob@gjuteri.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Cache-Control"] == "no-store"


def test_the_login_page_keeps_djangos_never_cache(client: Client, db: None) -> None:
    # It holds a form token for this visitor only: Django's LoginView sends it with never_cache.
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


def test_an_anonymous_page_without_personal_data_is_left_as_it_is(client: Client, db: None) -> None:
    # The "check your e-mail" page says the same to everyone; the middleware adds nothing.
    response = client.get("/accounts/password/reset/sent/")
    assert response.status_code == 200
    assert "Cache-Control" not in response
