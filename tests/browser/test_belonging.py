"""Belonging pulses in the browser: adepts answer in Tigrinya and Arabic on a 390 px phone, the
round closes, and the workplace's figure appears only where 5 answered (4 at Efterbehandling stay
hidden, 5 at Formning are shown) for the manager and the coordinator; every page is checked (axe,
direction, width, console) in Swedish and Arabic.
"""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from smile.accounts.models import User
from smile.belonging import services
from smile.belonging.models import PulseAnswered, PulseResponse
from smile.belonging.statements import STATEMENTS
from smile.belonging.tests.fixtures import ALL_FOURS, add_adepts, close_round, open_round
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, choose_language, in_language, log_out

pytestmark = pytest.mark.browser

HIDDEN = "Fewer than %(minimum)s answered — not shown"


def answer_in_browser(
    site: Site, context: BrowserContext, page: Page, user: User, language: str, round_pk: int
) -> None:
    as_user(site, context, page, user, language)
    page.goto(site(f"/belonging/rounds/{round_pk}/answer/"))
    check_page(page, language)
    expect(page.locator("main legend").first).to_contain_text(
        in_language(language, "I feel welcome at my workplace")
    )
    # Sending with nothing chosen: each statement says what is missing, nothing is saved.
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .error")).to_have_count(len(STATEMENTS))
    check_page(page, language)
    for statement in STATEMENTS:
        page.locator(f"label[for=id_{statement.code}_4]").click()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site("/belonging/"))
    expect(page.locator("main")).to_contain_text(
        in_language(language, "Thank you. Your answers are saved without your name.")
    )
    check_page(page, language)
    log_out(page)


def test_a_round_is_answered_on_phones_and_shown_only_from_five(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    moulding = [cast.dana, *add_adepts(cast, 4, workplace=cast.moulding, prefix="m")]
    finishing = add_adepts(cast, 4, workplace=cast.finishing, prefix="f")
    round_ = open_round()
    answer_in_browser(site, context, page, cast.dana, "ti", round_.pk)
    answer_in_browser(site, context, page, moulding[1], "ar", round_.pk)
    answer_in_browser(site, context, page, finishing[0], "ar", round_.pk)
    for person in moulding[2:] + finishing[1:]:
        services.pulse_answer(user=person, round_=round_, answers=ALL_FOURS)
    assert PulseResponse.objects.filter(workplace=cast.moulding).count() == 5
    assert PulseResponse.objects.filter(workplace=cast.finishing).count() == 4

    # While the round is open nothing is shown: a count growing live would point at people.
    as_user(site, context, page, cast.mona, "sv")
    page.goto(site(f"/belonging/workplaces/{cast.moulding.pk}/"))
    expect(page.locator("main")).to_contain_text("Ingen omgång har avslutats än.")
    check_page(page, "sv")

    close_round(round_)
    assert not PulseAnswered.objects.exists()

    for language in ("sv", "ar"):
        if language == "ar":
            choose_language(page, "ar")
        page.goto(site("/belonging/"))
        check_page(page, language)
        page.goto(site(f"/belonging/workplaces/{cast.moulding.pk}/"))
        check_page(page, language)
        expect(page.locator("main svg.chart")).to_have_count(1)
        expect(page.locator("main table.cards tbody td").first).to_have_text("5")
        expect(page.locator("main")).not_to_contain_text(
            in_language(language, HIDDEN) % {"minimum": 5}
        )
        page.goto(site(f"/belonging/workplaces/{cast.finishing.pk}/"))
        check_page(page, language)
        expect(page.locator("main svg.chart")).to_have_count(0)
        expect(page.locator("main")).to_contain_text(in_language(language, HIDDEN) % {"minimum": 5})
    log_out(page)

    as_user(site, context, page, cast.alice, "sv")
    for language in ("sv", "ar"):
        if language == "ar":
            choose_language(page, "ar")
        page.goto(site(f"/belonging/programmes/{cast.programme.pk}/"))
        check_page(page, language)
        expect(page.locator("main svg.chart")).to_have_count(1)
        expect(page.locator("main")).to_contain_text(in_language(language, HIDDEN) % {"minimum": 5})
    page.locator("main select[name=cadence_weeks]").select_option("8")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main select[name=cadence_weeks]")).to_have_value("8")
    check_page(page, "ar")
