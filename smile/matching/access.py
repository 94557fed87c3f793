"""Who sees and steers pairs, who fills in a matching profile, and who reads which reason a pair
was matched on."""

from django.db.models import Q, QuerySet

from smile.core import policies
from smile.core.actor import AnyUser, person
from smile.matching.models import LIVE_PAIR_STATUSES, PLACE_HOLDING_STATUSES, Pair, PairStatus
from smile.organisations.access import scope_of
from smile.programmes import access as programmes
from smile.programmes.models import Enrolment

# Wishes the adept gave about her mentor as a person: the coordinator weighs them, but they never
# reach the mentor (nor are they shown back as a "reason" to either side).
SENSITIVE_CRITERIA = frozenset({"gender"})


def own_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Pairs in which the person is the adept or the mentor."""
    found = person(user)
    if found is None:
        return Pair.objects.none()
    return Pair.objects.filter(Q(adept__user_id=found.pk) | Q(mentor__user_id=found.pk))


def workable_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Live pairs in which the person is a side: she may plan, log and follow up their work."""
    return own_pairs(user).filter(status__in=LIVE_PAIR_STATUSES)


def visible_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Pairs whose both sides the person may see; unpublished suggestions only to coordinators."""
    found = person(user)
    if found is None:
        return Pair.objects.none()
    if found.is_superuser:
        return Pair.objects.all()
    enrolments = programmes.visible_enrolments(user)
    # Her own pairs stay readable after they end: the history and the closing reflections.
    q = Q(mentor__in=enrolments, adept__in=enrolments)
    q |= Q(adept__user_id=found.pk) | Q(mentor__user_id=found.pk)
    scope = scope_of(user)
    if scope is None or not scope.coordinating:
        return Pair.objects.filter(q).exclude(status=PairStatus.DRAFT)
    coordinated = programmes.changeable_programmes(user)
    return Pair.objects.filter(q).filter(~Q(status=PairStatus.DRAFT) | Q(programme__in=coordinated))


def own_pairs_as(user: AnyUser, side: str) -> QuerySet[Pair]:
    """Her pairs on one side ("adept" or "mentor") as her home shows them: every status but the
    coordinator's unpublished drafts (a part of `visible_pairs`)."""
    found = person(user)
    if found is None or side not in ("adept", "mentor"):
        return Pair.objects.none()
    return Pair.objects.filter(**{f"{side}__user_id": found.pk}).exclude(status=PairStatus.DRAFT)


def changeable_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Pairs a coordinator steers: publish, pause, end, re-match."""
    return Pair.objects.filter(programme__in=programmes.changeable_programmes(user))


def reflectable_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Pairs whose closing reflections the person writes or reads: its two people and the
    programme's coordinators."""
    return Pair.objects.filter(
        Q(pk__in=own_pairs(user).values("pk")) | Q(pk__in=changeable_pairs(user).values("pk"))
    )


def can_edit_profile(user: AnyUser, enrolment: Enrolment) -> bool:
    """A matching profile is filled in by its owner or by the programme's coordinators."""
    found = person(user)
    if found is None:
        return False
    return enrolment.user_id == found.pk or policies.can_change(user, enrolment)


def readable_criteria(user: AnyUser, pair: Pair, criteria: list[str]) -> list[str]:
    """The criteria of the pair's "why this match" the person may read: all of them for the
    programme's coordinators; for the adept and the mentor, all but the sensitive wishes."""
    if policies.can_change(user, pair):
        return list(criteria)
    return [criterion for criterion in criteria if criterion not in SENSITIVE_CRITERIA]


def _partners_in_pairs(user: AnyUser) -> Q | None:
    """A mentor sees her own adepts (proposed ones too, to answer); an adept sees her mentor."""
    found = person(user)
    if found is None:
        return None
    live = Pair.objects.filter(status__in=PLACE_HOLDING_STATUSES)
    return Q(pk__in=live.filter(mentor__user_id=found.pk).values("adept")) | Q(
        pk__in=live.filter(adept__user_id=found.pk).values("mentor")
    )


def register() -> None:
    policies.register(
        Pair,
        view=visible_pairs,
        change=changeable_pairs,
        work=workable_pairs,
        reflect=reflectable_pairs,
        # A proposal is answered, yes or no, by its adept and its mentor (that it is still
        # waiting is the service's to check, and to say).
        answer=own_pairs,
    )
    policies.grant(Enrolment, _partners_in_pairs)
