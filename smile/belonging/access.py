"""Who may do what with belonging pulses (registered in apps.py).

- An adept answers only her own pulse: an open round of a programme where she is an adept in an
  active pair with a workplace, and which she has not answered.
- The coordinators of a programme (those who may change it) see its figures per workplace, and
  set how often it asks.
- A manager sees the figures of the workplaces she manages.
- Mentors see nothing: a mentor usually works beside the few adepts of her workplace, so even a
  workplace figure could point at them; the workplace's managers act on it.
- Nobody sees an individual answer: none is ever shown, and after a round closes none is linked
  to a person. Anyone else gets a 404.
"""

from django.db.models import Q, QuerySet
from django.utils import timezone

from smile.core import policies
from smile.core.actor import AnyUser
from smile.matching.models import Pair, PairStatus
from smile.organisations.access import managed_workplaces, scope_of
from smile.organisations.models import Workplace
from smile.programmes.access import changeable_programmes
from smile.programmes.models import Programme

from .models import PulseRound

ANSWER = "answer"
SEE = "see_belonging"


def answering_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Her live pairs as an adept that have a workplace (the grain of the figures)."""
    scope = scope_of(user)
    if scope is None:
        return Pair.objects.none()
    return Pair.objects.filter(
        adept__user_id=scope.user.pk,
        status=PairStatus.ACTIVE,
        adept__workplace__isnull=False,
    )


def answerable_rounds(user: AnyUser) -> QuerySet[PulseRound]:
    """Open rounds of her programmes that she has not answered yet."""
    scope = scope_of(user)
    if scope is None:
        return PulseRound.objects.none()
    return PulseRound.objects.filter(
        programme_id__in=answering_pairs(user).values("programme_id"),
        closed_at__isnull=True,
        closes_at__gt=timezone.now(),
    ).exclude(answered__user_id=scope.user.pk)


def coordinated_programmes(user: AnyUser) -> QuerySet[Programme]:
    return changeable_programmes(user)


def seen_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    """Workplaces whose (suppressed) figures she sees: managed, or in a programme she
    coordinates."""
    scope = scope_of(user)
    if scope is None:
        return Workplace.objects.none()
    coordinated = Workplace.objects.filter(
        enrolments__programme__in=coordinated_programmes(user)
    ).values("pk")
    return Workplace.objects.filter(
        Q(pk__in=managed_workplaces(user).values("pk")) | Q(pk__in=coordinated)
    )


def register() -> None:
    policies.register(PulseRound, **{ANSWER: answerable_rounds})
    policies.register(Programme, **{SEE: coordinated_programmes})
    policies.register(Workplace, **{SEE: seen_workplaces})
