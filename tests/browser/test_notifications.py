"""Notifications in the browser, in Arabic on a phone: the bell shows how many are unread, the
list opens and a notice takes her where it points, and her choices are saved."""

import pytest
from django.utils import translation
from playwright.sync_api import BrowserContext, Page, expect

from smile.notifications.models import Kind, Notification, NotificationSetting
from tests.browser.conftest import Site
from tests.browser.helpers import check_page, in_language, log_in, screenshot, set_language_cookie

pytestmark = pytest.mark.browser


def bell_name(language: str, count: int) -> str:
    with translation.override(language):
        text = translation.ngettext(
            "Notifications, %(count)s unread", "Notifications, %(count)s unread", count
        )
    return text % {"count": count}


def test_the_bell_the_list_and_the_settings_in_arabic(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    dana = cast.dana  # she reads Arabic
    pair_url = f"/matching/pairs/{cast.pair.pk}/"
    Notification.objects.create(
        recipient=dana,
        kind=Kind.PAIR_CHANGED,
        params={"event": "active", "name": "Bob Berg"},
        url=pair_url,
    )
    Notification.objects.create(
        recipient=dana,
        kind=Kind.MEETING_PROPOSED,
        params={"name": "Bob Berg", "starts_at": "2026-09-01T08:00:00+00:00", "place": "Fika"},
        url=pair_url,
    )
    set_language_cookie(context, site.url, "ar")
    log_in(page, site.url, dana, "ar", check=False)

    bell = page.get_by_role("link", name=bell_name("ar", 2))
    expect(bell).to_be_visible()
    expect(bell.locator(".bell-count")).to_have_text("2")
    bell.click()
    expect(page).to_have_url(site("/notifications/"))
    expect(page.locator("main .notice.unread")).to_have_count(2)
    check_page(page, "ar")
    screenshot(page, "notifications-ar")

    # Opening the newest notice marks it read and goes to the pair.
    page.locator("main .notice-open").first.click()
    expect(page).to_have_url(site(pair_url))
    expect(page.get_by_role("link", name=bell_name("ar", 1))).to_be_visible()

    # Her choices: no e-mail about meeting proposals.
    page.goto(site("/notifications/settings/"))
    check_page(page, "ar")
    page.locator("#email-meeting_proposed").uncheck()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .messages[role=status]")).to_contain_text(
        in_language("ar", "Your choices are saved.")
    )
    expect(page.locator("#email-meeting_proposed")).not_to_be_checked()
    expect(page.locator("#in-app-meeting_proposed")).to_be_checked()
    check_page(page, "ar")
    setting = NotificationSetting.objects.get(user=dana, kind=Kind.MEETING_PROPOSED)
    assert (setting.in_app, setting.email) == (True, False)
