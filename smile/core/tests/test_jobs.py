"""Background jobs: a failed job is retried (and recorded), and the scheduler enqueues each
periodic job once per period, however many schedulers run."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from smile.core import jobs
from smile.core.models import PeriodicJobRun
from smile.core.tests.worker import run_worker


@jobs.retried_task(max_attempts=2)
def always_fails() -> None:
    raise RuntimeError("broken for good")


@jobs.periodic(every=timedelta(days=14))
@jobs.retried_task
def fortnightly() -> None:
    """A periodic job of this test module: the scheduler tests' example."""


FORTNIGHTLY = f"{__name__}.fortnightly"


def make_retries_due() -> None:
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_a_job_that_keeps_failing_stops_after_its_last_attempt(db: None) -> None:
    always_fails.enqueue()
    run_worker()
    make_retries_due()
    run_worker()
    make_retries_due()
    run_worker()
    results = DBTaskResult.objects.order_by("enqueued_at")
    assert [r.status for r in results] == ["FAILED", "FAILED"]
    assert results[1].args_kwargs["kwargs"] == {"attempt": 2}


def test_the_scheduler_enqueues_each_job_once_per_period(db: None) -> None:
    call_command("scheduler", "--once", verbosity=0)
    assert DBTaskResult.objects.filter(task_path=FORTNIGHTLY).count() == 1
    assert PeriodicJobRun.objects.filter(name=FORTNIGHTLY).count() == 1
    first_pass = DBTaskResult.objects.count()

    # A second pass (or a second scheduler) soon after enqueues nothing.
    call_command("scheduler", "--once", verbosity=0)
    assert DBTaskResult.objects.count() == first_pass

    # Fourteen days later the fortnightly job is due again, and only it.
    PeriodicJobRun.objects.filter(name=FORTNIGHTLY).update(
        last_enqueued_at=timezone.now() - timedelta(days=14)
    )
    assert jobs.enqueue_due_jobs() == [FORTNIGHTLY]
    assert DBTaskResult.objects.filter(task_path=FORTNIGHTLY).count() == 2


def test_two_schedulers_claiming_the_same_turn_enqueue_once(db: None) -> None:
    job = jobs.PERIODIC_JOBS[FORTNIGHTLY]
    now = timezone.now()
    assert jobs._claim(job, now) is True
    assert jobs._claim(job, now) is False
    run = PeriodicJobRun.objects.get(name=FORTNIGHTLY)
    PeriodicJobRun.objects.filter(pk=run.pk).update(last_enqueued_at=now - timedelta(days=15))
    # The other scheduler moved the row on after this one read it: this one's update misses.
    stale = run.last_enqueued_at
    moved = PeriodicJobRun.objects.filter(pk=run.pk, last_enqueued_at=stale).update(
        last_enqueued_at=now
    )
    assert moved == 0
    assert jobs._claim(job, now) is True


def test_the_scheduler_refuses_a_bad_interval(db: None) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="more than 0"):
        call_command("scheduler", "--once", "--interval", "0")
