"""The ≥ 5 rule for every count from 0 to 10, and the trend in constant queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smile.belonging.models import PulseResponse, PulseRound
from smile.belonging.selectors import workplace_trends
from smile.belonging.tests.fixtures import close_round, open_round
from tests.cast import Cast

# answered: shown?  (written by hand: 5 is the smallest group shown)
EXPECTED = {
    0: False,
    1: False,
    2: False,
    3: False,
    4: False,
    5: True,
    6: True,
    7: True,
    8: True,
    9: True,
    10: True,
}


def _answers(round_: PulseRound, workplace_id: int, count: int, welcome: int = 3) -> None:
    PulseResponse.objects.bulk_create(
        PulseResponse(
            round=round_,
            workplace_id=workplace_id,
            welcome=welcome,
            help=4,
            expected=5,
            colleagues=2,
            fair=1,
        )
        for _ in range(count)
    )


@pytest.mark.parametrize("count", range(11))
def test_a_workplace_figure_is_shown_only_from_five_answers(cast: Cast, count: int) -> None:
    round_ = open_round()
    _answers(round_, cast.moulding.pk, count)
    close_round(round_)
    (figure,) = workplace_trends([cast.moulding])[cast.moulding.pk]
    assert figure.shown is EXPECTED[count]
    assert figure.answered == count
    if EXPECTED[count]:
        assert figure.means == {
            "welcome": 3.0,
            "help": 4.0,
            "expected": 5.0,
            "colleagues": 2.0,
            "fair": 1.0,
        }
        assert figure.overall == 3.0
    else:
        assert figure.means is None
        assert figure.overall is None


def test_an_open_round_is_not_shown(cast: Cast) -> None:
    round_ = open_round()
    _answers(round_, cast.moulding.pk, 6)
    assert workplace_trends([cast.moulding]) == {cast.moulding.pk: []}


def test_the_trend_is_oldest_first_and_per_workplace(cast: Cast) -> None:
    first = open_round()
    _answers(first, cast.moulding.pk, 5, welcome=2)
    _answers(first, cast.finishing.pk, 4)
    close_round(first)
    second = open_round(first.opens_at + timedelta(weeks=4))
    _answers(second, cast.moulding.pk, 6, welcome=5)
    _answers(second, cast.finishing.pk, 5)
    close_round(second)
    trends = workplace_trends([cast.moulding, cast.finishing, cast.care_home])
    assert [(f.answered, f.means and f.means["welcome"]) for f in trends[cast.moulding.pk]] == [
        (5, 2.0),
        (6, 5.0),
    ]
    assert [f.shown for f in trends[cast.finishing.pk]] == [False, True]
    assert trends[cast.care_home.pk] == []


def test_the_query_count_does_not_grow_with_workplaces_and_rounds(cast: Cast) -> None:
    round_ = open_round()
    _answers(round_, cast.moulding.pk, 5)
    close_round(round_)
    with CaptureQueriesContext(connection) as one:
        workplace_trends([cast.moulding])
    second = open_round(round_.opens_at + timedelta(weeks=4))
    _answers(second, cast.finishing.pk, 7)
    close_round(second)
    with CaptureQueriesContext(connection) as three:
        workplace_trends([cast.moulding, cast.finishing, cast.care_home])
    # The programmes of the workplaces, their closed rounds, the sums.
    assert len(one) == len(three) == 3
