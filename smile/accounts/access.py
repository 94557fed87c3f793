"""Who sees and manages invitations: the coordinators of the inviting organisation."""

from django.db.models import QuerySet

from smile.accounts.models import Invitation
from smile.core import policies
from smile.core.actor import AnyUser
from smile.organisations import access as organisations


def visible_invitations(user: AnyUser) -> QuerySet[Invitation]:
    return Invitation.objects.filter(organisation__in=organisations.changeable_organisations(user))


def register() -> None:
    policies.register(Invitation, view=visible_invitations, change=visible_invitations)
