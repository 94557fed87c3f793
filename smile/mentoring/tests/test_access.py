"""Who may see and change the mentoring records: the rules in `smile/mentoring/access.py`."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from smile.matching.models import PairStatus
from smile.mentoring import access
from smile.mentoring.models import (
    ActionItem,
    LifeSituationCheckIn,
    Meeting,
    MeetingLog,
    Reflection,
)
from smile.programmes import access as programmes_access
from tests.cast import Cast


@pytest.fixture
def records(cast: Cast) -> dict[str, object]:
    meeting = Meeting.objects.create(
        pair=cast.pair,
        starts_at=timezone.now() + timedelta(days=2),
        place="Fikarummet",
        proposed_by=cast.bob,
    )
    log = MeetingLog.objects.create(
        pair=cast.pair, held_on=date(2026, 9, 1), minutes=45, notes="private", written_by=cast.bob
    )
    item = ActionItem.objects.create(
        pair=cast.pair, title="Läs säkerhetsblad", owner=cast.dana, due_on=date(2026, 9, 10)
    )
    return {"meeting": meeting, "log": log, "item": item}


def test_the_two_sides_see_and_change_their_pairs_records(cast: Cast, records) -> None:
    for user in (cast.bob, cast.dana):
        assert list(access.visible_meetings(user)) == [records["meeting"]]
        assert list(access.changeable_meetings(user)) == [records["meeting"]]
        assert list(access.changeable_meeting_logs(user)) == [records["log"]]
        assert list(access.changeable_action_items(user)) == [records["item"]]
        assert access.can_read_notes(user, records["log"])


def test_the_coordinator_sees_but_does_not_work_in_the_pair(cast: Cast, records) -> None:
    alice = cast.alice
    assert list(access.visible_meetings(alice)) == [records["meeting"]]
    assert list(access.visible_meeting_logs(alice)) == [records["log"]]
    assert list(access.visible_action_items(alice)) == [records["item"]]
    assert not access.changeable_meetings(alice).exists()
    assert not access.changeable_meeting_logs(alice).exists()
    assert not access.can_read_notes(alice, records["log"])
    MeetingLog.objects.filter(pk=records["log"].pk).update(notes_for_coordinator=True)
    records["log"].refresh_from_db()
    assert access.can_read_notes(alice, records["log"])


@pytest.mark.parametrize("name", ["charlie", "erin", "mona", "tess"])
def test_others_see_nothing(cast: Cast, records, name: str) -> None:
    user = getattr(cast, name)
    assert not access.visible_meetings(user).exists()
    assert not access.visible_meeting_logs(user).exists()
    assert not access.visible_action_items(user).exists()
    assert not access.changeable_meetings(user).exists()
    MeetingLog.objects.filter(pk=records["log"].pk).update(notes_for_coordinator=True)
    records["log"].refresh_from_db()
    assert not access.can_read_notes(user, records["log"])


def test_an_ended_pair_can_be_read_but_no_longer_worked_in(cast: Cast, records) -> None:
    cast.pair.status = PairStatus.COMPLETED
    cast.pair.save()
    assert access.visible_meeting_logs(cast.bob).exists()
    assert not access.changeable_meeting_logs(cast.bob).exists()
    assert not access.changeable_action_items(cast.dana).exists()


def test_life_situation_is_seen_only_as_the_adept_decides(cast: Cast) -> None:
    checkin = LifeSituationCheckIn.objects.create(enrolment=cast.dana_enrolment, payload="x")
    assert list(access.visible_life_checkins(cast.dana)) == [checkin]
    assert list(access.changeable_life_checkins(cast.dana)) == [checkin]
    for user in (cast.bob, cast.alice, cast.charlie, cast.erin, cast.mona, cast.tess):
        assert not access.visible_life_checkins(user).exists(), user
    LifeSituationCheckIn.objects.filter(pk=checkin.pk).update(share_with_mentor=True)
    assert list(access.visible_life_checkins(cast.bob)) == [checkin]
    assert not access.visible_life_checkins(cast.alice).exists()
    LifeSituationCheckIn.objects.filter(pk=checkin.pk).update(support_requested=True)
    assert list(access.visible_life_checkins(cast.alice)) == [checkin]
    assert not access.visible_life_checkins(cast.charlie).exists()
    assert not access.changeable_life_checkins(cast.bob).exists()
    # A mentor whose pair has ended no longer sees it.
    cast.pair.status = PairStatus.ENDED
    cast.pair.end_reason = "moved"
    cast.pair.ended_on = date(2026, 10, 1)
    cast.pair.save()
    assert not access.visible_life_checkins(cast.bob).exists()


def test_a_reflection_is_shown_to_the_other_side_only_when_both_wrote(cast: Cast) -> None:
    mine = Reflection.objects.create(pair=cast.pair, side="adept", author=cast.dana, rating=4)
    assert list(access.visible_reflections(cast.dana)) == [mine]
    assert not access.visible_reflections(cast.bob).exists()
    assert not access.visible_reflections(cast.alice).exists()
    theirs = Reflection.objects.create(pair=cast.pair, side="mentor", author=cast.bob, rating=5)
    for user in (cast.dana, cast.bob, cast.alice):
        assert set(access.visible_reflections(user)) == {mine, theirs}
    assert not access.visible_reflections(cast.charlie).exists()


def test_an_installation_administrator_does_not_read_support_requests(cast: Cast) -> None:
    from smile.accounts.models import User

    admin = User.objects.create_superuser("root@smile.example", "x" * 20, full_name="Root")
    LifeSituationCheckIn.objects.create(
        enrolment=cast.dana_enrolment, payload="x", support_requested=True
    )
    assert programmes_access.changeable_programmes(admin).exists()
    assert not access.visible_life_checkins(admin).exists()
