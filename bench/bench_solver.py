"""Benchmark `smile solve` on synthetic instances.

    .venv/bin/python bench/bench_solver.py [--sizes 2000,20000,100000]

For N adepts: N // 2 mentors of capacity 2, and for each adept `--candidates` (50)
distinct random mentors with integer scores 0..100 (seeded).  Per size it reports:

* generation time and JSON size;
* `smile solve` end to end (read + parse JSON, validate, solve, write JSON) as a
  subprocess (`python -m smile.matching.solve_cli`), with that process's peak RSS;
* in-process: JSON decode + validation, and `solve()` on the validated problem;
* OR-Tools `SimpleMinCostFlow` called directly on the same graph (numpy arrays,
  `add_arcs_with_capacity_and_unit_cost`, `solve_max_flow_with_min_cost`), and the
  ratio solve() / direct;
* the objective (matched, total score) of the solver, of the direct call and of a greedy
  baseline (candidates by score, descending; take a pair while adept and mentor are free).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import ortools
from ortools.graph.python import min_cost_flow

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from smile.matching.problem import parse_problem  # noqa: E402
from smile.matching.solver import solve  # noqa: E402

IntArray = npt.NDArray[np.int64]


@dataclass
class Instance:
    n_adepts: int
    n_mentors: int
    capacity: int
    adept: IntArray  # per candidate
    mentor: IntArray
    score: IntArray


def generate(n_adepts: int, per_adept: int, seed: int) -> Instance:
    rng = np.random.default_rng(seed)
    n_mentors = max(n_adepts // 2, 1)
    k = min(per_adept, n_mentors)
    if n_mentors <= 20 * k:
        # Few mentors: a random permutation per adept, cut to k.
        mentors = np.argsort(rng.random((n_adepts, n_mentors)), axis=1)[:, :k]
    else:
        # Many: draw with replacement, then redraw rows that repeat a mentor until none
        # do; vectorised, and with k << mentors few rows need a second round.
        mentors = rng.integers(0, n_mentors, size=(n_adepts, k))
        while True:
            ordered = np.sort(mentors, axis=1)
            bad = np.flatnonzero((ordered[:, 1:] == ordered[:, :-1]).any(axis=1))
            if not len(bad):
                break
            mentors[bad] = rng.integers(0, n_mentors, size=(len(bad), k))
    return Instance(
        n_adepts=n_adepts,
        n_mentors=n_mentors,
        capacity=2,
        adept=np.repeat(np.arange(n_adepts, dtype=np.int64), k),
        mentor=mentors.ravel().astype(np.int64),
        score=rng.integers(0, 101, size=n_adepts * k, dtype=np.int64),
    )


def write_json(inst: Instance, path: Path) -> None:
    """Stream the `smile solve` input without building millions of dicts first."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{"mentors":[')
        out.write(
            ",".join(f'{{"id":"m{j}","capacity":{inst.capacity}}}' for j in range(inst.n_mentors))
        )
        out.write('],"adepts":[')
        out.write(",".join(f'{{"id":"a{i}"}}' for i in range(inst.n_adepts)))
        out.write('],"candidates":[')
        chunk = 200_000
        adepts, mentors, scores = inst.adept.tolist(), inst.mentor.tolist(), inst.score.tolist()
        for start in range(0, len(adepts), chunk):
            if start:
                out.write(",")
            out.write(
                ",".join(
                    f'{{"adept":"a{a}","mentor":"m{m}","score":{s}}}'
                    for a, m, s in zip(
                        adepts[start : start + chunk],
                        mentors[start : start + chunk],
                        scores[start : start + chunk],
                        strict=True,
                    )
                )
            )
        out.write("]}\n")


