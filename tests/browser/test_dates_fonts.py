"""A Tigrinya page names months in Tigrinya and draws its text with the Ethiopic font SMILE
serves; an Arabic page with the Arabic font; a Swedish page downloads neither."""

from datetime import date
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Response, ViewportSize, expect

from tests.browser.conftest import PHONE, Site
from tests.browser.helpers import as_user, check_console, check_page, watch_console

pytestmark = pytest.mark.browser

# After the fonts a page needs have loaded: each web font face the page knows, and its status.
FACES_SCRIPT = """async () => {
  await document.fonts.ready;
  return [...document.fonts].map(
    (face) => [face.family.replace(/"/g, ''), face.weight, face.status]);
}"""


# Every refusal by the Content-Security-Policy, as the page sees it.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
});
"""


def rendered_fonts(page: Page, selector: str) -> list[dict[str, Any]]:
    """The fonts the browser really drew the element's text with (not only the CSS wish)."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts: list[dict[str, Any]] = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})[
        "fonts"
    ]
    session.detach()
    return fonts


def font_downloads(page: Page) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []

    def on_response(response: Response) -> None:
        if "/static/fonts/" in response.url:
            found.append((response.url.rsplit("/", 1)[-1], response.status))

    page.on("response", on_response)
    return found


def open_adept_home(
    site: Site, context: BrowserContext, page: Page, language: str
) -> list[tuple[str, int]]:
    """Dana's home in `language`, her enrolment ending 7 December 2026, checked by check_page;
    returns the font files the page downloads (filled as they come)."""
    cast = site.cast
    cast.dana_enrolment.ends_on = date(2026, 12, 7)
    cast.dana_enrolment.save(update_fields=["ends_on"])
    downloads = font_downloads(page)
    as_user(site, context, page, cast.dana, language)
    response = page.goto(site("/home/adept/"))
    assert response is not None and response.status == 200
    check_page(page, language)
    return downloads


def test_a_tigrinya_page_shows_tigrinya_months_in_the_served_font(
    site: Site, context: BrowserContext, page: Page
) -> None:
    downloads = open_adept_home(site, context, page, "ti")

    # The start (10 August) and the end (7 December) with their Ge'ez month names.
    expect(page.locator("main dd", has_text="2026").first).to_have_text("10 ነሓ 2026")
    expect(page.locator("main dd", has_text="ታሕ")).to_have_text("7 ታሕ 2026")

    faces = page.evaluate(FACES_SCRIPT)
    assert ["Noto Sans Ethiopic", "400", "loaded"] in faces
    assert not [face for face in faces if face[0] == "Noto Sans Arabic"]
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"Noto Sans Ethiopic"')
    drawn = rendered_fonts(page, "main h1")
    assert [font["familyName"] for font in drawn if font["isCustomFont"]] == ["Noto Sans Ethiopic"]
    assert ("noto-sans-ethiopic-400.woff2", 200) in downloads


def test_an_arabic_page_shows_arabic_months_in_the_served_font(
    site: Site, context: BrowserContext, page: Page
) -> None:
    downloads = open_adept_home(site, context, page, "ar")

    expect(page.locator("main dd", has_text="ديسمبر")).to_have_text("7 ديسمبر 2026")
    faces = page.evaluate(FACES_SCRIPT)
    assert ["Noto Sans Arabic", "400", "loaded"] in faces
    drawn = rendered_fonts(page, "main h1")
    assert [font["familyName"] for font in drawn if font["isCustomFont"]] == ["Noto Sans Arabic"]
    assert ("noto-sans-arabic-400.woff2", 200) in downloads
    assert not [name for name, _status in downloads if "ethiopic" in name]


def test_a_swedish_page_downloads_no_web_font(
    site: Site, context: BrowserContext, page: Page
) -> None:
    downloads = open_adept_home(site, context, page, "sv")

    expect(page.locator("main dd", has_text="dec.")).to_have_text("7 dec. 2026")
    assert page.evaluate(FACES_SCRIPT) == []
    assert downloads == []


@pytest.mark.parametrize(
    ("language", "family"), [("ti", "Noto Sans Ethiopic"), ("prs", "Noto Sans Arabic")]
)
def test_the_fonts_load_under_the_content_security_policy(
    site: Site, browser: Browser, language: str, family: str
) -> None:
    # The other browser tests bypass the policy (for axe); a person's browser keeps it.
    phone = ViewportSize(width=PHONE["width"], height=PHONE["height"])
    context = browser.new_context(bypass_csp=False, viewport=phone, locale="sv-SE")
    context.add_init_script(RECORD_VIOLATIONS)
    context.add_cookies([{"name": "smile_language", "value": language, "url": site.url}])
    page = context.new_page()
    watch_console(page)
    downloads = font_downloads(page)
    response = page.goto(site("/accounts/login/"))
    assert response is not None and response.status == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    faces = page.evaluate(FACES_SCRIPT)
    assert [family, "400", "loaded"] in faces
    assert page.evaluate("window.__violations") == []
    assert [status for _name, status in downloads] != []
    assert {status for _name, status in downloads} == {200}
    check_console(page)
    context.close()
