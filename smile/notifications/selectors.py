"""Reads for notifications: a person's own notices, her settings, and the managers' digest."""

from dataclasses import dataclass

from django.db.models import QuerySet

from smile.accounts.models import User
from smile.notifications.models import Kind, Notification, NotificationSetting

PAGE_SIZE = 30


def notification_list(*, user: User) -> QuerySet[Notification]:
    """The person's notices for the bell, newest first. Only ever her own."""
    return Notification.objects.filter(recipient=user, in_app=True).order_by("-created_at", "-pk")


def unread_count(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, in_app=True, read_at__isnull=True).count()


@dataclass(frozen=True)
class KindSetting:
    kind: str
    label: str
    in_app: bool
    email: bool


def notification_settings(*, user: User) -> list[KindSetting]:
    """Every kind with the person's choice (both channels on where she has not chosen)."""
    chosen = {s.kind: s for s in NotificationSetting.objects.filter(user=user)}
    rows = []
    for kind in Kind:
        setting = chosen.get(kind.value)
        rows.append(
            KindSetting(
                kind=kind.value,
                label=str(kind.label),
                in_app=setting.in_app if setting else True,
                email=setting.email if setting else True,
            )
        )
    return rows
