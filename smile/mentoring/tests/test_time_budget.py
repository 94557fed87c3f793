"""The mentor's time budget: logged minutes per month and programme against the one rule of
`smile.mentoring.time_budget` (a registered provider's committed budget, else the programme's hours
per month and adept; over is more than 110 %)."""

from collections.abc import Collection
from datetime import date

import pytest
from django.utils import timezone

from smile.core.actor import SYSTEM
from smile.matching.models import Pair, PairStatus
from smile.mentoring import time_budget
from smile.mentoring.logs.selectors import mentor_time, month_bounds
from smile.mentoring.models import MeetingLog
from smile.mentoring.time_budget import flag, is_over
from smile.mentoring.warnings.selectors import OVER_BUDGET, early_warnings
from smile.programmes.models import Programme
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user
from tests.pages import body_of


def log(pair: Pair, held_on: date, minutes: int) -> MeetingLog:
    # Straight to the table: the arithmetic is tested for any month, past or future.
    return MeetingLog.objects.create(pair=pair, held_on=held_on, minutes=minutes)


def rows(cast: Cast, month: date) -> list[tuple[str, int, int, bool]]:
    return [
        (row.programme.name, row.minutes, row.budget_minutes, row.over)
        for row in mentor_time(user=cast.bob, month=month)
    ]


def test_month_bounds_cover_the_whole_month() -> None:
    assert month_bounds(date(2026, 11, 27)) == (date(2026, 11, 1), date(2026, 12, 1))
    assert month_bounds(date(2026, 12, 31)) == (date(2026, 12, 1), date(2027, 1, 1))
    assert month_bounds(date(2027, 2, 1)) == (date(2027, 2, 1), date(2027, 3, 1))


def test_minutes_are_counted_in_the_month_they_were_held(cast: Cast) -> None:
    log(cast.pair, date(2026, 10, 31), 90)
    log(cast.pair, date(2026, 11, 1), 60)
    log(cast.pair, date(2026, 11, 30), 45)
    log(cast.pair, date(2026, 12, 1), 30)
    # Gjuterivägen gives 8 hours per month and adept; Bob has one adept.
    assert rows(cast, date(2026, 10, 15)) == [("Gjuterivägen", 90, 480, False)]
    assert rows(cast, date(2026, 11, 27)) == [("Gjuterivägen", 105, 480, False)]
    assert rows(cast, date(2026, 12, 1)) == [("Gjuterivägen", 30, 480, False)]
    assert rows(cast, date(2027, 1, 1)) == [("Gjuterivägen", 0, 480, False)]
    row = mentor_time(user=cast.bob, month=date(2026, 11, 1))[0]
    assert (row.hours, row.budget_hours) == (1.75, 8)


def test_over_the_budget_only_when_more_than_a_tenth_over_it(cast: Cast) -> None:
    # The one rule of `smile.mentoring.time_budget`: over is more than 110 % (132 of 120 minutes).
    Programme.objects.filter(pk=cast.programme.pk).update(mentor_hours_per_month=2)
    log(cast.pair, date(2026, 11, 2), 120)
    assert rows(cast, date(2026, 11, 1)) == [("Gjuterivägen", 120, 120, False)]
    log(cast.pair, date(2026, 11, 3), 10)
    assert rows(cast, date(2026, 11, 1)) == [("Gjuterivägen", 130, 120, False)]
    log(cast.pair, date(2026, 11, 4), 5)
    assert rows(cast, date(2026, 11, 1)) == [("Gjuterivägen", 135, 120, True)]


def test_the_budget_is_per_adept_and_counts_a_pair_that_ended_in_the_month(cast: Cast) -> None:
    second = Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=date(2026, 9, 1),
    )
    log(second, date(2026, 11, 5), 120)
    log(cast.pair, date(2026, 11, 6), 60)
    assert rows(cast, date(2026, 11, 1)) == [("Gjuterivägen", 180, 960, False)]
    # Dana's pair completes: it still counts in a month it logged time, not in the next one.
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.COMPLETED)
    assert rows(cast, date(2026, 11, 1)) == [("Gjuterivägen", 180, 960, False)]
    assert rows(cast, date(2026, 12, 1)) == [("Gjuterivägen", 0, 480, False)]


