"""Mentor development in the browser: a mentor completes the basic modules on a 390 px phone and
becomes matchable; the coordinator sees the completion but never the mentor's private answers.
Every page is checked (axe, language, direction, width, console) in Swedish and Arabic."""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from smile.matching.models import MatchingProfile
from smile.training import content
from smile.training.models import CoordinatorView, Module
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, choose_language, in_language, log_out

pytestmark = pytest.mark.browser

SECRET = "Min chef ger mig ingen tid alls"


def test_a_mentor_completes_the_basic_modules_and_her_answers_stay_hers(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    # A live-server test starts from a flushed database: put back the modules the migration seeds.
    content.seed(Module)
    basic = list(Module.objects.filter(basic=True))
    assert len(basic) == 4
    as_user(site, context, page, cast.bob, "sv")
    page.locator('main a[href="/training/"]').click()
    expect(page).to_have_url(site("/training/"))
    check_page(page, "sv")
    for number, module in enumerate(basic):
        page.goto(site(f"/training/modules/{module.pk}/"))
        check_page(page, "sv")
        if number == 0:
            # Sending with nothing typed: each question says what is missing, nothing is saved.
            page.locator("main form button[type=submit]").click()
            expect(page.locator("main .error, main .errorlist").first).to_be_visible()
            check_page(page, "sv")
        for index in range(1, len(module.questions) + 1):
            text = SECRET if (number == 0 and index == 1) else "Jag visar hur vi gör"
            page.locator(f"#id_answer_{index}").fill(text)
        page.locator("main form button[type=submit]").click()
        expect(page).to_have_url(site("/training/"))
    expect(page.locator("main")).to_contain_text(
        in_language("sv", "You have completed all basic modules. You can be matched with adepts.")
    )
    profile = MatchingProfile.objects.get(enrolment=cast.bob_enrolment)
    assert profile.training_completed_on is not None
    log_out(page)

    # The same pages in Arabic, right to left on the phone.
    as_user(site, context, page, cast.bob, "ar")
    page.goto(site("/training/"))
    check_page(page, "ar")
    page.goto(site(f"/training/modules/{basic[0].pk}/"))
    check_page(page, "ar")
    log_out(page)

    # The coordinator: completion per mentor, but not the answer; the module page is a 404.
    # (She logs in once: a second-factor code is good only once; she switches the language.)
    as_user(site, context, page, cast.alice, "sv")
    for language in ["sv", "ar"]:
        if language != "sv":
            choose_language(page, language)
        page.goto(site("/training/programmes/"))
        check_page(page, language)
        page.locator(f'main a[href="/training/programmes/{cast.programme.pk}/"]').click()
        check_page(page, language)
        expect(page.locator("main")).to_contain_text(in_language(language, "All completed"))
        assert SECRET not in page.content()
        response = page.goto(site(f"/training/modules/{basic[0].pk}/"))
        assert response is not None and response.status == 404


def test_the_coordinator_gives_her_view_and_the_mentor_sees_it_on_her_phone(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    page.set_viewport_size({"width": 390, "height": 844})
    comment = "Bob tar sig tid för Dana varje vecka"
    as_user(site, context, page, cast.alice, "sv")
    page.goto(site(f"/training/programmes/{cast.programme.pk}/"))
    check_page(page, "sv")
    url = f"/training/programmes/{cast.programme.pk}/mentors/{cast.bob_enrolment.pk}/view/"
    page.locator(f'main a[href="{url}"]').click()
    check_page(page, "sv")
    for name, value in [("inclusion", 4), ("learning", 3), ("equality", 5), ("support", 2)]:
        page.locator(f'input[name={name}][value="{value}"]').check()
    page.locator("#id_comment").fill(comment)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site(f"/training/programmes/{cast.programme.pk}/"))
    check_page(page, "sv")
    view = CoordinatorView.objects.get()
    assert (view.inclusion, view.learning, view.equality, view.support) == (4, 3, 5, 2)
    log_out(page)

    as_user(site, context, page, cast.bob, "sv")
    page.goto(site("/training/profile/"))
    check_page(page, "sv")
    main = page.locator("main")
    expect(main).to_contain_text(in_language("sv", "Coordinator's view"))
    expect(main).to_contain_text("Alice Andersson")
    expect(main).to_contain_text(comment)
    support = main.locator("tbody tr").nth(3).locator("td").nth(3)
    expect(support).to_have_text("2")
