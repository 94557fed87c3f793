"""The exact matching solver against independent oracles (scipy, brute force).

No Django: these run with `-p no:django` as well.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from smile.matching.problem import (
    Adept,
    Candidate,
    Mentor,
    Problem,
    ProblemError,
    _fast_candidates,
    _slow_candidates,
    index_problem,
    parse_problem,
    problem_from_data,
)
from smile.matching.solver import Pair, Solution, SolverError, _scale_scores, solve

# --- helpers ---------------------------------------------------------------------------


@dataclass
class Instance:
    """A problem plus the exact integer scores the oracle uses: score == q / den."""

    problem: Problem
    q: dict[tuple[str, str], int]
    den: int


def random_instance(seed: int, *, max_adepts: int = 9, max_mentors: int = 5) -> Instance:
    rng = random.Random(seed)
    n_adepts = rng.randint(0, max_adepts)
    n_mentors = rng.randint(0, max_mentors)
    density = rng.choice([0.2, 0.5, 0.9])
    # Integer scores, decimals written as floats, or many ties.
    style = rng.choice(["int", "tenths", "quarters", "ties"])
    den = {"int": 1, "tenths": 10, "quarters": 4, "ties": 1}[style]
    top = 3 if style == "ties" else 100
    mentors = [Mentor(f"m{j}", rng.choice([0, 1, 1, 2, 3])) for j in range(n_mentors)]
    adepts = [Adept(f"a{i}") for i in range(n_adepts)]
    candidates: list[Candidate] = []
    q: dict[tuple[str, str], int] = {}
    for a in adepts:
        for m in mentors:
            if rng.random() < density:
                num = rng.randint(0, top * den)
                score: int | float = num if den == 1 else num / den
                candidates.append(Candidate(a.id, m.id, score))
                q[a.id, m.id] = num
    rng.shuffle(candidates)
    return Instance(Problem(mentors, adepts, candidates), q, den)


def scipy_optimum(inst: Instance) -> tuple[int, Fraction]:
    """(most adepts matched, best total score among those) via linear_sum_assignment.

    Mentors become `capacity` slot columns; a candidate is worth BIG + q, anything else
    0, and BIG exceeds every possible score total, so one more pair always wins.
    """
    p = inst.problem
    slots = [m.id for m in p.mentors for _ in range(m.capacity)]
    if not p.adepts or not slots:
        return 0, Fraction(0)
    big = sum(inst.q.values()) + 1
    weight = np.zeros((len(p.adepts), len(slots)))
    allowed = np.zeros_like(weight, dtype=bool)
    for i, a in enumerate(p.adepts):
        for j, mid in enumerate(slots):
            if (a.id, mid) in inst.q:
                weight[i, j] = big + inst.q[a.id, mid]
                allowed[i, j] = True
    rows, cols = linear_sum_assignment(weight, maximize=True)
    used = allowed[rows, cols]
    total = sum(inst.q[p.adepts[i].id, slots[j]] for i, j in zip(rows[used], cols[used]))
    return int(used.sum()), Fraction(total, inst.den)


def brute_force_optimum(inst: Instance) -> tuple[int, Fraction]:
    """Try every assignment; only for a handful of adepts."""
    p = inst.problem
    options = [[None] + [m.id for m in p.mentors if (a.id, m.id) in inst.q] for a in p.adepts]
    capacity = {m.id: m.capacity for m in p.mentors}
    best = (0, Fraction(0))
    for choice in itertools.product(*options):
        load: dict[str, int] = {}
        for mid in choice:
            if mid is not None:
                load[mid] = load.get(mid, 0) + 1
        if any(n > capacity[mid] for mid, n in load.items()):
            continue
        total = sum(
            inst.q[a.id, mid] for a, mid in zip(p.adepts, choice, strict=True) if mid is not None
        )
        best = max(best, (len(p.adepts) - choice.count(None), Fraction(total, inst.den)))
    return best


def check_feasible(problem: Problem, solution: Solution) -> None:
    """Everything a solution promises except optimality."""
    scores = {(c.adept, c.mentor): c.score for c in problem.candidates}
    capacity = {m.id: m.capacity for m in problem.mentors}
    fixed = dict(problem.fixed)
    order = [a.id for a in problem.adepts]
    matched = [p.adept for p in solution.pairs]
    assert len(set(matched)) == len(matched)
    assert matched == [a for a in order if a in set(matched)], "pairs in adept input order"
    assert list(solution.unmatched) == [a for a in order if a not in set(matched)]
    assert solution.matched == len(solution.pairs)
    load: dict[str, int] = {}
    for pair in solution.pairs:
        load[pair.mentor] = load.get(pair.mentor, 0) + 1
        if pair.adept in fixed:
            assert pair.fixed and pair.mentor == fixed[pair.adept]
            assert pair.score == scores.get((pair.adept, pair.mentor), 0)
        else:
            assert not pair.fixed
            assert pair.score == scores[pair.adept, pair.mentor]
    assert all(n <= capacity[mid] for mid, n in load.items())
    exact = exact_total(solution)
    if all(type(c.score) is int for c in problem.candidates):
        assert type(solution.total_score) is int
        assert solution.total_score == exact
    else:
        assert solution.total_score == float(exact)


def exact_total(solution: Solution) -> Fraction:
    """The pairs' scores summed as the decimals they spell (total_score is rounded)."""
    return sum((Fraction(repr(p.score)) for p in solution.pairs), Fraction(0))


