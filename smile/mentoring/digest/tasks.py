"""The job that sends each manager her fortnightly digest."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from smile.accounts.models import User
from smile.core.jobs import periodic, retried_task
from smile.mentoring.digest import selectors
from smile.notifications.models import Kind, Notification
from smile.notifications.services import notify
from smile.organisations.choices import Role


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
    # The notice opens the page with the same figures, for this fortnight.
    page = reverse("mentoring:digest", args=[end.isoformat()])
    # And the e-mail links on to the manager's SMILE page, which shows the same figures and more
    # (by its URL: leadership sits above mentoring, so it is named, never imported).
    smile_page = settings.SITE_URL.rstrip("/") + reverse("leadership:overview")
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
                    "smile_page": smile_page,
                },
                url=page,
            )
        sent += 1
    return sent
