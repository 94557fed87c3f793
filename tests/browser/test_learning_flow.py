"""Learning end to end, as the issue describes it: the teacher builds a curriculum with a
workplace task; the plan is signed by adept, mentor and teacher; the adept logs practice on a
phone in Arabic; the mentor confirms it; a three-party review is held and signed. Every page is
checked by axe, in the reader's language and direction, and on a 360 px phone.
"""

import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from smile.learning.models import (
    Curriculum,
    Level,
    PlanObjective,
    PlanStatus,
    PracticeEntry,
    PracticeStatus,
    Review,
    ReviewStatus,
    WorkplaceTask,
)
from smile.learning.tests.practice_fixtures import png_bytes
from tests.browser.conftest import PHONE, Site
from tests.browser.helpers import as_user, check_page, in_language

pytestmark = pytest.mark.browser


def submit(page: Page) -> None:
    page.locator("main form.stack button[type=submit]").click()


def switch(site: Site, context: BrowserContext, page: Page, user, language: str) -> None:
    context.clear_cookies()
    as_user(site, context, page, user, language)


def test_curriculum_to_signed_plan_to_confirmed_practice_to_review(
    site: Site, context: BrowserContext, page: Page, settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    cast = site.cast
    assert page.viewport_size == PHONE
    dana = cast.dana_enrolment
    status = page.locator("main .messages[role=status]")

    # 1. The teacher builds the curriculum: a unit, an objective, and the task at Dana's workplace.
    as_user(site, context, page, cast.tess, "sv")
    page.goto(site("/learning/curricula/new/"))
    check_page(page, "sv")
    page.locator("#id_name").fill("Gjuteri – grund")
    page.locator("#id_organisation").select_option(str(cast.school.pk))
    page.get_by_label(cast.programme.name).check()
    submit(page)
    curriculum = Curriculum.objects.get(name_sv="Gjuteri – grund")
    page.locator(f'main a[href="/learning/curricula/{curriculum.pk}/units/new/"]').click()
    page.locator("#id_code").fill("MAT")
    page.locator("#id_name").fill("Mätteknik")
    submit(page)
    page.locator(
        f'main .card a[href^="/learning/curricula/{curriculum.pk}/objectives/new/"]'
    ).click()
    page.locator("#id_code").fill("MAT1")
    page.locator("#id_text").fill("Jag kan mäta en detalj med skjutmått")
    submit(page)
    check_page(page, "sv")
    objective = curriculum.objectives.get(code="MAT1")
    page.goto(site(f"/learning/workplaces/{cast.moulding.pk}/tasks/new/"))
    page.locator("#id_title").fill("Kontrollmäta formen före gjutning")
    page.locator("#id_safety_notes").fill("Skyddsglasögon och hörselskydd")
    page.get_by_label(re.compile(r"MAT1 Jag kan mäta")).check()
    submit(page)
    task = WorkplaceTask.objects.get(title_sv="Kontrollmäta formen före gjutning")
    check_page(page, "sv")

    # 2. She chooses the objective for Dana's plan, with a target date, and signs.
    plan_path = f"/learning/adepts/{dana.pk}/plan/"
    page.goto(site(f"{plan_path}objectives/"))
    check_page(page, "sv")
    target = cast.programme.ends_on.isoformat()
    page.locator(f"input[name=objective_{objective.pk}]").check()
    page.locator(f"input[name=target_{objective.pk}]").fill(target)
    submit(page)
    expect(page).to_have_url(site(plan_path))
    page.locator('form[action$="/plan/sign/"] button[type=submit]').click()
    check_page(page, "sv")

    # Dana signs on her phone in Arabic; the task at her workplace is in her plan.
    switch(site, context, page, cast.dana, "ar")
    page.goto(site("/learning/my-plan/"))
    expect(page.locator("main")).to_contain_text("Kontrollmäta formen före gjutning")
    check_page(page, "ar")
    page.locator('form[action$="/plan/sign/"] button[type=submit]').click()
    expect(status).to_contain_text(in_language("ar", "Thank you. Your signature is saved."))
    check_page(page, "ar")

    # Bob signs last: the plan is signed by all three.
    switch(site, context, page, cast.bob, "sv")
    page.goto(site(plan_path))
    page.locator('form[action$="/plan/sign/"] button[type=submit]').click()
    expect(status).to_contain_text(in_language("sv", "The plan is signed by all three."))
    check_page(page, "sv")
    assert dana.learning_plan.status == PlanStatus.SIGNED

    # 3. Dana logs what she did today, on her phone in Arabic, with a photo.
    switch(site, context, page, cast.dana, "ar")
    page.goto(site(f"/learning/adepts/{dana.pk}/practice/new/"))
    check_page(page, "ar")
    page.locator("select[name=task]").select_option(str(task.pk))
    page.locator("textarea[name=note]").fill("قست القالب بالمسطرة")
    photo = tmp_path / "work.png"
    photo.write_bytes(png_bytes((64, 48)))
    page.locator("input[name=photo]").set_input_files(str(photo))
    page.locator("input[name=self_level][value='2']").check()
    page.locator("main form button[type=submit]").click()
    expect(status).to_contain_text(
        in_language("ar", "Thank you! Your mentor is asked to confirm it.")
    )
    check_page(page, "ar")
    entry = PracticeEntry.objects.get()
    assert (entry.task, entry.objective) == (task, objective)

    # 4. Bob confirms it from his list; her plan moves to his assessment.
    switch(site, context, page, cast.bob, "sv")
    page.goto(site("/learning/practice/to-confirm/"))
    check_page(page, "sv")
    card = page.locator("main article", has_text=cast.dana.full_name)
    card.locator(f"input[name='confirm-{entry.pk}-mentor_level'][value='2']").check()
    card.locator(f'form[action="/learning/practice/{entry.pk}/confirm/"] button').click()
    expect(status).to_contain_text(in_language("sv", "Confirmed. Thank you!"))
    check_page(page, "sv")
    entry.refresh_from_db()
    assert entry.status == PracticeStatus.CONFIRMED
    assert PlanObjective.objects.get(objective=objective).level == Level.WITH_SUPPORT

    # 5. The teacher holds the three-party review; the agenda comes from the plan; all sign.
    switch(site, context, page, cast.tess, "sv")
    page.goto(site(f"/learning/adepts/{dana.pk}/reviews/new/"))
    expect(page.locator("textarea[name=agenda]")).to_contain_text("MAT1")
    check_page(page, "sv")
    page.locator("input[name=scheduled_for]").fill(f"{timezone.localdate().isoformat()}T08:00")
    page.locator("main form button[type=submit]").click()
    review = Review.objects.get()
    page.locator("textarea[name=notes]").fill("Mätningen går bra.")
    page.locator("textarea[name=next_steps]").fill("Öva ritningsläsning varje fredag.")
    page.locator("#hold button[type=submit]").click()
    check_page(page, "sv")
    page.locator(f'form[action="/learning/reviews/{review.pk}/sign/"] button').click()
    switch(site, context, page, cast.bob, "sv")
    page.goto(site(f"/learning/reviews/{review.pk}/"))
    page.locator(f'form[action="/learning/reviews/{review.pk}/sign/"] button').click()
    switch(site, context, page, cast.dana, "ar")
    page.goto(site(f"/learning/reviews/{review.pk}/"))
    check_page(page, "ar")
    page.locator(f'form[action="/learning/reviews/{review.pk}/sign/"] button').click()
    expect(page.locator("main")).to_contain_text(
        in_language("ar", "Signed by all three. It cannot be changed any more.")
    )
    check_page(page, "ar")
    review.refresh_from_db()
    assert review.status == ReviewStatus.SIGNED

    # Her learning page shows it all: progress, plan, practice and the review.
    page.goto(site(f"/learning/adepts/{dana.pk}/"))
    expect(page.locator("main")).to_contain_text("Kontrollmäta formen före gjutning")
    check_page(page, "ar")
