"""Who may see or change what: the one place every view, export and API endpoint asks.

Each `visible_*` function returns a queryset of what the person may see; `can_view` and
`can_change` answer for one object by asking the same querysets, so a list and its detail page can
never disagree. Views turn a "no" into a 404, so a person cannot even learn that another
organisation's record exists.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, cast

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from smile.accounts.models import Invitation, User
from smile.matching.models import PLACE_HOLDING_STATUSES, Pair, PairStatus
from smile.organisations.choices import Role
from smile.organisations.models import Membership, Organisation, Workplace
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme

AnyUser = User | AnonymousUser


@dataclass(frozen=True)
class Scope:
    """The organisations and workplaces a person acts for, read once per request."""

    user: User

    @cached_property
    def memberships(self) -> list[Membership]:
        return list(Membership.objects.filter(user=self.user).select_related("organisation"))

    def organisation_ids(self, role: str) -> set[int]:
        return {m.organisation_id for m in self.memberships if m.role == role}

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


def _scope(user: AnyUser) -> Scope | None:
    if not user.is_authenticated or not user.is_active:
        return None
    assert isinstance(user, User)
    cache = user.__dict__.setdefault("_smile_scope", {})
    if "scope" not in cache:
        cache["scope"] = Scope(user)
    scope: Scope = cache["scope"]
    return scope


def is_installation_admin(user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def roles_of(user: AnyUser) -> list[str]:
    """Every role the person holds, in the order their home pages are offered."""
    scope = _scope(user)
    if scope is None:
        return []
    held = {m.role for m in scope.memberships}
    held |= set(
        Enrolment.objects.filter(user=scope.user, status=EnrolmentStatus.ACTIVE).values_list(
            "role", flat=True
        )
    )
    if scope.user.is_superuser:
        held.add(Role.ADMINISTRATOR)
    order = [
        Role.ADEPT,
        Role.MENTOR,
        Role.TEACHER,
        Role.COORDINATOR,
        Role.MANAGER,
        Role.ADMINISTRATOR,
    ]
    return [str(role) for role in order if role in held]


# --- programmes ------------------------------------------------------------------------------


def visible_programmes(user: AnyUser) -> QuerySet[Programme]:
    scope = _scope(user)
    if scope is None:
        return Programme.objects.none()
    if scope.user.is_superuser:
        return Programme.objects.all()
    coordinating = scope.organisation_ids(Role.COORDINATOR)
    teaching = scope.organisation_ids(Role.TEACHER)
    q = Q(owner_id__in=coordinating) | Q(partners__in=coordinating | teaching)
    q |= Q(enrolments__user=scope.user)
    q |= Q(enrolments__workplace__in=Workplace.objects.filter(scope.managed_workplace_q))
    return Programme.objects.filter(pk__in=Programme.objects.filter(q).values("pk"))


def changeable_programmes(user: AnyUser) -> QuerySet[Programme]:
    scope = _scope(user)
    if scope is None:
        return Programme.objects.none()
    if scope.user.is_superuser:
        return Programme.objects.all()
    return Programme.objects.filter(owner_id__in=scope.organisation_ids(Role.COORDINATOR))


# --- organisations and workplaces ------------------------------------------------------------


def visible_organisations(user: AnyUser) -> QuerySet[Organisation]:
    scope = _scope(user)
    if scope is None:
        return Organisation.objects.none()
    if scope.user.is_superuser:
        return Organisation.objects.all()
    own = {m.organisation_id for m in scope.memberships}
    programmes = visible_programmes(user)
    q = Q(pk__in=own) | Q(managed_by_id__in=scope.organisation_ids(Role.COORDINATOR))
    q |= Q(owned_programmes__in=programmes) | Q(partner_programmes__in=programmes)
    return Organisation.objects.filter(pk__in=Organisation.objects.filter(q).values("pk"))


def changeable_organisations(user: AnyUser) -> QuerySet[Organisation]:
    scope = _scope(user)
    if scope is None:
        return Organisation.objects.none()
    if scope.user.is_superuser:
        return Organisation.objects.all()
    coordinating = scope.organisation_ids(Role.COORDINATOR)
    return Organisation.objects.filter(Q(pk__in=coordinating) | Q(managed_by_id__in=coordinating))


def visible_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    scope = _scope(user)
    if scope is None:
        return Workplace.objects.none()
    if scope.user.is_superuser:
        return Workplace.objects.all()
    q = scope.managed_workplace_q
    q |= Q(
        organisation__in=visible_organisations(user).filter(
            Q(pk__in=scope.organisation_ids(Role.COORDINATOR))
            | Q(managed_by_id__in=scope.organisation_ids(Role.COORDINATOR))
            | Q(partner_programmes__in=changeable_programmes(user))
        )
    )
    q |= Q(enrolments__user=scope.user)
    q |= Q(enrolments__in=visible_enrolments(user))
    return Workplace.objects.filter(pk__in=Workplace.objects.filter(q).values("pk"))


def managed_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    """The workplaces a manager answers for (all of her employer's, or the one she is given)."""
    scope = _scope(user)
    if scope is None:
        return Workplace.objects.none()
    return Workplace.objects.filter(scope.managed_workplace_q)


def changeable_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    return Workplace.objects.filter(organisation__in=changeable_organisations(user))


# --- enrolments (people in programmes) -------------------------------------------------------


def visible_enrolments(user: AnyUser) -> QuerySet[Enrolment]:
    """Named people in programmes. Managers see aggregates only, so they get no rows here."""
    scope = _scope(user)
    if scope is None:
        return Enrolment.objects.none()
    if scope.user.is_superuser:
        return Enrolment.objects.all()
    coordinating = scope.organisation_ids(Role.COORDINATOR)
    teaching = scope.organisation_ids(Role.TEACHER)
    q = Q(user=scope.user)
    q |= Q(programme__owner_id__in=coordinating) | Q(programme__partners__in=coordinating)
    q |= Q(role=EnrolmentRole.ADEPT, education_provider_id__in=teaching)
    live = Pair.objects.filter(status__in=PLACE_HOLDING_STATUSES)
    # A mentor sees her own adepts (proposed ones too, to answer); an adept sees her mentor.
    q |= Q(pk__in=live.filter(mentor__user=scope.user).values("adept"))
    q |= Q(pk__in=live.filter(adept__user=scope.user).values("mentor"))
    return Enrolment.objects.filter(pk__in=Enrolment.objects.filter(q).values("pk"))


def changeable_enrolments(user: AnyUser) -> QuerySet[Enrolment]:
    return Enrolment.objects.filter(programme__in=changeable_programmes(user))


def visible_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Pairs whose both sides the person may see; unpublished suggestions only to coordinators."""
    enrolments = visible_enrolments(user)
    pairs = Pair.objects.filter(mentor__in=enrolments, adept__in=enrolments)
    coordinated = changeable_programmes(user)
    return pairs.filter(~Q(status=PairStatus.DRAFT) | Q(programme__in=coordinated))


def changeable_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Pairs a coordinator steers: publish, pause, end, re-match."""
    return Pair.objects.filter(programme__in=changeable_programmes(user))


def can_edit_profile(user: AnyUser, enrolment: Enrolment) -> bool:
    """A matching profile is filled in by its owner or by the programme's coordinators."""
    if not user.is_authenticated:
        return False
    return enrolment.user_id == user.pk or can_change(user, enrolment)


def visible_invitations(user: AnyUser) -> QuerySet[Invitation]:
    return Invitation.objects.filter(organisation__in=changeable_organisations(user))


# --- one object ------------------------------------------------------------------------------

_VISIBLE: dict[type[Model], Callable[[AnyUser], QuerySet[Any]]] = {
    Programme: visible_programmes,
    Organisation: visible_organisations,
    Workplace: visible_workplaces,
    Enrolment: visible_enrolments,
    Pair: visible_pairs,
    Invitation: visible_invitations,
}
_CHANGEABLE: dict[type[Model], Callable[[AnyUser], QuerySet[Any]]] = {
    Programme: changeable_programmes,
    Organisation: changeable_organisations,
    Workplace: changeable_workplaces,
    Enrolment: changeable_enrolments,
    Invitation: visible_invitations,
    Pair: changeable_pairs,
}


def can_view(user: AnyUser, obj: Model) -> bool:
    finder = _VISIBLE.get(type(obj))
    return finder is not None and finder(user).filter(pk=obj.pk).exists()


def can_change(user: AnyUser, obj: Model) -> bool:
    finder = _CHANGEABLE.get(type(obj))
    return finder is not None and finder(user).filter(pk=obj.pk).exists()


def get_visible_or_404[M: Model](user: AnyUser, model: type[M], pk: Any) -> M:
    obj = cast(M | None, _VISIBLE[model](user).filter(pk=pk).first())
    if obj is None:
        raise Http404
    return obj


def get_changeable_or_404[M: Model](user: AnyUser, model: type[M], pk: Any) -> M:
    obj = cast(M | None, _CHANGEABLE[model](user).filter(pk=pk).first())
    if obj is None:
        raise Http404
    return obj


def can_coordinate(user: AnyUser) -> bool:
    scope = _scope(user)
    return scope is not None and (
        scope.user.is_superuser or bool(scope.organisation_ids(Role.COORDINATOR))
    )
