"""Background jobs: retries that never lose a job, and periodic jobs the scheduler enqueues.

Django's task framework runs a job once. SMILE's jobs send e-mail and reminders, so a job that fails
(the mail server is down) must run again: `retried_task` enqueues the next attempt with a growing
delay before it lets the failure be recorded, and after the last attempt the failed result stays in
the task table (admin: "Task results") with its traceback.

`periodic` registers a task to be enqueued every so often by `manage.py scheduler` (started by
`make run` beside the worker). Periodic jobs must be idempotent: they mark what they have done
(for example `Meeting.reminded_at`), so running one twice sends nothing twice.
"""

import functools
import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.db import IntegrityError, transaction
from django.tasks import Task, task
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from smile.core.models import PeriodicJobRun

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
FIRST_RETRY_AFTER = timedelta(minutes=1)


def retried_task(
    func: Callable[..., Any] | None = None, *, max_attempts: int = MAX_ATTEMPTS
) -> Any:
    """Like `@task()`, but a failure enqueues the next attempt (1, 2, 4, 8 … minutes later)."""

    def decorate(f: Callable[..., Any]) -> Task[Any, Any]:
        @functools.wraps(f)
        def run(*args: Any, attempt: int = 1, **kwargs: Any) -> Any:
            try:
                return f(*args, **kwargs)
            except Exception:
                if attempt < max_attempts:
                    delay = FIRST_RETRY_AFTER * 2 ** (attempt - 1)
                    the_task.using(run_after=timezone.now() + delay).enqueue(
                        *args, attempt=attempt + 1, **kwargs
                    )
                    logger.warning("%s failed (attempt %d); retrying", f.__qualname__, attempt)
                else:
                    logger.error("%s failed %d times; giving up", f.__qualname__, attempt)
                raise

        the_task: Task[Any, Any] = task()(run)
        return the_task

    if func is not None:
        return decorate(func)
    return decorate


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: Task[Any, Any]
    every: timedelta


PERIODIC_JOBS: dict[str, PeriodicJob] = {}


def periodic(*, every: timedelta) -> Callable[[Task[Any, Any]], Task[Any, Any]]:
    """Register a task (made with `@task()` or `@retried_task`) to run every `every`.

    A job is known by its full dotted path, so two apps' `send` functions never share a row.
    """

    def register(the_task: Task[Any, Any]) -> Task[Any, Any]:
        name = the_task.module_path
        PERIODIC_JOBS[name] = PeriodicJob(name=name, task=the_task, every=every)
        return the_task

    return register


def discover_periodic_jobs() -> dict[str, PeriodicJob]:
    """Import every `tasks` module of SMILE's apps (sub-packages too, like `mentoring.meetings`),
    so that their `@periodic` jobs are registered."""
    for config in apps.get_app_configs():
        if not config.name.startswith("smile."):
            continue
        package = importlib.import_module(config.name)
        if module_has_submodule(package, "tasks"):
            importlib.import_module(f"{config.name}.tasks")
        for found in pkgutil.walk_packages(package.__path__, prefix=f"{config.name}."):
            if found.name.endswith(".tasks") and ".tests" not in found.name:
                importlib.import_module(found.name)
    return PERIODIC_JOBS


def _claim(job: PeriodicJob, now: datetime) -> bool:
    """Take the job's turn: True for exactly one scheduler when the job is due.

    The row is locked (PostgreSQL) and then moved on with a compare-and-set update (which also
    holds on SQLite, where there are no row locks), so two schedulers never enqueue it twice.
    """
    run = PeriodicJobRun.objects.select_for_update().filter(name=job.name).first()
    if run is None:
        try:
            with transaction.atomic():
                PeriodicJobRun.objects.create(name=job.name, last_enqueued_at=now)
        except IntegrityError:
            return False  # another scheduler created it a moment ago
        return True
    if run.last_enqueued_at + job.every > now:
        return False
    moved = PeriodicJobRun.objects.filter(pk=run.pk, last_enqueued_at=run.last_enqueued_at).update(
        last_enqueued_at=now
    )
    return moved == 1


def enqueue_due_jobs(now: datetime | None = None) -> list[str]:
    """One pass of the scheduler: enqueue every periodic job that is due; returns their names.

    The claim and the enqueued task are one transaction: either both happen or neither.
    """
    now = now or timezone.now()
    enqueued = []
    for job in sorted(PERIODIC_JOBS.values(), key=lambda job: job.name):
        with transaction.atomic():
            if _claim(job, now):
                job.task.enqueue()
                enqueued.append(job.name)
    return enqueued
