"""The coordinator's list of all pairs in the browser, on a 390 px phone, in Swedish and in Arabic:
from her home to the list, filtered by status, rows stacked as cards, and on to a pair's page."""

import re
from datetime import UTC, date, datetime

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from smile.core.actor import SYSTEM
from smile.matching.models import Pair, PairEvent, PairStatus
from smile.programmes.services import enrolment_create
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, in_language, screenshot
from tests.cast import Cast, add_other_mentor, make_user

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}


def _proposal(cast: Cast) -> Pair:
    """Pia (adept) proposed to Max (mentor): a pair not under way, to be filtered out."""
    start = date(2026, 8, 10)
    mentor = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=make_user("max@gjuteri.example", "Max Mattsson"),
        role="mentor",
        workplace=cast.finishing,
        starts_on=start,
    )
    adept = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=make_user("pia@elev.example", "Pia Persson"),
        role="adept",
        workplace=cast.finishing,
        starts_on=start,
    )
    return Pair.objects.create(
        programme=cast.programme, mentor=mentor, adept=adept, status=PairStatus.PROPOSED
    )


# Written out by hand: the sentence, the name and the day as each language writes them.
PROPOSED_BY_ALICE = {
    "sv": "Alice Andersson föreslog paret den 9 aug. 2026.",
    "ar": "تم اقتراح الثنائي من قِبل Alice Andersson في 9 أغسطس 2026.",
}


@pytest.mark.parametrize("language", ["sv", "ar"])
@pytest.mark.browser_context_args(viewport=PHONE_390)
def test_the_coordinator_filters_her_pairs_and_opens_one(
    site: Site, context: BrowserContext, page: Page, language: str
) -> None:
    cast = site.cast
    add_other_mentor(cast)
    _proposal(cast)
    event = PairEvent.objects.create(
        pair=cast.pair,
        from_status=PairStatus.DRAFT,
        to_status=PairStatus.PROPOSED,
        actor=cast.alice,
    )
    PairEvent.objects.filter(pk=event.pk).update(at=datetime(2026, 8, 9, 10, tzinfo=UTC))
    assert page.viewport_size == PHONE_390
    as_user(site, context, page, cast.alice, language)

    # From her home to the list: every pair, the proposal too.
    page.goto(site("/home/coordinator/"))
    page.get_by_role("link", name=in_language(language, "All pairs"), exact=True).click()
    expect(page).to_have_url(site("/mentoring/pairs/"))
    expect(page.get_by_role("rowheader")).to_have_count(3)
    expect(page.get_by_role("rowheader", name="Pia Persson")).to_be_visible()
    check_page(page, language)
    screenshot(page, f"pairs-list-{language}-390")

    # Only the active ones.
    active = in_language(language, PairStatus.ACTIVE.label)
    page.locator("select[name=status]").select_option(label=active)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/mentoring/pairs/\?.*status=active"))
    expect(page.get_by_role("rowheader")).to_have_count(2)
    expect(page.get_by_role("rowheader", name="Pia Persson")).to_have_count(0)
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Dana Darwish"))
    expect(row).to_contain_text("Bob Berg")
    expect(row).to_contain_text(active)
    # On a phone each row is a card: its cells stack, each with its column's name.
    cell = row.locator(f'td[data-label="{in_language(language, "Mentor")}"]')
    assert cell.evaluate("element => getComputedStyle(element).display") == "block"
    check_page(page, language)
    screenshot(page, f"pairs-list-active-{language}-390")

    # The row opens the pair's page, with its history in words.
    row.get_by_role("link", name="Dana Darwish").click()
    expect(page).to_have_url(site(f"/matching/pairs/{cast.pair.pk}/"))
    history = page.locator("section[aria-labelledby=history-heading]")
    expect(history).to_contain_text(PROPOSED_BY_ALICE[language])
    expect(history.locator("bdi", has_text="Alice Andersson")).to_have_count(1)
    check_page(page, language)
    screenshot(page, f"pair-{language}-390")
