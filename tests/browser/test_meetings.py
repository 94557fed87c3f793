"""Meetings in the browser, on a 360 px phone: the mentor proposes in Swedish from the pair's
mentorship page, and the adept accepts in Arabic from her home. Every page on the way is
accessible, in the language, and fits the phone.
"""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from smile.mentoring.models import Meeting, MeetingStatus
from tests.browser.conftest import Site
from tests.browser.helpers import (
    as_user,
    check_page,
    in_language,
    screenshot,
)

pytestmark = pytest.mark.browser


def test_the_mentor_proposes_and_the_adept_accepts_in_arabic(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    pair_path = f"/mentoring/pairs/{cast.pair.pk}/"

    # Bob, in Swedish, proposes from the pair's mentorship page.
    as_user(site, context, page, cast.bob, "sv")
    page.goto(site(pair_path))
    check_page(page, "sv")
    page.locator(f'main a.button[href="{pair_path}meetings/new/"]').click()
    expect(page).to_have_url(site(f"{pair_path}meetings/new/"))
    expect(page.locator("input[type=datetime-local][name=starts_at]")).not_to_have_value("")
    expect(page.locator("input[name=place]")).to_have_value("Formning")
    page.locator("textarea[name=agenda]").fill("Första veckan, skyddskläder")
    check_page(page, "sv")
    screenshot(page, "meeting-propose-sv-phone")
    page.locator("main form button[type=submit]").click()
    meeting = Meeting.objects.get()
    expect(page).to_have_url(site(f"/mentoring/meetings/{meeting.pk}/"))
    expect(page.locator("main")).to_contain_text("Första veckan, skyddskläder")
    check_page(page, "sv")
    assert (meeting.status, meeting.proposed_by) == (MeetingStatus.PROPOSED, cast.bob)

    # Dana, in Arabic, sees the proposal on her home and accepts it there.
    context.clear_cookies()
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/home/adept/"))
    panel = page.locator("section[aria-labelledby=next-heading]")
    expect(panel).to_contain_text(in_language("ar", "Waiting for your answer"))
    expect(panel).to_contain_text("Bob Berg")
    check_page(page, "ar")
    screenshot(page, "meeting-home-ar-phone")
    panel.locator("button[name=decision][value=accept]").click()
    expect(page).to_have_url(site(f"/mentoring/meetings/{meeting.pk}/"))
    expect(page.locator("main .messages[role=status]")).to_contain_text(
        in_language("ar", "The meeting is confirmed. We will tell the others.")
    )
    expect(page.locator("main button[name=decision][value=accept]")).to_have_count(0)
    check_page(page, "ar")
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence) == (MeetingStatus.CONFIRMED, 1)

    # Her home now shows the booked meeting, not the proposal.
    page.goto(site("/home/adept/"))
    expect(panel.locator(f'a[href="/mentoring/meetings/{meeting.pk}/"]')).to_have_count(1)
    expect(panel).not_to_contain_text(re.compile(in_language("ar", "Waiting for your answer")))
