"""Three-party reviews: who plans, holds and signs; the agenda from the plan; the pages."""

from datetime import UTC, date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.accounts.models import User
from smile.core.errors import ApplicationError
from smile.learning.models import Review, ReviewSignature, ReviewStatus
from smile.learning.reviews import selectors
from smile.learning.reviews.services import review_hold, review_schedule, review_sign
from smile.learning.tests.reviews_fixtures import at, dana_plan, other_mentor
from smile.notifications.models import Kind, Notification
from tests.cast import Cast
from tests.pages import body_of


def plan_review(cast: Cast, *, days: int = 0, by: User | None = None) -> Review:
    return review_schedule(
        enrolment=cast.dana_enrolment,
        by=by or cast.tess,
        scheduled_for=at(timezone.localdate() + timedelta(days=days), 23)
        if days
        else timezone.now(),
        place="Formning",
        agenda="Agenda",
    )


def held_review(cast: Cast) -> Review:
    review = plan_review(cast)
    return review_hold(review=review, by=cast.tess, notes="Gick bra", next_steps="Öva mer")


# --- planning --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["tess", "bob", "alice"])
def test_her_teacher_mentor_or_coordinator_plans_a_review(cast: Cast, name: str) -> None:
    review = plan_review(cast, days=3, by=getattr(cast, name))
    assert (review.status, review.created_by, review.place) == (
        ReviewStatus.PLANNED,
        getattr(cast, name),
        "Formning",
    )


def test_the_others_of_the_three_are_told_not_the_planner(cast: Cast) -> None:
    review = plan_review(cast, days=3, by=cast.bob)
    rows = Notification.objects.filter(kind=Kind.REVIEW_PLANNED).order_by("recipient__email")
    assert [(n.recipient.email, n.url) for n in rows] == [
        ("dana@elev.example", f"/learning/reviews/{review.pk}/"),
        ("tess@larcentrum.example", f"/learning/reviews/{review.pk}/"),
    ]
    assert rows[0].params == {
        "starts_at": review.scheduled_for.astimezone(UTC).isoformat(),
        "place": "Formning",
    }


@pytest.mark.parametrize("name", ["dana", "erin", "charlie", "mona"])
def test_no_one_else_plans_a_review(cast: Cast, name: str) -> None:
    with pytest.raises(ApplicationError, match="Only her teacher"):
        plan_review(cast, days=3, by=getattr(cast, name))
    assert not Review.objects.exists()


def test_a_review_cannot_be_planned_for_a_past_day(cast: Cast) -> None:
    with pytest.raises(ApplicationError, match="today or a later day"):
        plan_review(cast, days=-1)


def test_the_agenda_lists_the_plan_late_objectives_first_and_the_questions(cast: Cast) -> None:
    today = date(2026, 12, 6)  # targets: 5 days before (late) and 30 days after
    dana_plan(cast, today)
    assert selectors.default_agenda(cast.dana_enrolment, today).splitlines() == [
        "Objectives in the plan:",
        "- M2 Läsa en ritning – Practised with support – target 1 Dec 2026 – late",
        "- M1 Mäta med skjutmått – Introduced – target 5 Jan 2027",
        "- M3 Kontrollera gods – Not started",
        "",
        "What went well?",
        "What is hard?",
        "What do we do next?",
    ]


def test_the_next_review_is_due_eight_weeks_after_the_start_then_after_the_last_held(
    cast: Cast,
) -> None:
    start = cast.dana_enrolment.starts_on
    assert selectors.next_review_due(cast.dana_enrolment) == start + timedelta(weeks=8)
    held_review(cast)
    assert selectors.next_review_due(cast.dana_enrolment) == timezone.localdate() + timedelta(
        weeks=8
    )


# --- holding and signing ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["dana", "bob", "tess"])
def test_any_of_the_three_holds_it(cast: Cast, name: str) -> None:
    review = review_hold(
        review=plan_review(cast), by=getattr(cast, name), notes=" Bra ", next_steps="Mer"
    )
    assert (review.status, review.notes, review.next_steps) == (ReviewStatus.HELD, "Bra", "Mer")
    assert review.held_at is not None


def test_the_coordinator_does_not_hold_it(cast: Cast) -> None:
    review = plan_review(cast)
    with pytest.raises(ApplicationError, match="Only the adept, her mentor or her teacher"):
        review_hold(review=review, by=cast.alice, notes="x", next_steps="y")


def test_a_review_of_a_later_day_is_not_held_yet(cast: Cast) -> None:
    review = plan_review(cast, days=2)
    with pytest.raises(ApplicationError, match="later day"):
        review_hold(review=review, by=cast.tess, notes="x", next_steps="y")


