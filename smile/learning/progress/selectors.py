"""Progress at a glance: each adept's plan against the time she has, and what needs a look.

Every read starts from `smile.learning.access.learning_enrolments` (the adepts whose learning the
reader may follow) and takes a fixed number of queries however many adepts there are: the
enrolments with their last practice, last review and unconfirmed hours as subqueries, then the
plan's objectives counted per adept and level in one grouped query.

The rule, in one place (the pages say it in one sentence, `RULE`):
- progress = the objectives weighted by level (independent counts 1, practised with support 2/3,
  introduced 1/3, not started 0), averaged; time passed = the share of her plan's period (from
  her start to the latest target date, or the programme's end) that has gone by;
- behind: progress more than 15 points below the time passed, or an objective past its target
  date and not yet independent; ahead: progress more than 15 points above; else on track.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fractions import Fraction
from types import SimpleNamespace
from typing import Any

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from smile.accounts.models import User
from smile.learning import access
from smile.learning.models import (
    HoursEntry,
    Level,
    PlanObjective,
    PracticeEntry,
    Review,
    ReviewStatus,
)
from smile.learning.progress import charts
from smile.matching.home import HomeBasis, home_basis
from smile.programmes.models import Enrolment, EnrolmentStatus, Programme

BEHIND = "behind"
NO_PLAN = "no_plan"
ON_TRACK = "on_track"
AHEAD = "ahead"
# The order of "sort by status": what needs a look first.
STATUS_ORDER = (BEHIND, NO_PLAN, ON_TRACK, AHEAD)
STATUS_LABELS = {
    BEHIND: gettext_lazy("Behind"),
    NO_PLAN: gettext_lazy("No objectives yet"),
    ON_TRACK: gettext_lazy("On track"),
    AHEAD: gettext_lazy("Ahead"),
}
RULE = gettext_lazy(
    "Behind means progress is more than 15 points below the time passed, or an objective is "
    "past its target date and not yet independent; ahead means more than 15 points above."
)
PROGRESS_HELP = gettext_lazy(
    "Progress counts each objective by its level: independent in full, practised with support "
    "two thirds, introduced one third."
)

MARGIN = 15  # points between progress and time passed before an adept is behind or ahead
NO_PRACTICE_DAYS = 14
NO_REVIEW_DAYS = 56  # eight weeks
UNCONFIRMED_HOURS_DAYS = 3

NO_PRACTICE = "no_practice"
REVIEW_OVERDUE = "review_overdue"
HOURS_UNCONFIRMED = "hours_unconfirmed"


@dataclass(frozen=True)
class Alert:
    kind: str
    text: str


def percent(value: int) -> str:
    return _("%(percent)s %%") % {"percent": number_format(value)}


def _points(share: Fraction) -> int:
    """A share as whole percent, halves rounded up."""
    return int(share * 100 + Fraction(1, 2))


@dataclass
class Progress:
    """One adept's progress against her plan and time, with her alerts."""

    enrolment: Enrolment
    counts: list[int]  # objectives per level, NOT_STARTED to INDEPENDENT
    late: int  # objectives past their target date and not yet independent
    starts_on: date
    ends_on: date
    time_share: Fraction
    alerts: list[Alert] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def independent_share(self) -> Fraction:
        return Fraction(self.counts[Level.INDEPENDENT], self.total) if self.total else Fraction(0)

    @property
    def progress_share(self) -> Fraction:
        if not self.total:
            return Fraction(0)
        weighted = sum(level * count for level, count in enumerate(self.counts))
        return Fraction(weighted, 3 * self.total)

    @property
    def status(self) -> str:
        if not self.total:
            return NO_PLAN
        gap = (self.progress_share - self.time_share) * 100
        if self.late or gap < -MARGIN:
            return BEHIND
        if gap > MARGIN:
            return AHEAD
        return ON_TRACK

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def independent(self) -> int:
        return _points(self.independent_share)

    @property
    def progress(self) -> int:
        return _points(self.progress_share)

    @property
    def time(self) -> int:
        return _points(self.time_share)

    @property
    def independent_text(self) -> str:
        return percent(self.independent)

    @property
    def progress_text(self) -> str:
        return percent(self.progress)

    @property
    def time_text(self) -> str:
        return percent(self.time)


