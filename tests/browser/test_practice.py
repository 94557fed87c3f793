"""The practice log in the browser: dana, in Arabic on a 360 px phone, logs what she did with a
task, a photo and her level, her note kept as Arabic; bob, in Swedish, reads it marked as Arabic,
has it translated by machine beside it (a LibreTranslate stand-in), and confirms it from "To
confirm" with his own level. Every page on the way is checked with check_page.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from playwright.sync_api import BrowserContext, Page, expect

from smile.learning.models import PracticeEntry, PracticeStatus
from smile.learning.tests.practice_fixtures import build_practice, png_bytes
from smile.notifications.models import Kind, Notification
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, in_language, log_out, screenshot
from tests.libretranslate import FakeLibreTranslate, fake_libretranslate

pytestmark = pytest.mark.browser

NOTE = "قست القالب بالمسطرة"
NOTE_IN_SWEDISH = "Jag mätte formen med linjalen"


@pytest.fixture
def service(settings) -> Iterator[FakeLibreTranslate]:
    with fake_libretranslate(phrases={("ar", "sv", NOTE): NOTE_IN_SWEDISH}) as running:
        # The live server runs in this process: it reads the same settings.
        settings.TRANSLATION_SERVICE_URL = running.url
        cache.clear()
        yield running


def test_dana_logs_practice_on_her_phone_and_bob_confirms_it(
    site: Site,
    context: BrowserContext,
    page: Page,
    settings,
    tmp_path: Path,
    service: FakeLibreTranslate,
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    cast = site.cast
    practice = build_practice(cast)
    photo = tmp_path / "work.png"
    photo.write_bytes(png_bytes((64, 48)))

    # Dana, in Arabic on a phone: from her home to the form.
    as_user(site, context, page, cast.dana, "ar")
    expect(page).to_have_url(re.compile(r"/home/adept/$"))
    check_page(page, "ar")
    new_url = f"/learning/adepts/{cast.dana_enrolment.pk}/practice/new/"
    page.locator(f'main a[href="{new_url}"]').click()
    expect(page).to_have_url(site(new_url))
    check_page(page, "ar")
    screenshot(page, "practice-form-ar-phone")

    # The date is today already; she picks the task, writes a line, adds a photo, her level.
    task = page.locator("select[name=task]")
    expect(task.locator("option", has_text="Mäta formen – 1.1 Mål 1.1")).to_have_count(1)
    task.select_option(str(practice.measure.pk))
    page.locator("textarea[name=note]").fill(NOTE)
    expect(page.locator("main select[name=language]")).to_have_value("ar")
    page.locator("input[name=photo]").set_input_files(str(photo))
    page.locator("input[name=self_level][value='1']").check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site(f"/learning/adepts/{cast.dana_enrolment.pk}/practice/"))
    expect(page.locator("main .messages[role=status]")).to_contain_text(
        in_language("ar", "Thank you! Your mentor is asked to confirm it.")
    )
    expect(page.locator("main")).to_contain_text(in_language("ar", PracticeStatus.SUBMITTED.label))
    expect(page.locator("main img")).to_have_count(1)
    check_page(page, "ar")
    screenshot(page, "practice-list-ar-phone")
    entry = PracticeEntry.objects.get()
    assert (entry.task, entry.objective, entry.note, entry.note_language, entry.self_level) == (
        practice.measure,
        practice.objectives[0],
        NOTE,
        "ar",
        1,
    )
    assert entry.photo.name.endswith(".jpg")
    assert Notification.objects.filter(kind=Kind.PRACTICE_TO_CONFIRM, recipient=cast.bob).exists()
    log_out(page)

    # Bob, in Swedish: his home says what waits; he confirms it from "To confirm".
    as_user(site, context, page, cast.bob, "sv")
    expect(page).to_have_url(re.compile(r"/home/mentor/$"))
    check_page(page, "sv")
    page.locator('main a[href="/learning/practice/to-confirm/"]').click()
    expect(page).to_have_url(site("/learning/practice/to-confirm/"))
    card = page.locator("main article", has_text=cast.dana.full_name)
    expect(card.locator('div[lang="ar"][dir="auto"]')).to_have_text(NOTE)
    expect(card.locator(f'img[src="/media/practice/{entry.pk}/"]')).to_be_visible()
    check_page(page, "sv")
    # Her note in Swedish by machine, beside the original, without leaving the page.
    card.get_by_role("link", name="Översätt").click()
    translation = card.locator(f"#translation-practice-note-{entry.pk}")
    expect(translation).to_contain_text("Maskinöversättning – kan innehålla fel")
    expect(translation.locator('div[lang="sv"]')).to_have_text(NOTE_IN_SWEDISH)
    assert service.requests == [{"q": NOTE, "source": "ar", "target": "sv", "format": "text"}]
    check_page(page, "sv")
    screenshot(page, "practice-to-confirm-sv-phone")
    card.locator(f"input[name='confirm-{entry.pk}-mentor_level'][value='2']").check()
    card.locator(f'form[action="/learning/practice/{entry.pk}/confirm/"] button').click()
    expect(page).to_have_url(site("/learning/practice/to-confirm/"))
    expect(page.locator("main .messages[role=status]")).to_contain_text(
        in_language("sv", "Confirmed. Thank you!")
    )
    expect(page.locator("main article")).to_have_count(0)
    check_page(page, "sv")
    entry.refresh_from_db()
    assert (entry.status, entry.mentor_level, entry.reviewed_by) == (
        PracticeStatus.CONFIRMED,
        2,
        cast.bob,
    )

    # The entry page shows his assessment, and the corrections he could make.
    page.goto(site(f"/learning/practice/{entry.pk}/"))
    expect(page.locator("main")).to_contain_text(in_language("sv", PracticeStatus.CONFIRMED.label))
    expect(page.locator("#practice-corrections-heading")).to_be_visible()
    check_page(page, "sv")

    # He corrects his assessment, saying why: the entry keeps the old value and the reason.
    page.locator(f'main a[href="/learning/practice/{entry.pk}/correct/mentor_level/"]').click()
    check_page(page, "sv")
    page.locator("input[name=new_value][value='3']").check()
    page.locator("input[name=reason]").fill("Hon gjorde det själv")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site(f"/learning/practice/{entry.pk}/"))
    expect(page.locator("main table")).to_contain_text("Hon gjorde det själv")
    check_page(page, "sv")
    screenshot(page, "practice-entry-sv-phone")
    entry.refresh_from_db()
    assert entry.mentor_level == 3
