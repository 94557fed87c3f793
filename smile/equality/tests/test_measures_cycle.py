"""Mona works a year's cycle of active measures from start to done through the pages; bad input
is refused with a clear message and what she typed stays in the form."""

from datetime import date

import pytest
from django.test import Client

from smile.core.errors import ApplicationError
from smile.equality.measures import services
from smile.equality.models import Measure, MeasureCycle, RiskFinding
from smile.equality.tests.measurework import add_measure, start
from tests.cast import Cast
from tests.pages import body_of


def _advance(client: Client, url: str) -> None:
    response = client.post(url, {"action": "advance"})
    assert response.status_code == 302
    assert response["Location"] == url


def test_the_manager_works_a_cycle_from_investigation_to_done(cast: Cast, login) -> None:
    client = login(cast.mona)
    response = client.post("/equality/measures/", {"workplace": cast.moulding.pk, "year": "2026"})
    assert response.status_code == 302
    cycle = MeasureCycle.objects.get()
    url = f"/equality/measures/{cycle.pk}/"
    assert response["Location"] == url
    assert (cycle.workplace_id, cycle.year, cycle.status) == (
        cast.moulding.pk,
        2026,
        "investigating",
    )
    assert RiskFinding.objects.filter(cycle=cycle).count() == 35

    # 1. Investigate: one risk found among the 35 cells.
    response = client.post(
        url,
        {
            "action": "findings",
            "risk_ethnicity_recruitment": "on",
            "note_ethnicity_recruitment": "Vi rekryterar bara via kontakter.",
            "note_age_pay": "Inga skillnader i lön efter ålder.",
        },
    )
    assert response.status_code == 302
    risk = RiskFinding.objects.get(cycle=cycle, risk=True)
    assert (risk.ground, risk.area, risk.note) == (
        "ethnicity",
        "recruitment",
        "Vi rekryterar bara via kontakter.",
    )
    assert RiskFinding.objects.get(cycle=cycle, ground="age", area="pay").note == (
        "Inga skillnader i lön efter ålder."
    )
    _advance(client, url)

    # 2. Analyse: not on without a cause for the risk.
    body = body_of(client.post(url, {"action": "advance"}))
    assert "Please write the causes of every risk found first." in body
    cycle.refresh_from_db()
    assert cycle.status == "analysing"
    response = client.post(
        url, {"action": "causes", f"cause_{risk.pk}": "Lediga jobb sprids bara muntligt."}
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.cause == "Lediga jobb sprids bara muntligt."
    _advance(client, url)

    # 3. Act: not on without a measure for the risk.
    body = body_of(client.post(url, {"action": "advance"}))
    assert "Please add at least one measure for the risks found first." in body
    response = client.post(
        url,
        {
            "action": "measure",
            "title": "Annonsera alla jobb öppet",
            "owner": cast.mona.pk,
            "due_on": "2027-03-01",
        },
    )
    assert response.status_code == 302
    measure = Measure.objects.get()
    assert (measure.title, measure.owner_id, measure.due_on, measure.status) == (
        "Annonsera alla jobb öppet",
        cast.mona.pk,
        date(2027, 3, 1),
        "planned",
    )
    _advance(client, url)

    # 4. Follow up: not done until every measure is followed up.
    body = body_of(client.post(url, {"action": "advance"}))
    assert "Please follow up every measure first." in body
    prefix = f"m{measure.pk}"
    response = client.post(
        url,
        {
            "action": "update",
            "measure": measure.pk,
            f"{prefix}-status": "done",
            f"{prefix}-due_on": "2027-03-01",
            f"{prefix}-outcome": "Alla jobb annonseras nu på Platsbanken.",
            f"{prefix}-followed_up_on": "2027-04-15",
        },
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert (measure.status, measure.followed_up_on) == ("done", date(2027, 4, 15))
    _advance(client, url)
    cycle.refresh_from_db()
    assert cycle.status == "done"

    body = body_of(client.get(url))
    assert "Status: Done" in body
    assert "Alla jobb annonseras nu på Platsbanken." in body
    assert "<bdi>Mona Magnusson</bdi>" in body
    assert "Save the investigation" not in body
    assert "Go on to" not in body
    # A done cycle is kept as it was.
    body = body_of(client.post(url, {"action": "findings", "risk_age_pay": "on"}))
    assert "is done and can no longer be changed." in body
    assert RiskFinding.objects.filter(cycle=cycle, risk=True).count() == 1


def test_the_cycle_page_shows_in_swedish(cast: Cast, login) -> None:
    cycle = start(cast)
    client = login(cast.mona)
    client.cookies["smile_language"] = "sv"
    body = body_of(client.get(f"/equality/measures/{cycle.pk}/"))
    assert 'lang="sv"' in body
    assert "Aktiva åtgärder 2026" in body
    assert "Undersöka risker" in body
    assert "Löner och andra anställningsvillkor" in body
    assert 'class="cards"' in body


def test_starting_with_a_bad_year_keeps_the_chosen_workplace(cast: Cast, login) -> None:
    client = login(cast.mona)
    body = body_of(
        client.post("/equality/measures/", {"workplace": cast.finishing.pk, "year": "tjugo"})
    )
    assert "Enter a whole number." in body
    assert f'<option value="{cast.finishing.pk}" selected>' in body
    assert MeasureCycle.objects.count() == 0


def test_a_second_cycle_for_the_same_year_is_refused(cast: Cast, login) -> None:
    start(cast)
    body = body_of(
        login(cast.mona).post(
            "/equality/measures/", {"workplace": cast.moulding.pk, "year": "2026"}
        )
    )
    assert "This workplace already has a cycle for that year." in body
    assert MeasureCycle.objects.count() == 1


def test_a_measure_with_a_bad_date_keeps_what_was_typed(cast: Cast, login) -> None:
    cycle = start(cast)
    body = body_of(
        login(cast.mona).post(
            f"/equality/measures/{cycle.pk}/",
            {
                "action": "measure",
                "title": "Mentorsutbildning om bemötande",
                "owner": cast.bob.pk,
                "due_on": "snart",
            },
        )
    )
    assert "Enter a valid date." in body
    assert 'value="Mentorsutbildning om bemötande"' in body
    assert 'value="snart"' in body
    assert Measure.objects.count() == 0


def test_a_measure_owner_from_outside_the_employer_is_refused(cast: Cast, login) -> None:
    cycle = start(cast)
    body = body_of(
        login(cast.mona).post(
            f"/equality/measures/{cycle.pk}/",
            {
                "action": "measure",
                "title": "Utbildning",
                "owner": cast.dana.pk,
                "due_on": "2027-01-10",
            },
        )
    )
    assert "Select a valid choice." in body
    assert Measure.objects.count() == 0


def test_a_too_long_note_keeps_the_grid_as_typed(cast: Cast, login) -> None:
    cycle = start(cast)
    long_note = "Lång anteckning. " * 130  # 2,209 characters once the last space is stripped
    body = body_of(
        login(cast.mona).post(
            f"/equality/measures/{cycle.pk}/",
            {
                "action": "findings",
                "risk_sex_parenthood": "on",
                "note_sex_parenthood": "Föräldralediga missar utbildningar.",
                "note_age_training": long_note,
            },
        )
    )
    assert "Ensure this value has at most 2000 characters (it has 2209)." in body
    assert "Föräldralediga missar utbildningar." in body
    assert 'name="risk_sex_parenthood" id="id_risk_sex_parenthood" checked' in body
    assert RiskFinding.objects.filter(cycle=cycle, risk=True).count() == 0


def test_a_follow_up_without_a_date_is_refused_and_kept(cast: Cast, login) -> None:
    cycle = start(cast)
    measure = add_measure(cycle, cast, title="Utbildning", owner=cast.bob, due_on=date(2027, 2, 1))
    prefix = f"m{measure.pk}"
    body = body_of(
        login(cast.mona).post(
            f"/equality/measures/{cycle.pk}/",
            {
                "action": "update",
                "measure": measure.pk,
                f"{prefix}-status": "done",
                f"{prefix}-due_on": "2027-02-01",
                f"{prefix}-outcome": "Alla mentorer har gått kursen.",
                f"{prefix}-followed_up_on": "",
            },
        )
    )
    assert "Please give the date of the follow-up." in body
    assert "Alla mentorer har gått kursen." in body
    measure.refresh_from_db()
    assert (measure.status, measure.outcome) == ("planned", "")


def test_another_cycles_measure_cannot_be_changed_through_this_one(cast: Cast, login) -> None:
    cycle = start(cast)
    other = start(cast, year=2025)
    measure = add_measure(other, cast, title="Gammal", owner=cast.bob, due_on=date(2025, 6, 1))
    prefix = f"m{measure.pk}"
    response = login(cast.mona).post(
        f"/equality/measures/{cycle.pk}/",
        {
            "action": "update",
            "measure": measure.pk,
            f"{prefix}-status": "done",
            f"{prefix}-due_on": "2025-06-01",
        },
    )
    body_of(response, 404)
    measure.refresh_from_db()
    assert measure.status == "planned"


def test_the_service_wants_a_title_but_no_note(cast: Cast) -> None:
    cycle = start(cast)
    with pytest.raises(ApplicationError) as blank:
        add_measure(cycle, cast, title="  ", owner=cast.mona, due_on=date(2027, 3, 1))
    assert (blank.value.message, blank.value.field) == ("Please write something here.", "title")
    finding = RiskFinding.objects.filter(cycle=cycle).order_by("pk").first()
    assert finding is not None
    services.findings_save(
        cycle=cycle, by=cast.mona, cells={(finding.ground, finding.area): (True, "  ")}
    )
    finding.refresh_from_db()
    assert (finding.risk, finding.note) == (True, "")
    assert Measure.objects.count() == 0
