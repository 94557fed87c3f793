"""Notices that finish themselves, in the browser on a phone: Dana (Arabic) is asked to sign her
learning plan; the bell counts it; she signs from her plan page, and the bell's count drops
without her opening the notice, which stays in her history marked done. Bob (Swedish) still has
the plan in his "to do" list until he signs too."""

from datetime import date

import pytest
from django.utils import translation
from playwright.sync_api import BrowserContext, Page, expect

from smile.learning.plans import services as plans
from smile.learning.tests.plans_fixtures import build_course
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, in_language, screenshot

pytestmark = pytest.mark.browser


def bell_name(language: str, count: int) -> str:
    with translation.override(language):
        text = translation.ngettext(
            "Notifications, %(count)s unread", "Notifications, %(count)s unread", count
        )
    return text % {"count": count}


def to_do(language: str, count: int) -> str:
    return in_language(language, "To do (%(count)s)") % {"count": count}


def test_signing_the_plan_clears_the_notice_and_the_bell_count_drops(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    course = build_course(cast)
    plan = plans.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    plans.plan_objectives_set(plan=plan, by=cast.tess, items=[(course.m1, date(2027, 1, 15))])
    status = page.locator("main .messages[role=status]")

    # Dana, in Arabic: one unread notice, and it waits for her.
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/notifications/"))
    expect(page.get_by_role("link", name=bell_name("ar", 1))).to_be_visible()
    expect(page.locator(".bell-count")).to_have_text("1")
    expect(page.get_by_role("link", name=to_do("ar", 1))).to_be_visible()
    check_page(page, "ar")

    # She signs on her plan page, without opening the notice.
    page.goto(site("/learning/my-plan/"))
    page.locator('form[action$="/plan/sign/"] button[type=submit]').click()
    expect(status).to_contain_text(in_language("ar", "Thank you. Your signature is saved."))
    expect(page.get_by_role("link", name=bell_name("ar", 0))).to_be_visible()
    expect(page.locator(".bell-count")).to_have_count(0)

    # Her history keeps the notice, marked done; nothing waits for her.
    page.goto(site("/notifications/"))
    expect(page.locator("main .notice-done")).to_have_text(in_language("ar", "Done"))
    expect(page.locator("main .notice.unread")).to_have_count(0)
    page.get_by_role("link", name=to_do("ar", 0)).click()
    expect(page.locator("main")).to_contain_text(in_language("ar", "Nothing waits for you."))
    check_page(page, "ar")
    screenshot(page, "notices-done-ar-phone")

    # Bob, in Swedish: the plan still waits for his signature.
    context.clear_cookies()
    as_user(site, context, page, cast.bob, "sv")
    page.goto(site("/notifications/?show=todo"))
    expect(page.locator(".bell-count")).to_have_text("1")
    expect(page.locator("main .notice")).to_have_count(1)
    expect(page.locator("main .notice")).to_contain_text(cast.dana.full_name)
    check_page(page, "sv")


def test_the_digest_notice_opens_the_figures_page(
    site: Site, context: BrowserContext, page: Page
) -> None:
    from django.utils import timezone

    from smile.mentoring.digest.tasks import send_manager_digests

    cast = site.cast
    assert send_manager_digests.call() == 1
    as_user(site, context, page, cast.mona, "sv")
    page.goto(site("/notifications/"))
    page.locator("main .notice-open").first.click()
    expect(page).to_have_url(site(f"/mentoring/digest/{timezone.localdate().isoformat()}/"))
    expect(page.locator("main h1")).to_have_text(in_language("sv", "Summary of your workplaces"))
    expect(page.locator("main table.cards tbody tr")).to_have_count(2)
    check_page(page, "sv")
    screenshot(page, "digest-sv-phone")
