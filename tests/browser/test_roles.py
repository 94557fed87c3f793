"""Every role logs in, in Swedish and in Arabic, on a small phone: each page is accessible."""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import DESKTOP, Site
from tests.browser.helpers import (
    check_mirrored,
    check_page,
    log_in,
    screenshot,
    set_language_cookie,
)

pytestmark = pytest.mark.browser

ROLES = {
    "adept": "dana",
    "mentor": "bob",
    "teacher": "tess",
    "coordinator": "alice",
    "manager": "mona",
}
NEEDS_SECOND_FACTOR = {"coordinator", "manager"}


@pytest.mark.parametrize("language", ["sv", "ar"])
@pytest.mark.parametrize("role", list(ROLES))
def test_role_logs_in_on_a_phone(
    site: Site, context: BrowserContext, page: Page, role: str, language: str
) -> None:
    user = getattr(site.cast, ROLES[role])
    # Logging in switches to the person's own language; make it the language under test
    # (dana prefers Arabic in the cast, everyone else Swedish).
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    # The login page is shown in the language of the cookie, as after a visit with the switcher.
    set_language_cookie(context, site.url, language)

    visited: list[str] = []
    page.on("framenavigated", lambda frame: visited.append(frame.url))
    log_in(page, site.url, user, language)

    expect(page).to_have_url(site(f"/home/{role}/"))
    check_page(page, language)
    went_through_second_factor = any("/accounts/2fa/" in url for url in visited)
    assert went_through_second_factor == (role in NEEDS_SECOND_FACTOR)
    # The menu marks the home page as the current one.
    expect(page.locator(f'nav a[href="/home/{role}/"]')).to_have_attribute("aria-current", "page")
    if language == "ar" and role in {"adept", "coordinator"}:
        screenshot(page, f"home-{role}-{language}-phone")
    check_mirrored(page, language)


@pytest.mark.browser_context_args(viewport=DESKTOP)
@pytest.mark.parametrize("language", ["sv", "ar"])
def test_coordinator_logs_in_on_a_desktop(
    site: Site, context: BrowserContext, page: Page, language: str
) -> None:
    assert page.viewport_size == DESKTOP
    alice = site.cast.alice
    alice.preferred_language = language
    alice.save(update_fields=["preferred_language"])
    set_language_cookie(context, site.url, language)
    log_in(page, site.url, alice, language)
    expect(page).to_have_url(site("/home/coordinator/"))
    check_page(page, language)
    check_mirrored(page, language)
    page.locator('nav a[href="/programmes/"]').click()
    page.get_by_role("link", name=site.cast.programme.name).click()
    expect(page).to_have_url(site(f"/programmes/{site.cast.programme.pk}/"))
    check_page(page, language)
    screenshot(page, f"programme-{language}-desktop")
