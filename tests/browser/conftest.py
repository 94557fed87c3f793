"""Browser tests: Debian's Chromium driven by Playwright against Django's live server.

Every test gets a fresh browser context (cookies, storage) in the one browser of the session, and
a fresh database holding the shared test cast.
"""

import os

# The live server's database is touched from Playwright's event-loop thread; Django must allow it.
# This must happen before Django opens any connection.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from playwright.sync_api import Page

from tests.browser.helpers import check_console, watch_console
from tests.cast import Cast, build_cast

CHROMIUM = "/usr/bin/chromium"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server: Any) -> str:
    """Relative addresses in page.goto() and expect(page).to_have_url() go to the live server."""
    return str(live_server.url)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # The app's Content-Security-Policy forbids the script axe injects: bypass it (pages are the
    # same otherwise). A small phone by default, with a Swedish browser, so that a page without a
    # language cookie is Swedish.
    return {
        **browser_context_args,
        "bypass_csp": True,
        "viewport": PHONE,
        "locale": "sv-SE",
    }


@dataclass
class Site:
    url: str
    cast: Cast

    def __call__(self, path: str) -> str:
        return self.url + path


@pytest.fixture
def site(transactional_db: None, live_server: Any) -> Site:
    """The live server with the cast in its (transactional, so shared) database."""
    return Site(url=live_server.url, cast=build_cast())


@pytest.fixture
def page(page: Page) -> Iterator[Page]:
    """pytest-playwright's page, whose console is watched: `check_page` fails on a browser error,
    and so does the end of the test, for the pages that no check looked at."""
    watch_console(page)
    yield page
    check_console(page)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """The live server counts password-reset requests in the cache; each test starts afresh."""
    cache.clear()
    yield
    cache.clear()
