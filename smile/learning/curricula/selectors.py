"""Reads for curricula and workplace tasks. Every read starts from the access policies."""

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from smile.accounts.models import User
from smile.core.actor import AnyUser
from smile.learning import access
from smile.learning.models import Curriculum, Objective, Unit, WorkplaceTask
from smile.matching.home import HomeBasis
from smile.organisations import access as organisations_access
from smile.organisations.models import Organisation, Workplace
from smile.programmes import access as programmes_access
from smile.programmes.models import Enrolment, Programme


def editor_organisations(*, user: AnyUser) -> QuerySet[Organisation]:
    """The organisations a person may make a curriculum for: where she teaches or coordinates."""
    return access.curriculum_owners(user).order_by("name")


def curriculum_programmes(*, user: AnyUser) -> QuerySet[Programme]:
    """The programmes a person may say a curriculum is used in: those she may see."""
    return programmes_access.visible_programmes(user).order_by("name")


def curriculum_list(*, user: AnyUser) -> list[Curriculum]:
    """Visible curricula with their counts; `can_change` set on each."""
    changeable = set(access.changeable_curricula(user).values_list("pk", flat=True))
    curricula: list[Curriculum] = list(
        access.visible_curricula(user)
        .select_related("organisation")
        .annotate(
            unit_count=Count("units", distinct=True),
            objective_count=Count("objectives", distinct=True),
        )
        .order_by("name", "pk")
    )
    for curriculum in curricula:
        curriculum.can_change = curriculum.pk in changeable  # type: ignore[attr-defined]
    return curricula


def task_workplace_list(*, user: AnyUser) -> list[Workplace]:
    """Workplaces whose tasks the person may read, with how many tasks each has."""
    return list(
        organisations_access.visible_workplaces(user)
        .select_related("organisation")
        .annotate(task_count=Count("tasks"))
        .order_by("organisation__name", "name")
    )


def curriculum_detail(*, user: AnyUser, curriculum: Curriculum) -> dict[str, Any]:
    """Units, their objectives and, per objective, the tasks where it is practised (only the
    tasks of workplaces the reader may see). Five queries, whatever the size."""
    tasks = (
        access.visible_workplace_tasks(user)
        .select_related("workplace")
        .order_by("workplace__name", "workplace__pk", "title")
    )
    objectives = Objective.objects.order_by("order", "code").prefetch_related(
        Prefetch("tasks", queryset=tasks)
    )
    units = list(
        Unit.objects.filter(curriculum=curriculum)
        .order_by("order", "code")
        .prefetch_related(Prefetch("objectives", queryset=objectives))
    )
    programmes = list(
        curriculum.programmes.filter(pk__in=programmes_access.visible_programmes(user))
    )
    return {"units": units, "programmes": programmes}


def allowed_objectives(*, user: AnyUser, workplace: Workplace) -> QuerySet[Objective]:
    """Objectives a task at this workplace may be linked to: those of the curricula used in the
    programmes where people are placed at the workplace, and of the curricula the person sees."""
    used_here = Curriculum.objects.filter(
        programmes__in=Enrolment.objects.filter(workplace=workplace).values("programme")
    )
    return (
        Objective.objects.filter(
            Q(curriculum__in=access.visible_curricula(user).values("pk"))
            | Q(curriculum__in=used_here.values("pk"))
        )
        .select_related("curriculum", "unit")
        .order_by(
            "curriculum__name", "curriculum__pk", "unit__order", "unit__code", "order", "code"
        )
    )


def workplace_tasks(*, workplace: Workplace) -> list[WorkplaceTask]:
    """The tasks of one workplace with the objectives practised in each (two queries)."""
    objectives = Objective.objects.select_related("curriculum").order_by(
        "curriculum__name", "unit__order", "order", "code"
    )
    return list(
        WorkplaceTask.objects.filter(workplace=workplace)
        .prefetch_related(Prefetch("objectives", queryset=objectives))
        .order_by("title")
    )


def task_detail(*, task: WorkplaceTask) -> list[Objective]:
    return list(
        task.objectives.select_related("curriculum", "unit").order_by(
            "curriculum__name", "unit__order", "order", "code"
        )
    )


# --- what the homes and an adept's learning page show ----------------------------------------


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """Links to the curricula the person reads and to the tasks of the workplaces she sees.

    Two queries: the home shows names only, so no counts (and `basis` is not needed here).
    """
    if role not in ("adept", "mentor", "teacher"):
        return {}
    curricula = list(access.visible_curricula(user).order_by("name", "pk"))
    workplaces = list(
        organisations_access.visible_workplaces(user).order_by("organisation__name", "name")
    )
    if not curricula and not workplaces:
        return {}
    return {"curricula": curricula, "workplaces": workplaces}


def for_adept(*, user: User, enrolment: Enrolment) -> dict[str, Any]:
    """The curricula of the adept's programme and the tasks at her workplace."""
    curricula = list(
        access.visible_curricula(user)
        .filter(programmes=enrolment.programme_id)
        .order_by("name", "pk")
    )
    task_count = (
        access.visible_workplace_tasks(user).filter(workplace=enrolment.workplace_id).count()
        if enrolment.workplace_id
        else 0
    )
    if not curricula and not task_count:
        return {}
    return {"curricula": curricula, "workplace": enrolment.workplace, "task_count": task_count}