def test_notes_and_next_steps_are_needed(cast: Cast) -> None:
    review = plan_review(cast)
    with pytest.raises(ApplicationError, match="next steps") as error:
        review_hold(review=review, by=cast.tess, notes="x", next_steps="  ")
    assert error.value.field == "next_steps"


def test_the_three_sign_one_each_and_then_it_is_signed(cast: Cast) -> None:
    review = held_review(cast)
    review_sign(review=review, by=cast.tess)
    review_sign(review=review, by=cast.dana)
    review.refresh_from_db()
    assert review.status == ReviewStatus.HELD
    review_sign(review=review, by=cast.bob)
    review.refresh_from_db()
    assert review.status == ReviewStatus.SIGNED
    assert sorted(review.signatures.values_list("role", "user__email")) == [
        ("adept", "dana@elev.example"),
        ("mentor", "bob@gjuteri.example"),
        ("teacher", "tess@larcentrum.example"),
    ]
    with pytest.raises(ApplicationError, match="cannot be changed"):
        review_hold(review=review, by=cast.tess, notes="new", next_steps="new")
    with pytest.raises(ApplicationError, match="cannot be changed"):
        review_sign(review=review, by=cast.tess)


def test_nobody_signs_twice_and_others_do_not_sign(cast: Cast) -> None:
    review = held_review(cast)
    review_sign(review=review, by=cast.bob)
    with pytest.raises(ApplicationError, match="already signed"):
        review_sign(review=review, by=cast.bob)
    for outsider in (cast.alice, cast.erin, cast.charlie):
        with pytest.raises(ApplicationError, match="one each"):
            review_sign(review=review, by=outsider)
    assert review.signatures.count() == 1


def test_a_planned_review_is_not_signed(cast: Cast) -> None:
    with pytest.raises(ApplicationError, match="Write down the review first"):
        review_sign(review=plan_review(cast), by=cast.dana)


def test_changed_notes_take_the_signatures_away(cast: Cast) -> None:
    review = held_review(cast)
    review_sign(review=review, by=cast.dana)
    review_hold(review=review, by=cast.tess, notes="Gick bra", next_steps="Öva mer")
    assert review.signatures.count() == 1  # the same words: the signature stays
    review_hold(review=review, by=cast.tess, notes="Gick bättre", next_steps="Öva mer")
    assert review.signatures.count() == 0


# --- pages -----------------------------------------------------------------------------------


def schedule_url(cast: Cast) -> str:
    return f"/learning/adepts/{cast.dana_enrolment.pk}/reviews/new/"


def test_the_schedule_form_is_prefilled_with_the_due_date_and_the_agenda(cast: Cast, login) -> None:
    dana_plan(cast, timezone.localdate())
    response = login(cast.tess).get(schedule_url(cast))
    page = response.content.decode()
    assert response.status_code == 200
    due = cast.dana_enrolment.starts_on + timedelta(weeks=8)  # 5 October: overdue
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert f'value="{max(due, tomorrow).isoformat()}T10:00"' in page
    assert "Next review is due by 5 Oct 2026." in page
    assert "M2 Läsa en ritning – Practised with support" in page
    assert "What went well?" in page


def test_tess_plans_a_review_through_the_form(cast: Cast, login) -> None:
    day = timezone.localdate() + timedelta(days=3)
    response = login(cast.tess).post(
        schedule_url(cast),
        {"scheduled_for": f"{day.isoformat()}T09:30", "place": "Rum 4", "agenda": "Frågor"},
    )
    review = Review.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/learning/reviews/{review.pk}/"
    assert (review.place, review.agenda, timezone.localtime(review.scheduled_for).hour) == (
        "Rum 4",
        "Frågor",
        9,
    )


