"""The life-situation check-in in the browser: dana answers in Arabic on a phone and asks the
coordinator for support with one thing; alice (Swedish, second factor) sees only that one thing;
dana then sees in her access log that alice read it. Every page is checked with check_page.
"""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from smile.mentoring.models import LifeArea, LifeSituationCheckIn, LifeStatus
from smile.privacy.models import AccessAction, AccessLog
from tests.browser.conftest import Site
from tests.browser.helpers import (
    as_user,
    check_page,
    in_language,
    log_out,
    screenshot,
)

pytestmark = pytest.mark.browser

NOTE = "الإيجار مرتفع جدا"


def test_dana_asks_for_support_alice_sees_only_that_and_dana_sees_who_read_it(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast

    # Dana, in Arabic on a 360 px phone: from her home card to the form.
    as_user(site, context, page, cast.dana, "ar")
    expect(page).to_have_url(re.compile(r"/home/adept/$"))
    # The invitation is folded under "If something is wrong": she opens it.
    page.locator("section[aria-labelledby=help-heading] summary").click()
    page.locator('main a[href="/mentoring/life/"]').click()
    check_page(page, "ar")
    page.locator('main a[href="/mentoring/life/new/"]').click()
    check_page(page, "ar")
    screenshot(page, "life-form-ar")
    page.locator("input[name=answer_housing][value=support]").check()
    page.locator("input[name=answer_transport][value=fine]").check()
    page.locator("textarea[name=note]").fill(NOTE)
    page.locator("input[name=coordinator_areas][value=housing]").check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/mentoring/life/\d+/$"))
    expect(page.locator("main dl")).to_contain_text(
        in_language("ar", LifeStatus.NEEDS_SUPPORT.label)
    )
    check_page(page, "ar")
    checkin = LifeSituationCheckIn.objects.get()
    assert checkin.support_requested and not checkin.share_with_mentor
    log_out(page)

    # Alice, in Swedish with her second factor: only the area dana shared, not her other answer.
    as_user(site, context, page, cast.alice, "sv")
    page.goto(site("/mentoring/support-requests/"))
    check_page(page, "sv")
    page.locator("main table a", has_text="Dana Darwish").click()
    expect(page).to_have_url(re.compile(rf"/mentoring/life/{checkin.pk}/$"))
    check_page(page, "sv")
    answers = page.locator("main dl")
    expect(answers.locator("dt")).to_have_count(1)
    expect(answers.locator("dt")).to_have_text(in_language("sv", LifeArea.HOUSING.label))
    expect(page.locator("main")).not_to_contain_text(in_language("sv", LifeArea.TRANSPORT.label))
    expect(page.locator("main")).not_to_contain_text(NOTE)
    log_out(page)

    # Dana sees that alice read her answers.
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/mentoring/life/"))
    page.locator('main a[href="/privacy/access-log/"]').click()
    check_page(page, "ar")
    screenshot(page, "life-access-log-ar")
    row = page.locator("main tbody tr", has_text="Alice Andersson")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(in_language("ar", AccessAction.VIEW.label))
    assert AccessLog.objects.filter(actor=cast.alice, subject=cast.dana, action="view").count() == 1
