"""Compatibility of an adept and a mentor: hard rules first, then a 0–100 score.

Pure functions on plain dataclasses, so the loop over every (adept, mentor) pair never
touches the database and can be tested without one.  This module must not import Django.

The score is a weighted sum.  Each criterion gets a share of 100 points in proportion to its
weight (``max = 100 * w / sum(w)``) and earns ``max * fit`` where fit is in [0, 1]:

* language: the best shared language, ``min(adept level, mentor level) / 4``
  (4 is "mother tongue"; two people who both speak a little share a quarter of it); when they
  share none but a language ambassador at the adept's workplace speaks one of her languages
  (`ProfileView.support_languages`), a modest ``SUPPORT_FIT`` (a quarter, as "a little");
* workplace: 1 at the same workplace, 0.5 at another site of the same employer;
* trade: 0.6 for the same trade, plus 0.4 × the overlap (Jaccard) of their skills;
* shifts and interests: the overlap (Jaccard) of the two sets;
* gender: 1 when the adept has no wish or the genders are the same, otherwise 0.

Only the best `candidate_limit` mentors of each adept (50 by default) become candidates, so
the solver's graph stays sparse in big pools.  That can, in rare crowded cases, cost a
match; the engine gives any adept left unmatched all her allowed mentors and solves again.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

CRITERIA = ("language", "workplace", "trade", "shifts", "interests", "gender")
MAX_LEVEL = 4
# The language fit of a pair who share no language, where someone at her workplace speaks hers.
SUPPORT_FIT = 0.25
DEFAULT_CANDIDATE_LIMIT = 50

# Hard-rule codes, in the order they are reported.
SAME_WORKPLACE = "same_workplace"
SAME_EMPLOYER = "same_employer"
SHARED_LANGUAGE = "shared_language"
LINE_MANAGER = "line_manager"
ENDED_BADLY = "ended_badly"
EXCLUDED = "excluded"
TRAINING = "training"
CAPACITY_ZERO = "capacity_zero"
# Not a rule of the pair: an allowed mentor whose places were all taken.
FULL = "full"

type Breakdown = dict[str, dict[str, float]]


@dataclass(frozen=True, slots=True)
class ProfileView:
    """What scoring needs of one enrolment and its matching profile."""

    enrolment_id: int
    user_id: int
    workplace_id: int
    employer_id: int
    languages: Mapping[str, int] = field(default_factory=dict)
    trade: str = ""
    skills: frozenset[str] = frozenset()
    shifts: frozenset[str] = frozenset()
    interests: frozenset[str] = frozenset()
    gender: str = ""
    wants_same_gender: bool = False
    capacity: int = 0
    trained: bool = False
    line_manager_id: int | None = None
    # An adept's: the languages of the language ambassadors at her workplace.
    support_languages: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Criteria:
    """A coordinator's weights (0–10 each, by criterion name) and hard rules."""

    weights: Mapping[str, int]
    require_same_workplace: bool = False
    require_same_employer: bool = True
    require_shared_language: bool = True
    exclude_line_manager: bool = True
    exclude_ended_badly: bool = True
    training_required: bool = True

    def maxima(self) -> dict[str, float]:
        """Each criterion's share of 100 points."""
        total = sum(self.weights.get(c, 0) for c in CRITERIA)
        if total <= 0:
            return dict.fromkeys(CRITERIA, 0.0)
        return {c: 100 * self.weights.get(c, 0) / total for c in CRITERIA}


@dataclass(frozen=True, slots=True)
class History:
    """Facts about earlier pairs: coordinators' exclusions and pairs that ended early."""

    # (adept enrolment id, mentor enrolment id)
    excluded: Collection[tuple[int, int]] = frozenset()
    # (adept user id, mentor user id), from any programme
    ended_badly: Collection[tuple[int, int]] = frozenset()


@dataclass(frozen=True, slots=True)
class Scored:
    adept_id: int
    mentor_id: int
    score: float


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def language_fit(a: Mapping[str, int], m: Mapping[str, int]) -> float:
    best = 0
    for code, level in a.items():
        other = m.get(code)
        if other is not None:
            best = max(best, min(level, other))
    return min(best, MAX_LEVEL) / MAX_LEVEL


def broken_rules(
    adept: ProfileView, mentor: ProfileView, criteria: Criteria, history: History
) -> list[str]:
    """The hard-rule codes that forbid this pair (empty: allowed)."""
    codes: list[str] = []
    if criteria.require_same_workplace and adept.workplace_id != mentor.workplace_id:
        codes.append(SAME_WORKPLACE)
    if criteria.require_same_employer and adept.employer_id != mentor.employer_id:
        codes.append(SAME_EMPLOYER)
    if criteria.require_shared_language and not (adept.languages.keys() & mentor.languages.keys()):
        codes.append(SHARED_LANGUAGE)
    if criteria.exclude_line_manager and adept.line_manager_id == mentor.user_id:
        codes.append(LINE_MANAGER)
    if criteria.exclude_ended_badly and (adept.user_id, mentor.user_id) in history.ended_badly:
        codes.append(ENDED_BADLY)
    if (adept.enrolment_id, mentor.enrolment_id) in history.excluded:
        codes.append(EXCLUDED)
    if criteria.training_required and not mentor.trained:
        codes.append(TRAINING)
    if mentor.capacity <= 0:
        codes.append(CAPACITY_ZERO)
    return codes


def supported(adept: ProfileView, mentor: ProfileView) -> bool:
    """They share no language, but an ambassador at her workplace speaks one of hers."""
    return adept.languages.keys().isdisjoint(mentor.languages) and not (
        adept.support_languages.isdisjoint(adept.languages)
    )


