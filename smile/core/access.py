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
from smile.learning.models import (
    Curriculum,
    HoursEntry,
    LearningPlan,
    PracticeEntry,
    Review,
    Term,
    WorkplaceTask,
)
from smile.matching.models import LIVE_PAIR_STATUSES, PLACE_HOLDING_STATUSES, Pair, PairStatus
from smile.mentoring.models import (
    ActionItem,
    LifeSituationCheckIn,
    Meeting,
    MeetingLog,
    Reflection,
)
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
    # Her own pairs stay readable after they end: the history and the closing reflections.
    q = Q(mentor__in=enrolments, adept__in=enrolments) | Q(pk__in=own_pairs(user).values("pk"))
    coordinated = changeable_programmes(user)
    return Pair.objects.filter(q).filter(~Q(status=PairStatus.DRAFT) | Q(programme__in=coordinated))


def changeable_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Pairs a coordinator steers: publish, pause, end, re-match."""
    return Pair.objects.filter(programme__in=changeable_programmes(user))


def can_edit_profile(user: AnyUser, enrolment: Enrolment) -> bool:
    """A matching profile is filled in by its owner or by the programme's coordinators."""
    if not user.is_authenticated:
        return False
    return enrolment.user_id == user.pk or can_change(user, enrolment)


# --- mentoring -------------------------------------------------------------------------------


def own_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Pairs in which the person is the adept or the mentor."""
    if not user.is_authenticated:
        return Pair.objects.none()
    return Pair.objects.filter(Q(adept__user=user) | Q(mentor__user=user))


def workable_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Live pairs in which the person is a side: she may plan, log and follow up their work."""
    return own_pairs(user).filter(status__in=LIVE_PAIR_STATUSES)


def visible_meetings(user: AnyUser) -> QuerySet[Meeting]:
    return Meeting.objects.filter(pair__in=visible_pairs(user))


def changeable_meetings(user: AnyUser) -> QuerySet[Meeting]:
    """A meeting is answered, moved or cancelled by the two people of a live pair."""
    return Meeting.objects.filter(pair__in=workable_pairs(user))


def visible_meeting_logs(user: AnyUser) -> QuerySet[MeetingLog]:
    """The pair and the programme's coordinators; the notes themselves: see `can_read_notes`."""
    return MeetingLog.objects.filter(
        Q(pair__in=own_pairs(user)) | Q(pair__programme__in=changeable_programmes(user))
    )


def changeable_meeting_logs(user: AnyUser) -> QuerySet[MeetingLog]:
    return MeetingLog.objects.filter(pair__in=workable_pairs(user))


def can_read_notes(user: AnyUser, log: MeetingLog) -> bool:
    """Free notes are the pair's own, unless they marked them for the coordinator."""
    if own_pairs(user).filter(pk=log.pair_id).exists():
        return True
    return log.notes_for_coordinator and can_change(user, log.pair)


def visible_action_items(user: AnyUser) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(
        Q(pair__in=own_pairs(user)) | Q(pair__programme__in=changeable_programmes(user))
    )


def changeable_action_items(user: AnyUser) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(pair__in=workable_pairs(user))


def visible_life_checkins(user: AnyUser) -> QuerySet[LifeSituationCheckIn]:
    """Sensitive: the adept herself; her mentor only if she shares with him; the coordinator
    only the check-ins where she asked for support (and then only the parts she shared).

    Every read of one of these must be logged (`smile.privacy.services.access_record`).
    """
    scope = _scope(user)
    if scope is None:
        return LifeSituationCheckIn.objects.none()
    mentor_of = Pair.objects.filter(mentor__user=scope.user, status__in=LIVE_PAIR_STATUSES)
    q = Q(enrolment__user=user)
    q |= Q(share_with_mentor=True, enrolment__in=mentor_of.values("adept"))
    # Coordinators by membership only: an installation administrator is no reader of these.
    coordinated = Programme.objects.filter(owner_id__in=scope.organisation_ids(Role.COORDINATOR))
    q |= Q(support_requested=True, enrolment__programme__in=coordinated)
    return LifeSituationCheckIn.objects.filter(q)


def changeable_life_checkins(user: AnyUser) -> QuerySet[LifeSituationCheckIn]:
    """Only the adept changes or deletes her own answers."""
    if not user.is_authenticated:
        return LifeSituationCheckIn.objects.none()
    return LifeSituationCheckIn.objects.filter(enrolment__user=user)


def visible_reflections(user: AnyUser) -> QuerySet[Reflection]:
    """Her own reflection always; the other side's (and the coordinator's view) once both wrote."""
    if not user.is_authenticated:
        return Reflection.objects.none()
    both = Pair.objects.filter(reflections__side="adept").filter(reflections__side="mentor")
    q = Q(author=user, pair__in=own_pairs(user))
    q |= Q(pair__in=both) & (
        Q(pair__in=own_pairs(user)) | Q(pair__programme__in=changeable_programmes(user))
    )
    return Reflection.objects.filter(q)


# --- learning --------------------------------------------------------------------------------


def visible_curricula(user: AnyUser) -> QuerySet[Curriculum]:
    """Curricula are no secret inside a programme: its people and the owner's staff read them."""
    scope = _scope(user)
    if scope is None:
        return Curriculum.objects.none()
    if scope.user.is_superuser:
        return Curriculum.objects.all()
    q = Q(organisation_id__in={m.organisation_id for m in scope.memberships})
    q |= Q(programmes__in=visible_programmes(user))
    return Curriculum.objects.filter(pk__in=Curriculum.objects.filter(q).values("pk"))


