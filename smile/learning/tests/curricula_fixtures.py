"""A small curriculum for the shared cast (2 units × 3 objectives, owned by the school, used in
the programme), a task at `cast.moulding`, and Finn: a mentor at `cast.finishing`, paired with
Erin, who must not change the tasks of the moulding shop."""

from dataclasses import dataclass
from datetime import date

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.learning.models import Curriculum, Objective, Unit, WorkplaceTask
from smile.matching.models import Pair, PairStatus
from smile.organisations.choices import Role
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user


def in_swedish(text: str) -> str:
    """How a page in another language (tests read English pages) shows a Swedish text that has
    no version in the page's language yet."""
    return (
        f'<bdi lang="sv" dir="ltr">{text}</bdi> '
        '<span class="not-translated">Not yet in your language</span>'
    )


@dataclass
class Foundry:
    curriculum: Curriculum
    units: list[Unit]
    objectives: list[Objective]
    task: WorkplaceTask


def make_curriculum(cast: Cast, *, units: int = 2, per_unit: int = 3) -> Foundry:
    curriculum = Curriculum.objects.create(
        organisation=cast.school, name="Gjuteri", trade="Gjuteri", description="Grunderna."
    )
    curriculum.programmes.add(cast.programme)
    made_units: list[Unit] = []
    objectives: list[Objective] = []
    for u in range(1, units + 1):
        unit = Unit.objects.create(curriculum=curriculum, code=f"U{u}", name=f"Enhet {u}", order=u)
        made_units.append(unit)
        for o in range(1, per_unit + 1):
            objectives.append(
                Objective.objects.create(
                    curriculum=curriculum,
                    unit=unit,
                    code=f"U{u}.{o}",
                    text=f"Jag kan sak {u}.{o}",
                    order=o,
                )
            )
    task = WorkplaceTask.objects.create(
        workplace=cast.moulding,
        title="Kontrollmäta formen",
        location="Bana 2",
        tools="Skjutmått",
        safety_notes="Skyddsglasögon och hörselskydd",
    )
    task.objectives.set(objectives[:2])
    return Foundry(curriculum=curriculum, units=made_units, objectives=objectives, task=task)


def make_finn(cast: Cast) -> User:
    """A mentor at the finishing shop, paired with Erin."""
    finn = make_user("finn@gjuteri.example", "Finn Falk")
    membership_create(
        actor=SYSTEM,
        user=finn,
        organisation=cast.foundry,
        role=Role.MENTOR,
        workplace=cast.finishing,
    )
    start = date(2026, 8, 10)
    enrolment = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=finn,
        role="mentor",
        workplace=cast.finishing,
        starts_on=start,
    )
    Pair.objects.create(
        programme=cast.programme,
        mentor=enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=start,
    )
    return finn
