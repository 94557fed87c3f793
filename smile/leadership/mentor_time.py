"""Mentor time against what the workplace committed, month by month.

The budget of a mentor for a month: where her workplace has signed a commitment in the programme
(its latest version), the committed mentor hours per week times the month's weeks (its days / 7);
otherwise the programme's hours per month for each adept she mentors (live, or met that month).

What counts as her time: the minutes written in the meeting logs of her pairs held that month.
Each log belongs to one pair and so to one mentor, and is counted once. Practice confirmation
(`learning.MonthConfirmation`) freezes the adept's own practice hours, not the mentor's, so it adds
nothing here: counting it too would count the same month twice.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, Sum
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from smile.leadership.models import Commitment
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.mentoring import time_budget
from smile.mentoring.time_budget import SOURCE_COMMITMENT as SOURCE_COMMITMENT
from smile.mentoring.time_budget import SOURCE_PROGRAMME as SOURCE_PROGRAMME
from smile.mentoring.time_budget import flag as flag
from smile.notifications.models import Kind, Notification
from smile.notifications.services import Notice, notify_many
from smile.organisations.choices import Role
from smile.organisations.models import Membership

# The budget, its sources and its thresholds (over: more than 110 %; under: less than 50 % once
# the month is half gone) are mentoring's one rule, `smile.mentoring.time_budget`: this app gives
# it the commitments (`committed_budgets`, registered in LeadershipConfig.ready), so every page,
# the coordinator's early warnings included, reads the same figures and the same verdict.

RULE = _(
    "Time counts once: the minutes written in the logs of the mentor's meetings that month; "
    "practice confirmation holds the adept's hours, not the mentor's."
)


def _hours(minutes: int | Decimal) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class MentorTime:
    mentor_id: int  # her enrolment in the programme
    user_id: int
    name: str
    workplace_id: int | None
    programme_id: int
    minutes: int
    budget_minutes: int
    source: str  # SOURCE_COMMITMENT or SOURCE_PROGRAMME
    event: str  # "over", "under" or ""

    @property
    def logged_hours(self) -> Decimal:
        return _hours(self.minutes)

    @property
    def budget_hours(self) -> Decimal:
        return _hours(self.budget_minutes)


def month_bounds(month: date) -> tuple[date, date]:
    first = month.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1)


def committed_budgets(keys: Collection[tuple[int, int]], month: date) -> dict[tuple[int, int], int]:
    """The provider of `smile.mentoring.time_budget`: for each (workplace, programme) with a
    signed commitment, its latest version's mentor hours per week times the month's weeks (its
    days / 7), in minutes. One query, however many keys."""
    if not keys:
        return {}
    first, after = month_bounds(month)
    weeks = Decimal((after - first).days) / 7
    wanted = set(keys)
    per_week: dict[tuple[int, int], Decimal] = {}
    for c in (
        Commitment.objects.filter(
            workplace_id__in={w for w, _p in wanted}, programme_id__in={p for _w, p in wanted}
        )
        .order_by("workplace_id", "programme_id", "version")
        .values("workplace_id", "programme_id", "mentor_hours_per_week")
    ):
        per_week[(c["workplace_id"], c["programme_id"])] = c["mentor_hours_per_week"]
    return {key: int(hours * weeks * 60) for key, hours in per_week.items() if key in wanted}


def mentor_times(
    *,
    month: date,
    today: date | None = None,
    programme_ids: list[int] | None = None,
    user_id: int | None = None,
) -> list[MentorTime]:
    """Every mentor's time in the month against her budget (or one mentor's: `user_id`), by the
    one rule of `smile.mentoring.time_budget`. Two queries at most, whatever the size."""
    today = today or timezone.localdate()
    first, after = month_bounds(month)
    past_middle = today >= first + (after - first) / 2
    pairs = Pair.objects.all()
    if programme_ids is not None:
        pairs = pairs.filter(programme_id__in=programme_ids)
    if user_id is not None:
        pairs = pairs.filter(mentor__user_id=user_id)
    in_month = Q(logs__held_on__gte=first, logs__held_on__lt=after)
    rows = list(
        pairs.order_by()
        .values(
            "mentor_id",
            "mentor__user_id",
            "mentor__user__full_name",
            "mentor__workplace_id",
            "programme_id",
            "programme__mentor_hours_per_month",
        )
        .annotate(
            minutes=Sum("logs__minutes", filter=in_month),
            adepts=Count("pk", distinct=True, filter=Q(status__in=LIVE_PAIR_STATUSES) | in_month),
        )
        .filter(adepts__gt=0)
    )
    commitments = time_budget.committed(
        {(r["mentor__workplace_id"], r["programme_id"]) for r in rows}, first
    )
    out = []
    for r in rows:
        found = time_budget.budget(
            workplace_id=r["mentor__workplace_id"],
            programme_id=r["programme_id"],
            hours_per_month=r["programme__mentor_hours_per_month"],
            adepts=r["adepts"],
            commitments=commitments,
        )
        budget, source = found.minutes, found.source
        minutes = r["minutes"] or 0
        out.append(
            MentorTime(
                mentor_id=r["mentor_id"],
                user_id=r["mentor__user_id"],
                name=r["mentor__user__full_name"],
                workplace_id=r["mentor__workplace_id"],
                programme_id=r["programme_id"],
                minutes=minutes,
                budget_minutes=budget,
                source=source,
                event=flag(minutes, budget, past_middle=past_middle),
            )
        )
    return out


MY_MONTHS = 6


@dataclass
class MyMonth:
    month: date
    rows: list[MentorTime]  # one per programme she mentored in that month


def my_months(*, user_id: int, today: date | None = None) -> list[MyMonth]:
    """A mentor's own time, this month and the five before (the newest first), against the budget
    her workplace committed: the manager's figures, for her alone. Two queries a month."""
    today = today or timezone.localdate()
    month = today.replace(day=1)
    months = []
    for _index in range(MY_MONTHS):
        rows = mentor_times(month=month, today=today, user_id=user_id)
        if rows:
            months.append(MyMonth(month=month, rows=rows))
        month = (month - timedelta(days=1)).replace(day=1)
    return months