def greedy(problem: Problem) -> tuple[int, float]:
    """The baseline the solver must beat: best-scoring pairs first, while there is room."""
    room = {m.id: m.capacity for m in problem.mentors}
    taken: set[str] = set()
    total = 0.0
    for c in sorted(problem.candidates, key=lambda c: -c.score):
        if c.adept not in taken and room[c.mentor] > 0:
            taken.add(c.adept)
            room[c.mentor] -= 1
            total += c.score
    return len(taken), total


def problem(capacities: dict[str, int], candidates: list[tuple[str, str, int | float]]) -> Problem:
    adepts = list(dict.fromkeys(a for a, _, _ in candidates))
    return Problem(
        [Mentor(m, c) for m, c in capacities.items()],
        [Adept(a) for a in adepts],
        [Candidate(a, m, s) for a, m, s in candidates],
    )


# --- optimality against oracles ------------------------------------------------------------


@pytest.mark.parametrize("engine", ["auto", "ortools", "python"])
def test_matches_scipy_on_random_instances(engine: str) -> None:
    greedy_loses = 0
    for seed in range(300):
        inst = random_instance(seed)
        solution = solve(inst.problem, engine=engine)  # type: ignore[arg-type]
        check_feasible(inst.problem, solution)
        matched, total = scipy_optimum(inst)
        assert solution.matched == matched, seed
        assert exact_total(solution) == total, seed
        greedy_matched, greedy_total = greedy(inst.problem)
        greedy_loses += (greedy_matched, greedy_total) < (matched, float(total) - 1e-9)
    # The instances are hard enough to tell an exact solver from a greedy one.
    assert greedy_loses >= 30


def test_matches_scipy_on_larger_sparse_instances() -> None:
    rng = random.Random(7)
    for _ in range(5):
        n_adepts, n_mentors = 300, 150
        mentors = [Mentor(f"m{j}", rng.choice([0, 1, 2, 3])) for j in range(n_mentors)]
        candidates, q = [], {}
        for i in range(n_adepts):
            for j in rng.sample(range(n_mentors), rng.randint(0, 8)):
                s = rng.randint(0, 100)
                candidates.append(Candidate(f"a{i}", f"m{j}", s))
                q[f"a{i}", f"m{j}"] = s
        inst = Instance(
            Problem(mentors, [Adept(f"a{i}") for i in range(n_adepts)], candidates), q, 1
        )
        solution = solve(inst.problem)
        check_feasible(inst.problem, solution)
        assert (solution.matched, exact_total(solution)) == scipy_optimum(inst)


def test_oracles_agree_with_brute_force() -> None:
    # Guards the scipy formulation itself (slots, BIG) on instances small enough to enumerate.
    for seed in range(1000, 1080):
        inst = random_instance(seed, max_adepts=5, max_mentors=3)
        expected = brute_force_optimum(inst)
        assert scipy_optimum(inst) == expected, seed
        solution = solve(inst.problem)
        assert (solution.matched, exact_total(solution)) == expected, seed


def test_greedy_matches_fewer_adepts() -> None:
    # Greedy gives m1 to a1 (100) and strands a2; the optimum moves a1 to m2.
    p = problem({"m1": 1, "m2": 1}, [("a1", "m1", 100), ("a1", "m2", 90), ("a2", "m1", 95)])
    assert greedy(p) == (1, 100)
    solution = solve(p)
    assert (solution.matched, solution.total_score) == (2, 185)
    assert [(x.adept, x.mentor) for x in solution.pairs] == [("a1", "m2"), ("a2", "m1")]


