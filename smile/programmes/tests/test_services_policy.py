"""The programme services ask the policy themselves: a person it refuses gets `NotAllowed` and
nothing is written, whoever calls the service (a view, an import, the coming API)."""

from datetime import date

import pytest

from smile.core.errors import NotAllowed
from smile.programmes.models import Enrolment, EnrolmentStatus, Programme
from smile.programmes.services import enrolment_create, enrolment_update, programme_save
from tests.cast import Cast, make_user

# The cast: two programmes (Gjuterivägen, Vårdvägen) and three enrolments (bob, dana, erin).
PROGRAMMES = 2
ENROLMENTS = 3
START, END = date(2026, 8, 1), date(2027, 6, 30)


def counts() -> tuple[int, int]:
    return Programme.objects.count(), Enrolment.objects.count()


@pytest.mark.parametrize("who", ["charlie", "bob", "dana", "mona", "tess"])
def test_only_its_coordinator_makes_a_programme_for_savsjo(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        programme_save(
            actor=getattr(cast, who),
            owner=cast.savsjo,
            name="Bagerivägen",
            starts_on=START,
            ends_on=END,
        )
    assert counts() == (PROGRAMMES, ENROLMENTS)


@pytest.mark.parametrize("who", ["charlie", "bob", "mona"])
def test_only_its_coordinator_changes_a_programme(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        programme_save(
            actor=getattr(cast, who),
            programme=cast.programme,
            owner=cast.savsjo,
            name="Taken",
            starts_on=START,
            ends_on=END,
            partners=[cast.foundry, cast.school],
        )
    cast.programme.refresh_from_db()
    assert (cast.programme.name, cast.programme.owner) == ("Gjuterivägen", cast.savsjo)


def test_charlie_cannot_take_over_a_savsjo_programme_for_varnamo(cast: Cast) -> None:
    with pytest.raises(NotAllowed):
        programme_save(
            actor=cast.charlie,
            programme=cast.programme,
            owner=cast.varnamo,
            name="Gjuterivägen",
            starts_on=START,
            ends_on=END,
            partners=[cast.foundry, cast.school],
        )
    cast.programme.refresh_from_db()
    assert cast.programme.owner == cast.savsjo


def test_charlie_cannot_take_a_partner_he_does_not_see(cast: Cast) -> None:
    with pytest.raises(NotAllowed):
        programme_save(
            actor=cast.charlie,
            programme=cast.other_programme,
            owner=cast.varnamo,
            name="Vårdvägen",
            starts_on=START,
            ends_on=END,
            partners=[cast.care, cast.foundry],
        )
    assert list(cast.other_programme.partners.values_list("name", flat=True)) == ["Värnamo Vård AB"]


@pytest.mark.parametrize("who", ["charlie", "bob", "dana", "mona", "tess"])
def test_only_its_coordinator_enrols_a_person(cast: Cast, who: str) -> None:
    newcomer = make_user("nora@elev.example", "Nora Nilsson")
    with pytest.raises(NotAllowed):
        enrolment_create(
            actor=getattr(cast, who),
            programme=cast.programme,
            user=newcomer,
            role="adept",
            workplace=cast.finishing,
            starts_on=date(2026, 9, 1),
        )
    assert counts() == (PROGRAMMES, ENROLMENTS)


@pytest.mark.parametrize("who", ["charlie", "bob", "dana", "mona", "tess"])
def test_only_its_coordinator_changes_an_enrolment(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        enrolment_update(
            actor=getattr(cast, who),
            enrolment=cast.dana_enrolment,
            workplace=cast.finishing,
            education_provider=None,
            starts_on=date(2026, 9, 1),
            ends_on=date(2026, 12, 1),
            status=EnrolmentStatus.LEFT_EARLY,
        )
    cast.dana_enrolment.refresh_from_db()
    enrolment = cast.dana_enrolment
    assert (enrolment.workplace, enrolment.education_provider, enrolment.status) == (
        cast.moulding,
        cast.school,
        EnrolmentStatus.ACTIVE,
    )
    assert (enrolment.starts_on, enrolment.ends_on) == (date(2026, 8, 10), None)
