"""Progress against plan and time: the status rule at its boundaries, the period, the alerts."""

from datetime import date, timedelta
from fractions import Fraction

import pytest
from django.utils import timezone

from smile.learning.models import Objective, Review, ReviewStatus
from smile.learning.progress.selectors import (
    AHEAD,
    BEHIND,
    HOURS_UNCONFIRMED,
    NO_PLAN,
    NO_PRACTICE,
    ON_TRACK,
    REVIEW_OVERDUE,
    adept_progress,
)
from smile.learning.tests.progress_fixtures import (
    add_hours,
    at,
    curriculum,
    give_plan,
    hold_review,
    log_practice,
    plan_review,
    start,
)
from smile.programmes.models import Enrolment
from tests.cast import Cast

START = date(2026, 8, 10)


@pytest.fixture
def objectives(cast: Cast) -> list[Objective]:
    return curriculum(cast)


def dana(cast: Cast) -> Enrolment:
    return start(cast.dana_enrolment, START)


# One objective "introduced" is a progress of 1/3 = 100/300; a period of 300 days makes the time
# passed 1/300 a day, so a day is a third of a point and 15 points are exactly 45 days.
@pytest.mark.parametrize(
    ("days", "status"),
    [
        (145, ON_TRACK),  # exactly 15 points below the time passed
        (146, BEHIND),  # 15⅓ points below
        (55, ON_TRACK),  # exactly 15 points above
        (54, AHEAD),  # 15⅓ points above
        (100, ON_TRACK),
    ],
)
def test_the_status_rule_at_its_boundaries(
    cast: Cast, objectives: list[Objective], days: int, status: str
) -> None:
    enrolment = dana(cast)
    give_plan(enrolment, objectives, [1], targets=START + timedelta(days=300))
    progress = adept_progress(enrolment, today=START + timedelta(days=days))
    assert progress.progress_share == Fraction(1, 3)
    assert progress.time_share == Fraction(days, 300)
    assert progress.status == status


def test_an_objective_past_its_date_and_not_independent_is_behind(
    cast: Cast, objectives: list[Objective]
) -> None:
    enrolment = dana(cast)
    today = START + timedelta(days=50)
    # Far ahead on progress, but one objective was due yesterday and is only practised.
    give_plan(
        enrolment,
        objectives,
        [3, 3, 2],
        targets=[START + timedelta(days=300), START + timedelta(days=300), today - timedelta(1)],
    )
    progress = adept_progress(enrolment, today=today)
    assert (progress.late, progress.status) == (1, BEHIND)
    # Due today is not late yet.
    assert adept_progress(enrolment, today=today - timedelta(1)).late == 0
    assert adept_progress(enrolment, today=today - timedelta(1)).status == AHEAD


def test_an_independent_objective_past_its_date_is_not_late(
    cast: Cast, objectives: list[Objective]
) -> None:
    enrolment = dana(cast)
    give_plan(enrolment, objectives, [3, 2], targets=[START, START + timedelta(days=100)])
    progress = adept_progress(enrolment, today=START + timedelta(days=50))
    assert (progress.late, progress.status) == (0, AHEAD)


def test_the_numbers_of_a_plan(cast: Cast, objectives: list[Objective]) -> None:
    enrolment = dana(cast)
    give_plan(enrolment, objectives, [0, 1, 2, 3, 3, 3], targets=START + timedelta(days=200))
    progress = adept_progress(enrolment, today=START + timedelta(days=120))
    assert progress.counts == [1, 1, 1, 3]
    assert progress.total == 6
    assert progress.independent_share == Fraction(1, 2)
    assert progress.progress_share == Fraction(12, 18)
    assert (progress.independent, progress.progress, progress.time) == (50, 67, 60)
    assert (progress.independent_text, progress.progress_text, progress.time_text) == (
        "50 %",
        "67 %",
        "60 %",
    )
    assert (progress.starts_on, progress.ends_on) == (START, START + timedelta(days=200))
    assert progress.status == ON_TRACK
    assert progress.status_label == "On track"


