"""Onboarding: Bob, the mentor, ticks off Dana's first steps in Swedish; Dana, on a 390 px phone
in Arabic, ticks off the rest and tells her language support; Mona, the manager, sees the
completion of her workplaces and keeps the template. Every page is checked (axe, language,
mirroring, 390 px)."""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from smile.inclusion.models import ChecklistItem, LanguageSupport
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, log_out

pytestmark = pytest.mark.browser


def _tick_first_open(page: Page) -> None:
    page.locator('main form[action$="/tick/"]:not(:has(input[name=done])) button').first.click()


def test_a_checklist_is_completed_by_mentor_and_adept(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    checklist = site(f"/inclusion/checklists/{cast.dana_enrolment.pk}/")
    as_user(site, context, page, cast.bob, "sv")
    page.locator('main a[href="/inclusion/"]').click()
    expect(page).to_have_url(site("/inclusion/"))
    check_page(page, "sv")
    page.locator(f'main a[href="/inclusion/checklists/{cast.dana_enrolment.pk}/"]').click()
    expect(page).to_have_url(checklist)
    check_page(page, "sv")
    for _ in range(3):
        _tick_first_open(page)
        expect(page).to_have_url(checklist)
    expect(page.locator("main")).to_contain_text("3 av 6 steg klara")
    check_page(page, "sv")
    log_out(page)

    page.set_viewport_size({"width": 390, "height": 844})
    as_user(site, context, page, cast.dana, "ar")
    page.locator('main a[href="/inclusion/"]').click()
    check_page(page, "ar")
    page.locator(f'main a[href="/inclusion/checklists/{cast.dana_enrolment.pk}/"]').click()
    expect(page.locator("main")).to_contain_text("التعريف بالسلامة")
    check_page(page, "ar")
    for _ in range(3):
        _tick_first_open(page)
        expect(page).to_have_url(checklist)
    expect(page.locator("main")).to_contain_text("أُنجزت 6 من 6 خطوات")
    check_page(page, "ar")
    done_by = set(
        ChecklistItem.objects.filter(enrolment=cast.dana_enrolment).values_list(
            "done_by__full_name", flat=True
        )
    )
    assert done_by == {"Bob Berg", "Dana Darwish"}

    page.goto(site(f"/inclusion/languages/{cast.dana_enrolment.pk}/"))
    check_page(page, "ar")
    page.locator('input[name=swedish_level][value="a2"]').check()
    page.locator("#id_wants_interpreter").check()
    page.locator("#id_interpreter_language").select_option("ar")
    page.locator("main form.stack button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("تم الحفظ")
    check_page(page, "ar")
    support = LanguageSupport.objects.get(enrolment=cast.dana_enrolment)
    assert (support.swedish_level, support.wants_interpreter, support.interpreter_language) == (
        "a2",
        True,
        "ar",
    )


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_the_managers_pages_in_swedish_and_arabic(
    site: Site, context: BrowserContext, page: Page, language: str
) -> None:
    cast = site.cast
    page.set_viewport_size({"width": 390, "height": 844})
    as_user(site, context, page, cast.mona, language)
    page.locator('main a[href="/inclusion/workplaces/"]').click()
    expect(page).to_have_url(site("/inclusion/workplaces/"))
    check_page(page, language)
    page.locator(f'main a[href="/inclusion/workplaces/{cast.moulding.pk}/"]').click()
    check_page(page, language)
    page.goto(site(f"/inclusion/checklists/{cast.dana_enrolment.pk}/"))
    check_page(page, language)
    page.goto(site(f"/inclusion/languages/{cast.dana_enrolment.pk}/"))
    check_page(page, language)
