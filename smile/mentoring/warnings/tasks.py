"""The daily job that tells each coordinator how many early warnings her programmes have."""

from collections import Counter
from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from smile.accounts.models import User
from smile.core.jobs import periodic, retried_task
from smile.mentoring.warnings.selectors import early_warnings
from smile.notifications.models import Kind, Notification
from smile.notifications.services import notify
from smile.organisations.choices import Role


def _start_of_today() -> datetime:
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


@periodic(every=timedelta(hours=24))
@retried_task
def early_warnings_notify() -> int:
    """One notice per coordinator and programme with open warnings; at most one a day each.

    Idempotent: a programme she has already been told about today (same page address) is
    skipped, so a second run on the same day, or a retry after a failure, sends nothing twice.
    Returns how many notices were made.
    """
    made = 0
    start = _start_of_today()
    coordinators = User.objects.filter(
        is_active=True, memberships__role=Role.COORDINATOR
    ).distinct()
    for coordinator in coordinators.order_by("pk"):
        rows = early_warnings(user=coordinator)
        if not rows:
            continue
        counts = Counter(row.programme.pk for row in rows)
        programmes = {row.programme.pk: row.programme for row in rows}
        told = set(
            Notification.objects.filter(
                recipient=coordinator, kind=Kind.EARLY_WARNINGS, created_at__gte=start
            ).values_list("url", flat=True)
        )
        for pk, count in sorted(counts.items()):
            url = reverse("mentoring:warnings") + f"?programme={pk}"
            if url in told:
                continue
            with transaction.atomic():
                notify(
                    recipient=coordinator,
                    kind=Kind.EARLY_WARNINGS,
                    params={"count": count, "programme": programmes[pk].name},
                    url=url,
                )
            made += 1
    return made
