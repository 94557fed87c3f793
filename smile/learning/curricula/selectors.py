"""Reads for curricula and workplace tasks. Every read starts from the access policies."""

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.actor import AnyUser
from smile.inclusion import selectors as inclusion_selectors
from smile.learning import access, content
from smile.learning.models import Curriculum, Objective, Unit, WorkplaceTask
from smile.matching.home import HomeBasis
from smile.organisations import access as organisations_access
from smile.organisations.models import Organisation, Workplace
from smile.programmes import access as programmes_access
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme


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
        .order_by("name_sv", "pk")
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
        .order_by("workplace__name", "workplace__pk", "title_sv")
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
            "curriculum__name_sv", "curriculum__pk", "unit__order", "unit__code", "order", "code"
        )
    )


def workplace_tasks(*, workplace: Workplace) -> list[WorkplaceTask]:
    """The tasks of one workplace with the objectives practised in each (two queries)."""
    objectives = Objective.objects.select_related("curriculum").order_by(
        "curriculum__name_sv", "unit__order", "order", "code"
    )
    return list(
        WorkplaceTask.objects.filter(workplace=workplace)
        .prefetch_related(Prefetch("objectives", queryset=objectives))
        .order_by("title_sv")
    )


def task_detail(*, task: WorkplaceTask) -> list[Objective]:
    return list(
        task.objectives.select_related("curriculum", "unit").order_by(
            "curriculum__name_sv", "unit__order", "order", "code"
        )
    )


# --- what the homes and an adept's learning page show ----------------------------------------


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """Links to the curricula the person reads and to the tasks of the workplaces she sees.

    Two queries: the home shows names only, so no counts (and `basis` is not needed here).
    """
    if role not in ("adept", "mentor", "teacher"):
        return {}
    curricula = list(access.visible_curricula(user).order_by("name_sv", "pk"))
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
        .order_by("name_sv", "pk")
    )
    task_count = (
        access.visible_workplace_tasks(user).filter(workplace=enrolment.workplace_id).count()
        if enrolment.workplace_id
        else 0
    )
    if not curricula and not task_count:
        return {}
    return {"curricula": curricula, "workplace": enrolment.workplace, "task_count": task_count}


# --- the texts missing in the adepts' languages ----------------------------------------------


@dataclass(frozen=True)
class Gap:
    """One text with no version in some of the languages its readers need."""

    label: str  # the text it is about, in Swedish (a task's title, an objective's code and text)
    field: str  # which of its texts
    languages: list[content.Language]
    safety: bool = False  # a safety note: listed first and flagged
    url: str = ""  # where it is edited, for a person who may
    onboarding: bool = False  # a step of the workplace's onboarding: listed after safety notes

    @property
    def rank(self) -> int:
        """Safety notes first, then the onboarding steps, then the other task texts."""
        return 0 if self.safety else 1 if self.onboarding else 2


@dataclass
class PlaceCoverage:
    """A workplace where adepts of the curriculum are placed: their languages (and how many
    read each), the task texts missing in them (safety notes first), and the versions that are
    there but still to be checked."""

    workplace: Workplace
    readers: list[tuple[content.Language, int]]
    gaps: list[Gap] = field(default_factory=list)
    to_check: list[Gap] = field(default_factory=list)

    @property
    def safety_gaps(self) -> int:
        return sum(1 for gap in self.gaps if gap.safety)


TASK_FIELDS = {
    "title": _("What is the task?"),
    "safety_notes": _("Safety"),
    "location": _("Where"),
    "tools": _("Tools and machines"),
}


def _gap(
    obj: Model, name: str, label: str, field_label: object, needed: list[str], **kw: Any
) -> Gap | None:
    codes = content.missing(obj, name, needed)
    if not codes:
        return None
    return Gap(label=label, field=str(field_label), languages=content.languages_named(codes), **kw)


