"""The managers' fortnightly digest: per workplace, counts only — never a name or a note."""

from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from smile.accounts.models import User
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.mentoring.models import ActionItem, MeetingLog
from smile.organisations import access as organisations_access
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus

DIGEST_DAYS = 14


def digest_period(today: date | None = None) -> tuple[date, date]:
    """The last 14 days, today included."""
    end = today or timezone.localdate()
    return end - timedelta(days=DIGEST_DAYS - 1), end


def _count(queryset: QuerySet[Any]) -> Coalesce:
    counted = (
        queryset.order_by().values("pair__adept__workplace").annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def manager_digest_rows(*, user: User, start: date, end: date) -> list[dict[str, Any]]:
    """Per workplace the manager answers for: counts only, never a name or a note. The same
    figures as the manager's SMILE page (`smile.leadership`) shows for the same fortnight.

    One query, however many workplaces: each figure is a subquery keyed on the workplace of the
    pair's adept (where the learning happens).
    """
    start_at = timezone.make_aware(datetime.combine(start, time.min))
    end_at = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    here = {"pair__adept__workplace": OuterRef("pk")}
    logs = MeetingLog.objects.filter(**here, held_on__gte=start, held_on__lte=end)
    minutes = (
        logs.order_by()
        .values("pair__adept__workplace")
        .annotate(total=Sum("minutes"))
        .values("total")
    )
    live_pairs = (
        Pair.objects.filter(adept__workplace=OuterRef("pk"), status__in=LIVE_PAIR_STATUSES)
        .order_by()
        .values("adept__workplace")
        .annotate(n=Count("pk"))
        .values("n")
    )
    active_adepts = (
        Enrolment.objects.filter(
            workplace=OuterRef("pk"), role=EnrolmentRole.ADEPT, status=EnrolmentStatus.ACTIVE
        )
        .order_by()
        .values("workplace")
        .annotate(n=Count("pk"))
        .values("n")
    )
    workplaces = (
        organisations_access.managed_workplaces(user)
        .order_by("name", "pk")
        .annotate(
            active_adepts=Coalesce(Subquery(active_adepts, output_field=IntegerField()), 0),
            active_pairs=Coalesce(Subquery(live_pairs, output_field=IntegerField()), 0),
            meetings=_count(logs),
            minutes=Coalesce(Subquery(minutes, output_field=IntegerField()), 0),
            actions_done=_count(
                ActionItem.objects.filter(**here, done_at__gte=start_at, done_at__lt=end_at)
            ),
            actions_overdue=_count(
                ActionItem.objects.filter(
                    **here,
                    done_at__isnull=True,
                    due_on__lt=end,
                    pair__status__in=LIVE_PAIR_STATUSES,
                )
            ),
        )
        .values(
            "name",
            "active_adepts",
            "active_pairs",
            "meetings",
            "minutes",
            "actions_done",
            "actions_overdue",
        )
    )
    rows = []
    for w in workplaces:
        hours = (Decimal(w["minutes"]) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        rows.append(
            {
                "name": w["name"],
                "active_adepts": w["active_adepts"],
                "active_pairs": w["active_pairs"],
                "meetings": w["meetings"],
                "mentor_hours": float(hours),
                "actions_done": w["actions_done"],
                "actions_overdue": w["actions_overdue"],
            }
        )
    return rows
