"""Notices that finish themselves: a notice that asks for something names the thing (`subject`);
`finish` marks every open notice about it done in one UPDATE; a done notice leaves the bell's
count and the "to do" list and stays in the history, marked done. Old read or done notices age
out; an unread open one stays."""

from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.core.jobs import discover_periodic_jobs
from smile.notifications import services, tasks
from smile.notifications.models import Kind, Notification
from smile.notifications.selectors import notification_list, to_do_count, unread_count
from smile.notifications.services import Notice, finish, notify, notify_many, subject_key
from tests.cast import Cast
from tests.pages import body_of

SIGN = "learning.learningplan:42:sign:adept"


def ask(user: Any, subject: str = SIGN, name: str = "Dana Darwish") -> Notification:
    notice = notify(
        recipient=user,
        kind=Kind.PLAN_TO_SIGN,
        params={"name": name, "version": 1},
        url="/learning/my-plan/",
        subject=subject,
    )
    assert notice is not None
    return notice


def tell(user: Any) -> Notification:
    notice = notify(
        recipient=user, kind=Kind.MEETING_CONFIRMED, params={"name": "Bob Berg"}, url="/x/"
    )
    assert notice is not None
    return notice


def test_the_subject_names_the_model_the_row_and_what_is_asked(cast: Cast) -> None:
    assert subject_key(cast.pair, "answer", "adept") == f"matching.pair:{cast.pair.pk}:answer:adept"
    assert subject_key(cast.dana_enrolment, "confirm-hours") == (
        f"programmes.enrolment:{cast.dana_enrolment.pk}:confirm-hours"
    )
    make = services.subject_maker(Notification, "do")
    assert make(7) == "notifications.notification:7:do"


def test_finish_marks_every_open_notice_about_the_thing_done_in_one_update(
    cast: Cast, django_assert_num_queries
) -> None:
    for_dana, for_bob = ask(cast.dana), ask(cast.bob)
    other = ask(cast.dana, subject="learning.learningplan:43:sign:adept")
    news = tell(cast.dana)
    with django_assert_num_queries(1):
        assert finish(subject=SIGN) == 2
    done = dict(Notification.objects.values_list("pk", "done_at"))
    assert done[for_dana.pk] is not None and done[for_bob.pk] is not None
    assert done[other.pk] is None and done[news.pk] is None
    # Again: nothing is open about it any more, and the first time stays the time it was done.
    with django_assert_num_queries(1):
        assert finish(subject=SIGN) == 0
    assert Notification.objects.get(pk=for_dana.pk).done_at == done[for_dana.pk]


def test_finish_for_one_recipient_leaves_the_others_open(cast: Cast) -> None:
    for_dana, for_bob = ask(cast.dana), ask(cast.bob)
    assert finish(subject=SIGN, recipient=cast.dana) == 1
    assert Notification.objects.get(pk=for_dana.pk).done_at is not None
    assert Notification.objects.get(pk=for_bob.pk).done_at is None


def test_finish_takes_several_subjects_and_ignores_an_empty_one(
    cast: Cast, django_assert_num_queries
) -> None:
    ask(cast.dana)
    ask(cast.dana, subject="x:1:y")
    tell(cast.dana)  # no subject: never finished by an empty key
    with django_assert_num_queries(0):
        assert finish(subject="") == 0
        assert finish(subject=[]) == 0
    with django_assert_num_queries(1):
        assert finish(subject=[SIGN, "", "x:1:y"]) == 2
    assert Notification.objects.filter(done_at__isnull=True).count() == 1


def test_notify_many_keeps_each_notices_subject(cast: Cast) -> None:
    notify_many(
        notices=[
            Notice(recipient_id=cast.bob.pk, kind=Kind.ACTION_DUE, params={}, subject="a:1:do"),
            Notice(recipient_id=cast.dana.pk, kind=Kind.ACTION_DUE, params={}),
        ]
    )
    assert sorted(Notification.objects.values_list("recipient__email", "subject")) == [
        ("bob@gjuteri.example", "a:1:do"),
        ("dana@elev.example", ""),
    ]


def test_a_done_notice_leaves_the_count_and_the_to_do_list_but_stays_in_the_history(
    cast: Cast,
) -> None:
    asked = ask(cast.dana)
    tell(cast.dana)
    assert (unread_count(user=cast.dana), to_do_count(user=cast.dana)) == (2, 1)
    assert list(notification_list(user=cast.dana, to_do=True)) == [asked]
    finish(subject=SIGN)
    assert (unread_count(user=cast.dana), to_do_count(user=cast.dana)) == (1, 0)
    assert list(notification_list(user=cast.dana, to_do=True)) == []
    assert len(notification_list(user=cast.dana)) == 2


