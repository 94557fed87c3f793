"""Exact mentor/adept matching.

The objective is lexicographic: first match as many adepts as possible, then, among all
assignments that do, take one with the highest total score.  Each adept gets at most one
mentor, each mentor at most `capacity` adepts, and only candidate pairs may be used.

This is a min-cost maximum flow on the sparse candidate graph (adept -> mentor arcs of
capacity 1), solved with OR-Tools' `SimpleMinCostFlow.solve_max_flow_with_min_cost`,
which is itself two-phase: a max flow fixes the best cardinality, then a min-cost flow of
exactly that value picks the best score.  So no "BIG" constant has to make cardinality
dominate, and costs stay as small as the scores themselves.

Scores are made integral exactly (floats are read as the decimal they were written as,
e.g. 0.1 is 1/10) and OR-Tools is only used when its int64 cost arithmetic cannot
overflow; otherwise, and if OR-Tools reports anything but OPTIMAL, an exact pure-Python
successive-shortest-path solver with unbounded integers takes over.  It is slow on big
instances, but only extreme scores (say 1e30, or 1e-20 next to 1e6) ever need it.

This module must not import Django.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from ortools.graph.python import min_cost_flow

from smile.matching.problem import (
    IndexedProblem,
    IntArray,
    Problem,
    Score,
    index_problem,
)

__all__ = ["Engine", "Pair", "Solution", "SolverError", "solve"]

type Engine = Literal["auto", "ortools", "python"]

_INT64_MAX = np.iinfo(np.int64).max
# Decimal places tried when turning float scores into integers in bulk; if a value needs
# more (or is huge), all of them go through Fractions instead.
_MAX_DECIMALS = 15
# Below this every integer is exact in a float64, with room for the x10^d scaling error.
_EXACT_FLOAT_INT = 2**50


class SolverError(RuntimeError):
    """The requested engine could not solve the problem."""


@dataclass(frozen=True, slots=True)
class Pair:
    adept: str
    mentor: str
    # The candidate's score as given; 0 for a fixed pair that is not a candidate.
    score: Score
    fixed: bool = False


@dataclass(frozen=True, slots=True)
class Solution:
    pairs: tuple[Pair, ...]  # in adept input order
    unmatched: tuple[str, ...]  # adept ids, in input order
    matched: int  # len(pairs), fixed pairs included
    # The exact sum of the pairs' scores: an int if every candidate score is an int, else
    # the float nearest to the exact (decimal) sum.
    total_score: Score

    def to_dict(self) -> dict[str, Any]:
        """The `smile solve` output document."""
        pairs: list[dict[str, Any]] = []
        for p in self.pairs:
            item: dict[str, Any] = {"adept": p.adept, "mentor": p.mentor, "score": p.score}
            if p.fixed:
                item["fixed"] = True
            pairs.append(item)
        return {
            "pairs": pairs,
            "unmatched": list(self.unmatched),
            "matched": self.matched,
            "total_score": self.total_score,
        }


def solve(problem: Problem | IndexedProblem, *, engine: Engine = "auto") -> Solution:
    """Return an optimal assignment (most adepts matched, then highest total score).

    A `Problem` is validated first (raising `ProblemError`); an `IndexedProblem` from
    `parse_problem` / `index_problem` already is.  `engine` is for tests and diagnosis:
    "ortools" raises `SolverError` where "auto" would fall back to "python".
    """
    ip = problem if isinstance(problem, IndexedProblem) else index_problem(problem)
    n_adepts, n_mentors = len(ip.adept_ids), len(ip.mentor_ids)
    numerators, denominator = _scale_scores(ip.cand_score, all_int=ip.all_scores_int)

    # Fixed pairs are settled: their adepts leave the problem and their mentors lose the
    # places they take.  Validation guarantees the capacity suffices.
    is_fixed = np.zeros(n_adepts, dtype=bool)
    is_fixed[ip.fixed_adept] = True
    # No mentor can take more than all adepts; capping keeps huge capacities in int64.
    capacities = np.array([min(c, n_adepts) for c in ip.capacities], dtype=np.int64)
    room = capacities - np.bincount(ip.fixed_mentor, minlength=n_mentors)
    active = np.flatnonzero(~is_fixed[ip.cand_adept] & (room[ip.cand_mentor] > 0))

    chosen: IntArray | None = None
    if engine in ("auto", "ortools"):
        chosen = _solve_ortools(ip, room, active, numerators)
        if chosen is None and engine == "ortools":
            raise SolverError("scores out of OR-Tools' int64 cost range, or no OPTIMAL status")
    if chosen is None:
        chosen = _solve_exact(ip, room, active, numerators)
    return _solution(ip, chosen, numerators, denominator)


# --- exact integer scores ----------------------------------------------------------------


def _scale_scores(scores: Sequence[Score], *, all_int: bool | None = None) -> tuple[list[int], int]:
    """Integers `q` and a denominator `den` such that ``scores[k] == q[k] / den`` exactly.

    A float counts as the shortest decimal that reads back as it (what `repr` and JSON
    text show), so 0.1 + 0.2 compares equal to 0.3 here, as the user meant.
    """
    if all_int is None:
        all_int = all(type(s) is int for s in scores)
    if all_int:
        return list(scores), 1  # type: ignore[arg-type]  # all ints, as just said
    values = np.array(scores, dtype=np.float64)  # scores <= MAX_SCORE: no overflow
    if len(values) and np.abs(values).max() < _EXACT_FLOAT_INT:
        decimals = np.full(len(values), -1, dtype=np.int64)
        digits = np.zeros(len(values), dtype=np.int64)
        pending = np.arange(len(values))
        for d in range(_MAX_DECIMALS + 1):
            scale = 10.0**d
            k = np.rint(values[pending] * scale)
            # k / 10^d rounding back to the value means the value *is* that decimal;
            # |k| < 2^50 keeps both k and the product's rounding error exact enough.
            ok = (np.abs(k) < _EXACT_FLOAT_INT) & (k / scale == values[pending])
            decimals[pending[ok]] = d
            digits[pending[ok]] = k[ok].astype(np.int64)
            pending = pending[~ok]
            if not len(pending):
                top = int(decimals.max())
                factor = [10 ** (top - d) for d in range(top + 1)]
                return [
                    q * factor[d] for q, d in zip(digits.tolist(), decimals.tolist(), strict=True)
                ], 10**top
    fractions = [Fraction(repr(s)) if isinstance(s, float) else Fraction(s) for s in scores]
    den = math.lcm(*{f.denominator for f in fractions})
    return [f.numerator * (den // f.denominator) for f in fractions], den


# --- OR-Tools ------------------------------------------------------------------------------


def _solve_ortools(
    ip: IndexedProblem, room: IntArray, active: IntArray, numerators: list[int]
) -> IntArray | None:
    """Chosen candidate indices, or None if OR-Tools cannot solve this exactly."""
    if not len(active):
        return active
    try:
        q = np.array(numerators, dtype=np.int64)[active]
    except OverflowError:
        return None
    # Every unit of flow crosses exactly one candidate arc, so costs `max - q` rank flows
    # of equal value like `-q` does; they are >= 0, which OR-Tools solves a little faster.
    # Dividing by the gcd is exact too and widens the range of scores that fit.
    costs = int(q.max()) - q
    gcd = int(np.gcd.reduce(costs))
    if gcd > 1:
        costs //= gcd
    n_adepts, n_mentors = len(ip.adept_ids), len(ip.mentor_ids)
    n_nodes = n_adepts + n_mentors + 2  # + the source and sink OR-Tools adds
    # OR-Tools multiplies costs by (nodes + 1) and refuses |cost| above int64 max / 2 of
    # that; its potentials need more headroom still, so it may answer BAD_COST_RANGE later.
    if n_nodes >= 2**31 or int(costs.max()) > _INT64_MAX // (2 * (n_nodes + 1)):
        return None

    flow = min_cost_flow.SimpleMinCostFlow()
    tails = ip.cand_adept[active].astype(np.int32)
    heads = (ip.cand_mentor[active] + n_adepts).astype(np.int32)
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        tails, heads, np.ones(len(active), dtype=np.int64), costs
    )
    # Supplies instead of explicit source/sink arcs: the max-flow variant adds those arcs
    # itself, and it does not need supplies to balance.
    supplies = np.concatenate([np.ones(n_adepts, dtype=np.int64), -room])
    flow.set_nodes_supplies(np.arange(n_adepts + n_mentors, dtype=np.int32), supplies)
    if flow.solve_max_flow_with_min_cost() != flow.OPTIMAL:
        return None
    used: npt.NDArray[np.int64] = np.asarray(flow.flows(arcs))
    return active[used > 0]


# --- exact fallback ------------------------------------------------------------------------


def _solve_exact(
    ip: IndexedProblem, room: IntArray, active: IntArray, numerators: list[int]
) -> IntArray:
    """Successive shortest paths with Dijkstra and potentials, in Python integers.

    Each augmentation matches one more adept along a cheapest path, so after k of them
    the assignment is a best one of size k; stopping when no path is left gives the
    lexicographic optimum.  Nodes: adepts 0..A-1, mentors A..A+M-1, sink A+M; the source
    stays implicit with potential 0.
    """
    n_adepts, n_mentors = len(ip.adept_ids), len(ip.mentor_ids)
    if not len(active):
        return active
    sink = n_adepts + n_mentors
    cand_adept = ip.cand_adept.tolist()
    cand_mentor = ip.cand_mentor.tolist()
    top = max(numerators[k] for k in active.tolist())
    cost = {k: top - numerators[k] for k in active.tolist()}  # >= 0: zero potentials work
    out: list[list[int]] = [[] for _ in range(n_adepts)]
    for k in active.tolist():
        out[cand_adept[k]].append(k)
    room_left = room.tolist()
    match: list[int] = [-1] * n_adepts  # candidate index used by each adept
    members: list[set[int]] = [set() for _ in range(n_mentors)]  # adepts per mentor
    potential = [0] * (sink + 1)

    while True:
        dist: dict[int, int] = {}
        # parent[v] = (previous node or -1 for the source, candidate index on that arc)
        parent: dict[int, tuple[int, int]] = {}
        heap: list[tuple[int, int]] = []
        for a in range(n_adepts):
            if match[a] < 0 and out[a]:
                dist[a] = -potential[a]
                parent[a] = (-1, -1)
                heap.append((dist[a], a))
        heapq.heapify(heap)
        done: set[int] = set()
        reach = None
        while heap:
            d, v = heapq.heappop(heap)
            if v in done:
                continue
            done.add(v)
            if v == sink:
                reach = d
                break
            edges: list[tuple[int, int, int]] = []  # (head, candidate, cost)
            if v < n_adepts:
                edges = [(n_adepts + cand_mentor[k], k, cost[k]) for k in out[v] if k != match[v]]
            else:
                m = v - n_adepts
                edges = [(a, match[a], -cost[match[a]]) for a in members[m]]
                if room_left[m] > 0:
                    edges.append((sink, -1, 0))
            for head, k, c in edges:
                nd = d + c + potential[v] - potential[head]
                if head not in done and nd < dist.get(head, nd + 1):
                    dist[head] = nd
                    parent[head] = (v, k)
                    heapq.heappush(heap, (nd, head))
        if reach is None:
            break
        # Capping distances at the sink's keeps every residual reduced cost >= 0, also for
        # nodes not reached or not settled (Dijkstra stopped early).
        for v in range(sink + 1):
            potential[v] += min(dist[v], reach) if v in done else reach
        mentor = parent[sink][0]
        room_left[mentor - n_adepts] -= 1
        v = mentor
        while True:
            a, k = parent[v]
            match[a] = k
            members[v - n_adepts].add(a)
            # `a` came from the source (new match) or was moved here from `previous`.
            previous, _ = parent[a]
            if previous < 0:
                break
            members[previous - n_adepts].discard(a)
            v = previous
    return np.array(sorted(k for k in match if k >= 0), dtype=np.int64)


# --- result ----------------------------------------------------------------------------------


def _solution(
    ip: IndexedProblem, chosen: IntArray, numerators: list[int], denominator: int
) -> Solution:
    n_adepts = len(ip.adept_ids)
    mentor_of = [-1] * n_adepts
    candidate_of = [-1] * n_adepts
    for k, a, m in zip(
        chosen.tolist(),
        ip.cand_adept[chosen].tolist(),
        ip.cand_mentor[chosen].tolist(),
        strict=True,
    ):
        mentor_of[a] = m
        candidate_of[a] = k
    fixed = set(ip.fixed_adept.tolist())
    if fixed:
        # A fixed pair's score is its candidate's, if it is one.
        ks = np.flatnonzero(np.isin(ip.cand_adept, ip.fixed_adept)).tolist()
        lookup = {(int(ip.cand_adept[k]), int(ip.cand_mentor[k])): k for k in ks}
        for a, m in zip(ip.fixed_adept.tolist(), ip.fixed_mentor.tolist(), strict=True):
            mentor_of[a] = m
            candidate_of[a] = lookup.get((a, m), -1)

    pairs: list[Pair] = []
    unmatched: list[str] = []
    total = 0
    for a, adept_id in enumerate(ip.adept_ids):
        m = mentor_of[a]
        if m < 0:
            unmatched.append(adept_id)
            continue
        k = candidate_of[a]
        score: Score = ip.cand_score[k] if k >= 0 else 0
        total += numerators[k] if k >= 0 else 0
        pairs.append(Pair(adept_id, ip.mentor_ids[m], score, a in fixed))
    total_score: Score = total if ip.all_scores_int else float(Fraction(total, denominator))
    return Solution(tuple(pairs), tuple(unmatched), len(pairs), total_score)