def _time_share(start: date, end: date, today: date) -> Fraction:
    total = (end - start).days
    if total <= 0:
        return Fraction(1 if today >= end else 0)
    passed = min(max((today - start).days, 0), total)
    return Fraction(passed, total)


def _alerts(enrolment: Any, today: date) -> list[Alert]:
    alerts = []
    last = enrolment.last_practice_on
    since = last or enrolment.starts_on
    days = (today - since).days
    if days > NO_PRACTICE_DAYS:
        if last is None:
            text = _("No practice logged yet")
        else:
            text = ngettext(
                "No practice logged for %(count)d day",
                "No practice logged for %(count)d days",
                days,
            ) % {"count": days}
        alerts.append(Alert(NO_PRACTICE, text))
    held = enrolment.last_review_at
    since = max(timezone.localdate(held), enrolment.starts_on) if held else enrolment.starts_on
    days = (today - since).days
    if days > NO_REVIEW_DAYS and not enrolment.review_planned:
        weeks = days // 7
        text = ngettext(
            "No review for %(count)d week and none is planned",
            "No review for %(count)d weeks and none is planned",
            weeks,
        ) % {"count": weeks}
        alerts.append(Alert(REVIEW_OVERDUE, text))
    if enrolment.unconfirmed_hours:
        count = enrolment.unconfirmed_hours
        text = ngettext(
            "%(count)d entry of hours waits more than 3 days for confirmation",
            "%(count)d entries of hours wait more than 3 days for confirmation",
            count,
        ) % {"count": count}
        alerts.append(Alert(HOURS_UNCONFIRMED, text))
    return alerts


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day))


