"""Meetings: either side proposes, the other accepts or proposes another time, anyone cancels;
the others are told with a calendar file in their own language; outsiders see nothing."""

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.core.errors import ApplicationError, NotAllowed
from smile.matching.models import Pair, PairStatus
from smile.mentoring.meetings import selectors, services
from smile.mentoring.meetings.forms import ProposeForm
from smile.mentoring.models import Meeting, MeetingLog, MeetingStatus
from smile.notifications.models import Notification
from tests.cast import Cast
from tests.pages import body_of

S = MeetingStatus


def soon(days: int = 2, hour: int = 10) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def propose(cast: Cast, by: Any = None, **kwargs: Any) -> Meeting:
    values: dict[str, Any] = {
        "starts_at": soon(),
        "duration_minutes": 60,
        "place": "Formning",
        "video_url": "",
        "agenda": "The first week",
    }
    values.update(kwargs)
    return services.meeting_propose(pair=cast.pair, by=by or cast.bob, **values)


def notices() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (n.recipient.email, n.kind, n.params)
        for n in Notification.objects.select_related("recipient").order_by("pk")
    ]


def sent_attachments(callbacks: list[Any]) -> list[tuple[str, str, str]]:
    return [callback.keywords["attachment"] for callback in callbacks]


# --- services ----------------------------------------------------------------------------------


def test_the_mentor_proposes_and_only_the_adept_is_told_with_a_calendar_file_in_arabic(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        meeting = propose(cast)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence, meeting.proposed_by) == (S.PROPOSED, 0, cast.bob)
    assert notices() == [
        (
            "dana@elev.example",
            "meeting_proposed",
            {"name": "Bob Berg", "starts_at": iso(soon()), "place": "Formning"},
        )
    ]
    assert Notification.objects.get().url == f"/mentoring/meetings/{meeting.pk}/"
    [(filename, text, mimetype)] = sent_attachments(callbacks)
    assert (filename, mimetype) == ("meeting.ics", "text/calendar; method=REQUEST")
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == soon()
    from django.utils import translation

    with translation.override("ar"):
        expected = translation.gettext("Mentor meeting: %(adept)s and %(mentor)s") % {
            "adept": "Dana Darwish",
            "mentor": "Bob Berg",
        }
    assert str(event["SUMMARY"]) == expected


def test_the_adept_proposes_too(cast: Cast) -> None:
    meeting = propose(cast, by=cast.dana, place="", video_url="https://meet.example/x")
    assert meeting.proposed_by == cast.dana
    assert notices() == [
        (
            "bob@gjuteri.example",
            "meeting_proposed",
            {
                "name": "Dana Darwish",
                "starts_at": iso(soon()),
                "place": "https://meet.example/x",
            },
        )
    ]


def test_the_coordinator_proposes_a_follow_up_and_both_sides_are_told(cast: Cast) -> None:
    propose(cast, by=cast.alice)
    assert [(email, kind) for email, kind, _ in notices()] == [
        ("dana@elev.example", "meeting_proposed"),
        ("bob@gjuteri.example", "meeting_proposed"),
    ]


@pytest.mark.parametrize("who", ["charlie", "erin", "mona", "tess"])
def test_others_cannot_propose(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        propose(cast, by=getattr(cast, who))
    assert not Meeting.objects.exists() and not Notification.objects.exists()


@pytest.mark.parametrize("status", [PairStatus.PAUSED, PairStatus.ENDED, PairStatus.PROPOSED])
def test_only_an_active_pair_plans_meetings(cast: Cast, status: str) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(status=status, end_reason="Moved away")
    cast.pair.refresh_from_db()
    with pytest.raises(ApplicationError, match="only be planned while the pair is active"):
        propose(cast)
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    ("values", "message", "field"),
    [
        ({"starts_at": timezone.now() - timedelta(minutes=1)}, "a time in the future", "starts_at"),
        ({"starts_at": timezone.now() + timedelta(days=400)}, "within the next year", "starts_at"),
        ({"duration_minutes": 10}, "15 to 480 minutes", "duration_minutes"),
        ({"duration_minutes": 481}, "15 to 480 minutes", "duration_minutes"),
        ({"place": "  ", "video_url": ""}, "a place or a video link", "place"),
        ({"video_url": "not a link"}, "Enter a valid URL.", "video_url"),
    ],
)
def test_proposals_must_make_sense(
    cast: Cast, values: dict[str, Any], message: str, field: str
) -> None:
    with pytest.raises(ApplicationError, match=message) as caught:
        propose(cast, **values)
    assert caught.value.field == field
    assert not Meeting.objects.exists()


