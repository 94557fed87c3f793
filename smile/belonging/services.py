"""Writes for belonging pulses: the cadence, opening and closing rounds, and answering."""

import random
from collections.abc import Mapping
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.core import policies
from smile.core.actor import AnyUser
from smile.core.errors import ApplicationError
from smile.matching.models import Pair, PairStatus
from smile.notifications.models import Kind, Notification
from smile.notifications.services import Notice, finish, link_maker, notify_many, subject_maker
from smile.programmes.models import Programme

from . import access
from .models import OPEN_DAYS, Cadence, PulseAnswered, PulseResponse, PulseRound, PulseSettings
from .statements import CODES

_subject = subject_maker(PulseRound, "answer")


@transaction.atomic
def pulse_settings_set(*, user: AnyUser, programme: Programme, cadence_weeks: int) -> PulseSettings:
    policies.require(user, access.SEE, programme)
    if cadence_weeks not in Cadence.values:
        raise ApplicationError(_("Choose how often."), field="cadence_weeks")
    settings, _created = PulseSettings.objects.update_or_create(
        programme=programme, defaults={"cadence_weeks": cadence_weeks}
    )
    return settings


def cadence_of(programme: Programme) -> int:
    settings = PulseSettings.objects.filter(programme=programme).first()
    return Cadence.FOUR if settings is None else settings.cadence_weeks


@transaction.atomic
def rounds_open_due(*, now: datetime | None = None) -> int:
    """Open a round for each running programme whose cadence has come round, and ask each adept
    in an active pair with a workplace. Idempotent: a programme whose last round opened less than
    its cadence ago gets none. Returns how many rounds were opened."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    cadences = dict(PulseSettings.objects.values_list("programme_id", "cadence_weeks"))
    last_opened: dict[int, datetime] = {}
    for programme_id, opens_at in PulseRound.objects.values_list("programme_id", "opens_at"):
        last_opened[programme_id] = max(opens_at, last_opened.get(programme_id, opens_at))
    programmes = list(
        Programme.objects.select_for_update()
        .filter(starts_on__lte=today, ends_on__gte=today)
        .values_list("pk", "name")
    )
    link = link_maker("belonging:answer")
    opened = 0
    notices: list[Notice] = []
    for programme_id, name in programmes:
        weeks = cadences.get(programme_id, Cadence.FOUR)
        if not weeks:
            continue
        last = last_opened.get(programme_id)
        if last is not None and now - last < timedelta(weeks=weeks):
            continue
        adepts = set(
            Pair.objects.filter(
                programme_id=programme_id,
                status=PairStatus.ACTIVE,
                adept__workplace__isnull=False,
            ).values_list("adept__user_id", flat=True)
        )
        if not adepts:  # no empty rounds: the next adept in a pair starts the cadence
            continue
        round_ = PulseRound.objects.create(
            programme_id=programme_id,
            opens_at=now,
            closes_at=now + timedelta(days=OPEN_DAYS),
            asked=len(adepts),
        )
        opened += 1
        notices.extend(
            Notice(
                recipient_id=user_id,
                kind=Kind.BELONGING_PULSE,
                params={"programme": name},
                url=link(round_.pk),
                subject=_subject(round_.pk),
            )
            for user_id in sorted(adepts)
        )
    notify_many(notices=notices)
    return opened


@transaction.atomic
def rounds_close_due(*, now: datetime | None = None) -> int:
    """Close the rounds whose time is up: forget who answered, rewrite the answers in a random
    order (their keys then say nothing of the order of answering), and finish every notice of
    the round at the same moment (answered or not, they are then alike).
    Idempotent: a closed round is not touched again."""
    now = now or timezone.now()
    due = list(
        PulseRound.objects.select_for_update().filter(closed_at__isnull=True, closes_at__lte=now)
    )
    for round_ in due:
        round_close(round_=round_, now=now)
    return len(due)


def round_close(*, round_: PulseRound, now: datetime) -> None:
    rows = list(PulseResponse.objects.filter(round=round_).values("workplace_id", *CODES))
    PulseResponse.objects.filter(round=round_).delete()
    random.SystemRandom().shuffle(rows)
    PulseResponse.objects.bulk_create(PulseResponse(round=round_, **row) for row in rows)
    PulseAnswered.objects.filter(round=round_).delete()
    notices_even_out(subject=_subject(round_.pk), now=now)
    round_.closed_at = now
    round_.save(update_fields=["closed_at"])


def notices_even_out(*, subject: str, now: datetime) -> int:
    """Every notice of a closing round, answered or not, finished and read at the same moment:
    when she answered set `done_at` on hers (so that it left her bell), and when she opened it
    `read_at`; kept, those times would tell after the close who answered and when. Returns how
    many notices there are."""
    return Notification.objects.filter(kind=Kind.BELONGING_PULSE, subject=subject).update(
        done_at=now, read_at=now
    )


@transaction.atomic
def pulse_answer(*, user: AnyUser, round_: PulseRound, answers: Mapping[str, int]) -> None:
    """Her answers, stored without her name; a row that she answered stops a second answer until
    the round closes."""
    policies.require(user, access.ANSWER, round_)
    pair = (
        access.answering_pairs(user)
        .filter(programme_id=round_.programme_id)
        .values_list("adept__workplace_id", flat=True)
        .first()
    )
    if pair is None:
        raise ApplicationError(_("This pulse is not yours to answer."))
    missing = [code for code in CODES if answers.get(code) not in (1, 2, 3, 4, 5)]
    if missing:
        raise ApplicationError(_("Choose an answer for each statement."), field=missing[0])
    assert user.pk is not None  # required above: a person
    try:
        with transaction.atomic():
            PulseAnswered.objects.create(round=round_, user_id=user.pk)
    except IntegrityError:
        raise ApplicationError(_("You have already answered.")) from None
    PulseResponse.objects.create(
        round=round_, workplace_id=pair, **{code: answers[code] for code in CODES}
    )
    finish(subject=_subject(round_.pk), recipient=user)  # type: ignore[arg-type]
