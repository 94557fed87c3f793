"""The periodic reminder before a confirmed meeting, to both sides, once."""

from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from smile.core.jobs import periodic, retried_task
from smile.matching.models import LIVE_PAIR_STATUSES
from smile.mentoring.models import Meeting, MeetingStatus
from smile.notifications.models import Kind
from smile.notifications.services import Notice, link_maker, notify_many

REMIND_BEFORE = timedelta(hours=24)
# Meetings reminded per transaction: the batch's six queries and its commit cost little per
# meeting, and the transaction stays short (about 0.2 s for 2,000 on the bench machine).
BATCH = 2000


def _remind(ids: list[int], now: datetime) -> int:
    """Claim these meetings and tell both sides of each one claimed; returns how many.

    Queries, whatever the number of meetings: the claim (one conditional update), the meetings
    claimed with both sides' names, and `notify_many` (their choices, one insert; one e-mail task
    after the commit).
    """
    with transaction.atomic():
        # A run at the same time (or a retry) has set `reminded_at` on the ones it took: the
        # condition leaves those out, and the read below finds only this run's.
        Meeting.objects.filter(
            pk__in=ids, status=MeetingStatus.CONFIRMED, reminded_at__isnull=True
        ).update(reminded_at=now)
        # `ids` ascend and earlier batches lie below them: in this range only this batch's
        # claimed meetings carry this run's time (a range reads faster than the list again).
        claimed = Meeting.objects.filter(
            pk__gte=ids[0], pk__lte=ids[-1], reminded_at=now
        ).values_list(
            "pk",
            "starts_at",
            "place",
            "video_url",
            "pair__adept__user_id",
            "pair__adept__user__full_name",
            "pair__mentor__user_id",
            "pair__mentor__user__full_name",
        )
        notices = []
        count = 0
        link = link_maker("mentoring:meeting")
        for pk, starts_at, place, video_url, adept, adept_name, mentor, mentor_name in claimed:
            url = link(pk)
            for recipient, other_name in ((adept, mentor_name), (mentor, adept_name)):
                notices.append(
                    Notice(
                        recipient_id=recipient,
                        kind=Kind.MEETING_REMINDER,
                        params={
                            "name": other_name,
                            "starts_at": starts_at.astimezone(UTC).isoformat(),
                            "place": place or video_url,
                        },
                        url=url,
                    )
                )
            count += 1
        notify_many(notices=notices)
    return count


@periodic(every=timedelta(minutes=15))
@retried_task
def meeting_reminders_send() -> int:
    """Remind both sides of each confirmed meeting in the next 24 hours; returns how many.

    In batches of `BATCH` meetings, each one transaction: a meeting is claimed with a conditional
    update of `reminded_at` before anyone is told, so a second run at the same time (or a retry)
    finds nothing left to claim, and a failure leaves its batch to the next run.
    """
    now = timezone.now()
    due = Meeting.objects.filter(
        status=MeetingStatus.CONFIRMED,
        reminded_at__isnull=True,
        starts_at__gt=now,
        starts_at__lte=now + REMIND_BEFORE,
        pair__status__in=LIVE_PAIR_STATUSES,
    ).order_by("pk")
    sent = 0
    after = 0
    while True:
        ids = list(due.filter(pk__gt=after).values_list("pk", flat=True)[:BATCH])
        if ids:
            sent += _remind(ids, now)
            after = ids[-1]
        if len(ids) < BATCH:
            return sent
