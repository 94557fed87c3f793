"""Background work for notifications: the e-mail of one notice, and the managers' digest."""

from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from smile.accounts.models import User
from smile.core.jobs import periodic, retried_task
from smile.notifications import messages, selectors
from smile.notifications.models import Kind, Notification
from smile.notifications.services import notify
from smile.organisations.choices import Role


def _link(path: str) -> str:
    if not path:
        return ""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + path


@retried_task
def send_notification_email(notification_id: int, attachment: Sequence[str] | None = None) -> None:
    """E-mail one notice in its recipient's language; does nothing if it has gone already.

    A failure (the mail server is down) raises, and `retried_task` enqueues the next attempt.
    The row is locked while sending, so two attempts running at once send it once.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.emailed_at is not None or not notification.email:
            return
        recipient = notification.recipient
        if not recipient.is_active or not recipient.email:
            return
        with translation.override(recipient.preferred_language):
            subject, line = messages.render(notification)
            context = {
                "notification": notification,
                "recipient": recipient,
                "subject": subject,
                "line": line,
                "params": notification.params,
                "values": messages.values(notification.params),
                "link": _link(notification.url),
                "settings_link": _link(reverse("notifications:settings")),
            }
            body = render_to_string(
                [
                    f"notifications/email/{notification.kind}.txt",
                    "notifications/email/generic.txt",
                ],
                context,
            )
        message = EmailMessage(subject=f"SMILE: {subject}", body=body, to=[recipient.email])
        if attachment:
            filename, content, mimetype = attachment
            message.attach(filename, content, mimetype)
        message.send()
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])


@periodic(every=timedelta(days=selectors.DIGEST_DAYS))
@retried_task
def send_manager_digests() -> int:
    """Every manager hears how mentorship went at her workplaces in the last 14 days.

    Counts only: no names, no notes. A manager already told about the same period is skipped,
    so running the job twice sends nothing twice. Returns how many digests were sent.
    """
    start, end = selectors.digest_period()
    managers = (
        User.objects.filter(is_active=True, memberships__role=Role.MANAGER)
        .distinct()
        .order_by("pk")
    )
    already = set(
        Notification.objects.filter(
            kind=Kind.MANAGER_DIGEST, params__period_end_on=end.isoformat()
        ).values_list("recipient_id", flat=True)
    )
    home = reverse("core:role-home", args=["manager"])
    sent = 0
    for manager in managers:
        if manager.pk in already:
            continue
        rows = selectors.manager_digest_rows(user=manager, start=start, end=end)
        if not rows:
            continue
        with transaction.atomic():
            notify(
                recipient=manager,
                kind=Kind.MANAGER_DIGEST,
                params={
                    "period_start_on": start.isoformat(),
                    "period_end_on": end.isoformat(),
                    "workplaces": rows,
                },
                url=home,
            )
        sent += 1
    return sent
