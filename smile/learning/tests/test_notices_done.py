"""Learning's "please sign / please confirm" notices finish themselves: when the plan is signed in
her role, the practice answered, the hours confirmed or the review signed, by her or by anyone
else entitled, the notice is done for everyone who got it, and leaves the bell's count."""

from datetime import date, timedelta

from django.utils import timezone

from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.learning.hours.tasks import hours_reminders_send
from smile.learning.models import Level, PlanStatus
from smile.learning.plans import services as plans
from smile.learning.practice import services as practice
from smile.learning.reviews.services import review_hold, review_schedule, review_sign
from smile.learning.tests.plans_fixtures import build_course
from smile.learning.tests.reviews_fixtures import entry
from smile.notifications.models import Kind, Notification
from smile.notifications.selectors import unread_count
from smile.organisations.choices import Role
from tests.cast import Cast, make_user
from tests.pages import body_of


def open_notices(kind: str) -> list[str]:
    """Who still has an open notice of this kind, by e-mail address."""
    return sorted(
        Notification.objects.filter(kind=kind, done_at__isnull=True).values_list(
            "recipient__email", flat=True
        )
    )


def test_signing_the_plan_clears_her_please_sign_notice_and_only_hers(cast: Cast, login) -> None:
    course = build_course(cast)
    plan = plans.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    plans.plan_objectives_set(plan=plan, by=cast.tess, items=[(course.m1, date(2027, 1, 15))])
    # Tess chose the objectives: Dana and Bob are asked to sign, one notice each.
    assert open_notices(Kind.PLAN_TO_SIGN) == ["bob@gjuteri.example", "dana@elev.example"]
    assert (unread_count(user=cast.dana), unread_count(user=cast.bob)) == (1, 1)
    client = login(cast.dana)
    assert "Notifications, 1 unread" in body_of(client.get("/learning/my-plan/"))

    response = client.post(
        f"/learning/adepts/{cast.dana_enrolment.pk}/plan/sign/", {"version": "1"}
    )
    assert response.status_code == 302
    # Her notice is done: the bell says 0; Bob's (his role has not signed) is still open.
    assert open_notices(Kind.PLAN_TO_SIGN) == ["bob@gjuteri.example"]
    assert (unread_count(user=cast.dana), unread_count(user=cast.bob)) == (0, 1)
    content = body_of(client.get("/notifications/"))
    assert "Notifications, 0 unread" in content
    assert '<strong class="notice-done">Done</strong>' in content

    plans.plan_sign(plan=plan, by=cast.bob)
    plans.plan_sign(plan=plan, by=cast.tess)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SIGNED
    assert open_notices(Kind.PLAN_TO_SIGN) == []
    assert Notification.objects.filter(kind=Kind.PLAN_TO_SIGN).count() == 2


def test_a_refused_signature_leaves_the_notice_open(cast: Cast, login) -> None:
    course = build_course(cast)
    plan = plans.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    plans.plan_objectives_set(plan=plan, by=cast.tess, items=[(course.m1, date(2027, 1, 15))])
    # She read version 2, which does not exist: the service refuses, nothing is done.
    response = login(cast.dana).post(
        f"/learning/adepts/{cast.dana_enrolment.pk}/plan/sign/", {"version": "2"}
    )
    assert response.status_code == 302
    assert open_notices(Kind.PLAN_TO_SIGN) == ["bob@gjuteri.example", "dana@elev.example"]
    assert unread_count(user=cast.dana) == 1


def test_the_mentor_answering_practice_clears_his_notice(cast: Cast, login) -> None:
    course = build_course(cast)
    logged = practice.practice_entry_create(
        enrolment=cast.dana_enrolment,
        by=cast.dana,
        done_on=timezone.localdate(),
        task=None,
        objective=course.m1,
        note="Jag mätte formen",
        photo=None,
        self_level=Level.INTRODUCED,
    )
    assert open_notices(Kind.PRACTICE_TO_CONFIRM) == ["bob@gjuteri.example"]
    assert unread_count(user=cast.bob) == 1
    response = login(cast.bob).post(
        f"/learning/practice/{logged.pk}/confirm/",
        {f"confirm-{logged.pk}-mentor_level": "2", f"confirm-{logged.pk}-comment": ""},
    )
    assert response.status_code == 302
    assert open_notices(Kind.PRACTICE_TO_CONFIRM) == []
    assert unread_count(user=cast.bob) == 0
    # Dana hears the answer (a notice that asks nothing: no subject, nothing to finish).
    answer = Notification.objects.get(kind=Kind.PRACTICE_ANSWERED)
    assert (answer.recipient, answer.subject, answer.done_at) == (cast.dana, "", None)


