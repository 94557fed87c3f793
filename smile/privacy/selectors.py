"""Reads of the privacy app: a person's own access log, in words she understands."""

from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.privacy.models import AccessAction, AccessLog

# The kinds of records whose reading is logged, named for the person they are about.
RECORD_TYPES: dict[str, Promise] = {
    "mentoring.lifesituationcheckin": _("My life situation"),
    "equality.concern": _("My report of a concern"),
}
PER_PAGE = 50


@dataclass(frozen=True)
class AccessLogRow:
    at: datetime
    actor_name: str | None  # None: the person herself
    actor_gone: bool
    action: str
    record: str


def _row(entry: AccessLog, user: User) -> AccessLogRow:
    own = entry.actor_id == user.pk
    return AccessLogRow(
        at=entry.at,
        actor_name=None if own or entry.actor is None else entry.actor.full_name,
        actor_gone=entry.actor_id is None,
        action=str(AccessAction(entry.action).label),
        record=str(RECORD_TYPES.get(entry.record_type, entry.record_type)),
    )


def access_log_page(*, user: User, page: str | int | None) -> tuple[Page, list[AccessLogRow]]:
    """One page of who read or wrote the person's sensitive records, newest first."""
    entries = AccessLog.objects.filter(subject=user).select_related("actor")
    paginated = Paginator(entries, PER_PAGE).get_page(page)
    return paginated, [_row(entry, user) for entry in paginated.object_list]
