from django.db.models import Count, Q, QuerySet

from smile.core.actor import AnyUser
from smile.organisations import access
from smile.organisations.models import Membership, Organisation, Workplace


def organisation_list(*, user: AnyUser) -> QuerySet[Organisation]:
    return access.visible_organisations(user).annotate(workplace_count=Count("workplaces"))


def organisation_workplaces(*, organisation: Organisation) -> QuerySet[Workplace]:
    return organisation.workplaces.annotate(
        adept_count=Count(
            "enrolments", filter=Q(enrolments__role="adept", enrolments__status="active")
        ),
        mentor_count=Count(
            "enrolments", filter=Q(enrolments__role="mentor", enrolments__status="active")
        ),
    )


def organisation_members(*, organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user", "workplace").order_by(
        "role", "user__full_name"
    )


def coordinating_organisations(*, user: AnyUser) -> QuerySet[Organisation]:
    scope = access.scope_of(user)
    if scope is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(pk__in=scope.coordinating)
