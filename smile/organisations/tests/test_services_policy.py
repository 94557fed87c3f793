"""The organisation services ask the policy themselves: a person it refuses gets `NotAllowed` and
nothing is written, whoever calls the service (a view, an import, the coming API)."""

import pytest

from smile.core.actor import SYSTEM
from smile.core.errors import NotAllowed
from smile.organisations.choices import OrganisationKind
from smile.organisations.models import Organisation, Workplace
from smile.organisations.services import organisation_create, organisation_update, workplace_save
from tests.cast import Cast

# The cast has five organisations: Sävsjö kommun with the foundry and the school it registered,
# Värnamo kommun with the care company; and three workplaces.
ORGANISATIONS = 5
WORKPLACES = 3


def counts() -> tuple[int, int]:
    return Organisation.objects.count(), Workplace.objects.count()


@pytest.mark.parametrize("who", ["charlie", "bob", "dana", "mona", "tess"])
def test_only_its_coordinator_registers_an_organisation_under_savsjo(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        organisation_create(
            actor=getattr(cast, who),
            name="Sävsjö Bageri AB",
            kind=OrganisationKind.EMPLOYER,
            managed_by=cast.savsjo,
        )
    assert counts() == (ORGANISATIONS, WORKPLACES)


def test_a_coordinator_cannot_register_an_organisation_under_no_one(cast: Cast) -> None:
    with pytest.raises(NotAllowed):
        organisation_create(
            actor=cast.alice,
            name="Eksjö kommun",
            kind=OrganisationKind.PROGRAMME_OWNER,
            managed_by=None,
        )
    assert counts() == (ORGANISATIONS, WORKPLACES)


def test_the_coordinator_and_the_installation_register_organisations(cast: Cast) -> None:
    bakery = organisation_create(
        actor=cast.alice,
        name="Sävsjö Bageri AB",
        kind=OrganisationKind.EMPLOYER,
        managed_by=cast.savsjo,
    )
    eksjo = organisation_create(
        actor=SYSTEM, name="Eksjö kommun", kind=OrganisationKind.PROGRAMME_OWNER, managed_by=None
    )
    assert (bakery.managed_by, eksjo.managed_by) == (cast.savsjo, None)
    assert counts() == (ORGANISATIONS + 2, WORKPLACES)


@pytest.mark.parametrize("who", ["charlie", "bob", "mona", "erin"])
def test_only_a_coordinator_changes_the_foundry(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        organisation_update(
            actor=getattr(cast, who),
            organisation=cast.foundry,
            name="Taken AB",
            organisation_number="",
            city="Värnamo",
        )
    cast.foundry.refresh_from_db()
    assert (cast.foundry.name, cast.foundry.city) == ("Sävsjö Gjuteri AB", "")


@pytest.mark.parametrize("who", ["charlie", "bob", "mona", "erin"])
def test_only_a_coordinator_adds_or_changes_a_workplace(cast: Cast, who: str) -> None:
    person = getattr(cast, who)
    with pytest.raises(NotAllowed):
        workplace_save(actor=person, organisation=cast.foundry, name="Gjutning")
    with pytest.raises(NotAllowed):
        workplace_save(
            actor=person, organisation=cast.foundry, workplace=cast.moulding, name="Taken"
        )
    cast.moulding.refresh_from_db()
    assert (cast.moulding.name, cast.moulding.trade) == ("Formning", "Gjuteri")
    assert counts() == (ORGANISATIONS, WORKPLACES)


def test_charlie_cannot_change_a_savsjo_workplace_through_his_own_employer(cast: Cast) -> None:
    with pytest.raises(NotAllowed):
        workplace_save(
            actor=cast.charlie, organisation=cast.care, workplace=cast.moulding, name="Taken"
        )
    cast.moulding.refresh_from_db()
    assert cast.moulding.organisation_id == cast.foundry.pk and cast.moulding.name == "Formning"
