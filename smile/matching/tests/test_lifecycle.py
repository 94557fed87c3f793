"""The pair lifecycle services: every transition allowed and refused, places, history, e-mails."""

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone, translation

from smile.core.actor import SYSTEM
from smile.core.errors import ApplicationError, NotAllowed
from smile.core.tests.worker import run_worker
from smile.matching import lifecycle
from smile.matching.models import MatchingProfile, Pair, PairEvent, PairStatus
from smile.notifications.models import Notification
from smile.programmes.models import Enrolment
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user

S = PairStatus


def set_status(pair: Pair, status: str, **fields: Any) -> Pair:
    values: dict[str, Any] = {"status": status, "started_on": None} | fields
    if status == S.ENDED:
        values.setdefault("end_reason", "test")
    Pair.objects.filter(pk=pair.pk).update(**values)
    pair.refresh_from_db()
    return pair


def proposed(cast: Cast) -> Pair:
    return set_status(cast.pair, S.PROPOSED)


def erin_with_bob(cast: Cast, status: str = S.PROPOSED) -> Pair:
    return Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=status,
    )


def another_mentor(cast: Cast) -> Enrolment:
    user = make_user("mats@gjuteri.example", "Mats Mentor", language="en")
    return enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=user,
        role="mentor",
        workplace=cast.moulding,
        starts_on=date(2026, 8, 10),
    )


def bob_takes(cast: Cast, capacity: int) -> None:
    MatchingProfile.objects.update_or_create(
        enrolment=cast.bob_enrolment, defaults={"capacity": capacity}
    )


def delivered() -> list[Any]:
    """The e-mails sent so far: the worker sends them, after the change is committed."""
    run_worker()
    return list(mail.outbox)


@pytest.fixture
def languages_used(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None]]:
    """(recipient, active language) for every e-mail rendered."""
    from smile.notifications import tasks

    seen: list[tuple[str, str | None]] = []
    real = tasks.render_to_string

    def spy(template: Any, context: dict[str, Any]) -> str:
        seen.append((context["recipient"].email, translation.get_language()))
        return real(template, context)

    monkeypatch.setattr(tasks, "render_to_string", spy)
    return seen


# --- publish ---------------------------------------------------------------------------------


def test_publishing_proposes_every_draft_and_tells_both_sides_in_their_language(
    cast: Cast, django_capture_on_commit_callbacks, languages_used
) -> None:
    set_status(cast.pair, S.DRAFT)
    erin = erin_with_bob(cast, S.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        published = lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice)
    assert {p.pk for p in published} == {cast.pair.pk, erin.pk}
    assert set(Pair.objects.values_list("status", flat=True)) == {S.PROPOSED}
    assert sorted(m.to[0] for m in delivered()) == sorted(
        ["dana@elev.example", "bob@gjuteri.example", "erin@elev.example", "bob@gjuteri.example"]
    )
    assert sorted(languages_used) == sorted(
        [
            ("dana@elev.example", "ar"),
            ("bob@gjuteri.example", "sv"),
            ("erin@elev.example", "sv"),
            ("bob@gjuteri.example", "sv"),
        ]
    )
    assert f"/matching/pairs/{cast.pair.pk}/" in str(mail.outbox[0].body) + str(mail.outbox[1].body)
    event = PairEvent.objects.get(pair=cast.pair)
    assert (event.from_status, event.to_status, event.actor) == (S.DRAFT, S.PROPOSED, cast.alice)


def test_publishing_refuses_a_second_live_pair_for_an_adept_and_publishes_nothing(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    # Dana already has Bob (active); a draft from a new run proposes Mats to her.
    mats = another_mentor(cast)
    Pair.objects.create(
        programme=cast.programme, mentor=mats, adept=cast.dana_enrolment, status=S.DRAFT
    )
    erin_with_bob(cast, S.DRAFT)
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ApplicationError, match="Dana Darwish already has a mentor"),
    ):
        lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice)
    assert Pair.objects.filter(status=S.DRAFT).count() == 2
    assert not PairEvent.objects.exists()
    assert delivered() == []


