"""Matching problems: typed dataclasses, validation and a compact indexed form.

A problem lists mentors (with a capacity), adepts, and the candidate pairs that are
allowed together with a score.  Two ways in, one validated result out:

* `parse_problem(data)` takes JSON-decoded data (the `smile solve` input format) and goes
  straight to an `IndexedProblem` without one Python object per candidate, because that
  path has to cope with millions of candidates;
* `index_problem(problem)` takes the `Problem` dataclasses that Python callers build.

Both report the first problem found as a `ProblemError` whose `path` is a JSON-path-like
location such as ``candidates[3].score``.  This module must not import Django.
"""

from __future__ import annotations

import json
import numbers
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt

type Score = int | float

# Any sane score is far below; the bound keeps every total (and so `total_score`) a
# finite float, even summed over a hundred million pairs.
MAX_SCORE = 1e300
type IntArray = npt.NDArray[np.int64]

__all__ = [
    "MAX_SCORE",
    "Adept",
    "Candidate",
    "IndexedProblem",
    "Mentor",
    "Problem",
    "ProblemError",
    "Score",
    "index_problem",
    "parse_problem",
    "problem_from_data",
]


class ProblemError(ValueError):
    """Invalid problem input; `path` says where (``candidates[3].score``), `message` what."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True, slots=True)
class Mentor:
    id: str
    capacity: int


@dataclass(frozen=True, slots=True)
class Adept:
    id: str


@dataclass(frozen=True, slots=True)
class Candidate:
    adept: str
    mentor: str
    score: Score


@dataclass(frozen=True, slots=True)
class Problem:
    """A matching problem as Python callers build it.

    `fixed` lists (adept id, mentor id) pairs that already exist: they are kept as they
    are, use up one place of their mentor's capacity, and need not be candidates.
    """

    mentors: Sequence[Mentor]
    adepts: Sequence[Adept]
    candidates: Sequence[Candidate]
    fixed: Sequence[tuple[str, str]] = ()


@dataclass(frozen=True, eq=False, slots=True)
class IndexedProblem:
    """A validated problem with ids replaced by positions, in columns.

    Candidate `k` joins adept `cand_adept[k]` (an index into `adept_ids`) and mentor
    `cand_mentor[k]`, with score `cand_score[k]` as given (normalised to int or float);
    `all_scores_int` tells whether every score is an int.  Fixed pair `k` is
    (`fixed_adept[k]`, `fixed_mentor[k]`).
    """

    mentor_ids: list[str]
    capacities: list[int]
    adept_ids: list[str]
    cand_adept: IntArray
    cand_mentor: IntArray
    cand_score: list[Score]
    all_scores_int: bool
    fixed_adept: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    fixed_mentor: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def to_problem(self) -> Problem:
        """Back to dataclasses."""
        mentors = [
            Mentor(mid, cap) for mid, cap in zip(self.mentor_ids, self.capacities, strict=True)
        ]
        adepts = [Adept(aid) for aid in self.adept_ids]
        candidates = [
            Candidate(self.adept_ids[a], self.mentor_ids[m], s)
            for a, m, s in zip(
                self.cand_adept.tolist(), self.cand_mentor.tolist(), self.cand_score, strict=True
            )
        ]
        fixed = [
            (self.adept_ids[a], self.mentor_ids[m])
            for a, m in zip(self.fixed_adept.tolist(), self.fixed_mentor.tolist(), strict=True)
        ]
        return Problem(mentors, adepts, candidates, fixed)


# --- value checks shared by both entry points -------------------------------------------


def _show(value: object) -> str:
    """A short JSON-ish rendering of an offending value for error messages."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, str):
        return "string"
    if isinstance(value, numbers.Number):
        return "number"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list | tuple):
        return "array"
    return type(value).__name__


def _check_id(value: object, path: str) -> str:
    if not isinstance(value, str) or not value:
        raise ProblemError(path, f"must be a non-empty string, got {_show(value)}")
    return value


def _check_capacity(value: object, path: str) -> int:
    # bool is an int subclass in Python but `true` is not a capacity.
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        capacity = int(value)
        if capacity >= 0:
            return capacity
    raise ProblemError(path, f"must be an integer >= 0, got {_show(value)}")


