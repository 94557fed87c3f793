"""The mentoring services ask the policy themselves: a person it refuses gets `NotAllowed` and
nothing is written, whoever calls the service (a view, an import, a job, the coming API)."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from smile.accounts.models import User
from smile.core.errors import ApplicationError, NotAllowed
from smile.matching.models import Pair, PairStatus
from smile.mentoring.closing.services import reflection_write
from smile.mentoring.logs.services import (
    action_item_create,
    action_item_done,
    action_item_reopen,
    meeting_log_create,
)
from smile.mentoring.meetings import services as meetings
from smile.mentoring.models import (
    ActionItem,
    CheckIn,
    Dimension,
    Meeting,
    MeetingLog,
    MeetingStatus,
    Reflection,
)
from smile.notifications.models import Notification
from tests.cast import Cast

ALL_GOOD = {dimension: (4, "") for dimension in Dimension.values}


def today() -> date:
    return timezone.localdate()


def soon(days: int = 3) -> datetime:
    """Noon, some days ahead (one value all through a test, unlike "now")."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=12))


def set_status(pair: Pair, status: str, **fields: object) -> Pair:
    Pair.objects.filter(pk=pair.pk).update(status=status, **fields)
    pair.refresh_from_db()
    return pair


# --- logs and action items: the two people of a live pair -------------------------------------

OUTSIDERS = ["alice", "charlie", "erin", "mona", "tess"]


@pytest.mark.parametrize("who", OUTSIDERS)
def test_only_the_two_people_write_a_log(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        meeting_log_create(
            pair=cast.pair,
            by=getattr(cast, who),
            held_on=today(),
            minutes=60,
            checkins=ALL_GOOD,
            action_items=[("Bring the shoes", cast.dana, today())],
        )
    assert (MeetingLog.objects.count(), CheckIn.objects.count()) == (0, 0)
    assert (ActionItem.objects.count(), Notification.objects.count()) == (0, 0)


@pytest.mark.parametrize("who", OUTSIDERS)
def test_only_the_two_people_give_something_to_do(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        action_item_create(
            pair=cast.pair, by=getattr(cast, who), title="Ask", owner=cast.dana, due_on=today()
        )
    assert (ActionItem.objects.count(), Notification.objects.count()) == (0, 0)


@pytest.mark.parametrize("who", OUTSIDERS)
def test_only_the_two_people_tick_an_item_or_open_it_again(cast: Cast, who: str) -> None:
    open_item = ActionItem.objects.create(
        pair=cast.pair, title="Ask", owner=cast.dana, due_on=today(), created_by=cast.bob
    )
    done_at = timezone.now() - timedelta(hours=1)
    done_item = ActionItem.objects.create(
        pair=cast.pair,
        title="Read",
        owner=cast.dana,
        due_on=today(),
        created_by=cast.bob,
        done_at=done_at,
        done_by=cast.dana,
    )
    with pytest.raises(NotAllowed):
        action_item_done(item=open_item, by=getattr(cast, who))
    with pytest.raises(NotAllowed):
        action_item_reopen(item=done_item, by=getattr(cast, who))
    open_item.refresh_from_db()
    done_item.refresh_from_db()
    assert (open_item.done_at, open_item.done_by) == (None, None)
    assert (done_item.done_at, done_item.done_by) == (done_at, cast.dana)


def test_a_side_of_a_finished_pair_is_told_why(cast: Cast) -> None:
    pair = set_status(cast.pair, PairStatus.COMPLETED, ended_on=today())
    with pytest.raises(ApplicationError, match="This pair has finished"):
        action_item_create(pair=pair, by=cast.bob, title="Ask", owner=cast.dana, due_on=today())
    # Anyone else learns nothing of the pair.
    with pytest.raises(NotAllowed):
        action_item_create(pair=pair, by=cast.erin, title="Ask", owner=cast.dana, due_on=today())
    assert ActionItem.objects.count() == 0


# --- meetings ---------------------------------------------------------------------------------


def proposed_by_bob(cast: Cast) -> Meeting:
    return Meeting.objects.create(
        pair=cast.pair, starts_at=soon(), place="Formning", proposed_by=cast.bob
    )


def meeting_as_it_was(meeting: Meeting, starts_at: datetime) -> None:
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence, meeting.starts_at, meeting.place) == (
        MeetingStatus.PROPOSED,
        0,
        starts_at,
        "Formning",
    )
    assert (meeting.proposed_by_id, meeting.cancel_reason) == (meeting.pair.mentor.user_id, "")
    assert Notification.objects.count() == 0


@pytest.mark.parametrize("who", ["charlie", "erin", "mona", "tess"])
def test_only_the_pair_or_its_coordinator_proposes_a_meeting(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        meetings.meeting_propose(
            pair=cast.pair, by=getattr(cast, who), starts_at=soon(), place="Formning"
        )
    assert (Meeting.objects.count(), Notification.objects.count()) == (0, 0)


@pytest.mark.parametrize("who", ["alice", "charlie", "erin", "tess"])
def test_only_the_other_side_answers_a_meeting(cast: Cast, who: str) -> None:
    meeting = proposed_by_bob(cast)
    person: User = getattr(cast, who)
    with pytest.raises(NotAllowed):
        meetings.meeting_accept(meeting=meeting, by=person)
    with pytest.raises(NotAllowed):
        meetings.meeting_counter(
            meeting=meeting, by=person, starts_at=soon(5), duration_minutes=60, place="Café"
        )
    meeting_as_it_was(meeting, soon())


def test_a_side_of_an_ended_pair_cannot_answer_a_meeting(cast: Cast) -> None:
    meeting = proposed_by_bob(cast)
    set_status(cast.pair, PairStatus.ENDED, ended_on=today(), end_reason="Moved away")
    with pytest.raises(ApplicationError, match="only be planned while the pair is active"):
        meetings.meeting_accept(meeting=meeting, by=cast.dana)
    meeting_as_it_was(meeting, soon())


@pytest.mark.parametrize("who", ["charlie", "erin", "mona", "tess"])
def test_only_the_pair_or_its_coordinator_cancels_a_meeting(cast: Cast, who: str) -> None:
    meeting = proposed_by_bob(cast)
    with pytest.raises(NotAllowed):
        meetings.meeting_cancel(meeting=meeting, by=getattr(cast, who), reason="No")
    meeting_as_it_was(meeting, soon())


# --- closing reflections: the pair's two people -----------------------------------------------


@pytest.mark.parametrize("who", ["alice", "charlie", "erin", "mona", "tess"])
def test_only_the_two_people_write_a_reflection(cast: Cast, who: str) -> None:
    pair = set_status(cast.pair, PairStatus.COMPLETED, ended_on=today())
    with pytest.raises(NotAllowed):
        reflection_write(pair=pair, by=getattr(cast, who), rating=5, text="Good")
    assert (Reflection.objects.count(), Notification.objects.count()) == (0, 0)
