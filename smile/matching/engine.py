"""Writes for matching: runs of the whole-cohort solver and a coordinator's edits of the draft.

A run reads every active mentor and adept of a programme, scores the allowed pairs, solves
(most adepts matched, then the best total score) and replaces the programme's draft pairs
with its proposal in one transaction, so a failed run leaves the previous draft as it was.
Pairs already proposed, active or paused stay as they are and hold their mentor's places.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError, NotAllowed
from smile.matching import language_support, scoring
from smile.matching.labels import RULE_SENTENCES
from smile.matching.models import (
    PLACE_HOLDING_STATUSES,
    Exclusion,
    MatchingCriteria,
    MatchingRun,
    Pair,
    PairStatus,
    RunStatus,
    effective_capacity,
    profile_of,
)
from smile.matching.problem import Adept, Candidate, Mentor, Problem
from smile.matching.solver import Solution, solve
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme

logger = logging.getLogger(__name__)

# A run still waiting or running after this long is taken as lost (say, the worker was down or
# stopped mid-run) and no longer keeps a coordinator from starting another.
STALE_AFTER = timedelta(minutes=30)
# An unmatched adept's reasons name at most this many mentors: enough to act on, and a pool
# of a thousand mentors does not put a thousand lines on the page or in the database.
REASONS_PER_ADEPT = 25
WEIGHT_FIELDS = {
    "language": "weight_language",
    "workplace": "weight_workplace",
    "trade": "weight_trade",
    "shifts": "weight_shifts",
    "interests": "weight_interests",
    "gender": "weight_gender",
}
RULE_FIELDS = (
    "require_same_workplace",
    "require_same_employer",
    "require_shared_language",
    "exclude_line_manager",
    "exclude_ended_badly",
)


# --- criteria ---------------------------------------------------------------------------------


def criteria_for(programme: Programme) -> MatchingCriteria:
    """The programme's criteria, or the defaults (not saved) when none are set yet."""
    found = MatchingCriteria.objects.filter(programme=programme).first()
    return found or MatchingCriteria(programme=programme)


@transaction.atomic
def criteria_save(
    *,
    programme: Programme,
    weight_language: int,
    weight_workplace: int,
    weight_trade: int,
    weight_shifts: int,
    weight_interests: int,
    weight_gender: int,
    require_same_workplace: bool,
    require_same_employer: bool,
    require_shared_language: bool,
    exclude_line_manager: bool,
    exclude_ended_badly: bool,
) -> MatchingCriteria:
    weights = [
        weight_language,
        weight_workplace,
        weight_trade,
        weight_shifts,
        weight_interests,
        weight_gender,
    ]
    if any(not 0 <= w <= 10 for w in weights):
        raise ApplicationError(_("Each weight must be between 0 and 10."))
    criteria = criteria_for(programme)
    criteria.weight_language = weight_language
    criteria.weight_workplace = weight_workplace
    criteria.weight_trade = weight_trade
    criteria.weight_shifts = weight_shifts
    criteria.weight_interests = weight_interests
    criteria.weight_gender = weight_gender
    criteria.require_same_workplace = require_same_workplace
    criteria.require_same_employer = require_same_employer
    criteria.require_shared_language = require_shared_language
    criteria.exclude_line_manager = exclude_line_manager
    criteria.exclude_ended_badly = exclude_ended_badly
    criteria.full_clean(validate_unique=False)
    criteria.save()
    return criteria


def criteria_view(criteria: MatchingCriteria, programme: Programme) -> scoring.Criteria:
    return scoring.Criteria(
        weights={name: getattr(criteria, f) for name, f in WEIGHT_FIELDS.items()},
        require_same_workplace=criteria.require_same_workplace,
        require_same_employer=criteria.require_same_employer,
        require_shared_language=criteria.require_shared_language,
        exclude_line_manager=criteria.exclude_line_manager,
        exclude_ended_badly=criteria.exclude_ended_badly,
        training_required=programme.mentor_training_required,
    )


# --- reading a cohort -------------------------------------------------------------------------


