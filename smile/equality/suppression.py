"""Small-cell suppression for figures by group (fair figures): no figure about fewer than five
people, and none that can be worked out from the figures that are shown.

A pure function, for whatever page or export shows counts by group. It hides:

1. every group of fewer than `minimum` people (zero too: "no one here" is a fact about people);
2. as long as the hidden groups could be worked out by subtracting the shown groups from the
   shown total, more groups: while only one group is hidden (total minus the others gives it), or
   the hidden groups together hold fewer than `minimum` people (total minus the others gives
   their small sum, and a sum of 0 gives each of them), the smallest shown group is hidden too;
3. the total itself when it is below `minimum`, and with it every group.

What is left cannot be derived from the page: either the total is hidden, or at least two groups
are hidden and together they hold `minimum` people or more, so each of them could be anything
from 0 up to that sum.
"""

from collections.abc import Mapping
from dataclasses import dataclass

MINIMUM_GROUP = 5


@dataclass(frozen=True)
class Suppressed:
    """The figures to show: None where a figure is hidden."""

    cells: dict[str, int | None]
    total: int | None
    # Why each hidden group is hidden: too small itself, or to protect another.
    too_small: frozenset[str]
    protecting: frozenset[str]

    @property
    def anything_hidden(self) -> bool:
        return self.total is None or bool(self.too_small or self.protecting)


def suppress(counts: Mapping[str, int], *, minimum: int = MINIMUM_GROUP) -> Suppressed:
    """Hide what must be hidden of `counts` (group → number of people, in display order)."""
    if any(count < 0 for count in counts.values()):
        raise ValueError("a count of people cannot be negative")
    total = sum(counts.values())
    if total < minimum:
        return Suppressed(
            cells=dict.fromkeys(counts),
            total=None,
            too_small=frozenset(counts),
            protecting=frozenset(),
        )
    too_small = {group for group, count in counts.items() if count < minimum}
    hidden = set(too_small)
    order = list(counts)

    def derivable() -> bool:
        return bool(hidden) and (
            len(hidden) == 1 or sum(counts[group] for group in hidden) < minimum
        )

    while derivable():
        shown = [group for group in order if group not in hidden]
        if not shown:  # cannot happen: every group hidden means their sum is the total
            break
        # The smallest shown group costs the least to hide (the first of equals, in order).
        hidden.add(min(shown, key=lambda group: (counts[group], order.index(group))))
    return Suppressed(
        cells={group: None if group in hidden else count for group, count in counts.items()},
        total=total,
        too_small=frozenset(too_small),
        protecting=frozenset(hidden - too_small),
    )
