"""The reminder before a confirmed meeting: the real task worker, both sides, once."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone, translation

from smile.core.jobs import discover_periodic_jobs
from smile.core.tests.worker import run_worker
from smile.matching.models import Pair, PairStatus
from smile.mentoring.meetings.tasks import meeting_reminders_send
from smile.mentoring.models import Meeting, MeetingStatus
from smile.notifications import messages
from smile.notifications.models import Kind, Notification
from tests.cast import Cast

S = MeetingStatus
ARABIC = re.compile("[\u0600-\u06ff]")


def run_the_worker() -> None:
    """The real task worker, in this process: it empties the queue, then stops."""
    run_worker()


def meeting(cast: Cast, *, hours: float, status: str = S.CONFIRMED, **kwargs: Any) -> Meeting:
    return Meeting.objects.create(
        pair=cast.pair,
        starts_at=timezone.now() + timedelta(hours=hours),
        place="Formning",
        status=status,
        confirmed_at=timezone.now() if status == S.CONFIRMED else None,
        cancelled_at=timezone.now() if status == S.CANCELLED else None,
        proposed_by=cast.bob,
        **kwargs,
    )


def test_the_job_is_registered_to_run_every_quarter_of_an_hour() -> None:
    job = discover_periodic_jobs()[meeting_reminders_send.module_path]
    assert job.task is meeting_reminders_send
    assert job.every == timedelta(minutes=15)


def test_only_confirmed_meetings_in_the_next_day_not_yet_reminded(cast: Cast) -> None:
    due = meeting(cast, hours=3)
    meeting(cast, hours=25)  # too early to remind
    meeting(cast, hours=-1)  # already begun
    meeting(cast, hours=5, status=S.PROPOSED)
    meeting(cast, hours=6, status=S.CANCELLED)
    meeting(cast, hours=7, reminded_at=timezone.now())
    assert meeting_reminders_send.call() == 1
    due.refresh_from_db()
    assert due.reminded_at is not None
    rows = Notification.objects.select_related("recipient").order_by("recipient__email")
    assert [(n.recipient.email, n.kind, n.params, n.url) for n in rows] == [
        (
            "bob@gjuteri.example",
            Kind.MEETING_REMINDER,
            {
                "name": "Dana Darwish",
                "starts_at": due.starts_at.isoformat(),
                "place": "Formning",
            },
            f"/mentoring/meetings/{due.pk}/",
        ),
        (
            "dana@elev.example",
            Kind.MEETING_REMINDER,
            {"name": "Bob Berg", "starts_at": due.starts_at.isoformat(), "place": "Formning"},
            f"/mentoring/meetings/{due.pk}/",
        ),
    ]
    assert meeting_reminders_send.call() == 0
    assert Notification.objects.count() == 2


def test_a_meeting_claimed_by_a_parallel_run_is_not_reminded_again(cast: Cast) -> None:
    due = meeting(cast, hours=3)
    # What a parallel run does between this run's search and its claim.
    original = Meeting.objects.filter

    def racing_filter(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("pk") == due.pk or due.pk in kwargs.get("pk__in", ()):
            original(pk=due.pk).update(reminded_at=timezone.now())
        return original(*args, **kwargs)

    Meeting.objects.filter = racing_filter  # type: ignore[method-assign]
    try:
        assert meeting_reminders_send.call() == 0
    finally:
        del Meeting.objects.filter
    assert not Notification.objects.exists()


def test_an_ended_pair_gets_no_reminder(cast: Cast) -> None:
    meeting(cast, hours=3)
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.ENDED, end_reason="Moved")
    assert meeting_reminders_send.call() == 0


# The worker commits (and closes its connection) as it does in production, so this test runs
# with real transactions: the e-mails are queued when the reminder job's transaction commits.
@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_one_reminder_to_each_side_in_her_language(cast: Cast) -> None:
    due = meeting(cast, hours=20)
    meeting_reminders_send.enqueue()
    run_the_worker()  # the reminder job: it marks the meeting and queues two e-mails
    due.refresh_from_db()
    assert due.reminded_at is not None
    assert Notification.objects.filter(kind=Kind.MEETING_REMINDER).count() == 2
    run_the_worker()  # the e-mails
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["bob@gjuteri.example", "dana@elev.example"]
    for notification in Notification.objects.select_related("recipient"):
        recipient = notification.recipient
        with translation.override(recipient.preferred_language):
            subject, _line = messages.render(notification)
        assert by_address[recipient.email].subject == f"SMILE: {subject}"
        assert notification.emailed_at is not None
    with translation.override("ar"):
        arabic = str(messages.SUBJECTS[Kind.MEETING_REMINDER])
    assert by_address["dana@elev.example"].subject == f"SMILE: {arabic}"
    # The words around the subject are Arabic for Dana and Swedish for Bob.
    assert ARABIC.search(str(by_address["dana@elev.example"].body))
    assert not ARABIC.search(str(by_address["bob@gjuteri.example"].body))
    assert str(by_address["bob@gjuteri.example"].body).startswith("Hej Bob")

    # A second run finds nothing to do and sends nothing.
    mail.outbox.clear()
    meeting_reminders_send.enqueue()
    run_the_worker()
    run_the_worker()
    assert mail.outbox == []
    assert Notification.objects.count() == 2
