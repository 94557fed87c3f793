"""Reads for management support: the self-assessment's results, and the SMILE page of a
manager's (or coordinator's) workplaces.

The SMILE page reads every figure for all the workplaces at once, in a fixed number of queries
however many workplaces and pairs there are: each figure is one grouped query keyed on the
workplace. Managers see numbers, never a name: the page shows no adept, mentor or pair.

Which pairs count at a workplace: those whose adept is placed there (where the learning happens,
as in the managers' digest), except for mentor time, which is the mentors' of the workplace.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from types import SimpleNamespace

from django.db.models import Count, Max, Q, QuerySet, Sum
from django.utils import timezone

from smile.accounts.models import User
from smile.belonging import selectors as belonging_selectors
from smile.core.actor import AnyUser
from smile.equality import selectors as equality_selectors
from smile.equality.measures import selectors as measures_selectors
from smile.inclusion import selectors as inclusion_selectors
from smile.leadership import access, mentor_time
from smile.leadership import statements as st
from smile.leadership.models import (
    OPEN_ACTION_STATUSES,
    Action,
    AssessmentAnswer,
    AssessmentResponse,
    AssessmentRound,
    Commitment,
    CommitmentRule,
    FollowUpMeeting,
    ProgrammeLeadership,
)
from smile.leadership.results import RoundResult, round_result
from smile.learning.progress import selectors as progress
from smile.matching.models import LIVE_PAIR_STATUSES, Pair, PairStatus
from smile.mentoring.digest.selectors import digest_period
from smile.mentoring.models import ActionItem, CheckIn, Dimension, MeetingLog
from smile.mentoring.warnings import selectors as warnings
from smile.organisations.choices import Role
from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme

TREND_MONTHS = 6
# A month's average rating on a dimension is shown only when at least this many meetings rated it.
MIN_RATINGS = 3
# The order of the ratings: what mentors say of the workplace's support first.
TREND_DIMENSIONS = [Dimension.SUPPORT, Dimension.INCLUSION, Dimension.LEARNING, Dimension.EQUALITY]
WARNING_KINDS = (warnings.NO_MEETING, warnings.LATE_ACTIONS, warnings.OVER_BUDGET)


def hours(minutes: int) -> Decimal:
    """Minutes as hours with one decimal, halves rounded up (as the digest does)."""
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# --- the self-assessment -----------------------------------------------------------------------


def _round_sums(
    round_ids: list[int],
) -> tuple[dict[int, dict[str, int]], dict[int, dict[tuple[str, str], tuple[int, int]]]]:
    """Per round: respondents per group, and the answers summed per group and statement (two
    queries, however many rounds)."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    sums: dict[int, dict[tuple[str, str], tuple[int, int]]] = defaultdict(dict)
    if not round_ids:
        return counts, sums
    for row in (
        AssessmentResponse.objects.filter(round_id__in=round_ids)
        .order_by()
        .values("round_id", "role")
        .annotate(n=Count("pk"))
    ):
        counts[row["round_id"]][row["role"]] = row["n"]
    for row in (
        AssessmentAnswer.objects.filter(round_id__in=round_ids)
        .order_by()
        .values("round_id", "role", "statement")
        .annotate(total=Sum("value"), n=Count("pk"))
    ):
        sums[row["round_id"]][(row["role"], row["statement"])] = (row["total"], row["n"])
    return counts, sums


def closed_results(rounds: list[AssessmentRound]) -> dict[int, RoundResult]:
    """The results of these closed rounds of one or more workplaces, each against the closed
    round before it at its workplace (which must be among `rounds`; the earliest of a workplace's
    is only compared against, so its weakest statements are left out). Two queries."""
    closed = sorted(
        (r for r in rounds if r.closed_at is not None),
        key=lambda r: (r.workplace_id, r.closed_at, r.pk),
    )
    counts, sums = _round_sums([r.pk for r in closed])
    results: dict[int, RoundResult] = {}
    for index, r in enumerate(closed):
        before = closed[index - 1] if index else None
        previous = results[before.pk] if before and before.workplace_id == r.workplace_id else None
        last = index + 1 == len(closed) or closed[index + 1].workplace_id != r.workplace_id
        results[r.pk] = round_result(counts[r.pk], sums[r.pk], previous, statements=last)
    return results


