"""What each role's home page shows. Every read goes through the access module."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from smile.accounts.models import User
from smile.matching import access as matching_access
from smile.matching.models import (
    LIVE_PAIR_STATUSES,
    Pair,
    PairStatus,
    effective_capacity,
    profile_of,
)
from smile.matching.selectors import with_live_pair_counts
from smile.organisations import access as organisations_access
from smile.organisations.choices import Role
from smile.organisations.models import Membership, Workplace
from smile.programmes import access as programmes_access
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme
from smile.programmes.selectors import programme_list


@dataclass
class AdeptHome:
    enrolments: list[Enrolment]
    mentors: list[Pair]
    contacts: list[Membership]
    # Proposals waiting for her answer (or the mentor's), shown apart from the live pairs.
    proposals: list[Pair] = field(default_factory=list)


@dataclass
class MentorHome:
    enrolments: list[Enrolment]
    pairs: list[Pair]
    capacity: int = 0
    free_places: int = 0
    proposals: list[Pair] = field(default_factory=list)


@dataclass
class TeacherHome:
    adepts: Sequence[Enrolment] = field(default_factory=list)


def adept_home(*, user: User) -> AdeptHome:
    enrolments = list(
        Enrolment.objects.filter(
            user=user, role=EnrolmentRole.ADEPT, status=EnrolmentStatus.ACTIVE
        ).select_related("programme__owner", "workplace__organisation", "education_provider")
    )
    mentors = list(
        matching_access.visible_pairs(user)
        .filter(adept__user=user, status__in=LIVE_PAIR_STATUSES)
        .select_related("mentor__user", "mentor__workplace", "programme")
    )
    # Who to turn to if something is wrong: the coordinators of the programmes' owners.
    contacts = list(
        Membership.objects.filter(
            role=Role.COORDINATOR,
            organisation__in=[e.programme.owner_id for e in enrolments],
        ).select_related("user", "organisation")
    )
    proposals = list(
        matching_access.visible_pairs(user)
        .filter(adept__user=user, status=PairStatus.PROPOSED)
        .select_related("mentor__user", "mentor__workplace", "programme")
    )
    return AdeptHome(enrolments=enrolments, mentors=mentors, contacts=contacts, proposals=proposals)


def mentor_home(*, user: User) -> MentorHome:
    enrolments = list(
        Enrolment.objects.filter(
            user=user, role=EnrolmentRole.MENTOR, status=EnrolmentStatus.ACTIVE
        ).select_related("programme", "workplace__organisation", "matching_profile")
    )
    pairs = list(
        matching_access.visible_pairs(user)
        .filter(mentor__user=user, status__in=LIVE_PAIR_STATUSES)
        .select_related("adept__user", "adept__workplace", "adept__education_provider", "programme")
        .order_by("adept__user__full_name")
    )
    proposals = list(
        matching_access.visible_pairs(user)
        .filter(mentor__user=user, status=PairStatus.PROPOSED)
        .select_related("adept__user", "adept__workplace", "programme")
        .order_by("adept__user__full_name")
    )
    capacity = sum(effective_capacity(profile_of(e), e.programme) for e in enrolments)
    return MentorHome(
        enrolments=enrolments,
        pairs=pairs,
        proposals=proposals,
        capacity=capacity,
        free_places=max(capacity - len(pairs), 0),
    )


def teacher_home(*, user: User) -> TeacherHome:
    teaching = Membership.objects.filter(user=user, role=Role.TEACHER).values("organisation")
    adepts = list(
        programmes_access.visible_enrolments(user)
        .filter(role=EnrolmentRole.ADEPT, education_provider__in=teaching)
        .select_related("user", "programme", "workplace__organisation")
        .annotate(
            live_mentors=Count(
                "pairs_as_adept", filter=Q(pairs_as_adept__status__in=LIVE_PAIR_STATUSES)
            )
        )
        .order_by("programme__name", "user__full_name")
    )
    return TeacherHome(adepts=adepts)


def programme_overview(*, user: User) -> QuerySet[Programme]:
    """The programmes she may see, with their people and live pairs (one query)."""
    return with_live_pair_counts(programme_list(user=user))


def coordinator_programmes(*, user: User) -> QuerySet[Programme]:
    return (
        programme_overview(user=user)
        .filter(
            Q(owner__memberships__user=user, owner__memberships__role=Role.COORDINATOR)
            | Q(partners__memberships__user=user, partners__memberships__role=Role.COORDINATOR)
        )
        .distinct()
    )


def manager_workplaces(*, user: User) -> QuerySet[Workplace]:
    """Aggregates only: a manager sees how many, never who."""
    active = Q(enrolments__status=EnrolmentStatus.ACTIVE)
    return (
        organisations_access.managed_workplaces(user)
        .select_related("organisation")
        .annotate(
            adept_count=Count(
                "enrolments", filter=active & Q(enrolments__role="adept"), distinct=True
            ),
            mentor_count=Count(
                "enrolments", filter=active & Q(enrolments__role="mentor"), distinct=True
            ),
            live_pair_count=Count(
                "enrolments__pairs_as_adept",
                filter=Q(enrolments__pairs_as_adept__status__in=LIVE_PAIR_STATUSES),
                distinct=True,
            ),
        )
    )
