"""Hours: theory and workplace hours per day, confirmed, and certified month by month.

The adept (or her teacher or coordinator) writes her hours for a day; entries of one adept never
overlap, which is checked with her enrolment row locked, so two entries sent at once are checked
one after the other. Her live mentor confirms workplace hours, a teacher of her school theory
hours; a confirmed entry is a record. When every entry of a past month is confirmed, the adept
confirms the month's totals; they are stored for the funders, and that month is closed.
"""

from dataclasses import dataclass
from datetime import date, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import dates
from smile.core.errors import ApplicationError
from smile.learning import access
from smile.learning.models import HoursEntry, HoursKind, MonthConfirmation
from smile.notifications.services import finish, subject_key
from smile.programmes.models import Enrolment

WRITERS = access.HOURS_WRITERS
CONFIRMER = {HoursKind.WORKPLACE: "mentor", HoursKind.THEORY: "teacher"}


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_end(month: date) -> date:
    """The last day of the month that begins on `month`."""
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _clean(obj: HoursEntry | MonthConfirmation) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ApplicationError(messages[0], field=field if field != "__all__" else None) from None


def _lock_enrolment(enrolment: Enrolment) -> Enrolment:
    return Enrolment.objects.select_for_update().select_related("user").get(pk=enrolment.pk)


def _month_closed(enrolment: Enrolment, day: date) -> bool:
    return MonthConfirmation.objects.filter(enrolment=enrolment, month=month_start(day)).exists()


def _span(entry: HoursEntry) -> str:
    return f"{time_format(entry.starts_at, 'H:i')}–{time_format(entry.ends_at, 'H:i')}"


@transaction.atomic
def hours_add(
    *,
    enrolment: Enrolment,
    by: User,
    day: date,
    kind: str,
    starts_at: time,
    ends_at: time,
    note: str = "",
) -> HoursEntry:
    """Write hours for one day: the adept herself, or her teacher or coordinator for her."""
    if not access.learning_roles(by, enrolment) & WRITERS:
        raise ApplicationError(_("Only the adept, her teacher or the coordinator can add hours."))
    enrolment = _lock_enrolment(enrolment)
    if kind not in HoursKind.values:
        raise ApplicationError(_("Please choose theory or workplace."), field="kind")
    if day > timezone.localdate():
        raise ApplicationError(_("The date cannot be in the future."), field="day")
    if day < enrolment.starts_on:
        raise ApplicationError(
            _("The date cannot be before the start in the programme (%(date)s).")
            % {"date": dates.day(enrolment.starts_on)},
            field="day",
        )
    if ends_at <= starts_at:
        raise ApplicationError(_("The end must be later than the start."), field="ends_at")
    if _month_closed(enrolment, day):
        raise ApplicationError(
            _("The hours of this month are confirmed. No hours can be added."), field="day"
        )
    clash = (
        HoursEntry.objects.filter(enrolment=enrolment, day=day)
        .filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
        .order_by("starts_at")
        .first()
    )
    if clash is not None:
        raise ApplicationError(
            _("These hours overlap with %(kind)s hours %(span)s on the same day.")
            % {"kind": clash.get_kind_display().lower(), "span": _span(clash)},
            field="starts_at",
        )
    entry = HoursEntry(
        enrolment=enrolment,
        day=day,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        note=note.strip(),
    )
    _clean(entry)
    entry.save()
    return entry


@transaction.atomic
def hours_delete(*, entry: HoursEntry, by: User) -> None:
    """Take away an entry written by mistake, while it is not confirmed."""
    enrolment = _lock_enrolment(entry.enrolment)
    entry = HoursEntry.objects.select_for_update().get(pk=entry.pk)
    if not access.learning_roles(by, enrolment) & WRITERS:
        raise ApplicationError(
            _("Only the adept, her teacher or the coordinator can remove hours.")
        )
    if entry.confirmed_at is not None:
        raise ApplicationError(_("Confirmed hours cannot be changed or removed."))
    entry.delete()
    _finish_reminders({enrolment.pk})


def may_confirm(roles: set[str], entry: HoursEntry) -> bool:
    """Workplace hours: her live mentor; theory hours: a teacher of her school."""
    return CONFIRMER[HoursKind(entry.kind)] in roles