def changeable_curricula(user: AnyUser) -> QuerySet[Curriculum]:
    """Teachers and coordinators of the owning organisation (or of the one managing it) edit."""
    scope = _scope(user)
    if scope is None:
        return Curriculum.objects.none()
    if scope.user.is_superuser:
        return Curriculum.objects.all()
    editors = scope.organisation_ids(Role.COORDINATOR) | scope.organisation_ids(Role.TEACHER)
    coordinating = scope.organisation_ids(Role.COORDINATOR)
    return Curriculum.objects.filter(
        Q(organisation_id__in=editors) | Q(organisation__managed_by_id__in=coordinating)
    )


def visible_workplace_tasks(user: AnyUser) -> QuerySet[WorkplaceTask]:
    return WorkplaceTask.objects.filter(workplace__in=visible_workplaces(user))


def task_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    """Workplaces whose tasks and words the person may write: their coordinators, the mentors
    working there (they know the real tasks) and the teachers whose adepts are placed there."""
    scope = _scope(user)
    if scope is None:
        return Workplace.objects.none()
    if scope.user.is_superuser:
        return Workplace.objects.all()
    mentor_at = [m.workplace_id for m in scope.memberships if m.role == Role.MENTOR]
    teaching = scope.organisation_ids(Role.TEACHER)
    q = Q(pk__in=changeable_workplaces(user).values("pk")) | Q(pk__in=mentor_at)
    q |= Q(
        enrolments__role=EnrolmentRole.ADEPT,
        enrolments__education_provider_id__in=teaching,
    )
    return Workplace.objects.filter(pk__in=Workplace.objects.filter(q).values("pk"))


def changeable_workplace_tasks(user: AnyUser) -> QuerySet[WorkplaceTask]:
    return WorkplaceTask.objects.filter(workplace__in=task_workplaces(user))


def learning_enrolments(user: AnyUser) -> QuerySet[Enrolment]:
    """Adepts whose learning records the person may read: the adept herself, her mentor while
    they are a pair, the teachers of her school and the programme's coordinators."""
    return visible_enrolments(user).filter(role=EnrolmentRole.ADEPT)


def learning_roles(user: AnyUser, enrolment: Enrolment) -> set[str]:
    """In which capacities the person acts on this adept's learning: "adept", "mentor",
    "teacher", "coordinator" (a person may hold more than one)."""
    scope = _scope(user)
    if scope is None or enrolment.role != EnrolmentRole.ADEPT:
        return set()
    roles = set()
    if enrolment.user_id == scope.user.pk:
        roles.add("adept")
    if Pair.objects.filter(
        adept=enrolment, mentor__user=scope.user, status__in=LIVE_PAIR_STATUSES
    ).exists():
        roles.add("mentor")
    if enrolment.education_provider_id in scope.organisation_ids(Role.TEACHER):
        roles.add("teacher")
    if changeable_enrolments(user).filter(pk=enrolment.pk).exists():
        roles.add("coordinator")
    return roles


def visible_learning_plans(user: AnyUser) -> QuerySet[LearningPlan]:
    return LearningPlan.objects.filter(enrolment__in=learning_enrolments(user))


def visible_practice_entries(user: AnyUser) -> QuerySet[PracticeEntry]:
    return PracticeEntry.objects.filter(enrolment__in=learning_enrolments(user))


def visible_reviews(user: AnyUser) -> QuerySet[Review]:
    return Review.objects.filter(enrolment__in=learning_enrolments(user))


def visible_hours(user: AnyUser) -> QuerySet[HoursEntry]:
    return HoursEntry.objects.filter(enrolment__in=learning_enrolments(user))


def visible_terms(user: AnyUser) -> QuerySet[Term]:
    return Term.objects.filter(
        Q(curriculum__in=visible_curricula(user)) | Q(workplace__in=visible_workplaces(user))
    )


def changeable_terms(user: AnyUser) -> QuerySet[Term]:
    return Term.objects.filter(
        Q(curriculum__in=changeable_curricula(user)) | Q(workplace__in=task_workplaces(user))
    )


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
    Meeting: visible_meetings,
    MeetingLog: visible_meeting_logs,
    ActionItem: visible_action_items,
    LifeSituationCheckIn: visible_life_checkins,
    Reflection: visible_reflections,
    Curriculum: visible_curricula,
    WorkplaceTask: visible_workplace_tasks,
    LearningPlan: visible_learning_plans,
    PracticeEntry: visible_practice_entries,
    Review: visible_reviews,
    HoursEntry: visible_hours,
    Term: visible_terms,
}
_CHANGEABLE: dict[type[Model], Callable[[AnyUser], QuerySet[Any]]] = {
    Programme: changeable_programmes,
    Organisation: changeable_organisations,
    Workplace: changeable_workplaces,
    Enrolment: changeable_enrolments,
    Invitation: visible_invitations,
    Pair: changeable_pairs,
    Meeting: changeable_meetings,
    MeetingLog: changeable_meeting_logs,
    ActionItem: changeable_action_items,
    LifeSituationCheckIn: changeable_life_checkins,
    Curriculum: changeable_curricula,
    WorkplaceTask: changeable_workplace_tasks,
    Term: changeable_terms,
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