def _fit_language(adept: ProfileView, mentor: ProfileView) -> float:
    fit = language_fit(adept.languages, mentor.languages)
    if fit == 0 and supported(adept, mentor):
        return SUPPORT_FIT
    return fit


def _fit_workplace(adept: ProfileView, mentor: ProfileView) -> float:
    if adept.workplace_id == mentor.workplace_id:
        return 1.0
    return 0.5 if adept.employer_id == mentor.employer_id else 0.0


def _fit_trade(adept: ProfileView, mentor: ProfileView) -> float:
    same = bool(adept.trade) and adept.trade.casefold() == mentor.trade.casefold()
    return 0.6 * same + 0.4 * jaccard(adept.skills, mentor.skills)


def _fit_shifts(adept: ProfileView, mentor: ProfileView) -> float:
    return jaccard(adept.shifts, mentor.shifts)


def _fit_interests(adept: ProfileView, mentor: ProfileView) -> float:
    return jaccard(adept.interests, mentor.interests)


def _fit_gender(adept: ProfileView, mentor: ProfileView) -> float:
    ok = not adept.wants_same_gender or (bool(adept.gender) and adept.gender == mentor.gender)
    return 1.0 if ok else 0.0


_FIT = {
    "language": _fit_language,
    "workplace": _fit_workplace,
    "trade": _fit_trade,
    "shifts": _fit_shifts,
    "interests": _fit_interests,
    "gender": _fit_gender,
}


def fits(adept: ProfileView, mentor: ProfileView) -> dict[str, float]:
    """Each criterion's fit in [0, 1]."""
    return {criterion: _FIT[criterion](adept, mentor) for criterion in CRITERIA}


def score_pair(
    adept: ProfileView, mentor: ProfileView, maxima: Mapping[str, float]
) -> tuple[float, Breakdown]:
    """The score (0–100, one decimal) and its per-criterion breakdown."""
    breakdown: Breakdown = {}
    total = 0.0
    for criterion, fit in fits(adept, mentor).items():
        top = maxima[criterion]
        points = top * fit
        if top > 0:  # the same sum, in the same order, as `_total`
            total += points
        breakdown[criterion] = {"points": round(points, 1), "max": round(top, 1)}
    return min(round(total, 1), 100.0), breakdown


def allowed(adept: ProfileView, mentor: ProfileView, criteria: Criteria, history: History) -> bool:
    """Whether no hard rule forbids the pair: `broken_rules` without building the list."""
    return (
        mentor.user_id != adept.user_id
        and mentor.capacity > 0
        and (mentor.trained or not criteria.training_required)
        and (not criteria.require_same_employer or adept.employer_id == mentor.employer_id)
        and (not criteria.require_same_workplace or adept.workplace_id == mentor.workplace_id)
        and (
            not criteria.require_shared_language
            or not adept.languages.keys().isdisjoint(mentor.languages)
        )
        and (not criteria.exclude_line_manager or adept.line_manager_id != mentor.user_id)
        and (
            not criteria.exclude_ended_badly
            or (adept.user_id, mentor.user_id) not in history.ended_badly
        )
        and (adept.enrolment_id, mentor.enrolment_id) not in history.excluded
    )


def score_all(
    adepts: Sequence[ProfileView],
    mentors: Sequence[ProfileView],
    criteria: Criteria,
    history: History,
    *,
    limit: int | None = DEFAULT_CANDIDATE_LIMIT,
) -> list[Scored]:
    """Every allowed pair, keeping each adept's best `limit` mentors (None: all of them).

    Ties are broken by mentor id so that the same input always gives the same candidates.
    The breakdown of a pair is left to `score_pair`, for the few pairs that are shown.
    """
    maxima = criteria.maxima()
    weighted = [c for c in CRITERIA if maxima[c] > 0]
    result: list[Scored] = []
    # With a same-place rule only that place's mentors need a look: far fewer pairs to test.
    same_place = criteria.require_same_workplace or criteria.require_same_employer
    pools: dict[int, list[ProfileView]] = {}
    if same_place:
        for mentor in mentors:
            pools.setdefault(_place(mentor, criteria), []).append(mentor)
    for adept in adepts:
        pool = pools.get(_place(adept, criteria), []) if same_place else mentors
        scored = [
            (-_total(adept, mentor, maxima, weighted), mentor.enrolment_id)
            for mentor in pool
            if allowed(adept, mentor, criteria, history)
        ]
        if limit is not None and len(scored) > limit:
            scored = heapq.nsmallest(limit, scored)
        result.extend(Scored(adept.enrolment_id, mid, -neg) for neg, mid in scored)
    return result


def _total(
    adept: ProfileView, mentor: ProfileView, maxima: Mapping[str, float], weighted: list[str]
) -> float:
    """`score_pair`'s total, computing only the criteria that carry weight."""
    total = 0.0
    for criterion in weighted:
        total += maxima[criterion] * _FIT[criterion](adept, mentor)
    return min(round(total, 1), 100.0)


def _place(profile: ProfileView, criteria: Criteria) -> int:
    if criteria.require_same_workplace:
        return profile.workplace_id
    return profile.employer_id


def rejections(
    adept: ProfileView,
    mentors: Iterable[ProfileView],
    criteria: Criteria,
    history: History,
) -> dict[int, list[str]]:
    """For each mentor, the rules that forbid pairing her with this adept (empty: allowed)."""
    return {
        mentor.enrolment_id: broken_rules(adept, mentor, criteria, history)
        for mentor in mentors
        if mentor.user_id != adept.user_id
    }
