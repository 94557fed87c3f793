"""The daily job that tells each coordinator how many early warnings her programmes have."""

from collections.abc import Iterable
from datetime import timedelta

from django.urls import reverse

from smile.accounts.models import User
from smile.core.jobs import periodic, retried_task
from smile.mentoring.warnings.selectors import warning_counts
from smile.notifications.models import Kind
from smile.notifications.services import Named, daily_counts_notify
from smile.organisations.choices import Role


def _counts(coordinator: User) -> Iterable[tuple[Named, int]]:
    return [(item.programme, item.count) for item in warning_counts(user=coordinator)]


@periodic(every=timedelta(hours=24))
@retried_task
def early_warnings_notify() -> int:
    """One notice per coordinator and programme with open warnings; at most one a day each.

    Idempotent (see `daily_counts_notify`); returns how many notices were made.
    """
    coordinators = User.objects.filter(
        is_active=True, memberships__role=Role.COORDINATOR
    ).distinct()
    return daily_counts_notify(
        kind=Kind.EARLY_WARNINGS,
        page=reverse("mentoring:warnings"),
        readers=coordinators,
        counts=_counts,
    )
