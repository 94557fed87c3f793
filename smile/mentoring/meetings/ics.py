"""Calendar invitations for meetings, made with the `icalendar` library (RFC 5545).

One VEVENT per file. Its UID never changes and its SEQUENCE grows with every change, so a calendar
updates (or, with METHOD:CANCEL, removes) the entry it already has instead of adding a new one.
The summary is written in the language that is active when the file is made: the caller chooses
the reader's language with `translation.override`. The library escapes the texts, quotes the
parameters and folds the lines at 75 octets with CRLF line ends.
"""

from datetime import UTC, datetime, timedelta

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.mentoring.models import Meeting, MeetingStatus

PRODID = "-//SMILE//Mentor meetings//EN"
STATUS = {
    MeetingStatus.PROPOSED: "TENTATIVE",
    MeetingStatus.CONFIRMED: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def _param(value: str) -> str:
    """A parameter value such as CN cannot hold control characters: a name is shown without
    them (the library quotes the rest, RFC 6868)."""
    return "".join(ch for ch in value if ch == "\t" or ord(ch) >= 0x20)


def meeting_url(meeting: Meeting) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("mentoring:meeting", args=[meeting.pk])


def _address(user: User, **params: str) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{user.email}")
    address.params["CN"] = _param(user.full_name)
    for key, value in params.items():
        address.params[key] = value
    return address


def _calendar(meeting: Meeting, now: datetime) -> icalendar.Calendar:
    adept = meeting.pair.adept.user
    mentor = meeting.pair.mentor.user
    organizer = meeting.proposed_by or mentor
    cancelled = meeting.status == MeetingStatus.CANCELLED
    summary = _("Mentor meeting: %(adept)s and %(mentor)s") % {
        "adept": adept.full_name,
        "mentor": mentor.full_name,
    }
    description = meeting.agenda
    if meeting.place and meeting.video_url:
        description = "\n".join(part for part in (description, meeting.video_url) if part)
    if cancelled and meeting.cancel_reason:
        description = "\n".join(part for part in (description, meeting.cancel_reason) if part)

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")

    event = icalendar.Event()
    event.add("uid", f"{meeting.uid}@smile")
    event.add("sequence", meeting.sequence)
    # All times in UTC ("…Z"): no time-zone definition to ship, every calendar reads them.
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add(
        "dtend", (meeting.starts_at + timedelta(minutes=meeting.duration_minutes)).astimezone(UTC)
    )
    event.add("summary", summary)
    event.add("location", meeting.place or meeting.video_url)
    event.add("url", meeting_url(meeting))
    if description:
        event.add("description", description)
    event.add("status", STATUS[MeetingStatus(meeting.status)])
    event.add("organizer", _address(organizer))
    partstat = "ACCEPTED" if meeting.status == MeetingStatus.CONFIRMED else "NEEDS-ACTION"
    for user in (adept, mentor):
        state = "ACCEPTED" if user.pk == organizer.pk and not cancelled else partstat
        event.add("attendee", _address(user, ROLE="REQ-PARTICIPANT", PARTSTAT=state))
    calendar.add_component(event)
    return calendar


def meeting_ics(meeting: Meeting, *, now: datetime | None = None) -> str:
    """The meeting as an iCalendar file (CRLF line ends), in the active language."""
    return _calendar(meeting, now or timezone.now()).to_ical().decode("utf-8")


def attachment_for(meeting: Meeting) -> tuple[str, str, str]:
    """The e-mail attachment of a meeting notice, in the active language."""
    method = "CANCEL" if meeting.status == MeetingStatus.CANCELLED else "REQUEST"
    return ("meeting.ics", meeting_ics(meeting), f"text/calendar; method={method}")
