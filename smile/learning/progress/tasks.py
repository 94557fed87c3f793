"""The daily job that tells coordinators and teachers how many of their adepts have alerts."""

from datetime import timedelta

from django.urls import reverse

from smile.accounts.models import User
from smile.core.jobs import periodic, retried_task
from smile.learning.progress.selectors import alert_counts
from smile.notifications.models import Kind
from smile.notifications.services import daily_counts_notify
from smile.organisations.choices import Role


@periodic(every=timedelta(hours=24))
@retried_task
def learning_alerts_notify() -> int:
    """One notice per coordinator or teacher and programme with adepts who have alerts (no
    practice logged, a review overdue, hours not confirmed); at most one a day each.

    Idempotent (see `daily_counts_notify`); returns how many notices were made.
    """
    readers = User.objects.filter(
        is_active=True, memberships__role__in=[Role.COORDINATOR, Role.TEACHER]
    ).distinct()
    return daily_counts_notify(
        kind=Kind.LEARNING_ALERTS,
        page=reverse("learning:progress"),
        readers=readers,
        counts=alert_counts,
    )