def test_other_mentors_time_does_not_count(cast: Cast) -> None:
    frank = make_user("frank@gjuteri.example", "Frank Fors")
    frank_enrolment = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=frank,
        role="mentor",
        workplace=cast.finishing,
        starts_on=date(2026, 8, 10),
    )
    other = Pair.objects.create(
        programme=cast.programme,
        mentor=frank_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=date(2026, 9, 1),
    )
    log(other, date(2026, 11, 5), 300)
    log(cast.pair, date(2026, 11, 5), 30)
    assert rows(cast, date(2026, 11, 1)) == [("Gjuterivägen", 30, 480, False)]
    assert [
        (r.minutes, r.budget_minutes) for r in mentor_time(user=frank, month=date(2026, 11, 1))
    ] == [(300, 480)]


def test_someone_who_mentors_nowhere_has_no_rows(cast: Cast) -> None:
    assert mentor_time(user=cast.dana, month=date(2026, 11, 1)) == []
    assert mentor_time(user=cast.alice, month=date(2026, 11, 1)) == []


@pytest.mark.parametrize("logs", [2, 5])
def test_three_queries_however_many_logs_and_pairs(
    cast: Cast, django_assert_num_queries, logs: int
) -> None:
    for day in range(1, logs + 1):
        log(cast.pair, date(2026, 11, day), 30)
    # Her mentor enrolments with their programmes (1); minutes and adepts per programme (1); the
    # committed budgets of her workplaces (1, leadership's provider of `time_budget`).
    with django_assert_num_queries(3):
        result = mentor_time(user=cast.bob, month=date(2026, 11, 1))
    assert result[0].minutes == 30 * logs


# --- where it shows ---------------------------------------------------------------------------


def test_the_mentors_home_shows_the_time_this_month(cast: Cast, login) -> None:
    today = timezone.localdate()
    log(cast.pair, today, 210)
    content = body_of(login(cast.bob).get("/home/mentor/"))
    assert "Mentoring time this month: 3.5 h of 8 h" in content
    assert "more time than planned" not in content


def test_the_mentors_home_says_in_words_when_over_the_budget(cast: Cast, login) -> None:
    Programme.objects.filter(pk=cast.programme.pk).update(mentor_hours_per_month=3)
    log(cast.pair, timezone.localdate(), 210)
    content = body_of(login(cast.bob).get("/home/mentor/"))
    assert "Mentoring time this month: 3.5 h of 3 h" in content
    assert (
        "This is more time than planned for this month. "
        "Talk with your manager or the coordinator about it."
    ) in content


def test_the_pair_page_shows_the_time_to_the_mentor_only(cast: Cast, login) -> None:
    log(cast.pair, timezone.localdate(), 45)
    url = f"/mentoring/pairs/{cast.pair.pk}/"
    assert "Mentoring time this month: 0.8 h of 8 h" in body_of(login(cast.bob).get(url))
    for other in (cast.dana, cast.alice):
        assert "Mentoring time this month" not in body_of(login(other).get(url))
    assert "Mentoring time" not in body_of(login(cast.dana).get("/home/adept/"))


# --- one rule, by inversion: a provider above mentoring gives the committed budget ------------


def test_a_registered_provider_gives_the_budget_and_none_keeps_the_programmes(
    cast: Cast, monkeypatch
) -> None:
    asked: list[tuple[set[tuple[int, int]], date]] = []

    def provider(keys: Collection[tuple[int, int]], month: date) -> dict[tuple[int, int], int]:
        asked.append((set(keys), month))
        return {(cast.moulding.pk, cast.programme.pk): 100}

    today = timezone.localdate()
    log(cast.pair, today, 111)
    # No provider (leadership's taken away): the programme's 8 hours for Bob's one adept.
    monkeypatch.setattr(time_budget, "_providers", {})
    assert [
        (r.budget_minutes, r.source, r.over) for r in mentor_time(user=cast.bob, month=today)
    ] == [(480, "programme", False)]
    assert early_warnings(user=cast.alice, kind=OVER_BUDGET) == []
    # A provider that knows Bob's workplace: 100 minutes, and 111 is more than 110 % of it.
    time_budget.register("test", provider)
    assert [
        (r.budget_minutes, r.source, r.over) for r in mentor_time(user=cast.bob, month=today)
    ] == [(100, "commitment", True)]
    assert asked == [({(cast.moulding.pk, cast.programme.pk)}, today.replace(day=1))]
    rows = early_warnings(user=cast.alice, kind=OVER_BUDGET)
    assert [r.text for r in rows] == ["Over the mentor-time budget: 1.9 h of 1.7 h"]


def test_the_thresholds_are_one_rule() -> None:
    assert (is_over(110, 100), is_over(111, 100), is_over(5, 0)) == (False, True, False)
    assert flag(49, 100, past_middle=True) == "under"
    assert flag(49, 100, past_middle=False) == ""
    assert flag(111, 100, past_middle=False) == "over"
