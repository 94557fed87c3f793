"""The pages keep to their own Content-Security-Policy: nothing the browser refuses, no error in
its console. The other browser tests bypass the policy (so that axe can run), which would hide
a refused inline style or script; this one keeps it, as a person's browser does."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, expect

from tests.browser.conftest import PHONE, Site
from tests.browser.helpers import check_console, log_in, log_out, watch_console

pytestmark = pytest.mark.browser

# Every refusal by the policy, as the page itself sees it (the event the browser fires).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
});
"""


@pytest.fixture
def strict_page(browser: Browser) -> Iterator[Page]:
    phone = ViewportSize(width=PHONE["width"], height=PHONE["height"])
    context: BrowserContext = browser.new_context(bypass_csp=False, viewport=phone, locale="sv-SE")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    watch_console(page)
    yield page
    context.close()


def check_no_violation(page: Page) -> None:
    expect(page.locator("main")).to_be_visible()
    # htmx starts when the page is loaded; its work (and any refusal) is done by then. (Waited
    # for without `wait_for_function`, whose polling evaluates a string: the policy forbids eval.)
    page.wait_for_load_state("load")
    assert page.evaluate("window.htmx !== undefined") is True, page.url
    assert page.evaluate("window.__violations") == [], page.url
    check_console(page)


def test_the_pages_keep_to_their_policy(site: Site, strict_page: Page) -> None:
    page = strict_page
    cast = site.cast
    response = page.goto(site("/accounts/login/"))
    assert response is not None
    assert "style-src 'self'" in response.headers["content-security-policy"]
    check_no_violation(page)

    # An adept's home.
    log_in(page, site.url, cast.dana, "sv", check=False)
    expect(page).to_have_url(site("/home/adept/"))
    check_no_violation(page)
    log_out(page)
    check_no_violation(page)

    # A mentor's home and his pair; htmx runs on every page.
    log_in(page, site.url, cast.bob, "sv", check=False)
    expect(page).to_have_url(site("/home/mentor/"))
    check_no_violation(page)
    page.goto(site(f"/matching/pairs/{cast.pair.pk}/"))
    check_no_violation(page)

    # The coordinator's matching page, whose progress htmx polls for.
    log_out(page)
    log_in(page, site.url, cast.alice, "sv", check=False)
    page.goto(site(f"/matching/programmes/{cast.programme.pk}/"))
    check_no_violation(page)


def test_the_indicator_styles_come_from_the_stylesheet(site: Site, strict_page: Page) -> None:
    page = strict_page
    page.goto(site("/accounts/login/"))
    check_no_violation(page)
    assert page.evaluate("document.querySelectorAll('head style').length") == 0
    hidden = page.evaluate(
        """() => {
          const element = document.createElement('span');
          element.className = 'htmx-indicator';
          document.body.append(element);
          const before = getComputedStyle(element).visibility;
          document.body.classList.add('htmx-request');
          const during = getComputedStyle(element).visibility;
          return [before, during];
        }"""
    )
    assert hidden == ["hidden", "visible"]
