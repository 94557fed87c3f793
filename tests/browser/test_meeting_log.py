"""A meeting log in the browser, on a 360 px phone: the mentor writes it in Swedish with the
four-part check-in and one thing to do for the adept; the adept, in Arabic, sees it on her home
and ticks it done. Every page on the way is accessible, in the language, and fits the phone.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from smile.mentoring.models import ActionItem, MeetingLog
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, screenshot

pytestmark = pytest.mark.browser


def test_the_mentor_logs_a_meeting_and_the_adept_ticks_her_action_done(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    pair_path = f"/mentoring/pairs/{cast.pair.pk}/"
    due = timezone.localdate() + timedelta(days=7)

    # Bob, in Swedish, writes the log from the pair's mentorship page.
    as_user(site, context, page, cast.bob, "sv")
    page.goto(site(pair_path))
    check_page(page, "sv")
    page.locator(f'main a.button[href="{pair_path}logs/new/"]').click()
    expect(page).to_have_url(site(f"{pair_path}logs/new/"))
    expect(page.locator("input[name=held_on]")).to_have_value(timezone.localdate().isoformat())
    page.locator("input[name=minutes]").fill("60")
    for dimension, rating in [("inclusion", 4), ("learning", 5), ("equality", 3), ("support", 2)]:
        page.locator(f'input[name="rating_{dimension}"][value="{rating}"]').check()
    page.locator("input[name=note_support]").fill("Chefen har ont om tid")
    page.locator("textarea[name=notes]").fill("Vi pratade om nattskiftet.")
    page.locator("input[name=action1_title]").fill("Fråga om skyddsskor")
    page.locator("select[name=action1_owner]").select_option("adept")
    page.locator("input[name=action1_due_on]").fill(due.isoformat())
    check_page(page, "sv")
    screenshot(page, "meeting-log-sv-phone")
    page.locator("main form.stack button[type=submit]").click()

    log = MeetingLog.objects.get()
    expect(page).to_have_url(site(f"/mentoring/logs/{log.pk}/"))
    expect(page.locator("main dl.checkin")).to_contain_text("Chefen har ont om tid")
    check_page(page, "sv")
    assert (log.minutes, log.written_by) == (60, cast.bob)
    assert {c.dimension: c.rating for c in log.checkins.all()} == {
        "inclusion": 4,
        "learning": 5,
        "equality": 3,
        "support": 2,
    }
    # The pair's page lists the log with its ratings in words, and the thing to do.
    page.locator(f'main a[href="{pair_path}"]').first.click()
    expect(page.locator("section[aria-labelledby=logs-todo-heading]")).to_contain_text(
        "Fråga om skyddsskor"
    )
    check_page(page, "sv")
    item = ActionItem.objects.get()
    assert (item.title, item.owner, item.due_on, item.done_at) == (
        "Fråga om skyddsskor",
        cast.dana,
        due,
        None,
    )

    # Dana, in Arabic, finds it on her home and ticks it done there.
    context.clear_cookies()
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/home/adept/"))
    panel = page.locator("section[aria-labelledby=logs-todo-heading]")
    expect(panel).to_contain_text("Fråga om skyddsskor")
    check_page(page, "ar")
    screenshot(page, "action-items-ar-phone")
    panel.locator(f'form[action="/mentoring/actions/{item.pk}/done/"] button').click()
    expect(page).to_have_url(re.compile(r"/home/adept/$"))
    expect(page.locator("section[aria-labelledby=logs-todo-heading]")).to_have_count(0)
    check_page(page, "ar")
    item.refresh_from_db()
    assert item.done_by == cast.dana and item.done_at is not None