def send_mentor_time_notices(*, today: date | None = None) -> int:
    """Tell each flagged mentor, and her workplace's managers, once per month and event.

    Run daily: over-use is told as soon as it shows, under-use once the month is half gone. A
    notice already sent for the same mentor, programme, month and event is not sent again.
    """
    today = today or timezone.localdate()
    first, _after = month_bounds(today)
    flagged = [t for t in mentor_times(month=first, today=today) if t.event]
    if not flagged:
        return 0
    sent = set(
        Notification.objects.filter(
            kind=Kind.MENTOR_TIME, params__month=first.isoformat()
        ).values_list("params__key", flat=True)
    )
    managers: dict[int, list[int]] = {}
    for m in Membership.objects.filter(
        role=Role.MANAGER,
        organisation__workplaces__in={t.workplace_id for t in flagged if t.workplace_id},
    ).values("user_id", "workplace_id", "organisation__workplaces"):
        if m["workplace_id"] in (None, m["organisation__workplaces"]):
            managers.setdefault(m["organisation__workplaces"], []).append(m["user_id"])
    period = formats.date_format(first, "YEAR_MONTH_FORMAT")
    notices = []
    for t in flagged:
        key = f"{t.mentor_id}:{t.programme_id}:{t.event}"
        if key in sent:
            continue
        params = {
            "event": t.event,
            "name": t.name,
            "logged": str(t.logged_hours),
            "budget": str(t.budget_hours),
            "period": period,
            "month": first.isoformat(),
            "key": key,
        }
        for recipient in {t.user_id, *managers.get(t.workplace_id or 0, [])}:
            notices.append(Notice(recipient_id=recipient, kind=Kind.MENTOR_TIME, params=params))
    notify_many(notices=notices)
    return len(notices)