def _names(items: object) -> frozenset[str]:
    if not isinstance(items, list):
        return frozenset()
    return frozenset(str(i).strip().casefold() for i in items if str(i).strip())


def _languages(items: object) -> dict[str, int]:
    result: dict[str, int] = {}
    if not isinstance(items, list):
        return result
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("code"), str):
            level = item.get("level")
            result[item["code"]] = level if isinstance(level, int) else 1
    return result


def profile_view(
    enrolment: Enrolment,
    programme: Programme,
    support: Mapping[int, frozenset[str]] | None = None,
) -> scoring.ProfileView:
    """The scoring view of an enrolment; an enrolment without a profile counts as empty.

    `support`: the language support at workplaces (`language_support.languages_at`), read for
    her own workplace when not given; used for adepts only."""
    profile = profile_of(enrolment)
    if enrolment.role != EnrolmentRole.ADEPT:
        support_languages: frozenset[str] = frozenset()
    else:
        if support is None:
            support = language_support.languages_at([enrolment.workplace_id])
        support_languages = support.get(enrolment.workplace_id, frozenset())
    capacity = effective_capacity(profile, programme)
    return scoring.ProfileView(
        enrolment_id=enrolment.pk,
        user_id=enrolment.user_id,
        workplace_id=enrolment.workplace_id,
        employer_id=enrolment.workplace.organisation_id,
        languages=_languages(profile.languages) if profile else {},
        trade=profile.trade.strip() if profile else "",
        skills=_names(profile.skills) if profile else frozenset(),
        shifts=_names(profile.shifts) if profile else frozenset(),
        interests=_names(profile.interests) if profile else frozenset(),
        gender=profile.gender if profile else "",
        wants_same_gender=profile.wants_same_gender if profile else False,
        capacity=capacity,
        trained=bool(profile and profile.training_completed_on),
        line_manager_id=profile.line_manager_id if profile else None,
        support_languages=support_languages,
    )


@dataclass
class Cohort:
    programme: Programme
    criteria: scoring.Criteria
    history: scoring.History
    adepts: list[scoring.ProfileView]  # without a live pair: the ones to match
    mentors: list[scoring.ProfileView]
    held: Counter[int]  # mentor enrolment id -> places held by live pairs


def cohort_load(programme: Programme) -> Cohort:
    enrolments = list(
        Enrolment.objects.filter(programme=programme, status=EnrolmentStatus.ACTIVE)
        .select_related("workplace", "matching_profile")
        .order_by("pk")
    )
    live = list(
        Pair.objects.filter(programme=programme, status__in=PLACE_HOLDING_STATUSES).values_list(
            "adept_id", "mentor_id"
        )
    )
    paired = {adept_id for adept_id, _ in live}
    support = language_support.languages_at(
        {e.workplace_id for e in enrolments if e.role == EnrolmentRole.ADEPT}
    )
    adepts = [
        profile_view(e, programme, support)
        for e in enrolments
        if e.role == EnrolmentRole.ADEPT and e.pk not in paired
    ]
    mentors = [profile_view(e, programme) for e in enrolments if e.role == EnrolmentRole.MENTOR]
    return Cohort(
        programme=programme,
        criteria=criteria_view(criteria_for(programme), programme),
        history=_history(programme, [a.user_id for a in adepts]),
        adepts=adepts,
        mentors=mentors,
        held=Counter(mentor_id for _, mentor_id in live),
    )


def _history(programme: Programme, adept_user_ids: Sequence[int]) -> scoring.History:
    excluded = set(
        Exclusion.objects.filter(programme=programme).values_list("adept_id", "mentor_id")
    )
    ended = set(
        Pair.objects.filter(status=PairStatus.ENDED, adept__user_id__in=adept_user_ids).values_list(
            "adept__user_id", "mentor__user_id"
        )
    )
    return scoring.History(excluded=excluded, ended_badly=ended)


# --- runs -------------------------------------------------------------------------------------


