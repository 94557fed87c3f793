"""Put SMILE's periodic jobs (reminders, alerts, digests) on the task queue when they are due.

`make run` starts it beside the web server and `db_worker`; in production run one or more of it
as a service (two at once never enqueue a job twice). The worker then runs what it enqueued.
"""

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from smile.core.jobs import discover_periodic_jobs, enqueue_due_jobs


class Command(BaseCommand):
    help = "Enqueue each periodic job when it is due; with --once, one pass and exit."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--interval",
            type=float,
            default=30.0,
            help="Seconds between passes (default: 30).",
        )
        parser.add_argument("--once", action="store_true", help="Make one pass, then exit.")

    def handle(self, *args: Any, interval: float, once: bool, **options: Any) -> None:
        if interval <= 0:
            raise CommandError("--interval must be more than 0 seconds.")
        jobs = discover_periodic_jobs()
        if options["verbosity"] >= 1:
            names = ", ".join(sorted(jobs)) or "none"
            self.stdout.write(f"Scheduler: {len(jobs)} periodic jobs ({names}).")
        while True:
            for name in enqueue_due_jobs():
                if options["verbosity"] >= 1:
                    self.stdout.write(f"Enqueued {name}")
            if once:
                return
            time.sleep(interval)
