"""The life of a pair after the solver: publish, answer, pause, resume, complete, end, re-match.

Every change goes through `_move`, which checks the one transition table below, saves the pair
and writes a `PairEvent` (from, to, who, why), so the history is never missing a step.

The rules that two people can race for are held by the database, not by Python:

* a mentor's places: `pair_accept` and `pair_resume` lock the mentor's `Enrolment` row with
  `select_for_update()` before counting her active and paused pairs, so two adepts taking the
  last place at the same moment are served one after the other and the second is told "full";
* an adept's one live pair (proposed, active or paused) is the `pair_one_live_mentor_per_adept`
  unique constraint; an `IntegrityError` from it becomes an `ApplicationError`.

Who may take each action is `smile/matching/access.py`'s to say, and every service asks it before
it writes (`NotAllowed` otherwise): the two people of a proposal answer it; the programme's
coordinators publish and steer (pause, resume, complete, end, re-match).

Both sides are told of every change (`_notify`): a notice in the bell, and an e-mail that the
worker sends after the transaction commits, each in its recipient's language.
"""

from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.reasons import REASON_MAX_LENGTH, clean_reason
from smile.matching.models import (
    LIVE_PAIR_STATUSES,
    MatchingProfile,
    Pair,
    PairEvent,
    PairStatus,
    effective_capacity,
)
from smile.matching.signals import pair_closed
from smile.notifications.models import Kind
from smile.notifications.services import finish, notify, subject_key
from smile.programmes.models import Enrolment, Programme

S = PairStatus

# action: (the statuses it may start from, the status it leads to). Nothing else is allowed.
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "publish": (frozenset({S.DRAFT}), S.PROPOSED),
    "accept": (frozenset({S.PROPOSED}), S.ACTIVE),
    "decline": (frozenset({S.PROPOSED}), S.ENDED),
    "pause": (frozenset({S.ACTIVE}), S.PAUSED),
    "resume": (frozenset({S.PAUSED}), S.ACTIVE),
    "complete": (frozenset({S.ACTIVE, S.PAUSED}), S.COMPLETED),
    "end": (frozenset({S.PROPOSED, S.ACTIVE, S.PAUSED}), S.ENDED),
    "rematch": (frozenset({S.PROPOSED, S.ACTIVE, S.PAUSED}), S.ENDED),
}

# What a person is told when the pair is not in a status the action can start from.
REFUSALS: dict[str, Promise] = {
    "publish": gettext_lazy("Only a suggestion that is not yet published can be published."),
    "accept": gettext_lazy("This proposal is no longer waiting for an answer."),
    "decline": gettext_lazy("This proposal is no longer waiting for an answer."),
    "pause": gettext_lazy("Only an active pair can be paused."),
    "resume": gettext_lazy("Only a paused pair can be resumed."),
    "complete": gettext_lazy("Only an active or paused pair can be completed."),
    "end": gettext_lazy("This pair has already finished."),
    "rematch": gettext_lazy("This pair has already finished."),
}

COORDINATOR_ACTIONS = ("pause", "resume", "complete", "end", "rematch")


def allowed_actions(pair: Pair) -> list[str]:
    """The actions the pair's status allows now (who may take them is the access module's)."""
    return [action for action, (sources, _to) in TRANSITIONS.items() if pair.status in sources]


def _check(pair: Pair, action: str) -> str:
    sources, target = TRANSITIONS[action]
    if pair.status not in sources:
        raise ApplicationError(str(REFUSALS[action]))
    return target


def _event(pair: Pair, *, from_status: str, actor: User | None, note: str = "") -> PairEvent:
    return PairEvent.objects.create(
        pair=pair, from_status=from_status, to_status=pair.status, actor=actor, note=note
    )


def _move(pair: Pair, action: str, *, actor: User | None, note: str = "", **changes: Any) -> Pair:
    target = _check(pair, action)
    from_status = pair.status
    pair.status = target
    for name, value in changes.items():
        setattr(pair, name, value)
    # Unique rules are left to the database, which is the only place they hold under races.
    pair.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            pair.save()
    except IntegrityError:
        pair.status = from_status
        raise ApplicationError(
            _(
                "%(name)s already has a mentor or a proposal waiting for an answer. "
                "End that pair first."
            )
            % {"name": pair.adept.user.full_name}
        ) from None
    _event(pair, from_status=from_status, actor=actor, note=note)
    return pair