def test_greedy_scores_lower() -> None:
    p = problem(
        {"m1": 1, "m2": 1},
        [("a1", "m1", 10), ("a1", "m2", 9), ("a2", "m1", 9), ("a2", "m2", 1)],
    )
    assert greedy(p) == (2, 11)
    solution = solve(p)
    assert (solution.matched, solution.total_score) == (2, 18)


def test_cardinality_beats_score() -> None:
    # The best-scoring assignment (a1-m1 alone, 100) matches one adept; two win at 2.
    p = problem({"m1": 1, "m2": 1}, [("a1", "m1", 100), ("a1", "m2", 1), ("a2", "m1", 1)])
    solution = solve(p)
    assert (solution.matched, solution.total_score) == (2, 2)


def test_edge_shapes() -> None:
    empty = Problem([], [], [])
    assert solve(empty) == Solution((), (), 0, 0)
    p = Problem(
        [Mentor("full", 0), Mentor("m", 5)],
        [Adept("lonely"), Adept("a"), Adept("b")],
        [Candidate("a", "full", 50), Candidate("a", "m", 0), Candidate("b", "full", 3)],
    )
    solution = solve(p)
    assert solution.pairs == (Pair("a", "m", 0),)
    assert solution.unmatched == ("lonely", "b")
    assert solution.total_score == 0


def test_zero_scores_still_matched() -> None:
    p = problem({"m1": 2}, [("a1", "m1", 0), ("a2", "m1", 0.0)])
    solution = solve(p)
    assert solution.matched == 2
    assert solution.total_score == 0.0 and type(solution.total_score) is float


# --- exact scores --------------------------------------------------------------------------


def test_scale_scores() -> None:
    assert _scale_scores([3, 0, 7]) == ([3, 0, 7], 1)
    assert _scale_scores([0.1, 0.25, 3, 2.0]) == ([10, 25, 300, 200], 100)
    assert _scale_scores([1e-20, 1.5]) == ([1, 15 * 10**19], 10**20)
    assert _scale_scores([1e20, 0.5]) == ([2 * 10**20, 1], 2)
    assert _scale_scores([2**60, 0.5]) == ([2**61, 1], 2)
    assert _scale_scores([]) == ([], 1)


def test_largest_scores_still_give_a_finite_total() -> None:
    p = problem({"m1": 2}, [("a1", "m1", 10**300), ("a2", "m1", 0.5)])
    solution = solve(p)
    assert solution.total_score == 1e300
    assert [x.score for x in solution.pairs] == [10**300, 0.5]


def test_decimal_total_is_exact() -> None:
    p = problem({"m1": 1, "m2": 1}, [("a1", "m1", 0.1), ("a2", "m2", 0.2)])
    assert solve(p).total_score == 0.3  # not 0.30000000000000004


def test_tiny_differences_between_large_floats_decide() -> None:
    # a1-m1 + a2-m2 = 1000000.3000001 beats 1000000.3 by 1e-7.
    p = problem(
        {"m1": 1, "m2": 1},
        [
            ("a1", "m1", 1000000.1000001),
            ("a2", "m2", 0.2),
            ("a1", "m2", 1000000.3),
            ("a2", "m1", 0),
        ],
    )
    for engine in ("auto", "python"):
        solution = solve(p, engine=engine)
        assert [x.mentor for x in solution.pairs] == ["m1", "m2"]
        assert solution.total_score == 1000000.3000001


def test_huge_scores_fall_back_to_exact_python() -> None:
    # 10**30 does not fit OR-Tools' int64 costs, and as floats 10**30 + 3 and 10**30 + 2
    # are equal; only exact integers see that a1-m1 + a2-m2 wins by 1.
    p = problem(
        {"m1": 1, "m2": 1},
        [("a1", "m1", 10**30 + 3), ("a1", "m2", 10**30), ("a2", "m1", 2), ("a2", "m2", 0)],
    )
    with pytest.raises(SolverError):
        solve(p, engine="ortools")
    solution = solve(p)
    assert [(x.adept, x.mentor) for x in solution.pairs] == [("a1", "m1"), ("a2", "m2")]
    assert solution.total_score == 10**30 + 3