def round_detail(*, round: AssessmentRound) -> RoundResult | None:
    """A round's results (None while it is open), with the change since the closed round before
    it at the workplace."""
    if round.closed_at is None:
        return None
    before = (
        AssessmentRound.objects.filter(
            workplace_id=round.workplace_id, closed_at__lt=round.closed_at
        )
        .order_by("-closed_at", "-pk")
        .first()
    )
    rounds = [round] if before is None else [before, round]
    return closed_results(rounds)[round.pk]


def workplace_rounds(*, workplace: Workplace) -> list[AssessmentRound]:
    """Every round at the workplace, the newest first, with how many have answered."""
    return list(
        AssessmentRound.objects.filter(workplace=workplace)
        .annotate(respondents=Count("responses"))
        .order_by("-created_at", "-pk")
    )


def rounds_to_answer(*, user: AnyUser) -> list[AssessmentRound]:
    """Open rounds the person answers and has not answered yet, for her list (one query)."""
    if not getattr(user, "pk", None):
        return []
    return list(
        access.answerable_rounds(user)
        .exclude(responses__respondent_id=user.pk)
        .select_related("workplace__organisation")
        .order_by("workplace__organisation__name", "workplace__name", "pk")
    )


def has_answered(*, user: AnyUser, round: AssessmentRound) -> bool:
    return AssessmentResponse.objects.filter(round=round, respondent_id=user.pk).exists()


# --- the people of a workplace -----------------------------------------------------------------


def action_owners(*, workplace: Workplace) -> QuerySet[User]:
    """Who may be responsible for an action: those who lead the workplace (its managers and the
    coordinators of the programmes its employer takes part in)."""
    managers = Q(
        memberships__role=Role.MANAGER,
        memberships__organisation_id=workplace.organisation_id,
    ) & (Q(memberships__workplace__isnull=True) | Q(memberships__workplace_id=workplace.pk))
    coordinators = Q(
        memberships__role=Role.COORDINATOR,
        memberships__organisation__owned_programmes__partners=workplace.organisation_id,
    )
    keys = User.objects.filter(managers | coordinators).values("pk")
    return User.objects.filter(pk__in=keys, is_active=True).order_by("full_name", "pk")


def workplace_programmes(*, user: AnyUser, workplace: Workplace) -> QuerySet[Programme]:
    """The programmes the person follows at this workplace: those its employer takes part in."""
    return (
        access.leading_programmes(user)
        .filter(partners=workplace.organisation_id)
        .order_by("-starts_on", "name")
    )


# --- the SMILE page ----------------------------------------------------------------------------


@dataclass
class CommitmentStatus:
    programme: Programme
    commitment: Commitment | None
    rule: str
    workplace: Workplace | None = None

    @property
    def missing(self) -> bool:
        return self.commitment is None

    @property
    def required(self) -> bool:
        return self.rule != CommitmentRule.NONE


@dataclass
class WorkplaceFigures:
    """What the SMILE page shows of one workplace: numbers only."""

    workplace: Workplace
    adepts: int = 0
    mentors: int = 0
    live_pairs: int = 0
    paused_pairs: int = 0
    attention_pairs: int = 0
    warnings: Counter[str] = field(default_factory=Counter)
    meetings_held: int = 0
    planned: Fraction = Fraction(0)
    period_minutes: int = 0
    items_done: int = 0
    items_overdue: int = 0
    month_minutes: int = 0
    month_budget_minutes: int = 0
    over_budget: int = 0
    under_budget: int = 0
    # Mentors counted, and of those whose budget is the workplace's commitment.
    mentor_rows: int = 0
    committed_budgets: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    commitments: list[CommitmentStatus] = field(default_factory=list)
    assessment: RoundResult | None = None
    assessment_round: int | None = None
    assessed_on: datetime | None = None
    open_round: int | None = None
    open_actions: int = 0
    late_actions: int = 0
    last_follow_up: date | None = None
    # What the later domains add: onboarding, belonging (closed rounds, oldest first, suppressed
    # below five answers by `smile.belonging`), open concerns (None below three, by
    # `smile.equality`) and the active measures' latest cycle (its label, open, late).
    onboarding: inclusion_selectors.Completion | None = None
    belonging: list[belonging_selectors.RoundFigure] = field(default_factory=list)
    open_concerns: int | None = None
    measures: tuple[str, int, int] | None = None

    @property
    def meetings_planned(self) -> int:
        return int(self.planned + Fraction(1, 2))

    @property
    def period_hours(self) -> Decimal:
        return hours(self.period_minutes)

    @property
    def month_hours(self) -> Decimal:
        return hours(self.month_minutes)

    @property
    def month_budget_hours(self) -> Decimal:
        return hours(self.month_budget_minutes)

    @property
    def support_weak(self) -> bool:
        return self.assessment is not None and self.assessment.support_weak

    @property
    def missing_commitments(self) -> list[CommitmentStatus]:
        return [c for c in self.commitments if c.missing]

    @property
    def warning_rows(self) -> list[tuple[str, str, int]]:
        """(kind, its title, how many) in the warnings page's order."""
        titles = dict(warnings.kind_choices())
        return [(kind, titles[kind], self.warnings[kind]) for kind in WARNING_KINDS]


