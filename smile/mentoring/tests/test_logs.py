"""Meeting logs: the rules of writing one, the form on one page, and who reads what."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from smile.core.errors import ApplicationError, NotAllowed
from smile.matching.models import Pair, PairStatus
from smile.mentoring.logs.services import meeting_log_create
from smile.mentoring.models import (
    ActionItem,
    CheckIn,
    Dimension,
    Meeting,
    MeetingLog,
    MeetingStatus,
)
from smile.notifications.models import Kind, Notification
from tests.cast import Cast
from tests.pages import body_of


def today() -> date:
    """Read at each use: a run that passes midnight must not use yesterday's date."""
    return timezone.localdate()


ALL_GOOD = {dimension: (4, "") for dimension in Dimension.values}


def confirmed_meeting(
    pair: Pair, *, days_ago: int = 1, status: str = MeetingStatus.CONFIRMED
) -> Meeting:
    now = timezone.now()
    return Meeting.objects.create(
        pair=pair,
        starts_at=now - timedelta(days=days_ago),
        duration_minutes=45,
        place="Fikarummet",
        status=status,
        confirmed_at=now if status == MeetingStatus.CONFIRMED else None,
    )


def write(cast: Cast, **overrides: Any) -> MeetingLog:
    kwargs: dict[str, Any] = {
        "pair": cast.pair,
        "by": cast.bob,
        "held_on": today(),
        "minutes": 60,
        "checkins": ALL_GOOD,
        "notes": "",
        "notes_for_coordinator": False,
    }
    kwargs.update(overrides)
    return meeting_log_create(**kwargs)


def refused(cast: Cast, message: str, **overrides: Any) -> None:
    with pytest.raises(ApplicationError) as caught:
        write(cast, **overrides)
    assert caught.value.message == message
    assert not MeetingLog.objects.exists()
    assert not CheckIn.objects.exists()
    assert not ActionItem.objects.exists()
    assert not Notification.objects.exists()


# --- services ---------------------------------------------------------------------------------


def test_the_mentor_writes_a_log_with_its_checkin_and_an_action_item_for_the_adept(
    cast: Cast,
) -> None:
    due = today() + timedelta(days=7)
    checkins = {
        "learning": (5, "Welding like in class"),
        "inclusion": (4, ""),
        "equality": (3, ""),
        "support": (2, "No time from the boss"),
    }
    log = write(
        cast,
        checkins=checkins,
        notes=" Talked about the night shift. ",
        action_items=[("Ask about safety shoes", cast.dana, due)],
    )
    assert (log.pair, log.written_by, log.held_on, log.minutes, log.notes) == (
        cast.pair,
        cast.bob,
        today(),
        60,
        "Talked about the night shift.",
    )
    assert {c.dimension: (c.rating, c.note) for c in log.checkins.all()} == checkins
    item = ActionItem.objects.get()
    assert (item.pair, item.log, item.title, item.owner, item.due_on, item.created_by) == (
        cast.pair,
        log,
        "Ask about safety shoes",
        cast.dana,
        due,
        cast.bob,
    )
    assert item.done_at is None
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind, notification.url) == (
        cast.dana,
        Kind.ACTION_ASSIGNED,
        f"/mentoring/pairs/{cast.pair.pk}/",
    )
    assert notification.params == {
        "name": "Bob Berg",
        "title": "Ask about safety shoes",
        "due_on": due.isoformat(),
    }


def test_the_adept_writes_a_log_and_is_not_told_about_her_own_action_item(cast: Cast) -> None:
    log = write(cast, by=cast.dana, action_items=[("Bring the course book", cast.dana, today())])
    assert log.written_by == cast.dana
    assert ActionItem.objects.get().owner == cast.dana
    assert not Notification.objects.exists()


def test_a_paused_pair_can_still_log(cast: Cast) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.PAUSED)
    cast.pair.refresh_from_db()
    assert write(cast).pk is not None