def test_a_past_day_is_refused_and_what_was_typed_is_kept(cast: Cast, login) -> None:
    response = login(cast.tess).post(
        schedule_url(cast),
        {"scheduled_for": "2026-01-05T09:30", "place": "Rum 4", "agenda": "Mina frågor"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Please choose today or a later day." in page
    assert "Mina frågor" in page and 'value="Rum 4"' in page
    assert not Review.objects.exists()


@pytest.mark.parametrize("name", ["dana", "charlie", "mona", "erin"])
def test_others_cannot_open_the_schedule_form(cast: Cast, login, name: str) -> None:
    client = login(getattr(cast, name))
    assert client.get(schedule_url(cast)).status_code == 404
    day = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(schedule_url(cast), {"scheduled_for": f"{day}T09:30"})
    assert response.status_code == 404
    assert not Review.objects.exists()


def test_a_mentor_of_another_workplace_sees_nothing(cast: Cast, login) -> None:
    max_ = other_mentor(cast)
    review = held_review(cast)
    client = login(max_)
    assert client.get(schedule_url(cast)).status_code == 404
    assert client.get(f"/learning/reviews/{review.pk}/").status_code == 404
    assert client.post(f"/learning/reviews/{review.pk}/sign/").status_code == 404
    response = client.post(
        f"/learning/reviews/{review.pk}/hold/", {"notes": "x", "next_steps": "y"}
    )
    assert response.status_code == 404
    review.refresh_from_db()
    assert (review.notes, review.signatures.count()) == ("Gick bra", 0)


def test_the_review_page_shows_the_sign_button_for_the_readers_role(cast: Cast, login) -> None:
    review = held_review(cast)
    page = body_of(login(cast.bob).get(f"/learning/reviews/{review.pk}/"))
    assert "Sign as the mentor" in page
    assert "Still to sign: Adept, Mentor, Teacher" in page
    response = login(cast.bob).post(f"/learning/reviews/{review.pk}/sign/")
    assert response.status_code == 302
    page = body_of(login(cast.bob).get(f"/learning/reviews/{review.pk}/"))
    assert "Sign as the mentor" not in page
    assert "Mentor: <bdi>Bob Berg</bdi>" in page


def test_holding_through_the_page_and_a_blank_field(cast: Cast, login) -> None:
    review = plan_review(cast)
    client = login(cast.dana)
    response = client.post(
        f"/learning/reviews/{review.pk}/hold/", {"notes": "Det gick bra", "next_steps": ""}
    )
    assert response.status_code == 200
    assert "Det gick bra" in response.content.decode()
    assert "This field is required." in response.content.decode()
    review.refresh_from_db()
    assert review.status == ReviewStatus.PLANNED
    response = client.post(
        f"/learning/reviews/{review.pk}/hold/", {"notes": "Det gick bra", "next_steps": "Öva"}
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.status, review.next_steps) == (ReviewStatus.HELD, "Öva")


@pytest.mark.parametrize("name", ["charlie", "mona", "erin"])
def test_outsiders_get_not_found_on_the_review(cast: Cast, login, name: str) -> None:
    review = held_review(cast)
    client = login(getattr(cast, name))
    assert client.get(f"/learning/reviews/{review.pk}/").status_code == 404
    assert client.post(f"/learning/reviews/{review.pk}/sign/").status_code == 404
    assert not ReviewSignature.objects.exists()


def test_a_get_does_not_sign(cast: Cast, login) -> None:
    review = held_review(cast)
    assert login(cast.dana).get(f"/learning/reviews/{review.pk}/sign/").status_code == 405


def test_the_review_page_reads_the_same_queries_for_2_and_3_signatures(cast: Cast, login) -> None:
    review = held_review(cast)
    review_sign(review=review, by=cast.dana)
    client = login(cast.tess)
    url = f"/learning/reviews/{review.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    review_sign(review=review, by=cast.bob)
    review_sign(review=review, by=cast.tess)
    with CaptureQueriesContext(connection) as three:
        assert client.get(url).status_code == 200
    assert len(three) == len(one)


def test_the_adept_page_panel_reads_the_same_queries_for_2_and_10_reviews(
    cast: Cast, login
) -> None:
    client = login(cast.tess)
    url = f"/learning/adepts/{cast.dana_enrolment.pk}/"
    for _ in range(2):
        plan_review(cast, days=2)
    with CaptureQueriesContext(connection) as two:
        page = body_of(client.get(url))
    assert page.count('href="/learning/reviews/') == 2
    for _ in range(8):
        plan_review(cast, days=2)
    with CaptureQueriesContext(connection) as ten:
        page = body_of(client.get(url))
    assert page.count('href="/learning/reviews/') == 10
    assert len(ten) == len(two)


def test_homes_show_the_next_review_and_those_waiting_for_my_signature(cast: Cast, login) -> None:
    planned = plan_review(cast, days=4)
    held = held_review(cast)
    review_sign(review=held, by=cast.tess)
    bob_home = body_of(login(cast.bob).get("/home/mentor/"))
    assert f'href="/learning/reviews/{held.pk}/"' in bob_home
    assert f'href="/learning/reviews/{planned.pk}/"' in bob_home
    assert "Waiting for your signature" in bob_home
    tess_home = body_of(login(cast.tess).get("/home/teacher/"))
    assert "Waiting for your signature" not in tess_home
    assert f'href="/learning/reviews/{planned.pk}/"' in tess_home


def test_homes_of_people_with_no_reviews_show_no_panel(cast: Cast, login) -> None:
    plan_review(cast, days=4)
    max_ = other_mentor(cast)
    page = body_of(login(max_).get("/home/mentor/"))
    assert "reviews-home-heading" not in page
