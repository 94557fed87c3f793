"""The periodic reminder before a confirmed meeting, to both sides, once."""

from datetime import UTC, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from smile.core.jobs import periodic, retried_task
from smile.matching.models import LIVE_PAIR_STATUSES
from smile.mentoring.models import Meeting, MeetingStatus
from smile.notifications.models import Kind
from smile.notifications.services import notify

REMIND_BEFORE = timedelta(hours=24)


@periodic(every=timedelta(minutes=15))
@retried_task
def meeting_reminders_send() -> int:
    """Remind both sides of each confirmed meeting in the next 24 hours; returns how many.

    Each meeting is claimed with a conditional update of `reminded_at` before anyone is told, so
    a second run at the same time (or a retry) finds nothing left to claim.
    """
    now = timezone.now()
    due = Meeting.objects.filter(
        status=MeetingStatus.CONFIRMED,
        reminded_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + REMIND_BEFORE,
        pair__status__in=LIVE_PAIR_STATUSES,
    )
    sent = 0
    for meeting in due.select_related("pair__adept__user", "pair__mentor__user"):
        with transaction.atomic():
            claimed = Meeting.objects.filter(
                pk=meeting.pk, status=MeetingStatus.CONFIRMED, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not claimed:
                continue
            adept, mentor = meeting.pair.adept.user, meeting.pair.mentor.user
            url = reverse("mentoring:meeting", args=[meeting.pk])
            for recipient, other in ((adept, mentor), (mentor, adept)):
                notify(
                    recipient=recipient,
                    kind=Kind.MEETING_REMINDER,
                    params={
                        "name": other.full_name,
                        "starts_at": meeting.starts_at.astimezone(UTC).isoformat(),
                        "place": meeting.place or meeting.video_url,
                    },
                    url=url,
                )
            sent += 1
    return sent