def test_practice_deleted_by_the_adept_clears_the_mentors_notice(cast: Cast) -> None:
    logged = practice.practice_entry_create(
        enrolment=cast.dana_enrolment,
        by=cast.dana,
        done_on=timezone.localdate(),
        task=None,
        objective=None,
        note="Fel dag",
        photo=None,
        self_level=Level.INTRODUCED,
    )
    practice.practice_entry_delete(entry=logged, by=cast.dana)
    assert open_notices(Kind.PRACTICE_TO_CONFIRM) == []
    assert unread_count(user=cast.bob) == 0


def test_hours_confirmed_by_another_teacher_clear_the_reminder_for_both(cast: Cast, login) -> None:
    tom = make_user("tom@larcentrum.example", "Tom Tran")
    membership_create(actor=SYSTEM, user=tom, organisation=cast.school, role=Role.TEACHER)
    day = date(2026, 10, 14)
    school = entry(cast.dana_enrolment, day, "13:00", "15:00", kind="theory")
    work = entry(cast.dana_enrolment, day, "08:00", "12:00")
    old = timezone.now() - timedelta(days=4)
    type(school).objects.filter(pk__in=[school.pk, work.pk]).update(created_at=old)
    assert hours_reminders_send.call() == 3
    assert open_notices(Kind.HOURS_TO_CONFIRM) == [
        "bob@gjuteri.example",
        "tess@larcentrum.example",
        "tom@larcentrum.example",
    ]
    assert (unread_count(user=cast.tess), unread_count(user=tom)) == (1, 1)

    response = login(tom).post("/learning/hours/confirm/", {"entry": school.pk})
    assert response.status_code == 302
    # The theory hours are confirmed: both teachers' reminders are done; Bob's workplace hours
    # still wait for him.
    assert open_notices(Kind.HOURS_TO_CONFIRM) == ["bob@gjuteri.example"]
    assert (unread_count(user=cast.tess), unread_count(user=tom)) == (0, 0)

    response = login(cast.bob).post("/learning/hours/confirm/", {"entry": work.pk})
    assert response.status_code == 302
    assert open_notices(Kind.HOURS_TO_CONFIRM) == []


def test_a_refused_confirmation_clears_nothing(cast: Cast, login) -> None:
    work = entry(cast.dana_enrolment, date(2026, 10, 14), "08:00", "12:00")
    type(work).objects.filter(pk=work.pk).update(created_at=timezone.now() - timedelta(days=4))
    assert hours_reminders_send.call() == 1
    # Tess is a teacher: workplace hours are the mentor's to confirm.
    response = login(cast.tess).post("/learning/hours/confirm/", {"entry": work.pk})
    assert response.status_code == 302
    assert open_notices(Kind.HOURS_TO_CONFIRM) == ["bob@gjuteri.example"]


def test_each_signature_of_a_review_clears_the_signers_notice_and_the_last_all(
    cast: Cast, login
) -> None:
    review = review_schedule(
        enrolment=cast.dana_enrolment,
        by=cast.tess,
        scheduled_for=timezone.now(),
        place="Formning",
        agenda="Hur går det?",
    )
    assert open_notices(Kind.REVIEW_PLANNED) == ["bob@gjuteri.example", "dana@elev.example"]
    review_hold(review=review, by=cast.tess, notes="Gick bra", next_steps="Öva mer")
    response = login(cast.dana).post(f"/learning/reviews/{review.pk}/sign/")
    assert response.status_code == 302
    assert open_notices(Kind.REVIEW_PLANNED) == ["bob@gjuteri.example"]
    assert (unread_count(user=cast.dana), unread_count(user=cast.bob)) == (0, 1)
    review_sign(review=review, by=cast.bob)
    assert open_notices(Kind.REVIEW_PLANNED) == []
    review_sign(review=review, by=cast.tess)
    assert open_notices(Kind.REVIEW_PLANNED) == []
