from datetime import timedelta

import pytest
from django.utils import timezone

from smile.core.errors import ApplicationError
from smile.core.tests.worker import run_worker
from smile.matching import engine, lifecycle, services
from smile.matching.models import Exclusion, MatchingRun, Pair, PairStatus, RunStatus
from smile.matching.tests.matching_cast import add_adept, give_profiles
from tests.cast import Cast


def draft_of(enrolment_id: int) -> Pair:
    return Pair.objects.get(adept_id=enrolment_id, status=PairStatus.DRAFT)


def run_now(cast: Cast) -> MatchingRun:
    run = MatchingRun.objects.create(programme=cast.programme, started_by=cast.alice)
    engine.matching_run_execute(run_id=run.pk)
    run.refresh_from_db()
    return run


@pytest.mark.django_db(transaction=True)
def test_a_run_goes_through_the_task_worker(cast: Cast, django_capture_on_commit_callbacks) -> None:
    give_profiles(cast)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.matching_run_start(programme=cast.programme, actor=cast.alice)
    assert MatchingRun.objects.get(pk=run.pk).status == RunStatus.QUEUED
    run_worker()
    run.refresh_from_db()
    assert (run.status, run.progress, run.matched, run.error) == (RunStatus.FINISHED, 100, 1, "")
    pair = draft_of(cast.erin_enrolment.pk)
    assert pair.mentor == cast.bob_enrolment and pair.run == run
    assert pair.score is not None and 0 < pair.score <= 100
    assert set(pair.breakdown) == {
        "language",
        "workplace",
        "trade",
        "shifts",
        "interests",
        "gender",
    }
    # Dana's live pair is kept as it was.
    cast.pair.refresh_from_db()
    assert cast.pair.status == PairStatus.ACTIVE


def test_a_second_run_waits_for_the_first(cast: Cast) -> None:
    services.matching_run_start(programme=cast.programme, actor=cast.alice)
    with pytest.raises(ApplicationError, match="already under way"):
        services.matching_run_start(programme=cast.programme, actor=cast.alice)


def test_a_lost_run_does_not_block_a_new_one(cast: Cast) -> None:
    lost = services.matching_run_start(programme=cast.programme, actor=cast.alice)
    MatchingRun.objects.filter(pk=lost.pk).update(
        created_at=timezone.now() - engine.STALE_AFTER - timedelta(minutes=1)
    )
    services.matching_run_start(programme=cast.programme, actor=cast.alice)
    lost.refresh_from_db()
    assert lost.status == RunStatus.FAILED


def test_live_pairs_hold_their_places_and_full_mentors_are_named(cast: Cast) -> None:
    give_profiles(cast, bob_capacity=1)
    run = run_now(cast)
    assert run.status == RunStatus.FINISHED and run.matched == 0
    assert not Pair.objects.filter(status=PairStatus.DRAFT).exists()
    profiles = run.unmatched_reasons[str(cast.erin_enrolment.pk)]
    assert profiles[str(cast.bob_enrolment.pk)] == ["full"]
    assert "shared_language" in next(
        v for k, v in profiles.items() if k != str(cast.bob_enrolment.pk)
    )


def test_capacity_is_respected_and_everyone_possible_is_matched(cast: Cast) -> None:
    give_profiles(cast, bob_capacity=3)
    for i in range(4):
        add_adept(cast, i)
    run = run_now(cast)
    # Bob has 3 places, Dana holds one: two of the five adepts get him, Johan shares no language.
    assert run.matched == 2
    assert Pair.objects.filter(mentor=cast.bob_enrolment, status=PairStatus.DRAFT).count() == 2
    assert len(run.unmatched_reasons) == 3


def test_hard_rules_keep_pairs_out(cast: Cast) -> None:
    give_profiles(cast)
    Exclusion.objects.create(
        programme=cast.programme, mentor=cast.bob_enrolment, adept=cast.erin_enrolment
    )
    run = run_now(cast)
    assert run.matched == 0
    assert run.unmatched_reasons[str(cast.erin_enrolment.pk)][str(cast.bob_enrolment.pk)] == [
        "excluded"
    ]