def run_is_busy(run: MatchingRun | None) -> bool:
    """Whether the run is waiting or running (and not lost)."""
    return (
        run is not None
        and run.status in (RunStatus.QUEUED, RunStatus.RUNNING)
        and run.created_at >= timezone.now() - STALE_AFTER
    )


def _progress(run: MatchingRun, percent: int, step: str, **fields: object) -> None:
    # The step is kept in English (a msgid) and translated for each reader when shown.
    run.progress = percent
    run.step = step
    for name, value in fields.items():
        setattr(run, name, value)
    # A plain update, committed at once, so the page polling the run sees it move.
    MatchingRun.objects.filter(pk=run.pk).update(progress=percent, step=step, **fields)


@dataclass
class Proposed:
    adept_id: int
    mentor_id: int
    score: float
    breakdown: scoring.Breakdown


@dataclass
class Outcome:
    pairs: list[Proposed]
    unmatched: dict[str, dict[str, list[str]]]
    matched: int
    total_score: float


def cohort_match(
    cohort: Cohort,
    *,
    limit: int | None = scoring.DEFAULT_CANDIDATE_LIMIT,
    on_solving: Callable[[], None] = lambda: None,
) -> Outcome:
    """Score and solve a cohort (no database access but through `on_solving`)."""
    scored = scoring.score_all(
        cohort.adepts, cohort.mentors, cohort.criteria, cohort.history, limit=limit
    )
    on_solving()
    solution = _solve(cohort, scored)
    if solution.unmatched and limit is not None:
        # The best-K cut may have dropped the only free mentor of someone: give each unmatched
        # adept all her allowed mentors and solve again.
        retry = {int(a) for a in solution.unmatched}
        extra = scoring.score_all(
            [a for a in cohort.adepts if a.enrolment_id in retry],
            cohort.mentors,
            cohort.criteria,
            cohort.history,
            limit=None,
        )
        scored = [s for s in scored if s.adept_id not in retry] + extra
        solution = _solve(cohort, scored)
    adepts = {a.enrolment_id: a for a in cohort.adepts}
    mentors = {m.enrolment_id: m for m in cohort.mentors}
    maxima = cohort.criteria.maxima()
    pairs = []
    for p in solution.pairs:
        score, breakdown = scoring.score_pair(adepts[int(p.adept)], mentors[int(p.mentor)], maxima)
        pairs.append(Proposed(int(p.adept), int(p.mentor), score, breakdown))
    load = Counter(cohort.held)
    load.update(p.mentor_id for p in pairs)
    return Outcome(
        pairs=pairs,
        unmatched=_reasons(cohort, {int(a) for a in solution.unmatched}, load),
        matched=len(pairs),
        total_score=round(sum(p.score for p in pairs), 1),
    )


def _solve(cohort: Cohort, scored: Sequence[scoring.Scored]) -> Solution:
    problem = Problem(
        mentors=[
            Mentor(str(m.enrolment_id), max(m.capacity - cohort.held[m.enrolment_id], 0))
            for m in cohort.mentors
        ],
        adepts=[Adept(str(a.enrolment_id)) for a in cohort.adepts],
        candidates=[Candidate(str(s.adept_id), str(s.mentor_id), s.score) for s in scored],
    )
    return solve(problem)


def _reasons(
    cohort: Cohort, unmatched: set[int], load: Counter[int]
) -> dict[str, dict[str, list[str]]]:
    result: dict[str, dict[str, list[str]]] = {}
    capacity = {m.enrolment_id: m.capacity for m in cohort.mentors}
    for adept in cohort.adepts:
        if adept.enrolment_id not in unmatched:
            continue
        found = scoring.rejections(adept, cohort.mentors, cohort.criteria, cohort.history)
        for mentor_id, codes in found.items():
            if not codes and load[mentor_id] >= capacity[mentor_id]:
                codes.append(scoring.FULL)
        # Mentors who were allowed but full first, then those who break the fewest rules.
        best = sorted(found.items(), key=lambda item: (len(item[1]), item[0]))
        result[str(adept.enrolment_id)] = {
            str(mentor_id): codes for mentor_id, codes in best[:REASONS_PER_ADEPT]
        }
    return result


