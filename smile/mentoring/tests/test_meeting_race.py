"""Two bookings of one mentor at the same moment, for overlapping times in two of his pairs: one
meeting is made, the other is told about it, never two.

PostgreSQL only: SQLite lets one writer in at a time, so it cannot show a race. Run with
DATABASE_URL=postgres://postgres@127.0.0.1:5432/smile_dev pytest <this file>.
"""

import threading
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.utils import timezone, translation

from smile.core.errors import ApplicationError
from smile.matching.models import Pair, PairStatus
from smile.mentoring.meetings import services
from smile.mentoring.models import Meeting
from tests.cast import build_cast

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
    pytest.mark.django_db(transaction=True),
]


def race(*calls: Callable[[], object]) -> list[object]:
    """Run the calls in threads released at the same moment; return each result or error."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)
    language = translation.get_language()

    def run(i: int, call: Callable[[], object]) -> None:
        translation.activate(language)
        try:
            barrier.wait()
            results[i] = call()
        except Exception as error:
            results[i] = error
        finally:
            translation.deactivate()
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_overlapping_bookings_of_one_mentor_at_once_make_one_meeting() -> None:
    cast = build_cast()
    erin_pair = Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=date(2026, 8, 20),
    )
    day = timezone.localdate() + timedelta(days=3)
    two = timezone.make_aware(datetime.combine(day, time(14, 0)))

    results = race(
        lambda: services.meeting_propose(
            pair=cast.pair, by=cast.dana, starts_at=two, duration_minutes=60, place="Formning"
        ),
        lambda: services.meeting_propose(
            pair=erin_pair,
            by=cast.erin,
            starts_at=two + timedelta(minutes=30),
            duration_minutes=60,
            place="Efterbehandling",
        ),
    )

    made = [r for r in results if isinstance(r, Meeting)]
    refused = [r for r in results if isinstance(r, ApplicationError)]
    assert (len(made), len(refused)) == (1, 1), results
    assert "<bdi>Bob Berg</bdi> already has a meeting on" in refused[0].message
    assert Meeting.objects.count() == 1
