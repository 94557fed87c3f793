"""Early warnings and ending well in the browser: the coordinator (Swedish, on a phone) sees a pair
with no meeting and sends them a message; the adept (Arabic) writes her closing reflection.
"""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from playwright.sync_api import BrowserContext, Page, expect

from smile.matching.models import Pair, PairStatus
from smile.mentoring.models import Reflection
from smile.notifications.models import Kind, Notification
from tests.browser.conftest import PHONE, Site
from tests.browser.helpers import (
    as_user,
    check_page,
    in_language,
    screenshot,
)

pytestmark = pytest.mark.browser


def test_a_warning_followed_up_and_a_closing_reflection(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    pair = cast.pair
    Pair.objects.filter(pk=pair.pk).update(started_on=timezone.localdate() - timedelta(days=30))
    assert page.viewport_size == PHONE

    # Alice opens her early warnings: Dana and Bob have not met for 30 days.
    as_user(site, context, page, cast.alice, "sv")
    page.goto(site("/mentoring/warnings/"))
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Dana Darwish"))
    expect(row).to_contain_text("Bob Berg")
    with translation.override("sv"):
        no_meeting = translation.ngettext(
            "No meeting for %(count)d day", "No meeting for %(count)d days", 30
        ) % {"count": 30}
    expect(row).to_contain_text(no_meeting)
    check_page(page, "sv")
    screenshot(page, "warnings-sv-phone")

    # One click to a message for both of them.
    row.locator(f'a[href="/mentoring/pairs/{pair.pk}/message/"]').click()
    expect(page).to_have_url(site(f"/mentoring/pairs/{pair.pk}/message/"))
    check_page(page, "sv")
    page.locator("input[name=to][value=both]").check()
    page.locator("textarea[name=message]").fill("Hur går det? Hör av er till mig.")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site("/mentoring/warnings/"))
    expect(page.locator("main .messages[role=status]")).to_contain_text(
        in_language("sv", "Your message is sent.")
    )
    check_page(page, "sv")
    sent = Notification.objects.filter(kind=Kind.COORDINATOR_MESSAGE)
    assert sorted(sent.values_list("recipient_id", flat=True)) == sorted(
        [cast.dana.pk, cast.bob.pk]
    )
    page.locator('nav form[action="/accounts/logout/"] button[type=submit]').click()
    expect(page.locator("nav form[action='/accounts/logout/']")).to_have_count(0)

    # The mentorship is completed; Dana (in Arabic) writes her reflection from her home.
    Pair.objects.filter(pk=pair.pk).update(
        status=PairStatus.COMPLETED, ended_on=timezone.localdate()
    )
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/home/adept/"))
    card = page.locator("section[aria-labelledby=closing-heading]")
    card.locator(f'a[href="/mentoring/pairs/{pair.pk}/reflection/"]').click()
    expect(page).to_have_url(site(f"/mentoring/pairs/{pair.pk}/reflection/"))
    check_page(page, "ar")
    page.locator("input[name=rating][value='5']").check()
    page.locator("textarea[name=text]").fill("تعلمت الكثير من بوب.")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(site(f"/mentoring/pairs/{pair.pk}/reflection/"))
    expect(page.locator("main")).to_contain_text("تعلمت الكثير من بوب.")
    with translation.override("ar"):
        waiting = translation.gettext("We are waiting for the reflection of %(name)s.") % {
            "name": "Bob Berg"
        }
    expect(page.locator("main")).to_contain_text(waiting)
    check_page(page, "ar")
    screenshot(page, "reflection-ar-phone")
    assert list(Reflection.objects.values_list("side", "rating")) == [("adept", 5)]


def test_the_filtered_warnings_page_in_arabic_on_a_phone(
    site: Site, context: BrowserContext, page: Page
) -> None:
    """The filters, a refused value and the rows read right to left at 390 px."""
    cast = site.cast
    Pair.objects.filter(pk=cast.pair.pk).update(
        started_on=timezone.localdate() - timedelta(days=30)
    )
    page.set_viewport_size({"width": 390, "height": 844})
    as_user(site, context, page, cast.alice, "ar")

    page.goto(site("/mentoring/warnings/?kind=no_meeting"))
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Dana Darwish"))
    expect(row).to_contain_text("Bob Berg")
    check_page(page, "ar")
    screenshot(page, "warnings-ar-390-filtered")

    page.goto(site("/mentoring/warnings/?kind=nonsense"))
    expect(page.locator("main")).to_contain_text(
        in_language("ar", "Please choose only from the list.")
    )
    expect(page.get_by_role("rowheader", name="Dana Darwish")).to_have_count(0)
    check_page(page, "ar")