def _with_alert_facts(enrolments: QuerySet[Enrolment], today: date) -> QuerySet[Enrolment]:
    """The enrolments annotated with what `_alerts` reads: the last practice, the last review,
    whether one is planned, the hours waiting for confirmation (subqueries, no extra query)."""
    now = timezone.now()
    last_practice = (
        PracticeEntry.objects.filter(enrolment=OuterRef("pk"))
        .order_by("-done_on")
        .values("done_on")[:1]
    )
    last_review = (
        Review.objects.filter(
            enrolment=OuterRef("pk"), status__in=[ReviewStatus.HELD, ReviewStatus.SIGNED]
        )
        .order_by("-held_at")
        .values("held_at")[:1]
    )
    planned = Review.objects.filter(
        enrolment=OuterRef("pk"), status=ReviewStatus.PLANNED, scheduled_for__gte=_start_of(today)
    )
    unconfirmed = (
        HoursEntry.objects.filter(
            enrolment=OuterRef("pk"),
            confirmed_at__isnull=True,
            created_at__lt=now - timedelta(days=UNCONFIRMED_HOURS_DAYS),
        )
        .order_by()
        .values("enrolment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return enrolments.annotate(
        last_practice_on=Subquery(last_practice),
        last_review_at=Subquery(last_review),
        review_planned=Exists(planned),
        unconfirmed_hours=Coalesce(Subquery(unconfirmed, output_field=IntegerField()), 0),
    )


def _progress_rows(enrolments: QuerySet[Enrolment], today: date) -> list[Progress]:
    """Progress of each enrolment in the queryset, in two queries."""
    rows = list(
        _with_alert_facts(enrolments, today)
        .select_related("user", "workplace", "programme")
        .order_by("user__full_name", "pk")
    )
    return progress_of(rows, today)


def alert_counts(user: User, *, today: date | None = None) -> list[tuple[Programme, int]]:
    """For the daily notice: per programme, how many of the adepts she follows have an alert
    (the alerts of `cohort_progress`), only programmes with any. Two queries: the adepts' facts
    as plain values, not model objects, and the programmes."""
    today = today or timezone.localdate()
    names = ["last_practice_on", "last_review_at", "review_planned", "unconfirmed_hours"]
    facts = (
        _with_alert_facts(followed_enrolments(user), today)
        .order_by()
        .values("programme_id", "starts_on", *names)
    )
    counts: dict[int, int] = defaultdict(int)
    for row in facts:
        if _alerts(SimpleNamespace(**row), today):
            counts[row["programme_id"]] += 1
    programmes = Programme.objects.in_bulk(list(counts))
    return [(programmes[pk], count) for pk, count in sorted(counts.items())]


@dataclass
class PlanLevels:
    """Per enrolment: her plan's objectives per level, how many are late, the last target."""

    counts: dict[int, list[int]]
    late: dict[int, int]
    last_target: dict[int, date]


def plan_levels(enrolment_ids: list[int], today: date) -> PlanLevels:
    """The plans' objectives of these enrolments per level (one query)."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    late: dict[int, int] = defaultdict(int)
    last_target: dict[int, date] = {}
    items = (
        PlanObjective.objects.filter(plan__enrolment_id__in=enrolment_ids)
        .order_by()
        .values("plan__enrolment_id", "level")
        .annotate(
            n=Count("pk"),
            late=Count("pk", filter=Q(target_on__lt=today)),
            last_target=Max("target_on"),
        )
    )
    for item in items:
        pk = item["plan__enrolment_id"]
        counts[pk][item["level"]] += item["n"]
        if item["level"] < Level.INDEPENDENT:
            late[pk] += item["late"]
        if item["last_target"] and (pk not in last_target or item["last_target"] > last_target[pk]):
            last_target[pk] = item["last_target"]
    return PlanLevels(counts=counts, late=late, last_target=last_target)


def home_plan_levels(basis: HomeBasis, today: date) -> PlanLevels:
    """An adept's home: the levels of her active placements' plans, read once for the progress
    and the plan panels."""
    ids = sorted(e.pk for e in basis.active_enrolments)
    return basis.once(("plan-levels", today), lambda: plan_levels(ids, today))


def progress_of(
    rows: list[Any], today: date, *, alerts: bool = True, levels: PlanLevels | None = None
) -> list[Progress]:
    """Progress of these enrolments (one query, none if `levels` are given). `alerts` needs the
    rows annotated by `_progress_rows`."""
    if not rows:
        return []
    levels = levels or plan_levels([row.pk for row in rows], today)
    counts, late, last_target = levels.counts, levels.late, levels.last_target
    result = []
    for row in rows:
        end = last_target.get(row.pk) or row.programme.ends_on
        result.append(
            Progress(
                enrolment=row,
                counts=counts[row.pk],
                late=late[row.pk],
                starts_on=row.starts_on,
                ends_on=end,
                time_share=_time_share(row.starts_on, end, today),
                alerts=_alerts(row, today) if alerts else [],
            )
        )
    return result


def adept_progress(enrolment: Enrolment, *, today: date | None = None) -> Progress:
    """One adept's progress (two queries). The caller has checked she may be followed."""
    today = today or timezone.localdate()
    return _progress_rows(Enrolment.objects.filter(pk=enrolment.pk), today)[0]


def followed_enrolments(user: User) -> QuerySet[Enrolment]:
    """The active adepts whose learning the person follows (not her own)."""
    return access.learning_enrolments(user).filter(status=EnrolmentStatus.ACTIVE).exclude(user=user)


def cohort_programmes(user: User) -> list[Programme]:
    """The programmes of the adepts the person follows, for the filter (each row names its
    programme anyway, so these are no secret to her)."""
    return list(
        Programme.objects.filter(pk__in=followed_enrolments(user).values("programme")).order_by(
            "name"
        )
    )


def cohort_progress(
    user: User, programme: Programme | None = None, *, today: date | None = None
) -> list[Progress]:
    """Every adept the person may follow (in one programme, if given), by name."""
    enrolments = followed_enrolments(user)
    if programme is not None:
        enrolments = enrolments.filter(programme=programme)
    return _progress_rows(enrolments, today or timezone.localdate())


def sort_rows(rows: list[Progress], sort: str) -> list[Progress]:
    """By name (as they come), or by status: behind first, ahead last."""
    if sort != "status":
        return rows
    order = {status: i for i, status in enumerate(STATUS_ORDER)}
    return sorted(rows, key=lambda row: order[row.status])


@dataclass
class StatusCount:
    status: str
    label: str
    count: int


def status_counts(rows: list[Progress]) -> list[StatusCount]:
    return [
        StatusCount(status, str(STATUS_LABELS[status]), sum(r.status == status for r in rows))
        for status in STATUS_ORDER
    ]


def level_totals(rows: list[Progress]) -> list[int]:
    return [sum(row.counts[level] for row in rows) for level in range(4)]


def _levels(counts: list[int], legend: dict[str, SafeString]) -> list[tuple[str, str, int]]:
    """(swatch, label, count) per level, for the data table beside a levels chart."""
    return [(legend[f"level{level}"], str(label), counts[level]) for level, label in Level.choices]


def cohort_page(
    *, user: User, programme: Programme | None, sort: str, today: date | None = None
) -> dict[str, Any]:
    """Everything the cohort page shows: rows with their small charts, the cohort chart."""
    rows = sort_rows(cohort_progress(user, programme, today=today), sort)
    totals = level_totals(rows)
    legend = charts.legend()
    return {
        "rows": [(row, charts.row_chart(row)) for row in rows],
        "statuses": status_counts(rows),
        "with_alerts": sum(bool(row.alerts) for row in rows),
        "levels_chart": charts.levels_chart(totals, ident="progress-cohort"),
        "levels": _levels(totals, legend),
        "legend": legend,
    }


# --- the parts of the homes and of the adept's page --------------------------------------------


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """What the home of this role ("adept", "mentor" or "teacher") shows of this part (two
    queries; none for an adept or a mentor with nobody to follow)."""
    today = timezone.localdate()
    basis = basis or home_basis(user=user, role=role)
    if role == "teacher":
        enrolments = (
            access.enrolments_as(user, {access.TEACHER})
            .filter(status=EnrolmentStatus.ACTIVE)
            .exclude(user=user)
        )
        rows = _progress_rows(enrolments, today)
        if not rows:
            return {}
        return {
            "role": role,
            "statuses": status_counts(rows),
            "with_alerts": sum(bool(row.alerts) for row in rows),
            "url": reverse("learning:progress"),
        }
    if role == "mentor":
        adepts = basis.learner_ids
        if not adepts:
            return {}
        enrolments = Enrolment.objects.filter(pk__in=adepts, status=EnrolmentStatus.ACTIVE).exclude(
            user=user
        )
        rows = _progress_rows(enrolments, today)
        return {"role": role, "rows": rows} if rows else {}
    if role == "adept":
        # Her home shows no alerts: her placements (read by the basis) and her plans' levels.
        own = sorted(basis.active_enrolments, key=lambda e: (e.user.full_name, e.pk))
        levels = home_plan_levels(basis, today)
        rows = [row for row in progress_of(own, today, alerts=False, levels=levels) if row.total]
        if not rows:
            return {}
        return {
            "role": role,
            "rows": [
                (row, charts.progress_chart(row, ident=f"progress-home-{row.enrolment.pk}"))
                for row in rows
            ],
            "legend": charts.legend(),
        }
    return {}


def for_adept(*, user: User, enrolment: Enrolment) -> dict[str, Any]:
    """What the adept's learning page shows of this part, for this reader."""
    if not access.learning_enrolments(user).filter(pk=enrolment.pk).exists():
        return {}
    row = adept_progress(enrolment)
    if not row.total and not row.alerts:
        return {}
    legend = charts.legend()
    return {
        "row": row,
        "progress_chart": charts.progress_chart(row, ident="progress-adept"),
        "levels_chart": charts.levels_chart(row.counts, ident="progress-levels"),
        "levels": _levels(row.counts, legend),
        "legend": legend,
        "is_adept": enrolment.user_id == user.pk,
        "rule": RULE,
        "help": PROGRESS_HELP,
    }