def test_the_database_refuses_a_meeting_without_place_or_link(cast: Cast) -> None:
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(pair=cast.pair, starts_at=soon(), place="", video_url="")


def test_the_adept_accepts_and_the_mentor_is_told(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    meeting = propose(cast)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks() as callbacks:
        services.meeting_accept(meeting=meeting, by=cast.dana)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == (S.CONFIRMED, 1)
    assert meeting.confirmed_at is not None
    assert notices() == [
        (
            "bob@gjuteri.example",
            "meeting_confirmed",
            {"name": "Dana Darwish", "starts_at": iso(soon()), "place": "Formning"},
        )
    ]
    [(_, text, _)] = sent_attachments(callbacks)
    assert "SEQUENCE:1\r\n" in text and "STATUS:CONFIRMED\r\n" in text


def test_the_proposer_cannot_accept_her_own_proposal(cast: Cast) -> None:
    meeting = propose(cast)
    with pytest.raises(ApplicationError, match="You proposed this time"):
        services.meeting_accept(meeting=meeting, by=cast.bob)
    with pytest.raises(NotAllowed):
        services.meeting_accept(meeting=meeting, by=cast.alice)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == (S.PROPOSED, 0)


def test_a_coordinators_proposal_is_accepted_by_either_side_and_she_hears_of_it(
    cast: Cast,
) -> None:
    meeting = propose(cast, by=cast.alice)
    Notification.objects.all().delete()
    services.meeting_accept(meeting=meeting, by=cast.bob)
    assert [(email, kind) for email, kind, _ in notices()] == [
        ("dana@elev.example", "meeting_confirmed"),
        ("alice@savsjo.example", "meeting_confirmed"),
    ]


def test_accepting_twice_or_after_the_time_is_refused(cast: Cast) -> None:
    meeting = propose(cast)
    services.meeting_accept(meeting=meeting, by=cast.dana)
    with pytest.raises(ApplicationError, match="already confirmed"):
        services.meeting_accept(meeting=meeting, by=cast.dana)
    other = propose(cast, starts_at=soon(3))
    Meeting.objects.filter(pk=other.pk).update(starts_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(ApplicationError, match=re.escape("This meeting time has passed.")):
        services.meeting_accept(meeting=other, by=cast.dana)


def test_the_other_side_proposes_another_time(cast: Cast) -> None:
    meeting = propose(cast)
    Notification.objects.all().delete()
    services.meeting_counter(
        meeting=meeting,
        by=cast.dana,
        starts_at=soon(3, 14),
        duration_minutes=45,
        place="",
        video_url="https://meet.example/dana",
    )
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence, meeting.proposed_by) == (S.PROPOSED, 1, cast.dana)
    assert (meeting.starts_at, meeting.duration_minutes, meeting.place) == (soon(3, 14), 45, "")
    assert notices() == [
        (
            "bob@gjuteri.example",
            "meeting_changed",
            {
                "name": "Dana Darwish",
                "starts_at": iso(soon(3, 14)),
                "place": "https://meet.example/dana",
            },
        )
    ]
    # Now Bob answers, and Dana may not accept her own new time.
    with pytest.raises(ApplicationError, match="You proposed this time"):
        services.meeting_accept(meeting=meeting, by=cast.dana)
    services.meeting_accept(meeting=meeting, by=cast.bob)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == (S.CONFIRMED, 2)


def test_a_confirmed_meeting_is_moved_by_either_side_and_waits_for_an_answer_again(
    cast: Cast,
) -> None:
    meeting = propose(cast)
    services.meeting_accept(meeting=meeting, by=cast.dana)
    Meeting.objects.filter(pk=meeting.pk).update(reminded_at=timezone.now())
    services.meeting_counter(
        meeting=meeting, by=cast.bob, starts_at=soon(5), duration_minutes=60, place="Café"
    )
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence, meeting.proposed_by) == (S.PROPOSED, 2, cast.bob)
    assert (meeting.confirmed_at, meeting.reminded_at) == (None, None)


