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
from smile.leadership.tests.domains import concerns, cycle, pulse_round, steps
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
# The SMILE page's queries, counted by hand: the request's session, person, second factor and
# memberships (4); the view's programmes, workplace choices, the page's workplaces and
# programmes (4); the page's own figures: people, pairs, warnings, meetings, things to do,
# ratings, learning (2), commitment rules, commitments, partners, mentor time, self-assessment
# rounds, actions, follow-ups (15); the later domains: onboarding (1), belonging (3), concerns
# (1), active measures (1); the layout's menu roles and unread notices (2).
EXPECTED_QUERIES = 4 + 4 + 15 + 1 + 3 + 1 + 1 + 2


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
        "active_adepts": 1,
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


def test_the_page_shows_onboarding_belonging_concerns_and_measures(cast: Cast, login) -> None:
    # Dana at moulding: 3 steps done, 1 still to come, 1 late. Erin at finishing: both done.
    steps(cast.dana_enrolment, done=3, open_=1, late=1)
    steps(cast.erin_enrolment, done=2)
    # Two closed pulse rounds: moulding 5 answers then 4; finishing 2 answers then 5.
    pulse_round(cast.programme, 30, {cast.moulding: [4, 4, 4, 5, 5], cast.finishing: [2, 3]})
    pulse_round(cast.programme, 10, {cast.moulding: [3, 3, 3, 3], cast.finishing: [5, 5, 5, 5, 4]})
    # Moulding: three open concerns and a closed one; finishing: two open ones.
    concerns(cast.programme, cast.moulding, 3)
    concerns(cast.programme, cast.moulding, 1, step="closed")
    concerns(cast.programme, cast.finishing, 2, step="investigating")
    # Moulding's active measures: last year's cycle done, this year's with one measure late.
    cycle(cast.moulding, 2025, "done", [])
    cycle(cast.moulding, 2026, "acting", [-3, 10])

    body = body_of(login(cast.mona).get("/leadership/"))
    section = body.split('id="inclusion-heading"')[1].split('id="belonging-heading"')[0]
    moulding, finishing = row_of(section, "Formning"), row_of(section, "Efterbehandling")
    assert cell(moulding, "Onboarding") == (
        "3 of 5 steps done, 1 late. 0 of 1 adept has done every step."
    )
    assert cell(finishing, "Onboarding") == (
        "2 of 2 steps done, 0 late. 1 of 1 adept has done every step."
    )
    # The latest round: moulding's 4 answers are too few; finishing's (5+5+5+5+4)/5 = 4.8.
    assert cell(moulding, "Belonging") == "Fewer than 5 answered — not shown"
    assert cell(finishing, "Belonging").startswith("4.8 of 5 (round of ")
    # A count from three open concerns on; two show nothing, not even that there are some.
    assert cell(moulding, "Open concerns") == "3"
    assert cell(finishing, "Open concerns") == "–not shown"
    assert cell(moulding, "Active measures") == "2026: Taking measures2 open, 1 late"
    assert cell(finishing, "Active measures") == "Not started"

    belonging = body.split('id="belonging-heading"')[1]
    assert "shown only when at least 5 answered" in belonging
    # Moulding: the first round's (4+4+4+5+5)/5 = 4.4, then the suppressed one; its bars drawn.
    moulding_trend = belonging.split("<bdi>Formning</bdi>")[1].split("</table>")[0]
    assert f'id="belonging-{cast.moulding.pk}-title"' in moulding_trend
    assert re.findall(r'data-label="All statements">([^<]*)<', moulding_trend) == ["4.4"]
    assert re.findall(r'data-label="Answered"[^>]*>([^<]*)<', moulding_trend) == [
        "5",
        "Fewer than 5 answered — not shown",
    ]
    # Never a name, nor a link to a case.
    assert "Dana Darwish" not in body and "/equality/cases/" not in body


def test_the_digest_and_the_page_show_the_same_figures(cast: Cast, login) -> None:
    add_other_mentor(cast)  # Otto and Erin at finishing
    otto_pair = Pair.objects.get(mentor__user__email="otto@gjuteri.example")
    # In the fortnight: Bob and Dana meet twice (60 + 45 minutes), Otto and Erin once (30).
    log(cast.pair, 1, 60, (4, 4, 4, 4))
    log(cast.pair, 6, 45, (4, 4, 4, 4))
    log(otto_pair, 2, 30, (4, 4, 4, 4))
    log(cast.pair, 20, 90, (4, 4, 4, 4))  # before the fortnight
    client = login(cast.mona)
    digest = body_of(client.get(f"/mentoring/digest/{today().isoformat()}/"))
    page = body_of(client.get("/leadership/"))
    period = page.split('id="period-heading"')[1]
    # Stated by hand: (adepts, pairs, meetings, hours); 105 minutes are 1.75 h, shown as 1.8.
    expected = {"Formning": ("1", "1", "2", "1.8"), "Efterbehandling": ("1", "1", "1", "0.5")}
    for name, figures in expected.items():
        d = row_of(digest, name)
        in_digest = tuple(
            cell(d, label)
            for label in ("Active adepts", "Active pairs", "Meetings held", "Mentor hours")
        )
        p, q = row_of(page, name), row_of(period, name)
        on_page = (
            cell(p, "Active adepts"),
            cell(p, "Pairs"),
            cell(q, "Meetings"),
            cell(q, "Mentor hours"),
        )
        assert in_digest == on_page == figures, name
    # The digest links to the SMILE page.
    assert '<a href="/leadership/">' in digest


def test_the_page_takes_the_same_queries_with_the_later_domains(cast: Cast, login) -> None:
    """Onboarding, belonging, concerns and measures at each new workplace add no query."""
    client = login(cast.mona)
    with CaptureQueriesContext(connection) as two:
        body_of(client.get("/leadership/"))
    for index, name in enumerate(("Gjutning", "Lager", "Kontor")):
        a_busy_workplace(cast, name, index)
        workplace = Workplace.objects.get(name=name)
        steps(Enrolment.objects.get(workplace=workplace, role="adept"), done=1, late=1)
        concerns(cast.programme, workplace, 3)
        cycle(workplace, 2026, "acting", [-1])
    pulse_round(
        cast.programme, 5, {w: [4] * 5 for w in Workplace.objects.filter(organisation=cast.foundry)}
    )
    with CaptureQueriesContext(connection) as five:
        body = body_of(client.get("/leadership/"))
    assert body.count("of 5 (round of ") == 5
    assert body.count('data-label="Open concerns">3</td>') == 3
    # 31, itemised above EXPECTED_QUERIES.
    assert len(two) == len(five) == EXPECTED_QUERIES, [q["sql"][:90] for q in five.captured_queries]
