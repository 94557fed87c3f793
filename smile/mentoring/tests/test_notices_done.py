"""Mentoring's notices that ask for something finish themselves (a meeting to answer, a closing
reflection, a thing to do, a request for support), and the managers' digest notice opens a page
with the digest's figures."""

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.utils import timezone

from smile.core.tests.worker import run_worker
from smile.matching.models import Pair, PairStatus
from smile.mentoring.closing.services import reflection_write, reflections_request
from smile.mentoring.digest.tasks import send_manager_digests
from smile.mentoring.life.services import life_checkin_create
from smile.mentoring.logs.services import action_item_create, action_items_remind_due
from smile.mentoring.meetings import services as meetings
from smile.mentoring.models import ActionItem, MeetingLog
from smile.notifications.models import Kind, Notification
from smile.notifications.selectors import unread_count
from tests.cast import Cast
from tests.pages import body_of


def notices(kind: str) -> list[tuple[str, bool]]:
    """(to whom, done?) for every notice of the kind."""
    return sorted(
        (email, done is not None)
        for email, done in Notification.objects.filter(kind=kind).values_list(
            "recipient__email", "done_at"
        )
    )


def soon(hour: int = 10) -> datetime:
    day = timezone.localdate() + timedelta(days=2)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def propose(cast: Cast, by: Any) -> Any:
    return meetings.meeting_propose(
        pair=cast.pair, by=by, starts_at=soon(), duration_minutes=60, place="Formning"
    )


# --- meetings ------------------------------------------------------------------------------------


def test_accepting_a_meeting_clears_the_request_to_answer(cast: Cast, login) -> None:
    meeting = propose(cast, cast.bob)
    assert notices(Kind.MEETING_PROPOSED) == [("dana@elev.example", False)]
    assert unread_count(user=cast.dana) == 1
    response = login(cast.dana).post(
        f"/mentoring/meetings/{meeting.pk}/answer/", {"decision": "accept"}
    )
    assert response.status_code == 302
    assert notices(Kind.MEETING_PROPOSED) == [("dana@elev.example", True)]
    assert unread_count(user=cast.dana) == 0
    # Bob hears it is confirmed: news, not a request.
    assert notices(Kind.MEETING_CONFIRMED) == [("bob@gjuteri.example", False)]
    assert Notification.objects.get(kind=Kind.MEETING_CONFIRMED).subject == ""


def test_another_time_answers_the_first_and_asks_the_other_side(cast: Cast) -> None:
    meeting = propose(cast, cast.bob)
    meetings.meeting_counter(
        meeting=meeting, by=cast.dana, starts_at=soon(14), duration_minutes=60, place="Café"
    )
    assert notices(Kind.MEETING_PROPOSED) == [("dana@elev.example", True)]
    assert notices(Kind.MEETING_CHANGED) == [("bob@gjuteri.example", False)]
    meetings.meeting_accept(meeting=meeting, by=cast.bob)
    assert notices(Kind.MEETING_CHANGED) == [("bob@gjuteri.example", True)]


def test_a_coordinators_proposal_answered_by_one_side_is_done_for_both(cast: Cast) -> None:
    meeting = propose(cast, cast.alice)
    assert notices(Kind.MEETING_PROPOSED) == [
        ("bob@gjuteri.example", False),
        ("dana@elev.example", False),
    ]
    meetings.meeting_cancel(meeting=meeting, by=cast.bob, reason="Away that week")
    assert notices(Kind.MEETING_PROPOSED) == [
        ("bob@gjuteri.example", True),
        ("dana@elev.example", True),
    ]


def test_a_refused_answer_leaves_the_request_open(cast: Cast, login) -> None:
    meeting = propose(cast, cast.bob)
    # Bob proposed it: he cannot accept it himself.
    response = login(cast.bob).post(
        f"/mentoring/meetings/{meeting.pk}/answer/", {"decision": "accept"}
    )
    assert response.status_code == 302
    assert notices(Kind.MEETING_PROPOSED) == [("dana@elev.example", False)]


# --- reflections, things to do, support -----------------------------------------------------------


def test_writing_her_reflection_clears_her_request_only(cast: Cast, login) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.COMPLETED, ended_on=timezone.localdate()
    )
    cast.pair.refresh_from_db()
    reflections_request(pair=cast.pair)
    assert notices(Kind.REFLECTION_ASKED) == [
        ("bob@gjuteri.example", False),
        ("dana@elev.example", False),
    ]
    response = login(cast.dana).post(
        f"/mentoring/pairs/{cast.pair.pk}/reflection/", {"rating": "3", "text": "Bra"}
    )
    assert response.status_code == 302
    assert notices(Kind.REFLECTION_ASKED) == [
        ("bob@gjuteri.example", False),
        ("dana@elev.example", True),
    ]
    reflection_write(pair=cast.pair, by=cast.bob, rating=3, text="")
    assert notices(Kind.REFLECTION_ASKED) == [
        ("bob@gjuteri.example", True),
        ("dana@elev.example", True),
    ]


