"""Benchmark the manager's SMILE page (`smile.leadership`) for a large employer.

    .venv/bin/python bench/bench_manager_page.py [--workplaces 50] [--pairs 2000] [--seed 1]

Builds, in a temporary SQLite file migrated from scratch, with bulk_create: a programme owner
with a coordinator and one employer with N workplaces and one manager for all of them; 2,000
adepts and 1,000 mentors (capacity 2) in 2,000 active pairs spread over the workplaces. Each pair
has 6 meeting logs over the last 5 months with the four check-ins, 2 things to do (one late) and
a learning plan of 6 objectives at mixed levels; each workplace has a signed commitment, a closed
self-assessment round and an earlier one (5 answers each), and 4 actions in its plan. The later
domains too: each adept an onboarding checklist of 6 steps (some done, some late); 4 closed
belonging rounds answered by 3 in 4 adepts; open and closed concerns (3 to 5 open at every other
workplace); and per workplace two yearly cycles of active measures, 5 measures in the latest.

Then it renders, in process through the test client with DEBUG off, the manager's overview of
all the workplaces, the overview filtered to one workplace and that workplace's own page (the
query count does not grow with the workplaces), and the same overview for the coordinator: median
of 5 runs, with the SQL query count and the size of the page. Target: under 300 ms for the overview.

PROFILE_SQL=manager (or coordinator) instead prints where one overview's time goes: its slowest
queries (SQLite runs a query while its rows are fetched, so these times are partial) and cProfile.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

RUNS = 5


def setup_django(db_file: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_file}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smile.settings")
    import django

    django.setup()
    from django.core.management import call_command

    # The cache table first: migrating writes data, which renews the homes' stamp in the cache.
    call_command("createcachetable", verbosity=0)
    call_command("migrate", verbosity=0)
    logging.getLogger("axes").setLevel(logging.WARNING)


def build(n_workplaces: int, n_pairs: int, seed: int) -> dict[str, int]:
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from smile.accounts.models import User
    from smile.belonging.models import PulseResponse, PulseRound
    from smile.equality.models import Concern, Measure, MeasureCycle
    from smile.inclusion.models import ChecklistItem
    from smile.leadership import statements as st
    from smile.leadership.models import (
        Action,
        AssessmentAnswer,
        AssessmentResponse,
        AssessmentRound,
        Commitment,
        ProgrammeLeadership,
    )
    from smile.learning.models import Curriculum, LearningPlan, Objective, PlanObjective
    from smile.learning.models import Unit as CurriculumUnit
    from smile.matching.models import Pair, PairStatus
    from smile.mentoring.models import ActionItem, CheckIn, MeetingLog
    from smile.organisations.choices import OrganisationKind, Role
    from smile.organisations.models import Membership, Organisation, Workplace
    from smile.programmes.models import Enrolment, Programme

    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate(now)
    batch = 2000

    owner = Organisation.objects.create(name="Bench kommun", kind=OrganisationKind.PROGRAMME_OWNER)
    employer = Organisation.objects.create(name="Bench AB", kind=OrganisationKind.EMPLOYER)
    workplaces = Workplace.objects.bulk_create(
        Workplace(organisation=employer, name=f"Site {i:02d}") for i in range(n_workplaces)
    )
    programme = Programme.objects.create(
        name="Bench",
        owner=owner,
        starts_on=today - timedelta(days=200),
        ends_on=today + timedelta(days=200),
    )
    programme.partners.set([employer])
    ProgrammeLeadership.objects.create(programme=programme, commitment_rule="warn")

    coordinator = User.objects.create(email="coordinator@bench.example", full_name="Coordinator")
    manager = User.objects.create(email="manager@bench.example", full_name="Manager")
    Membership.objects.create(user=coordinator, organisation=owner, role=Role.COORDINATOR)
    Membership.objects.create(user=manager, organisation=employer, role=Role.MANAGER)
    TOTPDevice.objects.bulk_create(
        TOTPDevice(user=u, name="bench", confirmed=True) for u in (coordinator, manager)
    )

    n_mentors = (n_pairs + 1) // 2
    adepts = User.objects.bulk_create(
        (User(email=f"adept{i}@bench.example", full_name=f"Adept {i}") for i in range(n_pairs)),
        batch_size=batch,
    )
    mentors = User.objects.bulk_create(
        (User(email=f"mentor{i}@bench.example", full_name=f"Mentor {i}") for i in range(n_mentors)),
        batch_size=batch,
    )
    started = today - timedelta(days=160)
    mentor_enrolments = Enrolment.objects.bulk_create(
        (
            Enrolment(
                programme=programme,
                user=u,
                role="mentor",
                workplace=workplaces[k % n_workplaces],
                starts_on=started,
            )
            for k, u in enumerate(mentors)
        ),
        batch_size=batch,
    )
    adept_enrolments = Enrolment.objects.bulk_create(
        (
            Enrolment(
                programme=programme,
                user=u,
                role="adept",
                workplace=workplaces[(i // 2) % n_workplaces],
                starts_on=started,
            )
            for i, u in enumerate(adepts)
        ),
        batch_size=batch,
    )
    pairs = Pair.objects.bulk_create(
        (
            Pair(
                programme=programme,
                adept=a,
                mentor=mentor_enrolments[i // 2],
                status=PairStatus.PAUSED if i % 25 == 0 else PairStatus.ACTIVE,
                started_on=started,
            )
            for i, a in enumerate(adept_enrolments)
        ),
        batch_size=batch,
    )
    logs = MeetingLog.objects.bulk_create(
        (
            MeetingLog(
                pair=pair,
                held_on=today - timedelta(days=rng.randint(0, 150)),
                minutes=rng.choice((30, 45, 60, 90)),
                written_by=mentors[i // 2],
            )
            for i, pair in enumerate(pairs)
            for _ in range(6)
        ),
        batch_size=batch,
    )
    CheckIn.objects.bulk_create(
        (
            CheckIn(log=entry, dimension=dimension, rating=rng.randint(2, 5))
            for entry in logs
            for dimension in ("inclusion", "learning", "equality", "support")
        ),
        batch_size=batch,
    )
    ActionItem.objects.bulk_create(
        (
            ActionItem(
                pair=pair,
                owner=adepts[i],
                created_by=mentors[i // 2],
                title=f"Task {i}-{j}",
                due_on=today + timedelta(days=rng.randint(-20, 20)),
            )
            for i, pair in enumerate(pairs)
            for j in range(2)
        ),
        batch_size=batch,
    )
    curriculum = Curriculum.objects.create(name="Bench", organisation=owner)
    unit = CurriculumUnit.objects.create(curriculum=curriculum, code="U1", name="Unit")
    objectives = Objective.objects.bulk_create(
        Objective(curriculum=curriculum, unit=unit, code=f"O{k}", text=f"Objective {k}", order=k)
        for k in range(6)
    )
    plans = LearningPlan.objects.bulk_create(
        (LearningPlan(enrolment=e) for e in adept_enrolments), batch_size=batch
    )
    PlanObjective.objects.bulk_create(
        (
            PlanObjective(
                plan=plan,
                objective=o,
                level=rng.randint(0, 3),
                target_on=today + timedelta(days=rng.randint(-30, 120)),
            )
            for plan in plans
            for o in objectives
        ),
        batch_size=batch,
    )

    for i, workplace in enumerate(workplaces):
        Commitment.objects.create(
            workplace=workplace,
            programme=programme,
            mentor_hours_per_week=2,
            development_hours_per_month=4,
            contact_name="Manager",
            follow_up_weeks=6,
            signed_by=manager,
            signed_at=now,
        )
        for months_ago in (6, 1):
            round = AssessmentRound.objects.create(workplace=workplace, opened_by=manager)
            AssessmentRound.objects.filter(pk=round.pk).update(
                created_at=now - timedelta(days=30 * months_ago + 10),
                closed_at=now - timedelta(days=30 * months_ago),
            )
            people = [*mentors[i::n_workplaces][:4], manager]
            AssessmentResponse.objects.bulk_create(
                AssessmentResponse(
                    round=round, respondent=p, role="manager" if p is manager else "mentor"
                )
                for p in people
            )
            AssessmentAnswer.objects.bulk_create(
                AssessmentAnswer(
                    round=round,
                    role="manager" if p is manager else "mentor",
                    dimension=s.dimension,
                    statement=s.code,
                    value=rng.randint(1, 5),
                )
                for p in people
                for s in st.STATEMENTS
            )
        Action.objects.bulk_create(
            Action(
                workplace=workplace,
                dimension=st.DIMENSIONS[k],
                title=f"Action {k}",
                owner=manager,
                due_on=today + timedelta(days=rng.randint(-10, 60)),
                created_by=manager,
            )
            for k in range(4)
        )

    # The later domains: onboarding, belonging, concerns, active measures.
    ChecklistItem.objects.bulk_create(
        (
            ChecklistItem(
                enrolment=e,
                title=f"Step {k}",
                position=k,
                due_on=started + timedelta(days=7 * (k + 1)),
                done_at=now if rng.random() < 0.8 else None,
            )
            for e in adept_enrolments
            for k in range(6)
        ),
        batch_size=batch,
    )
    for r in range(4):
        opens = now - timedelta(days=30 * (r + 1))
        pulse = PulseRound.objects.create(
            programme=programme,
            opens_at=opens,
            closes_at=opens + timedelta(days=7),
            closed_at=opens + timedelta(days=7),
        )
        PulseResponse.objects.bulk_create(
            (
                PulseResponse(
                    round=pulse,
                    workplace_id=e.workplace_id,
                    **{
                        code: rng.randint(1, 5)
                        for code in ("welcome", "help", "expected", "colleagues", "fair")
                    },
                )
                for e in adept_enrolments
                if rng.random() < 0.75
            ),
            batch_size=batch,
        )
    Concern.objects.bulk_create(
        Concern(
            programme=programme,
            kind="unfair",
            place="workplace",
            workplace=workplace,
            language="sv",
            payload="-",
            step="closed" if k >= 3 + i % 3 else "investigating",
            acknowledge_by=today,
        )
        for i, workplace in enumerate(workplaces)
        if i % 2 == 0
        for k in range(6)
    )
    for workplace in workplaces:
        MeasureCycle.objects.create(workplace=workplace, year=today.year - 1, status="done")
        latest = MeasureCycle.objects.create(workplace=workplace, year=today.year, status="acting")
        Measure.objects.bulk_create(
            Measure(
                cycle=latest,
                title=f"Measure {k}",
                owner=manager,
                due_on=today + timedelta(days=rng.randint(-30, 90)),
                status="done" if k == 0 else "planned",
            )
            for k in range(5)
        )
    return {
        "manager": manager.pk,
        "coordinator": coordinator.pk,
        "workplace": workplaces[0].pk,
        "half": workplaces[n_workplaces // 2].pk,
    }


Row = tuple[str, int, float, str]


def measure(rows: list[Row], label: str, fn: Callable[[], Any]) -> Any:
    """Median wall time of `RUNS` runs with DEBUG off, and the first run's query count (counted by
    an execute wrapper, not Django's debug cursor)."""
    from django.db import connection
    from django.test.utils import override_settings

    times, counts = [], []
    result = None
    for _ in range(RUNS):
        count = 0

        def counter(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with (
            override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]),
            connection.execute_wrapper(counter),
        ):
            start = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - start)
        counts.append(count)
    spread = "" if len(set(counts)) == 1 else f" (queries per run {counts})"
    assert result is not None  # RUNS is at least 1
    size = len(result.content) / 1024
    note = f"status {result.status_code}, {size:,.0f} KiB{spread}"
    rows.append((label, counts[0], statistics.median(times), note))
    return result


