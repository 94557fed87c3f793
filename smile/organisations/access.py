"""Who sees and changes organisations and workplaces.

A person's memberships decide most rules in SMILE, so `scope_of` reads them once per request and
every domain's policy asks it.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q, QuerySet

from smile.core import policies
from smile.core.actor import (
    AnyUser,
    Person,
    is_installation_admin,
    person,
    register_role_source,
    remember,
)
from smile.organisations.choices import Role
from smile.organisations.models import Membership, Organisation, Workplace


@dataclass(frozen=True)
class Scope:
    """The organisations and workplaces a person acts for, read once per request."""

    user: Person

    @cached_property
    def memberships(self) -> list[Membership]:
        return list(Membership.objects.filter(user_id=self.user.pk).select_related("organisation"))

    def organisation_ids(self, *roles: str) -> set[int]:
        return {m.organisation_id for m in self.memberships if m.role in roles}

    @cached_property
    def all_organisation_ids(self) -> set[int]:
        return {m.organisation_id for m in self.memberships}

    @cached_property
    def coordinating(self) -> set[int]:
        return self.organisation_ids(Role.COORDINATOR)

    @cached_property
    def mentor_workplace_ids(self) -> set[int]:
        return {
            m.workplace_id for m in self.memberships if m.role == Role.MENTOR and m.workplace_id
        }

    @cached_property
    def managed_workplace_q(self) -> Q:
        q = Q(pk__in=[])
        for m in self.memberships:
            if m.role != Role.MANAGER:
                continue
            if m.workplace_id is None:
                q |= Q(organisation_id=m.organisation_id)
            else:
                q |= Q(pk=m.workplace_id)
        return q


def scope_of(user: AnyUser | None) -> Scope | None:
    """The person's scope, or None for an anonymous or inactive user."""
    found = person(user)
    if found is None:
        return None
    return remember(found, "organisations.scope", lambda: Scope(found))


def membership_roles(user: Person) -> set[str]:
    scope = scope_of(user)
    return {m.role for m in scope.memberships} if scope else set()


def visible_organisations(user: AnyUser) -> QuerySet[Organisation]:
    scope = scope_of(user)
    if scope is None:
        return Organisation.objects.none()
    if scope.user.is_superuser:
        return Organisation.objects.all()
    coordinating = scope.coordinating
    q = policies.any_of(
        Q(pk__in=scope.all_organisation_ids) if scope.all_organisation_ids else None,
        Q(managed_by_id__in=coordinating) if coordinating else None,
        policies.granted(Organisation, user),
    )
    return Organisation.objects.filter(pk__in=Organisation.objects.filter(q).values("pk"))


def changeable_organisations(user: AnyUser) -> QuerySet[Organisation]:
    scope = scope_of(user)
    if scope is None:
        return Organisation.objects.none()
    if scope.user.is_superuser:
        return Organisation.objects.all()
    coordinating = scope.coordinating
    return Organisation.objects.filter(Q(pk__in=coordinating) | Q(managed_by_id__in=coordinating))


def visible_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    scope = scope_of(user)
    if scope is None:
        return Workplace.objects.none()
    if scope.user.is_superuser:
        return Workplace.objects.all()
    coordinating = scope.coordinating
    q = policies.any_of(
        scope.managed_workplace_q if scope.organisation_ids(Role.MANAGER) else None,
        Q(organisation_id__in=coordinating) if coordinating else None,
        Q(organisation__managed_by_id__in=coordinating) if coordinating else None,
        policies.granted(Workplace, user),
    )
    return Workplace.objects.filter(pk__in=Workplace.objects.filter(q).values("pk"))


def managed_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    """The workplaces a manager answers for (all of her employer's, or the one she is given)."""
    scope = scope_of(user)
    if scope is None:
        return Workplace.objects.none()
    return Workplace.objects.filter(scope.managed_workplace_q)


def changeable_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    return Workplace.objects.filter(organisation__in=changeable_organisations(user))


def registering_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations under which the person registers a new one (its `managed_by`): those she
    coordinates. An installation administrator registers under any, or under none."""
    scope = scope_of(user)
    if scope is None:
        return Organisation.objects.none()
    if scope.user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=scope.coordinating)


def can_register_organisation(user: AnyUser, managed_by: Organisation | None) -> bool:
    """May the person register a new organisation under `managed_by` (None: under no one)?"""
    if managed_by is None:
        return is_installation_admin(user)
    return policies.can(user, "register_under", managed_by)


def can_coordinate(user: AnyUser) -> bool:
    scope = scope_of(user)
    return scope is not None and (scope.user.is_superuser or bool(scope.coordinating))


def register() -> None:
    register_role_source(membership_roles)
    policies.register(
        Organisation,
        view=visible_organisations,
        change=changeable_organisations,
        register_under=registering_organisations,
    )
    policies.register(Workplace, view=visible_workplaces, change=changeable_workplaces)
