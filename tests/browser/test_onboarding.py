"""Onboarding for the manager: Mona sees the completion of her workplaces, a checklist and a
language support page, on a 390 px phone in Swedish and Arabic (axe, language, direction, width).
The checklist ticked off by mentor and adept is in test_inclusion_equality.py."""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, log_out

pytestmark = pytest.mark.browser


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


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_a_custom_step_written_in_arabic_is_read_in_arabic_by_the_adept(
    site: Site, context: BrowserContext, page: Page, language: str
) -> None:
    from smile.inclusion import services
    from smile.inclusion.models import ChecklistItem

    cast = site.cast
    step = services.template_item_add(
        template=services.template_for(cast.moulding), title="Hämta nyckelkort", due_days=2
    )
    # Dana was placed before the step was added: give her a copy of it, as a placement does.
    ChecklistItem.objects.create(
        enrolment=cast.dana_enrolment, source=step, title_sv="Hämta nyckelkort", position=99
    )
    page.set_viewport_size({"width": 390, "height": 844})
    as_user(site, context, page, cast.mona, language)
    page.goto(site(f"/inclusion/workplaces/{cast.moulding.pk}/"))
    check_page(page, language)
    page.locator(f'main a[href="/inclusion/template-steps/{step.pk}/"]').click()
    check_page(page, language)
    page.locator("details", has=page.locator('input[name="title_ar"]')).locator("summary").click()
    page.locator('input[name="title_ar"]').fill("استلم بطاقة المفتاح")
    page.locator("main form.stack button[type=submit]").click()
    expect(page).to_have_url(site(f"/inclusion/workplaces/{cast.moulding.pk}/"))
    log_out(page)
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site(f"/inclusion/checklists/{cast.dana_enrolment.pk}/"))
    expect(page.locator("main bdi", has_text="استلم بطاقة المفتاح")).to_have_count(1)
    check_page(page, "ar")
