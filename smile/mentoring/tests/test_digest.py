"""The managers' fortnightly digest: counts per workplace, never a name or a note."""

from datetime import timedelta

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.accounts.models import User
from smile.core.actor import SYSTEM
from smile.core.tests.worker import run_worker
from smile.mentoring.digest.selectors import digest_period, manager_digest_rows
from smile.mentoring.digest.tasks import send_manager_digests
from smile.mentoring.models import ActionItem, MeetingLog
from smile.notifications.models import Kind, Notification
from smile.organisations.services import workplace_save
from tests.cast import Cast

SECRET = "Dana told me about her divorce"


def some_activity(cast: Cast) -> None:
    today = timezone.localdate()
    for days_ago, minutes in ((1, 60), (5, 30), (20, 90)):  # the last one is before the period
        MeetingLog.objects.create(
            pair=cast.pair,
            held_on=today - timedelta(days=days_ago),
            minutes=minutes,
            notes=SECRET,
            written_by=cast.bob,
        )
    item = {"pair": cast.pair, "owner": cast.dana, "created_by": cast.bob}
    ActionItem.objects.create(**item, title=SECRET, due_on=today, done_at=timezone.now())
    ActionItem.objects.create(**item, title="Late", due_on=today - timedelta(days=2))
    ActionItem.objects.create(**item, title="Later", due_on=today + timedelta(days=2))


def test_the_rows_count_each_workplace_of_the_manager(cast: Cast) -> None:
    some_activity(cast)
    start, end = digest_period()
    assert (end - start).days == 13
    rows = manager_digest_rows(user=cast.mona, start=start, end=end)
    assert rows == [
        {
            "name": "Efterbehandling",
            "active_adepts": 1,  # Erin, who has no mentor
            "active_pairs": 0,
            "meetings": 0,
            "mentor_hours": 0.0,
            "actions_done": 0,
            "actions_overdue": 0,
        },
        {
            "name": "Formning",
            "active_adepts": 1,
            "active_pairs": 1,
            "meetings": 2,
            "mentor_hours": 1.5,
            "actions_done": 1,
            "actions_overdue": 1,
        },
    ]
    # Charlie manages nothing; Bob (a mentor) neither.
    assert manager_digest_rows(user=cast.charlie, start=start, end=end) == []
    assert manager_digest_rows(user=cast.bob, start=start, end=end) == []


def test_the_rows_take_one_query_however_many_workplaces(cast: Cast) -> None:
    start, end = digest_period()
    mona = User.objects.get(pk=cast.mona.pk)
    with CaptureQueriesContext(connection) as two:
        manager_digest_rows(user=mona, start=start, end=end)
    for name in ("Gjutning", "Lager", "Kontor"):
        workplace_save(actor=SYSTEM, organisation=cast.foundry, name=name, trade="Gjuteri")
    mona = User.objects.get(pk=cast.mona.pk)  # a fresh one: her memberships are read again
    with CaptureQueriesContext(connection) as five:
        rows = manager_digest_rows(user=mona, start=start, end=end)
    assert len(rows) == 5
    # Her memberships (once), then the one aggregate query.
    assert len(two) == len(five) == 2


def test_the_digest_tells_each_manager_numbers_and_no_notes(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    some_activity(cast)
    cast.mona.preferred_language = "en"
    cast.mona.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_manager_digests.call() == 1
    run_worker()
    notice = Notification.objects.get(kind=Kind.MANAGER_DIGEST)
    today = timezone.localdate().isoformat()
    assert (notice.recipient, notice.url) == (cast.mona, f"/mentoring/digest/{today}/")
    start, _end = digest_period()
    assert notice.params["period_start_on"] == start.isoformat()
    assert notice.params["workplaces"][1]["mentor_hours"] == 1.5
    [message] = mail.outbox
    assert message.to == ["mona@gjuteri.example"]
    body = str(message.body)
    assert (
        "Formning\nActive adepts: 1\nActive pairs: 1\nMeetings held: 2\nMentor hours: 1.5\n"
        "Things done: 1\nThings overdue: 1\n"
    ) in body
    assert "Efterbehandling\nActive adepts: 1\nActive pairs: 0\n" in body
    # It links on to the manager's SMILE page, with the same figures and more.
    assert "Your SMILE page: the same figures and more, per workplace\n" in body
    assert notice.params["smile_page"].endswith("/leadership/")
    assert SECRET not in body and "divorce" not in str(notice.params)
    assert "Dana" not in body and "Bob" not in body

    # Running the job again in the same period sends nothing twice.
    with django_capture_on_commit_callbacks(execute=True):
        assert send_manager_digests.call() == 0
    assert Notification.objects.filter(kind=Kind.MANAGER_DIGEST).count() == 1


def test_the_digest_in_swedish_uses_a_decimal_comma(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    some_activity(cast)  # Mona reads Swedish
    with django_capture_on_commit_callbacks(execute=True):
        send_manager_digests.call()
    run_worker()
    assert ": 1,5\n" in str(mail.outbox[0].body)