@dataclass
class TrendCell:
    average: Decimal | None
    ratings: int


@dataclass
class TrendMonth:
    month: date
    cells: list[TrendCell]


@dataclass
class SmilePage:
    workplaces: list[WorkplaceFigures]
    programmes: list[Programme]
    start: date
    end: date
    month: date
    trend: list[TrendMonth]
    level_totals: list[int]
    statuses: list[tuple[str, str, int]]

    @property
    def weak_support(self) -> list[WorkplaceFigures]:
        return [w for w in self.workplaces if w.support_weak]

    @property
    def missing_required(self) -> list[tuple[WorkplaceFigures, CommitmentStatus]]:
        return [(w, c) for w in self.workplaces for c in w.commitments if c.missing and c.required]

    @property
    def totals(self) -> WorkplaceFigures:
        """The figures of all the workplaces added up (for the page's first lines)."""
        total = WorkplaceFigures(workplace=Workplace())
        for w in self.workplaces:
            for name in (
                "adepts",
                "mentors",
                "live_pairs",
                "paused_pairs",
                "attention_pairs",
                "meetings_held",
                "planned",
                "period_minutes",
                "items_done",
                "items_overdue",
                "month_minutes",
                "month_budget_minutes",
                "over_budget",
                "under_budget",
                "mentor_rows",
                "committed_budgets",
                "open_actions",
                "late_actions",
            ):
                setattr(total, name, getattr(total, name) + getattr(w, name))
            total.warnings.update(w.warnings)
        return total

    @property
    def has_trend(self) -> bool:
        return any(cell.average is not None for row in self.trend for cell in row.cells)


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _months(today: date) -> list[date]:
    first = today.replace(day=1)
    months = [first]
    for _ in range(TREND_MONTHS - 1):
        months.insert(0, (months[0] - timedelta(days=1)).replace(day=1))
    return months


