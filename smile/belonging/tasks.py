"""Background work for belonging pulses, done by `manage.py db_worker`."""

from datetime import timedelta

from smile.belonging.services import rounds_close_due, rounds_open_due
from smile.core.jobs import periodic, retried_task


@periodic(every=timedelta(hours=24))
@retried_task
def run_pulse_rounds() -> int:
    """Close the rounds whose time is up, then open those whose cadence has come round."""
    closed = rounds_close_due()
    return closed + rounds_open_due()
