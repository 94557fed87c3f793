"""A coordinator's one-click follow-up: a short message to the adept, the mentor or both."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core.errors import ApplicationError
from smile.matching.models import LIVE_PAIR_STATUSES, Pair, PairStatus
from smile.notifications.models import Kind
from smile.notifications.services import notify

MESSAGE_MAX_LENGTH = 1000
RECIPIENTS = ("adept", "mentor", "both")


@transaction.atomic
def pair_message_send(*, pair: Pair, by: User, to: str, message: str) -> list[User]:
    """Send the coordinator's message to one or both sides of the pair; returns who got it.

    The caller has checked that `by` may change the pair (`access.changeable_pairs`).
    """
    if to not in RECIPIENTS:
        raise ApplicationError(_("Choose who gets the message."), field="to")
    message = (message or "").strip()
    if not message:
        raise ApplicationError(_("Please write a message."), field="message")
    if len(message) > MESSAGE_MAX_LENGTH:
        raise ApplicationError(
            _("Please keep the message under %(count)d characters.")
            % {"count": MESSAGE_MAX_LENGTH},
            field="message",
        )
    if pair.status == PairStatus.DRAFT:
        # The people of an unpublished suggestion do not know about it yet.
        raise ApplicationError(_("This pair is not published yet."))
    recipients = []
    if to in ("adept", "both"):
        recipients.append(pair.adept.user)
    if to in ("mentor", "both"):
        recipients.append(pair.mentor.user)
    url = _link(pair)
    for recipient in recipients:
        notify(
            recipient=recipient,
            kind=Kind.COORDINATOR_MESSAGE,
            params={"name": by.full_name, "message": message},
            url=url,
        )
    return recipients


def _link(pair: Pair) -> str:
    """A page of the pair that both people can open in its present status."""
    if pair.status in LIVE_PAIR_STATUSES:
        return reverse("mentoring:pair", args=[pair.pk])
    if pair.status == PairStatus.PROPOSED:
        return reverse("matching:pair", args=[pair.pk])
    if pair.started_on is not None:
        return reverse("mentoring:reflection", args=[pair.pk])
    return ""
