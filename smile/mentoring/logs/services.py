"""Writes for meeting logs and action items.

Only the two people of a live pair (active or paused) write a log or tick an action item; the
coordinator reads. Who may is `smile/mentoring/access.py`'s to say (the pair's "work", an action
item's "change"), and each service asks it before it writes (`NotAllowed` otherwise); the other
rules are checked here, and the database backs what it can (one check-in per dimension, one log per
meeting, minutes in range).
"""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError, NotAllowed
from smile.core.texts import writer_language
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.mentoring import access
from smile.mentoring.models import (
    ActionItem,
    CheckIn,
    Dimension,
    Meeting,
    MeetingLog,
    MeetingStatus,
    Rating,
)
from smile.notifications.models import Kind
from smile.notifications.services import (
    claim_and_notify,
    due_notice_maker,
    finish,
    in_batches,
    notify,
    subject_key,
    subject_maker,
)

MIN_MINUTES = 5
MAX_MINUTES = 600
TITLE_MAX_LENGTH = 200
NOTE_MAX_LENGTH = 500
NOTES_MAX_LENGTH = 4000

CheckIns = Mapping[str, tuple[int, str]]
ActionRow = tuple[str, User, date]


def _pair_url(pair: Pair) -> str:
    return reverse("mentoring:pair", args=[pair.pk])


def _check_finished(pair: Pair, by: User) -> None:
    """A side of a pair that has finished is told why; anyone else learns nothing here."""
    if pair.status not in LIVE_PAIR_STATUSES and access.is_side(by, pair):
        raise ApplicationError(_("This pair has finished. Nothing more can be written."))


def _check_owner(pair: Pair, owner: User) -> None:
    if owner.pk not in (pair.adept.user_id, pair.mentor.user_id):
        raise ApplicationError(
            _("Only the adept or the mentor can be given something to do."), field="owner"
        )


def _check_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise ApplicationError(_("Write what is to be done."), field="title")
    if len(title) > TITLE_MAX_LENGTH:
        raise ApplicationError(
            _("Write at most %(count)d characters.") % {"count": TITLE_MAX_LENGTH}, field="title"
        )
    return title


def _check_due(due_on: date) -> None:
    if due_on < timezone.localdate():
        raise ApplicationError(_("The date to do it by cannot be in the past."), field="due_on")


def _check_checkins(checkins: CheckIns) -> None:
    if set(checkins) != set(Dimension.values):
        raise ApplicationError(_("Answer the check-in for all four parts."))
    for rating, note in checkins.values():
        if rating not in Rating.values:
            raise ApplicationError(_("Choose one answer."))
        if len(note) > NOTE_MAX_LENGTH:
            raise ApplicationError(
                _("Write at most %(count)d characters.") % {"count": NOTE_MAX_LENGTH}
            )


def meeting_log_check_meeting(*, pair: Pair, meeting: Meeting) -> None:
    """A log may point to a confirmed meeting of the same pair that has no log yet."""
    if meeting.pair_id != pair.pk:
        raise ApplicationError(_("This meeting belongs to another pair."))
    if meeting.status != MeetingStatus.CONFIRMED:
        raise ApplicationError(_("Only a confirmed meeting can be logged."))
    if MeetingLog.objects.filter(meeting=meeting).exists():
        raise ApplicationError(_("This meeting already has a log."))


def _item_create(
    *,
    pair: Pair,
    by: User,
    title: str,
    owner: User,
    due_on: date,
    log: MeetingLog | None,
    language: str,
) -> ActionItem:
    item = ActionItem(
        pair=pair,
        log=log,
        title=title,
        owner=owner,
        due_on=due_on,
        created_by=by,
        language=language,
    )
    item.full_clean()
    item.save()
    if owner.pk != by.pk:
        notify(
            recipient=owner,
            kind=Kind.ACTION_ASSIGNED,
            params={"name": by.full_name, "title": title, "due_on": due_on.isoformat()},
            url=_pair_url(pair),
            subject=subject_key(item, "do"),
        )
    return item


