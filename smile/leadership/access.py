"""Who sees and changes management support: registered in the policy registry.

- Those who lead a workplace see its SMILE page, the self-assessment's results, the commitments
  and the action plan, and keep the plan: its managers (`managed_workplaces`: all the employer's
  workplaces, or the one a manager is given) and the coordinators of the programmes the employer
  takes part in.
- Only a manager of the workplace signs its commitment.
- The self-assessment is answered by the workplace's managers, its mentors and the programme's
  coordinators, once per round each.
- A programme's rule on commitments is changed by those who may change the programme.
- A mentor sees her own mentor time against the budget (`reads_own_mentor_time`).
Mentors, adepts, teachers and anyone of another organisation get a 404 on every page but the
list of self-assessments they may answer (and a mentor's own time).
"""

from django.db.models import Q, QuerySet

from smile.core import policies
from smile.core.actor import AnyUser
from smile.organisations.access import managed_workplaces, scope_of
from smile.organisations.choices import Role
from smile.organisations.models import Workplace
from smile.programmes import access as programmes_access
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme

from .models import (
    Action,
    AssessmentRound,
    Commitment,
    FollowUpMeeting,
    ProgrammeLeadership,
    RespondentRole,
)

LEAD = "lead"  # see the SMILE page and keep the plan
SIGN = "sign_commitment"
ANSWER = "answer"


def _coordinated_q(user: AnyUser) -> Q | None:
    scope = scope_of(user)
    if scope is None or not scope.coordinating:
        return None
    # The programmes she may change are those her organisations own (programmes.access).
    return Q(organisation__partner_programmes__owner_id__in=scope.coordinating)


def _managed_q(user: AnyUser) -> Q | None:
    scope = scope_of(user)
    if scope is None or not scope.organisation_ids(Role.MANAGER):
        return None
    return scope.managed_workplace_q


def leading_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    """The workplaces whose management support the person follows: as manager or coordinator."""
    scope = scope_of(user)
    if scope is None:
        return Workplace.objects.none()
    if scope.user.is_superuser:
        return Workplace.objects.all()
    managed, coordinated = _managed_q(user), _coordinated_q(user)
    if managed is None and coordinated is None:
        return Workplace.objects.none()
    if coordinated is None:
        return Workplace.objects.filter(managed)
    q = policies.any_of(managed, coordinated)
    # The programmes join can repeat a row: read the keys apart.
    return Workplace.objects.filter(pk__in=Workplace.objects.filter(q).values("pk"))


def signing_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    """A commitment is management's own: only a manager of the workplace signs it."""
    return managed_workplaces(user)


def _mentor_q(user: AnyUser) -> Q | None:
    scope = scope_of(user)
    if scope is None:
        return None
    return policies.any_of(
        Q(pk__in=scope.mentor_workplace_ids) if scope.mentor_workplace_ids else None,
        Q(
            enrolments__user_id=scope.user.pk,
            enrolments__role=EnrolmentRole.MENTOR,
            enrolments__status=EnrolmentStatus.ACTIVE,
        ),
    )


def answering_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    """Where the person answers the self-assessment: as manager, coordinator or mentor."""
    scope = scope_of(user)
    if scope is None:
        return Workplace.objects.none()
    q = policies.any_of(_managed_q(user), _coordinated_q(user), _mentor_q(user))
    return Workplace.objects.filter(pk__in=Workplace.objects.filter(q).values("pk"))


def respondent_role(user: AnyUser, workplace: Workplace) -> str | None:
    """The group the person answers in at this workplace (manager before coordinator before
    mentor, for someone who is several), or None if she does not answer there."""
    for role, q in (
        (RespondentRole.MANAGER, _managed_q(user)),
        (RespondentRole.COORDINATOR, _coordinated_q(user)),
        (RespondentRole.MENTOR, _mentor_q(user)),
    ):
        if q is not None and Workplace.objects.filter(q, pk=workplace.pk).exists():
            return str(role)
    return None


def reads_own_mentor_time(user: AnyUser) -> bool:
    """A mentor sees her own time against her workplace's budget, and only her own: the page
    reads the person signed in, never someone named in the address. Whoever has never been a
    mentor in a programme gets a 404."""
    scope = scope_of(user)
    if scope is None:
        return False
    return Enrolment.objects.filter(user_id=scope.user.pk, role=EnrolmentRole.MENTOR).exists()


def leading_programmes(user: AnyUser) -> QuerySet[Programme]:
    """The programmes whose figures the person sees on the SMILE page: a manager those her
    employer takes part in, a coordinator those she may change."""
    scope = scope_of(user)
    if scope is None:
        return Programme.objects.none()
    if scope.user.is_superuser:
        return Programme.objects.all()
    managed = _managed_q(user)
    q = policies.any_of(
        Q(partners__workplaces__in=Workplace.objects.filter(managed)) if managed else None,
        Q(owner_id__in=scope.coordinating) if scope.coordinating else None,
    )
    return Programme.objects.filter(pk__in=Programme.objects.filter(q).values("pk"))


def visible_rounds(user: AnyUser) -> QuerySet[AssessmentRound]:
    return AssessmentRound.objects.filter(workplace__in=leading_workplaces(user))


def answerable_rounds(user: AnyUser) -> QuerySet[AssessmentRound]:
    """Open rounds where the person answers (whether or not she has already)."""
    return AssessmentRound.objects.filter(
        closed_at__isnull=True, workplace__in=answering_workplaces(user)
    )


def visible_commitments(user: AnyUser) -> QuerySet[Commitment]:
    return Commitment.objects.filter(workplace__in=leading_workplaces(user))


def visible_actions(user: AnyUser) -> QuerySet[Action]:
    return Action.objects.filter(workplace__in=leading_workplaces(user))


def visible_follow_ups(user: AnyUser) -> QuerySet[FollowUpMeeting]:
    return FollowUpMeeting.objects.filter(workplace__in=leading_workplaces(user))


def changeable_settings(user: AnyUser) -> QuerySet[ProgrammeLeadership]:
    return ProgrammeLeadership.objects.filter(
        programme__in=programmes_access.changeable_programmes(user)
    )


def register() -> None:
    policies.register(Workplace, lead=leading_workplaces, sign_commitment=signing_workplaces)
    policies.register(
        AssessmentRound,
        view=visible_rounds,
        change=visible_rounds,
        answer=answerable_rounds,
    )
    policies.register(Commitment, view=visible_commitments)
    policies.register(Action, view=visible_actions, change=visible_actions)
    policies.register(FollowUpMeeting, view=visible_follow_ups, change=visible_follow_ups)
    policies.register(ProgrammeLeadership, view=changeable_settings, change=changeable_settings)
