"""A proposed pair asks both people "please say yes or no": each one's notice is done when she
answers, and both are done when the proposal is declined or withdrawn."""

from smile.matching import lifecycle
from smile.matching.models import Pair, PairStatus
from smile.notifications.models import Kind, Notification
from smile.notifications.selectors import unread_count
from tests.cast import Cast


def published(cast: Cast) -> Pair:
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.DRAFT, started_on=None)
    [pair] = lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice)
    return pair


def asked() -> list[tuple[str, bool]]:
    """Each "proposed" notice: to whom, and whether it is done."""
    return sorted(
        (email, done is not None)
        for email, done in Notification.objects.filter(
            kind=Kind.PAIR_CHANGED, params__event="proposed"
        ).values_list("recipient__email", "done_at")
    )


def test_each_yes_clears_that_persons_notice(cast: Cast, login) -> None:
    pair = published(cast)
    assert asked() == [("bob@gjuteri.example", False), ("dana@elev.example", False)]
    assert (unread_count(user=cast.bob), unread_count(user=cast.dana)) == (1, 1)

    response = login(cast.bob).post(f"/matching/pairs/{pair.pk}/answer/", {"decision": "accept"})
    assert response.status_code == 302
    assert asked() == [("bob@gjuteri.example", True), ("dana@elev.example", False)]
    assert (unread_count(user=cast.bob), unread_count(user=cast.dana)) == (0, 1)

    lifecycle.pair_accept(pair=pair, user=cast.dana)
    assert asked() == [("bob@gjuteri.example", True), ("dana@elev.example", True)]
    # The pair has started: both hear of it, a notice that asks nothing.
    started = Notification.objects.filter(kind=Kind.PAIR_CHANGED, params__event="active")
    assert sorted((n.recipient.email, n.subject) for n in started) == [
        ("bob@gjuteri.example", ""),
        ("dana@elev.example", ""),
    ]
    assert (unread_count(user=cast.bob), unread_count(user=cast.dana)) == (1, 1)


def test_a_no_clears_both_notices(cast: Cast) -> None:
    pair = published(cast)
    lifecycle.pair_decline(pair=pair, user=cast.dana, reason="Another workplace")
    assert asked() == [("bob@gjuteri.example", True), ("dana@elev.example", True)]


def test_a_proposal_ended_by_the_coordinator_clears_both_notices(cast: Cast) -> None:
    pair = published(cast)
    lifecycle.pair_accept(pair=pair, user=cast.dana)
    lifecycle.pair_end(pair=pair, actor=cast.alice, reason="Wrong match")
    assert asked() == [("bob@gjuteri.example", True), ("dana@elev.example", True)]


def test_an_outsiders_answer_clears_nothing(cast: Cast, login) -> None:
    pair = published(cast)
    response = login(cast.charlie).post(
        f"/matching/pairs/{pair.pk}/answer/", {"decision": "accept"}
    )
    assert response.status_code == 404
    assert asked() == [("bob@gjuteri.example", False), ("dana@elev.example", False)]
    pair.refresh_from_db()
    assert (pair.status, pair.started_on) == (PairStatus.PROPOSED, None)
