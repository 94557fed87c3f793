"""What the browser tests do over and over: log in, check accessibility, direction and width."""

import base64
import os
import re
from dataclasses import dataclass, field
from typing import Protocol
from weakref import WeakKeyDictionary

from django.utils import translation
from django.utils.functional import Promise
from django_otp.oath import TOTP
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Response, expect

from smile.accounts.models import User
from tests.cast import PASSWORD, TOTP_SECRET

# WCAG 2.1 level A and AA, and axe's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
RTL_LANGUAGES = {"ar", "fa", "prs"}


def screenshot(page: Page, name: str) -> None:
    """Save a full-page picture to look at, when SMILE_SCREENSHOTS names a folder."""
    folder = os.environ.get("SMILE_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def totp_code() -> str:
    token = TOTP(base64.b32decode(TOTP_SECRET)).token()
    return f"{token:06d}"


def check_axe(page: Page) -> None:
    """axe-core finds no WCAG 2.1 AA (or best-practice) violation on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"axe on {page.url}:\n{results.generate_report()}"


def check_language(page: Page, language: str) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", language)
    expect(html).to_have_attribute("dir", "rtl" if language in RTL_LANGUAGES else "ltr")
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == ("rtl" if language in RTL_LANGUAGES else "ltr")


# The innermost elements that stick out of the screen, to say what makes a page too wide.
WIDE_ELEMENTS_SCRIPT = """() => {
  const wide = [...document.body.querySelectorAll('*')].filter((element) => {
    const box = element.getBoundingClientRect();
    const outside = box.right > window.innerWidth + 1 || box.left < -1;
    // Content of a box that scrolls by itself (a wide table) does not widen the page,
    // unless it is positioned outside that box.
    const scroller = element.parentElement && element.parentElement.closest('.table-wrap');
    const positioned = ['absolute', 'fixed'].includes(getComputedStyle(element).position);
    return outside && (!scroller || positioned);
  });
  return wide
    .filter((element) => !wide.some((other) => other !== element && element.contains(other)))
    .slice(0, 10)
    .map((element) => element.tagName.toLowerCase()
      + (element.className ? '.' + String(element.className).replace(/ /g, '.') : '')
      + ' ' + JSON.stringify(element.textContent.trim().slice(0, 40)));
}"""


def check_mirrored(page: Page, language: str) -> None:
    """Right to left mirrors the layout: the brand and the skip link sit at the right."""
    width = page.evaluate("window.innerWidth")
    brand = page.locator(".site-header .brand").bounding_box()
    assert brand is not None
    brand_middle = brand["x"] + brand["width"] / 2
    if language in RTL_LANGUAGES:
        assert brand_middle > width / 2, f"the brand is not at the right: {brand}"
    else:
        assert brand_middle < width / 2, f"the brand is not at the left: {brand}"
    # On a freshly loaded page (no autofocus), the first Tab reaches the skip link, which then
    # shows at the start of the line; following it moves the focus to the main content.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    box = skip.bounding_box()
    assert box is not None
    if language in RTL_LANGUAGES:
        assert box["x"] + box["width"] > width / 2, f"the skip link is not at the right: {box}"
    else:
        assert box["x"] < width / 2, f"the skip link is not at the left: {box}"
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def check_fits_width(page: Page) -> None:
    """No sideways scrolling of the whole page (wide tables scroll inside their own box)."""
    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    if widths["scroll"] > widths["inner"]:
        culprits = page.evaluate(WIDE_ELEMENTS_SCRIPT)
        raise AssertionError(f"{page.url} is wider than the screen: {widths}; too wide: {culprits}")


@dataclass
class ConsoleWatch:
    """What the browser said went wrong on a page: console errors and uncaught exceptions."""

    errors: list[tuple[str, str]] = field(default_factory=list)  # (text, where)
    # Pages that answered with an error status on purpose (a 404 page, a lock-out): the browser
    # logs "Failed to load resource" for them, and the test checks that status itself.
    error_documents: set[str] = field(default_factory=set)

    def problems(self) -> list[str]:
        return [
            f"{text} (at {where})"
            for text, where in self.errors
            if not (text.startswith("Failed to load resource") and where in self.error_documents)
        ]


_WATCHES: "WeakKeyDictionary[Page, ConsoleWatch]" = WeakKeyDictionary()


def watch_console(page: Page) -> ConsoleWatch:
    """Collect the page's console errors and uncaught exceptions from now on (once per page)."""
    if page in _WATCHES:
        return _WATCHES[page]
    watch = ConsoleWatch()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watch.errors.append((message.text, message.location.get("url", "")))

    def on_response(response: Response) -> None:
        if response.status >= 400 and response.request.is_navigation_request():
            watch.error_documents.add(response.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: watch.errors.append((f"uncaught {error}", page.url)))
    page.on("response", on_response)
    _WATCHES[page] = watch
    return watch


def check_console(page: Page) -> None:
    """The browser reported no error (a script failing, a resource refused by the CSP, a missing
    file) on this page or the pages before it; each error is reported once."""
    watch = _WATCHES.get(page)
    if watch is None:
        return
    problems = watch.problems()
    watch.errors.clear()
    assert not problems, f"the browser reported errors up to {page.url}:\n" + "\n".join(problems)


def check_page(page: Page, language: str) -> None:
    """Everything every page must be: accessible, in the language, as narrow as the screen, and
    without an error in the browser's console."""
    check_language(page, language)
    check_fits_width(page)
    check_axe(page)
    check_console(page)


def set_language_cookie(context: BrowserContext, url: str, language: str) -> None:
    context.add_cookies([{"name": "smile_language", "value": language, "url": url}])


def choose_language(page: Page, language: str) -> None:
    """Change the language as a person does: the switcher in the header."""
    page.locator("#language-select").select_option(language)
    page.locator("form.language button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", language)


def fill_login(page: Page, user: User, password: str = PASSWORD) -> None:
    page.locator("input[name=username]").fill(user.email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()


def log_in(page: Page, base_url: str, user: User, language: str, *, check: bool = True) -> None:
    """Log in through the login form, and the second-factor page when the role needs one.

    With check, every page on the way is checked with check_page.
    """
    page.goto(base_url + "/accounts/login/")
    if check:
        check_page(page, language)
    fill_login(page, user)
    if re.search(r"/accounts/2fa/", page.url):
        if check:
            check_page(page, language)
        page.locator("input[name=token]").fill(totp_code())
        page.locator("main form.stack button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/(login|2fa)/"))


class HasUrl(Protocol):
    url: str


def in_language(language: str, text: str | Promise) -> str:
    """A sentence of the app as it reads in the language, translated or not (yet)."""
    with translation.override(language):
        return translation.gettext(text) if isinstance(text, str) else str(text)


def as_user(site: HasUrl, context: BrowserContext, page: Page, user: User, language: str) -> None:
    """Log in as the person, who prefers the language and has chosen it in this browser."""
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    set_language_cookie(context, site.url, language)
    log_in(page, site.url, user, language, check=False)


def log_out(page: Page) -> None:
    page.locator('nav form[action="/accounts/logout/"] button[type=submit]').click()
    expect(page.locator("nav form[action='/accounts/logout/']")).to_have_count(0)
