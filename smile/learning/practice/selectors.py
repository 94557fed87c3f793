"""Reads for the practice part of learning. Every read goes through the access policies."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from smile.accounts.models import User
from smile.core import dates
from smile.learning import access
from smile.learning.models import (
    Level,
    Objective,
    PracticeCorrection,
    PracticeEntry,
    PracticeStatus,
    WorkplaceTask,
)
from smile.matching import access as matching_access
from smile.matching.home import HomeBasis, home_basis
from smile.programmes.models import Enrolment

HOME_LATEST = 3
ADEPT_PANEL_LATEST = 5


def _entries(user: User) -> QuerySet[PracticeEntry]:
    return access.visible_practice_entries(user).select_related(
        "enrolment__user", "task", "objective"
    )


def workplace_tasks(*, user: User, enrolment: Enrolment) -> list[WorkplaceTask]:
    """The tasks of her workplace, each with `her_objectives`: those of her curricula."""
    objectives = Objective.objects.filter(
        curriculum__programmes=enrolment.programme_id
    ).select_related("unit")
    return list(
        access.visible_workplace_tasks(user)
        .filter(workplace_id=enrolment.workplace_id)
        .prefetch_related(Prefetch("objectives", queryset=objectives, to_attr="her_objectives"))
        .order_by("title_sv")
    )


def programme_objectives(enrolment: Enrolment) -> list[Objective]:
    return list(
        Objective.objects.filter(curriculum__programmes=enrolment.programme_id)
        .select_related("curriculum", "unit")
        .order_by("curriculum__name_sv", "unit__order", "order", "code")
    )


def entries_of(*, user: User, enrolment: Enrolment) -> QuerySet[PracticeEntry]:
    return _entries(user).filter(enrolment=enrolment).order_by("-done_on", "-pk")


def to_confirm(user: User) -> QuerySet[PracticeEntry]:
    """Entries waiting for this mentor: those of his live adepts, oldest first."""
    adepts = matching_access.workable_pairs(user).filter(mentor__user=user).values("adept")
    return (
        _entries(user)
        .filter(status=PracticeStatus.SUBMITTED, enrolment__in=adepts)
        .order_by("done_on", "created_at", "pk")
    )


@dataclass(frozen=True)
class CorrectionRow:
    field: str
    old: str
    new: str
    reason: str
    by: str
    at: Any


def _shown(field: str, value: str) -> str:
    if not value:
        return "–"
    if field == "done_on":
        return dates.day(date.fromisoformat(value))
    if field == "mentor_level" and value.isdigit() and int(value) in Level.values:
        return str(Level(int(value)).label)
    return value


def corrections(entry: PracticeEntry) -> list[CorrectionRow]:
    rows = PracticeCorrection.objects.filter(entry=entry).select_related("by").order_by("at")
    return [
        CorrectionRow(
            field=row.field,
            old=_shown(row.field, row.old_value),
            new=_shown(row.field, row.new_value),
            reason=row.reason,
            by=row.by.full_name,
            at=row.at,
        )
        for row in rows
    ]


def _week_start() -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday())


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """What the home of this role ("adept", "mentor" or "teacher") shows of this part.

    One query (none for a mentor without a live pair): the adept's latest entries, the count
    waiting for the mentor, the teacher's counts of the week.
    """
    basis = basis or home_basis(user=user, role=role)
    if role == "adept":
        active = basis.active_enrolments
        if not active:
            return {}
        # Her newest placement; of two that start the same day, the older record.
        newest = max(e.starts_on for e in active)
        enrolment = min((e for e in active if e.starts_on == newest), key=lambda e: e.pk)
        latest = list(
            PracticeEntry.objects.filter(enrolment_id=enrolment.pk)
            .select_related("task")
            .order_by("-done_on", "-pk")[:HOME_LATEST]
        )
        return {"role": role, "enrolment": enrolment, "latest": latest}
    if role == "mentor":
        adepts = basis.learner_ids
        count = (
            PracticeEntry.objects.filter(
                status=PracticeStatus.SUBMITTED, enrolment_id__in=adepts
            ).count()
            if adepts
            else 0
        )
        return {"role": role, "to_confirm": count} if count else {}
    if role == "teacher":
        since = timezone.make_aware(datetime.combine(_week_start(), time.min))
        counts = PracticeEntry.objects.filter(
            enrolment__in=access.enrolments_as(user, {access.TEACHER})
        ).aggregate(
            confirmed=Count(
                "pk", filter=Q(status=PracticeStatus.CONFIRMED, reviewed_at__gte=since)
            ),
            waiting=Count("pk", filter=Q(status=PracticeStatus.SUBMITTED)),
        )
        if not counts["confirmed"] and not counts["waiting"]:
            return {}
        return {"role": role, **counts}
    return {}


def for_adept(*, user: User, enrolment: Enrolment) -> dict[str, Any]:
    """What the adept's learning page shows of this part, for this reader."""
    entries = entries_of(user=user, enrolment=enrolment)
    latest = list(entries[: ADEPT_PANEL_LATEST + 1])
    is_adept = enrolment.user_id == user.pk
    if not latest and not is_adept:
        return {}
    return {
        "enrolment": enrolment,
        "latest": latest[:ADEPT_PANEL_LATEST],
        "more": len(latest) > ADEPT_PANEL_LATEST,
        "is_adept": is_adept,
    }