def client_for(pk: int) -> Any:
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from smile.accounts.models import User

    user = User.objects.get(pk=pk)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    client.cookies["smile_language"] = "sv"
    return client


def stages(ids: dict[str, int], n_workplaces: int) -> list[Row]:
    rows: list[Row] = []
    manager = client_for(ids["manager"])
    coordinator = client_for(ids["coordinator"])
    measure(
        rows,
        f"GET /leadership/ (manager, {n_workplaces} workplaces)",
        lambda: manager.get("/leadership/"),
    )
    measure(
        rows,
        "GET /leadership/?workplace=… (one)",
        lambda: manager.get(f"/leadership/?workplace={ids['half']}"),
    )
    measure(
        rows,
        "GET /leadership/workplaces/…/ (one)",
        lambda: manager.get(f"/leadership/workplaces/{ids['workplace']}/"),
    )
    measure(
        rows,
        f"GET /leadership/ (coordinator, {n_workplaces})",
        lambda: coordinator.get("/leadership/"),
    )
    return rows


def profile_sql(ids: dict[str, int]) -> None:
    """Each query of the overview with its time, and a profile (PROFILE_SQL=manager)."""
    from django.db import connection
    from django.test.utils import override_settings

    override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]).enable()
    client = client_for(ids[os.environ.get("PROFILE_SQL", "manager")])
    client.get("/leadership/")
    timings: list[tuple[float, str]] = []

    def timer(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append((time.perf_counter() - start, sql[:400]))

    with connection.execute_wrapper(timer):
        start = time.perf_counter()
        client.get("/leadership/")
        total = time.perf_counter() - start
    for seconds, sql in sorted(timings, reverse=True)[:12]:
        print(f"{seconds * 1000:8.1f} ms  {sql}")
    print(f"{sum(t for t, _ in timings) * 1000:8.1f} ms in SQL of {total * 1000:.1f} ms")
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    client.get("/leadership/")
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats("smile", 30)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workplaces", type=int, default=50)
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        from django.db import transaction

        start = time.perf_counter()
        # One transaction: the data stamp (smile.core.freshness) is renewed once, at the commit.
        with transaction.atomic():
            ids = build(args.workplaces, args.pairs, args.seed)
        print(
            f"{args.workplaces} workplaces, {args.pairs:,} pairs ({args.pairs:,} adepts, "
            f"{(args.pairs + 1) // 2:,} mentors), built in {time.perf_counter() - start:.1f} s "
            f"at {datetime.now():%H:%M}"
        )
        if os.environ.get("PROFILE_SQL"):
            profile_sql(ids)
            return
        rows = stages(ids, args.workplaces)
        print(f"\n  {'page':<46} {'queries':>7} {'ms':>9}  note")
        for label, queries, seconds, note in rows:
            print(f"  {label:<46} {queries:>7,} {seconds * 1000:>9.1f}  {note}")
        print(f"\n  (median of {RUNS} runs in process, DEBUG off; today {date.today()})")


if __name__ == "__main__":
    main()
