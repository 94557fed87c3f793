"""The matching services ask the policy themselves: a person it refuses gets `NotAllowed` and
nothing is written, whoever calls the service (a view, an import, a job, the coming API)."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from smile.accounts.models import User
from smile.core.actor import SYSTEM
from smile.core.errors import NotAllowed
from smile.matching import lifecycle, services
from smile.matching.models import MatchingProfile, MatchingRun, Pair, PairEvent, PairStatus
from smile.matching.profiles import matching_profile_save
from smile.notifications.models import Notification
from tests.cast import Cast


def set_status(pair: Pair, status: str) -> Pair:
    Pair.objects.filter(pk=pair.pk).update(status=status)
    pair.refresh_from_db()
    return pair


def nothing_changed(pair: Pair, status: str) -> None:
    pair.refresh_from_db()
    assert (pair.status, pair.adept_accepted_at, pair.mentor_accepted_at) == (status, None, None)
    assert (pair.ended_on, pair.end_reason) == (None, "")
    assert PairEvent.objects.count() == 0
    assert Notification.objects.count() == 0


# --- steering: the programme's coordinators only ----------------------------------------------

STEER: dict[str, tuple[str, Callable[..., Pair], dict[str, Any]]] = {
    "pause": (PairStatus.ACTIVE, lifecycle.pair_pause, {"reason": "Sick leave"}),
    "resume": (PairStatus.PAUSED, lifecycle.pair_resume, {}),
    "complete": (PairStatus.ACTIVE, lifecycle.pair_complete, {}),
    "end": (PairStatus.ACTIVE, lifecycle.pair_end, {"reason": "Moved away"}),
    "rematch": (PairStatus.ACTIVE, lifecycle.pair_rematch, {"reason": "No match"}),
}


@pytest.mark.parametrize("action", sorted(STEER))
@pytest.mark.parametrize("who", ["charlie", "bob", "dana", "erin", "mona", "tess"])
def test_only_the_coordinator_steers_a_pair(cast: Cast, action: str, who: str) -> None:
    status, service, extra = STEER[action]
    pair = set_status(cast.pair, status)
    with pytest.raises(NotAllowed):
        service(pair=pair, actor=getattr(cast, who), **extra)
    nothing_changed(pair, status)


def test_the_coordinator_steers_her_programmes_pair(cast: Cast) -> None:
    lifecycle.pair_pause(pair=cast.pair, actor=cast.alice, reason="Sick leave")
    cast.pair.refresh_from_db()
    assert cast.pair.status == PairStatus.PAUSED
    assert list(PairEvent.objects.values_list("from_status", "to_status", "actor")) == [
        (PairStatus.ACTIVE, PairStatus.PAUSED, cast.alice.pk)
    ]


@pytest.mark.parametrize("who", ["charlie", "bob", "dana"])
def test_only_the_coordinator_publishes_the_proposal(cast: Cast, who: str) -> None:
    pair = set_status(cast.pair, PairStatus.DRAFT)
    with pytest.raises(NotAllowed):
        lifecycle.pairs_publish(programme=cast.programme, actor=getattr(cast, who))
    nothing_changed(pair, PairStatus.DRAFT)


# --- answering a proposal: its two people only ------------------------------------------------


@pytest.mark.parametrize("who", ["erin", "alice", "charlie"])
def test_only_the_two_people_answer_a_proposal(cast: Cast, who: str) -> None:
    pair = set_status(cast.pair, PairStatus.PROPOSED)
    outsider: User = getattr(cast, who)
    with pytest.raises(NotAllowed):
        lifecycle.pair_accept(pair=pair, user=outsider)
    with pytest.raises(NotAllowed):
        lifecycle.pair_decline(pair=pair, user=outsider, reason="No")
    nothing_changed(pair, PairStatus.PROPOSED)


# --- the matching profile: its owner and the programme's coordinators -------------------------


@pytest.mark.parametrize(
    ("who", "whose"),
    [("charlie", "bob"), ("erin", "dana"), ("bob", "dana"), ("dana", "bob"), ("mona", "bob")],
)
def test_only_the_owner_or_the_coordinator_saves_a_profile(
    cast: Cast, who: str, whose: str
) -> None:
    enrolment = getattr(cast, f"{whose}_enrolment")
    with pytest.raises(NotAllowed):
        matching_profile_save(enrolment=enrolment, actor=getattr(cast, who), trade="Svetsning")
    assert MatchingProfile.objects.count() == 0


def test_the_owner_and_the_coordinator_save_a_profile(cast: Cast) -> None:
    matching_profile_save(enrolment=cast.dana_enrolment, actor=cast.dana, trade="Gjuteri")
    matching_profile_save(
        enrolment=cast.bob_enrolment, actor=cast.alice, training_completed_on=date(2026, 5, 4)
    )
    assert sorted(MatchingProfile.objects.values_list("enrolment__user__email", "trade")) == [
        ("bob@gjuteri.example", ""),
        ("dana@elev.example", "Gjuteri"),
    ]


# --- a matching run: the programme's coordinators ---------------------------------------------


@pytest.mark.parametrize("who", ["charlie", "erin", "bob", "mona", "tess"])
def test_only_the_coordinator_starts_a_matching_run(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        services.matching_run_start(programme=cast.programme, actor=getattr(cast, who))
    assert MatchingRun.objects.count() == 0


def test_the_installation_starts_a_run_that_no_one_started(cast: Cast) -> None:
    run = services.matching_run_start(programme=cast.other_programme, actor=SYSTEM)
    assert MatchingRun.objects.get().pk == run.pk
    assert (run.programme, run.started_by) == (cast.other_programme, None)


def test_hand_edits_of_the_draft_are_refused_to_another_municipality(cast: Cast) -> None:
    from smile.matching import engine

    draft = Pair.objects.create(
        programme=cast.programme,
        adept=cast.erin_enrolment,
        mentor=cast.bob_enrolment,
        status=PairStatus.DRAFT,
    )
    with pytest.raises(NotAllowed):
        engine.draft_unassign(pair=draft, actor=cast.charlie)
    with pytest.raises(NotAllowed):
        engine.draft_assign(
            programme=cast.programme,
            adept=cast.erin_enrolment,
            mentor=cast.bob_enrolment,
            actor=cast.charlie,
        )
    with pytest.raises(NotAllowed):
        engine.draft_swap(pair_a=draft, pair_b=draft, actor=cast.bob)
    assert list(Pair.objects.filter(status=PairStatus.DRAFT).values_list("pk", flat=True)) == [
        draft.pk
    ]
