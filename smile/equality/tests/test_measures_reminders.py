"""The daily job tells each owner of a measure due within a week, or late, once; a done measure
and a done cycle's measures are left alone."""

from datetime import date

from smile.equality.measures import services
from smile.equality.measures.selectors import measures_status
from smile.equality.models import CycleStatus, MeasureStatus
from smile.equality.tests.measurework import add_measure, start
from smile.notifications.models import Notification
from tests.cast import Cast

TODAY = date(2027, 3, 10)


def test_owners_of_measures_due_soon_or_late_are_told_once(cast: Cast) -> None:
    cycle = start(cast)
    soon = add_measure(
        cycle, cast, title="Skyltar på arabiska", owner=cast.mona, due_on=date(2027, 3, 17)
    )
    late = add_measure(
        cycle, cast, title="Lönekartläggning", owner=cast.bob, due_on=date(2027, 3, 8)
    )
    add_measure(cycle, cast, title="Långt fram", owner=cast.mona, due_on=date(2027, 3, 18))
    done = add_measure(cycle, cast, title="Redan gjord", owner=cast.bob, due_on=date(2027, 3, 9))
    done.status = MeasureStatus.DONE
    done.save()

    assert services.measures_remind_due(today=TODAY) == 2
    told = sorted(
        Notification.objects.filter(kind="action_due").values_list(
            "recipient_id", "params__title", "params__due_on", "url"
        )
    )
    url = f"/equality/measures/{cycle.pk}/#measures-heading"
    assert told == sorted(
        [
            (cast.mona.pk, "Skyltar på arabiska", "2027-03-17", url),
            (cast.bob.pk, "Lönekartläggning", "2027-03-08", url),
        ]
    )
    # A second run the same day sends nothing twice.
    assert services.measures_remind_due(today=TODAY) == 0
    assert Notification.objects.filter(kind="action_due").count() == 2
    # The next day "Långt fram" comes within the week; the others are not told again.
    assert services.measures_remind_due(today=date(2027, 3, 11)) == 1
    assert Notification.objects.filter(kind="action_due", recipient=cast.mona).count() == 2
    assert Notification.objects.filter(kind="action_due", recipient=cast.bob).count() == 1
    soon.refresh_from_db()
    late.refresh_from_db()
    assert soon.reminded_at is not None
    assert late.reminded_at is not None


def test_a_new_due_date_is_reminded_again(cast: Cast) -> None:
    cycle = start(cast)
    measure = add_measure(cycle, cast, title="Kurs", owner=cast.bob, due_on=date(2027, 3, 12))
    assert services.measures_remind_due(today=TODAY) == 1
    services.measure_update(
        measure=measure,
        by=cast.mona,
        status="started",
        due_on=date(2027, 3, 15),
        outcome="",
        followed_up_on=None,
    )
    assert services.measures_remind_due(today=TODAY) == 1
    assert Notification.objects.filter(recipient=cast.bob, kind="action_due").count() == 2


def test_a_done_cycles_measures_are_not_reminded(cast: Cast) -> None:
    cycle = start(cast)
    add_measure(cycle, cast, title="Kurs", owner=cast.bob, due_on=date(2027, 3, 1))
    cycle.status = CycleStatus.DONE
    cycle.save()
    assert services.measures_remind_due(today=TODAY) == 0
    assert Notification.objects.count() == 0


def _measures(cast: Cast, count: int) -> None:
    cycle = start(cast, year=2020 + count)
    for n in range(count):
        add_measure(cycle, cast, title=f"Åtgärd {n}", owner=cast.bob, due_on=date(2027, 3, 1))


def test_the_reminders_take_the_same_queries_for_two_and_five_measures(
    cast: Cast, django_assert_num_queries
) -> None:
    # 1 the due ids, then for the batch: 1 savepoint, 1 claim (update), 1 read of the claimed,
    # 3 of notify_many (choices, insert, read of the rows made), 1 savepoint released.
    _measures(cast, 2)
    with django_assert_num_queries(8):
        assert services.measures_remind_due(today=TODAY) == 2
    _measures(cast, 5)
    with django_assert_num_queries(8):
        assert services.measures_remind_due(today=TODAY) == 5


def test_the_status_for_the_managers_page(cast: Cast) -> None:
    assert measures_status(cast.moulding, today=TODAY) == ("Not started", 0, 0)
    start(cast, year=2025)
    cycle = start(cast, year=2026)
    cycle.status = CycleStatus.ACTING
    cycle.save()
    add_measure(cycle, cast, title="Sen", owner=cast.bob, due_on=date(2027, 3, 1))
    add_measure(cycle, cast, title="I tid", owner=cast.bob, due_on=date(2027, 4, 1))
    finished = add_measure(cycle, cast, title="Klar", owner=cast.bob, due_on=date(2027, 1, 1))
    finished.status = MeasureStatus.DONE
    finished.save()
    assert measures_status(cast.moulding, today=TODAY) == ("2026: Taking measures", 2, 1)
    assert measures_status(cast.finishing, today=TODAY) == ("Not started", 0, 0)
