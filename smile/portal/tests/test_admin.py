"""The Django admin for staff: every model they need, in Swedish and English; the records people
wrote to each other and the access log cannot be changed there."""

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.accounts.models import User
from smile.mentoring.models import ActionItem, Meeting
from smile.privacy.models import AccessAction, AccessLog
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


@pytest.mark.parametrize("who", ["alice", "dana"])
@pytest.mark.parametrize("path", ["/admin/", "/admin/privacy/accesslog/"])
def test_a_person_who_is_not_staff_is_sent_to_the_admins_own_login(
    cast: Cast, login, who: str, path: str
) -> None:
    # The coordinator and the adept of the cast are not staff: the admin lets neither in.
    response = login(getattr(cast, who)).get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={path}"


def test_an_access_log_entry_cannot_be_deleted_there(cast: Cast, admin_client: Any) -> None:
    entry = AccessLog.objects.create(
        actor=cast.alice,
        subject=cast.dana,
        record_type="learning.learningplan",
        record_id=1,
        action=AccessAction.VIEW,
    )
    path = f"/admin/privacy/accesslog/{entry.pk}/delete/"
    assert admin_client.get(path).status_code == 403
    assert admin_client.post(path, {"post": "yes"}).status_code == 403
    assert AccessLog.objects.filter(pk=entry.pk).exists()


def _changelist_queries(client: Any, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/admin/mentoring/actionitem/", "/admin/mentoring/meeting/"])
def test_the_pairs_lists_read_the_same_queries_for_one_and_four_rows(
    cast: Cast, admin_client: Any, path: str
) -> None:
    """Each row names its pair by the mentor's and the adept's names: read with the rows (4 more
    queries a row before, one per enrolment and per user)."""

    def grow(count: int) -> None:
        for number in range(count):
            ActionItem.objects.create(
                pair=cast.pair,
                title=f"Thing {number}",
                owner=cast.dana,
                due_on=timezone.localdate(),
                created_by=cast.bob,
            )
            Meeting.objects.create(
                pair=cast.pair,
                starts_at=timezone.now() + timedelta(days=number + 1),
                place="Fikarummet",
                proposed_by=cast.bob,
            )

    grow(1)
    one = _changelist_queries(admin_client, path)
    grow(3)
    four = _changelist_queries(admin_client, path)
    # The admin's own reads (session, user, its second factor, the counts, the date hierarchy,
    # the rows) do not grow with the rows.
    assert (one, four) == (11, 11)
