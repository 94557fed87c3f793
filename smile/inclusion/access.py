"""Who sees and ticks onboarding checklists: registered in the policy registry.

- An adept sees and ticks her own checklist; her mentor (a live pair) sees and ticks it too.
- The coordinators of the adept's programme and the managers of her workplace see it (to follow
  up), but do not tick: the steps are done by the adept and her mentor. They see the completion
  per workplace and keep the workplace's template.
- An adept's language support (her Swedish, an interpreter at reviews) is seen by the same
  people and changed by her alone; a workplace's language ambassadors are kept by those who keep
  its template.
Everyone else gets a 404.
"""

from django.db.models import Q, QuerySet

from smile.core import policies
from smile.core.actor import AnyUser
from smile.matching.models import LIVE_PAIR_STATUSES
from smile.organisations.access import scope_of
from smile.organisations.choices import Role
from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus

from .models import ChecklistItem, ChecklistTemplate

TICK = "tick"
SUPPORT = "language_support"  # see an adept's language support
TELL = "tell_language_support"  # change her own
LEAD = "lead_onboarding"  # follow a workplace's onboarding and keep its template


def leading_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    """Where the person follows onboarding: as the workplace's manager or as coordinator of a
    programme the employer takes part in."""
    scope = scope_of(user)
    if scope is None:
        return Workplace.objects.none()
    if scope.user.is_superuser:
        return Workplace.objects.all()
    q = policies.any_of(
        scope.managed_workplace_q if scope.organisation_ids(Role.MANAGER) else None,
        Q(organisation__partner_programmes__owner_id__in=scope.coordinating)
        if scope.coordinating
        else None,
    )
    return Workplace.objects.filter(pk__in=Workplace.objects.filter(q).values("pk"))


def _doer_q(user: AnyUser, prefix: str = "enrolment__") -> Q | None:
    """The adept herself and her mentor in a live pair."""
    scope = scope_of(user)
    if scope is None:
        return None
    return Q(**{f"{prefix}user_id": scope.user.pk}) | Q(
        **{
            f"{prefix}pairs_as_adept__mentor__user_id": scope.user.pk,
            f"{prefix}pairs_as_adept__status__in": LIVE_PAIR_STATUSES,
        }
    )


def _follower_q(user: AnyUser, prefix: str = "enrolment__") -> Q | None:
    """The managers of her workplace and the coordinators of her programme."""
    scope = scope_of(user)
    if scope is None:
        return None
    if scope.user.is_superuser:
        return Q()
    return policies.any_of(
        Q(**{f"{prefix}workplace__in": Workplace.objects.filter(scope.managed_workplace_q)})
        if scope.organisation_ids(Role.MANAGER)
        else None,
        Q(**{f"{prefix}programme__owner_id__in": scope.coordinating})
        if scope.coordinating
        else None,
    )


def _items(q: Q) -> QuerySet[ChecklistItem]:
    # The pair join can repeat a row: read the keys apart.
    return ChecklistItem.objects.filter(
        pk__in=ChecklistItem.objects.filter(q, enrolment__role=EnrolmentRole.ADEPT).values("pk")
    )


def visible_items(user: AnyUser) -> QuerySet[ChecklistItem]:
    return _items(policies.any_of(_doer_q(user), _follower_q(user)))


def tickable_items(user: AnyUser) -> QuerySet[ChecklistItem]:
    return _items(policies.any_of(_doer_q(user)) & Q(enrolment__status=EnrolmentStatus.ACTIVE))


def supported_adepts(user: AnyUser) -> QuerySet[Enrolment]:
    """The adept enrolments whose language support the person sees: the same people as see
    her checklist."""
    q = policies.any_of(_doer_q(user, ""), _follower_q(user, ""))
    return Enrolment.objects.filter(
        pk__in=Enrolment.objects.filter(q, role=EnrolmentRole.ADEPT).values("pk")
    )


def own_adept_enrolments(user: AnyUser) -> QuerySet[Enrolment]:
    """Her language support is the adept's own to tell: only she changes it."""
    scope = scope_of(user)
    if scope is None:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(
        user_id=scope.user.pk, role=EnrolmentRole.ADEPT, status=EnrolmentStatus.ACTIVE
    )


def changeable_templates(user: AnyUser) -> QuerySet[ChecklistTemplate]:
    return ChecklistTemplate.objects.filter(workplace__in=leading_workplaces(user))


def register() -> None:
    policies.register(Workplace, lead_onboarding=leading_workplaces)
    policies.register(
        Enrolment, language_support=supported_adepts, tell_language_support=own_adept_enrolments
    )
    policies.register(ChecklistItem, view=visible_items, change=tickable_items, tick=tickable_items)
    policies.register(ChecklistTemplate, view=changeable_templates, change=changeable_templates)
