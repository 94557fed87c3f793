"""Background work for onboarding, done by `manage.py db_worker`."""

from datetime import timedelta

from smile.core.jobs import periodic, retried_task
from smile.inclusion.services import checklists_fill, onboarding_remind_overdue


@periodic(every=timedelta(hours=24))
@retried_task
def remind_overdue_onboarding() -> int:
    """Give adepts without a checklist theirs, then tell adepts and mentors of late steps, once
    per checklist while the notice is open."""
    checklists_fill()
    return onboarding_remind_overdue()