def smile_page(
    *,
    user: AnyUser,
    workplaces: QuerySet[Workplace],
    programme: Programme | None = None,
    today: date | None = None,
) -> SmilePage:
    """Every figure of the SMILE page for these workplaces (those the person leads, narrowed by
    the page's filters) in the programmes she follows (or one of them). A fixed number of
    queries, whatever the number of workplaces and pairs."""
    now = timezone.now()
    today = today or timezone.localdate(now)
    start, end = digest_period(today)
    month = today.replace(day=1)
    after_month = (month + timedelta(days=32)).replace(day=1)

    figures = [
        WorkplaceFigures(workplace=w)
        for w in workplaces.select_related("organisation").order_by(
            "organisation__name", "name", "pk"
        )
    ]
    by_id = {f.workplace.pk: f for f in figures}
    wids = list(by_id)
    programmes_qs = access.leading_programmes(user)
    if programme is not None:
        programmes_qs = programmes_qs.filter(pk=programme.pk)
    programmes = {p.pk: p for p in programmes_qs.order_by("-starts_on", "name")}
    pids = list(programmes)
    page = SmilePage(
        workplaces=figures,
        programmes=list(programmes.values()),
        start=start,
        end=end,
        month=month,
        trend=[],
        level_totals=[0, 0, 0, 0],
        statuses=[],
    )
    if not figures:
        return page
    here = Q(workplace_id__in=wids, programme_id__in=pids)

    # People placed: active enrolments per workplace and role.
    for people in (
        Enrolment.objects.filter(here, status=EnrolmentStatus.ACTIVE)
        .order_by()
        .values("workplace_id", "role")
        .annotate(n=Count("pk"))
    ):
        f = by_id[people["workplace_id"]]
        if people["role"] == EnrolmentRole.ADEPT:
            f.adepts = people["n"]
        else:
            f.mentors = people["n"]

    # Live pairs, and the meetings each active pair is planned to have in the digest's period.
    period_days = (end - start).days + 1
    pair_workplace: dict[int, int] = {}
    for pair in (
        Pair.objects.filter(
            programme_id__in=pids, adept__workplace_id__in=wids, status__in=LIVE_PAIR_STATUSES
        )
        .order_by()
        .values("pk", "status", "programme_id", "adept__workplace_id")
    ):
        f = by_id[pair["adept__workplace_id"]]
        pair_workplace[pair["pk"]] = f.workplace.pk
        f.live_pairs += 1
        if pair["status"] == PairStatus.PAUSED:
            f.paused_pairs += 1
        else:
            cadence = programmes[pair["programme_id"]].meeting_cadence_days
            f.planned += Fraction(period_days, cadence)

    # Early warnings, by the coordinators' rule (`smile.mentoring.warnings`): one query over the
    # live pairs of these programmes; those of these workplaces are counted, never named.
    attention: set[int] = set()
    for warning in warnings.pair_warnings(programmes, today, now):
        if warning.pair_pk in pair_workplace:
            by_id[pair_workplace[warning.pair_pk]].warnings[warning.kind] += 1
            attention.add(warning.pair_pk)
    for pk in attention:
        by_id[pair_workplace[pk]].attention_pairs += 1

    # The digest's figures for the same period: meetings logged and their time, things to do.
    adept_here = Q(pair__adept__workplace_id__in=wids, pair__programme_id__in=pids)
    for log in (
        MeetingLog.objects.filter(adept_here, held_on__gte=start, held_on__lte=end)
        .order_by()
        .values("pair__adept__workplace_id")
        .annotate(n=Count("pk"), minutes=Sum("minutes"))
    ):
        f = by_id[log["pair__adept__workplace_id"]]
        f.meetings_held, f.period_minutes = log["n"], log["minutes"] or 0
    done = Q(done_at__gte=_aware(start), done_at__lt=_aware(end + timedelta(days=1)))
    overdue = Q(done_at__isnull=True, due_on__lt=end, pair__status__in=LIVE_PAIR_STATUSES)
    for item in (
        ActionItem.objects.filter(adept_here)
        .filter(done | overdue)
        .order_by()
        .values("pair__adept__workplace_id")
        .annotate(done=Count("pk", filter=done), overdue=Count("pk", filter=overdue))
    ):
        f = by_id[item["pair__adept__workplace_id"]]
        f.items_done, f.items_overdue = item["done"], item["overdue"]

    # The mentors' check-ins, month by month over the scope (never one meeting's). Summed per day
    # in SQL and per month here: SQLite has no month function of its own, and calling Django's
    # for every check-in costs more than the rest of the page.
    months = _months(today)
    ratings: dict[tuple[date, str], tuple[int, int]] = defaultdict(lambda: (0, 0))
    for rating in (
        CheckIn.objects.filter(
            log__pair__adept__workplace_id__in=wids,
            log__pair__programme_id__in=pids,
            log__held_on__gte=months[0],
            log__held_on__lt=after_month,
        )
        .order_by()
        .values("log__held_on", "dimension")
        .annotate(total=Sum("rating"), n=Count("pk"))
    ):
        key = (rating["log__held_on"].replace(day=1), rating["dimension"])
        total, n = ratings[key]
        ratings[key] = (total + rating["total"], n + rating["n"])
    for m in months:
        cells = []
        for dimension in TREND_DIMENSIONS:
            total, n = ratings.get((m, dimension), (0, 0))
            average = st.one_decimal(Fraction(total, n)) if n >= MIN_RATINGS else None
            cells.append(TrendCell(average=average, ratings=n))
        page.trend.append(TrendMonth(month=m, cells=cells))

    # Learning: each active adept's plan against her time (the rule of learning's progress),
    # read as plain values: the rule needs her start, her programme's end and her key.
    adepts = [
        SimpleNamespace(
            pk=pk,
            starts_on=starts_on,
            workplace_id=workplace_id,
            programme=programmes[programme_id],
        )
        for pk, starts_on, workplace_id, programme_id in Enrolment.objects.filter(
            here, role=EnrolmentRole.ADEPT, status=EnrolmentStatus.ACTIVE
        )
        .order_by("pk")
        .values_list("pk", "starts_on", "workplace_id", "programme_id")
    ]
    rows = progress.progress_of(adepts, today, alerts=False)
    statuses: Counter[str] = Counter()
    for learner in rows:
        status = learner.status  # worked out once: it is a property that counts
        statuses[status] += 1
        by_id[learner.enrolment.workplace_id].statuses[status] += 1
    page.level_totals = progress.level_totals(rows)
    page.statuses = [
        (status, str(progress.STATUS_LABELS[status]), statuses[status])
        for status in progress.STATUS_ORDER
    ]

    # Commitments: the latest version per workplace and programme its employer takes part in.
    rules = dict(
        ProgrammeLeadership.objects.filter(programme_id__in=pids).values_list(
            "programme_id", "commitment_rule"
        )
    )
    latest: dict[tuple[int, int], Commitment] = {}
    for c in (
        Commitment.objects.filter(here)
        .select_related("signed_by")
        .order_by("workplace_id", "programme_id", "-version")
    ):
        latest.setdefault((c.workplace_id, c.programme_id), c)
    partners = Programme.partners.through.objects.filter(
        programme_id__in=pids,
        organisation_id__in={f.workplace.organisation_id for f in figures},
    ).values_list("programme_id", "organisation_id")
    taking_part: dict[int, list[int]] = defaultdict(list)
    for programme_id, organisation_id in partners:
        taking_part[organisation_id].append(programme_id)
    for f in figures:
        for programme_id in pids:  # in the programmes' order
            if programme_id in taking_part[f.workplace.organisation_id]:
                f.commitments.append(
                    CommitmentStatus(
                        programme=programmes[programme_id],
                        commitment=latest.get((f.workplace.pk, programme_id)),
                        rule=rules.get(programme_id, CommitmentRule.NONE),
                    )
                )

    # Mentor time this month against her budget (`smile.leadership.mentor_time`): what the
    # workplace committed where it signed a commitment in the programme, otherwise the programme's
    # hours per month for each adept she has (live, or met this month). Meeting logs only.
    in_month = Q(logs__held_on__gte=month, logs__held_on__lt=after_month)
    weeks = Decimal((after_month - month).days) / 7
    past_middle = today >= month + (after_month - month) / 2
    for mentor in (
        Pair.objects.filter(programme_id__in=pids, mentor__workplace_id__in=wids)
        .order_by()
        .values("mentor_id", "mentor__workplace_id", "programme_id")
        .annotate(
            minutes=Sum("logs__minutes", filter=in_month),
            adepts=Count("pk", distinct=True, filter=Q(status__in=LIVE_PAIR_STATUSES) | in_month),
        )
        .filter(adepts__gt=0)
    ):
        f = by_id[mentor["mentor__workplace_id"]]
        signed = latest.get((f.workplace.pk, mentor["programme_id"]))
        if signed is not None:
            budget = int(signed.mentor_hours_per_week * weeks * 60)
            f.committed_budgets += 1
        else:
            budget = (
                programmes[mentor["programme_id"]].mentor_hours_per_month * 60 * mentor["adepts"]
            )
        minutes = mentor["minutes"] or 0
        f.month_minutes += minutes
        f.month_budget_minutes += budget
        event = mentor_time.flag(minutes, budget, past_middle=past_middle)
        if event == "over":
            f.over_budget += 1
        elif event == "under":
            f.under_budget += 1
        f.mentor_rows += 1

    # The self-assessment: the latest closed round per workplace, against the one before.
    rounds = list(
        AssessmentRound.objects.filter(workplace_id__in=wids).order_by(
            "workplace_id", "-created_at", "-pk"
        )
    )
    kept: dict[int, list[AssessmentRound]] = defaultdict(list)
    for r in rounds:
        if r.closed_at is None:
            by_id[r.workplace_id].open_round = r.pk
        elif len(kept[r.workplace_id]) < 2:
            kept[r.workplace_id].append(r)
    results = closed_results([r for two in kept.values() for r in two])
    for workplace_id, two in kept.items():
        f = by_id[workplace_id]
        f.assessment, f.assessment_round = results[two[0].pk], two[0].pk
        f.assessed_on = two[0].closed_at

    # The action plan: open actions and those past their deadline, and the last follow-up.
    for action in (
        Action.objects.filter(workplace_id__in=wids, status__in=OPEN_ACTION_STATUSES)
        .order_by()
        .values("workplace_id")
        .annotate(n=Count("pk"), late=Count("pk", filter=Q(due_on__lt=today)))
    ):
        f = by_id[action["workplace_id"]]
        f.open_actions, f.late_actions = action["n"], action["late"]
    for meeting in (
        FollowUpMeeting.objects.filter(workplace_id__in=wids)
        .order_by()
        .values("workplace_id")
        .annotate(last=Max("held_on"))
    ):
        by_id[meeting["workplace_id"]].last_follow_up = meeting["last"]

    # The later domains, each batched for all the workplaces by its own app (which keeps its own
    # rule of what may be shown): onboarding (1 query), belonging (3), concerns (1), measures (2).
    places = [f.workplace for f in figures]
    completion = inclusion_selectors.completion_by_workplace(places, today=today)
    trends = belonging_selectors.workplace_trends(places)
    concerns = equality_selectors.open_concern_counts(places)
    measure_statuses = measures_selectors.measures_statuses(places, today=today)
    for f in figures:
        pk = f.workplace.pk
        f.onboarding = completion.get(pk)
        f.belonging = trends.get(pk, [])
        f.open_concerns = concerns.get(pk)
        f.measures = measure_statuses.get(pk)
    return page


