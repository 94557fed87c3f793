"""Mentor time against the workplace's commitment (or the programme's hours where none is signed),
flagged to the mentor and her managers once per month and event."""

from datetime import date
from decimal import Decimal

from smile.leadership.mentor_time import (
    SOURCE_COMMITMENT,
    SOURCE_PROGRAMME,
    flag,
    mentor_times,
    send_mentor_time_notices,
)
from smile.leadership.services import commitment_sign
from smile.mentoring.models import MeetingLog
from smile.notifications.models import Kind, Notification
from tests.cast import Cast

# A month of 30 days: 30/7 weeks.
TODAY = date(2026, 6, 20)


def log(cast: Cast, day: int, minutes: int) -> None:
    MeetingLog.objects.create(
        pair=cast.pair, held_on=date(2026, 6, day), minutes=minutes, written_by=cast.bob
    )


def sign(cast: Cast, per_week: str) -> None:
    commitment_sign(
        actor=cast.mona,
        workplace=cast.moulding,
        programme=cast.programme,
        mentor_hours_per_week=Decimal(per_week),
        development_hours_per_month=Decimal("4"),
        contact_name="Mona Magnusson",
        contact_details="",
        follow_up_weeks=6,
    )


def test_thresholds() -> None:
    assert flag(111, 100, past_middle=False) == "over"
    assert flag(110, 100, past_middle=False) == ""
    assert flag(49, 100, past_middle=False) == ""
    assert flag(49, 100, past_middle=True) == "under"
    assert flag(50, 100, past_middle=True) == ""
    assert flag(0, 0, past_middle=True) == ""


def test_the_commitment_is_the_budget_where_signed(cast: Cast) -> None:
    log(cast, 3, 60)
    log(cast, 10, 90)
    log(cast, 30, 30)
    MeetingLog.objects.create(  # another month: not counted
        pair=cast.pair, held_on=date(2026, 5, 31), minutes=120, written_by=cast.bob
    )
    (before,) = mentor_times(month=TODAY, today=TODAY)
    assert before.source == SOURCE_PROGRAMME
    assert before.minutes == 180
    assert before.budget_minutes == cast.programme.mentor_hours_per_month * 60
    sign(cast, "1.0")
    sign(cast, "0.5")  # the latest version counts
    (after,) = mentor_times(month=TODAY, today=TODAY)
    assert after.source == SOURCE_COMMITMENT
    # 0.5 h a week * 30/7 weeks = 2.142... h = 128 minutes
    assert after.budget_minutes == 128
    assert after.minutes == 180
    assert after.event == "over"
    assert (after.logged_hours, after.budget_hours) == (Decimal("3.0"), Decimal("2.1"))


def test_notices_go_once_to_the_mentor_and_her_manager(cast: Cast) -> None:
    sign(cast, "0.5")
    log(cast, 3, 180)
    assert send_mentor_time_notices(today=TODAY) == 2
    assert send_mentor_time_notices(today=TODAY) == 0  # a rerun sends nothing again
    notices = Notification.objects.filter(kind=Kind.MENTOR_TIME)
    assert {n.recipient for n in notices} == {cast.bob, cast.mona}
    params = notices[0].params
    assert (params["event"], params["name"], params["logged"], params["budget"]) == (
        "over",
        cast.bob.full_name,
        "3.0",
        "2.1",
    )


def test_under_use_is_told_only_after_the_middle_of_the_month(cast: Cast) -> None:
    sign(cast, "2.0")
    log(cast, 3, 30)
    assert send_mentor_time_notices(today=date(2026, 6, 10)) == 0
    assert send_mentor_time_notices(today=TODAY) == 2
    assert send_mentor_time_notices(today=TODAY) == 0
    assert {n.params["event"] for n in Notification.objects.filter(kind=Kind.MENTOR_TIME)} == {
        "under"
    }
