"""Onboarding for the manager: Mona sees the completion of her workplaces, a checklist and a
language support page, on a 390 px phone in Swedish and Arabic (axe, language, direction, width).
The checklist ticked off by mentor and adept is in test_inclusion_equality.py."""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_the_managers_pages_in_swedish_and_arabic(
    site: Site, context: BrowserContext, page: Page, language: str
) -> None:
    cast = site.cast
    page.set_viewport_size({"width": 390, "height": 844})
    as_user(site, context, page, cast.mona, language)
    page.locator('main a[href="/inclusion/workplaces/"]').click()
    expect(page).to_have_url(site("/inclusion/workplaces/"))
    check_page(page, language)
    page.locator(f'main a[href="/inclusion/workplaces/{cast.moulding.pk}/"]').click()
    check_page(page, language)
    page.goto(site(f"/inclusion/checklists/{cast.dana_enrolment.pk}/"))
    check_page(page, language)
    page.goto(site(f"/inclusion/languages/{cast.dana_enrolment.pk}/"))
    check_page(page, language)
