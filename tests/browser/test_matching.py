"""Matching in the browser, in Swedish and in Arabic: a coordinator runs matching with the real
task worker, reviews and publishes the proposal, and both sides accept; every page on the way is
accessible, in the language, and fits a phone.
"""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

from smile.core.tests.worker import run_worker
from smile.matching.labels import CRITERION_LABELS
from smile.matching.models import MatchingRun, Pair, PairStatus, RunStatus
from smile.matching.tests.matching_cast import give_profiles
from tests.browser.conftest import Site
from tests.browser.helpers import (
    as_user,
    check_page,
    in_language,
    log_out,
    screenshot,
)

pytestmark = pytest.mark.browser


# The page's polling for the progress of a run.
PROGRESS = re.compile(r"/matching/programmes/\d+/progress/(\?.*)?$")


def hold_polling(page: Page) -> list[Route]:
    """Hold the page's requests for the progress of a run, until `let_polling_through`.

    The live server's database is SQLite's in-memory one, and pytest-django hands the server
    the test's own connection: the server sees the task the worker runs in this thread and what
    the run writes. But one connection must not be used by two threads at once, and the page
    must not change while axe looks at it.
    """
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route(PROGRESS, hold)
    return held


def wait_for_polling(page: Page, held: list[Route]) -> None:
    for _ in range(50):
        if held:
            return
        page.wait_for_timeout(100)
    raise AssertionError("the page does not ask for the progress of the run")


def let_polling_through(page: Page, held: list[Route]) -> None:
    for route in held:
        route.continue_()
    page.unroute(PROGRESS)