def _lock(pair: Pair) -> tuple[Enrolment, Pair]:
    """Lock the mentor's enrolment first, then the pair: the same order everywhere, no deadlock."""
    mentor = Enrolment.objects.select_for_update().get(pk=pair.mentor_id)
    locked = Pair.objects.select_for_update().get(pk=pair.pk)
    return mentor, locked


def mentor_capacity(mentor: Enrolment) -> int:
    """The mentor's capacity, read fresh from the database (her row is locked by the caller)."""
    profile = MatchingProfile.objects.filter(enrolment_id=mentor.pk).first()
    return effective_capacity(profile, Programme.objects.get(pk=mentor.programme_id))


def _check_capacity(mentor: Enrolment, pair: Pair) -> None:
    """Call with the mentor's enrolment locked, so the count cannot change under us."""
    capacity = mentor_capacity(mentor)
    taken = (
        Pair.objects.filter(mentor_id=mentor.pk, status__in=LIVE_PAIR_STATUSES)
        .exclude(pk=pair.pk)
        .count()
    )
    if taken >= capacity:
        raise ApplicationError(
            _(
                "The mentor has no free place: %(taken)d of %(capacity)d places are taken. "
                "Ask the coordinator."
            )
            % {"taken": taken, "capacity": capacity}
        )


# --- notifications ---------------------------------------------------------------------------

PAIR_EVENTS = ("proposed", "active", "paused", "resumed", "ended", "completed")


def _notify(pair: Pair, kind: str) -> None:
    """Tell both sides, in the bell and by e-mail (each in her own language, after the commit).

    The notices are written in the same transaction as the change, so a change that is rolled
    back tells no one. Links are made from `SITE_URL`, because the e-mail is written by the
    worker, outside the request.
    """
    assert kind in PAIR_EVENTS
    pair = Pair.objects.select_related(
        "mentor__user", "mentor__workplace", "adept__user", "adept__workplace"
    ).get(pk=pair.pk)
    url = reverse("matching:pair", args=[pair.pk])
    for recipient, other, side, workplace in (
        (pair.adept.user, pair.mentor.user, "adept", pair.mentor.workplace),
        (pair.mentor.user, pair.adept.user, "mentor", pair.adept.workplace),
    ):
        notify(
            recipient=recipient,
            kind=Kind.PAIR_CHANGED,
            params={
                "event": kind,
                "name": other.full_name,
                "side": side,
                "workplace": workplace.name if workplace else "",
            },
            url=url,
            subject=subject_key(pair, "answer", side) if kind == "proposed" else "",
        )
    if kind != "proposed":  # the proposal is answered (or withdrawn): no one is asked any more
        finish(subject=[subject_key(pair, "answer", side) for side in ("adept", "mentor")])


# --- services --------------------------------------------------------------------------------


@transaction.atomic
def pairs_publish(*, programme: Programme, actor: User) -> list[Pair]:
    """Propose every unpublished suggestion of the programme to both people, and tell them."""
    policies.require(actor, policies.CHANGE, programme)
    # Locking the drafts makes two coordinators publishing at once propose each pair once: the
    # second waits, then finds the rows no longer drafts.
    drafts = list(
        Pair.objects.select_for_update().filter(programme=programme, status=S.DRAFT).order_by("pk")
    )
    published = []
    for pair in drafts:
        _move(pair, "publish", actor=actor)
        _notify(pair, "proposed")
        published.append(pair)
    return published