def test_wide_float_range_falls_back_and_agrees_with_brute_force() -> None:
    # Whole scores next to 1e-18s need 10**18 as the common scale: 30 becomes 3 * 10**19,
    # past int64, so the exact Python path runs and must break the ties that the tiny
    # scores decide.  Float64 oracles cannot see those either, hence brute force.
    for seed in range(60):
        rng = random.Random(seed)
        mentors = [Mentor(f"m{j}", rng.choice([1, 1, 2])) for j in range(rng.randint(1, 3))]
        adepts = [Adept(f"a{i}") for i in range(rng.randint(2, 5))]
        candidates = [Candidate("a0", "m0", 30), Candidate("a1", "m0", 1e-18)]
        q = {("a0", "m0"): 30 * 10**18, ("a1", "m0"): 1}
        for a in adepts:
            for m in mentors:
                if (a.id, m.id) not in q and rng.random() < 0.6:
                    if rng.random() < 0.5:
                        whole = rng.randint(0, 30)
                        candidates.append(Candidate(a.id, m.id, whole))
                        q[a.id, m.id] = whole * 10**18
                    else:
                        tiny = rng.randint(1, 9)
                        candidates.append(Candidate(a.id, m.id, float(f"{tiny}e-18")))
                        q[a.id, m.id] = tiny
        inst = Instance(Problem(mentors, adepts, candidates), q, 10**18)
        with pytest.raises(SolverError):
            solve(inst.problem, engine="ortools")
        expected = brute_force_optimum(inst)
        for engine in ("auto", "python"):
            solution = solve(inst.problem, engine=engine)
            check_feasible(inst.problem, solution)
            assert (solution.matched, exact_total(solution)) == expected, seed


# --- fixed pairs ----------------------------------------------------------------------------


def test_fixed_pairs_are_kept_and_use_capacity() -> None:
    base = problem(
        {"m1": 1, "m2": 1},
        [("a1", "m1", 100), ("a2", "m1", 50), ("a2", "m2", 40), ("a3", "m2", 30)],
    )
    fixed = Problem(base.mentors, base.adepts, base.candidates, fixed=[("a3", "m1")])
    solution = solve(fixed)
    check_feasible(fixed, solution)
    # a3 holds m1 (not a candidate there: score 0), so a1 and a2 compete for m2 alone.
    assert solution.pairs == (Pair("a2", "m2", 40), Pair("a3", "m1", 0, fixed=True))
    assert solution.unmatched == ("a1",)
    assert (solution.matched, solution.total_score) == (2, 40)


def test_fixed_pair_that_is_a_candidate_keeps_its_score() -> None:
    p = problem({"m1": 2}, [("a1", "m1", 7), ("a2", "m1", 5)])
    solution = solve(Problem(p.mentors, p.adepts, p.candidates, fixed=[("a2", "m1")]))
    assert solution.pairs == (Pair("a1", "m1", 7), Pair("a2", "m1", 5, fixed=True))
    assert solution.total_score == 12


def test_fixed_pairs_equal_solving_the_rest() -> None:
    for seed in range(2000, 2100):
        inst = random_instance(seed)
        p = inst.problem
        rng = random.Random(seed)
        room = {m.id: m.capacity for m in p.mentors}
        fixed = []
        for a in p.adepts:
            open_mentors = [m for m, r in room.items() if r > 0]
            if open_mentors and rng.random() < 0.3:
                m = rng.choice(open_mentors)
                room[m] -= 1
                fixed.append((a.id, m))
        with_fixed = Problem(p.mentors, p.adepts, p.candidates, fixed)
        solution = solve(with_fixed)
        check_feasible(with_fixed, solution)
        fixed_adepts = {a for a, _ in fixed}
        rest = Instance(
            Problem(
                [Mentor(m, r) for m, r in room.items()],
                [a for a in p.adepts if a.id not in fixed_adepts],
                [c for c in p.candidates if c.adept not in fixed_adepts],
            ),
            {k: v for k, v in inst.q.items() if k[0] not in fixed_adepts},
            inst.den,
        )
        fixed_total = sum((Fraction(inst.q.get(pair, 0), inst.den) for pair in fixed), Fraction(0))
        matched, total = scipy_optimum(rest)
        assert solution.matched == matched + len(fixed), seed
        assert exact_total(solution) == total + fixed_total, seed


@pytest.mark.parametrize(
    ("fixed", "error"),
    [
        ([("a9", "m1")], 'fixed[0].adept: unknown adept "a9"'),
        ([("a1", "m9")], 'fixed[0].mentor: unknown mentor "m9"'),
        ([("a1", "m1"), ("a1", "m2")], 'fixed[1].adept: adept "a1" is already fixed at fixed[0]'),
        ([("a1", "m1"), ("a2", "m1")], 'fixed[1].mentor: mentor "m1" has capacity 1'),
        ([("a1",)], "fixed[0]: must be an (adept id, mentor id) pair"),
    ],
)
def test_invalid_fixed_pairs(fixed: list[tuple[str, ...]], error: str) -> None:
    p = problem({"m1": 1, "m2": 1}, [("a1", "m1", 1), ("a2", "m2", 1)])
    with pytest.raises(ProblemError) as info:
        solve(Problem(p.mentors, p.adepts, p.candidates, fixed))  # type: ignore[arg-type]
    assert str(info.value).startswith(error)


