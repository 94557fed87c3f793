"""The daily reminder of hours waiting to be confirmed, to the mentor or teacher who confirms."""

from collections import defaultdict
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from smile.core.jobs import periodic, retried_task
from smile.learning.hours.services import hours_subject
from smile.learning.models import HoursEntry, HoursKind
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.notifications.models import Kind, Notification
from smile.notifications.services import Notice, notify_many
from smile.organisations.choices import Role
from smile.organisations.models import Membership

WAIT = timedelta(days=3)
# A run a little early (the scheduler's rhythm drifts) still counts as the same day.
ONCE_PER = timedelta(hours=20)


def _confirmers(entries: list[HoursEntry]) -> dict[tuple[int, int], set[tuple[object, str]]]:
    """(confirmer, adept enrolment) → the (day, kind) waiting, read in three queries."""
    adepts = {entry.enrolment_id for entry in entries}
    mentors: dict[int, set[int]] = defaultdict(set)
    for adept_id, mentor_id in Pair.objects.filter(
        adept_id__in=adepts, status__in=LIVE_PAIR_STATUSES, mentor__user__is_active=True
    ).values_list("adept_id", "mentor__user_id"):
        mentors[adept_id].add(mentor_id)
    schools = {
        entry.enrolment.education_provider_id
        for entry in entries
        if entry.enrolment.education_provider_id is not None
    }
    teachers: dict[int, set[int]] = defaultdict(set)
    for school_id, user_id in Membership.objects.filter(
        organisation_id__in=schools, role=Role.TEACHER, user__is_active=True
    ).values_list("organisation_id", "user_id"):
        teachers[school_id].add(user_id)
    waiting: dict[tuple[int, int], set[tuple[object, str]]] = defaultdict(set)
    for entry in entries:
        if entry.kind == HoursKind.WORKPLACE:
            people = mentors[entry.enrolment_id]
        else:
            people = teachers.get(entry.enrolment.education_provider_id or 0, set())
        for person in people:
            waiting[(person, entry.enrolment_id)].add((entry.day, entry.kind))
    return waiting


def _one_kind(days: set[tuple[object, str]]) -> str:
    """The kind of hours waiting, if only one kind waits; "" if both do."""
    kinds = {kind for _day, kind in days}
    return kinds.pop() if len(kinds) == 1 else ""


@periodic(every=timedelta(hours=24))
@retried_task
def hours_reminders_send() -> int:
    """Tell each mentor and teacher, per adept, how many days of hours older than three days
    wait for them; returns how many notices were sent.

    A notice is its own mark: a person already told about this adept in the last day is not
    told again, so a second run (or a retry) sends nothing twice. A fixed number of queries
    however many entries wait: the entries, the confirmers (two), the notices of the last day
    and `notify_many`.
    """
    now = timezone.now()
    entries = list(
        HoursEntry.objects.filter(confirmed_at__isnull=True, created_at__lte=now - WAIT)
        .select_related("enrolment__user")
        .order_by("pk")
    )
    waiting = _confirmers(entries)
    names = {entry.enrolment_id: entry.enrolment.user.full_name for entry in entries}
    page = reverse("learning:hours-to-confirm")
    with transaction.atomic():
        # One read of who was told about which adept in the last day, one `notify_many`.
        told = set(
            Notification.objects.filter(
                recipient_id__in={person for person, _ in waiting},
                kind=Kind.HOURS_TO_CONFIRM,
                created_at__gt=now - ONCE_PER,
            ).values_list("recipient_id", "url")
        )
        notices = [
            Notice(
                recipient_id=person_id,
                kind=Kind.HOURS_TO_CONFIRM,
                params={"name": names[adept_id], "count": len({day for day, _kind in days})},
                url=f"{page}?adept={adept_id}",
                # Done when nothing of the kind(s) she confirms waits any more.
                subject=hours_subject(adept_id, _one_kind(days)),
            )
            for (person_id, adept_id), days in sorted(waiting.items())
            if (person_id, f"{page}?adept={adept_id}") not in told
        ]
        notify_many(notices=notices)
    return len(notices)
