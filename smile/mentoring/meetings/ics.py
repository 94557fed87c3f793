"""Calendar invitations for meetings, written by hand after RFC 5545.

One VEVENT per file. Its UID never changes and its SEQUENCE grows with every change, so a calendar
updates (or, with METHOD:CANCEL, removes) the entry it already has instead of adding a new one.
The summary is written in the language that is active when the file is made: the caller chooses
the reader's language with `translation.override`.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.mentoring.models import Meeting, MeetingStatus

PRODID = "-//SMILE//Mentor meetings//EN"
# RFC 5545 3.1: lines longer than 75 octets are folded; a continuation line starts with a space.
LINE_OCTETS = 75
STATUS = {
    MeetingStatus.PROPOSED: "TENTATIVE",
    MeetingStatus.CONFIRMED: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def param_value(value: str) -> str:
    """A parameter value such as CN: quoted, without the characters a parameter cannot hold."""
    cleaned = "".join(ch for ch in value if ch != '"' and (ch == "\t" or ord(ch) >= 0x20))
    return f'"{cleaned}"'


def fold(line: str) -> str:
    """Fold one content line at 75 octets without splitting a multi-byte UTF-8 character."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = LINE_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size = [], 0
            limit = LINE_OCTETS - 1  # the leading space of a continuation line counts
        current.append(ch)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_url(meeting: Meeting) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("mentoring:meeting", args=[meeting.pk])


def _person(name: str, user: User, extra: str = "") -> str:
    return f"{name};CN={param_value(user.full_name)}{extra}:mailto:{user.email}"


def meeting_ics(meeting: Meeting, *, now: datetime | None = None) -> str:
    """The meeting as an iCalendar file (CRLF line ends), in the active language."""
    adept = meeting.pair.adept.user
    mentor = meeting.pair.mentor.user
    organizer = meeting.proposed_by or mentor
    cancelled = meeting.status == MeetingStatus.CANCELLED
    ends_at = meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
    summary = _("Mentor meeting: %(adept)s and %(mentor)s") % {
        "adept": adept.full_name,
        "mentor": mentor.full_name,
    }
    location = meeting.place or meeting.video_url
    description = meeting.agenda
    if meeting.place and meeting.video_url:
        description = "\n".join(part for part in (description, meeting.video_url) if part)
    if cancelled and meeting.cancel_reason:
        description = "\n".join(part for part in (description, meeting.cancel_reason) if part)
    partstat = "ACCEPTED" if meeting.status == MeetingStatus.CONFIRMED else "NEEDS-ACTION"
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancelled else 'REQUEST'}",
        "BEGIN:VEVENT",
        f"UID:{meeting.uid}@smile",
        f"SEQUENCE:{meeting.sequence}",
        f"DTSTAMP:{utc(now or timezone.now())}",
        f"DTSTART:{utc(meeting.starts_at)}",
        f"DTEND:{utc(ends_at)}",
        f"SUMMARY:{escape_text(summary)}",
        f"LOCATION:{escape_text(location)}",
        f"URL:{meeting_url(meeting)}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines += [
        f"STATUS:{STATUS[MeetingStatus(meeting.status)]}",
        _person("ORGANIZER", organizer),
    ]
    for user in (adept, mentor):
        state = "ACCEPTED" if user.pk == organizer.pk and not cancelled else partstat
        lines.append(_person("ATTENDEE", user, f";ROLE=REQ-PARTICIPANT;PARTSTAT={state}"))
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)


def attachment_for(meeting: Meeting) -> tuple[str, str, str]:
    """The e-mail attachment of a meeting notice, in the active language."""
    method = "CANCEL" if meeting.status == MeetingStatus.CANCELLED else "REQUEST"
    return ("meeting.ics", meeting_ics(meeting), f"text/calendar; method={method}")
