"""Early warnings for coordinators: what in her programmes needs a look, found in a fixed number of
queries however many pairs there are (each fact is a subquery or one grouped query).

Every read starts from the access policies: the programmes she may change, and for the adepts'
requests for support only the life-situation check-ins she may see (the fact that one is waiting,
never what it says).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import Count, IntegerField, Max, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from smile.accounts.models import User
from smile.matching.models import LIVE_PAIR_STATUSES, Pair, PairStatus
from smile.mentoring import access
from smile.mentoring.models import ActionItem, Meeting, MeetingLog, MeetingStatus
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
    return number_format(hours.quantize(Decimal("0.1")), decimal_pos=1)


def _local_date(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return timezone.localdate(value)
    return value


def _pair_rows(programmes: dict[int, Programme], today: date, now: datetime) -> list[EarlyWarning]:
    """No meeting for longer than the cadence (active pairs) and late things to do (live pairs)."""
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
    pairs = (
        Pair.objects.filter(programme_id__in=programmes, status__in=LIVE_PAIR_STATUSES)
        .select_related("adept__user", "mentor__user")
        .annotate(
            last_log_on=Subquery(last_log),
            last_meeting_at=Subquery(last_meeting),
            late_count=Coalesce(Subquery(late_count, output_field=IntegerField()), 0),
            late_since=Subquery(late_since),
        )
        .order_by("pk")
    )
    rows = []
    for pair in pairs:
        programme = programmes[pair.programme_id]
        names = [pair.adept.user.full_name, pair.mentor.user.full_name]
        if pair.status == PairStatus.ACTIVE:
            dates = [
                d
                for d in (
                    pair.last_log_on,
                    _local_date(pair.last_meeting_at),
                    pair.started_on or _local_date(pair.created_at),
                )
                if d is not None
            ]
            last = max(dates)
            days = (today - last).days
            if days > programme.meeting_cadence_days:
                text = ngettext(
                    "No meeting for %(count)d day", "No meeting for %(count)d days", days
                ) % {"count": days}
                rows.append(EarlyWarning(NO_MEETING, programme, text, names, last, pair.pk))
        if pair.late_count:
            text = ngettext(
                "%(count)d thing to do is late", "%(count)d things to do are late", pair.late_count
            ) % {"count": pair.late_count}
            rows.append(
                EarlyWarning(LATE_ACTIONS, programme, text, names, pair.late_since, pair.pk)
            )
    return rows


def _support_rows(user: User, programmes: dict[int, Programme]) -> list[EarlyWarning]:
    """Adepts waiting for the coordinator's answer to a request for support. Only the fact."""
    waiting = (
        access.visible_life_checkins(user)
        .filter(
            support_requested=True,
            followed_up_at__isnull=True,
            enrolment__programme_id__in=programmes,
        )
        .values("enrolment_id", "enrolment__programme_id", "enrolment__user__full_name")
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


def _budget_rows(programmes: dict[int, Programme], today: date) -> list[EarlyWarning]:
    """Mentors who logged more time this calendar month than the programme's budget.

    The budget is "mentor hours per month and adept", counted as the mentor's own time page
    counts it (`smile.mentoring.logs.selectors.mentor_time`): that many hours for each of her
    pairs in the programme that is live or logged time this month.
    """
    first = today.replace(day=1)
    after = (first + timedelta(days=32)).replace(day=1)
    in_month = Q(logs__held_on__gte=first, logs__held_on__lt=after)
    logged = (
        Pair.objects.filter(programme_id__in=programmes)
        .values("mentor_id", "programme_id", "mentor__user__full_name")
        .annotate(
            minutes=Sum("logs__minutes", filter=in_month),
            adepts=Count("pk", distinct=True, filter=Q(status__in=LIVE_PAIR_STATUSES) | in_month),
            since=Min("logs__held_on", filter=in_month),
            # Her latest pair with time this month: the follow-ups go to her through it.
            pair_pk=Max("pk", filter=in_month),
        )
        .filter(minutes__gt=0)
        .order_by("mentor__user__full_name", "mentor_id")
    )
    rows = []
    for row in logged:
        programme = programmes[row["programme_id"]]
        budget = programme.mentor_hours_per_month * 60 * max(1, row["adepts"])
        if row["minutes"] <= budget:
            continue
        text = _("Over the mentor-time budget: %(used)s h of %(budget)s h") % {
            "used": _hours(row["minutes"]),
            "budget": _hours(budget),
        }
        names = [row["mentor__user__full_name"]]
        rows.append(EarlyWarning(OVER_BUDGET, programme, text, names, row["since"], row["pair_pk"]))
    return rows


def early_warnings(*, user: User, programme: Programme | None = None) -> list[EarlyWarning]:
    """Every open warning in the programmes the coordinator may change (or in one of them)."""
    programmes_qs = programmes_access.changeable_programmes(user)
    if programme is not None:
        programmes_qs = programmes_qs.filter(pk=programme.pk)
    programmes = {p.pk: p for p in programmes_qs}
    if not programmes:
        return []
    now = timezone.now()
    today = timezone.localdate(now)
    rows = _support_rows(user, programmes)
    rows += _pair_rows(programmes, today, now)
    rows += _budget_rows(programmes, today)
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