@dataclass
class PlanRow:
    action: Action
    is_late: bool


def action_plan(*, workplace: Workplace, today: date | None = None) -> dict[str, list[PlanRow]]:
    """The workplace's actions: the open ones by deadline, then those done or dropped (newest
    first). One query."""
    today = today or timezone.localdate()
    actions = list(
        Action.objects.filter(workplace=workplace).select_related("owner").order_by("due_on", "pk")
    )
    open_rows = [PlanRow(a, a.due_on < today) for a in actions if a.is_open]
    closed = sorted(
        (a for a in actions if not a.is_open), key=lambda a: (a.updated_at, a.pk), reverse=True
    )
    return {"open": open_rows, "closed": [PlanRow(a, False) for a in closed]}


def open_action_statements(*, workplace_id: int) -> set[str]:
    """The statements of the self-assessment the workplace's open actions work on (one query)."""
    return set(
        Action.objects.filter(
            workplace_id=workplace_id, status__in=OPEN_ACTION_STATUSES
        ).values_list("statement", flat=True)
    )


def follow_ups(*, workplace: Workplace, limit: int | None = None) -> list[FollowUpMeeting]:
    """The workplace's follow-up meetings with their decisions, newest first, the latest `limit`
    of them if given (two queries)."""
    meetings = (
        FollowUpMeeting.objects.filter(workplace=workplace)
        .select_related("recorded_by")
        .prefetch_related("decisions__action")
        .order_by("-held_on", "-pk")
    )
    return list(meetings if limit is None else meetings[:limit])


