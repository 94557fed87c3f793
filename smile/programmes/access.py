"""Who sees and changes programmes and the people enrolled in them."""

from django.db.models import Q, QuerySet

from smile.core import policies
from smile.core.actor import AnyUser, Person, person, register_role_source
from smile.organisations.access import scope_of
from smile.organisations.choices import Role
from smile.organisations.models import Organisation, Workplace
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme


def enrolment_roles(user: Person) -> set[str]:
    return set(
        Enrolment.objects.filter(user_id=user.pk, status=EnrolmentStatus.ACTIVE).values_list(
            "role", flat=True
        )
    )


def visible_programmes(user: AnyUser) -> QuerySet[Programme]:
    scope = scope_of(user)
    if scope is None:
        return Programme.objects.none()
    if scope.user.is_superuser:
        return Programme.objects.all()
    coordinating, teaching = scope.coordinating, scope.organisation_ids(Role.TEACHER)
    managed = scope.organisation_ids(Role.MANAGER)
    q = policies.any_of(
        Q(enrolments__user_id=scope.user.pk),
        Q(owner_id__in=coordinating) if coordinating else None,
        Q(partners__in=coordinating | teaching) if coordinating | teaching else None,
        Q(enrolments__workplace__in=Workplace.objects.filter(scope.managed_workplace_q))
        if managed
        else None,
    )
    return Programme.objects.filter(pk__in=Programme.objects.filter(q).values("pk"))


def changeable_programmes(user: AnyUser) -> QuerySet[Programme]:
    scope = scope_of(user)
    if scope is None:
        return Programme.objects.none()
    if scope.user.is_superuser:
        return Programme.objects.all()
    return Programme.objects.filter(owner_id__in=scope.coordinating)


def owning_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations whose programmes the person makes and keeps: those she coordinates (an
    installation administrator: any). The kind of owner is the service's to check."""
    scope = scope_of(user)
    if scope is None:
        return Organisation.objects.none()
    if scope.user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=scope.coordinating)


def visible_enrolments(user: AnyUser) -> QuerySet[Enrolment]:
    """Named people in programmes. Managers see aggregates only, so they get no rows here."""
    scope = scope_of(user)
    if scope is None:
        return Enrolment.objects.none()
    if scope.user.is_superuser:
        return Enrolment.objects.all()
    coordinating, teaching = scope.coordinating, scope.organisation_ids(Role.TEACHER)
    q = policies.any_of(
        Q(user_id=scope.user.pk),
        Q(programme__owner_id__in=coordinating) if coordinating else None,
        Q(programme__partners__in=coordinating) if coordinating else None,
        Q(role=EnrolmentRole.ADEPT, education_provider_id__in=teaching) if teaching else None,
        policies.granted(Enrolment, user),
    )
    if not coordinating:
        return Enrolment.objects.filter(q)
    # The partners join can repeat a row: read the keys apart.
    return Enrolment.objects.filter(pk__in=Enrolment.objects.filter(q).values("pk"))


def changeable_enrolments(user: AnyUser) -> QuerySet[Enrolment]:
    return Enrolment.objects.filter(programme__in=changeable_programmes(user))


# The narrow grounds a home is built on: the records that are the person's own, which she sees
# whatever else she may see. Each is a part of `visible_enrolments`, read with literal keys.


def own_enrolments(user: AnyUser) -> QuerySet[Enrolment]:
    """The person's own enrolments, in every role and status."""
    found = person(user)
    if found is None:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(user_id=found.pk)


def school_adepts(user: AnyUser) -> QuerySet[Enrolment]:
    """The adepts whose school the person teaches at: a teacher's class."""
    scope = scope_of(user)
    if scope is None:
        return Enrolment.objects.none()
    teaching = scope.organisation_ids(Role.TEACHER)
    return Enrolment.objects.filter(role=EnrolmentRole.ADEPT, education_provider_id__in=teaching)


# Grounds on which programmes widen who sees organisations and workplaces.


def _organisations_of_visible_programmes(user: AnyUser) -> Q | None:
    programmes = visible_programmes(user)
    return Q(owned_programmes__in=programmes) | Q(partner_programmes__in=programmes)


def _workplaces_of_programmes(user: AnyUser) -> Q | None:
    scope = scope_of(user)
    if scope is None:
        return None
    return policies.any_of(
        Q(organisation__partner_programmes__in=changeable_programmes(user))
        if scope.coordinating
        else None,
        Q(enrolments__in=visible_enrolments(user)),
    )


def register() -> None:
    register_role_source(enrolment_roles)
    policies.register(Programme, view=visible_programmes, change=changeable_programmes)
    policies.register(Enrolment, view=visible_enrolments, change=changeable_enrolments)
    policies.register(Organisation, own_programmes=owning_organisations)
    policies.grant(Organisation, _organisations_of_visible_programmes)
    policies.grant(Workplace, _workplaces_of_programmes)
