"""The mentor-time budget: ONE rule for every page that sets a mentor's month against it (her
home and pair page, the coordinator's early warnings, and above us the manager's page, her
my-time page and the MENTOR_TIME notices).

The budget of a mentor for a month is, where an app above mentoring knows one, what her
workplace committed in the programme (leadership's signed commitment: it registers a provider
here in its AppConfig.ready, since mentoring cannot import it); otherwise the programme's hours
per month for each adept she mentors (live, or met that month).

A provider takes (workplace id, programme id) keys and the first day of a month, and returns the
budget in minutes for that month of one mentor at each workplace and programme it knows of. It
must read all the keys at once (one batched query), so callers stay at a fixed number of queries.
"""

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

type Key = tuple[int, int]  # (workplace id, programme id)
type Provider = Callable[[Collection[Key], date], Mapping[Key, int]]

# Over-use: more than 110 % of the budget (a little over is normal; a tenth more is a pattern).
OVER_SHARE = Decimal("1.10")
# Under-use: less than half the budget, flagged only once the month is half gone (before that,
# a low figure says nothing).
UNDER_SHARE = Decimal("0.50")

SOURCE_COMMITMENT = "commitment"
SOURCE_PROGRAMME = "programme"

_providers: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    """Add (or replace, by name: ready() may run twice in tests) a provider."""
    _providers[name] = provider


def unregister(name: str) -> None:
    """Take a provider away (tests of the programme rule alone)."""
    _providers.pop(name, None)


@dataclass(frozen=True)
class Budget:
    minutes: int
    source: str  # SOURCE_COMMITMENT or SOURCE_PROGRAMME


def committed(keys: Collection[tuple[int | None, int]], month: date) -> dict[Key, int]:
    """The committed budget in minutes for the month holding `month`, per (workplace id,
    programme id) that has one. One call per provider (none without keys or providers)."""
    wanted = {(w, p) for w, p in keys if w is not None}
    found: dict[Key, int] = {}
    if not wanted:
        return found
    for provider in _providers.values():
        found.update(provider(wanted, month.replace(day=1)))
    return found


def budget(
    *,
    workplace_id: int | None,
    programme_id: int,
    hours_per_month: int,
    adepts: int,
    commitments: Mapping[Key, int],
) -> Budget:
    """Her budget: the commitment where there is one (from `committed`), otherwise the
    programme's hours per month for each of her adepts."""
    if workplace_id is not None and (workplace_id, programme_id) in commitments:
        return Budget(commitments[(workplace_id, programme_id)], SOURCE_COMMITMENT)
    return Budget(hours_per_month * 60 * adepts, SOURCE_PROGRAMME)


def is_over(minutes: int, budget_minutes: int) -> bool:
    """More than a tenth over the budget (no budget: never over)."""
    return budget_minutes > 0 and minutes > budget_minutes * OVER_SHARE


def flag(minutes: int, budget_minutes: int, *, past_middle: bool) -> str:
    """ "over", "under" or "" for this much time against this budget."""
    if budget_minutes <= 0:
        return ""
    if is_over(minutes, budget_minutes):
        return "over"
    if past_middle and minutes < budget_minutes * UNDER_SHARE:
        return "under"
    return ""
