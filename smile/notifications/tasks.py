"""Background work for notifications: the e-mail of one notice, in its reader's language."""

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from smile.core.jobs import retried_task
from smile.notifications import messages
from smile.notifications.models import Notification


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
