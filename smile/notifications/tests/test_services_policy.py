"""Notices and their settings are the recipient's only: the services ask the policy themselves,
so anyone else gets `NotAllowed` and nothing is written, whoever calls them."""

import pytest

from smile.core.actor import SYSTEM
from smile.core.errors import NotAllowed
from smile.notifications import services
from smile.notifications.models import Kind, Notification, NotificationSetting
from tests.cast import Cast


@pytest.mark.parametrize("who", ["charlie", "bob", "alice", "erin"])
def test_only_the_recipient_marks_a_notice_read(cast: Cast, who: str) -> None:
    notice = Notification.objects.create(recipient=cast.dana, kind=Kind.REFLECTION_ASKED)
    with pytest.raises(NotAllowed):
        services.notification_read(notification=notice, user=getattr(cast, who))
    notice.refresh_from_db()
    assert notice.read_at is None


def test_a_closed_account_marks_nothing_read(cast: Cast) -> None:
    notice = Notification.objects.create(recipient=cast.dana, kind=Kind.REFLECTION_ASKED)
    cast.dana.is_active = False
    cast.dana.save(update_fields=["is_active"])
    with pytest.raises(NotAllowed):
        services.notification_read(notification=notice, user=cast.dana)
    with pytest.raises(NotAllowed):
        services.notifications_read_all(user=cast.dana)
    notice.refresh_from_db()
    assert notice.read_at is None


def test_read_all_leaves_the_others_notices_alone(cast: Cast) -> None:
    Notification.objects.create(recipient=cast.dana, kind=Kind.REFLECTION_ASKED)
    Notification.objects.create(recipient=cast.bob, kind=Kind.REFLECTION_ASKED)
    assert services.notifications_read_all(user=cast.charlie) == 0
    assert Notification.objects.filter(read_at__isnull=True).count() == 2


def test_the_installation_has_no_notices_of_its_own(cast: Cast) -> None:
    Notification.objects.create(recipient=cast.dana, kind=Kind.REFLECTION_ASKED)
    with pytest.raises(NotAllowed):
        services.notifications_read_all(user=SYSTEM)  # type: ignore[arg-type]
    with pytest.raises(NotAllowed):
        services.notification_settings_update(user=SYSTEM, in_app=[], email=[])  # type: ignore[arg-type]
    assert Notification.objects.get().read_at is None
    assert NotificationSetting.objects.count() == 0


def test_a_closed_account_changes_no_settings(cast: Cast) -> None:
    NotificationSetting.objects.create(
        user=cast.dana, kind=Kind.REFLECTION_ASKED, in_app=True, email=False
    )
    cast.dana.is_active = False
    cast.dana.save(update_fields=["is_active"])
    with pytest.raises(NotAllowed):
        services.notification_settings_update(user=cast.dana, in_app=[], email=[])
    assert list(NotificationSetting.objects.values_list("user", "kind", "in_app", "email")) == [
        (cast.dana.pk, "reflection_asked", True, False)
    ]


def test_her_settings_are_saved_for_her_alone(cast: Cast) -> None:
    services.notification_settings_update(user=cast.dana, in_app=[Kind.REFLECTION_ASKED], email=[])
    assert NotificationSetting.objects.exclude(user=cast.dana).count() == 0
    assert NotificationSetting.objects.get(user=cast.dana, kind=Kind.REFLECTION_ASKED).in_app
