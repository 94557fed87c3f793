"""Reads for belonging pulses, in a fixed number of queries.

Only closed rounds are shown: a count that grows while a round is open would tell a manager who
has just answered. A workplace's figures for a round are shown only where at least `MIN_SHOWN`
adepts of it answered; below that, not even the means of single statements are given. Each round
belongs to one programme and nothing is summed across workplaces, so no hidden figure can be
found by subtracting shown ones.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Avg, Count

from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment, EnrolmentRole

from .models import MIN_SHOWN, PulseResponse, PulseRound
from .statements import CODES


@dataclass(frozen=True)
class RoundFigure:
    round_id: int
    programme_id: int
    opens_at: datetime
    answered: int
    # The mean (1–5, one decimal) per statement code; None when fewer than MIN_SHOWN answered.
    means: dict[str, float] | None

    @property
    def shown(self) -> bool:
        return self.means is not None

    @property
    def overall(self) -> float | None:
        if self.means is None:
            return None
        return round(sum(self.means.values()) / len(self.means), 1)


def shown_means(answered: int, means: dict[str, float]) -> dict[str, float] | None:
    """The ≥ MIN_SHOWN rule in one place."""
    if answered < MIN_SHOWN:
        return None
    return {code: round(value, 1) for code, value in means.items()}


def workplace_trends(workplaces: Iterable[Workplace]) -> dict[int, list[RoundFigure]]:
    """For each workplace (by key), its closed rounds oldest first, each with how many answered
    and the means, suppressed below MIN_SHOWN. Three queries whatever the number of workplaces and
    rounds: the programmes the workplaces have adepts in, their closed rounds, the sums."""
    ids = [workplace.pk for workplace in workplaces]
    if not ids:
        return {}
    programmes_of: dict[int, set[int]] = defaultdict(set)
    for workplace_id, programme_id in (
        Enrolment.objects.filter(workplace_id__in=ids, role=EnrolmentRole.ADEPT)
        .values_list("workplace_id", "programme_id")
        .distinct()
    ):
        programmes_of[workplace_id].add(programme_id)
    programme_ids = set().union(*programmes_of.values()) if programmes_of else set()
    rounds = list(
        PulseRound.objects.filter(programme_id__in=programme_ids, closed_at__isnull=False)
        .order_by("opens_at", "pk")
        .values_list("pk", "programme_id", "opens_at")
    )
    sums: dict[tuple[int, int], dict[str, Any]] = {
        (row["workplace_id"], row["round_id"]): dict(row)
        for row in PulseResponse.objects.filter(
            workplace_id__in=ids, round__closed_at__isnull=False
        )
        .values("workplace_id", "round_id")
        .annotate(n=Count("pk"), **{f"m_{code}": Avg(code) for code in CODES})
        .order_by()
    }
    trends: dict[int, list[RoundFigure]] = {}
    for workplace_id in ids:
        figures = []
        for round_id, programme_id, opens_at in rounds:
            if programme_id not in programmes_of.get(workplace_id, ()):
                continue
            row = sums.get((workplace_id, round_id))
            answered = row["n"] if row else 0
            means = {code: float(row[f"m_{code}"]) for code in CODES} if row else {}
            figures.append(
                RoundFigure(
                    round_id, programme_id, opens_at, answered, shown_means(answered, means)
                )
            )
        trends[workplace_id] = figures
    return trends
