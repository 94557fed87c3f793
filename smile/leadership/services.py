"""Writes for management support. Each service asks `smile/leadership/access.py` before it writes
(`NotAllowed` otherwise) and refuses a broken rule with an `ApplicationError` in the actor's
language."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.actor import AnyUser
from smile.core.errors import ApplicationError
from smile.leadership import access, selectors
from smile.leadership import statements as st
from smile.leadership.models import (
    OPEN_ACTION_STATUSES,
    Action,
    ActionStatus,
    AssessmentAnswer,
    AssessmentResponse,
    AssessmentRound,
    Commitment,
    CommitmentRule,
    Decision,
    FollowUpMeeting,
    ProgrammeLeadership,
)
from smile.mentoring.models import Dimension
from smile.notifications.models import Kind
from smile.notifications.services import (
    claim_and_notify,
    due_notice_maker,
    in_batches,
    notify,
)
from smile.organisations.models import Workplace
from smile.programmes.models import Programme
from smile.programmes.placement import PlacementNote

TITLE_MAX_LENGTH = 200
# An action made from a gap with one click is due this many days later (it can be changed).
GAP_ACTION_DAYS = 90
# An open action is reminded once, this many days before its deadline (or when it is late).
REMIND_DAYS_BEFORE = 7
REMIND_BATCH = 2000


def _name(user: AnyUser) -> str:
    return str(getattr(user, "full_name", "") or user)


# --- the self-assessment -----------------------------------------------------------------------


@transaction.atomic
def assessment_round_open(*, actor: AnyUser, workplace: Workplace) -> AssessmentRound:
    policies.require(actor, access.LEAD, workplace)
    if AssessmentRound.objects.filter(workplace=workplace, closed_at__isnull=True).exists():
        raise ApplicationError(_("A round of the self-assessment is already open here."))
    try:
        with transaction.atomic():
            return AssessmentRound.objects.create(
                workplace=workplace, opened_by=actor if isinstance(actor, User) else None
            )
    except IntegrityError:
        raise ApplicationError(_("A round of the self-assessment is already open here.")) from None


@transaction.atomic
def assessment_round_close(*, actor: AnyUser, round: AssessmentRound) -> AssessmentRound:
    policies.require(actor, policies.CHANGE, round)
    locked = AssessmentRound.objects.select_for_update().get(pk=round.pk)
    if locked.closed_at is not None:
        raise ApplicationError(_("This round is already closed."))
    locked.closed_at = timezone.now()
    locked.closed_by = actor if isinstance(actor, User) else None
    locked.save(update_fields=["closed_at", "closed_by", "updated_at"])
    return locked


@transaction.atomic
def assessment_answer(
    *, actor: AnyUser, round: AssessmentRound, answers: Mapping[str, int]
) -> AssessmentResponse:
    """Record a person's answers to every statement, once per round. The answers are stored
    apart from her name; only the fact that she answered, and in which group, is kept with it."""
    policies.require(actor, access.ANSWER, round)
    if not isinstance(actor, User):
        raise ApplicationError(_("You do not answer the self-assessment at this workplace."))
    role = access.respondent_role(actor, round.workplace)
    if role is None:  # the policy and the groups disagree only if memberships change meanwhile
        raise ApplicationError(_("You do not answer the self-assessment at this workplace."))
    missing = [s.code for s in st.STATEMENTS if s.code not in answers]
    unknown = sorted(set(answers) - set(st.BY_CODE))
    if missing or unknown:
        raise ApplicationError(_("Please answer every statement."))
    if any(value not in range(1, 6) for value in answers.values()):
        raise ApplicationError(_("Please answer every statement."))
    try:
        with transaction.atomic():
            response = AssessmentResponse.objects.create(round=round, respondent=actor, role=role)
    except IntegrityError:
        raise ApplicationError(_("You have already answered this round.")) from None
    AssessmentAnswer.objects.bulk_create(
        AssessmentAnswer(
            round=round,
            role=role,
            dimension=s.dimension,
            statement=s.code,
            value=int(answers[s.code]),
        )
        for s in st.STATEMENTS
    )
    return response


# --- commitments -------------------------------------------------------------------------------


@transaction.atomic
def commitment_sign(
    *,
    actor: AnyUser,
    workplace: Workplace,
    programme: Programme,
    mentor_hours_per_week: Decimal,
    development_hours_per_month: Decimal,
    contact_name: str,
    contact_details: str = "",
    follow_up_weeks: int,
    notes: str = "",
) -> Commitment:
    """A manager signs what the workplace commits to in a programme: a new version each time."""
    policies.require(actor, access.SIGN, workplace)
    if not programme.partners.filter(pk=workplace.organisation_id).exists():
        raise ApplicationError(
            _("The workplace's employer does not take part in this programme."), field="programme"
        )
    latest = (
        Commitment.objects.select_for_update()
        .filter(workplace=workplace, programme=programme)
        .order_by("-version")
        .first()
    )
    commitment = Commitment(
        workplace=workplace,
        programme=programme,
        version=(latest.version + 1) if latest else 1,
        mentor_hours_per_week=mentor_hours_per_week,
        development_hours_per_month=development_hours_per_month,
        contact_name=contact_name.strip(),
        contact_details=contact_details.strip(),
        follow_up_weeks=follow_up_weeks,
        notes=notes.strip(),
        signed_by=actor if isinstance(actor, User) else None,
        signed_at=timezone.now(),
    )
    commitment.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            commitment.save()
    except IntegrityError:
        raise ApplicationError(
            _("Someone signed a new version at the same moment. Please look and sign again.")
        ) from None
    return commitment


@transaction.atomic
def commitment_rule_set(*, actor: AnyUser, programme: Programme, rule: str) -> ProgrammeLeadership:
    policies.require(actor, policies.CHANGE, programme)
    if rule not in CommitmentRule.values:
        raise ApplicationError(_("Please choose only from the list."), field="commitment_rule")
    setting, _created = ProgrammeLeadership.objects.select_for_update().get_or_create(
        programme=programme
    )
    setting.commitment_rule = rule
    setting.changed_by = actor if isinstance(actor, User) else None
    setting.save()
    return setting


def commitment_placement_check(programme: Programme, workplace: Workplace) -> list[PlacementNote]:
    """The placement check registered with programmes (see `smile.leadership.apps`): a workplace
    without a signed commitment, where the programme asks for one."""
    rule = selectors.commitment_rule(programme=programme)
    if rule == CommitmentRule.NONE:
        return []
    if selectors.signed_commitment_exists(programme=programme, workplace=workplace):
        return []
    values = {"workplace": workplace.name, "programme": programme.name}
    if rule == CommitmentRule.BLOCK:
        message = (
            _(
                "%(workplace)s has no signed management commitment for %(programme)s. The "
                "programme requires one before an adept is placed: ask a manager of the "
                "workplace to sign it."
            )
            % values
        )
        return [PlacementNote(message, blocking=True)]
    message = (
        _(
            "%(workplace)s has no signed management commitment for %(programme)s yet. Ask a "
            "manager of the workplace to sign it."
        )
        % values
    )
    return [PlacementNote(message, blocking=False)]


# --- the action plan ---------------------------------------------------------------------------


def _check_owner(workplace: Workplace, owner: User) -> None:
    if not selectors.action_owners(workplace=workplace).filter(pk=owner.pk).exists():
        raise ApplicationError(
            _("The one responsible must be a manager of the workplace or a coordinator."),
            field="owner",
        )


def _tell_owner(action: Action, actor: AnyUser) -> None:
    if action.owner_id is None or action.owner_id == actor.pk:
        return
    assert action.owner is not None
    notify(
        recipient=action.owner,
        kind=Kind.ACTION_ASSIGNED,
        params={"name": _name(actor), "title": action.title, "due_on": action.due_on.isoformat()},
        url=reverse("leadership:workplace", args=[action.workplace_id]) + "#plan-heading",
    )


@transaction.atomic
def action_create(
    *,
    actor: AnyUser,
    workplace: Workplace,
    dimension: str,
    title: str,
    owner: User,
    due_on: date,
    statement: str = "",
) -> Action:
    policies.require(actor, access.LEAD, workplace)
    if dimension not in Dimension.values:
        raise ApplicationError(_("Please choose only from the list."), field="dimension")
    if statement and statement not in st.BY_CODE:
        statement = ""
    _check_owner(workplace, owner)
    action = Action(
        workplace=workplace,
        dimension=dimension,
        title=title.strip(),
        statement=statement,
        owner=owner,
        due_on=due_on,
        created_by=actor if isinstance(actor, User) else None,
    )
    action.full_clean()
    action.save()
    _tell_owner(action, actor)
    return action


@transaction.atomic
def action_from_statement(
    *, actor: AnyUser, round: AssessmentRound, statement: str, today: date | None = None
) -> Action:
    """One click from a gap in the self-assessment: an action on the statement's dimension, in
    the words of the statement, for the person who clicked, due in three months."""
    policies.require(actor, policies.VIEW, round)
    found = st.BY_CODE.get(statement)
    if found is None or round.closed_at is None:
        raise ApplicationError(_("Please choose only from the list."))
    if not isinstance(actor, User):
        raise ApplicationError(_("Please choose only from the list."))
    existing = Action.objects.filter(
        workplace_id=round.workplace_id, statement=statement, status__in=OPEN_ACTION_STATUSES
    ).first()
    if existing is not None:
        raise ApplicationError(_("There is already an open action on this statement."))
    today = today or timezone.localdate()
    return action_create(
        actor=actor,
        workplace=round.workplace,
        dimension=found.dimension,
        title=str(found.text)[:TITLE_MAX_LENGTH],
        owner=actor,
        due_on=today + timedelta(days=GAP_ACTION_DAYS),
        statement=statement,
    )


def _apply_status(action: Action, status: str, today: date) -> None:
    if status not in ActionStatus.values:
        raise ApplicationError(_("Please choose only from the list."), field="status")
    action.status = status
    action.done_on = (action.done_on or today) if status == ActionStatus.DONE else None


@transaction.atomic
def action_update(
    *,
    actor: AnyUser,
    action: Action,
    title: str,
    dimension: str,
    owner: User,
    due_on: date,
    status: str,
    today: date | None = None,
) -> Action:
    policies.require(actor, policies.CHANGE, action)
    if dimension not in Dimension.values:
        raise ApplicationError(_("Please choose only from the list."), field="dimension")
    owner_changed = owner.pk != action.owner_id
    if owner_changed:
        _check_owner(action.workplace, owner)
    if due_on != action.due_on:
        action.reminded_at = None  # a new deadline is reminded afresh
    action.title = title.strip()
    action.dimension = dimension
    action.owner = owner
    action.due_on = due_on
    _apply_status(action, status, today or timezone.localdate())
    action.full_clean()
    action.save()
    if owner_changed:
        _tell_owner(action, actor)
    return action


@dataclass(frozen=True)
class DecisionInput:
    """What a follow-up meeting decides about one action: a status, a deadline, a note."""

    action: Action
    status: str
    due_on: date
    text: str = ""


@dataclass(frozen=True)
class NewAction:
    title: str
    dimension: str
    owner: User
    due_on: date


@transaction.atomic
def follow_up_record(
    *,
    actor: AnyUser,
    workplace: Workplace,
    held_on: date,
    minutes: str,
    decisions: Iterable[DecisionInput] = (),
    new_action: NewAction | None = None,
    today: date | None = None,
) -> FollowUpMeeting:
    """Management's follow-up meeting: its minutes, and the decisions that change the plan (an
    action's status or deadline, or a new action), each kept with the meeting."""
    policies.require(actor, access.LEAD, workplace)
    today = today or timezone.localdate()
    if held_on > today:
        raise ApplicationError(_("The meeting cannot be in the future."), field="held_on")
    meeting = FollowUpMeeting(
        workplace=workplace,
        held_on=held_on,
        minutes=minutes.strip(),
        recorded_by=actor if isinstance(actor, User) else None,
    )
    meeting.full_clean()
    meeting.save()
    rows = []
    for decision in decisions:
        action = Action.objects.select_for_update().get(pk=decision.action.pk)
        if action.workplace_id != workplace.pk:
            raise ApplicationError(_("Please choose only from the list."))
        status_from, due_from = action.status, action.due_on
        changed = decision.status != status_from or decision.due_on != due_from
        if not changed and not decision.text.strip():
            continue
        if decision.due_on != due_from:
            action.reminded_at = None
        action.due_on = decision.due_on
        _apply_status(action, decision.status, held_on)
        action.full_clean()
        action.save()
        rows.append(
            Decision(
                meeting=meeting,
                action=action,
                text=decision.text.strip()[:500],
                status_from=status_from if decision.status != status_from else "",
                status_to=decision.status if decision.status != status_from else "",
                due_from=due_from if decision.due_on != due_from else None,
                due_to=decision.due_on if decision.due_on != due_from else None,
            )
        )
    if new_action is not None:
        made = action_create(
            actor=actor,
            workplace=workplace,
            dimension=new_action.dimension,
            title=new_action.title,
            owner=new_action.owner,
            due_on=new_action.due_on,
        )
        rows.append(Decision(meeting=meeting, action=made, created=True))
    Decision.objects.bulk_create(rows)
    return meeting


# --- reminders ---------------------------------------------------------------------------------


def _actions_remind(ids: list[int], now: datetime) -> int:
    """Claim these actions and tell each owner; returns how many. A fixed number of queries."""
    return claim_and_notify(
        claimable=Action.objects.filter(status__in=OPEN_ACTION_STATUSES),
        ids=ids,
        stamp="reminded_at",
        now=now,
        values=("owner_id", "title", "due_on", "workplace_id"),
        notice=due_notice_maker("leadership:workplace", anchor="#plan-heading"),
    )


def actions_remind_due(*, today: date | None = None) -> int:
    """Tell each owner of an open action due within a week, or late, once per deadline.

    In batches, each one transaction that claims its actions (a conditional update of
    `reminded_at`) before anyone is told, so a failure halfway, or a second run at the same time,
    sends nothing twice. Returns how many were told.
    """
    now = timezone.now()
    today = today or timezone.localdate(now)
    due = Action.objects.filter(
        status__in=OPEN_ACTION_STATUSES,
        reminded_at__isnull=True,
        owner__isnull=False,
        due_on__lte=today + timedelta(days=REMIND_DAYS_BEFORE),
    )
    return in_batches(due, REMIND_BATCH, lambda ids: _actions_remind(ids, now))
