"""Background work for active measures, done by `manage.py db_worker`."""

from datetime import timedelta

from smile.core.jobs import periodic, retried_task
from smile.equality.measures.services import measures_remind_due


@periodic(every=timedelta(hours=24))
@retried_task
def remind_due_measures() -> int:
    """Tell each owner of an open measure due within a week, or late, once per deadline."""
    return measures_remind_due()