def matching_run_execute(*, run_id: int) -> MatchingRun:
    """Do a queued run (called by the worker); a failure is recorded on the run, not raised."""
    run = MatchingRun.objects.select_related("programme").get(pk=run_id)
    if run.status not in (RunStatus.QUEUED, RunStatus.RUNNING):
        return run
    try:
        _progress(run, 10, gettext_noop("Reading the profiles"), status=RunStatus.RUNNING, error="")
        cohort = cohort_load(run.programme)
        _progress(run, 40, gettext_noop("Scoring the possible pairs"))
        scored = cohort_match(
            cohort, on_solving=lambda: _progress(run, 70, gettext_noop("Finding the best proposal"))
        )
        _progress(run, 90, gettext_noop("Saving the proposal"))
        _drafts_replace(run, scored)
        _progress(
            run,
            100,
            gettext_noop("Done"),
            status=RunStatus.FINISHED,
            finished_at=timezone.now(),
            matched=scored.matched,
            total_score=scored.total_score,
            unmatched_reasons=scored.unmatched,
        )
    except Exception as error:
        logger.exception("Matching run %s failed", run_id)
        _progress(
            run,
            run.progress,
            gettext_noop("Failed"),
            status=RunStatus.FAILED,
            finished_at=timezone.now(),
            error=f"{type(error).__name__}: {error}"[:2000],
        )
    return run


@transaction.atomic
def _drafts_replace(run: MatchingRun, outcome: Outcome) -> None:
    Pair.objects.filter(programme=run.programme, status=PairStatus.DRAFT).delete()
    pairs = []
    for proposed in outcome.pairs:
        pair = Pair(
            programme_id=run.programme_id,
            adept_id=proposed.adept_id,
            mentor_id=proposed.mentor_id,
            status=PairStatus.DRAFT,
            run=run,
            score=proposed.score,
            breakdown=proposed.breakdown,
        )
        # Field checks only: the ids come from the database and bulk saving keeps it fast.
        pair.full_clean(
            exclude=["programme", "adept", "mentor", "run"],
            validate_unique=False,
            validate_constraints=False,
        )
        pairs.append(pair)
    Pair.objects.bulk_create(pairs, batch_size=500)


# --- a coordinator's edits of the draft -------------------------------------------------------


def _name(enrolment: Enrolment) -> str:
    return enrolment.user.full_name


def _latest_run(programme: Programme) -> MatchingRun | None:
    return MatchingRun.objects.filter(programme=programme).order_by("-created_at", "-pk").first()


def _check_pair(
    *, programme: Programme, adept: Enrolment, mentor: Enrolment, ignore: Iterable[int] = ()
) -> tuple[float, scoring.Breakdown]:
    """Raise ApplicationError if the two may not be paired; otherwise return the score."""
    if adept.programme_id != programme.pk or mentor.programme_id != programme.pk:
        raise ApplicationError(_("Both people must be enrolled in this programme."))
    if adept.role != EnrolmentRole.ADEPT or mentor.role != EnrolmentRole.MENTOR:
        raise ApplicationError(_("Choose an adept and a mentor."))
    if adept.status != EnrolmentStatus.ACTIVE or mentor.status != EnrolmentStatus.ACTIVE:
        raise ApplicationError(_("Both people must have an active enrolment."))
    if adept.user_id == mentor.user_id:
        raise ApplicationError(_("A person cannot be her own mentor."))
    criteria = criteria_view(criteria_for(programme), programme)
    a = profile_view(adept, programme)
    m = profile_view(mentor, programme)
    history = _history(programme, [adept.user_id])
    codes = scoring.broken_rules(a, m, criteria, history)
    if codes:
        sentences = " ".join(str(RULE_SENTENCES[c]) for c in codes)
        raise ApplicationError(
            _("%(mentor)s cannot be the mentor of %(adept)s. %(reasons)s")
            % {"mentor": _name(mentor), "adept": _name(adept), "reasons": sentences}
        )
    taken = (
        Pair.objects.filter(mentor=mentor, status__in=[*PLACE_HOLDING_STATUSES, PairStatus.DRAFT])
        .exclude(pk__in=list(ignore))
        .count()
    )
    if taken >= m.capacity:
        raise ApplicationError(
            _("%(mentor)s has no free place (capacity %(capacity)d).")
            % {"mentor": _name(mentor), "capacity": m.capacity}
        )
    return scoring.score_pair(a, m, criteria.maxima())


