"""Reads for notifications: a person's own notices, her settings, and the managers' digest."""

from dataclasses import dataclass

from django.db.models import QuerySet

from smile.accounts.models import User
from smile.notifications.models import Kind, Notification, NotificationSetting

PAGE_SIZE = 30


def notification_list(*, user: User, to_do: bool = False) -> QuerySet[Notification]:
    """The person's notices for the bell, newest first. Only ever her own.

    `to_do`: only those that ask her for something not yet done (by her or anyone else).
    """
    notices = Notification.objects.filter(recipient=user, in_app=True)
    if to_do:
        notices = notices.filter(done_at__isnull=True).exclude(subject="")
    return notices.order_by("-created_at", "-pk")


def unread_count(*, user: User) -> int:
    """The bell's number: unread notices, except those whose thing is done already."""
    return Notification.objects.filter(
        recipient=user, in_app=True, read_at__isnull=True, done_at__isnull=True
    ).count()


def to_do_count(*, user: User) -> int:
    return notification_list(user=user, to_do=True).count()


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
