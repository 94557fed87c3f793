"""The coordinator's list of all the pairs of her programmes: published pairs stay in view, with
their status, health and last meeting; filters refuse what is not theirs with a clear message;
the queries do not grow with the pairs; no one else sees the list."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.core.actor import SYSTEM
from smile.matching.models import Pair, PairStatus
from smile.mentoring.models import ActionItem, Meeting, MeetingLog, MeetingStatus
from smile.programmes.services import enrolment_create
from tests.cast import Cast, add_other_mentor, make_user
from tests.pages import body_of

PAIRS = "/mentoring/pairs/"
S = PairStatus


def today() -> date:
    return timezone.localdate()


def add_pair(cast: Cast, n: int, *, status: str = S.ACTIVE) -> Pair:
    """Another pair in alice's programme: "Adept n" with "Mentor n", started five days ago."""
    start = date(2026, 8, 10)
    mentor = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=make_user(f"mentor{n}@gjuteri.example", f"Mentor {n}"),
        role="mentor",
        workplace=cast.finishing,
        starts_on=start,
    )
    adept = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=make_user(f"adept{n}@elev.example", f"Adept {n}"),
        role="adept",
        workplace=cast.finishing,
        starts_on=start,
    )
    return Pair.objects.create(
        programme=cast.programme,
        mentor=mentor,
        adept=adept,
        status=status,
        started_on=today() - timedelta(days=5),
        ended_on=today() if status in (S.COMPLETED, S.ENDED) else None,
        end_reason="Moved" if status == S.ENDED else "",
    )


@pytest.fixture
def several(cast: Cast) -> dict[str, Pair]:
    """Dana–Bob active with no meeting for 40 days (a warning); Erin–Otto active and well, met
    on 1 Sep 2026 by a log; a proposal; a completed pair; and Charlie's own pair elsewhere."""
    Pair.objects.filter(pk=cast.pair.pk).update(started_on=today() - timedelta(days=40))
    add_other_mentor(cast)
    otto_pair = Pair.objects.get(adept=cast.erin_enrolment)
    Pair.objects.filter(pk=otto_pair.pk).update(started_on=today() - timedelta(days=3))
    MeetingLog.objects.create(pair=otto_pair, held_on=date(2026, 9, 1), minutes=60)
    proposed = add_pair(cast, 1, status=S.PROPOSED)
    completed = add_pair(cast, 2, status=S.COMPLETED)
    return {"dana": cast.pair, "erin": otto_pair, "proposed": proposed, "completed": completed}


def rows(body: str) -> int:
    return body.count('<th scope="row">')


def test_the_coordinator_sees_every_pair_published_ones_too(
    cast: Cast, login, several: dict[str, Pair]
) -> None:
    body = body_of(login(cast.alice).get(PAIRS))
    assert "4 pairs" in body
    assert rows(body) == 4
    # Each row opens the pair's page.
    for pair in several.values():
        assert f'href="/matching/pairs/{pair.pk}/"' in body
    assert "<bdi>Dana Darwish</bdi>" in body and "<bdi>Bob Berg</bdi>" in body
    assert "<bdi>Formning</bdi>" in body and "<bdi>Sävsjö Gjuteri AB</bdi>" in body
    assert ">Proposed<" in body and ">Completed<" in body and ">Active<" in body
    assert "No meeting for 40 days" in body
    assert "Going well" in body
    assert "Not under way" in body  # the proposal and the completed pair
    assert "1 Sept 2026" in body  # Erin's last meeting
    assert 'class="cards"' in body and 'data-label="How it goes"' in body


def test_the_list_in_swedish(cast: Cast, login, several: dict[str, Pair]) -> None:
    client = login(cast.alice)
    client.cookies["smile_language"] = "sv"
    body = body_of(client.get(PAIRS))
    assert "<h1>Alla par</h1>" in body
    assert "4 par" in body
    assert ">Föreslaget<" in body
    assert "Behöver ses över" in body and "Går bra" in body
    assert "1 sep. 2026" in body


def test_the_last_meeting_is_a_log_or_a_confirmed_meeting_that_took_place(
    cast: Cast, login, several: dict[str, Pair]
) -> None:
    pair = several["erin"]
    Meeting.objects.create(
        pair=pair,
        starts_at=datetime(2026, 9, 3, 9, tzinfo=UTC),
        place="Café",
        status=MeetingStatus.CONFIRMED,
        confirmed_at=datetime(2026, 9, 1, 9, tzinfo=UTC),
    )
    # Only proposed, or still to come: not a meeting held.
    Meeting.objects.create(pair=pair, starts_at=datetime(2026, 9, 4, 9, tzinfo=UTC), place="A")
    Meeting.objects.create(
        pair=pair,
        starts_at=timezone.now() + timedelta(days=2),
        place="B",
        status=MeetingStatus.CONFIRMED,
        confirmed_at=timezone.now(),
    )
    body = body_of(login(cast.alice).get(f"{PAIRS}?q=erin"))
    assert rows(body) == 1
    assert "3 Sept 2026" in body and "1 Sept 2026" not in body


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("status=active", ["Dana Darwish", "Erin Eriksson"]),
        ("status=proposed", ["Adept 1"]),
        ("health=warning", ["Dana Darwish"]),
        ("health=well", ["Erin Eriksson"]),
        ("q=DANA", ["Dana Darwish"]),
        ("q=otto", ["Erin Eriksson"]),
        ("status=completed&health=warning", []),
    ],
)
def test_the_filters(
    cast: Cast, login, several: dict[str, Pair], query: str, names: list[str]
) -> None:
    body = body_of(login(cast.alice).get(f"{PAIRS}?{query}"))
    assert rows(body) == len(names)
    for name in names:
        assert f"<bdi>{name}</bdi></a></th>" in body
    if not names:
        assert "No pair matches these filters." in body


