"""The mentor's development profile (self-ratings, goals, her pairs' check-ins) and the mentor
network meetings; who sees and does what."""

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from smile.core.errors import ApplicationError, NotAllowed
from smile.mentoring.models import CheckIn, MeetingLog
from smile.notifications.models import Notification
from smile.training import selectors, services
from smile.training.models import (
    CoordinatorView,
    DevelopmentGoal,
    NetworkAttendance,
    NetworkMeeting,
    SelfRating,
)
from tests.cast import Cast, add_other_mentor, make_user
from tests.pages import body_of

GOAL = "Säga ifrån när någon skämtar om ursprung"
ALL_FOUR = {"inclusion": 2, "learning": 4, "equality": 3, "support": 1}


def _future(days: int = 7) -> datetime:
    return datetime.combine(
        timezone.localdate() + timedelta(days=days),
        datetime.min.time().replace(hour=14),
        tzinfo=ZoneInfo("Europe/Stockholm"),
    )


def _meeting(cast: Cast, **extra: Any) -> NetworkMeeting:
    values: dict[str, Any] = {
        "actor": cast.alice,
        "programme": cast.programme,
        "starts_at": _future(),
        "themes": ["equality"],
        "place": "Kommunhuset, sal 2",
        "agenda": "Erfarenheter",
        **extra,
    }
    return services.network_meeting_schedule(**values)


def _to_the_past(meeting: NetworkMeeting) -> None:
    NetworkMeeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - timedelta(days=1)
    )
    meeting.refresh_from_db()


def _log(cast: Cast, by: Any, held_on: date, inclusion: int) -> None:
    log = MeetingLog.objects.create(pair=cast.pair, held_on=held_on, minutes=60, written_by=by)
    CheckIn.objects.create(log=log, dimension="inclusion", rating=inclusion)


# The development profile ---------------------------------------------------------------------


def test_a_first_and_a_later_rating_show_the_change(cast: Cast) -> None:
    services.self_rating_save(actor=cast.bob, ratings=ALL_FOUR)
    first = SelfRating.objects.get(user=cast.bob)
    SelfRating.objects.filter(pk=first.pk).update(rated_on=date(2026, 9, 1))
    services.self_rating_save(
        actor=cast.bob, ratings={"inclusion": 4, "learning": 4, "equality": 2, "support": 1}
    )
    profile = selectors.development_profile(user=cast.bob)
    assert profile["rounds"] == 2
    changes = {
        row["dimension"]: (row["first"], row["latest"], row["change"]) for row in profile["rows"]
    }
    assert changes == {
        "inclusion": (2, 4, 2),
        "learning": (4, 4, 0),
        "equality": (3, 2, -1),
        "support": (1, 1, 0),
    }


def test_rating_again_the_same_day_corrects_that_days_round(cast: Cast) -> None:
    services.self_rating_save(actor=cast.bob, ratings=ALL_FOUR)
    services.self_rating_save(actor=cast.bob, ratings={**ALL_FOUR, "support": 5})
    assert list(SelfRating.objects.filter(user=cast.bob).values_list("support", flat=True)) == [5]


def test_a_rating_outside_1_to_5_is_refused(cast: Cast) -> None:
    with pytest.raises(ApplicationError) as caught:
        services.self_rating_save(actor=cast.bob, ratings={**ALL_FOUR, "equality": 6})
    assert caught.value.field == "equality"
    assert not SelfRating.objects.exists()


