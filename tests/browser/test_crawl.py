"""Every role's pages, reached as a person reaches them: from her home, by following the links
she is shown, on a 360 px phone in Arabic (checked in full: axe, direction, width, console), then
the same pages in Tigrinya and Swedish (width, and dates nobody can misread).

A date that could be read two ways (07/12/2026: July or December?) and Swedish day names on a page
in another language are what readers met before dates went through CLDR (smile.core)."""

import re
from collections import deque
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page

from smile.learning.models import HoursEntry, PracticeEntry, Review
from smile.learning.tests.plans_fixtures import build_course
from smile.mentoring.models import ActionItem, Meeting
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_console, check_fits_width, check_page

pytestmark = pytest.mark.browser

# Pages a crawl must not open by following a link: leaving, downloads, and the admin.
SKIP = re.compile(
    r"^/(accounts/logout|admin/|static/|media/)|export|download|\.ics$|\.pdf$|\.csv$|\.xlsx$|/print/"
)
# How many pages of each role the crawl visits (the homes link to far more than a test needs).
PAGES_PER_ROLE = 14
# A day and month in digits only, in either order: 07/12/2026, 7.12.26, 12-07-2026.
NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b")
SWEDISH_DAYS = re.compile(
    r"\b(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|januari|februari|augusti|oktober)\b",
    re.IGNORECASE,
)

LINKS_SCRIPT = """() => [...document.querySelectorAll('main a[href], nav a[href]')]
  .map((a) => new URL(a.href, location.href))
  .filter((url) => url.origin === location.origin)
  .map((url) => url.pathname + url.search)"""


def _activity(site: Site) -> None:
    """Something on every page: a course, a meeting next week, a thing to do, practice, hours and
    a review."""
    cast = site.cast
    build_course(cast)
    now = timezone.now()
    Meeting.objects.create(
        pair=cast.pair, starts_at=now + timedelta(days=3), place="Formning", proposed_by=cast.bob
    )
    ActionItem.objects.create(
        pair=cast.pair,
        title="Ta med skyddsskor",
        owner=cast.dana,
        due_on=timezone.localdate() + timedelta(days=2),
        created_by=cast.bob,
    )
    PracticeEntry.objects.create(
        enrolment=cast.dana_enrolment, done_on=date(2026, 12, 1), note="Mätte formen", self_level=1
    )
    HoursEntry.objects.create(
        enrolment=cast.dana_enrolment,
        day=date(2026, 12, 1),
        kind="workplace",
        starts_at="07:00",
        ends_at="15:00",
    )
    Review.objects.create(
        enrolment=cast.dana_enrolment, scheduled_for=now + timedelta(days=10), created_by=cast.bob
    )


def _crawl(page: Page, site: Site, start: str) -> list[str]:
    """Breadth first from her home, in Arabic, checking each page in full."""
    seen: list[str] = []
    queue: deque[str] = deque([start])
    while queue and len(seen) < PAGES_PER_ROLE:
        path = queue.popleft()
        if path in seen or SKIP.search(path):
            continue
        response = page.goto(site(path))
        assert response is not None
        assert response.status == 200, f"{path}: {response.status}"
        seen.append(path)
        check_page(page, "ar")
        _check_dates(page, "ar")
        for link in page.evaluate(LINKS_SCRIPT):
            if link not in seen and link not in queue:
                queue.append(link)
    return seen


def _check_dates(page: Page, language: str) -> None:
    text = page.locator("main").inner_text()
    numeric = NUMERIC_DATE.findall(text)
    assert numeric == [], f"{page.url} ({language}) shows dates in digits only: {numeric}"
    if language != "sv":
        swedish = SWEDISH_DAYS.findall(text)
        assert swedish == [], f"{page.url} ({language}) shows Swedish day names: {swedish}"


@pytest.mark.parametrize("who", ["dana", "bob", "tess", "alice", "mona"])
def test_every_page_a_role_reaches_reads_well_on_a_phone_in_arabic_tigrinya_and_swedish(
    site: Site, context: BrowserContext, page: Page, who: str
) -> None:
    _activity(site)
    person = getattr(site.cast, who)
    as_user(site, context, page, person, "ar")
    visited = _crawl(page, site, "/")
    assert len(visited) >= 3, visited  # the home and at least two pages it links to
    for language in ("ti", "sv"):
        person.preferred_language = language
        person.save(update_fields=["preferred_language"])
        context.add_cookies([{"name": "smile_language", "value": language, "url": site.url}])
        for path in visited:
            response = page.goto(site(path))
            assert response is not None and response.status == 200, path
            check_fits_width(page)
            check_console(page)
            _check_dates(page, language)
