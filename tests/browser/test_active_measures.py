"""Mona, the foundry's manager, works a year's active measures on her phone in Swedish; Alice,
the programme's coordinator, reads them. Every page is checked (axe, language, 390 px)."""

from datetime import date

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from smile.equality.measures import services
from smile.equality.models import Measure, MeasureCycle
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, log_out

pytestmark = pytest.mark.browser


def test_the_manager_works_active_measures_on_a_phone_in_swedish(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    as_user(site, context, page, cast.mona, "sv")
    page.goto(site("/equality/measures/"))
    check_page(page, "sv")
    page.locator("#id_workplace").select_option(str(cast.moulding.pk))
    page.locator("#id_year").fill("2026")
    page.get_by_role("button", name="Påbörja arbetet").click()
    cycle = MeasureCycle.objects.get()
    expect(page).to_have_url(site(f"/equality/measures/{cycle.pk}/"))
    check_page(page, "sv")

    page.locator("#id_risk_ethnicity_recruitment").check()
    page.locator("#id_note_ethnicity_recruitment").fill("Vi rekryterar bara via kontakter.")
    page.get_by_role("button", name="Spara undersökningen").click()
    page.get_by_role("button", name="Gå vidare till: Analysera orsaker").click()
    expect(page.locator("#status-heading")).to_contain_text("Analysera orsaker")
    page.get_by_label("Etnisk tillhörighet – Rekrytering och befordran").fill(
        "Lediga jobb sprids bara muntligt."
    )
    page.get_by_role("button", name="Spara orsakerna").click()
    page.get_by_role("button", name="Gå vidare till: Vidta åtgärder").click()

    page.locator("#id_title").fill("Annonsera alla jobb öppet")
    page.locator("#id_owner").select_option(str(cast.mona.pk))
    page.locator("#id_due_on").fill("2027-03-01")
    page.get_by_role("button", name="Lägg till åtgärden").click()
    expect(page.locator("#measures-caption")).to_be_visible()
    check_page(page, "sv")
    assert Measure.objects.get().title == "Annonsera alla jobb öppet"
    log_out(page)

    as_user(site, context, page, cast.alice, "sv")
    page.goto(site(f"/equality/measures/{cycle.pk}/"))
    expect(page.locator("#status-heading")).to_contain_text("Vidta åtgärder")
    expect(page.get_by_role("button", name="Spara undersökningen")).to_have_count(0)
    check_page(page, "sv")


def test_the_manager_reads_active_measures_right_to_left_in_arabic(
    site: Site, context: BrowserContext, page: Page
) -> None:
    """The same pages in Arabic on a 390 px phone (staff pages: their own words may still be
    Swedish or English, but the layout is mirrored and nothing is wider than the screen)."""
    cast = site.cast
    cycle = services.cycle_start(workplace=cast.moulding, by=cast.mona, year=2026)
    services.cycle_advance(cycle=cycle, by=cast.mona)
    services.cycle_advance(cycle=cycle, by=cast.mona)
    services.measure_add(
        cycle=cycle,
        by=cast.mona,
        title="Annonsera alla jobb öppet",
        owner=cast.mona,
        due_on=date(2027, 3, 1),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    as_user(site, context, page, cast.mona, "ar")
    page.goto(site("/equality/measures/"))
    check_page(page, "ar")
    page.locator(f'main a[href="/equality/measures/{cycle.pk}/"]').click()
    expect(page).to_have_url(site(f"/equality/measures/{cycle.pk}/"))
    expect(page.locator("#measures-caption")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Annonsera alla jobb öppet")
    check_page(page, "ar")
