"""Test helpers for reviews and hours: a small plan for dana, another workplace's mentor."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.learning.models import (
    Curriculum,
    HoursEntry,
    LearningPlan,
    Level,
    Objective,
    PlanObjective,
    Unit,
)
from smile.matching.models import Pair, PairStatus
from smile.organisations.choices import Role
from smile.programmes.models import Enrolment
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user


def dana_plan(cast: Cast, today: date) -> LearningPlan:
    """Three objectives: one late (target passed, not independent), one later, one without a
    target date."""
    curriculum = Curriculum.objects.create(organisation=cast.school, name="Gjuteri")
    curriculum.programmes.add(cast.programme)
    unit = Unit.objects.create(curriculum=curriculum, code="M", name="Mätteknik")
    objectives = [
        Objective.objects.create(curriculum=curriculum, unit=unit, code=f"M{i}", text=text)
        for i, text in enumerate(["Mäta med skjutmått", "Läsa en ritning", "Kontrollera gods"], 1)
    ]
    plan = LearningPlan.objects.create(enrolment=cast.dana_enrolment)
    PlanObjective.objects.create(
        plan=plan, objective=objectives[0], target_on=today + timedelta(days=30), level=1
    )
    PlanObjective.objects.create(
        plan=plan,
        objective=objectives[1],
        target_on=today - timedelta(days=5),
        level=Level.WITH_SUPPORT,
    )
    PlanObjective.objects.create(plan=plan, objective=objectives[2], level=0)
    return plan


def other_mentor(cast: Cast) -> User:
    """Max mentors erin at another workplace of the same foundry: he must see nothing of dana."""
    max_ = make_user("max@gjuteri.example", "Max Mattsson")
    membership_create(
        actor=SYSTEM,
        user=max_,
        organisation=cast.foundry,
        role=Role.MENTOR,
        workplace=cast.finishing,
    )
    enrolment = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=max_,
        role="mentor",
        workplace=cast.finishing,
        starts_on=cast.erin_enrolment.starts_on,
    )
    Pair.objects.create(
        programme=cast.programme,
        mentor=enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=cast.erin_enrolment.starts_on,
    )
    return max_


def at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def entry(
    enrolment: Enrolment,
    day: date,
    start: str,
    end: str,
    *,
    kind: str = "workplace",
    confirmed_by: User | None = None,
) -> HoursEntry:
    return HoursEntry.objects.create(
        enrolment=enrolment,
        day=day,
        kind=kind,
        starts_at=time.fromisoformat(start),
        ends_at=time.fromisoformat(end),
        confirmed_by=confirmed_by,
        confirmed_at=timezone.now() if confirmed_by else None,
    )
