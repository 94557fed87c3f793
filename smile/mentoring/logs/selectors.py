"""Reads for the logs part of mentoring. Every read goes through the access policies."""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.core import policies
from smile.matching import access as matching_access
from smile.matching.home import HomeBasis, home_basis
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.mentoring import access, time_budget
from smile.mentoring.models import ActionItem, CheckIn, Dimension, MeetingLog, Rating
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme

# What each dimension asks, in plain words, beside its name on the form and the log page.
QUESTIONS: dict[str, Promise] = {
    Dimension.INCLUSION: _("Does the adept feel part of the workplace?"),
    Dimension.LEARNING: _("Does the work connect to what is learnt in the course?"),
    Dimension.EQUALITY: _("Is everyone treated fairly?"),
    Dimension.SUPPORT: _("Do we get time and help from the managers?"),
}
# Done items stay on the pair page this long, so a mistaken tick can be undone.
RECENTLY_DONE = timedelta(days=14)
PAIR_LOGS_SHOWN = 20
# Her own things to do at the top of her home: the soonest few.
HOME_MINE = 3


@dataclass(frozen=True)
class TimeRow:
    """A mentor's logged mentoring time in one programme and month, against her budget."""

    programme: Programme
    minutes: int
    budget_minutes: int
    # Where the budget comes from: `time_budget.SOURCE_COMMITMENT` or `SOURCE_PROGRAMME`.
    source: str = time_budget.SOURCE_PROGRAMME

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @property
    def budget_hours(self) -> float:
        return self.budget_minutes / 60

    @property
    def over(self) -> bool:
        """Over by the one rule (`time_budget.is_over`): more than a tenth over the budget."""
        return time_budget.is_over(self.minutes, self.budget_minutes)


def month_bounds(month: date) -> tuple[date, date]:
    """The first day of the month holding `month`, and the first day of the next month."""
    start = month.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1)
    return start, end


def mentor_time(
    *, user: User, month: date, enrolments: list[Enrolment] | None = None
) -> list[TimeRow]:
    """Minutes a mentor logged in a month, per programme where she mentors, against the budget.

    The budget is the one rule of `smile.mentoring.time_budget` (the figure of her my-time page
    and her manager's page): what her workplace committed in the programme where a provider
    knows it, otherwise the programme's hours "per month and adept" for each of her adepts in
    the programme: pairs that are live, or that logged time in the month (a pair completed
    mid-month still counts for that month), at least one. Two queries, however many pairs, and
    one more for the committed budgets when a provider is registered.
    """
    start, end = month_bounds(month)
    if enrolments is None:
        enrolments = list(
            Enrolment.objects.filter(
                user=user, role=EnrolmentRole.MENTOR, status=EnrolmentStatus.ACTIVE
            ).select_related("programme")
        )
    else:  # her active mentor enrolments, read already (a home's basis)
        enrolments = [e for e in enrolments if e.user_id == user.pk]
    enrolments = sorted(enrolments, key=lambda e: (e.programme.name, e.pk))
    in_month = Q(logs__held_on__gte=start, logs__held_on__lt=end)
    totals: dict[int, dict[str, Any]] = {
        row["programme_id"]: dict(row)
        for row in Pair.objects.filter(mentor__user=user, mentor__role=EnrolmentRole.MENTOR)
        .values("programme_id")
        .annotate(
            minutes=Sum("logs__minutes", filter=in_month),
            adepts=Count("pk", distinct=True, filter=Q(status__in=LIVE_PAIR_STATUSES) | in_month),
        )
        .order_by()
    }
    commitments = time_budget.committed(
        {(e.workplace_id, e.programme_id) for e in enrolments}, start
    )
    rows = []
    for enrolment in enrolments:
        programme = enrolment.programme
        total = totals.get(programme.pk, {})
        budget = time_budget.budget(
            workplace_id=enrolment.workplace_id,
            programme_id=programme.pk,
            hours_per_month=programme.mentor_hours_per_month,
            adepts=max(1, total.get("adepts") or 0),
            commitments=commitments,
        )
        rows.append(
            TimeRow(
                programme=programme,
                minutes=total.get("minutes") or 0,
                budget_minutes=budget.minutes,
                source=budget.source,
            )
        )
    return rows


def ratings_in_words(log: MeetingLog) -> list[dict[str, Any]]:
    """The check-in of a log in the four dimensions' order, each rating as its words.

    Reads `log.checkins.all()`, so prefetch `checkins` for a list of logs.
    """
    by_dimension = {checkin.dimension: checkin for checkin in log.checkins.all()}
    rows = []
    for dimension in Dimension:
        checkin = by_dimension.get(dimension.value)
        rows.append(
            {
                "dimension": dimension.label,
                "question": QUESTIONS[dimension],
                "rating": Rating(checkin.rating).label if checkin else None,
                "note": checkin.note if checkin else "",
            }
        )
    return rows