def test_the_list_marks_done_notices_and_filters_what_waits(cast: Cast, login) -> None:
    cast.dana.preferred_language = "en"
    cast.dana.save()
    waiting = ask(cast.dana, subject="learning.learningplan:1:sign:adept", name="Waiting Plan")
    done = ask(cast.dana, name="Done Plan")
    tell(cast.dana)
    finish(subject=SIGN)
    client = login(cast.dana)
    content = body_of(client.get("/notifications/"))
    # Two unread (the done one is not counted), one to do.
    assert "Notifications, 2 unread" in content
    assert '<span class="bell-count" aria-hidden="true">2</span>' in content
    assert "To do (1)" in content
    assert content.count('<strong class="notice-done">Done</strong>') == 1
    assert content.count('<strong class="notice-new">Unread</strong>') == 2
    done_row = content[content.index("Done Plan") - 600 : content.index("Done Plan")]
    assert f"/notifications/{done.pk}/read/" in done_row and "notice-done" in done_row
    assert content.count("· waits for you</p>") == 1

    content = body_of(client.get("/notifications/?show=todo"))
    assert "Waiting Plan" in content and "Done Plan" not in content
    assert f"/notifications/{waiting.pk}/read/" in content
    assert content.count("notice-open") == 1

    finish(subject="learning.learningplan:1:sign:adept")
    content = body_of(client.get("/notifications/?show=todo"))
    assert "Nothing waits for you." in content and "To do (0)" in content


def test_the_to_do_list_is_only_her_own(cast: Cast, login) -> None:
    ask(cast.bob, name="For Bob")
    content = body_of(login(cast.dana).get("/notifications/?show=todo"))
    assert "For Bob" not in content and "To do (0)" in content


# --- ageing --------------------------------------------------------------------------------------


def test_the_ageing_job_runs_daily() -> None:
    job = discover_periodic_jobs()[tasks.notifications_age_out.module_path]
    assert job.every == timedelta(hours=24)


def test_the_retention_is_180_days_unless_set() -> None:
    from django.conf import settings

    assert settings.NOTIFICATION_RETENTION_DAYS == 180


def aged(notice: Notification, days: int, **fields: Any) -> Notification:
    Notification.objects.filter(pk=notice.pk).update(
        created_at=timezone.now() - timedelta(days=days), **fields
    )
    return notice


def test_old_read_or_done_notices_age_out_and_unread_open_ones_stay(
    cast: Cast, settings, monkeypatch, django_assert_num_queries
) -> None:
    settings.NOTIFICATION_RETENTION_DAYS = 30
    monkeypatch.setattr(tasks, "AGE_OUT_BATCH", 2)
    long_ago = datetime(2020, 1, 1, tzinfo=UTC)
    old_read = aged(tell(cast.dana), 31, read_at=long_ago)
    old_done = aged(ask(cast.dana), 40, done_at=long_ago)
    old_email_only = aged(tell(cast.bob), 100, in_app=False)
    old_unread = aged(tell(cast.dana), 400)
    old_open = aged(ask(cast.bob), 400)
    young_read = aged(tell(cast.dana), 29, read_at=long_ago)
    young_done = aged(ask(cast.dana), 1, done_at=long_ago)
    # Three to delete, two a batch: two DELETEs, the second finding fewer than two.
    with django_assert_num_queries(2):
        assert tasks.notifications_age_out.call() == 3
    assert set(Notification.objects.values_list("pk", flat=True)) == {
        old_unread.pk,
        old_open.pk,
        young_read.pk,
        young_done.pk,
    }
    assert not Notification.objects.filter(
        pk__in=[old_read.pk, old_done.pk, old_email_only.pk]
    ).exists()
    # A second run finds nothing more: one DELETE of nothing.
    with django_assert_num_queries(1):
        assert tasks.notifications_age_out.call() == 0


def test_the_ageing_job_uses_a_fixed_number_of_queries_for_any_number_of_rows(
    cast: Cast, settings, monkeypatch, django_assert_num_queries
) -> None:
    monkeypatch.setattr(tasks, "AGE_OUT_BATCH", 50)
    for _ in range(7):
        aged(tell(cast.dana), 200, read_at=timezone.now())
    # Seven rows, fewer than one batch: one DELETE.
    with django_assert_num_queries(1):
        assert tasks.notifications_age_out.call() == 7
    assert not Notification.objects.exists()


def test_the_list_reads_a_fixed_number_of_queries(cast: Cast, login) -> None:
    for number in range(3):
        ask(cast.dana, subject=f"learning.learningplan:{number}:sign:adept")
        tell(cast.dana)
    client = login(cast.dana)
    counts = []
    for path in ("/notifications/", "/notifications/?show=todo"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        counts.append(len(queries))
    # The page shell (5: session, user, memberships, enrolment roles, the bell's unread count);
    # the list's count (1) and its page of notices (1); on "all notices" also the "to do" count
    # (1), which the "to do" list takes from its own count.
    assert counts == [5 + 3, 5 + 2]