@pytest.mark.parametrize("who", ["alice", "erin", "tess", "charlie"])
def test_only_the_two_sides_write_a_log(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        write(cast, by=getattr(cast, who))
    assert not MeetingLog.objects.exists()
    assert not CheckIn.objects.exists()
    assert not ActionItem.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize("status", [PairStatus.COMPLETED, PairStatus.PROPOSED])
def test_a_pair_that_is_not_live_cannot_log(cast: Cast, status: str) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(status=status, end_reason="x")
    cast.pair.refresh_from_db()
    refused(cast, "This pair has finished. Nothing more can be written.")


def test_all_four_dimensions_are_required(cast: Cast) -> None:
    three = {d: (3, "") for d in ["learning", "inclusion", "equality"]}
    refused(cast, "Answer the check-in for all four parts.", checkins=three)


def test_a_rating_outside_the_words_is_refused(cast: Cast) -> None:
    refused(cast, "Choose one answer.", checkins={**ALL_GOOD, "learning": (6, "")})


def test_the_date_is_not_in_the_future(cast: Cast) -> None:
    refused(
        cast,
        "The meeting date cannot be in the future.",
        held_on=today() + timedelta(days=1),
    )


def test_the_date_is_not_before_the_pair_started(cast: Cast) -> None:
    assert cast.pair.started_on == date(2026, 8, 10)
    refused(
        cast,
        "The meeting date cannot be before the mentorship started.",
        held_on=date(2026, 8, 9),
    )
    assert write(cast, held_on=date(2026, 8, 10)).held_on == date(2026, 8, 10)


@pytest.mark.parametrize("minutes", [4, 601])
def test_the_time_is_from_5_to_600_minutes(cast: Cast, minutes: int) -> None:
    refused(cast, "Write the time in minutes, from 5 to 600.", minutes=minutes)


def test_an_action_item_is_owned_by_a_side_and_not_due_in_the_past(cast: Cast) -> None:
    with pytest.raises(ApplicationError) as caught:
        write(cast, action_items=[("Ask", cast.dana, today()), ("Call", cast.erin, today())])
    assert (caught.value.message, caught.value.field) == (
        "Only the adept or the mentor can be given something to do.",
        "action2_owner",
    )
    with pytest.raises(ApplicationError) as caught:
        write(cast, action_items=[("Ask", cast.dana, today() - timedelta(days=1))])
    assert (caught.value.message, caught.value.field) == (
        "The date to do it by cannot be in the past.",
        "action1_due_on",
    )
    assert not MeetingLog.objects.exists() and not ActionItem.objects.exists()


def test_a_log_points_to_a_confirmed_meeting_of_the_pair_without_a_log(cast: Cast) -> None:
    meeting = confirmed_meeting(cast.pair)
    log = write(cast, meeting=meeting)
    assert log.meeting == meeting
    with pytest.raises(ApplicationError) as caught:
        write(cast, meeting=meeting)
    assert caught.value.message == "This meeting already has a log."
    assert MeetingLog.objects.count() == 1


def test_a_proposed_meeting_cannot_be_logged(cast: Cast) -> None:
    meeting = confirmed_meeting(cast.pair, status=MeetingStatus.PROPOSED)
    refused(cast, "Only a confirmed meeting can be logged.", meeting=meeting)


def test_another_pairs_meeting_cannot_be_logged(cast: Cast) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.COMPLETED)
    other = Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=date(2026, 9, 1),
    )
    cast.pair.refresh_from_db()
    meeting = confirmed_meeting(cast.pair)
    with pytest.raises(ApplicationError) as caught:
        meeting_log_create(
            pair=other,
            by=cast.bob,
            held_on=today(),
            minutes=30,
            checkins=ALL_GOOD,
            meeting=meeting,
        )
    assert caught.value.message == "This meeting belongs to another pair."
    assert not MeetingLog.objects.exists()


# --- views ------------------------------------------------------------------------------------


def create_url(pair: Pair, meeting: Meeting | None = None) -> str:
    query = f"?meeting={meeting.pk}" if meeting else ""
    return f"/mentoring/pairs/{pair.pk}/logs/new/{query}"


def form_data(**overrides: str) -> dict[str, str]:
    data = {
        "held_on": today().isoformat(),
        "minutes": "45",
        "rating_learning": "5",
        "note_learning": "Like in class",
        "rating_inclusion": "4",
        "rating_equality": "3",
        "rating_support": "2",
        "note_support": "No time from the boss",
        "notes": "She wants to try the night shift.",
        "action1_title": "Ask about safety shoes",
        "action1_owner": "adept",
        "action1_due_on": (today() + timedelta(days=3)).isoformat(),
    }
    data.update(overrides)
    return data


