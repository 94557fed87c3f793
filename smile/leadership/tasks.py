"""Background work for the action plan, done by `manage.py db_worker`."""

from datetime import timedelta

from smile.core.jobs import periodic, retried_task
from smile.leadership.services import actions_remind_due


@periodic(every=timedelta(hours=24))
@retried_task
def remind_due_actions() -> int:
    """Tell each owner of an open action due within a week, or late, once per deadline."""
    return actions_remind_due()


@periodic(every=timedelta(hours=24))
@retried_task
def mentor_time_notices() -> int:
    """Tell mentors and their managers of over- or under-use, once per month and event."""
    from smile.leadership.mentor_time import send_mentor_time_notices

    return send_mentor_time_notices()