def test_the_programme_filter_keeps_to_that_programme(
    cast: Cast, login, several: dict[str, Pair]
) -> None:
    body = body_of(login(cast.alice).get(f"{PAIRS}?programme={cast.programme.pk}"))
    assert rows(body) == 4


RESET = "A filter could not be used, so all filters were reset. All your pairs are shown."


@pytest.mark.parametrize(
    "query",
    ["status=nonsense", "health=dreadful", "programme=abc", "q=" + "x" * 101],
)
def test_a_bad_filter_is_reset_with_a_clear_message(
    cast: Cast, login, several: dict[str, Pair], query: str
) -> None:
    body = body_of(login(cast.alice).get(f"{PAIRS}?{query}"), status=200)
    assert RESET in body
    # The filters are back to "all": no chosen value stays, no field error, every pair shows.
    assert "Please choose only from the list." not in body
    assert '<option value="" selected>All statuses</option>' in body
    assert '<option value="" selected>All</option>' in body
    assert 'value="' + "x" * 101 not in body
    assert rows(body) == 4


def test_the_reset_message_is_in_her_language(cast: Cast, login, several: dict[str, Pair]) -> None:
    client = login(cast.alice)
    client.cookies["smile_language"] = "sv"
    body = body_of(client.get(f"{PAIRS}?status=nonsense"), status=200)
    assert RESET not in body
    assert "Ett filter kunde inte användas" in body
    assert rows(body) == 4


def test_another_organisations_programme_is_reset_and_shows_only_hers(
    cast: Cast, login, several: dict[str, Pair]
) -> None:
    body = body_of(login(cast.alice).get(f"{PAIRS}?programme={cast.other_programme.pk}"), 200)
    assert RESET in body
    assert rows(body) == 4
    assert "Charlie" not in body


def test_another_organisations_coordinator_sees_none_of_these_pairs(
    cast: Cast, login, several: dict[str, Pair]
) -> None:
    body = body_of(login(cast.charlie).get(PAIRS))
    assert "0 pairs" in body
    assert "Dana Darwish" not in body and "Bob Berg" not in body


@pytest.mark.parametrize("who", ["bob", "dana", "mona", "tess"])
def test_people_who_coordinate_nothing_get_no_list(
    cast: Cast, login, several: dict[str, Pair], who: str
) -> None:
    body = body_of(login(getattr(cast, who)).get(PAIRS), status=404)
    assert "Dana Darwish" not in body


def test_a_visitor_is_sent_to_log_in(cast: Cast, client) -> None:
    response = client.get(PAIRS)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_pages_of_twenty_five(cast: Cast, login) -> None:
    for n in range(30):
        add_pair(cast, n)
    client = login(cast.alice)
    first = body_of(client.get(f"{PAIRS}?status=active"))
    assert "31 pairs" in first and "Pairs 1–25 of 31" in first
    assert rows(first) == 25
    assert 'href="?status=active&amp;page=2"' in first
    second = body_of(client.get(f"{PAIRS}?status=active&page=2"))
    assert rows(second) == 6
    # A page number that is not one shows the first page; one past the end the last.
    assert rows(body_of(client.get(f"{PAIRS}?page=x"))) == 25
    assert rows(body_of(client.get(f"{PAIRS}?page=99"))) == 6


def _busy_pair(cast: Cast, n: int) -> None:
    """A pair with a late thing to do and a meeting yesterday: every column has something."""
    pair = add_pair(cast, n)
    ActionItem.objects.create(
        pair=pair, title="Read", owner=cast.dana, due_on=today() - timedelta(days=2)
    )
    MeetingLog.objects.create(pair=pair, held_on=today() - timedelta(days=1), minutes=30)


def test_the_queries_do_not_grow_with_the_pairs(cast: Cast, login) -> None:
    _busy_pair(cast, 0)  # and Dana's: two pairs
    client = login(cast.alice)
    client.get(PAIRS)  # the first request of a session reads a little more
    with CaptureQueriesContext(connection) as two:
        body = body_of(client.get(PAIRS))
    assert rows(body) == 2
    for n in range(1, 5):
        _busy_pair(cast, n)
    with CaptureQueriesContext(connection) as six:
        body = body_of(client.get(PAIRS))
    assert rows(body) == 6
    assert "1 thing to do is late" in body
    # The session, alice, her second factor; her memberships (scope) and her programmes (the
    # filter); her programmes again, support requests, pairs with their subqueries, mentor time
    # and the committed budgets (the warnings, for the health); the count and the page's pairs
    # with their last meeting; her role and her unread notices (the page's frame).
    assert len(two) == len(six) == 14


def test_the_coordinators_home_and_the_matching_page_link_to_the_list(cast: Cast, login) -> None:
    client = login(cast.alice)
    home = body_of(client.get("/home/coordinator/"))
    assert f'href="{PAIRS}"' in home
    matching = body_of(client.get(f"/matching/programmes/{cast.programme.pk}/"))
    assert f'href="{PAIRS}?programme={cast.programme.pk}"' in matching
