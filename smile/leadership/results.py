"""A self-assessment round's results, worked out from its answers summed per group and statement.

No individual answer is ever shown. A group's (managers', mentors', coordinators') result is
shown only when at least `MIN_GROUP` of it answered, and the overall result only when at least
`MIN_GROUP` answered in all. Showing groups beside the overall result could still let a reader
subtract her way to a smaller group: with four answers, three mentors' result and the overall one
give away the one manager's. So the groups shown must leave out either nobody or at least
`MIN_GROUP` people; the smallest group shown is hidden until they do.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.utils.functional import Promise

from smile.leadership import statements as st
from smile.leadership.models import RespondentRole
from smile.mentoring.models import Dimension

ROLE_ORDER = [RespondentRole.MANAGER, RespondentRole.MENTOR, RespondentRole.COORDINATOR]

# (group, statement code) -> (sum of the answers, how many answers)
Sums = Mapping[tuple[str, str], tuple[int, int]]


def shown_groups(counts: Mapping[str, int]) -> list[str]:
    """The groups whose own result may be shown, in the order managers, mentors, coordinators."""
    total = sum(counts.values())
    if total < st.MIN_GROUP:
        return []
    shown = {role for role, n in counts.items() if n >= st.MIN_GROUP}
    while shown:
        hidden = total - sum(counts[role] for role in shown)
        if hidden == 0 or hidden >= st.MIN_GROUP:
            break
        order = [str(r) for r in ROLE_ORDER]
        smallest = min(shown, key=lambda role: (counts[role], -order.index(str(role))))
        shown.discard(smallest)
    return [str(role) for role in ROLE_ORDER if role in shown]


def _average(pairs: list[tuple[int, int]]) -> Fraction | None:
    total = sum(s for s, _ in pairs)
    n = sum(c for _, c in pairs)
    return Fraction(total, n) if n else None


@dataclass
class GroupValue:
    role: str
    average: Fraction | None

    @property
    def shown(self) -> Decimal | None:
        return None if self.average is None else st.one_decimal(self.average)


@dataclass
class DimensionResult:
    dimension: str
    label: Promise
    average: Fraction
    groups: list[GroupValue]
    change: Fraction | None = None

    @property
    def shown(self) -> Decimal:
        return st.one_decimal(self.average)

    @property
    def level(self) -> st.Level:
        return st.level_of(self.average)

    @property
    def change_shown(self) -> Decimal | None:
        return None if self.change is None else st.one_decimal(self.change)


@dataclass
class StatementResult:
    statement: st.Statement
    average: Fraction

    @property
    def shown(self) -> Decimal:
        return st.one_decimal(self.average)

    @property
    def dimension_label(self) -> Promise:
        return st.DIMENSION_LABELS[self.statement.dimension]


@dataclass
class RoundResult:
    """What a closed round shows; `enough` is False (and the rest empty) when fewer than
    `MIN_GROUP` answered."""

    respondents: int
    counts: dict[str, int]
    enough: bool
    groups: list[str] = field(default_factory=list)
    dimensions: list[DimensionResult] = field(default_factory=list)
    weakest: list[StatementResult] = field(default_factory=list)

    def dimension(self, code: str) -> DimensionResult | None:
        return next((d for d in self.dimensions if d.dimension == code), None)

    @property
    def support(self) -> DimensionResult | None:
        return self.dimension(Dimension.SUPPORT)

    @property
    def support_weak(self) -> bool:
        support = self.support
        return support is not None and support.average < st.SUPPORT_THRESHOLD

    @property
    def lowest(self) -> DimensionResult | None:
        """The dimension with the lowest average (management support first on a tie)."""
        if not self.dimensions:
            return None
        order = {str(d): i for i, d in enumerate([Dimension.SUPPORT, *st.DIMENSIONS[:3]])}
        return min(self.dimensions, key=lambda d: (d.average, order[d.dimension]))


def round_result(
    counts: Mapping[str, int],
    sums: Sums,
    previous: "RoundResult | None" = None,
    *,
    statements: bool = True,
) -> RoundResult:
    """The results of a round from its respondents per group and its answers summed per group and
    statement; `previous` (the round before at the workplace) gives the change per dimension.
    Without `statements`, the weakest statements are left out (a round only compared against)."""
    counts = {role: n for role, n in counts.items() if n}
    respondents = sum(counts.values())
    if respondents < st.MIN_GROUP:
        return RoundResult(respondents=respondents, counts=dict(counts), enough=False)
    groups = shown_groups(counts)
    # The sums per statement (everyone) and per group and dimension, read once.
    statement_sums: dict[str, list[tuple[int, int]]] = {}
    group_sums: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for (role, code), pair in sums.items():
        statement = st.BY_CODE.get(code)
        if statement is None:
            continue
        statement_sums.setdefault(code, []).append(pair)
        group_sums.setdefault((role, statement.dimension), []).append(pair)
    dimensions = []
    for dimension in st.DIMENSIONS:
        codes = [s.code for s in st.statements_of(dimension)]
        everyone = _average([pair for code in codes for pair in statement_sums.get(code, [])])
        if everyone is None:
            continue
        per_group = [
            GroupValue(role, _average(group_sums.get((role, str(dimension)), [])))
            for role in groups
        ]
        result = DimensionResult(
            dimension=str(dimension),
            label=st.DIMENSION_LABELS[dimension],
            average=everyone,
            groups=per_group,
        )
        before = previous.dimension(dimension) if previous and previous.enough else None
        if before is not None:
            result.change = everyone - before.average
        dimensions.append(result)
    statement_averages = []
    for statement in st.STATEMENTS if statements else ():
        average = _average(statement_sums.get(statement.code, []))
        if average is not None and average < st.WEAKEST_BELOW:
            statement_averages.append(StatementResult(statement, average))
    # The lowest first; on a tie, the statement that comes first in the assessment.
    order = {s.code: i for i, s in enumerate(st.STATEMENTS)}
    statement_averages.sort(key=lambda r: (r.average, order[r.statement.code]))
    return RoundResult(
        respondents=respondents,
        counts=dict(counts),
        enough=True,
        groups=groups,
        dimensions=dimensions,
        weakest=statement_averages[: st.WEAKEST_SHOWN],
    )
