"""What each role's home page shows. Every read goes through the access module."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from smile.accounts.models import User
from smile.matching.home import HomeBasis, home_basis
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
from smile.programmes.models import Enrolment, EnrolmentStatus, Programme
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


def adept_home(*, user: User, basis: HomeBasis | None = None) -> AdeptHome:
    """Her placements, her mentor (or the proposal) and whom to turn to: one query on top of the
    basis (her enrolments and pairs, shared with the panels)."""
    basis = basis or home_basis(user=user, role="adept")
    enrolments = basis.active_enrolments
    # Who to turn to if something is wrong: the coordinators of the programmes' owners.
    owners = sorted({e.programme.owner_id for e in enrolments})
    contacts = (
        list(
            Membership.objects.filter(
                role=Role.COORDINATOR, organisation__in=owners
            ).select_related("user", "organisation")
        )
        if owners
        else []
    )
    return AdeptHome(
        enrolments=enrolments,
        mentors=basis.live_pairs,
        contacts=contacts,
        proposals=basis.proposals,
    )


def mentor_home(*, user: User, basis: HomeBasis | None = None) -> MentorHome:
    """Her adepts, proposals and free places: no query on top of the basis."""
    basis = basis or home_basis(user=user, role="mentor")
    enrolments = basis.active_enrolments
    pairs = basis.live_pairs
    capacity = sum(effective_capacity(profile_of(e), e.programme) for e in enrolments)
    return MentorHome(
        enrolments=enrolments,
        pairs=pairs,
        proposals=basis.proposals,
        capacity=capacity,
        free_places=max(capacity - len(pairs), 0),
    )


def teacher_home(*, user: User) -> TeacherHome:
    """The adepts of her schools, with whether each has a mentor (one query)."""
    adepts = list(
        programmes_access.school_adepts(user)
        .select_related("user", "programme", "workplace__organisation")
        # Whether she has a mentor: a subquery, so the row needs no GROUP BY over its joins.
        .annotate(
            live_mentors=Exists(
                Pair.objects.filter(adept=OuterRef("pk"), status__in=LIVE_PAIR_STATUSES)
            )
        )
        .order_by("programme__name", "user__full_name")
    )
    return TeacherHome(adepts=adepts)


def programme_overview(*, user: User) -> QuerySet[Programme]:
    """The programmes she may see, with their people and live pairs (one query)."""
    return with_live_pair_counts(programme_list(user=user))


def coordinator_programmes(*, user: User) -> QuerySet[Programme]:
    """Her programmes with their counts, and the pairs that wait for someone: suggested pairs she
    has not published yet, and published proposals not yet accepted by both sides (in the same
    query)."""
    return (
        programme_overview(user=user)
        .filter(
            Q(owner__memberships__user=user, owner__memberships__role=Role.COORDINATOR)
            | Q(partners__memberships__user=user, partners__memberships__role=Role.COORDINATOR)
        )
        .annotate(
            draft_pair_count=Count(
                "pairs", filter=Q(pairs__status=PairStatus.DRAFT), distinct=True
            ),
            proposed_pair_count=Count(
                "pairs", filter=Q(pairs__status=PairStatus.PROPOSED), distinct=True
            ),
        )
        .distinct()
    )


def pairs_waiting(programmes: Sequence[Programme]) -> list[Programme]:
    """Of her programmes, those with suggested pairs to publish or proposals to be answered."""
    return [
        p
        for p in programmes
        if getattr(p, "draft_pair_count", 0) or getattr(p, "proposed_pair_count", 0)
    ]


def something_waits(*, learning: dict[str, Any], mentoring: dict[str, Any] | None = None) -> bool:
    """Whether anything on a mentor's or a teacher's home waits for her: practice entries or hours
    to confirm, a plan or a review to sign, her own things to do, a reflection to write."""
    mentoring = mentoring or {}
    return bool(
        learning.get("practice", {}).get("to_confirm")
        or learning.get("hours", {}).get("count")
        or learning.get("plans", {}).get("waiting")
        or learning.get("reviews", {}).get("to_sign")
        or mentoring.get("logs", {}).get("mine")
        or mentoring.get("closing", {}).get("asks")
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