@transaction.atomic
def draft_assign(*, programme: Programme, adept: Enrolment, mentor: Enrolment, actor: User) -> Pair:
    """Put an adept with a mentor in the draft, in place of any draft pair she had."""
    policies.require(actor, policies.CHANGE, programme)
    if adept.programme_id != programme.pk or mentor.programme_id != programme.pk:
        raise NotAllowed("draft_assign outside the programme")
    list(Enrolment.objects.select_for_update().filter(pk__in=[adept.pk, mentor.pk]).order_by("pk"))
    if Pair.objects.filter(adept=adept, status__in=PLACE_HOLDING_STATUSES).exists():
        raise ApplicationError(
            _("%(adept)s already has a mentor.") % {"adept": _name(adept)}, field="adept"
        )
    previous = list(Pair.objects.filter(adept=adept, status=PairStatus.DRAFT))
    score, breakdown = _check_pair(
        programme=programme, adept=adept, mentor=mentor, ignore=[p.pk for p in previous]
    )
    Pair.objects.filter(pk__in=[p.pk for p in previous]).delete()
    pair = Pair(
        programme=programme,
        adept=adept,
        mentor=mentor,
        status=PairStatus.DRAFT,
        run=_latest_run(programme),
        score=score,
        breakdown=breakdown,
    )
    pair.full_clean()
    pair.save()
    return pair


@transaction.atomic
def draft_unassign(*, pair: Pair, actor: User) -> None:
    policies.require(actor, policies.CHANGE, pair)
    if pair.status != PairStatus.DRAFT:
        raise ApplicationError(_("Only a suggested pair that is not published can be removed."))
    pair.delete()


@transaction.atomic
def draft_swap(*, pair_a: Pair, pair_b: Pair, actor: User) -> tuple[Pair, Pair]:
    """Swap the mentors of two draft pairs."""
    policies.require(actor, policies.CHANGE, pair_a)
    policies.require(actor, policies.CHANGE, pair_b)
    if pair_a.pk == pair_b.pk:
        raise ApplicationError(_("Choose two different pairs."))
    if pair_a.status != PairStatus.DRAFT or pair_b.status != PairStatus.DRAFT:
        raise ApplicationError(_("Only suggested pairs that are not published can be swapped."))
    if pair_a.programme_id != pair_b.programme_id:
        raise ApplicationError(_("Both pairs must be in the same programme."))
    programme = pair_a.programme
    mentor_a, mentor_b = pair_a.mentor, pair_b.mentor
    ignore = [pair_a.pk, pair_b.pk]
    score_a, breakdown_a = _check_pair(
        programme=programme, adept=pair_a.adept, mentor=mentor_b, ignore=ignore
    )
    score_b, breakdown_b = _check_pair(
        programme=programme, adept=pair_b.adept, mentor=mentor_a, ignore=ignore
    )
    pair_a.mentor, pair_a.score, pair_a.breakdown = mentor_b, score_a, breakdown_a
    pair_b.mentor, pair_b.score, pair_b.breakdown = mentor_a, score_b, breakdown_b
    for pair in (pair_a, pair_b):
        pair.full_clean(validate_constraints=False)
        pair.save()
    return pair_a, pair_b


def adept_unmatched_filter() -> Q:
    """Adept enrolments with neither a mentor (proposed, active, paused) nor a draft suggestion."""
    taken = Pair.objects.filter(status__in=[*PLACE_HOLDING_STATUSES, PairStatus.DRAFT])
    return ~Q(pk__in=taken.values("adept_id"))