# --- Python API validation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"mentors": [Mentor("m1", True)]}, "mentors[0].capacity"),
        ({"mentors": [Mentor("m1", -1)]}, "mentors[0].capacity"),
        ({"mentors": [Mentor("m1", 1.0)]}, "mentors[0].capacity"),  # type: ignore[arg-type]
        ({"mentors": [Mentor("", 1)]}, "mentors[0].id"),
        ({"adepts": [Adept(1)]}, "adepts[0].id"),  # type: ignore[arg-type]
        ({"adepts": [Adept("a1"), Adept("a1")]}, "adepts[1].id"),
        ({"candidates": [Candidate("a1", "m1", math.nan)]}, "candidates[0].score"),
        ({"candidates": [Candidate("a1", "m1", math.inf)]}, "candidates[0].score"),
        ({"candidates": [Candidate("a1", "m1", -0.5)]}, "candidates[0].score"),
        ({"candidates": [Candidate("a1", "m1", 10**301)]}, "candidates[0].score"),
        ({"candidates": [Candidate("a1", "m1", False)]}, "candidates[0].score"),
        ({"candidates": [Candidate("a1", "m1", "3")]}, "candidates[0].score"),  # type: ignore[arg-type]
        ({"candidates": [Candidate("a1", "m1", 1), Candidate("a1", "m1", 2)]}, "candidates[1]"),
        ({"candidates": [("a1", "m1", 1)]}, "candidates[0]"),
        ({"mentors": "m1"}, "mentors"),
    ],
)
def test_problem_validation(change: dict[str, object], path: str) -> None:
    fields: dict[str, object] = {
        "mentors": [Mentor("m1", 1)],
        "adepts": [Adept("a1")],
        "candidates": [Candidate("a1", "m1", 1)],
    } | change
    with pytest.raises(ProblemError) as info:
        solve(Problem(**fields))  # type: ignore[arg-type]
    assert info.value.path == path


def test_numpy_values_are_accepted_and_normalised() -> None:
    p = Problem(
        [Mentor("m1", np.int64(2))],  # type: ignore[arg-type]
        [Adept("a1"), Adept("a2")],
        [
            Candidate("a1", "m1", np.int32(4)),  # type: ignore[arg-type]
            Candidate("a2", "m1", np.float64(0.5)),
        ],
    )
    solution = solve(p)
    assert [type(x.score) for x in solution.pairs] == [int, float]
    assert solution.total_score == 4.5


def test_fast_and_reference_validation_agree() -> None:
    # The column-wise check must accept exactly what the per-candidate loop accepts.
    adept_index, mentor_index = {"a": 0, "b": 1}, {"m": 0}
    values: list[object] = ["a", "b", "m", "x", "", 1, True, None, ["a"], 0, 2, 0.5, -1, -0.0]
    values += [1e300, 1e301, 10**300, 10**301, 10**400, math.nan, math.inf, np.int64(3)]
    rng = random.Random(5)
    for _ in range(3000):
        rows: list[tuple[object, object, object]] = [
            (rng.choice(values), rng.choice(values), rng.choice(values))
            for _ in range(rng.randint(1, 3))
        ]
        if rng.random() < 0.5:  # ids valid, to reach the score checks
            rows = [(rng.choice(["a", "b"]), "m", s) for _, _, s in rows]
        columns = ([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows])
        fast = _fast_candidates(columns, adept_index, mentor_index)
        try:
            slow = _slow_candidates(iter(rows), adept_index, mentor_index)
        except ProblemError:
            assert fast is None, rows
            continue
        if fast is not None:
            assert fast[0].tolist() == slow[0].tolist() and fast[1].tolist() == slow[1].tolist()
            assert fast[2] == slow[2] and fast[3] == slow[3], rows


def test_round_trip_through_data_and_index() -> None:
    data = {
        "mentors": [{"id": "m1", "capacity": 1, "name": "ignored"}],
        "adepts": [{"id": "a1"}, {"id": "a2"}],
        "candidates": [{"adept": "a2", "mentor": "m1", "score": 2.5}],
        "fixed": [],
        "comment": "extra keys are ignored",
    }
    p = problem_from_data(data)
    assert p == Problem(
        [Mentor("m1", 1)], [Adept("a1"), Adept("a2")], [Candidate("a2", "m1", 2.5)], []
    )
    assert solve(p) == solve(parse_problem(data)) == solve(index_problem(p))