def curriculum_coverage(*, user: AnyUser, curriculum: Curriculum) -> dict[str, Any]:
    """Per workplace where adepts of the curriculum's programmes are placed now (active adept
    enrolments, at workplaces the reader sees), which texts have no version in those adepts'
    languages (`User.preferred_language`): the tasks' texts and the steps of the workplace's
    onboarding (listed after the safety notes); and the curriculum's own texts, for all of them.

    Adepts are counted per language, never named. A fixed number of queries, whatever the
    number of workplaces, tasks and objectives."""
    placed = (
        Enrolment.objects.filter(
            programme__in=curriculum.programmes.values("pk"),
            role=EnrolmentRole.ADEPT,
            status=EnrolmentStatus.ACTIVE,
            workplace__in=organisations_access.visible_workplaces(user).values("pk"),
        )
        .values_list("workplace_id", "user__preferred_language")
        .order_by()
    )
    counts: dict[int, Counter[str]] = {}
    for workplace_id, language in placed:
        if language and language != content.SOURCE:
            counts.setdefault(workplace_id, Counter())[language] += 1
    workplaces = (
        Workplace.objects.filter(pk__in=counts)
        .select_related("organisation")
        .order_by("name", "pk")
    )
    tasks = WorkplaceTask.objects.filter(workplace__in=list(counts)).order_by("title_sv", "pk")
    by_workplace: dict[int, list[WorkplaceTask]] = {}
    for task in tasks:
        by_workplace.setdefault(task.workplace_id, []).append(task)
    changeable = set(access.changeable_workplace_tasks(user).values_list("pk", flat=True))
    needed_at = {
        pk: [code for code in content.codes() if languages[code]]
        for pk, languages in counts.items()
    }
    # The onboarding steps (an adept's checklist items are copied from them), one query.
    steps = inclusion_selectors.missing_languages_by_workplace(workplaces, needed_at, editor=user)
    places = []
    for workplace in workplaces:
        needed = needed_at[workplace.pk]
        readers = [
            (language, counts[workplace.pk][language.code])
            for language in content.languages_named(needed)
        ]
        place = PlaceCoverage(workplace=workplace, readers=readers)
        for task in by_workplace.get(workplace.pk, []):
            url = reverse("learning:task-edit", args=[task.pk]) if task.pk in changeable else ""
            title = content.source(task, "title")
            for name, label in TASK_FIELDS.items():
                gap = _gap(task, name, title, label, needed, safety=name == "safety_notes", url=url)
                if gap is not None:
                    place.gaps.append(gap)
            unchecked = [code for code in task.languages_to_check if code in needed]
            if unchecked:
                place.to_check.append(
                    Gap(title, str(_("Task")), content.languages_named(unchecked), url=url)
                )
        for step in steps.get(workplace.pk, []):
            place.gaps.append(
                Gap(
                    label=step.title,
                    field=str(_("Onboarding step")),
                    languages=content.languages_named(step.missing),
                    onboarding=True,
                    url=reverse("inclusion:step-edit", args=[step.item.pk])
                    if step.editable
                    else "",
                )
            )
        # Safety first, then onboarding (a stable sort keeps the order within each kind).
        place.gaps.sort(key=lambda gap: gap.rank)
        places.append(place)
    return {
        "places": places,
        "curriculum_gaps": _curriculum_gaps(user, curriculum, counts),
    }


def _curriculum_gaps(
    user: AnyUser, curriculum: Curriculum, counts: dict[int, Counter[str]]
) -> list[Gap]:
    """The curriculum's own texts missing in the languages of any of its placed adepts."""
    needed = [code for code in content.codes() if any(c[code] for c in counts.values())]
    if not needed:
        return []
    editable = policies.can_change(user, curriculum)
    base = reverse("learning:curriculum-edit", args=[curriculum.pk]) if editable else ""
    gaps = [
        _gap(curriculum, "name", content.source(curriculum, "name"), _("Name"), needed, url=base),
        _gap(
            curriculum,
            "description",
            content.source(curriculum, "name"),
            _("Description"),
            needed,
            url=base,
        ),
    ]
    for unit in Unit.objects.filter(curriculum=curriculum).order_by("order", "code"):
        url = reverse("learning:unit-edit", args=[curriculum.pk, unit.pk]) if editable else ""
        label = f"{unit.code} {content.source(unit, 'name')}"
        gaps.append(_gap(unit, "name", label, _("Unit"), needed, url=url))
    objectives = Objective.objects.filter(curriculum=curriculum).order_by(
        "unit__order", "unit__code", "order", "code"
    )
    for objective in objectives:
        url = (
            reverse("learning:objective-edit", args=[curriculum.pk, objective.pk])
            if editable
            else ""
        )
        label = f"{objective.code} {content.source(objective, 'text')}"
        gaps.append(_gap(objective, "text", label, _("Objective"), needed, url=url))
    return [gap for gap in gaps if gap is not None]
