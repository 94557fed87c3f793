"""Each home starts with what waits today and folds the rest. The adept's home on a phone, in
Arabic at 390 x 844, with a realistic week (a plan of eight goals, a booked meeting and one to
answer, things to do on both sides, practice, a review, words), and the demo's Amal Hassan: at
most one and a half screens long, and a folded part opens with a tap."""

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from smile.accounts.models import User
from smile.learning.models import Curriculum, LearningPlan, Objective, PlanObjective, Unit
from smile.learning.tests.progress_fixtures import log_practice, plan_review, start
from smile.learning.tests.vocabulary_fixtures import build_words
from smile.mentoring.models import ActionItem, Meeting, MeetingStatus
from smile.portal.demo import ADEPTS, DEMO_PASSWORD, load_demo
from tests.browser.conftest import Site
from tests.browser.helpers import (
    as_user,
    check_page,
    fill_login,
    in_language,
    screenshot,
    set_language_cookie,
)
from tests.cast import Cast

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
# "About one and a half phone screens".
MAX_HEIGHT = 1.5 * PHONE_390["height"]

OBJECTIVES = [
    "Följa skyddsreglerna i formningshallen",
    "Använda skyddsutrustning rätt",
    "Mäta en form med skjutmått och jämföra med ritningen",
    "Blanda formsand och kontrollera fukthalten",
    "Bygga en sandform efter en modell",
    "Göra i ordning kärnor och placera dem i formen",
    "Tappa metall under handledning",
    "Rensa och kontrollera gjutgodset",
]


def _a_realistic_week(cast: Cast) -> None:
    today = timezone.localdate()
    now = timezone.now()
    dana = start(cast.dana_enrolment, today - timedelta(days=60))
    course = Curriculum.objects.create(organisation=cast.school, name="Formning och gjutning")
    course.programmes.add(cast.programme)
    unit = Unit.objects.create(curriculum=course, code="G1", name="Formning och gjutning", order=1)
    plan = LearningPlan.objects.create(enrolment=dana)
    levels = [3, 3, 3, 2, 1, 1, 0, 0]
    for number, (text, level) in enumerate(zip(OBJECTIVES, levels, strict=True), start=1):
        objective = Objective.objects.create(
            curriculum=course, unit=unit, code=f"G1.{number}", text=text, order=number
        )
        PlanObjective.objects.create(
            plan=plan,
            objective=objective,
            level=level,
            target_on=today + timedelta(days=7 * number),
        )
    Meeting.objects.create(
        pair=cast.pair,
        starts_at=now + timedelta(days=2),
        duration_minutes=45,
        place="Fikarummet, formningshallen",
        status=MeetingStatus.CONFIRMED,
        confirmed_at=now,
        proposed_by=cast.bob,
    )
    Meeting.objects.create(
        pair=cast.pair,
        starts_at=now + timedelta(days=9),
        duration_minutes=60,
        place="Matsalen",
        proposed_by=cast.bob,
    )
    for title, owner, days in [
        ("Läs säkerhetsbladet för formsanden", cast.dana, 3),
        ("Fråga om skyddsskor i rätt storlek", cast.dana, 5),
        ("Boka en fast handledningstid med produktionschefen", cast.bob, 4),
    ]:
        ActionItem.objects.create(
            pair=cast.pair,
            title=title,
            owner=owner,
            due_on=today + timedelta(days=days),
            created_by=cast.bob,
        )
    for days_ago in (1, 3, 6):
        log_practice(dana, today - timedelta(days=days_ago))
    plan_review(dana, today + timedelta(days=12))
    build_words(cast)


def test_the_adepts_home_fits_one_and_a_half_phone_screens_in_arabic(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    _a_realistic_week(cast)
    page.set_viewport_size(PHONE_390)
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/home/adept/"))

    # Today first: her button to log, the meeting to answer, her next goal, her things to do.
    today = page.locator("section[aria-labelledby=today-heading]")
    expect(today.locator("h2")).to_have_text(in_language("ar", "Today"))
    expect(today.locator(f'a[href="/learning/adepts/{cast.dana_enrolment.pk}/practice/new/"]'))
    expect(today.locator("button[name=decision][value=accept]")).to_be_visible()
    expect(today.locator("#plans-home-heading ~ p.big")).to_have_text(
        "Blanda formsand och kontrollera fukthalten"
    )
    expect(today.locator("form[action$='/done/'] button")).to_have_count(2)
    # The rest is folded: five parts, each a one-line summary.
    folds = page.locator("main section.fold > details")
    expect(folds).to_have_count(5)
    for index in range(5):
        expect(folds.nth(index)).not_to_have_attribute("open", "")

    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"\nThe adept's home in Arabic at 390 x 844: scrollHeight {height} px")
    screenshot(page, "home-adept-ar-390")
    assert height <= MAX_HEIGHT, f"{height} px is more than 1.5 screens ({MAX_HEIGHT} px)"
    check_page(page, "ar")

    # A tap opens "My mentor": the mentor's own thing to do is shown there, without "Done".
    mentor = page.locator("section[aria-labelledby=mentor-heading] > details")
    mentor.locator("summary").click()
    expect(mentor).to_have_attribute("open", "")
    theirs = mentor.locator("section[aria-labelledby=logs-theirs-heading]")
    expect(theirs).to_contain_text("Boka en fast handledningstid med produktionschefen")
    expect(theirs.locator("button")).to_have_count(0)
    check_page(page, "ar")


@pytest.fixture
def demo_url(transactional_db: None, live_server: Any) -> Iterator[str]:
    """The live server holding the demo (and nothing else)."""
    assert load_demo() is True
    cache.clear()
    yield str(live_server.url)


def test_the_demo_adepts_home_fits_one_and_a_half_phone_screens_in_arabic(
    demo_url: str, context: BrowserContext, page: Page
) -> None:
    page.set_viewport_size(PHONE_390)
    amal = User.objects.get(email=ADEPTS["amal"].email)
    set_language_cookie(context, demo_url, "ar")
    page.goto(demo_url + "/accounts/login/")
    fill_login(page, amal, DEMO_PASSWORD)
    expect(page).to_have_url(demo_url + "/home/adept/")
    expect(page.locator("main h1")).to_have_text("مرحبًا Amal!")
    expect(page.locator("section[aria-labelledby=mentor-heading] summary")).to_contain_text(
        "Johan Lindqvist"
    )
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"\nThe demo adept's home in Arabic at 390 x 844: scrollHeight {height} px")
    screenshot(page, "home-demo-adept-ar-390")
    assert height <= MAX_HEIGHT, f"{height} px is more than 1.5 screens ({MAX_HEIGHT} px)"
    check_page(page, "ar")
