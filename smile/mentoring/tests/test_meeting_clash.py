"""Nobody is booked into two meetings at once: a proposal or a new time that overlaps another
meeting of the adept or the mentor, in any of their pairs, is refused with the clash in words;
a meeting that only touches (one ends when the other starts), a cancelled one, and one of a pair
that has ended are no clash. The clock stands at 1 Dec 2026 09:00 in these tests."""

from datetime import date, datetime
from typing import Any

import pytest
from django.utils import timezone

from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.core.errors import ApplicationError
from smile.matching.models import Pair, PairStatus
from smile.mentoring.meetings import services
from smile.mentoring.models import Meeting, MeetingStatus
from smile.organisations.choices import Role
from smile.programmes.services import enrolment_create, programme_save
from tests.cast import Cast, make_user
from tests.pages import body_of

NOW = datetime(2026, 12, 1, 9, 0)
DAY = date(2026, 12, 8)
BOB_BUSY = "<bdi>Bob Berg</bdi> already has a meeting on 8 Dec 2026 14:00–15:00."
YOU_BUSY = "You already have a meeting on 8 Dec 2026 14:00–15:00."


@pytest.fixture(autouse=True)
def _the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    stopped = timezone.make_aware(NOW)
    monkeypatch.setattr(timezone, "now", lambda: stopped)


def at(hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime(DAY.year, DAY.month, DAY.day, hour, minute))


def bob_and_erin(cast: Cast) -> Pair:
    """Bob mentors Erin too (at another workplace, same programme)."""
    return Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=date(2026, 8, 20),
    )


def mats_and_dana(cast: Cast) -> tuple[Pair, Any]:
    """Dana is also in a second programme, where Mats mentors her."""
    mats = make_user("mats@gjuteri.example", "Mats Mentor")
    membership_create(
        actor=SYSTEM,
        user=mats,
        organisation=cast.foundry,
        role=Role.MENTOR,
        workplace=cast.moulding,
    )
    programme = programme_save(
        actor=SYSTEM,
        owner=cast.savsjo,
        name="Lagervägen",
        starts_on=date(2026, 8, 1),
        ends_on=date(2027, 6, 30),
        partners=[cast.foundry, cast.school],
    )
    mentor = enrolment_create(
        actor=SYSTEM,
        programme=programme,
        user=mats,
        role="mentor",
        workplace=cast.moulding,
        starts_on=date(2026, 8, 10),
    )
    adept = enrolment_create(
        actor=SYSTEM,
        programme=programme,
        user=cast.dana,
        role="adept",
        workplace=cast.moulding,
        education_provider=cast.school,
        starts_on=date(2026, 8, 10),
    )
    pair = Pair.objects.create(
        programme=programme,
        mentor=mentor,
        adept=adept,
        status=PairStatus.ACTIVE,
        started_on=date(2026, 8, 20),
    )
    return pair, mats


def propose(pair: Pair, by: Any, starts_at: datetime, minutes: int = 60) -> Meeting:
    return services.meeting_propose(
        pair=pair, by=by, starts_at=starts_at, duration_minutes=minutes, place="Formning"
    )


def bob_meets_dana_at_two(cast: Cast) -> Meeting:
    return propose(cast.pair, cast.bob, at(14))


# --- the services ------------------------------------------------------------------------------


def test_the_mentor_busy_with_another_adept_cannot_be_booked_then(cast: Cast) -> None:
    bob_meets_dana_at_two(cast)
    erin_pair = bob_and_erin(cast)
    with pytest.raises(ApplicationError) as caught:
        propose(erin_pair, cast.erin, at(14, 30))
    assert (caught.value.message, caught.value.field) == (BOB_BUSY, "starts_at")
    assert Meeting.objects.filter(pair=erin_pair).count() == 0


def test_the_adept_busy_in_another_programme_cannot_be_booked_then(cast: Cast) -> None:
    bob_meets_dana_at_two(cast)
    other_pair, mats = mats_and_dana(cast)
    with pytest.raises(ApplicationError) as caught:
        propose(other_pair, mats, at(13, 15))  # 13:15–14:15 overlaps 14:00–15:00
    assert (
        caught.value.message
        == "<bdi>Dana Darwish</bdi> already has a meeting on 8 Dec 2026 14:00–15:00."
    )
    assert Meeting.objects.filter(pair=other_pair).count() == 0


def test_her_own_other_meeting_is_said_as_yours(cast: Cast) -> None:
    bob_meets_dana_at_two(cast)
    erin_pair = bob_and_erin(cast)
    with pytest.raises(ApplicationError, match=YOU_BUSY):
        propose(erin_pair, cast.bob, at(14, 45), minutes=15)
    # The pair's own second meeting at the same time: both are busy, the proposer is "you".
    with pytest.raises(ApplicationError, match=YOU_BUSY):
        propose(cast.pair, cast.dana, at(14))


def test_a_coordinator_proposing_is_told_who_is_busy(cast: Cast) -> None:
    bob_meets_dana_at_two(cast)
    with pytest.raises(ApplicationError, match="Dana Darwish</bdi> already has a meeting"):
        propose(cast.pair, cast.alice, at(14, 30))


def test_meetings_that_only_touch_are_no_clash(cast: Cast) -> None:
    bob_meets_dana_at_two(cast)
    erin_pair = bob_and_erin(cast)
    after = propose(erin_pair, cast.erin, at(15))  # 15:00–16:00
    before = propose(erin_pair, cast.erin, at(13))  # 13:00–14:00
    assert Meeting.objects.filter(pair=erin_pair).count() == 2
    assert (after.starts_at, before.starts_at) == (at(15), at(13))


