"""Reads for the coordinator's list of pairs: the same few queries however many pairs there are.

Which pairs: `matching.access.changeable_pairs` (the pairs of the programmes she coordinates).
A pair's health is the early warnings about it (`mentoring.warnings`: no meeting for longer than
the programme's cadence, things to do that are late), read once for all her programmes; its last
meeting is the latest log or confirmed meeting that has taken place.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.matching.access import changeable_pairs
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.mentoring.models import Meeting, MeetingLog, MeetingStatus
from smile.mentoring.warnings.selectors import LATE_ACTIONS, NO_MEETING, early_warnings
from smile.programmes import access as programmes_access
from smile.programmes.models import Programme

PAGE_SIZE = 25
WELL = "well"
WARNING = "warning"
# The warnings that are about a pair's own work (the others are about a mentor's time or an
# adept's life, and belong to the warnings page).
PAIR_WARNINGS = (NO_MEETING, LATE_ACTIONS)


def health_choices() -> list[tuple[str, str]]:
    return [(WARNING, _("Needs a look")), (WELL, _("Going well"))]


@dataclass
class PairRow:
    pair: Pair
    # WELL or WARNING for an active or paused pair; None for one not (or no longer) under way.
    health: str | None
    warnings: list[str] = field(default_factory=list)
    last_meeting: date | None = None


@dataclass
class PairsPage:
    page: Page
    rows: list[PairRow]
    count: int
    # The page links to show: 1 2 … 7 8 9 … 52 53.
    numbers: list[int | str]


def _warned(user: User, programme: Programme | None) -> dict[int, list[str]]:
    """The pairs with an open warning about their work, and what it says."""
    found: dict[int, list[str]] = {}
    for row in early_warnings(user=user, programme=programme):
        if row.kind in PAIR_WARNINGS and row.pair_pk is not None:
            found.setdefault(row.pair_pk, []).append(row.text)
    return found


def _last(log_on: date | None, meeting_at: datetime | None) -> date | None:
    days = [d for d in (log_on, timezone.localdate(meeting_at) if meeting_at else None) if d]
    return max(days) if days else None


def _pairs(
    user: User,
    *,
    programme: Programme | None,
    status: str | None,
    search: str,
    health: str | None,
    warned: dict[int, list[str]],
) -> QuerySet[Pair]:
    pairs = changeable_pairs(user)
    if programme is not None:
        pairs = pairs.filter(programme=programme)
    if status:
        pairs = pairs.filter(status=status)
    if search:
        pairs = pairs.filter(
            Q(adept__user__full_name__icontains=search)
            | Q(mentor__user__full_name__icontains=search)
        )
    if health == WARNING:
        pairs = pairs.filter(pk__in=list(warned))
    elif health == WELL:
        pairs = pairs.filter(status__in=LIVE_PAIR_STATUSES).exclude(pk__in=list(warned))
    return pairs


def pairs_page(
    *,
    user: User,
    number: str | int | None = None,
    programme: Programme | None = None,
    status: str | None = None,
    health: str | None = None,
    search: str = "",
) -> PairsPage:
    """The page `number` of her pairs (25 a page), by the adept's name. A number that is not one
    gives the first page, one past the end the last, so an old or edited link still shows
    something. Six queries: her programmes and three kinds of warning (the health), the count,
    and the page's pairs with their people, workplace and last meeting."""
    warned = _warned(user, programme)
    pairs = _pairs(
        user, programme=programme, status=status, search=search, health=health, warned=warned
    )
    now = timezone.now()
    last_log = MeetingLog.objects.filter(pair=OuterRef("pk")).order_by("-held_on")
    last_meeting = Meeting.objects.filter(
        pair=OuterRef("pk"), status=MeetingStatus.CONFIRMED, starts_at__lt=now
    ).order_by("-starts_at")
    pairs = (
        pairs.select_related(
            "programme", "adept__user", "adept__workplace__organisation", "mentor__user"
        )
        .annotate(
            last_log_on=Subquery(last_log.values("held_on")[:1]),
            last_meeting_at=Subquery(last_meeting.values("starts_at")[:1]),
        )
        .order_by("adept__user__full_name", "mentor__user__full_name", "pk")
    )
    paginator = Paginator(pairs, PAGE_SIZE)
    try:
        number = max(1, int(number or 1))
    except (TypeError, ValueError):
        number = 1
    page = paginator.get_page(number)
    rows = []
    for pair in page.object_list:
        live = pair.status in LIVE_PAIR_STATUSES
        texts = warned.get(pair.pk, [])
        rows.append(
            PairRow(
                pair=pair,
                health=(WARNING if texts else WELL) if live else None,
                warnings=texts,
                last_meeting=_last(pair.last_log_on, pair.last_meeting_at),  # type: ignore[attr-defined]
            )
        )
    numbers = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return PairsPage(page=page, rows=rows, count=paginator.count, numbers=numbers)


def her_programmes(*, user: User) -> list[Programme]:
    """The programmes she coordinates, by name: the programme filter's choices."""
    return list(programmes_access.changeable_programmes(user).order_by("name"))
