"""Background work for mentor development, done by `manage.py db_worker`."""

from datetime import timedelta

from smile.core.jobs import periodic, retried_task
from smile.training.services import modules_required_notify


@periodic(every=timedelta(hours=24))
@retried_task
def remind_required_modules() -> int:
    """Ask untrained mentors in programmes that require the basic modules to complete them."""
    return modules_required_notify()
