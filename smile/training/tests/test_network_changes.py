"""The coordinator changes or cancels a mentor network meeting; the mentors are told in their own
language; a cancelled meeting shows as cancelled and gets no attendance; attendance waits for the
start. Who may do it: the programme's coordinator only (others get 404)."""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from smile.core.errors import ApplicationError, NotAllowed
from smile.notifications.messages import render
from smile.notifications.models import Notification
from smile.training import services
from smile.training.models import NetworkAttendance, NetworkMeeting
from tests.cast import Cast, add_other_mentor
from tests.pages import body_of

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Far enough ahead to stay in the future, on a fixed day so the notice lines are known.
FIRST = datetime(2030, 9, 3, 14, 0, tzinfo=STOCKHOLM)
MOVED = datetime(2030, 9, 10, 9, 30, tzinfo=STOCKHOLM)


@pytest.fixture(scope="module", autouse=True)
def compiled(django_db_blocker: Any) -> None:
    # The notice lines are checked in Swedish and Arabic: the catalogues must be compiled.
    call_command("compiletranslations", verbosity=0)


def _meeting(cast: Cast) -> NetworkMeeting:
    return services.network_meeting_schedule(
        actor=cast.alice,
        programme=cast.programme,
        starts_at=FIRST,
        themes=["equality"],
        place="Kommunhuset, sal 2",
        agenda="Erfarenheter",
    )


def _started(meeting: NetworkMeeting) -> None:
    NetworkMeeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(hours=1)
    )
    meeting.refresh_from_db()


def _change(cast: Cast, meeting: NetworkMeeting, **extra: Any) -> NetworkMeeting:
    values: dict[str, Any] = {
        "actor": cast.alice,
        "meeting": meeting,
        "starts_at": MOVED,
        "duration_minutes": 120,
        "place": "Biblioteket",
        "video_url": "",
        "themes": ["inclusion", "equality"],
        "agenda": "Ny dagordning",
        **extra,
    }
    return services.network_meeting_change(**values)


def _latest(user: Any, event: str) -> Notification:
    return Notification.objects.get(recipient=user, params__event=event)


# Changing -------------------------------------------------------------------------------------


def test_the_coordinator_changes_the_meeting_and_every_mentor_is_told(cast: Cast) -> None:
    otto = add_other_mentor(cast)
    meeting = _change(cast, _meeting(cast))
    meeting.refresh_from_db()
    assert meeting.starts_at == MOVED
    assert meeting.duration_minutes == 120
    assert meeting.place == "Biblioteket"
    assert meeting.themes == ["inclusion", "equality"]
    assert meeting.agenda == "Ny dagordning"
    told = Notification.objects.filter(params__event="network_changed").order_by("recipient_id")
    assert [n.recipient_id for n in told] == sorted([cast.bob.pk, otto.pk])
    notice = _latest(cast.bob, "network_changed")
    assert notice.kind == "mentor_development"
    assert notice.url == "/training/#network"
    assert notice.params["place"] == "Biblioteket"
    assert notice.params["theme"] == "Inkludering, Jämlikhet"


def test_a_change_that_changes_nothing_tells_nobody(cast: Cast) -> None:
    meeting = _meeting(cast)
    _change(
        cast,
        meeting,
        starts_at=FIRST,
        duration_minutes=90,
        place="Kommunhuset, sal 2",
        themes=["equality"],
        agenda="Erfarenheter",
    )
    assert not Notification.objects.filter(params__event="network_changed").exists()


def test_a_change_is_checked_as_a_new_meeting_is(cast: Cast) -> None:
    meeting = _meeting(cast)
    with pytest.raises(ApplicationError) as caught:
        _change(cast, meeting, themes=[])
    assert caught.value.field == "themes"
    with pytest.raises(ApplicationError) as caught:
        _change(cast, meeting, place="", video_url="")
    assert caught.value.field == "place"
    with pytest.raises(ApplicationError) as caught:
        _change(cast, meeting, starts_at=timezone.now() - timedelta(minutes=5))
    assert caught.value.field == "starts_at"
    meeting.refresh_from_db()
    assert meeting.starts_at == FIRST
    assert meeting.place == "Kommunhuset, sal 2"


