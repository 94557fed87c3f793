"""Races the database must win: two people taking a mentor's last place at the same moment.

PostgreSQL only: SQLite serialises every writer, so it cannot show a race. Run with
DATABASE_URL=postgres://postgres@127.0.0.1:5432/smile_dev pytest <this file>.
"""

import threading
from collections.abc import Callable
from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import translation

from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.core.errors import ApplicationError
from smile.matching import lifecycle
from smile.matching.models import MatchingProfile, Pair, PairStatus
from smile.programmes.models import Enrolment
from smile.programmes.services import enrolment_create
from tests.cast import Cast, build_cast, make_user

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
    pytest.mark.django_db(transaction=True),
]
S = PairStatus


def race(*calls: Callable[[], object]) -> list[object]:
    """Run the calls in threads released at the same moment; return each result or error."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    language = translation.get_language()

    def run(i: int, call: Callable[[], object]) -> None:
        # The active language is per thread: speak the test's language here too.
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


def adept(cast: Cast, name: str) -> Enrolment:
    user = make_user(f"{name.lower()}@elev.example", name)
    membership_create(actor=SYSTEM, user=user, organisation=cast.savsjo, role="adept")
    return enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=user,
        role="adept",
        workplace=cast.moulding,
        starts_on=date(2026, 8, 10),
    )


def test_two_acceptances_for_the_last_place_make_one_pair() -> None:
    cast = build_cast()
    # Bob takes one adept; his pair with Dana is over, and two new adepts are proposed to him.
    Pair.objects.filter(pk=cast.pair.pk).update(status=S.COMPLETED)
    MatchingProfile.objects.create(enrolment=cast.bob_enrolment, capacity=1)
    first = Pair.objects.create(
        programme=cast.programme, mentor=cast.bob_enrolment, adept=adept(cast, "Fatima")
    )
    second = Pair.objects.create(
        programme=cast.programme, mentor=cast.bob_enrolment, adept=adept(cast, "Gul")
    )
    lifecycle.pair_accept(pair=first, user=first.adept.user)
    lifecycle.pair_accept(pair=second, user=second.adept.user)

    results = race(
        lambda: lifecycle.pair_accept(pair=first, user=cast.bob),
        lambda: lifecycle.pair_accept(pair=second, user=cast.bob),
    )

    errors = [r for r in results if isinstance(r, ApplicationError)]
    assert len(errors) == 1, results
    assert "no free place" in errors[0].message
    statuses = sorted(
        Pair.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)
    )
    assert statuses == [S.ACTIVE, S.PROPOSED]
    assert Pair.objects.filter(mentor=cast.bob_enrolment, status=S.ACTIVE).count() == 1


def test_two_adepts_answering_last_at_once_make_one_pair() -> None:
    cast = build_cast()
    Pair.objects.filter(pk=cast.pair.pk).update(status=S.COMPLETED)
    MatchingProfile.objects.create(enrolment=cast.bob_enrolment, capacity=1)
    first = Pair.objects.create(
        programme=cast.programme, mentor=cast.bob_enrolment, adept=adept(cast, "Fatima")
    )
    second = Pair.objects.create(
        programme=cast.programme, mentor=cast.bob_enrolment, adept=adept(cast, "Gul")
    )
    lifecycle.pair_accept(pair=first, user=cast.bob)
    lifecycle.pair_accept(pair=second, user=cast.bob)

    results = race(
        lambda: lifecycle.pair_accept(pair=first, user=first.adept.user),
        lambda: lifecycle.pair_accept(pair=second, user=second.adept.user),
    )

    assert sum(isinstance(r, ApplicationError) for r in results) == 1, results
    assert Pair.objects.filter(mentor=cast.bob_enrolment, status=S.ACTIVE).count() == 1


def test_publishing_twice_at_once_proposes_each_pair_once() -> None:
    cast = build_cast()
    Pair.objects.filter(pk=cast.pair.pk).update(status=S.DRAFT, started_on=None)
    results = race(
        lambda: lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice),
        lambda: lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice),
    )
    assert sorted(len(r) for r in results if isinstance(r, list)) == [0, 1], results
    cast.pair.refresh_from_db()
    assert cast.pair.status == S.PROPOSED
    assert cast.pair.events.count() == 1


def test_an_adept_cannot_hold_two_live_pairs_even_past_the_services() -> None:
    cast = build_cast()
    # Dana's pair with Bob is paused; a second live pair for her is refused by the database
    # itself, so no path (a resume, a publish, the admin) can give her two mentors.
    Pair.objects.filter(pk=cast.pair.pk).update(status=S.PAUSED)
    mats_user = make_user("mats@gjuteri.example", "Mats Mentor")
    mats = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=mats_user,
        role="mentor",
        workplace=cast.moulding,
        starts_on=date(2026, 8, 10),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Pair.objects.create(
            programme=cast.programme, mentor=mats, adept=cast.dana_enrolment, status=S.ACTIVE
        )
    # Through the services, it is a clear message and nothing changes.
    Pair.objects.create(
        programme=cast.programme, mentor=mats, adept=cast.dana_enrolment, status=S.DRAFT
    )
    with pytest.raises(ApplicationError, match="Dana Darwish already has a mentor"):
        lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice)
    assert sorted(
        Pair.objects.filter(adept=cast.dana_enrolment).values_list("status", flat=True)
    ) == [S.DRAFT, S.PAUSED]
    lifecycle.pair_resume(pair=cast.pair, actor=cast.alice)
    cast.pair.refresh_from_db()
    assert cast.pair.status == S.ACTIVE
