"""A coordinator's day, in Swedish and in Arabic: every page on the way is accessible."""

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.browser.conftest import Site
from tests.browser.helpers import check_page, log_in, screenshot, set_language_cookie

pytestmark = pytest.mark.browser


def check_field_error(page: Page, name: str) -> Locator:
    """The field is marked invalid, and its visible error is tied to it for screen readers."""
    control = page.locator(f"main form [name={name}]")
    expect(control).to_have_attribute("aria-invalid", "true")
    described_by = control.get_attribute("aria-describedby") or ""
    errors = page.locator(f"main form .field.has-error:has([name={name}]) .errorlist")
    expect(errors).to_be_visible()
    error_id = errors.get_attribute("id")
    assert error_id, f"the error list of {name} has no id to be referred to"
    assert error_id in described_by.split(), (
        f"{name}: aria-describedby={described_by!r} does not name the error list {error_id!r}"
    )
    return errors


def fill_programme_with_dates_in_wrong_order(page: Page) -> None:
    page.locator("main form [name=name]").fill("Svetsvägen")
    page.locator("main form [name=description]").fill("Svetsning för nyanlända")
    page.locator("main form [name=starts_on]").fill("2026-09-01")
    page.locator("main form [name=ends_on]").fill("2026-08-01")
    page.locator("main form button[type=submit]").click()


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_coordinator_flow(site: Site, context: BrowserContext, page: Page, language: str) -> None:
    cast = site.cast
    cast.alice.preferred_language = language
    cast.alice.save(update_fields=["preferred_language"])
    set_language_cookie(context, site.url, language)
    log_in(page, site.url, cast.alice, language, check=False)
    expect(page).to_have_url(site("/home/coordinator/"))

    # Programmes, and the programme.
    page.locator('nav a[href="/programmes/"]').click()
    expect(page).to_have_url(site("/programmes/"))
    check_page(page, language)
    page.get_by_role("link", name=cast.programme.name).click()
    expect(page).to_have_url(site(f"/programmes/{cast.programme.pk}/"))
    expect(page.locator("h1")).to_have_text(cast.programme.name)
    expect(page.get_by_role("rowheader", name=cast.dana.full_name)).to_be_visible()
    check_page(page, language)
    if language == "ar":
        screenshot(page, f"programme-{language}-phone")

    # A new programme: sent empty, the form says what is missing, next to each field.
    page.locator('nav a[href="/programmes/"]').click()
    page.locator('main a.button[href="/programmes/new/"]').click()
    expect(page).to_have_url(site("/programmes/new/"))
    check_page(page, language)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site("/programmes/new/"))
    expect(page.locator("main .errorsummary[role=alert]")).to_be_visible()
    for name in ("name", "starts_on", "ends_on"):
        check_field_error(page, name)
    screenshot(page, f"programme-new-errors-{language}-phone")
    check_page(page, language)

    # Dates in the wrong order: an error is shown, and nothing typed is lost.
    fill_programme_with_dates_in_wrong_order(page)
    expect(page).to_have_url(site("/programmes/new/"))
    expect(page.locator("main .errorsummary[role=alert]")).to_be_visible()
    expect(page.locator("main .errorsummary[role=alert]")).not_to_be_empty()
    expect(page.locator("main form [name=name]")).to_have_value("Svetsvägen")
    expect(page.locator("main form [name=description]")).to_have_value("Svetsning för nyanlända")
    expect(page.locator("main form [name=starts_on]")).to_have_value("2026-09-01")
    expect(page.locator("main form [name=ends_on]")).to_have_value("2026-08-01")
    check_page(page, language)

    # Organisations, the foundry, and a new workplace there.
    page.locator('nav a[href="/organisations/"]').click()
    expect(page).to_have_url(site("/organisations/"))
    check_page(page, language)
    page.get_by_role("link", name=cast.foundry.name).click()
    expect(page).to_have_url(site(f"/organisations/{cast.foundry.pk}/"))
    check_page(page, language)
    page.locator(f'main a[href="/organisations/{cast.foundry.pk}/workplaces/new/"]').click()
    expect(page).to_have_url(site(f"/organisations/{cast.foundry.pk}/workplaces/new/"))
    check_page(page, language)
    page.locator("main form [name=name]").fill("Kärnmakeriet")
    page.locator("main form [name=trade]").fill("Gjuteri")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site(f"/organisations/{cast.foundry.pk}/"))
    expect(page.locator("main .messages")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Kärnmakeriet")).to_be_visible()

    # Invite a mentor to the foundry.
    page.locator('nav a[href="/accounts/invitations/"]').click()
    expect(page).to_have_url(site("/accounts/invitations/"))
    check_page(page, language)
    form = page.locator("main form.stack")
    form.locator("[name=full_name]").fill("Fatima Farah")
    form.locator("[name=email]").fill("fatima@gjuteri.example")
    form.locator("[name=organisation]").select_option(str(cast.foundry.pk))
    form.locator("[name=role]").select_option("mentor")
    form.locator("[name=workplace]").select_option(str(cast.moulding.pk))
    form.locator("[name=language]").select_option(language)
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(site("/accounts/invitations/"))
    message = page.locator("main .messages[role=status]")
    expect(message).to_be_visible()
    expect(message).to_contain_text("fatima@gjuteri.example")
    row = page.get_by_role("row").filter(has_text="fatima@gjuteri.example")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Fatima Farah")
    expect(row).to_contain_text(cast.foundry.name)
    screenshot(page, f"invitations-{language}-phone")
    check_page(page, language)


def test_programme_dates_in_wrong_order_are_explained_at_the_end_date(
    site: Site, context: BrowserContext, page: Page
) -> None:
    set_language_cookie(context, site.url, "sv")
    log_in(page, site.url, site.cast.alice, "sv", check=False)
    page.goto(site("/programmes/new/"))
    fill_programme_with_dates_in_wrong_order(page)
    expect(page).to_have_url(site("/programmes/new/"))
    expect(page.locator("main")).not_to_contain_text("programme_ends_after_start", timeout=1000)
    errors = check_field_error(page, "ends_on")
    expect(errors).not_to_be_empty()
