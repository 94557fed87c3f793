"""Run the real background worker in a test, until the queue is empty."""

from unittest import mock

from django.core.management import call_command


def run_worker() -> None:
    """`manage.py db_worker --batch`: claims, runs and records every due task, as in production.

    The worker calls `close_old_connections()` when it wakes and after each task. Inside a test
    that runs in a transaction (pytest-django's `db`), Django sees a connection whose autocommit
    differs from its setting and closes it; on PostgreSQL that ends the test's transaction. The
    connection's lifetime is not what the tests are about, so that one call is switched off.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
