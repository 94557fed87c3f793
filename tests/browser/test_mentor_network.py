"""Mentor network meetings and the mentor's development profile in the browser: the coordinator
schedules a network meeting; the mentor sees it and rates herself on a 390 px phone in Swedish;
her profile and development page are checked in Arabic too (axe, language, direction, width)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from smile.notifications.models import Notification
from smile.training.models import DevelopmentGoal, NetworkMeeting, SelfRating
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, choose_language, in_language, log_out

pytestmark = pytest.mark.browser

PLACE = "Kommunhuset, sal 2"
GOAL = "Säga ifrån när någon skämtar om ursprung"


def test_a_coordinator_gathers_the_mentors_and_a_mentor_rates_herself(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    page.set_viewport_size({"width": 390, "height": 844})

    # The coordinator schedules a network meeting on equality for the programme's mentors.
    as_user(site, context, page, cast.alice, "sv")
    page.goto(site(f"/training/programmes/{cast.programme.pk}/"))
    check_page(page, "sv")
    page.locator(f'main a[href="/training/programmes/{cast.programme.pk}/network/new/"]').click()
    check_page(page, "sv")
    day = timezone.localdate() + timedelta(days=10)
    page.locator("#id_starts_at").fill(f"{day:%Y-%m-%d}T14:00")
    page.locator("#id_place").fill(PLACE)
    page.locator('input[name=themes][value="equality"]').check()
    page.locator("#id_agenda").fill("Hur säger vi ifrån?")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site(f"/training/programmes/{cast.programme.pk}/"))
    expect(page.locator("main")).to_contain_text(
        in_language("sv", "The network meeting is scheduled. The mentors are told.")
    )
    expect(page.locator("main")).to_contain_text("Jämlikhet")
    check_page(page, "sv")
    meeting = NetworkMeeting.objects.get()
    assert meeting.themes == ["equality"]
    assert Notification.objects.filter(recipient=cast.bob, kind="mentor_development").count() == 1
    log_out(page)

    # The mentor sees it on her development page and rates herself.
    as_user(site, context, page, cast.bob, "sv")
    page.goto(site("/training/"))
    check_page(page, "sv")
    upcoming = page.locator("main table", has_text=PLACE)
    expect(upcoming).to_contain_text("Jämlikhet")
    page.locator('main a[href="/training/profile/"]').click()
    expect(page).to_have_url(site("/training/profile/"))
    check_page(page, "sv")
    expect(page.locator("main")).to_contain_text(
        in_language("sv", "You have not rated yourself yet. Start with a first rating below.")
    )
    for name, value in [("inclusion", 3), ("learning", 4), ("equality", 2), ("support", 3)]:
        page.locator(f'input[name="rating-{name}"][value="{value}"]').check()
    page.locator('main form[action="/training/profile/rating/"] button[type=submit]').click()
    expect(page).to_have_url(site("/training/profile/"))
    expect(page.locator("main")).to_contain_text(in_language("sv", "Your self-rating is saved."))
    check_page(page, "sv")
    page.locator("#id_goal-equality").fill(GOAL)
    page.locator('main form[action="/training/profile/goals/"] button[type=submit]').click()
    expect(page.locator("main")).to_contain_text(in_language("sv", "Your goals are saved."))
    expect(page.locator("#id_goal-equality")).to_have_value(GOAL)
    rating = SelfRating.objects.get(user=cast.bob)
    assert (rating.inclusion, rating.learning, rating.equality, rating.support) == (3, 4, 2, 3)
    assert DevelopmentGoal.objects.get(user=cast.bob).text == GOAL

    # The same pages in Arabic, right to left on the phone.
    choose_language(page, "ar")
    page.goto(site("/training/profile/"))
    check_page(page, "ar")
    page.goto(site("/training/"))
    check_page(page, "ar")
    expect(page.locator("main")).to_contain_text(PLACE)


def test_the_coordinator_moves_then_cancels_a_meeting_and_the_mentor_sees_it(
    site: Site, context: BrowserContext, page: Page
) -> None:
    from datetime import datetime

    from smile.training import services

    cast = site.cast
    page.set_viewport_size({"width": 390, "height": 844})
    day = timezone.localdate() + timedelta(days=10)
    meeting = services.network_meeting_schedule(
        actor=cast.alice,
        programme=cast.programme,
        starts_at=timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=14))),
        themes=["equality"],
        place=PLACE,
    )

    # The coordinator moves it to another room, then cancels it, in Swedish on the phone.
    as_user(site, context, page, cast.alice, "sv")
    page.goto(site(f"/training/programmes/{cast.programme.pk}/"))
    page.locator(f'main a[href="/training/network/{meeting.pk}/change/"]').click()
    check_page(page, "sv")
    expect(page.locator("#id_place")).to_have_value(PLACE)
    page.locator("#id_place").fill("Biblioteket")
    page.locator('input[name=themes][value="inclusion"]').check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site(f"/training/programmes/{cast.programme.pk}/"))
    expect(page.locator("main")).to_contain_text(
        in_language("sv", "The network meeting is changed. The mentors are told.")
    )
    expect(page.locator("main")).to_contain_text("Biblioteket")
    check_page(page, "sv")
    page.locator(f'main a[href="/training/network/{meeting.pk}/cancel/"]').click()
    check_page(page, "sv")
    page.locator("#id_reason").fill("Många är sjuka")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text(
        in_language("sv", "The network meeting is cancelled. The mentors are told.")
    )
    expect(page.locator("main")).to_contain_text("Många är sjuka")
    check_page(page, "sv")
    meeting.refresh_from_db()
    assert meeting.place == "Biblioteket"
    assert meeting.cancel_reason == "Många är sjuka"
    events = sorted(
        Notification.objects.filter(recipient=cast.bob).values_list("params__event", flat=True)
    )
    assert events == ["network_cancelled", "network_changed", "network_meeting"]
    log_out(page)

    # The mentor sees it cancelled, with the reason, in Arabic on the phone.
    as_user(site, context, page, cast.bob, "ar")
    page.goto(site("/training/"))
    check_page(page, "ar")
    row = page.locator("main table tr", has_text="Biblioteket")
    expect(row).to_contain_text(in_language("ar", "Cancelled"))
    expect(row).to_contain_text("Många är sjuka")
