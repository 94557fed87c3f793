"""Reads for the hours part of learning. Every read goes through the access policies.

Pages read a fixed number of queries: a week's entries in one, the months' entries in one, the
months' confirmations in one, the hours to confirm in one, an export in three.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from smile.accounts.models import User
from smile.learning import access
from smile.learning.hours.services import WRITERS, month_end, month_start, totals
from smile.learning.models import HoursEntry, HoursKind, MonthConfirmation
from smile.matching.home import HomeBasis, home_basis
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.programmes import access as programmes_access
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus

MONTHS_SHOWN = 3
WAIT_BEFORE_REMINDER = timedelta(days=3)


def hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def own_enrolment(user: User) -> Enrolment | None:
    """The adept's own current placement (her latest active one), if she has one."""
    return (
        access.learning_enrolments(user)
        .filter(user=user, status=EnrolmentStatus.ACTIVE)
        .select_related("user", "programme", "workplace")
        .order_by("-starts_on", "-pk")
        .first()
    )


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass
class Day:
    day: date
    entries: list[HoursEntry]


@dataclass
class Month:
    month: date
    theory_hours: float
    workplace_hours: float
    entries: int
    unconfirmed: int
    confirmation: MonthConfirmation | None
    can_confirm: bool

    @property
    def over(self) -> bool:
        return month_end(self.month) < timezone.localdate()


@dataclass
class HoursPage:
    enrolment: Enrolment
    roles: set[str]
    week: date
    days: list[Day]
    months: list[Month]
    can_write: bool
    today: date = field(default_factory=timezone.localdate)

    @property
    def previous_week(self) -> date:
        return self.week - timedelta(days=7)

    @property
    def next_week(self) -> date | None:
        following = self.week + timedelta(days=7)
        return following if following <= self.today else None

    @property
    def is_adept(self) -> bool:
        return "adept" in self.roles


def months_of(enrolment: Enrolment, roles: set[str], today: date) -> list[Month]:
    """This month and the ones before, newest first, with their totals (two queries)."""
    first = month_start(today)
    starts = [first]
    for _ in range(MONTHS_SHOWN - 1):
        starts.append(month_start(starts[-1] - timedelta(days=1)))
    entries = list(
        HoursEntry.objects.filter(enrolment=enrolment, day__gte=starts[-1], day__lte=today)
    )
    confirmations = {
        c.month: c for c in MonthConfirmation.objects.filter(enrolment=enrolment, month__in=starts)
    }
    by_month: dict[date, list[HoursEntry]] = defaultdict(list)
    for entry in entries:
        by_month[month_start(entry.day)].append(entry)
    months = []
    for start in starts:
        sums = totals(by_month[start])
        confirmation = confirmations.get(start)
        if confirmation is not None:
            theory, workplace = confirmation.theory_minutes, confirmation.workplace_minutes
        else:
            theory, workplace = sums.theory_minutes, sums.workplace_minutes
        months.append(
            Month(
                month=start,
                theory_hours=hours(theory),
                workplace_hours=hours(workplace),
                entries=sums.entries,
                unconfirmed=sums.unconfirmed,
                confirmation=confirmation,
                can_confirm="adept" in roles
                and confirmation is None
                and sums.entries > 0
                and sums.unconfirmed == 0
                and month_end(start) < today,
            )
        )
    return months


def hours_page(*, user: User, enrolment: Enrolment, week: date | None = None) -> HoursPage:
    today = timezone.localdate()
    monday = week_start(min(week or today, today))
    roles = access.learning_roles(user, enrolment)
    entries = list(
        HoursEntry.objects.filter(
            enrolment=enrolment, day__gte=monday, day__lt=monday + timedelta(days=7)
        )
    )
    days = [Day(day=monday + timedelta(days=i), entries=[]) for i in range(7)]
    for entry in entries:
        days[(entry.day - monday).days].entries.append(entry)
    return HoursPage(
        enrolment=enrolment,
        roles=roles,
        week=monday,
        days=[d for d in days if d.day <= today],
        months=months_of(enrolment, roles, today),
        can_write=bool(roles & WRITERS),
        today=today,
    )


