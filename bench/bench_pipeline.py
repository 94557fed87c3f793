"""Benchmark the whole matching pipeline from the database: load, score, solve, save.

    .venv/bin/python bench/bench_pipeline.py [--adepts 2000] [--mentors 1000] [--seed 1]

Builds a programme in a temporary SQLite file (migrated from scratch) with bulk_create:
5 employers with 4 workplaces each, adepts and mentors spread over them at random, each
with one or two of 7 languages, one of 3 trades, skills, shifts and interests; mentors are
trained and take 2 adepts.  Then, for two sets of rules (the defaults, where a mentor must
work for the adept's employer, and none at all, where every one of the adepts × mentors
pairs is scored), it times the stages of `engine.matching_run_execute` one by one, and the
whole run end to end as the worker does it.  The target is under 15 s end to end.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

LANGUAGES = ["sv", "ar", "so", "ti", "uk", "fa", "en"]
TRADES = ["Gjuteri", "Vård", "Bygg"]
SKILLS = [f"skill{i}" for i in range(12)]
SHIFTS = ["day", "evening", "night", "weekend"]
INTERESTS = [f"interest{i}" for i in range(15)]


def setup_django(db_file: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_file}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smile.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(n_adepts: int, n_mentors: int, seed: int) -> int:
    """Create the cohort; return the programme's id."""
    from smile.accounts.models import User
    from smile.matching.models import MatchingProfile
    from smile.organisations.choices import OrganisationKind
    from smile.organisations.models import Organisation, Workplace
    from smile.programmes.models import Enrolment, Programme

    rng = random.Random(seed)
    owner = Organisation.objects.create(name="Bench", kind=OrganisationKind.PROGRAMME_OWNER)
    employers = Organisation.objects.bulk_create(
        Organisation(name=f"Employer {i}", kind=OrganisationKind.EMPLOYER) for i in range(5)
    )
    workplaces = Workplace.objects.bulk_create(
        Workplace(organisation=e, name=f"{e.name} site {j}") for e in employers for j in range(4)
    )
    programme = Programme.objects.create(
        name="Bench", owner=owner, starts_on=date(2026, 8, 1), ends_on=date(2027, 6, 30)
    )
    programme.partners.set(employers)
    people = [("adept", i) for i in range(n_adepts)] + [("mentor", i) for i in range(n_mentors)]
    users = User.objects.bulk_create(
        (
            User(email=f"{role}{i}@bench.example", full_name=f"{role} {i}", password="!")
            for role, i in people
        ),
        batch_size=1000,
    )
    enrolments = Enrolment.objects.bulk_create(
        (
            Enrolment(
                programme=programme,
                user=user,
                role=role,
                workplace=rng.choice(workplaces),
                starts_on=date(2026, 8, 10),
            )
            for user, (role, _) in zip(users, people, strict=True)
        ),
        batch_size=1000,
    )

    def profile(enrolment: Enrolment) -> MatchingProfile:
        mentor = enrolment.role == "mentor"
        return MatchingProfile(
            enrolment=enrolment,
            languages=[
                {"code": code, "level": rng.randint(1, 4)}
                for code in rng.sample(LANGUAGES, rng.randint(1, 2))
            ],
            trade=rng.choice(TRADES),
            skills=rng.sample(SKILLS, 3),
            shifts=rng.sample(SHIFTS, rng.randint(1, 2)),
            interests=rng.sample(INTERESTS, 3),
            gender=rng.choice(["woman", "man", ""]),
            wants_same_gender=not mentor and rng.random() < 0.2,
            training_completed_on=date(2026, 6, 1) if mentor else None,
        )

    MatchingProfile.objects.bulk_create(map(profile, enrolments), batch_size=1000)
    return programme.pk


def timed(label: str, rows: list[tuple[str, float]], fn: Any, *args: Any, **kwargs: Any) -> Any:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    rows.append((label, time.perf_counter() - start))
    return result


def measure(programme_id: int, *, same_employer: bool) -> list[tuple[str, float]]:
    from smile.matching import engine, scoring
    from smile.matching.models import MatchingCriteria, MatchingRun, Pair, RunStatus
    from smile.programmes.models import Programme

    programme = Programme.objects.get(pk=programme_id)
    MatchingCriteria.objects.update_or_create(
        programme=programme, defaults={"require_same_employer": same_employer}
    )
    rows: list[tuple[str, float]] = []
    cohort = timed("load profiles", rows, engine.cohort_load, programme)
    scored = timed(
        "score",
        rows,
        scoring.score_all,
        cohort.adepts,
        cohort.mentors,
        cohort.criteria,
        cohort.history,
    )
    solution = timed("solve", rows, engine._solve, cohort, scored)
    run = MatchingRun.objects.create(programme=programme)
    outcome = timed("score + solve + reasons", rows, engine.cohort_match, cohort)
    timed("save drafts", rows, engine._drafts_replace, run, outcome)
    run.delete()
    total_run = MatchingRun.objects.create(programme=programme)
    timed("TOTAL: matching_run_execute", rows, engine.matching_run_execute, run_id=total_run.pk)
    total_run.refresh_from_db()
    assert total_run.status == RunStatus.FINISHED, total_run.error
    drafts = Pair.objects.filter(run=total_run).count()
    print(
        f"  candidates {len(scored):,}, matched {solution.matched:,} "
        f"(drafts saved {drafts:,}), unmatched {len(solution.unmatched):,}, "
        f"total score {total_run.total_score:,.1f}"
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--adepts", type=int, default=2000)
    parser.add_argument("--mentors", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        start = time.perf_counter()
        programme_id = build(args.adepts, args.mentors, args.seed)
        print(
            f"{args.adepts:,} adepts × {args.mentors:,} mentors (capacity 2), "
            f"built in {time.perf_counter() - start:.1f} s"
        )
        for same_employer in (True, False):
            title = "same employer required (default)" if same_employer else "no place rule"
            print(f"\n{title}")
            rows = measure(programme_id, same_employer=same_employer)
            print(f"  {'stage':<30} {'seconds':>8}")
            for label, seconds in rows:
                print(f"  {label:<30} {seconds:>8.2f}")


if __name__ == "__main__":
    main()
