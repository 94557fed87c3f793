"""The pages around an account: profile and language, mistakes at login, password reset, 404."""

import re

import pytest
from django.core import mail
from playwright.sync_api import BrowserContext, Page, expect

from smile.accounts.models import User
from smile.core.tests.worker import run_worker
from tests.browser.conftest import Site
from tests.browser.helpers import (
    check_page,
    choose_language,
    fill_login,
    log_in,
    set_language_cookie,
)

pytestmark = pytest.mark.browser


def test_language_switcher_changes_direction_and_is_kept_on_the_profile(
    site: Site, context: BrowserContext, page: Page
) -> None:
    dana = site.cast.dana
    dana.preferred_language = "sv"
    dana.save(update_fields=["preferred_language"])
    log_in(page, site.url, dana, "sv", check=False)
    expect(page).to_have_url(site("/home/adept/"))

    page.locator('nav a[href="/accounts/profile/"]').click()
    expect(page).to_have_url(site("/accounts/profile/"))
    check_page(page, "sv")
    expect(page.locator("main [name=preferred_language]")).to_have_value("sv")

    # The switcher in the header: back on the same page, right to left, and saved on the profile.
    choose_language(page, "ar")
    expect(page).to_have_url(site("/accounts/profile/"))
    check_page(page, "ar")
    expect(page.locator("#language-select")).to_have_value("ar")
    expect(page.locator("main [name=preferred_language]")).to_have_value("ar")
    assert User.objects.get(pk=dana.pk).preferred_language == "ar"

    # Log out, forget the browser's cookies: logging in again brings Arabic back from the profile.
    page.locator("nav form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    context.clear_cookies()
    page.goto(site("/accounts/login/"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    fill_login(page, dana)
    expect(page).to_have_url(site("/home/adept/"))
    check_page(page, "ar")


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_wrong_password_is_explained_and_keeps_the_address(
    site: Site, context: BrowserContext, page: Page, language: str
) -> None:
    set_language_cookie(context, site.url, language)
    page.goto(site("/accounts/login/"))
    fill_login(page, site.cast.bob, password="not-the-password")
    expect(page).to_have_url(site("/accounts/login/"))
    expect(page.locator("main .errorsummary[role=alert]")).to_be_visible()
    expect(page.locator("main .errorsummary[role=alert]")).not_to_be_empty()
    expect(page.locator("main [name=username]")).to_have_value(site.cast.bob.email)
    expect(page.locator("main [name=password]")).to_have_value("")
    check_page(page, language)


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_password_reset(site: Site, context: BrowserContext, page: Page, language: str) -> None:
    set_language_cookie(context, site.url, language)
    page.goto(site("/accounts/login/"))
    page.locator('main a[href="/accounts/password/reset/"]').click()
    expect(page).to_have_url(site("/accounts/password/reset/"))
    check_page(page, language)

    # Sent empty: the error is shown at the field and tied to it.
    page.locator("main form button[type=submit]").click()
    email = page.locator("main form [name=email]")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(page.locator("main .field.has-error .errorlist")).to_be_visible()
    check_page(page, language)

    email.fill(site.cast.tess.email)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site("/accounts/password/reset/sent/"))
    check_page(page, language)
    # The background worker sends it.
    assert mail.outbox == []
    run_worker()
    assert [message.to for message in mail.outbox] == [[site.cast.tess.email]]


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_page_not_found(site: Site, context: BrowserContext, page: Page, language: str) -> None:
    set_language_cookie(context, site.url, language)
    response = page.goto(site("/no-such-page/"))
    assert response is not None and response.status == 404
    check_page(page, language)
    expect(page.locator('main a[href="/"]')).to_be_visible()

    # Logged in, with the menu: a role the person does not have is not found either.
    bob = site.cast.bob
    bob.preferred_language = language
    bob.save(update_fields=["preferred_language"])
    log_in(page, site.url, bob, language, check=False)
    response = page.goto(site("/home/coordinator/"))
    assert response is not None and response.status == 404
    check_page(page, language)
