"""Reads for the plans part of learning. Every read goes through the access policies.

The query counts of these pages do not grow with the number of objectives: items, the tasks
where they are practised, signatures and versions are each read in one query.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone

from smile.accounts.models import User
from smile.learning import access
from smile.learning.models import (
    LearningPlan,
    Level,
    Objective,
    PlanObjective,
    PlanSignature,
    PlanStatus,
    PlanVersion,
    SignerRole,
    Unit,
    WorkplaceTask,
)
from smile.learning.plans import services
from smile.learning.progress.selectors import home_plan_levels
from smile.matching.home import HomeBasis, home_basis
from smile.programmes.models import Enrolment, EnrolmentStatus

STEPS = len(Level)


@dataclass
class Row:
    """One objective of the plan as a page shows it."""

    item: PlanObjective
    late: bool
    tasks: list[WorkplaceTask] = field(default_factory=list)
    # The row's fields of the levels form and of the skills scan form, set by the view.
    level_field: Any = None
    scan_field: Any = None

    @property
    def step(self) -> int:
        return self.item.level + 1

    @property
    def dots(self) -> str:
        return dots(self.step)


def dots(step: int) -> str:
    """The step indicator. Decoration only (hidden from screen readers): words say the same."""
    return "●" * step + "○" * (STEPS - step)


@dataclass
class Group:
    unit: Unit
    rows: list[Row]


@dataclass
class SignatureRow:
    role: str
    label: str
    signature: PlanSignature | None


def _enrolment_q(user: User) -> QuerySet[Enrolment]:
    return access.learning_enrolments(user).select_related(
        "user", "programme", "workplace", "education_provider"
    )


def own_enrolment(*, user: User) -> Enrolment | None:
    """The adept's own active placement (the newest, if she has more than one)."""
    return (
        _enrolment_q(user)
        .filter(user=user, status=EnrolmentStatus.ACTIVE)
        .order_by("-starts_on", "-pk")
        .first()
    )


def _plan(enrolment: Enrolment) -> LearningPlan | None:
    plan = LearningPlan.objects.filter(enrolment=enrolment).first()
    if plan is not None:
        plan.enrolment = enrolment
    return plan


def _items(plan: LearningPlan | None) -> list[PlanObjective]:
    if plan is None:
        return []
    return list(
        PlanObjective.objects.filter(plan=plan)
        .select_related("objective__unit", "objective__curriculum")
        .order_by(
            "objective__curriculum__name_sv",
            "objective__unit__order",
            "objective__unit__code",
            "objective__order",
            "objective__code",
        )
    )


def _tasks(user: User, enrolment: Enrolment, items: list[PlanObjective]) -> dict[int, list[Any]]:
    """The tasks at her workplace where each objective is practised."""
    if not items:
        return {}
    through = WorkplaceTask.objectives.through
    links = (
        through.objects.filter(
            workplacetask__workplace_id=enrolment.workplace_id,
            workplacetask__in=access.visible_workplace_tasks(user),
            objective_id__in=[item.objective_id for item in items],
        )
        .select_related("workplacetask")
        .order_by("workplacetask__title_sv")
    )
    tasks: dict[int, list[Any]] = {}
    for link in links:
        tasks.setdefault(link.objective_id, []).append(link.workplacetask)
    return tasks


def _groups(user: User, enrolment: Enrolment, items: list[PlanObjective]) -> list[Group]:
    today = timezone.localdate()
    tasks = _tasks(user, enrolment, items)
    groups: list[Group] = []
    for item in items:
        row = Row(
            item=item,
            late=bool(item.target_on and item.target_on < today and item.level < Level.INDEPENDENT),
            tasks=tasks.get(item.objective_id, []),
        )
        if groups and groups[-1].unit.pk == item.objective.unit_id:
            groups[-1].rows.append(row)
        else:
            groups.append(Group(unit=item.objective.unit, rows=[row]))
    return groups


def _counts(items: list[PlanObjective]) -> list[tuple[str, int]]:
    return [(str(level.label), sum(1 for i in items if i.level == level)) for level in Level]


def _signatures(plan: LearningPlan | None) -> list[PlanSignature]:
    if plan is None:
        return []
    return list(
        PlanSignature.objects.filter(plan=plan, version=plan.version).select_related("user")
    )


