"""A mentor's own time against her workplace's budget: she sees her months, no one else's; an
adept, a manager who mentors no one and a coordinator of another organisation get a 404."""

from datetime import timedelta

import pytest
from django.utils import timezone

from smile.matching.models import Pair
from smile.mentoring.models import MeetingLog
from tests.cast import Cast, add_other_mentor
from tests.pages import body_of


def test_a_mentor_sees_her_own_months_against_the_budget(cast: Cast, login) -> None:
    otto = add_other_mentor(cast)
    # Bob logs 10 hours this month: over the programme's 8 hours for his one adept.
    for minutes in (300, 300):
        MeetingLog.objects.create(
            pair=cast.pair, held_on=timezone.localdate(), minutes=minutes, written_by=cast.bob
        )
    # Otto logs 45 minutes this month with Erin.
    otto_pair = Pair.objects.get(mentor__user=otto)
    MeetingLog.objects.create(
        pair=otto_pair, held_on=timezone.localdate(), minutes=45, written_by=otto
    )
    response = login(cast.bob).get("/leadership/my-time/")
    body = body_of(response, status=200)
    row = body.split("<tbody>")[1].split("</tr>")[0]
    assert 'data-label="Logged">10.0 h</td>' in row
    assert 'data-label="Budget">8.0 h</td>' in row
    assert "the programme's hours for each adept</td>" in row
    assert "Over the budget" in row
    assert "0.8 h" not in body  # Otto's time is not Bob's to see
    other = body_of(login(otto).get("/leadership/my-time/"), status=200)
    assert 'data-label="Logged">0.8 h</td>' in other  # 45 minutes, halves rounded up
    assert "10.0 h" not in other


def test_the_mentor_home_links_to_her_time(cast: Cast, login) -> None:
    body = body_of(login(cast.bob).get("/home/mentor/"), status=200)
    assert 'href="/leadership/my-time/"' in body


@pytest.mark.parametrize("who", ["dana", "mona", "charlie", "tess"])
def test_who_mentors_no_one_gets_a_404(cast: Cast, login, who: str) -> None:
    assert login(getattr(cast, who)).get("/leadership/my-time/").status_code == 404


def test_the_page_asks_a_stranger_to_log_in(client) -> None:
    response = client.get("/leadership/my-time/")
    assert response.status_code == 302
    assert "next=/leadership/my-time/" in response["Location"]


def test_a_month_without_time_is_explained(cast: Cast, login) -> None:
    # Bob's pair was completed long ago and he logged nothing: no month to show.
    Pair.objects.filter(pk=cast.pair.pk).update(
        status="completed", ended_on=timezone.localdate() - timedelta(days=400)
    )
    body = body_of(login(cast.bob).get("/leadership/my-time/"), status=200)
    assert "You have no mentor time in the last six months." in body
