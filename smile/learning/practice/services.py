"""Writes of the practice log.

The adept writes what she did at work; her live mentor confirms it (with his own assessment) or
returns it with a comment. A confirmed entry is a record: it changes only through a correction by
the mentor or a teacher, and every correction is kept (old value, new value, reason, who, when).
Confirming is what moves progress: the plan's level for the objective rises to the mentor's
assessment, never falls. Her note and his comment are kept with the language each is written in
(the writer's choice, else the language she uses SMILE in), so pages mark it and a reader may
have it translated (smile.core.texts).
"""

from datetime import date
from functools import partial

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import dates
from smile.core.errors import ApplicationError
from smile.core.texts import writer_language
from smile.learning import access
from smile.learning.media import picture_problem, save_picture
from smile.learning.models import (
    Level,
    Objective,
    PlanObjective,
    PracticeCorrection,
    PracticeEntry,
    PracticeStatus,
    WorkplaceTask,
)
from smile.lib.images import NotAPicture
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.notifications.models import Kind
from smile.notifications.services import finish, notify, subject_key
from smile.programmes.models import Enrolment, EnrolmentRole

CORRECTABLE_FIELDS = ("done_on", "note", "mentor_level", "objective")
OPEN_STATUSES = (PracticeStatus.SUBMITTED, PracticeStatus.RETURNED)


# --- rules shared by writing and changing ----------------------------------------------------


def _programme_objectives(enrolment: Enrolment) -> list[int]:
    return list(
        Objective.objects.filter(curriculum__programmes=enrolment.programme_id).values_list(
            "pk", flat=True
        )
    )


def _check_done_on(enrolment: Enrolment, done_on: date) -> None:
    if done_on > timezone.localdate():
        raise ApplicationError(_("The date cannot be in the future."), field="done_on")
    if done_on < enrolment.starts_on:
        raise ApplicationError(
            _("The date cannot be before your start in the programme (%(date)s).")
            % {"date": dates.day(enrolment.starts_on)},
            field="done_on",
        )


def _check_level(level: int | None, field: str) -> int:
    if level is None or level not in Level.values:
        raise ApplicationError(_("Please choose a level."), field=field)
    return int(level)


def _choose_objective(
    enrolment: Enrolment, task: WorkplaceTask | None, objective: Objective | None
) -> Objective | None:
    """The objective she names, or else the task's only objective in her curricula."""
    allowed = _programme_objectives(enrolment)
    if objective is not None:
        if objective.pk not in allowed:
            raise ApplicationError(
                _("This objective is not part of your programme's curricula."), field="objective"
            )
        return objective
    if task is None:
        return None
    candidates = list(task.objectives.filter(pk__in=allowed)[:2])
    return candidates[0] if len(candidates) == 1 else None


def _check_task(enrolment: Enrolment, task: WorkplaceTask | None) -> None:
    if task is not None and task.workplace_id != enrolment.workplace_id:
        raise ApplicationError(_("Choose a task at your workplace."), field="task")


def _store_photo(entry: PracticeEntry, photo: UploadedFile) -> None:
    try:
        save_picture(entry, "photo", photo)
    except NotAPicture as error:
        raise ApplicationError(picture_problem(error), field="photo") from None


def _forget_file(name: str) -> None:
    """Remove a replaced or deleted photo once the change is committed (never before)."""
    if name:
        storage = PracticeEntry._meta.get_field("photo").storage
        transaction.on_commit(partial(storage.delete, name))


def _live_mentors(enrolment: Enrolment) -> list[User]:
    pairs = Pair.objects.filter(adept=enrolment, status__in=LIVE_PAIR_STATUSES)
    return list(
        User.objects.filter(is_active=True, pk__in=pairs.values("mentor__user")).order_by("pk")
    )


def _entry_url(entry: PracticeEntry) -> str:
    return reverse("learning:practice-entry", args=[entry.pk])


def _tell_mentors(entry: PracticeEntry) -> None:
    enrolment = entry.enrolment
    for mentor in _live_mentors(enrolment):
        notify(
            recipient=mentor,
            kind=Kind.PRACTICE_TO_CONFIRM,
            params={"name": enrolment.user.full_name, "done_on": entry.done_on.isoformat()},
            url=_entry_url(entry),
            subject=subject_key(entry, "confirm"),
        )


def _says_something(note: str, photo: object, task: WorkplaceTask | None) -> None:
    if not note and not photo and task is None:
        raise ApplicationError(
            _("Please choose a task, write a short note or add a photo."), field="note"
        )


def _lock(entry: PracticeEntry) -> PracticeEntry:
    return (
        PracticeEntry.objects.select_for_update(of=("self",))
        .select_related("enrolment__user", "enrolment__programme", "objective")
        .get(pk=entry.pk)
    )


