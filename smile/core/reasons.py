"""A short written reason, required wherever something ends or is cancelled."""

from django.utils.translation import gettext as _

from smile.core.errors import ApplicationError

REASON_MAX_LENGTH = 300


def clean_reason(reason: str | None) -> str:
    """The reason without surrounding spaces; an ApplicationError on the `reason` field if empty
    or too long."""
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Please write a short reason."), field="reason")
    if len(reason) > REASON_MAX_LENGTH:
        raise ApplicationError(
            _("Please keep the reason under %(count)d characters.") % {"count": REASON_MAX_LENGTH},
            field="reason",
        )
    return reason
