"""Adepts in active pairs at a workplace, and a round, for the belonging tests."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from smile.accounts.models import User
from smile.belonging import services
from smile.belonging.models import PulseRound
from smile.core.actor import SYSTEM
from smile.matching.models import Pair, PairStatus
from smile.organisations.models import Workplace
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user

ALL_FOURS = {"welcome": 4, "help": 4, "expected": 4, "colleagues": 4, "fair": 4}


def add_adepts(cast: Cast, count: int, *, workplace: Workplace, prefix: str = "a") -> list[User]:
    """`count` adepts placed at `workplace`, each paired with bob."""
    people = []
    for index in range(count):
        user = make_user(f"{prefix}{index}@{workplace.pk}.example", f"Adept {prefix}{index}")
        enrolment = enrolment_create(
            actor=SYSTEM,
            programme=cast.programme,
            user=user,
            role="adept",
            workplace=workplace,
            education_provider=cast.school,
            starts_on=date(2026, 8, 10),
        )
        Pair.objects.create(
            programme=cast.programme,
            mentor=cast.bob_enrolment,
            adept=enrolment,
            status=PairStatus.ACTIVE,
            started_on=date(2026, 8, 10),
        )
        people.append(user)
    return people


def open_round(when: datetime | None = None) -> PulseRound:
    """Open the programmes' rounds now (or `when`) and return the cast programme's one."""
    services.rounds_open_due(now=when or timezone.now())
    return PulseRound.objects.order_by("-pk").first()  # type: ignore[return-value]


def close_round(round_: PulseRound) -> None:
    services.rounds_close_due(now=round_.closes_at + timedelta(seconds=1))
    round_.refresh_from_db()
