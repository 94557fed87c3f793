"""Writes for individual learning plans.

A plan holds objectives chosen from the curricula of the adept's programme, each with a target
date; its content (which objectives, by when) is signed by three people: the adept, her mentor
and a teacher of her school. A signed plan is kept as a `PlanVersion` snapshot. Changing the
content of a signed plan opens the next version for review: it needs all three signatures again,
and the last signed version stays the valid one until then. Ratings of the skills scan and the
level reached are progress, not content: they never reopen a plan.

Every write locks the plan row (`select_for_update`), so two people signing or editing at the
same moment cannot both win.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import dates
from smile.core.errors import ApplicationError
from smile.learning import access, content
from smile.learning.models import (
    LearningPlan,
    Level,
    Objective,
    PlanObjective,
    PlanSignature,
    PlanStatus,
    PlanVersion,
    SignerRole,
)
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.notifications.models import Kind
from smile.notifications.services import finish, notify, subject_key
from smile.organisations.choices import Role
from smile.organisations.models import Membership
from smile.programmes.models import Enrolment, EnrolmentRole

# Who may choose the objectives, and who signs, in the order the signatures are shown.
EDITOR_ROLES = access.PLAN_EDITORS
SIGNER_ROLES = (SignerRole.ADEPT, SignerRole.MENTOR, SignerRole.TEACHER)
LEVEL_SETTER_ROLES = frozenset({"mentor", "teacher"})


@dataclass(frozen=True)
class Period:
    starts_on: date
    ends_on: date


def plan_period(enrolment: Enrolment) -> Period:
    """The days a target may fall on: inside both her placement and the programme."""
    programme = enrolment.programme
    ends_on = programme.ends_on
    if enrolment.ends_on is not None and enrolment.ends_on < ends_on:
        ends_on = enrolment.ends_on
    return Period(starts_on=max(enrolment.starts_on, programme.starts_on), ends_on=ends_on)


def plan_target_check(*, enrolment: Enrolment, target_on: date) -> None:
    period = plan_period(enrolment)
    if not period.starts_on <= target_on <= period.ends_on:
        raise ApplicationError(
            _("Choose a date between %(start)s and %(end)s.")
            % {
                "start": dates.day(period.starts_on),
                "end": dates.day(period.ends_on),
            }
        )


def plan_url(enrolment: Enrolment, recipient: User) -> str:
    """Where a person opens the plan: the adept her own page, the others the plan page."""
    if enrolment.user_id == recipient.pk:
        return reverse("learning:my-plan")
    return reverse("learning:plan", args=[enrolment.pk])


def _lock(plan: LearningPlan) -> LearningPlan:
    return (
        LearningPlan.objects.select_for_update(of=("self",))
        .select_related("enrolment__programme", "enrolment__user")
        .get(pk=plan.pk)
    )


def _check_level(level: int | None, *, allow_empty: bool) -> None:
    if level is None and allow_empty:
        return
    if level not in Level.values:
        raise ApplicationError(_("Choose one of the four levels."))


def learning_plan_get_or_create(*, enrolment: Enrolment) -> LearningPlan:
    """The adept's plan; an empty draft the first time."""
    if enrolment.role != EnrolmentRole.ADEPT:
        raise ApplicationError(_("Only an adept has a learning plan."))
    plan = LearningPlan.objects.filter(enrolment=enrolment).first()
    if plan is not None:
        return plan
    try:
        with transaction.atomic():
            plan = LearningPlan(enrolment=enrolment)
            plan.full_clean()
            plan.save()
    except IntegrityError:
        # Two people opened the plan at the same moment; the other one made it.
        plan = LearningPlan.objects.get(enrolment=enrolment)
    return plan


def signers(enrolment: Enrolment) -> dict[str, list[User]]:
    """The people who may sign in each role: she herself, her live mentor(s), her teachers."""
    mentors = User.objects.filter(
        pk__in=Pair.objects.filter(adept=enrolment, status__in=LIVE_PAIR_STATUSES).values(
            "mentor__user"
        )
    )
    teachers = User.objects.filter(
        pk__in=Membership.objects.filter(
            organisation__isnull=False,
            organisation=enrolment.education_provider,
            role=Role.TEACHER,
        ).values("user")
    )
    return {
        SignerRole.ADEPT: [enrolment.user],
        SignerRole.MENTOR: list(mentors.filter(is_active=True)),
        SignerRole.TEACHER: list(teachers.filter(is_active=True)),
    }


