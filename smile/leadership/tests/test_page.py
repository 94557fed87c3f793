"""The manager's SMILE page: figures worked out here by hand from the data each test makes, the same
figures as the managers' digest, who sees which workplaces, and a fixed number of queries."""

import calendar
import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.accounts.models import User
from smile.core.actor import SYSTEM
from smile.leadership.selectors import smile_page
from smile.leadership.services import assessment_round_open, commitment_sign
from smile.leadership.tests.fixtures import add_mentors, answer_all, close, every, other_manager
from smile.matching.models import Pair, PairStatus
from smile.mentoring.digest.selectors import digest_period, manager_digest_rows
from smile.mentoring.models import ActionItem, CheckIn, MeetingLog
from smile.organisations.models import Workplace
from smile.organisations.services import workplace_save
from smile.programmes.models import Enrolment
from tests.cast import Cast, add_other_mentor, make_user
from tests.pages import body_of

DIMENSIONS = ("inclusion", "learning", "equality", "support")


def today() -> date:
    return timezone.localdate()


def log(pair: Pair, days_ago: int, minutes: int, ratings: tuple[int, int, int, int]) -> MeetingLog:
    entry = MeetingLog.objects.create(
        pair=pair,
        held_on=today() - timedelta(days=days_ago),
        minutes=minutes,
        written_by=pair.mentor.user,
    )
    for dimension, rating in zip(DIMENSIONS, ratings, strict=True):
        CheckIn.objects.create(log=entry, dimension=dimension, rating=rating)
    return entry


def row_of(body: str, name: str) -> str:
    """The first table row whose header names the workplace."""
    found = re.search(
        rf"<tr>\s*<th scope=\"row\">(?:<a [^>]*>)?<bdi>{name}</bdi>.*?</tr>", body, re.S
    )
    assert found is not None, name
    return found.group(0)


def cell(row: str, label: str) -> str:
    found = re.search(rf'data-label="{label}">(.*?)</td>', row, re.S)
    assert found is not None, label
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.group(1))).strip()


