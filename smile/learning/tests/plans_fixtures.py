"""A small foundry curriculum for the plan tests, and a mentor of another workplace.

Lärcentrum owns "Gjuteri grund", used in the Gjuterivägen programme: two units (measurement,
moulding) with five objectives; one task at the moulding workplace practises M1 and F1.
"""

from dataclasses import dataclass

from smile.learning.models import Curriculum, Objective, Unit, WorkplaceTask
from tests.cast import Cast, add_other_mentor


@dataclass
class Course:
    curriculum: Curriculum
    measuring: Unit
    moulding: Unit
    m1: Objective
    m2: Objective
    f1: Objective
    f2: Objective
    f3: Objective
    task: WorkplaceTask

    @property
    def objectives(self) -> list[Objective]:
        return [self.m1, self.m2, self.f1, self.f2, self.f3]


def build_course(cast: Cast) -> Course:
    curriculum = Curriculum.objects.create(
        organisation=cast.school, name="Gjuteri grund", trade="Gjuteri"
    )
    curriculum.programmes.add(cast.programme)
    measuring = Unit.objects.create(curriculum=curriculum, code="M", name="Mätteknik", order=1)
    moulding = Unit.objects.create(curriculum=curriculum, code="F", name="Formning", order=2)

    def objective(unit: Unit, code: str, text: str, order: int) -> Objective:
        return Objective.objects.create(
            curriculum=curriculum, unit=unit, code=code, text=text, order=order
        )

    m1 = objective(measuring, "M1", "Mäta en form med skjutmått", 1)
    m2 = objective(measuring, "M2", "Läsa en ritning", 2)
    f1 = objective(moulding, "F1", "Bygga en sandform", 1)
    f2 = objective(moulding, "F2", "Placera kärnor rätt", 2)
    f3 = objective(moulding, "F3", "Kontrollera formen före gjutning", 3)
    task = WorkplaceTask.objects.create(
        workplace=cast.moulding,
        title="Formlinje 2: mäta och bygga formar",
        location="Hall B",
        tools="Skjutmått, formsand",
        safety_notes="Skyddsskor och hörselskydd",
    )
    task.objectives.add(m1, f1)
    return Course(
        curriculum=curriculum,
        measuring=measuring,
        moulding=moulding,
        m1=m1,
        m2=m2,
        f1=f1,
        f2=f2,
        f3=f3,
        task=task,
    )


def more_objectives(course: Course, count: int) -> list[Objective]:
    """Extra objectives in the moulding unit, each practised in the moulding task."""
    made = [
        Objective.objects.create(
            curriculum=course.curriculum,
            unit=course.moulding,
            code=f"X{number}",
            text=f"Extra mål {number}",
            order=10 + number,
        )
        for number in range(1, count + 1)
    ]
    course.task.objectives.add(*made)
    return made


other_mentor = add_other_mentor
