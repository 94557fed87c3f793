"""Who reaches active measures: the workplace's managers change them, the programme's coordinator
reads them, everyone else gets a 404 (and changes nothing)."""

import pytest

from smile.equality.models import MeasureCycle, RiskFinding
from smile.equality.tests.measurework import finishing_manager, start, vera
from tests.cast import Cast
from tests.pages import body_of


def test_the_manager_sees_the_employers_workplaces_and_may_start_a_cycle(cast: Cast, login) -> None:
    start(cast)
    body = body_of(login(cast.mona).get("/equality/measures/"))
    assert "Formning" in body
    assert "Efterbehandling" in body
    assert "Solgläntan" not in body
    assert "Start the cycle" in body
    assert "2026</a>: Investigating risks" in body


def test_the_programme_coordinator_reads_but_may_not_start(cast: Cast, login) -> None:
    start(cast)
    body = body_of(login(cast.alice).get("/equality/measures/"))
    assert "Formning" in body
    assert "Start the cycle" not in body
    response = login(cast.alice).post(
        "/equality/measures/", {"workplace": cast.moulding.pk, "year": 2027}
    )
    body_of(response, 404)
    assert MeasureCycle.objects.count() == 1


@pytest.mark.parametrize("who", ["bob", "dana", "tess"])
def test_mentors_adepts_and_teachers_get_404_on_the_list(cast: Cast, login, who: str) -> None:
    body_of(login(getattr(cast, who)).get("/equality/measures/"), 404)


def test_another_organisations_people_see_only_their_own(cast: Cast, login) -> None:
    start(cast)
    for person in (vera(cast), cast.charlie):
        body = body_of(login(person).get("/equality/measures/"))
        assert "Solgläntan" in body
        assert "Formning" not in body


def test_the_manager_and_the_coordinator_open_the_cycle(cast: Cast, login) -> None:
    cycle = start(cast)
    url = f"/equality/measures/{cycle.pk}/"
    mona = body_of(login(cast.mona).get(url))
    assert "Save the investigation" in mona
    alice = body_of(login(cast.alice).get(url))
    assert "Active measures 2026" in alice
    assert "Save the investigation" not in alice
    assert "Add the measure" not in alice


@pytest.mark.parametrize("who", ["bob", "dana", "charlie", "vera", "fredrik"])
def test_everyone_else_gets_404_on_the_cycle_and_changes_nothing(
    cast: Cast, login, who: str
) -> None:
    cycle = start(cast)
    people = {"vera": vera, "fredrik": finishing_manager}
    person = people[who](cast) if who in people else getattr(cast, who)
    client = login(person)
    url = f"/equality/measures/{cycle.pk}/"
    body_of(client.get(url), 404)
    response = client.post(
        url, {"action": "findings", "risk_age_pay": "on", "note_age_pay": "Intrång"}
    )
    body_of(response, 404)
    body_of(client.post(url, {"action": "advance"}), 404)
    cycle.refresh_from_db()
    assert cycle.status == "investigating"
    assert RiskFinding.objects.filter(cycle=cycle, risk=True).count() == 0


def test_the_coordinator_may_not_change_the_cycle(cast: Cast, login) -> None:
    cycle = start(cast)
    client = login(cast.alice)
    url = f"/equality/measures/{cycle.pk}/"
    body_of(client.post(url, {"action": "advance"}), 404)
    cycle.refresh_from_db()
    assert cycle.status == "investigating"


def test_a_workplace_manager_reaches_only_her_workplace(cast: Cast, login) -> None:
    body = body_of(login(finishing_manager(cast)).get("/equality/measures/"))
    assert "Efterbehandling" in body
    assert "Formning" not in body


def test_a_visitor_is_sent_to_log_in(cast: Cast, client) -> None:
    cycle = start(cast)
    response = client.get(f"/equality/measures/{cycle.pk}/")
    assert response.status_code == 302
    assert "/login" in response["Location"]
