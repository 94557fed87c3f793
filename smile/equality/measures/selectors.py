"""Reads of active measures. They return data and never decide who may see it (see access.py)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core.actor import AnyUser
from smile.equality import access
from smile.equality.models import (
    CYCLE_ORDER,
    SEVEN_GROUNDS,
    Area,
    CycleStatus,
    Ground,
    Measure,
    MeasureCycle,
    MeasureStatus,
    RiskFinding,
)
from smile.organisations.models import Workplace

REMIND_DAYS_BEFORE = 7


def visible_workplaces(*, user: AnyUser) -> QuerySet[Workplace]:
    return access.measures_visible_workplaces(user).select_related("organisation")


def editable_workplaces(*, user: AnyUser) -> QuerySet[Workplace]:
    return access.measures_editable_workplaces(user).select_related("organisation")


@dataclass(frozen=True)
class WorkplaceCycles:
    workplace: Workplace
    cycles: list[MeasureCycle]
    editable: bool


def workplace_cycles(*, user: AnyUser) -> list[WorkplaceCycles]:
    """The workplaces she may read, each with its cycles (newest year first). Three queries."""
    workplaces = list(visible_workplaces(user=user).order_by("organisation__name", "name"))
    editable = set(access.measures_editable_workplaces(user).values_list("pk", flat=True))
    cycles: dict[int, list[MeasureCycle]] = {}
    for cycle in MeasureCycle.objects.filter(workplace__in=[w.pk for w in workplaces]).order_by(
        "-year"
    ):
        cycles.setdefault(cycle.workplace_id, []).append(cycle)
    return [
        WorkplaceCycles(workplace=w, cycles=cycles.get(w.pk, []), editable=w.pk in editable)
        for w in workplaces
    ]


def owner_choices(*, workplace: Workplace) -> QuerySet[User]:
    """Who may own a measure: the people of the employer organisation."""
    return (
        User.objects.filter(is_active=True, memberships__organisation_id=workplace.organisation_id)
        .distinct()
        .order_by("full_name")
    )


def next_status(cycle: MeasureCycle) -> str | None:
    index = CYCLE_ORDER.index(cycle.status)
    return CYCLE_ORDER[index + 1] if index + 1 < len(CYCLE_ORDER) else None


@dataclass(frozen=True)
class GroundRow:
    ground: str
    label: str
    findings: list[RiskFinding]


@dataclass(frozen=True)
class MeasureRow:
    measure: Measure
    owner_name: str
    overdue: bool


@dataclass(frozen=True)
class CyclePage:
    cycle: MeasureCycle
    steps: list[tuple[str, str, str]]  # (value, label, "done" | "current" | "later")
    grid: list[GroundRow]
    findings: list[RiskFinding]
    risks: list[RiskFinding]
    measures: list[MeasureRow]
    next_status: str | None
    next_label: str


def findings_of(cycle: MeasureCycle) -> list[RiskFinding]:
    return list(cycle.findings.order_by("pk"))


def cycle_page(*, cycle: MeasureCycle, today: date | None = None) -> CyclePage:
    """Everything the cycle's page shows. Two queries (findings, measures with their owners)."""
    today = today or timezone.localdate()
    findings = findings_of(cycle)
    by_cell = {(f.ground, f.area): f for f in findings}
    areas = list(Area.values)
    grid = [
        GroundRow(
            ground=ground,
            label=str(Ground(ground).label),
            findings=[by_cell[(ground, area)] for area in areas if (ground, area) in by_cell],
        )
        for ground in SEVEN_GROUNDS
    ]
    current = CYCLE_ORDER.index(cycle.status)
    steps = [
        (
            value,
            str(CycleStatus(value).label),
            "done"
            if i < current or cycle.status == CycleStatus.DONE
            else ("current" if i == current else "later"),
        )
        for i, value in enumerate(CYCLE_ORDER)
    ]
    measures = [
        MeasureRow(
            measure=m,
            owner_name=m.owner.full_name if m.owner else "",
            overdue=m.status != MeasureStatus.DONE and m.due_on < today,
        )
        for m in cycle.measures.select_related("owner").order_by("due_on", "pk")
    ]
    following = next_status(cycle)
    return CyclePage(
        cycle=cycle,
        steps=steps,
        grid=grid,
        findings=findings,
        risks=[f for f in findings if f.risk],
        measures=measures,
        next_status=following,
        next_label=str(CycleStatus(following).label) if following else "",
    )


def measures_statuses(
    workplaces: Iterable[Workplace], *, today: date | None = None
) -> dict[int, tuple[str, int, int]]:
    """For the manager's page, per workplace (by key): the status of its latest cycle (its
    label), how many of its measures are open, and how many of those are late. One query,
    however many workplaces: their cycles with the open measures counted (a cycle a year)."""
    today = today or timezone.localdate()
    ids = [w.pk for w in workplaces]
    open_ = ~Q(measures__status=MeasureStatus.DONE) & Q(measures__isnull=False)
    latest: dict[int, tuple[str, int, int]] = {}
    if ids:
        for cycle in (
            MeasureCycle.objects.filter(workplace_id__in=ids)
            .values("workplace_id", "year", "status")
            .annotate(
                open=Count("measures", filter=open_),
                overdue=Count("measures", filter=open_ & Q(measures__due_on__lt=today)),
            )
            .order_by("workplace_id", "-year")
        ):
            if cycle["workplace_id"] not in latest:
                label = f"{cycle['year']}: {CycleStatus(cycle['status']).label}"
                latest[cycle["workplace_id"]] = (label, cycle["open"], cycle["overdue"])
    return {pk: latest.get(pk, (_("Not started"), 0, 0)) for pk in ids}


def measures_status(workplace: Workplace, *, today: date | None = None) -> tuple[str, int, int]:
    """`measures_statuses` for one workplace."""
    return measures_statuses([workplace], today=today)[workplace.pk]