def _ask_to_sign(plan: LearningPlan, *, by: User) -> None:
    """The plan is ready to sign: tell everyone who still has to sign it, except the author."""
    enrolment = plan.enrolment
    signed = set(
        PlanSignature.objects.filter(plan=plan, version=plan.version).values_list("role", flat=True)
    )
    told: set[int] = set()
    for role, people in signers(enrolment).items():
        if role in signed:
            continue
        for person in people:
            if person.pk == by.pk or person.pk in told:
                continue
            told.add(person.pk)
            notify(
                recipient=person,
                kind=Kind.PLAN_TO_SIGN,
                params={"name": enrolment.user.full_name, "version": plan.version},
                url=plan_url(enrolment, person),
                subject=subject_key(plan, "sign", role),  # done when her role has signed
            )


@transaction.atomic
def plan_objectives_set(
    *, plan: LearningPlan, by: User, items: Iterable[tuple[Objective, date | None]]
) -> LearningPlan:
    """Make the plan's objectives exactly these, with these target dates.

    Objectives not listed leave the plan (with their ratings). If the content changes, the
    signatures of a version not yet signed by all three are void; a signed plan opens its next
    version for review.
    """
    plan = _lock(plan)
    enrolment = plan.enrolment
    if not access.learning_roles(by, enrolment) & EDITOR_ROLES:
        raise ApplicationError(
            _("Only her teacher, her mentor or the coordinator can choose the objectives.")
        )
    chosen: dict[int, date] = {}
    allowed = set(
        Objective.objects.filter(curriculum__programmes=enrolment.programme).values_list(
            "pk", flat=True
        )
    )
    for objective, target_on in items:
        if objective.pk not in allowed:
            raise ApplicationError(_("This objective is not in a curriculum of her programme."))
        if objective.pk in chosen:
            raise ApplicationError(_("An objective can be in the plan only once."))
        if target_on is None:
            raise ApplicationError(_("Give a target date."))
        plan_target_check(enrolment=enrolment, target_on=target_on)
        chosen[objective.pk] = target_on
    if not chosen:
        raise ApplicationError(_("Choose at least one objective."))

    current = {item.objective_id: item for item in PlanObjective.objects.filter(plan=plan)}
    gone = [pk for pk in current if pk not in chosen]
    changed = bool(gone)
    PlanObjective.objects.filter(plan=plan, objective_id__in=gone).delete()
    for objective_id, target_on in chosen.items():
        item = current.get(objective_id)
        if item is None:
            item = PlanObjective(plan=plan, objective_id=objective_id, target_on=target_on)
        elif item.target_on == target_on:
            continue
        else:
            item.target_on = target_on
        item.full_clean()
        item.save()
        changed = True
    if not changed:
        return plan

    if plan.status == PlanStatus.SIGNED:
        plan.version += 1
        plan.status = PlanStatus.IN_REVIEW
    else:
        # Nobody has signed this content: the signatures given so far were for other content.
        PlanSignature.objects.filter(plan=plan, version=plan.version).delete()
    plan.full_clean()
    plan.save(update_fields=["version", "status", "updated_at"])
    _ask_to_sign(plan, by=by)
    return plan


@transaction.atomic
def skills_scan_rate(
    *, plan: LearningPlan, by: User, ratings: Mapping[Objective, int | None]
) -> LearningPlan:
    """The skills scan: the adept rates herself, her mentor rates her; each only their column."""
    plan = _lock(plan)
    roles = access.learning_roles(by, plan.enrolment)
    if "adept" in roles:
        column = "self_rating"
    elif "mentor" in roles:
        column = "mentor_rating"
    else:
        raise ApplicationError(_("Only the adept and her mentor fill in the skills scan."))
    items = {item.objective_id: item for item in PlanObjective.objects.filter(plan=plan)}
    for objective, level in ratings.items():
        item = items.get(objective.pk)
        if item is None:
            raise ApplicationError(_("This objective is not in the plan."))
        _check_level(level, allow_empty=True)
        if getattr(item, column) == level:
            continue
        setattr(item, column, level)
        item.full_clean()
        item.save(update_fields=[column, "updated_at"])
    return plan


