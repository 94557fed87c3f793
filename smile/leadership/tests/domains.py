"""Data of the later domains for the SMILE page's tests: onboarding steps, closed belonging rounds,
concerns and active measures, written straight to their tables (each domain's own tests cover how
they get there)."""

from datetime import timedelta

from django.utils import timezone

from smile.belonging.models import PulseResponse, PulseRound
from smile.equality.models import Concern, Measure, MeasureCycle
from smile.inclusion.models import ChecklistItem
from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment, Programme


def steps(enrolment: Enrolment, *, done: int, open_: int = 0, late: int = 0) -> None:
    """Her checklist, exactly: `done` steps ticked, `open_` not yet due, `late` past their day
    (the steps copied at her placement are replaced)."""
    today = timezone.localdate()
    ChecklistItem.objects.filter(enrolment=enrolment).delete()
    for i in range(done):
        ChecklistItem.objects.create(
            enrolment=enrolment, title=f"Klar {i}", position=i, done_at=timezone.now()
        )
    for i in range(open_):
        ChecklistItem.objects.create(
            enrolment=enrolment, title=f"Öppen {i}", due_on=today + timedelta(days=5)
        )
    for i in range(late):
        ChecklistItem.objects.create(
            enrolment=enrolment, title=f"Sen {i}", due_on=today - timedelta(days=2)
        )


def pulse_round(programme: Programme, days_ago: int, answers: dict[Workplace, list[int]]) -> None:
    """A closed round of the programme; each answer gives every statement the same value."""
    opens = timezone.now() - timedelta(days=days_ago)
    round_ = PulseRound.objects.create(
        programme=programme,
        opens_at=opens,
        closes_at=opens + timedelta(days=7),
        closed_at=opens + timedelta(days=7),
    )
    for workplace, values in answers.items():
        for v in values:
            PulseResponse.objects.create(
                round=round_,
                workplace=workplace,
                welcome=v,
                help=v,
                expected=v,
                colleagues=v,
                fair=v,
            )


def concerns(
    programme: Programme, workplace: Workplace, count: int, step: str = "received"
) -> None:
    for _i in range(count):
        Concern.objects.create(
            programme=programme,
            kind="unfair",
            place="workplace",
            workplace=workplace,
            language="sv",
            payload="-",
            step=step,
            acknowledge_by=timezone.localdate() + timedelta(days=7),
        )


def cycle(workplace: Workplace, year: int, status: str, measures: list[int]) -> MeasureCycle:
    """A cycle of active measures with one open measure due in each of `measures` days (a
    negative number: late)."""
    made = MeasureCycle.objects.create(workplace=workplace, year=year, status=status)
    for days in measures:
        Measure.objects.create(
            cycle=made,
            title="Åtgärd",
            due_on=timezone.localdate() + timedelta(days=days),
        )
    return made
