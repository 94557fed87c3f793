"""Reads for the closing part of mentoring. Every read goes through the access policies.

The other side's reflection is only ever read through `access.visible_reflections`, which gives it
once both have written; nothing here reads a reflection's text another way.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from smile.accounts.models import User
from smile.matching import access as matching_access
from smile.matching.home import HomeBasis
from smile.matching.models import Pair
from smile.mentoring import access
from smile.mentoring.closing.services import CLOSED_STATUSES, is_closed, side_of
from smile.mentoring.models import Reflection, Side

# The home asks for a reflection this long after the end; the page itself stays open.
ASK_ON_HOME_FOR = timedelta(days=90)


@dataclass
class ReflectionState:
    pair: Pair
    side: str | None  # the reader's side, None for a coordinator
    closed: bool
    own: Reflection | None
    other: Reflection | None  # set only when both have written
    other_name: str
    both: list[Reflection]  # both reflections, adept first, once both have written

    @property
    def can_write(self) -> bool:
        return self.side is not None and self.closed and self.own is None


def reflection_state(*, user: User, pair: Pair) -> ReflectionState:
    side = side_of(pair, user)
    visible = {r.side: r for r in access.visible_reflections(user).filter(pair=pair)}
    own = visible.get(side) if side is not None else None
    other_side: str | None = {"adept": "mentor", "mentor": "adept"}.get(side or "")
    other = visible.get(other_side) if other_side else None
    both = [visible[s] for s in (Side.ADEPT, Side.MENTOR) if s in visible]
    if len(both) < 2:
        both = []
        other = None
    other_user = pair.mentor.user if side == Side.ADEPT else pair.adept.user
    return ReflectionState(
        pair=pair,
        side=side,
        closed=is_closed(pair),
        own=own,
        other=other,
        other_name=other_user.full_name,
        both=both,
    )


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """Her pairs that ended lately and still wait for her reflection (role: "adept"/"mentor").

    One query; on a home, none unless one of her pairs (the basis) ended lately.
    """
    if role not in (Side.ADEPT, Side.MENTOR):
        return {}
    since = timezone.localdate() - ASK_ON_HOME_FOR
    if basis is not None:
        ended = [
            pair.pk
            for pair in basis.pairs
            if pair.status in CLOSED_STATUSES
            and pair.started_on is not None
            and pair.ended_on is not None
            and pair.ended_on >= since
        ]
        if not ended:
            return {}
        candidates = Pair.objects.filter(pk__in=ended)
    else:
        candidates = matching_access.own_pairs(user).filter(
            **{f"{role}__user": user},
            status__in=CLOSED_STATUSES,
            started_on__isnull=False,
            ended_on__gte=since,
        )
    pairs = list(
        candidates.exclude(reflections__side=role)
        .select_related("adept__user", "mentor__user")
        .order_by("-ended_on", "pk")
    )
    if not pairs:
        return {}
    other = "mentor" if role == Side.ADEPT else "adept"
    return {"asks": [{"pair": p, "name": getattr(p, other).user.full_name} for p in pairs]}


def for_pair(*, user: User, pair: Pair) -> dict[str, Any]:
    """Where the reflections stand, once the pair has closed (nothing before)."""
    if not is_closed(pair):
        return {}
    written = set(Reflection.objects.filter(pair=pair).values_list("side", flat=True))
    side = side_of(pair, user)
    return {
        "pair": pair,
        "side": side,
        "own_written": side in written,
        "both_written": len(written) == 2,
    }
