"""notify_many: many notices in a fixed number of queries, each person's choice honoured, one
e-mail task that sends each in its reader's language; the once-a-day count per programme."""

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from smile.accounts.models import User
from smile.core.tests.worker import run_worker
from smile.notifications.models import Kind, Notification
from smile.notifications.services import (
    Notice,
    daily_counts_notify,
    notification_settings_update,
    notify_many,
)
from smile.notifications.tasks import send_notification_emails
from tests.cast import Cast, make_user

ARABIC = re.compile("[\u0600-\u06ff]")


def reminder(user: User) -> Notice:
    return Notice(
        recipient_id=user.pk,
        kind=Kind.REFLECTION_ASKED,
        params={"name": "Bob Berg"},
        url="/mentoring/pairs/1/reflection/",
    )


# notify_many, in the test's transaction:
#   1 the recipients' notification settings for these kinds
#   2 INSERT of all the notifications (one executemany)
#   3 the notifications made (their ids, for the e-mail task and the caller)
#   4 after the commit: one e-mail task for them all
@pytest.mark.parametrize("n", [2, 5])
def test_the_queries_are_the_same_for_2_and_5_recipients(
    cast: Cast, n: int, django_assert_num_queries, django_capture_on_commit_callbacks
) -> None:
    people = [make_user(f"p{i}@elev.example", f"Person {i}") for i in range(n)]
    with django_assert_num_queries(4), django_capture_on_commit_callbacks(execute=True):
        made = notify_many(notices=[reminder(person) for person in people])
    rows = Notification.objects.order_by("pk")
    assert [row.pk for row in rows] == made
    assert [row.recipient_id for row in rows] == [person.pk for person in people]
    [task] = DBTaskResult.objects.all()
    assert task.args_kwargs["args"] == [made]


def test_nothing_to_tell_reads_nothing(db: None, django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        assert notify_many(notices=[]) == []


def test_each_persons_choice_is_honoured(cast: Cast, django_capture_on_commit_callbacks) -> None:
    notification_settings_update(user=cast.bob, in_app=[], email=[])  # nothing at all
    notification_settings_update(user=cast.erin, in_app=[Kind.REFLECTION_ASKED], email=[])
    with django_capture_on_commit_callbacks(execute=True):
        made = notify_many(notices=[reminder(u) for u in (cast.bob, cast.dana, cast.erin)])
    rows = Notification.objects.order_by("pk")
    assert [(row.recipient, row.in_app, row.email) for row in rows] == [
        (cast.dana, True, True),
        (cast.erin, True, False),
    ]
    assert made == [row.pk for row in rows]
    [task] = DBTaskResult.objects.all()
    assert task.args_kwargs["args"] == [[made[0]]]  # only dana's goes by e-mail


# The worker commits, as in production.
@pytest.mark.django_db(transaction=True)
def test_the_worker_emails_each_in_her_language_once(cast: Cast) -> None:
    notify_many(notices=[reminder(cast.dana), reminder(cast.erin)])
    run_worker()
    by_address = {message.to[0]: str(message.body) for message in mail.outbox}
    assert sorted(by_address) == ["dana@elev.example", "erin@elev.example"]
    assert ARABIC.search(by_address["dana@elev.example"])
    assert by_address["erin@elev.example"].startswith("Hej Erin")
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    # A late duplicate of the task finds them sent.
    ids = list(Notification.objects.values_list("pk", flat=True))
    assert send_notification_emails.call(ids) == 0
    assert len(mail.outbox) == 2


class RefusesErin(EmailBackend):
    """The mail server refuses Erin's address once, then works."""

    refusals = 1

    def send_messages(self, messages: Any) -> int:
        if RefusesErin.refusals and any("erin@" in m.to[0] for m in messages):
            RefusesErin.refusals -= 1
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


def test_one_failed_email_holds_back_no_other_and_only_it_is_retried(cast: Cast, settings) -> None:
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.RefusesErin"}}
    RefusesErin.refusals = 1
    ids = notify_many(notices=[reminder(u) for u in (cast.dana, cast.erin, cast.bob)])
    with pytest.raises(Exception, match="1 of 3 e-mails failed"):
        send_notification_emails.call(ids)
    assert sorted(m.to[0] for m in mail.outbox) == ["bob@gjuteri.example", "dana@elev.example"]
    waiting = Notification.objects.filter(emailed_at__isnull=True)
    assert [row.recipient for row in waiting] == [cast.erin]
    assert send_notification_emails.call(ids) == 1  # the retry: Erin's only
    assert sorted(m.to[0] for m in mail.outbox) == [
        "bob@gjuteri.example",
        "dana@elev.example",
        "erin@elev.example",
    ]


@dataclass
class Place:
    pk: int
    name: str


def test_the_daily_count_is_told_once_a_day_per_programme(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    counts = {
        cast.alice.pk: [(Place(7, "Gjuterivägen"), 3), (Place(2, "Vården"), 1)],
        cast.charlie.pk: [(Place(9, "Värnamo"), 0)],  # nothing to tell
    }
    readers = User.objects.filter(pk__in=[cast.alice.pk, cast.charlie.pk])

    def run() -> int:
        return daily_counts_notify(
            kind=Kind.EARLY_WARNINGS,
            page="/mentoring/warnings/",
            readers=readers,
            counts=lambda reader: counts[reader.pk],
        )

    assert run() == 2
    rows = Notification.objects.order_by("pk")
    assert [(n.recipient, n.params, n.url) for n in rows] == [
        (cast.alice, {"count": 1, "programme": "Vården"}, "/mentoring/warnings/?programme=2"),
        (
            cast.alice,
            {"count": 3, "programme": "Gjuterivägen"},
            "/mentoring/warnings/?programme=7",
        ),
    ]
    # The same day: nothing again, even with a new count; a new programme is told.
    counts[cast.alice.pk].append((Place(8, "Svets"), 2))
    assert run() == 1
    assert Notification.objects.count() == 3
    # Yesterday's notice does not count for today.
    Notification.objects.update(created_at=timezone.now() - timedelta(days=1))
    assert run() == 3
