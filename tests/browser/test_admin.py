"""The Django admin that staff use to keep curricula, words, meetings and notices: in Swedish, every
page it has for SMILE's models passes axe and reports no browser error. Staff use it at a desk, so
its width is not checked at 390 px (the admin's own layout is Django's)."""

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import Site
from tests.browser.helpers import as_user, check_axe, check_console, check_language
from tests.cast import make_user

pytestmark = pytest.mark.browser

PAGES = [
    "/admin/",
    "/admin/learning/curriculum/",
    "/admin/learning/curriculum/add/",
    "/admin/learning/objective/add/",
    "/admin/learning/workplacetask/add/",
    "/admin/learning/term/add/",
    "/admin/mentoring/meeting/add/",
    "/admin/mentoring/actionitem/",
    "/admin/notifications/notification/",
    "/admin/privacy/accesslog/",
    "/admin/training/networkmeeting/",
    "/admin/training/networkattendance/add/",
]


def test_every_admin_page_for_smiles_models_passes_axe_in_swedish(
    site: Site, context: BrowserContext, page: Page
) -> None:
    admin = make_user("root@smile.example", "Root Admin", totp=True)
    admin.is_superuser = admin.is_staff = True
    admin.save(update_fields=["is_superuser", "is_staff"])
    as_user(site, context, page, admin, "sv")
    for path in PAGES:
        response = page.goto(site(path))
        assert response is not None and response.status == 200, path
        expect(page.locator("#site-name")).to_be_visible()
        check_language(page, "sv")
        check_axe(page)
        check_console(page)


def test_a_coordinator_who_is_not_staff_is_sent_to_the_admins_login(
    site: Site, context: BrowserContext, page: Page
) -> None:
    as_user(site, context, page, site.cast.alice, "sv")
    page.goto(site("/admin/privacy/accesslog/"))
    expect(page).to_have_url(site("/admin/login/?next=/admin/privacy/accesslog/"))
    expect(page.locator("#content")).not_to_contain_text("Root Admin")
    # The login page has its level-one heading (templates/admin/login.html), so axe passes.
    expect(page.locator("h1")).to_have_text("Logga in")
    check_axe(page)
    check_console(page)
