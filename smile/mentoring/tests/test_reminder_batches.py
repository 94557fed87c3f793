"""The reminder jobs take a fixed number of queries per batch, however many meetings or items
there are (the same for 2 and 5), and a second run sends nothing twice."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from smile.mentoring.logs import services as logs_services
from smile.mentoring.logs.services import action_items_remind_due
from smile.mentoring.meetings import tasks as meeting_tasks
from smile.mentoring.meetings.tasks import meeting_reminders_send
from smile.mentoring.models import ActionItem, Meeting, MeetingStatus
from smile.notifications.models import Kind, Notification
from tests.cast import Cast


def meetings(cast: Cast, n: int) -> None:
    now = timezone.now()
    for i in range(n):
        Meeting.objects.create(
            pair=cast.pair,
            starts_at=now + timedelta(hours=2 + i),
            place="Formning",
            status=MeetingStatus.CONFIRMED,
            confirmed_at=now,
            proposed_by=cast.bob,
        )


def items(cast: Cast, n: int) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    for i in range(n):
        owner = cast.dana if i % 2 else cast.bob
        ActionItem.objects.create(pair=cast.pair, title=f"Thing {i}", owner=owner, due_on=tomorrow)


# One batch, in the test's transaction (so `atomic` is a savepoint):
#   1 the meetings due (their ids, one batch)
#   2 SAVEPOINT
#   3 the claim: UPDATE … SET reminded_at WHERE id IN (…) AND reminded_at IS NULL
#   4 the meetings claimed, with both sides' ids and names
#   5 the recipients' notification settings
#   6 INSERT of all the notifications (one executemany)
#   7 the notifications made (their ids)
#   8 RELEASE SAVEPOINT
#   9 after the commit: one e-mail task for the batch
PER_BATCH = 9


@pytest.mark.parametrize("n", [2, 5])
def test_a_batch_of_meeting_reminders_takes_the_same_queries_for_2_and_5(
    cast: Cast, n: int, django_assert_num_queries, django_capture_on_commit_callbacks
) -> None:
    meetings(cast, n)
    with django_assert_num_queries(PER_BATCH), django_capture_on_commit_callbacks(execute=True):
        assert meeting_reminders_send.call() == n
    assert Notification.objects.filter(kind=Kind.MEETING_REMINDER).count() == 2 * n
    assert DBTaskResult.objects.count() == 1
    assert not Meeting.objects.filter(reminded_at__isnull=True).exists()
    # Again: one query finds nothing due, and nothing is sent twice.
    with django_assert_num_queries(1), django_capture_on_commit_callbacks(execute=True):
        assert meeting_reminders_send.call() == 0
    assert Notification.objects.count() == 2 * n
    assert DBTaskResult.objects.count() == 1


def test_more_meetings_than_a_batch_take_the_same_queries_per_batch(
    cast: Cast, monkeypatch, django_assert_num_queries, django_capture_on_commit_callbacks
) -> None:
    monkeypatch.setattr(meeting_tasks, "BATCH", 2)
    meetings(cast, 5)
    on_commit = django_capture_on_commit_callbacks(execute=True)
    with django_assert_num_queries(3 * PER_BATCH), on_commit:  # 2 + 2 + 1 meetings
        assert meeting_reminders_send.call() == 5
    assert Notification.objects.count() == 10
    assert DBTaskResult.objects.count() == 3


# One batch, as above: the items due, SAVEPOINT, the claim (UPDATE … WHERE reminded_at IS NULL
# AND done_at IS NULL), the items claimed, the owners' settings, INSERT of the notifications, the
# notifications made, RELEASE SAVEPOINT, one e-mail task after the commit.
@pytest.mark.parametrize("n", [2, 5])
def test_a_batch_of_action_item_reminders_takes_the_same_queries_for_2_and_5(
    cast: Cast, n: int, django_assert_num_queries, django_capture_on_commit_callbacks
) -> None:
    items(cast, n)
    with django_assert_num_queries(PER_BATCH), django_capture_on_commit_callbacks(execute=True):
        assert action_items_remind_due() == n
    notices = Notification.objects.filter(kind=Kind.ACTION_DUE)
    assert notices.count() == n
    assert notices.filter(recipient=cast.dana).count() == n // 2
    assert DBTaskResult.objects.count() == 1
    with django_assert_num_queries(1):
        assert action_items_remind_due() == 0
    assert Notification.objects.count() == n


def test_more_items_than_a_batch_take_the_same_queries_per_batch(
    cast: Cast, monkeypatch, django_assert_num_queries, django_capture_on_commit_callbacks
) -> None:
    monkeypatch.setattr(logs_services, "REMIND_BATCH", 2)
    items(cast, 4)
    # Two full batches, then one query that finds nothing more.
    with (
        django_assert_num_queries(2 * PER_BATCH + 1),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert action_items_remind_due() == 4
    assert Notification.objects.count() == 4
    assert DBTaskResult.objects.count() == 2


def test_an_item_done_before_its_claim_is_not_reminded(cast: Cast, monkeypatch) -> None:
    items(cast, 2)
    done = ActionItem.objects.get(title="Thing 1")
    claim = logs_services._action_items_remind

    def done_meanwhile(ids: list[int], now: object) -> int:
        ActionItem.objects.filter(pk=done.pk).update(done_at=timezone.now())
        return claim(ids, now)  # type: ignore[arg-type]

    monkeypatch.setattr(logs_services, "_action_items_remind", done_meanwhile)
    assert action_items_remind_due() == 1
    assert list(Notification.objects.values_list("params__title", flat=True)) == ["Thing 0"]
    done.refresh_from_db()
    assert done.reminded_at is None
