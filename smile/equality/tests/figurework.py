"""Adepts for fair figures, built by hand: each with her gender in matching, her answer to the
statistics question (or none), her hours, one plan objective at a level, and a pair's end."""

from datetime import date, time

from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.equality.models import StatisticsConsent
from smile.learning.models import (
    Curriculum,
    HoursEntry,
    LearningPlan,
    Objective,
    PlanObjective,
    Unit,
)
from smile.matching.models import MatchingProfile, Pair
from smile.organisations.choices import Role
from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user

_made = {"n": 0}


def objective(cast: Cast) -> Objective:
    curriculum = Curriculum.objects.create(organisation=cast.school, name="Gjuteri")
    curriculum.programmes.add(cast.programme)
    unit = Unit.objects.create(curriculum=curriculum, code="U1", name="Enhet 1", order=1)
    return Objective.objects.create(curriculum=curriculum, unit=unit, code="1", text="Mål 1")


def add_adepts(
    cast: Cast,
    n: int,
    *,
    gender: str,
    consent: bool | None = True,
    workplace: Workplace | None = None,
    hours: int = 0,
    level: int | None = None,
    goal: Objective | None = None,
    pair: str = "",
) -> list[Enrolment]:
    """`n` adepts in cast.programme; `consent` None means she never answered the question."""
    made = []
    for _i in range(n):
        _made["n"] += 1
        user = make_user(f"fig{_made['n']}@elev.example", f"Figur {_made['n']}")
        membership_create(actor=SYSTEM, user=user, organisation=cast.savsjo, role=Role.ADEPT)
        enrolment = enrolment_create(
            actor=SYSTEM,
            programme=cast.programme,
            user=user,
            role="adept",
            workplace=workplace or cast.moulding,
            education_provider=cast.school,
            starts_on=date(2026, 8, 10),
        )
        MatchingProfile.objects.create(enrolment=enrolment, gender=gender)
        if consent is not None:
            StatisticsConsent.objects.create(user=user, gender_counted=consent)
        if hours:
            HoursEntry.objects.create(
                enrolment=enrolment,
                day=date(2026, 9, 1),
                kind="workplace",
                starts_at=time(8),
                ends_at=time(8 + hours),
            )
        if level is not None and goal is not None:
            plan = LearningPlan.objects.create(enrolment=enrolment)
            PlanObjective.objects.create(plan=plan, objective=goal, level=level)
        if pair:
            Pair.objects.create(
                programme=cast.programme,
                mentor=cast.bob_enrolment,
                adept=enrolment,
                status=pair,
                end_reason="Flyttade" if pair == "ended" else "",
            )
        made.append(enrolment)
    return made


def build_figures(cast: Cast) -> None:
    """The programme, by hand (dana and erin never answered, so they are "not stated"):
    women 6 (yes; 3 h each; plans at level 3 = 100 %; 5 pairs completed),
    men 7 (yes; 2 h each; plans at level 1 = 33 %; 6 pairs completed, 1 ended early),
    non-binary 4 (yes; 1 h each; no plans) -- too small, hidden,
    not stated 5: dana, erin, a woman who said no, a man who never answered, a non-binary
    person who said no (no hours, no plans) -- shown alone it would give non-binary as
    22 - 6 - 7 - 5 = 4, so it is hidden too.
    All: 22 adepts; hours 18 + 14 + 4 = 36, 36 / 22 = 1.6 -> 2; progress of the 13 with plans
    (6 * 100 + 7 * 33) / 13 = 63.9 -> 64 %."""
    goal = objective(cast)
    add_adepts(cast, 5, gender="woman", hours=3, level=3, goal=goal, pair="completed")
    add_adepts(cast, 1, gender="woman", hours=3, level=3, goal=goal)
    add_adepts(cast, 6, gender="man", hours=2, level=1, goal=goal, pair="completed")
    add_adepts(cast, 1, gender="man", hours=2, level=1, goal=goal, pair="ended")
    add_adepts(cast, 4, gender="non_binary", hours=1)
    add_adepts(cast, 1, gender="woman", consent=False)
    add_adepts(cast, 1, gender="man", consent=None)
    add_adepts(cast, 1, gender="non_binary", consent=False)
