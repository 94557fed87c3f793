"""claim_and_notify: the reminder jobs' claim-then-tell, once per row, in a fixed number of
queries; in_batches: the keys of the rows due, a batch at a time; due_notice_maker: the notice
of a thing to do.

The rows claimed here are notices themselves (asked-for reflections, claimed by setting their
`done_at`), so the test needs no other app's model; the jobs claim their own rows the same way.
"""

from datetime import date

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from smile.accounts.models import User
from smile.notifications.models import Kind, Notification
from smile.notifications.services import (
    Notice,
    claim_and_notify,
    due_notice_maker,
    in_batches,
)
from tests.cast import make_user


def asked(user: User, title: str) -> int:
    return Notification.objects.create(
        recipient=user, kind=Kind.REFLECTION_ASKED, params={"title": title}
    ).pk


def due(recipient_id: int, title: str) -> Notice:
    return Notice(
        recipient_id=recipient_id,
        kind=Kind.ACTION_DUE,
        params={"title": title, "due_on": "2026-12-24"},
        url="/somewhere/",
    )


def remind(ids: list[int]) -> int:
    return claim_and_notify(
        claimable=Notification.objects.filter(kind=Kind.REFLECTION_ASKED),
        ids=ids,
        stamp="done_at",
        now=timezone.now(),
        values=("recipient_id", "params__title"),
        notice=due,
    )


def told() -> list[tuple[str, str]]:
    """Who was told about what (the claimed rows are read in no set order)."""
    return sorted(
        Notification.objects.filter(kind=Kind.ACTION_DUE).values_list(
            "recipient__email", "params__title"
        )
    )


# One batch, in the test's transaction (so `atomic` is a savepoint):
#   1 SAVEPOINT
#   2 the claim: UPDATE … SET done_at WHERE id IN (…) AND done_at IS NULL AND kind = …
#   3 the rows claimed (their recipients and titles)
#   4 the recipients' notification settings
#   5 INSERT of the notices (one executemany)
#   6 the notices made (their ids)
#   7 RELEASE SAVEPOINT
#   8 after the commit: one e-mail task for the batch
def test_two_rows_make_two_notices_once_in_a_fixed_number_of_queries(
    db: None, django_assert_num_queries, django_capture_on_commit_callbacks
) -> None:
    ann = make_user("ann@elev.example", "Ann Ek")
    bo = make_user("bo@elev.example", "Bo Ek")
    ids = [asked(ann, "Plan"), asked(bo, "Budget")]
    with django_assert_num_queries(8), django_capture_on_commit_callbacks(execute=True):
        assert remind(ids) == 2
    assert told() == [("ann@elev.example", "Plan"), ("bo@elev.example", "Budget")]
    assert Notification.objects.filter(pk__in=ids, done_at__isnull=True).count() == 0
    assert DBTaskResult.objects.count() == 1
    # Again (a second worker, or a retry): the claim takes nothing, so nothing is sent twice:
    # SAVEPOINT, the claim, the read finding none, RELEASE; no notice, no e-mail task.
    with django_assert_num_queries(4), django_capture_on_commit_callbacks(execute=True):
        assert remind(ids) == 0
    assert len(told()) == 2
    assert DBTaskResult.objects.count() == 1


def test_a_row_claimed_by_another_run_or_not_claimable_is_not_told(db: None) -> None:
    ann = make_user("ann@elev.example", "Ann Ek")
    taken = asked(ann, "Taken")
    other = Notification.objects.create(recipient=ann, kind=Kind.ONBOARDING).pk
    free = asked(ann, "Free")
    Notification.objects.filter(pk=taken).update(done_at=timezone.now())
    assert remind([taken, other, free]) == 1
    assert told() == [("ann@elev.example", "Free")]
    assert Notification.objects.get(pk=other).done_at is None


def test_a_row_whose_notice_is_none_is_claimed_but_tells_nobody(db: None) -> None:
    ann = make_user("ann@elev.example", "Ann Ek")
    ids = [asked(ann, "Quiet"), asked(ann, "Loud")]
    made = claim_and_notify(
        claimable=Notification.objects.all(),
        ids=ids,
        stamp="done_at",
        now=timezone.now(),
        values=("recipient_id", "params__title"),
        notice=lambda recipient, title: None if title == "Quiet" else due(recipient, title),
    )
    assert made == 1
    assert told() == [("ann@elev.example", "Loud")]
    assert Notification.objects.filter(pk__in=ids, done_at__isnull=True).count() == 0


def test_no_ids_reads_nothing(db: None, django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        assert remind([]) == 0


@pytest.mark.parametrize(("rows", "queries"), [(0, 1), (3, 2), (4, 3), (5, 3)])
def test_in_batches_reads_each_batch_once_and_one_short_batch_ends_it(
    db: None, rows: int, queries: int, django_assert_num_queries
) -> None:
    ann = make_user("ann@elev.example", "Ann Ek")
    ids = [asked(ann, f"Row {n}") for n in range(rows)]
    batches: list[list[int]] = []

    def each(batch: list[int]) -> int:
        batches.append(batch)
        return len(batch)

    with django_assert_num_queries(queries):
        assert in_batches(Notification.objects.all(), 2, each) == rows
    assert batches == [ids[n : n + 2] for n in range(0, rows, 2)]


def test_the_notice_of_a_thing_to_do() -> None:
    plain = due_notice_maker("notifications:read", anchor="#top")
    assert plain(7, "Plan", date(2026, 12, 24), 42) == Notice(
        recipient_id=7,
        kind=Kind.ACTION_DUE,
        params={"title": "Plan", "due_on": "2026-12-24"},
        url="/notifications/42/read/#top",
    )
    assert plain(None, "Plan", date(2026, 12, 24), 42) is None
    asking = due_notice_maker("notifications:read", subject=lambda key: f"thing:{key}:do")
    assert asking(7, "Plan", date(2026, 12, 24), 42, 9) == Notice(
        recipient_id=7,
        kind=Kind.ACTION_DUE,
        params={"title": "Plan", "due_on": "2026-12-24"},
        url="/notifications/42/read/",
        subject="thing:9:do",
    )
