"""A teacher builds a curriculum on her phone, in Swedish: one unit, two objectives, then a task
at the moulding shop where one of them is practised. Every page is accessible, in Swedish, and
fits a 360 px screen."""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from smile.learning.models import Curriculum, WorkplaceTask
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, screenshot

pytestmark = pytest.mark.browser

LANGUAGE = "sv"


def submit(page: Page) -> None:
    page.locator("main form.stack button[type=submit]").click()


def test_the_teacher_builds_a_curriculum_and_links_a_task_to_it(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    as_user(site, context, page, cast.tess, LANGUAGE)

    page.goto(site("/learning/curricula/"))
    check_page(page, LANGUAGE)
    page.locator('main a.button[href="/learning/curricula/new/"]').click()
    check_page(page, LANGUAGE)
    page.locator("#id_name").fill("Gjuteri – grund")
    page.locator("#id_trade").fill("Gjuteri")
    page.locator("#id_organisation").select_option(str(cast.school.pk))
    page.get_by_label(cast.programme.name).check()
    submit(page)
    curriculum = Curriculum.objects.get(name_sv="Gjuteri – grund")
    expect(page).to_have_url(site(f"/learning/curricula/{curriculum.pk}/"))
    expect(page.locator("h1")).to_have_text("Gjuteri – grund")
    check_page(page, LANGUAGE)

    page.locator(f'main a[href="/learning/curricula/{curriculum.pk}/units/new/"]').click()
    check_page(page, LANGUAGE)
    page.locator("#id_code").fill("MAT")
    page.locator("#id_name").fill("Mätteknik")
    submit(page)
    expect(page.locator("main h2").first).to_have_text("MAT Mätteknik")

    for code, text in [
        ("MAT1", "Jag kan mäta en detalj med skjutmått och läsa av rätt"),
        ("MAT2", "Jag kan fylla i ett mätprotokoll"),
    ]:
        page.locator(
            f'main .card a[href^="/learning/curricula/{curriculum.pk}/objectives/new/"]'
        ).click()
        check_page(page, LANGUAGE)
        expect(page.locator("#id_unit option:checked")).to_have_text("MAT Mätteknik")
        page.locator("#id_code").fill(code)
        page.locator("#id_text").fill(text)
        submit(page)
        expect(page.locator("main")).to_contain_text(text)
    check_page(page, LANGUAGE)
    screenshot(page, "curriculum-sv-phone")

    # The task at the moulding shop, where her adept Dana is placed.
    page.goto(site(f"/learning/workplaces/{cast.moulding.pk}/tasks/"))
    check_page(page, LANGUAGE)
    page.locator(
        f'main a.button[href="/learning/workplaces/{cast.moulding.pk}/tasks/new/"]'
    ).click()
    check_page(page, LANGUAGE)
    page.locator("#id_title").fill("Kontrollmäta formen före gjutning")
    page.locator("#id_location").fill("Formningshallen, bana 2")
    page.locator("#id_tools").fill("Skjutmått, ritning")
    page.locator("#id_safety_notes").fill("Skyddsglasögon och hörselskydd")
    page.get_by_label(re.compile(r"MAT1 Jag kan mäta")).check()
    submit(page)
    task = WorkplaceTask.objects.get(title_sv="Kontrollmäta formen före gjutning")
    expect(page).to_have_url(site(f"/learning/tasks/{task.pk}/"))
    expect(page.locator("#task-safety + p")).to_have_text("Skyddsglasögon och hörselskydd")
    expect(page.locator("main")).to_contain_text("MAT1")
    check_page(page, LANGUAGE)
    screenshot(page, "task-sv-phone")
    assert [o.code for o in task.objectives.all()] == ["MAT1"]

    # Theory linked to practice: the objective shows where it is practised.
    page.goto(site(f"/learning/curricula/{curriculum.pk}/"))
    expect(page.locator(f'main a[href="/learning/tasks/{task.pk}/"]')).to_have_text(
        "Kontrollmäta formen före gjutning"
    )
    check_page(page, LANGUAGE)