def _check_score(value: object, path: str) -> Score:
    """Slow path of the score check; normalises numpy and other int/float subtypes."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        score: Score = int(value)
    elif isinstance(value, float | np.floating):
        score = float(value)
    else:
        raise ProblemError(path, f"must be a number >= 0, got {_show(value)}")
    if not score >= 0:  # also rejects NaN
        raise ProblemError(path, f"must be a number >= 0, got {_show(value)}")
    if score > MAX_SCORE:  # also rejects infinity
        raise ProblemError(path, f"must be at most {MAX_SCORE:g}, got {_show(value)}")
    return score


def _require(obj: dict[str, Any], key: str, path: str) -> Any:
    try:
        return obj[key]
    except KeyError:
        raise ProblemError(f"{path}.{key}" if path else key, "is required") from None


def _require_list(obj: dict[str, Any], key: str) -> list[Any]:
    value = _require(obj, key, "")
    if not isinstance(value, list):
        raise ProblemError(key, f"must be an array, got {_type_name(value)}")
    return value


def _require_object(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ProblemError(path, f"must be an object, got {_type_name(value)}")
    return value


def _index_ids(values: Iterable[object], collection: str, kind: str) -> dict[str, int]:
    """Map id -> position in `collection` (ids are positions, so a duplicate can say where
    the first one was without keeping paths around)."""
    index: dict[str, int] = {}
    for i, raw in enumerate(values):
        path = f"{collection}[{i}].id"
        ident = _check_id(raw, path)
        first = index.setdefault(ident, i)
        if first != i:
            raise ProblemError(
                path, f"duplicate {kind} id {_show(ident)} (first at {collection}[{first}])"
            )
    return index


def _lookup(value: object, index: dict[str, int], path: str, kind: str) -> int:
    """Slow path of the candidate id lookup, only reached to explain a failure."""
    ident = _check_id(value, path)
    pos = index.get(ident)
    if pos is None:
        raise ProblemError(path, f"unknown {kind} {_show(ident)}")
    return pos


# Fields as found in the input, not yet checked.
type _RawCandidate = tuple[Any, Any, Any]
# The same, as three columns (adepts, mentors, scores), or None if they cannot be had.
type _RawColumns = tuple[list[Any], list[Any], list[Any]] | None


def _index_candidates(
    columns: Callable[[], _RawColumns],
    rows: Callable[[], Iterator[_RawCandidate]],
    adept_index: dict[str, int],
    mentor_index: dict[str, int],
) -> tuple[IntArray, IntArray, list[Score], bool]:
    """Validate candidates; return adept and mentor positions, scores, and whether all
    scores are ints.

    Inputs can hold millions of candidates, so the common case is checked column-wise
    first, all or nothing.  Anything unusual, valid or not, goes through the
    per-candidate loop, which is the reference: it accepts the same inputs, normalises
    unusual number types and explains the first invalid candidate.
    """
    fast = _fast_candidates(columns(), adept_index, mentor_index)
    if fast is None:
        fast = _slow_candidates(rows(), adept_index, mentor_index)
    cand_adept, cand_mentor, scores, all_int = fast
    _reject_duplicate_pairs(cand_adept, cand_mentor, len(mentor_index), adept_index, mentor_index)
    return cand_adept, cand_mentor, scores, all_int


def _fast_candidates(
    columns: _RawColumns, adept_index: dict[str, int], mentor_index: dict[str, int]
) -> tuple[IntArray, IntArray, list[Score], bool] | None:
    if columns is None:
        return None
    adepts_raw, mentors_raw, scores = columns
    n = len(scores)
    try:
        # An unknown id maps to None and an unhashable one raises: TypeError either way.
        adepts = np.fromiter(map(adept_index.get, adepts_raw), dtype=np.int64, count=n)
        mentors = np.fromiter(map(mentor_index.get, mentors_raw), dtype=np.int64, count=n)
    except TypeError:
        return None
    kinds = set(map(type, scores))
    if not kinds <= {int, float}:  # also keeps out bool, which numpy would take as 0/1
        return None
    try:
        values = np.array(scores, dtype=np.float64)
    except OverflowError:  # ints beyond float range
        return None
    # NaN fails both comparisons.  Rounding is monotonic, so an int above MAX_SCORE never
    # becomes a float below it; those equal to it are left to the exact slow path.
    if not ((values >= 0).all() and (values < MAX_SCORE).all()):
        return None
    return adepts, mentors, scores, kinds <= {int}


def _slow_candidates(
    rows: Iterator[_RawCandidate], adept_index: dict[str, int], mentor_index: dict[str, int]
) -> tuple[IntArray, IntArray, list[Score], bool]:
    adepts: list[int] = []
    mentors: list[int] = []
    scores: list[Score] = []
    for k, (a_raw, m_raw, s_raw) in enumerate(rows):
        a = adept_index.get(a_raw) if type(a_raw) is str else None
        if a is None:
            a = _lookup(a_raw, adept_index, f"candidates[{k}].adept", "adept")
        m = mentor_index.get(m_raw) if type(m_raw) is str else None
        if m is None:
            m = _lookup(m_raw, mentor_index, f"candidates[{k}].mentor", "mentor")
        adepts.append(a)
        mentors.append(m)
        scores.append(_check_score(s_raw, f"candidates[{k}].score"))
    all_int = all(type(s) is int for s in scores)
    return np.array(adepts, dtype=np.int64), np.array(mentors, dtype=np.int64), scores, all_int


def _reject_duplicate_pairs(
    cand_adept: IntArray,
    cand_mentor: IntArray,
    n_mentors: int,
    adept_index: dict[str, int],
    mentor_index: dict[str, int],
) -> None:
    # Vectorised: a Python set of a million pairs costs more than a stable argsort.
    if len(cand_adept) < 2:
        return
    keys = cand_adept * max(n_mentors, 1) + cand_mentor
    order = np.argsort(keys, kind="stable")
    repeated = keys[order[1:]] == keys[order[:-1]]
    if not repeated.any():
        return
    # Stable order puts a pair's first occurrence first, so these are all repeats.
    second = int(order[1:][repeated].min())
    first = int(np.flatnonzero(keys == keys[second])[0])
    adept_ids = list(adept_index)
    mentor_ids = list(mentor_index)
    a, m = adept_ids[int(cand_adept[second])], mentor_ids[int(cand_mentor[second])]
    raise ProblemError(
        f"candidates[{second}]",
        f"duplicate pair (adept {_show(a)}, mentor {_show(m)}), first at candidates[{first}]",
    )


def _index_fixed(
    raw: Iterator[tuple[object, object]],
    adept_index: dict[str, int],
    mentor_index: dict[str, int],
    capacities: list[int],
) -> tuple[IntArray, IntArray]:
    adepts: list[int] = []
    mentors: list[int] = []
    fixed_at: dict[int, int] = {}
    load = [0] * len(capacities)
    for k, (a_raw, m_raw) in enumerate(raw):
        a = _lookup(a_raw, adept_index, f"fixed[{k}].adept", "adept")
        m = _lookup(m_raw, mentor_index, f"fixed[{k}].mentor", "mentor")
        if a in fixed_at:
            raise ProblemError(
                f"fixed[{k}].adept",
                f"adept {_show(a_raw)} is already fixed at fixed[{fixed_at[a]}]",
            )
        fixed_at[a] = k
        load[m] += 1
        if load[m] > capacities[m]:
            raise ProblemError(
                f"fixed[{k}].mentor",
                f"mentor {_show(m_raw)} has capacity {capacities[m]}, "
                f"exceeded by {load[m]} fixed pairs",
            )
        adepts.append(a)
        mentors.append(m)
    return np.array(adepts, dtype=np.int64), np.array(mentors, dtype=np.int64)


def _build(
    mentors: Sequence[tuple[object, object]],
    adepts: Sequence[object],
    candidate_columns: Callable[[], _RawColumns],
    candidate_rows: Callable[[], Iterator[_RawCandidate]],
    fixed: Iterator[tuple[object, object]],
) -> IndexedProblem:
    mentor_index = _index_ids((mid for mid, _ in mentors), "mentors", "mentor")
    capacities = [
        _check_capacity(cap, f"mentors[{i}].capacity") for i, (_, cap) in enumerate(mentors)
    ]
    adept_index = _index_ids(adepts, "adepts", "adept")
    cand_adept, cand_mentor, scores, all_int = _index_candidates(
        candidate_columns, candidate_rows, adept_index, mentor_index
    )
    fixed_adept, fixed_mentor = _index_fixed(fixed, adept_index, mentor_index, capacities)
    return IndexedProblem(
        mentor_ids=list(mentor_index),
        capacities=capacities,
        adept_ids=list(adept_index),
        cand_adept=cand_adept,
        cand_mentor=cand_mentor,
        cand_score=scores,
        all_scores_int=all_int,
        fixed_adept=fixed_adept,
        fixed_mentor=fixed_mentor,
    )


# --- entry points ------------------------------------------------------------------------


def parse_problem(data: object) -> IndexedProblem:
    """Validate JSON-decoded `smile solve` input and index it.

    Format: ``{"mentors": [{"id", "capacity"}], "adepts": [{"id"}],
    "candidates": [{"adept", "mentor", "score"}], "fixed": [{"adept", "mentor"}]}``
    where "fixed" is optional and unknown keys are ignored.
    """
    top = _require_object(data, "$")
    raw_mentors = _require_list(top, "mentors")
    raw_adepts = _require_list(top, "adepts")
    raw_candidates = _require_list(top, "candidates")
    raw_fixed = top.get("fixed", [])
    if not isinstance(raw_fixed, list):
        raise ProblemError("fixed", f"must be an array, got {_type_name(raw_fixed)}")

    mentors: list[tuple[object, object]] = []
    for i, item in enumerate(raw_mentors):
        obj = _require_object(item, f"mentors[{i}]")
        mentors.append(
            (_require(obj, "id", f"mentors[{i}]"), _require(obj, "capacity", f"mentors[{i}]"))
        )
    adepts = [
        _require(_require_object(item, f"adepts[{i}]"), "id", f"adepts[{i}]")
        for i, item in enumerate(raw_adepts)
    ]
    return _build(
        mentors,
        adepts,
        lambda: _json_candidate_columns(raw_candidates),
        lambda: _json_candidates(raw_candidates),
        _json_fixed(raw_fixed),
    )


def _json_candidate_columns(raw: list[Any]) -> _RawColumns:
    try:
        # Of the JSON types only a dict takes a str subscript; anything else raises.
        return (
            list(map(itemgetter("adept"), raw)),
            list(map(itemgetter("mentor"), raw)),
            list(map(itemgetter("score"), raw)),
        )
    except (KeyError, TypeError):
        return None


def _json_candidates(raw: list[Any]) -> Iterator[_RawCandidate]:
    for k, item in enumerate(raw):
        if type(item) is not dict:
            raise ProblemError(f"candidates[{k}]", f"must be an object, got {_type_name(item)}")
        try:
            triple = (item["adept"], item["mentor"], item["score"])
        except KeyError:
            for key in ("adept", "mentor", "score"):
                _require(item, key, f"candidates[{k}]")
            raise
        yield triple


def _json_fixed(raw: list[Any]) -> Iterator[tuple[object, object]]:
    for k, item in enumerate(raw):
        obj = _require_object(item, f"fixed[{k}]")
        yield _require(obj, "adept", f"fixed[{k}]"), _require(obj, "mentor", f"fixed[{k}]")


def index_problem(problem: Problem) -> IndexedProblem:
    """Validate a `Problem` built in Python and index it (same rules as `parse_problem`)."""
    for name in ("mentors", "adepts", "candidates", "fixed"):
        value = getattr(problem, name)
        if isinstance(value, str | bytes) or not isinstance(value, Sequence):
            raise ProblemError(name, f"must be a sequence, got {_type_name(value)}")
    for i, mentor in enumerate(problem.mentors):
        if not isinstance(mentor, Mentor):
            raise ProblemError(f"mentors[{i}]", f"must be a Mentor, got {_type_name(mentor)}")
    for i, adept in enumerate(problem.adepts):
        if not isinstance(adept, Adept):
            raise ProblemError(f"adepts[{i}]", f"must be an Adept, got {_type_name(adept)}")

    def columns() -> _RawColumns:
        cands = problem.candidates
        if not all(type(c) is Candidate for c in cands):
            return None
        return [c.adept for c in cands], [c.mentor for c in cands], [c.score for c in cands]

    def candidates() -> Iterator[_RawCandidate]:
        for k, cand in enumerate(problem.candidates):
            if not isinstance(cand, Candidate):
                raise ProblemError(
                    f"candidates[{k}]", f"must be a Candidate, got {_type_name(cand)}"
                )
            yield cand.adept, cand.mentor, cand.score

    def fixed() -> Iterator[tuple[object, object]]:
        for k, pair in enumerate(problem.fixed):
            if not isinstance(pair, tuple | list) or len(pair) != 2:
                raise ProblemError(f"fixed[{k}]", "must be an (adept id, mentor id) pair")
            yield pair[0], pair[1]

    return _build(
        [(m.id, m.capacity) for m in problem.mentors],
        [a.id for a in problem.adepts],
        columns,
        candidates,
        fixed(),
    )


def problem_from_data(data: object) -> Problem:
    """Validate JSON-decoded input and return it as `Problem` dataclasses."""
    return parse_problem(data).to_problem()
