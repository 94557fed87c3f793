"""Writes of active measures: start a year's cycle, record the investigation and the causes, add
and follow up measures, move the cycle on, and remind the owners of measures that fall due."""

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.equality import access
from smile.equality.measures import selectors
from smile.equality.models import (
    CYCLE_ORDER,
    SEVEN_GROUNDS,
    Area,
    CycleStatus,
    Measure,
    MeasureCycle,
    MeasureStatus,
    RiskFinding,
)
from smile.equality.services import written_text
from smile.notifications.services import (
    claim_and_notify,
    due_notice_maker,
    in_batches,
)
from smile.organisations.models import Workplace

NOTE_MAX_LENGTH = 2000
TITLE_MAX_LENGTH = 300
REMIND_BATCH = 500
FIRST_YEAR = 2000
LAST_YEAR = 2100


def _open(cycle: MeasureCycle, by: User) -> MeasureCycle:
    """The cycle, locked for this change, if she may change it and it is not done."""
    policies.require(by, policies.CHANGE, cycle)
    locked = MeasureCycle.objects.select_for_update().get(pk=cycle.pk)
    if locked.status == CycleStatus.DONE:
        raise ApplicationError(_("This year's cycle is done and can no longer be changed."))
    return locked


@transaction.atomic
def cycle_start(*, workplace: Workplace, by: User, year: int) -> MeasureCycle:
    """Start a year's cycle for the workplace, with an empty investigation grid (every ground in
    every area, no risk found yet)."""
    policies.require(by, access.MEASURES_EDIT, workplace)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ApplicationError(_("Please give a year between 2000 and 2100."), field="year")
    try:
        with transaction.atomic():
            cycle = MeasureCycle.objects.create(workplace=workplace, year=year, created_by=by)
    except IntegrityError:
        raise ApplicationError(
            _("This workplace already has a cycle for that year."), field="year"
        ) from None
    RiskFinding.objects.bulk_create(
        RiskFinding(cycle=cycle, ground=ground, area=area)
        for ground in SEVEN_GROUNDS
        for area in Area.values
    )
    return cycle


@transaction.atomic
def findings_save(
    *, cycle: MeasureCycle, by: User, cells: Mapping[tuple[str, str], tuple[bool, str]]
) -> MeasureCycle:
    """Record the investigation: for each (ground, area), whether a risk was found and a note."""
    cycle = _open(cycle, by)
    findings = selectors.findings_of(cycle)
    for finding in findings:
        risk, note = cells.get((finding.ground, finding.area), (finding.risk, finding.note))
        finding.risk = bool(risk)
        finding.note = written_text(
            note,
            field=f"note_{finding.ground}_{finding.area}",
            limit=NOTE_MAX_LENGTH,
            required=False,
        )
    RiskFinding.objects.bulk_update(findings, ["risk", "note"])
    return cycle


@transaction.atomic
def causes_save(*, cycle: MeasureCycle, by: User, causes: Mapping[int, str]) -> MeasureCycle:
    """Record the analysis: the causes of each risk found (keyed by the finding's id)."""
    cycle = _open(cycle, by)
    risks = [finding for finding in selectors.findings_of(cycle) if finding.risk]
    for finding in risks:
        if finding.pk in causes:
            finding.cause = written_text(
                causes[finding.pk],
                field=f"cause_{finding.pk}",
                limit=NOTE_MAX_LENGTH,
                required=False,
            )
    RiskFinding.objects.bulk_update(risks, ["cause"])
    return cycle


@transaction.atomic
def measure_add(*, cycle: MeasureCycle, by: User, title: str, owner: User, due_on: date) -> Measure:
    cycle = _open(cycle, by)
    title = written_text(title, field="title", limit=TITLE_MAX_LENGTH)
    if not selectors.owner_choices(workplace=cycle.workplace).filter(pk=owner.pk).exists():
        raise ApplicationError(
            _("The owner must be a person of the employer organisation."), field="owner"
        )
    measure = Measure(cycle=cycle, title=title, owner=owner, due_on=due_on)
    measure.full_clean()
    measure.save()
    return measure


@transaction.atomic
def measure_update(
    *,
    measure: Measure,
    by: User,
    status: str,
    due_on: date,
    outcome: str,
    followed_up_on: date | None,
) -> Measure:
    """Change a measure's status and due date, and record how it went (the follow-up)."""
    _open(measure.cycle, by)
    if status not in MeasureStatus.values:
        raise ApplicationError(_("Please choose a status."), field="status")
    outcome = written_text(outcome, field="outcome", limit=NOTE_MAX_LENGTH, required=False)
    if outcome and followed_up_on is None:
        raise ApplicationError(_("Please give the date of the follow-up."), field="followed_up_on")
    if followed_up_on is not None and not outcome:
        raise ApplicationError(_("Please write what the follow-up found."), field="outcome")
    if due_on != measure.due_on:
        measure.reminded_at = None  # a new deadline is reminded again
    measure.status = status
    measure.due_on = due_on
    measure.outcome = outcome
    measure.followed_up_on = followed_up_on
    measure.full_clean()
    measure.save()
    return measure


@transaction.atomic
def cycle_advance(*, cycle: MeasureCycle, by: User) -> MeasureCycle:
    """Move the cycle to its next step, once what the present step asks for is there."""
    cycle = _open(cycle, by)
    following = selectors.next_status(cycle)
    if following is None:  # pragma: no cover - a done cycle is refused by _open
        raise ApplicationError(_("This year's cycle is done and can no longer be changed."))
    risks = [finding for finding in selectors.findings_of(cycle) if finding.risk]
    measures = list(cycle.measures.all())
    if cycle.status == CycleStatus.ANALYSING and any(not f.cause for f in risks):
        raise ApplicationError(_("Please write the causes of every risk found first."))
    if cycle.status == CycleStatus.ACTING and risks and not measures:
        raise ApplicationError(_("Please add at least one measure for the risks found first."))
    if cycle.status == CycleStatus.FOLLOWING_UP and any(
        not m.outcome or m.followed_up_on is None for m in measures
    ):
        raise ApplicationError(_("Please follow up every measure first."))
    assert CYCLE_ORDER.index(following) == CYCLE_ORDER.index(cycle.status) + 1
    cycle.status = following
    cycle.save(update_fields=["status", "updated_at"])
    return cycle


# --- reminders ---------------------------------------------------------------------------------


def _remind(ids: list[int], now: datetime) -> int:
    """Claim these measures and tell each owner; returns how many. A fixed number of queries."""
    return claim_and_notify(
        claimable=Measure.objects.exclude(status=MeasureStatus.DONE),
        ids=ids,
        stamp="reminded_at",
        now=now,
        values=("owner_id", "title", "due_on", "cycle_id"),
        notice=due_notice_maker("equality:measure-cycle", anchor="#measures-heading"),
    )


def measures_remind_due(*, today: date | None = None) -> int:
    """Tell each owner of an open measure due within a week, or late, once per deadline.

    In batches, each one transaction that claims its measures (a conditional update of
    `reminded_at`) before anyone is told, so a failure halfway, or a second run, sends nothing
    twice. Measures of a finished cycle are not reminded. Returns how many were told.
    """
    now = timezone.now()
    today = today or timezone.localdate(now)
    due = (
        Measure.objects.filter(
            reminded_at__isnull=True,
            owner__isnull=False,
            due_on__lte=today + timedelta(days=selectors.REMIND_DAYS_BEFORE),
        )
        .exclude(status=MeasureStatus.DONE)
        .exclude(cycle__status=CycleStatus.DONE)
    )
    return in_batches(due, REMIND_BATCH, lambda ids: _remind(ids, now))