@transaction.atomic
def meeting_log_create(
    *,
    pair: Pair,
    by: User,
    held_on: date,
    minutes: int,
    checkins: CheckIns,
    notes: str = "",
    notes_for_coordinator: bool = False,
    meeting: Meeting | None = None,
    action_items: Iterable[ActionRow] = (),
    language: str = "",
) -> MeetingLog:
    """Write the log of a meeting with its check-in on all four dimensions and its action items.

    Each action item's owner is told, unless she wrote the log herself. `language`: what the
    notes, the check-in's notes and the things to do are written in (the writer's choice, else
    the language she uses SMILE in).
    """
    language = writer_language(language)
    _check_finished(pair, by)
    policies.require(by, "work", pair)
    if held_on > timezone.localdate():
        raise ApplicationError(_("The meeting date cannot be in the future."), field="held_on")
    if pair.started_on is not None and held_on < pair.started_on:
        raise ApplicationError(
            _("The meeting date cannot be before the mentorship started."), field="held_on"
        )
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ApplicationError(
            _("Write the time in minutes, from %(low)d to %(high)d.")
            % {"low": MIN_MINUTES, "high": MAX_MINUTES},
            field="minutes",
        )
    if len(notes) > NOTES_MAX_LENGTH:
        raise ApplicationError(
            _("Write at most %(count)d characters.") % {"count": NOTES_MAX_LENGTH}, field="notes"
        )
    _check_checkins(checkins)
    if meeting is not None:
        meeting_log_check_meeting(pair=pair, meeting=meeting)
    rows: list[ActionRow] = []
    for number, (title, owner, due_on) in enumerate(action_items, start=1):
        try:
            rows.append((_check_title(title), owner, due_on))
            _check_owner(pair, owner)
            _check_due(due_on)
        except ApplicationError as error:
            # The field hint names the row, as the log form does: "action2_due_on".
            raise ApplicationError(error.message, field=f"action{number}_{error.field}") from None

    log = MeetingLog(
        pair=pair,
        meeting=meeting,
        held_on=held_on,
        minutes=minutes,
        notes=notes.strip(),
        notes_for_coordinator=notes_for_coordinator,
        written_by=by,
        language=language,
    )
    log.full_clean(validate_unique=False)
    try:
        # Two people logging the same meeting at once: the one-to-one column decides.
        with transaction.atomic():
            log.save()
    except IntegrityError as error:
        raise ApplicationError(_("This meeting already has a log.")) from error
    checkin_rows = [
        CheckIn(log=log, dimension=dimension, rating=rating, note=note.strip())
        for dimension, (rating, note) in checkins.items()
    ]
    for row in checkin_rows:
        row.full_clean()
    CheckIn.objects.bulk_create(checkin_rows)
    for title, owner, due_on in rows:
        _item_create(
            pair=pair, by=by, title=title, owner=owner, due_on=due_on, log=log, language=language
        )
    return log


@transaction.atomic
def action_item_create(
    *, pair: Pair, by: User, title: str, owner: User, due_on: date, language: str = ""
) -> ActionItem:
    """Something the adept or the mentor will do by a date, outside a meeting log, written in
    `language` (else the language the writer uses SMILE in)."""
    _check_finished(pair, by)
    policies.require(by, "work", pair)
    title = _check_title(title)
    _check_owner(pair, owner)
    _check_due(due_on)
    return _item_create(
        pair=pair,
        by=by,
        title=title,
        owner=owner,
        due_on=due_on,
        log=None,
        language=writer_language(language),
    )


def _locked(item: ActionItem) -> ActionItem:
    return (
        ActionItem.objects.select_for_update(of=("self",))
        .select_related("pair__adept", "pair__mentor")
        .get(pk=item.pk)
    )


def _require_tick(by: User, item: ActionItem) -> None:
    """Only the one who does it ticks it (`access.can_tick`); the other side sees it."""
    if not access.can_tick(by, item):
        raise NotAllowed(f"tick ActionItem {item.pk}")


@transaction.atomic
def action_item_done(*, item: ActionItem, by: User) -> ActionItem:
    """The one who does it ticks it done. Ticking twice changes nothing and says so."""
    locked = _locked(item)
    _check_finished(locked.pair, by)
    policies.require(by, policies.CHANGE, locked)
    _require_tick(by, locked)
    if locked.done_at is not None:
        raise ApplicationError(_("This is already marked as done."))
    locked.done_at = timezone.now()
    locked.done_by = by
    locked.save(update_fields=["done_at", "done_by", "updated_at"])
    finish(subject=subject_key(locked, "do"))
    return locked


@transaction.atomic
def action_item_reopen(*, item: ActionItem, by: User) -> ActionItem:
    """Undo a mistaken tick: the item is open again and back on both homes."""
    locked = _locked(item)
    _check_finished(locked.pair, by)
    policies.require(by, policies.CHANGE, locked)
    _require_tick(by, locked)
    if locked.done_at is None:
        raise ApplicationError(_("This is not marked as done."))
    locked.done_at = None
    locked.done_by = None
    locked.save(update_fields=["done_at", "done_by", "updated_at"])
    return locked


# Items reminded per transaction: the batch's six queries and its commit cost little per item, and
# the transaction stays short.
REMIND_BATCH = 2000


def _action_items_remind(ids: list[int], now: datetime) -> int:
    """Claim these items and tell each owner of one claimed; returns how many.

    Queries, whatever the number of items: the claim (one conditional update), the items claimed,
    and `notify_many` (the owners' choices, one insert; one e-mail task after the commit). An
    item done meanwhile is left out of the claim.
    """
    return claim_and_notify(
        claimable=ActionItem.objects.filter(done_at__isnull=True),
        ids=ids,
        stamp="reminded_at",
        touch=("updated_at",),
        now=now,
        values=("owner_id", "title", "due_on", "pair_id", "pk"),
        notice=due_notice_maker("mentoring:pair", subject=subject_maker(ActionItem, "do")),
    )


def action_items_remind_due(*, today: date | None = None) -> int:
    """Tell each owner of an open item due tomorrow or late, once per item. Returns how many.

    In batches of `REMIND_BATCH` items, each one transaction that claims its items (a conditional
    update of `reminded_at`) before anyone is told, so a failure halfway, or a second run at the
    same time, sends nothing twice.
    """
    now = timezone.now()
    today = today or timezone.localdate(now)
    due = ActionItem.objects.filter(
        done_at__isnull=True,
        reminded_at__isnull=True,
        due_on__lte=today + timedelta(days=1),
        pair__status__in=LIVE_PAIR_STATUSES,
    )
    return in_batches(due, REMIND_BATCH, lambda ids: _action_items_remind(ids, now))
