"""Every page: who reaches it, who gets a 404, and what it shows."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from smile.accounts.models import User
from smile.belonging.models import PulseResponse, PulseSettings
from smile.belonging.tests.fixtures import close_round, open_round
from tests.cast import Cast
from tests.pages import body_of

Login = Callable[[User], Any]
FULL = {"welcome": "5", "help": "4", "expected": "3", "colleagues": "2", "fair": "1"}


def test_dana_answers_her_pulse_once(cast: Cast, login: Login) -> None:
    round_ = open_round()
    client = login(cast.dana)
    url = f"/belonging/rounds/{round_.pk}/answer/"
    page = body_of(client.get(url))
    assert "I feel welcome at my workplace" in page
    assert 'aria-hidden="true"' in page
    response = client.post(url, FULL)
    assert response.status_code == 302
    assert response["Location"] == "/belonging/"
    response_row = PulseResponse.objects.get()
    assert (response_row.welcome, response_row.fair) == (5, 1)
    body_of(client.get(url), 404)
    assert PulseResponse.objects.count() == 1


def test_a_missing_answer_is_shown_and_what_was_chosen_is_kept(cast: Cast, login: Login) -> None:
    round_ = open_round()
    client = login(cast.dana)
    page = body_of(client.post(f"/belonging/rounds/{round_.pk}/answer/", {"welcome": "5"}))
    assert "Choose an answer." in page
    assert 'value="5" id="id_welcome_5" checked' in page
    assert not PulseResponse.objects.exists()


@pytest.mark.parametrize("who", ["erin", "bob", "mona", "alice", "charlie", "tess"])
def test_nobody_else_answers(cast: Cast, login: Login, who: str) -> None:
    round_ = open_round()
    client = login(getattr(cast, who))
    url = f"/belonging/rounds/{round_.pk}/answer/"
    body_of(client.get(url), 404)
    body_of(client.post(url, FULL), 404)
    assert not PulseResponse.objects.exists()


def test_anonymous_people_are_sent_to_log_in(cast: Cast, client: Client) -> None:
    round_ = open_round()
    for url in (
        "/belonging/",
        f"/belonging/rounds/{round_.pk}/answer/",
        f"/belonging/programmes/{cast.programme.pk}/",
        f"/belonging/workplaces/{cast.moulding.pk}/",
    ):
        assert client.get(url).status_code == 302


def _five_answered_round(cast: Cast) -> None:
    round_ = open_round()
    PulseResponse.objects.bulk_create(
        PulseResponse(
            round=round_,
            workplace=cast.moulding,
            welcome=4,
            help=4,
            expected=4,
            colleagues=4,
            fair=4,
        )
        for _ in range(5)
    )
    PulseResponse.objects.bulk_create(
        PulseResponse(
            round=round_,
            workplace=cast.finishing,
            welcome=1,
            help=1,
            expected=1,
            colleagues=1,
            fair=1,
        )
        for _ in range(4)
    )
    close_round(round_)


def test_the_coordinator_sees_the_programme_and_sets_the_cadence(cast: Cast, login: Login) -> None:
    _five_answered_round(cast)
    client = login(cast.alice)
    page = body_of(client.get(f"/belonging/programmes/{cast.programme.pk}/"))
    assert "Formning" in page and "Efterbehandling" in page
    assert page.count("Fewer than 5 answered — not shown") == 1
    assert '<td data-label="All statements">4.0</td>' in page
    assert "1.0" not in page
    response = client.post(f"/belonging/programmes/{cast.programme.pk}/", {"cadence_weeks": "8"})
    assert response.status_code == 302
    assert PulseSettings.objects.get().cadence_weeks == 8
    page = body_of(
        client.post(f"/belonging/programmes/{cast.programme.pk}/", {"cadence_weeks": "3"})
    )
    assert "Select a valid choice" in page
    assert PulseSettings.objects.get().cadence_weeks == 8


@pytest.mark.parametrize("who", ["mona", "bob", "dana", "erin", "charlie", "tess"])
def test_only_coordinators_reach_the_programme_page(cast: Cast, login: Login, who: str) -> None:
    client = login(getattr(cast, who))
    url = f"/belonging/programmes/{cast.programme.pk}/"
    body_of(client.get(url), 404)
    body_of(client.post(url, {"cadence_weeks": "2"}), 404)
    assert not PulseSettings.objects.exists()


def test_the_manager_sees_her_workplace(cast: Cast, login: Login) -> None:
    _five_answered_round(cast)
    client = login(cast.mona)
    page = body_of(client.get(f"/belonging/workplaces/{cast.moulding.pk}/"))
    assert 'class="chart"' in page and "4.0" in page
    page = body_of(client.get(f"/belonging/workplaces/{cast.finishing.pk}/"))
    assert "Fewer than 5 answered — not shown" in page
    assert 'class="chart"' not in page  # no chart without a figure shown
    assert "1.0" not in page


@pytest.mark.parametrize("who", ["bob", "dana", "erin", "charlie", "tess"])
def test_mentors_adepts_and_others_do_not_see_a_workplace(
    cast: Cast, login: Login, who: str
) -> None:
    _five_answered_round(cast)
    client = login(getattr(cast, who))
    body_of(client.get(f"/belonging/workplaces/{cast.moulding.pk}/"), 404)


def test_the_index_lists_what_each_may_do(cast: Cast, login: Login) -> None:
    round_ = open_round()
    page = body_of(login(cast.dana).get("/belonging/"))
    assert f"/belonging/rounds/{round_.pk}/answer/" in page
    page = body_of(login(cast.alice).get("/belonging/"))
    assert f"/belonging/programmes/{cast.programme.pk}/" in page
    page = body_of(login(cast.mona).get("/belonging/"))
    assert f"/belonging/workplaces/{cast.moulding.pk}/" in page
    assert "/belonging/programmes/" not in page
    page = body_of(login(cast.bob).get("/belonging/"))
    assert "/belonging/workplaces/" not in page and "/answer/" not in page
