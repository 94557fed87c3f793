from django.db.models import Count, Q, QuerySet

from smile.accounts.models import User
from smile.core.actor import AnyUser
from smile.organisations import access as organisations_access
from smile.organisations.choices import OrganisationKind
from smile.organisations.models import Organisation
from smile.programmes import access
from smile.programmes.models import Enrolment, EnrolmentStatus, Programme


def programme_list(*, user: AnyUser) -> QuerySet[Programme]:
    """Programmes with the counts a coordinator scans first (one query whatever the number)."""
    active = Q(enrolments__status=EnrolmentStatus.ACTIVE)
    return (
        access.visible_programmes(user)
        .select_related("owner")
        .annotate(
            adept_count=Count(
                "enrolments", filter=active & Q(enrolments__role="adept"), distinct=True
            ),
            mentor_count=Count(
                "enrolments", filter=active & Q(enrolments__role="mentor"), distinct=True
            ),
        )
    )


def programme_enrolments(*, user: AnyUser, programme: Programme) -> QuerySet[Enrolment]:
    return (
        access.visible_enrolments(user)
        .filter(programme=programme)
        .select_related("user", "workplace__organisation", "education_provider")
        .order_by("role", "user__full_name")
    )


def programme_owners_for(*, user: AnyUser) -> QuerySet[Organisation]:
    if not isinstance(user, User):
        return Organisation.objects.none()
    return (
        organisations_access.changeable_organisations(user)
        .filter(
            kind__in=[OrganisationKind.PROGRAMME_OWNER, OrganisationKind.EDUCATION_PROVIDER],
            memberships__user=user,
            memberships__role="coordinator",
        )
        .distinct()
    )


def programme_partner_choices(*, user: AnyUser) -> QuerySet[Organisation]:
    return organisations_access.visible_organisations(user).filter(
        kind__in=[OrganisationKind.EMPLOYER, OrganisationKind.EDUCATION_PROVIDER]
    )