@transaction.atomic
def hours_confirm(*, entries: list[HoursEntry], by: User) -> int:
    """Confirm these entries, all or none; returns how many were newly confirmed (entries that
    someone confirmed a moment ago are left as they are)."""
    if not entries:
        raise ApplicationError(_("Please choose the hours to confirm."))
    locked = list(
        HoursEntry.objects.select_for_update(of=("self",))
        .select_related("enrolment")
        .filter(pk__in=[entry.pk for entry in entries])
        .order_by("pk")
    )
    roles: dict[int, set[str]] = {}
    now = timezone.now()
    confirmed = 0
    for entry in locked:
        if entry.enrolment_id not in roles:
            roles[entry.enrolment_id] = access.learning_roles(by, entry.enrolment)
        if not may_confirm(roles[entry.enrolment_id], entry):
            if entry.kind == HoursKind.WORKPLACE:
                message = _("Only her mentor can confirm workplace hours.")
            else:
                message = _("Only a teacher of her school can confirm theory hours.")
            raise ApplicationError(message)
        if entry.confirmed_at is not None:
            continue
        entry.confirmed_by = by
        entry.confirmed_at = now
        _clean(entry)
        entry.save(update_fields=["confirmed_by", "confirmed_at", "updated_at"])
        confirmed += 1
    _finish_reminders({entry.enrolment_id for entry in locked})
    return confirmed


def hours_subject(enrolment_id: int, kind: str = "") -> str:
    """What a reminder of hours to confirm is about: the adept's hours of one kind, or of both
    kinds for a person who confirms both (her mentor who also teaches at her school)."""
    return subject_key(Enrolment(pk=enrolment_id), "confirm-hours", *([kind] if kind else []))


def _finish_reminders(enrolment_ids: set[int]) -> None:
    """Reminders about hours that no longer wait are done, for everyone told: per adept, each
    kind with nothing left to confirm, and both kinds once nothing at all is left. Two queries."""
    left = set(
        HoursEntry.objects.filter(
            enrolment_id__in=enrolment_ids, confirmed_at__isnull=True
        ).values_list("enrolment_id", "kind")
    )
    done = []
    for enrolment_id in enrolment_ids:
        kinds = {kind for waiting_id, kind in left if waiting_id == enrolment_id}
        done += [
            hours_subject(enrolment_id, kind) for kind in HoursKind.values if kind not in kinds
        ]
        if not kinds:
            done.append(hours_subject(enrolment_id))
    finish(subject=done)


@dataclass(frozen=True)
class Totals:
    theory_minutes: int
    workplace_minutes: int
    entries: int
    unconfirmed: int


def totals(entries: list[HoursEntry]) -> Totals:
    return Totals(
        theory_minutes=sum(e.minutes for e in entries if e.kind == HoursKind.THEORY),
        workplace_minutes=sum(e.minutes for e in entries if e.kind == HoursKind.WORKPLACE),
        entries=len(entries),
        unconfirmed=sum(1 for e in entries if e.confirmed_at is None),
    )


@transaction.atomic
def month_confirm(*, enrolment: Enrolment, by: User, month: date) -> MonthConfirmation:
    """The adept confirms a finished month whose every entry is confirmed; the totals are kept
    as they are now, and the month is closed."""
    if "adept" not in access.learning_roles(by, enrolment):
        raise ApplicationError(_("Only the adept herself confirms her month."))
    enrolment = _lock_enrolment(enrolment)
    month = month_start(month)
    if month_end(month) >= timezone.localdate():
        raise ApplicationError(_("A month can be confirmed after its last day."))
    if MonthConfirmation.objects.filter(enrolment=enrolment, month=month).exists():
        raise ApplicationError(_("This month is already confirmed."))
    entries = list(
        HoursEntry.objects.filter(enrolment=enrolment, day__gte=month, day__lte=month_end(month))
    )
    if not entries:
        raise ApplicationError(_("There are no hours in this month."))
    sums = totals(entries)
    if sums.unconfirmed:
        raise ApplicationError(
            _("All hours must be confirmed by the mentor or teacher first. Not yet: %(count)d.")
            % {"count": sums.unconfirmed}
        )
    confirmation = MonthConfirmation(
        enrolment=enrolment,
        month=month,
        theory_minutes=sums.theory_minutes,
        workplace_minutes=sums.workplace_minutes,
        confirmed_by=by,
    )
    _clean(confirmation)
    confirmation.save()
    return confirmation