def _signature_rows(signatures: list[PlanSignature]) -> list[SignatureRow]:
    by_role = {signature.role: signature for signature in signatures}
    return [
        SignatureRow(role=role.value, label=str(role.label), signature=by_role.get(role))
        for role in services.SIGNER_ROLES
    ]


def sign_role(
    *, user: User, roles: set[str], plan: LearningPlan | None, has_items: bool, signed: list[Any]
) -> str | None:
    """The role the person would sign in now, or None if she has nothing to sign."""
    if plan is None or not has_items or plan.status == PlanStatus.SIGNED:
        return None
    if any(signature.user_id == user.pk for signature in signed):
        return None
    taken = {signature.role for signature in signed}
    for role in services.SIGNER_ROLES:
        if role in roles and role not in taken:
            return str(role)
    return None


def plan_page(*, user: User, enrolment: Enrolment) -> dict[str, Any]:
    """Everything the plan page (and the adept's "My plan") shows, in a fixed number of reads."""
    roles = access.learning_roles(user, enrolment)
    plan = _plan(enrolment)
    items = _items(plan)
    signatures = _signatures(plan)
    versions = (
        list(PlanVersion.objects.filter(plan=plan).defer("snapshot")) if plan is not None else []
    )
    valid = versions[0] if versions else None
    groups = _groups(user, enrolment, items)
    return {
        "enrolment": enrolment,
        "roles": roles,
        "plan": plan,
        "items": items,
        "groups": groups,
        "rows": [row for group in groups for row in group.rows],
        "counts": _counts(items),
        "signatures": _signature_rows(signatures),
        "sign_as": sign_role(
            user=user, roles=roles, plan=plan, has_items=bool(items), signed=signatures
        ),
        "versions": versions,
        "valid_version": valid if plan is not None and plan.status != PlanStatus.SIGNED else None,
        "can_choose": bool(roles & services.EDITOR_ROLES),
        "can_set_level": bool(roles & services.LEVEL_SETTER_ROLES) and bool(items),
        "rates_as_mentor": "mentor" in roles and "adept" not in roles and bool(items),
        "period": services.plan_period(enrolment),
        "today": timezone.localdate(),
    }


def plan_choices(*, enrolment: Enrolment) -> dict[str, Any]:
    """The objectives of the curricula used in her programme, and those in her plan now."""
    plan = _plan(enrolment)
    objectives = list(
        Objective.objects.filter(curriculum__programmes=enrolment.programme)
        .select_related("curriculum", "unit")
        .order_by("curriculum__name_sv", "unit__order", "unit__code", "order", "code")
    )
    chosen = (
        dict(PlanObjective.objects.filter(plan=plan).values_list("objective_id", "target_on"))
        if plan is not None
        else {}
    )
    return {"plan": plan, "objectives": objectives, "chosen": chosen}


def plan_of(enrolment: Enrolment) -> LearningPlan | None:
    """Her plan, if it exists yet."""
    return _plan(enrolment)


def plan_version(*, user: User, enrolment: Enrolment, version: int) -> dict[str, Any] | None:
    plan = _plan(enrolment)
    snapshot = (
        PlanVersion.objects.filter(plan=plan, version=version).first() if plan is not None else None
    )
    if snapshot is None:
        return None
    data = snapshot.snapshot
    labels = dict(Level.choices)
    role_labels = dict(SignerRole.choices)
    groups: list[dict[str, Any]] = []
    for objective in data.get("objectives", []):
        target_on = objective.get("target_on")
        row = {
            **objective,
            "target_on": date.fromisoformat(target_on) if target_on else None,
            "level_label": labels.get(objective.get("level"), ""),
            "step": int(objective.get("level") or 0) + 1,
        }
        row["dots"] = dots(row["step"])
        if groups and groups[-1]["unit"] == objective.get("unit"):
            groups[-1]["rows"].append(row)
        else:
            groups.append({"unit": objective.get("unit"), "rows": [row]})
    signers = [
        {
            **signer,
            "role_label": role_labels.get(signer.get("role"), signer.get("role")),
            "signed_at": datetime.fromisoformat(signer["signed_at"]),
        }
        for signer in data.get("signers", [])
    ]
    return {
        "enrolment": enrolment,
        "roles": access.learning_roles(user, enrolment),
        "plan": plan,
        "snapshot": snapshot,
        "groups": groups,
        "signers": signers,
        "is_valid": plan is not None
        and PlanVersion.objects.filter(plan=plan).order_by("-version").first() == snapshot,
    }


