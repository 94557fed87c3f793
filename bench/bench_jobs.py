"""Benchmark the periodic jobs and the coordinator's warnings page at a large programme.

    .venv/bin/python bench/bench_jobs.py [--pairs 20000] [--seed 1]

Builds the same programme as bench_mentoring.py (N active pairs with meetings, logs, check-ins,
action items and requests for support, in a temporary SQLite file), then runs, once each and
in this order, the jobs that write: the meeting reminders, the action-item reminders, the
early-warnings notice and the learning-alerts notice, each a second time to show that it sends
nothing twice. Then the coordinator's warnings page through the test client (median of 3 runs):
the first page, one kind, and a page far on. Each stage prints its SQL query count and wall
time. E-mails go out later from the worker, so each job's figure is the job only (the e-mail
tasks it enqueues are counted, not run).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import bench_mentoring  # noqa: E402  (the builder lives there)

Row = tuple[str, int, float, str]


def measure(
    rows: list[Row], label: str, fn: Callable[[], Any], *, runs: int = 1, note: str = ""
) -> Any:
    """Run fn `runs` times with DEBUG off, as in production; record the median wall time and
    the first run's query count.

    The queries are counted by an execute wrapper, not by Django's debug cursor: that cursor
    formats every query's SQL with its parameters (on SQLite by asking the database to quote
    each one), which for an insert of thousands of rows costs more than the insert.
    """
    from django.db import connection
    from django.test.utils import override_settings

    times, counts = [], []
    result = None
    for _ in range(runs):
        count = 0

        def counter(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with override_settings(DEBUG=False), connection.execute_wrapper(counter):
            start = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - start)
        counts.append(count)
    spread = "" if len(set(counts)) == 1 else f" (queries per run {counts})"
    rows.append((label, counts[0], statistics.median(times), note + spread))
    return result


def stages(ids: dict[str, int]) -> list[Row]:
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_tasks_db.models import DBTaskResult

    from smile.accounts.models import User
    from smile.learning.progress.tasks import learning_alerts_notify
    from smile.mentoring.logs.tasks import remind_due_action_items
    from smile.mentoring.meetings.tasks import meeting_reminders_send
    from smile.mentoring.warnings.tasks import early_warnings_notify
    from smile.notifications.models import Notification

    # The URL configuration (every app's views) is loaded once per worker process, at its first
    # `reverse`; not part of any job's figure.
    reverse("mentoring:warnings")
    rows: list[Row] = []
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ALLOWED_HOSTS=["testserver"],
    ):
        jobs = [
            ("meeting_reminders_send", meeting_reminders_send, "meetings"),
            ("remind_due_action_items", remind_due_action_items, "items"),
            ("early_warnings_notify", early_warnings_notify, "notices"),
            ("learning_alerts_notify", learning_alerts_notify, "notices"),
        ]
        for label, job, unit in jobs:
            for run in ("", " again"):
                notices, tasks = Notification.objects.count(), DBTaskResult.objects.count()
                done = measure(rows, f"{label}{run}", job.call)
                made = Notification.objects.count() - notices
                queued = DBTaskResult.objects.count() - tasks
                rows[-1] = (
                    *rows[-1][:3],
                    f"{done:,} {unit}, {made:,} notifications, {queued:,} e-mail tasks",
                )

        coordinator = User.objects.get(pk=ids["coordinator"])
        client = Client()
        client.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        session["otp_device_id"] = TOTPDevice.objects.get(user=coordinator).persistent_id
        session.save()
        client.cookies["smile_language"] = "en"
        for label, query in [
            ("GET /mentoring/warnings/", ""),
            ("GET … ?kind=late_actions", "?kind=late_actions"),
            ("GET … ?page=30", "?page=30"),
        ]:
            statuses: list[int] = []

            def page(query: str = query, statuses: list[int] = statuses) -> Any:
                response = client.get("/mentoring/warnings/" + query)
                statuses.append(response.status_code)
                return response

            response = measure(rows, label, page, runs=bench_mentoring.RUNS)
            size = len(response.content)
            rows[-1] = (*rows[-1][:3], f"status {sorted(set(statuses))}, {size / 1024:,.0f} KiB")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_mentoring.setup_django(Path(tmp) / "bench.sqlite3")
        from django.db import connection
        from django.utils import translation

        translation.activate("en")
        start = time.perf_counter()
        ids = bench_mentoring.build(args.pairs, args.seed)
        print(
            f"{args.pairs:,} active pairs, built in {time.perf_counter() - start:.1f} s "
            f"at {datetime.now():%H:%M}"
        )
        connection.queries_log = deque(maxlen=1_000_000)
        rows = stages(ids)
        print(f"\n  {'stage':<40} {'queries':>7} {'ms':>9}  note")
        for label, queries, seconds, note in rows:
            print(f"  {label:<40} {queries:>7,} {seconds * 1000:>9.1f}  {note}")
        print(f"\n  (jobs: one run each; pages: median of 3 runs; today {date.today()})")


if __name__ == "__main__":
    main()
