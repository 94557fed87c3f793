"""The management commitment: signed by a manager, in versions; a programme's rule on it; and a
placement refused, or warned about, where it is missing."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.core.errors import ApplicationError, NotAllowed
from smile.leadership.models import Commitment, CommitmentRule, ProgrammeLeadership
from smile.leadership.services import commitment_rule_set, commitment_sign
from smile.leadership.tests.fixtures import other_manager
from smile.programmes.models import Enrolment
from smile.programmes.services import enrolment_create, enrolment_update
from tests.cast import Cast, make_user
from tests.pages import body_of

TERMS: dict[str, Any] = {
    "mentor_hours_per_week": Decimal("2.0"),
    "development_hours_per_month": Decimal("4.0"),
    "contact_name": "Mona Magnusson",
    "contact_details": "0382-123 45",
    "follow_up_weeks": 6,
}


def form_data(cast: Cast, **overrides: object) -> dict[str, object]:
    return {
        "programme": cast.programme.pk,
        "mentor_hours_per_week": "2",
        "development_hours_per_month": "4",
        "contact_name": "Mona Magnusson",
        "contact_details": "0382-123 45",
        "follow_up_weeks": "6",
        "notes": "",
        "sign": "on",
    } | overrides


def new_adept(cast: Cast) -> User:
    user = make_user("fatima@elev.example", "Fatima Farah", language="so")
    membership_create(actor=SYSTEM, user=user, organisation=cast.savsjo, role="adept")
    return user


def test_a_manager_signs_and_a_change_is_a_new_version(cast: Cast) -> None:
    first = commitment_sign(
        actor=cast.mona, workplace=cast.moulding, programme=cast.programme, **TERMS
    )
    second = commitment_sign(
        actor=cast.mona,
        workplace=cast.moulding,
        programme=cast.programme,
        **(TERMS | {"mentor_hours_per_week": Decimal("3.5")}),
    )
    assert (first.version, second.version) == (1, 2)
    assert list(
        Commitment.objects.order_by("version").values_list("version", "mentor_hours_per_week")
    ) == [(1, Decimal("2.0")), (2, Decimal("3.5"))]
    assert second.signed_by == cast.mona


def test_only_a_manager_of_the_workplace_signs(cast: Cast) -> None:
    vera = other_manager(cast)
    for person in (cast.alice, cast.bob, cast.dana, cast.charlie, vera):
        with pytest.raises(NotAllowed):
            commitment_sign(
                actor=person, workplace=cast.moulding, programme=cast.programme, **TERMS
            )
    # A programme the employer does not take part in is refused.
    with pytest.raises(ApplicationError, match="does not take part"):
        commitment_sign(
            actor=cast.mona, workplace=cast.moulding, programme=cast.other_programme, **TERMS
        )
    assert Commitment.objects.count() == 0


def test_the_manager_signs_on_the_page(cast: Cast, login) -> None:
    client = login(cast.mona)
    url = f"/leadership/workplaces/{cast.moulding.pk}/commitment/"
    assert "I sign this commitment" in body_of(client.get(url))
    # Nothing ticked and no hours: what was typed stays, and nothing is signed.
    body = body_of(
        client.post(url, form_data(cast, sign="", mentor_hours_per_week="0", contact_name="Mo"))
    )
    assert "Tick the box to sign." in body
    assert "Ensure this value is greater than or equal to 0.5." in body
    assert 'value="Mo"' in body
    assert Commitment.objects.count() == 0
    response = client.post(url, form_data(cast))
    commitment = Commitment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/leadership/commitments/{commitment.pk}/"
    body = body_of(client.get(response["Location"]))
    assert "Mona Magnusson" in body
    assert "Every 6 weeks" in body
    # Alice, the coordinator, reads it but signs nothing.
    alice = login(cast.alice)
    assert alice.get(f"/leadership/commitments/{commitment.pk}/").status_code == 200
    assert alice.get(url).status_code == 404
    assert alice.post(url, form_data(cast)).status_code == 404
    assert Commitment.objects.count() == 1


def test_those_outside_see_no_commitment(cast: Cast, login) -> None:
    commitment = commitment_sign(
        actor=cast.mona, workplace=cast.moulding, programme=cast.programme, **TERMS
    )
    vera = other_manager(cast)
    for person in (cast.bob, cast.dana, cast.charlie, vera):
        client = login(person)
        assert client.get(f"/leadership/commitments/{commitment.pk}/").status_code == 404
        assert (
            client.get(f"/leadership/workplaces/{cast.moulding.pk}/commitment/").status_code == 404
        )


def test_the_coordinator_sets_the_rule(cast: Cast, login) -> None:
    url = f"/leadership/programmes/{cast.programme.pk}/"
    client = login(cast.alice)
    assert "Warn when a workplace has none" in body_of(client.get(url))
    body = body_of(client.post(url, {"commitment_rule": "sometimes"}))
    assert "Please choose only from the list." in body
    assert not ProgrammeLeadership.objects.exists()
    response = client.post(url, {"commitment_rule": "block"})
    assert response.status_code == 302
    assert ProgrammeLeadership.objects.get().commitment_rule == "block"
    body = body_of(client.get(url))
    # Both workplaces of the foundry are listed without a commitment.
    assert body.count(">missing<") == 2
    vera = other_manager(cast)
    for person in (cast.mona, cast.bob, cast.dana, cast.charlie, vera):
        assert login(person).get(url).status_code == 404
        assert login(person).post(url, {"commitment_rule": "none"}).status_code == 404
    assert ProgrammeLeadership.objects.get().commitment_rule == "block"


def test_a_placement_is_refused_without_a_commitment_where_the_programme_requires_one(
    cast: Cast,
) -> None:
    fatima = new_adept(cast)
    commitment_rule_set(actor=cast.alice, programme=cast.programme, rule=CommitmentRule.BLOCK)
    place: dict[str, Any] = {
        "actor": cast.alice,
        "programme": cast.programme,
        "user": fatima,
        "role": "adept",
        "workplace": cast.moulding,
        "starts_on": date(2026, 9, 1),
    }
    with pytest.raises(ApplicationError, match="no signed management commitment") as refused:
        enrolment_create(**place)
    assert refused.value.field == "workplace"
    assert not Enrolment.objects.filter(user=fatima).exists()
    # A mentor is placed without one: the rule is about adepts.
    mentor = make_user("mats@gjuteri.example", "Mats Mentor")
    membership_create(actor=SYSTEM, user=mentor, organisation=cast.foundry, role="mentor")
    enrolment_create(**(place | {"user": mentor, "role": "mentor"}))
    # Moving Erin from finishing to moulding is a new placement: refused too.
    with pytest.raises(ApplicationError, match="no signed management commitment"):
        enrolment_update(
            actor=cast.alice,
            enrolment=cast.erin_enrolment,
            workplace=cast.moulding,
            education_provider=cast.school,
            starts_on=cast.erin_enrolment.starts_on,
            ends_on=None,
            status="active",
        )
    commitment_sign(actor=cast.mona, workplace=cast.moulding, programme=cast.programme, **TERMS)
    enrolment = enrolment_create(**place)
    assert enrolment.workplace == cast.moulding


def test_the_enrolment_form_blocks_or_warns(cast: Cast, login) -> None:
    fatima = new_adept(cast)
    client = login(cast.alice)
    url = f"/programmes/{cast.programme.pk}/enrol/"
    data = {
        "user": fatima.pk,
        "role": "adept",
        "workplace": cast.moulding.pk,
        "education_provider": cast.school.pk,
        "starts_on": "2026-09-01",
        "ends_on": "",
    }
    commitment_rule_set(actor=cast.alice, programme=cast.programme, rule=CommitmentRule.BLOCK)
    body = body_of(client.post(url, data))
    assert (
        "Formning has no signed management commitment for Gjuterivägen. The programme requires "
        "one before an adept is placed" in body
    )
    assert not Enrolment.objects.filter(user=fatima).exists()

    commitment_rule_set(actor=cast.alice, programme=cast.programme, rule=CommitmentRule.WARN)
    response = client.post(url, data, follow=True)
    body = body_of(response)
    assert Enrolment.objects.filter(user=fatima, workplace=cast.moulding).exists()
    assert '<p class="message warning">Formning has no signed management commitment' in body
    assert '<p class="message success">The person is enrolled.</p>' in body


def test_no_rule_means_no_message(cast: Cast, login) -> None:
    fatima = new_adept(cast)
    response = login(cast.alice).post(
        f"/programmes/{cast.programme.pk}/enrol/",
        {
            "user": fatima.pk,
            "role": "adept",
            "workplace": cast.moulding.pk,
            "education_provider": cast.school.pk,
            "starts_on": "2026-09-01",
            "ends_on": "",
        },
        follow=True,
    )
    body = body_of(response)
    assert "management commitment" not in body
    assert Enrolment.objects.filter(user=fatima).exists()


def test_moving_an_adept_on_the_enrolment_page_blocks_or_warns_but_saving_in_place_does_not(
    cast: Cast, login
) -> None:
    client = login(cast.alice)
    url = f"/programmes/enrolments/{cast.erin_enrolment.pk}/edit/"
    data = {
        "workplace": cast.moulding.pk,
        "education_provider": cast.school.pk,
        "starts_on": cast.erin_enrolment.starts_on.isoformat(),
        "ends_on": "",
        "status": "active",
    }
    warning = '<p class="message warning">Formning has no signed management commitment'
    commitment_rule_set(actor=cast.alice, programme=cast.programme, rule=CommitmentRule.BLOCK)
    body = body_of(client.post(url, data))
    assert "The programme requires one before an adept is placed" in body
    cast.erin_enrolment.refresh_from_db()
    assert cast.erin_enrolment.workplace == cast.finishing

    # Erin stays at finishing (no commitment there either): no placement, no message.
    commitment_rule_set(actor=cast.alice, programme=cast.programme, rule=CommitmentRule.WARN)
    body = body_of(client.post(url, data | {"workplace": cast.finishing.pk}, follow=True))
    assert '<p class="message success">The enrolment is saved.</p>' in body
    assert "management commitment" not in body

    body = body_of(client.post(url, data, follow=True))
    assert warning in body
    cast.erin_enrolment.refresh_from_db()
    assert cast.erin_enrolment.workplace == cast.moulding
