"""Reads for the coordinator's matching page; the same few queries whatever the cohort size."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.safestring import SafeString

from smile.matching.engine import adept_unmatched_filter, run_is_busy
from smile.matching.labels import CRITERION_LABELS, rule_label
from smile.matching.models import (
    LIVE_PAIR_STATUSES,
    PLACE_HOLDING_STATUSES,
    MatchingRun,
    Pair,
    PairStatus,
    effective_capacity,
    profile_of,
)
from smile.matching.reasons import REASON_RELATED, match_reasons, scored_criteria
from smile.matching.scoring import CRITERIA
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme


@dataclass
class CriterionScore:
    label: str
    points: float
    max: float


@dataclass
class DraftRow:
    pair: Pair
    criteria: list[CriterionScore]
    # The reasons in words; every one, sensitive wishes too: the page is the coordinator's.
    reasons: list[SafeString] = field(default_factory=list)


@dataclass
class MentorReason:
    mentor: str
    reasons: list[str]


@dataclass
class UnmatchedRow:
    enrolment: Enrolment
    reasons: list[MentorReason] = field(default_factory=list)


@dataclass
class MentorRow:
    enrolment: Enrolment
    capacity: int
    taken: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.taken, 0)


@dataclass
class Overview:
    run: MatchingRun | None
    drafts: list[DraftRow]
    unmatched: list[UnmatchedRow]
    mentors: list[MentorRow]

    @property
    def busy(self) -> bool:
        return run_is_busy(self.run)

    @property
    def free_mentors(self) -> list[MentorRow]:
        return [m for m in self.mentors if m.free > 0]


def with_live_pair_counts(programmes: QuerySet[Programme]) -> QuerySet[Programme]:
    """The programmes, each with `live_pair_count` (in the same query)."""
    return programmes.annotate(
        live_pair_count=Count(
            "pairs", filter=Q(pairs__status__in=LIVE_PAIR_STATUSES), distinct=True
        )
    )


def latest_run(*, programme: Programme) -> MatchingRun | None:
    return MatchingRun.objects.filter(programme=programme).order_by("-created_at", "-pk").first()


def draft_pairs(*, programme: Programme) -> QuerySet[Pair]:
    return (
        Pair.objects.filter(programme=programme, status=PairStatus.DRAFT)
        .select_related("adept__user", "mentor__user", *REASON_RELATED)
        .order_by("adept__user__full_name", "pk")
    )


def unmatched_adepts(*, programme: Programme) -> QuerySet[Enrolment]:
    """Active adepts with neither a mentor nor a suggested one."""
    return (
        Enrolment.objects.filter(
            programme=programme, role=EnrolmentRole.ADEPT, status=EnrolmentStatus.ACTIVE
        )
        .filter(adept_unmatched_filter())
        .select_related("user")
        .order_by("user__full_name", "pk")
    )


def mentors_with_places(*, programme: Programme) -> list[MentorRow]:
    """Active mentors with their capacity and the places taken by live and suggested pairs."""
    held = [*PLACE_HOLDING_STATUSES, PairStatus.DRAFT]
    mentors = (
        Enrolment.objects.filter(
            programme=programme, role=EnrolmentRole.MENTOR, status=EnrolmentStatus.ACTIVE
        )
        .select_related("user", "matching_profile")
        .annotate(taken=Count("pairs_as_mentor", filter=Q(pairs_as_mentor__status__in=held)))
        .order_by("user__full_name", "pk")
    )
    rows = []
    for mentor in mentors:
        capacity = effective_capacity(profile_of(mentor), programme)
        rows.append(MentorRow(enrolment=mentor, capacity=capacity, taken=mentor.taken))
    return rows


def _criteria(pair: Pair) -> list[CriterionScore]:
    breakdown = pair.breakdown if isinstance(pair.breakdown, dict) else {}
    return [
        CriterionScore(
            label=str(CRITERION_LABELS[name]),
            points=breakdown[name].get("points", 0),
            max=breakdown[name].get("max", 0),
        )
        for name in CRITERIA
        if isinstance(breakdown.get(name), dict)
    ]


def matching_overview(*, programme: Programme) -> Overview:
    run = latest_run(programme=programme)
    mentors = mentors_with_places(programme=programme)
    names = {m.enrolment.pk: m.enrolment.user.full_name for m in mentors}
    reasons = run.unmatched_reasons if run and isinstance(run.unmatched_reasons, dict) else {}
    unmatched = []
    for adept in unmatched_adepts(programme=programme):
        found = reasons.get(str(adept.pk), {})
        unmatched.append(
            UnmatchedRow(
                enrolment=adept,
                reasons=[
                    MentorReason(names[int(mid)], [rule_label(c) for c in codes])
                    for mid, codes in found.items()
                    if int(mid) in names
                ],
            )
        )
    drafts = [
        DraftRow(pair=p, criteria=_criteria(p), reasons=match_reasons(p, scored_criteria(p)))
        for p in draft_pairs(programme=programme)
    ]
    return Overview(run=run, drafts=drafts, unmatched=unmatched, mentors=mentors)
