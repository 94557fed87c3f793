"""Background work for notifications: the e-mail of a notice (or of many), in its reader's
language."""

import logging
from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from smile.core.jobs import periodic, retried_task
from smile.notifications import messages
from smile.notifications.models import Notification

logger = logging.getLogger(__name__)


def _link(path: str) -> str:
    if not path:
        return ""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + path


def _email(notification_id: int, attachment: Sequence[str] | None = None) -> bool:
    """E-mail one notice in its recipient's language unless it has gone already; True if sent.

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
            return False
        recipient = notification.recipient
        if not recipient.is_active or not recipient.email:
            return False
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
    return True


@retried_task
def send_notification_email(notification_id: int, attachment: Sequence[str] | None = None) -> None:
    """E-mail one notice in its recipient's language; does nothing if it has gone already.

    A failure (the mail server is down) raises, and `retried_task` enqueues the next attempt.
    """
    _email(notification_id, attachment)


class SomeEmailsFailed(Exception):
    """Some e-mails of a batch could not be sent; the retry sends those, and only those."""


@retried_task
def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail many notices (made by `notify_many`), each in its recipient's language; returns
    how many went.

    One notice that fails does not hold back the others: each is tried, and if any failed the
    task raises at the end, so `retried_task` runs it again later; the notices already sent are
    left out of the retry by one read of those still waiting.
    """
    waiting = list(
        Notification.objects.filter(
            pk__in=notification_ids, email=True, emailed_at__isnull=True
        ).values_list("pk", flat=True)
    )
    sent, failed = 0, []
    for pk in sorted(waiting):
        try:
            sent += _email(pk)
        except Exception as error:  # the mail server refused this one; the others still go
            logger.warning("e-mail of notice %s failed: %s", pk, error)
            failed.append(pk)
    if failed:
        raise SomeEmailsFailed(f"{len(failed)} of {len(waiting)} e-mails failed: {failed[:20]}")
    return sent


# Notices deleted per statement by the ageing job: each batch is one short DELETE.
AGE_OUT_BATCH = 5000


@periodic(every=timedelta(hours=24))
@retried_task
def notifications_age_out() -> int:
    """Old notices age out: those read or done (or sent by e-mail only) and older than
    NOTIFICATION_RETENTION_DAYS days are deleted; an unread notice in the bell that is not done
    stays however old. Returns how many; a second
    run finds nothing more to delete.

    One DELETE per batch of `AGE_OUT_BATCH`, each choosing its rows itself (a subquery on the
    oldest first), so the number of queries depends only on the number of batches.
    """
    before = timezone.now() - timedelta(days=settings.NOTIFICATION_RETENTION_DAYS)
    # Read, done, or never in the bell (an e-mail only: its row was kept for the worker).
    old = Notification.objects.filter(
        Q(read_at__isnull=False) | Q(done_at__isnull=False) | Q(in_app=False),
        created_at__lt=before,
    )
    deleted = 0
    while True:
        batch = old.order_by("created_at", "pk").values("pk")[:AGE_OUT_BATCH]
        # Nothing points to a notice: one plain DELETE ... WHERE id IN (SELECT ... LIMIT n).
        count, _by_model = Notification.objects.filter(pk__in=Subquery(batch)).delete()
        deleted += count
        if count < AGE_OUT_BATCH:
            return deleted
