"""Small-cell suppression: no figure for fewer than five people, and none that subtraction from
the shown figures reveals. Expected figures are worked out by hand; the exhaustive tests check
every table of three groups of 0 to 10 people against the subtraction attack."""

import itertools

import pytest

from smile.equality.suppression import suppress

GROUPS = ("woman", "man", "non_binary")
Row = tuple[int | None, ...]
Possible = dict[str, set[object]]


def shown(counts: tuple[int, int, int]) -> tuple[int | None, ...]:
    result = suppress(dict(zip(GROUPS, counts, strict=True)))
    return (*(result.cells[group] for group in GROUPS), result.total)


# woman = n (0..10), man = 12, non-binary = 7, worked out by hand: a small group of women is
# hidden, and the smallest shown group (non-binary, 7) with it, so total minus men gives only
# their sum (7 + n), never n.
@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, (None, 12, None, 19)),
        (1, (None, 12, None, 20)),
        (2, (None, 12, None, 21)),
        (3, (None, 12, None, 22)),
        (4, (None, 12, None, 23)),
        (5, (5, 12, 7, 24)),
        (6, (6, 12, 7, 25)),
        (7, (7, 12, 7, 26)),
        (8, (8, 12, 7, 27)),
        (9, (9, 12, 7, 28)),
        (10, (10, 12, 7, 29)),
    ],
)
def test_one_small_group_hides_the_smallest_other_too(
    n: int, expected: tuple[int | None, ...]
) -> None:
    assert shown((n, 12, 7)) == expected


# woman = n, man = 3 (always too small), non-binary = 6, by hand:
# n <= 1: women and men hold fewer than 5 together, so non-binary is hidden as well;
# 2 <= n <= 4: women and men are hidden and hold 5 or more together;
# n = 5, 6: men hidden, and the smallest other (women; the first of equals at 6) with them;
# n >= 7: men hidden, and non-binary (6, now the smallest) with them.
@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, (None, None, None, 9)),
        (1, (None, None, None, 10)),
        (2, (None, None, 6, 11)),
        (3, (None, None, 6, 12)),
        (4, (None, None, 6, 13)),
        (5, (None, None, 6, 14)),
        (6, (None, None, 6, 15)),
        (7, (7, None, None, 16)),
        (8, (8, None, None, 17)),
        (9, (9, None, None, 18)),
        (10, (10, None, None, 19)),
    ],
)
def test_the_hidden_groups_together_hold_at_least_five(
    n: int, expected: tuple[int | None, ...]
) -> None:
    assert shown((n, 3, 6)) == expected


# Only women in the programme (n of them): below 5 nothing at all is shown; from 5 on the total
# alone, since "women = total" would otherwise follow from two zeros.
@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, (None, None, None, None)),
        (1, (None, None, None, None)),
        (2, (None, None, None, None)),
        (3, (None, None, None, None)),
        (4, (None, None, None, None)),
        (5, (None, None, None, 5)),
        (6, (None, None, None, 6)),
        (7, (None, None, None, 7)),
        (8, (None, None, None, 8)),
        (9, (None, None, None, 9)),
        (10, (None, None, None, 10)),
    ],
)
def test_a_single_group_shows_only_the_total(n: int, expected: Row) -> None:
    assert shown((n, 0, 0)) == expected


def test_nothing_is_hidden_when_every_group_has_five() -> None:
    result = suppress({"woman": 5, "man": 9, "non_binary": 5})
    assert result.cells == {"woman": 5, "man": 9, "non_binary": 5}
    assert result.total == 19
    assert result.anything_hidden is False


def test_it_says_why_each_group_is_hidden() -> None:
    result = suppress({"woman": 6, "man": 1, "non_binary": 8})
    assert result.cells == {"woman": None, "man": None, "non_binary": 8}
    assert result.total == 15
    assert result.too_small == frozenset({"man"})
    assert result.protecting == frozenset({"woman"})


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        suppress({"woman": -1, "man": 7})


SIZES = range(11)


def consistent_values(result_cells: dict[str, int | None], total: int | None) -> Possible:
    """What an attacker who subtracts can know of each hidden group: every value it can take
    (0 up to the total, the hidden groups adding up to total minus the shown ones). Without a
    total she knows nothing: any number is possible (shown here as 0 to 10, plus 'more')."""
    hidden = [group for group, value in result_cells.items() if value is None]
    if total is None:
        return {group: {*range(11), "more"} for group in hidden}
    rest = total - sum(value for value in result_cells.values() if value is not None)
    possible: dict[str, set[object]] = {group: set() for group in hidden}
    for values in itertools.product(range(rest + 1), repeat=len(hidden)):
        if sum(values) == rest:
            for group, value in zip(hidden, values, strict=True):
                possible[group].add(value)
    return possible


@pytest.mark.parametrize("counts", list(itertools.product(SIZES, repeat=3)))
def test_every_table_of_three_groups_of_0_to_10_resists_subtraction(
    counts: tuple[int, int, int],
) -> None:
    cells = dict(zip(GROUPS, counts, strict=True))
    result = suppress(cells)
    for group, value in result.cells.items():
        if value is not None:
            assert value >= 5, (counts, group)
            assert value == cells[group]
        elif cells[group] < 5:
            assert group in result.too_small
    if result.total is not None:
        assert result.total == sum(counts) >= 5
    else:
        assert sum(counts) < 5
        assert set(result.cells.values()) == {None}
    # The attack: no hidden group's number can be worked out from what is shown.
    for group, values in consistent_values(result.cells, result.total).items():
        assert len(values) > 1, (counts, group, values)
        assert cells[group] in values


@pytest.mark.parametrize("counts", list(itertools.product(SIZES, repeat=2)))
def test_every_table_of_two_groups_resists_subtraction(counts: tuple[int, int]) -> None:
    cells = {"woman": counts[0], "man": counts[1]}
    result = suppress(cells)
    for group, values in consistent_values(result.cells, result.total).items():
        assert len(values) > 1, (counts, group)
    shown_values = [value for value in result.cells.values() if value is not None]
    assert all(value >= 5 for value in shown_values)
    # With two groups, one shown group and a total would give the other: all or nothing.
    assert len(shown_values) in (0, 2)
