"""The Django admin for staff: every model they need, in Swedish and English; the records people
wrote to each other and the access log cannot be changed there."""

from typing import Any

import pytest

from smile.accounts.models import User
from tests.cast import Cast, make_user
from tests.pages import body_of


@pytest.fixture
def admin_client(cast: Cast, login) -> Any:  # the test client, as the `login` fixture gives it
    admin: User = make_user("root@smile.example", "Root Admin", totp=True)
    admin.is_superuser = admin.is_staff = True
    admin.save(update_fields=["is_superuser", "is_staff"])
    return login(admin)


@pytest.mark.parametrize(
    ("language", "names"),
    [
        (
            "sv",
            ["Kursplaner", "Arbetsuppgifter", "Möten", "Saker att göra", "Notiser", "Åtkomstlogg"],
        ),
        (
            "en",
            ["Curricula", "Workplace tasks", "Meetings", "Things to do", "Notices", "Access log"],
        ),
    ],
)
def test_the_admin_index_names_the_models_in_the_staff_language(
    admin_client: Any, language: str, names: list[str]
) -> None:
    admin_client.cookies["smile_language"] = language
    content = body_of(admin_client.get("/admin/"))
    for name in names:
        assert f">{name}</a>" in content, name


@pytest.mark.parametrize(
    "path",
    [
        "/admin/learning/curriculum/",
        "/admin/learning/curriculum/add/",
        "/admin/learning/workplacetask/",
        "/admin/learning/objective/",
        "/admin/learning/term/",
        "/admin/mentoring/meeting/",
        "/admin/mentoring/actionitem/",
        "/admin/notifications/notification/",
        "/admin/privacy/accesslog/",
    ],
)
def test_each_staff_page_of_the_admin_opens(admin_client: Any, path: str) -> None:
    assert admin_client.get(path).status_code == 200


def test_the_curriculum_form_has_every_language_side_by_side(admin_client: Any) -> None:
    content = body_of(admin_client.get("/admin/learning/curriculum/add/"))
    for language in ("sv", "en", "ar", "uk", "ti", "so", "prs", "fa"):
        assert f'name="name_{language}"' in content, language


@pytest.mark.parametrize(
    ("path", "status"),
    [
        # Listed, but nobody adds to them by hand.
        ("/admin/privacy/accesslog/add/", 403),
        ("/admin/notifications/notification/add/", 403),
        # Not in the admin at all.
        ("/admin/mentoring/meetinglog/", 404),
        ("/admin/mentoring/lifesituationcheckin/", 404),
        ("/admin/mentoring/supportmessage/", 404),
    ],
)
def test_what_people_wrote_and_the_access_log_cannot_be_written_there(
    admin_client: Any, path: str, status: int
) -> None:
    assert admin_client.get(path).status_code == status
