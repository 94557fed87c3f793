"""The pages the flow tests do not pass through: each is accessible (axe), in the reader's
language and direction, and fits a 360 px phone."""

from datetime import date

import pytest
from playwright.sync_api import BrowserContext, Page

from smile.learning.models import HoursEntry, PracticeEntry
from smile.learning.tests.plans_fixtures import build_course
from smile.lib.crypto import encrypt_json
from smile.mentoring.models import LifeSituationCheckIn
from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_page

pytestmark = pytest.mark.browser


def visit(page: Page, site: Site, path: str, language: str) -> None:
    response = page.goto(site(path))
    assert response is not None and response.status == 200, path
    check_page(page, language)


def test_pages_of_the_coordinator_the_mentor_and_the_adept(
    site: Site, context: BrowserContext, page: Page
) -> None:
    cast = site.cast
    course = build_course(cast)
    pair = cast.pair
    dana = cast.dana_enrolment
    entry = PracticeEntry.objects.create(
        enrolment=dana, done_on=date(2026, 9, 2), note="Mätte formen", self_level=1
    )
    HoursEntry.objects.create(
        enrolment=dana, day=date(2026, 9, 2), kind="workplace", starts_at="07:00", ends_at="15:00"
    )
    life = LifeSituationCheckIn.objects.create(
        enrolment=dana,
        payload=encrypt_json({"answers": {"housing": "fine"}, "note": "", "coordinator_areas": []}),
    )

    as_user(site, context, page, cast.alice, "sv")
    for path in (
        "/learning/hours/export/",
        f"/learning/curricula/{course.curriculum.pk}/import/",
        f"/mentoring/pairs/{pair.pk}/message/",
        "/notifications/settings/",
    ):
        visit(page, site, path, "sv")

    context.clear_cookies()
    as_user(site, context, page, cast.bob, "sv")
    for path in (
        f"/mentoring/pairs/{pair.pk}/actions/new/",
        f"/learning/adepts/{dana.pk}/hours/",
        "/learning/hours/to-confirm/",
        f"/learning/practice/{entry.pk}/",
    ):
        visit(page, site, path, "sv")

    context.clear_cookies()
    as_user(site, context, page, cast.dana, "ar")
    for path in (
        f"/learning/adepts/{dana.pk}/practice/",
        f"/learning/practice/{entry.pk}/edit/",
        "/learning/hours/",
        "/mentoring/life/",
        f"/mentoring/life/{life.pk}/delete/",
        "/privacy/access-log/",
        f"/mentoring/pairs/{pair.pk}/actions/new/",
    ):
        visit(page, site, path, "ar")
