"""Every role's home reads a fixed number of queries, however much the person has: the same with
two and with five of each thing (adepts and pairs, meetings, things to do, practice entries,
reviews, hours)."""

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.core.actor import SYSTEM
from smile.learning import access as learning_access
from smile.learning.models import HoursEntry, HoursKind, PracticeEntry, Review
from smile.matching.home import home_basis
from smile.matching.models import Pair, PairStatus
from smile.mentoring.models import ActionItem, Meeting
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user

# The page shell, on every page of a signed-in person: her session (1) and user (1), her
# memberships (1: roles, the policies and the second-factor check share them), her enrolments'
# roles (1) and the unread count for the bell (1).
SHELL = 5

EXPECTED = {
    # The basis: her adept enrolments (1) and her pairs with the mentor (1); whom to turn to (1);
    # mentoring: her live pairs' meetings (1), their open things to do (1), her latest
    # life-situation date (1); learning: the curricula (1) and workplaces (1) she reads, her
    # plan's levels (1, for the progress and the plan panels), her latest practice entries (1),
    # her reviews (1), her words (1). Whether her plan waits for her signature is asked only once
    # it has objectives (none here).
    "adept": SHELL + 12,
    # The basis: her mentor enrolments (1) and her pairs with the adepts (1); mentoring: the
    # meetings (1), the things to do (1), her minutes this month (1) and her workplace's committed
    # budget (1, leadership's provider of `smile.mentoring.time_budget`), the check-ins shared with
    # her (1); learning: the curricula (1) and workplaces (1), the plans waiting for her (1), the
    # practice to confirm (1), the reviews (1), the hours to confirm (1), her adepts' progress
    # (2: the rows, the plans' levels). Words: her workplace tells she edits them (none). The
    # SMILE self-assessments waiting for her answer (1).
    "mentor": SHELL + 16,
    # Her class with whether each has a mentor (1); the curricula (1) and workplaces (1), plans
    # waiting for her (1), the week's practice (1), reviews (1), hours to confirm (1), the class's
    # progress (2: the rows, the plans' levels), whether she edits words (2: her school has no
    # curriculum here, so the workplaces of her adepts are asked too).
    "teacher": SHELL + 11,
    # The verified device (1); her programmes with their counts (1); the early warnings (5, the
    # last the mentors' committed budgets);
    # whether she handles concerns (1) and names case handlers (1); the self-assessments waiting
    # for her answer (1).
    "coordinator": SHELL + 10,
    # The verified device (1); her workplaces with their counts (1); the self-assessments
    # waiting for her answer (1).
    "manager": SHELL + 3,
    # The verified device (1).
    "administrator": SHELL + 1,
}


def _grow(cast: Cast, start: int, count: int) -> None:
    """`count` more of everything: adepts of Bob's at Tess's school, each in a live pair with
    Bob, and for Dana and each of them a meeting, a thing to do, a practice entry, a review and
    hours waiting for confirmation."""
    now = timezone.now()
    for number in range(start, start + count):
        user = make_user(f"grown{number}@elev.example", f"Grown {number}")
        enrolment = enrolment_create(
            actor=SYSTEM,
            programme=cast.programme,
            user=user,
            role="adept",
            workplace=cast.moulding,
            education_provider=cast.school,
            starts_on=date(2026, 8, 10),
        )
        pair = Pair.objects.create(
            programme=cast.programme,
            mentor=cast.bob_enrolment,
            adept=enrolment,
            status=PairStatus.ACTIVE,
            started_on=date(2026, 8, 10),
        )
        for adept, their_pair in ((cast.dana_enrolment, cast.pair), (enrolment, pair)):
            Meeting.objects.create(
                pair=their_pair,
                starts_at=now + timedelta(days=number + 1),
                place="Formning",
                proposed_by=cast.bob,
            )
            ActionItem.objects.create(
                pair=their_pair,
                title=f"Thing {number}",
                owner=adept.user,
                due_on=timezone.localdate() + timedelta(days=number),
                created_by=cast.bob,
            )
            PracticeEntry.objects.create(
                enrolment=adept, done_on=timezone.localdate(), note="Cast a mould", self_level=1
            )
            Review.objects.create(
                enrolment=adept, scheduled_for=now + timedelta(days=number + 1), created_by=cast.bob
            )
            HoursEntry.objects.create(
                enrolment=adept,
                day=timezone.localdate() - timedelta(days=number),
                kind=HoursKind.WORKPLACE,
                starts_at=time(8),
                ends_at=time(12),
            )


def _admin() -> object:
    admin = make_user("root@smile.example", "Root Admin", totp=True)
    admin.is_superuser = admin.is_staff = True
    admin.save(update_fields=["is_superuser", "is_staff"])
    return admin


def _queries(client: object, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)  # type: ignore[attr-defined]
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("who", "role"),
    [
        ("dana", "adept"),
        ("bob", "mentor"),
        ("tess", "teacher"),
        ("alice", "coordinator"),
        ("mona", "manager"),
        ("admin", "administrator"),
    ],
)
def test_each_home_reads_the_same_queries_for_two_and_five_of_everything(
    cast: Cast, login, who: str, role: str
) -> None:
    person = _admin() if who == "admin" else getattr(cast, who)
    path = f"/home/{role}/"
    _grow(cast, 0, 2)
    client = login(person)
    assert client.get(path).status_code == 200  # templates and translations loaded
    two = _queries(client, path)
    _grow(cast, 2, 3)
    five = _queries(client, path)
    assert (two, five) == (EXPECTED[role], EXPECTED[role])


def test_the_homes_show_what_they_read(cast: Cast, login) -> None:
    _grow(cast, 0, 5)
    content = login(cast.bob).get("/home/mentor/").content.decode()
    assert "Grown 4" in content and "Dana Darwish" in content
    content = login(cast.dana).get("/home/adept/").content.decode()
    # Her three soonest things to do, and how many more are on the pair's page.
    assert "Bob Berg" in content and "Thing 2" in content and "Thing 3" not in content
    assert "2 more things to do" in content


@pytest.mark.parametrize(("who", "role"), [("dana", "adept"), ("bob", "mentor")])
def test_the_basis_holds_the_adepts_the_access_rules_give(cast: Cast, who: str, role: str) -> None:
    """The home's literal keys agree with the learning policy for that capacity."""
    _grow(cast, 0, 2)
    Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.PROPOSED,
    )
    person = getattr(cast, who)
    basis = home_basis(user=person, role=role)
    policy = learning_access.enrolments_as(person, {role})
    assert sorted(basis.learner_ids) == sorted(policy.values_list("pk", flat=True))
    assert cast.erin_enrolment.pk not in basis.learner_ids  # a proposal is not yet her adept