@transaction.atomic
def pair_accept(*, pair: Pair, user: User) -> Pair:
    """The adept or the mentor says yes; when both have, the pair starts today."""
    policies.require(user, "answer", pair)
    mentor, pair = _lock(pair)
    _check(pair, "accept")
    now = timezone.now()
    if pair.adept.user_id == user.pk and pair.adept_accepted_at is None:
        pair.adept_accepted_at = now
    elif mentor.user_id == user.pk and pair.mentor_accepted_at is None:
        pair.mentor_accepted_at = now
    else:
        raise ApplicationError(_("You have already said yes. We are waiting for the other person."))
    side = "adept" if pair.adept.user_id == user.pk else "mentor"
    finish(subject=subject_key(pair, "answer", side))  # her "please say yes or no" is done
    if pair.adept_accepted_at is None or pair.mentor_accepted_at is None:
        pair.save(update_fields=["adept_accepted_at", "mentor_accepted_at", "updated_at"])
        # A yes that leaves the status as it is: the history shows "proposed → proposed" by her.
        _event(pair, from_status=pair.status, actor=user)
        return pair
    _check_capacity(mentor, pair)
    _move(pair, "accept", actor=user, started_on=timezone.localdate())
    _notify(pair, "active")
    return pair


@transaction.atomic
def pair_decline(*, pair: Pair, user: User, reason: str) -> Pair:
    """Either side says no; the pair ends and the adept is back in the pool for the next run."""
    policies.require(user, "answer", pair)
    _mentor, pair = _lock(pair)
    _check(pair, "decline")
    reason = clean_reason(reason)
    _move(
        pair,
        "decline",
        actor=user,
        note=reason,
        end_reason=reason,
        ended_on=timezone.localdate(),
    )
    _notify(pair, "ended")
    return pair


@transaction.atomic
def pair_pause(*, pair: Pair, actor: User, reason: str) -> Pair:
    policies.require(actor, policies.CHANGE, pair)
    _mentor, pair = _lock(pair)
    reason = clean_reason(reason)
    _move(pair, "pause", actor=actor, note=reason)
    _notify(pair, "paused")
    return pair


@transaction.atomic
def pair_resume(*, pair: Pair, actor: User) -> Pair:
    """A paused pair starts again, if the mentor still has the place (she may have filled it)."""
    policies.require(actor, policies.CHANGE, pair)
    mentor, pair = _lock(pair)
    _check(pair, "resume")
    _check_capacity(mentor, pair)
    _move(pair, "resume", actor=actor)
    _notify(pair, "resumed")
    return pair


@transaction.atomic
def pair_complete(*, pair: Pair, actor: User) -> Pair:
    policies.require(actor, policies.CHANGE, pair)
    _mentor, pair = _lock(pair)
    _move(pair, "complete", actor=actor, ended_on=timezone.localdate())
    _notify(pair, "completed")
    pair_closed.send(sender=Pair, pair=pair)
    return pair


@transaction.atomic
def pair_end(*, pair: Pair, actor: User, reason: str) -> Pair:
    """End a proposal or a pair early; the reason is required (and a database rule)."""
    policies.require(actor, policies.CHANGE, pair)
    _mentor, pair = _lock(pair)
    _check(pair, "end")
    reason = clean_reason(reason)
    _move(pair, "end", actor=actor, note=reason, end_reason=reason, ended_on=timezone.localdate())
    _notify(pair, "ended")
    pair_closed.send(sender=Pair, pair=pair)
    return pair


@transaction.atomic
def pair_rematch(*, pair: Pair, actor: User, reason: str) -> Pair:
    """End the pair early so that the adept gets another mentor at the next matching run.

    Ending takes the adept out of every live pair, so the next run counts her as unmatched; with
    the programme's "never a pair that ended early before" rule on, the solver will not propose
    the same mentor again. The history records it as a re-match, not as an ordinary end.
    """
    policies.require(actor, policies.CHANGE, pair)
    _mentor, pair = _lock(pair)
    _check(pair, "rematch")
    reason = clean_reason(reason)
    _move(
        pair,
        "rematch",
        actor=actor,
        note=(_("Re-match: %(reason)s") % {"reason": reason})[:REASON_MAX_LENGTH],
        end_reason=reason,
        ended_on=timezone.localdate(),
    )
    _notify(pair, "ended")
    pair_closed.send(sender=Pair, pair=pair)
    return pair