# --- answers ---------------------------------------------------------------------------------


def test_both_sides_accept_and_the_pair_starts_today(
    cast: Cast, django_capture_on_commit_callbacks, languages_used
) -> None:
    pair = proposed(cast)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.pair_accept(pair=pair, user=cast.dana)
    pair.refresh_from_db()
    assert pair.status == S.PROPOSED and pair.adept_accepted_at is not None
    assert delivered() == []
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.pair_accept(pair=pair, user=cast.bob)
    pair.refresh_from_db()
    assert pair.status == S.ACTIVE
    assert pair.started_on == timezone.localdate()
    assert pair.mentor_accepted_at is not None
    assert sorted(m.to[0] for m in delivered()) == ["bob@gjuteri.example", "dana@elev.example"]
    assert sorted(languages_used) == [("bob@gjuteri.example", "sv"), ("dana@elev.example", "ar")]
    history = list(pair.events.values_list("from_status", "to_status", "actor"))
    assert history == [
        (S.PROPOSED, S.PROPOSED, cast.dana.pk),
        (S.PROPOSED, S.ACTIVE, cast.bob.pk),
    ]


def test_the_mentor_may_answer_first(cast: Cast) -> None:
    pair = proposed(cast)
    lifecycle.pair_accept(pair=pair, user=cast.bob)
    lifecycle.pair_accept(pair=pair, user=cast.dana)
    pair.refresh_from_db()
    assert pair.status == S.ACTIVE


def test_only_the_two_people_can_answer(cast: Cast) -> None:
    pair = proposed(cast)
    for outsider in (cast.erin, cast.alice, cast.charlie):
        with pytest.raises(NotAllowed):
            lifecycle.pair_accept(pair=pair, user=outsider)
        with pytest.raises(NotAllowed):
            lifecycle.pair_decline(pair=pair, user=outsider, reason="no")
    pair.refresh_from_db()
    assert (pair.status, pair.adept_accepted_at, pair.mentor_accepted_at) == (
        S.PROPOSED,
        None,
        None,
    )
    assert not pair.events.exists()


def test_saying_yes_twice_is_explained(cast: Cast) -> None:
    pair = proposed(cast)
    lifecycle.pair_accept(pair=pair, user=cast.dana)
    with pytest.raises(ApplicationError, match="already said yes"):
        lifecycle.pair_accept(pair=pair, user=cast.dana)
    assert pair.events.count() == 1


def test_the_last_yes_is_refused_when_the_mentor_is_full(cast: Cast) -> None:
    bob_takes(cast, 1)  # Bob already mentors Dana.
    pair = erin_with_bob(cast)
    lifecycle.pair_accept(pair=pair, user=cast.erin)
    with pytest.raises(ApplicationError, match="no free place: 1 of 1 places are taken"):
        lifecycle.pair_accept(pair=pair, user=cast.bob)
    pair.refresh_from_db()
    assert pair.status == S.PROPOSED
    assert pair.mentor_accepted_at is None
    assert pair.events.count() == 1


def test_the_programme_capacity_counts_when_the_mentor_gave_none(cast: Cast) -> None:
    cast.programme.mentor_capacity = 1
    cast.programme.save()
    pair = erin_with_bob(cast)
    lifecycle.pair_accept(pair=pair, user=cast.bob)
    with pytest.raises(ApplicationError, match="1 of 1"):
        lifecycle.pair_accept(pair=pair, user=cast.erin)
    bob_takes(cast, 2)
    lifecycle.pair_accept(pair=pair, user=cast.erin)
    pair.refresh_from_db()
    assert pair.status == S.ACTIVE


