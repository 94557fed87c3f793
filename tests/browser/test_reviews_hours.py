"""A three-party review and a day of hours in the browser, on a 360 px phone: the teacher plans
a review for dana (the agenda comes from her plan), writes it down and signs in Swedish; bob signs
in Swedish; dana signs in Arabic and adds her hours for a day. Every page is accessible, in the
language, and fits the phone.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from smile.learning.models import HoursEntry, Review, ReviewStatus
from smile.learning.tests.reviews_fixtures import dana_plan
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, in_language, screenshot

pytestmark = pytest.mark.browser


def test_a_review_is_planned_held_and_signed_by_three_and_dana_adds_hours(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    today = timezone.localdate()
    dana_plan(cast, today)
    adept_path = f"/learning/adepts/{cast.dana_enrolment.pk}/"

    # Tess plans the review from dana's learning page; the agenda is her plan.
    as_user(site, context, page, cast.tess, "sv")
    page.goto(site(adept_path))
    check_page(page, "sv")
    page.locator(f'a[href="{adept_path}reviews/new/"]').click()
    agenda = page.locator("textarea[name=agenda]")
    expect(agenda).to_contain_text("M2 Läsa en ritning")
    expect(page.locator("input[name=scheduled_for]")).not_to_have_value("")
    check_page(page, "sv")
    screenshot(page, "review-schedule-sv-phone")
    page.locator("input[name=scheduled_for]").fill(f"{today.isoformat()}T08:00")
    page.locator("main form button[type=submit]").click()
    review = Review.objects.get()
    expect(page).to_have_url(site(f"/learning/reviews/{review.pk}/"))
    check_page(page, "sv")

    # She writes it down and signs as the teacher.
    page.locator("textarea[name=notes]").fill("Mätningen går bra, ritningar är svåra.")
    page.locator("textarea[name=next_steps]").fill("Öva ritningsläsning med Bob varje fredag.")
    page.locator("#hold button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Öva ritningsläsning med Bob varje fredag.")
    check_page(page, "sv")
    page.locator(f'form[action="/learning/reviews/{review.pk}/sign/"] button').click()
    expect(page.locator(f'form[action="/learning/reviews/{review.pk}/sign/"]')).to_have_count(0)
    check_page(page, "sv")

    # Bob signs as the mentor.
    context.clear_cookies()
    as_user(site, context, page, cast.bob, "sv")
    page.goto(site(f"/learning/reviews/{review.pk}/"))
    check_page(page, "sv")
    page.locator(f'form[action="/learning/reviews/{review.pk}/sign/"] button').click()
    expect(page.locator(f'form[action="/learning/reviews/{review.pk}/sign/"]')).to_have_count(0)

    # Dana, in Arabic, finds the review waiting for her on her home and signs it last.
    context.clear_cookies()
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/home/adept/"))
    panel = page.locator("section[aria-labelledby=reviews-home-heading]")
    expect(panel).to_contain_text(in_language("ar", "Waiting for your signature"))
    check_page(page, "ar")
    panel.locator(f'a[href="/learning/reviews/{review.pk}/"]').click()
    check_page(page, "ar")
    screenshot(page, "review-sign-ar-phone")
    page.locator(f'form[action="/learning/reviews/{review.pk}/sign/"] button').click()
    expect(page.locator("main")).to_contain_text(
        in_language("ar", "Signed by all three. It cannot be changed any more.")
    )
    check_page(page, "ar")
    review.refresh_from_db()
    assert review.status == ReviewStatus.SIGNED
    assert review.signatures.count() == 3

    # She adds her hours for a day at work.
    page.goto(site("/learning/hours/"))
    check_page(page, "ar")
    page.locator("input[name=day]").fill(today.isoformat())
    page.locator("input[name=kind][value=workplace]").check()
    page.locator("input[name=starts_at]").fill("08:00")
    page.locator("input[name=ends_at]").fill("12:30")
    page.locator("section[aria-labelledby=hours-add-heading] button[type=submit]").click()
    expect(page.locator("main .hours-days")).to_contain_text("08:00–12:30")
    check_page(page, "ar")
    screenshot(page, "hours-ar-phone")
    added = HoursEntry.objects.get()
    assert (added.enrolment, added.day, added.minutes) == (cast.dana_enrolment, today, 270)
