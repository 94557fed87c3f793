"""Who sees what of mentor development.

- A mentor (an active mentor enrolment anywhere) reads the modules and her own reflections and
  completions. Reflections are hers alone: the policy gives nobody else a clause for them, not
  the coordinator, not an administrator; a shared answer reaches the coordinator only through
  `shared_reflections` below, read on the programme page.
- The coordinator sees, per programme of the owners she coordinates, which mentors completed
  which modules. Managers and adepts see nothing here (404).
- Her development profile (self-ratings and goals) is hers alone, like her reflections: nobody
  else has a clause for them.
- Mentor network meetings: the coordinator of the programme's owner schedules them and records
  attendance ("manage"); the programme's active mentors see them and their own attendance.
- The coordinator's view of a mentor: a coordinator of the programme's owner gives it to the
  programme's active mentors (`rateable_mentors`); the mentor herself and the coordinators of
  the programme's owner see it, nobody else. The coordinator never sees the mentor's
  self-ratings or goals.
"""

from django.db.models import Q, QuerySet

from smile.core import policies
from smile.core.actor import AnyUser
from smile.core.errors import NotAllowed
from smile.organisations.access import scope_of
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme
from smile.training.models import (
    Completion,
    CoordinatorView,
    DevelopmentGoal,
    Module,
    NetworkMeeting,
    Reflection,
    SelfRating,
)

DEVELOPMENT = "mentor_development"
MANAGE = "manage"


def is_mentor(user: AnyUser) -> bool:
    scope = scope_of(user)
    return (
        scope is not None
        and Enrolment.objects.filter(
            user_id=scope.user.pk, role=EnrolmentRole.MENTOR, status=EnrolmentStatus.ACTIVE
        ).exists()
    )


def visible_modules(user: AnyUser) -> QuerySet[Module]:
    scope = scope_of(user)
    if scope is None:
        return Module.objects.none()
    if is_mentor(user) or scope.coordinating:
        return Module.objects.all()
    return Module.objects.none()


def own_reflections(user: AnyUser) -> QuerySet[Reflection]:
    scope = scope_of(user)
    if scope is None:
        return Reflection.objects.none()
    return Reflection.objects.filter(user_id=scope.user.pk)


def own_completions(user: AnyUser) -> QuerySet[Completion]:
    scope = scope_of(user)
    if scope is None:
        return Completion.objects.none()
    return Completion.objects.filter(user_id=scope.user.pk)


def development_programmes(user: AnyUser) -> QuerySet[Programme]:
    """Programmes whose mentors' completion the person follows: those of owners she coordinates."""
    scope = scope_of(user)
    if scope is None or not scope.coordinating:
        return Programme.objects.none()
    return Programme.objects.filter(owner_id__in=scope.coordinating)


def follows_development(user: AnyUser) -> bool:
    """A coordinator: she follows the mentors' development in her owners' programmes."""
    scope = scope_of(user)
    return scope is not None and bool(scope.coordinating)


def shared_reflections(user: AnyUser, programme: Programme) -> QuerySet[Reflection]:
    """Answers mentors of the programme chose to share, for the programme's coordinator."""
    if not development_programmes(user).filter(pk=programme.pk).exists():
        return Reflection.objects.none()
    mentors = Enrolment.objects.filter(programme=programme, role=EnrolmentRole.MENTOR).values(
        "user_id"
    )
    return Reflection.objects.filter(Q(shared=True), user_id__in=mentors)


def own_self_ratings(user: AnyUser) -> QuerySet[SelfRating]:
    scope = scope_of(user)
    if scope is None:
        return SelfRating.objects.none()
    return SelfRating.objects.filter(user_id=scope.user.pk)


def own_goals(user: AnyUser) -> QuerySet[DevelopmentGoal]:
    scope = scope_of(user)
    if scope is None:
        return DevelopmentGoal.objects.none()
    return DevelopmentGoal.objects.filter(user_id=scope.user.pk)


def mentor_programme_ids(user: AnyUser) -> QuerySet[Enrolment, int]:
    """The programmes she is an active mentor in, as a subquery of programme ids."""
    scope = scope_of(user)
    rows = Enrolment.objects.filter(role=EnrolmentRole.MENTOR, status=EnrolmentStatus.ACTIVE)
    rows = rows.none() if scope is None else rows.filter(user_id=scope.user.pk)
    return rows.values_list("programme_id", flat=True)


def visible_network_meetings(user: AnyUser) -> QuerySet[NetworkMeeting]:
    scope = scope_of(user)
    if scope is None:
        return NetworkMeeting.objects.none()
    return NetworkMeeting.objects.filter(
        Q(programme__owner_id__in=scope.coordinating)
        | Q(programme_id__in=mentor_programme_ids(user))
    )


def managed_network_meetings(user: AnyUser) -> QuerySet[NetworkMeeting]:
    """The meetings of the programmes whose owner she coordinates."""
    return NetworkMeeting.objects.filter(programme__in=development_programmes(user))


def rateable_mentors(user: AnyUser) -> QuerySet[Enrolment]:
    """The active mentor enrolments whose coordinator's view she may give: those in programmes
    of the owners she coordinates."""
    return Enrolment.objects.filter(
        programme__in=development_programmes(user),
        role=EnrolmentRole.MENTOR,
        status=EnrolmentStatus.ACTIVE,
    )


def require_rate(user: AnyUser, enrolment: Enrolment) -> None:
    if not rateable_mentors(user).filter(pk=enrolment.pk).exists():
        raise NotAllowed(f"coordinator's view of enrolment {enrolment.pk}")


def visible_coordinator_views(user: AnyUser) -> QuerySet[CoordinatorView]:
    """The mentor's own, and those of mentors in programmes of the owners she coordinates."""
    scope = scope_of(user)
    if scope is None:
        return CoordinatorView.objects.none()
    return CoordinatorView.objects.filter(
        Q(enrolment__user_id=scope.user.pk)
        | Q(enrolment__programme__owner_id__in=scope.coordinating)
    )


def register() -> None:
    policies.register(Module, view=visible_modules)
    policies.register(Reflection, view=own_reflections, change=own_reflections)
    policies.register(Completion, view=own_completions)
    policies.register(Programme, **{DEVELOPMENT: development_programmes})
    policies.register(SelfRating, view=own_self_ratings, change=own_self_ratings)
    policies.register(DevelopmentGoal, view=own_goals, change=own_goals)
    policies.register(CoordinatorView, view=visible_coordinator_views)
    policies.register(
        NetworkMeeting, view=visible_network_meetings, **{MANAGE: managed_network_meetings}
    )