def test_a_mentor_who_takes_no_adepts_cannot_start_a_pair(cast: Cast) -> None:
    bob_takes(cast, 0)
    pair = proposed(cast)
    lifecycle.pair_accept(pair=pair, user=cast.dana)
    with pytest.raises(ApplicationError, match="0 of 0"):
        lifecycle.pair_accept(pair=pair, user=cast.bob)


def test_declining_ends_the_proposal_and_frees_the_adept(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    pair = proposed(cast)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.pair_decline(pair=pair, user=cast.dana, reason="  Vi jobbar olika skift.  ")
    pair.refresh_from_db()
    assert (pair.status, pair.end_reason, pair.ended_on) == (
        S.ENDED,
        "Vi jobbar olika skift.",
        timezone.localdate(),
    )
    assert sorted(m.to[0] for m in delivered()) == ["bob@gjuteri.example", "dana@elev.example"]
    event = pair.events.get()
    assert (event.to_status, event.actor, event.note) == (
        S.ENDED,
        cast.dana,
        "Vi jobbar olika skift.",
    )
    # Back in the pool: she can be proposed another mentor.
    Pair.objects.create(
        programme=cast.programme,
        mentor=another_mentor(cast),
        adept=cast.dana_enrolment,
        status=S.PROPOSED,
    )


@pytest.mark.parametrize("reason", ["", "   ", "x" * 301])
def test_declining_needs_a_short_reason(cast: Cast, reason: str) -> None:
    pair = proposed(cast)
    with pytest.raises(ApplicationError) as error:
        lifecycle.pair_decline(pair=pair, user=cast.bob, reason=reason)
    assert error.value.field == "reason"
    pair.refresh_from_db()
    assert pair.status == S.PROPOSED


# --- the coordinator's steering --------------------------------------------------------------


def test_pause_and_resume(cast: Cast, django_capture_on_commit_callbacks) -> None:
    pair = cast.pair
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.pair_pause(pair=pair, actor=cast.alice, reason="Parental leave")
    pair.refresh_from_db()
    assert pair.status == S.PAUSED
    assert sorted(m.to[0] for m in delivered()) == ["bob@gjuteri.example", "dana@elev.example"]
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.pair_resume(pair=pair, actor=cast.alice)
    pair.refresh_from_db()
    assert pair.status == S.ACTIVE
    assert len(delivered()) == 4
    assert list(pair.events.values_list("from_status", "to_status", "note")) == [
        (S.ACTIVE, S.PAUSED, "Parental leave"),
        (S.PAUSED, S.ACTIVE, ""),
    ]


def test_resuming_rechecks_the_mentors_places(cast: Cast) -> None:
    bob_takes(cast, 2)
    lifecycle.pair_pause(pair=cast.pair, actor=cast.alice, reason="Sick leave")
    erin = erin_with_bob(cast)
    lifecycle.pair_accept(pair=erin, user=cast.erin)
    lifecycle.pair_accept(pair=erin, user=cast.bob)
    bob_takes(cast, 1)
    with pytest.raises(ApplicationError, match="no free place"):
        lifecycle.pair_resume(pair=cast.pair, actor=cast.alice)
    cast.pair.refresh_from_db()
    assert cast.pair.status == S.PAUSED


def test_completing_a_pair(cast: Cast, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.pair_complete(pair=cast.pair, actor=cast.alice)
    cast.pair.refresh_from_db()
    assert (cast.pair.status, cast.pair.ended_on) == (S.COMPLETED, timezone.localdate())
    # Each side hears that the pair is completed and is asked for a closing reflection.
    kinds = sorted(n.kind for n in Notification.objects.filter(recipient=cast.bob))
    assert kinds == ["pair_changed", "reflection_asked"]
    assert len(delivered()) == 4


def test_ending_early_needs_a_reason_and_tells_both(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    with pytest.raises(ApplicationError, match="short reason"):
        lifecycle.pair_end(pair=cast.pair, actor=cast.alice, reason=" ")
    cast.pair.refresh_from_db()
    assert cast.pair.status == S.ACTIVE
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.pair_end(pair=cast.pair, actor=cast.alice, reason="Moved to another town")
    cast.pair.refresh_from_db()
    assert (cast.pair.status, cast.pair.end_reason) == (S.ENDED, "Moved to another town")
    # Each side: one e-mail that the pair has ended, one asking for a closing reflection.
    sent = delivered()
    assert sorted(m.to[0] for m in sent) == ["bob@gjuteri.example"] * 2 + ["dana@elev.example"] * 2
    assert "Dana" in "".join(str(m.body) for m in sent if m.to == ["bob@gjuteri.example"])
    assert Notification.objects.filter(kind="reflection_asked").count() == 2


def test_rematch_ends_the_pair_and_frees_the_adept(cast: Cast) -> None:
    lifecycle.pair_rematch(pair=cast.pair, actor=cast.alice, reason="They do not get along")
    cast.pair.refresh_from_db()
    assert (cast.pair.status, cast.pair.end_reason) == (S.ENDED, "They do not get along")
    event = cast.pair.events.get()
    assert event.note.startswith("Re-match") and "They do not get along" in event.note
    Pair.objects.create(
        programme=cast.programme,
        mentor=another_mentor(cast),
        adept=cast.dana_enrolment,
        status=S.PROPOSED,
    )


def test_the_whole_history_is_kept(cast: Cast) -> None:
    pair = set_status(cast.pair, S.DRAFT)
    lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice)
    lifecycle.pair_accept(pair=pair, user=cast.bob)
    lifecycle.pair_accept(pair=pair, user=cast.dana)
    lifecycle.pair_pause(pair=pair, actor=cast.alice, reason="Summer")
    lifecycle.pair_resume(pair=pair, actor=cast.alice)
    lifecycle.pair_complete(pair=pair, actor=cast.alice)
    assert list(pair.events.values_list("from_status", "to_status", "actor")) == [
        (S.DRAFT, S.PROPOSED, cast.alice.pk),
        (S.PROPOSED, S.PROPOSED, cast.bob.pk),
        (S.PROPOSED, S.ACTIVE, cast.dana.pk),
        (S.ACTIVE, S.PAUSED, cast.alice.pk),
        (S.PAUSED, S.ACTIVE, cast.alice.pk),
        (S.ACTIVE, S.COMPLETED, cast.alice.pk),
    ]


# --- every refused transition ----------------------------------------------------------------


def run(action: str, cast: Cast, pair: Pair) -> None:
    match action:
        case "accept":
            lifecycle.pair_accept(pair=pair, user=cast.dana)
        case "decline":
            lifecycle.pair_decline(pair=pair, user=cast.dana, reason="No")
        case "pause":
            lifecycle.pair_pause(pair=pair, actor=cast.alice, reason="Why")
        case "resume":
            lifecycle.pair_resume(pair=pair, actor=cast.alice)
        case "complete":
            lifecycle.pair_complete(pair=pair, actor=cast.alice)
        case "end":
            lifecycle.pair_end(pair=pair, actor=cast.alice, reason="Why")
        case "rematch":
            lifecycle.pair_rematch(pair=pair, actor=cast.alice, reason="Why")


# Written out by hand, not read from `lifecycle.TRANSITIONS`: a wrong entry in the code's table
# must fail here. One row per status, one column per action: the status the pair moves to, or the
# refusal the person reads.
NOT_WAITING = "This proposal is no longer waiting for an answer."
ONLY_ACTIVE = "Only an active pair can be paused."
ONLY_PAUSED = "Only a paused pair can be resumed."
ONLY_LIVE = "Only an active or paused pair can be completed."
FINISHED = "This pair has already finished."
EXPECTED: dict[str, dict[str, tuple[str, str]]] = {
    "draft": {
        "accept": ("refused", NOT_WAITING),
        "decline": ("refused", NOT_WAITING),
        "pause": ("refused", ONLY_ACTIVE),
        "resume": ("refused", ONLY_PAUSED),
        "complete": ("refused", ONLY_LIVE),
        "end": ("refused", FINISHED),
        "rematch": ("refused", FINISHED),
    },
    "proposed": {
        "accept": ("moves", "active"),
        "decline": ("moves", "ended"),
        "pause": ("refused", ONLY_ACTIVE),
        "resume": ("refused", ONLY_PAUSED),
        "complete": ("refused", ONLY_LIVE),
        "end": ("moves", "ended"),
        "rematch": ("moves", "ended"),
    },
    "active": {
        "accept": ("refused", NOT_WAITING),
        "decline": ("refused", NOT_WAITING),
        "pause": ("moves", "paused"),
        "resume": ("refused", ONLY_PAUSED),
        "complete": ("moves", "completed"),
        "end": ("moves", "ended"),
        "rematch": ("moves", "ended"),
    },
    "paused": {
        "accept": ("refused", NOT_WAITING),
        "decline": ("refused", NOT_WAITING),
        "pause": ("refused", ONLY_ACTIVE),
        "resume": ("moves", "active"),
        "complete": ("moves", "completed"),
        "end": ("moves", "ended"),
        "rematch": ("moves", "ended"),
    },
    "completed": {
        "accept": ("refused", NOT_WAITING),
        "decline": ("refused", NOT_WAITING),
        "pause": ("refused", ONLY_ACTIVE),
        "resume": ("refused", ONLY_PAUSED),
        "complete": ("refused", ONLY_LIVE),
        "end": ("refused", FINISHED),
        "rematch": ("refused", FINISHED),
    },
    "ended": {
        "accept": ("refused", NOT_WAITING),
        "decline": ("refused", NOT_WAITING),
        "pause": ("refused", ONLY_ACTIVE),
        "resume": ("refused", ONLY_PAUSED),
        "complete": ("refused", ONLY_LIVE),
        "end": ("refused", FINISHED),
        "rematch": ("refused", FINISHED),
    },
}
REFUSED = [
    (status, action, message)
    for status, row in EXPECTED.items()
    for action, (outcome, message) in row.items()
    if outcome == "refused"
]
MADE = [
    (status, action, target)
    for status, row in EXPECTED.items()
    for action, (outcome, target) in row.items()
    if outcome == "moves"
]


def test_the_expected_table_covers_every_status_and_action() -> None:
    # A new status or action must get its row or column above before the table tests mean much.
    assert sorted(S.values) == sorted(EXPECTED)
    assert sorted(lifecycle.TRANSITIONS) == sorted(["publish", *EXPECTED["draft"]])
    assert (len(REFUSED), len(MADE)) == (30, 12)


@pytest.mark.parametrize(("status", "action", "message"), REFUSED)
def test_a_transition_outside_the_table_is_refused(
    cast: Cast, status: str, action: str, message: str
) -> None:
    pair = set_status(cast.pair, status)
    with pytest.raises(ApplicationError) as error:
        run(action, cast, pair)
    assert error.value.message == message
    pair.refresh_from_db()
    assert pair.status == status
    assert not pair.events.exists()


@pytest.mark.parametrize(("status", "action", "target"), MADE)
def test_a_transition_in_the_table_is_made(
    cast: Cast, status: str, action: str, target: str
) -> None:
    pair = set_status(cast.pair, status)
    if action == "accept":
        Pair.objects.filter(pk=pair.pk).update(mentor_accepted_at=timezone.now())
    run(action, cast, pair)
    pair.refresh_from_db()
    assert pair.status == target
    assert list(pair.events.values_list("from_status", "to_status")) == [(status, target)]


def test_publishing_has_nothing_to_do_without_drafts(cast: Cast) -> None:
    assert lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice) == []
    cast.pair.refresh_from_db()
    assert cast.pair.status == S.ACTIVE