def test_a_cancelled_meeting_is_no_clash(cast: Cast) -> None:
    meeting = bob_meets_dana_at_two(cast)
    services.meeting_cancel(meeting=meeting, by=cast.dana, reason="Sick")
    erin_pair = bob_and_erin(cast)
    propose(erin_pair, cast.erin, at(14))
    assert Meeting.objects.filter(pair=erin_pair, status=MeetingStatus.PROPOSED).count() == 1


def test_a_meeting_of_a_pair_that_has_ended_is_no_clash(cast: Cast) -> None:
    bob_meets_dana_at_two(cast)
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.ENDED, end_reason="Moved")
    erin_pair = bob_and_erin(cast)
    propose(erin_pair, cast.erin, at(14))
    assert Meeting.objects.filter(pair=erin_pair).count() == 1


def test_a_confirmed_meeting_is_a_clash_too(cast: Cast) -> None:
    meeting = bob_meets_dana_at_two(cast)
    services.meeting_accept(meeting=meeting, by=cast.dana)
    with pytest.raises(ApplicationError, match=BOB_BUSY):
        propose(bob_and_erin(cast), cast.erin, at(14, 59), minutes=15)


def test_a_new_time_into_a_clash_is_refused_and_the_meeting_stays(cast: Cast) -> None:
    bob_meets_dana_at_two(cast)
    erin_pair = bob_and_erin(cast)
    later = propose(erin_pair, cast.erin, at(16))
    with pytest.raises(ApplicationError, match=YOU_BUSY) as caught:
        services.meeting_counter(
            meeting=later, by=cast.bob, starts_at=at(14, 30), duration_minutes=60, place="Hall"
        )
    assert caught.value.field == "starts_at"
    later.refresh_from_db()
    assert (later.starts_at, later.sequence, later.place) == (at(16), 0, "Formning")
    # Moved to when Bob is free, it is fine.
    services.meeting_counter(
        meeting=later, by=cast.bob, starts_at=at(15), duration_minutes=60, place="Hall"
    )
    later.refresh_from_db()
    assert (later.starts_at, later.sequence) == (at(15), 1)


def test_a_meeting_moved_over_its_own_old_time_is_no_clash_with_itself(cast: Cast) -> None:
    meeting = bob_meets_dana_at_two(cast)
    services.meeting_counter(
        meeting=meeting, by=cast.dana, starts_at=at(14, 30), duration_minutes=60, place="Café"
    )
    meeting.refresh_from_db()
    assert meeting.starts_at == at(14, 30)


def test_the_check_locks_both_people_in_the_order_of_their_keys(cast: Cast) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        bob_meets_dana_at_two(cast)
    first, second = sorted([cast.bob.pk, cast.dana.pk])
    [lock] = [
        q["sql"]
        for q in queries.captured_queries
        if f'"accounts_user"."id" IN ({first}, {second})' in q["sql"]
    ]
    assert " ORDER BY " in lock  # the same order in every booking: no deadlock
    if connection.vendor == "postgresql":
        assert lock.endswith(" FOR UPDATE")


# --- the forms -----------------------------------------------------------------------------------


def test_the_proposal_form_shows_the_clash_and_keeps_what_was_typed(cast: Cast, login) -> None:
    bob_meets_dana_at_two(cast)
    erin_pair = bob_and_erin(cast)
    response = login(cast.erin).post(
        f"/mentoring/pairs/{erin_pair.pk}/meetings/new/",
        {
            "starts_at": "2026-12-08T14:30",
            "duration_minutes": "45",
            "place": "Efterbehandling",
            "video_url": "",
            "agenda": "My first week",
        },
    )
    content = body_of(response)
    assert BOB_BUSY in content
    assert 'value="2026-12-08T14:30"' in content and 'value="45"' in content
    assert 'value="Efterbehandling"' in content and "My first week</textarea>" in content
    assert Meeting.objects.filter(pair=erin_pair).count() == 0


def test_the_clash_in_swedish(cast: Cast, login) -> None:
    bob_meets_dana_at_two(cast)
    erin_pair = bob_and_erin(cast)
    client = login(cast.erin)
    client.cookies["smile_language"] = "sv"
    response = client.post(
        f"/mentoring/pairs/{erin_pair.pk}/meetings/new/",
        {"starts_at": "2026-12-08T14:30", "duration_minutes": "60", "place": "Hallen"},
    )
    content = body_of(response)
    assert "<bdi>Bob Berg</bdi> har redan ett möte den 8 dec. 2026 kl. 14:00–15:00." in content


def test_the_new_time_form_shows_the_clash_and_keeps_what_was_typed(cast: Cast, login) -> None:
    bob_meets_dana_at_two(cast)
    erin_pair = bob_and_erin(cast)
    later = propose(erin_pair, cast.erin, at(16))
    response = login(cast.bob).post(
        f"/mentoring/meetings/{later.pk}/answer/",
        {
            "decision": "counter",
            "counter-starts_at": "2026-12-08T13:30",
            "counter-duration_minutes": "60",
            "counter-place": "Verkstaden",
            "counter-video_url": "",
        },
    )
    content = body_of(response)
    assert YOU_BUSY in content
    assert 'value="2026-12-08T13:30"' in content and 'value="Verkstaden"' in content
    later.refresh_from_db()
    assert (later.starts_at, later.place) == (at(16), "Formning")
