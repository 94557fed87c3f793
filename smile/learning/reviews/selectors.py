"""Reads for the reviews part of learning. Every read goes through the access policies.

The review page and the panels read a fixed number of queries, however many reviews, objectives
or signatures there are.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import dates
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
from smile.matching.home import HomeBasis, home_basis
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
                parts.append(_("target %(date)s") % {"date": dates.day(item.target_on)})
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


def _home_enrolments(user: User, role: str, basis: HomeBasis) -> QuerySet[Enrolment] | list[int]:
    """The adepts whose reviews the home shows: her own, her live pairs' or her school's."""
    if role in ("adept", "mentor"):
        return basis.learner_ids
    return access.enrolments_as(user, {access.TEACHER})


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """The next planned reviews and the held reviews waiting for my signature (one query; none
    for a mentor without a live pair)."""
    if role not in PARTIES:
        return {}
    basis = basis or home_basis(user=user, role=role)
    enrolments = _home_enrolments(user, role, basis)
    if isinstance(enrolments, list) and not enrolments:
        return {}
    reviews = Review.objects.filter(enrolment__in=enrolments)
    if role != "adept":  # her own name is not shown on her home
        reviews = reviews.select_related("enrolment__user")
    today_start = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    signed = ReviewSignature.objects.filter(review=OuterRef("pk"))
    # One read: the planned ones to come and the held ones, with whether she signed them.
    found = (
        reviews.filter(
            Q(status=ReviewStatus.PLANNED, scheduled_for__gte=today_start)
            | Q(status=ReviewStatus.HELD)
        )
        .annotate(
            signed_in_role=Exists(signed.filter(role=role)),
            signed_by_me=Exists(signed.filter(user=user)),
        )
        .order_by("scheduled_for", "pk")
    )
    upcoming: list[Review] = []
    to_sign: list[Review] = []
    for review in found:
        if review.status == ReviewStatus.PLANNED:
            upcoming.append(review)
        elif not (review.signed_in_role or review.signed_by_me):
            to_sign.append(review)
    upcoming, to_sign = upcoming[:HOME_SHOWN], to_sign[:HOME_SHOWN]
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
