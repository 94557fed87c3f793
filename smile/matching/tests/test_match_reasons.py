"""Why a pair was matched: the coordinator reads every criterion, the adept and the mentor only
those that are theirs to read — a wish about the mentor's gender never reaches the mentor."""

import pytest

from smile.matching.models import Pair, PairStatus
from tests.cast import Cast


@pytest.fixture
def wished(cast: Cast) -> Pair:
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.PROPOSED,
        started_on=None,
        score=80.0,
        breakdown={
            "language": {"points": 30.0, "max": 40.0},
            "workplace": {"points": 30.0, "max": 30.0},
            "gender": {"points": 20.0, "max": 30.0},
        },
    )
    cast.pair.refresh_from_db()
    return cast.pair


def test_the_coordinator_sees_the_gender_wish_and_the_whole_score(
    cast: Cast, login, wished: Pair
) -> None:
    response = login(cast.alice).get(f"/matching/pairs/{wished.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gender wish" in body
    assert "Compatibility: 80 of 100" in body


@pytest.mark.parametrize("who", ["bob", "dana"])
def test_the_mentor_and_the_adept_never_see_the_gender_wish(
    cast: Cast, login, wished: Pair, who: str
) -> None:
    response = login(getattr(cast, who)).get(f"/matching/pairs/{wished.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gender wish" not in body
    assert "Shared language" in body
    # (30 + 30) of (40 + 30): the score of the rows they see, not the 80 that holds the wish.
    assert "Compatibility: 86 of 100" in body
