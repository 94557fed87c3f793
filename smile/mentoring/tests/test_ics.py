"""Calendar files: a calendar library reads back exactly what the meeting says."""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.utils import timezone, translation

from smile.mentoring.meetings import services
from smile.mentoring.meetings.ics import escape_text, fold, meeting_ics
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


def test_every_line_ends_in_crlf_and_fits_75_octets(meeting: Meeting) -> None:
    meeting.agenda = "ሰላም " * 120
    text = meeting_ics(meeting)
    assert text.endswith("END:VCALENDAR\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert sum(1 for line in lines if line.startswith(" ")) >= 16
    assert str(parse(text)["DESCRIPTION"]) == meeting.agenda


def test_special_characters_are_escaped() -> None:
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_folding_never_splits_a_character() -> None:
    line = "SUMMARY:" + "ሰ" * 40 + "م" * 40
    folded = fold(line)
    for part in folded.split("\r\n"):
        part.encode("utf-8").decode("utf-8")  # each part is whole UTF-8 by itself
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


@pytest.mark.parametrize("language", ["ti", "ar"])
def test_a_long_summary_in_another_script_folds_and_reads_back_exactly(
    cast: Cast, meeting: Meeting, language: str
) -> None:
    cast.dana.full_name = "ዳና ገብረመድህን ተስፋማርያም ወልደሚካኤል ሃይለስላሴ, دانا درويش"
    cast.dana.save()
    meeting.pair.adept.user.full_name = cast.dana.full_name
    with translation.override(language):
        text = meeting_ics(meeting)
    event = parse(text)
    # Until the sentence is translated, it reads in English; the names come through whole.
    with translation.override(language):
        expected = translation.gettext("Mentor meeting: %(adept)s and %(mentor)s") % {
            "adept": cast.dana.full_name,
            "mentor": "Bob Berg",
        }
    assert str(event["SUMMARY"]) == expected
    summary_lines = text.split("\r\nLOCATION")[0].split("SUMMARY:")[1].split("\r\n")
    assert len(summary_lines) >= 2


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
