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
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.tasks import Task, task
from django.utils import timezone

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
    """Register a task (made with `@task()` or `@retried_task`) to run every `every`."""

    def register(the_task: Task[Any, Any]) -> Task[Any, Any]:
        PERIODIC_JOBS[the_task.name] = PeriodicJob(name=the_task.name, task=the_task, every=every)
        return the_task

    return register
