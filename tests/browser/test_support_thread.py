"""No dead end after asking for support, in the browser: dana writes her request in Arabic on a
390 px phone; alice (Swedish, second factor) sees it on her list in the language it was written
in, reads a machine translation beside it and answers in SMILE; dana is told, reads the answer,
and has it translated into Arabic. The translation service is a LibreTranslate stand-in over
real HTTP. Every page is checked with check_page.
"""

import re
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from playwright.sync_api import BrowserContext, Page, expect

from smile.mentoring.models import LifeSituationCheckIn, SupportMessage
from smile.notifications.models import Notification
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page, log_out, screenshot
from tests.libretranslate import FakeLibreTranslate, fake_libretranslate

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
NOTE = "الإيجار مرتفع جدا ولا أجد شقة"
NOTE_IN_SWEDISH = "Hyran är mycket hög och jag hittar ingen lägenhet"
ANSWER = "Ring mig på måndag, så letar vi bostad tillsammans."
ANSWER_IN_ARABIC = "اتصلي بي يوم الاثنين وسنبحث عن سكن معا."


@pytest.fixture
def service(settings) -> Iterator[FakeLibreTranslate]:
    phrases = {("ar", "sv", NOTE): NOTE_IN_SWEDISH, ("sv", "ar", ANSWER): ANSWER_IN_ARABIC}
    with fake_libretranslate(phrases=phrases) as running:
        # The live server runs in this process: it reads the same settings.
        settings.TRANSLATION_SERVICE_URL = running.url
        cache.clear()
        yield running


def test_dana_asks_in_arabic_alice_answers_and_dana_reads_the_answer(
    site: Site, context: BrowserContext, page: Page, service: FakeLibreTranslate
) -> None:
    cast = site.cast
    page.set_viewport_size(PHONE_390)

    # Dana, in Arabic: her request for support with housing, her note in Arabic for the
    # coordinator. The form offers her own language for the note.
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/mentoring/life/new/"))
    check_page(page, "ar")
    expect(page.locator("main select[name=language]")).to_have_value("ar")
    page.locator("input[name=answer_housing][value=support]").check()
    page.locator("textarea[name=note]").fill(NOTE)
    page.locator("input[name=coordinator_areas][value=housing]").check()
    page.locator("input[name=share_note_with_coordinator]").check()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/mentoring/life/\d+/$"))
    checkin = LifeSituationCheckIn.objects.get()
    assert (checkin.support_requested, checkin.language) == (True, "ar")
    expect(page.locator("#thread")).to_contain_text("لم يكتب المنسق بعد")
    check_page(page, "ar")
    screenshot(page, "support-request-ar")
    log_out(page)

    # Alice, in Swedish: the request waits for her, written in Arabic.
    as_user(site, context, page, cast.alice, "sv")
    page.goto(site("/mentoring/support-requests/"))
    check_page(page, "sv")
    row = page.locator("main tr", has_text="Dana Darwish")
    expect(row).to_contain_text("Arabiska")
    expect(row).to_contain_text("Inte svarat än")
    row.locator("a").click()
    expect(page).to_have_url(site(f"/mentoring/life/{checkin.pk}/"))
    note = page.locator('main div[lang="ar"][dir="auto"]', has_text=NOTE)
    expect(note).to_be_visible()
    # The translation comes beside the original, without leaving the page.
    page.get_by_role("link", name="Översätt").click()
    translation = page.locator(f"#translation-life-note-{checkin.pk}")
    expect(translation).to_contain_text("Maskinöversättning – kan innehålla fel")
    expect(translation.locator('div[lang="sv"]')).to_have_text(NOTE_IN_SWEDISH)
    expect(page).to_have_url(site(f"/mentoring/life/{checkin.pk}/"))
    check_page(page, "sv")
    expect(page.locator("main select[name=language]")).to_have_value("sv")
    page.locator("textarea[name=text]").fill(ANSWER)
    page.locator("#thread button[type=submit]").click()
    expect(page).to_have_url(site(f"/mentoring/life/{checkin.pk}/#thread"))
    expect(page.locator("#thread li.message")).to_have_count(1)
    expect(page.locator('#thread div[lang="sv"]')).to_have_text(ANSWER)
    check_page(page, "sv")
    screenshot(page, "support-answer-sv")
    log_out(page)
    assert SupportMessage.objects.get().language == "sv"
    assert Notification.objects.filter(recipient=cast.dana, kind="coordinator_message").count() == 1

    # Dana: her list says the coordinator has written; she reads the answer, then in Arabic.
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/mentoring/life/"))
    check_page(page, "ar")
    expect(page.locator("main")).to_contain_text("كتب إليك المنسق")
    page.locator(f'main a[href="/mentoring/life/{checkin.pk}/"]').click()
    thread = page.locator("#thread")
    expect(thread).to_contain_text("Alice Andersson")
    expect(thread.locator('div[lang="sv"][dir="auto"]')).to_have_text(ANSWER)
    thread.get_by_role("link", name="ترجم").click()
    expect(thread.locator('.translation div[lang="ar"]')).to_have_text(ANSWER_IN_ARABIC)
    expect(thread).to_contain_text("ترجمة آلية — قد تحتوي على أخطاء")
    check_page(page, "ar")
    screenshot(page, "support-thread-ar")
    assert [request["target"] for request in service.requests] == ["sv", "ar"]