def run_the_worker() -> None:
    """The real task worker, in this process: it empties the queue, then stops."""
    run_worker()


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_matching_from_run_to_both_sides_accepting(
    site: Site, context: BrowserContext, page: Page, language: str
) -> None:
    cast = site.cast
    # Bob mentors Dana and has a second place; Erin speaks Swedish as he does, and the only
    # other mentor (Johan) speaks only Finnish, so the proposal is Erin with Bob.
    give_profiles(cast, bob_capacity=2)
    programme = cast.programme
    matching_url = f"/matching/programmes/{programme.pk}/"

    # The coordinator opens matching from the programme.
    as_user(site, context, page, cast.alice, language)
    page.goto(site(f"/programmes/{programme.pk}/"))
    page.locator(f'main a.button[href="{matching_url}"]').click()
    expect(page).to_have_url(site(matching_url))
    expect(page.locator("main")).to_contain_text(
        in_language(language, "Matching has not been run yet.")
    )
    check_page(page, language)

    # She runs matching: the page says so and shows the progress of the waiting run. (Its
    # polling waits until the worker has run, so that the page does not change under axe.)
    held = hold_polling(page)
    page.locator("section[aria-labelledby=run-heading] form button[type=submit]").click()
    expect(page).to_have_url(site(matching_url))
    expect(page.locator("main .messages[role=status]")).to_contain_text(
        in_language(language, "Matching has started. This page shows its progress.")
    )
    progress = page.locator("#run-progress progress")
    expect(progress).to_be_visible()
    expect(progress).to_have_accessible_name(in_language(language, "Progress of the matching run"))
    expect(page.locator("section[aria-labelledby=run-heading] form")).to_have_count(0)
    run = MatchingRun.objects.get(programme=programme)
    assert run.status == RunStatus.QUEUED
    check_page(page, language)
    screenshot(page, f"matching-queued-{language}-phone")

    # The worker does the run; the page, polling, reloads by itself and shows the proposal.
    expect(page.get_by_role("rowheader", name=cast.erin.full_name)).to_have_count(0)
    wait_for_polling(page, held)
    run_the_worker()
    run.refresh_from_db()
    assert (run.status, run.matched, run.error) == (RunStatus.FINISHED, 1, "")
    let_polling_through(page, held)
    proposal = page.locator("section[aria-labelledby=proposal-heading]")
    row = proposal.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=cast.erin.full_name)
    )
    expect(row).to_have_count(1, timeout=15_000)
    expect(row.get_by_role("cell").first).to_have_text(cast.bob.full_name)
    expect(page.locator("#run-progress progress")).to_have_attribute("value", "100")
    # Why: one line per criterion, in the language, with its points.
    why = row.locator("ul.breakdown li")
    expect(why).to_have_count(len(CRITERION_LABELS))
    expect(why.first).to_contain_text(in_language(language, CRITERION_LABELS["language"]))
    check_page(page, language)
    screenshot(page, f"matching-proposal-{language}-phone")

    # She publishes the proposal.
    proposal.locator('form[action$="/publish/"] button[type=submit]').click()
    expect(page).to_have_url(site(matching_url))
    expect(page.locator("main .messages[role=status]")).to_contain_text(
        in_language(language, "The proposal is published. Both sides are asked to accept.")
    )
    pair = Pair.objects.get(adept=cast.erin_enrolment, status=PairStatus.PROPOSED)
    assert pair.mentor == cast.bob_enrolment
    check_page(page, language)
    log_out(page)

    # The adept sees the proposal on her home page, opens it and accepts.
    as_user(site, context, page, cast.erin, language)
    card = page.locator("section[aria-labelledby=mentor-heading]")
    expect(card).to_contain_text(in_language(language, "We propose a mentor for you:"))
    expect(card).to_contain_text(cast.bob.full_name)
    check_page(page, language)
    card.locator(f'a.button[href="/matching/pairs/{pair.pk}/"]').click()
    expect(page).to_have_url(site(f"/matching/pairs/{pair.pk}/"))
    expect(page.locator("h1")).to_contain_text(cast.bob.full_name)
    check_page(page, language)
    screenshot(page, f"pair-adept-{language}-phone")
    page.locator("button[name=decision][value=accept]").click()
    expect(page).to_have_url(site(f"/matching/pairs/{pair.pk}/"))
    expect(page.locator("main .messages[role=status]")).to_contain_text(
        in_language(language, "Thank you! Your answer is saved.")
    )
    expect(page.locator("button[name=decision]")).to_have_count(0)
    pair.refresh_from_db()
    assert pair.status == PairStatus.PROPOSED and pair.adept_accepted_at is not None
    check_page(page, language)
    log_out(page)

    # The mentor opens the proposal from his home page and accepts: the pair is active.
    as_user(site, context, page, cast.bob, language)
    proposals = page.locator("section[aria-labelledby=proposals-heading]")
    expect(proposals).to_contain_text(cast.erin.full_name)
    check_page(page, language)
    proposals.locator(f'a[href="/matching/pairs/{pair.pk}/"]').click()
    expect(page).to_have_url(site(f"/matching/pairs/{pair.pk}/"))
    check_page(page, language)
    page.locator("button[name=decision][value=accept]").click()
    expect(page).to_have_url(site(f"/matching/pairs/{pair.pk}/"))
    expect(page.locator("main .messages[role=status]")).to_contain_text(
        in_language(language, "Thank you! Your answer is saved.")
    )
    expect(page.locator("main p.big")).to_contain_text(
        in_language(language, PairStatus.ACTIVE.label)
    )
    pair.refresh_from_db()
    assert pair.status == PairStatus.ACTIVE
    assert pair.started_on is not None
    check_page(page, language)
    screenshot(page, f"pair-active-{language}-phone")


def test_a_hand_assignment_that_breaks_a_rule_is_explained(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    # Bob has one place, and Dana has it.
    give_profiles(cast, bob_capacity=1)
    as_user(site, context, page, cast.alice, "sv")
    matching_url = f"/matching/programmes/{cast.programme.pk}/"
    page.goto(site(matching_url))
    form = page.locator('main form[action$="/assign/"]')
    form.locator("[name=adept]").select_option(str(cast.erin_enrolment.pk))
    form.locator("[name=mentor]").select_option(str(cast.bob_enrolment.pk))
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(site(f"{matching_url[:-1]}/assign/"))
    error = page.locator("main form[action$='/assign/'] .errorsummary[role=alert]")
    expect(error).to_be_visible()
    expected = in_language("sv", "%(mentor)s has no free place (capacity %(capacity)d).") % {
        "mentor": cast.bob.full_name,
        "capacity": 1,
    }
    expect(error).to_have_text(expected)
    # Nothing was added to the proposal, and what was chosen is still chosen.
    assert not Pair.objects.filter(adept=cast.erin_enrolment).exists()
    expect(form.locator("[name=adept]")).to_have_value(str(cast.erin_enrolment.pk))
    expect(form.locator("[name=mentor]")).to_have_value(str(cast.bob_enrolment.pk))
    check_page(page, "sv")
    screenshot(page, "matching-assign-error-sv-phone")
