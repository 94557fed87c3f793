"""Early warnings for coordinators: what in her programmes needs a look, found in a fixed number of
queries however many pairs there are (each fact is a subquery or one grouped query).

Every read starts from the access policies: the programmes she may change, and for the adepts'
requests for support only the life-situation check-ins she may see (the fact that one is waiting,
never what it says).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, Max, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from smile.accounts.models import User
from smile.matching.models import LIVE_PAIR_STATUSES, Pair, PairStatus
from smile.mentoring import access, time_budget
from smile.mentoring.models import ActionItem, Meeting, MeetingLog, MeetingStatus
from smile.organisations.models import Workplace
from smile.programmes import access as programmes_access
from smile.programmes.models import Programme

NO_MEETING = "no_meeting"
LATE_ACTIONS = "late_actions"
SUPPORT = "support"
OVER_BUDGET = "over_budget"
# The order the page shows the groups in: the most urgent first.
KINDS = (SUPPORT, NO_MEETING, LATE_ACTIONS, OVER_BUDGET)


@dataclass
class EarlyWarning:
    """One row of the warnings page: what is wrong, where, with whom, since when."""

    kind: str
    programme: Programme
    text: str
    names: list[str]
    since: date
    # The pair the follow-ups (a message, a meeting, another mentor) go through, if any.
    pair_pk: int | None = None


@dataclass
class WarningGroup:
    kind: str
    title: str
    rows: list[EarlyWarning] = field(default_factory=list)
    # How many of this kind in all (a page holds some of them).
    total: int = 0


def _titles() -> dict[str, str]:
    return {
        SUPPORT: _("Asks for support"),
        NO_MEETING: _("No meeting for a long time"),
        LATE_ACTIONS: _("Things to do are late"),
        OVER_BUDGET: _("Over the mentor-time budget"),
    }


def _hours(minutes: int) -> str:
    """5.5 or 4: one decimal only when there is one, in the reader's number format."""
    hours = Decimal(minutes) / 60
    if hours == hours.to_integral_value():
        return number_format(int(hours))
    # Halves up, as her my-time page and her home round them.
    return number_format(hours.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), decimal_pos=1)


