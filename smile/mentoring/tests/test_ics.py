"""Calendar files: a calendar library reads back exactly what the meeting says."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.utils import timezone, translation

from smile.mentoring.meetings import services
from smile.mentoring.meetings.ics import attachment_for, meeting_ics
from smile.mentoring.models import Meeting
from tests.cast import Cast

START = datetime(2030, 3, 4, 9, 30, tzinfo=UTC)


@pytest.fixture
def meeting(cast: Cast) -> Meeting:
    return Meeting.objects.create(
        pair=cast.pair,
        starts_at=START,
        duration_minutes=90,
        place="Formning, hall 2; by the door",
        agenda="Safety, shifts; and the\ncourse \\ plan",
        proposed_by=cast.bob,
    )


def parse(text: str) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert isinstance(events[0], icalendar.Event)
    return events[0]


def test_the_file_says_when_where_and_who(meeting: Meeting) -> None:
    text = meeting_ics(meeting, now=datetime(2030, 1, 1, tzinfo=UTC))
    calendar = icalendar.Calendar.from_ical(text)
    assert (str(calendar["VERSION"]), str(calendar["METHOD"])) == ("2.0", "REQUEST")
    assert str(calendar["PRODID"]) == "-//SMILE//Mentor meetings//EN"
    event = parse(text)
    assert str(event["UID"]) == f"{meeting.uid}@smile"
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == START
    assert event.decoded("DTEND") == START + timedelta(minutes=90)
    assert event.decoded("DTSTAMP") == datetime(2030, 1, 1, tzinfo=UTC)
    assert "DTSTART:20300304T093000Z\r\n" in text and "DTEND:20300304T110000Z\r\n" in text
    assert str(event["SUMMARY"]) == "Mentor meeting: Dana Darwish and Bob Berg"
    assert str(event["LOCATION"]) == "Formning, hall 2; by the door"
    assert str(event["DESCRIPTION"]) == "Safety, shifts; and the\ncourse \\ plan"
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["URL"]) == f"http://127.0.0.1:8000/mentoring/meetings/{meeting.pk}/"
    assert str(event["ORGANIZER"]) == "mailto:bob@gjuteri.example"
    assert event["ORGANIZER"].params["CN"] == "Bob Berg"
    attendees = sorted((str(a), a.params["CN"]) for a in event.get("ATTENDEE"))
    assert attendees == [
        ("mailto:bob@gjuteri.example", "Bob Berg"),
        ("mailto:dana@elev.example", "Dana Darwish"),
    ]
    states = sorted((str(a), a.params["PARTSTAT"], a.params["ROLE"]) for a in event.get("ATTENDEE"))
    assert states == [
        ("mailto:bob@gjuteri.example", "ACCEPTED", "REQ-PARTICIPANT"),
        ("mailto:dana@elev.example", "NEEDS-ACTION", "REQ-PARTICIPANT"),
    ]


def test_every_line_ends_in_crlf_and_fits_75_octets(meeting: Meeting) -> None:
    meeting.agenda = "ሰላም " * 120
    text = meeting_ics(meeting)
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert sum(1 for line in lines if line.startswith(" ")) >= 16
    assert str(parse(text)["DESCRIPTION"]) == meeting.agenda


def test_special_characters_are_escaped_in_the_file(meeting: Meeting) -> None:
    text = meeting_ics(meeting, now=datetime(2030, 1, 1, tzinfo=UTC))
    unfolded = text.replace("\r\n ", "")
    assert "LOCATION:Formning\\, hall 2\\; by the door\r\n" in unfolded
    assert "DESCRIPTION:Safety\\, shifts\\; and the\\ncourse \\\\ plan\r\n" in unfolded


def test_a_name_with_quotes_and_control_characters_stays_readable(
    cast: Cast, meeting: Meeting
) -> None:
    cast.bob.full_name = 'Bob "Gjutarn"\x01 Berg'
    cast.bob.save()
    meeting.proposed_by = cast.bob
    event = parse(meeting_ics(meeting))
    assert event["ORGANIZER"].params["CN"] == 'Bob "Gjutarn" Berg'


@pytest.mark.parametrize(
    ("language", "summary"),
    [
        (
            "ti",
            "ርክብ ምኽሪ: ዳና ገብረመድህን ተስፋማርያም ወልደሚካኤል ሃይለስላሴ, دانا درويش ምስ Bob Berg",
        ),
        (
            "ar",
            "لقاء إرشاد: ዳና ገብረመድህን ተስፋማርያም ወልደሚካኤል ሃይለስላሴ, دانا درويش وBob Berg",
        ),
        ("sv", "Mentorsmöte: ዳና ገብረመድህን ተስፋማርያም ወልደሚካኤል ሃይለስላሴ, دانا درويش och Bob Berg"),
    ],
)
def test_a_long_summary_in_another_script_folds_and_reads_back_exactly(
    cast: Cast, meeting: Meeting, language: str, summary: str
) -> None:
    cast.dana.full_name = "ዳና ገብረመድህን ተስፋማርያም ወልደሚካኤል ሃይለስላሴ, دانا درويش"
    cast.dana.save()
    meeting.pair.adept.user.full_name = cast.dana.full_name
    with translation.override(language):
        text = meeting_ics(meeting)
    assert str(parse(text)["SUMMARY"]) == summary
    lines = text.split("\r\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("SUMMARY:"))
    assert lines[first + 1].startswith(" ")  # folded onto a second line
    for line in lines:
        line.encode("utf-8").decode("utf-8")  # no line ends inside a character
        assert len(line.encode("utf-8")) <= 75


def test_the_e_mail_attachment_says_request_then_cancel(cast: Cast, meeting: Meeting) -> None:
    name, text, mimetype = attachment_for(meeting)
    assert (name, mimetype) == ("meeting.ics", "text/calendar; method=REQUEST")
    assert "METHOD:REQUEST\r\n" in text
    services.meeting_cancel(meeting=meeting, by=cast.bob, reason="Ill")
    meeting.refresh_from_db()
    name, text, mimetype = attachment_for(meeting)
    assert mimetype == "text/calendar; method=CANCEL"
    assert "METHOD:CANCEL\r\n" in text and "STATUS:CANCELLED\r\n" in text


def test_the_uid_stays_and_the_sequence_grows_until_the_cancel(
    cast: Cast, meeting: Meeting
) -> None:
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() + timedelta(days=3))
    meeting.refresh_from_db()
    first = parse(meeting_ics(meeting))
    services.meeting_accept(meeting=meeting, by=cast.dana)
    meeting.refresh_from_db()
    accepted = parse(meeting_ics(meeting))
    services.meeting_counter(
        meeting=meeting,
        by=cast.dana,
        starts_at=timezone.now() + timedelta(days=4),
        duration_minutes=30,
        place="",
        video_url="https://meet.example/a,b",
    )
    meeting.refresh_from_db()
    moved_text = meeting_ics(meeting)
    moved = parse(moved_text)
    services.meeting_cancel(meeting=meeting, by=cast.bob, reason="Ill, sorry; next week")
    meeting.refresh_from_db()
    cancel_text = meeting_ics(meeting)
    cancelled = parse(cancel_text)
    uids = {str(event["UID"]) for event in (first, accepted, moved, cancelled)}
    assert uids == {f"{meeting.uid}@smile"}
    assert [e["SEQUENCE"] for e in (first, accepted, moved, cancelled)] == [0, 1, 2, 3]
    assert [str(e["STATUS"]) for e in (first, accepted, moved, cancelled)] == [
        "TENTATIVE",
        "CONFIRMED",
        "TENTATIVE",
        "CANCELLED",
    ]
    assert str(moved["LOCATION"]) == "https://meet.example/a,b"
    assert str(icalendar.Calendar.from_ical(moved_text)["METHOD"]) == "REQUEST"
    assert str(icalendar.Calendar.from_ical(cancel_text)["METHOD"]) == "CANCEL"
    assert "Ill, sorry; next week" in str(cancelled["DESCRIPTION"])