def run_cli(problem: Path, output: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MiB and exit status of `smile solve` as a subprocess."""
    with output.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "smile.matching.solve_cli", str(problem)],
            cwd=REPO,
            stdout=out,
        )
        # wait4 gives this child's own rusage, unlike RUSAGE_CHILDREN's running maximum.
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def ortools_direct(inst: Instance) -> tuple[float, int, int]:
    """The textbook graph handed straight to OR-Tools: seconds, matched, total score."""
    start = time.perf_counter()
    n, m = inst.n_adepts, inst.n_mentors
    source, sink = n + m, n + m + 1
    tails = np.concatenate([np.full(n, source), inst.adept, np.arange(n, n + m)])
    heads = np.concatenate([np.arange(n), inst.mentor + n, np.full(m, sink)])
    capacities = np.concatenate(
        [np.ones(n, np.int64), np.ones(len(inst.adept), np.int64), np.full(m, inst.capacity)]
    )
    costs = np.concatenate([np.zeros(n, np.int64), -inst.score, np.zeros(m, np.int64)])
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32), heads.astype(np.int32), capacities, costs.astype(np.int64)
    )
    flow.set_node_supply(source, n)
    flow.set_node_supply(sink, -n)
    status = flow.solve_max_flow_with_min_cost()
    assert status == flow.OPTIMAL, status
    used = np.asarray(flow.flows(arcs[n : n + len(inst.adept)])) > 0
    elapsed = time.perf_counter() - start
    return elapsed, int(used.sum()), int(inst.score[used].sum())


def greedy(inst: Instance) -> tuple[float, int, int]:
    start = time.perf_counter()
    order = np.argsort(-inst.score, kind="stable")
    adepts, mentors = inst.adept[order].tolist(), inst.mentor[order].tolist()
    scores = inst.score[order].tolist()
    taken = bytearray(inst.n_adepts)
    room = [inst.capacity] * inst.n_mentors
    matched = total = 0
    for a, m, s in zip(adepts, mentors, scores, strict=True):
        if not taken[a] and room[m]:
            taken[a] = 1
            room[m] -= 1
            matched += 1
            total += s
    return time.perf_counter() - start, matched, total


def bench(
    n_adepts: int, per_adept: int, seed: int, repeat: int, workdir: Path
) -> dict[str, float | int]:
    row: dict[str, float | int] = {"adepts": n_adepts, "mentors": max(n_adepts // 2, 1)}
    start = time.perf_counter()
    inst = generate(n_adepts, per_adept, seed)
    row["candidates"] = len(inst.adept)
    path = workdir / f"problem-{n_adepts}.json"
    write_json(inst, path)
    row["generate_s"] = time.perf_counter() - start
    row["json_mb"] = path.stat().st_size / 1e6

    out = workdir / f"solution-{n_adepts}.json"
    row["cli_s"], row["cli_peak_mb"], status = run_cli(path, out)
    assert status == 0, status
    result = json.loads(out.read_text())
    row["matched"], row["total"] = result["matched"], result["total_score"]

    start = time.perf_counter()
    problem = parse_problem(json.loads(path.read_bytes()))
    row["parse_s"] = time.perf_counter() - start
    # Alternate the two and keep each one's best time: the machine may be shared.
    solve_times, direct_times = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        solution = solve(problem)
        solve_times.append(time.perf_counter() - start)
        assert (solution.matched, solution.total_score) == (row["matched"], row["total"])
        direct_s, direct_matched, direct_total = ortools_direct(inst)
        direct_times.append(direct_s)
        assert (direct_matched, direct_total) == (row["matched"], row["total"]), "objective"
    del problem, solution
    row["solve_s"], row["direct_s"] = min(solve_times), min(direct_times)
    row["ratio"] = row["solve_s"] / row["direct_s"]
    row["greedy_s"], row["greedy_matched"], row["greedy_total"] = greedy(inst)
    path.unlink()
    out.unlink()
    return row


SIZE = [
    ("adepts", "adepts", "{:,}"),
    ("mentors", "mentors", "{:,}"),
    ("candidates", "candidates", "{:,}"),
]
TIMES = [
    *SIZE,
    ("generate_s", "generate s", "{:.1f}"),
    ("json_mb", "JSON MB", "{:.0f}"),
    ("cli_s", "smile solve s", "{:.2f}"),
    ("cli_peak_mb", "peak RSS MiB", "{:,.0f}"),
    ("parse_s", "parse+validate s", "{:.2f}"),
    ("solve_s", "solve() s", "{:.2f}"),
    ("direct_s", "OR-Tools direct s", "{:.2f}"),
    ("ratio", "solve/direct", "{:.2f}"),
]
OBJECTIVE = [
    *SIZE,
    ("matched", "matched", "{:,}"),
    ("total", "total score", "{:,}"),
    ("greedy_matched", "greedy matched", "{:,}"),
    ("greedy_total", "greedy total", "{:,}"),
    ("greedy_s", "greedy s", "{:.2f}"),
]


def markdown(rows: list[dict[str, float | int]], columns: list[tuple[str, str, str]]) -> str:
    lines = [
        "| " + " | ".join(title for _, title, _ in columns) + " |",
        "|" + "---:|" * len(columns),
    ]
    for row in rows:
        lines.append("| " + " | ".join(fmt.format(row[key]) for key, _, fmt in columns) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="2000,20000,100000", help="adept counts, comma-separated"
    )
    parser.add_argument("--candidates", type=int, default=50, help="candidates per adept")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of solve() and of the direct call (best kept)"
    )
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="smile-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            row = bench(size, args.candidates, args.seed, args.repeat, Path(tmp))
            rows.append(row)
            print(
                ", ".join(
                    f"{title}={fmt.format(row[key])}" for key, title, fmt in TIMES + OBJECTIVE[3:]
                ),
                file=sys.stderr,
                flush=True,
            )
    print(markdown(rows, TIMES))
    print()
    print(markdown(rows, OBJECTIVE))
    print(
        f"\nPython {sys.version.split()[0]}, OR-Tools {ortools.__version__}, numpy "
        f"{np.__version__}, {os.cpu_count()} CPUs; --repeat {args.repeat}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
