"""A round's results from its summed answers: who may be shown, averages, levels, gaps, change.

Every expected number below is worked out by hand in the comment beside it."""

from decimal import Decimal
from fractions import Fraction

from smile.leadership import statements as st
from smile.leadership.results import round_result, shown_groups

CODES = [s.code for s in st.STATEMENTS]


def sums_of(**groups: list[dict[str, int]]) -> dict[tuple[str, str], tuple[int, int]]:
    """The summed answers of each group's people (a dict of answers per person)."""
    sums: dict[tuple[str, str], tuple[int, int]] = {}
    for role, people in groups.items():
        for answers in people:
            for code, value in answers.items():
                total, n = sums.get((role, code), (0, 0))
                sums[(role, code)] = (total + value, n + 1)
    return sums


def same(value: int, **overrides: int) -> dict[str, int]:
    answers = dict.fromkeys(CODES, value)
    for key, given in overrides.items():
        answers[key.replace("__", ".")] = given
    return answers


def test_two_answers_show_nothing_and_three_show_the_result() -> None:
    two = round_result({"mentor": 2}, sums_of(mentor=[same(4), same(2)]))
    assert (two.enough, two.respondents, two.dimensions, two.weakest) == (False, 2, [], [])

    three = round_result({"mentor": 3}, sums_of(mentor=[same(4), same(2), same(3)]))
    assert three.enough is True
    # Everyone's average on each dimension: (4 + 2 + 3) / 3 = 3.
    assert [(d.dimension, d.shown) for d in three.dimensions] == [
        ("inclusion", Decimal("3.0")),
        ("learning", Decimal("3.0")),
        ("equality", Decimal("3.0")),
        ("support", Decimal("3.0")),
    ]
    # Three mentors and nobody else: the mentors' result may be shown (it is everyone's).
    assert three.groups == ["mentor"]
    assert [g.shown for g in three.dimensions[0].groups] == [Decimal("3.0")]


def test_a_group_of_two_is_never_shown_on_its_own() -> None:
    result = round_result(
        {"mentor": 2, "manager": 1}, sums_of(mentor=[same(5), same(5)], manager=[same(2)])
    )
    assert result.enough is True
    assert result.groups == []
    # Everyone: (5 + 5 + 2) / 3 = 4.
    assert result.dimensions[3].shown == Decimal("4.0")


def test_a_group_is_hidden_when_it_would_give_away_a_smaller_one() -> None:
    # Three mentors and one manager: the mentors' result beside everyone's would give the
    # manager's own answers (4 × everyone − 3 × mentors), so only everyone's is shown.
    assert shown_groups({"mentor": 3, "manager": 1}) == []
    # With three managers, three mentors and one coordinator, hiding one group of three leaves
    # four hidden: managers are kept (the first in order), mentors hidden.
    assert shown_groups({"manager": 3, "mentor": 3, "coordinator": 1}) == ["manager"]
    # Nobody left out: every group of three or more is shown.
    assert shown_groups({"manager": 3, "mentor": 4, "coordinator": 3}) == [
        "manager",
        "mentor",
        "coordinator",
    ]
    # Three hidden are enough to hide among.
    assert shown_groups({"mentor": 5, "manager": 2, "coordinator": 1}) == ["mentor"]
    assert shown_groups({"mentor": 2}) == []


def test_averages_levels_and_the_weakest_statements() -> None:
    # Three mentors answer 4 to everything, but one of them says mentors have no time (1).
    result = round_result(
        {"mentor": 3},
        sums_of(mentor=[same(4), same(4), same(4, support__time=1)]),
    )
    support = result.support
    assert support is not None
    # Support: 4 statements × 3 people = 12 answers, summing 48 − 3 = 45: 45/12 = 3.75 → 3.8.
    assert support.average == Fraction(45, 12)
    assert support.shown == Decimal("3.8")
    assert support.level.code == "established"  # 3.5 ≤ 3.75 < 4.25
    assert result.support_weak is False
    # Only "time" is below 4: (4 + 4 + 1) / 3 = 3.
    assert [(w.statement.code, w.shown) for w in result.weakest] == [
        ("support.time", Decimal("3.0"))
    ]
    assert result.lowest is not None and result.lowest.dimension == "support"


def test_weak_management_support_is_called_out() -> None:
    result = round_result(
        {"manager": 1, "mentor": 2},
        sums_of(
            manager=[same(4, support__time=2, support__plan=2)],
            mentor=[same(4, support__time=2, support__plan=2, support__attitude=2), same(3)],
        ),
    )
    # Support answers: manager 4+2+2+4 = 12, mentor one 2+2+2+4 = 10, mentor two 3×4 = 12:
    # 34 / 12 = 2.83 → 2.8, below the threshold of 3.
    assert result.support is not None
    assert result.support.shown == Decimal("2.8")
    assert result.support_weak is True
    # The weakest: support.time and support.plan (2+2+3)/3 = 2.33, then support.attitude
    # (4+2+3)/3 = 3 ties with nothing lower; at most three are shown, the lowest first and, on a
    # tie, in the order of the assessment (attitude before time before plan).
    assert [(w.statement.code, w.shown) for w in result.weakest] == [
        ("support.time", Decimal("2.3")),
        ("support.plan", Decimal("2.3")),
        ("support.attitude", Decimal("3.0")),
    ]


def test_the_change_since_the_round_before() -> None:
    before = round_result({"mentor": 3}, sums_of(mentor=[same(2), same(2), same(3)]))
    after = round_result({"mentor": 3}, sums_of(mentor=[same(4), same(3), same(3)]), before)
    # Before: 7/3 = 2.33; after: 10/3 = 3.33; the change is exactly 1.
    assert [d.change_shown for d in after.dimensions] == [Decimal("1.0")] * 4
    # A round before with too few answers gives no change.
    thin = round_result({"mentor": 2}, sums_of(mentor=[same(1), same(1)]))
    again = round_result({"mentor": 3}, sums_of(mentor=[same(4), same(3), same(3)]), thin)
    assert [d.change for d in again.dimensions] == [None] * 4


def test_the_levels_and_the_rounding() -> None:
    assert st.level_of(Fraction(249, 100)).code == "early"
    assert st.level_of(Fraction(5, 2)).code == "started"
    assert st.level_of(Fraction(349, 100)).code == "started"
    assert st.level_of(Fraction(7, 2)).code == "established"
    assert st.level_of(Fraction(424, 100)).code == "established"
    assert st.level_of(Fraction(17, 4)).code == "strong"
    assert st.level_of(Fraction(5)).code == "strong"
    assert st.one_decimal(Fraction(245, 100)) == Decimal("2.5")
    assert st.one_decimal(Fraction(-1, 4)) == Decimal("-0.3")
    assert st.one_decimal(Fraction(3)) == Decimal("3.0")


def test_sixteen_statements_four_on_each_dimension() -> None:
    assert len(st.STATEMENTS) == 16
    assert len(set(CODES)) == 16
    for dimension in st.DIMENSIONS:
        assert len(st.statements_of(dimension)) == 4
