"""Alice, the programme's coordinator, reads the fair figures on her phone (390 px) in Swedish and
in Arabic: the numbers equal those worked out by hand from the adepts the test made, a group of 4
is hidden together with the group that would give it away, the page passes axe and prints without
the header. Dana finds the statistics question on her privacy page and answers it in Arabic."""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from smile.equality.models import StatisticsConsent
from smile.equality.tests.figurework import build_figures
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, in_language, log_out

pytestmark = pytest.mark.browser

# By hand (see build_figures): women 6, men 7, non-binary 4 (hidden: fewer than 5), not stated 5
# (hidden: 22 - 6 - 7 - 5 would give the 4), all 22.
EXPECTED_ADEPTS = {"women": "6", "men": "7", "all": "22"}


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_the_coordinator_reads_the_fair_figures_on_a_phone(
    site: Site, context: BrowserContext, page: Page, language: str
) -> None:
    cast = site.cast
    build_figures(cast)
    as_user(site, context, page, cast.alice, language)
    page.goto(site("/"))
    page.get_by_role("link", name=in_language(language, "Fair figures")).first.click()
    expect(page).to_have_url(site("/equality/figures/"))
    check_page(page, language)
    table = page.locator("section.figures", has_text="Gjuterivägen").locator("table")
    adepts = table.locator("tbody tr").first
    cells = adepts.locator("td")
    hidden = in_language(language, "hidden")
    assert cells.nth(0).inner_text().strip() == EXPECTED_ADEPTS["women"]
    assert cells.nth(1).inner_text().strip() == EXPECTED_ADEPTS["men"]
    assert hidden in cells.nth(2).inner_text()  # non-binary: 4
    assert hidden in cells.nth(3).inner_text()  # not stated: its complement
    assert cells.nth(4).inner_text().strip() == EXPECTED_ADEPTS["all"]
    body = page.locator("main").inner_text()
    assert "Dana" not in body and "Figur " not in body
    # On paper: the figures and why some are hidden, without the header and the screen's links.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator('main a[href="/equality/figures/consent/"]')).to_be_hidden()
    expect(table).to_be_visible()
    expect(page.locator("#about-heading")).to_be_visible()
    page.emulate_media(media="screen")
    log_out(page)


def test_the_adept_answers_the_question_in_arabic(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    as_user(site, context, page, cast.dana, "ar")
    # From her privacy page ("who has seen my information"), where her choices are.
    page.goto(site("/privacy/access-log/"))
    check_page(page, "ar")
    page.get_by_role(
        "link", name=in_language("ar", "Counting your gender in equality statistics")
    ).click()
    expect(page).to_have_url(site("/equality/figures/consent/"))
    check_page(page, "ar")
    page.get_by_label(in_language("ar", "Yes, count my gender")).check()
    page.get_by_role("button", name=in_language("ar", "Save my answer")).click()
    check_page(page, "ar")
    assert StatisticsConsent.objects.get(user=cast.dana).gender_counted is True
    log_out(page)