def test_the_form_is_one_page_with_four_fieldsets_in_words(cast: Cast, login) -> None:
    response = login(cast.bob).get(create_url(cast.pair))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<fieldset") == 4 + 3
    assert (
        "<legend><strong>Learning</strong><br>"
        "Does the work connect to what is learnt in the course?</legend>"
    ) in content
    assert "<strong>Support from the workplace</strong><br>Do we get time" in content
    for word in ["Very bad", "Bad", "Okay", "Good", "Very good"]:
        assert f"required>\n {word}</label>" in content
    assert 'list="minutes-suggestions"' in content and '<option value="90">' in content
    assert "The coordinator may read the notes" in content
    assert '<option value="adept">Dana Darwish (Adept)</option>' in content
    assert f'value="{today().isoformat()}"' in content


def test_bob_writes_a_log_and_reads_it(cast: Cast, login) -> None:
    client = login(cast.bob)
    response = client.post(create_url(cast.pair), form_data())
    log = MeetingLog.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/mentoring/logs/{log.pk}/"
    assert (log.minutes, log.notes, log.notes_for_coordinator) == (
        45,
        "She wants to try the night shift.",
        False,
    )
    item = ActionItem.objects.get()
    assert (item.title, item.owner, item.log) == ("Ask about safety shoes", cast.dana, log)

    content = body_of(client.get(response["Location"]))
    assert "The meeting log is saved." in content
    assert (
        "<dt>Learning</dt>\n      <dd>Very good<br>"
        '<span class="muted"><bdi lang="en" dir="auto">Like in class</bdi></span></dd>'
    ) in content
    # Bob uses SMILE in English and chose no other language: the notes are kept as English.
    assert log.language == "en" and item.language == "en"
    assert '<div lang="en" dir="auto"><p>She wants to try the night shift.</p></div>' in content
    assert "<dt>Equality</dt>\n      <dd>Okay</dd>" in content
    assert "She wants to try the night shift." in content
    assert "Ask about safety shoes" in content


def test_a_log_from_a_meeting_is_prefilled_with_its_date_and_length(cast: Cast, login) -> None:
    meeting = confirmed_meeting(cast.pair, days_ago=2)
    client = login(cast.bob)
    content = body_of(client.get(create_url(cast.pair, meeting)))
    held_on = timezone.localdate(meeting.starts_at).isoformat()
    assert f'name="held_on" value="{held_on}"' in content
    assert 'name="minutes" value="45"' in content
    response = client.post(create_url(cast.pair, meeting), form_data(held_on=held_on))
    assert response.status_code == 302
    assert MeetingLog.objects.get().meeting == meeting
    content = body_of(client.get(response["Location"]))
    assert f'<a href="/mentoring/meetings/{meeting.pk}/">' in content

    # Logged already: the link now leads back to the pair's page, with the reason.
    response = client.get(create_url(cast.pair, meeting), follow=True)
    assert response.redirect_chain[-1][0] == f"/mentoring/pairs/{cast.pair.pk}/"


def test_a_meeting_of_another_pair_is_404(cast: Cast, login) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.COMPLETED)
    other = Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=date(2026, 9, 1),
    )
    meeting = confirmed_meeting(cast.pair)
    client = login(cast.bob)
    assert client.get(create_url(other, meeting)).status_code == 404
    assert client.get(f"/mentoring/pairs/{other.pk}/logs/new/?meeting=x").status_code == 404


