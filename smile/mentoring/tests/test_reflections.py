"""Ending well: both sides are asked for a reflection; each reads the other's once both wrote."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.core.errors import ApplicationError
from smile.matching.models import Pair, PairStatus
from smile.mentoring.closing import selectors, services
from smile.mentoring.models import Reflection
from smile.notifications.models import Kind, Notification
from tests.cast import Cast
from tests.pages import body_of

DANA_TEXT = "Bob showed me every machine in the foundry."
BOB_TEXT = "Dana asked the best questions of anyone."


def url(pair: Pair) -> str:
    return f"/mentoring/pairs/{pair.pk}/reflection/"


@pytest.fixture
def ended(cast: Cast) -> Pair:
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.COMPLETED, ended_on=timezone.localdate()
    )
    cast.pair.refresh_from_db()
    return cast.pair


def notices(kind: str) -> list[tuple[int, dict, str]]:
    return sorted(
        Notification.objects.filter(kind=kind).values_list("recipient_id", "params", "url")
    )


# --- asking -----------------------------------------------------------------------------------


def test_closing_a_pair_asks_both_for_a_reflection(cast: Cast, ended: Pair) -> None:
    services.reflections_request(pair=ended)
    assert notices(Kind.REFLECTION_ASKED) == sorted(
        [
            (cast.dana.pk, {"name": "Bob Berg"}, url(ended)),
            (cast.bob.pk, {"name": "Dana Darwish"}, url(ended)),
        ]
    )


def test_a_pair_that_never_started_is_not_asked(cast: Cast) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.ENDED, started_on=None, end_reason="declined"
    )
    cast.pair.refresh_from_db()
    services.reflections_request(pair=cast.pair)
    assert not Notification.objects.exists()


# --- writing ----------------------------------------------------------------------------------


def test_dana_writes_and_sees_only_her_own_until_bob_writes(cast: Cast, ended: Pair, login) -> None:
    client = login(cast.dana)
    content = body_of(client.get(url(ended)))
    assert "How was the mentorship?" in content and "Very good" in content
    response = client.post(url(ended), {"rating": "5", "text": DANA_TEXT})
    assert response.status_code == 302 and response["Location"] == url(ended)
    reflection = Reflection.objects.get()
    assert (reflection.side, reflection.author, reflection.rating, reflection.text) == (
        "adept",
        cast.dana,
        5,
        DANA_TEXT,
    )
    content = body_of(client.get(url(ended)))
    assert DANA_TEXT in content
    assert "We are waiting for the reflection of Bob Berg." in content
    assert 'name="rating"' not in content
    assert not Notification.objects.filter(kind=Kind.REFLECTIONS_READY).exists()

    # Bob and alice do not see Dana's text before Bob has written.
    content = body_of(login(cast.bob).get(url(ended)))
    assert DANA_TEXT not in content and 'name="rating"' in content
    content = body_of(login(cast.alice).get(url(ended)))
    assert DANA_TEXT not in content
    assert "The reflections are shown when both have written." in content

    response = login(cast.bob).post(url(ended), {"rating": "4", "text": BOB_TEXT})
    assert response.status_code == 302
    assert notices(Kind.REFLECTIONS_READY) == sorted(
        [
            (cast.dana.pk, {"name": "Bob Berg"}, url(ended)),
            (cast.bob.pk, {"name": "Dana Darwish"}, url(ended)),
        ]
    )
    for who in (cast.dana, cast.bob, cast.alice):
        content = body_of(login(who).get(url(ended)))
        assert DANA_TEXT in content and BOB_TEXT in content, who
    content = body_of(login(cast.dana).get(url(ended)))
    assert "The reflection of Bob Berg" in content and "Good" in content


def test_a_side_writes_once(cast: Cast, ended: Pair, login) -> None:
    services.reflection_write(pair=ended, by=cast.dana, rating=3, text="First")
    with pytest.raises(ApplicationError, match="already written"):
        services.reflection_write(pair=ended, by=cast.dana, rating=1, text="Second")
    response = login(cast.dana).post(url(ended), {"rating": "1", "text": "Second"})
    assert response.status_code == 200
    assert "You have already written your reflection. Thank you!" in response.content.decode()
    assert list(Reflection.objects.values_list("rating", "text")) == [(3, "First")]


@pytest.mark.parametrize("status", [PairStatus.ACTIVE, PairStatus.PAUSED, PairStatus.PROPOSED])
def test_only_after_the_pair_has_ended(cast: Cast, login, status: str) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(status=status)
    client = login(cast.dana)
    content = body_of(client.get(url(cast.pair)))
    assert "You can write your reflection when the mentorship has ended." in content
    response = client.post(url(cast.pair), {"rating": "5", "text": "Early"})
    assert response.status_code == 200
    assert "You can write your reflection when the mentorship has ended." in (
        response.content.decode()
    )
    assert not Reflection.objects.exists()


def test_a_declined_proposal_has_no_reflection(cast: Cast) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.ENDED, started_on=None, end_reason="no"
    )
    cast.pair.refresh_from_db()
    with pytest.raises(ApplicationError, match="when the mentorship has ended"):
        services.reflection_write(pair=cast.pair, by=cast.dana, rating=4, text="")


def test_the_coordinator_reads_but_does_not_write(cast: Cast, ended: Pair, login) -> None:
    # She is offered no form; a crafted post is refused by the service's policy.
    client = login(cast.alice)
    assert 'name="rating"' not in client.get(url(ended)).content.decode()
    response = client.post(url(ended), {"rating": "5", "text": "Mine"})
    assert response.status_code == 403
    assert not Reflection.objects.exists()


@pytest.mark.parametrize("who", ["charlie", "erin", "mona", "tess"])
def test_others_get_404_and_nothing_is_written(cast: Cast, ended: Pair, login, who: str) -> None:
    services.reflection_write(pair=ended, by=cast.dana, rating=5, text=DANA_TEXT)
    services.reflection_write(pair=ended, by=cast.bob, rating=5, text=BOB_TEXT)
    client = login(getattr(cast, who))
    assert client.get(url(ended)).status_code == 404
    assert client.post(url(ended), {"rating": "1", "text": "x"}).status_code == 404
    assert Reflection.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"text": "Kept text"}, "This field is required."),
        ({"rating": "9", "text": "Kept text"}, "Select a valid choice. 9 is not one of"),
        (
            {"rating": "4", "text": "Kept text" + "x" * 2000},
            "Ensure this value has at most 2000 characters (it has 2009).",
        ),
    ],
)
def test_bad_input_is_explained_and_kept(
    cast: Cast, ended: Pair, login, data: dict, error: str
) -> None:
    response = login(cast.dana).post(url(ended), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert error in content and "Kept text" in content
    assert not Reflection.objects.exists()


# --- the panels ---------------------------------------------------------------------------------


def test_the_home_asks_until_she_has_written(cast: Cast, ended: Pair) -> None:
    assert selectors.for_home(user=cast.dana, role="adept") == {
        "asks": [{"pair": ended, "name": "Bob Berg"}]
    }
    assert selectors.for_home(user=cast.bob, role="mentor") == {
        "asks": [{"pair": ended, "name": "Dana Darwish"}]
    }
    assert selectors.for_home(user=cast.dana, role="mentor") == {}
    services.reflection_write(pair=ended, by=cast.dana, rating=4, text="")
    assert selectors.for_home(user=cast.dana, role="adept") == {}
    assert selectors.for_home(user=cast.bob, role="mentor") != {}


def test_the_home_does_not_ask_for_live_or_long_ago_pairs(cast: Cast) -> None:
    assert selectors.for_home(user=cast.dana, role="adept") == {}
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.COMPLETED, ended_on=timezone.localdate() - timedelta(days=91)
    )
    assert selectors.for_home(user=cast.dana, role="adept") == {}


def test_the_home_card_is_shown_in_one_query(cast: Cast, ended: Pair, login) -> None:
    with CaptureQueriesContext(connection) as queries:
        selectors.for_home(user=cast.dana, role="adept")
    assert len(queries) == 1
    content = body_of(login(cast.dana).get("/home/adept/"))
    assert "Your mentorship with <bdi>Bob Berg</bdi> has ended. How was it?" in content
    assert f'href="{url(ended)}"' in content


def test_the_pair_panel_tells_where_the_reflections_stand(cast: Cast, ended: Pair) -> None:
    assert selectors.for_pair(user=cast.dana, pair=ended) == {
        "pair": ended,
        "side": "adept",
        "own_written": False,
        "both_written": False,
    }
    services.reflection_write(pair=ended, by=cast.bob, rating=4, text=BOB_TEXT)
    assert selectors.for_pair(user=cast.alice, pair=ended)["both_written"] is False
    assert selectors.for_pair(user=cast.bob, pair=ended)["own_written"] is True
    services.reflection_write(pair=ended, by=cast.dana, rating=4, text="")
    assert selectors.for_pair(user=cast.alice, pair=ended)["both_written"] is True
    Pair.objects.filter(pk=ended.pk).update(status=PairStatus.ACTIVE)
    ended.refresh_from_db()
    assert selectors.for_pair(user=cast.dana, pair=ended) == {}


def test_the_start_date_matters_not_the_calendar(cast: Cast) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.ENDED, started_on=date(2026, 8, 10), end_reason="moved away"
    )
    cast.pair.refresh_from_db()
    reflection = services.reflection_write(pair=cast.pair, by=cast.bob, rating=2, text="")
    assert reflection.side == "mentor"
