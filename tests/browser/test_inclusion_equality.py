"""Inclusion and equality in the browser.

Raising a concern: Dana reports anonymously in Somali on a 390 px phone and follows her case with
her private code, signed out, in a browser of her own; Alice, the programme's named case handler
(Swedish, second factor), works it from received to closed, asks a question that Dana answers,
and after each step Dana sees the step in Somali. Every page is checked with check_page.
"""

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, FilePayload, Page, ViewportSize, expect

from smile.equality import services
from smile.equality.models import Concern, ConcernMessage, MessageKind, Step
from smile.equality.selectors import STEP_EXPLANATIONS
from tests.browser.conftest import Site
from tests.browser.helpers import (
    as_user,
    check_page,
    in_language,
    log_out,
    screenshot,
    set_language_cookie,
    watch_console,
)

pytestmark = pytest.mark.browser

PHONE_390: ViewportSize = {"width": 390, "height": 844}
WHAT = "Kormeeraha ayaa igu qoslaya maalin kasta sababtoo ah luuqadayda."
ANSWER = "Waxay dhacday Talaadadii, shaqaale kale ayaa arkay."


def open_case_with_code(page: Page, site: Site, code: str) -> None:
    page.goto(site("/equality/follow/"))
    page.locator("input[name=code]").fill(code)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text(in_language("so", "My case"))


