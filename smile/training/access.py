"""Who sees what of mentor development.

- A mentor (an active mentor enrolment anywhere) reads the modules and her own reflections and
  completions. Reflections are hers alone: the policy gives nobody else a clause for them, not
  the coordinator, not an administrator; a shared answer reaches the coordinator only through
  `shared_reflections` below, read on the programme page.
- The coordinator sees, per programme of the owners she coordinates, which mentors completed
  which modules. Managers and adepts see nothing here (404).
"""

from django.db.models import Q, QuerySet

from smile.core import policies
from smile.core.actor import AnyUser
from smile.organisations.access import scope_of
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme
from smile.training.models import Completion, Module, Reflection

DEVELOPMENT = "mentor_development"


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


def register() -> None:
    policies.register(Module, view=visible_modules)
    policies.register(Reflection, view=own_reflections, change=own_reflections)
    policies.register(Completion, view=own_completions)
    policies.register(Programme, **{DEVELOPMENT: development_programmes})
