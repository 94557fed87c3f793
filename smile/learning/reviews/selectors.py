"""Reads for the reviews part of learning. Every read goes through the access policies.

The review page and the panels read a fixed number of queries, however many reviews, objectives
or signatures there are.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.learning import access
from smile.learning.models import (
    Level,
    PlanObjective,
    Review,
    ReviewSignature,
    ReviewStatus,
    SignerRole,
)
from smile.learning.reviews.services import PARTIES, SCHEDULERS, SIGNING_ORDER, roles_to_sign
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.organisations.choices import Role
from smile.organisations.models import Membership
from smile.programmes.models import Enrolment

# A three-party review every eight weeks: often enough to steer, rarely enough to take seriously.
REVIEW_CADENCE = timedelta(weeks=8)
HOME_SHOWN = 5


def next_review_due(enrolment: Enrolment) -> date:
    """Eight weeks after the last held review, or after her start in the programme."""
    last = (
        Review.objects.filter(enrolment=enrolment, held_at__isnull=False)
        .order_by("-held_at")
        .values_list("held_at", flat=True)
        .first()
    )
    start = timezone.localdate(last) if last is not None else enrolment.starts_on
    return start + REVIEW_CADENCE


def default_agenda(enrolment: Enrolment, today: date | None = None) -> str:
    """The agenda drawn from her plan: each objective with its level and target date, late
    ones first, then the three open questions. Written in the planner's language."""
    today = today or timezone.localdate()
    items = list(
        PlanObjective.objects.filter(plan__enrolment=enrolment).select_related("objective")
    )

    def late(item: PlanObjective) -> bool:
        return (
            item.target_on is not None and item.target_on < today and item.level < Level.INDEPENDENT
        )

    items.sort(key=lambda item: (not late(item), item.target_on or date.max, item.objective.code))
    lines = []
    if items:
        lines.append(_("Objectives in the plan:"))
        for item in items:
            parts = [f"{item.objective.code} {item.objective.text}", str(Level(item.level).label)]
            if item.target_on is not None:
                parts.append(_("target %(date)s") % {"date": item.target_on.isoformat()})
            line = "- " + " – ".join(parts)
            if late(item):
                line += " – " + _("late")
            lines.append(line)
        lines.append("")
    lines += [_("What went well?"), _("What is hard?"), _("What do we do next?")]
    return "\n".join(lines)


def may_schedule(user: User, enrolment: Enrolment) -> bool:
    return bool(access.learning_roles(user, enrolment) & SCHEDULERS)


@dataclass
class ReviewView:
    """A review as one reader sees it: the signatures, and what she may do."""

    review: Review
    signatures: list[ReviewSignature]
    can_hold: bool
    sign_as: str | None
    roles: set[str]

    @property
    def missing(self) -> list[str]:
        signed = {signature.role for signature in self.signatures}
        return [str(SignerRole(role).label) for role in SIGNING_ORDER if role not in signed]


def review_detail(*, user: User, review: Review) -> ReviewView:
    """The review as this reader sees it (she has been allowed to see it)."""
    signatures = list(review.signatures.select_related("user").order_by("signed_at"))
    roles = access.learning_roles(user, review.enrolment)
    signed_by_me = any(signature.user_id == user.pk for signature in signatures)
    to_sign = [] if signed_by_me else roles_to_sign(review, {s.role for s in signatures}, roles)
    today = timezone.localdate()
    return ReviewView(
        review=review,
        signatures=signatures,
        can_hold=review.status != ReviewStatus.SIGNED
        and bool(roles & PARTIES)
        and timezone.localdate(review.scheduled_for) <= today,
        sign_as=str(to_sign[0]) if to_sign else None,
        roles=roles,
    )


# --- panels ----------------------------------------------------------------------------------


def _role_enrolments(user: User, role: str) -> QuerySet[Enrolment]:
    """The adepts for whom the person acts in this role (inside what access lets her read)."""
    base = access.learning_enrolments(user)
    if role == "adept":
        return base.filter(user=user)
    if role == "mentor":
        pairs = Pair.objects.filter(mentor__user=user, status__in=LIVE_PAIR_STATUSES)
        return base.filter(pk__in=pairs.values("adept"))
    if role == "teacher":
        schools = Membership.objects.filter(user=user, role=Role.TEACHER).values("organisation")
        return base.filter(education_provider__in=schools)
    return base.none()


def for_home(*, user: User, role: str) -> dict[str, Any]:
    """The next planned reviews and the held reviews waiting for my signature."""
    if role not in PARTIES:
        return {}
    reviews = access.visible_reviews(user).filter(enrolment__in=_role_enrolments(user, role))
    reviews = reviews.select_related("enrolment__user")
    today_start = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    upcoming = list(
        reviews.filter(status=ReviewStatus.PLANNED, scheduled_for__gte=today_start).order_by(
            "scheduled_for"
        )[:HOME_SHOWN]
    )
    mine = ReviewSignature.objects.filter(review=OuterRef("pk"))
    to_sign = list(
        reviews.filter(status=ReviewStatus.HELD)
        .exclude(Exists(mine.filter(role=role)))
        .exclude(Exists(mine.filter(user=user)))
        .order_by("scheduled_for")[:HOME_SHOWN]
    )
    if not upcoming and not to_sign:
        return {}
    return {"role": role, "upcoming": upcoming, "to_sign": to_sign}


def for_adept(*, user: User, enrolment: Enrolment) -> dict[str, Any]:
    """Her reviews, newest first, when the next is due, and whether the reader may plan one."""
    reviews = list(
        access.visible_reviews(user).filter(enrolment=enrolment).order_by("-scheduled_for")
    )
    last_held = max((r.held_at for r in reviews if r.held_at is not None), default=None)
    start = timezone.localdate(last_held) if last_held is not None else enrolment.starts_on
    return {
        "enrolment": enrolment,
        "reviews": reviews,
        "due_on": start + REVIEW_CADENCE,
        "can_schedule": may_schedule(user, enrolment),
    }
