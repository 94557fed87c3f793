"""Giving roles and inviting people: the services ask the policy themselves, so a person it
refuses gets `NotAllowed` and nothing is written, whoever calls them."""

import pytest
from django.core import mail

from smile.accounts.models import Invitation
from smile.accounts.services import invitation_create, membership_create
from smile.core.errors import NotAllowed
from smile.organisations.choices import Role
from smile.organisations.models import Membership
from tests.cast import Cast, make_user

# The cast holds seven memberships, one for each of its people.
MEMBERSHIPS = 7


@pytest.mark.parametrize("who", ["charlie", "bob", "dana", "mona", "tess"])
def test_only_a_coordinator_gives_a_role_at_the_foundry(cast: Cast, who: str) -> None:
    newcomer = make_user("nils@gjuteri.example", "Nils Nord")
    with pytest.raises(NotAllowed):
        membership_create(
            actor=getattr(cast, who),
            user=newcomer,
            organisation=cast.foundry,
            role=Role.MENTOR,
            workplace=cast.moulding,
        )
    assert Membership.objects.count() == MEMBERSHIPS
    assert not Membership.objects.filter(user=newcomer).exists()


def test_the_coordinator_gives_a_role_at_an_employer_she_registered(cast: Cast) -> None:
    newcomer = make_user("nils@gjuteri.example", "Nils Nord")
    membership = membership_create(
        actor=cast.alice,
        user=newcomer,
        organisation=cast.foundry,
        role=Role.MENTOR,
        workplace=cast.moulding,
    )
    assert (membership.user, membership.organisation, membership.role) == (
        newcomer,
        cast.foundry,
        "mentor",
    )
    assert Membership.objects.count() == MEMBERSHIPS + 1


@pytest.mark.parametrize("who", ["charlie", "bob", "dana", "mona", "tess"])
def test_only_a_coordinator_invites_to_savsjo(
    cast: Cast, who: str, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(NotAllowed):
        invitation_create(
            invited_by=getattr(cast, who),
            email="nora@elev.example",
            full_name="Nora Nilsson",
            organisation=cast.savsjo,
            role=Role.ADEPT,
            workplace=None,
            language="sv",
            base_url="https://smile.example/",
        )
    assert Invitation.objects.count() == 0
    assert mail.outbox == []
