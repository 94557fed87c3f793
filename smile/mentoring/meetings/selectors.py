"""Reads for the meetings part of mentoring. Every read goes through the access policies."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from smile.accounts.models import User
from smile.core import policies
from smile.matching.home import HomeBasis, home_basis
from smile.matching.models import Pair, PairStatus
from smile.mentoring import access
from smile.mentoring.meetings.services import MAX_MINUTES, may_accept, may_counter
from smile.mentoring.models import Meeting, MeetingStatus

PAST_SHOWN = 5
RELATED = ("pair__adept__user", "pair__mentor__user", "proposed_by")


def _ends_at(meeting: Meeting) -> datetime:
    return meeting.starts_at + timedelta(minutes=meeting.duration_minutes)


@dataclass
class MeetingView:
    """A meeting as one reader sees it: what she may do with it."""

    meeting: Meeting
    can_accept: bool
    can_counter: bool
    can_cancel: bool
    can_log: bool
    waiting_for_me: bool
    with_whom: User | None


def meeting_view(
    meeting: Meeting, user: User, *, coordinates: bool, now: datetime | None = None
) -> MeetingView:
    """`coordinates`: the reader may change the meeting's pair (asked once by the caller)."""
    now = now or timezone.now()
    pair = meeting.pair
    side = access.is_side(user, pair)
    open_ = meeting.status != MeetingStatus.CANCELLED and meeting.starts_at > now
    active = pair.status == PairStatus.ACTIVE
    past_confirmed = meeting.status == MeetingStatus.CONFIRMED and _ends_at(meeting) <= now
    if user.pk == pair.adept.user_id:
        with_whom: User | None = pair.mentor.user
    elif user.pk == pair.mentor.user_id:
        with_whom = pair.adept.user
    else:
        with_whom = None
    accept = open_ and active and may_accept(meeting, user)
    return MeetingView(
        meeting=meeting,
        can_accept=accept,
        can_counter=open_ and active and may_counter(meeting, user),
        can_cancel=open_ and (side or coordinates),
        # Asked last: only a past meeting's log is looked up (fetched with it by the callers).
        can_log=side and past_confirmed and not hasattr(meeting, "log"),
        waiting_for_me=accept,
        with_whom=with_whom,
    )


def meeting_detail(*, user: User, pk: int) -> MeetingView:
    """One meeting for its page; a meeting the person may not see is a 404."""
    policies.load(user, Meeting, pk)
    meeting = Meeting.objects.select_related(*RELATED, "log", "pair__programme").get(pk=pk)
    return meeting_view(meeting, user, coordinates=policies.can_change(user, meeting.pair))


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """What the adept's or the mentor's home shows: the next meetings and proposals to answer.

    One query (none without a live pair): her live pairs' meetings that have not ended, in time
    order; the pairs come from the basis.
    """
    now = timezone.now()
    basis = basis or home_basis(user=user, role=role)
    pairs = {pair.pk: pair for pair in basis.live_pairs}
    meetings = (
        list(
            Meeting.objects.filter(
                pair_id__in=sorted(pairs),
                status__in=[MeetingStatus.PROPOSED, MeetingStatus.CONFIRMED],
                # Only a meeting that may not have ended yet; the exact end is checked below.
                starts_at__gt=now - timedelta(minutes=MAX_MINUTES),
            )
            .select_related("proposed_by")
            .order_by("starts_at", "pk")
        )
        if pairs
        else []
    )
    for meeting in meetings:
        meeting.pair = pairs[meeting.pair_id]
    upcoming: list[MeetingView] = []
    to_answer: list[MeetingView] = []
    waiting: list[MeetingView] = []
    for meeting in meetings:
        if _ends_at(meeting) <= now:
            continue
        view = meeting_view(meeting, user, coordinates=False, now=now)
        if meeting.status == MeetingStatus.CONFIRMED:
            upcoming.append(view)
        elif meeting.starts_at <= now:
            continue  # a proposal nobody answered in time is of no use on the home page
        elif view.waiting_for_me:
            to_answer.append(view)
        else:
            waiting.append(view)
    empty = not (upcoming or to_answer or waiting)
    return {
        "role": role,
        # The adept's home says what is next (the pair's page lists them all); a mentor's the
        # next few of all her adepts.
        "upcoming": upcoming[: 1 if role == "adept" else 3],
        "to_answer": to_answer,
        "waiting": waiting,
        "empty": empty,
        # A mentor without adepts is told so by her home already.
        "has_pairs": not empty or (role == "mentor" and bool(pairs)),
    }


def for_pair(*, user: User, pair: Pair) -> dict[str, Any]:
    """The pair page's meetings: coming ones and proposals, then the last five past ones.

    Three queries: the coming meetings, the past ones, and whether the reader coordinates.
    """
    now = timezone.now()
    side = access.is_side(user, pair)
    coordinates = not side and policies.can_change(user, pair)
    base = Meeting.objects.filter(pair=pair).select_related("proposed_by", "log")
    soon = base.filter(starts_at__gt=now - timedelta(minutes=MAX_MINUTES)).exclude(
        status=MeetingStatus.CANCELLED
    )
    coming: list[MeetingView] = []
    past: list[MeetingView] = []
    for meeting in soon.order_by("starts_at", "pk"):
        meeting.pair = pair
        if _ends_at(meeting) > now and (
            meeting.status == MeetingStatus.CONFIRMED or meeting.starts_at > now
        ):
            coming.append(meeting_view(meeting, user, coordinates=coordinates, now=now))
    earlier = base.filter(
        status=MeetingStatus.CONFIRMED,
        starts_at__lte=now,
    ).order_by("-starts_at", "-pk")[: PAST_SHOWN + 1]
    for meeting in earlier:
        meeting.pair = pair
        if _ends_at(meeting) <= now and len(past) < PAST_SHOWN:
            past.append(meeting_view(meeting, user, coordinates=coordinates, now=now))
    return {
        "pair": pair,
        "coming": coming,
        "past": past,
        "can_propose": pair.status == PairStatus.ACTIVE
        and (access.is_side(user, pair) or coordinates),
    }
