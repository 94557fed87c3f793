"""Reads for mentor development; constant query counts."""

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, F, OuterRef, Q, Subquery, Sum
from django.utils import timezone

from smile.core import policies
from smile.core.actor import AnyUser
from smile.mentoring.models import CheckIn
from smile.mentoring.models import Dimension as SmileDimension
from smile.organisations.access import scope_of
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme
from smile.training import access
from smile.training.models import (
    RATING_DIMENSIONS,
    Completion,
    CoordinatorView,
    Module,
    NetworkAttendance,
    NetworkMeeting,
)


def my_modules(*, user: AnyUser) -> list[dict[str, Any]]:
    modules = list(policies.allowed(user, Module))
    done = {c.module_id: c for c in access.own_completions(user)}
    return [{"module": m, "completion": done.get(m.pk)} for m in modules]


def programme_completion(*, programme: Programme) -> dict[str, Any]:
    """Which of the programme's active mentors completed which modules, and the date of the
    latest coordinator's view of each (three queries)."""
    modules = list(Module.objects.all())
    latest_view = CoordinatorView.objects.filter(enrolment_id=OuterRef("pk")).order_by(
        "-given_on", "-pk"
    )
    mentors = list(
        Enrolment.objects.filter(
            programme=programme, role=EnrolmentRole.MENTOR, status=EnrolmentStatus.ACTIVE
        )
        .annotate(latest_view_on=Subquery(latest_view.values("given_on")[:1]))
        .select_related("user")
        .order_by("user__full_name")
    )
    done: dict[int, set[int]] = {}
    for user_id, module_id in Completion.objects.filter(
        user_id__in=[e.user_id for e in mentors]
    ).values_list("user_id", "module_id"):
        done.setdefault(user_id, set()).add(module_id)
    basic = {m.pk for m in modules if m.basic}
    rows = [
        {
            "enrolment": e,
            "cells": [{"module": m, "done": m.pk in done.get(e.user_id, set())} for m in modules],
            "basic_done": basic <= done.get(e.user_id, set()),
            "latest_view_on": getattr(e, "latest_view_on", None),
        }
        for e in mentors
    ]
    return {"modules": modules, "rows": rows}


# At least this many ratings before an average is shown: one or two ratings say more about one
# meeting than about the mentorship, and could point at a single answer.
MIN_RATINGS = 3


def _average(total: int | None, count: int) -> Decimal | None:
    if count < MIN_RATINGS or total is None:
        return None
    return (Decimal(total) / count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def development_profile(*, user: AnyUser) -> dict[str, Any]:
    """Her rounds of self-rating, her goals, her coordinator's latest view and, per dimension,
    what her pairs' meeting logs say (four queries).

    The others' view is the check-ins of the meeting logs of her pairs: those logs an adept wrote
    (the adepts' view) and those she wrote herself. A check-in rates how the mentorship is going
    on the dimension, not the mentor; an average is shown only from `MIN_RATINGS` ratings.
    """
    rounds = list(access.own_self_ratings(user).order_by("rated_on", "pk"))
    goals = {g.dimension: g for g in access.own_goals(user)}
    scope = scope_of(user)
    user_id: int = scope.user.pk if scope is not None else 0
    adept_wrote = Q(log__written_by_id=F("log__pair__adept__user_id"))
    she_wrote = Q(log__written_by_id=user_id)
    figures: dict[str, dict[str, Any]] = {
        row["dimension"]: dict(row)
        for row in CheckIn.objects.filter(log__pair__mentor__user_id=user_id)
        .values("dimension")
        .annotate(
            adept_count=Count("pk", filter=adept_wrote),
            adept_total=Sum("rating", filter=adept_wrote),
            own_count=Count("pk", filter=she_wrote),
            own_total=Sum("rating", filter=she_wrote),
        )
    }
    first = rounds[0] if rounds else None
    latest = rounds[-1] if len(rounds) > 1 else None
    view = latest_coordinator_view(user=user)
    labels = dict(SmileDimension.choices)
    rows = []
    for dimension in RATING_DIMENSIONS:
        found = figures.get(dimension, {})
        change = latest.value(dimension) - first.value(dimension) if first and latest else None
        adept_count = int(found.get("adept_count") or 0)
        own_count = int(found.get("own_count") or 0)
        rows.append(
            {
                "dimension": dimension,
                "label": labels[dimension],
                "first": first.value(dimension) if first else None,
                "latest": latest.value(dimension) if latest else None,
                "change": change,
                "change_size": abs(change) if change is not None else None,
                "goal": goals.get(dimension),
                "adept_count": adept_count,
                "adept_average": _average(found.get("adept_total"), adept_count),
                "own_count": own_count,
                "own_average": _average(found.get("own_total"), own_count),
                "coordinator": view.value(dimension) if view else None,
            }
        )
    history = [
        {
            "round": r,
            "cells": [{"label": labels[d], "value": r.value(d)} for d in RATING_DIMENSIONS],
        }
        for r in reversed(rounds)
    ]
    return {
        "rows": rows,
        "history": history,
        "rounds": len(rounds),
        "first": first,
        "latest": latest,
        "min_ratings": MIN_RATINGS,
        "coordinator_view": view,
        "dimension_labels": [labels[d] for d in RATING_DIMENSIONS],
    }


def latest_coordinator_view(*, user: AnyUser) -> CoordinatorView | None:
    """The latest coordinator's view of her as a mentor, in any of her programmes (one query).
    One known person gives it, so no group-size rule applies."""
    scope = scope_of(user)
    user_id: int = scope.user.pk if scope is not None else 0
    return (
        policies.allowed(user, CoordinatorView)
        .filter(enrolment__user_id=user_id)
        .select_related("given_by", "enrolment__programme")
        .order_by("-given_on", "-pk")
        .first()
    )


def coordinator_views_of(*, enrolment: Enrolment) -> list[CoordinatorView]:
    """The coordinators' views of one mentor enrolment, newest first (one query)."""
    return list(
        CoordinatorView.objects.filter(enrolment=enrolment)
        .select_related("given_by")
        .order_by("-given_on", "-pk")
    )


def my_network_meetings(*, user: AnyUser, now: datetime | None = None) -> dict[str, Any]:
    """The network meetings of the programmes she mentors in, upcoming and past, with whether
    she was there (two queries)."""
    now = now or timezone.now()
    scope = scope_of(user)
    user_id: int = scope.user.pk if scope is not None else 0
    meetings = list(
        policies.allowed(user, NetworkMeeting)
        .filter(programme_id__in=access.mentor_programme_ids(user))
        .select_related("programme")
        .order_by("starts_at", "pk")
    )
    attended = set(
        NetworkAttendance.objects.filter(
            meeting__in=[m.pk for m in meetings], enrolment__user_id=user_id
        ).values_list("meeting_id", flat=True)
    )
    upcoming = [{"meeting": m, "attended": False} for m in meetings if m.starts_at >= now]
    past = [{"meeting": m, "attended": m.pk in attended} for m in meetings if m.starts_at < now]
    return {"upcoming": upcoming, "past": list(reversed(past))}


def programme_network(*, programme: Programme) -> list[NetworkMeeting]:
    """The programme's network meetings, newest first, each with `attended_count` (one query)."""
    return list(
        NetworkMeeting.objects.filter(programme=programme)
        .annotate(attended_count=Count("attendances"))
        .order_by("-starts_at", "-pk")
    )


def programme_mentors(*, programme: Programme) -> list[Enrolment]:
    return list(
        Enrolment.objects.filter(programme=programme, role=EnrolmentRole.MENTOR)
        .select_related("user")
        .order_by("user__full_name")
    )