# --- the adept -------------------------------------------------------------------------------


@transaction.atomic
def practice_entry_create(
    *,
    enrolment: Enrolment,
    by: User,
    done_on: date,
    task: WorkplaceTask | None,
    objective: Objective | None,
    note: str,
    photo: UploadedFile | None,
    self_level: int | None,
    language: str = "",
) -> PracticeEntry:
    """The adept logs what she did; her live mentor(s) are asked to confirm it. `language`: what
    her note is written in (else the language she uses SMILE in)."""
    if enrolment.user_id != by.pk or enrolment.role != EnrolmentRole.ADEPT:
        raise ApplicationError(_("Only the adept herself can log her practice."))
    note = note.strip()
    _check_done_on(enrolment, done_on)
    _check_task(enrolment, task)
    level = _check_level(self_level, "self_level")
    _says_something(note, photo, task)
    entry = PracticeEntry(
        enrolment=enrolment,
        done_on=done_on,
        task=task,
        objective=_choose_objective(enrolment, task, objective),
        note=note,
        note_language=writer_language(language),
        self_level=level,
        status=PracticeStatus.SUBMITTED,
    )
    if photo:
        _store_photo(entry, photo)
    entry.full_clean()
    entry.save()
    _tell_mentors(entry)
    return entry


def _own_open_entry(entry: PracticeEntry, by: User) -> PracticeEntry:
    entry = _lock(entry)
    if entry.enrolment.user_id != by.pk:
        raise ApplicationError(_("Only the adept herself can change her practice."))
    if entry.status not in OPEN_STATUSES:
        raise ApplicationError(
            _(
                "A confirmed entry cannot be changed. Ask your mentor or teacher to correct it "
                "if something is wrong."
            )
        )
    return entry


@transaction.atomic
def practice_entry_update(
    *,
    entry: PracticeEntry,
    by: User,
    done_on: date,
    task: WorkplaceTask | None,
    objective: Objective | None,
    note: str,
    photo: UploadedFile | None,
    self_level: int | None,
    remove_photo: bool = False,
    language: str = "",
) -> PracticeEntry:
    """The adept changes her entry while it waits or was returned; a returned entry goes back
    to her mentor. `photo` None keeps the photo she has, unless `remove_photo`; `language`: what
    her note is written in (else the language she uses SMILE in)."""
    entry = _own_open_entry(entry, by)
    enrolment = entry.enrolment
    note = note.strip()
    _check_done_on(enrolment, done_on)
    _check_task(enrolment, task)
    level = _check_level(self_level, "self_level")
    old_photo = entry.photo.name or ""
    keeps_photo = bool(old_photo) and not remove_photo
    _says_something(note, photo or keeps_photo, task)
    was_returned = entry.status == PracticeStatus.RETURNED
    entry.done_on = done_on
    entry.task = task
    entry.objective = _choose_objective(enrolment, task, objective)
    entry.note = note
    entry.note_language = writer_language(language)
    entry.self_level = level
    entry.status = PracticeStatus.SUBMITTED
    if photo:
        _store_photo(entry, photo)
        _forget_file(old_photo)
    elif remove_photo and old_photo:
        entry.photo = ""
        _forget_file(old_photo)
    entry.full_clean()
    entry.save()
    if was_returned:
        _tell_mentors(entry)
    return entry


@transaction.atomic
def practice_entry_delete(*, entry: PracticeEntry, by: User) -> None:
    """The adept deletes her entry while it waits or was returned."""
    entry = _own_open_entry(entry, by)
    _forget_file(entry.photo.name or "")
    finish(subject=subject_key(entry, "confirm"))
    entry.delete()


# --- the mentor ------------------------------------------------------------------------------


def _check_mentor(entry: PracticeEntry, by: User) -> None:
    if "mentor" not in access.learning_roles(by, entry.enrolment):
        raise ApplicationError(_("Only the adept's mentor can confirm or return her practice."))
    if entry.status != PracticeStatus.SUBMITTED:
        raise ApplicationError(_("This entry is not waiting for the mentor any more."))


def _raise_plan_level(entry: PracticeEntry) -> None:
    """Progress moves here: the plan's level for the objective rises to the mentor's
    assessment of a confirmed entry (never falls)."""
    if entry.objective_id is None or entry.mentor_level is None:
        return
    item = (
        PlanObjective.objects.select_for_update()
        .filter(plan__enrolment_id=entry.enrolment_id, objective_id=entry.objective_id)
        .first()
    )
    if item is not None and item.level < entry.mentor_level:
        item.level = entry.mentor_level
        item.full_clean()
        item.save(update_fields=["level", "updated_at"])


