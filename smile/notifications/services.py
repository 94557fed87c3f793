"""Sending a notification: a row for the bell, and an e-mail in the reader's language."""

from collections.abc import Collection, Mapping
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core.errors import ApplicationError
from smile.notifications.models import Kind, Notification, NotificationSetting


def _channels(user: User, kind: str) -> tuple[bool, bool]:
    setting = NotificationSetting.objects.filter(user=user, kind=kind).first()
    if setting is None:
        return True, True
    return setting.in_app, setting.email


def notify(
    *,
    recipient: User,
    kind: Kind | str,
    params: Mapping[str, Any] | None = None,
    url: str = "",
    attachment: tuple[str, str, str] | None = None,
) -> Notification | None:
    """Tell one person about something, through the channels she has chosen for this kind.

    `params` are the values for the kind's message (see `messages.py`); datetimes go in as ISO
    strings under keys ending in `_at`, so each reader sees them in her own language. `attachment`
    is (file name, content, MIME type) for the e-mail, for example a calendar invitation. The
    e-mail is sent by the worker after the transaction commits; returns None if both channels are
    off.
    """
    in_app, email = _channels(recipient, str(kind))
    if not in_app and not email:
        return None
    notification = Notification.objects.create(
        recipient=recipient,
        kind=str(kind),
        params=dict(params or {}),
        url=url,
        in_app=in_app,
        email=email,
    )
    if email:
        from smile.notifications.tasks import send_notification_email

        transaction.on_commit(
            partial(send_notification_email.enqueue, notification.pk, attachment=attachment)
        )
    return notification


@transaction.atomic
def notification_read(*, notification: Notification, user: User) -> Notification:
    """Mark one of the person's own notices as read (again is harmless)."""
    if notification.recipient_id != user.pk:
        raise ApplicationError(_("This notice is not yours."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_read_all(*, user: User) -> int:
    """Mark every unread notice of the person as read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def notification_settings_update(
    *, user: User, in_app: Collection[str], email: Collection[str]
) -> list[NotificationSetting]:
    """Save the person's choice for every kind: the kinds in `in_app` show in SMILE, those in
    `email` come by e-mail. A kind in neither is switched off. Unknown kinds are refused."""
    unknown = (set(in_app) | set(email)) - set(Kind.values)
    if unknown:
        raise ApplicationError(_("Please choose only from the list."))
    existing = {
        s.kind: s for s in NotificationSetting.objects.select_for_update().filter(user=user)
    }
    saved = []
    for kind in Kind.values:
        setting = existing.get(kind) or NotificationSetting(user=user, kind=kind)
        setting.in_app = kind in in_app
        setting.email = kind in email
        setting.full_clean()
        setting.save()
        saved.append(setting)
    return saved
