"""Sending a notification: a row for the bell, and an e-mail in the reader's language."""

from collections.abc import Mapping
from functools import partial
from typing import Any

from django.db import transaction

from smile.accounts.models import User
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
