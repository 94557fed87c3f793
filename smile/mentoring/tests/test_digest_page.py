"""The managers' digest as a page (the digest notice links to it): the manager reads the counts
of the workplaces she leads; whoever manages nothing, a day that is not one and a day still to
come get a 404."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from smile.mentoring.tests.test_digest import SECRET, some_activity
from tests.cast import Cast
from tests.pages import body_of


def test_the_manager_reads_the_counts_of_her_workplaces(cast: Cast, login) -> None:
    some_activity(cast)
    cast.mona.preferred_language = "en"
    cast.mona.save()
    today = timezone.localdate()
    response = login(cast.mona).get(f"/mentoring/digest/{today.isoformat()}/")
    page = body_of(response, status=200)
    assert "<h1>Summary of your workplaces</h1>" in page
    assert '<th scope="row"><bdi>Efterbehandling</bdi></th>' in page
    formning = page.split('<th scope="row"><bdi>Formning</bdi></th>', 1)[1].split("</tr>", 1)[0]
    assert '<td class="num" data-label="Active pairs">1</td>' in formning
    assert '<td class="num" data-label="Meetings held">2</td>' in formning
    assert '<td class="num" data-label="Mentor hours">1.5</td>' in formning
    assert '<td class="num" data-label="Things done">1</td>' in formning
    assert '<td class="num" data-label="Things overdue">1</td>' in formning
    assert SECRET not in page and "Dana" not in page.split('<main id="main"', 1)[1]


@pytest.mark.parametrize("who", ["alice", "bob", "dana", "charlie"])
def test_the_digest_page_is_refused_to_who_manages_nothing(cast: Cast, login, who: str) -> None:
    today = timezone.localdate().isoformat()
    response = login(getattr(cast, who)).get(f"/mentoring/digest/{today}/")
    assert response.status_code == 404


@pytest.mark.parametrize("end", ["2026-02-30", "yesterday"])
def test_a_day_that_is_not_one_is_not_found(cast: Cast, login, end: str) -> None:
    assert login(cast.mona).get(f"/mentoring/digest/{end}/").status_code == 404


def test_a_fortnight_still_to_come_is_not_found(cast: Cast, login) -> None:
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert login(cast.mona).get(f"/mentoring/digest/{tomorrow}/").status_code == 404


def test_the_digest_page_asks_a_visitor_to_log_in(client: Client) -> None:
    response = client.get(f"/mentoring/digest/{timezone.localdate().isoformat()}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