@transaction.atomic
def plan_level_set(*, item: PlanObjective, by: User, level: int) -> PlanObjective:
    """The level she has reached: progress, so the plan is not signed again for it."""
    plan = _lock(item.plan)
    if not access.learning_roles(by, plan.enrolment) & LEVEL_SETTER_ROLES:
        raise ApplicationError(_("Only her mentor or her teacher can set the level."))
    _check_level(level, allow_empty=False)
    item = PlanObjective.objects.get(pk=item.pk, plan=plan)
    if item.level != level:
        item.level = level
        item.full_clean()
        item.save(update_fields=["level", "updated_at"])
    return item


def _snapshot(plan: LearningPlan) -> dict[str, object]:
    items = PlanObjective.objects.filter(plan=plan).select_related("objective__unit")
    signatures = PlanSignature.objects.filter(plan=plan, version=plan.version).select_related(
        "user"
    )
    order = {role: index for index, role in enumerate(SIGNER_ROLES)}
    return {
        "version": plan.version,
        "objectives": [
            {
                "code": item.objective.code,
                # The record keeps the Swedish source, whatever language the signer read.
                "text": content.source(item.objective, "text"),
                "unit": f"{item.objective.unit.code} {content.source(item.objective.unit, 'name')}",
                "target_on": item.target_on.isoformat() if item.target_on else None,
                "level": item.level,
            }
            for item in items
        ],
        "signers": [
            {
                "role": signature.role,
                "name": signature.user.full_name,
                "signed_at": signature.signed_at.isoformat(),
            }
            for signature in sorted(signatures, key=lambda s: order[SignerRole(s.role)])
        ],
    }


@transaction.atomic
def plan_sign(
    *,
    plan: LearningPlan,
    by: User,
    role: str | None = None,
    version: int | None = None,
) -> PlanSignature:
    """Sign the version being prepared, as the adept, her live mentor or a teacher of her school.

    `version` is the one the person read; if the plan has changed since, she reads it again.
    The third signature makes the plan SIGNED and keeps it as a `PlanVersion`.
    """
    plan = _lock(plan)
    roles = access.learning_roles(by, plan.enrolment) & set(SignerRole.values)
    if role is not None and role not in roles:
        roles = set()
    if not roles:
        raise ApplicationError(
            _("Only the adept, her mentor and a teacher of her school sign the plan.")
        )
    if version is not None and version != plan.version:
        raise ApplicationError(_("The plan has changed since you opened it. Read it again."))
    if plan.status == PlanStatus.SIGNED:
        raise ApplicationError(_("This version of the plan is already signed by all three."))
    if not PlanObjective.objects.filter(plan=plan).exists():
        raise ApplicationError(_("The plan has no objectives yet."))
    signatures = list(PlanSignature.objects.filter(plan=plan, version=plan.version))
    if any(signature.user_id == by.pk for signature in signatures):
        raise ApplicationError(_("You have already signed this version of the plan."))
    signed_roles = {signature.role for signature in signatures}
    candidates = [r for r in SIGNER_ROLES if r in roles and r not in signed_roles]
    if role is not None:
        candidates = [r for r in candidates if r == role]
    if not candidates:
        raise ApplicationError(_("Someone has already signed this version in your role."))

    signature = PlanSignature(plan=plan, version=plan.version, role=candidates[0], user=by)
    signature.full_clean()
    signature.save()
    finish(subject=subject_key(plan, "sign", signature.role))
    if len(signed_roles) + 1 == len(SIGNER_ROLES):
        snapshot = PlanVersion(
            plan=plan, version=plan.version, snapshot=_snapshot(plan), signed_at=timezone.now()
        )
        snapshot.full_clean()
        snapshot.save()
        plan.status = PlanStatus.SIGNED
        plan.full_clean()
        plan.save(update_fields=["status", "updated_at"])
    return signature


@transaction.atomic
def plan_levels_set(
    *, plan: LearningPlan, by: User, levels: Mapping[PlanObjective, int]
) -> LearningPlan:
    """Several levels at once (one form on the plan page), all or none."""
    for item, level in levels.items():
        if item.plan_id != plan.pk:
            raise ApplicationError(_("This objective is not in the plan."))
        plan_level_set(item=item, by=by, level=level)
    return plan