def _items_with_people(items: QuerySet[ActionItem]) -> QuerySet[ActionItem]:
    return items.select_related("owner", "done_by", "pair__adept__user", "pair__mentor__user")


def _tickable(user: User, items: list[ActionItem]) -> list[ActionItem]:
    """Mark which items are hers to tick (`access.can_tick`); the pair's people are loaded."""
    for item in items:
        item.can_tick = access.can_tick(user, item)  # type: ignore[attr-defined]
    return items


def _late(items: list[ActionItem], today: date) -> list[ActionItem]:
    for item in items:
        item.is_late = item.done_at is None and item.due_on < today  # type: ignore[attr-defined]
    return items


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """What the adept's or the mentor's home shows: her open things to do and the other side's,
    and for a mentor her mentoring time this month. Two queries at most (none without a live
    pair): the items of her live pairs (from the basis), and the mentor's logged minutes."""
    today = timezone.localdate()
    basis = basis or home_basis(user=user, role=role)
    pairs = {pair.pk: pair for pair in basis.live_pairs}
    items = (
        list(
            ActionItem.objects.filter(pair_id__in=sorted(pairs), done_at__isnull=True)
            .select_related("owner", "done_by")
            .order_by()
        )
        if pairs
        else []
    )
    for item in items:
        item.pair = pairs[item.pair_id]
        # "Done" only on her own things: the other side's are shown, not ticked, on her home.
        item.can_tick = access.can_tick(user, item)  # type: ignore[attr-defined]
    # Hers first, then the other side's; soonest first within each.
    items.sort(key=lambda item: (item.owner_id != user.pk, item.due_on, item.pk))
    items = _late(items, today)
    time = (
        mentor_time(user=user, month=today, enrolments=basis.active_enrolments)
        if role == "mentor"
        else []
    )
    mine = [item for item in items if item.owner_id == user.pk]
    return {
        "items": items,
        # What her home puts first: her own, soonest due; the rest are on the pair's page.
        "mine": mine[:HOME_MINE],
        "mine_more": mine[HOME_MINE:],
        "theirs": [item for item in items if item.owner_id != user.pk],
        "time": time,
        "show_adept": role == "mentor",
    }


def for_pair(*, user: User, pair: Pair) -> dict[str, Any]:
    """What the pair's mentorship page shows: the logs (newest first) with their check-ins, the
    open and recently done things to do, and the mentor's time this month. Fixed queries."""
    today = timezone.localdate()
    logs = list(
        access.visible_meeting_logs(user)
        .filter(pair=pair)
        .prefetch_related(Prefetch("checkins", queryset=CheckIn.objects.order_by("pk")))
        .order_by("-held_on", "-pk")[:PAIR_LOGS_SHOWN]
    )
    recent = timezone.now() - RECENTLY_DONE
    items = list(
        _items_with_people(
            access.visible_action_items(user).filter(
                Q(done_at__isnull=True) | Q(done_at__gte=recent), pair=pair
            )
        ).order_by("done_at", "due_on", "pk")
    )
    can_write = matching_access.workable_pairs(user).filter(pk=pair.pk).exists()
    time: list[TimeRow] = []
    if pair.mentor.user_id == user.pk:
        time = [
            row
            for row in mentor_time(user=user, month=today)
            if row.programme.pk == pair.programme_id
        ]
    if not (logs or items or can_write or time):
        return {}
    return {
        "pair": pair,
        "logs": [{"log": log, "ratings": ratings_in_words(log)} for log in logs],
        "open_items": _late(
            [item for item in _tickable(user, items) if item.done_at is None], today
        ),
        "done_items": [item for item in items if item.done_at is not None],
        "can_write": can_write,
        "time": time,
    }


def log_detail(*, user: User, pk: int) -> dict[str, Any]:
    """One log as its reader may see it: the check-in always, the notes only if allowed."""
    visible = policies.load(user, MeetingLog, pk)
    log = (
        MeetingLog.objects.select_related(
            "pair__programme", "pair__adept__user", "pair__mentor__user", "written_by", "meeting"
        )
        .prefetch_related("checkins")
        .get(pk=visible.pk)
    )
    items = _items_with_people(ActionItem.objects.filter(log=log)).order_by("due_on", "pk")
    return {
        "log": log,
        "pair": log.pair,
        "ratings": ratings_in_words(log),
        "can_read_notes": access.can_read_notes(user, log),
        "items": _late(_tickable(user, list(items)), timezone.localdate()),
        "can_write": matching_access.workable_pairs(user).filter(pk=log.pair_id).exists(),
    }
