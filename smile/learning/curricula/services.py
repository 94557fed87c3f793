"""Writes for curricula, their units and objectives, and workplace tasks.

Each service checks the actor's right itself (through `smile/learning/access.py`), so that an
import, the API or a view cannot forget it.

The texts an adept reads (names, objectives, tasks) are written in Swedish and, optionally, in
her language too: `translations` maps a column such as "title_ar" to its text (left out: kept as
it is; empty: no version), and `languages_to_check` names the languages whose versions are a
machine translation or not yet checked (smile/learning/content.py).
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model, ProtectedError
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.learning import access, content
from smile.learning.curricula import selectors
from smile.learning.media import picture_problem, save_picture
from smile.learning.models import Curriculum, Objective, Unit, WorkplaceTask
from smile.lib.images import NotAPicture
from smile.organisations.models import Organisation, Workplace
from smile.programmes.models import Programme

Translations = Mapping[str, str | None] | None


def _clean(obj: Model) -> None:
    """The model's own checks; the uniqueness rules are answered by each service in words."""
    try:
        content.full_clean_in_source(obj, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ApplicationError(messages[0], field=field) from None


def _save(obj: Model, duplicate: str, field: str) -> None:
    _clean(obj)
    try:
        with transaction.atomic():
            content.save_in_source(obj)
    except IntegrityError:
        raise ApplicationError(duplicate, field=field) from None


def _to_check(obj: Curriculum | WorkplaceTask, languages_to_check: Iterable[str] | None) -> None:
    if languages_to_check is not None:
        obj.languages_to_check = content.check_languages(languages_to_check)


def _check_curriculum(actor: User, curriculum: Curriculum) -> None:
    if not policies.can_change(actor, curriculum):
        raise ApplicationError(_("You cannot change this curriculum."))


# --- curricula -------------------------------------------------------------------------------


def _curriculum_fields(
    curriculum: Curriculum,
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    trade: str,
    description: str,
    translations: Translations,
    languages_to_check: Iterable[str] | None,
) -> None:
    if not selectors.editor_organisations(user=actor).filter(pk=organisation.pk).exists():
        raise ApplicationError(
            _("You can only make curricula for an organisation where you teach or coordinate."),
            field="organisation",
        )
    curriculum.organisation = organisation
    content.set_versions(curriculum, {"name": name, "description": description}, translations)
    curriculum.trade = trade.strip()
    _to_check(curriculum, languages_to_check)


def _set_programmes(actor: User, curriculum: Curriculum, programmes: Iterable[Programme]) -> None:
    chosen = {p.pk for p in programmes}
    visible = set(selectors.curriculum_programmes(user=actor).values_list("pk", flat=True))
    if chosen - visible:
        raise ApplicationError(
            _("Choose among the programmes you take part in."), field="programmes"
        )
    # Programmes the person cannot see stay as they were: she cannot take them away unknowingly.
    kept = set(curriculum.programmes.exclude(pk__in=visible).values_list("pk", flat=True))
    curriculum.programmes.set(chosen | kept)


def _curriculum_write(
    curriculum: Curriculum,
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    trade: str,
    description: str,
    programmes: Iterable[Programme],
    translations: Translations,
    languages_to_check: Iterable[str] | None,
) -> Curriculum:
    _curriculum_fields(
        curriculum,
        actor=actor,
        organisation=organisation,
        name=name,
        trade=trade,
        description=description,
        translations=translations,
        languages_to_check=languages_to_check,
    )
    _save(curriculum, _("This organisation already has a curriculum with this name."), "name")
    _set_programmes(actor, curriculum, programmes)
    return curriculum


@transaction.atomic
def curriculum_create(
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    trade: str = "",
    description: str = "",
    programmes: Iterable[Programme] = (),
    translations: Translations = None,
    languages_to_check: Iterable[str] | None = None,
) -> Curriculum:
    return _curriculum_write(
        Curriculum(),
        actor=actor,
        organisation=organisation,
        name=name,
        trade=trade,
        description=description,
        programmes=programmes,
        translations=translations,
        languages_to_check=languages_to_check,
    )


@transaction.atomic
def curriculum_update(
    *,
    actor: User,
    curriculum: Curriculum,
    organisation: Organisation,
    name: str,
    trade: str = "",
    description: str = "",
    programmes: Iterable[Programme] = (),
    translations: Translations = None,
    languages_to_check: Iterable[str] | None = None,
) -> Curriculum:
    _check_curriculum(actor, curriculum)
    return _curriculum_write(
        curriculum,
        actor=actor,
        organisation=organisation,
        name=name,
        trade=trade,
        description=description,
        programmes=programmes,
        translations=translations,
        languages_to_check=languages_to_check,
    )


@transaction.atomic
def curriculum_delete(*, actor: User, curriculum: Curriculum) -> None:
    _check_curriculum(actor, curriculum)
    try:
        with transaction.atomic():
            curriculum.delete()
    except ProtectedError:
        raise ApplicationError(
            _(
                "This curriculum cannot be deleted: some of its objectives are in learning "
                "plans. Take them out of the plans first."
            )
        ) from None


# --- units -----------------------------------------------------------------------------------


@transaction.atomic
def unit_save(
    *,
    actor: User,
    curriculum: Curriculum,
    unit: Unit | None = None,
    code: str,
    name: str,
    order: int = 0,
    translations: Translations = None,
) -> Unit:
    _check_curriculum(actor, curriculum)
    if unit is not None and unit.curriculum_id != curriculum.pk:
        raise ApplicationError(_("This unit is not in this curriculum."))
    unit = unit or Unit(curriculum=curriculum)
    unit.code = code.strip()
    content.set_versions(unit, {"name": name}, translations)
    unit.order = order
    if Unit.objects.filter(curriculum=curriculum, code=unit.code).exclude(pk=unit.pk).exists():
        raise ApplicationError(_("Another unit in this curriculum has this code."), field="code")
    _save(unit, _("Another unit in this curriculum has this code."), "code")
    return unit


@transaction.atomic
def unit_delete(*, actor: User, unit: Unit) -> None:
    _check_curriculum(actor, unit.curriculum)
    try:
        with transaction.atomic():
            unit.delete()
    except ProtectedError:
        raise ApplicationError(
            _(
                "This unit cannot be deleted: some of its objectives are in learning plans. "
                "Take them out of the plans first."
            )
        ) from None


# --- objectives ------------------------------------------------------------------------------


@transaction.atomic
def objective_save(
    *,
    actor: User,
    curriculum: Curriculum,
    objective: Objective | None = None,
    unit: Unit,
    code: str,
    text: str,
    order: int = 0,
    translations: Translations = None,
) -> Objective:
    _check_curriculum(actor, curriculum)
    if objective is not None and objective.curriculum_id != curriculum.pk:
        raise ApplicationError(_("This objective is not in this curriculum."))
    if unit.curriculum_id != curriculum.pk:
        raise ApplicationError(_("Choose a unit of this curriculum."), field="unit")
    objective = objective or Objective(curriculum=curriculum)
    objective.unit = unit
    objective.code = code.strip()
    content.set_versions(objective, {"text": text}, translations)
    objective.order = order
    duplicate = _("Another objective in this curriculum has this code.")
    if (
        Objective.objects.filter(curriculum=curriculum, code=objective.code)
        .exclude(pk=objective.pk)
        .exists()
    ):
        raise ApplicationError(duplicate, field="code")
    _save(objective, duplicate, "code")
    return objective


@transaction.atomic
def objective_delete(*, actor: User, objective: Objective) -> None:
    _check_curriculum(actor, objective.curriculum)
    try:
        with transaction.atomic():
            objective.delete()
    except ProtectedError:
        raise ApplicationError(
            _(
                "This objective cannot be deleted: it is in a learning plan. Take it out of "
                "the plan first."
            )
        ) from None


# --- workplace tasks -------------------------------------------------------------------------


def _check_workplace(actor: User, workplace: Workplace) -> None:
    if not access.task_workplaces(actor).filter(pk=workplace.pk).exists():
        raise ApplicationError(_("You cannot change the tasks of this workplace."))


@transaction.atomic
def workplace_task_save(
    *,
    actor: User,
    workplace: Workplace,
    task: WorkplaceTask | None = None,
    title: str,
    location: str = "",
    tools: str = "",
    safety_notes: str = "",
    objectives: Iterable[Objective] = (),
    photo: object | None = None,
    remove_photo: bool = False,
    translations: Translations = None,
    languages_to_check: Iterable[str] | None = None,
) -> WorkplaceTask:
    """Create or change a task; a new photo replaces the old one, which is then removed."""
    _check_workplace(actor, workplace)
    if task is not None and task.workplace_id != workplace.pk:
        raise ApplicationError(_("This task is not at this workplace."))
    task = task or WorkplaceTask(workplace=workplace)
    texts = {"title": title, "location": location, "tools": tools, "safety_notes": safety_notes}
    content.set_versions(task, texts, translations)
    _to_check(task, languages_to_check)
    chosen = {o.pk for o in objectives}
    allowed = selectors.allowed_objectives(user=actor, workplace=workplace)
    if len(chosen) != allowed.filter(pk__in=chosen).count():
        raise ApplicationError(
            _("Choose among the objectives of the curricula used here."), field="objectives"
        )
    duplicate = _("This workplace already has a task with this name.")
    if (
        WorkplaceTask.objects.filter(workplace=workplace, title_sv=content.source(task, "title"))
        .exclude(pk=task.pk)
        .exists()
    ):
        raise ApplicationError(duplicate, field="title")
    _clean(task)
    old_photo = task.photo.name if task.photo else ""
    if photo is not None:
        try:
            save_picture(task, "photo", photo)
        except NotAPicture as error:
            raise ApplicationError(picture_problem(error), field="photo") from None
    elif remove_photo:
        task.photo = ""
    _save(task, duplicate, "title")
    task.objectives.set(chosen)
    if old_photo and old_photo != task.photo.name:
        storage = task.photo.storage
        transaction.on_commit(lambda: storage.delete(old_photo))
    return task


@transaction.atomic
def workplace_task_delete(*, actor: User, task: WorkplaceTask) -> None:
    _check_workplace(actor, task.workplace)
    photo = task.photo.name if task.photo else ""
    storage = task.photo.storage
    task.delete()
    if photo:
        transaction.on_commit(lambda: storage.delete(photo))