def test_the_page_shows_the_figures_of_each_workplace(cast: Cast, login) -> None:
    add_other_mentor(cast)  # Otto and Erin at finishing, who have never met
    otto_pair = Pair.objects.get(mentor__user__email="otto@gjuteri.example")
    Pair.objects.filter(pk=otto_pair.pk).update(started_on=today() - timedelta(days=30))
    Pair.objects.filter(pk=cast.pair.pk).update(started_on=today() - timedelta(days=60))
    cast.pair.refresh_from_db()
    # Bob and Dana meet: (days ago, minutes, ratings of inclusion, learning, equality, support).
    meetings = [(0, 60, (4, 4, 5, 2)), (5, 30, (4, 3, 5, 2)), (20, 90, (5, 4, 4, 3))]
    for days_ago, minutes, ratings in meetings:
        log(cast.pair, days_ago, minutes, ratings)
    item = {"pair": cast.pair, "owner": cast.dana, "created_by": cast.bob}
    ActionItem.objects.create(**item, title="Klar", due_on=today(), done_at=timezone.now())
    ActionItem.objects.create(**item, title="Sen", due_on=today() - timedelta(days=2))
    commitment_sign(
        actor=cast.mona,
        workplace=cast.moulding,
        programme=cast.programme,
        mentor_hours_per_week=Decimal(2),
        development_hours_per_month=Decimal(4),
        contact_name="Mona Magnusson",
        follow_up_weeks=6,
    )

    # Worked out by hand from the meetings above.
    start, end = today() - timedelta(days=13), today()
    in_period = [m for m in meetings if start <= today() - timedelta(days=m[0]) <= end]
    assert len(in_period) == 2  # 0 and 5 days ago; 20 days ago is before the fortnight
    month_start = today().replace(day=1)
    month_minutes = sum(m[1] for m in meetings if today() - timedelta(days=m[0]) >= month_start)

    client = login(cast.mona)
    body = body_of(client.get("/leadership/"))
    moulding = row_of(body, "Formning")
    assert cell(moulding, "Active adepts") == "1"
    assert cell(moulding, "Pairs") == "1"
    # The late thing to do puts the pair on the early warnings.
    assert cell(moulding, "Pairs that need attention") == "1"
    # A cadence of 14 days over 14 days: one meeting planned; two held.
    assert cell(moulding, "Meetings held of planned") == "2 of 1"
    # The commitment's 2 hours a week over this month's weeks (its days / 7), in whole minutes.
    days = calendar.monthrange(today().year, today().month)[1]
    budget = (Decimal(2 * days * 60 // 7) / 60).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    mentor_hours = cell(moulding, "Mentor hours of budget")
    assert mentor_hours.startswith(f"{Decimal(month_minutes) / 60:.1f} h of {budget:.1f} h")
    assert mentor_hours.endswith("Budget: the workplace's commitment")
    assert cell(moulding, "Commitment").startswith("signed ")
    assert cell(moulding, "Management support") == "No results yet"
    finishing = row_of(body, "Efterbehandling")
    assert cell(finishing, "Active adepts") == "1"
    assert cell(finishing, "Meetings held of planned") == "0 of 1"
    # Otto and Erin have not met for 30 days: a warning, and the pair needs attention.
    assert cell(finishing, "Pairs that need attention") == "1"
    assert cell(finishing, "Commitment") == "missing"

    # The fortnight: 2 meetings, 1.5 hours, one thing done and one late, as in the digest.
    rows = manager_digest_rows(user=User.objects.get(pk=cast.mona.pk), start=start, end=end)
    digest = {r["name"]: r for r in rows}
    assert digest["Formning"] == {
        "name": "Formning",
        "active_pairs": 1,
        "meetings": 2,
        "mentor_hours": 1.5,
        "actions_done": 1,
        "actions_overdue": 1,
    }
    page = smile_page(
        user=User.objects.get(pk=cast.mona.pk),
        workplaces=Workplace.objects.filter(organisation=cast.foundry),
    )
    assert (page.start, page.end) == digest_period()
    for figures in page.workplaces:
        row = digest[figures.workplace.name]
        assert (
            figures.live_pairs,
            figures.meetings_held,
            float(figures.period_hours),
            figures.items_done,
            figures.items_overdue,
        ) == (
            row["active_pairs"],
            row["meetings"],
            row["mentor_hours"],
            row["actions_done"],
            row["actions_overdue"],
        )
    period = row_of(body.split('id="period-heading"')[1], "Formning")
    assert cell(period, "Mentor hours") == "1.5"
    assert cell(period, "Things to do late") == "1"


def test_the_ratings_are_shown_per_month_from_three(cast: Cast, login) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(started_on=today() - timedelta(days=400))
    cast.pair.refresh_from_db()
    this_month = today().replace(day=1)
    days_in = (today() - this_month).days
    # Three meetings this month (support 2, 3, 3), two the month before (support 5, 5).
    for rating in (2, 3, 3):
        log(cast.pair, 0, 30, (4, 4, 4, rating))
    for rating in (5, 5):
        log(cast.pair, days_in + 3, 30, (4, 4, 4, rating))
    page = smile_page(user=User.objects.get(pk=cast.mona.pk), workplaces=Workplace.objects.all())
    last, before = page.trend[-1], page.trend[-2]
    assert last.month == this_month
    # Support first: (2 + 3 + 3) / 3 = 2.67 → 2.7, from 3 ratings.
    assert (last.cells[0].average, last.cells[0].ratings) == (Decimal("2.7"), 3)
    # The month before had two meetings: not shown, whatever they said.
    assert (before.cells[0].average, before.cells[0].ratings) == (None, 2)
    body = body_of(login(cast.mona).get("/leadership/"))
    assert '<g data-key="support">' in body
    assert "too few ratings" in body


def test_the_self_assessment_and_management_support_come_first(cast: Cast, login) -> None:
    mentors = add_mentors(cast, 2)
    round = assessment_round_open(actor=cast.mona, workplace=cast.moulding)
    answer_all(round, {cast.bob: every(2), mentors[0]: every(2), mentors[1]: every(3)})
    close(round)
    body = body_of(login(cast.mona).get("/leadership/"))
    # Support: (2 + 2 + 3) / 3 = 2.3: below 3, at the top of the page.
    first = body.index('id="first-heading"')
    assert first < body.index('id="figures-heading"')
    assert "Management support at <bdi>Formning</bdi> is 2.3 of 5" in body
    assert (
        cell(row_of(body, "Formning"), "Management support")
        == "Not in place 2.3 below the threshold"
    )
    page = body_of(login(cast.mona).get(f"/leadership/workplaces/{cast.moulding.pk}/"))
    assert '<g data-key="overall">' in page
    assert "Management support is 2.3, below 3.0." in page


def test_managers_and_coordinators_see_their_workplaces_and_others_get_a_404(
    cast: Cast, login
) -> None:
    vera = other_manager(cast)
    for person in (cast.mona, cast.alice):
        body = body_of(login(person).get("/leadership/"))
        assert "<bdi>Formning</bdi>" in body and "<bdi>Efterbehandling</bdi>" in body
        assert "Solgläntan" not in body
        assert login(person).get(f"/leadership/workplaces/{cast.care_home.pk}/").status_code == 404
    for person in (cast.charlie, vera):
        body = body_of(login(person).get("/leadership/"))
        assert "<bdi>Solgläntan</bdi>" in body and "Formning" not in body
    for person in (cast.bob, cast.dana, cast.erin, cast.tess):
        assert login(person).get("/leadership/").status_code == 404
    for person in (cast.bob, cast.dana, cast.charlie, vera):
        assert login(person).get(f"/leadership/workplaces/{cast.moulding.pk}/").status_code == 404
    # Managers see numbers, never a name of a pair.
    body = body_of(login(cast.mona).get(f"/leadership/workplaces/{cast.moulding.pk}/"))
    assert "Dana Darwish" not in body and "Bob Berg" not in body


def test_a_filter_outside_the_lists_is_explained(cast: Cast, login) -> None:
    client = login(cast.mona)
    body = body_of(client.get(f"/leadership/?programme={cast.other_programme.pk}"))
    assert "Please choose only from the list." in body
    assert 'id="figures-heading"' not in body
    body = body_of(client.get(f"/leadership/?workplace={cast.care_home.pk}"))
    assert "Please choose only from the list." in body
    body = body_of(client.get(f"/leadership/?workplace={cast.finishing.pk}"))
    assert "<bdi>Efterbehandling</bdi>" in body and "<bdi>Formning</bdi>" not in body
    body = body_of(client.get("/leadership/?programme=nonsense"))
    assert "Please choose only from the list." in body


def a_busy_workplace(cast: Cast, name: str, index: int) -> None:
    """A workplace with a mentor, an adept, their pair, a meeting with its check-in and a late
    thing to do."""
    workplace = workplace_save(actor=SYSTEM, organisation=cast.foundry, name=name, trade="Gjuteri")
    mentor = make_user(f"m{index}@gjuteri.example", f"Mentor {index}")
    adept = make_user(f"a{index}@elev.example", f"Adept {index}")
    start = today() - timedelta(days=40)
    enrolments = [
        Enrolment.objects.create(
            programme=cast.programme, user=u, role=role, workplace=workplace, starts_on=start
        )
        for u, role in ((mentor, "mentor"), (adept, "adept"))
    ]
    pair = Pair.objects.create(
        programme=cast.programme,
        mentor=enrolments[0],
        adept=enrolments[1],
        status=PairStatus.ACTIVE,
        started_on=start,
    )
    log(pair, 1, 45, (3, 3, 3, 3))
    ActionItem.objects.create(
        pair=pair, owner=adept, created_by=mentor, title="Sen", due_on=today() - timedelta(days=3)
    )


def test_the_page_takes_the_same_queries_for_2_and_5_workplaces(cast: Cast, login) -> None:
    client = login(cast.mona)
    with CaptureQueriesContext(connection) as two:
        body_of(client.get("/leadership/"))
    for index, name in enumerate(("Gjutning", "Lager", "Kontor")):
        a_busy_workplace(cast, name, index)
    with CaptureQueriesContext(connection) as five:
        body = body_of(client.get("/leadership/"))
    assert body.count('<tr>\n      <th scope="row"><a href=') == 5
    assert len(two) == len(five), [q["sql"][:90] for q in five.captured_queries]