# --- panels on the homes and the adept's learning page ---------------------------------------


def _waiting_for(
    user: User, enrolments: QuerySet[Enrolment] | list[int], role: str
) -> list[LearningPlan]:
    """Plans ready to sign that wait for this person's signature in this role."""
    current = PlanSignature.objects.filter(plan=OuterRef("pk"), version=OuterRef("version"))
    return list(
        LearningPlan.objects.filter(enrolment__in=enrolments)
        .exclude(status=PlanStatus.SIGNED)
        .filter(Exists(PlanObjective.objects.filter(plan=OuterRef("pk"))))
        .exclude(Exists(current.filter(role=role)))
        .exclude(Exists(current.filter(user=user)))
        .select_related("enrolment__user")
        .order_by("enrolment__user__full_name", "pk")
    )


def _next_goal(enrolment_id: int, today: date) -> Row | None:
    """Her next goal: the objective of her plan not reached yet with the nearest target date
    (those without a date last, then in the curriculum's order). One query."""
    item = (
        PlanObjective.objects.filter(plan__enrolment_id=enrolment_id, level__lt=Level.INDEPENDENT)
        .select_related("objective")
        .order_by(
            F("target_on").asc(nulls_last=True),
            "objective__unit__order",
            "objective__order",
            "objective__code",
            "pk",
        )
        .first()
    )
    if item is None:
        return None
    return Row(item=item, late=bool(item.target_on and item.target_on < today))


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """What the home of this role ("adept", "mentor" or "teacher") shows of this part.

    The adept: whether her plan waits for her and her next goal (a query each, once her plan
    has objectives; its levels are the progress panel's). A mentor or a teacher: the plans that
    wait for her signature (one query).
    """
    basis = basis or home_basis(user=user, role=role)
    if role == "adept":
        active = basis.active_enrolments
        if not active:
            return {}
        today = timezone.localdate()
        levels = home_plan_levels(basis, today).counts.get(active[0].pk, [0] * STEPS)
        total = sum(levels)
        current = PlanSignature.objects.filter(plan=OuterRef("pk"), version=OuterRef("version"))
        # Ready to sign (it has objectives) and neither she nor an adept has signed this version.
        to_sign = (
            total > 0
            and LearningPlan.objects.filter(enrolment_id=active[0].pk)
            .exclude(status=PlanStatus.SIGNED)
            .exclude(Exists(current.filter(role=SignerRole.ADEPT)))
            .exclude(Exists(current.filter(user=user)))
            .exists()
        )
        reached = levels[Level.INDEPENDENT]
        return {
            "show": True,
            "counts": [(str(level.label), levels[level.value]) for level in Level],
            "total": total,
            "reached": reached,
            "to_sign": to_sign,
            # Asked only while some objective is not reached yet.
            "next": _next_goal(active[0].pk, today) if total > reached else None,
        }
    if role == "mentor":
        adepts = basis.learner_ids
        return {"waiting": _waiting_for(user, adepts, SignerRole.MENTOR) if adepts else []}
    if role == "teacher":
        enrolments = access.enrolments_as(user, {access.TEACHER})
        return {"waiting": _waiting_for(user, enrolments, SignerRole.TEACHER)}
    return {}


def for_adept(*, user: User, enrolment: Enrolment) -> dict[str, Any]:
    """What the adept's learning page shows of this part, for this reader."""
    roles = access.learning_roles(user, enrolment)
    plan = _plan(enrolment)
    items = _items(plan)
    signatures = _signatures(plan)
    url = (
        reverse("learning:my-plan")
        if "adept" in roles
        else reverse("learning:plan", args=[enrolment.pk])
    )
    return {
        "show": True,
        "plan": plan,
        "total": len(items),
        "counts": _counts(items),
        "late": _late_count(items),
        "url": url,
        "sign_as": sign_role(
            user=user, roles=roles, plan=plan, has_items=bool(items), signed=signatures
        ),
    }


def _late_count(items: list[PlanObjective]) -> int:
    today = timezone.localdate()
    return sum(
        1
        for item in items
        if item.target_on and item.target_on < today and item.level < Level.INDEPENDENT
    )


def plan_items(*, plan: LearningPlan) -> list[PlanObjective]:
    return _items(plan)
