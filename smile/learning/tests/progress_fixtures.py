"""Learning rows for the progress tests, made straight with the ORM: a small curriculum (two units
of three objectives), plans with levels and target dates, practice, reviews and hours."""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.learning.models import (
    Curriculum,
    HoursEntry,
    HoursKind,
    LearningPlan,
    Objective,
    PlanObjective,
    PracticeEntry,
    Review,
    ReviewStatus,
    Unit,
)
from smile.matching.models import Pair, PairStatus
from smile.organisations.choices import Role
from smile.programmes.models import Enrolment
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user


def curriculum(cast: Cast) -> list[Objective]:
    """Six objectives of a foundry curriculum of the school, used in the cast's programme."""
    found = Curriculum.objects.create(organisation=cast.school, name="Gjuteri grund")
    found.programmes.add(cast.programme)
    objectives = []
    for u, unit_name in enumerate(["Mätteknik", "Formning"], start=1):
        unit = Unit.objects.create(curriculum=found, code=f"U{u}", name=unit_name, order=u)
        for o in range(1, 4):
            objectives.append(
                Objective.objects.create(
                    curriculum=found,
                    unit=unit,
                    code=f"U{u}.{o}",
                    text=f"Mål {u}.{o}",
                    order=o,
                )
            )
    return objectives


def give_plan(
    enrolment: Enrolment,
    objectives: list[Objective],
    levels: list[int],
    *,
    targets: Sequence[date | None] | date | None = None,
) -> LearningPlan:
    """A plan with the first len(levels) objectives at those levels and target dates."""
    plan, _ = LearningPlan.objects.get_or_create(enrolment=enrolment)
    if targets is None or isinstance(targets, date):
        targets = [targets] * len(levels)
    PlanObjective.objects.bulk_create(
        PlanObjective(plan=plan, objective=objective, level=level, target_on=target)
        for objective, level, target in zip(objectives, levels, targets, strict=False)
    )
    return plan


def start(enrolment: Enrolment, on: date) -> Enrolment:
    Enrolment.objects.filter(pk=enrolment.pk).update(starts_on=on)
    enrolment.refresh_from_db()
    return enrolment


def at(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def log_practice(enrolment: Enrolment, on: date) -> PracticeEntry:
    return PracticeEntry.objects.create(
        enrolment=enrolment, done_on=on, note="Mätte formen", self_level=1
    )


def hold_review(enrolment: Enrolment, on: date) -> Review:
    return Review.objects.create(
        enrolment=enrolment, scheduled_for=at(on), status=ReviewStatus.HELD, held_at=at(on)
    )


def plan_review(enrolment: Enrolment, on: date, hour: int = 12) -> Review:
    return Review.objects.create(enrolment=enrolment, scheduled_for=at(on, hour))


def add_hours(
    enrolment: Enrolment, day: date, *, days_old: int, confirmed_by: User | None = None
) -> HoursEntry:
    """An entry of hours made `days_old` days ago (and confirmed, if a confirmer is given)."""
    entry = HoursEntry.objects.create(
        enrolment=enrolment,
        day=day,
        kind=HoursKind.WORKPLACE,
        starts_at=time(8),
        ends_at=time(12),
        confirmed_by=confirmed_by,
        confirmed_at=timezone.now() if confirmed_by else None,
    )
    HoursEntry.objects.filter(pk=entry.pk).update(
        created_at=timezone.now() - timedelta(days=days_old)
    )
    return entry


def add_adept(cast: Cast, n: int, objectives: list[Objective], *, mentor: Enrolment) -> Enrolment:
    """Another adept of the school in the cast's programme, paired with the mentor, with a plan,
    practice, a held and a planned review and hours (one confirmed, one waiting)."""
    user = make_user(f"adept{n}@elev.example", f"Adept {n:02d}")
    membership_create(actor=SYSTEM, user=user, organisation=cast.savsjo, role=Role.ADEPT)
    today = timezone.localdate()
    enrolment = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=user,
        role="adept",
        workplace=cast.moulding,
        education_provider=cast.school,
        starts_on=today - timedelta(days=100),
    )
    Pair.objects.create(
        programme=cast.programme,
        mentor=mentor,
        adept=enrolment,
        status=PairStatus.ACTIVE,
        started_on=today - timedelta(days=100),
    )
    give_plan(
        enrolment,
        objectives,
        [n % 4, 1, 2, 3, 0, 2],
        targets=today + timedelta(days=100 + n),
    )
    log_practice(enrolment, today - timedelta(days=n % 20))
    hold_review(enrolment, today - timedelta(days=30 + n))
    plan_review(enrolment, today + timedelta(days=10))
    add_hours(enrolment, today - timedelta(days=5), days_old=5)
    add_hours(enrolment, today - timedelta(days=6), days_old=6, confirmed_by=cast.bob)
    return enrolment
