"""The mentoring relationship end to end, as the issue describes it, on a 360 px phone.

The mentor proposes a meeting in Swedish; the adept accepts it in Tigrinya and puts it in her
calendar; after the meeting the mentor writes the log with a check-in on the four dimensions and
one thing for the adept to do; the thing to do shows on both homes. Every page passes axe, is in
the reader's language and direction, and fits the phone.
"""

from datetime import timedelta

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from smile.mentoring.models import ActionItem, Meeting, MeetingLog, MeetingStatus
from tests.browser.conftest import PHONE, Site
from tests.browser.helpers import as_user, check_page, in_language

pytestmark = pytest.mark.browser


def test_propose_accept_in_tigrinya_log_and_follow_up_on_both_homes(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    assert page.viewport_size == PHONE
    pair_path = f"/mentoring/pairs/{cast.pair.pk}/"

    # The mentor proposes a meeting from the pair's page.
    as_user(site, context, page, cast.bob, "sv")
    page.goto(site("/home/mentor/"))
    # "My adepts" is folded below what waits for him: he opens it.
    page.locator("section[aria-labelledby=adepts-heading] summary").click()
    page.locator(f'main a[href="{pair_path}"]').first.click()
    check_page(page, "sv")
    page.locator(f'main a[href="{pair_path}meetings/new/"]').first.click()
    page.locator("input[name=place]").fill("Fikarummet")
    page.locator("textarea[name=agenda]").fill("Hur gick första veckan?")
    check_page(page, "sv")
    page.locator("main form button[type=submit]").click()
    meeting = Meeting.objects.get()
    expect(page).to_have_url(site(f"/mentoring/meetings/{meeting.pk}/"))
    check_page(page, "sv")

    # The adept accepts in Tigrinya, from her home.
    context.clear_cookies()
    as_user(site, context, page, cast.dana, "ti")
    page.goto(site("/home/adept/"))
    panel = page.locator("section[aria-labelledby=next-heading]")
    expect(panel).to_contain_text(in_language("ti", "Waiting for your answer"))
    check_page(page, "ti")
    panel.locator("button[name=decision][value=accept]").click()
    expect(page).to_have_url(site(f"/mentoring/meetings/{meeting.pk}/"))
    check_page(page, "ti")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CONFIRMED

    # The calendar file opens in a calendar library, with the meeting's time and place.
    ics_link = page.locator(f'main a[href="/mentoring/meetings/{meeting.pk}/meeting.ics"]')
    response = page.request.get(site(ics_link.get_attribute("href") or ""))
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.body())
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("DTSTART") == meeting.starts_at
    assert str(event["LOCATION"]) == "Fikarummet"
    assert str(event["STATUS"]) == "CONFIRMED"

    # The meeting has been held; the mentor writes the log from the meeting's page.
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - timedelta(hours=2))
    context.clear_cookies()
    as_user(site, context, page, cast.bob, "sv")
    page.goto(site(f"/mentoring/meetings/{meeting.pk}/"))
    page.locator(f'main a[href="{pair_path}logs/new/?meeting={meeting.pk}"]').click()
    check_page(page, "sv")
    for dimension, rating in [("inclusion", 4), ("learning", 4), ("equality", 5), ("support", 3)]:
        page.locator(f'input[name="rating_{dimension}"][value="{rating}"]').check()
    page.locator("input[name=note_learning]").fill("Mätteknik från kursen vid formen")
    due = timezone.localdate() + timedelta(days=5)
    page.locator("input[name=action1_title]").fill("Läs säkerhetsbladet")
    page.locator("select[name=action1_owner]").select_option("adept")
    page.locator("input[name=action1_due_on]").fill(due.isoformat())
    page.locator("main form.stack button[type=submit]").click()
    log = MeetingLog.objects.get()
    expect(page).to_have_url(site(f"/mentoring/logs/{log.pk}/"))
    check_page(page, "sv")
    assert log.meeting == meeting
    assert log.minutes == meeting.duration_minutes
    assert log.checkins.get(dimension="learning").note == "Mätteknik från kursen vid formen"
    item = ActionItem.objects.get()
    assert (item.owner, item.due_on, item.log) == (cast.dana, due, log)

    # The thing to do is on the mentor's home, among his adepts' (hers to tick, not his) ...
    page.goto(site("/home/mentor/"))
    todo = page.locator("section[aria-labelledby=logs-theirs-heading]")
    expect(todo).to_contain_text("Läs säkerhetsbladet")
    expect(todo).to_contain_text("Dana Darwish")
    expect(todo.locator("button")).to_have_count(0)
    check_page(page, "sv")

    # ... and on the adept's, in Tigrinya, until she has done it.
    context.clear_cookies()
    as_user(site, context, page, cast.dana, "ti")
    page.goto(site("/home/adept/"))
    todo = page.locator("section[aria-labelledby=logs-todo-heading]")
    expect(todo).to_contain_text("Läs säkerhetsbladet")
    check_page(page, "ti")
    todo.locator(f'form[action="/mentoring/actions/{item.pk}/done/"] button').click()
    expect(page.locator("section[aria-labelledby=logs-todo-heading]")).to_have_count(0)
    check_page(page, "ti")
    item.refresh_from_db()
    assert item.done_by == cast.dana
