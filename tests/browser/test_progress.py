"""Progress at a glance in the browser: the teacher opens her class (Swedish, on a desktop) and
sorts it by status; the adept opens her progress (Arabic, on a phone), where the chart and its
table fit the screen and the chart is mirrored."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from smile.learning.tests.progress_fixtures import (
    curriculum,
    give_plan,
    hold_review,
    log_practice,
    start,
)
from tests.browser.conftest import DESKTOP, PHONE, Site
from tests.browser.helpers import as_user, check_page, in_language, log_out, screenshot

pytestmark = pytest.mark.browser


def test_the_class_overview_and_the_adepts_progress(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    today = timezone.localdate()
    objectives = curriculum(cast)
    dana = start(cast.dana_enrolment, today - timedelta(days=50))
    give_plan(
        dana,
        objectives,
        [3, 2, 1, 0],
        targets=[today + timedelta(days=50)] * 3 + [today - timedelta(days=2)],
    )
    log_practice(dana, today)
    hold_review(dana, today - timedelta(days=7))
    erin = start(cast.erin_enrolment, today - timedelta(days=50))
    give_plan(erin, objectives, [3, 3, 2], targets=today + timedelta(days=50))

    # Tess opens "My class" and its progress, on a desktop, in Swedish.
    page.set_viewport_size({"width": DESKTOP["width"], "height": DESKTOP["height"]})
    as_user(site, context, page, cast.tess, "sv")
    page.goto(site("/home/teacher/"))
    card = page.locator("section[aria-labelledby=progress-home-heading]")
    expect(card).to_contain_text(f"{in_language('sv', 'Behind')}: 1")
    card.get_by_role("link", name=in_language("sv", "See the progress of my class")).click()
    expect(page).to_have_url(site("/learning/progress/"))
    rows = page.locator("tbody tr[data-status]")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Dana Darwish")
    check_page(page, "sv")
    screenshot(page, "progress-class-sv-desktop")
    page.get_by_role("link", name=in_language("sv", "Sort by status")).click()
    expect(page).to_have_url(site("/learning/progress/?sort=status"))
    expect(rows.nth(0)).to_have_attribute("data-status", "behind")
    expect(rows.nth(0)).to_contain_text(in_language("sv", "Behind"))
    expect(rows.nth(1)).to_have_attribute("data-status", "ahead")
    check_page(page, "sv")
    log_out(page)

    # Dana opens her progress on a phone, in Arabic.
    page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site(f"/learning/adepts/{dana.pk}/"))
    panel = page.locator("section[aria-labelledby=progress-heading]")
    expect(panel).to_contain_text(in_language("ar", "Behind"))
    chart = panel.locator("svg.chart[role=img]").first
    expect(chart).to_be_visible()
    table = panel.locator("table").first
    expect(table).to_be_visible()
    width = page.evaluate("window.innerWidth")
    for box in (chart.bounding_box(), table.bounding_box()):
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    # Mirrored: her bar starts at the right end of the chart.
    chart_box = chart.bounding_box()
    bar_box = chart.locator("g[data-key=independent] rect").bounding_box()
    assert chart_box is not None and bar_box is not None
    assert abs((bar_box["x"] + bar_box["width"]) - (chart_box["x"] + chart_box["width"] - 1)) < 1.5
    check_page(page, "ar")
    screenshot(page, "progress-adept-ar-phone")
