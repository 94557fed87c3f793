"""The daily job that tells coordinators and teachers how many of their adepts have alerts."""

from collections import Counter
from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from smile.accounts.models import User
from smile.core.jobs import periodic, retried_task
from smile.learning.progress.selectors import cohort_progress
from smile.notifications.models import Kind, Notification
from smile.notifications.services import notify
from smile.organisations.choices import Role


def _start_of_today() -> datetime:
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


@periodic(every=timedelta(hours=24))
@retried_task
def learning_alerts_notify() -> int:
    """One notice per coordinator or teacher and programme with adepts who have alerts (no
    practice logged, a review overdue, hours not confirmed); at most one a day each.

    Idempotent: a programme she has already been told about today (same page address) is
    skipped, so a second run on the same day, or a retry after a failure, sends nothing twice.
    Returns how many notices were made.
    """
    made = 0
    start = _start_of_today()
    readers = User.objects.filter(
        is_active=True, memberships__role__in=[Role.COORDINATOR, Role.TEACHER]
    ).distinct()
    for reader in readers.order_by("pk"):
        rows = [row for row in cohort_progress(reader) if row.alerts]
        if not rows:
            continue
        counts = Counter(row.enrolment.programme_id for row in rows)
        programmes = {row.enrolment.programme_id: row.enrolment.programme for row in rows}
        told = set(
            Notification.objects.filter(
                recipient=reader, kind=Kind.LEARNING_ALERTS, created_at__gte=start
            ).values_list("url", flat=True)
        )
        for pk, count in sorted(counts.items()):
            url = reverse("learning:progress") + f"?programme={pk}"
            if url in told:
                continue
            with transaction.atomic():
                notify(
                    recipient=reader,
                    kind=Kind.LEARNING_ALERTS,
                    params={"count": count, "programme": programmes[pk].name},
                    url=url,
                )
            made += 1
    return made