def test_a_started_or_cancelled_meeting_cannot_be_changed(cast: Cast) -> None:
    meeting = _meeting(cast)
    services.network_meeting_cancel(actor=cast.alice, meeting=meeting, reason="Sjukdom")
    with pytest.raises(ApplicationError) as caught:
        _change(cast, meeting)
    assert caught.value.message == "The network meeting is cancelled."
    other = _meeting(cast)
    _started(other)
    with pytest.raises(ApplicationError) as caught:
        _change(cast, other)
    assert (
        caught.value.message
        == "The network meeting has started: it can no longer be changed or cancelled."
    )


def test_the_coordinator_changes_the_meeting_in_the_form(cast: Cast, login: Any) -> None:
    meeting = _meeting(cast)
    client = login(cast.alice)
    url = f"/training/network/{meeting.pk}/change/"
    body = body_of(client.get(url))
    # The form opens with the meeting as it is, in local time.
    assert 'value="2030-09-03T14:00"' in body
    assert 'value="Kommunhuset, sal 2"' in body
    response = client.post(
        url,
        {
            "starts_at": "2030-09-10T09:30",
            "duration_minutes": "120",
            "place": "Biblioteket",
            "themes": ["inclusion", "equality"],
            "agenda": "Ny dagordning",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/training/programmes/{cast.programme.pk}/"
    meeting.refresh_from_db()
    assert meeting.starts_at == MOVED
    body = body_of(client.get(response["Location"]))
    assert "The network meeting is changed. The mentors are told." in body
    assert "Inclusion, Equality" in body


# Cancelling -----------------------------------------------------------------------------------


def test_the_coordinator_cancels_with_a_reason_and_every_mentor_is_told(cast: Cast) -> None:
    otto = add_other_mentor(cast)
    meeting = services.network_meeting_cancel(
        actor=cast.alice, meeting=_meeting(cast), reason="  Sjukdom i personalgruppen "
    )
    meeting.refresh_from_db()
    assert meeting.cancelled is True
    assert meeting.cancel_reason == "Sjukdom i personalgruppen"
    told = Notification.objects.filter(params__event="network_cancelled").order_by("recipient_id")
    assert [n.recipient_id for n in told] == sorted([cast.bob.pk, otto.pk])
    assert _latest(cast.bob, "network_cancelled").params["reason"] == "Sjukdom i personalgruppen"


def test_a_cancel_needs_a_reason_and_happens_once(cast: Cast) -> None:
    meeting = _meeting(cast)
    with pytest.raises(ApplicationError) as caught:
        services.network_meeting_cancel(actor=cast.alice, meeting=meeting, reason="  ")
    assert caught.value.field == "reason"
    meeting.refresh_from_db()
    assert meeting.cancelled_at is None
    services.network_meeting_cancel(actor=cast.alice, meeting=meeting, reason="Sjukdom")
    with pytest.raises(ApplicationError) as caught:
        services.network_meeting_cancel(actor=cast.alice, meeting=meeting, reason="Igen")
    assert caught.value.message == "The network meeting is cancelled."
    assert Notification.objects.filter(params__event="network_cancelled").count() == 1


def test_the_coordinator_cancels_in_the_form_and_the_mentor_sees_it(cast: Cast, login: Any) -> None:
    meeting = _meeting(cast)
    client = login(cast.alice)
    url = f"/training/network/{meeting.pk}/cancel/"
    body_of(client.get(url))
    body = body_of(client.post(url, {"reason": ""}))
    assert "This field is required." in body
    response = client.post(url, {"reason": "Sjukdom"})
    assert response.status_code == 302
    body = body_of(client.get(f"/training/programmes/{cast.programme.pk}/"))
    assert "The network meeting is cancelled. The mentors are told." in body
    assert "Cancelled: " in body
    assert f"/training/network/{meeting.pk}/change/" not in body
    # Bob sees the cancelled meeting and why, still among the upcoming ones.
    body = body_of(login(cast.bob).get("/training/"))
    assert "<strong>Cancelled</strong>" in body
    assert "Reason: " in body
    assert "Sjukdom" in body
    # The change page now only says it is cancelled.
    body = body_of(login(cast.alice).get(f"/training/network/{meeting.pk}/change/"))
    assert "The network meeting is cancelled." in body
    assert 'name="starts_at"' not in body


# Attendance ------------------------------------------------------------------------------------


def test_attendance_before_the_start_is_refused_with_a_clear_message(
    cast: Cast, login: Any
) -> None:
    meeting = _meeting(cast)
    with pytest.raises(ApplicationError) as caught:
        services.network_attendance_record(
            actor=cast.alice, meeting=meeting, attended=[cast.bob_enrolment.pk]
        )
    assert caught.value.message == "Attendance can be recorded when the meeting has started."
    assert caught.value.field == "attended"
    client = login(cast.alice)
    url = f"/training/network/{meeting.pk}/attendance/"
    body = body_of(client.get(url))
    assert "Attendance can be recorded when the meeting has started." in body
    body = body_of(client.post(url, {"attended": [str(cast.bob_enrolment.pk)]}))
    assert "Attendance can be recorded when the meeting has started." in body
    assert not NetworkAttendance.objects.exists()


def test_a_cancelled_meeting_gets_no_attendance(cast: Cast, login: Any) -> None:
    meeting = _meeting(cast)
    services.network_meeting_cancel(actor=cast.alice, meeting=meeting, reason="Sjukdom")
    _started(meeting)
    with pytest.raises(ApplicationError) as caught:
        services.network_attendance_record(
            actor=cast.alice, meeting=meeting, attended=[cast.bob_enrolment.pk]
        )
    assert caught.value.message == "The network meeting is cancelled: it has no attendance."
    client = login(cast.alice)
    url = f"/training/network/{meeting.pk}/attendance/"
    body = body_of(client.get(url))
    assert "The network meeting is cancelled: it has no attendance." in body
    body = body_of(client.post(url, {"attended": [str(cast.bob_enrolment.pk)]}))
    assert "The network meeting is cancelled: it has no attendance." in body
    assert not NetworkAttendance.objects.exists()
    # On Bob's page, among past meetings, it reads as cancelled, not as missed.
    body = body_of(login(cast.bob).get("/training/"))
    assert "Past network meetings" in body
    assert "Cancelled" in body


# Who may --------------------------------------------------------------------------------------

OTHERS = [
    "charlie",
    "bob",
    "dana",
    "mona",
]  # another programme's coordinator, mentor, adept, manager


@pytest.mark.parametrize("who", OTHERS)
def test_others_cannot_change_or_cancel(cast: Cast, login: Any, who: str) -> None:
    meeting = _meeting(cast)
    person = getattr(cast, who)
    client = login(person)
    for action in ["change", "cancel"]:
        body_of(client.get(f"/training/network/{meeting.pk}/{action}/"), 404)
    data = {
        "starts_at": "2030-09-10T09:30",
        "duration_minutes": "120",
        "place": "Biblioteket",
        "themes": ["inclusion"],
    }
    body_of(client.post(f"/training/network/{meeting.pk}/change/", data), 404)
    body_of(client.post(f"/training/network/{meeting.pk}/cancel/", {"reason": "Nej"}), 404)
    with pytest.raises(NotAllowed):
        _change(cast, meeting, actor=person)
    with pytest.raises(NotAllowed):
        services.network_meeting_cancel(actor=person, meeting=meeting, reason="Nej")
    meeting.refresh_from_db()
    assert meeting.starts_at == FIRST
    assert meeting.cancelled_at is None
    assert not Notification.objects.filter(
        params__event__in=["network_changed", "network_cancelled"]
    ).exists()


# The notice lines -------------------------------------------------------------------------------


def test_the_notice_lines_in_swedish_and_arabic(cast: Cast) -> None:
    meeting = _change(cast, _meeting(cast))
    services.network_meeting_cancel(actor=cast.alice, meeting=meeting, reason="Sjukdom")
    changed = _latest(cast.bob, "network_changed")
    cancelled = _latest(cast.bob, "network_cancelled")
    with translation.override("sv"):
        assert render(changed) == (
            "Mentorsutveckling",
            "Alice Andersson har ändrat nätverksträffen för mentorer: nu 10 sep. 2030 09:30, "
            "Biblioteket: Inkludering, Jämlikhet",
        )
        assert render(cancelled) == (
            "Mentorsutveckling",
            "Alice Andersson har ställt in nätverksträffen för mentorer 10 sep. 2030 09:30. "
            "Anledning: Sjukdom",
        )
    with translation.override("ar"):
        assert render(cancelled) == (
            "تطوير المرشدين",
            "ألغى Alice Andersson لقاء شبكة المرشدين في 10 سبتمبر 2030، 09:30. السبب: Sjukdom",
        )
        # The themes stay in Bob's language (Swedish): they were written into the notice.
        assert render(changed) == (
            "تطوير المرشدين",
            "غيّر Alice Andersson لقاء شبكة المرشدين: الآن في 10 سبتمبر 2030، 09:30، Biblioteket: "
            "Inkludering, Jämlikhet",
        )
