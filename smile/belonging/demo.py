"""Demo pulses for `make run`: three closed rounds, one workplace with enough answers to show and
one with too few. The answers are made up (a closed round keeps no link to people anyway)."""

from datetime import datetime, timedelta

from django.utils import timezone

from smile.organisations.models import Workplace
from smile.programmes.models import Programme

from .models import OPEN_DAYS, PulseResponse, PulseRound

# (day the round opened, answers at the shown workplace, answers at the hidden one)
_ROUNDS = [((2026, 9, 14), 6, 3), ((2026, 10, 12), 5, 2), ((2026, 11, 9), 7, 4)]
# Each answer: welcome, help, expected, colleagues, fair; varied so that the means move.
_PATTERN = [(4, 5, 3, 3, 4), (3, 4, 4, 2, 4), (5, 5, 4, 4, 5), (2, 3, 3, 2, 3), (4, 4, 5, 3, 4)]


def load_belonging_demo(*, programme: Programme, shown: Workplace, hidden: Workplace) -> None:
    for index, ((year, month, day), many, few) in enumerate(_ROUNDS):
        opens_at = timezone.make_aware(datetime(year, month, day, 8, 0))
        round_ = PulseRound.objects.create(
            programme=programme,
            opens_at=opens_at,
            closes_at=opens_at + timedelta(days=OPEN_DAYS),
            closed_at=opens_at + timedelta(days=OPEN_DAYS),
            asked=many + few + 2,
        )
        rows = []
        for workplace, count in ((shown, many), (hidden, few)):
            for answer in range(count):
                welcome, help_, expected, colleagues, fair = _PATTERN[(answer + index) % 5]
                rows.append(
                    PulseResponse(
                        round=round_,
                        workplace=workplace,
                        welcome=min(welcome + index // 2, 5),
                        help=help_,
                        expected=expected,
                        colleagues=min(colleagues + index, 5),
                        fair=fair,
                    )
                )
        PulseResponse.objects.bulk_create(rows)
