"""Benchmark the mentoring reads and jobs at a large programme: warnings, homes, digest, reminders.

    .venv/bin/python bench/bench_mentoring.py [--pairs 2000] [--seed 1]

Builds one programme in a temporary SQLite file (migrated from scratch) with bulk_create: an
owner with a coordinator, 5 employers × 4 workplaces with one manager each, N adepts and N/2
mentors (capacity 2) in N active pairs (adept i with mentor i//2).  Each pair has 10 meeting logs
over the last 5 months (4 check-ins each), 3 meetings (one past and confirmed, one confirmed in
the next 24 hours for every other pair, one proposed) and 5 action items (some late, some done);
5 % of the adepts ask for support in a life-situation check-in.  Then it times each read with its
SQL query count (median of 3 runs for reads, one run for jobs that write), and the coordinator's
warnings page through the test client.  Targets: the warnings page under 1 s at 2,000 pairs, every
home panel under 100 ms, query counts independent of N.
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
from collections import Counter, deque
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

RUNS = 3
EMPLOYERS = 5
WORKPLACES_PER_EMPLOYER = 4


def setup_django(db_file: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_file}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smile.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    # django-axes logs every forced login of the test client; not part of the figures.
    logging.getLogger("axes").setLevel(logging.WARNING)


def build(n_pairs: int, seed: int) -> dict[str, int]:
    """Create the programme and its pairs' history; return the ids the stages start from."""
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from smile.accounts.models import User
    from smile.lib.crypto import encrypt_json
    from smile.matching.models import Pair, PairStatus
    from smile.mentoring.models import (
        ActionItem,
        CheckIn,
        Dimension,
        LifeSituationCheckIn,
        Meeting,
        MeetingLog,
        MeetingStatus,
    )
    from smile.organisations.choices import OrganisationKind, Role
    from smile.organisations.models import Membership, Organisation, Workplace
    from smile.programmes.models import Enrolment, Programme

    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate(now)
    batch = 2000

    owner = Organisation.objects.create(name="Bench", kind=OrganisationKind.PROGRAMME_OWNER)
    employers = Organisation.objects.bulk_create(
        Organisation(name=f"Employer {i}", kind=OrganisationKind.EMPLOYER) for i in range(EMPLOYERS)
    )
    workplaces = Workplace.objects.bulk_create(
        Workplace(organisation=e, name=f"{e.name} site {j}")
        for e in employers
        for j in range(WORKPLACES_PER_EMPLOYER)
    )
    programme = Programme.objects.create(
        name="Bench",
        owner=owner,
        starts_on=today - timedelta(days=180),
        ends_on=today + timedelta(days=200),
    )
    programme.partners.set(employers)

    coordinator = User.objects.create(
        email="coordinator@bench.example", full_name="Coordinator", password="!"
    )
    managers = User.objects.bulk_create(
        User(email=f"manager{i}@bench.example", full_name=f"Manager {i}", password="!")
        for i in range(EMPLOYERS)
    )
    Membership.objects.create(user=coordinator, organisation=owner, role=Role.COORDINATOR)
    Membership.objects.bulk_create(
        Membership(user=m, organisation=e, role=Role.MANAGER)
        for m, e in zip(managers, employers, strict=True)
    )
    TOTPDevice.objects.bulk_create(
        TOTPDevice(user=u, name="bench", confirmed=True) for u in [coordinator, *managers]
    )

    n_mentors = (n_pairs + 1) // 2
    adepts = User.objects.bulk_create(
        (
            User(email=f"adept{i}@bench.example", full_name=f"Adept {i}", password="!")
            for i in range(n_pairs)
        ),
        batch_size=batch,
    )
    mentors = User.objects.bulk_create(
        (
            User(email=f"mentor{i}@bench.example", full_name=f"Mentor {i}", password="!")
            for i in range(n_mentors)
        ),
        batch_size=batch,
    )
    started = today - timedelta(days=160)
    # Mentor k and her two adepts work at the same workplace.
    mentor_enrolments = Enrolment.objects.bulk_create(
        (
            Enrolment(
                programme=programme,
                user=u,
                role="mentor",
                workplace=workplaces[k % len(workplaces)],
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
                workplace=workplaces[(i // 2) % len(workplaces)],
                starts_on=started,
            )
            for i, u in enumerate(adepts)
        ),
        batch_size=batch,
    )
    accepted = now - timedelta(days=165)
    pairs = Pair.objects.bulk_create(
        (
            Pair(
                programme=programme,
                adept=a,
                mentor=mentor_enrolments[i // 2],
                status=PairStatus.ACTIVE,
                score=70.0,
                adept_accepted_at=accepted,
                mentor_accepted_at=accepted,
                started_on=started,
            )
            for i, a in enumerate(adept_enrolments)
        ),
        batch_size=batch,
    )

    # Meetings: one past and confirmed, one confirmed within 24 h (every other pair), one proposed.
    meetings = []
    for i, pair in enumerate(pairs):
        adept, mentor = adepts[i], mentors[i // 2]
        past = now - timedelta(days=rng.randint(1, 40), hours=rng.randint(0, 8))
        meetings.append(
            Meeting(
                pair=pair,
                starts_at=past,
                place="Canteen",
                status=MeetingStatus.CONFIRMED,
                proposed_by=mentor,
                confirmed_at=past - timedelta(days=3),
            )
        )
        if i % 2 == 0:
            meetings.append(
                Meeting(
                    pair=pair,
                    starts_at=now + timedelta(minutes=rng.randint(60, 23 * 60)),
                    video_url="https://meet.example/bench",
                    status=MeetingStatus.CONFIRMED,
                    proposed_by=adept,
                    confirmed_at=now - timedelta(days=1),
                )
            )
        meetings.append(
            Meeting(
                pair=pair,
                starts_at=now + timedelta(days=rng.randint(3, 12)),
                place="Break room",
                status=MeetingStatus.PROPOSED,
                proposed_by=rng.choice([adept, mentor]),
            )
        )
    Meeting.objects.bulk_create(meetings, batch_size=batch)

    # Ten logs over the last five months; 5 % of the mentors log 10 h per adept this month, over
    # the budget (8 h a month per adept by default).
    heavy = set(rng.sample(range(n_mentors), max(1, n_mentors // 20)))
    logs = []
    for i, pair in enumerate(pairs):
        days = sorted(rng.sample(range(1, 151), 10))
        for n, d in enumerate(days):
            over = n == 0 and i // 2 in heavy
            logs.append(
                MeetingLog(
                    pair=pair,
                    held_on=today.replace(day=1) if over else today - timedelta(days=d),
                    minutes=600 if over else rng.choice([30, 45, 60, 90, 120]),
                    notes="We talked about the week.",
                    notes_for_coordinator=rng.random() < 0.2,
                    written_by=rng.choice([adepts[i], mentors[i // 2]]),
                )
            )
    logs = MeetingLog.objects.bulk_create(logs, batch_size=batch)
    dimensions = list(Dimension.values)
    CheckIn.objects.bulk_create(
        (
            CheckIn(log=log, dimension=d, rating=rng.randint(1, 5))
            for log in logs
            for d in dimensions
        ),
        batch_size=5000,
    )

    # Five things to do: one long late, one done, one coming, one late or done, one coming.
    items = []
    for i, pair in enumerate(pairs):
        adept, mentor = adepts[i], mentors[i // 2]
        log = logs[i * 10 + 9]
        plan = [
            (adept, today - timedelta(days=rng.randint(15, 40)), False),
            (mentor, today - timedelta(days=5), True),
            (adept, today + timedelta(days=rng.randint(1, 14)), False),
            (mentor, today - timedelta(days=2), i % 2 == 0),
            (adept, today + timedelta(days=rng.randint(14, 30)), False),
        ]
        for n, (owner_user, due_on, done) in enumerate(plan):
            items.append(
                ActionItem(
                    pair=pair,
                    log=log,
                    title=f"Thing {n} to do",
                    owner=owner_user,
                    due_on=due_on,
                    done_at=now - timedelta(days=1) if done else None,
                    done_by=owner_user if done else None,
                    created_by=mentor,
                )
            )
    ActionItem.objects.bulk_create(items, batch_size=batch)

    askers = rng.sample(range(n_pairs), max(1, n_pairs // 20))
    payload = {
        "answers": {"housing": "support", "economy": "better"},
        "note": "I need help with the landlord.",
        "shared": ["housing"],
    }
    LifeSituationCheckIn.objects.bulk_create(
        LifeSituationCheckIn(
            enrolment=adept_enrolments[i],
            payload=encrypt_json(payload),
            share_with_mentor=i % 2 == 0,
            support_requested=True,
        )
        for i in askers
    )
    # A mentor whose first adept shares with her, so the mentor's life panel has a row.
    sharer = askers[0]
    return {
        "programme": programme.pk,
        "coordinator": coordinator.pk,
        "manager": managers[0].pk,
        "mentor": mentors[sharer // 2].pk,
        "adept": adepts[sharer].pk,
        "pair": pairs[sharer].pk,
    }


Row = tuple[str, int, float, str]


def measure(
    rows: list[Row], label: str, fn: Callable[[], Any], *, runs: int = RUNS, note: str = ""
) -> Any:
    """Run fn `runs` times; record the median wall time and the first run's query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    counts = []
    result = None
    for _ in range(runs):
        # The jobs run more queries than Django keeps (9,000): start each run with room for all.
        connection.queries_log = deque(maxlen=1_000_000)
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            result = fn()
            times.append(time.perf_counter() - start)
        counts.append(len(queries))
    spread = "" if len(set(counts)) == 1 else f" (queries per run {counts})"
    rows.append((label, counts[0], statistics.median(times), note + spread))
    return result


def stages(ids: dict[str, int]) -> list[Row]:
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from smile.accounts.models import User
    from smile.matching.models import Pair
    from smile.mentoring import selectors as mentoring
    from smile.mentoring.digest.selectors import digest_period, manager_digest_rows
    from smile.mentoring.logs.services import action_items_remind_due
    from smile.mentoring.meetings.tasks import meeting_reminders_send
    from smile.mentoring.warnings import selectors as warnings
    from smile.notifications.models import Notification

    def user(key: str) -> User:
        # A fresh object every run: access.Scope caches the memberships on the user object.
        return User.objects.get(pk=ids[key])

    rows: list[Row] = []
    coordinator = user("coordinator")
    kinds = Counter(row.kind for row in warnings.early_warnings(user=coordinator))
    by_kind = ", ".join(f"{kind} {kinds[kind]}" for kind in warnings.KINDS)

    def early() -> Any:
        return warnings.early_warnings(user=user("coordinator"))

    found = measure(rows, "early_warnings (coordinator)", early, note=by_kind)
    measure(
        rows,
        "warning_counts (coordinator)",
        lambda: warnings.warning_counts(user=user("coordinator")),
        note=f"{len(found)} rows",
    )
    measure(
        rows,
        "home_panels (mentor)",
        lambda: mentoring.home_panels(user=user("mentor"), role="mentor"),
    )
    measure(
        rows, "home_panels (adept)", lambda: mentoring.home_panels(user=user("adept"), role="adept")
    )

    def pair_page() -> Any:
        # As the pair page gets it: a plain Pair, its sides loaded on first use.
        return mentoring.pair_panels(user=user("mentor"), pair=Pair.objects.get(pk=ids["pair"]))

    measure(rows, "pair_panels (mentor)", pair_page)
    start, end = digest_period()
    digest = measure(
        rows,
        "manager_digest_rows (14 days)",
        lambda: manager_digest_rows(user=user("manager"), start=start, end=end),
    )
    rows[-1] = (*rows[-1][:3], f"{len(digest)} workplaces")

    # The URL configuration (every app's views) is loaded once per worker process, at its first
    # `reverse`; not part of the first job's figure.
    reverse("mentoring:warnings")
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ALLOWED_HOSTS=["testserver"],
    ):
        before = Notification.objects.count()
        sent = measure(rows, "meeting_reminders_send (job)", meeting_reminders_send.call, runs=1)
        created = Notification.objects.count() - before
        rows[-1] = (*rows[-1][:3], f"{sent:,} meetings, {created:,} notifications (once)")
        before = Notification.objects.count()
        due = measure(
            rows,
            "action_items_remind_due (job)",
            lambda: action_items_remind_due(today=timezone.localdate()),
            runs=1,
        )
        created = Notification.objects.count() - before
        rows[-1] = (*rows[-1][:3], f"{due:,} items, {created:,} notifications (once)")

        client = Client()
        client.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        device = TOTPDevice.objects.get(user=coordinator)
        session["otp_device_id"] = device.persistent_id
        session.save()
        client.cookies["smile_language"] = "en"
        statuses = []

        def page() -> Any:
            response = client.get("/mentoring/warnings/")
            statuses.append(response.status_code)
            return response

        response = measure(rows, "GET /mentoring/warnings/ (coordinator)", page)
        size = len(response.content)
        rows[-1] = (*rows[-1][:3], f"status {sorted(set(statuses))}, {size / 1024:,.0f} KiB")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        from django.utils import translation

        translation.activate("en")
        start = time.perf_counter()
        ids = build(args.pairs, args.seed)
        print(
            f"{args.pairs:,} active pairs ({args.pairs:,} adepts, {(args.pairs + 1) // 2:,} "
            f"mentors), built in {time.perf_counter() - start:.1f} s at {datetime.now():%H:%M}"
        )
        rows = stages(ids)
        print(f"\n  {'stage':<40} {'queries':>7} {'ms':>9}  note")
        for label, queries, seconds, note in rows:
            print(f"  {label:<40} {queries:>7,} {seconds * 1000:>9.1f}  {note}")
        print(f"\n  (reads: median of {RUNS} runs; jobs: one run; today {date.today()})")


if __name__ == "__main__":
    main()
