"""A small foundry curriculum for the practice tests: two units of three objectives, used in the
cast's programme, and tasks at dana's workplace (moulding) and at erin's (finishing)."""

import io
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from smile.learning.models import (
    Curriculum,
    LearningPlan,
    Objective,
    PlanObjective,
    Unit,
    WorkplaceTask,
)
from tests.cast import Cast, add_other_mentor


@dataclass
class Practice:
    curriculum: Curriculum
    objectives: list[Objective]
    measure: WorkplaceTask  # trains one objective
    mould: WorkplaceTask  # trains two
    sweep: WorkplaceTask  # trains none
    grind: WorkplaceTask  # at erin's workplace


def build_practice(cast: Cast) -> Practice:
    curriculum = Curriculum.objects.create(organisation=cast.school, name="Gjuteri")
    curriculum.programmes.add(cast.programme)
    objectives = []
    for u in (1, 2):
        unit = Unit.objects.create(curriculum=curriculum, code=f"U{u}", name=f"Enhet {u}", order=u)
        for o in (1, 2, 3):
            objectives.append(
                Objective.objects.create(
                    curriculum=curriculum,
                    unit=unit,
                    code=f"{u}.{o}",
                    text=f"Mål {u}.{o}",
                    order=o,
                )
            )
    measure = WorkplaceTask.objects.create(workplace=cast.moulding, title="Mäta formen")
    measure.objectives.add(objectives[0])
    mould = WorkplaceTask.objects.create(workplace=cast.moulding, title="Forma sand")
    mould.objectives.add(objectives[1], objectives[2])
    sweep = WorkplaceTask.objects.create(workplace=cast.moulding, title="Städa")
    grind = WorkplaceTask.objects.create(workplace=cast.finishing, title="Slipa")
    grind.objectives.add(objectives[3])
    return Practice(curriculum, objectives, measure, mould, sweep, grind)


def give_plan(cast: Cast, objectives: list[Objective], level: int = 0) -> list[PlanObjective]:
    plan = LearningPlan.objects.create(enrolment=cast.dana_enrolment)
    return [PlanObjective.objects.create(plan=plan, objective=o, level=level) for o in objectives]


other_mentor = add_other_mentor


def png_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(out, "PNG")
    return out.getvalue()


def png_upload(name: str = "work.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")