def test_ticking_a_thing_done_clears_both_its_notices(cast: Cast, login) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    item = action_item_create(
        pair=cast.pair, by=cast.bob, title="Köp skyddsskor", owner=cast.dana, due_on=tomorrow
    )
    assert action_items_remind_due() == 1
    assert notices(Kind.ACTION_ASSIGNED) == [("dana@elev.example", False)]
    assert notices(Kind.ACTION_DUE) == [("dana@elev.example", False)]
    assert unread_count(user=cast.dana) == 2
    response = login(cast.dana).post(f"/mentoring/actions/{item.pk}/done/")
    assert response.status_code == 302
    assert ActionItem.objects.get(pk=item.pk).done_at is not None
    assert notices(Kind.ACTION_ASSIGNED) == [("dana@elev.example", True)]
    assert notices(Kind.ACTION_DUE) == [("dana@elev.example", True)]
    assert unread_count(user=cast.dana) == 0


def test_following_up_a_request_for_support_clears_it(cast: Cast, login) -> None:
    checkin = life_checkin_create(
        enrolment=cast.dana_enrolment,
        by=cast.dana,
        answers={"housing": "support"},
        note="",
        share_with_mentor=False,
        coordinator_areas=["housing"],
        share_note_with_coordinator=False,
    )
    assert notices(Kind.SUPPORT_REQUESTED) == [("alice@savsjo.example", False)]
    response = login(cast.alice).post(f"/mentoring/life/{checkin.pk}/follow-up/")
    assert response.status_code == 302
    assert notices(Kind.SUPPORT_REQUESTED) == [("alice@savsjo.example", True)]


# --- the managers' digest ------------------------------------------------------------------------


def with_a_fortnight_of_work(cast: Cast) -> None:
    today = timezone.localdate()
    for days_ago, minutes in ((1, 60), (5, 30), (20, 90)):  # the last is before the fortnight
        MeetingLog.objects.create(
            pair=cast.pair,
            held_on=today - timedelta(days=days_ago),
            minutes=minutes,
            notes="Private",
            written_by=cast.bob,
        )
    item = {"pair": cast.pair, "owner": cast.dana, "created_by": cast.bob}
    ActionItem.objects.create(**item, title="Done", due_on=today, done_at=timezone.now())
    ActionItem.objects.create(**item, title="Late", due_on=today - timedelta(days=2))


def test_the_digest_notice_opens_the_page_with_its_figures(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    with_a_fortnight_of_work(cast)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_manager_digests.call() == 1
    run_worker()
    notice = Notification.objects.get(kind=Kind.MANAGER_DIGEST)
    client = login(cast.mona)
    opened = client.post(f"/notifications/{notice.pk}/read/")
    assert opened.status_code == 302
    today = timezone.localdate()
    assert opened["Location"] == f"/mentoring/digest/{today.isoformat()}/"
    content = body_of(client.get(opened["Location"]))
    # The figures of the e-mail, per workplace she manages; no name, no note.
    assert "<h1>Summary of your workplaces</h1>" in content
    formning = content[content.index("<bdi>Formning</bdi>") :]
    formning = formning[: formning.index("</tr>")]
    cells = [
        ("Active pairs", "1"),
        ("Meetings held", "2"),
        ("Mentor hours", "1.5"),
        ("Things done", "1"),
        ("Things overdue", "1"),
    ]
    for label, value in cells:
        assert f'data-label="{label}">{value}</td>' in formning
    assert "<bdi>Efterbehandling</bdi>" in content
    assert "Private" not in content and "Dana" not in content


@pytest.mark.parametrize("name", ["dana", "bob", "charlie", "alice"])
def test_the_digest_page_is_not_found_for_anyone_who_manages_nothing(
    cast: Cast, login, name: str
) -> None:
    today = timezone.localdate().isoformat()
    response = login(getattr(cast, name)).get(f"/mentoring/digest/{today}/")
    assert response.status_code == 404


@pytest.mark.parametrize("end", ["yesterday", "2026-13-01", "9999-01-01"])
def test_the_digest_page_for_no_real_fortnight_is_not_found(cast: Cast, login, end: str) -> None:
    assert login(cast.mona).get(f"/mentoring/digest/{end}/").status_code == 404


def test_the_digest_page_of_another_fortnight_counts_that_fortnight(cast: Cast, login) -> None:
    with_a_fortnight_of_work(cast)
    # The fortnight that ended 15 days ago holds only the meeting of 20 days ago (90 minutes).
    end = (timezone.localdate() - timedelta(days=15)).isoformat()
    content = body_of(login(cast.mona).get(f"/mentoring/digest/{end}/"))
    formning = content[content.index("<bdi>Formning</bdi>") :]
    formning = formning[: formning.index("</tr>")]
    assert 'data-label="Meetings held">1</td>' in formning
    assert 'data-label="Mentor hours">1.5</td>' in formning


def test_the_digest_page_must_be_logged_in(cast: Cast, client) -> None:
    response = client.get(f"/mentoring/digest/{timezone.localdate().isoformat()}/")
    assert response.status_code == 302 and "/login" in response["Location"]
