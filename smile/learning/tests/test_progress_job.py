"""The daily job that tells coordinators and teachers about adepts with alerts, run by the real
worker."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from smile.core.tests.worker import run_worker
from smile.learning.progress import tasks
from smile.learning.tests.progress_fixtures import hold_review, log_practice, start
from smile.notifications.models import Kind, Notification
from tests.cast import Cast


def run_the_worker() -> None:
    run_worker()


# Transactional: the worker commits and may close the connection as it would in production.
@pytest.mark.django_db(transaction=True)
def test_the_daily_job_tells_each_coordinator_and_teacher_once_a_day(cast: Cast) -> None:
    today = timezone.localdate()
    # Dana and erin started a month ago; dana has logged nothing, erin practised and had a review.
    for enrolment in (cast.dana_enrolment, cast.erin_enrolment):
        start(enrolment, today - timedelta(days=30))
    log_practice(cast.erin_enrolment, today)
    hold_review(cast.erin_enrolment, today)
    tasks.learning_alerts_notify.enqueue()
    run_the_worker()
    url = f"/learning/progress/?programme={cast.programme.pk}"
    notices = Notification.objects.filter(kind=Kind.LEARNING_ALERTS).order_by("recipient__email")
    assert [(n.recipient, n.params, n.url) for n in notices] == [
        (cast.alice, {"count": 1, "programme": "Gjuterivägen"}, url),
        (cast.tess, {"count": 1, "programme": "Gjuterivägen"}, url),
    ]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "alice@savsjo.example",
        "tess@larcentrum.example",
    ]
    # A second run the same day sends nothing again; charlie and the mentor get nothing.
    tasks.learning_alerts_notify.enqueue()
    run_the_worker()
    assert Notification.objects.filter(kind=Kind.LEARNING_ALERTS).count() == 2
    assert len(mail.outbox) == 2
    assert not Notification.objects.filter(recipient__in=[cast.charlie, cast.bob]).exists()


@pytest.mark.django_db(transaction=True)
def test_without_alerts_no_one_is_told(cast: Cast) -> None:
    today = timezone.localdate()
    for enrolment in (cast.dana_enrolment, cast.erin_enrolment):
        start(enrolment, today - timedelta(days=3))
    tasks.learning_alerts_notify.enqueue()
    run_the_worker()
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_the_job_is_registered_to_run_daily() -> None:
    from smile.core.jobs import discover_periodic_jobs

    job = discover_periodic_jobs()["smile.learning.progress.tasks.learning_alerts_notify"]
    assert (job.task, job.every) == (tasks.learning_alerts_notify, timedelta(hours=24))