@pytest.mark.parametrize("who", ["alice", "dana", "mona"])
def test_only_a_mentor_rates_herself(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        services.self_rating_save(actor=getattr(cast, who), ratings=ALL_FOUR)
    with pytest.raises(NotAllowed):
        services.development_goals_save(actor=getattr(cast, who), goals={"equality": GOAL})
    assert not SelfRating.objects.exists()
    assert not DevelopmentGoal.objects.exists()


def test_goals_are_saved_changed_and_removed(cast: Cast) -> None:
    assert services.development_goals_save(actor=cast.bob, goals={"equality": GOAL}) == 1
    assert (
        services.development_goals_save(
            actor=cast.bob, goals={"equality": "Ny", "learning": "Visa mer"}
        )
        == 2
    )
    assert services.development_goals_save(actor=cast.bob, goals={"learning": "Visa mer"}) == 1
    assert list(DevelopmentGoal.objects.values_list("dimension", "text")) == [
        ("learning", "Visa mer")
    ]


def test_the_adepts_check_ins_show_from_three_ratings(cast: Cast) -> None:
    # Two logs by the adept: too few to show.
    _log(cast, cast.dana, date(2026, 9, 1), 4)
    _log(cast, cast.dana, date(2026, 9, 8), 5)
    _log(cast, cast.bob, date(2026, 9, 15), 2)
    inclusion = selectors.development_profile(user=cast.bob)["rows"][0]
    assert (inclusion["dimension"], inclusion["adept_count"]) == ("inclusion", 2)
    assert inclusion["adept_average"] is None
    assert (inclusion["own_count"], inclusion["own_average"]) == (1, None)
    # The third: (4 + 5 + 4) / 3 = 4.3.
    _log(cast, cast.dana, date(2026, 9, 22), 4)
    inclusion = selectors.development_profile(user=cast.bob)["rows"][0]
    assert inclusion["adept_count"] == 3
    assert str(inclusion["adept_average"]) == "4.3"


def test_the_profile_page_saves_a_rating_and_a_goal(cast: Cast, login: Any) -> None:
    client = login(cast.bob)
    body = body_of(client.get("/training/profile/"))
    assert "You have not rated yourself yet." in body
    assert "Too few ratings to show (0; at least 3 are needed)" in body
    response = client.post(
        "/training/profile/rating/",
        {
            "rating-inclusion": "2",
            "rating-learning": "4",
            "rating-equality": "3",
            "rating-support": "1",
        },
    )
    assert response.status_code == 302
    response = client.post("/training/profile/goals/", {"goal-equality": GOAL})
    assert response.status_code == 302
    body = body_of(client.get("/training/profile/"))
    assert GOAL in body
    assert "Rate yourself again after a round of mentoring to see the change." in body
    rating = SelfRating.objects.get(user=cast.bob)
    assert (rating.inclusion, rating.learning, rating.equality, rating.support) == (2, 4, 3, 1)


def test_a_missing_rating_says_so_and_saves_nothing(cast: Cast, login: Any) -> None:
    body = body_of(login(cast.bob).post("/training/profile/rating/", {"rating-inclusion": "2"}))
    assert "This field is required." in body
    assert not SelfRating.objects.exists()


@pytest.mark.parametrize("who", ["alice", "dana", "mona", "charlie"])
def test_only_mentors_reach_the_profile(cast: Cast, login: Any, who: str) -> None:
    client = login(getattr(cast, who))
    body_of(client.get("/training/profile/"), 404)
    body_of(client.post("/training/profile/rating/", {"rating-inclusion": "2"}), 404)
    body_of(client.post("/training/profile/goals/", {"goal-equality": GOAL}), 404)
    assert not SelfRating.objects.exists()
    assert not DevelopmentGoal.objects.exists()


def test_the_coordinator_sees_nothing_of_her_ratings_or_goals(cast: Cast, login: Any) -> None:
    services.self_rating_save(actor=cast.bob, ratings=ALL_FOUR)
    services.development_goals_save(actor=cast.bob, goals={"equality": GOAL})
    body = body_of(login(cast.alice).get(f"/training/programmes/{cast.programme.pk}/"))
    assert "Bob Berg" in body
    assert GOAL not in body
    assert "self-rating" not in body.lower()


def test_another_mentor_does_not_see_her_profile(cast: Cast, login: Any) -> None:
    otto = add_other_mentor(cast)
    services.development_goals_save(actor=cast.bob, goals={"equality": GOAL})
    body = body_of(login(otto).get("/training/profile/"))
    assert GOAL not in body


# Mentor network meetings ---------------------------------------------------------------------


def test_scheduling_tells_every_active_mentor(cast: Cast) -> None:
    otto = add_other_mentor(cast)
    meeting = _meeting(cast, themes=["support", "equality"])
    assert meeting.themes == ["equality", "support"]
    notices = Notification.objects.filter(kind="mentor_development").order_by("recipient_id")
    assert [n.recipient_id for n in notices] == sorted([cast.bob.pk, otto.pk])
    notice = notices.get(recipient=cast.bob)
    assert notice.params["event"] == "network_meeting"
    assert notice.params["name"] == "Alice Andersson"
    # Bob reads SMILE in Swedish: the themes are Swedish words.
    assert notice.params["theme"] == "Jämlikhet, Stöd från arbetsplatsen"
    assert notice.url == "/training/#network"


def test_a_meeting_needs_a_theme_a_place_and_a_future_time(cast: Cast) -> None:
    with pytest.raises(ApplicationError) as caught:
        _meeting(cast, themes=[])
    assert caught.value.field == "themes"
    with pytest.raises(ApplicationError) as caught:
        _meeting(cast, place="", video_url="")
    assert caught.value.field == "place"
    with pytest.raises(ApplicationError) as caught:
        _meeting(cast, starts_at=timezone.now() - timedelta(hours=1))
    assert caught.value.field == "starts_at"
    assert not NetworkMeeting.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize("who", ["bob", "dana", "mona", "charlie"])
def test_only_the_programmes_coordinator_schedules(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        _meeting(cast, actor=getattr(cast, who))
    assert not NetworkMeeting.objects.exists()


def test_the_coordinator_schedules_in_the_form(cast: Cast, login: Any) -> None:
    client = login(cast.alice)
    url = f"/training/programmes/{cast.programme.pk}/network/new/"
    body_of(client.get(url))
    when = _future().strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        url,
        {
            "starts_at": when,
            "duration_minutes": "90",
            "place": "Kommunhuset, sal 2",
            "themes": ["inclusion", "learning"],
            "agenda": "Erfarenheter",
        },
    )
    assert response.status_code == 302
    meeting = NetworkMeeting.objects.get()
    assert meeting.themes == ["inclusion", "learning"]
    body = body_of(client.get(f"/training/programmes/{cast.programme.pk}/"))
    assert "Inclusion, Learning" in body
    assert "Not recorded yet" in body


def test_the_form_without_a_theme_says_so(cast: Cast, login: Any) -> None:
    url = f"/training/programmes/{cast.programme.pk}/network/new/"
    body = body_of(
        login(cast.alice).post(
            url,
            {
                "starts_at": _future().strftime("%Y-%m-%dT%H:%M"),
                "duration_minutes": "90",
                "place": "Sal 2",
            },
        )
    )
    assert "This field is required." in body
    assert not NetworkMeeting.objects.exists()


@pytest.mark.parametrize("who", ["bob", "dana", "mona", "charlie"])
def test_others_cannot_reach_the_scheduling_page(cast: Cast, login: Any, who: str) -> None:
    client = login(getattr(cast, who))
    url = f"/training/programmes/{cast.programme.pk}/network/new/"
    body_of(client.get(url), 404)
    data = {
        "starts_at": _future().strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": "90",
        "place": "Sal 2",
        "themes": ["inclusion"],
    }
    body_of(client.post(url, data), 404)
    assert not NetworkMeeting.objects.exists()


def test_attendance_is_recorded_after_the_meeting_and_counted(cast: Cast, login: Any) -> None:
    otto = add_other_mentor(cast)
    meeting = _meeting(cast)
    with pytest.raises(ApplicationError):
        services.network_attendance_record(
            actor=cast.alice, meeting=meeting, attended=[cast.bob_enrolment.pk]
        )
    _to_the_past(meeting)
    client = login(cast.alice)
    url = f"/training/network/{meeting.pk}/attendance/"
    body = body_of(client.get(url))
    assert "Otto Olsson" in body
    response = client.post(url, {"attended": [str(cast.bob_enrolment.pk)]})
    assert response.status_code == 302
    assert list(NetworkAttendance.objects.values_list("enrolment__user_id", flat=True)) == [
        cast.bob.pk
    ]
    body = body_of(client.get(f"/training/programmes/{cast.programme.pk}/"))
    assert "1 mentor" in body
    # Bob was there, Otto was not: each sees it on his own page.
    body = body_of(login(cast.bob).get("/training/"))
    assert "Past network meetings" in body
    assert "Equality" in body
    past = selectors.my_network_meetings(user=otto)["past"]
    assert [(r["meeting"].pk, r["attended"]) for r in past] == [(meeting.pk, False)]


def test_only_the_programmes_mentors_can_be_recorded(cast: Cast) -> None:
    meeting = _meeting(cast)
    _to_the_past(meeting)
    with pytest.raises(ApplicationError):
        services.network_attendance_record(
            actor=cast.alice, meeting=meeting, attended=[cast.dana_enrolment.pk]
        )
    assert not NetworkAttendance.objects.exists()


@pytest.mark.parametrize("who", ["bob", "dana", "mona", "charlie"])
def test_others_cannot_record_attendance(cast: Cast, login: Any, who: str) -> None:
    meeting = _meeting(cast)
    _to_the_past(meeting)
    client = login(getattr(cast, who))
    url = f"/training/network/{meeting.pk}/attendance/"
    body_of(client.get(url), 404)
    body_of(client.post(url, {"attended": [str(cast.bob_enrolment.pk)]}), 404)
    with pytest.raises(NotAllowed):
        services.network_attendance_record(
            actor=getattr(cast, who), meeting=meeting, attended=[cast.bob_enrolment.pk]
        )
    assert not NetworkAttendance.objects.exists()


def test_the_mentor_sees_the_upcoming_meeting(cast: Cast, login: Any) -> None:
    _meeting(cast)
    body = body_of(login(cast.bob).get("/training/"))
    assert "Upcoming network meetings" in body
    assert "Kommunhuset, sal 2" in body
    assert "Erfarenheter" in body


def test_a_mentor_of_another_programme_sees_nothing_of_the_meeting(cast: Cast, login: Any) -> None:
    from smile.accounts.services import membership_create
    from smile.core.actor import SYSTEM
    from smile.organisations.choices import Role
    from smile.programmes.services import enrolment_create

    _meeting(cast)
    vera = make_user("vera@vard.example", "Vera Vård")
    membership_create(
        actor=SYSTEM, user=vera, organisation=cast.care, role=Role.MENTOR, workplace=cast.care_home
    )
    enrolment_create(
        actor=SYSTEM,
        programme=cast.other_programme,
        user=vera,
        role="mentor",
        workplace=cast.care_home,
        starts_on=date(2026, 8, 10),
    )
    body = body_of(login(vera).get("/training/"))
    assert "Kommunhuset, sal 2" not in body
    assert "No network meeting is planned." in body
    body_of(login(cast.charlie).get(f"/training/programmes/{cast.other_programme.pk}/"))


def test_the_demo_gives_johan_ratings_and_the_programme_a_network_meeting(cast: Cast) -> None:
    from smile.training.demo import load_training_demo

    load_training_demo(mentors={"johan": cast.bob_enrolment}, coordinator=cast.alice)
    load_training_demo(mentors={"johan": cast.bob_enrolment}, coordinator=cast.alice)
    assert SelfRating.objects.filter(user=cast.bob).count() == 1
    view = CoordinatorView.objects.get()
    assert (view.enrolment, view.given_by, view.equality) == (cast.bob_enrolment, cast.alice, 3)
    meeting = NetworkMeeting.objects.get()
    assert meeting.programme == cast.programme
    assert meeting.themes == ["inclusion", "learning"]
    assert meeting.starts_at > timezone.now()


def test_the_pages_read_in_a_fixed_number_of_queries(
    cast: Cast, django_assert_num_queries: Any
) -> None:
    from smile.organisations.access import scope_of

    # The person's scope (her memberships) is read once per request and kept.
    scope = scope_of(cast.bob)
    assert scope is not None and scope.coordinating == set()
    for day in range(1, 3):
        _log(cast, cast.dana, date(2026, 9, day), 4)
        services.self_rating_save(actor=cast.bob, ratings=ALL_FOUR)
    _meeting(cast)
    with django_assert_num_queries(4):
        # self-ratings, goals, check-ins, the coordinator's latest view
        selectors.development_profile(user=cast.bob)
    with django_assert_num_queries(2):
        # meetings, her attendance
        selectors.my_network_meetings(user=cast.bob)
    for day in range(3, 6):
        _log(cast, cast.dana, date(2026, 9, day), 3)
        _meeting(cast, themes=["support"])
    with django_assert_num_queries(4):
        selectors.development_profile(user=cast.bob)
    with django_assert_num_queries(2):
        selectors.my_network_meetings(user=cast.bob)