def visible_entries(user: User, pks: list[str]) -> list[HoursEntry]:
    return list(access.visible_hours(user).select_related("enrolment").filter(pk__in=pks))


# --- to confirm ------------------------------------------------------------------------------


def confirmable_hours(user: User, *, mentees: list[int] | None = None) -> QuerySet[HoursEntry]:
    """Unconfirmed entries this person confirms: workplace hours of her live mentees, theory
    hours of the adepts of her school (both always hers to see: no need to ask `visible_hours`).
    `mentees`: her live pairs' adepts, when the caller has read them already."""
    adepts: Any = mentees
    if adepts is None:
        live = Pair.objects.filter(mentor__user=user, status__in=LIVE_PAIR_STATUSES)
        adepts = live.values("adept")
    return HoursEntry.objects.filter(
        Q(kind=HoursKind.WORKPLACE, enrolment__in=adepts)
        | Q(kind=HoursKind.THEORY, enrolment__in=access.enrolments_as(user, {access.TEACHER})),
        confirmed_at__isnull=True,
    )


def hours_to_confirm(*, user: User, adept: int | None = None) -> list[HoursEntry]:
    entries = confirmable_hours(user)
    if adept is not None:
        entries = entries.filter(enrolment_id=adept)
    return list(
        entries.select_related("enrolment__user").order_by("enrolment__user__full_name", "day")
    )


# --- panels ----------------------------------------------------------------------------------


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """The adept: a way to her hours; mentors and teachers: how many hours wait for them (one
    query; none for the adept)."""
    basis = basis or home_basis(user=user, role=role)
    if role == "adept":
        return {"role": role} if basis.active_enrolments else {}
    if role in ("mentor", "teacher"):
        mentees = basis.learner_ids if role == "mentor" else None
        count = confirmable_hours(user, mentees=mentees).count()
        return {"role": role, "count": count} if count else {}
    return {}


def for_adept(*, user: User, enrolment: Enrolment) -> dict[str, Any]:
    """Her months' totals, and a way to the hours."""
    roles = access.learning_roles(user, enrolment)
    return {
        "enrolment": enrolment,
        "mine": "adept" in roles,
        "months": months_of(enrolment, roles, timezone.localdate())[:2],
    }


# --- export for funders ----------------------------------------------------------------------


@dataclass
class ExportRow:
    programme: str
    adept: str
    workplace: str
    school: str
    theory_hours: float | None
    workplace_hours: float | None
    confirmed_on: date | None


def export_rows(*, user: User, month: date) -> list[ExportRow]:
    """One row per adept of the programmes the person coordinates who was placed in the month;
    confirmed totals only (a month she has not confirmed has no hours in the export)."""
    month = month_start(month)
    adepts = (
        Enrolment.objects.filter(
            programme__in=programmes_access.changeable_programmes(user),
            role=EnrolmentRole.ADEPT,
            starts_on__lte=month_end(month),
        )
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=month))
        .select_related("programme", "user", "workplace", "education_provider")
        .order_by("programme__name", "user__full_name", "pk")
    )
    adepts_list = list(adepts)
    confirmations = {
        c.enrolment_id: c
        for c in MonthConfirmation.objects.filter(
            month=month, enrolment__in=[a.pk for a in adepts_list]
        )
    }
    rows = []
    for adept in adepts_list:
        confirmation = confirmations.get(adept.pk)
        rows.append(
            ExportRow(
                programme=adept.programme.name,
                adept=adept.user.full_name,
                workplace=adept.workplace.name,
                school=adept.education_provider.name if adept.education_provider else "",
                theory_hours=hours(confirmation.theory_minutes) if confirmation else None,
                workplace_hours=hours(confirmation.workplace_minutes) if confirmation else None,
                confirmed_on=timezone.localdate(confirmation.confirmed_at)
                if confirmation
                else None,
            )
        )
    return rows


def may_export(user: User) -> bool:
    return programmes_access.changeable_programmes(user).exists()
