"""Mentor development in the Django admin: staff find the modules, the network meetings and their
attendance, in Swedish and English; the mentors' private writing (reflections, completions,
self-ratings, goals) is not in the admin at all."""

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from smile.accounts.models import User
from smile.training import services
from tests.cast import Cast, make_user
from tests.pages import body_of


@pytest.fixture
def admin_client(cast: Cast, login: Any) -> Any:
    admin: User = make_user("root@smile.example", "Root Admin", totp=True)
    admin.is_superuser = admin.is_staff = True
    admin.save(update_fields=["is_superuser", "is_staff"])
    return login(admin)


@pytest.mark.parametrize(
    ("language", "names"),
    [
        (
            "sv",
            [
                "Mentorsutveckling",
                "Moduler",
                "Nätverksträffar för mentorer",
                "Närvaro på nätverksträffar",
            ],
        ),
        (
            "en",
            [
                "Mentor development",
                "Modules",
                "Mentor network meetings",
                "Attendance at network meetings",
            ],
        ),
    ],
)
def test_the_admin_index_names_training_in_the_staff_language(
    admin_client: Any, language: str, names: list[str]
) -> None:
    admin_client.cookies["smile_language"] = language
    content = body_of(admin_client.get("/admin/"))
    for name in names:
        assert f">{name}</a>" in content, name


def test_the_network_meetings_list_shows_what_staff_need(cast: Cast, admin_client: Any) -> None:
    meeting = services.network_meeting_schedule(
        actor=cast.alice,
        programme=cast.programme,
        starts_at=datetime(2030, 9, 3, 14, 0, tzinfo=ZoneInfo("Europe/Stockholm")),
        themes=["equality", "inclusion"],
        place="Kommunhuset, sal 2",
    )
    services.network_meeting_cancel(actor=cast.alice, meeting=meeting, reason="Sjukdom")
    admin_client.cookies["smile_language"] = "sv"
    content = body_of(admin_client.get("/admin/training/networkmeeting/"))
    assert "Kommunhuset, sal 2" in content
    assert "Inkludering, Jämlikhet" in content
    # The column headers in Swedish: the themes, when it was cancelled.
    assert ">Teman<" in content
    assert ">Inställd</a>" in content
    content = body_of(admin_client.get(f"/admin/training/networkmeeting/{meeting.pk}/change/"))
    assert "Sjukdom" in content


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/admin/training/module/", 200),
        ("/admin/training/networkmeeting/", 200),
        ("/admin/training/networkattendance/", 200),
        ("/admin/training/networkattendance/add/", 200),
        # Scheduled in SMILE, which tells the mentors: not added by hand here.
        ("/admin/training/networkmeeting/add/", 403),
        # Private to the mentor: not in the admin at all.
        ("/admin/training/reflection/", 404),
        ("/admin/training/completion/", 404),
        ("/admin/training/selfrating/", 404),
        ("/admin/training/developmentgoal/", 404),
    ],
)
def test_each_training_page_of_the_admin(admin_client: Any, path: str, status: int) -> None:
    assert admin_client.get(path).status_code == status


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_a_person_who_is_not_staff_is_sent_to_the_admins_login(
    cast: Cast, login: Any, who: str
) -> None:
    response = login(getattr(cast, who)).get("/admin/training/networkmeeting/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/training/networkmeeting/"