def test_the_period_ends_at_the_latest_target_or_the_programme_end(
    cast: Cast, objectives: list[Objective]
) -> None:
    enrolment = dana(cast)
    give_plan(enrolment, objectives, [1, 1], targets=None)
    progress = adept_progress(enrolment, today=START)
    assert progress.ends_on == cast.programme.ends_on == date(2027, 6, 30)
    assert progress.time_share == 0
    give_plan(enrolment, objectives[2:], [1, 1], targets=[date(2026, 12, 1), date(2027, 1, 9)])
    assert adept_progress(enrolment, today=START).ends_on == date(2027, 1, 9)
    # Before her start no time has passed; after the end all of it.
    assert adept_progress(enrolment, today=START - timedelta(days=9)).time_share == 0
    assert adept_progress(enrolment, today=date(2027, 3, 1)).time_share == 1


def test_without_objectives_there_is_no_status_to_give(cast: Cast) -> None:
    progress = adept_progress(dana(cast), today=START + timedelta(days=3))
    assert (progress.total, progress.status, progress.status_label) == (
        0,
        NO_PLAN,
        "No objectives yet",
    )
    assert progress.independent_share == progress.progress_share == 0


# --- alerts -----------------------------------------------------------------------------------


def alerts(enrolment: Enrolment, today: date) -> list[tuple[str, str]]:
    return [(a.kind, a.text) for a in adept_progress(enrolment, today=today).alerts]


def test_no_practice_for_more_than_14_days_is_an_alert(cast: Cast) -> None:
    enrolment = dana(cast)
    hold_review(enrolment, START)  # no review alert in the way
    assert alerts(enrolment, START + timedelta(days=14)) == []  # a new adept is not late
    assert alerts(enrolment, START + timedelta(days=15)) == [
        (NO_PRACTICE, "No practice logged yet")
    ]
    log_practice(enrolment, START + timedelta(days=20))
    assert alerts(enrolment, START + timedelta(days=34)) == []
    assert alerts(enrolment, START + timedelta(days=35)) == [
        (NO_PRACTICE, "No practice logged for 15 days")
    ]


def test_a_review_is_overdue_after_8_weeks_without_one_held_or_planned(cast: Cast) -> None:
    enrolment = dana(cast)
    today = START + timedelta(days=120)
    log_practice(enrolment, today)
    assert alerts(enrolment, START + timedelta(days=56)) == []
    assert alerts(enrolment, today) == [
        (REVIEW_OVERDUE, "No review for 17 weeks and none is planned")
    ]
    hold_review(enrolment, today - timedelta(days=56))
    assert alerts(enrolment, today) == []
    assert alerts(enrolment, today + timedelta(days=1)) == [
        (REVIEW_OVERDUE, "No review for 8 weeks and none is planned")
    ]
    # A review planned for later that day is enough; one whose day passed unheld is not.
    review = plan_review(enrolment, today + timedelta(days=1), hour=16)
    assert alerts(enrolment, today + timedelta(days=1)) == []
    assert alerts(enrolment, today + timedelta(days=2)) != []
    # A planned review in the past that was held counts as held on the day it was held.
    Review.objects.filter(pk=review.pk).update(
        status=ReviewStatus.SIGNED, held_at=at(today + timedelta(days=1))
    )
    assert alerts(enrolment, today + timedelta(days=2)) == []


def test_hours_waiting_more_than_3_days_for_confirmation_are_an_alert(cast: Cast) -> None:
    enrolment = start(cast.dana_enrolment, timezone.localdate())
    today = enrolment.starts_on
    add_hours(enrolment, today, days_old=2)
    add_hours(enrolment, today - timedelta(days=5), days_old=5, confirmed_by=cast.bob)
    assert alerts(enrolment, today) == []
    add_hours(enrolment, today - timedelta(days=4), days_old=4)
    add_hours(enrolment, today - timedelta(days=7), days_old=7)
    assert alerts(enrolment, today) == [
        (HOURS_UNCONFIRMED, "2 entries of hours wait more than 3 days for confirmation")
    ]


def test_the_alerts_of_one_adept_are_hers_only(cast: Cast) -> None:
    dana_enrolment = dana(cast)
    erin = start(cast.erin_enrolment, START)
    today = START + timedelta(days=10)
    log_practice(erin, today)
    hold_review(erin, today + timedelta(days=50))
    add_hours(erin, today - timedelta(days=9), days_old=9)
    today = START + timedelta(days=70)
    assert [kind for kind, _ in alerts(dana_enrolment, today)] == [NO_PRACTICE, REVIEW_OVERDUE]
    assert [kind for kind, _ in alerts(erin, today)] == [NO_PRACTICE, HOURS_UNCONFIRMED]