def test_bad_input_shows_the_messages_and_keeps_what_was_typed(cast: Cast, login) -> None:
    data = form_data(
        held_on=(today() + timedelta(days=2)).isoformat(),
        rating_equality="",
        action1_owner="",
        action2_title="Call the union",
    )
    response = login(cast.bob).post(create_url(cast.pair), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Please correct the fields marked below." in content
    assert content.count("Choose one answer.") == 1
    assert content.count("Fill in what, who and by when, or leave the row empty.") == 3
    # What was typed stays.
    assert 'value="Like in class"' in content
    assert 'value="Ask about safety shoes"' in content
    assert 'value="Call the union"' in content
    assert "She wants to try the night shift.</textarea>" in content
    assert 'name="rating_learning" value="5" id="id_rating_learning_4" required checked' in content
    assert not MeetingLog.objects.exists() and not ActionItem.objects.exists()


def test_a_broken_rule_shows_beside_its_field_and_keeps_the_rest(cast: Cast, login) -> None:
    data = form_data(held_on=(today() + timedelta(days=2)).isoformat())
    response = login(cast.bob).post(create_url(cast.pair), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "The meeting date cannot be in the future." in content
    assert 'value="Ask about safety shoes"' in content
    assert not MeetingLog.objects.exists()


def test_a_rule_on_an_action_row_shows_on_that_row(cast: Cast, login) -> None:
    data = form_data(
        action1_title="",
        action1_owner="",
        action1_due_on="",
        action2_title="Late already",
        action2_owner="mentor",
        action2_due_on=(today() - timedelta(days=1)).isoformat(),
    )
    response = login(cast.bob).post(create_url(cast.pair), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"action2_due_on": ["The date to do it by cannot be in the past."]}


@pytest.mark.parametrize("who", ["charlie", "erin", "tess", "alice"])
def test_others_cannot_write_a_log(cast: Cast, login, who: str) -> None:
    client: Client = login(getattr(cast, who))
    assert client.get(create_url(cast.pair)).status_code == 404
    assert client.post(create_url(cast.pair), form_data()).status_code == 404
    assert not MeetingLog.objects.exists() and not ActionItem.objects.exists()


def test_a_finished_pair_cannot_write_a_log(cast: Cast, login) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.COMPLETED)
    client = login(cast.bob)
    assert client.get(create_url(cast.pair)).status_code == 404
    assert client.post(create_url(cast.pair), form_data()).status_code == 404
    assert not MeetingLog.objects.exists()


@pytest.mark.parametrize("who", ["charlie", "erin", "tess", "mona"])
def test_others_cannot_read_a_log(cast: Cast, login, who: str) -> None:
    log = write(cast, notes="Private")
    assert login(getattr(cast, who)).get(f"/mentoring/logs/{log.pk}/").status_code == 404


def test_the_coordinator_sees_the_checkin_but_not_private_notes(cast: Cast, login) -> None:
    log = write(cast, notes="She worries about her rent.")
    content = body_of(login(cast.alice).get(f"/mentoring/logs/{log.pk}/"))
    assert "<dt>Learning</dt>\n      <dd>Good</dd>" in content
    assert "She worries about her rent." not in content
    assert "The notes are private to the pair." in content
    assert "Done</button>" not in content


def test_the_coordinator_reads_notes_marked_for_her(cast: Cast, login) -> None:
    log = write(cast, notes="Please call the foundry.", notes_for_coordinator=True)
    content = body_of(login(cast.alice).get(f"/mentoring/logs/{log.pk}/"))
    assert "Please call the foundry." in content
    assert "The notes are private to the pair." not in content


def test_the_adept_reads_the_notes_of_her_pair(cast: Cast, login) -> None:
    log = write(cast, notes="We talked about shifts.")
    content = body_of(login(cast.dana).get(f"/mentoring/logs/{log.pk}/"))
    assert "We talked about shifts." in content
    assert "Only the two of you can read the notes." in content


def test_the_pair_page_lists_the_logs_newest_first_with_ratings_in_words(cast: Cast, login) -> None:
    write(cast, held_on=today() - timedelta(days=20), minutes=30)
    write(cast, held_on=today() - timedelta(days=5), checkins={**ALL_GOOD, "equality": (1, "")})
    content = body_of(login(cast.bob).get(f"/mentoring/pairs/{cast.pair.pk}/"))
    newer = content.index("Equality: Very bad")
    older = content.index("30 minutes")
    assert newer < older
    assert "Inclusion: Good · Learning: Good · Equality: Very bad" in content
    assert "Write a meeting log" in content and "Add something to do" in content


def test_the_coordinator_sees_the_logs_on_the_pair_page_but_cannot_write(cast: Cast, login) -> None:
    write(cast)
    content = body_of(login(cast.alice).get(f"/mentoring/pairs/{cast.pair.pk}/"))
    assert "Meeting logs" in content and "Learning: Good" in content
    assert "Write a meeting log" not in content and "Add something to do" not in content
    assert "Mentoring time this month" not in content
