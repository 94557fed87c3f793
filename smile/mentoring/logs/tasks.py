"""Background work for action items, done by `manage.py db_worker`."""

from datetime import timedelta

from smile.core.jobs import periodic, retried_task
from smile.mentoring.logs.services import action_items_remind_due


@periodic(every=timedelta(hours=24))
@retried_task
def remind_due_action_items() -> int:
    """Tell each owner of an open thing to do that is due tomorrow or late, once per item."""
    return action_items_remind_due()