def commitment_history(*, workplace: Workplace, programme: Programme) -> list[Commitment]:
    return list(
        Commitment.objects.filter(workplace=workplace, programme=programme)
        .select_related("signed_by")
        .order_by("-version")
    )


def commitment_rule(*, programme: Programme) -> str:
    found = ProgrammeLeadership.objects.filter(programme=programme).values_list(
        "commitment_rule", flat=True
    )
    return next(iter(found), CommitmentRule.NONE)


def programme_commitments(*, programme: Programme) -> list[CommitmentStatus]:
    """Each workplace of the programme's employers, with its latest signed commitment (two
    queries), for the coordinator's page of the rule."""
    rule = commitment_rule(programme=programme)
    workplaces = list(
        Workplace.objects.filter(organisation__partner_programmes=programme)
        .select_related("organisation")
        .order_by("organisation__name", "name", "pk")
    )
    latest: dict[int, Commitment] = {}
    for c in Commitment.objects.filter(programme=programme).order_by("workplace_id", "-version"):
        latest.setdefault(c.workplace_id, c)
    rows = []
    for w in workplaces:
        rows.append(
            CommitmentStatus(
                programme=programme, commitment=latest.get(w.pk), rule=rule, workplace=w
            )
        )
    return rows


def signed_commitment_exists(*, programme: Programme, workplace: Workplace) -> bool:
    return Commitment.objects.filter(programme=programme, workplace=workplace).exists()
