"""One mentor-time budget everywhere (`smile.mentoring.time_budget`): the coordinator's early
warning appears exactly when the manager's page and the mentor's my-time page say she is over,
and her home and pair page show the same figures; with a signed commitment its hours per week,
without one the programme's hours per month and adept."""

import calendar
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from smile.accounts.models import User
from smile.leadership.services import commitment_sign
from smile.leadership.tests.test_page import cell, row_of
from smile.mentoring import time_budget
from smile.mentoring.models import MeetingLog
from smile.mentoring.warnings.selectors import OVER_BUDGET, early_warnings
from tests.cast import Cast
from tests.pages import body_of

# 2 hours a week over the month's weeks (its days / 7), in whole minutes, worked out by hand:
# days: (budget minutes, the most minutes within 110 % of it, the budget in hours as the
# warnings and the home write it, as the my-time page writes it, the hours of the most within,
# the hours of one minute more; halves rounded up).
COMMITTED = {
    28: (480, 528, "8", "8.0", "8.8", "8.8"),
    29: (497, 546, "8.3", "8.3", "9.1", "9.1"),
    30: (514, 565, "8.6", "8.6", "9.4", "9.4"),
    31: (531, 584, "8.9", "8.9", "9.7", "9.8"),
}


def today() -> date:
    return timezone.localdate()


def sign(cast: Cast) -> None:
    commitment_sign(
        actor=cast.mona,
        workplace=cast.moulding,
        programme=cast.programme,
        mentor_hours_per_week=Decimal("2"),
        development_hours_per_month=Decimal("4"),
        contact_name="Mona Magnusson",
        contact_details="",
        follow_up_weeks=6,
    )


def logs(cast: Cast, minutes: int) -> MeetingLog:
    """Bob's time this month with Dana: 300 minutes and the rest (a log holds 5 to 600)."""
    MeetingLog.objects.create(pair=cast.pair, held_on=today(), minutes=300, written_by=cast.bob)
    return MeetingLog.objects.create(
        pair=cast.pair, held_on=today(), minutes=minutes - 300, written_by=cast.bob
    )


def one_more_minute(entry: MeetingLog) -> None:
    MeetingLog.objects.filter(pk=entry.pk).update(minutes=entry.minutes + 1)


def warnings(cast: Cast) -> list[tuple[str, str]]:
    alice = User.objects.get(pk=cast.alice.pk)
    return [(r.kind, r.text) for r in early_warnings(user=alice, kind=OVER_BUDGET)]


def my_time_row(cast: Cast, login) -> str:
    body = body_of(login(cast.bob).get("/leadership/my-time/"), status=200)
    return body.split("<tbody>")[1].split("</tr>")[0]


def manager_cell(cast: Cast, login) -> str:
    body = body_of(login(cast.mona).get("/leadership/"), status=200)
    return cell(row_of(body, "Formning"), "Mentor hours of budget")


def home_and_pair(cast: Cast, login) -> tuple[str, str]:
    client = login(cast.bob)
    home = body_of(client.get("/home/mentor/"), status=200)
    pair = body_of(client.get(f"/mentoring/pairs/{cast.pair.pk}/"), status=200)
    return home, pair


OVER_WORDS = "This is more time than planned for this month."


def test_with_a_signed_commitment_everyone_sees_the_same_verdict(cast: Cast, login) -> None:
    sign(cast)
    days = calendar.monthrange(today().year, today().month)[1]
    budget, within, budget_text, my_budget_text, within_text, over_text = COMMITTED[days]
    entry = logs(cast, within)
    # Within 110 % of the commitment (more than the programme's 8 hours, which the warnings
    # used to count against, over 100 %): nobody is told she is over.
    assert warnings(cast) == []
    row = my_time_row(cast, login)
    assert f'data-label="Budget">{my_budget_text} h</td>' in row
    assert "the workplace's commitment</td>" in row
    assert "Within the budget" in row
    managers = manager_cell(cast, login)
    assert "over budget" not in managers
    assert managers.endswith("Budget: the workplace's commitment")
    home, pair = home_and_pair(cast, login)
    for page in (home, pair):
        assert f"Mentoring time this month: {within_text} h of {budget_text} h" in page
        assert OVER_WORDS not in page

    one_more_minute(entry)  # a minute more than 110 %: over, on every page
    assert warnings(cast) == [
        ("over_budget", f"Over the mentor-time budget: {over_text} h of {budget_text} h")
    ]
    row = my_time_row(cast, login)
    assert f'data-label="Budget">{my_budget_text} h</td>' in row
    assert "Over the budget" in row
    assert "1 mentor over budget" in manager_cell(cast, login)
    home, pair = home_and_pair(cast, login)
    for page in (home, pair):
        assert f"Mentoring time this month: {over_text} h of {budget_text} h" in page
        assert OVER_WORDS in page
    assert budget == int(2 * Decimal(days) / 7 * 60)  # the table above, checked once


def test_without_a_commitment_the_programmes_hours_hold_everywhere(cast: Cast, login) -> None:
    # Gjuterivägen gives 8 hours per month and adept, Bob has one: 480 minutes, within to 528.
    entry = logs(cast, 528)
    assert warnings(cast) == []
    row = my_time_row(cast, login)
    assert 'data-label="Budget">8.0 h</td>' in row
    assert "the programme's hours for each adept</td>" in row
    assert "Within the budget" in row
    managers = manager_cell(cast, login)
    assert "over budget" not in managers
    assert managers.endswith("Budget: the programme's hours (no commitment signed)")
    home, pair = home_and_pair(cast, login)
    for page in (home, pair):
        assert "Mentoring time this month: 8.8 h of 8 h" in page
        assert OVER_WORDS not in page

    one_more_minute(entry)
    assert warnings(cast) == [("over_budget", "Over the mentor-time budget: 8.8 h of 8 h")]
    assert "Over the budget" in my_time_row(cast, login)
    assert "1 mentor over budget" in manager_cell(cast, login)
    home, _pair = home_and_pair(cast, login)
    assert OVER_WORDS in home


def test_the_commitment_is_registered_as_mentorings_budget_provider(cast: Cast) -> None:
    sign(cast)
    found = time_budget.committed({(cast.moulding.pk, cast.programme.pk)}, date(2026, 6, 20))
    assert found == {(cast.moulding.pk, cast.programme.pk): 514}  # June: 2 h × 30/7 weeks
    assert time_budget.committed({(cast.finishing.pk, cast.programme.pk)}, date(2026, 6, 1)) == {}


@pytest.mark.parametrize("signed", [False, True])
def test_the_warnings_read_the_commitments_in_one_query(
    cast: Cast, signed: bool, django_assert_num_queries
) -> None:
    if signed:
        sign(cast)
    logs(cast, 400)
    alice = User.objects.get(pk=cast.alice.pk)
    # Her memberships (scope), her programmes, the mentors' time, the committed budgets.
    with django_assert_num_queries(4):
        early_warnings(user=alice, kind=OVER_BUDGET)