def _local_date(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return timezone.localdate(value)
    return value


def pair_warnings(
    programmes: dict[int, Programme],
    today: date,
    now: datetime,
    *,
    kind: str | None = None,
    workplace: int | None = None,
) -> list[EarlyWarning]:
    """No meeting for longer than the cadence (active pairs) and late things to do (live pairs).

    One query; the rows are read as plain values (names, dates), not as model objects, so a
    programme of thousands of pairs is read quickly.
    """
    last_log = (
        MeetingLog.objects.filter(pair=OuterRef("pk")).order_by("-held_on").values("held_on")[:1]
    )
    last_meeting = (
        Meeting.objects.filter(
            pair=OuterRef("pk"), status=MeetingStatus.CONFIRMED, starts_at__lt=now
        )
        .order_by("-starts_at")
        .values("starts_at")[:1]
    )
    late = ActionItem.objects.filter(pair=OuterRef("pk"), done_at__isnull=True, due_on__lt=today)
    late_count = late.values("pair").annotate(n=Count("pk")).values("n")
    late_since = late.values("pair").annotate(first=Min("due_on")).values("first")
    pairs = Pair.objects.filter(programme_id__in=programmes, status__in=LIVE_PAIR_STATUSES)
    if workplace is not None:
        pairs = pairs.filter(adept__workplace_id=workplace)
    if kind == NO_MEETING:
        pairs = pairs.filter(status=PairStatus.ACTIVE)
    annotations: dict[str, Any] = {}
    if kind in (None, NO_MEETING):
        annotations.update(last_log_on=Subquery(last_log), last_meeting_at=Subquery(last_meeting))
    if kind in (None, LATE_ACTIONS):
        annotations.update(
            late_count=Coalesce(Subquery(late_count, output_field=IntegerField()), 0),
            late_since=Subquery(late_since),
        )
    values = (
        pairs.annotate(**annotations)
        .order_by("pk")
        .values(
            "pk",
            "programme_id",
            "status",
            "started_on",
            "created_at",
            "adept__user__full_name",
            "mentor__user__full_name",
            *annotations,
        )
    )
    rows = []
    for pair in values:
        programme = programmes[pair["programme_id"]]
        names = [pair["adept__user__full_name"], pair["mentor__user__full_name"]]
        if "last_log_on" in pair and pair["status"] == PairStatus.ACTIVE:
            dates = [
                d
                for d in (
                    pair["last_log_on"],
                    _local_date(pair["last_meeting_at"]),
                    pair["started_on"] or _local_date(pair["created_at"]),
                )
                if d is not None
            ]
            last = max(dates)
            days = (today - last).days
            if days > programme.meeting_cadence_days:
                text = ngettext(
                    "No meeting for %(count)d day", "No meeting for %(count)d days", days
                ) % {"count": days}
                rows.append(EarlyWarning(NO_MEETING, programme, text, names, last, pair["pk"]))
        if pair.get("late_count"):
            count = pair["late_count"]
            text = ngettext(
                "%(count)d thing to do is late", "%(count)d things to do are late", count
            ) % {"count": count}
            rows.append(
                EarlyWarning(LATE_ACTIONS, programme, text, names, pair["late_since"], pair["pk"])
            )
    return rows


def _support_rows(
    user: User, programmes: dict[int, Programme], *, workplace: int | None = None
) -> list[EarlyWarning]:
    """Adepts waiting for the coordinator's answer to a request for support. Only the fact."""
    checkins = access.visible_life_checkins(user).filter(
        support_requested=True,
        followed_up_at__isnull=True,
        enrolment__programme_id__in=programmes,
    )
    if workplace is not None:
        checkins = checkins.filter(enrolment__workplace_id=workplace)
    waiting = (
        checkins.values("enrolment_id", "enrolment__programme_id", "enrolment__user__full_name")
        .annotate(since=Min("created_at"))
        .order_by("since")
    )
    return [
        EarlyWarning(
            SUPPORT,
            programmes[row["enrolment__programme_id"]],
            _("Asks for support"),
            [row["enrolment__user__full_name"]],
            timezone.localdate(row["since"]),
        )
        for row in waiting
    ]


def _budget_rows(
    programmes: dict[int, Programme], today: date, *, workplace: int | None = None
) -> list[EarlyWarning]:
    """Mentors who logged more time this calendar month than their budget allows.

    The budget and the verdict are the one rule of `smile.mentoring.time_budget`, the same the
    mentor's home, her my-time page and her manager's page show: what her workplace committed
    in the programme where an app above us knows it, otherwise the programme's hours per month
    for each of her adepts (live, or met this month); over is more than a tenth over it.

    Two queries: the mentors with a live pair or time this month (one grouped query), and the
    committed budgets of their workplaces (one batched query, when a provider is registered).
    """
    first = today.replace(day=1)
    after = (first + timedelta(days=32)).replace(day=1)
    in_month = Q(logs__held_on__gte=first, logs__held_on__lt=after)
    pairs = Pair.objects.filter(programme_id__in=programmes)
    if workplace is not None:
        pairs = pairs.filter(mentor__workplace_id=workplace)
    mentors = list(
        pairs.values("mentor_id", "programme_id", "mentor__workplace_id", "mentor__user__full_name")
        .annotate(
            minutes=Sum("logs__minutes", filter=in_month),
            adepts=Count("pk", distinct=True, filter=Q(status__in=LIVE_PAIR_STATUSES) | in_month),
            since=Min("logs__held_on", filter=in_month),
            # Her latest pair with time this month: the follow-ups go to her through it.
            pair_pk=Max("pk", filter=in_month),
        )
        # Every mentor with a live pair, not only those with time: the commitments are then read
        # whatever the day of the month, so the number of queries does not change with it.
        .filter(adepts__gt=0)
        .order_by("mentor__user__full_name", "mentor_id")
    )
    commitments = time_budget.committed(
        {(row["mentor__workplace_id"], row["programme_id"]) for row in mentors}, first
    )
    rows = []
    for row in mentors:
        if not row["minutes"]:
            continue
        programme = programmes[row["programme_id"]]
        budget = time_budget.budget(
            workplace_id=row["mentor__workplace_id"],
            programme_id=programme.pk,
            hours_per_month=programme.mentor_hours_per_month,
            adepts=row["adepts"],
            commitments=commitments,
        ).minutes
        if not time_budget.is_over(row["minutes"], budget):
            continue
        text = _("Over the mentor-time budget: %(used)s h of %(budget)s h") % {
            "used": _hours(row["minutes"]),
            "budget": _hours(budget),
        }
        names = [row["mentor__user__full_name"]]
        rows.append(EarlyWarning(OVER_BUDGET, programme, text, names, row["since"], row["pair_pk"]))
    return rows


def early_warnings(
    *,
    user: User,
    programme: Programme | None = None,
    kind: str | None = None,
    workplace: int | None = None,
) -> list[EarlyWarning]:
    """Every open warning in the programmes the coordinator may change, or only those of one
    programme, of one kind (one of `KINDS`) or at one workplace (the adept's; for the
    mentor-time budget, the mentor's). At most six queries, whatever the number of pairs."""
    programmes_qs = programmes_access.changeable_programmes(user)
    if programme is not None:
        programmes_qs = programmes_qs.filter(pk=programme.pk)
    programmes = {p.pk: p for p in programmes_qs}
    if not programmes:
        return []
    now = timezone.now()
    today = timezone.localdate(now)
    rows = []
    if kind in (None, SUPPORT):
        rows += _support_rows(user, programmes, workplace=workplace)
    if kind in (None, NO_MEETING, LATE_ACTIONS):
        rows += pair_warnings(programmes, today, now, kind=kind, workplace=workplace)
    if kind in (None, OVER_BUDGET):
        rows += _budget_rows(programmes, today, workplace=workplace)
    order = {kind: i for i, kind in enumerate(KINDS)}
    rows.sort(key=lambda row: (order[row.kind], row.since))
    return rows


def warning_groups(rows: list[EarlyWarning]) -> list[WarningGroup]:
    """The rows by kind, in the page's order; kinds without rows are left out."""
    titles = _titles()
    groups = {kind: WarningGroup(kind=kind, title=titles[kind]) for kind in KINDS}
    for row in rows:
        groups[row.kind].rows.append(row)
    return [group for group in groups.values() if group.rows]


def kind_choices() -> list[tuple[str, str]]:
    """The kinds of warning, for the page's filter, in the page's order."""
    titles = _titles()
    return [(kind, titles[kind]) for kind in KINDS]


@dataclass
class WarningFilters:
    """What the coordinator may filter her warnings by: her programmes and their workplaces."""

    programmes: list[Programme]
    workplaces: list[tuple[int, str]]


def warning_filters(*, user: User) -> WarningFilters:
    """Her programmes by name, and the workplaces where their people are placed (two queries)."""
    programmes = list(programmes_access.changeable_programmes(user).order_by("name"))
    workplaces = (
        Workplace.objects.filter(enrolments__programme__in=[p.pk for p in programmes])
        .values_list("pk", "name", "organisation__name")
        .distinct()
        .order_by("name", "organisation__name", "pk")
    )
    return WarningFilters(
        programmes=programmes,
        workplaces=[(pk, f"{name} ({employer})") for pk, name, employer in workplaces],
    )


PAGE_SIZE = 50


@dataclass
class WarningPage:
    """One page of her warnings: its rows by kind, and how many there are of each kind in all."""

    page: Page
    groups: list[WarningGroup]
    count: int
    # The page links to show: 1 2 … 7 8 9 … 52 53.
    numbers: list[int | str]


def warning_page(
    *,
    user: User,
    number: str | int | None = None,
    programme: Programme | None = None,
    kind: str | None = None,
    workplace: int | None = None,
) -> WarningPage:
    """The page `number` of her warnings (50 a page). A number that is not one, or one before
    the first page, gives the first page and one past the end the last, so an old or edited link
    still shows something."""
    rows = early_warnings(user=user, programme=programme, kind=kind, workplace=workplace)
    paginator = Paginator(rows, PAGE_SIZE)
    try:
        number = max(1, int(number or 1))  # before the first page is the first
    except ValueError:
        number = 1
    page = paginator.get_page(number)
    totals = Counter(row.kind for row in rows)
    groups = warning_groups(list(page.object_list))
    for group in groups:
        group.total = totals[group.kind]
    numbers = paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return WarningPage(page=page, groups=groups, count=len(rows), numbers=list(numbers))


@dataclass
class ProgrammeCount:
    programme: Programme
    count: int


def warning_counts(*, user: User) -> list[ProgrammeCount]:
    """How many open warnings each of her programmes has (only those with any), for her home."""
    rows = early_warnings(user=user)
    counts = Counter(row.programme.pk for row in rows)
    programmes = {row.programme.pk: row.programme for row in rows}
    return [
        ProgrammeCount(programme=programmes[pk], count=count)
        for pk, count in sorted(counts.items(), key=lambda item: programmes[item[0]].name)
    ]
