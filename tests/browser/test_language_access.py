"""Content in the adept's language: the teacher sees that the safety note of a task at Dana's
workplace is missing in Arabic, adds the Arabic version beside the Swedish text in the editor, and
Dana, who reads Arabic, reads the task and its safety note in Arabic on her phone; a text with no
Arabic version yet shows in Swedish, marked. Dana, in Arabic, cannot book a meeting with Bob at
a time he already meets another adept: the clash is said with his name isolated, and what she
typed stays. Every page is accessible, in its language, and fits a 390 px screen.

The issue's other browser checks live beside their features: Tigrinya day and month names in the
served font in test_dates_fonts.py, signing a plan clears its notice in test_notices_done.py, and
every role's pages in Swedish, Arabic and Tigrinya at 390 px in test_crawl.py."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, ViewportSize, expect

from smile.learning.models import WorkplaceTask
from smile.learning.tests.curricula_fixtures import make_curriculum
from smile.matching.models import Pair, PairStatus
from smile.mentoring.models import Meeting, MeetingStatus
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, in_language, screenshot

pytestmark = pytest.mark.browser

PHONE_390: ViewportSize = {"width": 390, "height": 844}
ARABIC_TITLE = "قياس القالب للتحقق منه"
ARABIC_SAFETY = "نظارات واقية وواقيات للأذن. لا تقف بجانب الخط عندما يُنقل القالب."


def test_the_teacher_adds_arabic_and_the_adept_reads_the_task_in_arabic(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    foundry = make_curriculum(cast)
    task = foundry.task
    page.set_viewport_size(PHONE_390)

    # Tess, in Swedish: the coverage page flags the safety note Dana cannot read in Arabic.
    as_user(site, context, page, cast.tess, "sv")
    page.goto(site(f"/learning/curricula/{foundry.curriculum.pk}/"))
    check_page(page, "sv")
    page.locator(f'main a[href="/learning/curricula/{foundry.curriculum.pk}/languages/"]').click()
    check_page(page, "sv")
    safety_row = page.locator("main table.cards tbody tr").first
    expect(safety_row).to_have_class("safety")
    expect(safety_row.locator('td[data-label="Saknas på"]')).to_have_text("العربيّة")
    screenshot(page, "coverage-sv-phone")

    # She adds the Arabic title and safety note beside the Swedish ones, to be checked.
    page.goto(site(f"/learning/tasks/{task.pk}/edit/"))
    check_page(page, "sv")
    expect(page.locator("#id_title")).to_have_value("Kontrollmäta formen")
    page.locator("fieldset.languages summary", has_text="العربيّة").click()
    page.locator("#id_title_ar").fill(ARABIC_TITLE)
    page.locator("#id_safety_notes_ar").fill(ARABIC_SAFETY)
    page.locator("#id_to_check_ar").check()
    check_page(page, "sv")
    page.locator("main form.stack button[type=submit]").click()
    expect(page).to_have_url(site(f"/learning/tasks/{task.pk}/"))
    expect(page.locator("main")).to_contain_text(
        in_language("sv", "Versions to be checked (machine translation or not checked yet):")
    )
    check_page(page, "sv")
    saved = WorkplaceTask.objects.values_list(
        "title_sv", "title_ar", "safety_notes_ar", "languages_to_check"
    ).get(pk=task.pk)
    assert saved == ("Kontrollmäta formen", ARABIC_TITLE, ARABIC_SAFETY, ["ar"])

    # Dana, who reads Arabic, on her phone: the task list and the task, in Arabic.
    context.clear_cookies()
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site(f"/learning/workplaces/{cast.moulding.pk}/tasks/"))
    check_page(page, "ar")
    page.locator(f'main a[href="/learning/tasks/{task.pk}/"]').click()
    expect(page).to_have_url(site(f"/learning/tasks/{task.pk}/"))
    expect(page.locator("main h1")).to_have_text(ARABIC_TITLE)
    expect(page.locator("#task-safety + p")).to_have_text(ARABIC_SAFETY)
    # Where the task is done has no Arabic version yet: Swedish, left to right, and marked.
    where = page.locator("main dl dd").nth(1)
    expect(where.locator('bdi[lang="sv"][dir="ltr"]')).to_have_text("Bana 2")
    expect(where.locator(".not-translated")).to_have_text("غير متوفر بلغتك بعد")
    # Nothing tells her the Arabic is still to be checked: that is for the editors.
    expect(page.locator("main")).not_to_contain_text(
        in_language("ar", "Versions to be checked (machine translation or not checked yet):")
    )
    check_page(page, "ar")
    screenshot(page, "task-ar-phone")


def test_a_double_booking_is_refused_in_arabic_and_what_she_typed_stays(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    # Bob also mentors Erin, and meets her in ten days from 14:00 to 15:00.
    bob_and_erin = Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=timezone.localdate() - timedelta(days=30),
    )
    day = timezone.localdate() + timedelta(days=10)
    taken = timezone.make_aware(datetime.combine(day, time(14, 0)))
    Meeting.objects.create(
        pair=bob_and_erin,
        starts_at=taken,
        duration_minutes=60,
        place="Kontoret",
        status=MeetingStatus.CONFIRMED,
        proposed_by=cast.bob,
        confirmed_at=timezone.now(),
    )

    # Dana, in Arabic on her phone, proposes 14:30 that day to Bob.
    page.set_viewport_size(PHONE_390)
    as_user(site, context, page, cast.dana, "ar")
    new_meeting = f"/mentoring/pairs/{cast.pair.pk}/meetings/new/"
    page.goto(site(new_meeting))
    check_page(page, "ar")
    page.locator("input[name=starts_at]").fill(f"{day.isoformat()}T14:30")
    page.locator("textarea[name=agenda]").fill("الأسبوع الأول")
    page.locator("main form button[type=submit]").click()

    # Refused: the clash in words, Bob's name isolated, 24-hour times, nothing booked.
    expect(page).to_have_url(site(new_meeting))
    error = page.locator("main .has-error")
    expect(error).to_contain_text("14:00–15:00")
    expect(error.locator("bdi")).to_have_text("Bob Berg")
    expect(page.locator("input[name=starts_at]")).to_have_value(f"{day.isoformat()}T14:30")
    expect(page.locator("textarea[name=agenda]")).to_have_value("الأسبوع الأول")
    check_page(page, "ar")
    assert Meeting.objects.filter(pair=cast.pair).count() == 0
