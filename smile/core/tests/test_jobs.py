"""Background jobs: a failed job is retried (and recorded), and the scheduler enqueues each
periodic job once per period, however many schedulers run."""

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from smile.core import jobs
from smile.core.models import PeriodicJobRun
from smile.core.tests.cast import Cast
from smile.core.tests.worker import run_worker
from smile.notifications.models import Kind, Notification
from smile.notifications.services import notify

DIGEST = "smile.notifications.tasks.send_manager_digests"


class MailServerDownOnce(EmailBackend):
    """The mail server refuses the first message of the test, then works."""

    failures_left = 1

    def send_messages(self, messages: Any) -> int:
        if MailServerDownOnce.failures_left > 0:
            MailServerDownOnce.failures_left -= 1
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


@jobs.retried_task(max_attempts=2)
def always_fails() -> None:
    raise RuntimeError("broken for good")


def make_retries_due() -> None:
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_a_failed_email_is_retried_and_sent_exactly_once(
    cast: Cast, settings, django_capture_on_commit_callbacks
) -> None:
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.MailServerDownOnce"}}
    MailServerDownOnce.failures_left = 1
    with django_capture_on_commit_callbacks(execute=True):
        notice = notify(
            recipient=cast.dana,
            kind=Kind.REFLECTION_ASKED,
            params={"name": "Bob Berg"},
            url="/mentoring/pairs/1/reflection/",
        )
    assert notice is not None

    run_worker()
    assert mail.outbox == []
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    assert "mail server down" in failed.traceback
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"] == {"attempt": 2, "attachment": None}
    assert retry.run_after > timezone.now() + timedelta(seconds=50)

    # Not yet due: the worker leaves it.
    run_worker()
    assert mail.outbox == []
    make_retries_due()
    run_worker()
    assert [m.to for m in mail.outbox] == [["dana@elev.example"]]
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1
    notice.refresh_from_db()
    assert notice.emailed_at is not None

    # A late duplicate of the job finds it sent and sends nothing.
    from smile.notifications.tasks import send_notification_email

    send_notification_email.call(notice.pk)
    assert len(mail.outbox) == 1


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


def test_the_scheduler_finds_the_jobs_of_every_app() -> None:
    found = jobs.discover_periodic_jobs()
    assert found[DIGEST].every == timedelta(days=14)
    assert found[DIGEST].task.module_path == DIGEST


def test_the_scheduler_enqueues_each_job_once_per_period(db: None) -> None:
    call_command("scheduler", "--once", verbosity=0)
    count = len(jobs.PERIODIC_JOBS)
    assert DBTaskResult.objects.count() == count
    assert set(DBTaskResult.objects.values_list("task_path", flat=True)) == set(jobs.PERIODIC_JOBS)
    assert PeriodicJobRun.objects.count() == count

    # A second pass (or a second scheduler) soon after enqueues nothing.
    call_command("scheduler", "--once", verbosity=0)
    assert DBTaskResult.objects.count() == count

    # Fourteen days later the digest is due again.
    PeriodicJobRun.objects.filter(name=DIGEST).update(
        last_enqueued_at=timezone.now() - timedelta(days=14)
    )
    assert jobs.enqueue_due_jobs() == [DIGEST]
    assert DBTaskResult.objects.filter(task_path=DIGEST).count() == 2


def test_two_schedulers_claiming_the_same_turn_enqueue_once(db: None) -> None:
    job = jobs.discover_periodic_jobs()[DIGEST]
    now = timezone.now()
    assert jobs._claim(job, now) is True
    assert jobs._claim(job, now) is False
    run = PeriodicJobRun.objects.get(name=DIGEST)
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


def test_the_notice_row_stays_when_its_email_fails(cast: Cast, settings) -> None:
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.MailServerDownOnce"}}
    MailServerDownOnce.failures_left = 1
    notice = Notification.objects.create(
        recipient=cast.bob, kind=Kind.ACTION_DUE, params={"title": "x", "due_on": "2026-09-01"}
    )
    from smile.notifications.tasks import send_notification_email

    with pytest.raises(ConnectionRefusedError):
        send_notification_email.call(notice.pk)
    notice.refresh_from_db()
    assert notice.emailed_at is None
