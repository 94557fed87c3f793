"""Hours: the rules of adding, confirming and certifying a month."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from smile.accounts.models import User
from smile.core.errors import ApplicationError
from smile.learning.hours.services import hours_add, hours_confirm, hours_delete, month_confirm
from smile.learning.models import HoursEntry, MonthConfirmation
from smile.learning.tests.reviews_fixtures import entry, other_mentor
from tests.cast import Cast

DAY = date(2026, 10, 14)
OCTOBER = date(2026, 10, 1)


def add(
    cast: Cast,
    start: str,
    end: str,
    *,
    by: User | None = None,
    day: date = DAY,
    kind: str = "workplace",
) -> HoursEntry:
    return hours_add(
        enrolment=cast.dana_enrolment,
        by=by or cast.dana,
        day=day,
        kind=kind,
        starts_at=time.fromisoformat(start),
        ends_at=time.fromisoformat(end),
        note="",
    )


def test_the_adept_adds_her_hours(cast: Cast) -> None:
    added = add(cast, "08:00", "12:00")
    assert (added.day, added.kind, added.minutes, added.confirmed_at) == (
        DAY,
        "workplace",
        240,
        None,
    )


@pytest.mark.parametrize("name", ["tess", "alice"])
def test_her_teacher_or_coordinator_adds_hours_for_her(cast: Cast, name: str) -> None:
    assert add(cast, "08:00", "12:00", by=getattr(cast, name)).enrolment == cast.dana_enrolment


@pytest.mark.parametrize("name", ["bob", "erin", "charlie", "mona"])
def test_no_one_else_adds_hours(cast: Cast, name: str) -> None:
    with pytest.raises(ApplicationError, match="Only the adept, her teacher or the coordinator"):
        add(cast, "08:00", "12:00", by=getattr(cast, name))
    assert not HoursEntry.objects.exists()


def test_hours_that_touch_end_to_start_are_allowed(cast: Cast) -> None:
    add(cast, "08:00", "12:00")
    add(cast, "12:00", "16:00", kind="theory")
    add(cast, "07:00", "08:00")
    assert HoursEntry.objects.count() == 3


@pytest.mark.parametrize(
    ("start", "end"),
    [("11:59", "13:00"), ("07:00", "08:01"), ("09:00", "10:00"), ("07:00", "13:00")],
)
def test_hours_that_overlap_by_a_minute_are_refused_naming_the_other(
    cast: Cast, start: str, end: str
) -> None:
    add(cast, "08:00", "12:00")
    with pytest.raises(ApplicationError) as error:
        add(cast, start, end, kind="theory")
    assert (
        error.value.message
        == "These hours overlap with workplace hours 08:00–12:00 on the same day."
    )
    assert error.value.field == "starts_at"
    assert HoursEntry.objects.count() == 1


def test_the_same_hours_on_another_day_or_for_another_adept_are_fine(cast: Cast) -> None:
    add(cast, "08:00", "12:00")
    add(cast, "08:00", "12:00", day=DAY + timedelta(days=1))
    hours_add(
        enrolment=cast.erin_enrolment,
        by=cast.erin,
        day=DAY,
        kind="workplace",
        starts_at=time(8),
        ends_at=time(12),
        note="",
    )
    assert HoursEntry.objects.count() == 3


def test_the_end_must_be_after_the_start(cast: Cast) -> None:
    with pytest.raises(ApplicationError, match="later than the start") as error:
        add(cast, "12:00", "12:00")
    assert error.value.field == "ends_at"


def test_the_database_refuses_an_end_before_the_start(cast: Cast) -> None:
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        entry(cast.dana_enrolment, DAY, "12:00", "11:00")


def test_no_hours_in_the_future_or_before_her_start(cast: Cast) -> None:
    with pytest.raises(ApplicationError, match="cannot be in the future"):
        add(cast, "08:00", "12:00", day=timezone.localdate() + timedelta(days=1))
    with pytest.raises(ApplicationError, match="before the start"):
        add(cast, "08:00", "12:00", day=cast.dana_enrolment.starts_on - timedelta(days=1))


def test_workplace_hours_are_confirmed_by_her_mentor_theory_hours_by_her_teacher(
    cast: Cast,
) -> None:
    work = add(cast, "08:00", "12:00")
    school = add(cast, "13:00", "16:00", kind="theory")
    with pytest.raises(ApplicationError, match="Only a teacher of her school"):
        hours_confirm(entries=[work, school], by=cast.bob)
    assert HoursEntry.objects.filter(confirmed_at__isnull=False).count() == 0  # all or none
    with pytest.raises(ApplicationError, match="Only her mentor"):
        hours_confirm(entries=[work], by=cast.tess)
    assert hours_confirm(entries=[work], by=cast.bob) == 1
    assert hours_confirm(entries=[school], by=cast.tess) == 1
    work.refresh_from_db()
    assert work.confirmed_by == cast.bob and work.confirmed_at is not None
    assert hours_confirm(entries=[work], by=cast.bob) == 0  # already confirmed: left as it is


@pytest.mark.parametrize("name", ["dana", "alice", "charlie", "erin"])
def test_others_do_not_confirm(cast: Cast, name: str) -> None:
    work = add(cast, "08:00", "12:00")
    with pytest.raises(ApplicationError, match="Only her mentor"):
        hours_confirm(entries=[work], by=getattr(cast, name))


def test_a_mentor_of_another_workplace_does_not_confirm(cast: Cast) -> None:
    work = add(cast, "08:00", "12:00")
    with pytest.raises(ApplicationError):
        hours_confirm(entries=[work], by=other_mentor(cast))
    work.refresh_from_db()
    assert work.confirmed_at is None


def test_a_confirmed_entry_cannot_be_removed_an_open_one_can(cast: Cast) -> None:
    work = add(cast, "08:00", "12:00")
    school = add(cast, "13:00", "16:00", kind="theory")
    hours_confirm(entries=[work], by=cast.bob)
    with pytest.raises(ApplicationError, match="cannot be changed or removed"):
        hours_delete(entry=work, by=cast.dana)
    hours_delete(entry=school, by=cast.dana)
    assert list(HoursEntry.objects.values_list("pk", flat=True)) == [work.pk]


def test_the_month_is_confirmed_when_every_entry_is(cast: Cast) -> None:
    work = add(cast, "08:00", "12:30")
    school = add(cast, "13:00", "16:00", kind="theory", day=date(2026, 10, 31))
    add(cast, "08:00", "09:00", day=date(2026, 11, 2))  # another month: not counted
    hours_confirm(entries=[work], by=cast.bob)
    with pytest.raises(ApplicationError, match="Not yet: 1"):
        month_confirm(enrolment=cast.dana_enrolment, by=cast.dana, month=OCTOBER)
    assert not MonthConfirmation.objects.exists()
    hours_confirm(entries=[school], by=cast.tess)
    confirmation = month_confirm(
        enrolment=cast.dana_enrolment, by=cast.dana, month=date(2026, 10, 20)
    )
    assert (
        confirmation.month,
        confirmation.theory_minutes,
        confirmation.workplace_minutes,
        confirmation.confirmed_by,
    ) == (OCTOBER, 180, 270, cast.dana)
    with pytest.raises(ApplicationError, match="No hours can be added"):
        add(cast, "17:00", "18:00", day=date(2026, 10, 2))
    with pytest.raises(ApplicationError, match="already confirmed"):
        month_confirm(enrolment=cast.dana_enrolment, by=cast.dana, month=OCTOBER)


@pytest.mark.parametrize("name", ["bob", "tess", "alice"])
def test_only_the_adept_confirms_her_month(cast: Cast, name: str) -> None:
    hours_confirm(entries=[add(cast, "08:00", "12:00")], by=cast.bob)
    with pytest.raises(ApplicationError, match="Only the adept herself"):
        month_confirm(enrolment=cast.dana_enrolment, by=getattr(cast, name), month=OCTOBER)


def test_a_month_that_is_not_over_or_empty_is_not_confirmed(cast: Cast) -> None:
    today = timezone.localdate()
    with pytest.raises(ApplicationError, match="after its last day"):
        month_confirm(enrolment=cast.dana_enrolment, by=cast.dana, month=today.replace(day=1))
    with pytest.raises(ApplicationError, match="no hours"):
        month_confirm(enrolment=cast.dana_enrolment, by=cast.dana, month=date(2026, 9, 1))
