"""Who sees and changes notices and notification settings: only the person they are for."""

from django.db.models import QuerySet

from smile.core import policies
from smile.core.actor import AnyUser, person
from smile.notifications.models import Notification, NotificationSetting


def has_own_notices(user: AnyUser) -> bool:
    """A signed-in, active person keeps her own notices and settings (the installation acting as
    itself has none, nor has a closed account)."""
    found = person(user)
    return found is not None and found.pk is not None


def own_notifications(user: AnyUser) -> QuerySet[Notification]:
    """Her own notices: she reads them and marks them read; nobody else does."""
    found = person(user)
    if found is None:
        return Notification.objects.none()
    return Notification.objects.filter(recipient_id=found.pk)


def own_settings(user: AnyUser) -> QuerySet[NotificationSetting]:
    found = person(user)
    if found is None:
        return NotificationSetting.objects.none()
    return NotificationSetting.objects.filter(user_id=found.pk)


def register() -> None:
    policies.register(Notification, view=own_notifications, change=own_notifications)
    policies.register(NotificationSetting, view=own_settings, change=own_settings)
