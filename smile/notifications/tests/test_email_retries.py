"""A notice's e-mail is sent by the worker, retried when the mail server fails, never twice."""

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from smile.core.tests.worker import run_worker
from smile.notifications.models import Kind, Notification
from smile.notifications.services import notify
from tests.cast import Cast


class MailServerDownOnce(EmailBackend):
    """The mail server refuses the first message of the test, then works."""

    failures_left = 1

    def send_messages(self, messages: Any) -> int:
        if MailServerDownOnce.failures_left > 0:
            MailServerDownOnce.failures_left -= 1
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


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
