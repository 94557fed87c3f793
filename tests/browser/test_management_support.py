"""Management support in the browser: the self-assessment answered by a manager, two mentors and
the coordinator, its radar and gaps, an action made from a gap and followed up; a placement
refused until the manager signs a commitment; and the manager's SMILE page showing the figures this
test works out from the data it made. Every page is checked (axe, direction, width, console) in
Swedish, and the manager's page and a mentor's answers in Arabic too.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import BrowserContext, Page, expect

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.core.dates import month_year
from smile.leadership import statements as st
from smile.leadership.models import Action, AssessmentRound, Commitment
from smile.leadership.tests.domains import pulse_round, steps
from smile.matching.models import Pair
from smile.mentoring.models import ActionItem, CheckIn, MeetingLog
from smile.organisations.choices import Role
from smile.programmes.models import Enrolment
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, in_language, log_out, screenshot
from tests.cast import make_user

pytestmark = pytest.mark.browser

# Everyone answers 4, except on these statements (per person).
LOW = {
    "mona": {"support.time": 2, "support.plan": 3},
    "bob": {"support.time": 1},
    "maja": {"support.time": 2, "inclusion.language": 2},
    "alice": {"support.time": 3},
}


def log_in_again(
    site: Site, context: BrowserContext, page: Page, user: User, language: str
) -> None:
    """Log in once more within the same half minute: the second factor refuses a code used
    already, so the device forgets the last one (as the next half minute would)."""
    TOTPDevice.objects.filter(user=user).update(last_t=-1, throttling_failure_count=0)
    as_user(site, context, page, user, language)


def answer(page: Page, site: Site, round_pk: int, low: dict[str, int], language: str) -> None:
    page.goto(site(f"/leadership/rounds/{round_pk}/answer/"))
    check_page(page, language)
    for statement in st.STATEMENTS:
        value = low.get(statement.code, 4)
        name = "s_" + statement.code.replace(".", "_")
        page.locator(f"main input[name={name}][value='{value}']").check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site("/leadership/self-assessment/"))
    expect(page.locator("main .messages")).to_contain_text(
        in_language(language, "Thank you! Your answers are saved without your name.")
    )


def test_the_self_assessment_gives_a_radar_and_gaps_that_become_a_plan(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    maja = make_user("maja@gjuteri.example", "Maja Mattsson")
    membership_create(
        actor=SYSTEM,
        user=maja,
        organisation=cast.foundry,
        role=Role.MENTOR,
        workplace=cast.moulding,
    )
    moulding = cast.moulding.pk

    # Mona opens a round and answers first.
    as_user(site, context, page, cast.mona, "sv")
    page.goto(site(f"/leadership/workplaces/{moulding}/self-assessment/"))
    check_page(page, "sv")
    page.get_by_role("button", name=in_language("sv", "Open a new round")).click()
    round_pk = AssessmentRound.objects.get().pk
    check_page(page, "sv")
    answer(page, site, round_pk, LOW["mona"], "sv")
    log_out(page)

    # Bob and Maja (in Arabic), then Alice, the coordinator.
    for person, key, language in (
        (cast.bob, "bob", "sv"),
        (maja, "maja", "ar"),
        (cast.alice, "alice", "sv"),
    ):
        log_in_again(site, context, page, person, language)
        page.goto(site("/leadership/self-assessment/"))
        check_page(page, language)
        page.locator(f'main a[href="/leadership/rounds/{round_pk}/answer/"]').click()
        answer(page, site, round_pk, LOW[key], language)
        log_out(page)

    # Mona closes the round: the radar, the readiness and the gaps.
    log_in_again(site, context, page, cast.mona, "sv")
    page.goto(site(f"/leadership/workplaces/{moulding}/self-assessment/"))
    page.get_by_role(
        "button", name=in_language("sv", "Close the round and see the results")
    ).click()
    expect(page).to_have_url(site(f"/leadership/rounds/{round_pk}/"))
    expect(page.locator('main svg.chart[role=img] g[data-key="overall"]')).to_have_count(1)
    # Management support by hand: 16 answers of 4 (64) minus what each put lower:
    # Mona time 2 and plan 3 (−3), Bob time 1 (−3), Maja time 2 (−2), Alice time 3 (−1):
    # 64 − 9 = 55 over 16 answers = 3.4375 → 3.4. Time alone: (2 + 1 + 2 + 3) / 4 = 2.0.
    support_row = page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=in_language("sv", "Management support"))
    )
    expect(support_row).to_contain_text("3,4")
    weakest = page.locator("main ul.plain li").first
    expect(weakest).to_contain_text(
        in_language("sv", "Mentors have time for mentoring set aside in their working hours.")
    )
    expect(weakest).to_contain_text("2,0")
    check_page(page, "sv")
    screenshot(page, "self-assessment-results-sv-phone")

    # One click makes the gap an action; Mona gives it a deadline.
    weakest.get_by_role("button", name=in_language("sv", "Make it an action")).click()
    action = Action.objects.get()
    expect(page).to_have_url(site(f"/leadership/actions/{action.pk}/"))
    check_page(page, "sv")
    deadline = timezone.localdate() + timedelta(days=21)
    page.locator("main form [name=due_on]").fill(deadline.isoformat())
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site(f"/leadership/workplaces/{moulding}/#plan-heading"))
    expect(page.locator("#plan-heading + .table-wrap")).to_contain_text(
        in_language("sv", "Mentors have time for mentoring set aside in their working hours.")
    )

    # The follow-up meeting decides the action is started, with a later deadline.
    page.get_by_role("link", name=in_language("sv", "Record a follow-up meeting")).click()
    expect(page).to_have_url(site(f"/leadership/workplaces/{moulding}/follow-ups/new/"))
    check_page(page, "sv")
    page.locator("main form [name=minutes]").fill("Mona och Alice. Schemat ses över.")
    page.locator(f"main form [name=a{action.pk}_status]").select_option("started")
    page.locator(f"main form [name=a{action.pk}_due_on]").fill("2027-03-01")
    page.locator(f"main form [name=a{action.pk}_text]").fill("Två timmar i veckan från mars.")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Två timmar i veckan från mars.")
    check_page(page, "sv")
    action.refresh_from_db()
    assert (action.status, action.due_on) == ("started", date(2027, 3, 1))


def test_a_placement_waits_for_a_signed_commitment(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    fatima = make_user("fatima@elev.example", "Fatima Farah")
    membership_create(actor=SYSTEM, user=fatima, organisation=cast.savsjo, role=Role.ADEPT)

    # Alice makes a signed commitment a condition of placing adepts.
    as_user(site, context, page, cast.alice, "sv")
    page.goto(site(f"/leadership/programmes/{cast.programme.pk}/"))
    check_page(page, "sv")
    page.locator("main input[name=commitment_rule][value=block]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .messages")).to_contain_text(
        in_language("sv", "The programme's rule is saved.")
    )

    def enrol() -> None:
        page.goto(site(f"/programmes/{cast.programme.pk}/enrol/"))
        page.locator("main form [name=user]").select_option(str(fatima.pk))
        page.locator("main form [name=role]").select_option("adept")
        page.locator("main form [name=workplace]").select_option(str(cast.moulding.pk))
        page.locator("main form [name=education_provider]").select_option(str(cast.school.pk))
        page.locator("main form [name=starts_on]").fill("2026-09-01")
        page.locator("main form button[type=submit]").click()

    enrol()
    expect(page.locator("main form .field.has-error:has([name=workplace])")).to_contain_text(
        "Formning"
    )
    check_page(page, "sv")
    assert not Enrolment.objects.filter(user=fatima).exists()
    log_out(page)

    # Mona signs the commitment for moulding.
    as_user(site, context, page, cast.mona, "sv")
    page.goto(site(f"/leadership/workplaces/{cast.moulding.pk}/"))
    page.locator(
        f'main a[href="/leadership/workplaces/{cast.moulding.pk}/commitment/'
        f'?programme={cast.programme.pk}"]'
    ).click()
    check_page(page, "sv")
    page.locator("main form [name=mentor_hours_per_week]").fill("2")
    page.locator("main form [name=development_hours_per_month]").fill("4")
    page.locator("main form [name=contact_name]").fill("Mona Magnusson")
    page.locator("main form [name=follow_up_weeks]").fill("6")
    page.locator("main form [name=sign]").check()
    page.locator("main form button[type=submit]").click()
    commitment = Commitment.objects.get()
    expect(page).to_have_url(site(f"/leadership/commitments/{commitment.pk}/"))
    check_page(page, "sv")
    log_out(page)

    # Now Fatima is placed.
    log_in_again(site, context, page, cast.alice, "sv")
    enrol()
    expect(page).to_have_url(site(f"/programmes/{cast.programme.pk}/"))
    assert Enrolment.objects.get(user=fatima).workplace == cast.moulding


def test_the_managers_page_shows_the_figures_of_what_happened(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    today = timezone.localdate()
    Pair.objects.filter(pk=cast.pair.pk).update(started_on=today - timedelta(days=90))
    # Bob and Dana's meetings: (days ago, minutes, support rating).
    # Three today, so this month has at least the three ratings a month needs to be shown.
    meetings = [(0, 30, 2), (0, 30, 3), (0, 30, 3), (4, 45, 3), (9, 30, 3), (40, 60, 5)]
    for days_ago, minutes, support in meetings:
        entry = MeetingLog.objects.create(
            pair=cast.pair,
            held_on=today - timedelta(days=days_ago),
            minutes=minutes,
            written_by=cast.bob,
        )
        for dimension in ("inclusion", "learning", "equality"):
            CheckIn.objects.create(log=entry, dimension=dimension, rating=4)
        CheckIn.objects.create(log=entry, dimension="support", rating=support)
    ActionItem.objects.create(
        pair=cast.pair,
        owner=cast.dana,
        created_by=cast.bob,
        title="Sen",
        due_on=today - timedelta(days=3),
    )
    # The later domains: Dana's onboarding (2 steps done, 1 late), a belonging round with 5 answers.
    steps(cast.dana_enrolment, done=2, late=1)
    pulse_round(cast.programme, 10, {cast.moulding: [4, 4, 4, 5, 5]})
    # Worked out here: five meetings in the last 14 days (today, 4 and 9 days ago); this
    # month's minutes; and the support given in this month's check-ins.
    fortnight = [m for m in meetings if m[0] <= 13]
    held, period_minutes = len(fortnight), sum(m[1] for m in fortnight)
    # 165 minutes are 2.75 hours, shown as 2.8: halves are rounded up, as in the digest.
    assert (held, period_minutes) == (5, 165)
    first = today.replace(day=1)
    # Which meetings fall in this month depends on today's date (40 days ago never does); the
    # month's hours and support rating, by hand, for each case (halves rounded up):
    # - from the 10th: 30+30+30+45+30 = 165 min = 2.75 → 2,8 h; (2+3+3+3+3)/5 = 2.8;
    # - the 5th to the 9th: 30+30+30+45 = 135 min = 2.25 → 2,3 h; (2+3+3+3)/4 = 2.75 → 2,8;
    # - the 1st to the 4th: 30+30+30 = 90 min = 1,5 h; (2+3+3)/3 = 2.67 → 2,7.
    this_month = [m for m in meetings if today - timedelta(days=m[0]) >= first]
    hours, month_support = {5: ("2,8", "2,8"), 4: ("2,3", "2,8"), 3: ("1,5", "2,7")}[
        len(this_month)
    ]

    as_user(site, context, page, cast.mona, "sv")
    page.goto(site("/leadership/"))
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Formning"))
    expect(row.locator(f'td[data-label="{in_language("sv", "Active adepts")}"]')).to_have_text("1")
    expect(
        row.locator(f'td[data-label="{in_language("sv", "Pairs that need attention")}"]')
    ).to_have_text("1")
    held_text = in_language("sv", "%(held)s of %(planned)s") % {"held": held, "planned": 1}
    expect(
        row.locator(f'td[data-label="{in_language("sv", "Meetings held of planned")}"]')
    ).to_have_text(held_text)
    expect(
        row.locator(f'td[data-label="{in_language("sv", "Mentor hours of budget")}"]')
    ).to_contain_text(f"{hours} h")
    # No commitment signed here: the budget is the programme's hours for Bob's one adept.
    budget = f"{cast.programme.mentor_hours_per_month:.1f}".replace(".", ",")
    mentor_cell = row.locator(f'td[data-label="{in_language("sv", "Mentor hours of budget")}"]')
    expect(mentor_cell).to_contain_text(
        in_language("sv", "%(used)s h of %(budget)s h") % {"used": hours, "budget": budget}
    )
    expect(mentor_cell).to_contain_text(
        in_language("sv", "Budget: the programme's hours (no commitment signed)")
    )
    period = page.locator("#period-heading ~ .table-wrap").first
    period_row = period.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="Formning")
    )
    expect(
        period_row.locator(f'td[data-label="{in_language("sv", "Mentor hours")}"]')
    ).to_have_text("2,8")
    expect(period_row.locator(f'td[data-label="{in_language("sv", "Meetings")}"]')).to_have_text(
        "5"
    )
    # The mentors' ratings: this month's support, first of the four, in the trend's table.
    month_row = page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=month_year(first, "sv"))
    )
    expect(month_row.locator("td").first).to_have_text(month_support)
    expect(page.locator('main svg.chart g[data-key="support"]')).to_have_count(1)
    # Onboarding and belonging per workplace: 2 of 3 steps; (4+4+4+5+5)/5 = 4.4, with its bars.
    inclusion = page.locator("#inclusion-heading ~ .table-wrap").get_by_role("row")
    expect(
        inclusion.filter(has=page.get_by_role("rowheader", name="Formning")).locator(
            f'td[data-label="{in_language("sv", "Onboarding")}"]'
        )
    ).to_contain_text(
        in_language("sv", "%(done)s of %(steps)s steps done, %(late)s late.")
        % {"done": 2, "steps": 3, "late": 1}
    )
    expect(page.locator(f"#belonging-{cast.moulding.pk}-caption ~ tbody")).to_contain_text("4,4")
    bars = f"main svg.chart[aria-labelledby^='belonging-{cast.moulding.pk}-title']"
    expect(page.locator(bars)).to_have_count(1)
    check_page(page, "sv")
    screenshot(page, "manager-page-sv-phone")

    # On paper: no header, no forms.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("main form").first).to_be_hidden()
    page.emulate_media(media="screen")

    # The workplace's page in Arabic, at 390 px.
    log_out(page)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in_again(site, context, page, cast.mona, "ar")
    page.goto(site(f"/leadership/workplaces/{cast.moulding.pk}/"))
    expect(page.locator("main h1")).to_contain_text("Formning")
    check_page(page, "ar")
    screenshot(page, "manager-workplace-ar-390")
    page.goto(site("/leadership/"))
    check_page(page, "ar")


def test_a_mentor_sees_her_own_time(site: Site, context: BrowserContext, page: Page) -> None:
    cast = site.cast
    MeetingLog.objects.create(
        pair=cast.pair, held_on=timezone.localdate(), minutes=90, written_by=cast.bob
    )
    page.set_viewport_size({"width": 390, "height": 844})
    for language in ("sv", "ar"):
        log_in_again(site, context, page, cast.bob, language)
        page.locator('main a[href="/leadership/my-time/"]').click()
        expect(page).to_have_url(site("/leadership/my-time/"))
        # 90 minutes against the programme's 8 hours for Bob's one adept.
        expect(page.locator("main tbody")).to_contain_text(
            in_language(language, "%(hours)s h") % {"hours": "1,5"}
        )
        check_page(page, language)
        log_out(page)