def _tell_adept(entry: PracticeEntry, by: User) -> None:
    finish(subject=subject_key(entry, "confirm"))  # answered: every mentor's ask is done
    notify(
        recipient=entry.enrolment.user,
        kind=Kind.PRACTICE_ANSWERED,
        params={
            "name": by.full_name,
            "status": str(entry.status),
            "done_on": entry.done_on.isoformat(),
        },
        url=_entry_url(entry),
    )


@transaction.atomic
def practice_confirm(
    *,
    entry: PracticeEntry,
    by: User,
    mentor_level: int | None,
    comment: str = "",
    language: str = "",
) -> PracticeEntry:
    """Her live mentor confirms the entry with his own assessment of her level. `language`: what
    his comment is written in (else the language he uses SMILE in)."""
    entry = _lock(entry)
    _check_mentor(entry, by)
    entry.mentor_level = _check_level(mentor_level, "mentor_level")
    entry.mentor_comment = comment.strip()
    entry.comment_language = writer_language(language) if entry.mentor_comment else ""
    entry.status = PracticeStatus.CONFIRMED
    entry.reviewed_by = by
    entry.reviewed_at = timezone.now()
    entry.full_clean()
    entry.save()
    _raise_plan_level(entry)
    _tell_adept(entry, by)
    return entry


@transaction.atomic
def practice_return(
    *, entry: PracticeEntry, by: User, comment: str, language: str = ""
) -> PracticeEntry:
    """Her live mentor sends the entry back with a comment (a question, something missing).
    `language`: what his comment is written in (else the language he uses SMILE in)."""
    entry = _lock(entry)
    _check_mentor(entry, by)
    comment = comment.strip()
    if not comment:
        raise ApplicationError(
            _("Please write a comment: what should she add or change?"), field="comment"
        )
    entry.mentor_comment = comment
    entry.comment_language = writer_language(language)
    entry.mentor_level = None
    entry.status = PracticeStatus.RETURNED
    entry.reviewed_by = by
    entry.reviewed_at = timezone.now()
    entry.full_clean()
    entry.save()
    _tell_adept(entry, by)
    return entry


# --- corrections of a confirmed entry --------------------------------------------------------


def can_correct(user: User, entry: PracticeEntry) -> bool:
    """Her live mentor or a teacher of her school corrects a confirmed entry."""
    return bool(access.learning_roles(user, entry.enrolment) & {"mentor", "teacher"})


def _as_text(field: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@transaction.atomic
def practice_correct(
    *,
    entry: PracticeEntry,
    by: User,
    field: str,
    new_value: date | str | int | Objective | None,
    reason: str,
) -> PracticeCorrection:
    """Change one field of a confirmed entry, keeping the old value and the reason."""
    entry = _lock(entry)
    if not can_correct(by, entry):
        raise ApplicationError(_("Only the adept's mentor or teacher can correct her practice."))
    if entry.status != PracticeStatus.CONFIRMED:
        raise ApplicationError(_("Only a confirmed entry is corrected. The adept can change it."))
    if field not in CORRECTABLE_FIELDS:
        raise ApplicationError(_("This cannot be corrected."))
    reason = reason.strip()
    if not reason:
        raise ApplicationError(_("Please write why you correct it."), field="reason")
    old = getattr(entry, field)
    if field == "done_on":
        if not isinstance(new_value, date):
            raise ApplicationError(_("Please give a date."), field="new_value")
        _check_done_on(entry.enrolment, new_value)
    elif field == "note":
        # A correction mends her words; the note stays in the language she wrote it in.
        new_value = str(new_value or "").strip()
        _says_something(new_value, entry.photo, entry.task)
    elif field == "mentor_level":
        new_value = _check_level(new_value if isinstance(new_value, int) else None, "new_value")
    elif field == "objective":
        if new_value is not None and not isinstance(new_value, Objective):
            raise ApplicationError(_("Please choose an objective."), field="new_value")
        if new_value is not None and new_value.pk not in _programme_objectives(entry.enrolment):
            raise ApplicationError(
                _("This objective is not part of the programme's curricula."), field="new_value"
            )
    if _as_text(field, old) == _as_text(field, new_value):
        raise ApplicationError(_("This is the value it already has."), field="new_value")
    correction = PracticeCorrection(
        entry=entry,
        by=by,
        field=field,
        old_value=_as_text(field, old),
        new_value=_as_text(field, new_value),
        reason=reason,
    )
    correction.full_clean()
    setattr(entry, field, new_value)
    entry.full_clean()
    entry.save()
    correction.save()
    if field in ("mentor_level", "objective"):
        _raise_plan_level(entry)
    return correction