def test_an_anonymous_concern_in_somali_worked_to_closure(
    site: Site,
    context: BrowserContext,
    page: Page,
    browser: Browser,
    browser_context_args: dict[str, Any],
) -> None:
    cast = site.cast
    services.case_handler_add(programme=cast.programme, by=cast.alice, user=cast.alice)
    page.set_viewport_size(PHONE_390)

    # Dana, signed in, in Somali: from the equality start page to the form.
    as_user(site, context, page, cast.dana, "so")
    page.goto(site("/equality/"))
    check_page(page, "so")
    page.locator('main a[href="/equality/report/"]').click()
    expect(page).to_have_url(site("/equality/report/"))
    check_page(page, "so")
    screenshot(page, "concern-form-so")
    page.locator("input[name=kind][value=harassment]").check()
    page.locator("input[name=ground][value=ethnicity]").check()
    page.locator("input[name=place][value=workplace]").check()
    page.locator("textarea[name=what]").fill(WHAT)
    page.locator("input[name=anonymous][value=anonymous]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text(in_language("so", "Your report is sent"))
    check_page(page, "so")
    screenshot(page, "concern-code-so")
    code = page.locator("main .secret code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", code)
    concern = Concern.objects.get()
    assert concern.anonymous and concern.reporter is None
    log_out(page)

    # Her own browser, signed out, on the phone: she opens the case with her code.
    reporter = browser.new_context(**{**browser_context_args, "viewport": PHONE_390})
    set_language_cookie(reporter, site.url, "so")
    dana = reporter.new_page()
    watch_console(dana)
    dana.goto(site("/equality/follow/"))
    check_page(dana, "so")
    open_case_with_code(dana, site, code)
    expect(dana.locator("main")).to_contain_text(
        in_language("so", STEP_EXPLANATIONS[Step.RECEIVED])
    )
    check_page(dana, "so")

    # Alice, the named case handler, in Swedish with her second factor.
    as_user(site, context, page, cast.alice, "sv")
    page.goto(site("/equality/cases/"))
    check_page(page, "sv")
    page.locator(f'main a[href="/equality/cases/{concern.pk}/"]').click()
    expect(page).to_have_url(site(f"/equality/cases/{concern.pk}/"))
    expect(page.locator("main")).to_contain_text(WHAT)
    expect(page.locator("main")).not_to_contain_text("Dana")
    check_page(page, "sv")
    screenshot(page, "concern-case-sv")

    def alice_moves_to(step: Step, word: str = "") -> None:
        page.locator("select[name=step-step]").select_option(str(step))
        if word:
            page.locator("textarea[name=step-message]").fill(word)
        page.locator("form:has(input[name=action][value=step]) button[type=submit]").click()
        expect(page).to_have_url(site(f"/equality/cases/{concern.pk}/"))
        expect(page.locator("#step-heading")).to_contain_text(in_language("sv", step.label))
        check_page(page, "sv")

    def dana_sees(step: Step) -> None:
        open_case_with_code(dana, site, code)
        current = dana.locator("main li[aria-current=step]")
        expect(current).to_contain_text(in_language("so", step.label))
        expect(current).to_contain_text(in_language("so", STEP_EXPLANATIONS[step]))
        check_page(dana, "so")

    alice_moves_to(Step.ACKNOWLEDGED, "Waan helnay. Waan ka shaqeyn doonnaa.")
    page.locator("textarea[name=ask-text]").fill("Yaa kale oo goobta joogay?")
    page.locator("form:has(input[name=action][value=ask]) button[type=submit]").click()
    check_page(page, "sv")
    dana_sees(Step.ACKNOWLEDGED)
    expect(dana.locator("main")).to_contain_text("Yaa kale oo goobta joogay?")
    screenshot(dana, "concern-follow-so")

    # Dana answers the question through her code.
    dana.locator("textarea[name=text]").fill(ANSWER)
    dana.locator("main form button[name=send_answer]").click()
    expect(dana.locator("main .messages[role=status]")).to_contain_text(
        in_language("so", "Your message is sent to the case handlers.")
    )
    check_page(dana, "so")
    answer = ConcernMessage.objects.get(kind=MessageKind.ANSWER)
    assert answer.author is None

    page.reload()
    expect(page.locator("main")).to_contain_text(ANSWER)
    for step in (Step.INVESTIGATING, Step.MEASURES, Step.FOLLOWED_UP):
        alice_moves_to(step)
        dana_sees(step)
    alice_moves_to(Step.CLOSED, "Mahadsanid. Kiiska waa la xiray.")
    dana_sees(Step.CLOSED)
    expect(dana.locator("main")).to_contain_text("Mahadsanid. Kiiska waa la xiray.")
    expect(dana.locator("textarea[name=text]")).to_have_count(0)
    concern.refresh_from_db()
    assert concern.step == Step.CLOSED
    reporter.close()


def test_a_named_concern_in_arabic_right_to_left(
    site: Site, context: BrowserContext, page: Page
) -> None:
    """The same form right to left: Dana reports with her name in Arabic, a wrong file is
    refused with what she typed kept, and she follows the case signed in."""
    cast = site.cast
    services.case_handler_add(programme=cast.programme, by=cast.alice, user=cast.alice)
    page.set_viewport_size(PHONE_390)
    as_user(site, context, page, cast.dana, "ar")
    page.goto(site("/equality/report/"))
    check_page(page, "ar")
    page.locator("input[name=kind][value=discrimination]").check()
    page.locator("input[name=place][value=school]").check()
    page.locator("textarea[name=what]").fill("قال المعلم إن النساء لا يصلحن لهذا العمل.")
    page.locator("input[name=anonymous][value=named]").check()
    not_a_photo: FilePayload = {
        "name": "photo.jpg",
        "mimeType": "image/jpeg",
        "buffer": b"<html></html>",
    }
    page.locator("input[name=attachment]").set_input_files(files=[not_a_photo])
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .errorlist")).to_contain_text(
        in_language("ar", "This kind of file cannot be sent. Send a photo (JPEG or PNG) or a PDF.")
    )
    expect(page.locator("textarea[name=what]")).to_have_value(
        "قال المعلم إن النساء لا يصلحن لهذا العمل."
    )
    assert Concern.objects.count() == 0
    check_page(page, "ar")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/equality/mine/\d+/$"))
    expect(page.locator("main li[aria-current=step]")).to_contain_text(
        in_language("ar", Step.RECEIVED.label)
    )
    check_page(page, "ar")
    screenshot(page, "concern-mine-ar")
