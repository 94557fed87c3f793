"""The learning plan in the browser, on a 360 px phone: tess (teacher, Swedish) chooses Dana's
objectives with target dates; Dana (Arabic) rates herself and signs; Bob (mentor, Swedish) rates
her and signs; tess signs, and the plan is signed by all three. Every page on the way is
accessible, in the language, and fits the phone.
"""

from datetime import date

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from smile.learning.models import LearningPlan, PlanObjective, PlanStatus, PlanVersion
from smile.learning.tests.plans_fixtures import build_course
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, in_language, screenshot

pytestmark = pytest.mark.browser


def test_three_people_make_and_sign_a_learning_plan(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    course = build_course(cast)
    dana = cast.dana_enrolment
    plan_path = f"/learning/adepts/{dana.pk}/plan/"
    status = page.locator("main .messages[role=status]")

    # Tess, in Swedish, opens Dana's learning from her class and goes to the plan.
    as_user(site, context, page, cast.tess, "sv")
    page.goto(site("/home/teacher/"))
    # Her class is folded below what waits for her: she opens it.
    page.locator("section[aria-labelledby=class-heading] summary").click()
    page.locator(f'main a[href="/learning/adepts/{dana.pk}/"]').click()
    check_page(page, "sv")
    page.locator(f'section[aria-labelledby=plans-adept-heading] a[href="{plan_path}"]').click()
    expect(page).to_have_url(site(plan_path))
    check_page(page, "sv")
    page.locator(f'main a.button[href="{plan_path}objectives/"]').click()
    expect(page).to_have_url(site(f"{plan_path}objectives/"))
    check_page(page, "sv")
    for objective, target_on in [(course.m1, "2027-01-15"), (course.f1, "2027-03-01")]:
        page.locator(f"input[name=objective_{objective.pk}]").check()
        page.locator(f"input[name=target_{objective.pk}]").fill(target_on)
    page.locator("main form.stack button[type=submit]").click()
    expect(page).to_have_url(site(plan_path))
    expect(status).to_contain_text(in_language("sv", "The objectives are saved."))
    check_page(page, "sv")
    plan = LearningPlan.objects.get(enrolment=dana)
    assert sorted(PlanObjective.objects.values_list("objective__code", "target_on")) == [
        ("F1", date(2027, 3, 1)),
        ("M1", date(2027, 1, 15)),
    ]

    # Dana, in Arabic on her phone, opens her plan from her home, rates herself and signs.
    context.clear_cookies()
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/home/adept/"))
    page.locator('section[aria-labelledby=plans-home-heading] a[href="/learning/my-plan/"]').click()
    expect(page).to_have_url(site("/learning/my-plan/"))
    # The objective has no Arabic version yet: the Swedish text, marked as such.
    heading = page.locator("main h3").first
    expect(heading.locator('bdi[lang="sv"]')).to_have_text("Mäta en form med skjutmått")
    expect(heading.locator(".not-translated")).to_have_text("غير متوفر بلغتك بعد")
    expect(page.locator("main")).to_contain_text("Formlinje 2: mäta och bygga formar")
    check_page(page, "ar")
    screenshot(page, "my-plan-ar-phone")
    m1 = PlanObjective.objects.get(objective=course.m1)
    f1 = PlanObjective.objects.get(objective=course.f1)
    page.locator(f'input[name=rating_{m1.pk}][value="2"]').check()
    page.locator(f'input[name=rating_{f1.pk}][value="0"]').check()
    page.locator('form[action$="/plan/scan/"] button[type=submit]').click()
    expect(status).to_contain_text(in_language("ar", "The ratings are saved."))
    check_page(page, "ar")
    page.locator('form[action$="/plan/sign/"] button[type=submit]').click()
    expect(status).to_contain_text(in_language("ar", "Thank you. Your signature is saved."))
    expect(page.locator('form[action$="/plan/sign/"]')).to_have_count(0)
    check_page(page, "ar")

    # Bob, in Swedish, finds the plan waiting for him on his home, rates her and signs.
    context.clear_cookies()
    as_user(site, context, page, cast.bob, "sv")
    page.goto(site("/home/mentor/"))
    waiting = page.locator("section[aria-labelledby=plans-home-heading]")
    expect(waiting).to_contain_text(cast.dana.full_name)
    check_page(page, "sv")
    waiting.locator(f'a[href="{plan_path}"]').click()
    expect(page).to_have_url(site(plan_path))
    page.locator(f"select[name=rating_{m1.pk}]").select_option("1")
    page.locator(f"select[name=rating_{f1.pk}]").select_option("0")
    page.locator('form[action$="/plan/scan/"] button[type=submit]').click()
    expect(status).to_contain_text(in_language("sv", "The ratings are saved."))
    check_page(page, "sv")
    page.locator('form[action$="/plan/sign/"] button[type=submit]').click()
    expect(status).to_contain_text(in_language("sv", "Thank you. Your signature is saved."))
    assert sorted(
        PlanObjective.objects.values_list("objective__code", "self_rating", "mentor_rating")
    ) == [("F1", 0, 0), ("M1", 2, 1)]

    # Tess signs last: the plan is signed by all three, and version 1 is kept.
    context.clear_cookies()
    as_user(site, context, page, cast.tess, "sv")
    page.goto(site("/home/teacher/"))
    page.locator(f'section[aria-labelledby=plans-home-heading] a[href="{plan_path}"]').click()
    expect(page).to_have_url(site(plan_path))
    page.locator('form[action$="/plan/sign/"] button[type=submit]').click()
    expect(status).to_contain_text(in_language("sv", "The plan is signed by all three."))
    signatures = page.locator("section[aria-labelledby=plans-signatures-heading]")
    expect(signatures).to_contain_text(in_language("sv", "The plan is signed by all three."))
    for person in (cast.dana, cast.bob, cast.tess):
        expect(signatures).to_contain_text(person.full_name)
    check_page(page, "sv")
    screenshot(page, "plan-signed-sv-phone")
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.SIGNED, 1)
    page.locator(
        f'section[aria-labelledby=plans-versions-heading] a[href="{plan_path}versions/1/"]'
    ).click()
    expect(page).to_have_url(site(f"{plan_path}versions/1/"))
    check_page(page, "sv")
    assert PlanVersion.objects.get(plan=plan).version == 1