def test_the_proposer_and_others_cannot_counter(cast: Cast) -> None:
    meeting = propose(cast)
    with pytest.raises(ApplicationError, match="Cancel it if you want to propose another"):
        services.meeting_counter(
            meeting=meeting, by=cast.bob, starts_at=soon(4), duration_minutes=60, place="X"
        )
    with pytest.raises(NotAllowed):
        services.meeting_counter(
            meeting=meeting, by=cast.alice, starts_at=soon(4), duration_minutes=60, place="X"
        )
    with pytest.raises(ApplicationError, match="a time in the future"):
        services.meeting_counter(
            meeting=meeting,
            by=cast.dana,
            starts_at=timezone.now() - timedelta(days=1),
            duration_minutes=60,
            place="X",
        )
    meeting.refresh_from_db()
    assert (meeting.sequence, meeting.starts_at) == (0, soon())


def test_either_side_or_the_coordinator_cancels_with_a_reason(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    meeting = propose(cast)
    Notification.objects.all().delete()
    with pytest.raises(ApplicationError, match=re.escape("Please write a short reason.")):
        services.meeting_cancel(meeting=meeting, by=cast.dana, reason="  ")
    with pytest.raises(NotAllowed):
        services.meeting_cancel(meeting=meeting, by=cast.charlie, reason="No")
    with django_capture_on_commit_callbacks() as callbacks:
        services.meeting_cancel(meeting=meeting, by=cast.alice, reason="The hall is closed")
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence, meeting.cancel_reason) == (
        S.CANCELLED,
        1,
        "The hall is closed",
    )
    assert notices() == [
        (
            email,
            "meeting_cancelled",
            {"name": "Alice Andersson", "starts_at": iso(soon()), "reason": "The hall is closed"},
        )
        for email in ("dana@elev.example", "bob@gjuteri.example")
    ]
    assert {mimetype for _, _, mimetype in sent_attachments(callbacks)} == {
        "text/calendar; method=CANCEL"
    }
    with pytest.raises(ApplicationError, match=re.escape("This meeting is already cancelled.")):
        services.meeting_cancel(meeting=meeting, by=cast.bob, reason="Again")
    with pytest.raises(ApplicationError, match=re.escape("This meeting is cancelled.")):
        services.meeting_accept(meeting=meeting, by=cast.dana)


def test_the_answer_locks_the_meeting_row(cast: Cast) -> None:
    meeting = propose(cast)
    with CaptureQueriesContext(connection) as queries:
        services.meeting_accept(meeting=meeting, by=cast.dana)
    first = next(q["sql"] for q in queries.captured_queries if "mentoring_meeting" in q["sql"])
    # The first read of the meeting loads this one row and, where the database can, locks it and
    # only it (not the joined pair and people: FOR UPDATE OF). SQLite has no row locks.
    lock = ' FOR UPDATE OF "mentoring_meeting"' if connection.vendor == "postgresql" else ""
    assert first.endswith(f'WHERE "mentoring_meeting"."id" = {meeting.pk} LIMIT 21{lock}')


# --- the forms' defaults ------------------------------------------------------------------------