def test_a_new_run_replaces_the_draft_and_a_failed_one_keeps_it(cast: Cast, monkeypatch) -> None:
    give_profiles(cast)
    first = run_now(cast)
    assert draft_of(cast.erin_enrolment.pk).run == first
    second = run_now(cast)
    assert draft_of(cast.erin_enrolment.pk).run == second

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("solver exploded")

    monkeypatch.setattr(engine, "solve", broken)
    third = run_now(cast)
    assert third.status == RunStatus.FAILED and "solver exploded" in third.error
    assert draft_of(cast.erin_enrolment.pk).run == second


def test_assigning_by_hand_names_the_broken_rule(cast: Cast) -> None:
    profiles = give_profiles(cast)
    with pytest.raises(ApplicationError, match=r"They share no language\."):
        engine.draft_assign(
            programme=cast.programme,
            adept=cast.erin_enrolment,
            mentor=profiles.johan,
            actor=cast.alice,
        )
    assert not Pair.objects.filter(status=PairStatus.DRAFT).exists()


def test_assigning_by_hand_respects_capacity(cast: Cast) -> None:
    give_profiles(cast, bob_capacity=1)
    with pytest.raises(ApplicationError, match=r"Bob Berg has no free place \(capacity 1\)\."):
        engine.draft_assign(
            programme=cast.programme,
            adept=cast.erin_enrolment,
            mentor=cast.bob_enrolment,
            actor=cast.alice,
        )


def test_assign_unassign_and_swap(cast: Cast) -> None:
    profiles = give_profiles(cast, bob_capacity=3)
    other = add_adept(cast, 1, language="fi")
    pair = engine.draft_assign(
        programme=cast.programme,
        adept=cast.erin_enrolment,
        mentor=cast.bob_enrolment,
        actor=cast.alice,
    )
    assert pair.status == PairStatus.DRAFT and pair.score is not None
    engine.draft_unassign(pair=pair, actor=cast.alice)
    assert not Pair.objects.filter(status=PairStatus.DRAFT).exists()
    with pytest.raises(ApplicationError, match="already has a mentor"):
        engine.draft_assign(
            programme=cast.programme,
            adept=cast.dana_enrolment,
            mentor=cast.bob_enrolment,
            actor=cast.alice,
        )
    a = engine.draft_assign(
        programme=cast.programme,
        adept=cast.erin_enrolment,
        mentor=cast.bob_enrolment,
        actor=cast.alice,
    )
    b = engine.draft_assign(
        programme=cast.programme, adept=other, mentor=profiles.johan, actor=cast.alice
    )
    with pytest.raises(ApplicationError, match=r"They share no language\."):
        engine.draft_swap(pair_a=a, pair_b=b, actor=cast.alice)
    assert draft_of(cast.erin_enrolment.pk).mentor == cast.bob_enrolment
    profiles.johan.matching_profile.languages = [
        {"code": "fi", "level": 4},
        {"code": "sv", "level": 3},
    ]
    profiles.johan.matching_profile.save()
    other.matching_profile.languages = [{"code": "fi", "level": 4}, {"code": "sv", "level": 1}]
    other.matching_profile.save()
    a.refresh_from_db()
    b.refresh_from_db()
    engine.draft_swap(pair_a=a, pair_b=b, actor=cast.alice)
    assert draft_of(cast.erin_enrolment.pk).mentor == profiles.johan
    assert draft_of(other.pk).mentor == cast.bob_enrolment


def test_publishing_turns_the_draft_into_proposals(cast: Cast) -> None:
    give_profiles(cast)
    run_now(cast)
    published = lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice)
    pair = Pair.objects.get(adept=cast.erin_enrolment)
    assert published == [pair] and pair.status == PairStatus.PROPOSED
    assert pair.events.get().to_status == PairStatus.PROPOSED


def test_untrained_mentors_are_left_out(cast: Cast) -> None:
    give_profiles(cast)
    cast.bob_enrolment.matching_profile.training_completed_on = None
    cast.bob_enrolment.matching_profile.save()
    run = run_now(cast)
    assert run.matched == 0
    assert (
        "training" in run.unmatched_reasons[str(cast.erin_enrolment.pk)][str(cast.bob_enrolment.pk)]
    )