def test_the_form_suggests_the_next_weekday_at_ten_at_the_adepts_workplace(cast: Cast) -> None:
    from datetime import date

    initial = ProposeForm.initial_for(cast.pair, today=date(2030, 5, 3))  # a Friday
    assert timezone.localtime(initial["starts_at"]).replace(tzinfo=None) == datetime(
        2030, 5, 6, 10, 0
    )
    assert (initial["duration_minutes"], initial["place"]) == (60, "Formning")


# --- views -------------------------------------------------------------------------------------


def pair_url(cast: Cast) -> str:
    return f"/mentoring/pairs/{cast.pair.pk}/"


def test_the_mentor_proposes_from_the_form(cast: Cast, login: Any) -> None:
    client = login(cast.bob)
    response = client.get(f"{pair_url(cast)}meetings/new/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'type="datetime-local"' in content and 'value="Formning"' in content
    assert 'name="duration_minutes" value="60"' in content
    response = client.post(
        f"{pair_url(cast)}meetings/new/",
        {
            "starts_at": soon().strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": "60",
            "place": "Formning, fikarummet",
            "video_url": "",
            "agenda": "Safety",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/mentoring/meetings/{meeting.pk}/"
    assert (meeting.starts_at, meeting.place, meeting.agenda) == (
        soon(),
        "Formning, fikarummet",
        "Safety",
    )
    content = body_of(client.get(response["Location"]))
    assert "The meeting is proposed." in content
    assert "Waiting for an answer" in content and "Cancel the meeting" in content
    assert 'value="accept"' not in content  # Bob does not answer his own proposal


def test_a_bad_proposal_keeps_what_was_typed_and_says_why(cast: Cast, login: Any) -> None:
    past = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = login(cast.bob).post(
        f"{pair_url(cast)}meetings/new/",
        {"starts_at": past, "duration_minutes": "60", "place": "", "video_url": "", "agenda": "Hi"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Please choose a time in the future." in content
    assert f'value="{past}"' in content and ">\nHi</textarea>" in content
    response = login(cast.bob).post(
        f"{pair_url(cast)}meetings/new/",
        {"starts_at": soon().strftime("%Y-%m-%dT%H:%M"), "duration_minutes": "60", "place": ""},
    )
    assert "Please write a place or a video link." in response.content.decode()
    response = login(cast.bob).post(
        f"{pair_url(cast)}meetings/new/",
        {"starts_at": "tomorrow", "duration_minutes": "5", "video_url": "nope"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid date/time." in content and "Enter a valid URL." in content
    assert 'value="tomorrow"' in content
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("who", ["charlie", "erin", "mona", "tess"])
def test_others_get_404_and_nothing_changes(cast: Cast, login: Any, who: str) -> None:
    meeting = propose(cast)
    Notification.objects.all().delete()
    client = login(getattr(cast, who))
    m = f"/mentoring/meetings/{meeting.pk}/"
    assert client.get(f"{pair_url(cast)}meetings/new/").status_code == 404
    assert client.post(f"{pair_url(cast)}meetings/new/", {}).status_code == 404
    assert client.get(m).status_code == 404
    assert client.get(f"{m}meeting.ics").status_code == 404
    for data in (
        {"decision": "accept"},
        {"decision": "cancel", "cancel-reason": "x"},
        {"decision": "counter", "counter-starts_at": "2030-01-01T10:00"},
    ):
        assert client.post(f"{m}answer/", data).status_code == 404
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == (S.PROPOSED, 0)
    assert Meeting.objects.count() == 1 and not Notification.objects.exists()


def test_the_adept_reads_and_accepts_on_the_meeting_page(cast: Cast, login: Any) -> None:
    meeting = propose(cast)
    client = login(cast.dana)
    content = body_of(client.get(f"/mentoring/meetings/{meeting.pk}/"))
    assert "Waiting for your answer" in content and "Bob Berg" in content
    assert 'value="accept"' in content and "Propose another time" in content
    response = client.post(f"/mentoring/meetings/{meeting.pk}/answer/", {"decision": "accept"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == S.CONFIRMED
    content = body_of(client.get(response["Location"]))
    assert "The meeting is confirmed." in content and 'value="accept"' not in content


def test_a_refused_answer_is_a_message(cast: Cast, login: Any) -> None:
    meeting = propose(cast)
    response = login(cast.bob).post(
        f"/mentoring/meetings/{meeting.pk}/answer/", {"decision": "accept"}, follow=True
    )
    assert response.status_code == 200
    assert "You proposed this time. The other person answers." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == S.PROPOSED


def test_a_counter_proposal_with_bad_input_keeps_it_and_says_why(cast: Cast, login: Any) -> None:
    meeting = propose(cast)
    response = login(cast.dana).post(
        f"/mentoring/meetings/{meeting.pk}/answer/",
        {
            "decision": "counter",
            "counter-starts_at": soon(3).strftime("%Y-%m-%dT%H:%M"),
            "counter-duration_minutes": "45",
            "counter-place": "",
            "counter-video_url": "",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Please write a place or a video link." in content
    assert f'value="{soon(3).strftime("%Y-%m-%dT%H:%M")}"' in content
    assert 'name="counter-duration_minutes" value="45"' in content
    meeting.refresh_from_db()
    assert (meeting.sequence, meeting.starts_at) == (0, soon())


def test_a_counter_proposal_from_the_page(cast: Cast, login: Any) -> None:
    meeting = propose(cast)
    response = login(cast.dana).post(
        f"/mentoring/meetings/{meeting.pk}/answer/",
        {
            "decision": "counter",
            "counter-starts_at": soon(3).strftime("%Y-%m-%dT%H:%M"),
            "counter-duration_minutes": "45",
            "counter-place": "Biblioteket",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.place, meeting.proposed_by) == (
        soon(3),
        "Biblioteket",
        cast.dana,
    )


def test_cancelling_needs_a_reason(cast: Cast, login: Any) -> None:
    meeting = propose(cast)
    client = login(cast.dana)
    response = client.post(
        f"/mentoring/meetings/{meeting.pk}/answer/", {"decision": "cancel", "cancel-reason": ""}
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == S.PROPOSED
    response = client.post(
        f"/mentoring/meetings/{meeting.pk}/answer/",
        {"decision": "cancel", "cancel-reason": "I am ill"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.cancel_reason) == (S.CANCELLED, "I am ill")
    content = body_of(client.get(f"/mentoring/meetings/{meeting.pk}/"))
    assert "I am ill" in content and "Cancel the meeting" not in content


def test_an_unknown_decision_is_404(cast: Cast, login: Any) -> None:
    meeting = propose(cast)
    response = login(cast.dana).post(f"/mentoring/meetings/{meeting.pk}/answer/", {"decision": "x"})
    assert response.status_code == 404
    assert login(cast.dana).get(f"/mentoring/meetings/{meeting.pk}/answer/").status_code == 405


def test_the_calendar_file_downloads_for_those_who_see_the_meeting(cast: Cast, login: Any) -> None:
    meeting = propose(cast)
    for who in (cast.dana, cast.bob, cast.alice):
        response = login(who).get(f"/mentoring/meetings/{meeting.pk}/meeting.ics")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="meeting.ics"'
        event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
        assert str(event["UID"]) == f"{meeting.uid}@smile"


def test_the_coordinator_may_cancel_but_not_answer(cast: Cast, login: Any) -> None:
    meeting = propose(cast)
    content = body_of(login(cast.alice).get(f"/mentoring/meetings/{meeting.pk}/"))
    assert "Cancel the meeting" in content
    assert 'value="accept"' not in content and "Propose another time" not in content


# --- panels ------------------------------------------------------------------------------------


def test_the_adepts_home_says_when_nothing_is_booked(cast: Cast, login: Any) -> None:
    content = body_of(login(cast.dana).get("/home/adept/"))
    assert "My next meeting" in content
    assert "No meeting is booked yet. Your mentor will suggest a time." in content


def test_the_adepts_home_shows_the_proposal_with_an_accept_button(cast: Cast, login: Any) -> None:
    meeting = propose(cast)
    content = body_of(login(cast.dana).get("/home/adept/"))
    assert "Waiting for your answer" in content
    assert f'action="/mentoring/meetings/{meeting.pk}/answer/"' in content
    assert f'href="/mentoring/meetings/{meeting.pk}/#counter"' in content
    assert "No meeting is booked yet" not in content
    services.meeting_accept(meeting=meeting, by=cast.dana)
    content = body_of(login(cast.dana).get("/home/adept/"))
    assert "Waiting for your answer" not in content
    assert f'href="/mentoring/meetings/{meeting.pk}/"' in content and "Formning" in content
    assert "Bob Berg" in content


def test_the_mentors_home_lists_meetings_with_the_adepts_name(cast: Cast, login: Any) -> None:
    content = body_of(login(cast.bob).get("/home/mentor/"))
    assert "No meeting is booked yet." in content
    propose(cast, by=cast.dana)
    panel = selectors.for_home(user=cast.bob, role="mentor")
    assert [item.meeting.proposed_by for item in panel["to_answer"]] == [cast.dana]
    content = body_of(login(cast.bob).get("/home/mentor/"))
    assert "Dana Darwish" in content and "Waiting for your answer" in content


def test_the_pair_page_lists_coming_and_past_meetings(cast: Cast, login: Any) -> None:
    coming = propose(cast)
    past = Meeting.objects.create(
        pair=cast.pair,
        starts_at=timezone.now() - timedelta(days=3),
        place="Formning",
        status=S.CONFIRMED,
        confirmed_at=timezone.now() - timedelta(days=5),
    )
    logged = Meeting.objects.create(
        pair=cast.pair,
        starts_at=timezone.now() - timedelta(days=10),
        place="Formning",
        status=S.CONFIRMED,
        confirmed_at=timezone.now() - timedelta(days=12),
    )
    MeetingLog.objects.create(
        pair=cast.pair, meeting=logged, held_on=timezone.localdate(), minutes=60
    )
    panel = selectors.for_pair(user=cast.dana, pair=cast.pair)
    assert [item.meeting for item in panel["coming"]] == [coming]
    assert [item.meeting for item in panel["past"]] == [past, logged]
    assert [item.can_log for item in panel["past"]] == [True, False]
    assert panel["can_propose"] is True
    content = body_of(login(cast.dana).get(pair_url(cast)))
    assert "Propose a meeting" in content and "Earlier meetings" in content
    assert selectors.for_pair(user=cast.alice, pair=cast.pair)["can_propose"] is True
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.PAUSED)
    cast.pair.refresh_from_db()
    assert selectors.for_pair(user=cast.dana, pair=cast.pair)["can_propose"] is False


def _pair_panel_queries(cast: Cast, login: Any, count: int) -> int:
    for i in range(count):
        Meeting.objects.create(
            pair=cast.pair, starts_at=soon(2 + i), place="Formning", proposed_by=cast.bob
        )
        Meeting.objects.create(
            pair=cast.pair,
            starts_at=timezone.now() - timedelta(days=2 + i),
            place="Formning",
            status=S.CONFIRMED,
            confirmed_at=timezone.now() - timedelta(days=20),
        )
    pair = Pair.objects.select_related("adept__user", "mentor__user").get(pk=cast.pair.pk)
    with CaptureQueriesContext(connection) as queries:
        panel = selectors.for_pair(user=cast.dana, pair=pair)
        home = selectors.for_home(user=cast.dana, role="adept")
    assert len(panel["coming"]) == count and len(panel["past"]) == count
    assert len(home["to_answer"]) == count
    return len(queries)


def test_the_panels_query_count_does_not_grow_with_meetings(cast: Cast, login: Any) -> None:
    two = _pair_panel_queries(cast, login, 2)
    Meeting.objects.all().delete()
    five = _pair_panel_queries(cast, login, 5)
    # The pair panel: coming meetings, past meetings; the home panel: her live pairs (the home's
    # basis, shared with the other panels on the page) and their meetings.
    assert two == five == 4
